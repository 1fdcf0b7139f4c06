#include "extract/recognize/facts.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "normalize/numbers.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// Words before a figure that make it a change against the previous year.
// Longer words first.
constexpr const char* kUpWords[] = {"增加", "增长", "上升", "提高", "增"};
constexpr const char* kDownWords[] = {"减少", "下降", "降低", "压减", "节约", "减"};
// Words saying the figure did not change (与上年相同, 持平).
constexpr const char* kFlatWords[] = {"持平", "相同", "一致", "不变", "无变化", "没有变化"};
// Words before a figure that make it a share (占71.80%, 占本年支出合计的100%).
constexpr const char* kShareWord = "占";
// Openers stripped from the front of a subject.
constexpr const char* kLeadWords[] = {"其中", "主要包括", "包括", "主要用于以下方面", "主要用于",
                                      "主要原因是", "主要原因", "原因是", "主要是",
                                      "分别为", "分别是", "此外", "另外", "同时", "合计",
                                      "本部门", "本单位", "我单位", "我部门", "我局", "的"};
// Verbs stripped from the end of a subject (机关运行经费预算为 → 机关运行经费预算).
constexpr const char* kTailWords[] = {"达到", "为", "是", "达"};
// Subjects that say nothing alone: the previous subject is put before them.
constexpr const char* kGenericSubjects[] = {"涉及资金", "涉及金额", "共计金额", "金额", "共计",
                                            "资金", "涉及项目金额", "涉及项目预算资金"};

// Subjects naming only the kind of figure (决算 reports: "1、…行政运行（项）。年初预算为…，
// 支出决算为…"): the item named by the sentence before is put before them.
constexpr const char* kBareSubjects[] = {"年初预算", "支出决算", "决算", "预算", "决算数", "预算数",
                                         "调整预算", "全年预算", "完成年初预算的", "完成预算的"};
// A sentence without figures this short can name the item the next ones are about.
constexpr std::size_t kMaxTopicChars = 60;

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string trim(std::string s) {
  static const RE2 kEdges("^[\\s,，:：、;；]+|[\\s,，:：、;；]+$", RE2::Quiet);
  RE2::GlobalReplace(&s, kEdges, "");
  return s;
}

// A printed figure in a folded sentence.
struct Figure {
  std::size_t begin = 0, end = 0;  // byte range in the folded sentence, unit included
  enum Kind { money, percent, count } kind = money;
  Amount value;      // 元 for money
  std::string unit;  // 元, %, 辆, 台(套), 平方米, 个, …
};

std::vector<Figure> find_figures(const std::string& s) {
  static const RE2 kFigure(
      "(([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(亿元|万元|千元|元|%|辆|台\\(套\\)|台/套|台|套|平方米|个))",
      RE2::Quiet);
  std::vector<Figure> out;
  re2::StringPiece in(s);
  re2::StringPiece whole, number, unit;
  while (RE2::PartialMatch(in, kFigure, &whole, &number, &unit)) {
    Figure f;
    f.begin = static_cast<std::size_t>(whole.data() - s.data());
    f.end = f.begin + whole.size();
    in.remove_prefix(static_cast<std::size_t>(whole.data() + whole.size() - in.data()));
    // A number glued to letters or digits before it is a code, not a figure.
    if (f.begin > 0 && (std::isalnum(static_cast<unsigned char>(s[f.begin - 1])) || s[f.begin - 1] == '.'))
      continue;
    std::string num(number.data(), number.size());
    while (!num.empty() && num.back() == ',') num.pop_back();
    normalize::ParsedNumber n = normalize::parse_number(num);
    if (n.kind != normalize::ParsedNumber::number) continue;
    std::string u(unit.data(), unit.size());
    if (auto money_unit = normalize::unit_from_word(u)) {
      f.kind = Figure::money;
      f.value = normalize::to_yuan(n.value, money_unit->exponent);
      f.unit = "元";
    } else if (u == "%") {
      f.kind = Figure::percent;
      f.value = n.value.normalized();
      f.unit = "%";
    } else {
      f.kind = Figure::count;
      f.value = n.value.normalized();
      f.unit = u;
    }
    out.push_back(f);
  }
  return out;
}

