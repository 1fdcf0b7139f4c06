#include "checks/detail.h"

#include <algorithm>
#include <map>
#include <set>

#include "normalize/text.h"

namespace budget::checks::detail {
namespace {

Amount times(const Amount& a, int n) { return Amount{a.units * n, a.scale}; }

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::string row_label(const Row& row) {
  std::string name = row.name.empty() ? "(row)" : row.name;
  return row.code ? *row.code + " " + name : name;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

// ---- rounding ------------------------------------------------------------

int unit_exponent(std::string_view unit) {
  if (unit == "元") return 0;
  if (unit == "千元") return 3;
  if (unit == "亿元") return 8;
  return 4;
}

Amount half_unit(const std::vector<Amount>& printed, int max_exponent) {
  int exponent = max_exponent;
  bool any = false;
  for (const Amount& a : printed) {
    Amount n = a.normalized();
    if (n.units == 0) continue;
    any = true;
    if (n.scale > 0) return Amount{};
    std::int64_t u = n.units < 0 ? -n.units : n.units;
    int e = 0;
    while (e < exponent && u % 10 == 0) {
      u /= 10;
      ++e;
    }
    exponent = e;
  }
  if (!any) return Amount{};
  return exponent == 0 ? Amount{5, 1} : Amount{5 * pow10(exponent - 1), 0};
}

Amount half_unit(const Table& table) {
  std::vector<Amount> printed;
  for (const Row& row : table.rows)
    for (const auto& kv : row.values) printed.push_back(kv.second);
  return half_unit(printed, unit_exponent(table.unit));
}

Amount tolerance(const std::vector<Figure>& figures) {
  std::vector<const Figure*> live;
  for (const Figure& f : figures)
    if (f.roundings > 0) live.push_back(&f);
  if (live.empty()) return Amount{};
  bool same = std::all_of(live.begin(), live.end(),
                          [&](const Figure* f) { return f->half_unit == live[0]->half_unit; });
  if (same) {
    int n = 0;
    for (const Figure* f : live) n += f->roundings;
    return times(live[0]->half_unit, n - 1).normalized();
  }
  Amount sum;
  for (const Figure* f : live) sum = sum + times(f->half_unit, f->roundings);
  return sum.normalized();
}

CheckResult judge(const Comparison& c) {
  Amount expected;
  std::vector<Figure> figures = c.parts;
  for (const Figure& f : c.parts) expected = expected + f.value;
  figures.push_back(c.printed);
  Amount tol = tolerance(figures);
  Amount diff = c.printed.value - expected;
  CheckResult r;
  r.rule = c.rule;
  r.where = c.where;
  r.page = c.page;
  r.expected = expected.normalized();
  r.actual = c.printed.value.normalized();
  r.difference = diff.normalized();
  r.tolerance = tol;
  r.status = diff.abs() <= tol ? "pass" : "fail";
  if (r.status == "fail")
    r.message = c.message.empty() ? "printed " + r.actual->to_string() + " 元, expected " +
                                        r.expected->to_string() + " 元"
                                  : c.message;
  else if (diff != Amount{})
    r.message = "within the rounding of the printed figures";
  // Two printings of one figure that print differently at the coarser
  // precision (236.63 and 236.64 万元): within the rounding, yet a reviewer
  // wants to see it.  A finer figure that rounds to the coarser one is not.
  if (r.status == "pass" && c.parts.size() == 1 &&
      diff.abs() > std::max(c.parts.front().half_unit, c.printed.half_unit))
    r.severity = "note";
  return r;
}

CheckResult finding(std::string rule, std::string status, std::string where,
                    std::optional<int> page, std::string message) {
  CheckResult r;
  r.rule = std::move(rule);
  r.status = std::move(status);
  r.where = std::move(where);
  r.page = page;
  r.message = std::move(message);
  return r;
}

// ---- text ------------------------------------------------------------------

std::string normalize_name(std::string_view name) {
  std::string out;
  for (char32_t cp : normalize::to_u32(name)) {
    if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == 0x3000 || cp == 0xA0) continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    out += normalize::to_utf8(std::u32string(1, cp));
  }
  return out;
}

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

bool is_total_name(std::string_view name) {
  return contains(name, "合计") || contains(name, "总计") || contains(name, "小计");
}

bool is_total_row(const Row& row) { return row.level == 0 && !row.code && is_total_name(row.name); }

bool is_unplaced(const Row& row) { return row.name.empty() && !row.code && !row.values.empty(); }

// ---- tables ----------------------------------------------------------------

std::string base_kind(std::string_view kind) {
  constexpr std::string_view kFinal = "_final";
  if (kind.size() > kFinal.size() && kind.substr(kind.size() - kFinal.size()) == kFinal)
    kind.remove_suffix(kFinal.size());
  return std::string(kind);
}

const Table* unique_table(const Document& doc, std::string_view kind) {
  const Table* found = nullptr;
  for (const Table& t : doc.tables) {
    if (t.kind != kind) continue;
    if (found) return nullptr;
    found = &t;
  }
  return found && !found->no_data && !found->rows.empty() ? found : nullptr;
}

bool has_table(const Document& doc, std::string_view kind) {
  return std::any_of(doc.tables.begin(), doc.tables.end(),
                     [&](const Table& t) { return t.kind == kind; });
}

namespace {

bool is_chinese_numeral(std::string_view text) {
  std::u32string cps = normalize::to_u32(text);
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十百零").find(c) != std::u32string_view::npos;
  });
}

// 1 / 1. / 1、/ ① as the line's number (in the ordinal, or left in the name).
bool has_sub_item_number(const Row& row) {
  if (row.ordinal && !row.ordinal->empty() && !is_chinese_numeral(*row.ordinal)) return true;
  std::u32string name = normalize::to_u32(row.name);
  if (!name.empty() && name[0] >= 0x2460 && name[0] <= 0x2473) return true;  // ① … ⑳
  std::size_t i = 0;
  while (i < name.size() && name[i] >= U'0' && name[i] <= U'9') ++i;
  return i > 0 && i < name.size() &&
         std::u32string_view(U".、．)）").find(name[i]) != std::u32string_view::npos;
}

}  // namespace

