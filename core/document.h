// core/document.h — the canonical model of one disclosure, as the output
// contract (shared/design/contract.md) defines it.  Plain aggregates; the
// JSON emitter (core/document_json.h) writes them in contract order.
//
// Every money value here is already in 元 (exact decimal).  Optional fields
// are std::optional and come out as JSON null when absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/amount.h"
#include "core/layout.h"

namespace budget {

constexpr const char* kSchemaName = "budget-disclosure/1";

struct Source {
  std::string file;    // base name only
  std::string sha256;  // lowercase hex of the input bytes
  std::string format;  // "pdf" | "text"
  std::optional<int> pages;
};

struct DocumentInfo {
  std::string title;
  std::string entity;
  std::optional<int> fiscal_year;
  std::string kind;   // "budget" | "final_account" | "" (unknown)
  std::string scope;  // "unit" | "department" | ""
};

struct Section {
  std::string marker;  // "第一部分", "一、", "（一）", "1、"
  std::string title;
  std::optional<int> page;
  std::string text;    // prose directly under the heading, paragraphs joined by '\n'
  std::vector<Section> children;
};

struct Column {
  std::string key;                 // "total", "vehicles.total", "col_7"
  std::vector<std::string> label;  // printed header path, top group first
  std::string side;                // "" | "income" | "expenditure" | "purpose"
};

// Ordered key -> value list; keeps insertion order (column order) for output.
template <typename V>
using OrderedMap = std::vector<std::pair<std::string, V>>;

struct Row {
  std::optional<std::string> code;     // digits only
  std::string name;
  std::optional<std::string> ordinal;  // "八", "①", "1"
  int level = 0;
  std::string side;                    // "" when the table has one item list
  std::optional<int> page;
  // Provenance: where the row is printed on `page` (PDF points, top-left
  // origin; the row's cells of its own item list), and each printed cell's
  // box by column key (code, name, amounts, text fields).  Absent for text
  // input, which has no pages.
  std::optional<Box> box;
  OrderedMap<Box> cell_boxes;
  // A row whose name a page break cut (当年收入 | next page: 小计): the page
  // and box of the piece printed on the next page.
  std::optional<std::pair<int, Box>> continuation;
  OrderedMap<Amount> values;           // amounts in 元, blank cells absent
  OrderedMap<std::string> text_fields; // other text columns: gov_econ_name, remark, …

  const Amount* value(const std::string& key) const {
    for (const auto& kv : values)
      if (kv.first == key) return &kv.second;
    return nullptr;
  }
};

struct Table {
  std::string kind = "unknown";
  std::optional<int> ordinal;
  std::string title;
  std::string entity;
  std::string unit;        // printed unit: "万元" | "元" | "千元" | ""
  std::optional<int> page;
  std::vector<int> pages;
  std::vector<Column> columns;
  std::vector<Row> rows;
  bool no_data = false;
};

// An indicator target parsed from its printed value (≥99%, 5.2万元, 及时).
struct Target {
  std::string op;                 // "=", "≥", "≤", ">", "<", "qualitative"
  std::optional<Amount> number;   // money targets in 元
  std::string unit;               // "%", "元", "人", "次", …
};

struct Indicator {
  std::string scope;   // "period" | "annual"
  std::string level1, level2, name, value;
  Target target;
};

struct FundSplit {
  std::optional<Amount> total, central, provincial, local, self_raised, other;
  // Forms that split funds by kind rather than by level of government
  // (Shanghai's 财政项目支出绩效目标填报表): 财政资金, 当年财政拨款, 上年结转资金.
  std::optional<Amount> fiscal, current_year, carryover;
};

struct Project {
  std::string name;
  std::optional<int> page;
  std::string department, department_code, implementing_unit, attribute, period;
  FundSplit funds_period, funds_annual;
  std::string overview, basis, necessity, measures, plan;
  std::string goal_period, goal_annual;
  std::vector<Indicator> indicators;
  std::string form;  // which printed form it came from: "performance_table" | "prose"
  std::string category;       // 项目类别 where printed (特定目标类, 其他运转类); "" otherwise
  std::string annual_budget;  // prose form: 年度预算安排 as printed; "" otherwise
};

// A count of vehicles of one kind, as the 国有资产占有使用情况 prose states it:
// "公务用车编制3辆，实有8辆，其中：领导用车0辆…" -> {编制 3 quota}, {实有 8 held},
// {领导用车 0 held}; "预算安排购置车辆0辆" -> {购置车辆 0 planned}.
struct VehicleCount {
  std::string type;    // the printed kind: 编制, 实有, 领导用车, 执法执勤用车, …
  std::int64_t count = 0;
  std::string status;  // "held" | "quota" (编制) | "planned" (预算安排购置)
};

// Equipment counted above a value threshold: "50万元（原值）以上的通用设备0台（套）".
struct EquipmentCount {
  std::optional<Amount> threshold_yuan;  // 500000 for 50万元以上; absent when none printed
  std::int64_t count = 0;
  std::string kind;                      // 通用设备, 专用设备, 设备
  std::string status;                    // "held" | "planned"
};

struct Assets {
  std::vector<VehicleCount> vehicles;
  std::optional<Amount> floor_area_m2;   // 办公用房建筑总面积 (else 房屋) in m²
  std::vector<EquipmentCount> equipment;
  std::optional<int> page;               // where the first of these was stated
};

// One 名词解释 entry: "一、基本支出：指为…" -> {基本支出, 指为…}.
struct GlossaryEntry {
  std::string term;
  std::string definition;
};

struct Fact {
  std::optional<int> page;
  std::vector<std::string> section;  // heading path, "marker title" each
  std::string subject;
  std::optional<Amount> value;       // 元
  std::string unit;                  // "元" for money, "%" for a bare percentage, …
  std::optional<Amount> change;      // 元, negative for 减少
  std::optional<Amount> change_pct;  // percent, negative for 下降
  std::optional<Amount> share_pct;   // 占 X%
  std::string text;                  // the sentence it was read from
};

struct CheckResult {
  std::string rule;
  std::string status;  // "pass" | "fail"
  std::string where;
  std::optional<Amount> expected, actual, difference, tolerance;
  std::optional<int> page;
  std::string message;
  // "error" (a failure) | "note" (within rounding, but two printings of one
  // figure differ) | "" (nothing to see); checks/severity.h.
  std::string severity;
};

struct Warning {
  std::string code;  // unknown_table | unparsed_number | unmapped_column | …
  std::optional<int> page;
  std::string message;
};

struct Document {
  Source source;
  DocumentInfo document;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Project> projects;
  std::vector<Fact> facts;
  Assets assets;
  std::vector<GlossaryEntry> glossary;
  // 部门（单位）整体支出绩效目标表: the department's overall targets, in the
  // project record's shape (name = the department, form "overall_performance").
  std::vector<Project> overall_performance;
  std::vector<CheckResult> checks;
  std::vector<Warning> warnings;
};

}  // namespace budget
