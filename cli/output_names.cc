#include "cli/output_names.h"

#include <filesystem>
#include <map>
#include <set>

namespace budget::cli {
namespace fs = std::filesystem;
namespace {

std::string stem_of(const std::string& input) {
  if (input == "-") return "stdin";
  std::string stem = fs::path(input).stem().string();
  return stem.empty() || stem == "." || stem == ".." ? "input" : stem;
}

// The folder holding the input ("samples/a/input.txt" -> "a"), or the stem
// when there is none.
std::string folder_of(const std::string& input) {
  fs::path parent = fs::path(input).parent_path().filename();
  std::string name = parent.string();
  return name.empty() || name == "." || name == ".." ? stem_of(input) : name;
}

}  // namespace

std::vector<std::string> output_names(const std::vector<std::string>& inputs, const std::string& extension) {
  std::map<std::string, int> stems;
  for (const auto& input : inputs) ++stems[stem_of(input)];
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const auto& input : inputs) {
    std::string base = stems[stem_of(input)] > 1 ? folder_of(input) : stem_of(input);
    std::string name = base + extension;
    for (int n = 2; taken.count(name); ++n) name = base + "-" + std::to_string(n) + extension;
    taken.insert(name);
    names.push_back(name);
  }
  return names;
}

}  // namespace budget::cli
