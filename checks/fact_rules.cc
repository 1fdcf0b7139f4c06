// fact_matches_table: the figures stated in the prose against the tables.
//
// A fact's subject is free text ("预算收入总计", "基本支出", "社会保障和就业支出",
// "公务接待费预算支出", "住房改革支出(款)住房公积金(项)支出" …).  It is mapped
// by keywords, most specific first, to the table figures it may state; the
// first mapping whose words match decides, and the fact passes when one of
// its figures agrees.  A subject no mapping knows, a figure no table prints,
// a fact about another year or a change, and (in a 决算) a budget figure are
// skipped.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "checks/checks.h"
#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

constexpr std::string_view kRule = "fact_matches_table";

// The table figures a fact may state, the first one preferred, and the
// figures its share (占 X%) may be taken of.
struct Target {
  std::vector<Ref> figures;
  std::vector<Ref> bases;
};

struct Context {
  const Document& doc;
  Structures& structures;
  std::string subject;  // normalised, quotes and a trailing 科目 removed
  std::string core;     // the subject without filler words (预算, 部门, 总额 …)
  std::string section;  // the heading path, joined
  std::string suffix;   // "" | "_final"
};

using Locate = Target (*)(const Context&);

std::string erase_all(std::string text, std::string_view word) {
  for (std::size_t at; (at = text.find(word)) != std::string::npos;) text.erase(at, word.size());
  return text;
}

