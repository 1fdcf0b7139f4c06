// core/line_items.h — the tidy export: one record per table cell with a value.
//
// Columns, in this order (contract "Line items"):
//   doc, entity, fiscal_year, doc_kind, table_kind, table_ordinal, side,
//   row_code, row_name, row_ordinal, column, column_label, value,
//   unit_printed, page
// `doc` is the first 12 hex digits of source.sha256; `value` is in 元;
// `column_label` is the label path joined with '/'.
#pragma once

#include <string>

#include "core/document.h"

namespace budget {

// CSV (RFC 4180 quoting, '\n' line ends) with a header line.
std::string to_items_csv(const Document& doc);
// JSON Lines: one object per record, keys as the CSV header.
std::string to_items_jsonl(const Document& doc);

}  // namespace budget
