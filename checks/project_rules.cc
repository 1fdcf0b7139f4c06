// The rules on projects: the project table's units and totals, and each
// project's performance table (项目支出绩效目标表) against its row.
#include <algorithm>
#include <cctype>
#include <map>

#include "checks/checks.h"
#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

bool is_project_kind(const Table& t) {
  std::string kind = base_kind(t.kind);
  return kind == "project_expenditure" || kind == "project_expenditure_carryover";
}

// A project table's grand total as figures: its 合计 row, or else its
// top-level rows (the units, or the projects when no unit is printed).
std::vector<Ref> grand_total(Structures& s, const Table& t) {
  if (const Row* total = total_row(t, "")) return {total_ref(s, t, *total, "total")};
  int top = 0;
  for (const Row& row : t.rows)
    if (!is_total_row(row) && row.level > 0 && (top == 0 || row.level < top)) top = row.level;
  std::vector<Ref> refs;
  for (const Row& row : t.rows)
    if (!is_total_row(row) && row.level == top) refs.push_back(total_ref(s, t, row, "total"));
  return refs;
}

// The project rows: the deepest level of the table (below the unit rows).
std::vector<const Row*> project_rows(const Table& t) {
  int deepest = 0;
  for (const Row& row : t.rows)
    if (!is_total_row(row)) deepest = std::max(deepest, row.level);
  std::vector<const Row*> rows;
  for (const Row& row : t.rows)
    if (!is_total_row(row) && row.level == deepest && deepest > 0) rows.push_back(&row);
  return rows;
}

// A project name without the letters or digits a template prefixes to it
// (category marks such as Z, J, XM; a code), for the second matching pass.
std::string without_prefix(const std::string& name) {
  std::size_t i = 0;
  while (i < name.size() && std::isalnum(static_cast<unsigned char>(name[i]))) ++i;
  return name.substr(i);
}

// Matches project rows with performance tables: by whole name, then by name
// without its prefix when that is unique on both sides.
std::map<const Row*, const Project*> match_projects(const std::vector<const Row*>& rows,
                                                    const std::vector<Project>& projects) {
  std::map<const Row*, const Project*> matched;
  std::vector<bool> used(projects.size());
  for (const Row* row : rows) {
    std::string name = normalize_name(row->name);
    for (std::size_t p = 0; p < projects.size(); ++p) {
      if (used[p] || normalize_name(projects[p].name) != name) continue;
      matched[row] = &projects[p];
      used[p] = true;
      break;
    }
  }
  auto count_rows = [&](const std::string& stem) {
    return std::count_if(rows.begin(), rows.end(), [&](const Row* r) {
      return without_prefix(normalize_name(r->name)) == stem;
    });
  };
  for (const Row* row : rows) {
    if (matched.count(row)) continue;
    std::string stem = without_prefix(normalize_name(row->name));
    if (stem.empty() || count_rows(stem) != 1) continue;
    std::size_t found = projects.size();
    int candidates = 0;
    for (std::size_t p = 0; p < projects.size(); ++p) {
      if (without_prefix(normalize_name(projects[p].name)) != stem) continue;
      ++candidates;
      if (!used[p]) found = p;
    }
    if (candidates == 1 && found < projects.size()) {
      matched[row] = &projects[found];
      used[found] = true;
    }
  }
  return matched;
}

// How many performance tables the prose says the document discloses
// (公开项目绩效目标13个, 纳入绩效目标管理的项目14个, 编报绩效目标的项目11个).
std::optional<int> declared_performance_tables(const std::vector<Section>& sections) {
  static const std::string_view kAnchors[] = {"公开项目绩效目标", "绩效目标管理的二级项目",
                                              "绩效目标管理的项目", "编报绩效目标的项目"};
  for (std::string_view anchor : kAnchors) {
    std::vector<const std::vector<Section>*> stack{&sections};
    while (!stack.empty()) {
      const std::vector<Section>* level = stack.back();
      stack.pop_back();
      for (const Section& s : *level) {
        for (std::size_t at = s.text.find(anchor); at != std::string::npos;
             at = s.text.find(anchor, at + 1)) {
          std::size_t i = at + anchor.size();
          std::size_t digits = i;
          while (digits < s.text.size() && std::isdigit(static_cast<unsigned char>(s.text[digits])))
            ++digits;
          if (digits > i && s.text.compare(digits, 3, "个") == 0)
            return std::stoi(s.text.substr(i, digits - i));
        }
        stack.push_back(&s.children);
      }
    }
  }
  return std::nullopt;
}

// A project read from a 项目支出绩效目标表 (not from a prose description,
// which prints no fund split).
bool is_performance_table(const Project& p) { return p.form != "prose"; }

// The year's funds as printed: 年度资金总额, or on forms split by kind of
// funds, 财政资金.
std::optional<Amount> annual_amount(const Project& p) {
  return p.funds_annual.total ? p.funds_annual.total : p.funds_annual.fiscal;
}

