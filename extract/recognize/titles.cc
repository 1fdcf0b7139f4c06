#include "extract/recognize/titles.h"

#include <re2/re2.h>

#include "extract/registry.h"
#include "normalize/text.h"

namespace budget::extract {
namespace {

const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// Ordinal prefix: 表一, 表1, 预算公开表1, 公开表1, 附表1, 表1-2; captures the number.
const RE2& ordinal_prefix() {
  static const RE2 re(
      "^(?:[^表]{0,6}公开|附|部门|单位)?表\\s*([0-9０-９]+|[一二三四五六七八九十]+)(?:\\s*[-—－]\\s*[0-9]+)?\\s*[：:、.．]?\\s*",
      RE2::Quiet);
  return re;
}

// A table's number has a few digits; a longer run (表12020年… with the year
// glued on, or noise) is no ordinal, and must not overflow.
std::optional<int> ordinal_value(const std::string& s) {
  if (s.empty()) return std::nullopt;
  if (s[0] >= '0' && s[0] <= '9') {
    if (s.size() > 3) return std::nullopt;
    return std::stoi(s);
  }
  return chinese_number(s);
}

// Removes quotes and spaces so that titles compare by their words.
std::string title_words(std::string s) {
  static const RE2 kNoise("[\\s\"“”'‘’「」《》]", RE2::Quiet);
  RE2::GlobalReplace(&s, kNoise, "");
  return s;
}

}  // namespace

std::optional<int> chinese_number(const std::string& s) {
  auto digit = [](const std::string& d) -> int {
    for (int i = 0; i < 10; ++i)
      if (d == kDigits[i]) return i;
    return -1;
  };
  std::u32string u = normalize::to_u32(s);
  if (u.empty() || u.size() > 3) return std::nullopt;
  int value = 0, current = -1;
  bool seen_ten = false;
  for (char32_t c : u) {
    std::string ch = normalize::to_utf8(std::u32string(1, c));
    if (ch == "十") {
      if (seen_ten) return std::nullopt;
      value += (current < 0 ? 1 : current) * 10;
      current = -1;
      seen_ten = true;
    } else {
      int d = digit(ch);
      if (d < 0 || current >= 0) return std::nullopt;
      current = d;
    }
  }
  if (current >= 0) value += current;
  return value > 0 ? std::optional<int>(value) : std::nullopt;
}

std::optional<int> parse_ordinal_label(const std::string& text) {
  std::string s = normalize::fold_width(normalize::clean_text(text));
  static const RE2 kLabel(
      "^(?:[^表]{0,6}公开|附|部门|单位)?表\\s*([0-9]+|[一二三四五六七八九十]+)(?:\\s*[-—]\\s*[0-9]+)?[：:]?$",
      RE2::Quiet);
  // "公开01表", "附1表": the number before 表.
  static const RE2 kNumberFirst("^(?:[^表0-9]{0,6}公开|附)([0-9]+)表[：:]?$", RE2::Quiet);
  std::string n;
  if (!RE2::FullMatch(s, kLabel, &n) && !RE2::FullMatch(s, kNumberFirst, &n)) return std::nullopt;
  return ordinal_value(n);
}

std::optional<TitleInfo> parse_title(const std::string& text) {
  std::string s = normalize::clean_text(text);
  if (s.empty() || s.size() > 150) return std::nullopt;
  static const RE2 kSentence("[。；;]|\\.{3,}|…", RE2::Quiet);
  if (RE2::PartialMatch(s, kSentence)) return std::nullopt;
  // Ends with 表, maybe followed by a parenthesised note: （本年预算）, (不含上年结转).
  static const RE2 kEndsTable("^.*表\\s*(?:[（(][^（()）]*[）)])?\\s*$", RE2::Quiet);
  if (!RE2::FullMatch(s, kEndsTable)) return std::nullopt;

  TitleInfo info;
  std::string number;
  re2::StringPiece rest(s);
  std::string body = s;
  if (RE2::Consume(&rest, ordinal_prefix(), &number)) {
    number = normalize::fold_width(number);
    body = std::string(rest);
    // "预算公开表12020年…": the ordinal's digits run into the year.
    static const RE2 kGluedYear("^([0-9]+)((?:19|20)[0-9]{2})$", RE2::Quiet);
    std::string ord, year;
    if (RE2::FullMatch(number, kGluedYear, &ord, &year) && body.rfind("年", 0) == 0) {
      number = ord;
      body = year + body;
    }
    info.ordinal = ordinal_value(number);
  }
  if (body.empty()) return std::nullopt;
  info.title = body;
  static const RE2 kYear("((?:19|20)[0-9]{2})\\s*年", RE2::Quiet);
  int year = 0;
  if (RE2::PartialMatch(body, kYear, &year)) info.year = year;

  std::string words = title_words(body);
  const Registry& reg = registry();
  if (auto record = reg.record_of_title(words)) {
    info.record = *record;
    return info;
  }
  if (auto kind = reg.kind_of_title(words)) {
    info.kind = *kind;
    return info;
  }
  return std::nullopt;
}

}  // namespace budget::extract
