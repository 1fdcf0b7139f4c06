// The headline totals of each document: 收入总计, 支出总计, 基本支出, 项目支出, 三公经费.
#include "checks/detail.h"
#include "diff/detail.h"

namespace budget::diff::detail {
namespace {

using namespace checks::detail;

std::string suffix_of(const Document& doc) {
  return doc.document.kind == "final_account" ? "_final" : "";
}

// 收入总计 / 支出总计: the grand total of one list of the 收支总表.
std::optional<Amount> summary_total(const Document& doc, std::string_view side) {
  const Table* t = unique_table(doc, "budget_summary" + suffix_of(doc));
  if (!t) return std::nullopt;
  const Row* row = summary_lines(*t, side).grand_total;
  if (const Amount* v = row ? row->value("total") : nullptr) return *v;
  return std::nullopt;
}

// 支出总计: on the expenditure list, or where the 支出用途 list carries the
// line the lists share (some prints put 支出合计 under the last list).
std::optional<Amount> expenditure_total(const Document& doc) {
  if (auto v = summary_total(doc, "expenditure")) return v;
  return summary_total(doc, "purpose");
}

// 基本支出 / 项目支出: the total line of the 支出总表.
std::optional<Amount> expenditure_part(const Document& doc, const std::string& key) {
  const Table* t = unique_table(doc, "expenditure_summary" + suffix_of(doc));
  if (!t) return std::nullopt;
  const Row* row = total_row(*t, "");
  if (!row && t->rows.size() == 1) row = &t->rows[0];
  if (const Amount* v = row ? row->value(key) : nullptr) return *v;
  return std::nullopt;
}

// 三公经费: 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费, as rows or as
// columns (the 决算数 of a final account); blank categories count 0, none
// printed is absent.  Tables that add 会议费 and 培训费 into their 合计 are
// read right this way.
std::optional<Amount> three_public(const Document& doc) {
  const Table* t = unique_table(doc, "three_public" + suffix_of(doc));
  if (!t) return std::nullopt;
  std::optional<Amount> sum;
  auto add = [&](const Amount* v) {
    if (v) sum = sum ? *sum + *v : *v;
  };
  const Part kParts[] = {Part::kAbroad, Part::kReception, Part::kVehicles};
  for (Part part : kParts)
    for (const Row& row : t->rows)
      if (part_named(row.name) == part) add(row.value("total"));
  if (sum || t->rows.size() != 1) return sum;
  std::string measure = suffix_of(doc).empty() ? "total" : "final";
  for (Part part : kParts)
    for (const Column& col : t->columns) {
      auto [p, m] = part_keyed(*t, col.key);
      if (p == part && (m.empty() || m == measure)) add(t->rows[0].value(col.key));
    }
  return sum;
}

}  // namespace

std::vector<Headline> headline(const Document& a, const Document& b) {
  return {
      {"income_total", "收入总计", summary_total(a, "income"), summary_total(b, "income")},
      {"expenditure_total", "支出总计", expenditure_total(a), expenditure_total(b)},
      {"basic", "基本支出", expenditure_part(a, "basic"), expenditure_part(b, "basic")},
      {"project", "项目支出", expenditure_part(a, "project"), expenditure_part(b, "project")},
      {"three_public", "三公经费", three_public(a), three_public(b)},
  };
}

}  // namespace budget::diff::detail
