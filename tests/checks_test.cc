// Tests of checks/: the rounding tolerance, each rule on a small consistent
// disclosure built by hand and on copies broken on purpose, the report, and
// the rules over the truth files of the shared corpus (skipped when absent).
#include "checks/checks.h"

#include <gtest/gtest.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "checks/detail.h"
#include "checks/report.h"
#include "disclosure/disclosure.h"

namespace budget::checks {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ---- a truth file (the contract's JSON) read back into a Document ----------

Amount amount_of(const json& j) {
  std::string text;
  if (j.is_number_integer()) {
    text = std::to_string(j.get<std::int64_t>());
  } else {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, j.get<double>());  // shortest round trip
    text.assign(buf, res.ptr);
  }
  Amount a;
  std::size_t dot = text.find('.');
  if (dot != std::string::npos) {
    a.scale = static_cast<int>(text.size() - dot - 1);
    text.erase(dot, 1);
  }
  a.units = std::stoll(text);
  return a;
}

std::optional<Amount> opt_amount(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return amount_of(j[key]);
}

std::optional<int> opt_int(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<int>();
}

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

Section section_of(const json& j) {
  Section s{str(j, "marker"), str(j, "title"), opt_int(j, "page"), str(j, "text"), {}};
  for (const json& c : j.value("children", json::array())) s.children.push_back(section_of(c));
  return s;
}

FundSplit funds_of(const json& j) {
  FundSplit f;
  f.total = opt_amount(j, "total");
  f.central = opt_amount(j, "central");
  f.provincial = opt_amount(j, "provincial");
  f.local = opt_amount(j, "local");
  f.self_raised = opt_amount(j, "self_raised");
  f.other = opt_amount(j, "other");
  return f;
}

Document load_document(const fs::path& path) {
  std::ifstream in(path);
  json j = json::parse(in);
  Document doc;
  const json& info = j["document"];
  doc.document = {str(info, "title"), str(info, "entity"), opt_int(info, "fiscal_year"),
                  str(info, "kind"), str(info, "scope")};
  for (const json& s : j.value("sections", json::array())) doc.sections.push_back(section_of(s));
  for (const json& jt : j["tables"]) {
    Table t;
    t.kind = str(jt, "kind");
    t.ordinal = opt_int(jt, "ordinal");
    t.title = str(jt, "title");
    t.unit = str(jt, "unit");
    t.page = opt_int(jt, "page");
    t.no_data = jt.value("no_data", false);
    for (const json& c : jt["columns"])
      t.columns.push_back(
          {str(c, "key"), c.value("label", std::vector<std::string>{}), str(c, "side")});
    for (const json& jr : jt["rows"]) {
      Row r;
      if (jr.contains("code") && jr["code"].is_string()) r.code = jr["code"].get<std::string>();
      if (jr.contains("ordinal") && jr["ordinal"].is_string())
        r.ordinal = jr["ordinal"].get<std::string>();
      r.name = str(jr, "name");
      r.level = jr.value("level", 0);
      r.side = str(jr, "side");
      r.page = opt_int(jr, "page");
      for (const auto& [key, v] : jr["values"].items()) {
        if (v.is_number())
          r.values.emplace_back(key, amount_of(v));
        else if (v.is_string())
          r.text_fields.emplace_back(key, v.get<std::string>());
      }
      t.rows.push_back(std::move(r));
    }
    doc.tables.push_back(std::move(t));
  }
  for (const json& jp : j.value("projects", json::array())) {
    Project p;
    p.name = str(jp, "name");
    p.page = opt_int(jp, "page");
    p.form = str(jp, "form");
    if (jp.contains("funds") && jp["funds"].is_object()) {
      if (jp["funds"].contains("period")) p.funds_period = funds_of(jp["funds"]["period"]);
      if (jp["funds"].contains("annual")) p.funds_annual = funds_of(jp["funds"]["annual"]);
    }
    doc.projects.push_back(std::move(p));
  }
  for (const json& jg : j.value("glossary", json::array()))
    doc.glossary.push_back({str(jg, "term"), str(jg, "definition")});
  for (const json& jf : j.value("facts", json::array())) {
    Fact f;
    f.page = opt_int(jf, "page");
    f.section = jf.value("section", std::vector<std::string>{});
    f.subject = str(jf, "subject");
    f.value = opt_amount(jf, "value");
    f.unit = str(jf, "unit");
    f.share_pct = opt_amount(jf, "share_pct");
    doc.facts.push_back(std::move(f));
  }
  return doc;
}

// ---- tolerance ------------------------------------------------------------

TEST(checks_test, half_unit_from_printed_figures) {
  struct Case {
    std::vector<Amount> printed;
    int max_exponent;
    Amount expected;
  } cases[] = {
      {{{3759900}, {3484900}, {275000}}, 4, {50}},  // 万元, 2 decimals: 0.005 万元
      {{{105000}}, 4, {500}},                       // one figure, 1 decimal visible
      {{{10000}, {20000}}, 4, {5000}},              // whole 万元
      {{{990111}, {400000}}, 4, {5, 1}},            // whole 元
      {{{9101677535, 2}, {46140000}}, 0, {}},       // 元 with cents: exact
      {{{123456}}, 0, {5, 1}},                      // whole 元 in a 元 table
      {{{0}, {}}, 4, {}},                           // nothing printed
  };
  for (const Case& c : cases)
    EXPECT_EQ(detail::half_unit(c.printed, c.max_exponent), c.expected) << c.expected.to_string();
}

TEST(checks_test, tolerance_counts_roundings) {
  using detail::Figure;
  struct Case {
    std::vector<Figure> figures;
    Amount expected;
  } cases[] = {
      {{{{}, {50}, 1}, {{}, {50}, 1}}, {50}},  // one value printed twice: exact in effect
      {{{{}, {50}, 1}, {{}, {50}, 1}, {{}, {50}, 1}}, {100}},  // a total and 2 parts: 2 × 50
      {{{{}, {50}, 1}, {{}, {50}, 13}}, {650}},                // a total of 13 printed leaves
      {{{{}, {50}, 1}, {{}, {50}, 0}}, {}},                    // a blank part adds nothing
      {{{{}, {50}, 1}, {{}, {5, 1}, 1}}, {505, 1}},            // 万元 table against 元 funds
      {{{{}, {}, 1}, {{}, {}, 3}}, {}},                        // 元 with cents: exact
  };
  for (const Case& c : cases) EXPECT_EQ(detail::tolerance(c.figures), c.expected);
}

TEST(checks_test, judge_shows_differences_within_tolerance) {
  detail::Comparison c{"columns_sum",
                       "t / 合计 / total",
                       3,
                       {{{16034100}, {50}, 1}, {{6298000}, {50}, 1}},
                       {{22332200}, {50}, 1},
                       ""};
  CheckResult r = detail::judge(c);
  EXPECT_EQ(r.status, "pass");
  EXPECT_EQ(*r.difference, Amount{100});
  EXPECT_EQ(*r.tolerance, Amount{100});
  c.printed.value = Amount{22332300};
  EXPECT_EQ(detail::judge(c).status, "fail");
}

// ---- a small consistent disclosure, built by hand ------------------------

using Values = std::vector<std::pair<std::string, std::int64_t>>;

Row row(std::optional<std::string> code, std::string name, int level, Values values,
        std::string side = "") {
  Row r;
  r.code = std::move(code);
  r.name = std::move(name);
  r.level = level;
  r.side = std::move(side);
  for (auto& [k, v] : values) r.values.emplace_back(k, Amount{v});
  return r;
}

Table table(std::string kind, std::string title, std::vector<Column> columns,
            std::vector<Row> rows) {
  Table t;
  t.kind = std::move(kind);
  t.title = std::move(title);
  t.unit = "万元";
  t.page = 1;
  t.columns = std::move(columns);
  t.rows = std::move(rows);
  t.no_data = t.rows.empty();
  return t;
}

std::vector<Column> columns(std::vector<std::string> keys, std::string side = "") {
  std::vector<Column> out;
  for (auto& k : keys) out.push_back({k, {k}, side});
  return out;
}

// Expenditure by function code: 合计 = 208 + 224, basic + project.
std::vector<Row> spending_rows(bool split) {
  auto v = [&](std::int64_t total, std::int64_t basic, std::int64_t project) {
    Values out{{"total", total}};
    if (split && basic) out.emplace_back("basic", basic);
    if (split && project) out.emplace_back("project", project);
    if (!split) out.emplace_back("general_public", total);
    return out;
  };
  return {row({}, "合计", 0, v(3104400, 2081300, 1023100)),
          row("208", "社会保障和就业支出", 1, v(1235700, 1235700, 0)),
          row("20805", "行政事业单位养老支出", 2, v(1235700, 1235700, 0)),
          row("2080501", "行政单位离退休", 3, v(523400, 523400, 0)),
          row("2080505", "机关事业单位基本养老保险缴费支出", 3, v(712300, 712300, 0)),
          row("224", "灾害防治及应急管理支出", 1, v(1868700, 845600, 1023100)),
          row("22401", "应急管理事务", 2, v(1868700, 845600, 1023100)),
          row("2240101", "行政运行", 3, v(845600, 845600, 0)),
          row("2240106", "安全监管", 3, v(1023100, 0, 1023100))};
}

std::vector<Row> summary_rows(const std::string& income_item) {
  return {
      row({}, income_item, 1, {{"total", 3104400}}, "income"),
      row({}, "社会保障和就业支出", 1, {{"total", 1235700}, {"current_year", 1235700}},
          "expenditure"),
      row({}, "政府性基金预算", 1, {}, "income"),
      row({}, "灾害防治及应急管理支出", 1, {{"total", 1868700}, {"current_year", 1868700}},
          "expenditure"),
      row({}, "本年收入合计", 0, {{"total", 3104400}}, "income"),
      row({}, "本年支出合计", 0, {{"total", 3104400}, {"current_year", 3104400}}, "expenditure"),
      row({}, "上年结转", 1, {}, "income"),
      row({}, "年终结转", 1, {}, "expenditure"),
      row({}, "收入总计", 0, {{"total", 3104400}}, "income"),
      row({}, "支出总计", 0, {{"total", 3104400}, {"current_year", 3104400}}, "expenditure")};
}

Project project(std::string name, std::int64_t annual) {
  Project p;
  p.name = std::move(name);
  p.page = 9;
  p.funds_annual.total = Amount{annual};
  p.funds_period.total = Amount{annual};
  return p;
}

Fact fact(std::string section, std::string subject, std::int64_t value,
          std::optional<Amount> share = {}) {
  Fact f;
  f.page = 8;
  f.section = {std::move(section)};
  f.subject = std::move(subject);
  f.value = Amount{value};
  f.unit = "元";
  f.share_pct = share;
  return f;
}

Document mini_disclosure() {
  Document doc;
  doc.document = {"测试单位2025年度单位预算公开", "测试单位", 2025, "budget", "unit"};
  std::vector<Column> summary_columns = columns({"name", "total"}, "income");
  for (const Column& c : columns({"name", "total", "current_year", "carryover"}, "expenditure"))
    summary_columns.push_back(c);
  doc.tables.push_back(
      table("budget_summary", "预算收支总表", summary_columns, summary_rows("一般公共预算")));
  doc.tables.push_back(
      table("income_summary", "预算收入总表",
            columns({"code", "name", "total", "general_public", "government_fund"}),
            spending_rows(false)));
  doc.tables.push_back(table("expenditure_summary", "预算支出总表",
                             columns({"code", "name", "total", "basic", "project"}),
                             spending_rows(true)));
  std::vector<Column> appropriation_columns = columns({"name", "total"}, "income");
  for (const Column& c : columns({"name", "total", "general_public"}, "expenditure"))
    appropriation_columns.push_back(c);
  std::vector<Row> appropriation_rows = summary_rows("一般公共预算");
  for (Row& r : appropriation_rows)
    if (r.side == "expenditure") {
      for (auto& kv : r.values) kv.first = kv.first == "current_year" ? "general_public" : kv.first;
    }
  doc.tables.push_back(table("appropriation_summary", "财政拨款收支总表", appropriation_columns,
                             appropriation_rows));
  doc.tables.push_back(table("general_public_expenditure", "一般公共预算支出预算表（不含上年结转）",
                             columns({"code", "name", "total", "basic", "project"}),
                             spending_rows(true)));
  doc.tables.push_back(
      table("general_public_basic", "一般公共预算基本支出表",
            columns({"name", "total", "personnel", "public_expenses"}),
            {row({}, "合计", 0,
                 {{"total", 2081300}, {"personnel", 1769800}, {"public_expenses", 311500}}),
             row({}, "工资福利支出", 1, {{"total", 1769800}, {"personnel", 1769800}}),
             row({}, "基本工资", 2, {{"total", 1034500}, {"personnel", 1034500}}),
             row({}, "津贴补贴", 2, {{"total", 735300}, {"personnel", 735300}}),
             row({}, "商品和服务支出", 1, {{"total", 311500}, {"public_expenses", 311500}}),
             row({}, "办公费", 2, {{"total", 154200}, {"public_expenses", 154200}}),
             row({}, "公务接待费", 2, {{"total", 52300}, {"public_expenses", 52300}}),
             row({}, "公务用车运行维护费", 2, {{"total", 105000}, {"public_expenses", 105000}})}));
  doc.tables.push_back(table("government_fund_expenditure", "政府性基金预算支出表",
                             columns({"code", "name", "total", "basic", "project"}), {}));
  doc.tables.push_back(
      table("three_public", "“三公”经费支出预算表", columns({"name", "total", "general_public"}),
            {row({}, "因公出国（境）费", 1, {}),
             row({}, "公务接待费", 1, {{"total", 52300}, {"general_public", 52300}}),
             row({}, "公务用车购置及运行费", 1, {{"total", 105000}, {"general_public", 105000}}),
             row({}, "公务用车购置费", 2, {}),
             row({}, "公务用车运行维护费", 2, {{"total", 105000}, {"general_public", 105000}}),
             row({}, "合计", 0, {{"total", 157300}, {"general_public", 157300}})}));
  doc.tables.push_back(table(
      "operating_expenses", "机关运行经费预算表", columns({"name", "total", "general_public"}),
      {row({}, "合计", 0, {{"total", 311500}, {"general_public", 311500}}),
       row({}, "测试单位", 1, {{"total", 311500}, {"general_public", 311500}})}));
  doc.tables.push_back(
      table("project_expenditure", "项目支出预算表（本年预算）",
            columns({"name", "total", "general_public"}),
            {row({}, "测试单位", 1, {{"total", 1023100}, {"general_public", 1023100}}),
             row({}, "Z安全检查经费", 2, {{"total", 612300}, {"general_public", 612300}}),
             row({}, "J宣传经费", 2, {{"total", 410800}, {"general_public", 410800}})}));
  doc.tables.push_back(table("project_expenditure_carryover", "项目支出预算表（上年结转）",
                             columns({"name", "total", "general_public"}), {}));
  doc.projects = {project("Z安全检查经费", 612300), project("J宣传经费", 410800)};
  doc.sections = {{"第三部分",
                   "预算情况说明",
                   8,
                   "",
                   {{"十、", "绩效管理情况", 8, "公开项目绩效目标2个，涉及金额102.31万元。", {}}}},
                  {"第四部分",
                   "名词解释",
                   9,
                   "机关运行经费：指行政单位使用财政拨款安排的基本支出中的公用经费支出。",
                   {}}};
  doc.facts = {fact("一、收支情况", "预算收入总计", 3104400),
               fact("三、支出预算情况说明", "基本支出", 2081300, Amount{6704, 2}),
               fact("三、支出预算情况说明", "项目支出", 1023100, Amount{3296, 2}),
               fact("五、一般公共预算支出情况说明", "社会保障和就业支出", 1235700, Amount{398, 1}),
               fact("七、三公经费", "三公经费", 157300),
               fact("四、财政拨款支出",
                    "“社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)”", 523400),
               fact("八、机关运行经费", "机关运行经费", 311500)};
  return doc;
}

std::set<std::string> failing_rules(const Document& doc) {
  std::set<std::string> rules;
  for (const CheckResult& r : run_checks(doc))
    if (r.status == "fail") rules.insert(r.rule);
  return rules;
}

Table& table_of(Document& doc, const std::string& kind) {
  for (Table& t : doc.tables)
    if (t.kind == kind) return t;
  throw std::runtime_error("no table " + kind);
}

Row& row_of(Document& doc, const std::string& kind, const std::string& name) {
  for (Row& r : table_of(doc, kind).rows)
    if (r.name == name || (r.code && *r.code == name)) return r;
  throw std::runtime_error("no row " + name);
}

void set(Row& r, const std::string& key, std::int64_t v) {
  for (auto& kv : r.values)
    if (kv.first == key) kv.second = Amount{v};
}

TEST(checks_test, consistent_disclosure_passes_every_rule) {
  Document doc = mini_disclosure();
  std::vector<CheckResult> results = run_checks(doc);
  std::set<std::string> ran;
  for (const CheckResult& r : results) {
    EXPECT_EQ(r.status, "pass") << r.rule << " " << r.where << " " << r.message;
    ran.insert(r.rule);
  }
  for (const Rule& rule : rules())
    EXPECT_TRUE(ran.count(rule.name)) << rule.name << " compared nothing";
}

// One break each: the rules that must catch it, and no others.
TEST(checks_test, each_break_is_caught_by_its_rules) {
  struct Case {
    const char* what;
    std::function<void(Document&)> mutate;
    std::set<std::string> caught_by;
  } cases[] = {
      {"a leaf cell changed",
       [](Document& d) { set(row_of(d, "expenditure_summary", "2080501"), "total", 533400); },
       {"code_children_sum", "columns_sum", "cross_table"}},
      {"a coded row dropped",
       [](Document& d) {
         auto& rows = table_of(d, "general_public_expenditure").rows;
         rows.erase(rows.begin() + 4);
       },
       {"code_children_sum"}},
      {"an economic item changed",
       [](Document& d) {
         set(row_of(d, "general_public_basic", "基本工资"), "total", 1044500);
         set(row_of(d, "general_public_basic", "基本工资"), "personnel", 1044500);
       },
       {"econ_children_sum"}},
      {"a class row moved between classes",
       [](Document& d) {
         set(row_of(d, "budget_summary", "社会保障和就业支出"), "total", 1245700);
         set(row_of(d, "budget_summary", "社会保障和就业支出"), "current_year", 1245700);
         set(row_of(d, "budget_summary", "灾害防治及应急管理支出"), "total", 1858700);
         set(row_of(d, "budget_summary", "灾害防治及应急管理支出"), "current_year", 1858700);
       },
       {"cross_table"}},
      {"支出总计 differs from 收入总计",
       [](Document& d) { set(row_of(d, "budget_summary", "支出总计"), "total", 3114400); },
       {"summary_balance", "columns_sum"}},
      {"a 三公 total changed",
       [](Document& d) {
         set(row_of(d, "three_public", "合计"), "total", 167300);
         set(row_of(d, "three_public", "合计"), "general_public", 167300);
       },
       {"three_public_parts", "fact_matches_table"}},
      {"a 合计 row changed",
       [](Document& d) {
         set(row_of(d, "operating_expenses", "测试单位"), "total", 321500);
         set(row_of(d, "operating_expenses", "测试单位"), "general_public", 321500);
       },
       {"total_row_sum"}},
      {"机关运行经费 differs from 公用经费",
       [](Document& d) {
         for (const char* name : {"合计", "测试单位"}) {
           set(row_of(d, "operating_expenses", name), "total", 321500);
           set(row_of(d, "operating_expenses", name), "general_public", 321500);
         }
         d.facts.pop_back();
       },
       {"operating_expenses_match"}},
      {"机关运行经费 differs from 公用经费, defined in the glossary",
       [](Document& d) {
         for (const char* name : {"合计", "测试单位"}) {
           set(row_of(d, "operating_expenses", name), "total", 321500);
           set(row_of(d, "operating_expenses", name), "general_public", 321500);
         }
         d.facts.pop_back();
         d.sections.pop_back();
         d.glossary.push_back(
             {"机关运行经费",
              "为保障行政单位运行用于购买货物和服务的各项资金，即基本支出中的公用经费"});
       },
       {"operating_expenses_match"}},
      {"a project row changed",
       [](Document& d) {
         set(row_of(d, "project_expenditure", "J宣传经费"), "total", 420800);
         set(row_of(d, "project_expenditure", "J宣传经费"), "general_public", 420800);
       },
       {"project_table_total", "project_funds_match"}},
      {"a project fund altered",
       [](Document& d) { d.projects[0].funds_annual.total = Amount{622300}; },
       {"project_funds_match"}},
      {"a performance table missing",
       [](Document& d) { d.projects.pop_back(); },
       {"project_funds_match"}},
      {"no annual amount printed",
       [](Document& d) { d.projects[1].funds_annual.total.reset(); },
       {"project_funds_match"}},
      {"a fact altered",
       [](Document& d) { d.facts[1].value = Amount{2091300}; },
       {"fact_matches_table"}},
      {"a share altered",
       [](Document& d) {
         d.facts[3].share_pct = Amount{408, 1};
       },
       {"fact_matches_table"}},
      {"a code path's figure altered",
       [](Document& d) { d.facts[5].value = Amount{533400}; },
       {"fact_matches_table"}},
      {"a table missing",
       [](Document& d) {
         auto& t = d.tables;
         t.erase(std::remove_if(t.begin(), t.end(),
                                [](const Table& x) { return x.kind == "three_public"; }),
                 t.end());
       },
       {"completeness"}},
  };
  for (const Case& c : cases) {
    Document doc = mini_disclosure();
    c.mutate(doc);
    EXPECT_EQ(failing_rules(doc), c.caught_by) << c.what;
  }
}

// Differences that are not findings: rounding, and 机关运行经费 that the
// document does not define as 公用经费 (or a department's, with 事业单位).
TEST(checks_test, never_cries_wolf) {
  struct Case {
    const char* what;
    std::function<void(Document&)> mutate;
  } cases[] = {
      {"a share rounded the other way",
       [](Document& d) {
         d.facts[1].share_pct = Amount{6705, 2};
       }},
      {"a fact printed with one decimal", [](Document& d) { d.facts[2].value = Amount{1023000}; }},
      {"a project fund in 元 against 万元",
       [](Document& d) { d.projects[0].funds_annual.total = Amount{612349}; }},
      {"机关运行经费 not defined as 公用经费",
       [](Document& d) {
         for (const char* name : {"合计", "测试单位"})
           set(row_of(d, "operating_expenses", name), "general_public", 321500);
         for (const char* name : {"合计", "测试单位"})
           set(row_of(d, "operating_expenses", name), "total", 321500);
         d.facts.pop_back();
         d.sections.pop_back();
       }},
      {"a department's 机关运行经费",
       [](Document& d) {
         for (const char* name : {"合计", "测试单位"})
           set(row_of(d, "operating_expenses", name), "general_public", 321500);
         for (const char* name : {"合计", "测试单位"})
           set(row_of(d, "operating_expenses", name), "total", 321500);
         d.facts.pop_back();
         d.document.scope = "department";
       }},
      {"rows without a performance table the prose does not disclose",
       [](Document& d) {
         d.projects.pop_back();
         d.sections[0].children[0].text = "公开项目绩效目标1个。";
       }},
      {"a fact about the year before",
       [](Document& d) { d.facts[0].subject = "2024年预算收入总计"; }},
      {"a generic subject in a 决算 (支出决算 of one line)",
       [](Document& d) {
         for (Table& t : d.tables) t.kind += "_final";
         d.document.kind = "final_account";
         d.facts.push_back(fact("具体情况", "支出决算", 523400));
         d.facts.push_back(fact("具体情况", "一般公共预算财政拨款支出年初预算", 3200000));
       }},
      {"a fact no table prints",
       [](Document& d) {
         d.facts.push_back(fact("九、政府采购情况", "政府采购预算总额", 1180000));
       }},
      {"a project described in prose, without funds",
       [](Document& d) {
         Project p;
         p.name = "信息化建设项目";
         p.form = "prose";
         d.projects.push_back(p);
       }},
      {"two lists read as one",
       [](Document& d) {
         Table& t = table_of(d, "budget_summary");
         t.rows.insert(t.rows.begin() + 2,
                       row({}, "基本支出", 1, {{"total", 2081300}}, "expenditure"));
         t.rows[1].ordinal = "一";
         t.rows[2].ordinal = "一";
       }},
      {"a sub-item numbered under an item",
       [](Document& d) {
         Table& t = table_of(d, "budget_summary");
         t.rows[0].ordinal = "一";
         t.rows.insert(t.rows.begin() + 1,
                       row({}, "1.一般公共预算资金", 1, {{"total", 3104400}}, "income"));
       }},
  };
  for (const Case& c : cases) {
    Document doc = mini_disclosure();
    c.mutate(doc);
    EXPECT_EQ(failing_rules(doc), std::set<std::string>{}) << c.what;
  }
}

// A table read wrong (its amounts shifted a line) fails everywhere: one
// warning instead of a failure per sum; a single misprinted figure stays a
// finding.
TEST(checks_test, a_misread_table_is_one_warning_not_many_failures) {
  Document one_wrong = mini_disclosure();
  set(row_of(one_wrong, "expenditure_summary", "2080501"), "total", 533400);
  std::vector<CheckResult> results = run_checks(one_wrong);
  std::size_t failed = std::count_if(results.begin(), results.end(),
                                     [](const CheckResult& r) { return r.status == "fail"; });
  EXPECT_TRUE(set_aside_misread_tables(one_wrong, results).empty());
  EXPECT_EQ(std::count_if(results.begin(), results.end(),
                          [](const CheckResult& r) { return r.status == "fail"; }),
            static_cast<std::ptrdiff_t>(failed));

  Document shifted = mini_disclosure();
  auto& rows = table_of(shifted, "expenditure_summary").rows;
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) rows[i].values = rows[i + 1].values;
  check_document(shifted);
  ASSERT_EQ(shifted.warnings.size(), 1u);
  EXPECT_EQ(shifted.warnings[0].code, "suspect_reading");
  const std::string title = table_of(shifted, "expenditure_summary").title;
  for (const CheckResult& r : shifted.checks)
    if (r.status == "fail") {
      EXPECT_EQ(r.where.find(title + " / "), std::string::npos) << r.where;
    }
}

