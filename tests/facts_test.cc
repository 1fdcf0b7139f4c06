// Facts stated in the prose (subjects, values in 元, changes, shares), the
// assets read from them, the glossary, and section labels.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/pipeline.h"
#include "extract/recognize/assets.h"
#include "extract/recognize/facts.h"
#include "extract/recognize/glossary.h"
#include "extract/text_reader.h"

namespace budget::extract {
namespace {

std::string amount(const std::optional<Amount>& a) { return a ? a->to_string() : "-"; }

// "subject value unit change change_pct share_pct" per fact.
std::vector<std::string> fact_lines(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const Fact& f : facts)
    out.push_back(f.subject + " " + amount(f.value) + f.unit + " " + amount(f.change) + " " +
                  amount(f.change_pct) + " " + amount(f.share_pct));
  return out;
}

TEST(facts_test, figures_with_their_subjects_changes_and_shares) {
  struct Case {
    const char* text;
    std::vector<std::string> expected;
    const char* entity = "某市应急管理局";
  };
  static const Case kCases[] = {
      {"2025年度某市应急管理局预算收入总计2,233.22万元，其中：本年收入2,233.22万元，上年结转0万元，"
       "比上年增长22.87万元，增长1.03%，主要原因是人员增加；",
       {"预算收入总计 22332200元 228700 1.03 -", "本年收入 22332200元 - - -", "上年结转 0元 - - -"}},
      {"2025年度某市应急管理局支出预算2233.22万元，其中：基本支出1603.41万元，占71.80%；项目支出629.8万元，占28.20%。",
       {"支出预算 22332200元 - - -", "基本支出 16034100元 - - 71.8", "项目支出 6298000元 - - 28.2"}},
      {"2025年某市应急管理局机关运行经费财政拨款预算152.07万元,比2024年预算减少2.54万元,下降1.64%,原因是退休人员增加。",
       {"机关运行经费财政拨款预算 1520700元 -25400 -1.64 -"}},
      {"其中:因公出国(境)费0万元,与上年预算数相同;公务接待费0万元,与上年预算数相同;",
       {"因公出国(境)费 0元 0 0 -", "公务接待费 0元 0 0 -"}},
      {"2025年某市应急管理局政府采购预算总额118.00万元。其中：政府采购货物预算101.00万元、政府采购工程预算0万元、"
       "政府采购服务预算17.00万元。",
       {"政府采购预算总额 1180000元 - - -", "政府采购货物预算 1010000元 - - -", "政府采购工程预算 0元 - - -",
        "政府采购服务预算 170000元 - - -"}},
      // A change opening the next sentence belongs to the previous sentence's figure.
      {"2．财政专户管理资金收入预算总计0万元。与上年相比增加（减少）0万元，增长（减少）0 %。",
       {"财政专户管理资金收入预算总计 0元 0 0 -"}},
      {"某局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。",
       {"收入支出总计 29953900元 -569500 -1.87 -"}, "某局"},
      {"2025年上海市某办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。",
       {"下属1家机关和1家事业单位财政拨款的机关运行经费预算 2132800元 - - -"}, "上海市某办公室"},
      // A figure-less item line names the bare figures after it (决算 reports).
      {"1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：基本支出。年初预算为1560.05万元，支出决算为1511.89万元。",
       {"一般公共服务支出(类)财政事务(款)行政运行(项)年初预算 15600500元 - - -",
        "一般公共服务支出(类)财政事务(款)行政运行(项)支出决算 15118900元 - - -"}},
      // Wrapped lines are joined before reading.
      {"（1）一般公共预算收入预算 15897.44万元，与上年相比增\n加 2248.37万元，增长 16.47 %。",
       {"一般公共预算收入预算 158974400元 22483700 16.47 -"}},
  };
  for (const Case& c : kCases)
    EXPECT_EQ(fact_lines(facts_of_text(c.text, {"一、说明"}, 18, c.entity)), c.expected) << c.text;
}

TEST(facts_test, section_path_page_and_sentence) {
  Section part;
  part.marker = "第三部分";
  part.title = "2025年度单位预算情况说明";
  Section one;
  one.marker = "一、";
  one.title = "收入预算情况说明";
  one.page = 18;
  one.text = "预算收入2,233.22万元，主要包括一般公共预算拨款收入2,233.22万元，占100.00%。";
  part.children.push_back(one);
  std::vector<Fact> facts = extract_facts({part}, "某局");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[1].section, (std::vector<std::string>{"第三部分 2025年度单位预算情况说明", "一、收入预算情况说明"}));
  EXPECT_EQ(facts[1].page, 18);
  EXPECT_EQ(facts[1].subject, "一般公共预算拨款收入");
  EXPECT_EQ(amount(facts[1].share_pct), "100");
  EXPECT_EQ(facts[1].text, one.text);
}

