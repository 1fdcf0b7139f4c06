// diff/series.h — `budgetx db series`: every figure of one entity across its
// years, from a batch database, aligned year to year the way `budgetx diff`
// aligns two documents (tables by kind, rows by code, then by name under the
// same parents: a renumbered code stays one series).
//
//   budgetx db series --db corpus.sqlite --entity 江苏省人大常委会办公厅 --kind general_public_basic
//   table_kind,table_title,side,code,name,column,codes,2017,2018
//   general_public_basic,一般公共预算基本支出预算表（经济科目）,,30113,住房公积金,total,2017:30311 2018:30113,4942200,5725600
//
// One document per year: when an entity has several in a year (a department
// and a unit budget, a budget and a 决算), --doc-kind and --scope choose; if
// several remain, the command says which and stops.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace budget::diff {

struct SeriesCommand {
  std::string db;
  std::vector<std::string> entities;  // one entity, under each name it is printed with
  std::string table_kind;             // only tables of this kind (its 决算 form too); "" = all
  std::string doc_kind;               // budget | final_account | "" (any)
  std::string scope;                  // department | unit | "" (any)
  std::string format = "csv";         // csv | jsonl

  // Registers `series` under the `db` subcommand; returns it.
  CLI::App* add_to(CLI::App& db_command);
  // 0 ok; 2 when the database cannot be read, holds no document of the
  // entity, or several for one year (the message lists them).
  int run(std::ostream& out, std::ostream& err) const;
};

}  // namespace budget::diff
