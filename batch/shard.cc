#include "batch/shard.h"

#include <charconv>

#include "core/error.h"

namespace budget::batch {

Shard parse_shard(const std::string& text) {
  Shard s;
  auto slash = text.find('/');
  const char* end = text.data() + text.size();
  bool ok = slash != std::string::npos;
  if (ok) {
    auto [p1, e1] = std::from_chars(text.data(), text.data() + slash, s.index);
    auto [p2, e2] = std::from_chars(text.data() + slash + 1, end, s.count);
    ok = e1 == std::errc() && e2 == std::errc() && p1 == text.data() + slash && p2 == end;
  }
  if (!ok || s.count < 1 || s.index < 0 || s.index >= s.count)
    throw Error("usage.shard", "--shard wants K/N with 0 <= K < N, got \"" + text + "\"");
  return s;
}

bool in_shard(std::int64_t doc_id, const Shard& shard) {
  return static_cast<std::uint64_t>(doc_id) % static_cast<std::uint64_t>(shard.count) ==
         static_cast<std::uint64_t>(shard.index);
}

}  // namespace budget::batch
