// PDF layout from synthetic runs and rules (no PDF needed): lines, CJK
// joining, ruled and unruled grids, furniture, paragraphs and headings.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/layout_dump.h"
#include "extract/pdf/furniture.h"
#include "extract/pdf/grid.h"
#include "extract/pdf/layout_params.h"
#include "extract/pdf/lines.h"
#include "extract/pdf/page_layout.h"
#include "extract/pdf/ruling.h"

namespace budget::extract {
namespace {

// A run of `text` whose box starts at (x, y); one CJK glyph is `size` wide.
TextRun run(const std::string& text, double x, double y, double width, double size = 10) {
  TextRun r;
  r.text = text;
  r.box = {x, y, x + width, y + size};
  r.font_size = size;
  return r;
}

// An empty upright A4 page.
PageContent a4_page(int number) {
  PageContent page;
  page.number = number;
  page.width = 595;
  page.height = 842;
  return page;
}

LayoutDocument as_document(const std::vector<Block>& blocks) {
  LayoutDocument doc;
  doc.blocks = blocks;
  return doc;
}

Rule hrule(double y, double x0, double x1) { return Rule{{x0, y - 0.25, x1, y + 0.25}}; }
Rule vrule(double x, double y0, double y1) { return Rule{{x - 0.25, y0, x + 0.25, y1}}; }

std::vector<std::string> row_texts(const GridRow& row) {
  std::vector<std::string> out;
  for (const GridCell& c : row.cells) out.push_back(c.text);
  return out;
}

using Texts = std::vector<std::string>;

TEST(layout_test, append_text_never_spaces_cjk) {
  struct {
    const char* a;
    const char* b;
    bool gap;
    const char* want;
  } tests[] = {
      {"一般公共", "预算", true, "一般公共预算"},
      {"PC", "服务器", true, "PC服务器"},
      {"PC", "server", true, "PC server"},
      {"PC", "server", false, "PCserver"},
      {"2025", "年", true, "2025年"},
      {"（", "元）", true, "（元）"},
      {"⼀般", "公共", true, "⼀般公共"},  // Kangxi radical kept raw
      {"", "合计", true, "合计"},
  };
  for (const auto& t : tests) {
    std::string out = t.a;
    append_text(out, t.b, t.gap);
    EXPECT_EQ(out, t.want) << t.a << " + " << t.b;
  }
}

TEST(layout_test, lines_and_chunks) {
  LayoutParams p;
  std::vector<TextRun> runs = {
      run("预算", 120, 100.5, 20), run("一般公共", 80, 100, 40),  // one cell, split by Poppler
      run("2233.22", 300, 101, 30),                              // far right: a new chunk
      run("第二行", 80, 120, 30),
  };
  std::vector<Line> lines = group_lines(runs, p);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].chunks.size(), 2u);
  EXPECT_EQ(lines[0].chunks[0].text, "一般公共预算");
  EXPECT_EQ(lines[0].chunks[1].text, "2233.22");
  EXPECT_EQ(lines[1].text(), "第二行");
}

// A 4-column table, two header rows with merged labels, a wrapped name and
// an amount half a line off, a vertically merged group label.
//
//  y  0 +---------------+---------------+
//       | 收入           | 支出           |
//    20 +-------+-------+-------+-------+
//       | 项目   | 2025年 | 项目   | 合计   |
//    40 +-------+-------+-------+-------+
//       | 机关事业单位基本 | 134.12 | 一、一般 | 10.00 |
//       | 养老保险缴费    |        | (merged over 2 rows)
//    70 +-------+-------+       +-------+
//       | 上年结转 |       |       | 0.00  |
//    90 +-------+-------+-------+-------+
PageContent ruled_page() {
  PageContent page = a4_page(7);
  double xs[] = {0, 100, 200, 300, 400};
  for (double y : {0.0, 20.0, 40.0, 90.0}) page.rules.push_back(hrule(y, 0, 400));
  page.rules.push_back(hrule(70, 0, 200));    // not under the merged 一、一般 cell
  page.rules.push_back(hrule(70, 300, 400));
  page.rules.push_back(vrule(0, 0, 90));
  page.rules.push_back(vrule(200, 0, 90));
  page.rules.push_back(vrule(400, 0, 90));
  for (double x : {xs[1], xs[3]}) page.rules.push_back(vrule(x, 20, 90));
  page.runs = {
      run("收入", 90, 5, 20),     run("支出", 290, 5, 20),
      run("项目", 5, 25, 20),     run("2025年", 110, 25, 30), run("项目", 205, 25, 20),
      run("合计", 305, 25, 20),
      run("机关事业单位基本", 5, 42, 80), run("养老保险缴费", 5, 55, 60),
      run("134.12", 160, 48.5, 30),  // centred between the two lines
      run("一、一般", 205, 60, 40),   // centred over rows 3 and 4
      run("10.00", 365, 45, 30),
      run("上年结转", 5, 75, 40), run("0.00", 375, 75, 20),
  };
  return page;
}

