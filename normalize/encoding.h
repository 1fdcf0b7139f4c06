// normalize/encoding.h — text input in whatever encoding it came in, as UTF-8.
//
//   decode_text("\xEF\xBB\xBF# 某局")     -> {"# 某局", "UTF-8", 0}        (BOM dropped)
//   decode_text(<GBK bytes of "某局">)     -> {"某局", "GB18030", 0}
//   decode_text(<UTF-16LE with BOM>)       -> {…, "UTF-16", 0}
//   decode_text("合计\xFF 12")             -> {"合计\uFFFD 12", "UTF-8", 1}
// Chinese text exported on Windows is often GBK/GB18030; anything that is
// not valid UTF-8 is tried as that.  A UTF-8 file damaged in a few places
// (a truncated character, a stray byte) is read with each invalid byte
// replaced by U+FFFD and counted, not refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace budget::normalize {

struct DecodedText {
  std::string utf8;
  std::string charset;  // what the bytes were read as
  int replaced = 0;     // invalid bytes, each replaced by U+FFFD
};

// nullopt when the bytes are neither (mostly) UTF-8, UTF-16 with a BOM, nor
// GB18030.
std::optional<DecodedText> decode_text(std::string_view bytes);

// True if `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace budget::normalize
