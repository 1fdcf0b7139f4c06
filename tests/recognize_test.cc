// Recognisers: titles and ordinals, header labels → column keys, row names,
// heading markers.  Table-driven.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.h"
#include "extract/pipeline.h"
#include "extract/recognize/header.h"
#include "extract/recognize/inferred_unit.h"
#include "extract/recognize/outline.h"
#include "extract/recognize/table_body.h"
#include "extract/recognize/titles.h"
#include "extract/text_reader.h"

namespace budget::extract {
namespace {

TEST(recognize_test, table_kinds_from_real_titles) {
  struct Case {
    const char* title;
    const char* kind;
    int ordinal;  // 0: none
  };
  static const Case kCases[] = {
      {"表一2025年预算收支总表", "budget_summary", 1},
      {"预算公开表12020年预算收入总表", "income_summary", 1},
      {"预算公开表102020年财政拨款安排“三公”经费支出预算表", "three_public", 10},
      {"2025年预算支出总表", "expenditure_summary", 0},
      {"收支预算总表", "budget_summary", 0},
      {"部门收支总表", "budget_summary", 0},
      {"财务收支预算总表", "budget_summary", 0},
      {"收入预算总表", "income_summary", 0},
      {"部门支出总表", "expenditure_summary", 0},
      {"财政拨款收支总表", "appropriation_summary", 0},
      {"财政拨款收支预算总表", "appropriation_summary", 0},
      {"财政拨款支出预算表", "appropriation_expenditure", 0},
      {"财政拨款基本支出预算表", "appropriation_basic", 0},
      {"2025年一般公共预算支出预算表（不含上年结转）", "general_public_expenditure", 0},
      {"一般公共预算财政拨款支出表", "general_public_expenditure", 0},
      {"2025年一般公共预算安排基本支出分经济科目表（不含上年结转）", "general_public_basic", 0},
      {"一般公共预算财政拨款基本支出表", "general_public_basic", 0},
      {"政府性基金预算收入表", "government_fund_income", 0},
      {"政府性基金预算支出表", "government_fund_expenditure", 0},
      {"政府性基金预算财政拨款收入支出决算表", "government_fund_expenditure_final", 0},
      {"国有资本经营预算支出表", "state_capital", 0},
      {"一般公共预算“三公”经费、会议费、培训费支出预算表", "three_public", 0},
      {"三公经费和机关运行经费预算表", "three_public", 0},
      {"机关运行经费和“三公”经费预算表", "operating_expenses", 0},
      {"财政拨款收支预算表", "appropriation_summary", 0},
      {"一般公共预算机关运行经费支出预算表", "operating_expenses", 0},
      {"项目支出预算表（本年预算）", "project_expenditure", 0},
      {"项目支出预算表（上年结转）", "project_expenditure_carryover", 0},
      {"政府采购预算表", "procurement", 0},
      {"附表3：2024年收入支出决算总表", "budget_summary_final", 3},
      {"收入决算表", "income_summary_final", 0},
      {"支出决算表", "expenditure_summary_final", 0},
      {"财政拨款收入支出决算总表", "appropriation_summary_final", 0},
      {"一般公共预算财政拨款支出决算表", "general_public_expenditure_final", 0},
      {"表十三 2025年项目支出预算表（上年结转）", "project_expenditure_carryover", 13},
  };
  for (const auto& c : kCases) {
    auto info = parse_title(c.title);
    ASSERT_TRUE(info.has_value()) << c.title;
    EXPECT_EQ(info->kind, c.kind) << c.title;
    EXPECT_EQ(info->ordinal.value_or(0), c.ordinal) << c.title;
  }
}

TEST(recognize_test, not_table_titles) {
  static const char* const kLines[] = {
      "一、收入预算情况说明",
      "2025年度大同市应急管理局预算收入总计2,233.22万元，其中：本年收入2,233.22万元。",
      "表一2025年预算收支总表.....3",
      "单位：万元",
  };
  for (const char* line : kLines) EXPECT_FALSE(parse_title(line).has_value()) << line;
}

TEST(recognize_test, performance_forms_are_records) {
  auto info = parse_title("大同市市级预算部门（单位）项目支出绩效目标表");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->record, "project_performance");
  EXPECT_EQ(info->kind, "");
}

TEST(recognize_test, ordinal_labels_and_chinese_numbers) {
  struct Case {
    const char* text;
    int value;
  };
  static const Case kLabels[] = {{"预算公开表1", 1}, {"表十三", 13}, {"附表 2", 2}, {"表二十一", 21}, {"公开01表", 1}};
  for (const auto& c : kLabels) EXPECT_EQ(parse_ordinal_label(c.text).value_or(0), c.value) << c.text;
  EXPECT_FALSE(parse_ordinal_label("2025年预算收支总表").has_value());
  EXPECT_EQ(chinese_number("三十").value_or(0), 30);
  EXPECT_FALSE(chinese_number("合计").has_value());
}

std::vector<GridRow> rows_of(std::initializer_list<std::vector<std::string>> lines) {
  std::vector<GridRow> rows;
  for (const auto& line : lines) {
    GridRow r;
    for (const auto& t : line) r.cells.push_back(GridCell{t, 1, {}});
    rows.push_back(r);
  }
  return rows;
}

std::string keys_of(const HeaderLayout& h) {
  std::string s;
  for (const auto& c : h.columns)
    s += (s.empty() ? "" : " ") + (c.column.side.empty() ? "" : c.column.side + ":") + c.column.key;
  return s;
}

TEST(recognize_test, header_rows_to_column_keys) {
  struct Case {
    std::vector<GridRow> rows;
    const char* keys;
  };
  const Case kCases[] = {
      {rows_of({{"项目", "", "2025年预算数", "", ""}, {"科目编码", "科目名称", "合计", "基本支出", "项目支出"}}),
       "code name total basic project"},
      {rows_of({{"收入", "", "支出", "", "", ""},
                {"项目", "2025年", "项目", "2025年合计", "当年预算安排", "上年结转安排"}}),
       "income:name income:total expenditure:name expenditure:total expenditure:current_year "
       "expenditure:carryover"},
      // Unruled: the group labels centred over each list land right of its
      // first column (支出 over 2025年合计, not over the second 项目).
      {rows_of({{"收入", "", "", "支出", "", ""},
                {"项目", "2025年", "项目", "2025年合计", "当年预算安排", "上年结转安排"}}),
       "income:name income:total expenditure:name expenditure:total expenditure:current_year "
       "expenditure:carryover"},
      {rows_of({{"收入", "", "支出", "", "", "", ""},
                {"项目", "金额", "项目", "金额", "", "", ""},
                {"", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"}}),
       "income:name income:total expenditure:name expenditure:total expenditure:general_public "
       "expenditure:government_fund expenditure:state_capital"},
      {rows_of({{"项目", "", "本年收入", "", "上年结转"}, {"科目编码", "科目名称", "合计", "单位资金", ""}}),
       "code name total unit_funds carryover"},
      {rows_of({{"项目名称", "合计", "2025年财政拨款", "", "财政专户管理 资金"},
                {"", "", "一般公共预算", "政府性基金 预算", ""}}),
       "name total general_public government_fund special_account"},
      {rows_of({{"科目编码", "", "", "科目名称", "合计"}, {"类", "款", "项", "", ""}}), "code name total"},
      {rows_of({{"项目", "公务用车购置及运行费", "", "因公出国（境）费"}, {"", "小计", "公务用车购置费", ""}}),
       "name vehicles.total vehicles.vehicle_purchase abroad"},
      {rows_of({{"项目", "2024年预算数", "2025年预算数"}}), "name prior_year total"},
      {rows_of({{"收入", "", "支出", "", "", ""},
                {"项目名称", "金额", "功能分类", "", "支出用途", ""},
                {"", "", "功能科目名称", "金额", "项目名称", "金额"}}),
       "income:name income:total expenditure:name expenditure:total purpose:name purpose:total"},
      {rows_of({{"人员经费", "", "", "公用经费", "", ""},
                {"科目编码", "科目名称", "金额", "科目编码", "科目名称", "金额"}}),
       "personnel:code personnel:name personnel:total public_expenses:code public_expenses:name "
       "public_expenses:total"},
      {rows_of({{"科目编码", "科目名称", "合计", "人员经费", "公用经费"}}),
       "code name total personnel public_expenses"},
  };
  for (const auto& c : kCases) {
    std::vector<Warning> warnings;
    auto h = map_header(c.rows, static_cast<int>(c.rows[0].cells.size()), 2025, warnings);
    EXPECT_EQ(keys_of(h), c.keys);
    EXPECT_TRUE(warnings.empty());
  }
}

TEST(recognize_test, unknown_header_gets_positional_key_and_warning) {
  std::vector<Warning> warnings;
  auto h = map_header(rows_of({{"科目名称", "神秘列"}}), 2, 2025, warnings);
  EXPECT_EQ(keys_of(h), "name col_2");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "unmapped_column");
}

TEST(recognize_test, ordinal_prefixes_split_from_names) {
  struct Case {
    const char* in;
    const char* ordinal;
    const char* name;
  };
  static const Case kCases[] = {
      {"一、一般公共预算", "一", "一般公共预算"}, {"①公务用车购置费", "①", "公务用车购置费"},
      {"（一）基本支出", "一", "基本支出"},       {"二十三、灾害防治及应急管理支出", "二十三", "灾害防治及应急管理支出"},
      {"社会保障和就业支出", "", "社会保障和就业支出"},
      {"1.一般公共预算", "1", "一般公共预算"},   {"2. 政府性基金预算", "2", "政府性基金预算"},
      {"1.5万元以下设备", "", "1.5万元以下设备"},
  };
  for (const auto& c : kCases) {
    auto [ord, name] = split_ordinal(c.in);
    EXPECT_EQ(ord, c.ordinal) << c.in;
    EXPECT_EQ(name, c.name) << c.in;
  }
}

TEST(recognize_test, heading_markers) {
  struct Case {
    const char* text;
    const char* marker;
    const char* title;
    int rank;
  };
  static const Case kCases[] = {
      {"第一部分 概况", "第一部分", "概况", 0},
      {"一、本单位职责", "一、", "本单位职责", 1},
      {"（一）政府购买服务指导性目录", "（一）", "政府购买服务指导性目录", 2},
      {"(二) 一般公共预算当年支出结构情况", "(二)", "一般公共预算当年支出结构情况", 2},
      {"1、车辆情况：", "1、", "车辆情况", 3},
      {"（1）其他", "（1）", "其他", 4},
      {"2025年度预算", "", "", -1},
  };
  for (const auto& c : kCases) {
    auto h = parse_heading_marker(c.text);
    EXPECT_EQ(h.rank, c.rank) << c.text;
    EXPECT_EQ(h.marker, c.marker) << c.text;
    EXPECT_EQ(h.title, c.title) << c.text;
  }
}

// A chart drawn in a PDF reads as its labels beside its caption; the text form
// of the same document has the caption only.  Neither is prose.
TEST(recognize_test, chart_labels_beside_a_caption_are_no_prose) {
  auto paragraph = [](const std::string& text) {
    Block b;
    b.text = text;
    return b;
  };
  const std::string prose = "一般公共预算当年支出2,233.22万元，主要用于：卫生健康支出75.80万元，占3.39%。";
  std::vector<Block> blocks = {
      paragraph("（二）一般公共预算当年支出结构情况"), paragraph(prose),
      paragraph("社会保障和就业支出16.84%"), paragraph("卫生健康支出 3.39%"),
      paragraph("住房保障支出6.00%灾害防治及应急管理支出69.29%"), paragraph("一般公共预算当年拨款结构图"),
      // Caption above its chart: the labels follow it.
      paragraph("（三）“三公”经费"), paragraph("“三公”经费分布图"), paragraph("公务接待费0.00%"),
      paragraph("公务用车购置及运行费100.00%"), paragraph("“三公”经费预算10.50万元。"),
      // A label-like line with no caption beside it is prose.
      paragraph("（四）其他"), paragraph("合计100%"),
  };
  std::vector<Section> sections = build_outline(blocks, std::vector<bool>(blocks.size(), false));
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].text, prose);
  EXPECT_EQ(sections[1].text, "“三公”经费预算10.50万元。");
  EXPECT_EQ(sections[2].text, "合计100%");
}

// ---- whole tables, read from the text form ---------------------------------

Document read_tables(const std::string& text) { return recognize(read_text(text)); }

// "code name: key=value …" for every row of the first table.
std::string rows_summary(const Table& t) {
  std::string s;
  for (const auto& r : t.rows) {
    s += (s.empty() ? "" : "; ") + r.code.value_or("") + " " + r.name + ":";
    for (const auto& [key, v] : r.values) s += " " + key + "=" + v.to_string();
  }
  return s;
}

TEST(recognize_test, split_code_columns_printing_only_the_rows_own_part) {
  Document doc = read_tables(
      "2025年预算支出总表\n单位：元\n"
      "科目编码\t\t\t科目名称\t合计\n类\t款\t项\t\t\n"
      "\t\t\t合计\t30\n"
      "205\t\t\t教育支出\t30\n\t01\t\t教育管理事务\t30\n\t\t01\t行政运行\t10\n"
      "\t\t99\t其他教育管理事务支出\t20\n"
      "208\t05\t01\t行政单位离退休\t0\n");
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(rows_summary(doc.tables[0]),
            " 合计: total=30; 205 教育支出: total=30; 20501 教育管理事务: total=30; "
            "2050101 行政运行: total=10; 2050199 其他教育管理事务支出: total=20; "
            "2080501 行政单位离退休: total=0");
  EXPECT_EQ(doc.tables[0].rows[3].level, 3);
}

TEST(recognize_test, a_first_body_line_of_dashes_is_no_header_line) {
  // 因公出国（境）费 is a column label elsewhere; with its blank amounts
  // printed as '-' it is the table's first row, not a header line.
  Document doc = read_tables(
      "2025年财政拨款安排“三公”经费支出预算表\n单位：万元\n"
      "项目\t2025年预算数\t\n\t合计\t一般公共预算\n"
      "因公出国（境）费\t-\t-\n公务接待费\t3.43\t3.43\n合计\t3.43\t3.43\n");
  ASSERT_EQ(doc.tables.size(), 1u);
  const Table& t = doc.tables[0];
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].key, "total");
  EXPECT_EQ(rows_summary(t),
            " 因公出国（境）费:;  公务接待费: total=34300 general_public=34300;  合计: total=34300 "
            "general_public=34300");
}

