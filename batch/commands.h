// batch/commands.h — the `batch` and `db` subcommands of budgetx, so that
// cli/main.cc registers them in two lines:
//
//   budget::batch::Commands batch_commands(app);          // before parsing
//   CLI11_PARSE(app, argc, argv);
//   if (batch_commands.selected()) return batch_commands.run(std::cin, std::cout, std::cerr);
//
//   budgetx batch INPUT… --db OUT.sqlite [-o JSON_DIR] [--jobs N] [--from LIST]
//                 [--force] [--retry-failed] [--shard K/N] [--timeout S] [--memory-limit MB]
//   budgetx db merge SHARD.sqlite… --db ALL.sqlite
//   budgetx db export TABLE --db DB.sqlite [--format csv|jsonl] [--bom]
//   budgetx db schema            (the SQL that creates the database)
// Exit status: 0 ok, 2 a document or database failed, 64 usage.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "batch/batch.h"

namespace budget::batch {

class Commands {
 public:
  explicit Commands(CLI::App& app);
  bool selected() const;
  int run(std::istream& in, std::ostream& out, std::ostream& err);

 private:
  CLI::App* batch_;
  CLI::App* db_;
  CLI::App* merge_;
  CLI::App* export_;
  CLI::App* schema_;
  BatchOptions options_;
  std::string shard_;
  std::vector<std::string> shards_;
  std::string db_path_;
  std::string table_;
  std::string format_ = "csv";
  bool bom_ = false;
};

}  // namespace budget::batch
