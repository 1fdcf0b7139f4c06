#include "cli/input_file.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace budget::cli {
namespace {

std::string base_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Error too_large() {
  return Error("input.too_large", "more than the " + std::to_string(kMaxInputBytes >> 20) +
                                      " MiB budgetx reads");
}

// Reads `fd` to its end.  A stream is read without blocking: poll() waits
// at most `idle_seconds` for each chunk, so a silent writer cannot hang us.
std::string read_all(int fd, bool stream, int idle_seconds, std::size_t size_hint = 0) {
  std::string bytes;
  bytes.reserve(size_hint);
  char buffer[1 << 16];
  while (true) {
    if (stream) {
      pollfd p{fd, POLLIN, 0};
      int ready = poll(&p, 1, idle_seconds * 1000);
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0)
        throw Error("input.stalled", "nothing to read for " + std::to_string(idle_seconds) +
                                         " s (a FIFO or pipe with no writer?)");
    }
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) throw Error("input.unreadable", std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) return bytes;
    if (bytes.size() + static_cast<std::size_t>(n) > kMaxInputBytes) throw too_large();
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd > 2) close(fd);
  }
};

}  // namespace

InputFile read_input(const std::string& path, int idle_seconds) {
  if (path == "-") {
    int flags = fcntl(0, F_GETFL);
    if (flags >= 0) fcntl(0, F_SETFL, flags | O_NONBLOCK);
    struct stat st{};
    bool stream = fstat(0, &st) != 0 || !S_ISREG(st.st_mode);
    std::string bytes = read_all(0, stream, idle_seconds);
    if (flags >= 0) fcntl(0, F_SETFL, flags);
    return {std::move(bytes), "stdin"};
  }
  struct stat st{};
  if (stat(path.c_str(), &st) != 0)
    throw Error("input.unreadable", std::string("cannot open file: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw Error("input.unreadable", "is a directory, not a file");
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > kMaxInputBytes) throw too_large();
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
  Fd in{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (in.fd < 0) throw Error("input.unreadable", std::string("cannot open file: ") + std::strerror(errno));
  bool regular = S_ISREG(st.st_mode);
  return {read_all(in.fd, !regular, idle_seconds, regular ? static_cast<std::size_t>(st.st_size) : 0),
          base_name(path)};
}

FileId file_id(const std::string& path) {
  struct stat st{};
  if (stat(path.c_str(), &st) != 0) return {};
  return {st.st_dev, st.st_ino};
}

}  // namespace budget::cli
