// Tests of the JSON and line-item emitters (core/document_json, core/line_items).
#include "core/document_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/line_items.h"
#include "core/version.h"

namespace budget {
namespace {

// A small document touching every part of the contract.
Document sample_document() {
  Document doc;
  doc.source = {"sample.pdf", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "pdf", 36};
  doc.document = {"大同市应急管理局2025年部门预算", "大同市应急管理局", 2025, "budget",
                  "department"};

  Section part{"第一部分", "概况", 3, "", {}};
  part.children.push_back({"一、", "主要职能", 3, "负责应急管理。\n统筹“安全”工作", {}});
  doc.sections.push_back(part);

  Table t;
  t.kind = "expenditure_summary";
  t.ordinal = 3;
  t.title = "2025年预算支出总表";
  t.entity = "大同市应急管理局";
  t.unit = "万元";
  t.page = 7;
  t.pages = {7, 8};
  t.columns = {{"code", {"科目编码"}, ""},
               {"name", {"科目名称"}, ""},
               {"total", {"2025年预算数", "合计"}, ""},
               {"basic", {"2025年预算数", "基本支出"}, ""},
               {"gov_econ_name", {"政府预算支出经济科目名称"}, ""}};
  Row total;
  total.name = "合计";
  total.page = 7;
  total.values = {{"total", Amount{1234, 2}}, {"basic", Amount{0, 0}}};
  Row item;
  item.code = "208";
  item.name = "社会保障和就业支出";
  item.ordinal = "八";
  item.level = 1;
  item.page = 8;
  item.values = {{"total", Amount{3759900, 0}}};
  item.text_fields = {{"gov_econ_name", "工资奖金津补贴"}};
  t.rows = {total, item};
  doc.tables.push_back(t);

  Table summary;
  summary.kind = "budget_summary";
  summary.title = "收支总表";
  summary.unit = "元";
  summary.page = 5;
  summary.pages = {5};
  summary.columns = {{"name", {"项目"}, "income"},
                     {"total", {"预算数"}, "income"},
                     {"name", {"项目"}, "expenditure"},
                     {"total", {"预算数"}, "expenditure"}};
  Row income;
  income.name = "一般公共预算拨款收入, \"本级\"";
  income.side = "income";
  income.values = {{"total", Amount{123456, 2}}};
  Row spending;
  spending.name = "一般公共服务支出";
  spending.side = "expenditure";
  spending.page = 5;
  spending.values = {{"total", Amount{-5, 1}}};
  summary.rows = {income, spending};
  doc.tables.push_back(summary);

  Table empty;
  empty.kind = "government_fund_expenditure";
  empty.title = "政府性基金预算支出表";
  empty.page = 9;
  empty.pages = {9};
  empty.no_data = true;
  doc.tables.push_back(empty);

  Project p;
  p.name = "J安委会工作经费";
  p.page = 20;
  p.department = "大同市应急管理局";
  p.department_code = "114";
  p.implementing_unit = "大同市应急管理局";
  p.attribute = "经常性项目（长期开展）";
  p.period = "99年";
  p.funds_period.total = Amount{400000, 0};
  p.funds_period.central = Amount{0, 0};
  p.funds_period.local = Amount{400000, 0};
  p.funds_annual.fiscal = Amount{12345, 2};
  p.funds_annual.current_year = Amount{100, 0};
  p.funds_annual.carryover = Amount{2345, 2};
  p.overview = "概述";
  p.goal_annual = "完成检查";
  p.indicators = {
      {"annual", "产出指标", "数量指标", "检查完成率", "100%", Target{"=", Amount{100, 0}, "%"}},
      {"annual", "效益指标", "社会效益指标", "安全保障", "及时",
       Target{"qualitative", std::nullopt, ""}}};
  p.form = "performance_table";
  p.category = "特定目标类";
  doc.projects.push_back(p);

  Fact f;
  f.page = 18;
  f.section = {"第三部分 说明", "一、收支预算总体情况"};
  f.subject = "预算收入总计";
  f.value = Amount{22332200, 0};
  f.unit = "元";
  f.change = Amount{-228700, 0};
  f.change_pct = Amount{-103, 2};
  f.text = "收入总计2233.22万元";
  doc.facts.push_back(f);

  doc.assets.vehicles = {{"实有", 8, "held"}, {"编制", 3, "quota"}};
  doc.assets.floor_area_m2 = Amount{123456, 2};
  doc.assets.equipment = {{Amount{500000, 0}, 0, "通用设备", "planned"}};
  doc.assets.page = 30;
  doc.glossary = {{"基本支出", "指为保障机构正常运转、完成日常工作任务而发生的支出。"}};

  doc.checks.push_back({"parent_equals_children", "fail", "表3 208", Amount{100, 0},
                        Amount{9999, 2}, Amount{1, 2}, Amount{0, 0}, 7, "208 ≠ Σ children"});
  doc.warnings.push_back({"unmapped_column", std::nullopt, "column 7: \"备\t注\""});
  return doc;
}

// The exact text: key order, indentation, one-line lists, nulls, final newline.
const char* const kSampleJson = R"({
  "schema": "budget-disclosure/1",
  "producer": "budgetx VERSION",
  "source": {
    "file": "sample.pdf",
    "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "format": "pdf",
    "pages": 36
  },
  "document": {
    "title": "大同市应急管理局2025年部门预算",
    "entity": "大同市应急管理局",
    "fiscal_year": 2025,
    "kind": "budget",
    "scope": "department"
  },
  "sections": [
    {
      "marker": "第一部分",
      "title": "概况",
      "page": 3,
      "text": "",
      "children": [
        {
          "marker": "一、",
          "title": "主要职能",
          "page": 3,
          "text": "负责应急管理。\n统筹“安全”工作",
          "children": []
        }
      ]
    }
  ],
  "tables": [
    {
      "kind": "expenditure_summary",
      "ordinal": 3,
      "title": "2025年预算支出总表",
      "entity": "大同市应急管理局",
      "unit": "万元",
      "page": 7,
      "pages": [7, 8],
      "columns": [
        {
          "key": "code",
          "label": ["科目编码"]
        },
        {
          "key": "name",
          "label": ["科目名称"]
        },
        {
          "key": "total",
          "label": ["2025年预算数", "合计"]
        },
        {
          "key": "basic",
          "label": ["2025年预算数", "基本支出"]
        },
        {
          "key": "gov_econ_name",
          "label": ["政府预算支出经济科目名称"]
        }
      ],
      "rows": [
        {
          "code": null,
          "name": "合计",
          "ordinal": null,
          "level": 0,
          "side": null,
          "page": 7,
          "values": {
            "total": 12.34,
            "basic": 0
          }
        },
        {
          "code": "208",
          "name": "社会保障和就业支出",
          "ordinal": "八",
          "level": 1,
          "side": null,
          "page": 8,
          "values": {
            "total": 3759900
          },
          "gov_econ_name": "工资奖金津补贴"
        }
      ],
      "no_data": false
    },
    {
      "kind": "budget_summary",
      "ordinal": null,
      "title": "收支总表",
      "entity": "",
      "unit": "元",
      "page": 5,
      "pages": [5],
      "columns": [
        {
          "key": "name",
          "label": ["项目"],
          "side": "income"
        },
        {
          "key": "total",
          "label": ["预算数"],
          "side": "income"
        },
        {
          "key": "name",
          "label": ["项目"],
          "side": "expenditure"
        },
        {
          "key": "total",
          "label": ["预算数"],
          "side": "expenditure"
        }
      ],
      "rows": [
        {
          "code": null,
          "name": "一般公共预算拨款收入, \"本级\"",
          "ordinal": null,
          "level": 0,
          "side": "income",
          "page": null,
          "values": {
            "total": 1234.56
          }
        },
        {
          "code": null,
          "name": "一般公共服务支出",
          "ordinal": null,
          "level": 0,
          "side": "expenditure",
          "page": 5,
          "values": {
            "total": -0.5
          }
        }
      ],
      "no_data": false
    },
    {
      "kind": "government_fund_expenditure",
      "ordinal": null,
      "title": "政府性基金预算支出表",
      "entity": "",
      "unit": "",
      "page": 9,
      "pages": [9],
      "columns": [],
      "rows": [],
      "no_data": true
    }
  ],
  "projects": [
    {
      "name": "J安委会工作经费",
      "page": 20,
      "department": "大同市应急管理局",
      "department_code": "114",
      "implementing_unit": "大同市应急管理局",
      "attribute": "经常性项目（长期开展）",
      "period": "99年",
      "funds": {
        "period": {
          "total": 400000,
          "central": 0,
          "local": 400000
        },
        "annual": {
          "fiscal": 123.45,
          "current_year": 100,
          "carryover": 23.45
        }
      },
      "overview": "概述",
      "basis": "",
      "necessity": "",
      "measures": "",
      "plan": "",
      "goals": {
        "period": "",
        "annual": "完成检查"
      },
      "indicators": [
        {
          "scope": "annual",
          "level1": "产出指标",
          "level2": "数量指标",
          "name": "检查完成率",
          "value": "100%",
          "target": {
            "op": "=",
            "number": 100,
            "unit": "%"
          }
        },
        {
          "scope": "annual",
          "level1": "效益指标",
          "level2": "社会效益指标",
          "name": "安全保障",
          "value": "及时",
          "target": {
            "op": "qualitative"
          }
        }
      ],
      "form": "performance_table",
      "category": "特定目标类",
      "annual_budget": ""
    }
  ],
  "facts": [
    {
      "page": 18,
      "section": ["第三部分 说明", "一、收支预算总体情况"],
      "subject": "预算收入总计",
      "value": 22332200,
      "unit": "元",
      "change": -228700,
      "change_pct": -1.03,
      "share_pct": null,
      "text": "收入总计2233.22万元"
    }
  ],
  "assets": {
    "vehicles": [
      {
        "type": "实有",
        "count": 8,
        "status": "held"
      },
      {
        "type": "编制",
        "count": 3,
        "status": "quota"
      }
    ],
    "floor_area_m2": 1234.56,
    "equipment": [
      {
        "threshold_yuan": 500000,
        "count": 0,
        "kind": "通用设备",
        "status": "planned"
      }
    ],
    "page": 30
  },
  "glossary": [
    {
      "term": "基本支出",
      "definition": "指为保障机构正常运转、完成日常工作任务而发生的支出。"
    }
  ],
  "overall_performance": [],
  "checks": [
    {
      "rule": "parent_equals_children",
      "status": "fail",
      "where": "表3 208",
      "expected": 100,
      "actual": 99.99,
      "difference": 0.01,
      "tolerance": 0,
      "page": 7,
      "message": "208 ≠ Σ children"
    }
  ],
  "warnings": [
    {
      "code": "unmapped_column",
      "page": null,
      "message": "column 7: \"备\t注\""
    }
  ]
}
)";