std::string strip_suffix(std::string text, std::string_view suffix) {
  if (text.size() >= suffix.size() &&
      text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
    text.resize(text.size() - suffix.size());
  return text;
}

void add(std::vector<Ref>& refs, std::optional<Ref> ref) {
  if (ref) refs.push_back(*ref);
}

std::optional<Ref> total_cell(const Context& c, std::string_view kind, const std::string& key) {
  const Table* t = unique_table(c.doc, std::string(kind) + c.suffix);
  const Row* row = t ? total_row(*t, "") : nullptr;
  if (!row && t && t->rows.size() == 1) row = &t->rows[0];
  if (!row || !column(*t, "", key)) return std::nullopt;
  return total_ref(c.structures, *t, *row, key);
}

std::optional<Ref> summary_cell(const Table* t, std::string_view side,
                                const Row* SummaryLines::*which) {
  if (!t || !column(*t, side, "total")) return std::nullopt;
  SummaryLines lines = summary_lines(*t, side);
  const Row* row = lines.*which;
  if (!row) return std::nullopt;
  Ref r = line_ref(*t, *row, "total");
  if (r.roundings > 0) r.roundings = std::max(1, printed_count(lines.items, "total"));
  return r;
}

const Table* budget_summary(const Context& c) {
  return unique_table(c.doc, "budget_summary" + c.suffix);
}
const Table* appropriation_summary(const Context& c) {
  return unique_table(c.doc, "appropriation_summary" + c.suffix);
}

// ---- the mappings' figures --------------------------------------------------

// A 三公 category, in rows or in columns; in a 决算 its 决算数 unless the
// subject speaks of the budget.
Target three_public(const Context& c) {
  Part part = part_named(c.subject);
  if (part == Part::kNone) part = Part::kTotal;  // “三公”经费 …
  const Table* t = unique_table(c.doc, "three_public" + c.suffix);
  if (!t) return {};
  const Row* found = nullptr;
  for (const Row& row : t->rows) {
    if (part_named(row.name) != part) continue;
    if (found) return {};
    found = &row;
  }
  if (found)
    return column(*t, "", "total") ? Target{{total_ref(c.structures, *t, *found, "total")}, {}}
                                   : Target{};
  if (t->rows.size() != 1) return {};
  bool budget = !contains(c.subject, "决算");
  for (const Column& col : t->columns) {
    auto [p, measure] = part_keyed(*t, col.key);
    if (p == part && (measure.empty() || measure == (budget ? "total" : "final")))
      return {{line_ref(*t, t->rows[0], col.key)}, {}};
  }
  return {};
}

Target operating_expenses(const Context& c) {
  Target t;
  add(t.figures, operating_expenses_figure(c.structures, c.doc, c.suffix));
  return t;
}

Target procurement(const Context& c) {
  if (contains(c.subject, "中小企业") || contains(c.subject, "预留")) return {};
  std::string key = contains(c.subject, "货物")   ? "goods"
                    : contains(c.subject, "工程") ? "works"
                    : contains(c.subject, "服务") ? "services"
                                                  : "total";
  Target t;
  add(t.figures, total_cell(c, "procurement", key));
  add(t.bases, total_cell(c, "procurement", "total"));
  return t;
}

// 人员经费 / 公用经费 of the basic expenditure.
Target basic_split(const Context& c) {
  std::string key = contains(c.subject, "人员经费") ? "personnel" : "public_expenses";
  Target t;
  for (const char* kind : {"general_public_basic", "appropriation_basic"}) {
    add(t.figures, total_cell(c, kind, key));
    add(t.bases, total_cell(c, kind, "total"));
  }
  return t;
}

Target general_public_basic(const Context& c) {
  Target t;
  add(t.figures, total_cell(c, "general_public_basic", "total"));
  return t;
}

// 基本支出 / 项目支出 of the whole expenditure.
Target basic_or_project(const Context& c) {
  std::string key = contains(c.subject, "基本支出") ? "basic" : "project";
  Target t;
  add(t.figures, total_cell(c, "expenditure_summary", key));
  add(t.bases, total_cell(c, "expenditure_summary", "total"));
  return t;
}

// 财政拨款收支总预算 / 财政拨款收入 / 财政拨款支出 / 当年拨款收入.
Target appropriation(const Context& c) {
  const Table* t = appropriation_summary(c);
  Target target;
  if (contains(c.subject, "总计") || contains(c.subject, "总预算") || contains(c.subject, "收支")) {
    add(target.figures, summary_cell(t, "income", &SummaryLines::grand_total));
  } else if (contains(c.subject, "支出")) {
    add(target.figures, summary_cell(t, "expenditure", &SummaryLines::first_total));
    add(target.figures, summary_cell(t, "expenditure", &SummaryLines::grand_total));
  } else {
    add(target.figures, summary_cell(t, "income", &SummaryLines::first_total));
  }
  return target;
}

// An income line by its source (一般公共预算拨款收入, 单位资金, 上年结转 …), in
// 财政拨款收支总表 under a 财政拨款 heading, else in 收支总表.
Target income_source(const Context& c) {
  const Table* t = contains(c.section, "财政拨款") ? appropriation_summary(c) : budget_summary(c);
  std::string key = source_key(c.subject);
  if (!t || !column(*t, "income", "total")) return {};
  SummaryLines lines = summary_lines(*t, "income");
  const Row* row = key == "carryover" ? lines.carryover : nullptr;
  for (const auto* list : {&lines.items, &lines.details})
    for (const Row* item : *list) {
      if (key == "carryover" || source_key(item->name) != key) continue;
      if (row) return {};
      row = item;
    }
  if (!row) return {};
  Target target{{line_ref(*t, *row, "total")}, {}};
  add(target.bases, summary_cell(t, "income", &SummaryLines::grand_total));
  add(target.bases, summary_cell(t, "income", &SummaryLines::first_total));
  return target;
}

Target general_public_expenditure(const Context& c) {
  const Table* t = unique_table(c.doc, "general_public_expenditure" + c.suffix);
  if (!t || (has_carryover(c.doc) && !excludes_carryover(*t) && !contains(c.subject, "当年")))
    return {};
  Target target;
  add(target.figures, total_cell(c, "general_public_expenditure", "total"));
  return target;
}

// The classification path a subject names: "一般公共服务支出-政府办公厅(室)及
// 相关机构事务-行政运行", "住房改革支出(款)住房公积金(项)支出",
// "社会保障和就业(类)支出" -> its names, outermost first.
std::vector<std::string> class_path(const std::string& subject) {
  std::string text = subject;
  for (const char* marker : {"(类)", "(款)", "(项)"}) {
    for (std::size_t at; (at = text.find(marker)) != std::string::npos;)
      text.replace(at, std::strlen(marker), "-");
  }
  std::vector<std::string> path;
  for (std::size_t start = 0;;) {
    std::size_t dash = text.find('-', start);
    std::string part = text.substr(start, dash == std::string::npos ? dash : dash - start);
    if (!part.empty()) path.push_back(part);
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  // "…(项)支出" leaves the sentence's 支出 as a last part; "社会保障和就业(类)支出"
  // leaves it as the class's own ending.
  if (path.size() > 1 && path.back() == "支出") {
    path.pop_back();
    if (path.size() == 1) path[0] += "支出";
  }
  return path;
}

bool same_class_name(const std::string& row_name, const std::string& part) {
  return strip_suffix(normalize_name(row_name), "支出") == strip_suffix(part, "支出");
}

// The row a classification path leads to in one table: each name under the
// one before it (by code), the first anywhere; nullptr unless unique.
const Row* follow_path(const Table& t, std::string_view side,
                       const std::vector<std::string>& path) {
  const Row* row = nullptr;
  for (const std::string& name : path) {
    const Row* next = nullptr;
    for (std::size_t i : rows_on_side(t, side)) {
      const Row& r = t.rows[i];
      bool under = !row || (r.code && row->code && r.code->size() > row->code->size() &&
                            r.code->compare(0, row->code->size(), *row->code) == 0);
      if (!under || is_total_row(r) || !same_class_name(r.name, name)) continue;
      if (next) return nullptr;
      next = &r;
    }
    if (!next) return nullptr;
    row = next;
  }
  return row;
}

// A class of expenditure or a code path, in each table that prints it: the
// table the heading speaks of first.
Target expenditure_class(const Context& c) {
  std::vector<std::string> path = class_path(c.subject);
  std::vector<std::pair<std::string, std::string>> tables;  // kind, side
  if (contains(c.section, "财政拨款")) tables.emplace_back("appropriation_summary", "expenditure");
  if (contains(c.section, "收支")) tables.emplace_back("budget_summary", "expenditure");
  if (!contains(c.section, "一般公共预算") && contains(c.section, "支出预算"))
    tables.emplace_back("expenditure_summary", "");
  for (const char* kind : {"general_public_expenditure", "expenditure_summary", "budget_summary",
                           "appropriation_summary", "general_public_basic"})
    tables.emplace_back(kind, std::string(kind).find("summary") != std::string::npos &&
                                      std::string(kind) != "expenditure_summary"
                                  ? "expenditure"
                                  : "");
  Target target;
  for (const auto& [kind, side] : tables) {
    const Table* t = unique_table(c.doc, kind + c.suffix);
    if (!t || !column(*t, side, "total")) continue;
    const Row* row = follow_path(*t, side, path);
    if (!row || std::any_of(target.figures.begin(), target.figures.end(),
                            [&](const Ref& r) { return r.row == row; }))
      continue;
    target.figures.push_back(total_ref(c.structures, *t, *row, "total"));
    if (!side.empty()) {
      add(target.bases, summary_cell(t, side, &SummaryLines::first_total));
    } else if (const Row* total = total_row(*t, side)) {
      target.bases.push_back(total_ref(c.structures, *t, *total, "total"));
    }
  }
  return target;
}

bool names_a_class(const Context& c) { return !expenditure_class(c).figures.empty(); }

bool in_a_budget(const Context& c) { return c.suffix.empty(); }

Target income_this_year(const Context& c) {
  Target t;
  add(t.figures, summary_cell(budget_summary(c), "income", &SummaryLines::first_total));
  return t;
}

Target income_total(const Context& c) {
  Target t;
  add(t.figures, summary_cell(budget_summary(c), "income", &SummaryLines::grand_total));
  add(t.figures, summary_cell(budget_summary(c), "income", &SummaryLines::first_total));
  return t;
}

Target expenditure_this_year(const Context& c) {
  Target t;
  add(t.figures, summary_cell(budget_summary(c), "expenditure", &SummaryLines::first_total));
  add(t.figures, total_cell(c, "expenditure_summary", "total"));
  return t;
}

Target expenditure_total(const Context& c) {
  Target t;
  add(t.figures, summary_cell(budget_summary(c), "expenditure", &SummaryLines::grand_total));
  add(t.figures, summary_cell(budget_summary(c), "expenditure", &SummaryLines::first_total));
  add(t.figures, total_cell(c, "expenditure_summary", "total"));
  return t;
}

// ---- the mappings --------------------------------------------------------------

// A mapping applies when all `words` occur in the subject, none of `unless`
// does, the subject's core is one of `cores` (when given), and `also` holds.
struct Mapping {
  std::vector<std::string_view> words;
  std::vector<std::string_view> unless;
  std::vector<std::string_view> cores;
  Locate locate;
  bool (*also)(const Context&) = nullptr;
};

const Mapping kMappings[] = {
    {{"因公出国"}, {}, {}, three_public},
    {{"公务接待"}, {}, {}, three_public},
    {{"公务用车"}, {}, {}, three_public},
    {{"会议费"}, {}, {}, three_public},
    {{"培训费"}, {}, {}, three_public},
    {{"三公"}, {}, {}, three_public},
    {{"机关运行经费"}, {}, {}, operating_expenses},
    {{"政府采购"}, {}, {}, procurement},
    {{"人员经费"}, {"财政拨款基本支出"}, {}, basic_split},
    {{"公用经费"}, {"财政拨款基本支出"}, {}, basic_split},
    {{"一般公共预算", "基本支出"}, {}, {}, general_public_basic},
    {{"基本支出"}, {"财政拨款", "政府性基金", "国有资本"}, {}, basic_or_project},
    {{"项目支出"}, {"财政拨款", "一般公共预算", "政府性基金", "国有资本"}, {}, basic_or_project},
    {{"财政拨款"},
     {"一般公共预算", "政府性基金", "国有资本", "基本支出", "项目支出"},
     {},
     appropriation},
    {{"当年拨款"}, {}, {}, appropriation},
    {{},
     {"支出"},
     {},
     income_source,
     [](const Context& c) { return !source_key(c.subject).empty(); }},
    {{"一般公共预算"}, {"政府性基金", "国有资本"}, {}, general_public_expenditure},
    {{}, {}, {}, expenditure_class, names_a_class},
    {{}, {}, {"本年收入", "本年收入合计", "当年收入"}, income_this_year},
    {{}, {}, {"收入总计", "收入合计", "收入支出总计"}, income_total},
    {{}, {}, {"本年支出", "本年支出合计", "当年支出"}, expenditure_this_year},
    {{}, {}, {"支出总计", "支出合计", "本年支出总计"}, expenditure_total},
    // A budget's bare 预算收入 / 支出预算 is its total; a 决算 says 支出决算 of
    // every line (年初预算为…，支出决算为…).
    {{}, {}, {"收入"}, income_total, in_a_budget},
    {{}, {}, {"支出"}, expenditure_total, in_a_budget},
};

// Whether a subject speaks of another year or of a change (上年预算数, 2024年,
// 增加 …) rather than of the figure the tables print.
bool about_something_else(const std::string& subject, std::optional<int> fiscal_year) {
  if (contains(subject, "上年") && !contains(subject, "上年结转")) return true;
  for (const char* word : {"增加", "减少", "增长", "下降", "降低", "变动", "比上年"})
    if (contains(subject, word)) return true;
  for (std::size_t i = 0; i + 4 <= subject.size(); ++i) {
    auto digit = [&](std::size_t k) {
      return std::isdigit(static_cast<unsigned char>(subject[k])) != 0;
    };
    if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3))) continue;
    if ((i + 4 < subject.size() && digit(i + 4)) || (i > 0 && digit(i - 1))) continue;
    int year = std::stoi(subject.substr(i, 4));
    if (year >= 1990 && year <= 2100 && (!fiscal_year || year != *fiscal_year)) return true;
  }
  return false;
}

