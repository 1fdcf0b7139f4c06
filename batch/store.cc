#include "batch/store.h"

#include <algorithm>

#include "batch/schema.h"
#include "core/error.h"

namespace budget::batch {

Store::Store(const std::string& path) : db_(path) { prepare_schema(db_); }

std::optional<Store::Stored> Store::stored(std::int64_t doc_id) {
  Statement q(db_, "SELECT budgetx_version, status FROM documents WHERE doc_id = ?");
  q.bind(1, doc_id);
  if (!q.step()) return std::nullopt;
  Stored s{q.text(0), q.text(1)};
  q.run();
  return s;
}

void Store::add_file(std::int64_t doc_id, const std::string& path) {
  insert("files", {path, doc_id});
  // documents.file is the smallest of the names, whichever came first.
  Statement first(db_, "UPDATE documents SET file = ?1 WHERE doc_id = ?2 AND file > ?1");
  first.bind(1, path);
  first.bind(2, doc_id);
  first.run();
}

std::vector<std::string> Store::files_of(std::int64_t doc_id) {
  std::vector<std::string> files;
  Statement known(db_, "SELECT path FROM files WHERE doc_id = ? ORDER BY path");
  known.bind(1, doc_id);
  while (known.step()) files.push_back(known.text(0));
  return files;
}

void Store::insert(const std::string& table, const std::vector<Value>& values) {
  // Table names come from a worker's message: only the schema's own reach SQL.
  if (std::none_of(std::begin(kTables), std::end(kTables), [&](const char* t) { return table == t; }))
    throw Error("worker.protocol", "a worker sent rows for an unknown table: " + table);
  auto& stmt = inserts_[table];
  if (!stmt) {
    std::string marks;
    for (std::size_t i = 0; i < values.size(); ++i) marks += i ? ", ?" : "?";
    // OR IGNORE only matters for files (a name already known); every other
    // row is new, its document having just been deleted.
    stmt = std::make_unique<Statement>(db_, "INSERT OR IGNORE INTO " + table + " VALUES (" + marks + ")");
  }
  for (std::size_t i = 0; i < values.size(); ++i) stmt->bind(static_cast<int>(i) + 1, values[i]);
  stmt->run();
}

void Store::write(const StoredDocument& d) {
  Transaction t(db_);
  std::vector<std::string> files = files_of(d.doc_id);
  files.insert(files.end(), d.files.begin(), d.files.end());
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  {
    Statement drop(db_, "DELETE FROM documents WHERE doc_id = ?");  // cascades to its parts
    drop.bind(1, d.doc_id);
    drop.run();
  }
  const Outcome& o = d.outcome;
  std::vector<Value> row = {d.doc_id, d.sha256, files.empty() ? std::string() : files.front()};
  if (o.ok && o.ingested.info.size() == 7)
    row.insert(row.end(), o.ingested.info.begin(), o.ingested.info.end());
  else
    row.resize(row.size() + 7);
  row.push_back(d.budgetx_version);
  row.push_back(std::string(o.ok ? "ok" : "error"));
  row.push_back(o.ok ? Value{} : Value{o.error_code});
  row.push_back(o.ok ? Value{} : Value{o.error_message});
  row.push_back(d.seconds);
  insert("documents", row);
  for (const auto& f : files) add_file(d.doc_id, f);
  for (const auto& r : o.ingested.rows) insert(r.table, r.values);
  t.commit();
}

}  // namespace budget::batch
