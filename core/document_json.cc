#include "core/document_json.h"

#include "core/json_writer.h"

#include <string_view>
#include <vector>

#include "core/version.h"

namespace budget {
namespace {

constexpr const char* kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at s[i], or 0.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80   ? 1
                  : lead < 0xC2 ? 0
                  : lead < 0xE0 ? 2
                  : lead < 0xF0 ? 3
                  : lead < 0xF5 ? 4
                                : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k)
    if (!is_continuation(byte(i + k))) return 0;
  // Overlong forms, surrogates and values above U+10FFFF.
  unsigned char second = length > 1 ? byte(i + 1) : 0;
  if (lead == 0xE0 && second < 0xA0) return 0;
  if (lead == 0xED && second > 0x9F) return 0;
  if (lead == 0xF0 && second < 0x90) return 0;
  if (lead == 0xF4 && second > 0x8F) return 0;
  return length;
}

void append_escaped_ascii(std::string& out, char c) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    out += "\\u00";
    out += kHex[(c >> 4) & 0xF];
    out += kHex[c & 0xF];
  } else {
    out += c;
  }
}


void write_source(JsonWriter& w, const Source& s) {
  w.begin_object("source");
  w.text("file", s.file);
  w.text("sha256", s.sha256);
  w.text("format", s.format);
  w.integer("pages", s.pages);
  w.end_object();
}

void write_document_info(JsonWriter& w, const DocumentInfo& d) {
  w.begin_object("document");
  w.text("title", d.title);
  w.text("entity", d.entity);
  w.integer("fiscal_year", d.fiscal_year);
  w.text("kind", d.kind);
  w.text("scope", d.scope);
  w.end_object();
}

void write_section(JsonWriter& w, const Section& s) {
  w.begin_object();
  w.text("marker", s.marker);
  w.text("title", s.title);
  w.integer("page", s.page);
  w.text("text", s.text);
  w.begin_array("children");
  for (const Section& child : s.children) write_section(w, child);
  w.end_array();
  w.end_object();
}

void write_column(JsonWriter& w, const Column& c) {
  w.begin_object();
  w.text("key", c.key);
  w.text_list("label", c.label);
  if (!c.side.empty()) w.text("side", c.side);
  w.end_object();
}

void write_row(JsonWriter& w, const Row& r) {
  w.begin_object();
  w.optional_text("code", r.code);
  w.text("name", r.name);
  w.optional_text("ordinal", r.ordinal);
  w.integer("level", r.level);
  w.text_or_null("side", r.side);
  w.integer("page", r.page);
  w.begin_object("values");
  for (const auto& [key, value] : r.values) w.amount(key, value);
  w.end_object();
  for (const auto& [key, value] : r.text_fields) w.text(key, value);
  w.end_object();
}

void write_table(JsonWriter& w, const Table& t) {
  w.begin_object();
  w.text("kind", t.kind);
  w.integer("ordinal", t.ordinal);
  w.text("title", t.title);
  w.text("entity", t.entity);
  w.text("unit", t.unit);
  w.integer("page", t.page);
  w.integer_list("pages", t.pages);
  w.begin_array("columns");
  for (const Column& c : t.columns) write_column(w, c);
  w.end_array();
  w.begin_array("rows");
  for (const Row& r : t.rows) write_row(w, r);
  w.end_array();
  w.boolean("no_data", t.no_data);
  w.end_object();
}

// Absent members are left out: not every form prints every source of funds.
void write_fund_split(JsonWriter& w, std::string_view key, const FundSplit& f) {
  w.begin_object(key);
  const std::pair<const char*, const std::optional<Amount>*> members[] = {
      {"total", &f.total}, {"central", &f.central},         {"provincial", &f.provincial},
      {"local", &f.local}, {"self_raised", &f.self_raised}, {"other", &f.other},
      {"fiscal", &f.fiscal}, {"current_year", &f.current_year}, {"carryover", &f.carryover}};
  for (const auto& [name, value] : members)
    if (*value) w.amount(name, **value);
  w.end_object();
}

void write_target(JsonWriter& w, const Target& t) {
  w.begin_object("target");
  w.text("op", t.op);
  if (t.number) w.amount("number", *t.number);
  if (!t.unit.empty()) w.text("unit", t.unit);
  w.end_object();
}

void write_indicator(JsonWriter& w, const Indicator& i) {
  w.begin_object();
  w.text("scope", i.scope);
  w.text("level1", i.level1);
  w.text("level2", i.level2);
  w.text("name", i.name);
  w.text("value", i.value);
  write_target(w, i.target);
  w.end_object();
}

