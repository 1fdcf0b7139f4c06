#include "diff/series.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <map>

#include "batch/sqlite.h"
#include "batch/store.h"
#include "checks/detail.h"
#include "core/document.h"
#include "core/error.h"
#include "core/json_writer.h"
#include "core/line_items.h"
#include "diff/command.h"
#include "diff/diff.h"
#include "normalize/numbers.h"

namespace budget::diff {
namespace {

using batch::Connection;
using batch::Statement;

struct StoredDoc {
  std::int64_t id = 0;
  int year = 0;
  std::string file;
  Document doc;
};

std::optional<Amount> amount_of(const Statement& q, int i) {
  if (q.is_null(i)) return std::nullopt;
  batch::Value v = q.value(i);
  if (auto* n = std::get_if<std::int64_t>(&v)) return Amount{*n, 0};
  normalize::ParsedNumber p = normalize::parse_number(q.text(i));
  if (p.kind != normalize::ParsedNumber::number)
    throw Error("db.amount", "not an exact amount in the database: " + q.text(i));
  return p.value;
}

std::optional<int> int_of(const Statement& q, int i) {
  if (q.is_null(i)) return std::nullopt;
  return static_cast<int>(q.integer(i));
}

// The tables of one stored document, as the diff reads them.
void load_tables(Connection& db, StoredDoc& d) {
  Statement tables(db, "SELECT kind, title, unit, page FROM tables WHERE doc_id = ? ORDER BY table_no");
  tables.bind(1, d.id);
  while (tables.step()) {
    Table t;
    t.kind = tables.text(0);
    t.title = tables.text(1);
    t.unit = tables.text(2);
    t.page = int_of(tables, 3);
    d.doc.tables.push_back(t);
  }
  Statement columns(db, "SELECT table_no, key, label, side FROM columns WHERE doc_id = ? "
                        "ORDER BY table_no, column_no");
  columns.bind(1, d.id);
  while (columns.step())
    d.doc.tables.at(columns.integer(0))
        .columns.push_back({columns.text(1), {columns.text(2)},
                            columns.is_null(3) ? "" : columns.text(3)});
  Statement rows(db, "SELECT table_no, code, name, level, side, page FROM rows WHERE doc_id = ? "
                     "ORDER BY table_no, row_no");
  rows.bind(1, d.id);
  while (rows.step()) {
    Row r;
    if (!rows.is_null(1)) r.code = rows.text(1);
    r.name = rows.text(2);
    r.level = static_cast<int>(rows.integer(3));
    r.side = rows.is_null(4) ? "" : rows.text(4);
    r.page = int_of(rows, 5);
    d.doc.tables.at(rows.integer(0)).rows.push_back(r);
  }
  Statement cells(db, "SELECT table_no, row_no, column_key, amount FROM cells WHERE doc_id = ?");
  cells.bind(1, d.id);
  while (cells.step())
    d.doc.tables.at(cells.integer(0)).rows.at(cells.integer(1)).values.emplace_back(
        cells.text(2), *amount_of(cells, 3));
}

// The entity's documents, one a year, oldest first.
std::vector<StoredDoc> documents_of(Connection& db, const SeriesCommand& c) {
  std::string sql = "SELECT doc_id, year, file, kind, scope FROM documents WHERE status = 'ok' "
                    "AND year IS NOT NULL AND entity IN (";
  for (std::size_t i = 0; i < c.entities.size(); ++i) sql += i ? ", ?" : "?";
  sql += ")";
  if (!c.doc_kind.empty()) sql += " AND kind = ?";
  if (!c.scope.empty()) sql += " AND scope = ?";
  sql += " ORDER BY year, file";
  Statement q(db, sql);
  int n = 0;
  for (const std::string& e : c.entities) q.bind(++n, e);
  if (!c.doc_kind.empty()) q.bind(++n, c.doc_kind);
  if (!c.scope.empty()) q.bind(++n, c.scope);
  std::vector<StoredDoc> docs;
  std::map<int, std::vector<std::string>> per_year;
  while (q.step()) {
    StoredDoc d;
    d.id = q.integer(0);
    d.year = static_cast<int>(q.integer(1));
    d.file = q.text(2);
    per_year[d.year].push_back(d.file + " (" + q.text(3) + ", " + q.text(4) + ")");
    docs.push_back(std::move(d));
  }
  if (docs.empty()) throw Error("db.no_document", "no document of this entity in the database");
  for (const auto& [year, files] : per_year) {
    if (files.size() < 2) continue;
    std::string list;
    for (const std::string& f : files) list += (list.empty() ? "" : ", ") + f;
    throw Error("db.ambiguous", std::to_string(year) + " has several documents (" + list +
                                    "): choose with --doc-kind or --scope");
  }
  for (StoredDoc& d : docs) load_tables(db, d);
  return docs;
}

// Where one series is in each year's document: table and row, or none.
struct Place {
  int table = -1, row = -1;
};
using Series = std::vector<Place>;  // indexed like the documents

// Chains each year's rows to the year before's through the diff's alignment.
std::vector<Series> chain(const std::vector<StoredDoc>& docs) {
  std::vector<Series> series;
  std::vector<std::vector<std::vector<int>>> id(docs.size());  // [doc][table][row] -> series
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const Document& cur = docs[k].doc;
    std::vector<int> tables = k ? match_tables(docs[k - 1].doc, cur) : std::vector<int>();
    id[k].resize(cur.tables.size());
    for (std::size_t t = 0; t < cur.tables.size(); ++t) {
      int pt = k ? tables[t] : -1;
      std::vector<int> rows =
          pt >= 0 ? match_rows(docs[k - 1].doc.tables[pt], cur.tables[t]) : std::vector<int>();
      for (std::size_t r = 0; r < cur.tables[t].rows.size(); ++r) {
        int s = pt >= 0 && rows[r] >= 0 ? id[k - 1][pt][rows[r]] : -1;
        if (s < 0) {
          s = static_cast<int>(series.size());
          series.emplace_back(docs.size());
        }
        series[s][k] = {static_cast<int>(t), static_cast<int>(r)};
        id[k][t].push_back(s);
      }
    }
  }
  return series;
}

struct Line {
  const Table* table;  // in the latest year holding the series
  const Row* row;
  std::string column;
  std::vector<std::string> codes;   // per year, "" where absent
  std::vector<std::optional<Amount>> values;
};

std::vector<Line> lines_of(const std::vector<StoredDoc>& docs, const std::vector<Series>& series,
                           const std::string& kind) {
  // Newest document first, its tables and rows in order: each series at its latest appearance.
  std::vector<bool> done(series.size(), false);
  std::map<std::pair<std::size_t, std::pair<int, int>>, int> at;
  for (std::size_t s = 0; s < series.size(); ++s)
    for (std::size_t k = 0; k < docs.size(); ++k)
      if (series[s][k].table >= 0) at[{k, {series[s][k].table, series[s][k].row}}] = s;
  std::vector<Line> out;
  for (std::size_t k = docs.size(); k-- > 0;) {
    const Document& doc = docs[k].doc;
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
      const Table& table = doc.tables[t];
      if (!kind.empty() && checks::detail::base_kind(table.kind) != checks::detail::base_kind(kind))
        continue;
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        int s = at[{k, {static_cast<int>(t), static_cast<int>(r)}}];
        if (done[s]) continue;
        done[s] = true;
        // The keys: the latest table's columns in order, then any other a year has.
        std::vector<std::string> keys;
        auto add = [&keys](const std::string& key) {
          if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        };
        for (const Column& c : table.columns) add(c.key);  // keys repeat from list to list
        for (std::size_t y = 0; y < docs.size(); ++y) {
          Place p = series[s][y];
          if (p.table < 0) continue;
          for (const auto& kv : docs[y].doc.tables[p.table].rows[p.row].values) add(kv.first);
        }
        for (const std::string& key : keys) {
          Line line{&table, &table.rows[r], key, {}, {}};
          bool any = false;
          for (std::size_t y = 0; y < docs.size(); ++y) {
            Place p = series[s][y];
            const Row* row = p.table >= 0 ? &docs[y].doc.tables[p.table].rows[p.row] : nullptr;
            const Amount* v = row ? row->value(key) : nullptr;
            line.codes.push_back(row ? row->code.value_or("") : "");
            line.values.push_back(v ? std::optional<Amount>(*v) : std::nullopt);
            any |= v != nullptr;
          }
          if (any) out.push_back(std::move(line));
        }
      }
    }
  }
  return out;
}