Target locate(const Context& c) {
  for (const Mapping& m : kMappings) {
    auto in_subject = [&](std::string_view w) { return contains(c.subject, w); };
    if (!std::all_of(m.words.begin(), m.words.end(), in_subject) ||
        std::any_of(m.unless.begin(), m.unless.end(), in_subject) ||
        (!m.cores.empty() && std::find(m.cores.begin(), m.cores.end(), c.core) == m.cores.end()) ||
        (m.also && !m.also(c)))
      continue;
    // A 决算 states budget figures (年初预算) beside the outturn: only the
    // 三公 table prints both.
    bool budget_figure =
        !c.suffix.empty() && contains(c.subject, "预算") && !contains(c.subject, "决算");
    if (budget_figure && m.locate != three_public) return {};
    return m.locate(c);
  }
  return {};
}

// ---- comparing ----------------------------------------------------------------

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// part / whole × 100, rounded to `scale` decimals (exact integer arithmetic).
Amount percent(const Amount& part, const Amount& whole, int scale) {
  int s = std::max(part.scale, whole.scale);
  __int128 p = static_cast<__int128>(part.units) * pow10(s - part.scale);
  __int128 w = static_cast<__int128>(whole.units) * pow10(s - whole.scale);
  __int128 num = p * 100 * pow10(scale);
  __int128 q = num / w, r = num % w;
  if (r != 0 && 2 * (r < 0 ? -r : r) >= (w < 0 ? -w : w)) q += ((num < 0) != (w < 0)) ? -1 : 1;
  return Amount{static_cast<std::int64_t>(q), scale}.normalized();
}

