// report/check_cells.h — which table cells a check result speaks of.
//
// A result's `where` names its figures the way checks/detail.h writes them:
// "TITLE / [side] CODE NAME / KEY", several joined by " vs " (the printed
// figure vs what it is compared with) and " + " (the parts of a sum), a
// stated share as "… (share of TITLE / ROW / KEY)".  This reads them back to
// table, row and column; figures that are no table cell (a prose figure, a
// project's funds) are left out.
//
//   where "2025年预算支出总表 / 208 社会保障和就业支出 / total"
//     -> {{table 2, row 5, key "total"}}
//   where "A / 合计 / total vs B / [income] 收入总计 / total"
//     -> {{A's 合计, total}, {B's income-side 收入总计, total}}
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace budget::report {

struct CellRef {
  int table = -1;   // index into Document::tables
  int row = -1;     // index into Table::rows
  std::string key;  // column key ("" when the check names the whole row)
};

// The cells of `result` in the order its `where` names them: the printed
// figure first where it is a table cell.
std::vector<CellRef> cells_of(const Document& doc, const CheckResult& result);

}  // namespace budget::report