// "2017:30311 2018:30113" when the code changed over the years, else "".
std::string codes_text(const std::vector<StoredDoc>& docs, const Line& l) {
  std::string first, text;
  bool changed = false;
  for (std::size_t y = 0; y < docs.size(); ++y) {
    if (l.codes[y].empty() && !l.values[y]) continue;
    if (first.empty()) first = l.codes[y];
    changed |= l.codes[y] != first;
    text += (text.empty() ? "" : " ") + std::to_string(docs[y].year) + ":" + l.codes[y];
  }
  return changed ? text : "";
}

void write_csv(const std::vector<StoredDoc>& docs, const std::vector<Line>& lines, std::ostream& out) {
  out << "table_kind,table_title,side,code,name,column,codes";
  for (const StoredDoc& d : docs) out << "," << d.year;
  out << "\n";
  for (const Line& l : lines) {
    out << csv_field(l.table->kind) << "," << csv_field(l.table->title) << ","
        << csv_field(l.row->side) << "," << csv_field(l.row->code.value_or("")) << ","
        << csv_field(l.row->name) << "," << csv_field(l.column) << ","
        << csv_field(codes_text(docs, l));
    for (const auto& v : l.values) out << "," << (v ? v->to_string() : "");
    out << "\n";
  }
}

void write_jsonl(const std::vector<StoredDoc>& docs, const std::vector<Line>& lines, std::ostream& out) {
  for (const Line& l : lines) {
    std::string rec = "{\"table_kind\": " + json_quote(l.table->kind) +
                      ", \"table_title\": " + json_quote(l.table->title) + ", \"side\": " +
                      (l.row->side.empty() ? "null" : json_quote(l.row->side)) + ", \"code\": " +
                      (l.row->code ? json_quote(*l.row->code) : "null") +
                      ", \"name\": " + json_quote(l.row->name) + ", \"column\": " + json_quote(l.column) +
                      ", \"codes\": " + json_quote(codes_text(docs, l)) + ", \"values\": {";
    bool first = true;
    for (std::size_t y = 0; y < docs.size(); ++y) {
      if (!l.values[y]) continue;
      rec += (first ? "\"" : ", \"") + std::to_string(docs[y].year) + "\": " + l.values[y]->to_string();
      first = false;
    }
    out << rec << "}}\n";
  }
}

}  // namespace

