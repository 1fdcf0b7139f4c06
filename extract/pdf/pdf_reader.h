// extract/pdf/pdf_reader.h — a PDF into the layout model, through Poppler.
//
//   budget::LayoutDocument l = budget::extract::read_pdf(bytes);
//
// Words with boxes, font size and rotation come from Poppler; ruling lines
// (stroked paths and thin filled rectangles) from an OutputDev; watermarks
// (rotated or tiled text) and page furniture (page numbers, running headers)
// are removed before layout and counted in notes.  Lines are rebuilt in
// reading order and table grids from rules plus text alignment, following
// the grid conventions of core/layout.h.  A table continued over pages comes
// out as consecutive grid blocks (the recogniser joins them).
//
// Throws budget::Error ("pdf.encrypted", "pdf.damaged", "pdf.no_pages",
// "pdf.no_text", …) with a one-line message for input it cannot read.
#pragma once

#include <string>

#include "core/layout.h"

namespace budget::extract {

struct PdfLimits {
  int max_pages = 2000;             // refuse documents longer than this
  double max_seconds = 120;         // give up on a document after this wall time
};

LayoutDocument read_pdf(const std::string& bytes, const PdfLimits& limits = {});

}  // namespace budget::extract
