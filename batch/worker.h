// batch/worker.h — documents extracted in worker processes, a few at a time.
//
//   WorkerPool pool(2, Limits{}, "");          // two workers, no JSON files
//   pool.start({doc_id, sha256, "a.pdf"});
//   for (Finished& f : pool.collect(250)) store(f);   // waits up to 250 ms
//
// Processes, not threads: Poppler's global state is not thread-safe, and a
// process is what isolates a document that crashes, hangs or eats memory.
// Each document gets its own fork()ed worker under an address-space limit
// (RLIMIT_AS) and a wall-clock limit (SIGKILL when it runs over); whatever
// happens to the worker becomes that document's Outcome ("worker.crashed",
// "worker.timeout", "worker.out_of_memory"), never the batch's.
//
// Test hook: in the worker only, BUDGETX_TEST_WORKER_FAULT=crash:TEXT (or
// hang:TEXT, memory:TEXT) makes the document whose path contains TEXT abort,
// sleep forever, or allocate without end, to test this isolation.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "batch/wire.h"

namespace budget::batch {

struct Limits {
  double seconds = 600;        // per document, wall clock
  std::int64_t memory_mb = 4096;  // address space per worker; 0 = unlimited
};

struct Task {
  std::int64_t doc_id = 0;
  std::string sha256;
  std::string path;
};

struct Finished {
  Task task;
  Outcome outcome;
  double seconds = 0;
};

class WorkerPool {
 public:
  // json_dir: where workers write <sha256>.json of each document ("" = none).
  WorkerPool(int jobs, Limits limits, std::string json_dir);
  ~WorkerPool();  // kills workers still running

  bool full() const { return running_.size() >= static_cast<std::size_t>(jobs_); }
  bool idle() const { return running_.empty(); }
  void start(const Task& task);
  // Waits until a worker ends or `wait_ms` passes; returns the documents
  // whose workers ended (possibly none).
  std::vector<Finished> collect(int wait_ms);

 private:
  struct Running {
    Task task;
    int fd = -1;  // read end of the worker's result pipe
    std::string bytes;
    std::chrono::steady_clock::time_point started;
    bool timed_out = false;
  };
  Finished finish(pid_t pid, Running& r);

  int jobs_;
  Limits limits_;
  std::string json_dir_;
  std::map<pid_t, Running> running_;
};

}  // namespace budget::batch