CLI::App* SeriesCommand::add_to(CLI::App& db_command) {
  CLI::App* cmd = db_command.add_subcommand(
      "series", "Every figure of one entity across its years, aligned as budgetx diff aligns");
  cmd->add_option("--db", db, "The batch database")->required();
  cmd->add_option("--entity", entities, "The entity (repeat for each name it is printed with)")
      ->required();
  cmd->add_option("--kind", table_kind, "Only tables of this kind (e.g. general_public_basic)");
  cmd->add_option("--doc-kind", doc_kind, "budget | final_account")
      ->check(CLI::IsMember({"budget", "final_account"}));
  cmd->add_option("--scope", scope, "department | unit")->check(CLI::IsMember({"department", "unit"}));
  cmd->add_option("--format", format, "csv (default) | jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
  return cmd;
}

int SeriesCommand::run(std::ostream& out, std::ostream& err) const {
  try {
    if (!std::filesystem::exists(db)) throw Error("input.missing", db + ": no such database");
    batch::Store store(db);
    std::vector<StoredDoc> docs = documents_of(store.connection(), *this);
    std::vector<Line> lines = lines_of(docs, chain(docs), table_kind);
    if (format == "jsonl")
      write_jsonl(docs, lines, out);
    else
      write_csv(docs, lines, out);
    return kExitOk;
  } catch (const Error& e) {
    err << "budgetx db series: " << e.what() << " [" << e.code() << "]\n";
    return kExitInput;
  }
}

}  // namespace budget::diff
