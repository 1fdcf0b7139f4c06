#include "extract/recognize/tables.h"

#include <algorithm>
#include <optional>
#include <set>

#include "extract/recognize/header.h"
#include "extract/recognize/table_body.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

std::string row_signature(const GridRow& row) {
  std::string s;
  for (const auto& c : row.cells) s += clean_label(c.text) + "|";
  return s;
}

bool is_blank_row(const GridRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const GridCell& c) { return c.text.empty(); });
}

// Header rows at the top of the first grid: labels until the first body line.
// After the first header row, a line printing one cell in its first two
// columns (合计, 因公出国（境）费 with blank amounts) starts the body — unless
// that cell is the rest of a code or name label (科目编码 wrapped below 支出功能分类).
std::size_t count_header_rows(const std::vector<GridRow>& rows) {
  std::size_t n = 0;
  while (n < rows.size()) {
    const GridRow& row = rows[n];
    if (is_column_number_row(row) && n > 0) break;
    // A row of unknown words heads the table when a known header row follows
    // (财政拨款“三公”经费 over 合计 | 因公出国（境）费 | …).
    bool group_line = n == 0 && is_label_row(row) && n + 1 < rows.size() &&
                      looks_like_header_row(rows[n + 1]);
    if (!looks_like_header_row(row) && !group_line) break;
    if (n > 0) {
      int filled = 0, last = -1;
      for (std::size_t c = 0; c < row.cells.size(); ++c)
        if (!clean_label(row.cells[c].text).empty()) ++filled, last = static_cast<int>(c);
      if (filled == 1 && last <= 1 && !is_item_label(row.cells[last].text)) break;
    }
    ++n;
  }
  return n;
}

// Some 决算 forms print the 类 / 款 / 项 labels of split code columns on the
// first body line (beside 合计).  Moves them into a header row of their own.
std::optional<GridRow> take_code_part_labels(GridRow& row) {
  auto is_part = [](const GridCell& cell) {
    std::string s = clean_label(cell.text);
    return s == "类" || s == "款" || s == "项";
  };
  if (std::count_if(row.cells.begin(), row.cells.end(), is_part) < 2) return std::nullopt;
  GridRow labels = row;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    if (is_part(row.cells[c]))
      row.cells[c].text.clear();
    else
      labels.cells[c].text.clear();
  }
  return labels;
}

// One printed cell saying the table is empty.
bool is_no_data_line(const GridRow& row) {
  std::string only;
  int filled = 0;
  for (const auto& c : row.cells) {
    const std::string& t = c.text;
    if (!t.empty()) ++filled, only = t;
  }
  return filled == 1 && says_no_data(only);
}

// A total's name cut by the page break (当年收入 | next page: 小计): the first
// line of the next page prints only the rest of the name.  Joins it to the
// row above and returns true when every piece makes a total's name.
bool completes_total_name(std::vector<Row>& rows, const std::vector<Row>& line) {
  if (line.empty()) return false;
  std::vector<Row*> targets;
  for (const Row& piece : line) {
    if (!piece.values.empty() || piece.code || piece.ordinal || !piece.text_fields.empty()) return false;
    auto above = std::find_if(rows.rbegin(), rows.rend(), [&](const Row& r) { return r.side == piece.side; });
    if (above == rows.rend() || !is_total_name(above->name + piece.name)) return false;
    targets.push_back(&*above);
  }
  for (std::size_t i = 0; i < line.size(); ++i) {
    targets[i]->name += line[i].name;
    if (line[i].box && line[i].page) targets[i]->continuation = {{*line[i].page, *line[i].box}};
  }
  return true;
}

}  // namespace

