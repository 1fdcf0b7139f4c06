#include "batch/commands.h"

#include <unistd.h>

#include "batch/export.h"
#include "batch/merge.h"
#include "batch/schema.h"
#include "batch/store.h"
#include "core/error.h"

namespace budget::batch {
namespace {

constexpr int kExitUsage = 64;

}  // namespace

Commands::Commands(CLI::App& app) {
  batch_ = app.add_subcommand("batch", "Ingest many documents into one SQLite database, in parallel");
  batch_->add_option("inputs", options_.inputs, "PDF or text files, and directories (recursive)");
  batch_->add_option("--from", options_.from_list, "Read input paths from a file, one a line (- = stdin)");
  batch_->add_option("--db", options_.db, "The SQLite database to create or add to")->required();
  batch_->add_option("-o,--output", options_.json_dir, "Also write each document's JSON as DIR/<sha256>.json");
  batch_->add_option("-j,--jobs", options_.jobs, "Worker processes (default: the number of cores)")
      ->check(CLI::NonNegativeNumber);
  batch_->add_flag("--force", options_.force, "Extract again documents the database already holds");
  batch_->add_flag("--retry-failed", options_.retry_failed,
                   "Extract again documents the database holds as errors (timeouts, crashes, …)");
  batch_->add_option("--shard", shard_, "Only the K-th of N shares of the documents (0 <= K < N)");
  batch_->add_option("--timeout", options_.limits.seconds, "Seconds allowed per document")
      ->capture_default_str()->check(CLI::PositiveNumber);
  batch_->add_option("--memory-limit", options_.limits.memory_mb,
                     "Address space per worker, in MB (0 = no limit)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);

  db_ = app.add_subcommand("db", "Work on batch databases: merge, export, schema");
  db_->require_subcommand(1);
  merge_ = db_->add_subcommand("merge", "Combine shard databases into one");
  merge_->add_option("shards", shards_, "Shard databases")->required();
  merge_->add_option("--db", db_path_, "The database to merge into")->required();
  export_ = db_->add_subcommand("export", "Print a table or view as CSV or JSON Lines");
  export_->add_option("table", table_, "Table or view: tidy_cells, tidy_projects, documents, …")
      ->required();
  export_->add_option("--db", db_path_, "The database")->required();
  export_->add_option("--format", format_, "csv | jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
  export_->add_flag("--bom", bom_, "Start with a UTF-8 byte order mark (for spreadsheets)");
  schema_ = db_->add_subcommand("schema", "Print the SQL that creates a batch database");
}

bool Commands::selected() const { return batch_->parsed() || db_->parsed(); }

int Commands::run(std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    if (batch_->parsed()) {
      if (options_.inputs.empty() && options_.from_list.empty()) {
        err << "budgetx batch: no inputs (give files, directories or --from LIST)\n";
        return kExitUsage;
      }
      if (!shard_.empty()) options_.shard = parse_shard(shard_);
      options_.progress = isatty(STDERR_FILENO);
      return run_batch(options_, in, err);
    }
    if (schema_->parsed()) {
      out << schema_sql();
      return kBatchOk;
    }
    if (merge_->parsed()) {
      merge_databases(shards_, db_path_, err);
      return kBatchOk;
    }
    if (!std::filesystem::exists(db_path_)) throw Error("input.missing", db_path_ + ": no such database");
    Store store(db_path_);
    export_table(store.connection(), table_, format_ == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv,
                 bom_, out);
    return kBatchOk;
  } catch (const Error& e) {
    err << "budgetx: " << e.what() << " [" << e.code() << "]\n";
    return e.code().rfind("usage.", 0) == 0 ? kExitUsage : kBatchFailed;
  }
}

}  // namespace budget::batch
