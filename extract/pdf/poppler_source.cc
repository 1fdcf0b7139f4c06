#include "extract/pdf/poppler_source.h"

// Why Poppler's core API and not poppler-cpp: poppler-cpp's
// page::text_list() runs a TextOutputDev over the page but exposes no paths,
// so ruling lines would need a second OutputDev pass that parses every
// content stream again.  Instead one TextOutputDev subclass, kept in content
// stream order ("raw order", which also skips Poppler's own reading-order
// analysis that layout redoes anyway), records words, the paths of strokes
// and fills, and drops diagonal text, all in one interpretation of the page.
// Every Poppler call of the reader lives in this file (the review page's
// page images are rendered in report/page_images.cc).

#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <XRef.h>
#include <goo/GooString.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <mutex>

#include "core/error.h"

namespace budget::extract {
namespace {

// Thickest filled rectangle read as a ruling line (WPS/Excel draw rules as
// thin filled rectangles), in points.
constexpr double kMaxRuleThickness = 2.0;
// Shortest segment kept as a rule, in points (shorter ones are glyph-like).
constexpr double kMinRuleLength = 2.0;
// Tolerance for "axis-aligned", in points.
constexpr double kAxisSlack = 0.5;
// Paths lighter than this (0 black … 1 white) are backgrounds, not rules.
constexpr double kMaxRuleLightness = 0.97;
// Text whose baseline is further than this from a multiple of 90° is
// diagonal (watermarks), in degrees.
constexpr double kDiagonalDegrees = 5.0;
// How far into the bytes the "%PDF-" signature may start.
constexpr size_t kSignatureWindow = 1024;

double luminance(const GfxRGB& rgb) {
  return 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
}

bool bold_font(const TextFontInfo* font) {
  if (!font) return false;
  if (font->isBold()) return true;
  const GooString* name = font->getFontName();
  if (!name) return false;
  std::string n = name->toStr();
  for (const char* token : {"Bold", "bold", "BOLD", "Heavy", "Black", "Semibold", "Demi"}) {
    if (n.find(token) != std::string::npos) return true;
  }
  return false;
}

// A TextOutputDev that also keeps ruling lines and drops diagonal text.
class RecordingDev : public TextOutputDev {
 public:
  RecordingDev() : TextOutputDev(nullptr, false, 0, /*rawOrder=*/true, false) {}

  std::vector<Rule> rules;
  int diagonal_runs = 0;
  double page_width = 0, page_height = 0;

  void startPage(int page_num, GfxState* state, XRef* xref) override {
    rules.clear();
    diagonal_runs = 0;
    in_diagonal_ = false;
    page_width = state ? state->getPageWidth() : 0;
    page_height = state ? state->getPageHeight() : 0;
    TextOutputDev::startPage(page_num, state, xref);
  }

  void beginString(GfxState* state, const GooString* s) override {
    in_diagonal_ = false;
    TextOutputDev::beginString(state, s);
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox,
                double oy, CharCode c, int n_bytes, const Unicode* u, int u_len) override {
    if (diagonal(state)) {
      if (!in_diagonal_) ++diagonal_runs;
      in_diagonal_ = true;
      return;
    }
    in_diagonal_ = false;
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, c, n_bytes, u, u_len);
  }

  void stroke(GfxState* state) override {
    record(state, true);
    TextOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    record(state, false);
    TextOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    record(state, false);
    TextOutputDev::eoFill(state);
  }

 private:
  bool in_diagonal_ = false;

  static bool diagonal(GfxState* state) {
    double tx, ty, dx, dy;
    state->textTransformDelta(1, 0, &tx, &ty);
    state->transformDelta(tx, ty, &dx, &dy);
    if (dx == 0 && dy == 0) return false;
    double deg = std::fabs(std::atan2(dy, dx)) * 180.0 / M_PI;
    double off = std::fmod(deg, 90.0);
    return std::min(off, 90.0 - off) > kDiagonalDegrees;
  }

