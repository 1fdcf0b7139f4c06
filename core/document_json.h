// core/document_json.h — the Document as the contract's JSON.
//
// Deterministic: keys in the contract's order, amounts as exact decimal
// literals (Amount::to_string, never via double), no timestamps, UTF-8 kept
// as is (not \u-escaped), 2-space indentation, a final newline.
//   to_json(doc) -> "{\n  \"schema\": \"budget-disclosure/1\",\n  \"source\": {…}, …}\n"
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace budget {

std::string to_json(const Document& doc);

// `s` as a JSON string literal with its quotes: '"', '\\' and control
// characters escaped (\n, \t, … or \u00XX), other UTF-8 kept as is, invalid
// UTF-8 bytes replaced by U+FFFD so the output always parses.
//   json_quote("a\"b\n中") -> "\"a\\\"b\\n中\""
std::string json_quote(std::string_view s);

}  // namespace budget
