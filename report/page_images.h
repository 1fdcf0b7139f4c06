// report/page_images.h — the pages of a PDF as PNG images, rendered in
// process through Poppler's core API (SplashOutputDev), in the frame the
// reader uses for boxes: the crop box, upright, origin top left.
//
//   PageRenderer pdf(bytes);                         // throws budget::Error
//   PageImage p = pdf.render(3, 96);                 // page 3 at 96 dpi
//   // p.png: a 4-bit grey PNG, p.width_px × p.height_px pixels;
//   // a box [x0, y0, x1, y1] in points sits at x0 / p.width_pt of its width.
#pragma once

#include <memory>
#include <string>

namespace budget::report {

struct PageImage {
  int page = 0;             // 1-based
  double width_pt = 0, height_pt = 0;
  int width_px = 0, height_px = 0;
  std::string png;
};

class PageRenderer {
 public:
  // `bytes` (a whole PDF) must outlive the renderer.  Throws budget::Error.
  explicit PageRenderer(const std::string& bytes);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  int pages() const;
  // Page `number` (1-based) at `dpi` dots per inch.
  PageImage render(int number, double dpi);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace budget::report
