// The rules inside one table: parents and their children, totals and their
// rows, total columns and their component columns, the two sides of a summary
// table, and the 三公 categories.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "checks/checks.h"
#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

// Every parent of one list that `wanted` selects, compared with its children.
template <typename Pred>
void sum_children(const Document& doc, std::string_view rule, Pred wanted,
                  std::vector<CheckResult>& out) {
  for (const Table& t : doc.tables) {
    if (t.no_data) continue;
    for (const std::string& side : sides(t)) {
      Hierarchy h(t, side);
      for (std::size_t i : h.rows())
        if (!h.children(i).empty() && wanted(t, t.rows[i])) compare_with_children(h, i, rule, out);
    }
  }
}

// ---- columns_sum -------------------------------------------------------------

// A total column and the columns it adds up, where the table prints them.
// Each line is one complete split of the total; a split applies when at least
// two of its columns are printed next to the total.
struct ColumnSplit {
  std::vector<std::string_view> parts;
};
const ColumnSplit kColumnSplits[] = {
    {{"basic", "project", "reserve", "paid_to_superior", "operating_expenditure",
      "affiliated_subsidy"}},
    {{"personnel", "public_expenses"}},
    {{"current_year", "carryover"}},
    {{"general_public", "government_fund", "state_capital", "special_account", "unit_funds",
      "appropriation", "business_income", "operating_income", "superior_subsidy",
      "affiliated_income", "other_income", "carryover"}},
    {{"goods", "works", "services"}},
};

// A column key read as context + role: "vehicles.total" -> {"vehicles", "total"};
// "total_2" (a repeated key) is marked as such.
struct KeyRole {
  std::string context, role;
  bool repeated = false;
};