bool is_summary_like(const Table& table) {
  bool sided = false;
  for (const Row& row : table.rows) {
    if (row.code) return false;
    sided |= row.side == "income" || row.side == "expenditure";
  }
  std::string kind = base_kind(table.kind);
  return sided || kind == "budget_summary" || kind == "appropriation_summary";
}

bool is_breakdown(const Table& table, const Row& row) {
  if (row.level >= 2 || contains(row.name, "其中")) return true;
  if (!has_sub_item_number(row)) return false;
  return std::any_of(table.rows.begin(), table.rows.end(), [&](const Row& r) {
    return r.side == row.side && r.ordinal && is_chinese_numeral(*r.ordinal);
  });
}

bool is_readable_list(const Table& table, std::string_view side) {
  std::set<std::string> numbers;
  bool before_total = true;
  for (std::size_t i : rows_on_side(table, side)) {
    const Row& row = table.rows[i];
    if (is_unplaced(row)) return false;
    if (is_total_row(row)) before_total = false;
    if (!before_total || is_breakdown(table, row) || !row.ordinal ||
        !is_chinese_numeral(*row.ordinal))
      continue;
    if (!numbers.insert(*row.ordinal).second) return false;
  }
  return true;
}

std::vector<std::string> sides(const Table& table) {
  std::vector<std::string> out;
  for (const Row& row : table.rows)
    if (std::find(out.begin(), out.end(), row.side) == out.end()) out.push_back(row.side);
  return out;
}

std::vector<std::size_t> rows_on_side(const Table& table, std::string_view side) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    if (table.rows[i].side == side) out.push_back(i);
  return out;
}

std::vector<std::string> amount_keys(const Table& table, std::string_view side) {
  std::vector<std::string> seen;
  for (std::size_t i : rows_on_side(table, side))
    for (const auto& kv : table.rows[i].values)
      if (std::find(seen.begin(), seen.end(), kv.first) == seen.end()) seen.push_back(kv.first);
  std::vector<std::string> out;
  for (const Column& c : table.columns)
    if (c.side == side && std::find(seen.begin(), seen.end(), c.key) != seen.end() &&
        std::find(out.begin(), out.end(), c.key) == out.end())
      out.push_back(c.key);
  for (const std::string& k : seen)
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  return out;
}

Amount value_or_zero(const Row& row, const std::string& key) {
  const Amount* v = row.value(key);
  return v ? *v : Amount{};
}

bool has_value(const Row& row, const std::string& key) { return row.value(key) != nullptr; }

std::string where(const Table& table, const Row& row, std::string_view key) {
  std::string w = table.title + " / ";
  if (!row.side.empty()) w += "[" + row.side + "] ";
  w += row_label(row);
  if (!key.empty()) w += " / " + std::string(key);
  return w;
}

std::optional<int> page_of(const Table& table, const Row& row) {
  return row.page ? row.page : table.page;
}