// The precision of a performance table's amounts (printed in 元 or 万元).
Amount funds_half_unit(const Project& p) {
  std::vector<Amount> printed;
  for (const FundSplit* f : {&p.funds_period, &p.funds_annual})
    for (const auto* v : {&f->total, &f->central, &f->provincial, &f->local, &f->self_raised,
                          &f->other, &f->fiscal, &f->current_year, &f->carryover})
      if (*v) printed.push_back(**v);
  return half_unit(printed, unit_exponent("万元"));
}

std::string project_where(const Project& p) {
  return "项目支出绩效目标表 " + p.name + " / funds.annual.total";
}

// Each project row against its performance table.  Rows without one are a
// finding when the document prints fewer tables than it says it discloses
// (or says nothing); when more rows lack one than tables are missing, which
// rows is a guess, so that is one finding for the table.
void compare_project_rows(const Document& doc, const Table& table, std::vector<CheckResult>& out) {
  std::vector<const Row*> rows = project_rows(table);
  std::map<const Row*, const Project*> matched = match_projects(rows, doc.projects);
  std::vector<const Row*> unmatched;
  for (const Row* row : rows)
    if (!matched.count(row)) unmatched.push_back(row);
  std::optional<int> declared = declared_performance_tables(doc.sections);
  int printed = static_cast<int>(
      std::count_if(doc.projects.begin(), doc.projects.end(), is_performance_table));
  std::size_t missing =
      declared ? static_cast<std::size_t>(std::max(0, *declared - printed)) : unmatched.size();
  Amount row_half_unit = half_unit(table);
  for (const Row* row : rows) {
    auto it = matched.find(row);
    if (it == matched.end()) {
      if (missing > 0 && unmatched.size() == missing)
        out.push_back(finding("project_funds_match", "fail", where(table, *row, "total"),
                              page_of(table, *row),
                              "missing performance table (项目支出绩效目标表)"));
      continue;
    }
    const Project& p = *it->second;
    std::optional<Amount> annual = annual_amount(p);
    if (!annual) continue;  // reported once per project
    out.push_back(
        judge({"project_funds_match",
               project_where(p) + " vs " + where(table, *row, "total"),
               p.page,
               {{value_or_zero(*row, "total"), row_half_unit, has_value(*row, "total") ? 1 : 0}},
               {*annual, funds_half_unit(p), 1},
               "the performance table's annual funds differ from the project table"}));
  }
  if (missing > 0 && unmatched.size() != missing)
    out.push_back(finding("project_funds_match", "fail", table.title, table.page,
                          std::to_string(missing) +
                              " performance table(s) missing: " + std::to_string(printed) +
                              " printed, " + std::to_string(*declared) + " disclosed, " +
                              std::to_string(unmatched.size()) + " project rows without one"));
}

}  // namespace

std::vector<CheckResult> project_table_total(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Table& t : doc.tables) {
    if (t.no_data || !is_project_kind(t)) continue;
    for (const std::string& side : sides(t)) {
      Hierarchy h(t, side);
      for (std::size_t i : h.rows()) {
        const Row& row = t.rows[i];
        if (!row.code && !is_total_row(row) && row.level >= 1 && !h.children(i).empty())
          compare_with_children(h, i, "project_table_total", out);
      }
    }
  }
  // The project tables together are the 项目支出 of the expenditure summary.
  const Table* projects = unique_table(doc, "project_expenditure");
  const Table* spending = unique_table(doc, "expenditure_summary");
  const Row* total = spending ? total_row(*spending, "") : nullptr;
  if (!projects || !total || !column(*spending, "", "project") || !column(*projects, "", "total"))
    return out;
  Structures s;
  std::vector<Ref> parts = grand_total(s, *projects);
  const Table* carried = unique_table(doc, "project_expenditure_carryover");
  if (carried && column(*carried, "", "total")) {
    std::vector<Ref> more = grand_total(s, *carried);
    parts.insert(parts.end(), more.begin(), more.end());
  }
  bool carryover_known = has_table(doc, "project_expenditure_carryover") ||
                         column(*projects, "", "carryover") || !has_carryover(doc);
  if (carryover_known && !parts.empty())
    relate(out, "project_table_total", total_ref(s, *spending, *total, "project"), parts,
           "项目支出 of the expenditure summary differs from the project tables");
  return out;
}

std::vector<CheckResult> project_funds_match(const Document& doc) {
  std::vector<CheckResult> out;
  const Table* table = unique_table(doc, "project_expenditure");
  if (table && !doc.projects.empty()) compare_project_rows(doc, *table, out);
  for (const Project& p : doc.projects)
    if (is_performance_table(p) && !annual_amount(p))
      out.push_back(finding("project_funds_match", "fail", project_where(p), p.page,
                            "no annual amount printed (年度资金总额)"));
  return out;
}

}  // namespace budget::checks