TEST(recognize_test, economic_codes_printed_in_parts_with_spaces) {
  Document doc = read_tables(
      "一般公共预算基本支出表\n单位：元\n科目编码\t科目名称\t合计\n"
      "301\t工资福利支出\t30\n301 2\t津贴补贴\t10\n301 07\t绩效工资\t20\n208 05 01\t行政单位离退休\t0\n");
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(rows_summary(doc.tables[0]),
            "301 工资福利支出: total=30; 30102 津贴补贴: total=10; 30107 绩效工资: total=20; "
            "2080501 行政单位离退休: total=0");
}

TEST(recognize_test, titles_inside_a_grid_and_ordinals_below_them) {
  // Two tables printed back to back in one grid, each titled by a line of
  // the grid, the ordinal label on the line below the title.
  Document doc = read_tables(
      "2025年预算收入总表\n公开表2\n单位：万元\n项目\t金额\n合计\t1.00\n"
      "2025年预算支出总表\t\n公开表3\t\n项目\t金额\n合计\t2.00\n");
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].kind, "income_summary");
  EXPECT_EQ(doc.tables[0].ordinal.value_or(0), 2);
  EXPECT_EQ(rows_summary(doc.tables[0]), " 合计: total=10000");
  EXPECT_EQ(doc.tables[1].kind, "expenditure_summary");
  EXPECT_EQ(doc.tables[1].ordinal.value_or(0), 3);
  EXPECT_EQ(rows_summary(doc.tables[1]), " 合计: total=20000");
}