TEST(checks_test, exact_in_yuan_with_cents) {
  Document doc;
  Table t = table("expenditure_summary", "支出总表", columns({"code", "name", "total"}),
                  {row("201", "一般公共服务支出", 1, {}),
                   row("20103", "政府办公厅（室）及相关机构事务", 2, {})});
  t.unit = "元";
  t.rows[0].values = {{"total", Amount{8209679742, 2}}};
  t.rows[1].values = {{"total", Amount{8209679741, 2}}};
  doc.tables.push_back(t);
  std::vector<CheckResult> r = code_children_sum(doc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, "fail");
  EXPECT_EQ(*r[0].tolerance, Amount{});
}

// 三公 printed as columns (合计 | 因公出国 | 公务用车 小计/购置/运行 | 公务接待).
TEST(checks_test, three_public_as_columns) {
  Document doc;
  Table t = table("three_public", "三公经费和机关运行经费预算表",
                  columns({"total", "abroad", "vehicles.total", "vehicles.vehicle_purchase",
                           "vehicles.vehicle_operation", "reception", "operating_expenses"}),
                  {row({}, "", 1,
                       {{"total", 8675000},
                        {"abroad", 8390000},
                        {"reception", 285000},
                        {"operating_expenses", 2132800}})});
  doc.tables.push_back(t);
  std::vector<CheckResult> r = three_public_parts(doc);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, "pass");
  doc.tables[0].rows[0].values[1].second = Amount{8400000};
  EXPECT_EQ(three_public_parts(doc)[0].status, "fail");
}

