// extract/pdf/grid.h — table grids in the conventions of core/layout.h.
//
// Ruled tables: the lattice's grid lines give columns and row bands; two
// neighbouring cells with no rule between them are one printed cell, whose
// text (all its lines joined) sits in its top-left grid cell with `span` =
// the columns it covers.  So a two-row header
//     | 收入        | 支出                          |
//     | 项目 | 2025年 | 项目 | 合计 | 当年 | 上年 |
// gives rows {"收入"(span 2), "", "支出"(span 4), "", "", ""} and
// {"项目", "2025年", …}; a group label centred over several rows sits in the
// first row it covers.  A band holding several unruled body rows (cells
// listing amounts) is split into one row per text line; a header band never
// is: lines inside one printed cell (一般公共预算 / 财 / 政拨款) are one label.
//
// Unruled tables: lines of several chunks, columns from the x ranges that
// no (or almost no) body line crosses or from aligned column edges
// (aligned_columns.h); each run goes to the column holding its
// left edge, labels over several columns to the first; a name wrapped over
// lines and amounts half a line off it are one row (wrapped_rows.h).
//
// Empty rows are dropped, and empty columns only when they are slivers
// (ruled) or absent (unruled); every row has Block::columns cells.
#pragma once

#include <vector>

#include "core/layout.h"
#include "extract/pdf/layout_params.h"
#include "extract/pdf/lines.h"
#include "extract/pdf/ruling.h"

namespace budget::extract {

// A grid block from a lattice and the runs whose centres lie inside it.
Block build_ruled_grid(const Lattice& lattice, const std::vector<TextRun>& runs, int page,
                       const LayoutParams& params);

// Index ranges [first, last) of `lines` that form unruled tables.
std::vector<std::pair<size_t, size_t>> find_aligned_tables(const std::vector<Line>& lines,
                                                           const LayoutParams& params);

// A grid block from lines of an unruled table.
Block build_aligned_grid(const std::vector<Line>& lines, int page, const LayoutParams& params);

}  // namespace budget::extract
