#include "batch/export.h"

#include <csv.h>

#include <cstdio>

#include "core/document_json.h"
#include "core/error.h"

namespace budget::batch {
namespace {

std::string real_text(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

std::string csv_quoted(const std::string& s) {
  std::string out(2 * s.size() + 2, '\0');  // csv_write's worst case: every byte a quote
  out.resize(csv_write(out.data(), out.size(), s.data(), s.size()));
  return out;
}

std::string csv_field(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* s = std::get_if<std::string>(&v)) return csv_quoted(*s);
  if (auto* d = std::get_if<double>(&v)) return real_text(*d);
  return "";
}

std::string json_value(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* s = std::get_if<std::string>(&v)) return json_quote(*s);
  if (auto* d = std::get_if<double>(&v)) return real_text(*d);
  return "null";
}

void require_table(Connection& db, const std::string& table) {
  Statement q(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
  q.bind(1, table);
  bool found = q.step();
  q.run();
  if (!found) throw Error("usage.table", "no table or view named \"" + table + "\" in " + db.path());
}

}  // namespace

void export_table(Connection& db, const std::string& table, ExportFormat format, bool bom,
                  std::ostream& out) {
  require_table(db, table);
  Statement q(db, "SELECT * FROM \"" + table + "\"");
  if (bom) out << "\xEF\xBB\xBF";
  std::vector<std::string> names;
  for (int i = 0; i < q.columns(); ++i) names.push_back(q.column_name(i));
  if (format == ExportFormat::kCsv) {
    std::string header;
    for (const auto& name : names) header += (header.empty() ? "" : ",") + name;
    out << header << "\n";
  }
  while (q.step()) {
    std::string line = format == ExportFormat::kCsv ? "" : "{";
    for (int i = 0; i < q.columns(); ++i) {
      if (format == ExportFormat::kCsv)
        line += (i ? "," : "") + csv_field(q.value(i));
      else
        line += (i ? "," : "") + json_quote(names[i]) + ":" + json_value(q.value(i));
    }
    out << line << (format == ExportFormat::kCsv ? "\n" : "}\n");
  }
}

}  // namespace budget::batch
