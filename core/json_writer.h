// core/json_writer.h — the deterministic pretty-printer behind every JSON
// budgetx writes (the document, the diff): members in the order written,
// amounts as exact decimal literals, UTF-8 kept, 2-space indentation.
//
//   JsonWriter w;
//   w.begin_object(); w.text("schema", "budget-diff/1"); w.amount("old", Amount{150, 1});
//   w.end_object();
//   w.finish() -> "{\n  \"schema\": \"budget-diff/1\",\n  \"old\": 15\n}\n"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/amount.h"
#include "core/document_json.h"

namespace budget {

// Streaming pretty-printer: objects and arrays one member per line, lists of
// scalars (labels, pages) on one line, empty containers as {} and [].
// `key` names the member inside an object and is ignored inside an array.
class JsonWriter {
 public:
  void begin_object(std::string_view key = {}) { open(key, '{'); }
  void end_object() { close('}'); }
  void begin_array(std::string_view key = {}) { open(key, '['); }
  void end_array() { close(']'); }

  void text(std::string_view key, std::string_view value) { scalar(key, json_quote(value)); }
  void optional_text(std::string_view key, const std::optional<std::string>& value) {
    scalar(key, value ? json_quote(*value) : "null");
  }
  // An empty string is written as null (a row's `side` outside side-by-side tables).
  void text_or_null(std::string_view key, std::string_view value) {
    scalar(key, value.empty() ? "null" : json_quote(value));
  }
  void integer(std::string_view key, int value) { scalar(key, std::to_string(value)); }
  void integer(std::string_view key, const std::optional<int>& value) {
    scalar(key, value ? std::to_string(*value) : "null");
  }
  void amount(std::string_view key, const Amount& value) { scalar(key, value.to_string()); }
  void amount(std::string_view key, const std::optional<Amount>& value) {
    scalar(key, value ? value->to_string() : "null");
  }
  void boolean(std::string_view key, bool value) { scalar(key, value ? "true" : "false"); }

  void text_list(std::string_view key, const std::vector<std::string>& values) {
    std::string line = "[";
    for (size_t i = 0; i < values.size(); ++i) line += (i ? ", " : "") + json_quote(values[i]);
    scalar(key, line + "]");
  }
  void integer_list(std::string_view key, const std::vector<int>& values) {
    std::string line = "[";
    for (size_t i = 0; i < values.size(); ++i) line += (i ? ", " : "") + std::to_string(values[i]);
    scalar(key, line + "]");
  }

  // A number or other JSON literal written as given ("6.50", "true").
  void literal(std::string_view key, std::string_view json) { scalar(key, json); }

  // The finished document with its final newline.
  std::string finish() { return out_ + "\n"; }

 private:
  // Starts a member (in an object, with its key) or an element (in an array).
  void prefix(std::string_view key) {
    if (open_.empty()) return;
    if (open_.back().members++ > 0) out_ += ',';
    newline();
    if (open_.back().is_object) out_ += json_quote(key) + ": ";
  }
  void newline() {
    out_ += '\n';
    out_.append(open_.size() * 2, ' ');  // 2-space indentation
  }
  void scalar(std::string_view key, std::string_view literal) {
    prefix(key);
    out_ += literal;
  }
  void open(std::string_view key, char bracket) {
    prefix(key);
    out_ += bracket;
    open_.push_back({bracket == '{', 0});
  }
  void close(char bracket) {
    bool empty = open_.back().members == 0;
    open_.pop_back();
    if (!empty) newline();
    out_ += bracket;
  }

  struct Container {
    bool is_object;
    int members;  // written so far
  };
  std::string out_;
  std::vector<Container> open_;
};

}  // namespace budget
