// diff/diff.h — two disclosures compared by meaning, not by layout.
//
//   Document a = load_document("2017.pdf"), b = load_document("2018.pdf");
//   Diff d = budget::diff::compare(a, b);
//   // d.cells[0]: expenditure_summary / 208 社会保障和就业支出 / total:
//   //             3759900 -> 4012000 (difference 252100, change 6.70 %)
//   // d.rows[0]:  moved, 2080505 -> 2080506 机关事业单位基本养老保险缴费支出
//
// Alignment (each step only among what the steps before left unmatched):
//  - tables by kind, a 预算 kind with its 决算 form (expenditure_summary with
//    expenditure_summary_final); several tables of one kind by title (years
//    and numbers ignored), then in order; `unknown` tables by title only;
//  - columns by item list (side) and key;
//  - rows list by list: same code and name; same name under the same parent
//    names (a changed code is a *move*); same code (a *rename*); a name
//    printed once in each list (a move when the codes differ);
//  - projects by name, their funds by scope and key, indicators by scope,
//    level1, level2 and name; prose facts by section path (heading numbers
//    and years ignored) and subject.
// Amounts are compared exactly: 1.50 and 1.5 are equal, a blank and 0 are
// not.  The result is deterministic: NEW's order, then what only OLD has.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace budget::diff {

// One document's side of an aligned table: which table, where.
struct TableRef {
  std::optional<int> index;  // position in Document::tables; absent on the side lacking it
  std::string kind, title, unit;
  std::optional<int> page;
};

struct RowRef {
  std::optional<int> index;  // position in Table::rows
  std::optional<std::string> code;
  std::string name;
  int level = 0;
  std::optional<int> page;
};

// One cell of a row present in both documents whose value differs, appears
// (old absent) or disappears (new absent).  Text columns (gov_econ_name …)
// change with `old_text`/`new_text` and no amounts.
struct CellChange {
  TableRef old_table, new_table;
  std::string side;
  RowRef old_row, new_row;
  std::string column;
  std::optional<Amount> old_value, new_value;
  std::optional<std::string> old_text, new_text;
};

// A row only one document has (its values are its cells), or a row both
// have under another code (moved) or another name (renamed).
struct RowChange {
  std::string type;  // "added" | "removed" | "moved" | "renamed"
  TableRef old_table, new_table;
  std::string side;
  RowRef old_row, new_row;
  OrderedMap<Amount> values;           // added: NEW's; removed: OLD's; else empty
  OrderedMap<std::string> text_fields; // the same for text columns
};

struct ColumnChange {
  std::string type;  // "added" | "removed"
  TableRef old_table, new_table;
  Column column;
};

struct TableChange {
  std::string type;  // "added" | "removed" (matched tables are in `tables` only)
  TableRef table;
  int rows = 0;
};

// A project only one document has.
struct ProjectChange {
  std::string type;  // "added" | "removed"
  std::string name;
  std::optional<int> page;
  std::optional<Amount> annual_total;
};

// A fund figure of a project both documents have: scope "period" | "annual",
// key total, central, …
struct FundChange {
  std::string project;
  std::optional<int> old_page, new_page;
  std::string scope, key;
  std::optional<Amount> old_value, new_value;
};

struct IndicatorChange {
  std::string type;  // "added" | "removed" | "changed"
  std::string project;
  std::string scope, level1, level2, name;
  std::optional<std::string> old_value, new_value;
};

// A prose figure whose value, change or share differs, or that only one
// document states.
struct FactChange {
  std::string type;  // "added" | "removed" | "changed"
  std::vector<std::string> section;  // NEW's path (OLD's when removed)
  std::string subject;
  std::optional<int> old_page, new_page;
  std::string unit;
  std::optional<Amount> old_value, new_value;
  std::optional<Amount> old_change, new_change;
  std::optional<Amount> old_change_pct, new_change_pct;
  std::optional<Amount> old_share_pct, new_share_pct;
  std::string text;  // the sentence (NEW's, or OLD's when removed)
};

// A headline total in both documents (absent where a document lacks it).
struct Headline {
  std::string key;    // income_total | expenditure_total | basic | project | three_public
  std::string label;  // 收入总计 | 支出总计 | 基本支出 | 项目支出 | 三公经费
  std::optional<Amount> old_value, new_value;
};

// NEW's prose states a change against the year before ("比上年增加 844.15
// 万元，增长 6.59%"); OLD (that year's document) prints the figure itself.
struct ProseCheck {
  std::string status;  // "pass" | "fail"
  std::vector<std::string> section;
  std::string subject;
  std::optional<int> page;           // in NEW
  std::string text;
  std::string old_where;             // the figure in OLD: table / row / column, or a prose subject
  Amount new_value, old_value;
  std::optional<Amount> stated_change, expected_change, change_difference, change_tolerance;
  std::optional<Amount> stated_pct, expected_pct, pct_difference, pct_tolerance;
  std::string message;
};

struct DocSummary {
  std::string file, sha256, format;
  std::string title, entity, kind, scope;
  std::optional<int> fiscal_year;
};

struct Diff {
  DocSummary old_doc, new_doc;
  std::vector<Headline> headline;
  std::vector<std::pair<TableRef, TableRef>> tables;  // matched, in NEW's order
  std::vector<TableChange> table_changes;
  std::vector<ColumnChange> columns;
  std::vector<RowChange> rows;
  std::vector<CellChange> cells;
  std::vector<ProjectChange> projects;
  std::vector<FundChange> funds;
  std::vector<IndicatorChange> indicators;
  std::vector<FactChange> facts;
  std::vector<ProseCheck> prose_checks;
  std::optional<Amount> min_change;  // the filter applied, in 元

  // No change of any kind (prose checks and headline are not changes).
  bool empty() const;
};

struct Options {
  // Hide cell, fund and fact changes smaller than this (in 元): by |new − old|,
  // or by the value itself when one side is blank.
  std::optional<Amount> min_change;
};

Diff compare(const Document& old_doc, const Document& new_doc, const Options& options = {});

// The alignment compare() reports on.  For each table of `b`, the index of
// the table of `a` it matches, or -1.
std::vector<int> match_tables(const Document& a, const Document& b);
// For each row of `b`, the index of the row of `a` it matches, or -1.
std::vector<int> match_rows(const Table& a, const Table& b);

// new − old when both are present.
std::optional<Amount> difference(const std::optional<Amount>& old_value,
                                 const std::optional<Amount>& new_value);
// (new − old) / |old| × 100 rounded half away from zero to two decimals,
// exactly; absent when either is absent or old is 0.
std::optional<Amount> change_pct(const std::optional<Amount>& old_value,
                                 const std::optional<Amount>& new_value);
// The size of a change for sorting and --min-change: |new − old|, or the
// present value's magnitude when one side is absent.
Amount magnitude(const std::optional<Amount>& old_value, const std::optional<Amount>& new_value);

}  // namespace budget::diff
