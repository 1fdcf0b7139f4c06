// normalize/units.h — the printed money unit of a table or a figure.
//
//   parse_unit_line("单位：万元")         -> Unit{"万元", 4}
//   parse_unit_line("单位:元")            -> Unit{"元", 0}
//   parse_unit_line("金额单位：万元")      -> Unit{"万元", 4}
//   parse_unit_line("单位：万 元")        -> Unit{"万元", 4}  (split over lines, joined by the caller)
//   parse_unit_line("单位名称：某某局")    -> nullopt
//   parse_unit_line("本单位万元以上项目")  -> nullopt   (a colon or space must follow 单位)
//   parse_unit_line("单位：人民币万元")    -> Unit{"万元", 4}
//   unit_from_word("万元")                -> Unit{"万元", 4}
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace budget::normalize {

struct Unit {
  std::string name;   // as the contract prints it: "元", "千元", "万元", "亿元"
  int exponent = 0;   // power of ten to 元
};

// A line that states a unit (单位：…, 金额单位：…, （单位：万元）), possibly with
// other text around it (e.g. "编制单位：某局  单位：万元").  nullopt otherwise.
std::optional<Unit> parse_unit_line(std::string_view line);

// A bare unit word: 元, 千元, 万元, 亿元 (spaces inside ignored).
std::optional<Unit> unit_from_word(std::string_view word);

}  // namespace budget::normalize
