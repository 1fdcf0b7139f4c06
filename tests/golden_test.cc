// Golden tests: every samples/<case>/input.* extracts to samples/<case>/expected.json.
// BUDGET_UPDATE_GOLDEN=1 rewrites the expected files (review the git diff).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/document_json.h"
#include "disclosure/disclosure.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

fs::path input_of(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().stem() == "input") return e.path();
  return {};
}

// Every samples/<case>/ holding an input.* (its expected.json must be there too).
std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(BUDGET_SOURCE_DIR) / "samples"))
    if (e.is_directory() && !input_of(e.path()).empty()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The first JSON pointer where two documents differ, for a readable failure.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b) {
  nlohmann::json patch = nlohmann::json::diff(a, b);
  return patch.empty() ? "" : patch.front().dump();
}

}  // namespace

TEST(golden_test, samples_extract_to_expected_json) {
  auto dirs = cases();
  ASSERT_FALSE(dirs.empty()) << "no samples/*/input.*";
  bool update = std::getenv("BUDGET_UPDATE_GOLDEN") != nullptr;
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    fs::path input = input_of(dir);
    budget::Document doc = budget::disclosure::read(input.string());
    std::string actual = budget::to_json(doc);
    if (update) {
      std::ofstream(dir / "expected.json", std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(dir / "expected.json"))
        << "no expected.json: run with BUDGET_UPDATE_GOLDEN=1 and review it";
    auto expected = nlohmann::json::parse(slurp(dir / "expected.json"));
    auto got = nlohmann::json::parse(actual);
    EXPECT_EQ(expected, got) << "first difference: " << first_difference(expected, got);
  }
}

TEST(golden_test, extraction_is_byte_identical_on_rerun) {
  for (const auto& dir : cases()) {
    fs::path input = input_of(dir);
    std::string a = budget::to_json(budget::disclosure::read(input.string()));
    std::string b = budget::to_json(budget::disclosure::read(input.string()));
    EXPECT_EQ(a, b) << dir;
  }
}
