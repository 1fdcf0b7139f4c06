// checks/severity.h — how much a check result matters to a reviewer.
//
//   error  the difference is beyond the rounding of the printed figures
//          (every failed check);
//   note   a pass within the rounding, but two printings of the *same*
//          figure print differently (236.63 万元 in one table, 2366.4 千元 in
//          another): not a mistake in arithmetic, still worth a look.  judge()
//          (checks/detail.h) marks these, as only it knows each figure's
//          printed precision;
//   ""     nothing to see (JSON null).
//
//   assign_severities(results);   // {status "fail"} -> severity "error"
#pragma once

#include <vector>

#include "core/document.h"

namespace budget::checks {

// Sets severity "error" on every failed result; notes are kept, the rest "".
void assign_severities(std::vector<CheckResult>& results);

}  // namespace budget::checks
