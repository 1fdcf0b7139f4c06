// The batch database: schema, the writer, merge, export, input discovery.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch/export.h"
#include "batch/inputs.h"
#include "batch/merge.h"
#include "batch/schema.h"
#include "batch/store.h"
#include "core/error.h"
#include "core/sha256.h"

namespace budget::batch {
namespace {
namespace fs = std::filesystem;

class batch_store_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("batch_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

std::string sha_of(char c) { return std::string(64, c); }

// A stored document with one table, one row and two cells.
StoredDocument document(char sha, const std::string& file, const std::string& version = "9.9") {
  StoredDocument d;
  d.sha256 = sha_of(sha);
  d.doc_id = doc_id_of(d.sha256);
  d.files = {file};
  d.budgetx_version = version;
  d.outcome.ok = true;
  d.outcome.ingested.info = {std::string("pdf"), std::string("t"), std::string("局"),
                             std::int64_t{2024}, std::string("budget"), std::string("unit"),
                             std::int64_t{3}};
  std::int64_t id = d.doc_id;
  d.outcome.ingested.rows = {
      {"tables", {id, std::int64_t{0}, std::string("three_public"), Value{}, std::string("三公"),
                  std::string("局"), std::string("元"), std::int64_t{1}, std::string("1"), std::int64_t{0}}},
      {"rows", {id, std::int64_t{0}, std::int64_t{0}, Value{}, std::string("合计"), Value{},
                std::int64_t{1}, Value{}, std::int64_t{1}}},
      {"cells", {id, std::int64_t{0}, std::int64_t{0}, std::string("three_public"), Value{},
                 std::string("合计"), std::string("total"), std::int64_t{1200}}},
      {"cells", {id, std::int64_t{0}, std::int64_t{0}, std::string("three_public"), Value{},
                 std::string("合计"), std::string("abroad"), std::string("0.5")}},
  };
  d.seconds = 0.25;
  return d;
}

std::int64_t count(Connection& db, const std::string& sql) {
  Statement q(db, sql);
  q.step();
  std::int64_t n = q.integer(0);
  q.run();
  return n;
}

// Every table's rows, sorted, without timings: what must match across runs.
std::string canonical(Connection& db) {
  std::string out;
  for (const char* table : kTables) {
    Statement q(db, std::string("SELECT * FROM ") + table);
    std::vector<std::string> rows;
    while (q.step()) {
      std::string row;
      for (int i = 0; i < q.columns(); ++i) {
        if (q.column_name(i) == "seconds") continue;
        Value v = q.value(i);
        row += v.index() == 0 ? "∅" : v.index() == 1 ? std::to_string(std::get<1>(v)) : "'" + q.text(i) + "'";
        row += "|";
      }
      rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    out += std::string(table) + ":\n";
    for (const auto& r : rows) out += r + "\n";
  }
  return out;
}

TEST_F(batch_store_test, amounts_keep_their_storage_class) {
  Store store(path("a.sqlite"));
  store.write(document('a', "x.pdf"));
  Connection& db = store.connection();
  EXPECT_EQ(count(db, "SELECT count(*) FROM cells WHERE typeof(amount) = 'integer'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM cells WHERE typeof(amount) = 'text' AND amount = '0.5'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM cells WHERE typeof(amount) = 'real'"), 0);
  EXPECT_EQ(count(db, "PRAGMA user_version"), kSchemaVersion);
}

TEST_F(batch_store_test, rewrite_replaces_and_keeps_file_names) {
  Store store(path("a.sqlite"));
  StoredDocument d = document('a', "b/x.pdf");
  store.write(d);
  store.add_file(d.doc_id, "a/copy.pdf");
  store.add_file(d.doc_id, "a/copy.pdf");  // known: nothing
  d.files = {"c/y.pdf"};
  store.write(d);
  Connection& db = store.connection();
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM cells"), 2);
  EXPECT_EQ(store.files_of(d.doc_id), (std::vector<std::string>{"a/copy.pdf", "b/x.pdf", "c/y.pdf"}));
  Statement file(db, "SELECT file FROM documents");
  file.step();
  EXPECT_EQ(file.text(0), "a/copy.pdf");  // the smallest name, whatever the order
  ASSERT_TRUE(store.stored(d.doc_id));
  EXPECT_EQ(store.stored(d.doc_id)->version, "9.9");
  EXPECT_FALSE(store.stored(doc_id_of(sha_of('b'))));
}

TEST_F(batch_store_test, errors_are_documents_without_parts) {
  Store store(path("a.sqlite"));
  StoredDocument d = document('c', "bad.pdf");
  d.outcome = Outcome{false, "worker.crashed", "signal 6", {}};
  store.write(d);
  Connection& db = store.connection();
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents WHERE status = 'error' AND "
                      "error_code = 'worker.crashed' AND entity IS NULL"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM cells"), 0);
  d.outcome.ingested.rows = {{"sqlite_master", {}}};  // a table name a worker may not send
  EXPECT_THROW(store.write(d), Error);
}

TEST_F(batch_store_test, another_schema_version_is_refused) {
  {
    Connection db(path("old.sqlite"));
    db.exec("CREATE TABLE documents(x); PRAGMA user_version = 99");
  }
  EXPECT_THROW(Store{path("old.sqlite")}, Error);
  {
    Connection db(path("other.sqlite"));
    db.exec("CREATE TABLE unrelated(x)");
  }
  EXPECT_THROW(Store{path("other.sqlite")}, Error);
}

TEST_F(batch_store_test, merge_is_idempotent_and_order_independent) {
  {
    Store s0(path("s0.sqlite"));
    s0.write(document('a', "a.pdf"));
    s0.write(document('b', "b.pdf"));
    Store s1(path("s1.sqlite"));
    s1.write(document('c', "c.pdf"));
    StoredDocument a2 = document('a', "a-copy.pdf");
    a2.outcome = Outcome{false, "worker.timeout", "slow", {}};
    s1.write(a2);  // the same document failed in the other shard: the success wins
  }
  std::ostringstream log;
  merge_databases({path("s0.sqlite"), path("s1.sqlite")}, path("ab.sqlite"), log);
  merge_databases({path("s1.sqlite"), path("s0.sqlite")}, path("ba.sqlite"), log);
  merge_databases({path("s0.sqlite"), path("s1.sqlite"), path("s0.sqlite")}, path("aba.sqlite"), log);
  Connection ab(path("ab.sqlite")), ba(path("ba.sqlite")), aba(path("aba.sqlite"));
  EXPECT_EQ(canonical(ab), canonical(ba));
  EXPECT_EQ(canonical(ab), canonical(aba));
  EXPECT_EQ(count(ab, "SELECT count(*) FROM documents WHERE status = 'ok'"), 3);
  EXPECT_EQ(count(ab, "SELECT count(*) FROM files"), 4);
  EXPECT_EQ(count(ab, "SELECT count(*) FROM cells"), 6);
  EXPECT_THROW(merge_databases({path("missing.sqlite")}, path("ab.sqlite"), log), Error);
}

TEST_F(batch_store_test, export_csv_and_jsonl) {
  Store store(path("a.sqlite"));
  store.write(document('a', "x.pdf"));
  std::ostringstream csv, jsonl;
  export_table(store.connection(), "tidy_cells", ExportFormat::kCsv, true, csv);
  std::string expected_head = "\xEF\xBB\xBFsha256,entity,year,doc_kind,table_kind,table_no,row_no,code,name,column_key,amount\n";
  EXPECT_EQ(csv.str().substr(0, expected_head.size()), expected_head);
  EXPECT_NE(csv.str().find(",\"合计\",\"total\",1200\n"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find(",\"合计\",\"abroad\",\"0.5\"\n"), std::string::npos);
  export_table(store.connection(), "cells", ExportFormat::kJsonl, false, jsonl);
  EXPECT_NE(jsonl.str().find("\"column_key\":\"total\",\"amount\":1200}"), std::string::npos) << jsonl.str();
  EXPECT_NE(jsonl.str().find("\"code\":null"), std::string::npos);
  EXPECT_THROW(export_table(store.connection(), "nope", ExportFormat::kCsv, false, csv), Error);
  EXPECT_THROW(export_table(store.connection(), "cells\"; DROP TABLE cells; --", ExportFormat::kCsv,
                            false, csv), Error);
}

TEST_F(batch_store_test, inputs_are_found_sorted_and_hashed) {
  fs::create_directories(dir_ / "in/sub");
  for (const char* f : {"in/b.pdf", "in/sub/a.TXT", "in/sub/skip.json", "in/a.txt"})
    std::ofstream(dir_ / f) << f;
  std::istringstream list(path("in/sub/skip.json") + "\n\n" + path("in/b.pdf") + "\r\n");
  auto found = find_inputs({path("in")}, "-", list);
  std::vector<std::string> expected = {path("in/a.txt"), path("in/b.pdf"), path("in/sub/a.TXT"),
                                       path("in/sub/skip.json")};
  EXPECT_EQ(found, expected);
  std::istringstream none;
  EXPECT_THROW(find_inputs({path("missing")}, "", none), Error);
  EXPECT_EQ(sha256_file(path("in/b.pdf")), sha256_hex("in/b.pdf"));
  EXPECT_THROW(sha256_file(path("missing")), Error);
}

}  // namespace
}  // namespace budget::batch