TEST(layout_test, ruled_grid_with_merged_cells) {
  LayoutParams p;
  PageContent page = ruled_page();
  std::vector<Lattice> lattices = find_lattices(page.rules, p);
  ASSERT_EQ(lattices.size(), 1u);
  Block grid = build_ruled_grid(lattices[0], page.runs, page.number, p);
  ASSERT_EQ(grid.kind, BlockKind::grid);
  ASSERT_EQ(grid.columns, 4);
  ASSERT_EQ(grid.rows.size(), 4u);
  EXPECT_EQ(row_texts(grid.rows[0]), (Texts{"收入", "", "支出", ""}));
  EXPECT_EQ(grid.rows[0].cells[0].span, 2);
  EXPECT_EQ(grid.rows[0].cells[2].span, 2);
  EXPECT_EQ(row_texts(grid.rows[1]), (Texts{"项目", "2025年", "项目", "合计"}));
  EXPECT_EQ(row_texts(grid.rows[2]),
            (Texts{"机关事业单位基本养老保险缴费", "134.12", "一、一般", "10.00"}));
  EXPECT_EQ(row_texts(grid.rows[3]), (Texts{"上年结转", "", "", "0.00"}));
  EXPECT_EQ(grid.rows[3].page, 7);
}

TEST(layout_test, band_of_unruled_rows_is_split) {
  LayoutParams p;
  PageContent page = a4_page(1);
  page.rules = {hrule(0, 0, 300), hrule(20, 0, 300), hrule(100, 0, 300),
                vrule(0, 0, 100),  vrule(150, 0, 100), vrule(300, 0, 100)};
  page.runs = {run("科目名称", 5, 5, 40), run("合计", 155, 5, 20)};
  const char* names[] = {"工资福利支出", "基本工资", "津贴补贴", "奖金"};
  const char* amounts[] = {"1240.37", "410.48", "317.44", "159.08"};
  for (int i = 0; i < 4; ++i) {
    page.runs.push_back(run(names[i], 5, 25 + 18 * i, 60));
    page.runs.push_back(run(amounts[i], 260, 25 + 18 * i, 35));
  }
  std::vector<Lattice> lattices = find_lattices(page.rules, p);
  ASSERT_EQ(lattices.size(), 1u);
  Block grid = build_ruled_grid(lattices[0], page.runs, 1, p);
  ASSERT_EQ(grid.rows.size(), 5u);
  EXPECT_EQ(row_texts(grid.rows[2]), (Texts{"基本工资", "410.48"}));
  EXPECT_EQ(row_texts(grid.rows[4]), (Texts{"奖金", "159.08"}));
}

TEST(layout_test, wrapped_text_in_two_cells_is_not_split) {
  LayoutParams p;
  PageContent page;
  page.rules = {hrule(0, 0, 300), hrule(60, 0, 300), vrule(0, 0, 60), vrule(150, 0, 60),
                vrule(300, 0, 60)};
  for (int i = 0; i < 3; ++i) {
    double w = i < 2 ? 140 : 50;
    page.runs.push_back(run(i < 2 ? "增强全社会防灾减灾意识普及" : "知识", 5, 5 + 15 * i, w));
    page.runs.push_back(run(i < 2 ? "增强全社会防灾减灾意识普及" : "技能", 155, 8 + 15 * i, w));
  }
  Block grid = build_ruled_grid(find_lattices(page.rules, p)[0], page.runs, 1, p);
  ASSERT_EQ(grid.rows.size(), 1u);
  EXPECT_EQ(grid.rows[0].cells[0].text, "增强全社会防灾减灾意识普及增强全社会防灾减灾意识普及知识");
}

