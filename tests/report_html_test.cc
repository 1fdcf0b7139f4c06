// The review page's parts: PNG encoding, page rendering, check → cell
// resolution, and the HTML of a small document.
#include "report/report.h"

#include <gtest/gtest.h>
#include <png.h>

#include <fstream>
#include <iterator>

#include "core/error.h"
#include "report/check_cells.h"
#include "report/png.h"

namespace budget::report {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(report_html_test, png_round_trip_quantises_to_the_bit_depth) {
  const unsigned char pixels[] = {0, 17, 34, 255, 128, 200, /* padding */ 9, 9,
                                  255, 0, 255, 0, 68, 136, /* padding */ 9, 9};
  for (int bits : {8, 4, 1}) {
    std::string png = encode_gray_png(pixels, 6, 2, 8, bits);
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    ASSERT_TRUE(png_image_begin_read_from_memory(&image, png.data(), png.size())) << bits;
    EXPECT_EQ(image.width, 6u);
    EXPECT_EQ(image.height, 2u);
    image.format = PNG_FORMAT_GRAY;
    std::vector<unsigned char> back(PNG_IMAGE_SIZE(image));
    ASSERT_TRUE(png_image_finish_read(&image, nullptr, back.data(), 0, nullptr)) << bits;
    int levels = (1 << bits) - 1;
    for (int y = 0; y < 2; ++y)
      for (int x = 0; x < 6; ++x) {
        int in = pixels[y * 8 + x];
        int want = (in * levels + 127) / 255 * 255 / levels;
        EXPECT_NEAR(back[y * 6 + x], want, 1) << "bits " << bits << " at " << x << "," << y;
      }
  }
}

TEST(report_html_test, png_rejects_an_unsupported_depth) {
  const unsigned char pixel = 0;
  EXPECT_THROW(encode_gray_png(&pixel, 1, 1, 1, 3), Error);
}

TEST(report_html_test, renders_a_pdf_page_in_the_readers_frame) {
  std::string pdf = read_file(std::string(BUDGET_SOURCE_DIR) + "/samples/sh-unit-budget/input.pdf");
  PageRenderer renderer(pdf);
  ASSERT_GT(renderer.pages(), 1);
  PageImage page = renderer.render(2, 72);
  EXPECT_EQ(page.page, 2);
  // At 72 dpi a pixel is a point.
  EXPECT_NEAR(page.width_px, page.width_pt, 1.0);
  EXPECT_NEAR(page.height_px, page.height_pt, 1.0);
  EXPECT_EQ(page.png.compare(0, 8, "\x89PNG\r\n\x1a\n"), 0);
  EXPECT_THROW(PageRenderer("%PDF-1.4 not really"), Error);
}

// Two tables; the second prints its list twice (income / expenditure).
Document two_tables() {
  Document doc;
  doc.source = {"a.txt", "00", "text", std::nullopt};
  Table a;
  a.title = "2025年预算支出总表";
  a.unit = "万元";
  a.columns = {{"code", {"科目编码"}, ""}, {"name", {"科目名称"}, ""}, {"total", {"合计"}, ""}};
  Row total;
  total.name = "合计";
  total.values = {{"total", Amount{3759900}}};
  Row item;
  item.code = "208";
  item.name = "社会保障和就业支出";
  item.page = 7;
  item.values = {{"total", Amount{3759800}}};
  a.rows = {total, item};
  Table b;
  b.title = "2025年预算支出总表（续）";  // a title that begins with the first one's
  b.unit = "元";
  b.columns = {{"name", {"项目"}, "income"}, {"total", {"金额"}, "income"},
               {"name", {"项目"}, "expenditure"}, {"total", {"金额"}, "expenditure"}};
  Row in, out;
  in.name = "收入总计", in.side = "income", in.values = {{"total", Amount{3759900}}};
  out.name = "支出总计", out.side = "expenditure", out.values = {{"total", Amount{3759900}}};
  b.rows = {in, out};
  doc.tables = {a, b};
  return doc;
}

TEST(report_html_test, cells_of_reads_back_where) {
  Document doc = two_tables();
  struct Case {
    std::string where;
    std::vector<std::tuple<int, int, std::string>> cells;
  };
  const Case cases[] = {
      {"2025年预算支出总表 / 208 社会保障和就业支出 / total", {{0, 1, "total"}}},
      {"2025年预算支出总表 / 合计 / total vs 2025年预算支出总表 / 208 社会保障和就业支出 / total",
       {{0, 0, "total"}, {0, 1, "total"}}},
      {"2025年预算支出总表（续） / [expenditure] 支出总计 / total vs 2025年预算支出总表（续） / "
       "[income] 收入总计 / total + 2025年预算支出总表 / 合计 / total",
       {{1, 1, "total"}, {1, 0, "total"}, {0, 0, "total"}}},
      {"prose: 一、收支 / 收入总计 vs 2025年预算支出总表（续） / [income] 收入总计 / total",
       {{1, 0, "total"}}},
      {"2025年预算支出总表 / 208 社会保障和就业支出 / total (share of 2025年预算支出总表 / 合计 / total)",
       {{0, 1, "total"}, {0, 0, "total"}}},
      {"2025年预算支出总表 / 999 没有这一行 / total", {}},
      {"another table / 合计 / total", {}},
  };
  for (const Case& c : cases) {
    CheckResult r;
    r.where = c.where;
    std::vector<CellRef> got = cells_of(doc, r);
    ASSERT_EQ(got.size(), c.cells.size()) << c.where;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].table, std::get<0>(c.cells[i])) << c.where;
      EXPECT_EQ(got[i].row, std::get<1>(c.cells[i])) << c.where;
      EXPECT_EQ(got[i].key, std::get<2>(c.cells[i])) << c.where;
    }
  }
}

