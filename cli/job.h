// cli/job.h — what one run of budgetx does, as a library so tests can drive it.
//
//   budget::cli::Job job;
//   job.command = "extract"; job.inputs = {"a.pdf", "b.txt"}; job.output = "out/";
//   int status = job.run(std::cout, std::cerr);
//
// Each input is processed on its own: a file that fails gets one line on
// `err` ("budgetx: FILE: message [code]") and exit status 2 at the end, and
// the batch goes on.  Outputs are written as cli/output_file.h describes:
// never over an input, never half-written.  docs/cli.md is the user's guide.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace budget::cli {

// Exit statuses (docs/cli.md; stable).
constexpr int kExitOk = 0;
constexpr int kExitFailed = 2;       // at least one input could not be read or written
constexpr int kExitCheckFailed = 3;  // `check --fail-on error` and a check failed
constexpr int kExitUsage = 64;       // bad command line (EX_USAGE); the message names the word

struct Job {
  std::string command;               // "extract" | "layout" | "check"
  std::vector<std::string> inputs;   // paths; "-" is standard input
  std::string output;                // file (one input) or directory ("" = stdout)
  std::string format = "json";       // json | items-csv | items-jsonl
  bool fail_on_error = false;        // check: exit 3 when a check fails
  bool quiet = false;                // no per-document summary lines
  int idle_seconds = 30;             // give up on a stream silent this long

  int run(std::ostream& out, std::ostream& err) const;
};

}  // namespace budget::cli
