// Projects: performance forms read by their labels (shifted cells, split
// values, 元/万元, goals, the indicator halves), prose descriptions, and the
// whole pipeline on a small text disclosure.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "extract/pipeline.h"
#include "extract/recognize/projects.h"
#include "extract/recognize/segments.h"
#include "extract/text_reader.h"

namespace budget::extract {
namespace {

// Rows of a grid from tab-separated lines ('|' stands for a tab).
std::vector<GridRow> rows(const std::vector<std::string>& lines, int page = 0) {
  std::vector<GridRow> out;
  for (const std::string& line : lines) {
    GridRow r;
    r.page = page;
    std::string cell;
    for (char c : line + "|") {
      if (c == '|') {
        r.cells.push_back({cell, 1, {}});
        cell.clear();
      } else {
        cell += c;
      }
    }
    out.push_back(r);
  }
  return out;
}

std::string amount(const std::optional<Amount>& a) { return a ? a->to_string() : "-"; }

// "scope level1/level2/name=value" per indicator.
std::vector<std::string> indicator_lines(const Project& p) {
  std::vector<std::string> out;
  for (const Indicator& i : p.indicators)
    out.push_back(i.scope + " " + i.level1 + "/" + i.level2 + "/" + i.name + "=" + i.value);
  return out;
}

const std::vector<std::string> kHeader = {
    "项目名称||J安|委会工作经费|||||",
    "主管部门及代码||114-某市应急管理局[部门]||实施单位||某市应急管理局|",
    "项目属性||经常性项目（长期开展）||项目期||99年|",
    "项目资金 (元)|实施期资金总额:|400,000||年度资金总额:|300,000||",
    "|其中:中央财政资金|0||其中:中央财政资金|0||",
    "|省级财政资金|0||省级财政资金|0||",
    "|市县(区)财政资金|400,000||市县(区)财政资金|300,000||",
    "|单位自筹|0||单位自筹|0||",
    "|其他资金|||其他资金|||",
    "项目概况||满足工作支出|||||",
    "立项依据||依据《工作要点》|||||",
    "项目设立必要性||保障工作|||||",
    "保证项目实施的制度、措施||财务制度|||||",
    "项目实施计划||全年实施|||||",
    "实施期目标||||年度目标|||",
    "总体目标|减少事故|||降低事故|||",
    "绩效指标|一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值",
};

TEST(projects_test, form_fields_by_label) {
  std::vector<std::string> lines = kHeader;
  lines.push_back("|产出指标|数量指标|检查完成率|100%|数量指标|检查完成率|100%");
  auto projects = read_performance_forms(rows(lines, 20), 20);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.name, "J安委会工作经费");  // one value printed over two cells
  EXPECT_EQ(p.page, 20);
  EXPECT_EQ(p.department, "某市应急管理局");
  EXPECT_EQ(p.department_code, "114");
  EXPECT_EQ(p.implementing_unit, "某市应急管理局");
  EXPECT_EQ(p.attribute, "经常性项目（长期开展）");
  EXPECT_EQ(p.period, "99年");
  EXPECT_EQ(amount(p.funds_period.total), "400000");
  EXPECT_EQ(amount(p.funds_period.local), "400000");
  EXPECT_EQ(amount(p.funds_period.central), "0");
  EXPECT_EQ(amount(p.funds_annual.total), "300000");
  EXPECT_EQ(amount(p.funds_annual.local), "300000");
  EXPECT_EQ(amount(p.funds_annual.self_raised), "0");
  EXPECT_EQ(amount(p.funds_annual.other), "-");  // blank is absent, not 0
  EXPECT_EQ(p.overview, "满足工作支出");
  EXPECT_EQ(p.basis, "依据《工作要点》");
  EXPECT_EQ(p.necessity, "保障工作");
  EXPECT_EQ(p.measures, "财务制度");
  EXPECT_EQ(p.plan, "全年实施");
  EXPECT_EQ(p.goal_period, "减少事故");
  EXPECT_EQ(p.goal_annual, "降低事故");
  EXPECT_EQ(p.form, "performance_table");
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].target.op, "=");
  EXPECT_EQ(amount(p.indicators[0].target.number), "100");
}

