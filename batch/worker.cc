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
#include "disclosure/disclosure.h"

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
    Document doc = disclosure::read(task.path);
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

// Reads one framed message; nullopt at end of file.
std::optional<std::string> read_frame(int fd) {
  std::string buffer;
  char buf[4096];
  for (;;) {
    if (auto message = take_frame(buffer)) return message;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    buffer.append(buf, static_cast<std::size_t>(n));
  }
}

// The worker: takes documents until its task pipe ends; never returns.
// _exit, not exit: the batch's SQLite connection and buffers, copied by
// fork(), must not be flushed or closed from here.
[[noreturn]] void run_worker(const Limits& limits, const std::string& json_dir, int in, int out,
                             pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed batch leaves no workers behind
  if (getppid() != parent) _exit(1);
  if (limits.memory_mb > 0 && kCanLimitAddressSpace) {
    rlim_t bytes = static_cast<rlim_t>(limits.memory_mb) << 20;
    rlimit r{bytes, bytes};
    setrlimit(RLIMIT_AS, &r);
  }
  while (auto message = read_frame(in)) {
    Task task;
    if (!decode_task(*message, task.doc_id, task.sha256, task.path)) _exit(1);
    if (!write_all(out, framed(encode(extract_one(task, limits, json_dir))))) _exit(1);
  }
  _exit(0);
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

WorkerPool::WorkerPool(int jobs, Limits limits, std::string json_dir)
    : jobs_(std::max(1, jobs)), limits_(limits), json_dir_(std::move(json_dir)) {
  // A worker that dies before reading its task must not kill the batch.
  signal(SIGPIPE, SIG_IGN);
}

WorkerPool::~WorkerPool() {
  for (auto& w : workers_) {
    if (w.task) kill(w.pid, SIGKILL);
    close(w.to);
    close(w.from);
    waitpid(w.pid, nullptr, 0);
  }
}

std::size_t WorkerPool::busy() const {
  return static_cast<std::size_t>(
      std::count_if(workers_.begin(), workers_.end(), [](const Worker& w) { return w.task.has_value(); }));
}

WorkerPool::Worker WorkerPool::spawn() {
  int tasks[2], results[2];
  if (pipe2(tasks, O_CLOEXEC) != 0) throw Error("internal.pipe", std::strerror(errno));
  if (pipe2(results, O_CLOEXEC) != 0) {
    close(tasks[0]);
    close(tasks[1]);
    throw Error("internal.pipe", std::strerror(errno));
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {tasks[0], tasks[1], results[0], results[1]}) close(fd);
    throw Error("internal.fork", std::strerror(errno));
  }
  if (pid == 0) {
    // Only this worker's own pipe ends stay open here (the others' are
    // O_CLOEXEC but there is no exec): close those of its siblings, so that
    // a sibling sees end-of-file when the batch closes its task pipe.
    for (auto& w : workers_) close(w.to), close(w.from);
    close(tasks[1]);
    close(results[0]);
    run_worker(limits_, json_dir_, tasks[0], results[1], parent);
  }
  close(tasks[0]);
  close(results[1]);
  Worker w;
  w.pid = pid;
  w.to = tasks[1];
  w.from = results[0];
  return w;
}

void WorkerPool::start(const Task& task) {
  // Retired workers (task pipe closed) only finish and exit.
  auto idle = std::find_if(workers_.begin(), workers_.end(),
                           [](const Worker& w) { return !w.task && w.to >= 0; });
  if (idle == workers_.end()) {
    workers_.push_back(spawn());
    idle = workers_.end() - 1;
  }
  idle->task = task;
  idle->started = std::chrono::steady_clock::now();
  idle->timed_out = false;
  ++idle->documents;
  // A worker that died idle shows as a failed write: its document is then
  // reported from bury() like any worker death, with the message below.
  write_all(idle->to, framed(encode_task(task.doc_id, task.sha256, task.path)));
  if (idle->documents >= limits_.documents_per_worker) {
    close(idle->to);  // the worker exits after this document
    idle->to = -1;
  }
}

std::vector<Finished> WorkerPool::collect(int wait_ms) {
  std::vector<Finished> done;
  if (workers_.empty()) return done;
  // Workers over their time are killed; their pipe then reads end-of-file.
  auto now = std::chrono::steady_clock::now();
  for (auto& w : workers_) {
    if (!w.task) continue;
    double left = limits_.seconds - std::chrono::duration<double>(now - w.started).count();
    if (left <= 0 && !w.timed_out) {
      kill(w.pid, SIGKILL);
      w.timed_out = true;
    } else if (left > 0) {
      wait_ms = std::min(wait_ms, static_cast<int>(left * 1000) + 1);
    }
  }
  std::vector<pollfd> fds;
  for (auto& w : workers_) fds.push_back({w.from, POLLIN, 0});
  if (poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR)
    throw Error("internal.poll", std::strerror(errno));
  std::vector<Worker> alive;
  for (std::size_t i = 0; i < fds.size(); ++i) {
    Worker& w = workers_[i];
    bool ended = false;
    if (fds[i].revents) {
      char buf[1 << 16];
      ssize_t n = read(w.from, buf, sizeof buf);
      if (n > 0)
        w.bytes.append(buf, static_cast<std::size_t>(n));
      else
        ended = n == 0 || (errno != EINTR && errno != EAGAIN);
    }
    if (auto message = take_frame(w.bytes); message && w.task) {
      Finished f{*w.task, {}, since(w.started)};
      if (auto o = decode(*message))
        f.outcome = std::move(*o);
      else
        f.outcome = Outcome{false, "worker.protocol", "the worker sent a message that does not parse", {}};
      // A worker that failed a document (out of memory, say) may be left in
      // a bad state: it takes no other.
      if (!f.outcome.ok && w.to >= 0) {
        close(w.to);
        w.to = -1;
      }
      done.push_back(std::move(f));
      w.task.reset();
    }
    if (ended) {
      if (auto f = bury(w)) done.push_back(std::move(*f));
    } else {
      alive.push_back(std::move(w));
    }
  }
  workers_ = std::move(alive);
  return done;
}

std::optional<Finished> WorkerPool::bury(Worker& w) {
  close(w.from);
  if (w.to >= 0) close(w.to);
  int status = 0;
  while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!w.task) return std::nullopt;  // retired after its last document
  Finished f{*w.task, {}, since(w.started)};
  auto fail = [&](std::string code, std::string message) {
    f.outcome = Outcome{false, std::move(code), std::move(message), {}};
  };
  if (w.timed_out) {
    fail("worker.timeout", "no result within " + std::to_string(static_cast<int>(limits_.seconds)) +
                               " s; the worker was killed");
  } else if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    fail("worker.crashed", std::string("the worker died of signal ") + std::to_string(sig) + " (" +
                               strsignal(sig) + ")");
  } else {
    fail("worker.failed", "the worker exited with status " + std::to_string(WEXITSTATUS(status)) +
                              " without a result");
  }
  return f;
}

}  // namespace budget::batch
