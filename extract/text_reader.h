// extract/text_reader.h — the text form of a disclosure (the seed's form:
// markdown-ish headings, <b> markup, tab-separated table lines, interleaved
// watermark lines) into the layout model.
//
//   "## 2025年预算收入总表"        -> heading (level 2)
//   "<b>第一部分 概况</b>"          -> paragraph, emphasized
//   "合计\t\t2233.22\t2233.22"     -> a row of a grid block (4 cells)
//   "单位：万\n元"                  -> one paragraph "单位：万元" (unit split over lines)
#pragma once

#include <string_view>

#include "core/layout.h"

namespace budget::extract {

// Parses UTF-8 text.  Watermark lines (short lines repeated through the
// document) are removed and reported in notes.
LayoutDocument read_text(std::string_view text);

}  // namespace budget::extract
