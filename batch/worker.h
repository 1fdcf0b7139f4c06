// batch/worker.h — documents extracted in worker processes, a few at a time.
//
//   WorkerPool pool(2, Limits{}, "");          // up to two workers, no JSON files
//   pool.start({doc_id, sha256, "a.pdf"});
//   for (Finished& f : pool.collect(250)) store(f);   // waits up to 250 ms
//
// Processes, not threads: Poppler's global state is not thread-safe, and a
// process is what isolates a document that crashes, hangs or eats memory.
// A worker is fork()ed from the batch (no exec), takes one document at a
// time through a pipe and answers through another; it lives for up to
// Limits::documents_per_worker documents, so its start-up (compiled patterns, the
// table-kind registry) is paid once per many documents while its memory
// stays that of one document.  Each worker runs under an address-space limit
// (RLIMIT_AS), each document under a wall-clock limit (SIGKILL of its
// worker); whatever happens to a worker becomes the Outcome of the document
// it held ("worker.crashed", "worker.timeout", "worker.out_of_memory"), never
// the batch's, and a new worker takes the next document.
//
// Test hook: in the worker only, BUDGETX_TEST_WORKER_FAULT=crash:TEXT (or
// hang:TEXT, memory:TEXT) makes the document whose path contains TEXT abort,
// sleep forever, or allocate without end, to test this isolation.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/wire.h"

namespace budget::batch {

struct Limits {
  double seconds = 600;           // per document, wall clock
  std::int64_t memory_mb = 4096;  // address space per worker; 0 = unlimited
  int documents_per_worker = 64;  // then the worker exits and a fresh one takes over
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
  ~WorkerPool();  // ends the workers

  bool full() const { return busy() >= static_cast<std::size_t>(jobs_); }
  bool idle() const { return busy() == 0; }
  // Hands the task to an idle worker, starting one if none is idle.
  void start(const Task& task);
  // Waits until a document is done or `wait_ms` passes; returns the
  // documents done (possibly none).
  std::vector<Finished> collect(int wait_ms);

 private:
  struct Worker {
    pid_t pid = -1;
    int to = -1;    // write end of the task pipe
    int from = -1;  // read end of the result pipe
    std::string bytes;
    std::optional<Task> task;
    std::chrono::steady_clock::time_point started;
    bool timed_out = false;
    int documents = 0;
  };
  std::size_t busy() const;
  Worker spawn();
  // The worker's pipe ended: reaps it; the Outcome of its document, if any.
  std::optional<Finished> bury(Worker& w);

  int jobs_;
  Limits limits_;
  std::string json_dir_;
  std::vector<Worker> workers_;
};

}  // namespace budget::batch
