// batch/batch.h — `budgetx batch`: many documents into one SQLite database.
//
//   BatchOptions o;
//   o.inputs = {"corpus/"}; o.db = "corpus.sqlite"; o.jobs = 2;
//   int status = run_batch(o, std::cin, std::cerr);   // 0: all stored ok, 2: some failed
//
// The story of a run: find the inputs (batch/inputs.h), hash each one, keep
// this shard's documents (batch/shard.h), skip those the database already
// holds from this budgetx version, extract the rest in worker processes
// (batch/worker.h) and store each as it finishes, in its own transaction
// (batch/store.h), with progress and a summary (batch/progress.h).
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/shard.h"
#include "batch/worker.h"

namespace budget::batch {

constexpr int kBatchOk = 0;
constexpr int kBatchFailed = 2;  // a document or the database failed

struct BatchOptions {
  std::vector<std::string> inputs;  // files and directories
  std::string from_list;            // file of paths, "-" = stdin, "" = none
  std::string db;                   // the SQLite database
  std::string json_dir;             // "" = no JSON files
  int jobs = 0;                     // 0 = the number of cores
  bool force = false;               // redo documents already stored
  bool retry_failed = false;        // redo documents stored as errors
  std::optional<Shard> shard;
  Limits limits;
  bool progress = false;            // draw the progress line (a terminal)
};

int run_batch(const BatchOptions& options, std::istream& in, std::ostream& err);

}  // namespace budget::batch
