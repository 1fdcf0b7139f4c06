// The budgetx release version, one place for the CLI's --version, the JSON's
// producer field and the batch database (the contract's version is
// kSchemaName in core/document.h).
#pragma once

namespace budget {

// From project(VERSION) in the top CMakeLists.txt (a compile definition of
// budget::core), so a release bump is one edit.
inline constexpr const char* kBudgetxVersion = BUDGETX_VERSION;

}  // namespace budget
