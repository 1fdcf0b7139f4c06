// normalize/numbers.h — amounts as printed in disclosure tables.
//
//   parse_number("1,234.56")      -> {kind=number, Amount{123456, 2}}
//   parse_number("２，２３３．２２") -> {kind=number, Amount{223322, 2}}
//   parse_number("-12.5")         -> {kind=number, Amount{-125, 1}}
//   parse_number("(12.50)")       -> {kind=number, Amount{-1250, 2}}  (accounting negative)
//   parse_number("-"), "—", "－", "——", "" , "  " -> {kind=blank}  (any run of dashes)
//   parse_number("0.00")          -> {kind=number, Amount{0, 2}}       (printed zero is not blank)
//   parse_number("12.5%")         -> {kind=invalid}  (use parse_percent)
//   parse_number("合计")           -> {kind=invalid}
//   to_yuan(Amount{223322,2}, 4)  -> Amount{22332200, 0}   (万元: exponent 4)
#pragma once

#include <optional>
#include <string_view>

#include "core/amount.h"

namespace budget::normalize {

struct ParsedNumber {
  enum Kind { blank, number, invalid } kind = blank;
  Amount value;
};

// Parses one table cell.  Accepts thousands separators (, ，), full-width
// digits, a leading sign (- − －  +), accounting parentheses, surrounding
// spaces.  At most 9 fractional digits.
ParsedNumber parse_number(std::string_view cell);

// "71.80%" / "７１．８％" / "71.8" -> Amount{718, 1}; nullopt if not a number.
std::optional<Amount> parse_percent(std::string_view s);

// Converts a printed amount to 元 given the unit's power of ten (元 0, 千元 3,
// 万元 4, 亿元 8).  Exact.
Amount to_yuan(const Amount& printed, int unit_exponent);

}  // namespace budget::normalize
