// budgetx — Chinese budget and final-account disclosures to canonical JSON.
// Parses the command line and hands over to cli::Job.
#include <CLI/CLI.hpp>

#include <iostream>

#include "batch/commands.h"
#include "cli/job.h"
#include "diff/command.h"

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
  auto* diff_cmd = app.add_subcommand("diff", "Compare two disclosures by meaning (docs/diff.md)");
  diff_cmd->add_option("old", diff.old_path, "OLD: PDF, text or budgetx JSON")->required();
  diff_cmd->add_option("new", diff.new_path, "NEW: PDF, text or budgetx JSON")->required();
  diff_cmd->add_option("--format", diff.format, "json | table | csv")
      ->check(CLI::IsMember({"json", "table", "csv"}));
  diff_cmd->add_option("-o,--output", diff.output, "Output file; default stdout");
  diff_cmd->add_option("--min-change", diff.min_change, "Hide smaller changes: 元, or 5000元, 1.5万, 2亿");
  diff_cmd->add_option("--color", diff.color, "auto | always | never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  diff_cmd->add_flag("--fail-on-error", diff.fail_on_error,
                     "Exit 3 when a change NEW's prose states does not match OLD");

  budget::batch::Commands batch_commands(app);  // batch, db: see batch/commands.h
  CLI11_PARSE(app, argc, argv);
  if (batch_commands.selected()) return batch_commands.run(std::cin, std::cout, std::cerr);
  if (diff_cmd->parsed()) return diff.run(std::cout, std::cerr);
  job.command = app.get_subcommands().front()->get_name();
  job.fail_on_error = fail_on == "error";
  return job.run(std::cout, std::cerr);
}
