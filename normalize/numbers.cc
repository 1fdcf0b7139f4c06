#include "normalize/numbers.h"

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>

#include "normalize/text.h"

namespace budget::normalize {
namespace {

constexpr int kMaxFractionDigits = 9;
constexpr int kMaxSignificantDigits = 18;  // fits std::int64_t

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0;
}

// Characters that print a dash: hyphen-minus, hyphens, en/em dashes, horizontal
// bar, minus, box-drawing lines, small hyphen-minus.  A cell of only these is an
// explicit blank.
constexpr std::u32string_view kDashes =
    U"-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\uFE58\uFE63";

bool is_dash(char32_t c) { return kDashes.find(c) != std::u32string_view::npos; }

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool all_dashes(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_dash(c)) return false;
  return true;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Digits with optional thousands separators and one decimal point, no sign:
// "1,234.56", "0.00", "7".  nullopt for anything else.
std::optional<Amount> parse_unsigned(std::u32string_view s) {
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return std::nullopt;
  std::int64_t units = 0;
  int significant = 0, fraction = 0;
  bool in_fraction = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U',') {
      if (in_fraction || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) return std::nullopt;
      continue;
    }
    if (c == U'.') {
      if (in_fraction) return std::nullopt;
      in_fraction = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    if (units > 0 || c != U'0') ++significant;
    if (significant > kMaxSignificantDigits) return std::nullopt;
    units = units * 10 + (c - U'0');
    if (in_fraction && ++fraction > kMaxFractionDigits) return std::nullopt;
  }
  return Amount{units, fraction};
}

// Removes one pair of enclosing brackets; returns whether it did.
bool strip_parentheses(std::u32string_view& s) {
  if (s.size() < 2 || s.front() != U'(' || s.back() != U')') return false;
  s = trim(s.substr(1, s.size() - 2));
  return true;
}

// Removes a leading sign; returns -1 for a minus, else 1.
int strip_sign(std::u32string_view& s) {
  if (s.empty()) return 1;
  if (s.front() == U'+') {
    s = trim(s.substr(1));
    return 1;
  }
  if (s.front() == U'-' || s.front() == 0x2212) {
    s = trim(s.substr(1));
    return -1;
  }
  return 1;
}

}  // namespace

ParsedNumber parse_number(std::string_view cell) {
  std::u32string folded = to_u32(fold_width(cell));
  std::u32string_view s = trim(folded);
  if (s.empty() || all_dashes(s)) return {ParsedNumber::blank, {}};

  bool negative = strip_parentheses(s);
  int sign = strip_sign(s);
  if (negative && sign < 0) return {ParsedNumber::invalid, {}};
  if (sign < 0) negative = true;

  std::optional<Amount> value = parse_unsigned(s);
  if (!value) return {ParsedNumber::invalid, {}};
  if (negative) value->units = -value->units;
  return {ParsedNumber::number, *value};
}

std::optional<Amount> parse_percent(std::string_view s) {
  std::string folded = fold_width(s);
  std::string_view text = folded;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  ParsedNumber n = parse_number(text);
  if (n.kind != ParsedNumber::number) return std::nullopt;
  return n.value.normalized();
}

Amount to_yuan(const Amount& printed, int unit_exponent) {
  assert(unit_exponent >= 0);
  return printed.scaled_pow10(unit_exponent);
}

}  // namespace budget::normalize
