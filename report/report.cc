#include "report/report.h"

namespace budget::report {

std::string build_report(const Document& doc, const std::string& pdf_bytes,
                         const ReportOptions& options) {
  std::vector<PageImage> images;
  if (options.page_images && !pdf_bytes.empty() && doc.source.format == "pdf") {
    PageRenderer renderer(pdf_bytes);
    for (int p = 1; p <= renderer.pages(); ++p) images.push_back(renderer.render(p, options.dpi));
  }
  return render_html(doc, images);
}

}  // namespace budget::report
