// batch/store.h — the batch database's one writer.
//
//   Store store("corpus.sqlite");            // creates or checks the schema (batch/schema.h)
//   if (store.version_of(id) != kBudgetxVersion) store.write(stored);  // one transaction
//   store.add_file(id, "copy/of/a.pdf");     // the same bytes under another name
//
// Every document is written in one transaction: after a crash or a kill -9
// the database holds whole documents only, so a rerun that skips what is
// there ends with exactly what an uninterrupted run writes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/sqlite.h"
#include "batch/wire.h"

namespace budget::batch {

// One document as the writer stores it.
struct StoredDocument {
  std::int64_t doc_id = 0;
  std::string sha256;
  std::vector<std::string> files;  // every name it was found under, sorted
  std::string budgetx_version;
  Outcome outcome;
  double seconds = 0;
};

class Store {
 public:
  explicit Store(const std::string& path);

  // The budgetx version that stored the document and its status ("ok" |
  // "error"); nullopt when the database does not hold it.
  struct Stored {
    std::string version, status;
  };
  std::optional<Stored> stored(std::int64_t doc_id);
  // Records one more file name of a stored document (nothing if known).
  void add_file(std::int64_t doc_id, const std::string& path);
  // Every name the database knows for the document, sorted.
  std::vector<std::string> files_of(std::int64_t doc_id);
  // Writes the document in one transaction, replacing what the database held
  // for it (its file names are kept: documents.file is the smallest of all).
  void write(const StoredDocument& d);

  Connection& connection() { return db_; }

 private:
  void insert(const std::string& table, const std::vector<Value>& values);

  Connection db_;
  std::map<std::string, std::unique_ptr<Statement>> inserts_;  // by table
};

}  // namespace budget::batch
