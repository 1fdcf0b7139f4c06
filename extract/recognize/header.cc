#include "extract/recognize/header.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "extract/registry.h"
#include "normalize/numbers.h"
#include "normalize/text.h"

namespace budget::extract {
namespace {

struct Fragment {
  std::string key;  // "" for none
  bool known = false;
};

// "2025年合计" -> {"合计", 2025};  "2025年" -> {"年", 2025}; "2025预算数" -> {"预算数", 2025}.
std::string strip_year(const std::string& label, int& year) {
  static const RE2 kYear("^((?:19|20)[0-9]{2})(年度|年)?(.*)$", RE2::Quiet);
  std::string y, suffix, rest;
  year = 0;
  if (!RE2::FullMatch(label, kYear, &y, &suffix, &rest)) return label;
  year = std::stoi(y);
  return rest.empty() ? "年" : rest;
}

Fragment fragment_of(const std::string& label, bool leaf, int doc_year) {
  const Registry& reg = registry();
  int label_year = 0;
  std::string text = strip_year(label, label_year);
  auto f = reg.column_fragment(text);
  if (!f) return {"", reg.is_group_word(text) || !reg.side_of_label(text).empty()};
  if (leaf && label_year > 0 && doc_year > 0 && label_year < doc_year && f->key == "total")
    return {"prior_year", true};
  if (!leaf && !f->in_groups) return {"", true};
  return {f->key, true};
}

// Label path of each grid column: header rows top to bottom, a merged label
// covering the columns to its right that are empty in its row but labelled below.
std::vector<std::vector<std::string>> label_paths(const std::vector<GridRow>& rows, int ncols) {
  std::vector<std::vector<std::string>> grid(rows.size(), std::vector<std::string>(ncols));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (int c = 0; c < ncols && c < static_cast<int>(rows[r].cells.size()); ++c) {
      const GridCell& cell = rows[r].cells[c];
      std::string label = clean_label(cell.text);
      if (label.empty()) continue;
      for (int k = c; k < c + std::max(1, cell.span) && k < ncols; ++k) grid[r][k] = label;
    }
  }
  auto labelled_below = [&](std::size_t r, int c) {
    for (std::size_t b = r + 1; b < rows.size(); ++b)
      if (!clean_label(rows[b].cells[c].text).empty()) return true;
    return false;
  };
  // The item label (项目, 科目名称) printed below row r in column c, when an
  // earlier column prints it too: column c starts the second item list of a
  // side-by-side table.  A group label centred over that list without rules
  // (收入 over 项目 | 2025年, 支出 over 项目 | 合计 | …) lands right of the
  // list's first column; the one on the left never covers it.
  auto starts_second_list = [&](std::size_t r, int c) {
    for (std::size_t b = r + 1; b < rows.size(); ++b) {
      std::string below = clean_label(rows[b].cells[c].text);
      if (below.empty()) continue;
      if (!is_item_label(below)) return false;
      for (int k = 0; k < c; ++k)
        if (clean_label(rows[b].cells[k].text) == below) return true;
      return false;
    }
    return false;
  };
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (int c = 1; c < ncols; ++c) {
      bool own = !clean_label(rows[r].cells[c].text).empty();
      if (own || grid[r][c] != "" || grid[r][c - 1].empty()) continue;
      if (starts_second_list(r, c)) {
        bool next_own = c + 1 < ncols && !clean_label(rows[r].cells[c + 1].text).empty();
        if (next_own) grid[r][c] = clean_label(rows[r].cells[c + 1].text);
        continue;
      }
      // Only within the group above: 公务接待费 does not take the label of
      // the column left of it that belongs to 公务用车购置及运行费.
      bool same_group = r == 0 || grid[r - 1][c] == grid[r - 1][c - 1];
      if (same_group && labelled_below(r, c)) grid[r][c] = grid[r][c - 1];
    }
  }
  std::vector<std::vector<std::string>> paths(ncols);
  for (int c = 0; c < ncols; ++c)
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (!grid[r][c].empty() && (paths[c].empty() || paths[c].back() != grid[r][c] ||
                                  !clean_label(rows[r].cells[c].text).empty()))
        paths[c].push_back(grid[r][c]);
  return paths;
}

std::string key_of_path(const std::vector<std::string>& path, int doc_year, bool& mapped) {
  std::string key;
  mapped = false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    Fragment f = fragment_of(path[i], i + 1 == path.size(), doc_year);
    if (f.key.empty()) continue;
    if (!key.empty() && f.key == "total" && key.find('.') == std::string::npos &&
        key != "total")
      key += ".total";
    else if (key.empty())
      key = f.key;
    else if (f.key != key)
      key += "." + f.key;
    mapped = true;
  }
  return key;
}

bool starts_list(const std::string& key, const std::vector<LogicalColumn>& current) {
  bool has_name = false, has_code = false;
  for (const auto& c : current) {
    has_name |= c.column.key == "name";
    has_code |= c.column.key == "code";
  }
  if (key == "code") return has_name || has_code;
  if (key == "name") return has_name;
  return false;
}

}  // namespace

std::string clean_label(const std::string& text) {
  std::string s = normalize::fold_width(normalize::clean_text(text));
  static const RE2 kSpaces("\\s+|[:：]$", RE2::Quiet);
  RE2::GlobalReplace(&s, kSpaces, "");
  return s;
}

