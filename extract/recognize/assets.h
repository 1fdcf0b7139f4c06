// extract/recognize/assets.h — 国有资产占有使用情况: vehicles, floor area and
// equipment as the prose states them, read from the facts of the prose.
//
//   "共有公务用车编制3辆，实有8辆，其中：领导用车0辆，机要通信用车3辆"
//     -> vehicles {编制 3 quota}, {实有 8 held}, {领导用车 0 held}, {机要通信用车 3 held}
//   "2025年部门预算安排购置车辆0辆，其中：执法执勤用车0辆"
//     -> vehicles {购置 0 planned}, {执法执勤用车 0 planned}
//   "使用的办公用房建筑总面积1626平方米"            -> floor_area_m2 1626
//   "占有使用价值50万元（原值）以上的通用设备0台（套）" -> equipment {500000, 0, 通用设备, held}
#pragma once

#include <vector>

#include "core/document.h"

namespace budget::extract {

// Reads the assets from the facts (extract_facts) of the document's prose.
Assets read_assets(const std::vector<Fact>& facts);

}  // namespace budget::extract