TEST(facts_test, assets_from_the_facts) {
  std::vector<Fact> facts = facts_of_text(
      "截至2024年12月31日，某局共有公务用车编制3辆，实有8辆，其中：领导用车0辆，机要通信用车3辆。\n"
      "截至2024年12月31日，某局使用的办公用房建筑总面积1626平方米。\n"
      "某局占有使用价值50万元（原值）以上的通用设备0台（套）；某局占有使用价值100万元（原值）以上的通用设备2台（套）。\n"
      "2025年部门预算安排购置车辆1辆，其中：执法执勤用车1辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。",
      {}, 30, "某局");
  Assets a = read_assets(facts);
  std::vector<std::string> vehicles;
  for (const VehicleCount& v : a.vehicles) vehicles.push_back(v.type + " " + std::to_string(v.count) + " " + v.status);
  EXPECT_EQ(vehicles, (std::vector<std::string>{"编制 3 quota", "实有 8 held", "领导用车 0 held", "机要通信用车 3 held",
                                                "购置 1 planned", "执法执勤用车 1 planned"}));
  EXPECT_EQ(amount(a.floor_area_m2), "1626");
  std::vector<std::string> equipment;
  for (const EquipmentCount& e : a.equipment)
    equipment.push_back(amount(e.threshold_yuan) + " " + std::to_string(e.count) + " " + e.kind + " " + e.status);
  EXPECT_EQ(equipment, (std::vector<std::string>{"500000 0 通用设备 held", "1000000 2 通用设备 held",
                                                 "1000000 0 设备 planned"}));
  EXPECT_EQ(a.page, 30);
}

TEST(facts_test, glossary_entries) {
  Section g;
  g.marker = "第四部分";
  g.title = "名词解释";
  g.text =
      "一、基本支出：指为保障机构正常运转而发生的支出。\n"
      "（二）、“三公”经费：指因公出国（境）费、公务用车购置及运行费和公务接待费。\n"
      "三、财政专户管理资金：\n专指教育收费。\n"
      "其中，包括学费。";
  std::vector<GlossaryEntry> entries = read_glossary({g});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].term, "基本支出");
  EXPECT_EQ(entries[0].definition, "指为保障机构正常运转而发生的支出。");
  EXPECT_EQ(entries[1].term, "“三公”经费");
  EXPECT_EQ(entries[2].term, "财政专户管理资金");
  EXPECT_EQ(entries[2].definition, "专指教育收费。\n其中，包括学费。");
}

TEST(facts_test, section_labels) {
  struct Case {
    const char* marker;
    const char* title;
    const char* label;
  };
  static const Case kCases[] = {
      {"第三部分", "2025年度单位预算情况说明", "第三部分 2025年度单位预算情况说明"},
      {"一、", "收入预算情况说明", "一、收入预算情况说明"},
      {"（一）", "其他", "（一）其他"},
      {"1.", "车辆情况", "1.车辆情况"},
      {"", "名词解释", "名词解释"},
  };
  for (const Case& c : kCases) {
    Section s;
    s.marker = c.marker;
    s.title = c.title;
    EXPECT_EQ(section_label(s), c.label);
  }
}

TEST(facts_test, pipeline_fills_facts_assets_and_glossary) {
  std::string text =
      "# 某局\n\n## 2025年度单位预算公开\n\n## 2025年预算支出总表\n\n单位：万元\n\n"
      "科目编码\t科目名称\t合计\n208\t社会保障和就业支出\t375.99\n\n"
      "## 第三部分 2025年度单位预算情况说明\n\n### 一、支出预算情况说明\n\n"
      "2025年度某局支出预算375.99万元，其中：基本支出375.99万元，占100.00%。\n\n"
      "### 二、国有资产占有使用情况\n\n截至2024年12月31日，某局共有公务用车编制3辆，实有2辆。\n\n"
      "## 第四部分 名词解释\n\n一、基本支出：指为保障机构正常运转而发生的支出。\n";
  Document doc = recognize(read_text(text));
  ASSERT_GE(doc.facts.size(), 2u);
  EXPECT_EQ(doc.facts[0].subject, "支出预算");
  EXPECT_EQ(doc.facts[0].section,
            (std::vector<std::string>{"第三部分 2025年度单位预算情况说明", "一、支出预算情况说明"}));
  EXPECT_EQ(doc.assets.vehicles.size(), 2u);
  ASSERT_EQ(doc.glossary.size(), 1u);
  EXPECT_EQ(doc.glossary[0].term, "基本支出");
}

}  // namespace
}  // namespace budget::extract
