#include "normalize/units.h"

#include <iterator>

#include "normalize/text.h"

namespace budget::normalize {
namespace {

struct UnitName {
  const char* name;
  int exponent;
};
constexpr UnitName kUnits[] = {{"元", 0}, {"千元", 3}, {"万元", 4}, {"亿元", 8}};

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == 0xA0; }

// The characters a unit word is made of.
bool is_unit_char(char32_t c) { return c == U'元' || c == U'千' || c == U'万' || c == U'亿'; }

std::u32string_view skip_spaces(std::u32string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

bool starts_with(std::u32string_view s, std::u32string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The unit word at the start of `s` ("万 元（…）" -> 万元), spaces inside
// skipped, an optional 人民币 before it.
std::optional<Unit> leading_unit(std::u32string_view s) {
  s = skip_spaces(s);
  if (starts_with(s, U"人民币")) s = skip_spaces(s.substr(3));
  std::u32string word;
  for (char32_t c : s) {
    if (is_space(c)) continue;
    if (!is_unit_char(c)) break;
    word.push_back(c);
    if (c == U'元') break;
  }
  return unit_from_word(to_utf8(word));
}

}  // namespace

std::optional<Unit> parse_unit_line(std::string_view line) {
  std::u32string text = to_u32(fold_width(line));
  std::u32string_view rest = text;
  for (size_t at = rest.find(U"单位"); at != std::u32string_view::npos; at = rest.find(U"单位")) {
    rest = rest.substr(at + 2);
    std::u32string_view value = skip_spaces(rest);
    bool separated = value.size() < rest.size();
    if (!value.empty() && value.front() == U':') {
      value.remove_prefix(1);
      separated = true;
    }
    // "单位：万元" or "单位 万元", never "本单位万元以上…".
    if (!separated) continue;
    if (auto unit = leading_unit(value)) return unit;
  }
  return std::nullopt;
}

std::optional<Unit> unit_from_word(std::string_view word) {
  std::string compact;
  for (char32_t c : to_u32(fold_width(word)))
    if (!is_space(c)) compact += to_utf8(std::u32string(1, c));
  for (const UnitName& unit : kUnits)
    if (compact == unit.name) return Unit{unit.name, unit.exponent};
  return std::nullopt;
}

}  // namespace budget::normalize
