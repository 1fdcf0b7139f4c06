#include "diff/command.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "diff/diff.h"
#include "diff/document_reader.h"
#include "diff/render.h"
#include "disclosure/disclosure.h"
#include "normalize/numbers.h"
#include "normalize/units.h"

namespace budget::diff {
namespace {

bool is_json_file(const std::string& path, std::string& text) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error("input.unreadable", "cannot read the file");
  char c;
  while (f.get(c))
    if (!std::isspace(static_cast<unsigned char>(c))) break;
  if (!f || c != '{') return false;
  std::ostringstream s;
  s << c << f.rdbuf();
  text = s.str();
  return true;
}

// Writes through a temporary name and a rename: no half-written file.
void write_file(const std::string& path, const std::string& content) {
  std::string tmp = path + ".part";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!(f << content) || !f.flush()) throw Error("output.unwritable", "cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path);
}

bool use_color(const std::string& mode, bool to_stdout) {
  if (mode == "always") return true;
  if (mode == "never" || !to_stdout) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

}  // namespace

Document load_document(const std::string& path) {
  std::string text;
  if (is_json_file(path, text))
    return read_document_json(text, std::filesystem::path(path).filename().string());
  return disclosure::read(path);
}

std::optional<Amount> parse_min_change(const std::string& text) {
  std::size_t end = text.find_first_not_of("0123456789.,");
  std::string number = text.substr(0, end);
  std::string unit = end == std::string::npos ? "" : text.substr(end);
  while (!unit.empty() && unit[0] == ' ') unit.erase(0, 1);
  int exponent = 0;
  if (!unit.empty()) {
    if (unit == "万" || unit == "亿" || unit == "千") unit += "元";
    auto u = normalize::unit_from_word(unit);
    if (!u) return std::nullopt;
    exponent = u->exponent;
  }
  normalize::ParsedNumber n = normalize::parse_number(number);
  if (number.empty() || n.kind != normalize::ParsedNumber::number || n.value.units < 0)
    return std::nullopt;
  return normalize::to_yuan(n.value, exponent);
}

CLI::App* Command::add_to(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("diff", "Compare two disclosures by meaning (docs/diff.md)");
  cmd->add_option("old", old_path, "OLD: PDF, text or budgetx JSON")->required();
  cmd->add_option("new", new_path, "NEW: PDF, text or budgetx JSON")->required();
  cmd->add_option("--format", format, "json (default) | table | csv")
      ->check(CLI::IsMember({"json", "table", "csv"}));
  cmd->add_option("-o,--output", output, "Output file; default standard output");
  cmd->add_option("--min-change", min_change,
                  "Hide smaller changes: in 元, or with a unit: 5000元, 1.5万, 2亿");
  cmd->add_option("--color", color, "auto (a terminal, NO_COLOR unset) | always | never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("--fail-on-error", fail_on_error,
                "Exit 3 when a change NEW's prose states does not match OLD");
  return cmd;
}

int Command::run(std::ostream& out, std::ostream& err) const {
  Options options;
  if (!min_change.empty()) {
    options.min_change = parse_min_change(min_change);
    if (!options.min_change) {
      err << "budgetx: --min-change " << min_change
          << ": not an amount (e.g. 5000, 5000元, 1.5万, 2亿元)\n";
      return kExitInput;
    }
  }
  Document docs[2];
  const std::string* paths[2] = {&old_path, &new_path};
  for (int i = 0; i < 2; ++i) {
    try {
      docs[i] = load_document(*paths[i]);
    } catch (const Error& e) {
      err << "budgetx: " << *paths[i] << ": " << e.what() << " [" << e.code() << "]\n";
      return kExitInput;
    } catch (const std::exception& e) {
      err << "budgetx: " << *paths[i] << ": internal error: " << e.what() << "\n";
      return kExitInput;
    }
  }
  Diff d = compare(docs[0], docs[1], options);
  std::string text = format == "csv"     ? to_csv(d)
                     : format == "table" ? to_table(d, use_color(color, output.empty()))
                                         : to_json(d);
  if (output.empty()) {
    out << text;
  } else {
    try {
      write_file(output, text);
    } catch (const std::exception& e) {
      err << "budgetx: " << output << ": " << e.what() << "\n";
      return kExitInput;
    }
  }
  bool failed = false;
  for (const ProseCheck& c : d.prose_checks) failed |= c.status == "fail";
  return fail_on_error && failed ? kExitCheckFailed : kExitOk;
}

}  // namespace budget::diff
