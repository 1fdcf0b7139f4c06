#include "checks/severity.h"

namespace budget::checks {

void assign_severities(std::vector<CheckResult>& results) {
  for (CheckResult& r : results)
    if (r.status == "fail")
      r.severity = "error";
    else if (r.severity != "note")
      r.severity.clear();
}

}  // namespace budget::checks
