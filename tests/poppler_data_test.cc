// PDFs whose CJK fonts are not embedded (reportlab's STSong-Light, many
// office exports) have their text mapped to Unicode through the CMaps of
// Debian's poppler-data package.  Without it such a PDF reads as "no text",
// which looks like a scanned document: this test names the missing package
// instead.  The second test shows the check failing when Poppler is pointed
// at an empty data folder (without uninstalling anything).
#include <GlobalParams.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/error.h"
#include "extract/pipeline.h"

namespace {

const std::string kNonEmbeddedCjk = std::string(BUDGET_SOURCE_DIR) + "/samples/seed-reportlab/input.pdf";

// "" when CJK text is mapped, else what to install.
std::string cjk_mapping_problem() {
  const std::string install =
      "CJK text of PDFs with non-embedded fonts cannot be mapped to Unicode: install the Debian "
      "package poppler-data (setup.sh does)";
  try {
    budget::Document doc = budget::extract::extract_file(kNonEmbeddedCjk);
    if (doc.document.entity.empty() || doc.tables.empty()) return install + " (no entity or tables read)";
  } catch (const budget::Error& e) {
    return install + " (" + e.code() + ": " + e.what() + ")";
  }
  return "";
}

TEST(poppler_data_test, cjk_text_of_non_embedded_fonts_is_mapped) {
  std::string problem = cjk_mapping_problem();
  EXPECT_TRUE(problem.empty()) << problem;
}

TEST(poppler_data_test, the_check_names_the_package_when_the_data_is_missing) {
  std::filesystem::path empty = std::filesystem::temp_directory_path() / "budgetx_no_poppler_data";
  std::filesystem::create_directories(empty);
  // A death test runs in a child process, so the global Poppler state of the
  // other tests is untouched.
  EXPECT_EXIT(
      {
        globalParams = std::make_unique<GlobalParams>(empty.c_str());
        std::string problem = cjk_mapping_problem();
        std::fprintf(stderr, "%s\n", problem.c_str());
        std::exit(problem.empty() ? 1 : 0);
      },
      ::testing::ExitedWithCode(0), "install the Debian package poppler-data");
}

}  // namespace
