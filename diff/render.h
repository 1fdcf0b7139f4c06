// diff/render.h — a Diff as JSON (schemas/diff.schema.json), CSV or a table
// for the terminal.  All three are deterministic; amounts are exact decimals
// in 元, change percentages have exactly two decimals (6.50).
//
//   std::string j = to_json(d);                // {"schema": "budget-diff/1", …}
//   std::string c = to_csv(d);                 // change,table_kind,…  one line per change
//   std::string t = to_table(d, /*color=*/false);
//   // == 支出预算总表 (expenditure_summary)  p.7 → p.6
//   //    208 社会保障和就业支出    total   3,759,900 → 4,012,000   +252,100   +6.70%
#pragma once

#include <string>

#include "diff/diff.h"

namespace budget::diff {

constexpr const char* kDiffSchemaName = "budget-diff/1";

std::string to_json(const Diff& d);
std::string to_csv(const Diff& d);
// Grouped by table, the biggest changes first; ANSI colours when `color`.
std::string to_table(const Diff& d, bool color);

// A percentage with exactly two decimals: Amount{650, 2} -> "6.50", Amount{-5, 0} -> "-5.00".
std::string fixed2(const Amount& pct);

}  // namespace budget::diff
