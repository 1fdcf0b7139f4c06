// normalize/text.h — Unicode clean-up of printed text (ICU).
//
//   clean_text("PC 服务器")            -> "PC服务器"     (spaces next to CJK removed)
//   clean_text("  a   b ")             -> "a b"          (other spaces collapse, trimmed)
//   clean_text("科目\n名称")            -> "科目名称"      (line breaks inside a cell joined)
//   clean_text("⼀般")                 -> "一般"          (Kangxi radicals → unified ideographs)
//   fold_width("２，２３３．２２")       -> "2,233.22"     (full-width ASCII → half-width)
//   fold_width("（一）")               -> "(一)"
//   is_cjk(U'中')                      -> true
#pragma once

#include <string>
#include <string_view>

namespace budget::normalize {

// NFC, Kangxi/CJK-compatibility radicals mapped to unified ideographs,
// U+3000 and other Unicode spaces treated as spaces, control characters
// dropped, whitespace runs collapsed to one space, spaces adjacent to a CJK
// character (ideograph or CJK punctuation) removed, trimmed.
std::string clean_text(std::string_view s);

// Full-width forms U+FF01..U+FF5E → ASCII, U+3000 → space.  Used on numbers,
// codes and markers, never on prose (Chinese punctuation in prose is kept).
std::string fold_width(std::string_view s);

// True for CJK ideographs, CJK symbols/punctuation and full-width forms.
bool is_cjk(char32_t c);

// UTF-8 helpers.
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

}  // namespace budget::normalize
