// The rules across tables: one figure printed in two tables, 机关运行经费 and
// 公用经费, and the tables a document of its kind must print.
#include <algorithm>

#include "checks/checks.h"
#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

constexpr std::string_view kCross = "cross_table";

// The tables of one document kind (budget: suffix "", 决算: "_final").
struct Tables {
  const Table* budget_summary;
  const Table* income;
  const Table* expenditure;
  const Table* appropriation;
  const Table* general_public;
  const Table* government_fund;
  const Table* state_capital;
};

Tables tables_of(const Document& doc, const std::string& suffix) {
  return {unique_table(doc, "budget_summary" + suffix),
          unique_table(doc, "income_summary" + suffix),
          unique_table(doc, "expenditure_summary" + suffix),
          unique_table(doc, "appropriation_summary" + suffix),
          unique_table(doc, "general_public_expenditure" + suffix),
          unique_table(doc, "government_fund_expenditure" + suffix),
          unique_table(doc, "state_capital" + suffix)};
}

// The income summary's 合计 counts 上年结转 only when the carry-over column is
// printed under the same header group as 合计.
enum class Carryover { kAbsent, kInsideTotal, kBesideTotal };
Carryover income_carryover(const Table& income) {
  const Column* total = column(income, "", "total");
  const Column* carry = column(income, "", "carryover");
  if (!total || !carry) return Carryover::kAbsent;
  return in_group_of(*total, *carry) ? Carryover::kInsideTotal : Carryover::kBesideTotal;
}

// A summary-table line as a figure: the items it lists are single lines; its
// totals may stand for every item above them.
Ref summary_ref(const Table& t, const SummaryLines& lines, const Row& row, const std::string& key) {
  Ref r = line_ref(t, row, key);
  if (&row == lines.first_total && r.roundings > 0)
    r.roundings = std::max(1, printed_count(lines.items, key));
  return r;
}

// 收支总表 against 支出总表 and 收入总表: 本年支出合计, 本年收入合计, each income
// source, and each expenditure class (by name against the 3-digit code row).
void budget_summary_vs_summaries(Structures& s, const Tables& d, std::vector<CheckResult>& out) {
  const Table* bs = d.budget_summary;
  if (!bs) return;
  SummaryLines spending = summary_lines(*bs, "expenditure");
  SummaryLines income = summary_lines(*bs, "income");
  if (const Table* es = d.expenditure;
      es && column(*bs, "expenditure", "total") && column(*es, "", "total")) {
    const Row* total = total_row(*es, "");
    if (total && spending.first_total)
      relate(out, kCross, summary_ref(*bs, spending, *spending.first_total, "total"),
             {total_ref(s, *es, *total, "total")},
             "本年支出合计 differs from the expenditure summary's 合计");
    for (const Row* item : spending.items) {
      if (item->level != 1) continue;
      const Row* row = row_named(*es, "", item->name);
      if (row && row->code && row->code->size() == 3)
        relate(out, kCross, line_ref(*bs, *item, "total"), {total_ref(s, *es, *row, "total")},
               item->name + " differs from the expenditure summary");
    }
  }
  const Table* is = d.income;
  if (!is || !column(*bs, "income", "total")) return;
  const Row* total = total_row(*is, "");
  if (!total) return;
  Carryover carry = income_carryover(*is);
  bool carried = income.carryover && value_or_zero(*income.carryover, "total") != Amount{};
  if (income.first_total && column(*is, "", "total") && (carry != Carryover::kAbsent || !carried)) {
    std::vector<Ref> parts{summary_ref(*bs, income, *income.first_total, "total")};
    if (carry == Carryover::kInsideTotal && income.carryover)
      parts.push_back(line_ref(*bs, *income.carryover, "total"));
    relate(out, kCross, total_ref(s, *is, *total, "total"), parts,
           "the income summary's 合计 differs from the budget summary's income");
  }
  std::vector<std::pair<std::string, const Row*>> sources;
  for (const auto* lines : {&income.items, &income.details})
    for (const Row* item : *lines) sources.emplace_back(source_key(item->name), item);
  if (income.carryover) sources.emplace_back("carryover", income.carryover);
  for (const auto& [key, item] : sources) {
    if (key.empty() || !column(*is, "", key)) continue;
    auto same = std::count_if(sources.begin(), sources.end(),
                              [&key = key](const auto& s) { return s.first == key; });  // C++17: no implicit capture of a binding (clang)
    if (same != 1) continue;
    relate(out, kCross, total_ref(s, *is, *total, key), {line_ref(*bs, *item, "total")},
           "the income summary's " + key + " differs from the budget summary's " + item->name);
  }
}

