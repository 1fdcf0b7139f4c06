#include "report/check_cells.h"

#include <string_view>

namespace budget::report {
namespace {

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  for (std::size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + sep.size()))
    out.push_back(s.substr(0, at));
  out.push_back(s);
  return out;
}

// A row as checks/detail.cc names it: "CODE NAME", "NAME", or "(row)".
std::string row_label(const Row& row) {
  std::string name = row.name.empty() ? "(row)" : row.name;
  return row.code ? *row.code + " " + name : name;
}

// One figure "TITLE / [side] LABEL / KEY" → its cell, if it names one.
bool resolve(const Document& doc, std::string_view piece, const std::optional<int>& page,
             CellRef& out) {
  // Tables whose title starts the piece, the longest title first (one title
  // may begin another); within them, the row with that label and side.
  int best_title = -1;
  for (std::size_t t = 0; t < doc.tables.size(); ++t) {
    const std::string& title = doc.tables[t].title;
    if (title.empty() || piece.size() <= title.size() + 3 || piece.substr(0, title.size()) != title ||
        piece.substr(title.size(), 3) != " / ")
      continue;
    best_title = std::max(best_title, static_cast<int>(title.size()));
  }
  if (best_title < 0) return false;
  std::string_view rest = piece.substr(best_title + 3);
  std::string side;
  if (!rest.empty() && rest.front() == '[') {
    std::size_t close = rest.find("] ");
    if (close == std::string_view::npos) return false;
    side = std::string(rest.substr(1, close - 1));
    rest.remove_prefix(close + 2);
  }
  std::string_view label = rest, key;
  std::size_t slash = rest.rfind(" / ");
  if (slash != std::string_view::npos) label = rest.substr(0, slash), key = rest.substr(slash + 3);
  bool found = false;
  for (std::size_t t = 0; t < doc.tables.size(); ++t) {
    const Table& table = doc.tables[t];
    if (static_cast<int>(table.title.size()) != best_title || piece.substr(0, best_title) != table.title)
      continue;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      if (row.side != side || row_label(row) != label) continue;
      bool better = !found || (page && row.page == page && doc.tables[out.table].rows[out.row].page != page);
      if (better) out = {static_cast<int>(t), static_cast<int>(r), std::string(key)};
      found = true;
    }
  }
  return found;
}

}  // namespace

std::vector<CellRef> cells_of(const Document& doc, const CheckResult& result) {
  std::string_view where = result.where;
  std::vector<std::string_view> pieces;
  std::size_t share = where.find(" (share of ");
  std::string_view base;
  if (share != std::string_view::npos && where.back() == ')') {
    base = where.substr(share + 11, where.size() - share - 12);
    where = where.substr(0, share);
  }
  for (std::string_view side : split(where, " vs "))
    for (std::string_view piece : split(side, " + ")) pieces.push_back(piece);
  if (!base.empty()) pieces.push_back(base);
  std::vector<CellRef> cells;
  for (std::string_view piece : pieces) {
    CellRef cell;
    if (resolve(doc, piece, result.page, cell)) cells.push_back(cell);
  }
  return cells;
}

}  // namespace budget::report