// The expected texts name the release as VERSION: a version bump is no change of format.
std::string with_version(std::string json) {
  json.replace(json.find("VERSION"), 7, kBudgetxVersion);
  return json;
}

TEST(document_json_test, sample_document_text) {
  EXPECT_EQ(to_json(sample_document()), with_version(kSampleJson));
}

TEST(document_json_test, byte_stable) {
  Document doc = sample_document();
  EXPECT_EQ(to_json(doc), to_json(doc));
  EXPECT_EQ(to_json(doc), to_json(sample_document()));
}

TEST(document_json_test, parses_back_in_contract_order) {
  std::string text = to_json(sample_document());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  auto json = nlohmann::ordered_json::parse(text);

  std::vector<std::string> top;
  for (const auto& item : json.items()) top.push_back(item.key());
  EXPECT_EQ(top, (std::vector<std::string>{"schema", "producer", "source", "document", "sections", "tables",
                                           "projects", "facts", "assets", "glossary", "overall_performance", "checks",
                                           "warnings"}));
  EXPECT_EQ(json["schema"], "budget-disclosure/1");

  const auto& row = json["tables"][0]["rows"][1];
  std::vector<std::string> row_keys;
  for (const auto& item : row.items()) row_keys.push_back(item.key());
  EXPECT_EQ(row_keys, (std::vector<std::string>{"code", "name", "ordinal", "level", "side", "page",
                                                "values", "gov_econ_name"}));
  EXPECT_EQ(row["values"]["total"].get<std::int64_t>(), 3759900);
  EXPECT_TRUE(json["tables"][0]["rows"][0]["code"].is_null());
  EXPECT_FALSE(json["tables"][0]["columns"][0].contains("side"));
  EXPECT_EQ(json["tables"][1]["columns"][0]["side"], "income");
  EXPECT_EQ(json["projects"][0]["indicators"][1]["target"].size(), 1u);
  EXPECT_EQ(json["warnings"][0]["message"], "column 7: \"备\t注\"");
  EXPECT_EQ(json["sections"][0]["children"][0]["text"], "负责应急管理。\n统筹“安全”工作");
  EXPECT_EQ(json["assets"]["vehicles"][0]["count"], 8);
  EXPECT_EQ(json["projects"][0]["funds"]["annual"].size(), 3u);  // absent members left out
}