// The printed share against the share the tables give.  Tolerance: one unit
// of the share's last printed digit (documents round shares, and some force
// them to add up to 100%), plus what the rounding of the two amounts moves
// the ratio by.
CheckResult share_result(const Fact& fact, const std::string& where, const Ref& value,
                         const Ref& base) {
  Figure v = figure_of(value), b = figure_of(base);
  Amount printed = fact.share_pct->normalized();
  Amount expected = percent(v.value, b.value, 4);
  Amount unit{1, printed.scale};
  Amount slack{v.half_unit.units * std::max(1, v.roundings), v.half_unit.scale};
  slack = slack + Amount{b.half_unit.units * std::max(1, b.roundings), b.half_unit.scale};
  Amount tol = (unit + percent(slack, b.value, 4) + Amount{1, 4}).normalized();
  CheckResult r;
  r.rule = std::string(kRule);
  r.where = where + " (share of " + where_of(base) + ")";
  r.page = fact.page;
  r.expected = expected;
  r.actual = printed;
  r.difference = (printed - expected).normalized();
  r.tolerance = tol;
  r.status = r.difference->abs() <= tol ? "pass" : "fail";
  if (r.status == "fail")
    r.message = "the prose states " + printed.to_string() + "%, the tables give " +
                expected.to_string() + "%";
  return r;
}

