// fact_matches_table: the figures stated in the prose against the tables.
//
// A fact's subject is free text ("预算收入总计", "基本支出", "社会保障和就业支出",
// "公务接待费" …).  It is mapped by keywords, most specific first, to one table
// figure; the first mapping whose words match decides (a figure it cannot
// find skips the fact rather than trying a looser reading).  Facts about
// another year, changes, or subjects no mapping knows are skipped.
#include <algorithm>
#include <cctype>

#include "checks/checks.h"
#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

constexpr std::string_view kRule = "fact_matches_table";

// The table figure a fact states, and the figures its share (占 X%) may be
// taken of (a document may take shares of 收入总计 or of 本年收入合计).
struct Target {
  Ref ref;
  std::vector<Ref> bases;
};

struct Context {
  const Document& doc;
  std::string subject;  // normalised
  std::string section;  // the heading path, joined
  std::string suffix;   // "" | "_final"
};

using Locate = std::optional<Target> (*)(const Context&);

std::optional<Ref> total_cell(const Context& c, std::string_view kind, const std::string& key) {
  const Table* t = unique_table(c.doc, std::string(kind) + c.suffix);
  const Row* row = t ? total_row(*t, "") : nullptr;
  if (!row && t && t->rows.size() == 1) row = &t->rows[0];
  if (!row || !column(*t, "", key)) return std::nullopt;
  return total_ref(*t, *row, key);
}

std::optional<Target> with_base(std::optional<Ref> ref, std::optional<Ref> base) {
  if (!ref) return std::nullopt;
  Target t{*ref, {}};
  if (base) t.bases.push_back(*base);
  return t;
}

// The summary table whose lines the fact's section speaks of: 财政拨款收支总表
// under a 财政拨款 heading, else 收支总表.
const Table* summary_for(const Context& c) {
  if (contains(c.section, "财政拨款")) return unique_table(c.doc, "appropriation_summary" + c.suffix);
  return unique_table(c.doc, "budget_summary" + c.suffix);
}

std::optional<Ref> summary_cell(const Table* t, std::string_view side, const Row* SummaryLines::*which) {
  if (!t || !column(*t, side, "total")) return std::nullopt;
  SummaryLines lines = summary_lines(*t, side);
  const Row* row = lines.*which;
  if (!row) return std::nullopt;
  Ref r = line_ref(*t, *row, "total");
  if (row == lines.first_total || row == lines.grand_total) r.roundings = std::max(1, printed_count(lines.items, "total"));
  return r;
}

std::optional<Target> three_public_part(const Context& c) {
  Part part = contains(c.subject, "三公") && !contains(c.subject, "公务用车") && !contains(c.subject, "出国") &&
                      !contains(c.subject, "接待")
                  ? Part::kTotal
                  : part_named(c.subject);
  if (part == Part::kNone || part == Part::kMeetings || part == Part::kTraining) return std::nullopt;
  const Table* t = unique_table(c.doc, "three_public" + c.suffix);
  if (!t) return std::nullopt;
  const Row* found = nullptr;
  for (const Row& row : t->rows) {
    if (part_named(row.name) != part) continue;
    if (found) return std::nullopt;
    found = &row;
  }
  if (found && column(*t, "", "total")) return Target{total_ref(*t, *found, "total"), {}};
  if (found || t->rows.size() != 1) return std::nullopt;
  for (const Column& col : t->columns) {
    auto [p, rest] = part_keyed(col.key);
    if (p == part && (rest.empty() || rest == "total")) return Target{line_ref(*t, t->rows[0], col.key), {}};
  }
  return std::nullopt;
}

std::optional<Target> operating_expenses(const Context& c) {
  std::optional<Ref> r = operating_expenses_figure(c.doc, c.suffix);
  return r ? std::optional<Target>(Target{*r, {}}) : std::nullopt;
}

std::optional<Target> procurement(const Context& c) {
  if (contains(c.subject, "中小企业") || contains(c.subject, "预留")) return std::nullopt;
  std::string key = contains(c.subject, "货物")   ? "goods"
                    : contains(c.subject, "工程") ? "works"
                    : contains(c.subject, "服务") ? "services"
                                                  : "total";
  return with_base(total_cell(c, "procurement", key), total_cell(c, "procurement", "total"));
}

std::optional<Target> personnel(const Context& c) {
  return with_base(total_cell(c, "general_public_basic", "personnel"), total_cell(c, "general_public_basic", "total"));
}

std::optional<Target> public_expenses(const Context& c) {
  return with_base(total_cell(c, "general_public_basic", "public_expenses"),
                   total_cell(c, "general_public_basic", "total"));
}

std::optional<Target> general_public_basic(const Context& c) {
  return with_base(total_cell(c, "general_public_basic", "total"), std::nullopt);
}

std::optional<Target> basic(const Context& c) {
  return with_base(total_cell(c, "expenditure_summary", "basic"), total_cell(c, "expenditure_summary", "total"));
}