Table build_table(const TableSegment& segment, const TableContext& ctx, std::vector<Warning>& warnings) {
  Table t;
  t.kind = segment.title.kind.empty() ? "unknown" : segment.title.kind;
  t.ordinal = segment.title.ordinal;
  t.title = segment.title.title;
  t.entity = segment.entity_line.empty() ? ctx.entity : segment.entity_line;
  // A unit line that cannot be read is no reason to take an earlier table's
  // unit: the pipeline infers it (inferred_unit.h) once the prose is read.
  bool unreadable = segment.unit_line.empty() && segment.unit_unreadable;
  auto unit = normalize::parse_unit_line(!segment.unit_line.empty() ? segment.unit_line
                                         : unreadable                ? ""
                                                                     : ctx.default_unit);
  t.unit = unit ? unit->name : "";
  BodyContext body{unit ? unit->exponent : 0, ctx.entity, {}};
  if (!unit && !unreadable)
    warnings.push_back({"unknown_unit", segment.page ? std::optional<int>(segment.page) : std::nullopt,
                        "no unit printed for table '" + t.title + "'; amounts taken as printed"});

  std::set<int> pages;
  if (segment.page > 0) pages.insert(segment.page);
  HeaderLayout header;
  std::set<std::string> header_signatures;
  bool have_header = false, no_data_note = false;
  // Header rows read so far; a page break may fall inside the header (its
  // first rows on one page, the rest over the body on the next).
  std::vector<GridRow> head;
  for (const Block& grid : segment.grids) {
    std::vector<GridRow> rows = grid.rows;
    std::size_t start = 0;
    bool header_continues = have_header && t.rows.empty() && !rows.empty() && !head.empty() &&
                            rows.front().cells.size() == head.front().cells.size() &&
                            !header_signatures.count(row_signature(rows.front())) &&
                            looks_like_header_row(rows.front());
    if (!have_header || header_continues) {
      std::size_t n = count_header_rows(rows);
      head.insert(head.end(), rows.begin(), rows.begin() + n);
      for (const auto& h : head) header_signatures.insert(row_signature(h));
      std::vector<GridRow> labels = head;
      if (n < rows.size())
        if (auto parts = take_code_part_labels(rows[n])) labels.push_back(*parts);
      header = map_header(labels, grid.columns, ctx.fiscal_year, warnings);
      have_header = true;
      start = n;
    }
    for (std::size_t r = start; r < rows.size(); ++r) {
      const GridRow& row = rows[r];
      if (is_blank_row(row) || is_column_number_row(row)) continue;
      if (is_no_data_line(row)) {  // 注：本表无数据 printed inside the grid
        no_data_note = true;
        continue;
      }
      if (header_signatures.count(row_signature(row))) continue;  // header repeated on a new page
      if (row.page > 0) pages.insert(row.page);
      std::vector<Row> line_rows;
      read_body_line(row, header, body, line_rows, warnings);
      bool first_on_page = &grid != &segment.grids.front() && r == start;
      if (!(first_on_page && completes_total_name(t.rows, line_rows)))
        for (auto& lr : line_rows) t.rows.push_back(std::move(lr));
    }
  }
  for (const auto& col : header.columns) t.columns.push_back(col.column);
  assign_levels(t.rows, t.kind, ctx.entity);
  if (t.rows.empty() && !segment.says_no_data && !no_data_note && !t.columns.empty())
    warnings.push_back({"table_without_figures", t.page,
                        "table '" + t.title + "' prints its header but no line of figures, and does "
                                              "not say it is empty"});
  if (segment.says_no_data || no_data_note || t.rows.empty()) {
    t.no_data = true;
    t.rows.clear();
  }
  if (!pages.empty()) {
    t.page = *pages.begin();
    t.pages.assign(pages.begin(), pages.end());
  }
  if (t.kind == "unknown" && !(t.columns.empty() && t.rows.empty()))
    warnings.push_back({"unknown_table", t.page,
                        "table '" + (t.title.empty() ? std::string("(untitled)") : t.title) +
                            "' is not a standard disclosure table"});
  return t;
}

}  // namespace budget::extract
