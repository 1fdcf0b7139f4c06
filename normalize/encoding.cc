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

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
    if (extra < 0 || (extra == 1 && c < 0xc2) || i + extra >= s.size() + (extra == 0 ? 1 : 0)) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

std::optional<DecodedText> decode_text(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    auto s = convert(bytes, "UTF-16");  // ICU reads the BOM
    if (!s) return std::nullopt;
    if (starts_with(*s, "\xEF\xBB\xBF")) s->erase(0, 3);
    return DecodedText{*s, "UTF-16"};
  }
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  if (auto s = convert(bytes, "GB18030")) return DecodedText{*s, "GB18030"};
  return std::nullopt;
}

}  // namespace budget::normalize