const Row* row_named(const Table& table, std::string_view side, std::string_view name) {
  const Row* found = nullptr;
  std::string wanted = normalize_name(name);
  for (std::size_t i : rows_on_side(table, side)) {
    if (normalize_name(table.rows[i].name) != wanted) continue;
    if (found) return nullptr;
    found = &table.rows[i];
  }
  return found;
}

const Row* total_row(const Table& table, std::string_view side) {
  const Row* found = nullptr;
  for (std::size_t i : rows_on_side(table, side)) {
    if (!is_total_row(table.rows[i])) continue;
    if (found) return nullptr;
    found = &table.rows[i];
  }
  return found;
}

// ---- structure -----------------------------------------------------------

Hierarchy::Hierarchy(const Table& table, std::string_view side)
    : table_(&table),
      rows_(rows_on_side(table, side)),
      children_(table.rows.size()),
      half_unit_(detail::half_unit(table)),
      keys_(amount_keys(table, side)) {
  const auto& rows = table.rows;
  std::set<std::string> repeated;
  for (std::size_t i : rows_)
    if (rows[i].code && !by_code_.emplace(*rows[i].code, i).second) repeated.insert(*rows[i].code);
  for (const std::string& code : repeated) by_code_.erase(code);

  std::vector<std::size_t> totals;
  for (std::size_t p = 0; p < rows_.size(); ++p) {
    const Row& row = rows[rows_[p]];
    if (row.code && repeated.empty()) {
      // Unique codes: a row's parent is its code without the last level.
      if (row.code->size() <= 2) continue;
      auto parent = by_code_.find(row.code->substr(0, row.code->size() - 2));
      if (parent != by_code_.end()) children_[parent->second].push_back(rows_[p]);
    } else if (row.code) {
      // Repeated codes (a block per unit): the rows following it under its prefix.
      const std::string& code = *row.code;
      for (std::size_t q = p + 1; q < rows_.size(); ++q) {
        const Row& other = rows[rows_[q]];
        if (!other.code || other.code->size() <= code.size() || !starts_with(*other.code, code))
          break;
        if (other.code->size() == code.size() + 2) children_[rows_[p]].push_back(rows_[q]);
      }
    } else if (is_total_row(row)) {
      totals.push_back(rows_[p]);
    } else if (row.level >= 1) {
      for (std::size_t q = p + 1; q < rows_.size(); ++q) {
        const Row& other = rows[rows_[q]];
        if (other.code || is_total_row(other) || other.level <= row.level) break;
        if (other.level == row.level + 1) children_[rows_[p]].push_back(rows_[q]);
      }
    }
  }
  // A sum that would include an unplaced line is not checked.
  for (auto& kids : children_)
    if (std::any_of(kids.begin(), kids.end(), [&](std::size_t k) { return is_unplaced(rows[k]); }))
      kids.clear();
  if (totals.size() != 1) return;
  int shallowest = 0;
  for (std::size_t i : rows_)
    if (!is_total_row(rows[i]) && rows[i].level > 0 &&
        (shallowest == 0 || rows[i].level < shallowest))
      shallowest = rows[i].level;
  std::vector<std::size_t> kids;
  for (std::size_t i : rows_) {
    if (is_total_row(rows[i]) || rows[i].level != shallowest || shallowest == 0) continue;
    if (is_unplaced(rows[i])) return;
    kids.push_back(i);
  }
  children_[totals[0]] = std::move(kids);
}

const std::vector<std::size_t>& Hierarchy::children(std::size_t row) const {
  return children_[row];
}

int Hierarchy::roundings(std::size_t row, const std::string& key) const {
  if (children_[row].empty()) return has_value(table_->rows[row], key) ? 1 : 0;
  int n = 0;
  for (std::size_t c : children_[row]) n += roundings(c, key);
  return n;
}

const Row* Hierarchy::with_code(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &table_->rows[it->second];
}

const Hierarchy& Structures::of(const Table& table, std::string_view side) {
  auto key = std::make_pair(&table, std::string(side));
  auto it = built_.find(key);
  if (it == built_.end()) it = built_.emplace(key, Hierarchy(table, side)).first;
  return it->second;
}

