// extract/pdf/page_layout.h — one cleaned, upright page to blocks in reading
// order: ruled tables, unruled tables, headings and paragraphs.
//
//   TextStyle style = measure_style(pages, params);   // once per document
//   std::vector<Block> blocks = layout_page(pages[0], style, params);
//
// Runs inside a ruled lattice become its grid (grid.h); the other runs
// become lines; runs of aligned multi-chunk lines become unruled grids;
// what is left becomes headings (font clearly larger than the body text
// and than most table text on the page, level = rank of the size in the
// document) and paragraphs (wrapped lines
// joined; bold lines are emphasized).  A line of two far-apart pieces
// outside any table (单位名称：… 单位：万元) gives one paragraph per piece.
#pragma once

#include <vector>

#include "core/layout.h"
#include "extract/pdf/layout_params.h"
#include "extract/pdf/page_content.h"

namespace budget::extract {

struct TextStyle {
  double body_size = 0;                 // em of most characters outside tables
  std::vector<double> heading_sizes;    // larger sizes, descending (level 1 first)
};

TextStyle measure_style(const std::vector<PageContent>& pages, const LayoutParams& params);

std::vector<Block> layout_page(const PageContent& page, const TextStyle& style,
                               const LayoutParams& params);

}  // namespace budget::extract