// A header band whose labels wrap into short centred lines (一般公共预算 /
// 财 / 政拨款) looks like lists, but prints no amounts: one label per cell.
TEST(layout_test, wrapped_header_labels_are_not_split) {
  LayoutParams p;
  PageContent page;
  page.rules = {hrule(0, 0, 300), hrule(60, 0, 300), hrule(80, 0, 300), vrule(0, 0, 80),
                vrule(100, 0, 80), vrule(200, 0, 80), vrule(300, 0, 80)};
  page.runs = {run("一般公共预算", 15, 5, 60), run("财", 50, 20, 10), run("政拨款", 30, 35, 30),
               run("政府性基金预", 115, 5, 60), run("算", 145, 20, 10), run("财政拨款", 115, 35, 40),
               run("国有资本经营", 215, 2, 60), run("预", 245, 15, 10), run("算财政拨", 225, 28, 40),
               run("款", 235, 41, 10),
               run("10.00", 60, 65, 25), run("8.00", 165, 65, 20), run("2.00", 265, 65, 20)};
  Block grid = build_ruled_grid(find_lattices(page.rules, p)[0], page.runs, 1, p);
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_EQ(row_texts(grid.rows[0]),
            (Texts{"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}));
  EXPECT_EQ(row_texts(grid.rows[1]), (Texts{"10.00", "8.00", "2.00"}));
}

TEST(layout_test, unruled_table_from_alignment) {
  LayoutParams p;
  PageContent page = a4_page(3);
  page.runs = {run("科目编码", 50, 100, 40), run("科目名称", 150, 100, 40),
               run("合计", 330, 100, 20)};
  const char* codes[] = {"208", "20805", "2080501"};
  const char* names[] = {"社会保障和就业支出", "行政事业单位养老支出", "行政单位离退休"};
  const char* amounts[] = {"375.99", "375.99", "214.37"};
  for (int i = 0; i < 3; ++i) {
    page.runs.push_back(run(codes[i], 50, 115 + 15 * i, 5.0 * std::string(codes[i]).size()));
    page.runs.push_back(run(names[i], 150, 115 + 15 * i, 90));
    page.runs.push_back(run(amounts[i], 320, 115 + 15 * i, 30));
  }
  TextStyle style{10, {}};
  std::vector<Block> blocks = layout_page(page, style, p);
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].kind, BlockKind::grid);
  ASSERT_EQ(blocks[0].columns, 3);
  EXPECT_EQ(row_texts(blocks[0].rows[0]), (Texts{"科目编码", "科目名称", "合计"}));
  EXPECT_EQ(row_texts(blocks[0].rows[2]), (Texts{"20805", "行政事业单位养老支出", "375.99"}));
}

// An unruled table: a long name wrapped in its column, a name over two lines
// with its amounts centred between them, an item without amounts.
TEST(layout_test, unruled_rows_join_wrapped_names_and_offset_amounts) {
  LayoutParams p;
  PageContent page = a4_page(4);
  page.runs = {run("科目名称", 50, 100, 40), run("合计", 200, 100, 20), run("基本支出", 260, 100, 40)};
  // wrapped: the name fills its column (to x=170), continues below
  page.runs.push_back(run("机关事业单位基本养老保险缴", 50, 115, 120));
  page.runs.push_back(run("160.75", 195, 115, 30));
  page.runs.push_back(run("160.75", 265, 115, 30));
  page.runs.push_back(run("费支出", 50, 128, 30));
  // a name over two lines, amounts half a line off (centred between them)
  page.runs.push_back(run("机关事业单位职业年金缴费", 50, 145, 120));
  page.runs.push_back(run("80.38", 200, 151, 25));
  page.runs.push_back(run("80.38", 270, 151, 25));
  page.runs.push_back(run("支出", 50, 157, 20));
  // a short item without amounts: stays a row
  page.runs.push_back(run("二、外交支出", 50, 175, 60));
  page.runs.push_back(run("住房公积金", 50, 190, 50));
  page.runs.push_back(run("187.19", 195, 190, 30));
  page.runs.push_back(run("187.19", 265, 190, 30));
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].kind, BlockKind::grid);
  ASSERT_EQ(blocks[0].columns, 3);
  const auto& rows = blocks[0].rows;
  ASSERT_EQ(rows.size(), 5u) << dump_layout(doc);
  EXPECT_EQ(row_texts(rows[1]), (Texts{"机关事业单位基本养老保险缴费支出", "160.75", "160.75"}));
  EXPECT_EQ(row_texts(rows[2]), (Texts{"机关事业单位职业年金缴费支出", "80.38", "80.38"}));
  EXPECT_EQ(row_texts(rows[3]), (Texts{"二、外交支出", "", ""}));
  EXPECT_EQ(row_texts(rows[4]), (Texts{"住房公积金", "187.19", "187.19"}));
}

