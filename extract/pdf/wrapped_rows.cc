#include "extract/pdf/wrapped_rows.h"

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "extract/pdf/lines.h"
#include "normalize/numbers.h"

namespace budget::extract {
namespace {

bool is_amount(const GridCell& c) {
  return !c.text.empty() &&
         normalize::parse_number(c.text).kind == normalize::ParsedNumber::number;
}

bool has_amounts(const GridRow& r) {
  return std::any_of(r.cells.begin(), r.cells.end(), is_amount);
}

// Columns holding text that is not an amount.
std::vector<int> text_columns(const GridRow& r) {
  std::vector<int> out;
  for (size_t c = 0; c < r.cells.size(); ++c) {
    if (!r.cells[c].text.empty() && !is_amount(r.cells[c])) out.push_back(static_cast<int>(c));
  }
  return out;
}

double center_y(const Box& b) { return (b.y0 + b.y1) / 2; }

// Whether `text` starts with an item ordinal (十六、 1. 1、 （一） (2)) or a
// code (three digits or more): the start of an item, never a wrapped
// name's continuation.
bool starts_item(const std::string& text) {
  static const std::regex item(
      "^\\s*((一|二|三|四|五|六|七|八|九|十|百|零)+、|[0-9]+(\\.|．|、)|(（|\\()"
      "(一|二|三|四|五|六|七|八|九|十|[0-9])+(）|\\))|[0-9]{3,})");
  return std::regex_search(text, item);
}

Box unite(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Moves the non-empty cells of `from` into `into` (text appended below).
void merge_into(GridRow& into, const GridRow& from) {
  for (size_t c = 0; c < into.cells.size(); ++c) {
    const GridCell& f = from.cells[c];
    if (f.text.empty()) continue;
    GridCell& t = into.cells[c];
    t.box = t.text.empty() ? f.box : unite(t.box, f.box);
    append_text(t.text, f.text, true);
  }
  into.box = unite(into.box, from.box);
}

}  // namespace

void join_wrapped_rows(Block& grid, const LayoutParams& p) {
  if (grid.rows.empty()) return;
  // Right edge of the text in each column: a name reaching it ran out of room.
  // The text size is the median line height: a larger title line printed
  // inside the grid must not loosen every closeness test below.
  std::vector<double> right(grid.columns, -1e9);
  std::vector<double> heights;
  for (const GridRow& r : grid.rows) {
    heights.push_back(r.box.height());
    for (int c = 0; c < grid.columns; ++c) {
      if (!r.cells[c].text.empty()) right[c] = std::max(right[c], r.cells[c].box.x1);
    }
  }
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  double em = heights[heights.size() / 2];
  // The table's usual row spacing: the median centre-to-centre distance of
  // neighbouring lines further apart than offset amounts.  A wrapped line
  // sits closer to its name than that (line spacing inside a cell).
  std::vector<double> pitches;
  for (size_t i = 1; i < grid.rows.size(); ++i) {
    double d = center_y(grid.rows[i].box) - center_y(grid.rows[i - 1].box);
    if (d >= p.offset_amounts_em * em) pitches.push_back(d);
  }
  double wrap_limit = p.wrapped_pitch_em * em;
  if (pitches.size() >= 3) {
    std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
    wrap_limit = std::min(wrap_limit, p.wrapped_pitch_share * pitches[pitches.size() / 2]);
  }
  // Header band (the lines above the first one printing amounts): a label
  // wrapped in its cell (本年收 / 入) has its lines in one column closer
  // than a row apart; labels of other columns may sit between them
  // (centred vertically), so the pieces join column by column.
  size_t header_end = 0;
  while (header_end < grid.rows.size() && !has_amounts(grid.rows[header_end])) ++header_end;
  if (header_end < grid.rows.size()) {
    for (int c = 0; c < grid.columns; ++c) {
      int last = -1;
      double last_center = 0;  // centre of the label's last piece
      for (size_t i = 0; i < header_end; ++i) {
        GridCell& cell = grid.rows[i].cells[c];
        if (cell.text.empty()) continue;
        double center = center_y(cell.box);
        if (last >= 0 && center - last_center < wrap_limit) {
          GridCell& above = grid.rows[last].cells[c];
          above.box = unite(above.box, cell.box);
          append_text(above.text, cell.text, true);
          cell = GridCell{};
        } else {
          last = static_cast<int>(i);
        }
        last_center = center;
      }
    }
    // Then the header lines left are rows of labels; one whose labels'
    // centre is as close to the previous row's (a label centred over a
    // wrapped neighbour) in other columns is the same printed row.
    std::vector<GridRow> kept;
    for (size_t i = 0; i < grid.rows.size(); ++i) {
      GridRow& r = grid.rows[i];
      if (i >= header_end) {
        kept.push_back(std::move(r));
        continue;
      }
      bool first = true;
      for (const GridCell& cell : r.cells) {
        if (cell.text.empty()) continue;
        r.box = first ? cell.box : unite(r.box, cell.box);
        first = false;
      }
      if (first) continue;  // every piece joined a label above
      if (!kept.empty() && center_y(r.box) - center_y(kept.back().box) < wrap_limit) {
        GridRow& above = kept.back();
        bool overlap = false;
        for (int c = 0; c < grid.columns; ++c) {
          overlap = overlap || (!r.cells[c].text.empty() && !above.cells[c].text.empty());
        }
        if (!overlap) {
          merge_into(above, r);
          continue;
        }
      }
      kept.push_back(std::move(r));
    }
    grid.rows = std::move(kept);
  }
  std::vector<GridRow> out;
  for (GridRow& row : grid.rows) {
    if (out.empty()) {
      out.push_back(std::move(row));
      continue;
    }
    GridRow& prev = out.back();
    double pitch = center_y(row.box) - center_y(prev.box);
    std::vector<int> row_text = text_columns(row), prev_text = text_columns(prev);
    // Amounts half a line below a name whose line prints none of them.
    bool amounts_below = row_text.empty() && has_amounts(row) && prev_text.size() == 1 &&
                         !has_amounts(prev) && pitch < p.offset_amounts_em * em;
    // Amounts half a line above the name: the name's line prints no amounts.
    bool amounts_above = prev_text.empty() && has_amounts(prev) && row_text.size() == 1 &&
                         !has_amounts(row) && pitch < p.offset_amounts_em * em;
    // A wrapped name: text only, in the column of the name above, which
    // filled its column.
    bool continuation = false;
    if (row_text.size() == 1 && !has_amounts(row) && pitch < wrap_limit &&
        !starts_item(row.cells[row_text[0]].text)) {
      int c = row_text[0];
      const GridCell& above = prev.cells[c];
      continuation = !above.text.empty() && !is_amount(above) &&
                     above.box.x1 >= right[c] - p.wrapped_fill_em * em &&
                     row.cells[c].box.x0 <= above.box.x1 &&
                     row.cells[c].box.x0 >= above.box.x0 - p.wrapped_fill_em * em;
    }
    if (amounts_below || amounts_above || continuation) {
      merge_into(prev, row);
    } else {
      out.push_back(std::move(row));
    }
  }
  grid.rows = std::move(out);
}

}  // namespace budget::extract
