// batch/shard.h — a deterministic 1/N of a batch's documents, for running one
// batch as N jobs (a Slurm job array, deploy/slurm/).
//
//   parse_shard("2/8")                 -> Shard{2, 8}   (K from 0 to N-1)
//   parse_shard("8/8"), ("x")          -> throws budget::Error("usage.shard")
//   in_shard(doc_id, Shard{2, 8})      -> whether the document belongs to shard 2
// By content (the sha256-derived doc_id), not by file name or position, so
// shards balance, the same document under two names lands in one shard, and
// every rerun agrees.
#pragma once

#include <cstdint>
#include <string>

namespace budget::batch {

struct Shard {
  int index = 0;  // K
  int count = 1;  // N
};

Shard parse_shard(const std::string& text);
bool in_shard(std::int64_t doc_id, const Shard& shard);

}  // namespace budget::batch
