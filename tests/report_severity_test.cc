// Check severities: error for failures, note for two printings of one figure
// that print differently within the rounding, nothing otherwise.
#include "checks/severity.h"

#include <gtest/gtest.h>

#include "checks/detail.h"

namespace budget::checks {
namespace {

using detail::Comparison;
using detail::Figure;
using detail::judge;

struct Case {
  const char* what;
  std::vector<Figure> parts;
  Figure printed;
  const char* status;
  const char* severity;
};

TEST(report_severity_test, judge_and_assign) {
  const Case cases[] = {
      // 合计 236.63 万元 in one table, 236.64 in another, each a sum of 5 rounded leaves.
      {"one total printed twice, differently", {{Amount{2366400}, Amount{50}, 5}},
       {Amount{2366300}, Amount{50}, 5}, "pass", "note"},
      // 2366340 元 rounds to 236.63 万元: the same printing at the coarser precision.
      {"a finer printing that rounds to the coarser", {{Amount{2366340}, Amount{0}, 1}},
       {Amount{2366300}, Amount{50}, 5}, "pass", ""},
      {"a total and its parts within rounding",
       {{Amount{1000100}, Amount{50}, 1}, {Amount{1000000}, Amount{50}, 1}},
       {Amount{2000000}, Amount{50}, 3}, "pass", ""},
      {"equal", {{Amount{2366300}, Amount{50}, 5}}, {Amount{2366300}, Amount{50}, 5}, "pass", ""},
      {"beyond the rounding", {{Amount{2466300}, Amount{50}, 1}}, {Amount{2366300}, Amount{50}, 1},
       "fail", "error"},
  };
  for (const Case& c : cases) {
    std::vector<CheckResult> results = {
        judge(Comparison{"cross_table", "A / 合计 / total vs B / 合计 / total", 3, c.parts, c.printed, ""})};
    assign_severities(results);
    EXPECT_EQ(results[0].status, c.status) << c.what;
    EXPECT_EQ(results[0].severity, c.severity) << c.what;
  }
}

TEST(report_severity_test, findings_without_figures_are_errors) {
  std::vector<CheckResult> results = {
      detail::finding("completeness", "fail", "doc", 1, "missing table"),
      detail::finding("completeness", "pass", "doc", 1, "")};
  assign_severities(results);
  EXPECT_EQ(results[0].severity, "error");
  EXPECT_EQ(results[1].severity, "");
}

}  // namespace
}  // namespace budget::checks
