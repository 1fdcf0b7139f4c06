// report/html_text.h — text for the HTML pages (the review page, and the
// diff page of `budgetx diff --format html`).
//
//   html_escape("a<b & \"c\"")      -> "a&lt;b &amp; &quot;c&quot;"
//   in_unit(Amount{3759900}, 4, 2)  -> "375.99"        (元 → 万元, 2 decimals)
//   in_unit(Amount{-22332200}, 0, 0)-> "-22,332,200"
//   unit_exponent("万元")           -> 4
#pragma once

#include <string>
#include <string_view>

#include "core/amount.h"

namespace budget::report {

std::string html_escape(std::string_view s);

// The power of ten of a printed unit in 元: 元 0, 千元 3, 万元 4, 百万元 6,
// 亿元 8; 0 for anything else (shown in 元).
int unit_exponent(const std::string& unit);

// `yuan` in units of 10^exponent 元 with at least `decimals` digits after
// the point (more when the value has them), thousands grouped.
std::string in_unit(const Amount& yuan, int exponent, int decimals);

}  // namespace budget::report
