// extract/pdf/furniture.h — watermarks and page furniture, removed from all
// pages before layout.
//
//   FurnitureCount n = remove_furniture(pages, params);
//   n.watermarks   // diagonal runs (dropped by the source) + light tiled text
//   n.furniture    // page numbers, running headers and footers
//
// What goes:
//   - text repeated at the same place on most pages (at least
//     repeat_page_share of them) when it is light (a tiled watermark, drawn
//     before or after the content) or sits in the top/bottom margin band;
//   - the first or last line of a page, inside the margin band, when it
//     reads as a page number (第 3 页, - 3 -, 3/36, 3, 第3页 共36页, Page 3)
//     or repeats on most pages once digits are ignored (running header),
//     or is one piece of text repeated so on at least repeat_min_pages
//     pages (a running header printed only over some part, the tables).
// Table text repeated on many pages (continued headers) is kept: it is
// neither light nor in the margins.
#pragma once

#include <vector>

#include "extract/pdf/layout_params.h"
#include "extract/pdf/page_content.h"

namespace budget::extract {

struct FurnitureCount {
  int watermarks = 0;
  int furniture = 0;
};

// `pages` must already be upright (see lines.h).
FurnitureCount remove_furniture(std::vector<PageContent>& pages, const LayoutParams& params);

}  // namespace budget::extract