TEST(projects_test, shifted_cells_wan_yuan_and_goals_on_next_row) {
  auto projects = read_performance_forms(rows({
      "项目名称||X经费||||",
      "主管部门及代码|121-某小学[部门]|实施单位|某小学|||",  // shifted a column left
      "项目属性|延续性项目（3年）|项目日期|3年|||",
      "项目资金（万元）||实施期资金总额：||101.67||年度资金总额：|",  // annual total blank
      "||其中：中央财政资金||0||其中：中央财政资金|",
      "||市县（区）财政资金||36.39||市县（区）财政资金|",
      "||单位自筹||65.28||单位自筹|",
      "总体目标|实施期目标|||年度目标|||",
      "|按计划完成|||全面完成|||",
  }), 0);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_FALSE(p.page.has_value());
  EXPECT_EQ(p.department_code, "121");
  EXPECT_EQ(p.department, "某小学");
  EXPECT_EQ(p.implementing_unit, "某小学");
  EXPECT_EQ(p.period, "3年");
  EXPECT_EQ(amount(p.funds_period.total), "1016700");  // 101.67 万元
  EXPECT_EQ(amount(p.funds_period.self_raised), "652800");
  EXPECT_EQ(amount(p.funds_annual.total), "-");
  EXPECT_EQ(amount(p.funds_annual.local), "-");
  EXPECT_EQ(p.goal_period, "按计划完成");
  EXPECT_EQ(p.goal_annual, "全面完成");
}

TEST(projects_test, indicator_rows) {
  struct Case {
    const char* name;
    std::vector<std::string> rows;
    std::vector<std::string> expected;
  };
  const std::string h = "绩效指标|一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值";
  static const std::vector<Case> kCases = {
      {"mirrored halves, level2 carried to the next row",
       {h, "|产出指标|数量指标|专家人次|≥850人次|数量指标|专家人次|≥850人次",
        "|||车辆外出次数|≥334次||车辆外出次数|≥334次"},
       {"period 产出指标/数量指标/专家人次=≥850人次", "annual 产出指标/数量指标/专家人次=≥850人次",
        "period 产出指标/数量指标/车辆外出次数=≥334次", "annual 产出指标/数量指标/车辆外出次数=≥334次"}},
      {"empty slots give nothing; 成本指标 under 产出指标 is a level2",
       {h, "|产出指标|数量指标|a|1次|数量指标|a|1次", "成本指标|||成本指标||||",
        "|效益指标|经济效益指标|||经济效益指标||", "||社会效益指标|b|提升|社会效益指标|b|提升"},
       {"period 产出指标/数量指标/a=1次", "annual 产出指标/数量指标/a=1次",
        "period 效益指标/社会效益指标/b=提升", "annual 效益指标/社会效益指标/b=提升"}},
      {"halves that differ, split where the level2 label repeats; a cut-off annual half",
       {h, "|产出指标|质量指标|信息发布率|100%|质量指标|设备运转率|100%|",
        "|||时效指标|整改及时性||及时|时效指标"},
       {"period 产出指标/质量指标/信息发布率=100%", "annual 产出指标/质量指标/设备运转率=100%",
        "period 产出指标/时效指标/整改及时性=及时"}},
      {"a level2 shifted into the level1 column; the name repeats the level2",
       {h, "|产出指标|数量指标|a|1次|数量指标|a|1次", "时效指标||及时性|及时|时效指标|及时性|及时||",
        "满意度指标|服务对象满意度|服务对象满意度|100%|服务对象满意度|服务对象满意度|100%|"},
       {"period 产出指标/数量指标/a=1次", "annual 产出指标/数量指标/a=1次",
        "period 产出指标/时效指标/及时性=及时", "annual 产出指标/时效指标/及时性=及时",
        "period 满意度指标/服务对象满意度/服务对象满意度=100%",
        "annual 满意度指标/服务对象满意度/服务对象满意度=100%"}},
      {"an empty slot's 二级指标 is not carried to the row after it",
       {h, "|满意度指标|服务对象满意度指标|||服务对象满意度指标||", "|||服务对象满意度|≥98%||服务对象满意度|≥98%"},
       {"period 满意度指标//服务对象满意度=≥98%", "annual 满意度指标//服务对象满意度=≥98%"}},
      {"成本指标 as a level1 (经济成本指标 under it)",
       {h, "成本指标|经济成本指标|单位成本|≤33元|经济成本指标|单位成本|≤33元"},
       {"period 成本指标/经济成本指标/单位成本=≤33元", "annual 成本指标/经济成本指标/单位成本=≤33元"}},
      {"one scope (年度(/项目)指标值), level1 printed below its first row",
       {"一级指标|二级指标|三级指标|年度(/项目)指标值", "|数量指标|规划面积|≥13459.00(平方米)",
        "产出指标|质量指标|完工及时率|及时率", "效益指标|社会效益指标|完善设施|完善率"},
       {"annual 产出指标/数量指标/规划面积=≥13459.00(平方米)", "annual 产出指标/质量指标/完工及时率=及时率",
        "annual 效益指标/社会效益指标/完善设施=完善率"}},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> lines = {"项目名称||P||||"};
    lines.insert(lines.end(), c.rows.begin(), c.rows.end());
    auto projects = read_performance_forms(rows(lines), 0);
    ASSERT_EQ(projects.size(), 1u) << c.name;
    EXPECT_EQ(indicator_lines(projects[0]), c.expected) << c.name;
  }
}