TEST(document_json_test, empty_document) {
  const char* expected = R"({
  "schema": "budget-disclosure/1",
  "producer": "budgetx VERSION",
  "source": {
    "file": "",
    "sha256": "",
    "format": "",
    "pages": null
  },
  "document": {
    "title": "",
    "entity": "",
    "fiscal_year": null,
    "kind": "",
    "scope": ""
  },
  "sections": [],
  "tables": [],
  "projects": [],
  "facts": [],
  "assets": {
    "vehicles": [],
    "floor_area_m2": null,
    "equipment": [],
    "page": null
  },
  "glossary": [],
  "overall_performance": [],
  "checks": [],
  "warnings": []
}
)";
  EXPECT_EQ(to_json(Document{}), with_version(expected));
  EXPECT_NO_THROW(nlohmann::json::parse(to_json(Document{})));
}

TEST(document_json_test, amounts_print_exactly) {
  static const struct {
    Amount value;
    const char* literal;
  } cases[] = {
      {{123456, 2}, "1234.56"},
      {{22332200, 0}, "22332200"},
      {{123450, 2}, "1234.5"},
      {{10, 1}, "1"},
      {{-5, 2}, "-0.05"},
      {{0, 2}, "0"},
      {{123456789012345678, 9}, "123456789.012345678"},
  };
  for (const auto& c : cases) {
    Document doc;
    Table t;
    Row r;
    r.values = {{"total", c.value}};
    t.rows = {r};
    doc.tables = {t};
    std::string text = to_json(doc);
    EXPECT_NE(text.find(std::string("\"total\": ") + c.literal + "\n"), std::string::npos)
        << c.literal;
    EXPECT_NO_THROW(nlohmann::json::parse(text)) << c.literal;
  }
}

