// fuzz/fuzz_inputs.h — what each fuzz target does with one input, as plain
// functions: the libFuzzer targets call them, and tests/fuzz_regression_test
// replays every saved finding (fuzz/regressions/<target>/) through them in
// the ordinary build, so a crash once found stays fixed.
//
// Each returns normally for any bytes; a budget::Error (bad input) is caught.
#pragma once

#include <string_view>

namespace budget::fuzz {

// Decoding (UTF-8, UTF-16, GB18030), the text reader, recognition, checks.
void text_input(std::string_view bytes);
// Poppler and the PDF reader, recognition, checks (tight page/time limits).
void pdf_input(std::string_view bytes);
// Amounts and their conversion to 元, percentages, unit lines, targets.
void number_input(std::string_view text);

}  // namespace budget::fuzz
