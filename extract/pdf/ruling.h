// extract/pdf/ruling.h — ruling lines to table lattices.
//
//   std::vector<Lattice> ls = find_lattices(page.rules, params);
//   ls[0].box                 // outer frame of one ruled table
//   ls[0].xs, ls[0].ys        // its grid lines (sorted, snapped)
//   ls[0].covers_v(x, y0, y1) // is there a rule at x over most of y0..y1?
//
// Producers draw rules as strokes, thin filled rectangles, or one short
// piece per cell edge (Skia); collinear pieces are joined first, then rules
// that touch form one lattice.  A lattice needs at least two horizontal and
// two vertical rules.
#pragma once

#include <vector>

#include "extract/pdf/layout_params.h"
#include "extract/pdf/page_content.h"

namespace budget::extract {

// A joined rule: position across, extent along.
struct Segment {
  double at = 0, from = 0, to = 0;
};

struct Lattice {
  Box box;
  std::vector<Segment> horizontal;   // at = y, from..to = x
  std::vector<Segment> vertical;     // at = x, from..to = y
  std::vector<double> xs, ys;        // grid lines, ascending

  // Share of [from, to] covered by rules at `at` (within `snap`).
  double cover_v(double x, double from, double to, double snap) const;
  double cover_h(double y, double from, double to, double snap) const;
};

std::vector<Lattice> find_lattices(const std::vector<Rule>& rules, const LayoutParams& params);

}  // namespace budget::extract