// 支出总表 against 收入总表, code by code (a budget balances each code: its
// income this year plus carry-over is its expenditure).
void expenditure_vs_income(Structures& s, const Tables& d, std::vector<CheckResult>& out) {
  const Table* es = d.expenditure;
  const Table* is = d.income;
  if (!es || !is || !column(*es, "", "total") || !column(*is, "", "total")) return;
  bool add_carryover = income_carryover(*is) == Carryover::kBesideTotal;
  auto income_parts = [&](const Row& row) {
    std::vector<Ref> parts{total_ref(s, *is, row, "total")};
    if (add_carryover) parts.push_back(total_ref(s, *is, row, "carryover"));
    return parts;
  };
  const Row* es_total = total_row(*es, "");
  const Row* is_total = total_row(*is, "");
  if (es_total && is_total)
    relate(out, kCross, total_ref(s, *es, *es_total, "total"), income_parts(*is_total),
           "the expenditure summary's 合计 differs from the income summary's");
  const Hierarchy& es_rows = s.of(*es, "");
  const Hierarchy& is_rows = s.of(*is, "");
  for (const Row& row : es->rows) {
    if (!row.code || es_rows.with_code(*row.code) != &row) continue;
    if (const Row* income = is_rows.with_code(*row.code))
      relate(out, kCross, total_ref(s, *es, row, "total"), income_parts(*income),
             "expenditure of " + *row.code + " differs from its income");
  }
}

// Each fund's expenditure table (不含上年结转) against that fund's column of
// 收入总表, code by code.
void fund_tables_vs_income(Structures& s, const Document& doc, const Tables& d,
                           std::vector<CheckResult>& out) {
  const Table* is = d.income;
  if (!is) return;
  const std::pair<const Table*, const char*> funds[] = {{d.general_public, "general_public"},
                                                        {d.government_fund, "government_fund"},
                                                        {d.state_capital, "state_capital"}};
  bool carried = has_carryover(doc);
  for (const auto& [ft, key] : funds) {
    if (!ft || !column(*is, "", key) || (carried && !excludes_carryover(*ft))) continue;
    std::string side = ft->kind.rfind("state_capital", 0) == 0 ? "expenditure" : "";
    if (!column(*ft, side, "total")) continue;
    const Row* ft_total = total_row(*ft, side);
    const Row* is_total = total_row(*is, "");
    if (ft_total && is_total)
      relate(out, kCross, total_ref(s, *ft, *ft_total, "total"),
             {total_ref(s, *is, *is_total, key)},
             ft->title + " 合计 differs from the income summary's " + key);
    const Hierarchy& ft_rows = s.of(*ft, side);
    for (std::size_t i : ft_rows.rows()) {
      const Row& row = ft->rows[i];
      if (!row.code || ft_rows.with_code(*row.code) != &row) continue;
      if (const Row* income = s.of(*is, "").with_code(*row.code))
        relate(out, kCross, total_ref(s, *ft, row, "total"), {total_ref(s, *is, *income, key)},
               *row.code + " differs from the income summary's " + key);
    }
  }
}

// 财政拨款收支总表 against the fund tables: each appropriation income line
// with its fund's expenditure table; without carry-over, its expenditure by
// class with the 一般公共预算 table.
void appropriation_vs_fund_tables(Structures& s, const Document& doc, const Tables& d,
                                  std::vector<CheckResult>& out) {
  const Table* as = d.appropriation;
  if (!as) return;
  bool carried = has_carryover(doc);
  SummaryLines income = summary_lines(*as, "income");
  if (column(*as, "income", "total")) {
    const std::pair<const Table*, const char*> funds[] = {{d.general_public, "general_public"},
                                                          {d.government_fund, "government_fund"},
                                                          {d.state_capital, "state_capital"}};
    for (const auto& [ft, key] : funds) {
      if (!ft || (carried && !excludes_carryover(*ft))) continue;
      std::string side = ft->kind.rfind("state_capital", 0) == 0 ? "expenditure" : "";
      const Row* ft_total = total_row(*ft, side);
      const Row* line = nullptr;
      int lines = 0;
      for (const auto* list : {&income.items, &income.details})
        for (const Row* item : *list)
          if (source_key(item->name) == key) ++lines, line = item;
      if (ft_total && lines == 1 && column(*ft, side, "total"))
        relate(out, kCross, line_ref(*as, *line, "total"), {total_ref(s, *ft, *ft_total, "total")},
               line->name + " differs from " + ft->title + " 合计");
    }
  }
  const Table* gp = d.general_public;
  if (carried || !gp || !column(*gp, "", "total")) return;
  std::string key = "general_public";
  if (!column(*as, "expenditure", key)) {
    for (const Row& row : as->rows)
      for (const char* other : {"government_fund", "state_capital"})
        if (row.side == "expenditure" && value_or_zero(row, other) != Amount{}) return;
    key = "total";
    if (!column(*as, "expenditure", key)) return;
  }
  SummaryLines spending = summary_lines(*as, "expenditure");
  const Row* gp_total = total_row(*gp, "");
  if (spending.first_total && gp_total)
    relate(out, kCross, summary_ref(*as, spending, *spending.first_total, key),
           {total_ref(s, *gp, *gp_total, "total")},
           "本年支出合计 differs from " + gp->title + " 合计");
  for (const Row* item : spending.items) {
    if (item->level != 1) continue;
    const Row* row = row_named(*gp, "", item->name);
    if (row && row->code && row->code->size() == 3)
      relate(out, kCross, line_ref(*as, *item, key), {total_ref(s, *gp, *row, "total")},
             item->name + " differs from " + gp->title);
  }
}