KeyRole key_role(std::string_view key) {
  KeyRole r;
  std::size_t us = key.rfind('_');
  if (us != std::string_view::npos && us + 1 < key.size() &&
      std::all_of(key.begin() + us + 1, key.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      key.substr(0, 4) != "col_") {
    r.repeated = true;
    key = key.substr(0, us);
  }
  std::size_t dot = key.rfind('.');
  if (dot == std::string_view::npos) {
    r.role = std::string(key);
  } else {
    r.context = std::string(key.substr(0, dot));
    r.role = std::string(key.substr(dot + 1));
  }
  return r;
}

bool column_has_values(const Table& t, const std::string& key) {
  return std::any_of(t.rows.begin(), t.rows.end(), [&](const Row& r) { return has_value(r, key); });
}

void columns_sum_for(const Table& t, const Column& total, std::vector<CheckResult>& out) {
  // Lines of a list read together with another may carry the other's columns.
  if (is_summary_like(t) && !is_readable_list(t, total.side)) return;
  KeyRole tr = key_role(total.key);
  std::vector<const Column*> group;
  for (const Column& c : t.columns) {
    if (&c == &total || c.side != total.side || !in_group_of(total, c)) continue;
    KeyRole cr = key_role(c.key);
    if (cr.context != tr.context) continue;
    // An unrecognised amount column in the group may be a part of the total.
    if (cr.role.rfind("col_", 0) == 0 && column_has_values(t, c.key)) return;
    group.push_back(&c);
  }
  // A parent row's cells may each be the sum of its rounded leaves.
  Hierarchy h(t, total.side);
  Amount hu = h.half_unit();
  for (const ColumnSplit& split : kColumnSplits) {
    std::vector<const Column*> parts;
    std::set<std::string> roles;
    bool ambiguous = false;
    for (const Column* c : group) {
      KeyRole cr = key_role(c->key);
      if (std::find(split.parts.begin(), split.parts.end(), cr.role) == split.parts.end()) continue;
      ambiguous |= cr.repeated || !roles.insert(cr.role).second;
      parts.push_back(c);
    }
    if (ambiguous || parts.size() < 2) continue;
    std::string names;
    for (const Column* c : parts) names += (names.empty() ? "" : " + ") + c->key;
    for (std::size_t i : h.rows()) {
      const Row& row = t.rows[i];
      if (!has_value(row, total.key)) continue;
      Comparison c{"columns_sum",
                   where(t, row, total.key),
                   page_of(t, row),
                   {},
                   {value_or_zero(row, total.key), hu, std::max(1, h.roundings(i, total.key))},
                   total.key + " differs from " + names};
      for (const Column* p : parts)
        c.parts.push_back({value_or_zero(row, p->key), hu, h.roundings(i, p->key)});
      out.push_back(judge(c));
    }
  }
}

// ---- summary_balance -------------------------------------------------------

// Walks one list of a summary table: each total row equals the previous total
// plus the lines between (本年收入合计 = its items; 收入总计 = 本年收入合计 +
// 上年结转 …).  Breakdown lines (is_breakdown) are not added, nor a line after
// a total repeating the name of an item above it (the 上年结转 of each fund).
// Returns the last total row and its roundings.
struct Grand {
  const Row* row = nullptr;
  int roundings = 0;
};

Grand running_totals(const Table& t, const std::string& side, std::vector<CheckResult>& out) {
  Amount hu = half_unit(t);
  std::vector<std::string> keys = amount_keys(t, side);
  const Row* previous = nullptr;
  std::map<std::string, int> previous_roundings;
  std::vector<const Row*> addends;
  std::set<std::string> items;
  Grand grand;
  for (std::size_t i : rows_on_side(t, side)) {
    const Row& row = t.rows[i];
    if (is_total_row(row) && row.values.empty())
      continue;  // a total printing nothing states nothing
    if (!is_total_row(row)) {
      if (is_breakdown(t, row)) continue;
      std::string name = normalize_name(row.name);
      if (previous && items.count(name)) continue;
      if (!previous) items.insert(name);
      addends.push_back(&row);
      continue;
    }
    std::map<std::string, int> roundings;
    for (const std::string& key : keys) {
      Comparison c{"summary_balance",
                   where(t, row, key),
                   page_of(t, row),
                   {},
                   {value_or_zero(row, key), hu, has_value(row, key) ? 1 : 0},
                   row.name + " differs from the lines it totals"};
      bool any = has_value(row, key);
      if (previous) {
        c.parts.push_back({value_or_zero(*previous, key), hu, previous_roundings[key]});
        any |= has_value(*previous, key);
      }
      for (const Row* a : addends) {
        c.parts.push_back({value_or_zero(*a, key), hu, has_value(*a, key) ? 1 : 0});
        any |= has_value(*a, key);
      }
      int n = 0;
      for (const Figure& f : c.parts) n += f.roundings;
      roundings[key] = std::max(n, has_value(row, key) ? 1 : 0);
      if (any) out.push_back(judge(c));
    }
    previous = &row;
    previous_roundings = roundings;
    addends.clear();
    grand = {&row, 0};
    for (const auto& kv : roundings) grand.roundings = std::max(grand.roundings, kv.second);
  }
  return grand;
}

void summary_balance_for(const Table& t, std::vector<CheckResult>& out) {
  if (!is_readable_list(t, "income") || !is_readable_list(t, "expenditure")) return;
  Grand income = running_totals(t, "income", out);
  Grand spending = running_totals(t, "expenditure", out);
  if (!income.row || !spending.row) return;
  Amount hu = half_unit(t);
  std::vector<std::string> income_keys = amount_keys(t, "income");
  for (const std::string& key : amount_keys(t, "expenditure")) {
    if (std::find(income_keys.begin(), income_keys.end(), key) == income_keys.end()) continue;
    if (!has_value(*income.row, key) && !has_value(*spending.row, key)) continue;
    out.push_back(judge({"summary_balance",
                         where(t, *spending.row, key),
                         page_of(t, *spending.row),
                         {{value_or_zero(*income.row, key), hu, std::max(1, income.roundings)}},
                         {value_or_zero(*spending.row, key), hu, std::max(1, spending.roundings)},
                         spending.row->name + " differs from " + income.row->name}));
  }
}

// ---- three_public_parts ----------------------------------------------------

// Where a category's figure is printed.
struct Cell {
  const Row* row;
  std::string key;
};

// total = abroad + reception + vehicles; vehicles = purchase + operation.
// Where 会议费/培训费 are printed in the same table, the total may include
// them: either reading passes.
void compare_parts(const Table& t, const std::map<Part, Cell>& cells,
                   std::vector<CheckResult>& out) {
  Amount hu = half_unit(t);
  auto figure = [&](Part p) -> Figure {
    auto it = cells.find(p);
    if (it == cells.end()) return {Amount{}, hu, 0};
    const Cell& c = it->second;
    return {value_or_zero(*c.row, c.key), hu, has_value(*c.row, c.key) ? 1 : 0};
  };
  auto present = [&](Part p) { return cells.count(p) > 0; };
  auto any_value = [&](std::initializer_list<Part> parts) {
    for (Part p : parts)
      if (figure(p).roundings > 0) return true;
    return false;
  };

  if (present(Part::kVehicles) && (present(Part::kPurchase) || present(Part::kOperation)) &&
      any_value({Part::kVehicles, Part::kPurchase, Part::kOperation})) {
    const Cell& v = cells.at(Part::kVehicles);
    out.push_back(judge({"three_public_parts",
                         where(t, *v.row, v.key),
                         page_of(t, *v.row),
                         {figure(Part::kPurchase), figure(Part::kOperation)},
                         figure(Part::kVehicles),
                         "公务用车购置及运行费 differs from 购置费 + 运行维护费"}));
  }
  int printed_parts = present(Part::kAbroad) + present(Part::kReception) + present(Part::kVehicles);
  if (!present(Part::kTotal) || printed_parts < 2 ||
      !any_value({Part::kTotal, Part::kAbroad, Part::kReception, Part::kVehicles}))
    return;
  const Cell& total = cells.at(Part::kTotal);
  Figure vehicles = figure(Part::kVehicles);
  if (!present(Part::kVehicles)) {
    vehicles = figure(Part::kPurchase);
    Figure op = figure(Part::kOperation);
    vehicles.value = vehicles.value + op.value;
    vehicles.roundings += op.roundings;
  }
  Comparison three{"three_public_parts",
                   where(t, *total.row, total.key),
                   page_of(t, *total.row),
                   {figure(Part::kAbroad), figure(Part::kReception), vehicles},
                   figure(Part::kTotal),
                   "三公 total differs from 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费"};
  CheckResult result = judge(three);
  if (result.status == "fail" && (present(Part::kMeetings) || present(Part::kTraining))) {
    Comparison five = three;
    five.parts.push_back(figure(Part::kMeetings));
    five.parts.push_back(figure(Part::kTraining));
    CheckResult with_meetings = judge(five);
    if (with_meetings.status == "pass") result = with_meetings;
  }
  out.push_back(result);
}

void three_public_rows(const Table& t, std::vector<CheckResult>& out) {
  for (const std::string& key : amount_keys(t, "")) {
    std::map<Part, Cell> cells;
    bool repeated = false;
    for (std::size_t i : rows_on_side(t, "")) {
      Part p = part_named(t.rows[i].name);
      if (p != Part::kNone) repeated |= !cells.emplace(p, Cell{&t.rows[i], key}).second;
    }
    if (!repeated) compare_parts(t, cells, out);
  }
}

void three_public_columns(const Table& t, std::vector<CheckResult>& out) {
  for (const std::string& side : sides(t)) {
    std::map<std::string, std::map<Part, std::string>> by_measure;  // measure -> part -> key
    std::set<std::pair<std::string, Part>> repeated;
    for (const Column& c : t.columns) {
      if (c.side != side) continue;
      auto [part, measure] = part_keyed(t, c.key);
      if (part != Part::kNone && !by_measure[measure].emplace(part, c.key).second)
        repeated.emplace(measure, part);
    }
    for (const auto& [measure, part] : repeated)
      by_measure.erase(measure);  // which column is which: a guess
    for (const auto& [measure, keys] : by_measure) {
      if (keys.size() < 2) continue;
      for (std::size_t i : rows_on_side(t, side)) {
        std::map<Part, Cell> cells;
        for (const auto& [part, key] : keys) cells.emplace(part, Cell{&t.rows[i], key});
        compare_parts(t, cells, out);
      }
    }
  }
}

}  // namespace

