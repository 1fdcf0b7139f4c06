// cli/disclosure.h — one input file to its finished Document: recognition
// (extract/), then the arithmetic checks on the result (checks/).
//
//   budget::Document doc = budget::cli::read_disclosure("doc.pdf");
//   // doc.tables, …, doc.checks filled; doc.warnings also says which tables
//   // were probably misread (their sums set aside, see checks/RULES.md)
//
// It sits above both libraries so that extract/ needs nothing from checks/.
// Throws budget::Error for input it cannot use.
#pragma once

#include <string>

#include "core/document.h"

namespace budget::cli {

Document read_disclosure(const std::string& path);

}  // namespace budget::cli