void write_project(JsonWriter& w, const Project& p) {
  w.begin_object();
  w.text("name", p.name);
  w.integer("page", p.page);
  w.text("department", p.department);
  w.text("department_code", p.department_code);
  w.text("implementing_unit", p.implementing_unit);
  w.text("attribute", p.attribute);
  w.text("period", p.period);
  w.begin_object("funds");
  write_fund_split(w, "period", p.funds_period);
  write_fund_split(w, "annual", p.funds_annual);
  w.end_object();
  w.text("overview", p.overview);
  w.text("basis", p.basis);
  w.text("necessity", p.necessity);
  w.text("measures", p.measures);
  w.text("plan", p.plan);
  w.begin_object("goals");
  w.text("period", p.goal_period);
  w.text("annual", p.goal_annual);
  w.end_object();
  w.begin_array("indicators");
  for (const Indicator& i : p.indicators) write_indicator(w, i);
  w.end_array();
  w.text("form", p.form);
  w.text("category", p.category);
  w.text("annual_budget", p.annual_budget);
  w.end_object();
}

void write_fact(JsonWriter& w, const Fact& f) {
  w.begin_object();
  w.integer("page", f.page);
  w.text_list("section", f.section);
  w.text("subject", f.subject);
  w.amount("value", f.value);
  w.text("unit", f.unit);
  w.amount("change", f.change);
  w.amount("change_pct", f.change_pct);
  w.amount("share_pct", f.share_pct);
  w.text("text", f.text);
  w.end_object();
}

void write_assets(JsonWriter& w, const Assets& a) {
  w.begin_object("assets");
  w.begin_array("vehicles");
  for (const VehicleCount& v : a.vehicles) {
    w.begin_object();
    w.text("type", v.type);
    w.amount("count", Amount{v.count, 0});
    w.text("status", v.status);
    w.end_object();
  }
  w.end_array();
  w.amount("floor_area_m2", a.floor_area_m2);
  w.begin_array("equipment");
  for (const EquipmentCount& e : a.equipment) {
    w.begin_object();
    w.amount("threshold_yuan", e.threshold_yuan);
    w.amount("count", Amount{e.count, 0});
    w.text("kind", e.kind);
    w.text("status", e.status);
    w.end_object();
  }
  w.end_array();
  w.integer("page", a.page);
  w.end_object();
}

void write_glossary_entry(JsonWriter& w, const GlossaryEntry& g) {
  w.begin_object();
  w.text("term", g.term);
  w.text("definition", g.definition);
  w.end_object();
}

void write_check(JsonWriter& w, const CheckResult& c) {
  w.begin_object();
  w.text("rule", c.rule);
  w.text("status", c.status);
  w.text("where", c.where);
  w.amount("expected", c.expected);
  w.amount("actual", c.actual);
  w.amount("difference", c.difference);
  w.amount("tolerance", c.tolerance);
  w.integer("page", c.page);
  w.text("message", c.message);
  w.end_object();
}

void write_warning(JsonWriter& w, const Warning& x) {
  w.begin_object();
  w.text("code", x.code);
  w.integer("page", x.page);
  w.text("message", x.message);
  w.end_object();
}

template <typename T, typename WriteOne>
void write_array(JsonWriter& w, std::string_view key, const std::vector<T>& items,
                 WriteOne write_one) {
  w.begin_array(key);
  for (const T& item : items) write_one(w, item);
  w.end_array();
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size();) {
    size_t length = utf8_sequence_length(s, i);
    if (length == 0) {
      out += kReplacementChar;
      ++i;
    } else if (length == 1) {
      append_escaped_ascii(out, s[i++]);
    } else {
      out.append(s, i, length);
      i += length;
    }
  }
  out += '"';
  return out;
}

std::string to_json(const Document& doc) {
  JsonWriter w;
  w.begin_object();
  w.text("schema", kSchemaName);
  w.text("producer", std::string("budgetx ") + kBudgetxVersion);
  write_source(w, doc.source);
  write_document_info(w, doc.document);
  write_array(w, "sections", doc.sections, write_section);
  write_array(w, "tables", doc.tables, write_table);
  write_array(w, "projects", doc.projects, write_project);
  write_array(w, "facts", doc.facts, write_fact);
  write_assets(w, doc.assets);
  write_array(w, "glossary", doc.glossary, write_glossary_entry);
  write_array(w, "overall_performance", doc.overall_performance, write_project);
  write_array(w, "checks", doc.checks, write_check);
  write_array(w, "warnings", doc.warnings, write_warning);
  w.end_object();
  return w.finish();
}

}  // namespace budget
