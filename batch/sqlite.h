// batch/sqlite.h — a thin RAII layer over SQLite's C API (Debian's
// libsqlite3-dev): a connection, prepared statements, transactions.
// Failures throw budget::Error("db.error", message with SQLite's text).
//
//   batch::Connection db("corpus.sqlite");
//   db.exec("CREATE TABLE t(a, b)");
//   batch::Statement ins(db, "INSERT INTO t VALUES(?, ?)");
//   ins.bind(1, std::int64_t{7}); ins.bind(2, "seven"); ins.run();
//   batch::Statement q(db, "SELECT a, b FROM t");
//   while (q.step()) use(q.integer(0), q.text(1));
#pragma once

#include <cstdint>
#include <string>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace budget::batch {

// One SQL value as the database stores it: NULL, an integer, text or a real
// (only for timings: money is never a real, see batch/records.h).
using Value = std::variant<std::monostate, std::int64_t, std::string, double>;

class Connection {
 public:
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  void exec(const std::string& sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Connection& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, const Value& v);  // 1-based, as SQLite counts
  // Advances to the next row; false when done.  Resets itself after the last
  // row, so the statement can be bound and run again.
  bool step();
  void run() { while (step()) {} }

  int columns() const;
  std::string column_name(int i) const;
  Value value(int i) const;
  std::int64_t integer(int i) const;
  std::string text(int i) const;
  bool is_null(int i) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  void commit();

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace budget::batch
