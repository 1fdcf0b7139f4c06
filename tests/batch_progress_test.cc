// The progress line and the final summary of a batch.
#include <gtest/gtest.h>

#include <sstream>

#include "batch/progress.h"

namespace budget::batch {
namespace {

TEST(batch_progress_test, summary_counts_failures_by_code) {
  Summary s;
  s.ok = 1990;
  s.failed = 7;
  s.failed_by_code = {{"worker.timeout", 2}, {"pdf.encrypted", 5}};
  s.skipped = 3;
  s.duplicates = 12;
  s.seconds = 85.24;
  EXPECT_EQ(format_summary(s),
            "budgetx: 2000 documents in 85.2 s: 1990 ok, 7 failed (pdf.encrypted 5, "
            "worker.timeout 2), 3 skipped (already in the database), 12 duplicate files\n");
}

TEST(batch_progress_test, one_line_on_a_terminal_nothing_elsewhere) {
  std::ostringstream tty, log;
  Summary s;
  s.ok = 3;
  s.failed = 1;
  Progress on(tty, true, 10), off(log, false, 10);
  on.update(s);
  off.update(s);
  on.update(s);  // within 200 ms of the last draw: not redrawn
  on.finish();
  std::string line = tty.str();
  EXPECT_EQ(line.rfind("\r\033[Kbudgetx: 4/10 documents, ", 0), 0u) << line;
  EXPECT_NE(line.find(" docs/s, ETA "), std::string::npos);
  EXPECT_NE(line.find(", 1 failed"), std::string::npos);
  EXPECT_EQ(line.find("budgetx:", 5), std::string::npos) << "drawn twice: " << line;
  EXPECT_EQ(line.substr(line.size() - 4), "\r\033[K");  // cleared for the summary
  EXPECT_EQ(log.str(), "");
}

}  // namespace
}  // namespace budget::batch