// Sentences of a paragraph text: wrapped lines joined, split after 。；！？.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::u32string u = normalize::to_u32(text), cur;
  auto flush = [&]() {
    std::string s = normalize::clean_text(normalize::to_utf8(cur));
    if (!s.empty()) out.push_back(s);
    cur.clear();
  };
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c == U'\n') {
      // A line break after sentence punctuation ends a sentence; else the line wrapped.
      char32_t prev = cur.empty() ? U'。' : cur.back();
      if (prev == U'。' || prev == U'；' || prev == U';' || prev == U'：' || prev == U':') flush();
      continue;
    }
    cur += c;
    if (c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？' || c == U'!' || c == U'?') flush();
  }
  flush();
  return out;
}

// Clause boundaries in a folded sentence: , : ; 。 (a comma between digits is
// a thousands separator).  、 is none: it joins the items of a list
// (收入、支出预算总计), and a figure's subject starts after the figure before it.
bool is_boundary(const std::string& s, std::size_t i, std::size_t* width) {
  static const std::string kMulti[] = {"。"};
  for (const auto& m : kMulti)
    if (s.compare(i, m.size(), m) == 0) {
      *width = m.size();
      return true;
    }
  char c = s[i];
  if (c == ',' || c == ':' || c == ';') {
    bool digits = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                  std::isdigit(static_cast<unsigned char>(s[i + 1]));
    if (c == ',' && digits) return false;
    *width = 1;
    return true;
  }
  return false;
}

struct Clause {
  std::size_t begin, end;
};

std::vector<Clause> clauses(const std::string& s) {
  std::vector<Clause> out;
  std::size_t start = 0, w = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (is_boundary(s, i, &w)) {
      if (i > start) out.push_back({start, i});
      i += w;
      start = i;
    } else {
      ++i;
    }
  }
  if (start < s.size()) out.push_back({start, s.size()});
  return out;
}

const char* change_word_at_end(std::string prefix, int* sign) {
  // 增加（减少） prints both directions: the first is meant.
  static const RE2 kNoise("(?:\\((?:增加|减少|增长|下降|降低|上升)\\)|了|约|为)$", RE2::Quiet);
  while (RE2::Replace(&prefix, kNoise, "")) {
  }
  for (const char* w : kUpWords)
    if (ends_with(prefix, w)) {
      *sign = 1;
      return w;
    }
  for (const char* w : kDownWords)
    if (ends_with(prefix, w)) {
      *sign = -1;
      return w;
    }
  return nullptr;
}

// "50万元（原值）以上的设备": a threshold, not a figure of its own.
bool is_threshold(const Figure& f, const std::string& after) {
  static const RE2 kThreshold("^\\s*(?:\\([^)]*\\))?\\s*(?:及以上|以上|以下)", RE2::Quiet);
  return f.kind == Figure::money && RE2::PartialMatch(after, kThreshold);
}

bool says_flat(const std::string& s) {
  return std::any_of(std::begin(kFlatWords), std::end(kFlatWords),
                     [&](const char* w) { return s.find(w) != std::string::npos; });
}

class SubjectCleaner {
 public:
  explicit SubjectCleaner(const std::string& entity)
      : entity_(normalize::fold_width(normalize::clean_text(entity))) {}

