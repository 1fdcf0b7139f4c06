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
#pragma once

#include <string_view>

#include "core/document.h"

namespace budget::normalize {

Target parse_target(std::string_view value);

}  // namespace budget::normalize
