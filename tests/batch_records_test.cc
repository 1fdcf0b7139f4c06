// The database rows of one Document, and their trip through the worker pipe.
#include <gtest/gtest.h>

#include "batch/records.h"
#include "batch/shard.h"
#include "batch/wire.h"
#include "core/error.h"

namespace budget::batch {
namespace {

TEST(batch_records_test, amounts_are_exact_integers_or_decimal_text) {
  struct {
    Amount in;
    Value out;
  } cases[] = {
      {Amount{22332200, 0}, std::int64_t{22332200}},
      {Amount{223322000, 1}, std::int64_t{22332200}},  // 22332200.0 is whole
      {Amount{123450, 2}, std::string("1234.5")},
      {Amount{-5, 2}, std::string("-0.05")},
      {Amount{0, 2}, std::int64_t{0}},
  };
  for (const auto& c : cases) EXPECT_EQ(amount_value(c.in), c.out) << c.in.to_string();
  EXPECT_EQ(amount_value(std::optional<Amount>{}), Value{});
}

TEST(batch_records_test, doc_id_is_the_first_64_bits_of_the_sha256) {
  std::string sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_EQ(doc_id_of(sha), static_cast<std::int64_t>(0xba7816bf8f01cfeaULL));
  EXPECT_THROW(doc_id_of("abc"), Error);
  EXPECT_THROW(doc_id_of(std::string(64, 'G')), Error);
}

Document small_document() {
  Document doc;
  doc.source = {"a.pdf", std::string(64, 'a'), "pdf", 3};
  doc.document = {"某局2025年部门预算", "某局", 2025, "budget", "department"};
  Table t;
  t.kind = "three_public";
  t.title = "“三公”经费支出预算表";
  t.unit = "万元";
  t.page = 2;
  t.pages = {2, 3};
  t.columns = {{"total", {"合计"}, ""}, {"abroad", {"“三公”经费", "因公出国(境)费"}, ""}};
  Row r;
  r.name = "合计";
  r.values = {{"total", Amount{1000000, 0}}, {"abroad", Amount{12345, 2}}};
  t.rows = {r, Row{}};
  doc.tables = {t};
  Project p;
  p.name = "信息化运维";
  p.form = "performance_table";
  p.funds_annual.total = Amount{5000000, 0};
  p.indicators = {Indicator{"annual", "产出指标", "数量指标", "设备数", "≥10台", {"≥", Amount{10, 0}, "台"}}};
  doc.projects = {p};
  doc.checks = {CheckResult{"sum", "fail", "t0", Amount{1, 0}, Amount{2, 0}, Amount{1, 0}, Amount{0, 0}, 2, "off"}};
  doc.warnings = {Warning{"unknown_table", 3, "?"}};
  return doc;
}

TEST(batch_records_test, one_row_per_part_in_json_order) {
  Ingested in = to_records(small_document(), 42);
  std::vector<std::string> tables;
  for (const auto& r : in.rows) tables.push_back(r.table);
  std::vector<std::string> expected = {"tables", "columns", "columns", "rows", "cells", "cells",
                                       "rows", "projects", "indicators", "checks", "warnings"};
  EXPECT_EQ(tables, expected);
  EXPECT_EQ(in.info[2], Value{std::string("某局")});
  EXPECT_EQ(in.info[3], Value{std::int64_t{2025}});
  // cells: doc_id, table_no, row_no, table_kind, code, name, column_key, amount
  const auto& cell = in.rows[5].values;
  EXPECT_EQ(cell[3], Value{std::string("three_public")});
  EXPECT_EQ(cell[4], Value{});  // no code
  EXPECT_EQ(cell[6], Value{std::string("abroad")});
  EXPECT_EQ(cell[7], Value{std::string("123.45")});
  EXPECT_EQ(in.rows[0].values[8], Value{std::string("2,3")});            // pages
  EXPECT_EQ(in.rows[2].values[4], Value{std::string("“三公”经费/因公出国(境)费")});  // label path
}

TEST(batch_records_test, wire_round_trip_and_truncation) {
  Outcome o{true, "", "", to_records(small_document(), -7)};
  o.ingested.rows[0].values.push_back(1.5);
  std::string bytes = encode(o);
  auto back = decode(bytes);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->ok);
  EXPECT_EQ(back->ingested.info, o.ingested.info);
  ASSERT_EQ(back->ingested.rows.size(), o.ingested.rows.size());
  for (std::size_t i = 0; i < o.ingested.rows.size(); ++i) {
    EXPECT_EQ(back->ingested.rows[i].table, o.ingested.rows[i].table);
    EXPECT_EQ(back->ingested.rows[i].values, o.ingested.rows[i].values);
  }
  // A worker that dies mid-message is never half a document.
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(decode(bytes.substr(0, cut))) << cut;
  EXPECT_FALSE(decode(bytes + "x"));
  Outcome failed{false, "pdf.encrypted", "encrypted", {}};
  auto f = decode(encode(failed));
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->ok);
  EXPECT_EQ(f->error_code, "pdf.encrypted");
}

TEST(batch_records_test, shards_parse_and_partition) {
  EXPECT_EQ(parse_shard("2/8").index, 2);
  EXPECT_EQ(parse_shard("2/8").count, 8);
  for (const char* bad : {"8/8", "-1/4", "1/0", "x", "1/", "/3", "1/3x", "1 /3"})
    EXPECT_THROW(parse_shard(bad), Error) << bad;
  // Every id is in exactly one shard.
  for (std::int64_t id : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{123456789},
                          static_cast<std::int64_t>(0xba7816bf8f01cfeaULL)}) {
    int hits = 0;
    for (int k = 0; k < 5; ++k) hits += in_shard(id, Shard{k, 5});
    EXPECT_EQ(hits, 1) << id;
  }
}

}  // namespace
}  // namespace budget::batch