// The first passing result, else the first.
void first_pass(std::vector<CheckResult> tries, std::vector<CheckResult>& out) {
  if (tries.empty()) return;
  auto pass = std::find_if(tries.begin(), tries.end(),
                           [](const CheckResult& r) { return r.status == "pass"; });
  out.push_back(pass != tries.end() ? *pass : tries.front());
}

Context context_of(const Document& doc, Structures& structures, const Fact& fact) {
  std::string subject = normalize_name(fact.subject);
  for (const char* quote : {"“", "”", "\"", "「", "」"}) subject = erase_all(subject, quote);
  subject = strip_suffix(subject, "科目");
  std::string core = subject;
  for (const char* filler : {"预算", "决算", "年度", "部门", "单位", "总额", "数"})
    core = erase_all(core, filler);
  std::string section;
  for (const std::string& s : fact.section) section += s + " / ";
  return {doc,  structures, subject,
          core, section,    doc.document.kind == "final_account" ? "_final" : ""};
}

void check_fact(const Document& doc, Structures& structures, const Fact& fact,
                std::vector<CheckResult>& out) {
  Context c = context_of(doc, structures, fact);
  if (c.subject.empty() || about_something_else(c.subject, doc.document.fiscal_year)) return;
  Target target = locate(c);
  if (target.figures.empty()) return;
  std::string prose = "prose: " + c.section + fact.subject + " vs ";
  if (fact.value && fact.unit == "元") {
    Figure stated{*fact.value, half_unit({*fact.value}, unit_exponent("万元")), 1};
    std::vector<CheckResult> tries;
    for (const Ref& figure : target.figures)
      tries.push_back(judge({std::string(kRule),
                             prose + where_of(figure),
                             fact.page,
                             {figure_of(figure)},
                             stated,
                             "the prose states another figure than the table"}));
    first_pass(tries, out);
  }
  if (!fact.share_pct) return;
  // A share is of a total of the same table, where the mapping knows one.
  std::vector<std::pair<const Ref*, const Ref*>> pairs;
  for (bool same_table : {true, false}) {
    for (const Ref& figure : target.figures)
      for (const Ref& base : target.bases)
        if ((figure.table == base.table) == same_table &&
            value_or_zero(*base.row, base.key) != Amount{})
          pairs.emplace_back(&figure, &base);
    if (!pairs.empty()) break;
  }
  std::vector<CheckResult> tries;
  for (const auto& [figure, base] : pairs)
    tries.push_back(share_result(fact, prose + where_of(*figure), *figure, *base));
  first_pass(tries, out);
}

}  // namespace

std::vector<CheckResult> fact_matches_table(const Document& doc) {
  std::vector<CheckResult> out;
  Structures structures;
  for (const Fact& fact : doc.facts) check_fact(doc, structures, fact, out);
  return out;
}

}  // namespace budget::checks
