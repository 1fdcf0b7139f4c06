#include "extract/pdf/aligned_columns.h"

#include <algorithm>
#include <cmath>

#include "normalize/numbers.h"

namespace budget::extract {
namespace {

bool is_amount(const TextRun& r) {
  return normalize::parse_number(r.text).kind == normalize::ParsedNumber::number;
}

// Index of the first line printing an amount: the body starts there.
size_t body_start(const std::vector<Line>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (std::any_of(lines[i].runs.begin(), lines[i].runs.end(), is_amount)) return i;
  }
  return lines.size();
}

// A stretch [start, end) of the profile, in points from its left edge.
struct Stretch {
  int start = 0, end = 0;
  int width() const { return end - start; }
};

// How many lines ink each point of the table's width (1 pt grain): all
// lines, and the body lines alone.
class Profile {
 public:
  Profile(const std::vector<Line>& lines, size_t body) {
    x0_ = 1e9;
    double x1 = -1e9;
    for (const Line& l : lines) {
      x0_ = std::min(x0_, l.box.x0);
      x1 = std::max(x1, l.box.x1);
    }
    width_ = static_cast<int>(std::ceil(x1 - x0_)) + 1;
    all_.assign(width_, 0);
    body_.assign(width_, 0);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::vector<bool> ink(width_, false);
      for (const TextRun& r : lines[i].runs) {
        auto [a, b] = span(r);
        for (int x = a; x < b; ++x) ink[x] = true;
      }
      for (int x = 0; x < width_; ++x) {
        all_[x] += ink[x];
        if (i >= body) body_[x] += ink[x];
      }
    }
  }

  int width() const { return width_; }
  double page_x(double x) const { return x0_ + x; }
  // The points a run inks, clamped to the profile.
  std::pair<int, int> span(const TextRun& r) const {
    int a = static_cast<int>(r.box.x0 - x0_), b = static_cast<int>(std::ceil(r.box.x1 - x0_));
    return {std::max(a, 0), std::min(b, width_)};
  }
  int all(int x) const { return all_[x]; }
  int body(int x) const { return body_[x]; }
  bool body_ink(int from, int to) const {
    return std::any_of(body_.begin() + from, body_.begin() + to, [](int v) { return v > 0; });
  }

  // Maximal stretches where `count(x) <= limit`, at least `min_width` wide.
  template <class Count>
  std::vector<Stretch> stretches(Count count, int limit, double min_width, int from,
                                 int to) const {
    std::vector<Stretch> out;
    for (int x = from; x < to;) {
      if (count(x) > limit) {
        ++x;
        continue;
      }
      int start = x;
      while (x < to && count(x) <= limit) ++x;
      if (x - start >= min_width) out.push_back({start, x});
    }
    return out;
  }

 private:
  double x0_ = 0;
  int width_ = 0;
  std::vector<int> all_, body_;
};

}  // namespace

