#include "batch/sqlite.h"

#include <sqlite3.h>

#include "core/error.h"

namespace budget::batch {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error("db.error", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Connection::Connection(const std::string& path) : path_(path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw Error("db.error", "cannot open " + path + ": " + message);
  }
  // Another process (a merge, a reader) may hold the lock for a moment.
  sqlite3_busy_timeout(db_, 60000);
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error("db.error", path_ + ": " + text);
  }
}

Statement::Statement(Connection& db, const std::string& sql) : db_(db.handle()) {
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
    fail(db_, "cannot prepare \"" + sql + "\"");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, const Value& v) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(v))
    rc = sqlite3_bind_null(stmt_, index);
  else if (auto* i = std::get_if<std::int64_t>(&v))
    rc = sqlite3_bind_int64(stmt_, index, *i);
  else if (auto* s = std::get_if<std::string>(&v))
    rc = sqlite3_bind_text(stmt_, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
  else
    rc = sqlite3_bind_double(stmt_, index, std::get<double>(v));
  if (rc != SQLITE_OK) fail(db_, "cannot bind parameter " + std::to_string(index));
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(db_, std::string("cannot run \"") + sqlite3_sql(stmt_) + "\"");
  return false;
}

int Statement::columns() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int i) const { return sqlite3_column_name(stmt_, i); }

Value Statement::value(int i) const {
  switch (sqlite3_column_type(stmt_, i)) {
    case SQLITE_NULL: return std::monostate{};
    case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(stmt_, i)};
    case SQLITE_FLOAT: return sqlite3_column_double(stmt_, i);
    default: return text(i);
  }
}

std::int64_t Statement::integer(int i) const { return sqlite3_column_int64(stmt_, i); }

std::string Statement::text(int i) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))) : "";
}

bool Statement::is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

Transaction::Transaction(Connection& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
      // The connection already rolled back (e.g. after SQLITE_FULL).
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace budget::batch
