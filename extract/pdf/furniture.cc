#include "extract/pdf/furniture.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "extract/pdf/lines.h"

namespace budget::extract {
namespace {

// Page numbers as printed, spaces removed.
const RE2& page_number_pattern() {
  static const RE2 re(
      "(?i)(?:第\\d+页(?:共\\d+页)?|共\\d+页第\\d+页|[-–—]?\\d{1,4}[-–—]?|\\d+/\\d+|"
      "page\\d+(?:of\\d+)?|[-–—]?[ivxlc]{1,6}[-–—]?)",
      RE2::Quiet);
  return re;
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

std::string digits_masked(const std::string& s) {
  std::string out = without_spaces(s);
  for (char& c : out) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return out;
}

using Key = std::tuple<std::string, long, long>;

Key position_key(const TextRun& r, double grain) {
  return {r.text, std::lround(r.box.x0 / grain), std::lround(r.box.y0 / grain)};
}

bool in_margin(const Box& b, double page_height, double share) {
  return b.y1 < page_height * share || b.y0 > page_height * (1 - share);
}

// The first and last line of a page when inside the margin bands.
std::vector<Line> edge_lines(const PageContent& page, const LayoutParams& p) {
  std::vector<TextRun> margin;
  for (const TextRun& r : page.runs) {
    if (in_margin(r.box, page.height, p.margin_band_share)) margin.push_back(r);
  }
  std::vector<Line> lines = group_lines(std::move(margin), p);
  std::vector<Line> out;
  if (lines.empty()) return out;
  // Only lines with nothing between them and the page edge.
  double top_text = 1e9, bottom_text = -1e9;
  for (const TextRun& r : page.runs) {
    top_text = std::min(top_text, r.box.y0);
    bottom_text = std::max(bottom_text, r.box.y1);
  }
  if (lines.front().box.y1 < page.height / 2 && lines.front().box.y0 <= top_text + 0.5) {
    out.push_back(lines.front());
  }
  if (lines.back().box.y0 > page.height / 2 && lines.back().box.y1 >= bottom_text - 0.5) {
    out.push_back(lines.back());
  }
  return out;
}

// A table or form title (…表, …表（2019年度）) repeats at the top of every page
// of a run of forms: it is content, never a running header.
bool names_a_table(const std::string& text) {
  static const RE2 kTitle(".*表\\s*(?:[（(][^（()）]*[）)])?$", RE2::Quiet);
  return RE2::FullMatch(text, kTitle);
}

// True if ruling lines run above and below the run across its width: text
// inside a ruled table (a form's labels repeat on every form page).
bool inside_rules(const TextRun& r, const PageContent& page) {
  bool above = false, below = false;
  for (const Rule& rule : page.rules) {
    if (!rule.horizontal() || rule.box.x0 > r.box.x0 + 1 || rule.box.x1 < r.box.x1 - 1) continue;
    above |= rule.box.y1 <= r.box.y0 + 1;
    below |= rule.box.y0 >= r.box.y1 - 1;
  }
  return above && below;
}

// Removes the runs of `line` from the page.
void remove_runs(PageContent& page, const Line& line) {
  auto same = [&](const TextRun& r) {
    return std::any_of(line.runs.begin(), line.runs.end(), [&](const TextRun& l) {
      return l.text == r.text && std::fabs(l.box.x0 - r.box.x0) < 0.01 &&
             std::fabs(l.box.y0 - r.box.y0) < 0.01;
    });
  };
  page.runs.erase(std::remove_if(page.runs.begin(), page.runs.end(), same), page.runs.end());
}

}  // namespace

FurnitureCount remove_furniture(std::vector<PageContent>& pages, const LayoutParams& p) {
  FurnitureCount n;
  for (const PageContent& page : pages) n.watermarks += page.diagonal_runs;
  int need = std::max(p.repeat_min_pages,
                      static_cast<int>(std::ceil(p.repeat_page_share * pages.size())));

  // Page numbers and running headers/footers: edge lines of each page,
  // first (the repeated 第 … 页 around a changing number must go as one).
  std::vector<std::vector<Line>> edges;
  std::map<std::string, int> repeats;
  for (const PageContent& page : pages) {
    edges.push_back(edge_lines(page, p));
    std::set<std::string> texts;
    for (const Line& l : edges.back()) texts.insert(digits_masked(l.text()));
    for (const std::string& t : texts) repeats[t]++;
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    for (const Line& l : edges[i]) {
      std::string text = without_spaces(l.text());
      bool page_number = RE2::FullMatch(text, page_number_pattern());
      // A running header printed on only some pages (those of one part,
      // the tables) still repeats as one piece of text on several; a row
      // of table labels repeated at the top of continued pages has several.
      int times = repeats[digits_masked(text)];
      bool running = times >= need || (l.chunks.size() == 1 && times >= p.repeat_min_pages);
      if (page_number || (running && !names_a_table(text))) {
        remove_runs(pages[i], l);
        ++n.furniture;
      }
    }
  }
  // Runs tiled at the same place on most pages.
  std::map<Key, std::set<int>> seen;
  for (const PageContent& page : pages) {
    for (const TextRun& r : page.runs) seen[position_key(r, p.repeat_position_pt)].insert(page.number);
  }
  for (PageContent& page : pages) {
    auto gone = [&](const TextRun& r) {
      if (static_cast<int>(seen[position_key(r, p.repeat_position_pt)].size()) < need) return false;
      if (r.lightness >= p.watermark_min_lightness) {
        ++n.watermarks;
        return true;
      }
      if (in_margin(r.box, page.height, p.margin_band_share) && !inside_rules(r, page) &&
          !names_a_table(without_spaces(r.text))) {
        ++n.furniture;
        return true;
      }
      return false;
    };
    page.runs.erase(std::remove_if(page.runs.begin(), page.runs.end(), gone), page.runs.end());
  }

  return n;
}

}  // namespace budget::extract
