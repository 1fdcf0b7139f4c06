#include "fuzz/fuzz_inputs.h"

#include <string>

#include "core/error.h"
#include "extract/pdf/pdf_reader.h"
#include "extract/pipeline.h"
#include "extract/text_reader.h"
#include "normalize/encoding.h"
#include "normalize/numbers.h"
#include "normalize/targets.h"
#include "normalize/units.h"

namespace budget::fuzz {

void text_input(std::string_view bytes) {
  auto text = normalize::decode_text(bytes);
  if (!text) return;
  try {
    extract::recognize(extract::read_text(text->utf8));
  } catch (const Error&) {
  }
}

void pdf_input(std::string_view bytes) {
  extract::PdfLimits limits;
  limits.max_pages = 20;  // tighter than the CLI's, so one input never stalls a run
  limits.max_seconds = 5;
  try {
    extract::recognize(extract::read_pdf(std::string(bytes), limits));
  } catch (const Error&) {
  }
}

void number_input(std::string_view s) {
  using namespace normalize;
  ParsedNumber n = parse_number(s);
  if (n.kind == ParsedNumber::number) {
    for (int exponent : {0, 3, 4, 8}) {
      try {
        to_yuan(n.value, exponent);
      } catch (const Error&) {  // too large for 64 bits of 元: refused, not wrapped
      }
    }
  }
  parse_percent(s);
  if (auto unit = parse_unit_line(s)) unit_from_word(unit->name);
  unit_from_word(s);
  try {
    parse_target(s);
  } catch (const Error&) {
  }
}

}  // namespace budget::fuzz
