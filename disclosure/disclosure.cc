#include "disclosure/disclosure.h"

#include "checks/checks.h"
#include "extract/pipeline.h"

namespace budget::disclosure {

namespace {

// Last: the arithmetic, on the finished model.
Document checked(Document doc) {
  checks::check_document(doc);
  return doc;
}

}  // namespace

Document read(const std::string& path) { return checked(extract::extract_file(path)); }

Document read_bytes(const std::string& bytes, const std::string& name) {
  return checked(extract::extract_bytes(bytes, name));
}

}  // namespace budget::disclosure
