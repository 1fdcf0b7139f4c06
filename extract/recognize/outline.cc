#include "extract/recognize/outline.h"

#include <re2/re2.h>

#include <iterator>
#include <memory>

#include "normalize/text.h"

namespace budget::extract {
namespace {

// A plain line this short with no sentence punctuation can be a heading.
constexpr std::size_t kMaxHeadingBytes = 90;

bool is_contents_line(const std::string& s) {
  static const RE2 kLeader("(\\.{4,}|…{2,}|·{4,})\\s*[0-9]*\\s*$", RE2::Quiet);
  // Contents entries run together on one line: 一、部门主要职能二、部门机构设置三、名词解释…
  static const RE2 kRunTogether("[一二三四五六七八九十]+、[^。；;，,]*[一二三四五六七八九十]+、[^。；;，,]*[一二三四五六七八九十]+、",
                                RE2::Quiet);
  return RE2::PartialMatch(s, kLeader) || RE2::PartialMatch(s, kRunTogether);
}

// A numbered list item that wrapped after a few words ("4．结转下年资金预算数为0万元，
// 主要原因是本部门无此" / "6.…支出403.75") is prose, not a heading.
bool is_wrapped_item(const HeadingMarker& h) {
  static const RE2 kItemText("[，,]|[0-9]$", RE2::Quiet);
  return h.rank >= 3 && RE2::PartialMatch(h.title, kItemText);
}

// An unnumbered heading (Shanghai's "名词解释", "部门预算编制说明") opens a section
// when prose follows it before the next heading; cover lines and the contents
// title are followed by headings only.
bool followed_by_prose(const std::vector<Block>& blocks, const std::vector<bool>& in_table, std::size_t i) {
  for (std::size_t j = i + 1; j < blocks.size(); ++j) {
    const Block& b = blocks[j];
    if (b.kind == BlockKind::grid || in_table[j]) return false;
    const std::string& t = b.text;
    if (t.empty() || is_contents_line(t)) continue;
    return b.kind != BlockKind::heading;
  }
  return false;
}

// 目录 / 目 录: the contents, never a section.
bool is_contents_title(const std::string& s) {
  static const RE2 kContents("^\\s*目\\s*录\\s*$", RE2::Quiet);
  return RE2::FullMatch(s, kContents);
}

bool has_text(const Section& s) {
  if (!s.text.empty()) return true;
  for (const Section& c : s.children)
    if (has_text(c)) return true;
  return false;
}

// Contents entries printed without dot leaders become empty sections that
// the real ones repeat later: drop those.
void drop_contents_sections(std::vector<Section>& roots) {
  auto label = [](const Section& s) { return s.marker + s.title; };
  std::vector<Section> kept;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    bool repeated = false;
    for (std::size_t j = i + 1; j < roots.size() && !repeated; ++j) repeated = label(roots[j]) == label(roots[i]);
    if (repeated && !has_text(roots[i])) continue;
    kept.push_back(std::move(roots[i]));
  }
  roots = std::move(kept);
}

bool is_figure_caption(const std::string& s) {
  static const RE2 kCaption("^[^，。；,;:：]{2,30}图$", RE2::Quiet);
  return RE2::FullMatch(s, kCaption);
}

// A label printed inside a chart: a name and its figure ("卫生健康支出3.39%",
// "公务用车购置及运行费 100.00%"), or several run together in one line.
bool is_chart_label(const std::string& s) {
  static const RE2 kLabel(
      "^(?:[^，。；,;:：0-9]{0,30}?\\s*[-−]?[0-9][0-9,]*(?:\\.[0-9]+)?\\s*(?:%|％|万元|元)?\\s*)+$", RE2::Quiet);
  return s.size() <= 4 * kMaxHeadingBytes && RE2::FullMatch(s, kLabel);
}

// A chart printed in the PDF (the text form has no such text: its chart is an
// image) reads as its labels next to its caption (…结构图, …分布图): the
// caption and the labels right before or after it are no prose.
std::vector<bool> figure_blocks(const std::vector<Block>& blocks, const std::vector<bool>& in_table) {
  std::vector<bool> figure(blocks.size(), false);
  auto label_at = [&](std::size_t j) {
    const Block& b = blocks[j];
    return b.kind == BlockKind::paragraph && !in_table[j] && is_chart_label(b.text) &&
           parse_heading_marker(b.text).rank < 0;
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == BlockKind::grid || in_table[i] || !is_figure_caption(blocks[i].text)) continue;
    figure[i] = true;
    for (std::size_t j = i; j > 0 && label_at(j - 1); --j) figure[j - 1] = true;
    for (std::size_t j = i + 1; j < blocks.size() && label_at(j); ++j) figure[j] = true;
  }
  return figure;
}

