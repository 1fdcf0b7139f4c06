#include "cli/output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace budget::cli {
namespace fs = std::filesystem;
namespace {

// Temporary files are named ".<target name>.budgetx-<pid>-XXXXXX": hidden,
// beside their target (so the rename stays on one file system), and marked
// with the writer's pid so a later run can tell a dead writer's leftovers.
constexpr const char* kTempMarker = ".budgetx-";

// The temporary file being written, for the signal handler (which may only
// call async-signal-safe functions: unlink, raise).
char g_temp_path[PATH_MAX];
volatile sig_atomic_t g_temp_active = 0;

void on_signal(int sig) {
  if (g_temp_active) unlink(g_temp_path);
  signal(sig, SIG_DFL);
  raise(sig);
}

Error unwritable(const std::string& what, const std::string& path) {
  return Error("output.unwritable", "cannot " + what + " " + path + ": " + std::strerror(errno));
}

void write_fully(int fd, const std::string& content, const std::string& path) {
  for (std::size_t done = 0; done < content.size();) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw unwritable("write", path);
    done += static_cast<std::size_t>(n);
  }
}

// Removes temporary files of `name` in `dir` left by writers that no longer
// run (killed with SIGKILL, or a crash).
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  std::string prefix = "." + name + kTempMarker;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    std::string file = entry.path().filename().string();
    if (file.compare(0, prefix.size(), prefix) != 0) continue;
    pid_t pid = static_cast<pid_t>(std::atol(file.c_str() + prefix.size()));
    if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH) fs::remove(entry.path(), ec);
  }
}

// Writes straight into a character device or FIFO, which must not be replaced.
void write_to_stream(const std::string& path, const std::string& content) {
  // O_NONBLOCK so that opening a FIFO nobody reads fails (ENXIO) instead of waiting.
  int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) throw Error("output.unwritable", path + " is a FIFO with no reader");
    throw unwritable("open", path);
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  try {
    write_fully(fd, content, path);
  } catch (...) {
    close(fd);
    throw;
  }
  close(fd);
}

void write_replacing(const fs::path& target, const std::string& content) {
  fs::path dir = target.parent_path();
  std::error_code ec;
  if (!dir.empty()) fs::create_directories(dir, ec);
  std::string name = target.filename().string();
  remove_stale_temporaries(dir, name);
  std::string temp = (dir / ("." + name + kTempMarker + std::to_string(getpid()) + "-XXXXXX")).string();
  if (temp.size() >= sizeof g_temp_path) throw Error("output.unwritable", "path too long: " + temp);

  // Blocked while the name is being recorded, so a signal never finds a
  // half-copied path or misses a created file.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &old);
  std::strcpy(g_temp_path, temp.c_str());
  int fd = mkstemp(g_temp_path);
  g_temp_active = fd >= 0;
  sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) throw unwritable("create a file in", dir.empty() ? "." : dir.string());

  auto discard = [&] {
    sigprocmask(SIG_BLOCK, &block, &old);
    unlink(g_temp_path);
    g_temp_active = 0;
    sigprocmask(SIG_SETMASK, &old, nullptr);
  };
  try {
    // mkstemp makes 0600; an output is an ordinary file (0666 less the umask).
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    write_fully(fd, content, target.string());
    if (fsync(fd) != 0) throw unwritable("flush", target.string());
    if (close(fd) != 0) {
      fd = -1;
      throw unwritable("close", target.string());
    }
    fd = -1;
    if (rename(g_temp_path, target.c_str()) != 0) throw unwritable("rename a temporary file to", target.string());
    g_temp_active = 0;
  } catch (...) {
    if (fd >= 0) close(fd);
    discard();
    throw;
  }
}

}  // namespace

void write_output(const std::string& path, const std::string& content, const std::vector<FileId>& inputs) {
  FileId id = file_id(path);
  for (const auto& input : inputs)
    if (id && id == input)
      throw Error("output.is_input", path + " is one of the inputs; refusing to overwrite it");
  struct stat st{};
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return write_to_stream(path, content);
    if (!S_ISREG(st.st_mode))
      throw Error("output.not_regular", path + " exists and is not a regular file; refusing to replace it");
  }
  // A symlink to a file: the file it points to is replaced, the link stays.
  std::error_code ec;
  fs::path target = fs::is_symlink(path, ec) ? fs::weakly_canonical(path, ec) : fs::path(path);
  write_replacing(target, content);
}

void remove_temporary_files_on_signals() {
  struct sigaction action{};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace budget::cli
