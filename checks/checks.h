// checks/checks.h — the arithmetic of a disclosure, audited on the extracted
// Document.
//
// Every rule compares figures the document prints more than once: a total and
// its parts (a parent code and its children, 合计 and its rows, 合计 and its
// component columns), one figure in two tables, a figure in the prose and the
// same figure in a table.  Each comparison becomes one CheckResult:
//
//   std::vector<CheckResult> r = budget::checks::run_checks(doc);
//   // {rule: "code_children_sum", status: "pass",
//   //  where: "2025年预算支出总表 / 208 社会保障和就业支出 / total",
//   //  expected: 3759900, actual: 3759900, difference: 0, tolerance: 100}
//
// A rule never cries wolf: it compares only what the document prints with the
// same meaning, and a difference within the rounding of the printed figures
// is a pass (with the difference shown).  The tolerance comes from the printed
// precision: n figures each rounded to half a unit of the last printed digit
// (0.01 万元 → 50 元) may add up to n × that; amounts printed in 元 with cents
// must match exactly.  The rules, what each compares and its tolerance are
// listed in checks/RULES.md.
#pragma once

#include <vector>

#include "core/document.h"

namespace budget::checks {

// One named rule: all its comparisons over a document, in document order.
using RuleFn = std::vector<CheckResult> (*)(const Document&);
struct Rule {
  const char* name;
  RuleFn run;
};

// The rules in the order run_checks applies them (the list of checks/RULES.md).
const std::vector<Rule>& rules();

// Every rule over `doc`; the results of rule after rule.
std::vector<CheckResult> run_checks(const Document& doc);

// A table whose checks (its own sums, and comparisons of its figures with
// other tables, the projects and the prose) fail more than three times, in at
// least a tenth of them, was misread: one misprinted figure fails at most
// three.  Removes the failures that speak of such a table from `results` and
// returns one `suspect_reading` warning per table.
std::vector<Warning> set_aside_misread_tables(const Document& doc, std::vector<CheckResult>& results);

// run_checks, then set_aside_misread_tables: fills doc.checks and adds the
// warnings to doc.warnings.
void check_document(Document& doc);

// The rules one by one (each documented in checks/RULES.md).
std::vector<CheckResult> code_children_sum(const Document& doc);
std::vector<CheckResult> econ_children_sum(const Document& doc);
std::vector<CheckResult> total_row_sum(const Document& doc);
std::vector<CheckResult> columns_sum(const Document& doc);
std::vector<CheckResult> summary_balance(const Document& doc);
std::vector<CheckResult> three_public_parts(const Document& doc);
std::vector<CheckResult> cross_table(const Document& doc);
std::vector<CheckResult> operating_expenses_match(const Document& doc);
std::vector<CheckResult> project_table_total(const Document& doc);
std::vector<CheckResult> project_funds_match(const Document& doc);
std::vector<CheckResult> fact_matches_table(const Document& doc);
std::vector<CheckResult> completeness(const Document& doc);

}  // namespace budget::checks