TEST(checks_test, report_lists_failures_and_counts) {
  Document doc = mini_disclosure();
  doc.projects[0].funds_annual.total = Amount{622300};
  std::vector<CheckResult> results = run_checks(doc);
  std::string report = format_report(doc, results, true);
  EXPECT_NE(report.find("FAIL project_funds_match"), std::string::npos) << report;
  EXPECT_NE(report.find("Z安全检查经费"), std::string::npos);
  EXPECT_NE(report.find("62.23 万元 (622300 元)"), std::string::npos) << report;
  EXPECT_NE(report.find("61.23 万元 (612300 元)"), std::string::npos) << report;
  EXPECT_NE(report.find(std::to_string(results.size()) + " checks, " +
                        std::to_string(results.size() - 1) + " passed, 1 failed"),
            std::string::npos)
      << report;
}

// ---- samples/broken: printed disclosures broken on purpose -----------------

// Extracted end to end, each case fails exactly the rules its README names.
TEST(checks_test, broken_samples) {
  const fs::path broken = fs::path(BUDGET_SOURCE_DIR) / "samples" / "broken";
  const std::pair<const char*, std::set<std::string>> cases[] = {
      {"cell-changed", {"code_children_sum", "columns_sum", "cross_table"}},
      {"prose-figure", {"fact_matches_table"}},
      {"project-fund", {"project_funds_match"}},
  };
  for (const auto& [name, rules] : cases) {
    Document doc = disclosure::read((broken / name / "input.txt").string());
    std::set<std::string> failed;
    for (const CheckResult& r : doc.checks)
      if (r.status == "fail") failed.insert(r.rule);
    EXPECT_EQ(failed, rules) << name << "\n" << format_report(doc, doc.checks, true);
  }
}

