// extract/pdf/lines.h — runs to text lines, and the text joining rules.
//
//   upright_page(page);                    // dominant rotation undone, sizes in em
//   std::vector<Line> lines = group_lines(page.runs, params);
//   lines[0].chunks[0].text                // "科目编码"
//
// A line is the runs sharing one vertical centre, left to right, split into
// chunks at wide gaps (table columns, dot leaders joined to their text).
// Joining never invents a space next to a CJK character:
//   join("一般公共", "预算", gap)  -> "一般公共预算"
//   join("PC", "server", gap)     -> "PC server"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/pdf/layout_params.h"
#include "extract/pdf/page_content.h"

namespace budget::extract {

struct Chunk {
  Box box;
  std::string text;
  std::vector<TextRun> runs;   // left to right
};

struct Line {
  Box box;
  double size = 0;             // largest em of its runs
  bool bold = false;           // most of its characters are bold
  std::vector<TextRun> runs;   // left to right
  std::vector<Chunk> chunks;   // left to right
  std::string text() const;    // chunks joined by one space
};

// Turns the page so its dominant text rotation reads upright (landscape
// tables printed sideways) and rescales every run so font_size is the
// width of one CJK glyph and the box height is one em around the run's
// vertical centre (producers disagree wildly on font matrices and ascents).
void upright_page(PageContent& page);

// Lines top to bottom.  Overprinted duplicates (fake bold) are dropped.
std::vector<Line> group_lines(std::vector<TextRun> runs, const LayoutParams& params);

// Appends `piece` to `out`: a space in between only when `gap` and neither
// side is a CJK character.
void append_text(std::string& out, std::string_view piece, bool gap);

// The text of runs on one line, left to right.
std::string join_runs(const std::vector<TextRun>& runs, const LayoutParams& params);

// Whether the code point is CJK (ideographs, radicals, CJK punctuation,
// full-width forms).
bool is_cjk(char32_t c);

}  // namespace budget::extract