bool is_sentence(const std::string& s) {
  static const RE2 kSentence("[。；;]|[，,].*[，,]", RE2::Quiet);
  return RE2::PartialMatch(s, kSentence);
}

std::string strip_title(std::string t) {
  static const RE2 kTrail("[\\s:：]+$", RE2::Quiet);
  RE2::Replace(&t, kTrail, "");
  return t;
}

}  // namespace

HeadingMarker parse_heading_marker(const std::string& text) {
  struct Pattern {
    const char* re;
    int rank;
  };
  static const Pattern kPatterns[] = {
      {"^(第[一二三四五六七八九十]+部分)\\s*(.*)$", 0},
      {"^([一二三四五六七八九十]+、)\\s*(.*)$", 1},
      {"^([(（]\\s*[一二三四五六七八九十]+\\s*[)）]、?)\\s*(.*)$", 2},
      {"^([0-9]{1,2}\\s*[、.．](?:[^0-9]|$))\\s*(.*)$", 3},
      {"^([(（]\\s*[0-9]{1,2}\\s*[)）]、?)\\s*(.*)$", 4},
  };
  static const std::vector<std::unique_ptr<RE2>> kCompiled = [] {
    std::vector<std::unique_ptr<RE2>> v;
    for (const auto& p : kPatterns) v.push_back(std::make_unique<RE2>(p.re, RE2::Quiet));
    return v;
  }();
  HeadingMarker h;
  for (std::size_t k = 0; k < std::size(kPatterns); ++k) {
    const Pattern& p = kPatterns[k];
    std::string marker, title;
    if (RE2::FullMatch(text, *kCompiled[k], &marker, &title)) {
      // "1.车辆" captured one char of the title with the marker: give it back.
      if (p.rank == 3) {
        static const RE2 kMarker("^([0-9]{1,2}\\s*[、.．])(.*)$", RE2::Quiet);
        std::string m, tail;
        RE2::FullMatch(marker, kMarker, &m, &tail);
        title = tail + title;
        marker = m;
      }
      h.marker = marker;
      h.title = strip_title(title);
      h.rank = p.rank;
      return h;
    }
  }
  return h;
}

std::vector<Section> build_outline(const std::vector<Block>& blocks, const std::vector<bool>& in_table) {
  std::vector<Section> roots;
  std::vector<std::pair<int, Section*>> open;  // (rank, section) from the root down
  bool in_glossary = false;
  auto append_text = [&](const std::string& text) {
    if (open.empty()) return;  // cover and contents before the first heading
    std::string& t = open.back().second->text;
    t += (t.empty() ? "" : "\n") + text;
  };
  const std::vector<bool> figure = figure_blocks(blocks, in_table);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.kind == BlockKind::grid || in_table[i] || figure[i]) continue;
    const std::string& text = b.text;
    if (text.empty() || is_contents_line(text)) continue;
    HeadingMarker h = parse_heading_marker(text);
    bool marked_up = b.kind == BlockKind::heading || b.emphasized;
    bool heading = h.rank >= 0 && !h.title.empty() &&
                   (h.rank == 0 || (!in_glossary && (marked_up || (text.size() <= kMaxHeadingBytes &&
                                                                   !is_sentence(text) &&
                                                                   !is_wrapped_item(h)))));
    if (h.rank < 0 && b.kind == BlockKind::heading && text.size() <= kMaxHeadingBytes &&
        !is_sentence(text) && !is_contents_title(text) && followed_by_prose(blocks, in_table, i)) {
      // An unnumbered heading: top level, or under an open 第X部分.
      h.title = strip_title(text);
      h.rank = !open.empty() && !open.front().second->marker.empty() && open.front().first == 0 ? 1 : 0;
      heading = true;
      in_glossary = h.title.find("名词解释") != std::string::npos;
    }
    if (!heading) {
      append_text(text);
      continue;
    }
    if (h.rank == 0 && !h.marker.empty()) in_glossary = h.title.find("名词解释") != std::string::npos;
    Section s;
    s.marker = h.marker;
    s.title = h.title;
    if (b.page > 0) s.page = b.page;
    while (!open.empty() && open.back().first >= h.rank) open.pop_back();
    std::vector<Section>& siblings = open.empty() ? roots : open.back().second->children;
    siblings.push_back(std::move(s));
    open.emplace_back(h.rank, &siblings.back());
  }
  drop_contents_sections(roots);
  return roots;
}

}  // namespace budget::extract
