// The budgetx job as a user runs it: batches go on past bad files, errors are
// one line each, outputs are whole files, reruns are byte-identical.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/job.h"

namespace fs = std::filesystem;

namespace budget::cli {
namespace {

const fs::path kSamples = fs::path(BUDGET_SOURCE_DIR) / "samples";

fs::path scratch_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("budgetx_cli_test_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write_file(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(cli_test, bad_inputs_get_one_line_each_and_a_failing_status) {
  fs::path dir = scratch_dir("bad");
  struct Case {
    std::string name, bytes, code;
  };
  const Case kCases[] = {
      {"empty.txt", "", "input.empty"},
      {"binary.bin", std::string("\x00\x01\x02\x03garbage", 11), "input.not_text"},
      {"note.txt", "a shopping list: apples, pears\n", "input.not_disclosure"},
      {"truncated.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "pdf."},
  };
  for (const auto& c : kCases) {
    write_file(dir / c.name, c.bytes);
    Job job;
    job.command = "extract";
    job.inputs = {(dir / c.name).string()};
    job.output = (dir / (c.name + ".json")).string();
    std::ostringstream out, err;
    EXPECT_EQ(job.run(out, err), kExitFailed) << c.name;
    EXPECT_EQ(count_lines(err.str()), 1) << err.str();
    EXPECT_NE(err.str().find(c.code), std::string::npos) << err.str();
    EXPECT_FALSE(fs::exists(job.output)) << "no output file for a failed input";
    EXPECT_FALSE(fs::exists(job.output + ".part"));
  }
}

TEST(cli_test, missing_file_and_directory_are_errors) {
  fs::path dir = scratch_dir("missing");
  for (const auto& input : {(dir / "nope.pdf").string(), dir.string()}) {
    Job job;
    job.command = "extract";
    job.inputs = {input};
    std::ostringstream out, err;
    EXPECT_EQ(job.run(out, err), kExitFailed) << input;
    EXPECT_TRUE(out.str().empty());
    EXPECT_EQ(count_lines(err.str()), 1) << err.str();
  }
}

TEST(cli_test, batch_goes_on_past_a_bad_file_and_keeps_what_is_done) {
  fs::path dir = scratch_dir("batch");
  write_file(dir / "broken.pdf", "%PDF-1.4 not really");
  Job job;
  job.command = "extract";
  job.inputs = {(kSamples / "seed-text" / "input.txt").string(), (dir / "broken.pdf").string(),
                (kSamples / "dev-text" / "input.txt").string()};
  job.output = (dir / "out").string() + "/";
  std::ostringstream out, err;
  EXPECT_EQ(job.run(out, err), kExitFailed);
  // Outputs named after their folders, since both inputs are called input.txt.
  EXPECT_TRUE(fs::exists(dir / "out" / "seed-text.json"));
  EXPECT_TRUE(fs::exists(dir / "out" / "dev-text.json"));
  EXPECT_FALSE(fs::exists(dir / "out" / "broken.json"));
  // Two summary lines and one error line.
  EXPECT_EQ(count_lines(err.str()), 3) << err.str();
  EXPECT_NE(err.str().find("broken.pdf"), std::string::npos);
}

TEST(cli_test, line_item_formats_and_reruns_are_identical) {
  fs::path dir = scratch_dir("formats");
  for (const std::string format : {"json", "items-csv", "items-jsonl"}) {
    std::string first;
    for (int run = 0; run < 2; ++run) {
      Job job;
      job.command = "extract";
      job.format = format;
      job.inputs = {(kSamples / "seed-text" / "input.txt").string()};
      std::ostringstream out, err;
      ASSERT_EQ(job.run(out, err), kExitOk) << err.str();
      if (run == 0) first = out.str();
      else EXPECT_EQ(first, out.str()) << format;
    }
    if (format == "items-csv")
      EXPECT_EQ(first.substr(0, first.find('\n')),
                "doc,entity,fiscal_year,doc_kind,table_kind,table_ordinal,side,row_code,row_name,"
                "row_ordinal,column,column_label,value,unit_printed,page");
  }
}

TEST(cli_test, check_reports_and_fails_only_when_asked) {
  for (bool fail_on_error : {false, true}) {
    Job job;
    job.command = "check";
    job.fail_on_error = fail_on_error;
    job.inputs = {(kSamples / "seed-text" / "input.txt").string()};
    std::ostringstream out, err;
    // The seed has two real findings (a project with no 绩效目标表, one without annual funds).
    EXPECT_EQ(job.run(out, err), fail_on_error ? kExitCheckFailed : kExitOk);
    EXPECT_NE(out.str().find("project_funds_match"), std::string::npos) << out.str();
  }
}

}  // namespace
}  // namespace budget::cli