void compare_with_children(const Hierarchy& h, std::size_t parent, std::string_view rule,
                           std::vector<CheckResult>& out) {
  const Table& t = h.table();
  const Row& p = t.rows[parent];
  const auto& kids = h.children(parent);
  Amount hu = h.half_unit();
  for (const std::string& key : h.keys()) {
    bool any = has_value(p, key) || std::any_of(kids.begin(), kids.end(), [&](std::size_t k) {
                 return has_value(t.rows[k], key);
               });
    if (!any) continue;
    Comparison c{std::string(rule),
                 where(t, p, key),
                 page_of(t, p),
                 {},
                 {value_or_zero(p, key), hu, has_value(p, key) ? 1 : 0},
                 {}};
    for (std::size_t k : kids)
      c.parts.push_back({value_or_zero(t.rows[k], key), hu, h.roundings(k, key)});
    c.message = "printed " + value_or_zero(p, key).to_string() + " 元, its " +
                std::to_string(kids.size()) + " sub-items add up to another figure";
    out.push_back(judge(c));
  }
}

const Column* column(const Table& table, std::string_view side, std::string_view key) {
  for (const Column& c : table.columns)
    if (c.side == side && c.key == key) return &c;
  return nullptr;
}

bool in_group_of(const Column& total, const Column& part) {
  // A total labelled as this year's (本年收入合计, printed flat beside 上年结转)
  // does not include last year's carry-over.
  if (!total.label.empty() && !part.label.empty() && contains(total.label.back(), "本年") &&
      contains(part.label.back(), "上年"))
    return false;
  if (total.label.size() <= 1) return true;
  if (part.label.size() < total.label.size()) return false;
  return std::equal(total.label.begin(), total.label.end() - 1, part.label.begin());
}

// ---- figures in tables -------------------------------------------------------

Ref total_ref(Structures& s, const Table& table, const Row& row, std::string key) {
  const Hierarchy& h = s.of(table, row.side);
  int n = std::max(h.roundings(static_cast<std::size_t>(&row - table.rows.data()), key),
                   has_value(row, key) ? 1 : 0);
  return {&table, &row, std::move(key), n, h.half_unit()};
}

Ref line_ref(const Table& table, const Row& row, std::string key) {
  int n = has_value(row, key) ? 1 : 0;
  return {&table, &row, std::move(key), n, half_unit(table)};
}

Figure figure_of(const Ref& ref) {
  return {value_or_zero(*ref.row, ref.key), ref.half_unit, ref.roundings};
}

std::string where_of(const Ref& ref) { return where(*ref.table, *ref.row, ref.key); }

void relate(std::vector<CheckResult>& out, std::string_view rule, const Ref& printed,
            const std::vector<Ref>& parts, std::string message) {
  bool any = has_value(*printed.row, printed.key);
  std::string w = where_of(printed) + " vs ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    any |= has_value(*parts[i].row, parts[i].key);
    w += (i ? " + " : "") + where_of(parts[i]);
  }
  if (!any) return;
  Comparison c{std::string(rule), w, page_of(*printed.table, *printed.row), {}, figure_of(printed),
               std::move(message)};
  for (const Ref& p : parts) c.parts.push_back(figure_of(p));
  out.push_back(judge(c));
}

SummaryLines summary_lines(const Table& table, std::string_view side) {
  SummaryLines s;
  // Lists are printed line by line side by side: one list misread, the
  // other may be too.
  for (const std::string& list : sides(table))
    if (!is_readable_list(table, list)) return s;
  std::vector<const Row*> carryover;
  for (std::size_t i : rows_on_side(table, side)) {
    const Row& row = table.rows[i];
    if (is_total_row(row) && row.values.empty())
      continue;  // a total printing nothing states nothing
    if (is_total_row(row)) {
      if (!s.first_total) s.first_total = &row;
      s.grand_total = &row;
    } else if (!s.first_total) {
      (is_breakdown(table, row) ? s.details : s.items).push_back(&row);
    } else if (!is_breakdown(table, row) && source_key(row.name) == "carryover") {
      carryover.push_back(&row);
    }
  }
  if (carryover.size() == 1) s.carryover = carryover[0];
  return s;
}

int printed_count(const std::vector<const Row*>& rows, const std::string& key) {
  return static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [&](const Row* r) { return has_value(*r, key); }));
}

// ---- 三公 categories ---------------------------------------------------------

Part part_named(std::string_view raw) {
  std::string name = normalize_name(raw);
  if (is_total_name(name)) return Part::kTotal;
  bool purchase = contains(name, "购置"), operation = contains(name, "运行");
  if (purchase && operation) return Part::kVehicles;
  if (purchase) return Part::kPurchase;
  if (operation) return Part::kOperation;
  if (contains(name, "出国")) return Part::kAbroad;
  if (contains(name, "接待")) return Part::kReception;
  if (contains(name, "会议")) return Part::kMeetings;
  if (contains(name, "培训")) return Part::kTraining;
  return Part::kNone;
}