// ---- the truth files of the shared corpus ----------------------------------

const fs::path kCorpus = "/work/shared/corpus/dev";

// The seed's own inconsistencies, and nothing else; generated documents are
// consistent.
// Calls fn(folder name, truth document) for every truth file of `corpus`;
// returns how many.
int for_each_truth(const fs::path& corpus, const std::function<void(const std::string&, const Document&)>& fn) {
  int documents = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    fs::path truth = entry.path() / "truth.json";
    if (!fs::exists(truth)) continue;
    ++documents;
    fn(entry.path().filename().string(), load_document(truth));
  }
  return documents;
}

TEST(checks_test, truth_files) {
  if (!fs::exists(kCorpus)) GTEST_SKIP() << "no shared corpus";
  int documents = for_each_truth(kCorpus, [](const std::string& name, const Document& doc) {
    std::vector<CheckResult> results = run_checks(doc);
    std::vector<std::string> failed;
    for (const CheckResult& r : results)
      if (r.status == "fail") failed.push_back(r.rule + " " + r.where + ": " + r.message);
    if (name.rfind("seed", 0) != 0) {
      EXPECT_TRUE(failed.empty()) << name << "\n" << format_report(doc, results, true);
      return;
    }
    std::sort(failed.begin(), failed.end());
    EXPECT_EQ(
        failed,
        (std::vector<std::string>{
            "project_funds_match 2025年项目支出预算表（本年预算） / XM行政事业单位遗属补助经费 / "
            "total: "
            "missing performance table (项目支出绩效目标表)",
            "project_funds_match 项目支出绩效目标表 Z应急管理干部培训经费 / funds.annual.total: "
            "no annual amount printed (年度资金总额)"}))
        << name;
    // The project rows add up to 629.81 against a printed 629.80: a pass, with the difference
    // shown.
    auto rows = std::find_if(results.begin(), results.end(), [](const CheckResult& r) {
      return r.rule == "project_table_total" && r.where.find("/ total") != std::string::npos &&
             r.where.find(" vs ") == std::string::npos;
    });
    ASSERT_NE(rows, results.end()) << name;
    EXPECT_EQ(rows->status, "pass");
    EXPECT_EQ(*rows->expected, Amount{6298100});
    EXPECT_EQ(*rows->actual, Amount{6298000});
  });
  EXPECT_GT(documents, 0);
}

// The wider family (other producers and print styles): every truth is
// consistent, so no rule may fail on one — a failure would be a rule
// comparing unlike figures.
TEST(checks_test, wide_truth_files_pass_every_rule) {
  const fs::path wide = kCorpus.parent_path() / "wide";
  if (!fs::exists(wide)) GTEST_SKIP() << "no shared corpus";
  int documents = for_each_truth(wide, [](const std::string& name, const Document& doc) {
    std::vector<CheckResult> results = run_checks(doc);
    bool any_failed = std::any_of(results.begin(), results.end(),
                                  [](const CheckResult& r) { return r.status == "fail"; });
    EXPECT_FALSE(any_failed) << name << "\n" << format_report(doc, results, true);
  });
  EXPECT_GT(documents, 0);
}

}  // namespace
}  // namespace budget::checks