// Whether the document's own text defines 机关运行经费 as the 公用经费 of the
// basic expenditure (the 名词解释 of the national template does).
bool defines_operating_as_public(const std::vector<Section>& sections) {
  for (const Section& s : sections) {
    std::string text = s.title + "\n" + s.text;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end =
          std::min({text.find("。", start), text.find("；", start), text.find('\n', start)});
      std::string_view sentence(text.data() + start,
                                (end == std::string::npos ? text.size() : end) - start);
      if (contains(sentence, "机关运行经费") && contains(sentence, "公用经费") &&
          (contains(sentence, "指") || contains(sentence, "即")))
        return true;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (defines_operating_as_public(s.children)) return true;
  }
  return false;
}

// The tables a disclosure prints (the national template's core set), and
// the suffix of their kinds in each kind of document.
const std::string_view kRequiredTables[] = {"budget_summary",
                                            "income_summary",
                                            "expenditure_summary",
                                            "appropriation_summary",
                                            "general_public_expenditure",
                                            "general_public_basic",
                                            "government_fund_expenditure",
                                            "three_public"};
const std::pair<std::string_view, std::string_view> kKindSuffixes[] = {{"budget", ""},
                                                                       {"final_account", "_final"}};

}  // namespace

std::vector<CheckResult> cross_table(const Document& doc) {
  std::vector<CheckResult> out;
  Structures s;
  for (const std::string suffix : {"", "_final"}) {
    Tables d = tables_of(doc, suffix);
    budget_summary_vs_summaries(s, d, out);
    // Code by code, income and the fund tables equal expenditure only in a
    // budget; a 决算 reports income and spending that need not match.
    if (!suffix.empty()) continue;
    expenditure_vs_income(s, d, out);
    fund_tables_vs_income(s, doc, d, out);
    appropriation_vs_fund_tables(s, doc, d, out);
  }
  return out;
}

std::vector<CheckResult> operating_expenses_match(const Document& doc) {
  std::vector<CheckResult> out;
  Structures s;
  for (const std::string suffix : {"", "_final"}) {
    std::optional<Ref> operating = operating_expenses_figure(s, doc, suffix);
    const Table* basic = unique_table(doc, "general_public_basic" + suffix);
    const Row* total = basic ? total_row(*basic, "") : nullptr;
    // A 事业单位 prints no (or a zero) 机关运行经费: nothing to compare.
    if (!operating || !total || value_or_zero(*operating->row, operating->key) == Amount{} ||
        !column(*basic, "", "public_expenses"))
      continue;
    std::vector<CheckResult> result;
    relate(result, "operating_expenses_match", *operating,
           {total_ref(s, *basic, *total, "public_expenses")},
           "机关运行经费 differs from the 公用经费 of the basic expenditure, which the document "
           "defines it as");
    // A difference is a finding only where the document says the two are the
    // same, and only for one unit: a department's 事业单位 have 公用经费 but no
    // 机关运行经费.
    bool defined =
        defines_operating_as_public(doc.sections) ||
        std::any_of(doc.glossary.begin(), doc.glossary.end(), [](const GlossaryEntry& g) {
          return contains(g.term, "机关运行经费") && contains(g.definition, "公用经费");
        });
    bool alike = defined && doc.document.scope != "department";
    for (CheckResult& r : result)
      if (r.status == "pass" || alike) out.push_back(std::move(r));
  }
  return out;
}

std::vector<CheckResult> completeness(const Document& doc) {
  std::vector<CheckResult> out;
  // A document that prints no table at all is the prose half of a disclosure
  // whose tables were published as another file (公开表附后): not incomplete.
  if (doc.tables.empty()) return out;
  // A table whose title was not recognised may be the one missing: only a
  // document whose every table was recognised can be said to lack one.
  bool all_recognised = !has_table(doc, "unknown");
  for (const auto& [document_kind, suffix] : kKindSuffixes) {
    if (doc.document.kind != document_kind) continue;
    for (std::string_view kind : kRequiredTables) {
      std::string k = std::string(kind) + std::string(suffix);
      bool printed = has_table(doc, k);
      if (!printed && !all_recognised) continue;
      out.push_back(finding("completeness", printed ? "pass" : "fail", k, std::nullopt,
                            printed ? ""
                                    : "a " + std::string(document_kind) +
                                          " document prints this table; it was not found"));
    }
  }
  return out;
}

}  // namespace budget::checks
