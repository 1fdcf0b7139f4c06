#include "extract/recognize/contents.h"

#include <re2/re2.h>

#include <algorithm>

#include "normalize/text.h"

namespace budget::extract {
namespace {

// "title ...... 5": the title before a dot leader (…, ·, ., 。 runs) and a page number.
std::optional<TitleInfo> contents_entry(const std::string& line) {
  static const RE2 kEntry("^(.+?)\\s*(?:\\.{3,}|…+|·{3,}|。{3,})[.…·。\\s]*[0-9]+\\s*$", RE2::Quiet);
  std::string title;
  if (!RE2::FullMatch(normalize::fold_width(line), kEntry, &title)) return std::nullopt;
  auto info = parse_title(title);
  if (!info || info->kind.empty()) return std::nullopt;
  return info;
}

}  // namespace

std::vector<TitleInfo> contents_tables(const std::vector<Block>& blocks) {
  std::vector<TitleInfo> listed;
  auto take = [&](const std::string& text) {
    if (auto info = contents_entry(text)) listed.push_back(*info);
  };
  for (const Block& b : blocks) {
    if (b.kind != BlockKind::grid) {
      take(b.text);
      continue;
    }
    for (const GridRow& row : b.rows) {
      std::string line;
      for (const GridCell& c : row.cells) line += c.text + " ";
      take(line);
    }
  }
  return listed;
}

std::vector<Warning> unprinted_tables(const std::vector<TitleInfo>& listed,
                                      const std::vector<Table>& tables) {
  std::vector<Warning> out;
  if (tables.empty()) return out;
  std::vector<std::string> reported;
  for (const TitleInfo& entry : listed) {
    bool printed = std::any_of(tables.begin(), tables.end(),
                               [&](const Table& t) { return t.kind == entry.kind; });
    if (printed || std::count(reported.begin(), reported.end(), entry.kind)) continue;
    reported.push_back(entry.kind);
    out.push_back({"table_not_printed", std::nullopt,
                   "the contents list '" + entry.title + "' (" + entry.kind +
                       ") but the document prints no such table"});
  }
  return out;
}

}  // namespace budget::extract
