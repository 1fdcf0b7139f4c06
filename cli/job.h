// cli/job.h — what one run of budgetx does, as a library so tests can drive it.
//
//   budget::cli::Job job;
//   job.command = "extract"; job.inputs = {"a.pdf", "b.txt"}; job.output = "out/";
//   int status = job.run(std::cout, std::cerr);
//
// Each input is processed on its own: a file that fails gets one line on
// `err` ("budgetx: FILE: message") and a non-zero exit status at the end, and
// the batch goes on.  Outputs are written to a temporary name and renamed, so
// a failure never leaves a partial file.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace budget::cli {

// Exit statuses.
constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitFailed = 2;      // at least one input could not be processed
constexpr int kExitCheckFailed = 3; // `check --fail-on=error` and a check failed

struct Job {
  std::string command;               // "extract" | "layout" | "check" | "report"
  std::vector<std::string> inputs;
  std::string output;                // file (one input) or directory ("" = stdout)
  std::string format = "json";       // json | items-csv | items-jsonl
  bool fail_on_error = false;        // check: exit 3 when a check fails (severity error)
  bool fail_on_note = false;         // check: exit 3 on a note too
  bool quiet = false;                // no per-document summary lines
  bool no_page_images = false;       // report: leave out the page images

  int run(std::ostream& out, std::ostream& err) const;
};

}  // namespace budget::cli
