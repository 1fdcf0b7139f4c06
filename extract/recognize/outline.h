// extract/recognize/outline.h — the numbered headings with their prose.
//
//   "第一部分 概况" -> {marker "第一部分", title "概况"}          rank 0
//   "一、本单位职责" -> {marker "一、", title "本单位职责"}        rank 1
//   "（一）其他"    -> {marker "（一）", title "其他"}            rank 2
//   "1、车辆情况："  -> {marker "1、", title "车辆情况"}          rank 3
//   "（1）…"                                                   rank 4
// A marked line is a heading when it is marked up as one (heading block,
// bold) or is short and no sentence; inside a glossary (名词解释) marked
// lines are prose.  A heading nests under the nearest open heading of a
// lower rank.  Contents lines, figure captions and table blocks are skipped.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/layout.h"

namespace budget::extract {

// `in_table[i]` is true for blocks that belong to a table or form.
std::vector<Section> build_outline(const std::vector<Block>& blocks, const std::vector<bool>& in_table);

struct HeadingMarker {
  std::string marker, title;
  int rank = -1;  // -1: not a marked line
};

// Splits a line into heading marker and title (rank -1 when unmarked).
HeadingMarker parse_heading_marker(const std::string& text);

}  // namespace budget::extract
