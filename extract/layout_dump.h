// extract/layout_dump.h — the layout model as text, in the style of the
// text form, for eyes and diffs (`budgetx layout FILE`).
//
//   [p7] # 2025年预算支出总表          heading (one # per level, at least one)
//   [p7] 单位：万元                    paragraph (** around it when emphasized)
//   [p7] 科目编码	科目名称	合计      grid row: cells joined by tabs
//   [p7] ---                           between two consecutive grid blocks
//   ! watermark_removed: 12 …          notes at the end
#pragma once

#include <string>

#include "core/layout.h"

namespace budget::extract {

std::string dump_layout(const LayoutDocument& doc);

}  // namespace budget::extract
