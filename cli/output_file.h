// cli/output_file.h — writing an output without ever losing data.
//
//   write_output("out/a.json", json, input_ids);
//
// - A regular file (or a new name) is written to a temporary file unique to
//   this process, created with mkstemp beside the target, flushed to disk
//   and renamed over the target in one step: a reader sees the previous
//   output or the new one, never half of one.  On a failure, SIGINT or
//   SIGTERM the temporary file is removed; one left by a process killed
//   with SIGKILL is removed by the next run writing to the same folder.
// - A character device or FIFO (-o /dev/stdout, -o a FIFO) is written
//   directly, never replaced by a file; a FIFO with no reader is an error,
//   not a hang.  Anything else that is not a regular file is refused.
// - A target that is one of the inputs (same device and inode, however it
//   is named: a link, ./x, a symlink) is refused, never opened.
// Throws budget::Error ("output.is_input", "output.not_regular",
// "output.unwritable").
#pragma once

#include <string>
#include <vector>

#include "cli/input_file.h"

namespace budget::cli {

void write_output(const std::string& path, const std::string& content, const std::vector<FileId>& inputs);

// Installs the SIGINT/SIGTERM handler that removes the temporary file being
// written, then lets the signal end the process as it would have.
void remove_temporary_files_on_signals();

}  // namespace budget::cli
