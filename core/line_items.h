// core/line_items.h — the tidy export: one record per table cell with a value.
//
// Columns, in this order (contract "Line items"):
//   doc, entity, fiscal_year, doc_kind, table_kind, table_ordinal, side,
//   row_code, row_name, row_ordinal, column, column_label, value,
//   unit_printed, page
// `doc` is the first 12 hex digits of source.sha256; `value` is in 元;
// `column_label` is the label path joined with '/'; `entity` is the table's,
// else the document's; `page` is the row's, else the table's.  Absent values
// (no code, no ordinal, one-list tables' side) are empty CSV fields and JSON
// null.  Records follow table, row and column order.
//   doc,entity,…,column,column_label,value,unit_printed,page
//   3f2a…,大同市应急管理局,…,total,2025年预算数/合计,3759900,万元,7
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace budget {

// CSV (RFC 4180 quoting, '\n' line ends) with a header line.
std::string to_items_csv(const Document& doc);

// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote
// or a line break ("a,b" -> "\"a,b\"").
std::string csv_field(std::string_view s);
// JSON Lines: one object per record, keys as the CSV header.
std::string to_items_jsonl(const Document& doc);

}  // namespace budget
