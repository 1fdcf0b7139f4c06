// extract/recognize/header.h — header rows of a grid → logical columns with
// canonical keys (contract "Column keys").
//
//   rows: "项目 |        | 2025年预算数 |          |"
//         "科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出"
//   -> code ["项目","科目编码"], name ["项目","科目名称"], total ["2025年预算数","合计"],
//      basic […,"基本支出"], project […,"项目支出"]
//
// A label printed once over several columns covers them (span from the
// reader, else the empty cells to its right that have labels below them).
// Split 类/款/项 code columns become one `code` column.  Several item lists
// printed side by side (收入 | 支出) each get a side, and keys repeat per list.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/layout.h"

namespace budget::extract {

struct LogicalColumn {
  Column column;               // key, label path, side
  std::vector<int> grid_cols;  // grid columns it reads (several for split codes)
  int list = 0;                // which item list (0-based) it belongs to
  bool mapped = true;          // false: key is col_N (no label mapped)
};

struct HeaderLayout {
  std::vector<LogicalColumn> columns;
  int lists = 1;
};

// `year` is the document's fiscal year (0 if unknown): a label naming an
// earlier year ("2024年预算数") maps to prior_year.
HeaderLayout map_header(const std::vector<GridRow>& header_rows, int grid_columns, int year,
                        std::vector<Warning>& warnings);

// Cleans one printed label for matching: NFC, spaces removed, full-width
// ASCII folded, trailing colon dropped.
std::string clean_label(const std::string& text);

// True if every non-empty cell is a label (not an amount or a code) and at
// least one of them is a known header word.
bool looks_like_header_row(const GridRow& row);

// True if the row prints something and none of it is an amount (a header
// line of words, known or not).
bool is_label_row(const GridRow& row);

// A label of the item columns (科目编码, 科目名称, 类): code, name or a code part.
bool is_item_label(const std::string& text);

// The column-number row under a header: 1 2 3 …, 栏次, 甲 乙 1 2.
bool is_column_number_row(const GridRow& row);

}  // namespace budget::extract