// Unruled rows about 1.45 em apart, a wrapped line 1.2 em below its name:
// a name filling its column followed by the next item one row pitch below
// (no amounts) stays two rows, as does a line starting with an ordinal even
// when closer; the wrapped line joins.
TEST(layout_test, unruled_full_names_keep_the_next_item) {
  LayoutParams p;
  PageContent page = a4_page(4);
  page.runs = {run("项目", 50, 100, 20), run("合计", 200, 100, 20), run("基本支出", 260, 100, 40)};
  const double pitch = 14.5;
  double y = 100 + pitch;
  page.runs.push_back(run("十四、交通运输支出", 50, y, 90));
  page.runs.push_back(run("1.00", 205, y, 20));
  page.runs.push_back(run("1.00", 270, y, 20));
  y += pitch;
  page.runs.push_back(run("十五、资源勘探工业信息等支出", 50, y, 140));  // fills its column
  y += pitch;
  page.runs.push_back(run("十六、商业服务业等支出", 50, y, 110));
  y += pitch;
  page.runs.push_back(run("十七、机关事业单位基本养老保", 50, y, 140));
  page.runs.push_back(run("2.00", 205, y, 20));
  page.runs.push_back(run("2.00", 270, y, 20));
  y += 12;
  page.runs.push_back(run("险缴费支出", 50, y, 50));  // wrapped, 1.2 em below
  y += pitch;
  page.runs.push_back(run("十八、金融支出名称很长很长很长", 50, y, 140));
  page.runs.push_back(run("4.00", 205, y, 20));
  page.runs.push_back(run("4.00", 270, y, 20));
  y += 12;
  page.runs.push_back(run("（一）金融部门行政支出", 50, y, 110));  // an item, however close
  y += pitch;
  page.runs.push_back(run("十九、其他支出", 50, y, 70));
  page.runs.push_back(run("3.00", 205, y, 20));
  page.runs.push_back(run("3.00", 270, y, 20));
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 3) << dump_layout(doc);
  const auto& rows = blocks[0].rows;
  ASSERT_EQ(rows.size(), 8u) << dump_layout(doc);
  EXPECT_EQ(row_texts(rows[2]), (Texts{"十五、资源勘探工业信息等支出", "", ""}));
  EXPECT_EQ(row_texts(rows[3]), (Texts{"十六、商业服务业等支出", "", ""}));
  EXPECT_EQ(row_texts(rows[4]), (Texts{"十七、机关事业单位基本养老保险缴费支出", "2.00", "2.00"}));
  EXPECT_EQ(row_texts(rows[6]), (Texts{"（一）金融部门行政支出", "", ""}));
}

// An unruled header whose labels wrap in narrow columns (本年收 / 入, 科目编
// / 码), with labels of other columns centred between their lines: each
// label is one cell and the header two rows.
TEST(layout_test, unruled_header_labels_wrapped_in_narrow_columns) {
  LayoutParams p;
  PageContent page = a4_page(4);
  page.runs = {run("本年收", 200, 100, 30), run("上年结", 300, 100, 30), run("项目", 50, 105.5, 20),
               run("入", 200, 110.5, 10), run("转", 300, 110.5, 10), run("科目编", 50, 125, 30),
               run("合计", 200, 130.25, 20), run("基本", 300, 130.25, 20), run("码", 50, 135.5, 10)};
  const char* codes[] = {"208", "20805", "2080501", "210"};
  for (int i = 0; i < 4; ++i) {
    double y = 150 + 14.5 * i;
    page.runs.push_back(run(codes[i], 50, y, 5.0 * std::string(codes[i]).size()));
    page.runs.push_back(run("375.99", 200, y, 30));
    page.runs.push_back(run("375.99", 300, y, 30));
  }
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 3) << dump_layout(doc);
  const auto& rows = blocks[0].rows;
  ASSERT_EQ(rows.size(), 6u) << dump_layout(doc);
  EXPECT_EQ(row_texts(rows[0]), (Texts{"项目", "本年收入", "上年结转"}));
  EXPECT_EQ(row_texts(rows[1]), (Texts{"科目编码", "合计", "基本"}));
  EXPECT_EQ(row_texts(rows[2]), (Texts{"208", "375.99", "375.99"}));
}

