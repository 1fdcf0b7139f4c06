// checks/detail.h — what the rule files share: the rounding tolerance of
// printed figures, one comparison turned into a CheckResult, table and row
// look-ups, and the parent/child structure of a table.  Not part of the
// public surface (checks/checks.h is).
//
//   half_unit({Amount{3759900}, Amount{3484900}, Amount{275000}}, 4)
//       -> Amount{50}        (a 万元 table printed to 0.01 万元: half of 100 元)
//   judge({"columns_sum", where, page, {{Amount{16034100}, Amount{50}, 1},
//          {Amount{6298000}, Amount{50}, 1}}, {Amount{22332200}, Amount{50}, 1}, ""})
//       -> pass, difference 100, tolerance 100
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace budget::checks::detail {

// ---- rounding ------------------------------------------------------------

// The exponent of a printed unit in 元: 元 0, 千元 3, 万元 4, 亿元 8; an
// unknown unit counts as 万元 (the coarsest usual one, so never too strict).
int unit_exponent(std::string_view unit);

// Half a unit of the last printed digit, in 元, of figures printed with at
// most `max_exponent` (10^max_exponent 元 = one printed unit): the largest
// power of ten up to that unit dividing every non-zero figure, halved.  0 when
// a figure has a fraction of a 元 (amounts printed with cents are exact) or
// there is no non-zero figure.
Amount half_unit(const std::vector<Amount>& printed, int max_exponent);
// The same over every amount of a table, capped at the table's unit.
Amount half_unit(const Table& table);

// A printed figure in a comparison: `roundings` is how many rounded printed
// amounts it may stand for (a leaf: 1; a parent that may be the sum of its
// printed leaves: their number; a blank: 0).
struct Figure {
  Amount value;
  Amount half_unit;
  int roundings = 1;
};

// The largest honest difference between the two sides of a comparison of
// `figures`: with one precision h, (n - 1) × h for n roundings in all (two
// roundings of one value agree exactly; a total and its n parts may differ
// by n × h); with mixed precisions, the sum of roundings × h.
Amount tolerance(const std::vector<Figure>& figures);

// One comparison: the printed figure against the sum of `parts`.
struct Comparison {
  std::string rule;
  std::string where;
  std::optional<int> page;
  std::vector<Figure> parts;
  Figure printed;
  std::string message;  // for a failure; a default is written when empty
};

// pass when |printed − Σ parts| ≤ tolerance; expected = Σ parts,
// actual = printed, difference = actual − expected.
CheckResult judge(const Comparison& c);
// A result without figures (a missing table, a missing performance table).
CheckResult finding(std::string rule, std::string status, std::string where,
                    std::optional<int> page, std::string message);

// ---- text ------------------------------------------------------------------

// Names compared across tables: spaces (ASCII and U+3000) removed, full-width
// ASCII folded to half-width, so "因公出国（境）费" == "因公出国(境)费".
std::string normalize_name(std::string_view name);
bool contains(std::string_view text, std::string_view word);
// 合计, 总计, 小计, 本年收入合计, 部门合计 … (a total row's name).
bool is_total_name(std::string_view name);
// A level-0 row named as a total.
bool is_total_row(const Row& row);
// A row printed without name or code but with amounts: a line the table
// reader could not place, so no sum that includes it is checked.
bool is_unplaced(const Row& row);

// ---- tables ----------------------------------------------------------------

// The table kind without the 决算 suffix: "expenditure_summary_final" ->
// "expenditure_summary".
std::string base_kind(std::string_view kind);
// The one table of `kind` that prints rows; nullptr when there is none, it is
// printed empty, or several tables share the kind (which one is meant would
// be a guess).
const Table* unique_table(const Document& doc, std::string_view kind);
// Whether any table of `kind` is printed (with data or empty).
bool has_table(const Document& doc, std::string_view kind);

// A 收支总表-like table: item lists side by side (income, expenditure …)
// without classification codes, whatever its recognised kind.
bool is_summary_like(const Table& table);
// Whether one list of a summary table can be read as items and totals: no
// unplaced line, and no item numbering repeated (一、 twice means two lists
// were read as one).
bool is_readable_list(const Table& table, std::string_view side);
// A line of a summary list that breaks down the line above rather than adding
// to the list: level ≥ 2, or numbered 1. / ① / 其中 in a list numbered 一、二、.
bool is_breakdown(const Table& table, const Row& row);

// The item lists of a table ("" when it has one), in order of appearance.
std::vector<std::string> sides(const Table& table);
// Indices of the rows of one list.
std::vector<std::size_t> rows_on_side(const Table& table, std::string_view side);
// The amount keys of one list: its columns in order, then any other key a
// row carries.
std::vector<std::string> amount_keys(const Table& table, std::string_view side);
// A blank cell counts as 0 where a sum needs it.
Amount value_or_zero(const Row& row, const std::string& key);
bool has_value(const Row& row, const std::string& key);
// "2025年预算支出总表 / 208 社会保障和就业支出 / total" (the list named when
// the table has several).
std::string where(const Table& table, const Row& row, std::string_view key);
std::optional<int> page_of(const Table& table, const Row& row);

// The column of a list with `key`; nullptr when it is not printed.
const Column* column(const Table& table, std::string_view side, std::string_view key);
// Whether `part` is printed under the same header group as `total` (a total
// under 本年收入 adds the columns under 本年收入, not 上年结转 beside it; nor
// does a total labelled 本年收入合计 printed flat beside 上年结转); a
// top-level total covers every other column.
bool in_group_of(const Column& total, const Column& part);

// The row of a list whose name (normalised) is `name`; nullptr unless exactly one.
const Row* row_named(const Table& table, std::string_view side, std::string_view name);
// The grand total row of a list: its only level-0 total row; nullptr otherwise.
const Row* total_row(const Table& table, std::string_view side);

// ---- structure -----------------------------------------------------------

// The parent/child structure of one list of a table:
//  - a coded row's children are the rows coded one level deeper under it
//    (3 → 5 → 7 digits); when codes repeat (one block per unit), only the
//    rows following it that share its prefix;
//  - an uncoded row of level L ≥ 1 has the uncoded rows of level L+1 that
//    follow it, up to the next row of level ≤ L;
//  - the list's only total row (level 0, 合计/总计/小计) has every row of
//    the shallowest level below it;
//  - a row whose children include an unplaced line has none.
class Hierarchy {
 public:
  Hierarchy(const Table& table, std::string_view side);

  const Table& table() const { return *table_; }
  // Row indices into table().rows, in document order.
  const std::vector<std::size_t>& rows() const { return rows_; }
  const std::vector<std::size_t>& children(std::size_t row) const;
  // How many printed leaves under `row` carry a value in `key` (the row
  // itself if it has no children): the roundings its figure may stand for.
  int roundings(std::size_t row, const std::string& key) const;
  // The table's half unit (half_unit(table)).
  Amount half_unit() const { return half_unit_; }
  // The list's amount keys (amount_keys).
  const std::vector<std::string>& keys() const { return keys_; }
  // The row of the list coded `code`; nullptr unless exactly one.
  const Row* with_code(const std::string& code) const;

 private:
  const Table* table_;
  std::vector<std::size_t> rows_;
  std::vector<std::vector<std::size_t>> children_;  // indexed like table().rows
  Amount half_unit_;
  std::vector<std::string> keys_;
  std::map<std::string, std::size_t> by_code_;  // codes printed once
};

// The Hierarchy of each table list a rule looks at, built once.
class Structures {
 public:
  const Hierarchy& of(const Table& table, std::string_view side);

 private:
  std::map<std::pair<const Table*, std::string>, Hierarchy> built_;
};

// Compares `parent` with the sum of its children in every amount key either
// carries; the figures' roundings come from `h`.
void compare_with_children(const Hierarchy& h, std::size_t parent, std::string_view rule,
                           std::vector<CheckResult>& out);

// ---- figures in tables -------------------------------------------------------

// One printed figure: a cell of a table row, and how many roundings it may
// stand for.
struct Ref {
  const Table* table = nullptr;
  const Row* row = nullptr;
  std::string key;
  int roundings = 1;
  Amount half_unit;  // of the table
};
// A cell of a row that may total printed leaves (a code row, 合计): its
// roundings are the leaves under it with a value in `key`.
Ref total_ref(Structures& s, const Table& table, const Row& row, std::string key);
// A cell read as one printed line: 1 rounding (0 when blank).
Ref line_ref(const Table& table, const Row& row, std::string key);
Figure figure_of(const Ref& ref);
std::string where_of(const Ref& ref);
// Compares `printed` with the sum of `parts` (skipped when all are blank).
void relate(std::vector<CheckResult>& out, std::string_view rule, const Ref& printed,
            const std::vector<Ref>& parts, std::string message);

// The lines of one list of a summary table (收支总表 and its kind).
struct SummaryLines {
  std::vector<const Row*> items;     // the lines the first total adds up
  std::vector<const Row*> details;   // lines breaking those down (1. 一般公共预算资金)
  const Row* first_total = nullptr;  // 本年收入合计 / 本年支出合计
  const Row* grand_total = nullptr;  // 收入总计 / 支出总计 (the last total)
  const Row* carryover = nullptr;    // 上年结转 after the first total, if one
};
// Empty when the list is not readable (is_readable_list).
SummaryLines summary_lines(const Table& table, std::string_view side);
// How many of `rows` print a value in `key`.
int printed_count(const std::vector<const Row*>& rows, const std::string& key);

// ---- 三公 categories ---------------------------------------------------------

enum class Part {
  kNone,
  kTotal,
  kAbroad,
  kReception,
  kVehicles,
  kPurchase,
  kOperation,
  kMeetings,
  kTraining
};
// The category a row name names: 因公出国（境）费 -> kAbroad, 公务用车购置及运行费
// -> kVehicles, ①公务用车购置费 -> kPurchase, 合计 -> kTotal …
Part part_named(std::string_view name);
// A column key of a 三公 table read as (category, measure).  Where the table
// prints 预算数 and 决算数 under each category (a key ends in final …), the
// last fragment is the measure: "abroad.final" -> (kAbroad, "final"),
// "vehicles.total" -> (kVehicles, "total") (预算数), "final" -> (kTotal,
// "final").  Otherwise there is none: "total" -> (kTotal, ""),
// "vehicles.total" -> (kVehicles, "") (小计), "vehicles.vehicle_purchase" ->
// (kPurchase, "").
std::pair<Part, std::string> part_keyed(const Table& table, std::string_view key);

// 机关运行经费 as printed: the total of the operating_expenses table (its
// 一般公共预算 column when it has one), or the operating_expenses column of a
// 三公 table.  `suffix` is "" or "_final".
std::optional<Ref> operating_expenses_figure(Structures& s, const Document& doc,
                                             std::string_view suffix);

// ---- document --------------------------------------------------------------

// Whether the document carries money over from the year before (上年结转):
// a non-zero 上年结转 line in a summary table, carryover column or carryover
// project table.  Tables "不含上年结转" then differ from those that include it.
bool has_carryover(const Document& doc);
// Whether a table states that it excludes the carry-over (title says 不含上年结转).
bool excludes_carryover(const Table& table);

// The fund source an income line names (一般公共预算 → general_public,
// 单位资金 → unit_funds, 上年结转 → carryover …), or "" for none.
std::string source_key(std::string_view name);

}  // namespace budget::checks::detail
