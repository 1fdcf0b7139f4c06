#include "extract/text_reader.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "extract/registry.h"
#include "extract/text_lines.h"

namespace budget::extract {
namespace {

// A watermark in the text form is a short standalone line printed over and
// over, several times in a row (the PDF's tiled stamp, flattened).  Lines
// such as 单位：万元 repeat too, but never back to back.
constexpr int kWatermarkMinRepeats = 4;
constexpr std::size_t kWatermarkMaxBytes = 60;

// The lines with text.  Blank lines are dropped here: nothing downstream
// reads them (they neither end a grid nor separate a split unit line), and
// keeping them would cost a std::string per newline — a file of newlines
// would take tens of bytes of memory per input byte.
std::vector<std::string> nonblank_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank_line(line)) lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

// Texts of the standalone lines that are watermarks: repeated at least
// kWatermarkMinRepeats times, at least once directly after themselves
// (blank lines between them do not count).
std::map<std::string, int> find_watermarks(const std::vector<std::string>& lines) {
  std::map<std::string, int> count, adjacent;
  std::string previous;
  for (const auto& raw : lines) {
    if (is_blank_line(raw)) continue;
    std::string line = trim_line(raw);
    bool standalone = raw.find('\t') == std::string::npos && line.size() <= kWatermarkMaxBytes;
    if (standalone) {
      ++count[line];
      if (line == previous) ++adjacent[line];
    }
    previous = standalone ? line : std::string();
  }
  std::map<std::string, int> marks;
  for (const auto& [text, n] : count)
    if (n >= kWatermarkMinRepeats && adjacent[text] > 0) marks[text] = n;
  return marks;
}

// Removes the registry's stamp phrases (仅供内部审核, 征求意见稿, …) printed
// inside a line — a table cell or a paragraph the stamp fell into.
int strip_stamp_phrases(std::string& line) {
  int n = 0;
  for (const auto& phrase : registry().words("watermark_phrases")) {
    for (std::size_t at; (at = line.find(phrase)) != std::string::npos; ++n) line.erase(at, phrase.size());
  }
  return n;
}

}  // namespace

LayoutDocument read_text(std::string_view text) {
  if (text.size() > kMaxTextBytes)
    throw Error("text.too_large", "text of " + std::to_string(text.size() >> 20) + " MiB, more than the " +
                                      std::to_string(kMaxTextBytes >> 20) + " MiB budgetx reads as text");
  LayoutDocument doc;
  doc.format = "text";
  std::vector<std::string> lines = nonblank_lines(text);
  std::map<std::string, int> marks = find_watermarks(lines);
  int removed = 0;
  std::vector<std::string> kept;
  for (auto& line : lines) {
    if (!is_blank_line(line) && marks.count(trim_line(line))) {
      ++removed;
      continue;
    }
    bool had_text = !is_blank_line(line);
    removed += strip_stamp_phrases(line);
    if (had_text && is_blank_line(line)) continue;  // the line was only the stamp
    kept.push_back(std::move(line));
  }
  if (removed > 0)
    doc.notes.push_back({"watermark_removed", 0,
                         std::to_string(removed) + " watermark lines or stamps removed"});
  doc.blocks = text_lines_to_blocks(kept);
  return doc;
}

}  // namespace budget::extract
