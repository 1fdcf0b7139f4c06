#include "batch/schema.h"

#include "core/error.h"

namespace budget::batch {

// Keys: a document is `doc_id`, the first 64 bits of its sha256 (so the key
// is the same in every shard and every run, and merging needs no renumbering);
// its parts are numbered in the order of the document's JSON (table_no,
// row_no, … from 0).  Amounts are in 元, stored as an INTEGER when whole and
// as exact decimal TEXT otherwise: the amount columns are declared without a
// type so SQLite keeps either as given and never turns one into a float.
const std::string& schema_sql() {
  static const std::string sql = R"SQL(CREATE TABLE documents (
  doc_id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  format TEXT,
  title TEXT,
  entity TEXT,
  year INTEGER,
  kind TEXT,
  scope TEXT,
  pages INTEGER,
  budgetx_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
  error_code TEXT,
  error_message TEXT,
  seconds REAL
);
CREATE TABLE files (
  path TEXT NOT NULL,
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  PRIMARY KEY (path, doc_id)
);
CREATE TABLE tables (
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  table_no INTEGER NOT NULL,
  kind TEXT NOT NULL,
  ordinal INTEGER,
  title TEXT NOT NULL,
  entity TEXT NOT NULL,
  unit TEXT NOT NULL,
  page INTEGER,
  pages TEXT NOT NULL,
  no_data INTEGER NOT NULL,
  PRIMARY KEY (doc_id, table_no)
);
CREATE TABLE columns (
  doc_id INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  column_no INTEGER NOT NULL,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  side TEXT,
  PRIMARY KEY (doc_id, table_no, column_no),
  FOREIGN KEY (doc_id, table_no) REFERENCES tables ON DELETE CASCADE
);
CREATE TABLE rows (
  doc_id INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  ordinal TEXT,
  level INTEGER NOT NULL,
  side TEXT,
  page INTEGER,
  PRIMARY KEY (doc_id, table_no, row_no),
  FOREIGN KEY (doc_id, table_no) REFERENCES tables ON DELETE CASCADE
);
CREATE TABLE cells (
  doc_id INTEGER NOT NULL,
  table_no INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  table_kind TEXT NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  column_key TEXT NOT NULL,
  amount NOT NULL,
  PRIMARY KEY (doc_id, table_no, row_no, column_key),
  FOREIGN KEY (doc_id, table_no, row_no) REFERENCES rows ON DELETE CASCADE
);
CREATE TABLE projects (
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  project_no INTEGER NOT NULL,
  form TEXT NOT NULL,
  name TEXT NOT NULL,
  page INTEGER,
  department TEXT NOT NULL,
  implementing_unit TEXT NOT NULL,
  category TEXT NOT NULL,
  period TEXT NOT NULL,
  funds_annual_total,
  funds_period_total,
  goal_annual TEXT NOT NULL,
  goal_period TEXT NOT NULL,
  PRIMARY KEY (doc_id, project_no)
);
CREATE TABLE indicators (
  doc_id INTEGER NOT NULL,
  project_no INTEGER NOT NULL,
  indicator_no INTEGER NOT NULL,
  scope TEXT NOT NULL,
  level1 TEXT NOT NULL,
  level2 TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  target_op TEXT NOT NULL,
  target_number,
  target_unit TEXT NOT NULL,
  PRIMARY KEY (doc_id, project_no, indicator_no),
  FOREIGN KEY (doc_id, project_no) REFERENCES projects ON DELETE CASCADE
);
CREATE TABLE facts (
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  fact_no INTEGER NOT NULL,
  page INTEGER,
  section TEXT NOT NULL,
  subject TEXT NOT NULL,
  value,
  unit TEXT NOT NULL,
  change,
  change_pct,
  share_pct,
  text TEXT NOT NULL,
  PRIMARY KEY (doc_id, fact_no)
);
CREATE TABLE checks (
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  check_no INTEGER NOT NULL,
  rule TEXT NOT NULL,
  status TEXT NOT NULL,
  location TEXT NOT NULL,
  expected,
  actual,
  difference,
  tolerance,
  page INTEGER,
  message TEXT NOT NULL,
  PRIMARY KEY (doc_id, check_no)
);
CREATE TABLE warnings (
  doc_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
  warning_no INTEGER NOT NULL,
  code TEXT NOT NULL,
  page INTEGER,
  message TEXT NOT NULL,
  PRIMARY KEY (doc_id, warning_no)
);
CREATE INDEX documents_entity_year ON documents (entity, year);
CREATE INDEX files_doc ON files (doc_id);
CREATE INDEX cells_kind_column ON cells (table_kind, column_key);
CREATE INDEX cells_code ON cells (code);
CREATE INDEX projects_annual_total ON projects (funds_annual_total);
CREATE INDEX indicators_level2 ON indicators (level2);
CREATE INDEX checks_failed ON checks (status, rule);
CREATE VIEW tidy_cells AS
  SELECT d.sha256, d.entity, d.year, d.kind AS doc_kind, c.table_kind, c.table_no, c.row_no,
         c.code, c.name, c.column_key, c.amount
  FROM cells c JOIN documents d USING (doc_id);
CREATE VIEW tidy_projects AS
  SELECT d.sha256, d.entity, d.year, d.kind AS doc_kind, p.project_no, p.form, p.name,
         p.department, p.implementing_unit, p.category, p.funds_annual_total,
         p.funds_period_total
  FROM projects p JOIN documents d USING (doc_id);
)SQL";
  return sql;
}

void prepare_schema(Connection& db) {
  // WAL: the one writer never blocks readers, and a killed writer loses at
  // most the transaction it was in.  NORMAL sync is durable against a
  // killed process (only a power loss may drop the last transactions).
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  Statement version(db, "PRAGMA user_version");
  version.step();
  std::int64_t found = version.integer(0);
  version.run();
  if (found == kSchemaVersion) return;
  Statement count(db, "SELECT count(*) FROM sqlite_master");
  count.step();
  bool empty = count.integer(0) == 0;
  count.run();
  if (found != 0 || !empty)
    throw Error("db.schema", db.path() + ": not a budgetx database of schema version " +
                                 std::to_string(kSchemaVersion) + " (found user_version " +
                                 std::to_string(found) + ")");
  Transaction t(db);
  db.exec(schema_sql());
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  t.commit();
}

}  // namespace budget::batch
