// core/error.h — a fatal problem with one input file (unreadable, encrypted,
// not a disclosure).  Thrown by readers, caught once per file by the job, and
// reported as one line: "<file>: <message>".
#pragma once

#include <stdexcept>
#include <string>

namespace budget {

class Error : public std::runtime_error {
 public:
  // code is stable and machine-readable: "pdf.encrypted", "input.empty", …
  Error(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

}  // namespace budget
