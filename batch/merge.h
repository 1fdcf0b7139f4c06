// batch/merge.h — `budgetx db merge`: shard databases into one.
//
//   merge_databases({"shard0.sqlite", "shard1.sqlite"}, "all.sqlite", std::cerr);
//
// Idempotent and order-independent: a document already in the target from
// the same budgetx version is kept (only its file names are added), except
// that a stored error gives way to a success; one from another version gives
// way to this binary's version.  Each shard is copied in one transaction.
// Returns the number of documents copied; throws budget::Error("db.schema")
// for a file that is not a batch database of this schema version.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace budget::batch {

int merge_databases(const std::vector<std::string>& shards, const std::string& target,
                    std::ostream& err);

}  // namespace budget::batch
