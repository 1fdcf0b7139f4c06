// budgetx — Chinese budget and final-account disclosures to canonical JSON.
// Parses the command line and hands over to cli::Job.
#include <CLI/CLI.hpp>

#include <iostream>

#include "batch/commands.h"
#include "cli/job.h"
#include "diff/command.h"
#include "diff/series.h"

int main(int argc, char** argv) {
  CLI::App app{"budgetx: budget disclosures (PDF or text) to canonical JSON"};
  app.require_subcommand(1);
  budget::cli::Job job;

  auto* extract = app.add_subcommand("extract", "Extract documents to contract JSON or line items");
  extract->add_option("files", job.inputs, "PDF or text documents")->required();
  extract->add_option("-o,--output", job.output,
                      "Output file (one input) or directory (several inputs); default stdout");
  extract->add_option("--format", job.format, "json | items-csv | items-jsonl")
      ->check(CLI::IsMember({"json", "items-csv", "items-jsonl"}));
  extract->add_flag("-q,--quiet", job.quiet, "No summary line per document");

  auto* check = app.add_subcommand("check", "Report the arithmetic and consistency checks");
  check->add_option("files", job.inputs, "PDF or text documents")->required();
  std::string fail_on = "never";
  check->add_option("--fail-on", fail_on, "error: exit 3 when a check fails")
      ->check(CLI::IsMember({"never", "error"}));

  auto* layout = app.add_subcommand("layout", "Print the layout model (blocks) of documents");
  layout->add_option("files", job.inputs, "PDF or text documents")->required();

  budget::diff::Command diff;
  CLI::App* diff_cmd = diff.add_to(app);  // diff: see diff/command.h

  budget::batch::Commands batch_commands(app);  // batch, db: see batch/commands.h
  budget::diff::SeriesCommand series;
  CLI::App* series_cmd = series.add_to(*app.get_subcommand("db"));  // db series: diff/series.h

  CLI11_PARSE(app, argc, argv);
  if (series_cmd->parsed()) return series.run(std::cout, std::cerr);
  if (batch_commands.selected()) return batch_commands.run(std::cin, std::cout, std::cerr);
  if (diff_cmd->parsed()) return diff.run(std::cout, std::cerr);
  job.command = app.get_subcommands().front()->get_name();
  job.fail_on_error = fail_on == "error";
  return job.run(std::cout, std::cerr);
}
