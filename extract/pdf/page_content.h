// extract/pdf/page_content.h — what the PDF reader takes from one page before
// layout: positioned text runs and ruling lines, as plain values.
//
// The layout passes (furniture.h, lines.h, grid.h, page_layout.h) see only
// these structs, so tests build them inline without a PDF:
//   PageContent p;  p.number = 1;  p.width = 595;  p.height = 842;
//   p.runs.push_back({"科目编码", {50, 100, 98, 112}, 12});
//   p.rules.push_back({{40, 95, 550, 95.5}});
// Coordinates are PDF points, origin top-left, y downwards, in the page's
// upright frame (page /Rotate already applied).
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"

namespace budget::extract {

// A piece of text drawn in one go: Poppler's "word" (characters drawn next to
// each other in one font size, no space between them).
struct TextRun {
  std::string text;           // UTF-8, as mapped by the font (no folding)
  Box box;
  double font_size = 0;       // points
  bool bold = false;          // font flags or name say bold/heavy/black
  int rotation = 0;           // quarter turns of the baseline: 0 upright, 1..3 turned
  double lightness = 0;       // 0 black … 1 white (text colour luminance)
  bool space_after = false;   // the PDF put a space between this run and the next
};

// An axis-aligned ruling line: a stroked segment or a thin filled rectangle.
// Horizontal when wider than tall.
struct Rule {
  Box box;
  bool horizontal() const { return box.width() >= box.height(); }
};

struct PageContent {
  int number = 0;             // 1-based
  double width = 0, height = 0;
  std::vector<TextRun> runs;  // in content-stream order
  std::vector<Rule> rules;
  int diagonal_runs = 0;      // text drawn at an angle (watermarks), already dropped
};

}  // namespace budget::extract
