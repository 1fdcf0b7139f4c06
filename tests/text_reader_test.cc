// The text reader: watermarks, markup, grids, split units, contents lines.
#include <gtest/gtest.h>

#include "extract/text_reader.h"

#include "core/error.h"

namespace budget::extract {
namespace {

TEST(text_reader_test, watermark_lines_are_removed_and_counted) {
  std::string text =
      "仅供内部审核\n\n仅供内部审核\n\n仅供内部审核\n\n仅供内部审核\n# 某局\n\n单位：万元\n表一\n"
      "单位：万元\n表二\n单位：万元\n表三\n单位：万元\n";
  LayoutDocument doc = read_text(text);
  for (const auto& b : doc.blocks) EXPECT_EQ(b.text.find("仅供"), std::string::npos);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.notes[0].code, "watermark_removed");
  // 单位：万元 repeats but never back to back: it stays.
  int units = 0;
  for (const auto& b : doc.blocks) units += b.text == "单位：万元";
  EXPECT_EQ(units, 4);
}

TEST(text_reader_test, stamp_phrases_go_wherever_they_stand) {
  // Single stamp lines (not in runs) and a stamp that fell into a cell.
  std::string text = "# 某局\n仅供内部审核\n2025年度单位预算公开\n合计\t仅供内部审核12.00\n";
  LayoutDocument doc = read_text(text);
  for (const auto& b : doc.blocks) {
    EXPECT_EQ(b.text.find("审核"), std::string::npos) << b.text;
    for (const auto& r : b.rows)
      for (const auto& cell : r.cells) EXPECT_EQ(cell.text.find("审核"), std::string::npos);
  }
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[2].rows[0].cells[1].text, "12.00");
}

TEST(text_reader_test, blocks_from_markup_tabs_and_split_units) {
  std::string text =
      "## 2025年预算支出总表\n\n<b>第一部分 概况</b>\n\n单位：万  \n\n元\n\n"
      "科目编码\t科目名称\t合计\n\n208\t社会保障和就业支出\t375.99\t\n一、概况.....\t3\n";
  LayoutDocument doc = read_text(text);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].level, 2);
  EXPECT_EQ(doc.blocks[0].text, "2025年预算支出总表");
  EXPECT_TRUE(doc.blocks[1].emphasized);
  EXPECT_EQ(doc.blocks[1].text, "第一部分 概况");
  EXPECT_EQ(doc.blocks[2].text, "单位：万元");
  ASSERT_EQ(doc.blocks[3].kind, BlockKind::grid);
  EXPECT_EQ(doc.blocks[3].columns, 4);
  ASSERT_EQ(doc.blocks[3].rows.size(), 2u);  // the blank line between rows does not split the grid
  EXPECT_EQ(doc.blocks[3].rows[1].cells[2].text, "375.99");
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::paragraph);  // contents line, not a grid
}

TEST(text_reader_test, empty_text_has_no_blocks) {
  EXPECT_TRUE(read_text("").blocks.empty());
  EXPECT_TRUE(read_text("\n\n  \n").blocks.empty());
}

// Bounded like a PDF: more text than kMaxTextBytes is refused with a code,
// and up to it blank lines are free (no line object per newline).
TEST(text_reader_test, text_is_bounded) {
  std::string huge(kMaxTextBytes + 1, '\n');
  try {
    read_text(huge);
    FAIL() << "no error for " << huge.size() << " bytes";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "text.too_large");
  }
  std::string lines = std::string(1 << 20, '\n') + "# 标题\n" + std::string(1 << 20, '\n') + "合计\t1\n";
  LayoutDocument doc = read_text(lines);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "标题");
  EXPECT_EQ(doc.blocks[1].rows.size(), 1u);
}

}  // namespace
}  // namespace budget::extract