std::vector<double> aligned_column_separators(const std::vector<Line>& lines,
                                              const LayoutParams& p) {
  std::vector<double> separators;
  if (lines.empty()) return separators;
  size_t body = body_start(lines);
  Profile prof(lines, body);
  int width = prof.width();
  auto mid = [&](const Stretch& s) { return prof.page_x((s.start + s.end) / 2.0); };

  std::vector<double> sizes;
  for (const Line& l : lines) sizes.push_back(l.size);
  std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
  double em = sizes[sizes.size() / 2];

  // Column edges: how many body runs end (right-aligned amounts) or text
  // runs start (left-aligned names) at a page x.  Amounts of one width in
  // a right-aligned column start at one x too: they never count as starts.
  size_t body_lines = lines.size() - body;
  int need = std::max(p.aligned_min_lines,
                      static_cast<int>(std::ceil(p.aligned_edge_share * body_lines)));
  auto edge_count = [&](double x, bool ends) {
    int n = 0;
    for (size_t i = body; i < lines.size(); ++i) {
      for (const TextRun& r : lines[i].runs) {
        if (!ends && is_amount(r)) continue;
        double at = ends ? r.box.x1 : r.box.x0;
        n += std::fabs(at - x) <= p.aligned_edge_pt;
      }
    }
    return n;
  };

  // The ink edges either side of a stretch (of the body lines alone or
  // of all lines), page x.
  auto ink_edges = [&](const Stretch& s, bool body_only) {
    double left = prof.page_x(s.start), right = prof.page_x(s.end);
    double ink_left = -1e9, ink_right = 1e9;
    for (size_t i = body_only ? body : 0; i < lines.size(); ++i) {
      for (const TextRun& r : lines[i].runs) {
        auto [a, b] = prof.span(r);
        if (b <= s.start) ink_left = std::max(ink_left, r.box.x1);
        if (a >= s.end) ink_right = std::min(ink_right, r.box.x0);
      }
    }
    return std::make_pair(ink_left > -1e9 ? ink_left : left, ink_right < 1e9 ? ink_right : right);
  };

  // Wide gaps: (almost) no body line inks them.  Header labels may: a
  // label over narrow right-aligned amounts sits beside them, in the gap.
  // A table printing no amounts at all has its gaps between all its lines.
  bool has_body = body_lines > 0;
  int allowed = static_cast<int>(p.aligned_gap_crossing_share *
                                 (has_body ? body_lines : lines.size()));
  auto body_count = [&](int x) { return has_body ? prof.body(x) : prof.all(x); };
  std::vector<Stretch> gaps =
      prof.stretches(body_count, allowed, p.aligned_column_gap_pt, 0, width);
  std::vector<Stretch> handled;  // stretches holding a separator

  // Whether every run reaching into [left.end, right.start) lies between
  // the two blank stretches: a sparse column (amounts in a few rows), not
  // text crossing from a neighbour.
  auto self_contained = [&](const Stretch& left, const Stretch& right) {
    for (const Line& l : lines) {
      for (const TextRun& r : l.runs) {
        auto [a, b] = prof.span(r);
        bool reaches = b > left.end && a < right.start;
        if (reaches && (a < left.start || b > right.end)) return false;
      }
    }
    return true;
  };
  // The first header line with a run inside [from, to).
  auto first_label_line = [&](int from, int to) {
    for (size_t i = 0; i < body; ++i) {
      for (const TextRun& r : lines[i].runs) {
        auto [a, b] = prof.span(r);
        if (a >= from && b <= to) return i;
      }
    }
    return body;
  };
  // Whether a header run on line `top` or below sits over the body ink
  // [from, to) of the column right of a gap starting at `gap_start`,
  // reaching no further than `limit` (a group label over several columns
  // names none of them; a line above, 单位：万元, is no label row).
  auto own_label = [&](size_t top, int gap_start, int from, int to, int limit) {
    for (size_t i = top; i < body; ++i) {
      for (const TextRun& r : lines[i].runs) {
        auto [a, b] = prof.span(r);
        if (a >= gap_start && b > from && a < to && b <= limit) return true;
      }
    }
    return false;
  };

  for (size_t g = 0; g < gaps.size(); ++g) {
    const Stretch& gap = gaps[g];
    int ink_start = g == 0 ? 0 : gaps[g - 1].end;
    int next = g + 1 < gaps.size() ? gaps[g + 1].start : width;
    int next_end = g + 1 < gaps.size() ? gaps[g + 1].end : width;
    if (gap.start == 0) {
      // Sparse columns at the table's left (the 收入 side of a 收支总表
      // filled in a few rows): every blank stretch of the body between
      // them separates two columns.
      if (gap.end == width) continue;
      for (const Stretch& b :
           prof.stretches(body_count, 0, p.aligned_column_gap_pt, 0, gap.end)) {
        if (b.start == 0) continue;
        separators.push_back(mid(b));
        handled.push_back(b);
      }
      continue;
    }
    handled.push_back(gap);
    // Blank stretches inside the gap: no line inks them.
    std::vector<Stretch> blanks = prof.stretches([&](int x) { return prof.all(x); }, 0,
                                                 p.aligned_column_gap_pt, gap.start, gap.end);
    if (blanks.empty() && gap.end < width && !prof.body_ink(ink_start, gap.start)) {
      // Only header labels left of the gap and a label crossing all of it:
      // a label left-aligned over the right-aligned amounts of the next
      // column (合计 under 2025年预算数), not a column of its own.
      continue;
    }
    if (gap.end == width) {
      // Columns empty in every body row at the table's right: only their
      // header labels print there, each blank stretch between them (no run
      // crosses it) separates two columns.
      for (const Stretch& b : blanks) {
        if (b.end < width) separators.push_back(mid(b));
      }
      continue;
    }
    if (blanks.size() >= 2 && self_contained(blanks.front(), blanks.back())) {
      // Islands of ink between blank stretches: a sparse column when body
      // rows print there; header labels alone otherwise, the last of them
      // naming the column on the right unless it has a label of its own.
      size_t n = blanks.size();
      if (!prof.body_ink(blanks.front().end, blanks.back().start) &&
          !own_label(first_label_line(blanks.front().end, blanks.back().start), gap.start,
                     gap.end, next, next_end)) {
        --n;
      }
      for (size_t k = 0; k < n; ++k) separators.push_back(mid(blanks[k]));
      continue;
    }
    // Text crossing into the gap belongs to the column it comes from: a
    // label left-aligned over right-aligned amounts starts inside the gap
    // before its column's amounts, so the separator goes left of it.
    auto [left, right] = ink_edges(gap, false);
    for (const Line& l : lines) {
      for (const TextRun& r : l.runs) {
        auto [a, b] = prof.span(r);
        if (a < gap.start && b > gap.start && b < gap.end) left = std::max(left, r.box.x1);
        if (b > gap.end && a > gap.start && a < gap.end) right = std::min(right, r.box.x0);
      }
    }
    // Beside an aligned column edge the boundary hugs it: a label centred
    // over its column stays on its side.  Where crossing labels leave no
    // room (a group label over both columns crosses too), the body's edges
    // alone place it.
    auto [ink_left, ink_right] = ink_edges(gap, true);
    bool ends = edge_count(ink_left, true) >= need;
    bool starts = edge_count(ink_right, false) >= need;
    if (left >= right && (ends || starts)) {
      left = ink_left;
      right = ink_right;
    }
    if (left >= right) {
      separators.push_back(mid(gap));
      continue;
    }
    double hug = std::min((right - left) / 2, p.aligned_hug_em * em);
    separators.push_back(ends && !starts   ? left + hug
                         : starts && !ends ? right - hug
                                           : (left + right) / 2);
  }

  // Narrow gaps: no body line inks them and a column edge flanks them.
  if (body_lines >= static_cast<size_t>(p.aligned_min_lines)) {
    std::vector<Stretch> narrow = prof.stretches([&](int x) { return prof.body(x); }, 0,
                                                 1, 1, width - 1);
    for (const Stretch& s : narrow) {
      bool inside_gap = std::any_of(handled.begin(), handled.end(), [&](const Stretch& g) {
        return s.start < g.end && g.start < s.end;
      });
      if (inside_gap) continue;
      auto [left, right] = ink_edges(s, true);
      if (right - left < p.aligned_narrow_gap_pt) continue;
      if (edge_count(left, true) >= need || edge_count(right, false) >= need) {
        separators.push_back((left + right) / 2);
      }
    }
  }
  std::sort(separators.begin(), separators.end());
  separators.erase(std::unique(separators.begin(), separators.end(),
                               [](double a, double b) { return b - a < 1; }),
                   separators.end());
  return separators;
}

}  // namespace budget::extract
