// checks/report.h — the checks of one document as a plain-text report for a
// reviewer (`budgetx check FILE…`).
//
//   std::cout << budget::checks::format_report(doc, doc.checks, true);
//   // FAIL project_funds_match
//   //   where:      2025年项目支出预算表（本年预算） / XM行政事业单位遗属补助经费 / total
//   //   page:       16
//   //   message:    missing performance table (项目支出绩效目标表)
//   // …
//   // 1234 checks, 1232 passed, 2 failed
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace budget::checks {

// Every failure in full: rule, table and row, page, the printed and the
// expected value and their difference, in the table's printed unit and in 元.
// Then the notes (severity note: two printings of one figure differ within
// the rounding), one line each, and unless `failures_only` every other pass
// that differs within the rounding tolerance.  Last a summary line
// "N checks, N passed, N failed, N notes".  Last a summary line "N checks, N passed, N failed".
std::string format_report(const Document& doc, const std::vector<CheckResult>& results,
                          bool failures_only);

}  // namespace budget::checks
