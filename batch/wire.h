// batch/wire.h — a worker's result, as bytes from the worker process to the
// writer (a pipe).  Length-prefixed, little effort to parse, and complete or
// nothing: decode() refuses a truncated message, so a worker that dies while
// writing is seen as failed, never as half a document.
//
//   std::string bytes = encode(outcome);   // in the worker
//   std::optional<Outcome> o = decode(bytes);   // in the writer
#pragma once

#include <cstdint>
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

// Framing on a pipe that carries many messages: an 8-byte length, then the
// message.  framed("abc") -> "\x03\0\0\0\0\0\0\0abc";  take_frame(buffer)
// removes and returns the first whole message of `buffer`, nullopt while it
// holds only part of one.
std::string framed(std::string_view message);
std::optional<std::string> take_frame(std::string& buffer);

// What the writer asks a worker: one document.  doc_id, sha256 and path.
std::string encode_task(std::int64_t doc_id, const std::string& sha256, const std::string& path);
bool decode_task(std::string_view bytes, std::int64_t& doc_id, std::string& sha256, std::string& path);

}  // namespace budget::batch
