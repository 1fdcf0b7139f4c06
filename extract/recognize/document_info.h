// extract/recognize/document_info.h — entity, fiscal year, kind and scope
// from the cover and the titles.
//
//   "# 大同市应急管理局" + "## 2025年度单位预算公开"
//     -> {title "大同市应急管理局2025年度单位预算公开", entity "大同市应急管理局",
//         fiscal_year 2025, kind "budget", scope "unit"}
//   "上海市普陀区财政局2024年度部门决算" -> kind "final_account", scope "department"
#pragma once

#include <vector>

#include "core/document.h"
#include "core/layout.h"

namespace budget::extract {

// Reads the document's identity from its first blocks; falls back to the
// 单位名称 lines and table titles when the cover does not say.
DocumentInfo read_document_info(const std::vector<Block>& blocks);

// For documents that print only tables (no cover): the year most often named
// in table titles and headers, 决算 when the tables are final-account forms,
// and the scope from how the tables name their entity (部门： / 单位名称：).
void complete_from_tables(DocumentInfo& info, const std::vector<Table>& tables,
                          const std::vector<Block>& blocks);

}  // namespace budget::extract
