// normalize/targets.h — performance-indicator target values.
//
//   parse_target("≥99%")    -> Target{"≥", 99, "%"}
//   parse_target(">=99%")   -> Target{"≥", 99, "%"}
//   parse_target("≤5%")     -> Target{"≤", 5, "%"}
//   parse_target("100%")    -> Target{"=", 100, "%"}
//   parse_target("5.2万元")  -> Target{"=", 52000, "元"}   (money in 元)
//   parse_target("25人")     -> Target{"=", 25, "人"}
//   parse_target("≥2667次")  -> Target{"≥", 2667, "次"}
//   parse_target("及时")     -> Target{"qualitative"}
//   parse_target("不低于95%") -> Target{"≥", 95, "%"}   (不少于, 大于等于 too)
//   parse_target("不超过10天") -> Target{"≤", 10, "天"}  (不高于, 不多于, 小于等于 too)
//   parse_target("95%以上")   -> Target{"≥", 95, "%"}   (以下, 以内 -> "≤")
//   parse_target(">90%")     -> Target{">", 90, "%"}   (大于, 高于, 超过; "<": 小于, 低于, 少于)
//   parse_target("2025年12月底前") -> Target{"qualitative"}
//
// The number must come first (after the comparison word); the rest, up to 6
// characters without digits, is the unit.  Anything else, including an empty
// value, is qualitative: op "qualitative", no number, unit "".
#pragma once

#include <string_view>

#include "core/document.h"

namespace budget::normalize {

Target parse_target(std::string_view value);

}  // namespace budget::normalize
