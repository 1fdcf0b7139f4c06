// extract/pdf/aligned_columns.h — the column boundaries of an unruled table,
// from the alignment of its text.
//
//   std::vector<double> seps = aligned_column_separators(lines, params);
//   // seps[i] is the x between column i and column i + 1, ascending
//
// Lines from the first one printing an amount on are the body; the lines
// above are the header.  A column boundary is
//   - a vertical stretch that (almost) no line inks, at least
//     aligned_column_gap_pt wide, or
//   - a narrower stretch that no body line inks, flanked by a column edge:
//     many body runs end at its left (right-aligned amounts) or start at its
//     right (left-aligned names).  Word and WPS exports print cells with no
//     more than their padding between them:
//         1,229.15一、一般公共服务支出      (amount | name, 2 pt apart)
// A boundary hugs the aligned edge beside it, so a header label centred over
// its column (合计 over right-aligned amounts) falls on the column's side.  A
// header label alone in a blank stretch of the body, with no body text under
// it, is the label of the column on its right whose amounts are right-aligned
// and narrower than the label's offset, unless that column has a label of its
// own (then it names a column empty in every body row).
#pragma once

#include <vector>

#include "extract/pdf/layout_params.h"
#include "extract/pdf/lines.h"

namespace budget::extract {

std::vector<double> aligned_column_separators(const std::vector<Line>& lines,
                                              const LayoutParams& params);

}  // namespace budget::extract
