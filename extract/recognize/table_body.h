// extract/recognize/table_body.h — body lines of a grid → contract rows.
//
//   line "208 | 社会保障和就业支出 | 375.99 | 348.49 | 27.50" in a 万元 table
//   -> Row{code "208", name "社会保障和就业支出", level 1,
//          values {total 3759900, basic 3484900, project 275000}}
//   line "一、一般公共预算 | 2233.22 | 八、社会保障和就业支出 | 375.99 | …" (two lists)
//   -> Row{side income, ordinal "一", name "一般公共预算", …}, Row{side expenditure, ordinal "八", …}
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/layout.h"
#include "extract/recognize/header.h"

namespace budget::extract {

// What the lines of one table share, read line after line.
struct BodyContext {
  int unit_exponent = 4;      // printed unit's power of ten (万元: 4)
  std::string entity;         // the document's entity (project tables: unit rows)
  // Per item list: the split 类 / 款 / 项 code parts of the last line that
  // printed them, for lines that print only their own part.
  std::map<int, std::vector<std::string>> code_parts;
};

// Appends the rows of one body line (one per item list that prints something).
void read_body_line(const GridRow& line, const HeaderLayout& header, BodyContext& ctx,
                    std::vector<Row>& rows, std::vector<Warning>& warnings);

// Assigns levels once all rows are read: code length, totals, lines under
// totals, ordinals and sub-item markers, economic categories, unit rows.
void assign_levels(std::vector<Row>& rows, const std::string& table_kind, const std::string& entity);

// Splits an ordinal prefix off a name: "一、一般公共预算" -> {"一", "一般公共预算"},
// "①公务用车购置费" -> {"①", "公务用车购置费"}, "（一）…", "1." …
std::pair<std::string, std::string> split_ordinal(const std::string& name);

bool is_total_name(const std::string& name);

}  // namespace budget::extract
