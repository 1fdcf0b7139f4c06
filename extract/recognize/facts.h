// extract/recognize/facts.h — the figures the prose states.
//
// Each figure becomes one Fact with its subject (the noun phrase printed
// before it, without the entity name and the year), its value in 元 (or as
// printed for a bare percentage or a count), and what the same sentence says
// about it: its change against the previous year and its share.
//
//   "2025年度某局预算收入总计2,233.22万元，其中：本年收入2,233.22万元，上年结转0万元，
//    比上年增长22.87万元，增长1.03%"
//     -> {预算收入总计 22332200 元, change 228700, change_pct 1.03}
//        {本年收入 22332200 元}  {上年结转 0 元}
//   "基本支出1603.41万元，占71.80%"          -> {基本支出 16034100 元, share_pct 71.8}
//   "机关运行经费财政拨款预算152.07万元,比2024年预算减少2.54万元,下降1.64%"
//     -> {机关运行经费财政拨款预算 1520700 元, change -25400, change_pct -1.64}
//   "公务接待费0万元,与上年预算数相同"          -> {公务接待费 0 元, change 0, change_pct 0}
//   "共有公务用车编制3辆"                     -> {公务用车编制 3 辆}
//
// A change printed after a list of parts (其中：A…，B…，比上年增长…) is the
// head's; after one figure it is that figure's; at the start of a sentence
// (与上年相比增加…) it is the previous sentence's last figure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace budget::extract {

// Facts of every section's text (and of titles that state a figure), in
// document order.  `entity` is left out of subjects.
std::vector<Fact> extract_facts(const std::vector<Section>& sections, const std::string& entity);

// Facts of one paragraph under the given heading path (for tests).
std::vector<Fact> facts_of_text(const std::string& text, const std::vector<std::string>& section,
                                std::optional<int> page, const std::string& entity);

// "第三部分" + "2025年度单位预算情况说明" -> "第三部分 2025年度单位预算情况说明";
// "一、" + "收入预算情况说明" -> "一、收入预算情况说明".
std::string section_label(const Section& s);

}  // namespace budget::extract
