// core/document_json.h — the Document as the contract's JSON.
//
// Deterministic: keys in the contract's order, amounts as exact decimal
// literals (Amount::to_string, never via double), no timestamps, UTF-8 kept
// as is (not \u-escaped), 2-space indentation, a final newline.
//   to_json(doc) -> "{\n  \"schema\": \"budget-disclosure/1\",\n  \"source\": {…}, …}\n"
#pragma once

#include <string>

#include "core/document.h"

namespace budget {

std::string to_json(const Document& doc);

}  // namespace budget
