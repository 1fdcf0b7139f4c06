// extract/recognize/glossary.h — 名词解释: each term with its definition.
//
// The section whose title names it (第四部分 名词解释, 三、名词解释, 名词解释)
// prints one entry per paragraph, with or without an ordinal:
//   "一、基本支出：指为保障机构正常运转…"        -> {基本支出, 指为保障机构正常运转…}
//   "（一）财政拨款收入：是区级预算主管部门…"      -> {财政拨款收入, 是区级预算主管部门…}
//   "六、财政专户管理资金：" + "专指教育收费，…"    -> {财政专户管理资金, 专指教育收费，…}
// A paragraph with no term of its own continues the previous definition;
// entries printed as sub-headings (children of the section) are read the same way.
#pragma once

#include <vector>

#include "core/document.h"

namespace budget::extract {

std::vector<GlossaryEntry> read_glossary(const std::vector<Section>& sections);

}  // namespace budget::extract
