#include "extract/pdf/page_layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "extract/pdf/grid.h"
#include "extract/pdf/lines.h"
#include "extract/pdf/ruling.h"

namespace budget::extract {
namespace {

// Pieces of one line further apart than this are separate paragraphs
// (单位名称 at the left margin, 单位 at the right), em.
constexpr double kSeparatePiecesEm = 6.0;
// A run belongs to a lattice when its centre is this close to its frame, pt.
constexpr double kLatticeSlackPt = 1.0;

bool inside(const Box& outer, const Box& b, double slack) {
  double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
  return cx >= outer.x0 - slack && cx <= outer.x1 + slack && cy >= outer.y0 - slack &&
         cy <= outer.y1 + slack;
}

Box unite(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Heading level of a line of `size`: 0 unless clearly larger than the body
// text and than `table_size` (a label printed as large as the table text
// beside it is no title).
int heading_level(double size, const TextStyle& style, double table_size,
                  const LayoutParams& p) {
  double body = std::max(style.body_size, table_size);
  if (body <= 0 || size < p.heading_size_ratio * body) return 0;
  for (size_t i = 0; i < style.heading_sizes.size(); ++i) {
    if (size >= style.heading_sizes[i] / p.same_size_ratio) return static_cast<int>(i) + 1;
  }
  return static_cast<int>(style.heading_sizes.size());
}

// The size of most characters (0 when none) from characters per size in
// half ems.
double dominant_size(const std::map<long, double>& weight) {
  double best = -1, size = 0;
  for (auto [half, w] : weight) {
    if (w > best) {
      best = w;
      size = half / 2.0;
    }
  }
  return size;
}

void add_weight(std::map<long, double>& weight, const TextRun& r) {
  weight[std::lround(r.font_size * 2)] += r.text.size();
}

// 第一部分, 一、, （一）, (1), 1、, 1. at the start of a line.
bool starts_with_marker(const std::string& text) {
  static const RE2 kMarker(
      "^\\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（]\\s*[一二三四五六七八九十0-9]{1,3}\\s*[)）]|"
      "[0-9]{1,2}\\s*[、．]|[0-9]{1,2}\\.[^0-9])",
      RE2::Quiet);
  return RE2::PartialMatch(text, kMarker);
}

// One piece of text in reading order, before paragraph joining.
struct Piece {
  Box box;
  std::string text;
  double size = 0;
  bool bold = false;
  int level = 0;     // heading level, 0 for body text
  bool last_of_line = true;
};

// Estimated width of the first word of a piece: a CJK character, or the
// run of other characters before the first CJK one (prorated by length).
double leading_word_width(const Piece& piece) {
  size_t lead = 0, total = 0;
  bool in_word = true;
  for (size_t i = 0; i < piece.text.size();) {
    unsigned char c = piece.text[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    bool ascii = len == 1;
    if (!ascii) in_word = in_word && total == 0 && lead == 0;
    if (in_word) ++lead;
    if (!ascii || c == ' ') in_word = false;
    ++total;
    i += len;
  }
  return total == 0 ? 0 : piece.box.width() * lead / total;
}

}  // namespace

TextStyle measure_style(const std::vector<PageContent>& pages, const LayoutParams& p) {
  // Table text is often smaller than the prose: measure single-chunk lines
  // outside lattices and unruled tables (a document printed without rules);
  // lines of several chunks are table rows the alignment search missed
  // (forms without rules) more often than prose.  A document of tables
  // with hardly any prose measures all its text outside lattices.
  std::map<long, double> weight, all;  // size in half ems -> UTF-8 bytes
  double prose = 0;
  for (const PageContent& page : pages) {
    std::vector<Lattice> lattices = find_lattices(page.rules, p);
    std::vector<TextRun> free;
    for (const TextRun& r : page.runs) {
      bool in_table = std::any_of(lattices.begin(), lattices.end(), [&](const Lattice& l) {
        return inside(l.box, r.box, kLatticeSlackPt);
      });
      if (!in_table) free.push_back(r);
    }
    std::vector<Line> lines = group_lines(std::move(free), p);
    std::vector<bool> in_table(lines.size(), false);
    for (auto [first, last] : find_aligned_tables(lines, p)) {
      std::fill(in_table.begin() + first, in_table.begin() + last, true);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      bool is_prose = !in_table[i] && lines[i].chunks.size() == 1;
      for (const TextRun& r : lines[i].runs) {
        add_weight(all, r);
        if (is_prose) add_weight(weight, r);
        if (is_prose) prose += r.text.size();
      }
    }
  }
  if (prose < p.body_min_prose_bytes) weight = std::move(all);
  TextStyle style;
  style.body_size = dominant_size(weight);
  for (auto it = weight.rbegin(); it != weight.rend(); ++it) {
    double size = it->first / 2.0;
    if (size < p.heading_size_ratio * style.body_size) break;
    if (style.heading_sizes.empty() || style.heading_sizes.back() > size * p.same_size_ratio) {
      style.heading_sizes.push_back(size);
    }
  }
  return style;
}

std::vector<Block> layout_page(const PageContent& page, const TextStyle& style,
                               const LayoutParams& p) {
  std::vector<Block> blocks;
  std::vector<Lattice> lattices = find_lattices(page.rules, p);
  std::vector<std::vector<TextRun>> in_lattice(lattices.size());
  std::vector<TextRun> free;
  for (const TextRun& r : page.runs) {
    size_t i = 0;
    while (i < lattices.size() && !inside(lattices[i].box, r.box, kLatticeSlackPt)) ++i;
    (i < lattices.size() ? in_lattice[i] : free).push_back(r);
  }
  // Ruled tables.  A frame around one column of text is not a table.
  std::map<long, double> table_weight;
  for (size_t i = 0; i < lattices.size(); ++i) {
    if (in_lattice[i].empty()) continue;
    Block grid = build_ruled_grid(lattices[i], in_lattice[i], page.number, p);
    if (grid.columns >= 2 && !grid.rows.empty()) {
      for (const TextRun& r : in_lattice[i]) add_weight(table_weight, r);
      blocks.push_back(std::move(grid));
    } else {
      free.insert(free.end(), in_lattice[i].begin(), in_lattice[i].end());
    }
  }

  // Unruled tables among the remaining lines.
  std::vector<Line> lines = group_lines(std::move(free), p);
  std::vector<bool> used(lines.size(), false);
  for (auto [first, last] : find_aligned_tables(lines, p)) {
    std::vector<Line> part(lines.begin() + first, lines.begin() + last);
    Block grid = build_aligned_grid(part, page.number, p);
    if (grid.columns < 2) continue;
    blocks.push_back(std::move(grid));
    std::fill(used.begin() + first, used.begin() + last, true);
  }

  // Headings and paragraphs.
  double table_size = dominant_size(table_weight);
  std::vector<Piece> pieces;
  // The text's right edge: tables span it too, so a page of tables whose
  // only prose is a short title and its 单位名称 line does not take the
  // title for a full line wrapped onto the next.
  double left = 1e9, right = -1e9;
  for (const Block& g : blocks) right = std::max(right, g.box.x1);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (used[i]) continue;
    const Line& l = lines[i];
    left = std::min(left, l.box.x0);
    right = std::max(right, l.box.x1);
    int level = heading_level(l.size, style, table_size, p);
    std::vector<Piece> line_pieces;
    for (const Chunk& c : l.chunks) {
      bool apart = !line_pieces.empty() &&
                   c.box.x0 - line_pieces.back().box.x1 > kSeparatePiecesEm * l.size;
      if (line_pieces.empty() || (apart && level == 0)) {
        line_pieces.push_back(Piece{c.box, c.text, l.size, l.bold, level, false});
      } else {
        append_text(line_pieces.back().text, c.text, true);
        line_pieces.back().box = unite(line_pieces.back().box, c.box);
      }
    }
    line_pieces.back().last_of_line = true;
    pieces.insert(pieces.end(), line_pieces.begin(), line_pieces.end());
  }
  auto table_between = [&](const Box& a, const Box& b) {
    for (const Block& g : blocks) {
      if (g.box.y0 >= a.y1 - 0.5 && g.box.y1 <= b.y0 + 0.5) return true;
    }
    return false;
  };
  size_t n_tables = blocks.size();
  const Piece* prev = nullptr;
  for (const Piece& piece : pieces) {
    bool join = false;
    if (prev && blocks.size() > n_tables && prev->last_of_line) {
      const Block& open = blocks.back();
      double em = std::min(piece.size, prev->size);
      bool same_style = std::max(piece.size, prev->size) <= p.same_size_ratio * em &&
                        piece.bold == prev->bold && piece.level == prev->level;
      bool near = piece.box.y0 - prev->box.y1 <= p.paragraph_gap_em * em &&
                  piece.box.y0 > prev->box.y1 - 0.5 * em;
      if (same_style && near && !table_between(prev->box, piece.box)) {
        if (piece.level > 0) {
          // A title wrapped over lines: one above the other.
          // (A table of contents line ends with its page number.)
          join = open.kind == BlockKind::heading && piece.box.x0 < prev->box.x1 &&
                 prev->box.x0 < piece.box.x1 && !std::isdigit(static_cast<unsigned char>(prev->text.back()));
        } else {
          // Wrapped: the previous line starts at the text's left edge (or a
          // first-line indent) and ends where the next line's first word
          // would not have fitted.
          bool full = prev->box.x1 + leading_word_width(piece) >= right - p.short_line_em * em;
          join = open.kind == BlockKind::paragraph && full &&
                 prev->box.x0 <= left + p.first_indent_em * em &&
                 piece.box.x0 <= left + p.indent_em * em;
        }
      }
    }
    // A body line opening with a heading or list marker (2、房屋情况, （二）…)
    // starts a paragraph of its own even when the line above was full.
    if (join && piece.level == 0 && starts_with_marker(piece.text)) join = false;
    if (join) {
      Block& open = blocks.back();
      append_text(open.text, piece.text, true);
      open.box = unite(open.box, piece.box);
    } else {
      Block b;
      b.kind = piece.level > 0 ? BlockKind::heading : BlockKind::paragraph;
      b.page = page.number;
      b.text = piece.text;
      b.level = piece.level;
      b.emphasized = piece.bold || piece.level > 0;
      b.box = piece.box;
      blocks.push_back(std::move(b));
    }
    prev = &piece;
  }
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const Block& a, const Block& b) { return a.box.y0 < b.box.y0; });
  return blocks;
}

}  // namespace budget::extract
