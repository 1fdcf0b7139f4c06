// Unit tests of diff/: exact arithmetic, the JSON reader, row alignment
// (moves, renames, repeated names), the min-change filter and the renderers.
#include <gtest/gtest.h>

#include "core/document_json.h"
#include "diff/command.h"
#include "diff/diff.h"
#include "diff/document_reader.h"
#include "diff/render.h"

namespace budget::diff {
namespace {

Amount yuan(std::int64_t v) { return Amount{v, 0}; }

Row row(std::optional<std::string> code, std::string name, int level,
        OrderedMap<Amount> values) {
  Row r;
  r.code = std::move(code);
  r.name = std::move(name);
  r.level = level;
  r.values = std::move(values);
  return r;
}

// A small 2017 document: one coded table.
Document year_2017() {
  Document d;
  d.document = {"2017年部门预算", "某厅", 2017, "budget", "department"};
  Table t;
  t.kind = "general_public_basic";
  t.title = "2017年一般公共预算基本支出表";
  t.unit = "万元";
  t.page = 9;
  t.columns = {{"code", {"科目编码"}, ""}, {"name", {"科目名称"}, ""}, {"total", {"合计"}, ""}};
  t.rows = {row(std::nullopt, "合计", 0, {{"total", yuan(3000000)}}),
            row("301", "工资福利支出", 1, {{"total", yuan(1000000)}}),
            row("30101", "基本工资", 2, {{"total", yuan(1000000)}}),
            row("303", "对个人和家庭的补助", 1, {{"total", yuan(2000000)}}),
            row("30311", "住房公积金", 2, {{"total", yuan(1500000)}}),
            row("30312", "提租补贴", 2, {{"total", yuan(500000)}})};
  d.tables.push_back(t);
  return d;
}

TEST(diff_test, same_document_is_empty) {
  Document a = year_2017();
  Diff d = compare(a, a);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.tables.size(), 1u);
}

TEST(diff_test, renumbered_code_is_a_move_not_a_removal_and_an_addition) {
  Document a = year_2017(), b = year_2017();
  b.document.fiscal_year = 2018;
  b.tables[0].title = "2018年一般公共预算基本支出表";
  // 2018's reform: 住房公积金 moves from 30311 to 30113 (the parent name decides).
  b.tables[0].rows[4] = row("30113", "住房公积金", 2, {{"total", yuan(1700000)}});
  Diff d = compare(a, b);
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].type, "moved");
  EXPECT_EQ(d.rows[0].old_row.code, std::optional<std::string>("30311"));
  EXPECT_EQ(d.rows[0].new_row.code, std::optional<std::string>("30113"));
  ASSERT_EQ(d.cells.size(), 1u);
  EXPECT_EQ(d.cells[0].column, "total");
  EXPECT_EQ(*difference(d.cells[0].old_value, d.cells[0].new_value), yuan(200000));
}

TEST(diff_test, added_removed_and_renamed_rows) {
  Document a = year_2017(), b = year_2017();
  b.tables[0].rows.erase(b.tables[0].rows.begin() + 5);                              // 提租补贴
  b.tables[0].rows.push_back(row("30399", "其他对个人和家庭的补助", 2, {{"total", yuan(7)}}));
  b.tables[0].rows[2].name = "基本工资（含津贴）";                                 // same code
  Diff d = compare(a, b);
  std::vector<std::string> types;
  for (const RowChange& r : d.rows) types.push_back(r.type + " " + r.new_row.name + r.old_row.name);
  EXPECT_EQ(types, (std::vector<std::string>{"renamed 基本工资（含津贴）基本工资",
                                             "added 其他对个人和家庭的补助", "removed 提租补贴"}));
  EXPECT_EQ(d.rows[1].values.size(), 1u);
  EXPECT_EQ(d.rows[2].values[0].second, yuan(500000));
}

TEST(diff_test, blank_and_zero_differ_but_equal_decimals_do_not) {
  Document a = year_2017(), b = year_2017();
  a.tables[0].rows[1].values = {{"total", Amount{100000000, 2}}};  // 1000000.00
  b.tables[0].rows[2].values.clear();                               // blank
  Diff d = compare(a, b);
  ASSERT_EQ(d.cells.size(), 1u);
  EXPECT_EQ(d.cells[0].new_row.code, std::optional<std::string>("30101"));
  EXPECT_FALSE(d.cells[0].new_value.has_value());
  EXPECT_FALSE(difference(d.cells[0].old_value, d.cells[0].new_value).has_value());
}

