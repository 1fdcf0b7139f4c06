#include "cli/disclosure.h"

#include "checks/checks.h"
#include "extract/pipeline.h"

namespace budget::cli {

Document read_disclosure(const std::string& path) {
  Document doc = extract::extract_file(path);
  // Last: the arithmetic, on the finished model.
  checks::check_document(doc);
  return doc;
}

}  // namespace budget::cli