std::vector<CheckResult> code_children_sum(const Document& doc) {
  std::vector<CheckResult> out;
  sum_children(
      doc, "code_children_sum", [](const Table&, const Row& r) { return r.code.has_value(); }, out);
  return out;
}

std::vector<CheckResult> econ_children_sum(const Document& doc) {
  std::vector<CheckResult> out;
  sum_children(
      doc, "econ_children_sum",
      [](const Table& t, const Row& r) {
        std::string kind = base_kind(t.kind);
        return (kind == "general_public_basic" || kind == "appropriation_basic") && !r.code &&
               !is_total_row(r);
      },
      out);
  return out;
}

std::vector<CheckResult> total_row_sum(const Document& doc) {
  std::vector<CheckResult> out;
  sum_children(
      doc, "total_row_sum",
      [](const Table& t, const Row& r) {
        return is_total_row(r) && !is_summary_like(t) && base_kind(t.kind) != "three_public";
      },
      out);
  return out;
}

std::vector<CheckResult> columns_sum(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Table& t : doc.tables) {
    if (t.no_data) continue;
    for (const Column& c : t.columns) {
      KeyRole r = key_role(c.key);
      if (r.role == "total" && !r.repeated) columns_sum_for(t, c, out);
    }
  }
  return out;
}

std::vector<CheckResult> summary_balance(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Table& t : doc.tables)
    if (!t.no_data && is_summary_like(t)) summary_balance_for(t, out);
  return out;
}

std::vector<CheckResult> three_public_parts(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Table& t : doc.tables) {
    if (t.no_data || base_kind(t.kind) != "three_public") continue;
    three_public_rows(t, out);
    three_public_columns(t, out);
  }
  return out;
}

}  // namespace budget::checks
