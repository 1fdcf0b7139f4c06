#include "batch/batch.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "batch/inputs.h"
#include "batch/progress.h"
#include "batch/records.h"
#include "batch/store.h"
#include "core/error.h"
#include "core/version.h"

namespace budget::batch {
namespace {

// One document to ingest: its content key and every name it was found under.
struct Pending {
  Task task;                       // task.path: the first name
  std::vector<std::string> files;  // sorted
};

int cores() {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

}  // namespace

int run_batch(const BatchOptions& options, std::istream& in, std::ostream& err) {
  auto started = std::chrono::steady_clock::now();
  Summary summary;
  int status = kBatchOk;
  try {
    std::vector<std::string> inputs = find_inputs(options.inputs, options.from_list, in);
    if (!options.json_dir.empty()) std::filesystem::create_directories(options.json_dir);
    Store store(options.db);

    // Group the inputs by content: the same bytes under two names are one
    // document.  Inputs are sorted, so a document's first name is the same
    // in every run.
    std::vector<Pending> documents;
    std::map<std::int64_t, std::size_t> index;  // doc_id -> position in documents
    for (const auto& path : inputs) {
      std::string sha;
      try {
        sha = sha256_file(path);
      } catch (const Error& e) {
        err << "budgetx: " << path << ": " << e.what() << " [" << e.code() << "]\n";
        ++summary.failed;
        ++summary.failed_by_code[e.code()];
        status = kBatchFailed;
        continue;
      }
      std::int64_t id = doc_id_of(sha);
      if (options.shard && !in_shard(id, *options.shard)) continue;
      auto [it, added] = index.emplace(id, documents.size());
      if (added) {
        documents.push_back({Task{id, sha, path}, {path}});
      } else {
        documents[it->second].files.push_back(path);
        ++summary.duplicates;
      }
    }

    std::vector<const Pending*> queue;
    for (const auto& d : documents) {
      auto stored = store.stored(d.task.doc_id);
      bool redo = options.force || (options.retry_failed && stored && stored->status == "error");
      if (stored && stored->version == kBudgetxVersion && !redo) {
        for (const auto& f : d.files) store.add_file(d.task.doc_id, f);
        ++summary.skipped;
      } else {
        queue.push_back(&d);
      }
    }

    std::map<std::int64_t, const Pending*> by_id;
    for (const auto* p : queue) by_id[p->task.doc_id] = p;
    Progress progress(err, options.progress, static_cast<int>(queue.size()));
    WorkerPool pool(options.jobs > 0 ? options.jobs : cores(), options.limits, options.json_dir);
    std::size_t next = 0;
    while (next < queue.size() || !pool.idle()) {
      while (next < queue.size() && !pool.full()) pool.start(queue[next++]->task);
      for (Finished& f : pool.collect(200)) {
        const Pending& p = *by_id.at(f.task.doc_id);
        if (f.outcome.ok) {
          ++summary.ok;
        } else {
          progress.finish();
          err << "budgetx: " << p.task.path << ": " << f.outcome.error_message << " ["
              << f.outcome.error_code << "]\n";
          ++summary.failed;
          ++summary.failed_by_code[f.outcome.error_code];
          status = kBatchFailed;
        }
        store.write(StoredDocument{p.task.doc_id, p.task.sha256, p.files, kBudgetxVersion,
                                   std::move(f.outcome), f.seconds});
      }
      progress.update(summary);
    }
    progress.finish();
  } catch (const Error& e) {
    err << "budgetx: " << e.what() << " [" << e.code() << "]\n";
    status = kBatchFailed;
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  err << format_summary(summary);
  return status;
}

}  // namespace budget::batch