TEST(diff_test, change_pct_is_exact_with_two_decimals) {
  struct {
    std::int64_t old_value, new_value;
    const char* pct;
  } cases[] = {{136490700, 158974400, "16.47"}, {1284300, 16857200, "1212.56"},
               {3, 2, "-33.33"},                {200, 201, "0.50"},
               {8, 9, "12.50"},                 {-100, 50, "150.00"}};
  for (const auto& c : cases)
    EXPECT_EQ(fixed2(*change_pct(yuan(c.old_value), yuan(c.new_value))), c.pct)
        << c.old_value << " -> " << c.new_value;
  EXPECT_FALSE(change_pct(yuan(0), yuan(5)).has_value());
  EXPECT_EQ(fixed2(Amount{-5, 0}), "-5.00");
}

TEST(diff_test, min_change_with_units) {
  EXPECT_EQ(*parse_min_change("5000"), yuan(5000));
  EXPECT_EQ(*parse_min_change("5000元"), yuan(5000));
  EXPECT_EQ(*parse_min_change("1.5万"), yuan(15000));
  EXPECT_EQ(*parse_min_change("1.5万元"), yuan(15000));
  EXPECT_EQ(*parse_min_change("2亿"), yuan(200000000));
  EXPECT_EQ(*parse_min_change("3千元"), yuan(3000));
  EXPECT_FALSE(parse_min_change("-5").has_value());
  EXPECT_FALSE(parse_min_change("万").has_value());
  EXPECT_FALSE(parse_min_change("5 dollars").has_value());
}

TEST(diff_test, min_change_hides_small_cell_changes_only) {
  Document a = year_2017(), b = year_2017();
  b.tables[0].rows[2].values = {{"total", yuan(1000100)}};  // +100
  b.tables[0].rows[4].values = {{"total", yuan(1600000)}};  // +100000
  Diff d = compare(a, b, Options{yuan(10000)});
  ASSERT_EQ(d.cells.size(), 1u);
  EXPECT_EQ(d.cells[0].new_row.name, "住房公积金");
}

TEST(diff_test, json_is_read_back_exactly) {
  Document a = year_2017();
  a.tables[0].rows[2].values = {{"total", Amount{99011150, 2}}};  // 990111.50
  a.tables[0].rows[2].text_fields = {{"gov_econ_name", "工资奖金津补贴"}};
  Document back = read_document_json(to_json(a), "a.json");
  EXPECT_EQ(to_json(back), to_json(a));
  EXPECT_EQ(back.tables[0].rows[2].values[0].second.to_string(), "990111.5");
  EXPECT_TRUE(compare(a, back).empty());
  EXPECT_THROW(read_document_json("{\"schema\": \"other\"}", "x.json"), std::exception);
  EXPECT_THROW(read_document_json("[1, 2", "x.json"), std::exception);
}

TEST(diff_test, renderers_are_deterministic_and_name_the_change) {
  Document a = year_2017(), b = year_2017();
  b.tables[0].rows[4].values = {{"total", yuan(1650000)}};
  Diff d = compare(a, b);
  std::string json = to_json(d);
  EXPECT_EQ(json, to_json(compare(a, b)));
  EXPECT_NE(json.find("\"change_pct\": 10.00"), std::string::npos);
  EXPECT_NE(json.find("\"difference\": 150000"), std::string::npos);
  std::string csv = to_csv(d);
  EXPECT_NE(csv.find("cell,general_public_basic,2017年一般公共预算基本支出表,,30311,,住房公积金,,total,"
                     "1500000,1650000,150000,10.00,9,9"),
            std::string::npos)
      << csv;
  std::string table = to_table(d, false);
  EXPECT_NE(table.find("1,500,000 →"), std::string::npos) << table;
  EXPECT_EQ(table.find("\x1b["), std::string::npos);
  EXPECT_NE(to_table(d, true).find("\x1b[32m"), std::string::npos);
}

}  // namespace
}  // namespace budget::diff
