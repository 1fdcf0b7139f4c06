// extract/recognize/segments.h — which blocks belong to which table or form.
//
// One pass over the blocks in reading order.  A table title opens a segment;
// the lines that describe it (ordinal label, 单位名称, 单位：万元, 注：本表无数据,
// (2025年度)) and its grids — on following pages too, with or without a
// repeated header — belong to it; prose closes it.  A grid with no title
// before it opens an untitled segment (kind unknown).  Blocks outside every
// segment are the prose the outline is built from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layout.h"
#include "extract/recognize/titles.h"

namespace budget::extract {

struct TableSegment {
  TitleInfo title;                 // kind "" and record "" for an untitled grid
  bool titled = false;
  std::string entity_line;         // text after 单位名称：/编制单位：, cleaned
  std::string unit_line;           // the 单位：… text, if printed
  bool unit_unreadable = false;    // a unit line printed in glyphs that do not decode (■■:■■)
  bool says_no_data = false;       // 注：本表无数据 and its kind
  std::vector<Block> grids;        // its grid blocks in order, title/unit rows taken out
  std::vector<std::size_t> blocks; // indexes of every block it took
  int page = 0;
};

struct Segmentation {
  std::vector<TableSegment> segments;
  std::vector<bool> in_segment;    // per block
};

Segmentation segment_blocks(const std::vector<Block>& blocks);

// True for a line saying the table is empty (注：本表无数据, 本表为空, …).
bool says_no_data(const std::string& text);

// 单位名称：X / 编制单位：X / 部门名称：X -> X (cleaned); "" otherwise.
std::string entity_from_line(const std::string& text);

}  // namespace budget::extract