TEST(projects_test, forms_in_one_list_and_a_lost_name_label) {
  std::vector<std::string> lines = kHeader;
  lines.push_back("|产出指标|数量指标|a|1次|数量指标|a|1次");
  // The second form's title and 项目名称 label were not read: its name stands alone.
  lines.push_back("||第二个项目|||||");
  lines.push_back("项目属性||一次性项目（1年结束）||项目期||1年|");
  lines.push_back("项目资金（元）|实施期资金总额：|5,000||年度资金总额：|5,000||");
  lines.push_back("绩效指标|一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值");
  lines.push_back("|满意度指标|服务对象满意度指标|满意度|≥90%|服务对象满意度指标|满意度|≥90%");
  auto projects = read_performance_forms(rows(lines), 0);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].name, "J安委会工作经费");
  EXPECT_EQ(projects[0].indicators.size(), 2u);
  EXPECT_EQ(projects[1].name, "第二个项目");
  EXPECT_EQ(projects[1].attribute, "一次性项目（1年结束）");
  EXPECT_EQ(amount(projects[1].funds_annual.total), "5000");
  EXPECT_EQ(projects[1].department, "");
  EXPECT_EQ(projects[1].indicators.size(), 2u);
}

TEST(projects_test, form_continued_on_a_page_that_repeats_its_header) {
  std::vector<std::string> lines = kHeader;
  lines.push_back("|产出指标|数量指标|a|1次|数量指标|a|1次");
  lines.push_back("项目名称||J安委会工作经费|||||");  // the next page repeats the name and the header
  lines.push_back("绩效指标|一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值");
  lines.push_back("||质量指标|b|100%|质量指标|b|100%");
  auto projects = read_performance_forms(rows(lines), 0);
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(indicator_lines(projects[0]),
            (std::vector<std::string>{"period 产出指标/数量指标/a=1次", "annual 产出指标/数量指标/a=1次",
                                      "period 产出指标/质量指标/b=100%", "annual 产出指标/质量指标/b=100%"}));
}

TEST(projects_test, kind_split_funds_and_dates) {
  auto projects = read_performance_forms(rows({
      "项目名称|就业援助基地补贴|项目性质|经常性项目|项目类别|特定目标类",
      "主管部门|某街道办事处|实施单位|某街道办事处",
      "计划开始日期|2023-01-01|计划完成日期|2023-12-31",
      "|项目资金总额|6,351,000.00|年度资金申请总额|6,351,000.00",
      "|||其中：当年财政拨款|6,351,000.00",
      "项目资金（元）|其中：财政资金|6,351,000.00||",
      "|||上年结转资金|0.00",
      "|其他资金|0.00|其他资金|0.00",
  }), 32);
  ASSERT_EQ(projects.size(), 1u);
  const Project& p = projects[0];
  EXPECT_EQ(p.attribute, "经常性项目");
  EXPECT_EQ(p.category, "特定目标类");
  EXPECT_EQ(p.period, "2023-01-01至2023-12-31");
  EXPECT_EQ(amount(p.funds_period.total), "6351000");
  EXPECT_EQ(amount(p.funds_period.fiscal), "6351000");
  EXPECT_EQ(amount(p.funds_annual.current_year), "6351000");
  EXPECT_EQ(amount(p.funds_annual.carryover), "0");
  EXPECT_EQ(amount(p.funds_period.other), "0");
  EXPECT_EQ(amount(p.funds_annual.other), "0");
}

