#include "extract/pdf/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "extract/pdf/aligned_columns.h"
#include "extract/pdf/wrapped_rows.h"
#include "normalize/numbers.h"

namespace budget::extract {
namespace {

Box unite(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

double center_y(const Box& b) { return (b.y0 + b.y1) / 2; }

int find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Index of the interval of `edges` (ascending) holding x, clamped.
int interval_of(const std::vector<double>& edges, double x) {
  int i = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

// Text of lines joined top to bottom (a cell wrapped over several lines).
std::string join_lines(const std::vector<Line>& lines, const LayoutParams& params) {
  std::string out;
  for (const Line& l : lines) append_text(out, join_runs(l.runs, params), true);
  return out;
}

// Drops rows whose cells are all empty and columns empty in every row and
// narrower than `max_width` (slivers between near-coincident rules; wide
// empty columns stay, so a table continued on the next page keeps its
// columns), shrinking spans that covered a dropped column.
void drop_empty(Block& grid, double max_width) {
  std::vector<GridRow> rows;
  for (GridRow& r : grid.rows) {
    bool any = std::any_of(r.cells.begin(), r.cells.end(),
                           [](const GridCell& c) { return !c.text.empty(); });
    if (any) rows.push_back(std::move(r));
  }
  grid.rows = std::move(rows);
  for (int c = grid.columns - 1; c >= 0; --c) {
    bool empty = std::all_of(grid.rows.begin(), grid.rows.end(), [&](const GridRow& r) {
      return r.cells[c].text.empty() && r.cells[c].box.width() < max_width;
    });
    if (!empty) continue;
    for (GridRow& r : grid.rows) {
      for (int k = 0; k < c; ++k) {
        if (k + r.cells[k].span > c) r.cells[k].span--;
      }
      r.cells.erase(r.cells.begin() + c);
    }
    grid.columns--;
  }
}

struct Region {
  int r0 = 1 << 30, c0 = 1 << 30, r1 = -1, c1 = -1;
  Box box;
  std::vector<TextRun> runs;
};

// Whether a printed cell holds a list of items (one per unruled row) rather
// than one text wrapped over several lines: wrapped lines fill the cell
// except the last; listed items (amounts, names) leave it partly empty.
bool list_like(const Region& g, const std::vector<Line>& lines, const LayoutParams& p) {
  if (static_cast<int>(lines.size()) < p.band_split_min_lines) return false;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    if (lines[k].box.width() < p.wrapped_line_share * g.box.width()) return true;
  }
  return false;
}

// Whether at least two of the lines read as amounts: a list of body rows.
// Header labels wrapped into short centred lines (一般公共预算 / 财 / 政拨款)
// look like lists too, but print no amounts.
bool lists_amounts(const std::vector<Line>& lines, const LayoutParams& p) {
  int amounts = 0;
  for (const Line& l : lines) {
    if (normalize::parse_number(join_runs(l.runs, p)).kind == normalize::ParsedNumber::number) {
      ++amounts;
    }
  }
  return amounts >= 2;
}

}  // namespace

Block build_ruled_grid(const Lattice& lat, const std::vector<TextRun>& runs, int page,
                       const LayoutParams& p) {
  const auto& xs = lat.xs;
  const auto& ys = lat.ys;
  int nc = static_cast<int>(xs.size()) - 1, nr = static_cast<int>(ys.size()) - 1;
  // Printed cells: grid cells joined where no rule separates them.
  std::vector<int> parent(nr * nc);
  std::iota(parent.begin(), parent.end(), 0);
  for (int r = 0; r < nr; ++r) {
    for (int c = 0; c + 1 < nc; ++c) {
      if (lat.cover_v(xs[c + 1], ys[r], ys[r + 1], p.grid_snap_pt) < p.edge_cover_share) {
        parent[find(parent, r * nc + c)] = find(parent, r * nc + c + 1);
      }
    }
  }
  for (int r = 0; r + 1 < nr; ++r) {
    for (int c = 0; c < nc; ++c) {
      if (lat.cover_h(ys[r + 1], xs[c], xs[c + 1], p.grid_snap_pt) < p.edge_cover_share) {
        parent[find(parent, r * nc + c)] = find(parent, (r + 1) * nc + c);
      }
    }
  }
  std::vector<Region> regions(nr * nc);
  for (int r = 0; r < nr; ++r) {
    for (int c = 0; c < nc; ++c) {
      Region& g = regions[find(parent, r * nc + c)];
      Box cell{xs[c], ys[r], xs[c + 1], ys[r + 1]};
      g.box = g.r1 < 0 ? cell : unite(g.box, cell);
      g.r0 = std::min(g.r0, r);
      g.c0 = std::min(g.c0, c);
      g.r1 = std::max(g.r1, r);
      g.c1 = std::max(g.c1, c);
    }
  }
  for (const TextRun& run : runs) {
    int c = interval_of(xs, (run.box.x0 + run.box.x1) / 2);
    int r = interval_of(ys, center_y(run.box));
    regions[find(parent, r * nc + c)].runs.push_back(run);
  }

  Block grid;
  grid.kind = BlockKind::grid;
  grid.page = page;
  grid.columns = nc;
  grid.box = lat.box;
  std::vector<std::vector<Line>> region_lines(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    if (!regions[i].runs.empty()) region_lines[i] = group_lines(regions[i].runs, p);
  }
  for (int r = 0; r < nr; ++r) {
    // Several unruled text rows in this band?  Then one row per text line.
    // Only a band listing amounts is split: in a header band every cell's
    // lines belong together, and only real rules split rows.
    int lists = 0;
    bool amounts = false;
    std::vector<double> centers;
    double em = 0;
    for (size_t i = 0; i < regions.size(); ++i) {
      if (regions[i].r0 != r || regions[i].r1 != r) continue;
      if (list_like(regions[i], region_lines[i], p)) {
        ++lists;
        amounts = amounts || lists_amounts(region_lines[i], p);
      }
      for (const Line& l : region_lines[i]) {
        centers.push_back(center_y(l.box));
        em = std::max(em, l.size);
      }
    }
    std::vector<double> sub;  // centres of the sub-rows
    if (lists >= 2 && amounts) {
      std::sort(centers.begin(), centers.end());
      for (double c : centers) {
        if (sub.empty() || c - sub.back() > p.line_center_tolerance_em * em) sub.push_back(c);
      }
    }
    size_t first = grid.rows.size();
    size_t count = std::max<size_t>(1, sub.size());
    for (size_t k = 0; k < count; ++k) {
      GridRow row;
      row.page = page;
      row.box = {xs.front(), ys[r], xs.back(), ys[r + 1]};
      row.cells.resize(nc);
      for (int c = 0; c < nc; ++c) row.cells[c].box = {xs[c], ys[r], xs[c + 1], ys[r + 1]};
      grid.rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < regions.size(); ++i) {
      const Region& g = regions[i];
      if (g.r0 != r || find(parent, static_cast<int>(i)) != static_cast<int>(i)) continue;
      auto place = [&](size_t row, std::string text) {
        GridCell& cell = grid.rows[first + row].cells[g.c0];
        append_text(cell.text, text, true);
        cell.span = g.c1 - g.c0 + 1;
        cell.box = g.box;
      };
      if (sub.empty() || g.r1 != r) {
        place(0, join_lines(region_lines[i], p));
        continue;
      }
      for (const Line& l : region_lines[i]) {
        double c = center_y(l.box);
        size_t best = 0;
        for (size_t k = 1; k < sub.size(); ++k) {
          if (std::fabs(sub[k] - c) < std::fabs(sub[best] - c)) best = k;
        }
        place(best, join_runs(l.runs, p));
      }
    }
  }
  drop_empty(grid, p.sliver_column_pt);
  return grid;
}

std::vector<std::pair<size_t, size_t>> find_aligned_tables(const std::vector<Line>& lines,
                                                           const LayoutParams& p) {
  std::vector<std::pair<size_t, size_t>> out;
  auto multi = [&](size_t i) { return lines[i].chunks.size() >= 2; };
  auto close = [&](size_t a, size_t b) {
    return lines[b].box.y0 - lines[a].box.y1 <
           p.aligned_line_gap_em * std::max(lines[a].size, lines[b].size);
  };
  // Left edges of the inner columns (every chunk but a line's first) of
  // the table being grown.
  std::vector<double> starts;
  auto add_starts = [&](size_t k) {
    for (size_t c = 1; c < lines[k].chunks.size(); ++c) starts.push_back(lines[k].chunks[c].box.x0);
  };
  // A single-chunk line starting at an inner column is a row with one cell
  // filled (支出 items beside an empty 收入 side), however many follow.
  auto inner = [&](size_t k) {
    double x = lines[k].box.x0, tolerance = p.aligned_start_em * lines[k].size;
    return std::any_of(starts.begin(), starts.end(),
                       [&](double s) { return std::fabs(s - x) <= tolerance; });
  };
  size_t i = 0;
  while (i < lines.size()) {
    if (!multi(i)) {
      ++i;
      continue;
    }
    size_t last = i, j = i + 1;
    int count = 1;
    starts.clear();
    add_starts(i);
    while (j < lines.size() && close(j - 1, j)) {
      // A heading-size line (the next table's title) ends the table.
      if (lines[j].size >= p.heading_size_ratio * lines[i].size) break;
      if (multi(j)) {
        ++count;
        add_starts(j);
        last = j++;
        continue;
      }
      if (inner(j)) {
        last = j++;
        continue;
      }
      // A few single-chunk lines (group labels, wrapped names, items
      // without amounts) inside, if a multi-chunk line follows closely.
      size_t k = j;
      while (k < lines.size() && k - j < static_cast<size_t>(p.aligned_max_inner_lines) &&
             !multi(k) && close(k - 1, k)) {
        ++k;
      }
      if (k < lines.size() && multi(k) && close(k - 1, k)) {
        j = k;
      } else {
        break;
      }
    }
    if (count >= p.aligned_min_lines) out.emplace_back(i, last + 1);
    i = last + 1;
  }
  return out;
}

Block build_aligned_grid(const std::vector<Line>& lines, int page, const LayoutParams& p) {
  std::vector<double> separators = aligned_column_separators(lines, p);
  Block grid;
  grid.kind = BlockKind::grid;
  grid.page = page;
  grid.columns = static_cast<int>(separators.size()) + 1;
  grid.box = lines.front().box;
  for (const Line& l : lines) {
    grid.box = unite(grid.box, l.box);
    GridRow row;
    row.page = page;
    row.box = l.box;
    row.cells.resize(grid.columns);
    std::vector<std::vector<TextRun>> per(grid.columns);
    for (const TextRun& r : l.runs) {
      double probe = r.box.x0 + std::min(r.box.width() / 2, 0.5 * r.font_size);
      int c = static_cast<int>(std::upper_bound(separators.begin(), separators.end(), probe) -
                               separators.begin());
      per[c].push_back(r);
    }
    for (int c = 0; c < grid.columns; ++c) {
      if (per[c].empty()) continue;
      row.cells[c].text = join_runs(per[c], p);
      row.cells[c].box = per[c].front().box;
      for (const TextRun& r : per[c]) row.cells[c].box = unite(row.cells[c].box, r.box);
    }
    grid.rows.push_back(std::move(row));
  }
  // One row per line so far; wrapped names and amounts half a line off
  // rejoin their printed row.
  join_wrapped_rows(grid, p);
  drop_empty(grid, std::numeric_limits<double>::infinity());
  return grid;
}

}  // namespace budget::extract
