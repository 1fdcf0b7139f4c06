// extract/pipeline.h — one input file to the canonical Document.
//
//   budget::Document doc = budget::extract::extract_file("doc.pdf");
//   std::string json = budget::to_json(doc);
//
// The driver reads the file (PDF through Poppler, anything else as the text
// form), builds the layout model, then runs the same recognition passes on
// either.  Throws budget::Error for input it cannot use (unreadable,
// encrypted, empty, not a disclosure); everything else becomes data
// (warnings in the Document).  The arithmetic checks are not run here: they
// read the finished Document (checks/), and disclosure/disclosure.h runs both.
#pragma once

#include <string>

#include "core/document.h"
#include "core/layout.h"

namespace budget::extract {

// Reads `path` into the layout model (no recognition).  Throws budget::Error.
LayoutDocument read_layout(const std::string& path);

// Reading and recognition, without checks.  Throws budget::Error.
Document extract_file(const std::string& path);

// The same on bytes already read (the CLI reads FIFOs and standard input
// itself); `name` is what source.file records.
LayoutDocument read_layout_bytes(const std::string& bytes);
Document extract_bytes(const std::string& bytes, const std::string& name);

// Recognition only, on an already-read layout (used by tests).  Cleans the
// layout's text once (normalize::clean_text) before every recogniser, which
// then read clean text.
Document recognize(LayoutDocument layout);

}  // namespace budget::extract
