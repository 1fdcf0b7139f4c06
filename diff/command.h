// diff/command.h — `budgetx diff OLD NEW`: load both, compare, render.
//
//   budget::diff::Command c{"2017.pdf", "2018.pdf"};
//   c.format = "table"; c.min_change = "10万";
//   int status = c.run(std::cout, std::cerr);   // 0, 2 (input error), 3 (--fail-on error)
//
// OLD and NEW are each a PDF, a text disclosure or a budgetx JSON document
// (recognised by its first non-blank byte, `{`).
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "core/document.h"

namespace CLI {
class App;
}

namespace budget::diff {

// A document from a file: budgetx JSON read back exactly, anything else
// extracted (PDF or text).  Throws budget::Error.
Document load_document(const std::string& path);

// "--min-change": an amount in 元, or with a unit: 元, 千元, 万元 (or 万), 亿元
// (or 亿).  "5000" -> 5000, "1.5万" -> 15000, "2亿元" -> 200000000; nullopt
// for anything else (negative, no number, another unit).
std::optional<Amount> parse_min_change(const std::string& text);

struct Command {
  std::string old_path, new_path;
  std::string format = "json";  // json | table | csv
  std::string output;           // file; "" = standard output
  std::string min_change;       // "" = show every change
  std::string color = "auto";   // auto (a terminal, and NO_COLOR unset) | always | never
  bool fail_on_error = false;   // exit 3 when a change stated in NEW's prose does not match OLD

  // Registers the `diff` subcommand and its options on `app`, filling this
  // Command when it is parsed; returns the subcommand.
  CLI::App* add_to(CLI::App& app);
  int run(std::ostream& out, std::ostream& err) const;
};

// Exit statuses, as every budgetx command uses them.
constexpr int kExitOk = 0;
constexpr int kExitInput = 2;
constexpr int kExitCheckFailed = 3;

}  // namespace budget::diff