// A small text disclosure: one table, one form, one prose description.
std::string disclosure() {
  std::ostringstream s;
  s << "# 某局\n\n## 2025年度单位预算公开\n\n"
    << "## 第一部分 概况\n\n一、主要职责\n\n负责全市工作。\n\n"
    << "## 2025年预算支出总表\n\n单位：万元\n\n"
    << "科目编码\t科目名称\t合计\n208\t社会保障和就业支出\t375.99\n\n"
    << "某市市级预算部门（单位）项目支出绩效目标表\n\n(2025年度)\n\n";
  for (const std::string& line : kHeader) {
    std::string l = line;
    for (char& c : l)
      if (c == '|') c = '\t';
    s << l << "\n";
  }
  s << "\t产出指标\t数量指标\t检查完成率\t100%\t数量指标\t检查完成率\t100%\n\n"
    << "宣传专项经费项目经费情况说明\n\n一、项目概述\n\n开展宣传。\n\n二、立项依据\n\n《宣传规定》。\n\n"
    << "五、实施周期\n\n2025全年度。\n\n六、年度预算安排\n\n第一季度用款计划10万元，第二季度用款计划5.5万元。\n\n"
    << "七、绩效目标\n\n宣传覆盖全市。\n";
  return s.str();
}

TEST(projects_test, pipeline_reads_forms_and_prose) {
  Document doc = recognize(read_text(disclosure()));
  ASSERT_EQ(doc.projects.size(), 2u);
  EXPECT_EQ(doc.projects[0].name, "J安委会工作经费");
  EXPECT_EQ(doc.projects[0].form, "performance_table");
  EXPECT_EQ(doc.projects[0].indicators.size(), 2u);
  const Project& prose = doc.projects[1];
  EXPECT_EQ(prose.name, "宣传专项经费");
  EXPECT_EQ(prose.form, "prose");
  EXPECT_EQ(prose.overview, "开展宣传。");
  EXPECT_EQ(prose.basis, "《宣传规定》。");
  EXPECT_EQ(prose.period, "2025全年度。");
  EXPECT_EQ(prose.goal_annual, "宣传覆盖全市。");
  EXPECT_EQ(amount(prose.funds_annual.total), "155000");  // the quarters' sum
  // The form is no table.
  for (const Table& t : doc.tables) EXPECT_EQ(t.title.find("绩效目标"), std::string::npos);
}

TEST(projects_test, overall_performance_form_is_kept_apart) {
  Block title;
  title.text = "某局部门整体支出绩效目标表";
  Block grid;
  grid.kind = BlockKind::grid;
  grid.rows = rows({
      "部门名称|某局|||",
      "年度资金总额|1,000,000|||",
      "年度总体目标|保障机构运转|||",
      "一级指标|二级指标|三级指标|指标值",
      "产出指标|数量指标|保障人数|≥50人",
  });
  grid.columns = 4;
  Segmentation seg = segment_blocks({title, grid});
  ProjectRecords r = read_project_forms(seg);
  EXPECT_TRUE(r.projects.empty());
  ASSERT_EQ(r.overall.size(), 1u);
  EXPECT_EQ(r.overall[0].name, "某局");
  EXPECT_EQ(r.overall[0].form, "overall_performance");
  EXPECT_EQ(amount(r.overall[0].funds_annual.total), "1000000");
  EXPECT_EQ(r.overall[0].goal_annual, "保障机构运转");
  EXPECT_EQ(indicator_lines(r.overall[0]), (std::vector<std::string>{"annual 产出指标/数量指标/保障人数=≥50人"}));
  ASSERT_EQ(r.used_segment.size(), 1u);
  EXPECT_TRUE(r.used_segment[0]);
}

TEST(projects_test, unnamed_prose_merges_into_the_next_form) {
  ProjectRecords forms, prose;
  Project form;
  form.name = "新建中心";
  form.form = "performance_table";
  forms.projects.push_back(form);
  forms.first_block.push_back(10);
  Project text;
  text.form = "prose";
  text.overview = "新建工程。";
  prose.projects.push_back(text);
  prose.first_block.push_back(3);
  Project other;
  other.name = "另一项目";
  other.form = "prose";
  prose.projects.push_back(other);
  prose.first_block.push_back(20);
  auto merged = merge_prose_projects(forms, prose);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].name, "新建中心");
  EXPECT_EQ(merged[0].overview, "新建工程。");
  EXPECT_EQ(merged[0].form, "performance_table");
  EXPECT_EQ(merged[1].name, "另一项目");
}

}  // namespace
}  // namespace budget::extract