// Columns empty in every body row at an unruled table's right: their header
// labels, apart by a gap, are columns of their own.  A heading-size title
// right below ends the table.
TEST(layout_test, unruled_columns_empty_in_the_body_keep_their_labels) {
  LayoutParams p;
  PageContent page = a4_page(3);
  page.runs = {run("项目", 50, 100, 20), run("合计", 200, 100, 20), run("当年预算", 260, 100, 40),
               run("上年结转", 320, 100, 40)};
  const char* names[] = {"一、一般公共服务支出", "二、外交支出", "三、国防支出",
                         "四、公共安全支出", "五、教育支出", "六、科学技术支出"};
  for (int i = 0; i < 6; ++i) {
    double y = 115 + 14.5 * i;
    page.runs.push_back(run(names[i], 50, y, 10.0 * (std::string(names[i]).size() / 3)));
    page.runs.push_back(run("1.00", 210, y, 20));
  }
  page.runs.push_back(run("下一张表的标题", 150, 115 + 14.5 * 6, 140, 20));
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_GE(blocks.size(), 2u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].kind, BlockKind::grid) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 4) << dump_layout(doc);
  ASSERT_EQ(blocks[0].rows.size(), 7u) << dump_layout(doc);
  EXPECT_EQ(row_texts(blocks[0].rows[0]), (Texts{"项目", "合计", "当年预算", "上年结转"}));
  EXPECT_EQ(row_texts(blocks[0].rows[6]), (Texts{"六、科学技术支出", "1.00", "", ""}));
}

// An unruled header label left-aligned over right-aligned amounts, under a
// group label crossing into the amounts: one column with its amounts, not a
// column of its own.
TEST(layout_test, unruled_label_left_of_right_aligned_amounts) {
  LayoutParams p;
  PageContent page = a4_page(4);
  page.runs = {run("项目", 50, 100, 20), run("2025年预算数", 335, 100, 56),
               run("科目编码", 50, 115, 40), run("科目名称", 110, 115, 40),
               run("合计", 335, 115, 18), run("基本支出", 427, 115, 36)};
  for (int i = 0; i < 5; ++i) {
    double y = 130 + 14.5 * i;
    page.runs.push_back(run("2080501", 50, y, 35));
    page.runs.push_back(run("行政单位离退休", 110, y, 70));
    page.runs.push_back(run("214.37", 390, y, 31));
    page.runs.push_back(run("214.37", 453, y, 31));
  }
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 4) << dump_layout(doc);
  const auto& rows = blocks[0].rows;
  EXPECT_EQ(row_texts(rows[0]), (Texts{"项目", "", "2025年预算数", ""}));
  EXPECT_EQ(row_texts(rows[1]), (Texts{"科目编码", "科目名称", "合计", "基本支出"}));
  EXPECT_EQ(row_texts(rows[2]), (Texts{"2080501", "行政单位离退休", "214.37", "214.37"}));
}

// Word/WPS exports print unruled cells with no more than their padding
// between them: right-aligned income amounts end 2 pt before the
// left-aligned expenditure names begin.  The aligned edges make the column.
TEST(layout_test, unruled_columns_two_points_apart) {
  LayoutParams p;
  PageContent page = a4_page(5);
  page.runs = {run("项目", 60, 100, 20), run("2021年", 160, 100, 28), run("项目", 220, 100, 20),
               run("2021年合计", 300, 100, 45)};
  const char* income[] = {"一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算",
                          "", ""};
  const char* expenditure[] = {"一、一般公共服务支出", "二、外交支出", "三、国防支出",
                               "四、公共安全支出", "五、教育支出"};
  const char* amount[] = {"3,038.77", "0.00", "107.09", "", ""};
  for (int i = 0; i < 5; ++i) {
    double y = 115 + 14 * i;
    if (*income[i]) page.runs.push_back(run(income[i], 40, y, 10.0 * (std::string(income[i]).size() / 3)));
    if (*amount[i]) {
      double w = 4.0 * std::string(amount[i]).size();
      page.runs.push_back(run(amount[i], 188 - w, y, w));
    }
    page.runs.push_back(run(expenditure[i], 190, y, 10.0 * (std::string(expenditure[i]).size() / 3)));
    page.runs.push_back(run("0.00", 329, y, 16));
  }
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  EXPECT_EQ(dump_layout(doc),
            "[p5] 项目\t2021年\t项目\t2021年合计\n"
            "[p5] 一、一般公共预算\t3,038.77\t一、一般公共服务支出\t0.00\n"
            "[p5] 二、政府性基金预算\t0.00\t二、外交支出\t0.00\n"
            "[p5] 三、国有资本经营预算\t107.09\t三、国防支出\t0.00\n"
            "[p5] \t\t四、公共安全支出\t0.00\n"
            "[p5] \t\t五、教育支出\t0.00\n");
}