TEST(document_json_test, json_quote) {
  static const struct {
    std::string input;
    const char* expected;
  } cases[] = {
      {"abc", R"("abc")"},
      {"", R"("")"},
      {"a\"b", R"("a\"b")"},
      {"a\\b", R"("a\\b")"},
      {"a\nb\tc\rd", R"("a\nb\tc\rd")"},
      {"\b\f", R"("\b\f")"},
      {std::string("\x01\x1f", 2), R"("\u0001\u001f")"},
      {std::string("a\0b", 3), R"("a\u0000b")"},
      {"中文（一）、“引号”", R"("中文（一）、“引号”")"},
      {"/", R"("/")"},
      {"\U0001F600", "\"\U0001F600\""},
      {"a\xFF"
       "b",
       "\"a\uFFFDb\""},                            // invalid byte
      {"\xC0\xAF", "\"\uFFFD\uFFFD\""},            // overlong '/'
      {"\xED\xA0\x80", "\"\uFFFD\uFFFD\uFFFD\""},  // UTF-8 encoded surrogate
      {"\xE4\xB8", "\"\uFFFD\uFFFD\""},            // truncated 中
  };
  for (const auto& c : cases) {
    EXPECT_EQ(json_quote(c.input), c.expected) << c.input;
    EXPECT_NO_THROW(nlohmann::json::parse(json_quote(c.input))) << c.input;
  }
}