  std::string operator()(std::string s) const {
    static const RE2 kYear("^(?:截至|截止)?(?:19|20)[0-9]{2}年(?:度)?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?",
                           RE2::Quiet);
    static const RE2 kScopeTag("^\\((?:部门|单位|本级|汇总)\\)", RE2::Quiet);
    // A list item's ordinal: 2. / 2、 / (1) / (一) / 一、
    static const RE2 kOrdinal("^(?:[0-9]{1,2}[.、]|\\([0-9一二三四五六七八九十]{1,3}\\)、?|[一二三四五六七八九十]{1,3}、)",
                              RE2::Quiet);
    bool changed = true;
    while (changed && !s.empty()) {
      changed = false;
      std::string before = s;
      s = trim(s);
      RE2::Replace(&s, kYear, "");
      if (!entity_.empty() && starts_with(s, entity_)) s.erase(0, entity_.size());
      // 某局部门2018年度… : the entity's 部门/单位 before the year.
      static const RE2 kScopeYear("^(?:部门|单位)((?:19|20)[0-9]{2}年)", RE2::Quiet);
      RE2::Replace(&s, kScopeYear, "\\1");
      RE2::Replace(&s, kScopeTag, "");
      RE2::Replace(&s, kOrdinal, "");
      for (const char* w : kLeadWords)
        if (starts_with(s, w) && s.size() > std::string(w).size()) s.erase(0, std::string(w).size());
      for (const char* w : kTailWords)
        if (ends_with(s, w) && s.size() > std::string(w).size()) s.erase(s.size() - std::string(w).size());
      changed = s != before;
    }
    return trim(s);
  }

 private:
  std::string entity_;
};

bool is_bare(const std::string& subject) {
  return std::any_of(std::begin(kBareSubjects), std::end(kBareSubjects),
                     [&](const char* w) { return subject == w; });
}

bool is_generic(const std::string& subject) {
  return std::any_of(std::begin(kGenericSubjects), std::end(kGenericSubjects),
                     [&](const char* w) { return subject == w; });
}

// Reads the facts of one paragraph, keeping across its sentences the figure
// a sentence-initial change refers to.
class FactReader {
 public:
  FactReader(const std::vector<std::string>& section, std::optional<int> page, const std::string& entity)
      : section_(section), page_(page), clean_(entity) {}

  void sentence(const std::string& original) {
    std::string s = normalize::fold_width(original);
    std::vector<Figure> figures = find_figures(s);
    if (figures.empty()) {
      // "1、一般公共服务支出（类）财政事务（款）行政运行（项）。" names what follows.
      static const RE2 kTopicEnd("[。；;：:]$", RE2::Quiet);
      std::string t = s;
      RE2::Replace(&t, kTopicEnd, "");
      bool clause = t.find(',') != std::string::npos || t.find(':') != std::string::npos ||
                    t.find(';') != std::string::npos;  // "主要用于：…" explains, it names nothing
      t = clean_(t);
      if (!clause && !t.empty() && normalize::to_u32(t).size() <= kMaxTopicChars) topic_ = t;
    }
    std::size_t first_fact = out_.size();
    std::optional<std::size_t> head;  // the figure a 其中 list belongs to
    int parts = 0;                    // figures listed after 其中
    bool in_parts = false;
    std::string prev_subject;
    std::size_t fi = 0;
    for (const Clause& c : clauses(s)) {
      std::string clause = s.substr(c.begin, c.end - c.begin);
      if (clause.find("其中") != std::string::npos && !in_parts && out_.size() > first_fact) {
        head = out_.size() - 1;
        in_parts = true;
      }
      std::size_t cursor = c.begin;
      bool any = false;
      for (; fi < figures.size() && figures[fi].begin < c.end; ++fi) {
        const Figure& f = figures[fi];
        if (f.begin < c.begin) continue;
        any = true;
        std::string prefix = s.substr(cursor, f.begin - cursor);
        std::string after = s.substr(f.end, c.end - f.end);
        // A threshold (50万元（原值）以上的设备) is part of the next figure's subject.
        if (is_threshold(f, after)) continue;
        cursor = f.end;
        take(f, prefix, after, original, first_fact, head, parts, in_parts, prev_subject);
      }
      if (!any && says_flat(clause)) {
        if (auto t = target(first_fact, head, parts, in_parts)) set_flat(out_[*t]);
      }
    }
  }

  std::vector<Fact> take_facts() { return std::move(out_); }

