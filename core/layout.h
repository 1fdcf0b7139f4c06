// core/layout.h — the layout model where PDF and text input converge.
//
// A document is a sequence of blocks in reading order; a block is a heading,
// a paragraph or a grid of cells, each with the 1-based page it came from
// (0 when the input has no pages, like the text form).  Everything after the
// readers (recognition, normalisation, checks, JSON) sees only this model.
//
// Example (text form):
//   "## 2025年预算支出总表"        -> Block{kind=heading, text="2025年预算支出总表", level=2}
//   "单位：万元"                   -> Block{kind=paragraph, text="单位：万元"}
//   "科目编码\t科目名称\t合计"      -> Block{kind=grid, rows={{"科目编码","科目名称","合计"}}}
//
// Grid conventions, shared by both readers:
//   - every row of a grid has the same number of cells (`columns`), blank
//     cells are empty strings;
//   - a label printed once over several columns (merged header cell) sits in
//     the first column it covers, with `span` > 1 when the reader knows the
//     extent (PDF ruling lines), else span 1 and empty cells to its right;
//   - a cell wrapped over several printed lines is one cell whose text joins
//     the lines (the reader decides; recognisers never re-join);
//   - text is raw: watermarks and page furniture already removed, but no
//     Unicode folding yet; extract::recognize cleans it once on entry
//     (normalize::clean_text), so the recognisers read clean text.
#pragma once

#include <string>
#include <vector>

namespace budget {

// A rectangle in PDF points, origin top-left of the page (y grows downwards).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

struct GridCell {
  std::string text;
  int span = 1;   // number of grid columns the printed cell covers
  Box box;        // zero for text input
};

struct GridRow {
  std::vector<GridCell> cells;  // size() == Block::columns
  int page = 0;
  Box box;
};

enum class BlockKind { heading, paragraph, grid };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int page = 0;              // page of the first line / row
  std::string text;          // heading or paragraph text (lines of one paragraph joined)
  int level = 0;             // heading: markup depth (#, ##, …) or font rank; 0 = unknown
  bool emphasized = false;   // bold / larger font: a hint that a paragraph is a title
  int columns = 0;           // grid only
  std::vector<GridRow> rows; // grid only
  Box box;
};

// What a reader removed or could not place, reported as warnings later.
struct ReaderNote {
  std::string code;     // e.g. "watermark_removed", "furniture_removed"
  int page = 0;
  std::string message;
};

struct LayoutDocument {
  std::string format;   // "pdf" | "text"
  int pages = 0;        // page count (text form: estimated from the source, may be 0)
  std::vector<Block> blocks;
  std::vector<ReaderNote> notes;
};

}  // namespace budget
