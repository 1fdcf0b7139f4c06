#include "normalize/targets.h"

#include "normalize/numbers.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::normalize {
namespace {

struct OperatorWord {
  std::u32string_view word;
  const char* op;
};

// Printed before the number; longer words first so that ">=" wins over ">".
constexpr OperatorWord kPrefixOperators[] = {
    {U"大于或等于", "≥"}, {U"小于或等于", "≤"}, {U"大于等于", "≥"}, {U"小于等于", "≤"},
    {U"不低于", "≥"},     {U"不少于", "≥"},     {U"不高于", "≤"},   {U"不超过", "≤"},
    {U"不多于", "≤"},     {U">=", "≥"},         {U"<=", "≤"},       {U"≥", "≥"},
    {U"≧", "≥"},          {U"≤", "≤"},          {U"≦", "≤"},        {U"大于", ">"},
    {U"高于", ">"},       {U"超过", ">"},       {U"小于", "<"},     {U"低于", "<"},
    {U"少于", "<"},       {U">", ">"},          {U"<", "<"},        {U"等于", "="},
    {U"=", "="},
};

// Printed after the unit: "95%以上", "3天以内".
constexpr OperatorWord kSuffixOperators[] = {
    {U"及以上", "≥"}, {U"以上", "≥"}, {U"及以下", "≤"}, {U"以下", "≤"}, {U"以内", "≤"},
};

// Longest unit text still read as a unit ("个工作日"); longer means prose.
constexpr size_t kMaxUnitChars = 6;

bool starts_with(std::u32string_view s, std::u32string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Removes a printed comparison word from the front; returns its op or "".
const char* strip_prefix_operator(std::u32string_view& s) {
  for (const auto& w : kPrefixOperators) {
    if (starts_with(s, w.word)) {
      s.remove_prefix(w.word.size());
      return w.op;
    }
  }
  return "";
}

const char* strip_suffix_operator(std::u32string_view& s) {
  for (const auto& w : kSuffixOperators) {
    if (ends_with(s, w.word)) {
      s.remove_suffix(w.word.size());
      return w.op;
    }
  }
  return "";
}

// Length of the leading number text: optional sign, digits, ',' and '.'.
size_t number_length(std::u32string_view s) {
  size_t n = 0;
  if (n < s.size() && (s[n] == U'-' || s[n] == U'+')) ++n;
  while (n < s.size() && (is_digit(s[n]) || s[n] == U',' || s[n] == U'.')) ++n;
  return n;
}

bool has_digit(std::u32string_view s) {
  for (char32_t c : s)
    if (is_digit(c)) return true;
  return false;
}

// Half-width, no spaces at all: "≥ 99 ％" -> "≥99%".
std::u32string compact(std::string_view value) {
  std::u32string out;
  for (char32_t c : to_u32(fold_width(clean_text(value))))
    if (c != U' ') out.push_back(c);
  return out;
}

Target qualitative() { return Target{"qualitative", std::nullopt, ""}; }

}  // namespace

Target parse_target(std::string_view value) {
  std::u32string text = compact(value);
  std::u32string_view s = text;

  std::string op = strip_prefix_operator(s);
  std::string suffix_op = strip_suffix_operator(s);
  if (op.empty()) op = suffix_op.empty() ? "=" : suffix_op;

  size_t length = number_length(s);
  ParsedNumber number = parse_number(to_utf8(s.substr(0, length)));
  if (number.kind != ParsedNumber::number) return qualitative();

  std::u32string_view unit_text = s.substr(length);
  if (has_digit(unit_text) || unit_text.size() > kMaxUnitChars) return qualitative();

  std::string unit = to_utf8(unit_text);
  if (auto money = unit_from_word(unit))
    return Target{op, to_yuan(number.value, money->exponent), "元"};
  return Target{op, number.value.normalized(), unit};
}

}  // namespace budget::normalize
