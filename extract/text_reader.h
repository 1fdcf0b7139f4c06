// extract/text_reader.h — the text form of a disclosure (the seed's form:
// markdown-ish headings, <b> markup, tab-separated table lines, interleaved
// watermark lines) into the layout model.
//
//   "## 2025年预算收入总表"        -> heading (level 2)
//   "<b>第一部分 概况</b>"          -> paragraph, emphasized
//   "合计\t\t2233.22\t2233.22"     -> a row of a grid block (4 cells)
//   "单位：万\n元"                  -> one paragraph "单位：万元" (unit split over lines)
#pragma once

#include <cstddef>
#include <string_view>

#include "core/layout.h"

namespace budget::extract {

// The most text read_text takes, the counterpart of the PDF reader's page
// and time limits: over 6000 pages of disclosure text, still read in about a
// minute and well under 1 GB (the layout model costs tens of bytes per byte
// of table text; blank lines cost nothing).
constexpr std::size_t kMaxTextBytes = 32u << 20;

// Parses UTF-8 text.  Watermark lines (short lines repeated through the
// document) are removed and reported in notes.  Throws budget::Error
// ("text.too_large") for more than kMaxTextBytes.
LayoutDocument read_text(std::string_view text);

}  // namespace budget::extract
