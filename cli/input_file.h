// cli/input_file.h — the bytes of one input as the command line names it: a
// file, a FIFO or device, or "-" for standard input.
//
//   InputFile in = read_input("doc.pdf");       // in.bytes, in.name "doc.pdf"
//   InputFile in = read_input("-");             // standard input, name "stdin"
//
// Bounded like a PDF: at most kMaxInputBytes, and a stream (FIFO, pipe,
// terminal, stdin) that sends nothing for kIdleSeconds is given up on rather
// than waited for forever — a FIFO nobody writes to, or `budgetx extract -`
// run with nothing piped in.  Throws budget::Error ("input.unreadable",
// "input.too_large", "input.stalled").
#pragma once

#include <sys/types.h>

#include <string>

namespace budget::cli {

constexpr unsigned long long kMaxInputBytes = 512ull << 20;
constexpr int kIdleSeconds = 30;

struct InputFile {
  std::string bytes;
  std::string name;  // the file name the JSON records (source.file): base name, or "stdin"
};

InputFile read_input(const std::string& path, int idle_seconds = kIdleSeconds);

// The identity of a file (device and inode, following links), to tell
// whether an output path is one of the inputs.  {0, 0} when it does not exist.
struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileId& o) const { return device == o.device && inode == o.inode; }
  explicit operator bool() const { return device != 0 || inode != 0; }
};
FileId file_id(const std::string& path);

}  // namespace budget::cli
