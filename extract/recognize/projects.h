// extract/recognize/projects.h — project records from the performance forms
// (项目支出绩效目标表) and from project prose (项目经费情况说明).
//
// A form is read by its LABELS, never by fixed cell positions: the value of a
// label is the text of the non-empty cells right of it up to the next label,
// so forms whose cells shift by a column between tables, or print one label
// once for two columns, read the same:
//
//   项目名称 | | J安 | 委会工作经费                 -> name "J安委会工作经费"
//   主管部门及代码 | | 114-某局[部门] | | 实施单位 | | 某局
//        -> department_code "114", department "某局", implementing_unit "某局"
//   项目资金 (元) | 实施期资金总额: | 400,000 | | 年度资金总额: | 400,000
//   | 其中:中央财政资金 | 0 | | 其中:中央财政资金 | 0   (first: 实施期, second: 年度)
//        -> funds.period.total 400000, funds.annual.central 0, …  (项目资金(万元) scales)
//   绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值
//   | 产出指标 | 数量指标 | 完成率 | 100% | 数量指标 | 完成率 | 100%
//        -> {period 产出指标 数量指标 完成率 100%}, {annual 产出指标 数量指标 完成率 100%}
//
// An indicator row is split into its 实施期 half and its 年度 half by what it
// prints (a repeated half, a repeated 二级指标 label, an even number of cells)
// before falling back on the header's column positions; a 二级指标 printed
// with no 三级指标 is an empty slot and yields nothing.
//
// Prose projects (Shanghai): a heading "<name>项目经费情况说明" or
// "<name>专项（政策资金）经费情况说明" followed by 一、项目概述 … 七、绩效目标.
#pragma once

#include <cstddef>
#include <vector>

#include "core/document.h"
#include "core/layout.h"
#include "extract/recognize/segments.h"

namespace budget::extract {

// Reads one performance form (all rows of its grids, in order; a form split
// over pages is one list).  Several forms in one list (each starting with a
// 项目名称 row) give several projects.  `page` is the form's first page (0: none).
std::vector<Project> read_performance_forms(const std::vector<GridRow>& rows, int page);

struct ProjectRecords {
  std::vector<Project> projects;
  std::vector<Project> overall;          // 部门（单位）整体支出绩效目标表, form "overall_performance"
  std::vector<std::size_t> first_block;  // per project: index of its first block
  std::vector<bool> used_segment;        // per segment: read as a project form (not a table)
};

// Every project form of a segmentation: segments whose title names a
// performance record, plus untitled grids that continue one (a form split
// over pages whose continuation lost its title).  整体支出绩效目标表 (the
// department's overall targets) are read the same way into `overall`, named
// after the department.
ProjectRecords read_project_forms(const Segmentation& seg);

// Projects described in prose (项目经费情况说明 with 一、项目概述 … 七、绩效目标),
// read from the blocks outside tables (a title-like line with no table under
// it, such as 详见单位的项目绩效目标表, counts as prose).  A prose description without a name
// that is followed by a form describes that form's project: its texts are
// merged into that record (see merge_prose_projects).
ProjectRecords read_prose_projects(const std::vector<Block>& blocks, const Segmentation& seg);

// The document's project list: the forms' records in order, each prose record
// merged into the form record it describes (same name, or unnamed and printed
// right before that form: its texts fill the form record's empty ones), the
// other prose records appended with form "prose".
std::vector<Project> merge_prose_projects(ProjectRecords forms, ProjectRecords prose);

}  // namespace budget::extract
