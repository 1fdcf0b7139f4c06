#include "diff/document_reader.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "core/error.h"
#include "normalize/numbers.h"

namespace budget::diff {
namespace {

using json = nlohmann::ordered_json;  // keeps the order of row values

// Builds the DOM itself so that a number with a fraction keeps its literal:
// nlohmann would hand over a double.  Such numbers are stored as their text
// (an integer stays an integer), and amount() parses either exactly.
class ExactDom : public nlohmann::json_sax<json> {
 public:
  json root;

  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put(v); }
  bool number_unsigned(number_unsigned_t v) override { return put(v); }
  bool number_float(number_float_t, const string_t& literal) override { return put(literal); }
  bool string(string_t& v) override { return put(v); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error = e.what();
    return false;
  }
  std::string error;

 private:
  bool put(json v) {
    place(std::move(v));
    return true;
  }
  json* place(json v) {
    if (stack_.empty()) {
      root = std::move(v);
      return &root;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    return &(top[key_] = std::move(v));
  }
  bool open(json container) {
    stack_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
  std::vector<json*> stack_;
  std::string key_;
};

const json kNull;

const json& at(const json& o, const char* key) {
  if (!o.is_object()) return kNull;
  auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

std::string text(const json& o, const char* key) {
  const json& v = at(o, key);
  return v.is_string() ? v.get<std::string>() : "";
}

std::optional<std::string> optional_text(const json& o, const char* key) {
  const json& v = at(o, key);
  if (v.is_string()) return v.get<std::string>();
  return std::nullopt;
}

std::optional<int> integer(const json& o, const char* key) {
  const json& v = at(o, key);
  if (v.is_number_integer()) return v.get<int>();
  return std::nullopt;
}

std::optional<Amount> amount_of(const json& v) {
  if (v.is_number_integer()) return Amount{v.get<std::int64_t>(), 0};
  if (!v.is_string()) return std::nullopt;
  normalize::ParsedNumber n = normalize::parse_number(v.get<std::string>());
  if (n.kind != normalize::ParsedNumber::number)
    throw Error("input.json", "not an exact decimal amount: " + v.get<std::string>());
  return n.value;
}

std::optional<Amount> amount(const json& o, const char* key) { return amount_of(at(o, key)); }

std::vector<std::string> text_list(const json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const json& s : v)
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

template <typename T, typename F>
std::vector<T> list(const json& o, const char* key, F read) {
  std::vector<T> out;
  const json& v = at(o, key);
  if (v.is_array())
    for (const json& item : v) out.push_back(read(item));
  return out;
}

Section read_section(const json& o) {
  Section s;
  s.marker = text(o, "marker");
  s.title = text(o, "title");
  s.page = integer(o, "page");
  s.text = text(o, "text");
  s.children = list<Section>(o, "children", read_section);
  return s;
}

// Row members other than these are its text fields (gov_econ_name, remark …).
bool is_row_member(const std::string& key) {
  for (const char* k : {"code", "name", "ordinal", "level", "side", "page", "values"})
    if (key == k) return true;
  return false;
}

Row read_row(const json& o) {
  Row r;
  r.code = optional_text(o, "code");
  r.name = text(o, "name");
  r.ordinal = optional_text(o, "ordinal");
  r.level = integer(o, "level").value_or(0);
  r.side = text(o, "side");
  r.page = integer(o, "page");
  const json& values = at(o, "values");
  if (values.is_object())
    for (auto it = values.begin(); it != values.end(); ++it)
      if (auto a = amount_of(it.value())) r.values.emplace_back(it.key(), *a);
  for (auto it = o.begin(); it != o.end(); ++it)
    if (!is_row_member(it.key()) && it.value().is_string())
      r.text_fields.emplace_back(it.key(), it.value().get<std::string>());
  return r;
}

Table read_table(const json& o) {
  Table t;
  t.kind = text(o, "kind");
  t.ordinal = integer(o, "ordinal");
  t.title = text(o, "title");
  t.entity = text(o, "entity");
  t.unit = text(o, "unit");
  t.page = integer(o, "page");
  for (const json& p : at(o, "pages"))
    if (p.is_number_integer()) t.pages.push_back(p.get<int>());
  t.columns = list<Column>(o, "columns", [](const json& c) {
    return Column{text(c, "key"), text_list(at(c, "label")), text(c, "side")};
  });
  t.rows = list<Row>(o, "rows", read_row);
  t.no_data = at(o, "no_data").is_boolean() && at(o, "no_data").get<bool>();
  return t;
}

FundSplit read_funds(const json& o) {
  FundSplit f;
  f.total = amount(o, "total");
  f.central = amount(o, "central");
  f.provincial = amount(o, "provincial");
  f.local = amount(o, "local");
  f.self_raised = amount(o, "self_raised");
  f.other = amount(o, "other");
  f.fiscal = amount(o, "fiscal");
  f.current_year = amount(o, "current_year");
  f.carryover = amount(o, "carryover");
  return f;
}

Indicator read_indicator(const json& o) {
  Indicator i;
  i.scope = text(o, "scope");
  i.level1 = text(o, "level1");
  i.level2 = text(o, "level2");
  i.name = text(o, "name");
  i.value = text(o, "value");
  const json& t = at(o, "target");
  i.target.op = text(t, "op");
  i.target.number = amount(t, "number");
  i.target.unit = text(t, "unit");
  return i;
}

Project read_project(const json& o) {
  Project p;
  p.name = text(o, "name");
  p.page = integer(o, "page");
  p.department = text(o, "department");
  p.department_code = text(o, "department_code");
  p.implementing_unit = text(o, "implementing_unit");
  p.attribute = text(o, "attribute");
  p.period = text(o, "period");
  p.funds_period = read_funds(at(at(o, "funds"), "period"));
  p.funds_annual = read_funds(at(at(o, "funds"), "annual"));
  p.overview = text(o, "overview");
  p.basis = text(o, "basis");
  p.necessity = text(o, "necessity");
  p.measures = text(o, "measures");
  p.plan = text(o, "plan");
  p.goal_period = text(at(o, "goals"), "period");
  p.goal_annual = text(at(o, "goals"), "annual");
  p.indicators = list<Indicator>(o, "indicators", read_indicator);
  p.form = text(o, "form");
  p.category = text(o, "category");
  p.annual_budget = text(o, "annual_budget");
  return p;
}

Fact read_fact(const json& o) {
  Fact f;
  f.page = integer(o, "page");
  f.section = text_list(at(o, "section"));
  f.subject = text(o, "subject");
  f.value = amount(o, "value");
  f.unit = text(o, "unit");
  f.change = amount(o, "change");
  f.change_pct = amount(o, "change_pct");
  f.share_pct = amount(o, "share_pct");
  f.text = text(o, "text");
  return f;
}

}  // namespace

Document read_document_json(std::string_view input, const std::string& name) {
  ExactDom dom;
  if (!json::sax_parse(input, &dom))
    throw Error("input.json", "not valid JSON: " + (dom.error.empty() ? name : dom.error));
  const json& o = dom.root;
  if (text(o, "schema") != kSchemaName)
    throw Error("input.json", "not a budgetx document (its \"schema\" is not \"" +
                                  std::string(kSchemaName) + "\")");
  Document d;
  const json& source = at(o, "source");
  d.source = {text(source, "file"), text(source, "sha256"), text(source, "format"),
              integer(source, "pages")};
  const json& info = at(o, "document");
  d.document = {text(info, "title"), text(info, "entity"), integer(info, "fiscal_year"),
                text(info, "kind"), text(info, "scope")};
  d.sections = list<Section>(o, "sections", read_section);
  d.tables = list<Table>(o, "tables", read_table);
  d.projects = list<Project>(o, "projects", read_project);
  d.overall_performance = list<Project>(o, "overall_performance", read_project);
  d.facts = list<Fact>(o, "facts", read_fact);
  return d;
}

}  // namespace budget::diff
