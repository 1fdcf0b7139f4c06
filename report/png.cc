#include "report/png.h"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <vector>

#include "core/error.h"

namespace budget::report {
namespace {

void append(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

// libpng's way out of an error: record the message, longjmp to the setjmp
// in write_png.
[[noreturn]] void fail(png_structp png, png_const_charp message) {
  auto* error = static_cast<std::string*>(png_get_error_ptr(png));
  *error = message;
  png_longjmp(png, 1);
}

void ignore_warning(png_structp, png_const_charp) {}

// One row of 8-bit grey packed at `bits` per pixel, most significant first.
void pack_row(const unsigned char* in, int width, int bits, png_byte* out) {
  std::fill(out, out + (static_cast<std::size_t>(width) * bits + 7) / 8, 0);
  int levels = (1 << bits) - 1;
  for (int x = 0; x < width; ++x) {
    int v = (in[x] * levels + 127) / 255;
    int bit = x * bits;
    out[bit / 8] |= static_cast<png_byte>(v << (8 - bits - bit % 8));
  }
}

// The whole PNG through libpng; false on a libpng error.  Only plain C
// values live in this frame, so libpng's longjmp out of an error skips no
// destructor.
bool write_png(png_structp png, png_infop info, const unsigned char* pixels, int width, int height,
               int stride, int bits, png_byte* row) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, width, height, bits, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    const unsigned char* in = pixels + static_cast<std::size_t>(y) * stride;
    if (bits == 8) {
      png_write_row(png, const_cast<png_bytep>(in));
    } else {
      pack_row(in, width, bits, row);
      png_write_row(png, row);
    }
  }
  png_write_end(png, info);
  return true;
}

}  // namespace

std::string encode_gray_png(const unsigned char* pixels, int width, int height, int stride,
                            int bits) {
  if (bits != 8 && bits != 4 && bits != 2 && bits != 1)
    throw Error("report.png", "unsupported PNG bit depth " + std::to_string(bits));
  std::string out, error;
  std::vector<png_byte> row((static_cast<std::size_t>(width) * bits + 7) / 8);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, &fail, &ignore_warning);
  if (!png) throw Error("report.png", "cannot create a PNG writer");
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, &append, &flush);
  bool ok = info && write_png(png, info, pixels, width, height, stride, bits, row.data());
  png_destroy_write_struct(&png, &info);
  if (!ok) throw Error("report.png", "PNG encoding failed: " + error);
  return out;
}

}  // namespace budget::report