std::optional<Target> project(const Context& c) {
  return with_base(total_cell(c, "expenditure_summary", "project"), total_cell(c, "expenditure_summary", "total"));
}

// 财政拨款收支总预算 / 财政拨款收入 / 财政拨款支出 / 当年拨款收入.
std::optional<Target> appropriation(const Context& c) {
  const Table* t = unique_table(c.doc, "appropriation_summary" + c.suffix);
  if (contains(c.subject, "收支") || contains(c.subject, "总预算"))
    return with_base(summary_cell(t, "income", &SummaryLines::grand_total), std::nullopt);
  if (contains(c.subject, "支出"))
    return with_base(summary_cell(t, "expenditure", &SummaryLines::grand_total), std::nullopt);
  return with_base(summary_cell(t, "income", &SummaryLines::first_total), std::nullopt);
}

// An income line by its source (一般公共预算拨款收入, 单位资金, 上年结转 …).
std::optional<Target> income_source(const Context& c) {
  const Table* t = summary_for(c);
  std::string key = source_key(c.subject);
  if (!t || !column(*t, "income", "total")) return std::nullopt;
  SummaryLines lines = summary_lines(*t, "income");
  const Row* row = key == "carryover" ? lines.carryover : nullptr;
  for (const auto* list : {&lines.items, &lines.details})
    for (const Row* item : *list) {
      if (key == "carryover" || source_key(item->name) != key) continue;
      if (row) return std::nullopt;
      row = item;
    }
  if (!row) return std::nullopt;
  Target target{line_ref(*t, *row, "total"), {}};
  for (auto which : {&SummaryLines::grand_total, &SummaryLines::first_total})
    if (auto base = summary_cell(t, "income", which)) target.bases.push_back(*base);
  return target;
}

std::optional<Target> general_public_expenditure(const Context& c) {
  const Table* t = unique_table(c.doc, "general_public_expenditure" + c.suffix);
  if (!t || (has_carryover(c.doc) && !excludes_carryover(*t) && !contains(c.subject, "当年"))) return std::nullopt;
  return with_base(total_cell(c, "general_public_expenditure", "total"), std::nullopt);
}

