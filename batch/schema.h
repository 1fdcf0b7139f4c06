// batch/schema.h — the batch database's relational schema (SQLite), as the
// binary creates it.  docs/database.md describes every table and column;
// `budgetx db schema` prints this text, and a test keeps the two equal.
//
// Versioned: PRAGMA user_version holds kSchemaVersion; a database written by
// another schema version is refused with a clear error rather than mixed.
//
//   batch::Connection db("corpus.sqlite");
//   batch::prepare_schema(db);   // creates the tables once, checks the version
#pragma once

#include <string>

#include "batch/sqlite.h"

namespace budget::batch {

inline constexpr int kSchemaVersion = 1;

// Every table, parents before children: the order to insert or copy a
// document's rows in.  Each has a doc_id column.
inline constexpr const char* kTables[] = {"documents", "files",    "tables",     "columns",
                                          "rows",      "cells",    "projects",   "indicators",
                                          "facts",     "checks",   "warnings"};

// The CREATE statements (tables, indexes, views), in dependency order.
const std::string& schema_sql();

// Creates the schema in an empty database, or checks that an existing one is
// ours and of kSchemaVersion (throws budget::Error "db.schema" otherwise).
// Switches the database to WAL.
void prepare_schema(Connection& db);

}  // namespace budget::batch
