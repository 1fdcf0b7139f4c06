// extract/recognize/contents.h — the tables a document's contents (目录) lists.
//
//   "附表12024年预算收支总表..........5"       -> {kind budget_summary, ordinal 1, …}
//   "预算公开表3 2020年预算支出总表..... | 7"  -> {kind expenditure_summary, ordinal 3, …}
//   "一、本单位职责.....3"                    -> (no table: not listed)
// A contents line is a title followed by a dot leader and a page number.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/layout.h"
#include "extract/recognize/titles.h"

namespace budget::extract {

// The table titles listed in the contents, in order (performance forms not included).
std::vector<TitleInfo> contents_tables(const std::vector<Block>& blocks);

// One `table_not_printed` warning per kind the contents list and no table of
// `tables` has (nothing when no table was read at all: tables published apart).
std::vector<Warning> unprinted_tables(const std::vector<TitleInfo>& listed,
                                      const std::vector<Table>& tables);

}  // namespace budget::extract
