#include "batch/records.h"

#include "core/error.h"

namespace budget::batch {
namespace {

Value int_or_null(const std::optional<int>& v) {
  if (!v) return std::monostate{};
  return std::int64_t{*v};
}

Value text_or_null(const std::optional<std::string>& v) {
  if (!v) return std::monostate{};
  return *v;
}

Value text_or_null(const std::string& v) {
  if (v.empty()) return std::monostate{};
  return v;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string join_pages(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size(); ++i) out += (i ? "," : "") + std::to_string(pages[i]);
  return out;
}

using Int = std::int64_t;

void add_table(std::vector<Record>& out, Int doc, Int t, const Table& table) {
  out.push_back({"tables",
                 {doc, t, table.kind, int_or_null(table.ordinal), table.title, table.entity,
                  table.unit, int_or_null(table.page), join_pages(table.pages),
                  Int{table.no_data}}});
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const Column& col = table.columns[c];
    out.push_back({"columns", {doc, t, Int(c), col.key, join(col.label, "/"), text_or_null(col.side)}});
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    out.push_back({"rows",
                   {doc, t, Int(r), text_or_null(row.code), row.name, text_or_null(row.ordinal),
                    Int{row.level}, text_or_null(row.side), int_or_null(row.page)}});
    for (const auto& [key, amount] : row.values)
      out.push_back({"cells", {doc, t, Int(r), table.kind, text_or_null(row.code), row.name, key,
                               amount_value(amount)}});
  }
}

void add_project(std::vector<Record>& out, Int doc, Int p, const Project& project) {
  out.push_back({"projects",
                 {doc, p, project.form, project.name, int_or_null(project.page),
                  project.department, project.implementing_unit, project.category, project.period,
                  amount_value(project.funds_annual.total), amount_value(project.funds_period.total),
                  project.goal_annual, project.goal_period}});
  for (std::size_t i = 0; i < project.indicators.size(); ++i) {
    const Indicator& ind = project.indicators[i];
    out.push_back({"indicators",
                   {doc, p, Int(i), ind.scope, ind.level1, ind.level2, ind.name, ind.value,
                    ind.target.op, amount_value(ind.target.number), ind.target.unit}});
  }
}

}  // namespace

std::int64_t doc_id_of(const std::string& sha256) {
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw Error("input.sha256", "not a lowercase hex sha256: " + sha256);
  return static_cast<std::int64_t>(std::stoull(sha256.substr(0, 16), nullptr, 16));
}

Value amount_value(const Amount& a) {
  Amount n = a.normalized();
  if (n.scale == 0) return n.units;
  return n.to_string();
}

Value amount_value(const std::optional<Amount>& a) {
  if (!a) return std::monostate{};
  return amount_value(*a);
}

Ingested to_records(const Document& doc, std::int64_t doc_id) {
  Ingested in;
  const DocumentInfo& d = doc.document;
  in.info = {text_or_null(doc.source.format), text_or_null(d.title), text_or_null(d.entity),
             int_or_null(d.fiscal_year), text_or_null(d.kind), text_or_null(d.scope),
             int_or_null(doc.source.pages)};
  for (std::size_t t = 0; t < doc.tables.size(); ++t) add_table(in.rows, doc_id, Int(t), doc.tables[t]);
  // The department's overall targets share the projects' shape; their `form`
  // ("overall_performance") tells them apart.
  Int p = 0;
  for (const auto& project : doc.projects) add_project(in.rows, doc_id, p++, project);
  for (const auto& project : doc.overall_performance) add_project(in.rows, doc_id, p++, project);
  for (std::size_t i = 0; i < doc.facts.size(); ++i) {
    const Fact& f = doc.facts[i];
    in.rows.push_back({"facts",
                       {doc_id, Int(i), int_or_null(f.page), join(f.section, " > "), f.subject,
                        amount_value(f.value), f.unit, amount_value(f.change),
                        amount_value(f.change_pct), amount_value(f.share_pct), f.text}});
  }
  for (std::size_t i = 0; i < doc.checks.size(); ++i) {
    const CheckResult& c = doc.checks[i];
    in.rows.push_back({"checks",
                       {doc_id, Int(i), c.rule, c.status, c.where, amount_value(c.expected),
                        amount_value(c.actual), amount_value(c.difference),
                        amount_value(c.tolerance), int_or_null(c.page), c.message}});
  }
  for (std::size_t i = 0; i < doc.warnings.size(); ++i) {
    const Warning& w = doc.warnings[i];
    in.rows.push_back({"warnings", {doc_id, Int(i), w.code, int_or_null(w.page), w.message}});
  }
  return in;
}

}  // namespace budget::batch