// The 收入 side of a 收支总表 filled in 3 of 20 rows: its names and amounts
// are inked by fewer lines than a crossing may be, at the table's left.
// The blank stretch between them still separates two columns.
TEST(layout_test, unruled_sparse_columns_at_the_left) {
  LayoutParams p;
  PageContent page = a4_page(10);
  page.runs = {run("项目", 60, 100, 20), run("金额", 165, 100, 20), run("项目", 250, 100, 20),
               run("金额", 396, 100, 20)};
  for (int i = 0; i < 20; ++i) {
    double y = 115 + 14 * i;
    if (i < 3) {
      page.runs.push_back(run("一、一般公共预算", 40, y, 80));
      page.runs.push_back(run("3,038.77", 186, y, 32));
    }
    page.runs.push_back(run("八、社会保障和就业支出", 220, y, 110));
    page.runs.push_back(run("0.00", 400, y, 16));
  }
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 4) << dump_layout(doc);
  EXPECT_EQ(row_texts(blocks[0].rows[0]), (Texts{"项目", "金额", "项目", "金额"}));
  EXPECT_EQ(row_texts(blocks[0].rows[1]),
            (Texts{"一、一般公共预算", "3,038.77", "八、社会保障和就业支出", "0.00"}));
  EXPECT_EQ(row_texts(blocks[0].rows[20]), (Texts{"", "", "八、社会保障和就业支出", "0.00"}));
}

// A header label centred over right-aligned amounts narrower than itself
// is offset: it sits wholly in the blank stretch left of them, with no body
// text under it.  It names the amounts' column, not a column of its own.
TEST(layout_test, unruled_label_centred_over_narrow_amounts) {
  LayoutParams p;
  PageContent page = a4_page(8);
  page.runs = {run("科目编码", 40, 100, 40), run("科目名称", 125, 100, 40),
               run("合计", 287, 100, 20), run("基本支出", 383, 100, 40)};
  const char* names[] = {"社会保障和就业支出", "民政管理事务", "行政运行", "基层政权建设",
                         "其他民政管理事务支出"};
  for (int i = 0; i < 5; ++i) {
    double y = 115 + 13 * i;
    page.runs.push_back(run("2080201", 40, y, 26));
    page.runs.push_back(run(names[i], 125, y, 10.0 * (std::string(names[i]).size() / 3)));
    page.runs.push_back(run("45.53", 328, y, 17));
    page.runs.push_back(run("600.53", 429, y, 21));
  }
  std::vector<Block> blocks = layout_page(page, TextStyle{10, {}}, p);
  LayoutDocument doc = as_document(blocks);  // for dump_layout in failure messages
  ASSERT_EQ(blocks.size(), 1u) << dump_layout(doc);
  ASSERT_EQ(blocks[0].columns, 4) << dump_layout(doc);
  EXPECT_EQ(row_texts(blocks[0].rows[0]), (Texts{"科目编码", "科目名称", "合计", "基本支出"}));
  EXPECT_EQ(row_texts(blocks[0].rows[1]),
            (Texts{"2080201", "社会保障和就业支出", "45.53", "600.53"}));
}

TEST(layout_test, furniture_and_watermarks_removed) {
  LayoutParams p;
  std::vector<PageContent> pages;
  for (int n = 1; n <= 4; ++n) {
    PageContent page;
    page.number = n;
    page.width = 595;
    page.height = 842;
    page.diagonal_runs = 2;
    page.runs = {run("正文第" + std::to_string(n) + "页的内容", 72, 100 + 20 * n, 110),
                 run("第", 280, 800, 10), run(std::to_string(n), 293, 800, 5),
                 run("页", 301, 800, 10)};
    TextRun mark = run("仅供内部审核", 200, 400, 168, 28);
    mark.lightness = 0.8;
    page.runs.insert(n % 2 ? page.runs.begin() : page.runs.end(), mark);  // under or over
    pages.push_back(page);
  }
  FurnitureCount n = remove_furniture(pages, p);
  EXPECT_EQ(n.watermarks, 4 * 2 + 4);
  EXPECT_EQ(n.furniture, 4);
  for (const PageContent& page : pages) {
    ASSERT_EQ(page.runs.size(), 1u);
    EXPECT_EQ(page.runs[0].text.substr(0, 6), "正文");
  }
}

