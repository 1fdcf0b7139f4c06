#include "core/line_items.h"

#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document_json.h"

namespace budget {
namespace {

constexpr size_t kDocIdLength = 12;  // hex digits of sha256 in `doc`

// One exported cell.  Optional members are empty CSV fields / JSON null.
struct LineItem {
  std::string doc, entity;
  std::optional<int> fiscal_year;
  std::string doc_kind, table_kind;
  std::optional<int> table_ordinal;
  std::string side;
  std::optional<std::string> row_code;
  std::string row_name;
  std::optional<std::string> row_ordinal;
  std::string column, column_label;
  Amount value;
  std::string unit_printed;
  std::optional<int> page;
};

constexpr const char* kHeader[] = {"doc",        "entity",        "fiscal_year", "doc_kind",
                                   "table_kind", "table_ordinal", "side",        "row_code",
                                   "row_name",   "row_ordinal",   "column",      "column_label",
                                   "value",      "unit_printed",  "page"};

std::string join_label(const std::vector<std::string>& label) {
  std::string out;
  for (size_t i = 0; i < label.size(); ++i) out += (i ? "/" : "") + label[i];
  return out;
}

// The column a row's value came from: same key, and same side when the table
// prints several item lists side by side.
const Column* find_column(const Table& t, const std::string& key, const std::string& side) {
  const Column* any = nullptr;
  for (const Column& c : t.columns) {
    if (c.key != key) continue;
    if (c.side == side) return &c;
    if (!any) any = &c;
  }
  return any;
}

std::vector<LineItem> collect(const Document& doc) {
  std::vector<LineItem> items;
  std::string doc_id = doc.source.sha256.substr(0, kDocIdLength);
  for (const Table& t : doc.tables) {
    for (const Row& r : t.rows) {
      for (const auto& [key, value] : r.values) {
        const Column* column = find_column(t, key, r.side);
        items.push_back(LineItem{
            doc_id, t.entity.empty() ? doc.document.entity : t.entity, doc.document.fiscal_year,
            doc.document.kind, t.kind, t.ordinal, r.side, r.code, r.name, r.ordinal, key,
            column ? join_label(column->label) : "", value, t.unit, r.page ? r.page : t.page});
      }
    }
  }
  return items;
}


std::string csv_int(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::string json_int(const std::optional<int>& v) { return v ? std::to_string(*v) : "null"; }

std::string json_text(const std::optional<std::string>& v) { return v ? json_quote(*v) : "null"; }

// Fields of one record, in header order, already formatted.
std::vector<std::string> csv_fields(const LineItem& x) {
  return {csv_field(x.doc),        csv_field(x.entity),
          csv_int(x.fiscal_year),  csv_field(x.doc_kind),
          csv_field(x.table_kind), csv_int(x.table_ordinal),
          csv_field(x.side),       csv_field(x.row_code.value_or("")),
          csv_field(x.row_name),   csv_field(x.row_ordinal.value_or("")),
          csv_field(x.column),     csv_field(x.column_label),
          x.value.to_string(),     csv_field(x.unit_printed),
          csv_int(x.page)};
}

std::vector<std::string> json_fields(const LineItem& x) {
  return {json_quote(x.doc),
          json_quote(x.entity),
          json_int(x.fiscal_year),
          json_quote(x.doc_kind),
          json_quote(x.table_kind),
          json_int(x.table_ordinal),
          x.side.empty() ? "null" : json_quote(x.side),
          json_text(x.row_code),
          json_quote(x.row_name),
          json_text(x.row_ordinal),
          json_quote(x.column),
          json_quote(x.column_label),
          x.value.to_string(),
          json_quote(x.unit_printed),
          json_int(x.page)};
}

}  // namespace

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string to_items_csv(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < std::size(kHeader); ++i) out += (i ? "," : "") + std::string(kHeader[i]);
  out += '\n';
  for (const LineItem& item : collect(doc)) {
    std::vector<std::string> fields = csv_fields(item);
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
    out += '\n';
  }
  return out;
}

std::string to_items_jsonl(const Document& doc) {
  std::string out;
  for (const LineItem& item : collect(doc)) {
    std::vector<std::string> fields = json_fields(item);
    out += '{';
    for (size_t i = 0; i < fields.size(); ++i)
      out += (i ? "," : "") + json_quote(kHeader[i]) + ":" + fields[i];
    out += "}\n";
  }
  return out;
}

}  // namespace budget