 private:
  std::optional<std::size_t> target(std::size_t first_fact, std::optional<std::size_t> head, int parts,
                                    bool in_parts) const {
    if (out_.size() > first_fact) {
      if (in_parts && head && parts >= 2) return head;
      return out_.size() - 1;
    }
    return carry_;  // 与上年相比增加… opening a sentence: the previous sentence's figure
  }

  static void set_flat(Fact& f) {
    if (!f.change && f.unit == "元") f.change = Amount{0, 0};
    if (!f.change_pct) f.change_pct = Amount{0, 0};
  }

  void take(const Figure& f, const std::string& prefix, const std::string& after, const std::string& original,
            std::size_t first_fact, std::optional<std::size_t> head, int& parts, bool in_parts,
            std::string& prev_subject) {
    std::string p = trim(prefix);
    int sign = 0;
    if (f.kind != Figure::count && change_word_at_end(p, &sign)) {
      if (auto t = target(first_fact, head, parts, in_parts)) {
        Fact& fact = out_[*t];
        Amount v = sign < 0 ? Amount{-f.value.units, f.value.scale} : f.value;
        if (f.kind == Figure::percent) {
          if (!fact.change_pct) fact.change_pct = v;
        } else if (!fact.change && fact.unit == "元") {
          fact.change = v;
        }
        carry_ = t;
      }
      return;
    }
    if (f.kind == Figure::percent && p.find(kShareWord) != std::string::npos && out_.size() > first_fact) {
      Fact& fact = out_.back();
      if (!fact.share_pct) fact.share_pct = f.value;
      return;
    }
    Fact fact;
    fact.page = page_;
    fact.section = section_;
    fact.subject = clean_(p);
    if (is_generic(fact.subject) && !prev_subject.empty()) fact.subject = prev_subject + fact.subject;
    if (is_bare(fact.subject) && !topic_.empty()) fact.subject = topic_ + fact.subject;
    fact.value = f.value;
    fact.unit = f.unit;
    fact.text = original;
    if (says_flat(after)) set_flat(fact);
    if (!fact.subject.empty()) prev_subject = fact.subject;
    if (in_parts) ++parts;
    out_.push_back(std::move(fact));
    carry_ = out_.size() - 1;
  }

  std::vector<std::string> section_;
  std::optional<int> page_;
  SubjectCleaner clean_;
  std::vector<Fact> out_;
  std::optional<std::size_t> carry_;
  std::string topic_;  // the item the last figure-less sentence named
};

bool has_figure(const std::string& text) { return !find_figures(normalize::fold_width(text)).empty(); }

void walk(const std::vector<Section>& sections, std::vector<std::string>& path, const std::string& entity,
          std::vector<Fact>& out) {
  for (const Section& s : sections) {
    if (has_figure(s.title)) {
      std::vector<Fact> f = facts_of_text(s.title, path, s.page, entity);
      out.insert(out.end(), f.begin(), f.end());
    }
    path.push_back(section_label(s));
    if (!s.text.empty()) {
      std::vector<Fact> f = facts_of_text(s.text, path, s.page, entity);
      out.insert(out.end(), f.begin(), f.end());
    }
    walk(s.children, path, entity, out);
    path.pop_back();
  }
}

}  // namespace

std::string section_label(const Section& s) {
  if (s.marker.empty()) return s.title;
  static const RE2 kPunctEnd("[、.．)）]$", RE2::Quiet);
  bool glue = RE2::PartialMatch(s.marker, kPunctEnd);
  return s.marker + (glue ? "" : " ") + s.title;
}

std::vector<Fact> facts_of_text(const std::string& text, const std::vector<std::string>& section,
                                std::optional<int> page, const std::string& entity) {
  FactReader reader(section, page, entity);
  for (const std::string& s : sentences(text)) reader.sentence(s);
  return reader.take_facts();
}

std::vector<Fact> extract_facts(const std::vector<Section>& sections, const std::string& entity) {
  std::vector<Fact> out;
  std::vector<std::string> path;
  walk(sections, path, entity, out);
  return out;
}

}  // namespace budget::extract
