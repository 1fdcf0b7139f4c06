// extract/pdf/poppler_source.h — the only door to Poppler: a PDF in memory
// to one PageContent (text runs + ruling lines) per page.
//
//   PopplerSource pdf(bytes, limits);           // throws budget::Error
//   for (int p = 1; p <= pdf.pages(); ++p) {
//     PageContent page = pdf.read_page(p);      // runs, rules, diagonal count
//   }
//
// Errors Poppler prints are silenced for the whole process; what matters
// becomes a budget::Error here (pdf.empty, pdf.not_pdf, pdf.encrypted,
// pdf.damaged, pdf.no_pages, pdf.too_many_pages, pdf.too_slow).
#pragma once

#include <memory>
#include <string>

#include "extract/pdf/page_content.h"
#include "extract/pdf/pdf_reader.h"

namespace budget::extract {

// Sets up Poppler's process-wide GlobalParams once, with its error output
// silenced.  PopplerSource calls it; so does anything else that opens a PDF
// through Poppler's core API (report/page_images.cc).
void init_poppler();

class PopplerSource {
 public:
  // `bytes` must outlive the source.  Throws budget::Error.
  PopplerSource(const std::string& bytes, const PdfLimits& limits);
  ~PopplerSource();
  PopplerSource(const PopplerSource&) = delete;
  PopplerSource& operator=(const PopplerSource&) = delete;

  int pages() const;

  // Page `number` (1-based) in its upright frame.  Throws budget::Error
  // ("pdf.too_slow") once the document's time budget is spent.
  PageContent read_page(int number);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace budget::extract
