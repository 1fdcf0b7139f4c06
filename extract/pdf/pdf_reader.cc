#include "extract/pdf/pdf_reader.h"

#include <vector>

#include "core/error.h"
#include "extract/pdf/furniture.h"
#include "extract/pdf/layout_params.h"
#include "extract/pdf/lines.h"
#include "extract/pdf/page_layout.h"
#include "extract/pdf/poppler_source.h"

namespace budget::extract {

LayoutDocument read_pdf(const std::string& bytes, const PdfLimits& limits) {
  PopplerSource source(bytes, limits);
  LayoutDocument doc;
  doc.format = "pdf";
  doc.pages = source.pages();

  // Every page first: furniture is what repeats across pages.  Pages are
  // turned upright and sizes put in em so all later passes compare alike.
  std::vector<PageContent> pages;
  pages.reserve(doc.pages);
  size_t runs = 0;
  for (int p = 1; p <= doc.pages; ++p) {
    pages.push_back(source.read_page(p));
    upright_page(pages.back());
    runs += pages.back().runs.size();
  }
  if (runs == 0) throw Error("pdf.no_text", "PDF has no text (scanned images only?)");

  // Watermarks and furniture overlap body text and break line grouping and
  // column detection: drop them before layout.
  LayoutParams params;
  FurnitureCount removed = remove_furniture(pages, params);
  if (removed.watermarks > 0) {
    doc.notes.push_back({"watermark_removed", 0,
                         std::to_string(removed.watermarks) + " watermark text runs removed"});
  }
  if (removed.furniture > 0) {
    doc.notes.push_back({"furniture_removed", 0,
                         std::to_string(removed.furniture) +
                             " page numbers and running headers/footers removed"});
  }

  // Body and heading sizes are document-wide, so a page of tables does not
  // mistake its title size for body text.
  TextStyle style = measure_style(pages, params);
  for (const PageContent& page : pages) {
    for (Block& b : layout_page(page, style, params)) doc.blocks.push_back(std::move(b));
  }
  return doc;
}

}  // namespace budget::extract
