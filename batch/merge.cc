#include "batch/merge.h"

#include <filesystem>

#include "batch/schema.h"
#include "batch/store.h"
#include "core/error.h"
#include "core/version.h"

namespace budget::batch {
namespace {

struct ShardDocument {
  std::int64_t doc_id;
  std::string version, status;
};

// Whether the shard's copy of a document should replace the target's.
bool replaces(const ShardDocument& incoming, const std::optional<Store::Stored>& held) {
  if (!held) return true;
  if (held->version != incoming.version) return incoming.version == kBudgetxVersion;
  return held->status == "error" && incoming.status == "ok";
}

int merge_one(Store& store, const std::string& shard) {
  Connection& db = store.connection();
  if (!std::filesystem::exists(shard)) throw Error("input.missing", shard + ": no such file");
  {
    Statement attach(db, "ATTACH DATABASE ? AS shard");
    attach.bind(1, shard);
    attach.run();
  }
  int copied = 0;
  try {
    Statement version(db, "PRAGMA shard.user_version");
    version.step();
    std::int64_t found = version.integer(0);
    version.run();
    if (found != kSchemaVersion)
      throw Error("db.schema", shard + ": not a budgetx database of schema version " +
                                   std::to_string(kSchemaVersion));
    Transaction t(db);
    std::vector<ShardDocument> docs;
    Statement list(db, "SELECT doc_id, budgetx_version, status FROM shard.documents");
    while (list.step()) docs.push_back({list.integer(0), list.text(1), list.text(2)});
    for (const auto& d : docs) {
      if (replaces(d, store.stored(d.doc_id))) {
        std::vector<std::string> files = store.files_of(d.doc_id);
        Statement drop(db, "DELETE FROM main.documents WHERE doc_id = ?");
        drop.bind(1, d.doc_id);
        drop.run();
        for (const char* table : kTables) {
          Statement copy(db, std::string("INSERT INTO main.") + table + " SELECT * FROM shard." +
                                 table + " WHERE doc_id = ?");
          copy.bind(1, d.doc_id);
          copy.run();
        }
        for (const auto& f : files) store.add_file(d.doc_id, f);
        ++copied;
      }
      Statement names(db, "SELECT path FROM shard.files WHERE doc_id = ?");
      names.bind(1, d.doc_id);
      while (names.step()) store.add_file(d.doc_id, names.text(0));
    }
    t.commit();
  } catch (...) {
    db.exec("DETACH DATABASE shard");
    throw;
  }
  db.exec("DETACH DATABASE shard");
  return copied;
}

}  // namespace

int merge_databases(const std::vector<std::string>& shards, const std::string& target,
                    std::ostream& err) {
  Store store(target);
  int copied = 0;
  for (const auto& shard : shards) {
    int n = merge_one(store, shard);
    err << "budgetx: " << shard << ": " << n << " documents copied into " << target << "\n";
    copied += n;
  }
  return copied;
}

}  // namespace budget::batch
