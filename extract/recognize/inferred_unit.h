// extract/recognize/inferred_unit.h — the unit of a table whose unit line
// is printed but cannot be read.
//
// Some PDFs print the unit line (单位：万元) in a font whose glyphs do not
// decode: the text layer holds "■■:■■" or U+FFFD or private-use code points.
// Taking the amounts as printed would make every figure 10,000 times too
// small.  The unit is inferred instead, in this order:
//   1. the unit that makes the table's own amounts equal figures the prose
//      states (说明: 收入总计2250.04万元 against a printed 2250.04);
//   2. the unit so found for the document's other unreadable tables;
//   3. the one unit every table with a readable unit line prints;
// and a `unit_inferred` warning says which and why.  Failing all three the
// amounts stay as printed, with an `unknown_unit` warning.
//
//   is_unreadable_unit_line("■■:■■")        -> true
//   is_unreadable_unit_line("单位：万元")     -> false (readable)
//   is_unreadable_unit_line("：")            -> false (nothing undecodable)
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace budget::extract {

// A short line with a colon whose other characters are all undecodable
// glyphs (geometric-shape placeholders, U+FFFD, private use, controls).
bool is_unreadable_unit_line(const std::string& text);

// Sets the unit of `tables[i]` for every i in `unreadable` (their amounts
// read as printed) and scales their amounts to 元.
void infer_unreadable_units(std::vector<Table>& tables, const std::vector<std::size_t>& unreadable,
                            const std::vector<Fact>& facts, std::vector<Warning>& warnings);

}  // namespace budget::extract
