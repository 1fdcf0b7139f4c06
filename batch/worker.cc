#include "batch/worker.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>

#include "core/document_json.h"
#include "core/error.h"
#include "extract/pipeline.h"

namespace budget::batch {
namespace {

// ASan reserves terabytes of address space: an RLIMIT_AS would stop every
// worker of a sanitizer build, so there the memory limit is not applied.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCanLimitAddressSpace = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kCanLimitAddressSpace = false;
#else
constexpr bool kCanLimitAddressSpace = true;
#endif
#else
constexpr bool kCanLimitAddressSpace = true;
#endif

// The test-only fault hook (see worker.h).  The memory fault stops itself at
// twice the limit, for builds where no limit applies (sanitizers).
void inject_fault(const std::string& path, const Limits& limits) {
  const char* spec = std::getenv("BUDGETX_TEST_WORKER_FAULT");
  if (!spec) return;
  std::string s = spec;
  auto colon = s.find(':');
  if (colon == std::string::npos || path.find(s.substr(colon + 1)) == std::string::npos) return;
  std::string fault = s.substr(0, colon);
  if (fault == "crash") std::abort();
  if (fault == "hang")
    for (;;) pause();
  if (fault == "memory") {
    for (std::int64_t mb = 0; mb < 2 * limits.memory_mb; ++mb) {
      char* p = new char[1 << 20];
      std::memset(p, 1, 1 << 20);  // touched, so the pages are really taken
    }
    throw std::bad_alloc();
  }
}

void write_json(const std::string& dir, const std::string& sha256, const std::string& json) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(dir) / (sha256 + ".json");
  fs::path tmp = path;
  tmp += ".part" + std::to_string(getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << json;
    if (!f.flush()) throw Error("output.unwritable", "cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

Outcome extract_one(const Task& task, const Limits& limits, const std::string& json_dir) {
  Outcome o;
  try {
    inject_fault(task.path, limits);
    Document doc = extract::extract_file(task.path, extract::Options{});
    o.ingested = to_records(doc, task.doc_id);
    if (!json_dir.empty()) write_json(json_dir, task.sha256, to_json(doc));
    o.ok = true;
  } catch (const Error& e) {
    o = Outcome{false, e.code(), e.what(), {}};
  } catch (const std::bad_alloc&) {
    o = Outcome{false, "worker.out_of_memory", "the document needs more memory than the limit", {}};
  } catch (const std::exception& e) {
    o = Outcome{false, "internal.error", e.what(), {}};
  }
  return o;
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// The worker: never returns.  _exit, not exit: the parent's SQLite
// connection and buffers, copied by fork(), must not be flushed or closed
// from here.
[[noreturn]] void run_worker(const Task& task, const Limits& limits, const std::string& json_dir,
                             int fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed batch leaves no workers behind
  if (getppid() != parent) _exit(1);
  if (limits.memory_mb > 0 && kCanLimitAddressSpace) {
    rlim_t bytes = static_cast<rlim_t>(limits.memory_mb) << 20;
    rlimit r{bytes, bytes};
    setrlimit(RLIMIT_AS, &r);
  }
  bool ok = write_all(fd, encode(extract_one(task, limits, json_dir)));
  _exit(ok ? 0 : 1);
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

WorkerPool::WorkerPool(int jobs, Limits limits, std::string json_dir)
    : jobs_(std::max(1, jobs)), limits_(limits), json_dir_(std::move(json_dir)) {
  // A worker that dies before reading its pipe must not kill the batch.
  signal(SIGPIPE, SIG_IGN);
}

WorkerPool::~WorkerPool() {
  for (auto& [pid, r] : running_) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    close(r.fd);
  }
}

void WorkerPool::start(const Task& task) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw Error("internal.pipe", std::strerror(errno));
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    throw Error("internal.fork", std::strerror(errno));
  }
  if (pid == 0) {
    close(fds[0]);
    run_worker(task, limits_, json_dir_, fds[1], parent);
  }
  close(fds[1]);
  running_[pid] = Running{task, fds[0], {}, std::chrono::steady_clock::now(), false};
}

std::vector<Finished> WorkerPool::collect(int wait_ms) {
  std::vector<Finished> done;
  if (running_.empty()) return done;
  // Workers over their time are killed; their pipe then reads end-of-file.
  auto now = std::chrono::steady_clock::now();
  for (auto& [pid, r] : running_) {
    double left = limits_.seconds - std::chrono::duration<double>(now - r.started).count();
    if (left <= 0 && !r.timed_out) {
      kill(pid, SIGKILL);
      r.timed_out = true;
    } else if (left > 0) {
      wait_ms = std::min(wait_ms, static_cast<int>(left * 1000) + 1);
    }
  }
  std::vector<pollfd> fds;
  std::vector<pid_t> pids;
  for (auto& [pid, r] : running_) {
    fds.push_back({r.fd, POLLIN, 0});
    pids.push_back(pid);
  }
  if (poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR)
    throw Error("internal.poll", std::strerror(errno));
  for (std::size_t i = 0; i < fds.size(); ++i) {
    if (!fds[i].revents) continue;
    Running& r = running_.at(pids[i]);
    char buf[1 << 16];
    ssize_t n = read(r.fd, buf, sizeof buf);
    if (n > 0) {
      r.bytes.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
      done.push_back(finish(pids[i], r));
      running_.erase(pids[i]);
    }
  }
  return done;
}

Finished WorkerPool::finish(pid_t pid, Running& r) {
  close(r.fd);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  Finished f{r.task, {}, since(r.started)};
  auto fail = [&](std::string code, std::string message) {
    f.outcome = Outcome{false, std::move(code), std::move(message), {}};
  };
  if (r.timed_out) {
    fail("worker.timeout", "no result within " + std::to_string(static_cast<int>(limits_.seconds)) +
                               " s; the worker was killed");
  } else if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    fail("worker.crashed", std::string("the worker died of signal ") + std::to_string(sig) + " (" +
                               strsignal(sig) + ")");
  } else if (auto o = decode(r.bytes); o && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    f.outcome = std::move(*o);
  } else {
    fail("worker.failed", "the worker exited with status " + std::to_string(WEXITSTATUS(status)) +
                              " without a whole result");
  }
  return f;
}

}  // namespace budget::batch
