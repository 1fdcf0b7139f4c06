// Every input a fuzz target once crashed on (fuzz/regressions/<target>/,
// see fuzz/run.sh) replayed through the same function in the ordinary build:
// each must now be answered without a crash (under the sanitizer build of
// .ci/run, without a sanitizer report either).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "fuzz/fuzz_inputs.h"

namespace fs = std::filesystem;

namespace budget::fuzz {
namespace {

int replay(const std::string& target, const std::function<void(std::string_view)>& run) {
  fs::path dir = fs::path(BUDGET_SOURCE_DIR) / "fuzz" / "regressions" / target;
  int n = 0;
  if (!fs::is_directory(dir)) return n;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream f(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << f.rdbuf();
    SCOPED_TRACE(entry.path().string());
    run(bytes.str());
    ++n;
  }
  return n;
}

TEST(fuzz_regression_test, text_reader) { replay("text_reader", text_input); }
TEST(fuzz_regression_test, pdf_reader) { replay("pdf_reader", pdf_input); }
TEST(fuzz_regression_test, numbers) { EXPECT_GE(replay("numbers", number_input), 1); }

}  // namespace
}  // namespace budget::fuzz