// A running header (the cover title) printed over the table pages only,
// 3 of 8 pages, at the top edge: furniture.  A row of table labels repeated
// at the top of continued pages is several pieces of text: content.
TEST(layout_test, running_header_on_some_pages_removed) {
  LayoutParams p;
  std::vector<PageContent> pages;
  for (int n = 1; n <= 8; ++n) {
    PageContent page = a4_page(n);
    page.runs = {run("正文第" + std::to_string(n) + "页的内容", 72, 300, 110)};
    if (n >= 4 && n <= 6) {
      page.runs.push_back(run("某县档案馆2024年单位预算公开", 200 + 10 * n, 20, 140));
      page.runs.push_back(run("项目", 60, 60, 20));
      page.runs.push_back(run("金额", 300, 60, 20));
    }
    pages.push_back(page);
  }
  EXPECT_EQ(remove_furniture(pages, p).furniture, 3);
  for (const PageContent& page : pages) {
    for (const TextRun& r : page.runs) EXPECT_EQ(r.text.find("单位预算公开"), std::string::npos);
  }
  EXPECT_EQ(pages[4].runs.size(), 3u);
}

TEST(layout_test, repeated_form_titles_and_ruled_labels_are_content) {
  // A run of 项目支出绩效目标表 pages: the title and the form's labels sit at
  // the same place on every page, in the top margin band, but are content.
  LayoutParams p;
  std::vector<PageContent> pages;
  for (int n = 1; n <= 4; ++n) {
    PageContent page;
    page.number = n;
    page.width = 595;
    page.height = 842;
    page.runs = {run("某市项目支出绩效目标表", 200, 40, 140), run("主管部门及代码", 72, 80, 70),
                 run("项目" + std::to_string(n), 200, 80, 40)};
    page.rules = {Rule{Box{60, 70, 540, 70.5}}, Rule{Box{60, 95, 540, 95.5}}};
    pages.push_back(page);
  }
  EXPECT_EQ(remove_furniture(pages, p).furniture, 0);
  for (const PageContent& page : pages) EXPECT_EQ(page.runs.size(), 3u);
}

TEST(layout_test, page_number_styles) {
  LayoutParams p;
  for (std::string number : {"- 3 -", "3/36", "3", "第3页 共36页", "Page 3"}) {
    std::vector<PageContent> pages(1);
    pages[0].number = 3;
    pages[0].width = 595;
    pages[0].height = 842;
    pages[0].runs = {run("正文", 72, 100, 20), run(number, 280, 800, 40)};
    EXPECT_EQ(remove_furniture(pages, p).furniture, 1) << number;
    EXPECT_EQ(pages[0].runs.size(), 1u) << number;
  }
}

TEST(layout_test, paragraphs_and_headings) {
  LayoutParams p;
  PageContent page = a4_page(2);
  page.runs = {
      run("第一部分 概况", 230, 60, 110, 16),
      run("单位名称：大同市应急管理局", 50, 100, 130), run("单位：万元", 490, 100, 50),
      run("　　一、本单位职责是负责应急管理工作，指导各县", 50, 130, 500),
      run("各部门应对突发事件。", 50, 145, 100),
      run("二、机构设置情况", 50, 175, 80),
  };
  page.runs[0].bold = true;
  TextStyle style{10, {16}};
  std::vector<Block> blocks = layout_page(page, style, p);
  LayoutDocument doc;
  doc.blocks = blocks;
  EXPECT_EQ(dump_layout(doc),
            "[p2] # 第一部分 概况\n"
            "[p2] 单位名称：大同市应急管理局\n"
            "[p2] 单位：万元\n"
            "[p2] 　　一、本单位职责是负责应急管理工作，指导各县各部门应对突发事件。\n"
            "[p2] 二、机构设置情况\n");
}

// A page printed larger than the rest of a document made of tables: its
// 部门/单位 labels are larger than the document's body text but no larger
// than the table beside them, so they stay paragraphs; the title is a heading.
TEST(layout_test, labels_as_large_as_the_table_are_not_headings) {
  LayoutParams p;
  PageContent page;
  page.number = 2;
  page.width = 1000;
  page.height = 800;
  page.runs = {run("收入预算总表", 400, 40, 156, 26), run("部门：省委办公厅", 50, 100, 96, 12),
               run("单位：万元", 880, 100, 60, 12)};
  page.rules = {hrule(130, 40, 960), hrule(160, 40, 960), hrule(190, 40, 960),
                vrule(40, 130, 190), vrule(500, 130, 190), vrule(960, 130, 190)};
  page.runs.push_back(run("项目名称", 60, 137, 68, 17));
  page.runs.push_back(run("金额", 520, 137, 34, 17));
  page.runs.push_back(run("收入总计", 60, 167, 68, 17));
  page.runs.push_back(run("28,849.38", 520, 167, 80, 17));
  TextStyle style{9, {26, 12}};  // the other pages: 9-em labels and tables
  LayoutDocument doc;
  doc.blocks = layout_page(page, style, p);
  EXPECT_EQ(dump_layout(doc),
            "[p2] # 收入预算总表\n"
            "[p2] 部门：省委办公厅\n"
            "[p2] 单位：万元\n"
            "[p2] 项目名称\t金额\n"
            "[p2] 收入总计\t28,849.38\n");
}

