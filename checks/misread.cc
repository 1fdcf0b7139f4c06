// A table whose checks fail more often than a misprinted figure explains was
// misread, most likely by us: its failures are set aside with one warning.
#include <algorithm>

#include "checks/checks.h"

namespace budget::checks {
namespace {

// One wrong figure fails at most three of its table's sums (its parent, its
// row's total column, its list's total) and the one or two comparisons of
// that figure with other tables and the prose.  More than that, in at least
// this share of the checks speaking of the table, is a misreading.
constexpr int kFailuresOneFigureExplains = 3;
constexpr int kMisreadSharePercent = 10;

// The rules that compare a table with itself (parents, totals, columns, the
// two sides of a summary, the 三公 categories).
bool is_own_sum(const std::string& rule) {
  return rule == "code_children_sum" || rule == "econ_children_sum" || rule == "total_row_sum" ||
         rule == "columns_sum" || rule == "summary_balance" || rule == "three_public_parts";
}

// True if `where` speaks of the table titled `title` ("T / row / key", or
// "… vs T / row / key").
bool speaks_of(const std::string& where, const std::string& title) {
  if (title.empty()) return false;
  std::string needle = title + " / ";
  for (std::size_t at = where.find(needle); at != std::string::npos; at = where.find(needle, at + 1))
    if (at == 0 || where.compare(at >= 3 ? at - 3 : 0, 3, "vs ") == 0) return true;
  return false;
}

}  // namespace

std::vector<Warning> set_aside_misread_tables(const Document& doc, std::vector<CheckResult>& results) {
  std::vector<Warning> warnings;
  // A misread table also fails its comparisons with tables read right: the
  // worst one is set aside first (most failures of its own sums, then most
  // failures), and the others are counted again without its failures.
  for (;;) {
    const Table* worst = nullptr;
    int worst_own = -1, worst_failed = 0, worst_checks = 0;
    for (const Table& t : doc.tables) {
      int checks = 0, failed = 0, own = 0;
      for (const CheckResult& r : results)
        if (speaks_of(r.where, t.title)) {
          ++checks;
          if (r.status != "fail") continue;
          ++failed;
          own += is_own_sum(r.rule) && r.where.rfind(t.title + " / ", 0) == 0;
        }
      if (failed <= kFailuresOneFigureExplains || failed * 100 < checks * kMisreadSharePercent) continue;
      if (own > worst_own || (own == worst_own && failed > worst_failed))
        worst = &t, worst_own = own, worst_failed = failed, worst_checks = checks;
    }
    if (!worst) return warnings;
    warnings.push_back({"suspect_reading", worst->page,
                        "table '" + worst->title + "': " + std::to_string(worst_failed) + " of the " +
                            std::to_string(worst_checks) +
                            " checks on it fail, more than a misprinted figure explains; it was "
                            "probably misread, and these failures are not reported"});
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [&](const CheckResult& r) {
                                   return r.status == "fail" && speaks_of(r.where, worst->title);
                                 }),
                  results.end());
  }
}

void check_document(Document& doc) {
  std::vector<CheckResult> results = run_checks(doc);
  for (Warning& w : set_aside_misread_tables(doc, results)) doc.warnings.push_back(std::move(w));
  doc.checks = std::move(results);
}

}  // namespace budget::checks
