// disclosure/disclosure.h — one input file to its finished Document:
// recognition (extract/), then the arithmetic checks on the result (checks/).
//
//   budget::Document doc = budget::disclosure::read("doc.pdf");
//   // doc.tables, …, doc.checks filled; doc.warnings also names the tables
//   // that were probably misread (their failures set aside, checks/RULES.md)
//
// It sits above both libraries so that extract/ needs nothing from checks/;
// every command that reads documents (extract, check, diff, batch) calls it.
// Throws budget::Error for input it cannot use.
#pragma once

#include <string>

#include "core/document.h"

namespace budget::disclosure {

Document read(const std::string& path);

// The same on bytes already read (the CLI reads FIFOs and standard input
// itself); `name` is what source.file records.
Document read_bytes(const std::string& bytes, const std::string& name);

}  // namespace budget::disclosure