// An unruled 收支总表: the income amount column holds one amount (a sparse
// column between two blank stretches), cells are separated by no more than
// their padding (6 pt, less than a chunk gap), and expenditure items beside
// an empty income side are single-chunk lines starting at an inner column.
TEST(layout_test, unruled_table_with_sparse_column_and_one_cell_rows) {
  LayoutParams p;
  std::vector<TextRun> runs = {
      run("项目", 50, 100, 20), run("金额", 150, 100, 20), run("项目", 196, 100, 20),
      run("金额", 340, 100, 20),
      run("一、一般公共预算", 50, 115, 80), run("2233.22", 160, 115, 30),
      run("一、一般公共服务支出", 196, 115, 100),
      run("二、政府性基金预算", 50, 130, 90), run("二、外交支出", 196, 130, 60),
      run("三、国防支出", 196, 145, 60),
      run("四、公共安全支出", 196, 160, 80),
      run("五、教育支出", 196, 175, 60),
      run("六、科学技术支出", 196, 190, 80), run("375.99", 330, 190, 30),
      run("本年收入合计", 50, 205, 60), run("本年支出合计", 196, 205, 60), run("375.99", 330, 205, 30),
  };
  std::vector<Line> lines = group_lines(runs, p);
  auto tables = find_aligned_tables(lines, p);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0], std::make_pair(size_t{0}, lines.size()));
  Block grid = build_aligned_grid(lines, 1, p);
  LayoutDocument doc;
  doc.blocks = {grid};
  EXPECT_EQ(dump_layout(doc),
            "[p1] 项目\t金额\t项目\t金额\n"
            "[p1] 一、一般公共预算\t2233.22\t一、一般公共服务支出\t\n"
            "[p1] 二、政府性基金预算\t\t二、外交支出\t\n"
            "[p1] \t\t三、国防支出\t\n"
            "[p1] \t\t四、公共安全支出\t\n"
            "[p1] \t\t五、教育支出\t\n"
            "[p1] \t\t六、科学技术支出\t375.99\n"
            "[p1] 本年收入合计\t\t本年支出合计\t375.99\n");
}

// A page of tables whose only prose is a title in body size and its
// 单位名称 line: the tables span the text width, so the title is a short line
// and does not run on into the label below it.
TEST(layout_test, short_title_above_a_table_is_not_wrapped) {
  LayoutParams p;
  PageContent page = a4_page(6);
  page.runs = {run("2020年政府性基金预算收入表（不含上年结转）", 50, 60, 230),
               run("单位名称：临沂市实验小学", 50, 76, 120), run("单位：万元", 50, 92, 50)};
  page.rules = {hrule(110, 40, 555), hrule(130, 40, 555), hrule(150, 40, 555),
                vrule(40, 110, 150), vrule(300, 110, 150), vrule(555, 110, 150)};
  page.runs.push_back(run("科目编码", 50, 115, 40));
  page.runs.push_back(run("政府性基金收入预算", 310, 115, 90));
  page.runs.push_back(run("合计", 50, 135, 20));
  page.runs.push_back(run("0.00", 310, 135, 20));
  LayoutDocument doc;
  doc.blocks = layout_page(page, TextStyle{10, {16}}, p);
  EXPECT_EQ(dump_layout(doc),
            "[p6] 2020年政府性基金预算收入表（不含上年结转）\n"
            "[p6] 单位名称：临沂市实验小学\n"
            "[p6] 单位：万元\n"
            "[p6] 科目编码\t政府性基金收入预算\n"
            "[p6] 合计\t0.00\n");
}

TEST(layout_test, sideways_page_is_turned_upright) {
  PageContent page;
  page.width = 595;
  page.height = 842;
  // Text turned a quarter (reads top to bottom), lines stacked right to left.
  TextRun a = run("第一行", 500, 100, 10), b = run("第二行", 480, 100, 10);
  a.box = {500, 100, 510, 130};
  b.box = {480, 100, 490, 130};
  a.rotation = b.rotation = 1;
  page.runs = {a, b};
  upright_page(page);
  EXPECT_EQ(page.width, 842);
  EXPECT_EQ(page.runs[0].rotation, 0);
  std::vector<Line> lines = group_lines(page.runs, LayoutParams{});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text(), "第一行");
}

}  // namespace
}  // namespace budget::extract
