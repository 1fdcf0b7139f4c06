#include "normalize/encoding.h"

#include <unicode/ucnv.h>

#include <vector>

namespace budget::normalize {
namespace {

// Converts with ICU; nullopt if any byte sequence is invalid in `charset`.
std::optional<std::string> convert(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at the first invalid sequence instead of substituting.
  ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> utf16(bytes.size() + 1);
  int32_t n = ucnv_toUChars(from, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(from);
  if (U_FAILURE(status)) return std::nullopt;
  UConverter* to = ucnv_open("UTF-8", &status);
  std::string out(static_cast<std::size_t>(n) * 3 + 1, '\0');
  int32_t m = ucnv_fromUChars(to, out.data(), static_cast<int32_t>(out.size()), utf16.data(), n, &status);
  ucnv_close(to);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(m));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Length of the well-formed UTF-8 sequence at s[i] (1..4), or 0 if the bytes
// there are not one (the table of well-formed sequences in the Unicode
// standard, §3.9: second-byte ranges exclude overlongs, surrogates and code
// points above U+10FFFF).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto cont = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return byte(1) >= lo && byte(1) <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return byte(1) >= lo && byte(1) <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// The bytes as UTF-8 with every invalid byte replaced by U+FFFD, and how
// the sequences were: `multibyte` valid non-ASCII characters, `invalid` bytes
// replaced.
struct Utf8Scan {
  std::string text;
  int multibyte = 0;
  int invalid = 0;
};

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  r.text.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = sequence_length(s, i);
    if (n == 0) {
      r.text += "\xEF\xBF\xBD";
      ++r.invalid;
      ++i;
      continue;
    }
    r.multibyte += n > 1;
    r.text.append(s.substr(i, n));
    i += n;
  }
  return r;
}

// UTF-8 damaged in a few places: at least this many valid non-ASCII
// characters per invalid byte (GBK text read as UTF-8 has hardly any valid
// ones), or, in text with little non-ASCII, only a handful of invalid bytes.
constexpr int kValidPerInvalid = 10;
constexpr int kFewInvalid = 8;

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0, n; i < s.size(); i += n)
    if ((n = sequence_length(s, i)) == 0) return false;
  return true;
}

std::optional<DecodedText> decode_text(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    auto s = convert(bytes, "UTF-16");  // ICU reads the BOM
    if (!s) return std::nullopt;
    if (starts_with(*s, "\xEF\xBB\xBF")) s->erase(0, 3);
    return DecodedText{*s, "UTF-16", 0};
  }
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8", 0};  // the common case, in one pass
  Utf8Scan utf8 = scan_utf8(bytes);
  if (utf8.multibyte >= kValidPerInvalid * utf8.invalid)
    return DecodedText{std::move(utf8.text), "UTF-8", utf8.invalid};
  if (auto s = convert(bytes, "GB18030")) return DecodedText{*s, "GB18030", 0};
  if (utf8.invalid <= kFewInvalid) return DecodedText{std::move(utf8.text), "UTF-8", utf8.invalid};
  return std::nullopt;
}

}  // namespace budget::normalize
