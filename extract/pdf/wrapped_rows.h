// extract/pdf/wrapped_rows.h — printed rows of an unruled grid that the
// line-per-row split broke apart, put back together.
//
// Without rules every text line first becomes a grid row.  Two shapes of a
// printed row span several lines:
//   机关事业单位基本养老保险缴      160.75          a long name wrapped in its
//   费支出                                          column: the continuation
//                                                   joins the name's cell
//   机关事业单位基本养老保险缴                      a name over two lines with
//                                  160.75          its amounts centred between
//   费支出                                          them: one row
// A continuation is text only, in the column of the text above, which fills
// its column (the name ran out of room); amounts half a line off sit closer
// to the name than a row pitch and only in columns where the name's line
// prints nothing.  Text-only rows that do not fill their column (group
// labels, items without amounts) stay rows.
#pragma once

#include "core/layout.h"
#include "extract/pdf/layout_params.h"

namespace budget::extract {

// Merges the rows of `grid` (one per text line, top to bottom, cell boxes
// set) that make one printed row.
void join_wrapped_rows(Block& grid, const LayoutParams& params);

}  // namespace budget::extract
