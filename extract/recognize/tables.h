// extract/recognize/tables.h — table segments → contract tables.
//
// Header rows (labels) are mapped to column keys once per table; the rows of
// later grids that repeat the header, and column-number rows, are skipped;
// every other line becomes rows (one per item list).  Money is converted to
// 元 by the unit printed with the table.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "extract/recognize/segments.h"

namespace budget::extract {

struct TableContext {
  int fiscal_year = 0;
  std::string entity;        // document entity, the default for a table's
  std::string default_unit;  // unit line to assume when a table prints none
};

Table build_table(const TableSegment& segment, const TableContext& ctx, std::vector<Warning>& warnings);

}  // namespace budget::extract
