// report/png.h — grey pixels to PNG bytes (libpng).
//
//   std::string png = encode_gray_png(pixels, width, height, stride, 4);
//   // 8-bit grey rows in, a 4-bit grey PNG out: 16 levels are plenty for a
//   // page of text and rules, and half the size of 8 bits.
#pragma once

#include <string>

namespace budget::report {

// `pixels`: `height` rows of `width` 8-bit grey values, `stride` bytes apart.
// `bits`: 8, 4, 2 or 1 bits per pixel in the file (values are quantised to
// the nearest level).  Throws budget::Error("report.png") if libpng fails.
std::string encode_gray_png(const unsigned char* pixels, int width, int height, int stride,
                            int bits);

}  // namespace budget::report