// A class of expenditure (社会保障和就业支出) or a code path (一般公共服务支出-
// 政府办公厅（室）及相关机构事务-行政运行), in the table the section speaks of.
std::optional<Target> expenditure_class(const Context& c) {
  std::vector<std::string> path;
  for (std::size_t start = 0;;) {
    std::size_t dash = c.subject.find('-', start);
    path.push_back(c.subject.substr(start, dash == std::string::npos ? dash : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (path.size() == 1 && contains(c.section, "财政拨款")) {
    const Table* t = unique_table(c.doc, "appropriation_summary" + c.suffix);
    if (!t) return std::nullopt;
    const Row* row = row_named(*t, "expenditure", path[0]);
    std::string key = column(*t, "expenditure", "general_public") && !has_carryover(c.doc) ? "general_public" : "total";
    if (!row || !column(*t, "expenditure", key)) return std::nullopt;
    return Target{line_ref(*t, *row, key), {}};
  }
  std::string kind = contains(c.section, "一般公共预算") || !contains(c.section, "支出预算")
                         ? "general_public_expenditure"
                         : "expenditure_summary";
  const Table* t = unique_table(c.doc, kind + c.suffix);
  if (!t) return std::nullopt;
  const Row* row = nullptr;
  for (const std::string& name : path) {
    const Row* next = nullptr;
    for (const Row& r : t->rows) {
      bool under = !row || (r.code && row->code && r.code->size() > row->code->size() &&
                            r.code->compare(0, row->code->size(), *row->code) == 0);
      if (!under || normalize_name(r.name) != name) continue;
      if (next) return std::nullopt;
      next = &r;
    }
    if (!next) return std::nullopt;
    row = next;
  }
  const Row* total = total_row(*t, "");
  return with_base(total_ref(*t, *row, "total"),
                   total ? std::optional<Ref>(total_ref(*t, *total, "total")) : std::nullopt);
}

std::optional<Target> income_this_year(const Context& c) {
  const Table* t = unique_table(c.doc, "budget_summary" + c.suffix);
  return with_base(summary_cell(t, "income", &SummaryLines::first_total), std::nullopt);
}

std::optional<Target> income_total(const Context& c) {
  const Table* t = unique_table(c.doc, "budget_summary" + c.suffix);
  return with_base(summary_cell(t, "income", &SummaryLines::grand_total), std::nullopt);
}

std::optional<Target> expenditure_this_year(const Context& c) {
  const Table* t = unique_table(c.doc, "budget_summary" + c.suffix);
  return with_base(summary_cell(t, "expenditure", &SummaryLines::first_total), std::nullopt);
}

std::optional<Target> expenditure_total(const Context& c) {
  if (const Table* t = unique_table(c.doc, "budget_summary" + c.suffix))
    return with_base(summary_cell(t, "expenditure", &SummaryLines::grand_total), std::nullopt);
  return with_base(total_cell(c, "expenditure_summary", "total"), std::nullopt);
}

bool is_class_name(const Context& c) {
  for (const char* kind : {"general_public_expenditure", "expenditure_summary", "appropriation_summary"})
    if (const Table* t = unique_table(c.doc, kind + c.suffix))
      for (const Row& r : t->rows)
        if (!is_total_row(r) && normalize_name(r.name) == c.subject.substr(0, c.subject.find('-')))
          return true;
  return false;
}

// The mappings, most specific first: a fact is mapped by the first one whose
// words all occur in its subject (and whose `also` test, if any, holds).
struct Mapping {
  std::vector<std::string_view> words;
  Locate locate;
  bool (*also)(const Context&) = nullptr;
};

const Mapping kMappings[] = {
    {{"因公出国"}, three_public_part},
    {{"公务接待"}, three_public_part},
    {{"公务用车"}, three_public_part},
    {{"三公"}, three_public_part},
    {{"机关运行经费"}, operating_expenses},
    {{"政府采购"}, procurement},
    {{"人员经费"}, personnel},
    {{"公用经费"}, public_expenses},
    {{"一般公共预算", "基本支出"}, general_public_basic},
    {{"基本支出"}, basic},
    {{"项目支出"}, project},
    {{"财政拨款"}, appropriation},
    {{"当年拨款"}, appropriation},
    {{}, income_source, [](const Context& c) { return !source_key(c.subject).empty() && !contains(c.subject, "支出"); }},
    {{"一般公共预算"}, general_public_expenditure},
    {{}, expenditure_class, is_class_name},
    {{"本年收入"}, income_this_year},
    {{"收入"}, income_total},
    {{"本年支出"}, expenditure_this_year},
    {{"支出"}, expenditure_total},
};

// Whether a subject speaks of another year or of a change (上年预算数, 2024年,
// 增加 …) rather than of the figure the tables print.
bool about_something_else(const std::string& subject, std::optional<int> fiscal_year) {
  if (contains(subject, "上年") && !contains(subject, "上年结转")) return true;
  for (const char* word : {"增加", "减少", "增长", "下降", "变动", "比上年"})
    if (contains(subject, word)) return true;
  for (std::size_t i = 0; i + 4 <= subject.size(); ++i) {
    std::string_view four(subject.data() + i, 4);
    if (!std::all_of(four.begin(), four.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      continue;
    if ((i + 4 == subject.size() || !std::isdigit(static_cast<unsigned char>(subject[i + 4]))) &&
        (i == 0 || !std::isdigit(static_cast<unsigned char>(subject[i - 1]))) &&
        (!fiscal_year || std::stoi(std::string(four)) != *fiscal_year))
      return true;
  }
  return false;
}

std::optional<Target> locate(const Context& c) {
  for (const Mapping& m : kMappings) {
    bool words = std::all_of(m.words.begin(), m.words.end(), [&](std::string_view w) { return contains(c.subject, w); });
    if (words && (!m.also || m.also(c))) return m.locate(c);
  }
  return std::nullopt;
}

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
CheckResult share_result(const Fact& fact, const std::string& where, const Ref& value, const Ref& base) {
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
    r.message = "the prose states " + printed.to_string() + "%, the tables give " + expected.to_string() + "%";
  return r;
}

void check_fact(const Document& doc, const Fact& fact, std::vector<CheckResult>& out) {
  std::string section;
  for (const std::string& s : fact.section) section += s + " / ";
  Context c{doc, normalize_name(fact.subject), section, doc.document.kind == "final_account" ? "_final" : ""};
  if (c.subject.empty() || about_something_else(c.subject, doc.document.fiscal_year)) return;
  std::optional<Target> target = locate(c);
  if (!target) return;
  std::string w = "prose: " + section + fact.subject + " vs " + where_of(target->ref);
  if (fact.value && fact.unit == "元") {
    Figure stated{*fact.value, half_unit({*fact.value}, unit_exponent("万元")), 1};
    out.push_back(judge({std::string(kRule), w, fact.page, {figure_of(target->ref)}, stated,
                         "the prose states another figure than the table"}));
  }
  if (!fact.share_pct || target->bases.empty()) return;
  std::vector<CheckResult> tries;
  for (const Ref& base : target->bases)
    if (value_or_zero(*base.row, base.key) != Amount{}) tries.push_back(share_result(fact, w, target->ref, base));
  if (tries.empty()) return;
  auto pass = std::find_if(tries.begin(), tries.end(), [](const CheckResult& r) { return r.status == "pass"; });
  out.push_back(pass != tries.end() ? *pass : tries.front());
}

}  // namespace

std::vector<CheckResult> fact_matches_table(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Fact& fact : doc.facts) check_fact(doc, fact, out);
  return out;
}

}  // namespace budget::checks
