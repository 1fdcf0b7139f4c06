#include "extract/pdf/ruling.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace budget::extract {
namespace {

// Joins collinear pieces: same `at` within snap, overlapping or nearly.
std::vector<Segment> join(std::vector<Segment> s, const LayoutParams& p) {
  std::sort(s.begin(), s.end(), [](const Segment& a, const Segment& b) { return a.at < b.at; });
  // Cluster by position across, then merge along.
  std::vector<Segment> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i + 1;
    while (j < s.size() && s[j].at - s[j - 1].at < p.rule_snap_pt) ++j;
    std::vector<Segment> group(s.begin() + i, s.begin() + j);
    double at = 0;
    for (const Segment& g : group) at += g.at;
    at /= group.size();
    std::sort(group.begin(), group.end(),
              [](const Segment& a, const Segment& b) { return a.from < b.from; });
    Segment cur{at, group[0].from, group[0].to};
    for (size_t k = 1; k < group.size(); ++k) {
      if (group[k].from <= cur.to + p.rule_join_gap_pt) {
        cur.to = std::max(cur.to, group[k].to);
      } else {
        out.push_back(cur);
        cur = {at, group[k].from, group[k].to};
      }
    }
    out.push_back(cur);
    i = j;
  }
  return out;
}

int find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

std::vector<double> snap_positions(std::vector<double> v, double snap) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (out.empty() || x - out.back() >= snap) out.push_back(x);
  }
  return out;
}

double cover(const std::vector<Segment>& segs, double at, double from, double to, double snap) {
  if (to <= from) return 0;
  std::vector<std::pair<double, double>> parts;
  for (const Segment& s : segs) {
    if (std::fabs(s.at - at) > snap) continue;
    double a = std::max(from, s.from), b = std::min(to, s.to);
    if (b > a) parts.emplace_back(a, b);
  }
  std::sort(parts.begin(), parts.end());
  double covered = 0, end = from;
  for (auto [a, b] : parts) {
    a = std::max(a, end);
    if (b > a) covered += b - a;
    end = std::max(end, b);
  }
  return covered / (to - from);
}

}  // namespace

double Lattice::cover_v(double x, double from, double to, double snap) const {
  return cover(vertical, x, from, to, snap);
}

double Lattice::cover_h(double y, double from, double to, double snap) const {
  return cover(horizontal, y, from, to, snap);
}

std::vector<Lattice> find_lattices(const std::vector<Rule>& rules, const LayoutParams& p) {
  std::vector<Segment> h, v;
  for (const Rule& r : rules) {
    if (r.horizontal()) {
      h.push_back({(r.box.y0 + r.box.y1) / 2, r.box.x0, r.box.x1});
    } else {
      v.push_back({(r.box.x0 + r.box.x1) / 2, r.box.y0, r.box.y1});
    }
  }
  h = join(std::move(h), p);
  v = join(std::move(v), p);
  // Touching rules are one lattice (union-find over h then v indices).
  int nh = static_cast<int>(h.size()), n = nh + static_cast<int>(v.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  double t = p.rule_touch_pt;
  for (int i = 0; i < nh; ++i) {
    for (size_t j = 0; j < v.size(); ++j) {
      if (v[j].at >= h[i].from - t && v[j].at <= h[i].to + t && h[i].at >= v[j].from - t &&
          h[i].at <= v[j].to + t) {
        parent[find(parent, i)] = find(parent, nh + static_cast<int>(j));
      }
    }
  }
  std::vector<int> slot(n, -1);
  std::vector<Lattice> out;
  for (int i = 0; i < n; ++i) {
    int root = find(parent, i);
    if (slot[root] < 0) {
      slot[root] = static_cast<int>(out.size());
      out.emplace_back();
    }
    Lattice& l = out[slot[root]];
    if (i < nh) {
      l.horizontal.push_back(h[i]);
    } else {
      l.vertical.push_back(v[i - nh]);
    }
  }
  std::vector<Lattice> tables;
  for (Lattice& l : out) {
    if (l.horizontal.size() < 2 || l.vertical.size() < 2) continue;
    l.box = {1e9, 1e9, -1e9, -1e9};
    std::vector<double> xs, ys;
    for (const Segment& s : l.horizontal) {
      l.box.x0 = std::min(l.box.x0, s.from);
      l.box.x1 = std::max(l.box.x1, s.to);
      ys.push_back(s.at);
    }
    for (const Segment& s : l.vertical) {
      l.box.y0 = std::min(l.box.y0, s.from);
      l.box.y1 = std::max(l.box.y1, s.to);
      xs.push_back(s.at);
    }
    for (const Segment& s : l.horizontal) l.box.y0 = std::min(l.box.y0, s.at);
    for (const Segment& s : l.horizontal) l.box.y1 = std::max(l.box.y1, s.at);
    for (const Segment& s : l.vertical) l.box.x0 = std::min(l.box.x0, s.at);
    for (const Segment& s : l.vertical) l.box.x1 = std::max(l.box.x1, s.at);
    xs.push_back(l.box.x0);
    xs.push_back(l.box.x1);
    ys.push_back(l.box.y0);
    ys.push_back(l.box.y1);
    l.xs = snap_positions(std::move(xs), p.grid_snap_pt);
    l.ys = snap_positions(std::move(ys), p.grid_snap_pt);
    if (l.xs.size() >= 2 && l.ys.size() >= 2) tables.push_back(std::move(l));
  }
  std::sort(tables.begin(), tables.end(),
            [](const Lattice& a, const Lattice& b) { return a.box.y0 < b.box.y0; });
  return tables;
}

}  // namespace budget::extract
