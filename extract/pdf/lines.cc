#include "extract/pdf/lines.h"

#include <algorithm>
#include <cmath>

namespace budget::extract {
namespace {

// Decodes the code point starting at s[i] (UTF-8), advancing i.
char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  char32_t cp = len == 1 ? c : c & (0x3f >> (len - 1));
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3f);
  i += len;
  return cp;
}

char32_t first_code_point(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : next_code_point(s, i);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) --i;
  return next_code_point(s, i);
}

// Counts CJK and other code points of a run.
void count_chars(std::string_view s, int& cjk, int& other) {
  cjk = other = 0;
  for (size_t i = 0; i < s.size();) (is_cjk(next_code_point(s, i)) ? cjk : other)++;
}

bool is_leader(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c != '.' && c != 0x2026 && c != 0x00B7 && c != 0x22EF && c != 0x2022) return false;
  }
  return true;
}

double center_y(const Box& b) { return (b.y0 + b.y1) / 2; }

// Maps a box from the page frame into the frame where text of rotation
// `rot` reads upright.
Box rotate_box(const Box& b, int rot, double w, double h) {
  switch (rot) {
    case 1: return {b.y0, w - b.x1, b.y1, w - b.x0};
    case 2: return {w - b.x1, h - b.y1, w - b.x0, h - b.y0};
    case 3: return {h - b.y1, b.x0, h - b.y0, b.x1};
    default: return b;
  }
}

}  // namespace

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

void append_text(std::string& out, std::string_view piece, bool gap) {
  if (piece.empty()) return;
  if (!out.empty() && gap && out.back() != ' ' && piece.front() != ' ' &&
      !is_cjk(last_code_point(out)) && !is_cjk(first_code_point(piece))) {
    out += ' ';
  }
  out += piece;
}

std::string join_runs(const std::vector<TextRun>& runs, const LayoutParams& params) {
  std::string out;
  for (size_t i = 0; i < runs.size(); ++i) {
    bool gap = i > 0 && (runs[i - 1].space_after ||
                         runs[i].box.x0 - runs[i - 1].box.x1 >
                             params.space_gap_em * std::min(runs[i].font_size, runs[i - 1].font_size));
    append_text(out, runs[i].text, gap);
  }
  return out;
}

std::string Line::text() const {
  std::string out;
  for (const Chunk& c : chunks) append_text(out, c.text, true);
  return out;
}

void upright_page(PageContent& page) {
  // Dominant rotation by characters.
  double weight[4] = {0, 0, 0, 0};
  for (const TextRun& r : page.runs) weight[r.rotation & 3] += r.text.size();
  int rot = static_cast<int>(std::max_element(weight, weight + 4) - weight);
  if (rot != 0) {
    double w = page.width, h = page.height;
    for (TextRun& r : page.runs) {
      r.box = rotate_box(r.box, rot, w, h);
      r.rotation = (r.rotation - rot + 4) & 3;
    }
    for (Rule& r : page.rules) r.box = rotate_box(r.box, rot, w, h);
    if (rot != 2) std::swap(page.width, page.height);
  }
  // One em = the advance of a CJK glyph.  Estimate the producer's scale
  // from runs of CJK text, then apply it to every run.
  std::vector<double> ratios;
  for (const TextRun& r : page.runs) {
    int cjk, other;
    count_chars(r.text, cjk, other);
    if (r.rotation == 0 && cjk >= 2 && other == 0 && r.font_size > 0) {
      ratios.push_back(r.box.width() / cjk / r.font_size);
    }
  }
  double scale = 1;
  if (!ratios.empty()) {
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    scale = std::clamp(ratios[ratios.size() / 2], 0.25, 2.0);
  }
  for (TextRun& r : page.runs) {
    r.font_size *= scale;
    if (r.rotation == 0 || r.rotation == 2) {
      double c = center_y(r.box);
      r.box.y0 = c - r.font_size / 2;
      r.box.y1 = c + r.font_size / 2;
    }
  }
}

std::vector<Line> group_lines(std::vector<TextRun> runs, const LayoutParams& params) {
  std::stable_sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) {
    return center_y(a.box) < center_y(b.box);
  });
  std::vector<Line> lines;
  double line_center = 0;
  for (TextRun& r : runs) {
    double c = center_y(r.box);
    if (!lines.empty()) {
      Line& last = lines.back();
      double em = std::min(last.size, r.font_size);
      if (std::fabs(c - line_center) < params.line_center_tolerance_em * em) {
        size_t n = last.runs.size();
        line_center = (line_center * n + c) / (n + 1);
        last.size = std::max(last.size, r.font_size);
        last.runs.push_back(std::move(r));
        continue;
      }
    }
    lines.emplace_back();
    lines.back().size = r.font_size;
    line_center = c;
    lines.back().runs.push_back(std::move(r));
  }
  for (Line& line : lines) {
    auto& rs = line.runs;
    std::stable_sort(rs.begin(), rs.end(),
                     [](const TextRun& a, const TextRun& b) { return a.box.x0 < b.box.x0; });
    // Overprinted duplicates: same text at (almost) the same place.
    std::vector<TextRun> kept;
    for (TextRun& r : rs) {
      bool dup = false;
      for (const TextRun& k : kept) {
        dup = dup || (k.text == r.text && std::fabs(k.box.x0 - r.box.x0) < 0.3 * r.font_size &&
                      std::fabs(center_y(k.box) - center_y(r.box)) < 0.3 * r.font_size);
      }
      if (!dup) kept.push_back(std::move(r));
    }
    rs = std::move(kept);
    line.box = rs.front().box;
    size_t bold_chars = 0, chars = 0;
    for (const TextRun& r : rs) {
      line.box.x0 = std::min(line.box.x0, r.box.x0);
      line.box.y0 = std::min(line.box.y0, r.box.y0);
      line.box.x1 = std::max(line.box.x1, r.box.x1);
      line.box.y1 = std::max(line.box.y1, r.box.y1);
      chars += r.text.size();
      if (r.bold) bold_chars += r.text.size();
    }
    line.bold = bold_chars * 2 > chars;
    // Chunks: split at wide gaps.
    for (const TextRun& r : rs) {
      bool split = line.chunks.empty() ||
                   r.box.x0 - line.chunks.back().box.x1 > params.chunk_gap_em * r.font_size;
      // Dot leaders stay with the text before them; what follows them (a
      // page number in a table of contents) starts a new chunk.
      if (!line.chunks.empty() && is_leader(r.text)) split = false;
      if (!line.chunks.empty() && is_leader(line.chunks.back().runs.back().text)) split = true;
      if (split) {
        line.chunks.push_back(Chunk{r.box, "", {}});
      }
      Chunk& c = line.chunks.back();
      c.box.x0 = std::min(c.box.x0, r.box.x0);
      c.box.y0 = std::min(c.box.y0, r.box.y0);
      c.box.x1 = std::max(c.box.x1, r.box.x1);
      c.box.y1 = std::max(c.box.y1, r.box.y1);
      c.runs.push_back(r);
    }
    for (Chunk& c : line.chunks) c.text = join_runs(c.runs, params);
  }
  return lines;
}

}  // namespace budget::extract