TEST(recognize_test, procurement_rows_are_named_by_the_purchased_item_not_the_method) {
  Document doc = read_tables(
      "政府采购预算表\n单位：元\n采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n"
      "合计\t\t\t\t\t30\n货物\t\t\t\t\t30\n\t办公设备购置费\t办公设备购置\t\t\t30\n"
      "\t\t\t复印机\t政府集中采购\t20\n\t\t会议费\t\t\t10\n\t\t\t会议服务\t分散采购\t10\n");
  ASSERT_EQ(doc.tables.size(), 1u);
  std::string names;
  for (const Row& r : doc.tables[0].rows) names += r.name + "/" + std::to_string(r.level) + " ";
  EXPECT_EQ(names, "合计/0 货物/1 办公设备购置费/2 复印机/3 会议费/2 会议服务/3 ");
}

TEST(recognize_test, tables_listed_in_the_contents_but_not_printed_are_reported) {
  Document doc = read_tables(
      "目录\n表1 2025年预算收入总表.....\t3\n表2 2025年预算支出总表……4\n一、本单位职责.....\t2\n"
      "表1 2025年预算收入总表\n单位：万元\n项目\t金额\n合计\t1.00\n"
      "2025年政府性基金预算支出表\n单位：万元\n项目\t金额\n");
  std::vector<std::string> codes;
  for (const Warning& w : doc.warnings)
    if (w.code == "table_not_printed" || w.code == "table_without_figures") codes.push_back(w.code + " " + w.message);
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_NE(codes[0].find("table_without_figures"), std::string::npos) << codes[0];
  EXPECT_NE(codes[1].find("expenditure_summary"), std::string::npos) << codes[1];
}

