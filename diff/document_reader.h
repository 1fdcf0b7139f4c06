// diff/document_reader.h — a budgetx JSON document (schema budget-disclosure/1)
// read back into the model, exactly: amounts keep every printed digit (the
// JSON literal 990111.50 becomes Amount{99011150, 2}, never a double).
//
//   Document d = budget::diff::read_document_json(text, "a.json");
//   d.tables[0].rows[0].values[0].second.to_string() -> "3759900"
//
// Reads what the diff compares: source, document, sections, tables,
// projects, overall_performance and facts.  checks, warnings, assets and
// glossary are not read.  Throws budget::Error ("input.json") for text that
// is not JSON or not a budgetx document.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace budget::diff {

Document read_document_json(std::string_view text, const std::string& name);

}  // namespace budget::diff
