// extract/text_lines.h — lines of the text form (watermarks already gone)
// into blocks.
//
//   "### 1、车辆情况："           -> heading, level 3, text "1、车辆情况："
//   "<b>第一部分 概况</b> .....\t<b>1</b>" -> paragraph "第一部分 概况 .....1" (a contents line)
//   "单位：万  " + "元"             -> paragraph "单位：万元"
//   tab-separated lines (blank lines between them allowed) -> one grid block
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/layout.h"

namespace budget::extract {

std::vector<Block> text_lines_to_blocks(const std::vector<std::string>& lines);

// A line of nothing but spaces, tabs and ideographic spaces.
bool is_blank_line(std::string_view s);
// The line without leading and trailing spaces and tabs.
std::string trim_line(const std::string& s);

}  // namespace budget::extract
