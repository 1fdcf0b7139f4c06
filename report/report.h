// report/report.h — one self-contained HTML review page per disclosure.
//
//   Document doc = extract::extract_file("a.pdf", {});
//   std::string page = budget::report::build_report(doc, pdf_bytes, {});
//   // <!DOCTYPE html>… identity, summary, outline, failed checks, every table
//   // with its printed header and amounts, the page images with the rows'
//   // boxes, projects, facts, warnings.  No network, no external file: the
//   // images are data: URIs, the script and styles inline.
//
// A reviewer clicks a failed check to reach its cell, a cell or row to see
// its box on the page image, a box on the page to get back to its row.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "report/page_images.h"

namespace budget::report {

struct ReportOptions {
  bool page_images = true;  // render the PDF's pages (PDF input only)
  // Resolution of the page images: an A4 page 794 px wide, readable at
  // 100 % zoom, about 60-120 KB per page as a 4-bit grey PNG.
  double dpi = 96;
};

// The page for `doc`; `pdf_bytes` is the PDF it was read from ("" for text
// input, or when no images are wanted).  Throws budget::Error when the PDF
// cannot be rendered.
std::string build_report(const Document& doc, const std::string& pdf_bytes,
                         const ReportOptions& options);

// The HTML itself, over images already rendered (empty: no page images).
std::string render_html(const Document& doc, const std::vector<PageImage>& images);

}  // namespace budget::report