TEST(recognize_test, a_unit_line_that_does_not_decode_is_inferred_from_the_prose) {
  // The unit line printed in glyphs that do not decode: the prose states
  // the total in 万元, so the table's amounts are 万元 too; the second
  // table has no figure of its own in the prose and follows the first.
  const std::string tables =
      "2025年预算收入总表\n■■:■■\n项目\t金额\n合计\t2250.04\n"
      "2025年预算支出总表\n■■:■■\n项目\t金额\n合计\t0.00\n";
  Document doc = read_tables("# 某局2025年单位预算公开\n一、收入预算情况说明\n收入总计2250.04万元。\n" + tables);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].unit, "万元");
  EXPECT_EQ(rows_summary(doc.tables[0]), " 合计: total=22500400");
  EXPECT_EQ(doc.tables[1].unit, "万元");
  int inferred = 0;
  for (const Warning& w : doc.warnings) inferred += w.code == "unit_inferred";
  EXPECT_EQ(inferred, 2);
  // No prose figure and no readable unit anywhere: taken as printed, and said.
  Document bare = read_tables("# 某局2025年单位预算公开\n" + tables);
  EXPECT_EQ(bare.tables[0].unit, "");
  EXPECT_EQ(rows_summary(bare.tables[0]), " 合计: total=2250.04");
  EXPECT_TRUE(std::any_of(bare.warnings.begin(), bare.warnings.end(),
                          [](const Warning& w) { return w.code == "unknown_unit"; }));
  EXPECT_TRUE(is_unreadable_unit_line("\xEF\xBF\xBD\xEF\xBF\xBD：\xEF\xBF\xBD"));
  EXPECT_FALSE(is_unreadable_unit_line("单位：万元"));
  EXPECT_FALSE(is_unreadable_unit_line("："));
}

TEST(recognize_test, reports_that_are_no_disclosures_are_refused) {
  // Tables of their own and sentences naming a budget make no disclosure.
  EXPECT_THROW(read_tables("# 某市民政局2024年政府信息公开工作年度报告\n一、总体情况\n"
                           "2024年，本局公开预算决算信息。\n信息内容\t本年制发件数\n规章\t0\n"),
               Error);
  EXPECT_THROW(read_tables("# 2023年某市国民经济和社会发展统计公报\n"
                           "全年一般公共预算收入123.4亿元，比上年增长5.1%。\n指标\t绝对数\n地区生产总值\t1234.5\n"),
               Error);
  // A disclosure printed as prose only keeps its cover.
  Document prose = read_tables("# 某局2025年部门预算公开\n一、部门职责\n负责本地区工作。\n");
  EXPECT_EQ(prose.document.kind, "budget");
}

}  // namespace
}  // namespace budget::extract
