#include "checks/checks.h"

#include "checks/severity.h"

namespace budget::checks {

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      {"code_children_sum", code_children_sum},
      {"econ_children_sum", econ_children_sum},
      {"total_row_sum", total_row_sum},
      {"columns_sum", columns_sum},
      {"summary_balance", summary_balance},
      {"three_public_parts", three_public_parts},
      {"cross_table", cross_table},
      {"operating_expenses_match", operating_expenses_match},
      {"project_table_total", project_table_total},
      {"project_funds_match", project_funds_match},
      {"fact_matches_table", fact_matches_table},
      {"completeness", completeness},
  };
  return kRules;
}

std::vector<CheckResult> run_checks(const Document& doc) {
  std::vector<CheckResult> out;
  for (const Rule& rule : rules()) {
    std::vector<CheckResult> results = rule.run(doc);
    out.insert(out.end(), std::make_move_iterator(results.begin()),
               std::make_move_iterator(results.end()));
  }
  assign_severities(out);
  return out;
}

}  // namespace budget::checks
