// cli/output_names.h — the file each input's output goes to inside an -o
// directory: the input's name with the format's extension, made unique.
//
//   output_names({"a/x.pdf", "b/y.txt"}, ".json")          -> {"x.json", "y.json"}
//   output_names({"a/input.txt", "b/input.txt"}, ".json")  -> {"a.json", "b.json"}   (shared stem: the folder's name)
//   output_names({"a/input.txt", "a/input.pdf"}, ".json")  -> {"a.json", "a-2.json"} (still the same: numbered)
//   output_names({"-"}, ".json")                           -> {"stdin.json"}
// Names follow the order of the inputs, so a rerun gives the same names; two
// inputs never write to one file.
#pragma once

#include <string>
#include <vector>

namespace budget::cli {

std::vector<std::string> output_names(const std::vector<std::string>& inputs, const std::string& extension);

}  // namespace budget::cli
