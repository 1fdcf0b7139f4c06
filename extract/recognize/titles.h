// extract/recognize/titles.h — is a line a table title, and of which kind?
//
//   parse_title("表一2025年预算收支总表")
//     -> {kind "budget_summary", ordinal 1, title "2025年预算收支总表", year 2025}
//   parse_title("预算公开表12020年预算收入总表")   -> ordinal 1, year 2020 (digits glued)
//   parse_title("附表3：2024年一般公共预算财政拨款支出决算表")
//     -> kind "general_public_expenditure_final", ordinal 3
//   parse_title("大同市市级预算部门（单位）项目支出绩效目标表") -> record "project_performance"
//   parse_title("一、收入预算情况说明")            -> nullopt (not a table title)
//   parse_ordinal_label("预算公开表1") -> 1;  parse_ordinal_label("表十三") -> 13
#pragma once

#include <optional>
#include <string>

namespace budget::extract {

struct TitleInfo {
  std::string title;             // printed title without its ordinal prefix, cleaned
  std::string kind;              // "" when only a record (performance form)
  std::string record;            // "project_performance", … or ""
  std::optional<int> ordinal;
  std::optional<int> year;
};

// Recognises a table title (with optional ordinal prefix).  A title names a
// table (ends in 表, optionally followed by a parenthesised note) and is no
// sentence; contents lines (dot leaders) are not titles.
std::optional<TitleInfo> parse_title(const std::string& text);

// A line holding only an ordinal label (表3, 预算公开表1, 附表十二).
std::optional<int> parse_ordinal_label(const std::string& text);

// 一 -> 1, 十三 -> 13, 二十一 -> 21; nullopt if not a Chinese numeral.
std::optional<int> chinese_number(const std::string& s);

}  // namespace budget::extract