TEST(line_items_test, csv) {
  const char* expected =
      "doc,entity,fiscal_year,doc_kind,table_kind,table_ordinal,side,row_code,row_name,"
      "row_ordinal,column,column_label,value,unit_printed,page\n"
      "0123456789ab,大同市应急管理局,2025,budget,expenditure_summary,3,,,合计,,total,"
      "2025年预算数/合计,12.34,万元,7\n"
      "0123456789ab,大同市应急管理局,2025,budget,expenditure_summary,3,,,合计,,basic,"
      "2025年预算数/基本支出,0,万元,7\n"
      "0123456789ab,大同市应急管理局,2025,budget,expenditure_summary,3,,208,社会保障和就业支出,"
      "八,total,2025年预算数/合计,3759900,万元,8\n"
      "0123456789ab,大同市应急管理局,2025,budget,budget_summary,,income,,"
      "\"一般公共预算拨款收入, \"\"本级\"\"\",,total,预算数,1234.56,元,5\n"
      "0123456789ab,大同市应急管理局,2025,budget,budget_summary,,expenditure,,一般公共服务支出,,"
      "total,预算数,-0.5,元,5\n";
  EXPECT_EQ(to_items_csv(sample_document()), expected);
  EXPECT_EQ(to_items_csv(Document{}),
            "doc,entity,fiscal_year,doc_kind,table_kind,table_ordinal,side,row_code,row_name,"
            "row_ordinal,column,column_label,value,unit_printed,page\n");
}

TEST(line_items_test, jsonl) {
  std::string text = to_items_jsonl(sample_document());
  std::vector<nlohmann::ordered_json> records;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    records.push_back(nlohmann::ordered_json::parse(text.substr(start, end - start)));
  EXPECT_EQ(start, text.size());
  ASSERT_EQ(records.size(), 5u);

  std::vector<std::string> keys;
  for (const auto& item : records[0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"doc", "entity", "fiscal_year", "doc_kind",
                                            "table_kind", "table_ordinal", "side", "row_code",
                                            "row_name", "row_ordinal", "column", "column_label",
                                            "value", "unit_printed", "page"}));
  EXPECT_EQ(text.substr(0, text.find('\n')),
            R"({"doc":"0123456789ab","entity":"大同市应急管理局","fiscal_year":2025,)"
            R"("doc_kind":"budget","table_kind":"expenditure_summary","table_ordinal":3,)"
            R"("side":null,"row_code":null,"row_name":"合计","row_ordinal":null,)"
            R"("column":"total","column_label":"2025年预算数/合计","value":12.34,)"
            R"("unit_printed":"万元","page":7})");
  EXPECT_EQ(records[2]["row_code"], "208");
  EXPECT_EQ(records[2]["value"].get<std::int64_t>(), 3759900);
  EXPECT_EQ(records[3]["side"], "income");
  EXPECT_TRUE(records[3]["table_ordinal"].is_null());
  EXPECT_EQ(records[3]["page"], 5);  // the table's page when the row has none
  EXPECT_EQ(to_items_jsonl(Document{}), "");
}

}  // namespace
}  // namespace budget
