// batch/records.h — one extracted Document as the rows the batch database
// stores (the tables of batch/schema.h), in the order of the document's JSON.
//
//   Ingested in = to_records(doc, doc_id_of(doc.source.sha256));
//   in.info   -> {format, title, entity, year, kind, scope, pages}
//   in.rows   -> {"tables", {doc_id, 0, "income_expenditure_total", …}}, {"cells", …}, …
//
// Money: amount_value(Amount{22332200, 0}) -> int64 22332200;
//        amount_value(Amount{123450, 2})   -> text "1234.5"  (exact, never a float).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/sqlite.h"
#include "core/document.h"

namespace budget::batch {

struct Record {
  std::string table;          // a table of batch/schema.h
  std::vector<Value> values;  // in the table's column order
};

struct Ingested {
  // The extracted identity, the documents columns format … pages.
  std::vector<Value> info;
  // Every row of the tables tables … warnings, parents before children.
  std::vector<Record> rows;
};

// The document key: the first 64 bits of the sha256 (lowercase hex), as a
// signed integer.  Throws budget::Error for anything but 64 hex digits.
std::int64_t doc_id_of(const std::string& sha256);

Value amount_value(const Amount& a);
Value amount_value(const std::optional<Amount>& a);

Ingested to_records(const Document& doc, std::int64_t doc_id);

}  // namespace budget::batch