bool is_column_number_row(const GridRow& row) {
  int numbers = 0, others = 0;
  long expected = -1;
  bool sequential = true;
  for (const auto& cell : row.cells) {
    std::string s = clean_label(cell.text);
    if (s.empty()) continue;
    if (s == "栏次" || s == "甲" || s == "乙" || s == "丙") {
      ++others;
      continue;
    }
    static const RE2 kSmall("[0-9]{1,2}", RE2::Quiet);
    if (!RE2::FullMatch(s, kSmall)) return false;
    long v = std::stol(s);
    if (expected >= 0 && v != expected) sequential = false;
    expected = v + 1;
    ++numbers;
  }
  return numbers >= 2 && sequential;
}

bool is_item_label(const std::string& text) {
  auto f = registry().column_fragment(clean_label(text));
  return f && (f->key == "code" || f->key == "name" || f->key == "code_part");
}

int known_labels(const GridRow& row) {
  const Registry& reg = registry();
  int known = 0, filled = 0;
  for (const auto& cell : row.cells) {
    std::string s = clean_label(cell.text);
    if (s.empty()) continue;
    ++filled;
    // An amount, or a dash printed for a blank amount: a body line, never a
    // header (因公出国（境）费 | - | - names a row though its words are a label).
    if (normalize::parse_number(s).kind != normalize::ParsedNumber::invalid) return -1;
    int year = 0;
    std::string t = strip_year(s, year);
    if (reg.column_fragment(t) || reg.is_group_word(t) || !reg.side_of_label(t).empty()) ++known;
  }
  return filled > 0 ? known : -1;
}

bool looks_like_header_row(const GridRow& row) { return known_labels(row) > 0; }

bool is_label_row(const GridRow& row) { return known_labels(row) >= 0; }

HeaderLayout map_header(const std::vector<GridRow>& header_rows, int grid_columns, int year,
                        std::vector<Warning>& warnings) {
  HeaderLayout layout;
  auto paths = label_paths(header_rows, grid_columns);
  // A top label printed over item columns of its own (人员经费 over 科目编码 |
  // 科目名称 | 金额, 公用经费 beside it) titles an item list: it names the
  // list's side, not a part of its columns' keys.
  std::set<std::string> list_titles;
  for (const auto& path : paths)
    if (path.size() > 1 && is_item_label(path.back()) && !is_item_label(path.front()))
      list_titles.insert(path.front());
  std::vector<LogicalColumn> current;
  std::vector<std::vector<LogicalColumn>> lists;
  for (int c = 0; c < grid_columns; ++c) {
    if (paths[c].empty()) {
      // No header of its own right of a name column: the name label covers it
      // (项目名称 merged over two columns of nested item names).
      if (!current.empty() && current.back().column.key == "name" &&
          current.back().grid_cols.back() == c - 1)
        current.back().grid_cols.push_back(c);
      continue;  // elsewhere a column with no header: nothing printed there
    }
    LogicalColumn col;
    col.column.label = paths[c];
    std::vector<std::string> key_path = paths[c];
    if (key_path.size() > 1 && list_titles.count(key_path.front())) key_path.erase(key_path.begin());
    col.column.key = key_of_path(key_path, year, col.mapped);
    col.grid_cols = {c};
    if (col.column.key == "name" && !current.empty() && current.back().column.key == "name" &&
        current.back().column.label == col.column.label && current.back().grid_cols.back() == c - 1) {
      current.back().grid_cols.push_back(c);  // one name label spanning two columns of nested names
      continue;
    }
    if (col.column.key == "code_part") {
      // 类/款/项 printed as separate columns: one code column, labelled by
      // the words above the parts (科目编码).
      LogicalColumn* prev = current.empty() ? nullptr : &current.back();
      if (prev && prev->column.key == "code" && prev->grid_cols.back() == c - 1 &&
          prev->column.label.back() != col.column.label.back()) {
        prev->grid_cols.push_back(c);
        continue;
      }
      col.column.key = "code";
      if (col.column.label.size() > 1) col.column.label.pop_back();
    }
    if (starts_list(col.column.key, current) && !current.empty()) {
      lists.push_back(std::move(current));
      current.clear();
    }
    current.push_back(std::move(col));
  }
  if (!current.empty()) lists.push_back(std::move(current));

  layout.lists = static_cast<int>(lists.size());
  const char* const kDefaultSides[] = {"income", "expenditure", "purpose"};
  for (std::size_t l = 0; l < lists.size(); ++l) {
    std::string side;
    if (lists.size() > 1) {
      // The most specific label naming a side: 支出 / 支出用途 -> purpose.
      const auto& path = lists[l].front().column.label;
      for (auto it = path.rbegin(); it != path.rend() && side.empty(); ++it)
        side = registry().side_of_label(*it);
      // A list titled by what it spends (人员经费 | 公用经费) is that side.
      if (side.empty() && list_titles.count(path.front())) {
        auto f = registry().column_fragment(clean_label(path.front()));
        const auto& sides = registry().words("list_sides");
        if (f && std::find(sides.begin(), sides.end(), f->key) != sides.end()) side = f->key;
      }
      if (side.empty()) side = kDefaultSides[std::min<std::size_t>(l, 2)];
    }
    std::map<std::string, int> seen;
    for (auto& col : lists[l]) {
      col.list = static_cast<int>(l);
      col.column.side = side;
      if (col.column.key.empty()) {
        col.mapped = false;
        col.column.key = "col_" + std::to_string(layout.columns.size() + 1);
        warnings.push_back({"unmapped_column", std::nullopt,
                            "column '" + [&] {
                              std::string j;
                              for (const auto& p : col.column.label) j += (j.empty() ? "" : "/") + p;
                              return j;
                            }() + "' has no known key; named " + col.column.key});
      }
      int n = ++seen[col.column.key];
      if (n > 1) col.column.key += "_" + std::to_string(n);
      layout.columns.push_back(std::move(col));
    }
  }
  return layout;
}

}  // namespace budget::extract
