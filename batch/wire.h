// batch/wire.h — a worker's result, as bytes from the worker process to the
// writer (a pipe).  Length-prefixed, little effort to parse, and complete or
// nothing: decode() refuses a truncated message, so a worker that dies while
// writing is seen as failed, never as half a document.
//
//   std::string bytes = encode(outcome);   // in the worker
//   std::optional<Outcome> o = decode(bytes);   // in the writer
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "batch/records.h"

namespace budget::batch {

// What one worker reports about one document.
struct Outcome {
  bool ok = false;
  std::string error_code;     // budget::Error codes, "worker.crashed", …
  std::string error_message;
  Ingested ingested;          // empty when !ok
};

std::string encode(const Outcome& outcome);
// nullopt when the bytes are not exactly one whole message.
std::optional<Outcome> decode(std::string_view bytes);

}  // namespace budget::batch
