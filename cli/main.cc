// budgetx — Chinese budget and final-account disclosures to canonical JSON.
// Parses the command line and hands over to cli::Job.  A subcommand is a few
// lines here: its options fill the Job (or its own struct) it runs.
#include <CLI/CLI.hpp>

#include <iostream>

#include "batch/commands.h"
#include "cli/job.h"
#include "cli/output_file.h"
#include "core/document.h"
#include "core/version.h"
#include "diff/command.h"
#include "diff/series.h"

namespace {

// CLI11's own exit codes (105, 106, 109, …) say nothing to a script; every
// usage error is 64 (EX_USAGE), with CLI11's message, which names the word.
int usage_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  std::string message = e.what();
  // CLI11 says only "A subcommand is required" for `budgetx frob`.
  if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
    message = "unknown command '" + std::string(argv[1]) + "' (commands:";
    for (const auto* sub : app.get_subcommands({})) message += " " + sub->get_name();
    message += ")";
  }
  std::cerr << "budgetx: " << message << "\n"
            << "Run '" << app.get_name() << " --help' for usage.\n";
  return budget::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"budgetx: budget disclosures (PDF or text) to canonical JSON"};
  app.name("budgetx");
  app.set_version_flag("-V,--version", std::string("budgetx ") + budget::kBudgetxVersion + " (" +
                                           budget::kSchemaName + ")");
  app.require_subcommand(1);
  budget::cli::Job job;
  const char* inputs_help = "PDF or text documents; - reads standard input";

  auto* extract = app.add_subcommand("extract", "Extract documents to contract JSON or line items");
  extract->add_option("files", job.inputs, inputs_help)->required();
  extract->add_option("-o,--output", job.output,
                      "Output file (one input) or directory (several inputs); default stdout");
  extract->add_option("--format", job.format, "json | items-csv | items-jsonl")
      ->check(CLI::IsMember({"json", "items-csv", "items-jsonl"}));
  extract->add_flag("-q,--quiet", job.quiet, "No summary line per document");

  auto* check = app.add_subcommand("check", "Report the arithmetic and consistency checks");
  check->add_option("files", job.inputs, inputs_help)->required();
  std::string fail_on = "never";
  check->add_option("--fail-on", fail_on, "error: exit 3 when a check fails")
      ->check(CLI::IsMember({"never", "error"}));

  auto* layout = app.add_subcommand("layout", "Print the layout model (blocks) of documents");
  layout->add_option("files", job.inputs, inputs_help)->required();

  budget::diff::Command diff;
  CLI::App* diff_cmd = diff.add_to(app);  // diff: see diff/command.h
  budget::batch::Commands batch_commands(app);  // batch, db: see batch/commands.h
  budget::diff::SeriesCommand series;
  CLI::App* series_cmd = series.add_to(*app.get_subcommand("db"));  // db series: diff/series.h

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);  // --help, --version
    return usage_error(app, e, argc, argv);
  }
  budget::cli::remove_temporary_files_on_signals();
  if (series_cmd->parsed()) return series.run(std::cout, std::cerr);
  if (batch_commands.selected()) return batch_commands.run(std::cin, std::cout, std::cerr);
  if (diff_cmd->parsed()) return diff.run(std::cout, std::cerr);
  job.command = app.get_subcommands().front()->get_name();
  job.fail_on_error = fail_on == "error";
  return job.run(std::cout, std::cerr);
}
