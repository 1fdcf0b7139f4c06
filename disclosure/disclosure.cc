#include "disclosure/disclosure.h"

#include "checks/checks.h"
#include "extract/pipeline.h"

namespace budget::disclosure {

Document read(const std::string& path) {
  Document doc = extract::extract_file(path);
  // Last: the arithmetic, on the finished model.
  checks::check_document(doc);
  return doc;
}

Document read_bytes(const std::string& bytes, const std::string& name) {
  Document doc = extract::extract_bytes(bytes, name);
  checks::check_document(doc);
  return doc;
}

}  // namespace budget::disclosure