namespace {

std::vector<std::string> fragments(std::string_view key) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    std::size_t dot = key.find('.', start);
    out.emplace_back(key.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

bool is_measure(std::string_view fragment) {
  return fragment == "final" || fragment == "initial_budget" || fragment == "adjusted_budget";
}

}  // namespace

std::pair<Part, std::string> part_keyed(const Table& table, std::string_view key) {
  bool measured = std::any_of(table.columns.begin(), table.columns.end(),
                              [](const Column& c) { return is_measure(fragments(c.key).back()); });
  std::vector<std::string> path = fragments(key);
  std::string measure;
  if (measured) {
    measure = path.back();
    path.pop_back();
  } else if (path.size() == 1 && path[0] == "total") {
    return {Part::kTotal, ""};
  } else if (path.size() > 1 && path.back() == "total") {
    path.pop_back();  // 小计 of a group
  }
  if (path.empty()) return {measured ? Part::kTotal : Part::kNone, measure};
  static const std::pair<std::string_view, Part> kKeys[] = {{"vehicle_purchase", Part::kPurchase},
                                                            {"vehicle_operation", Part::kOperation},
                                                            {"abroad", Part::kAbroad},
                                                            {"reception", Part::kReception},
                                                            {"meetings", Part::kMeetings},
                                                            {"training", Part::kTraining}};
  Part part = path.back() == "vehicles" ? Part::kVehicles : Part::kNone;
  for (const auto& [word, p] : kKeys)
    if (path.back() == word) part = p;
  // Only the category under 公务用车 may have a group in front of it.
  bool grouped = path.size() == 1 || (path.size() == 2 && path[0] == "vehicles" &&
                                      (part == Part::kPurchase || part == Part::kOperation));
  return {grouped ? part : Part::kNone, measure};
}

std::optional<Ref> operating_expenses_figure(Structures& s, const Document& doc,
                                             std::string_view suffix) {
  if (const Table* t = unique_table(doc, "operating_expenses" + std::string(suffix))) {
    const Row* row = total_row(*t, "");
    if (!row && t->rows.size() == 1) row = &t->rows[0];
    if (!row) return std::nullopt;
    if (column(*t, "", "general_public")) return total_ref(s, *t, *row, "general_public");
    for (const char* other : {"government_fund", "state_capital"})
      if (value_or_zero(*row, other) != Amount{}) return std::nullopt;
    for (const char* key : {"total", "operating_expenses"})
      if (column(*t, "", key)) return total_ref(s, *t, *row, key);
    return std::nullopt;
  }
  if (const Table* t = unique_table(doc, "three_public" + std::string(suffix))) {
    const Column* c = column(*t, "", "operating_expenses");
    if (!c) return std::nullopt;
    const Row* found = nullptr;
    for (const Row& row : t->rows) {
      if (!has_value(row, c->key)) continue;
      if (found) return std::nullopt;
      found = &row;
    }
    if (found) return line_ref(*t, *found, c->key);
  }
  return std::nullopt;
}

// ---- document --------------------------------------------------------------

bool has_carryover(const Document& doc) {
  for (const Table& t : doc.tables) {
    std::string kind = base_kind(t.kind);
    bool summary = kind == "budget_summary" || kind == "appropriation_summary";
    for (const Row& row : t.rows) {
      for (const auto& kv : row.values) {
        if (kv.second == Amount{}) continue;
        if (kind == "project_expenditure_carryover" || kv.first == "carryover") return true;
        if (summary && row.side == "income" && !is_total_row(row) && contains(row.name, "结转"))
          return true;
      }
    }
  }
  return false;
}

bool excludes_carryover(const Table& table) {
  return contains(normalize_name(table.title), "不含上年结转");
}

std::string source_key(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kSources[] = {
      {"结转", "carryover"},
      {"一般公共预算", "general_public"},
      {"政府性基金", "government_fund"},
      {"国有资本经营", "state_capital"},
      {"财政专户", "special_account"},
      {"单位资金", "unit_funds"},
      {"经营收入", "operating_income"},
      {"事业收入", "business_income"},
      {"上级补助", "superior_subsidy"},
      {"附属单位上缴", "affiliated_income"},
      {"其他收入", "other_income"},
      {"财政拨款", "appropriation"},
  };
  // 结转下年 / 年末结转 is what is carried on, not what came in.
  bool carried_on = contains(name, "下年") || contains(name, "年末") || contains(name, "年终");
  for (const auto& [word, key] : kSources)
    if (contains(name, word) && !(key == "carryover" && carried_on)) return std::string(key);
  return {};
}

}  // namespace budget::checks::detail
