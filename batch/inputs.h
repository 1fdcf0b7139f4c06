// batch/inputs.h — which files a batch reads, and their content hashes.
//
//   find_inputs({"corpus/", "extra.pdf"}, "")  -> every .pdf and .txt under corpus/
//                                                (recursive), and extra.pdf
//   find_inputs({}, "list.txt")                 -> the paths in list.txt, one a line
//   find_inputs({}, "-")                        -> the same, read from standard input
// The result is sorted and without repeats, so every run (and every Slurm
// shard) sees the same order.  A named file is taken whatever its extension;
// in directories only .pdf and .txt files (any case) are.  A path that does
// not exist throws budget::Error("input.missing").
//
//   sha256_file("a.pdf") -> "9f86d0…" (64 lowercase hex digits; OpenSSL's EVP)
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace budget::batch {

std::vector<std::string> find_inputs(const std::vector<std::string>& args,
                                     const std::string& from_list, std::istream& stdin_stream);

// Throws budget::Error("input.unreadable") when the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace budget::batch