  void add_rule(double x0, double y0, double x1, double y1) {
    Box b{std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
    if (std::max(b.width(), b.height()) < kMinRuleLength) return;
    rules.push_back(Rule{b});
  }

  void record(GfxState* state, bool stroke) {
    GfxRGB rgb;
    if (stroke) {
      state->getStrokeRGB(&rgb);
    } else {
      state->getFillRGB(&rgb);
    }
    if (luminance(rgb) > kMaxRuleLightness) return;
    double half = 0;
    if (stroke) {
      double wx, wy;
      state->transformDelta(state->getLineWidth(), 0, &wx, &wy);
      half = std::max(0.1, std::hypot(wx, wy)) / 2;
    }
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      std::vector<double> xs(n), ys(n);
      bool curved = false;
      for (int i = 0; i < n; ++i) {
        state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
        curved = curved || sub->getCurve(i);
      }
      if (stroke) {
        int segments = sub->isClosed() ? n : n - 1;
        for (int i = 0; i < segments; ++i) {
          int j = (i + 1) % n;
          if (sub->getCurve(i) || sub->getCurve(j)) continue;
          if (std::fabs(ys[i] - ys[j]) < kAxisSlack) {
            add_rule(xs[i], ys[i] - half, xs[j], ys[i] + half);
          } else if (std::fabs(xs[i] - xs[j]) < kAxisSlack) {
            add_rule(xs[i] - half, ys[i], xs[i] + half, ys[j]);
          }
        }
        continue;
      }
      // A filled rectangle: 4 or 5 (closing) axis-aligned corners.
      if (curved || n < 4 || n > 5) continue;
      bool axis = true;
      for (int i = 0; i < 4 && axis; ++i) {
        int j = (i + 1) % 4;
        axis = std::fabs(xs[i] - xs[j]) < kAxisSlack || std::fabs(ys[i] - ys[j]) < kAxisSlack;
      }
      if (!axis) continue;
      double x0 = *std::min_element(xs.begin(), xs.begin() + 4);
      double x1 = *std::max_element(xs.begin(), xs.begin() + 4);
      double y0 = *std::min_element(ys.begin(), ys.begin() + 4);
      double y1 = *std::max_element(ys.begin(), ys.begin() + 4);
      if (std::min(x1 - x0, y1 - y0) <= kMaxRuleThickness) add_rule(x0, y0, x1, y1);
    }
  }
};

// Drops the catalog's /OutputIntents from the in-memory document.  Poppler
// (built with lcms2) turns an output intent's ICC profile into the display
// profile of every page it interprets, building four colour transforms per
// page; with a CMYK profile that was 75-80 % of the reading time of such a
// document.  The reader needs colour only to tell light from dark (ruling
// lines, watermarks), which the intent does not change.  The page renderer
// (report/page_images.cc) opens its own document and keeps the intent.
void drop_output_intents(XRef* xref) {
  Object catalog = xref->getCatalog();
  if (!catalog.isDict() || !catalog.dictLookupNF("OutputIntents").isArray()) return;
  catalog.dictRemove("OutputIntents");
  // The updated catalog replaces the parsed one for every later fetch.
  xref->setModifiedObject(&catalog, Ref{xref->getRootNum(), xref->getRootGen()});
}

bool abort_check(void* data) {
  auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(data);
  return std::chrono::steady_clock::now() > *deadline;
}

}  // namespace

namespace {
void silence(ErrorCategory, Goffset, const char*) {}
}  // namespace

// GlobalParams is process-wide in Poppler; set it up once, quietly.
void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    setErrorCallback(&silence);
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
    globalParams->setTextEncoding("UTF-8");
  });
}

struct PopplerSource::Impl {
  std::unique_ptr<PDFDoc> doc;
  RecordingDev dev;
  std::chrono::steady_clock::time_point deadline;
};

PopplerSource::PopplerSource(const std::string& bytes, const PdfLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  init_poppler();
  if (bytes.empty()) throw Error("pdf.empty", "empty file");
  std::string_view head(bytes.data(), std::min(bytes.size(), kSignatureWindow));
  if (head.find("%PDF-") == std::string_view::npos) {
    throw Error("pdf.not_pdf", "not a PDF file (no %PDF- signature)");
  }
  impl_->deadline = std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<long>(limits.max_seconds * 1000));
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);  // the document owns the stream
  PDFDoc& doc = *impl_->doc;
  if (!doc.isOk()) {
    switch (doc.getErrorCode()) {
      case errEncrypted:
        throw Error("pdf.encrypted", "encrypted PDF: a password is needed to open it");
      default:
        throw Error("pdf.damaged", "damaged PDF: Poppler cannot read its structure");
    }
  }
  drop_output_intents(doc.getXRef());
  int n = doc.getNumPages();
  if (n <= 0) throw Error("pdf.no_pages", "PDF has no pages");
  if (n > limits.max_pages) {
    throw Error("pdf.too_many_pages", "PDF has " + std::to_string(n) + " pages, more than the limit " +
                                          std::to_string(limits.max_pages));
  }
}

PopplerSource::~PopplerSource() = default;

int PopplerSource::pages() const { return impl_->doc->getNumPages(); }

PageContent PopplerSource::read_page(int number) {
  RecordingDev& dev = impl_->dev;
  impl_->doc->displayPage(&dev, number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true,
                          /*printing=*/false, &abort_check, &impl_->deadline);
  if (abort_check(&impl_->deadline)) {
    throw Error("pdf.too_slow", "PDF takes too long to read (gave up on page " +
                                    std::to_string(number) + ")");
  }
  PageContent page;
  page.number = number;
  page.width = dev.page_width;
  page.height = dev.page_height;
  page.rules = std::move(dev.rules);
  dev.rules.clear();
  page.diagonal_runs = dev.diagonal_runs;
  std::unique_ptr<TextWordList> words = dev.makeWordList();
  page.runs.reserve(words->getLength());
  for (int i = 0; i < words->getLength(); ++i) {
    const TextWord* w = words->get(i);
    TextRun run;
    std::unique_ptr<GooString> text(w->getText());
    run.text = text->toStr();
    w->getBBox(&run.box.x0, &run.box.y0, &run.box.x1, &run.box.y1);
    run.font_size = w->getFontSize();
    run.bold = bold_font(w->getFontInfo(0));
    run.rotation = w->getRotation();
    double r, g, b;
    w->getColor(&r, &g, &b);
    run.lightness = 0.299 * r + 0.587 * g + 0.114 * b;
    run.space_after = w->getSpaceAfter();
    page.runs.push_back(std::move(run));
  }
  return page;
}

}  // namespace budget::extract