TEST(report_html_test, page_marks_each_finding_on_its_cell) {
  Document doc = two_tables();
  CheckResult fail;
  fail.rule = "total_row_sum";
  fail.status = "fail";
  fail.severity = "error";
  fail.where = "2025年预算支出总表 / 合计 / total vs 2025年预算支出总表 / 208 社会保障和就业支出 / total";
  fail.actual = Amount{3759900};
  fail.expected = Amount{3759800};
  fail.difference = Amount{100};
  fail.tolerance = Amount{50};
  CheckResult note = fail;
  note.status = "pass", note.severity = "note", note.rule = "cross_table";
  note.where = "2025年预算支出总表（续） / [income] 收入总计 / total vs 2025年预算支出总表 / 208 社会保障和就业支出 / total";
  CheckResult pass = fail;
  pass.status = "pass", pass.severity = "";
  CheckResult nowhere = fail;
  nowhere.where = "a missing table";
  doc.checks = {fail, note, pass, nowhere};
  std::string html = render_html(doc, {});
  EXPECT_EQ(count(html, "<li class=\"finding error\""), 2u);
  EXPECT_EQ(count(html, "<li class=\"finding note\""), 1u);
  EXPECT_EQ(count(html, "data-m=\"f0\""), 1u);  // the printed 合计
  EXPECT_EQ(count(html, "data-m=\"f1\""), 1u);  // the printed 收入总计
  EXPECT_EQ(count(html, "data-m=\"f2\""), 0u);  // no cell to mark
  EXPECT_NE(html.find("(no table cell to show)"), std::string::npos);
  // Amounts as printed, the exact 元 on hover, the check in the printed unit.
  EXPECT_NE(html.find(">375.99</td>"), std::string::npos);
  EXPECT_NE(html.find("title=\"3759900 元"), std::string::npos);
  EXPECT_NE(html.find("375.99 万元 <small>(3,759,900 元)</small>"), std::string::npos);
  // Side-by-side lists share their printed line.
  std::size_t line = html.find("<tr><td data-r=\"r1-0\"");
  ASSERT_NE(line, std::string::npos);
  EXPECT_LT(html.find("data-r=\"r1-1\"", line), html.find("</tr>", line)) << html.substr(line, 400);
  for (const char* title : {"2025年预算支出总表", "2025年预算支出总表（续）"})
    EXPECT_NE(html.find(std::string("<h3>") + title + "</h3>"), std::string::npos) << title;
  EXPECT_EQ(html.find("http:"), std::string::npos);
  EXPECT_EQ(html.find("https:"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"noimg\">No page images (text input)."), std::string::npos);
}

}  // namespace
}  // namespace budget::report
