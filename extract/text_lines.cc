#include "extract/text_lines.h"

#include <re2/re2.h>

#include <algorithm>

namespace budget::extract {
namespace {

// Removes <b>, </b> and ** emphasis; returns whether any was there.
bool strip_emphasis(std::string& s) {
  static const RE2 kTags("</?b>|\\*\\*", RE2::Quiet);
  return RE2::GlobalReplace(&s, kTags, "") > 0;
}

// Contents lines carry dot leaders and a page number: "一、概况.....\t1".
bool is_contents_line(const std::string& s) {
  static const RE2 kLeader("(\\.{4,}|…{2,}|·{4,})\\s*\\t?\\s*(<b>)?\\d*(</b>)?\\s*$", RE2::Quiet);
  return RE2::PartialMatch(s, kLeader);
}

// "单位：万" followed by a line holding only "元": the unit split over lines.
bool is_split_unit(const std::string& line, const std::string& next) {
  static const RE2 kHead("^\\s*(金额)?单位\\s*[:：]\\s*[万千亿]?\\s*$", RE2::Quiet);
  return RE2::FullMatch(line, kHead) && trim_line(next) == "元";
}

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cells.push_back(trim_line(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

Block text_block(std::string line) {
  Block b;
  static const RE2 kHeading("^(#+)\\s*(.*)$", RE2::Quiet);
  std::string hashes, rest;
  if (RE2::FullMatch(line, kHeading, &hashes, &rest)) {
    b.kind = BlockKind::heading;
    b.level = static_cast<int>(hashes.size());
    line = rest;
  }
  b.emphasized = strip_emphasis(line);
  b.text = trim_line(line);
  return b;
}

void finish_grid(Block& grid) {
  for (const auto& r : grid.rows) grid.columns = std::max(grid.columns, static_cast<int>(r.cells.size()));
  for (auto& r : grid.rows) r.cells.resize(grid.columns);
}

}  // namespace

bool is_blank_line(std::string_view s) {
  return s.find_first_not_of(" \t\u3000") == std::string_view::npos;
}

std::string trim_line(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<Block> text_lines_to_blocks(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  Block grid;
  grid.kind = BlockKind::grid;
  auto flush_grid = [&] {
    if (grid.rows.empty()) return;
    finish_grid(grid);
    blocks.push_back(std::move(grid));
    grid = Block();
    grid.kind = BlockKind::grid;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (is_blank_line(line)) continue;  // blank lines separate blocks but never end a grid
    if (line.find('\t') != std::string::npos && !is_contents_line(line)) {
      GridRow row;
      for (auto& text : split_cells(line)) {
        strip_emphasis(text);
        row.cells.push_back(GridCell{text, 1, {}});
      }
      grid.rows.push_back(std::move(row));
      continue;
    }
    flush_grid();
    if (is_contents_line(line)) {
      std::replace(line.begin(), line.end(), '\t', ' ');
    } else {
      std::size_t next = i + 1;
      while (next < lines.size() && is_blank_line(lines[next])) ++next;
      if (next < lines.size() && is_split_unit(line, lines[next])) {
        line = trim_line(line) + "元";
        i = next;
      }
    }
    blocks.push_back(text_block(line));
  }
  flush_grid();
  return blocks;
}

}  // namespace budget::extract
