#include "normalize/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace budget::normalize {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// CJK Radicals Supplement characters and the unified ideograph each stands
// for (after Unicode's EquivalentUnifiedIdeograph.txt).  PDF fonts emit these
// code points for ordinary characters (部门 with U+2ED4, 食 as U+2EDD), so where
// Unicode names a rare variant the common character is used instead (⺗ → 心,
// ⺫ → 目 as in 项目, ⺼ → 月).  NFKC covers only U+2E9F and U+2EF3.
struct RadicalPair {
  char32_t radical;
  char32_t ideograph;
};
constexpr RadicalPair kSupplementRadicals[] = {
    {0x2E80, 0x51AB}, {0x2E81, 0x5382}, {0x2E82, 0x4E5B}, {0x2E83, 0x4E5A}, {0x2E84, 0x4E59},
    {0x2E85, 0x4EBB}, {0x2E86, 0x5182}, {0x2E87, 0x51E0}, {0x2E89, 0x5202}, {0x2E8A, 0x535C},
    {0x2E8B, 0x353E}, {0x2E8C, 0x5C0F}, {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23},
    {0x2E90, 0x5C22}, {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A}, {0x2E94, 0x5F51}, {0x2E95, 0x5F50},
    {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3}, {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1},
    {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35},
    {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA5, 0x722B}, {0x2EA6, 0x4E2C},
    {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B}, {0x2EAA, 0x758B}, {0x2EAB, 0x76EE},
    {0x2EAC, 0x793A}, {0x2EAD, 0x793B}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x34C1}, {0x2EB4, 0x34C1}, {0x2EB6, 0x7F8A}, {0x2EB9, 0x8002},
    {0x2EBA, 0x8080}, {0x2EBC, 0x6708}, {0x2EBD, 0x81FC}, {0x2EBE, 0x8279}, {0x2EBF, 0x8279},
    {0x2EC0, 0x8279}, {0x2EC1, 0x864E}, {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC4, 0x897F},
    {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66},
    {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6}, {0x2ECE, 0x8FB6}, {0x2ECF, 0x961D}, {0x2ED0, 0x9485},
    {0x2ED1, 0x9577}, {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED6, 0x961D},
    {0x2ED7, 0x96E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE},
    {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE2, 0x9A6C},
    {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
    {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50},
    {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C},
    {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
};

constexpr bool radicals_sorted() {
  for (size_t i = 1; i < std::size(kSupplementRadicals); ++i)
    if (kSupplementRadicals[i - 1].radical >= kSupplementRadicals[i].radical) return false;
  return true;
}
static_assert(radicals_sorted(), "kSupplementRadicals is searched with lower_bound");

bool is_kangxi_radical(char32_t c) { return c >= 0x2F00 && c <= 0x2FD5; }

// NFKC of one Kangxi radical: always exactly one unified ideograph.
char32_t kangxi_to_ideograph(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return c;
  icu::UnicodeString out = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  if (U_FAILURE(status) || out.countChar32() != 1) return c;
  return static_cast<char32_t>(out.char32At(0));
}

char32_t radical_to_ideograph(char32_t c) {
  if (is_kangxi_radical(c)) return kangxi_to_ideograph(c);
  auto it = std::lower_bound(std::begin(kSupplementRadicals), std::end(kSupplementRadicals), c,
                             [](const RadicalPair& p, char32_t v) { return p.radical < v; });
  if (it != std::end(kSupplementRadicals) && it->radical == c) return it->ideograph;
  return c;
}

std::u32string nfc(const std::u32string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString in = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                                        static_cast<int32_t>(s.size()));
  if (normalizer->isNormalized(in, status) && U_SUCCESS(status)) return s;
  status = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer->normalize(in, status);
  if (U_FAILURE(status)) return s;
  std::u32string result(static_cast<size_t>(out.countChar32()), U'\0');
  status = U_ZERO_ERROR;
  out.toUTF32(reinterpret_cast<UChar32*>(result.data()), static_cast<int32_t>(result.size()),
              status);
  return U_FAILURE(status) ? s : result;
}

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

// Control and format characters (C0/C1, zero-width space, BOM, soft hyphen).
bool is_invisible(char32_t c) {
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

}  // namespace

std::string clean_text(std::string_view s) {
  std::u32string chars = to_u32(s);
  for (char32_t& c : chars) c = radical_to_ideograph(c);
  chars = nfc(chars);

  std::u32string out;
  out.reserve(chars.size());
  bool pending_space = false;
  for (char32_t c : chars) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (is_invisible(c)) continue;
    if (pending_space && !out.empty() && !is_cjk(out.back()) && !is_cjk(c)) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return to_utf8(out);
}

std::string fold_width(std::string_view s) {
  std::u32string chars = to_u32(s);
  for (char32_t& c : chars) {
    if (c >= 0xFF01 && c <= 0xFF5E)
      c -= 0xFEE0;
    else if (c == 0x3000)
      c = U' ';
  }
  return to_utf8(chars);
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF)        // radicals supplement, Kangxi radicals
         || (c >= 0x2FF0 && c <= 0x303F)     // ideographic description, CJK symbols/punctuation
         || (c >= 0x31C0 && c <= 0x31EF)     // CJK strokes
         || (c >= 0x3200 && c <= 0x33FF)     // enclosed CJK letters, CJK compatibility
         || (c >= 0x3400 && c <= 0x4DBF)     // extension A
         || (c >= 0x4E00 && c <= 0x9FFF)     // unified ideographs
         || (c >= 0xF900 && c <= 0xFAFF)     // compatibility ideographs
         || (c >= 0xFE10 && c <= 0xFE1F)     // vertical forms
         || (c >= 0xFE30 && c <= 0xFE4F)     // CJK compatibility forms
         || (c >= 0xFF00 && c <= 0xFFEF)     // half-width and full-width forms
         || (c >= 0x20000 && c <= 0x3FFFF);  // extensions B and later
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

}  // namespace budget::normalize
