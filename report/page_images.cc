#include "report/page_images.h"

// Poppler's core API, as the reader uses it (extract/pdf/poppler_source.cc):
// the same crop box and rotation, so a row's box lands on its pixels.
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <mutex>

#include "core/error.h"
#include "report/png.h"

namespace budget::report {
namespace {

// Grey levels in the PNG: 16 keep text, rules and anti-aliasing readable
// at half the size of 256.
constexpr int kPngBits = 4;

void silence(ErrorCategory, Goffset, const char*) {}

void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    setErrorCallback(&silence);
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
  });
}

}  // namespace

struct PageRenderer::Impl {
  std::unique_ptr<PDFDoc> doc;
  std::unique_ptr<SplashOutputDev> dev;
};

PageRenderer::PageRenderer(const std::string& bytes) : impl_(std::make_unique<Impl>()) {
  init_poppler();
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);  // the document owns the stream
  if (!impl_->doc->isOk() || impl_->doc->getNumPages() <= 0)
    throw Error("report.pdf", "Poppler cannot render this PDF");
  SplashColor white = {255, 255, 255};
  impl_->dev = std::make_unique<SplashOutputDev>(splashModeMono8, 4, false, white);
  impl_->dev->setFontAntialias(true);
  impl_->dev->setVectorAntialias(true);
  impl_->dev->startDoc(impl_->doc.get());
}

PageRenderer::~PageRenderer() = default;

int PageRenderer::pages() const { return impl_->doc->getNumPages(); }

PageImage PageRenderer::render(int number, double dpi) {
  PDFDoc& doc = *impl_->doc;
  doc.displayPage(impl_->dev.get(), number, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                  /*printing=*/false);
  SplashBitmap* bitmap = impl_->dev->getBitmap();
  PageImage image;
  image.page = number;
  image.width_px = bitmap->getWidth();
  image.height_px = bitmap->getHeight();
  bool sideways = doc.getPageRotate(number) % 180 != 0;
  double w = doc.getPageCropWidth(number), h = doc.getPageCropHeight(number);
  image.width_pt = sideways ? h : w;
  image.height_pt = sideways ? w : h;
  image.png = encode_gray_png(bitmap->getDataPtr(), image.width_px, image.height_px,
                              bitmap->getRowSize(), kPngBits);
  return image;
}

}  // namespace budget::report
