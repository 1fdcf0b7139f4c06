// normalize/encoding.h — text input in whatever encoding it came in, as UTF-8.
//
//   decode_text("\xEF\xBB\xBF# 某局")     -> {"# 某局", "UTF-8"}        (BOM dropped)
//   decode_text(<GBK bytes of "某局">)     -> {"某局", "GB18030"}
//   decode_text(<UTF-16LE with BOM>)       -> {…, "UTF-16"}
// Chinese text exported on Windows is often GBK/GB18030; anything that is
// not valid UTF-8 is tried as that.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace budget::normalize {

struct DecodedText {
  std::string utf8;
  std::string charset;  // what the bytes were read as
};

// nullopt when the bytes are neither valid UTF-8, UTF-16 with a BOM, nor GB18030.
std::optional<DecodedText> decode_text(std::string_view bytes);

// True if `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

}  // namespace budget::normalize
