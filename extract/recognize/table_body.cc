#include "extract/recognize/table_body.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/recognize/titles.h"
#include "extract/registry.h"
#include "normalize/numbers.h"
#include "normalize/text.h"

namespace budget::extract {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains_any(const std::string& s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return s.find(w) != std::string::npos; });
}

std::string cell_text(const GridRow& line, int c) {
  return c < static_cast<int>(line.cells.size()) ? line.cells[c].text : "";
}

std::string digits_only(const std::string& s) {
  std::string folded = normalize::fold_width(s), out;
  for (char ch : folded)
    if (ch >= '0' && ch <= '9') out += ch;
  return out;
}

bool has_box(const Box& b) { return b.x1 > b.x0 && b.y1 > b.y0; }

Box unite(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// The union of the boxes of grid columns `cols` of `line` (only the cells
// that print something when `printed_only`); nullopt when none has a box
// (text input).
std::optional<Box> cells_box(const GridRow& line, const std::vector<int>& cols, bool printed_only) {
  std::optional<Box> out;
  for (int c : cols) {
    if (c >= static_cast<int>(line.cells.size())) continue;
    const GridCell& cell = line.cells[c];
    if (!has_box(cell.box) || (printed_only && cell_text(line, c).empty())) continue;
    out = out ? unite(*out, cell.box) : cell.box;
  }
  return out;
}

// The digits of a code cell.  A code printed in its parts with spaces keeps
// two digits per part after the 3-digit class: "301 2" (津贴补贴) is 30102,
// "208 05 01" is 2080501; other spaces are only dropped.
std::string code_digits(const std::string& cell) {
  static const RE2 kParts("([0-9]{3})((?: +[0-9]{1,2})+)", RE2::Quiet);
  std::string head, tail;
  if (!RE2::FullMatch(cell, kParts, &head, &tail)) return digits_only(cell);
  std::string code = head, part;
  for (char ch : tail + " ") {
    if (ch != ' ') {
      part += ch;
    } else if (!part.empty()) {
      code += (part.size() == 1 ? "0" : "") + part;
      part.clear();
    }
  }
  return code;
}

// A code cell holds digits only (spaces allowed); split 类 / 款 / 项 columns
// are joined.  A line printing only its own part (款 01 under 类 205) takes
// the parts left of it from the last line that printed them:
// 205 | | ; | 01 | ; | | 02  ->  205, 20501, 2050102.
std::string read_code(const GridRow& line, const LogicalColumn& col, std::vector<std::string>& parts_above) {
  std::vector<std::string> parts(col.grid_cols.size());
  int first = -1;
  for (std::size_t i = 0; i < col.grid_cols.size(); ++i) {
    std::string t = normalize::fold_width(cell_text(line, col.grid_cols[i]));
    static const RE2 kCode("[0-9 ]+", RE2::Quiet);
    if (t.empty()) continue;
    if (!RE2::FullMatch(t, kCode)) return "";
    parts[i] = code_digits(t);
    if (first < 0) first = static_cast<int>(i);
  }
  if (first < 0) return "";
  if (col.grid_cols.size() > 1 && static_cast<int>(parts_above.size()) >= first)
    for (int i = 0; i < first; ++i) parts[i] = parts_above[i];
  std::string code;
  for (const auto& p : parts) code += p;
  if (col.grid_cols.size() > 1) {
    while (!parts.empty() && parts.back().empty()) parts.pop_back();
    parts_above = parts;
  }
  return code;
}

// The grid column whose cell prints the text of column c (c itself, or the
// covering cell of an earlier list), or -1 when nothing covers it.
int covering_column(const GridRow& line, int c, int list_start) {
  if (!cell_text(line, c).empty()) return c;
  for (int k = c - 1; k >= 0; --k) {
    if (cell_text(line, k).empty()) continue;
    return k < list_start && k + line.cells[k].span > c ? k : -1;
  }
  return -1;
}

// The text of grid column c, or of a printed cell of an earlier item list
// (left of `list_start`) whose span covers it: 支出合计 printed once across
// the 功能分类 and 支出用途 lists names the line in both.
std::string covering_text(const GridRow& line, int c, int list_start) {
  int k = covering_column(line, c, list_start);
  return k < 0 ? "" : cell_text(line, k);
}

// The item name of a line.  A name column printed over several grid columns
// (项目名称 over 一般公共预算资金 | 小计, then | 公共财政拨款资金) names the line
// by its innermost entry; a group's own line names the group, not its 小计.
// `depth` is the 0-based position of that entry among the columns.
std::string read_name(const GridRow& line, const LogicalColumn& col, int list_start, int& depth) {
  std::string name;
  depth = 0;
  for (std::size_t i = 0; i < col.grid_cols.size(); ++i) {
    std::string t = covering_text(line, col.grid_cols[i], list_start);
    if (!t.empty() && (name.empty() || !is_total_name(t))) name = t, depth = static_cast<int>(i);
  }
  return name;
}

// Provenance of a row of one item list: its box is the union of the list's
// cells on the line (and of the cell of an earlier list that prints its
// name, 支出合计 across two lists); each printed cell keeps its own box by
// key, the name the box of the one cell it was read from.
void record_boxes(const GridRow& line, const HeaderLayout& header, int list, int list_start, Row& row) {
  std::vector<int> all;
  for (const auto& col : header.columns) {
    if (col.list != list) continue;
    all.insert(all.end(), col.grid_cols.begin(), col.grid_cols.end());
    const std::string& key = col.column.key;
    std::optional<Box> box;
    if (key == "name") {
      int depth = 0;
      if (read_name(line, col, list_start, depth).empty()) continue;
      int source = covering_column(line, col.grid_cols[depth], list_start);
      if (source < 0) continue;
      if (source != col.grid_cols[depth]) all.push_back(source);
      box = cells_box(line, {source}, true);
    } else if (key == "code" || row.value(key) ||
               std::any_of(row.text_fields.begin(), row.text_fields.end(),
                           [&](const auto& f) { return f.first == key; })) {
      box = cells_box(line, col.grid_cols, true);
    }
    if (box) row.cell_boxes.emplace_back(key, *box);
  }
  row.box = cells_box(line, all, false);
}

// A unit (not a project) in a project or operating-expenses table: named
// like an organisation, or the document's entity itself.
bool is_unit_name(const std::string& name, const std::string& entity) {
  const Registry& reg = registry();
  if (!entity.empty() && name.rfind(entity, 0) == 0) return true;
  if (contains_any(name, reg.words("not_unit_words"))) return false;
  for (const auto& s : reg.words("unit_name_suffixes"))
    if (ends_with(name, s)) return true;
  return false;
}

bool is_sub_item_marker(const std::string& ordinal) {
  static const RE2 kCircled("^[①-⑳]$|^[(（][0-9]+[)）]$", RE2::Quiet);
  return RE2::FullMatch(ordinal, kCircled);
}

}  // namespace

bool is_total_name(const std::string& name) {
  const auto& words = registry().words("total_words");
  for (const auto& w : words)
    if (name == w || ends_with(name, w)) return true;
  return false;
}

std::pair<std::string, std::string> split_ordinal(const std::string& name) {
  static const RE2 kOrdinal(
      "^\\s*(?:([一二三四五六七八九十]+)\\s*[、.．]|[(（]\\s*([一二三四五六七八九十]+)\\s*[)）]|"
      "([①-⑳])|([0-9]{1,2})\\s*[、．.]|[(（]\\s*([0-9]{1,2})\\s*[)）])\\s*(.+)$",
      RE2::Quiet);
  std::string a, b, c, d, e, rest;
  // "1.5万元以下" is no ordinal: an ASCII dot between digits is a decimal point.
  static const RE2 kDecimal("^\\s*[0-9]+\\.[0-9]", RE2::Quiet);
  if (RE2::FullMatch(name, kOrdinal, &a, &b, &c, &d, &e, &rest) && !RE2::PartialMatch(name, kDecimal)) {
    std::string ord = !a.empty() ? a : !b.empty() ? b : !c.empty() ? c : !d.empty() ? d : e;
    return {ord, rest};
  }
  return {"", name};
}

void read_body_line(const GridRow& line, const HeaderLayout& header, BodyContext& ctx,
                    std::vector<Row>& rows, std::vector<Warning>& warnings) {
  for (int l = 0; l < header.lists; ++l) {
    int list_start = -1;  // the list's first grid column
    for (const auto& col : header.columns)
      if (col.list == l && list_start < 0) list_start = col.grid_cols.front();
    Row row;
    row.page = line.page > 0 ? std::optional<int>(line.page) : std::nullopt;
    bool printed = false;
    for (const auto& col : header.columns) {
      if (col.list != l) continue;
      const std::string& key = col.column.key;
      row.side = col.column.side;
      if (key == "code") {
        std::string code = read_code(line, col, ctx.code_parts[l]);
        if (!code.empty()) row.code = code, printed = true;
        else if (!cell_text(line, col.grid_cols[0]).empty())
          row.name = cell_text(line, col.grid_cols[0]), printed = true;  // a total printed in the code column
        continue;
      }
      if (key == "name") {
        int depth = 0;
        std::string name = read_name(line, col, list_start, depth);
        if (!name.empty()) row.name = row.name.empty() ? name : row.name + name, printed = true;
        if (col.grid_cols.size() > 1) row.level = depth + 1;  // nesting shown by the column
        continue;
      }
      std::string text = cell_text(line, col.grid_cols[0]);
      if (text.empty()) continue;
      printed = true;
      if (registry().is_text_key(key)) {  // words, even when they look like numbers (序号 1)
        row.text_fields.emplace_back(key, text);
        continue;
      }
      // An unmapped column (col_N) keeps amounts as values and words as fields.
      auto parsed = normalize::parse_number(text);
      if (parsed.kind == normalize::ParsedNumber::number)
        row.values.emplace_back(key, normalize::to_yuan(parsed.value, ctx.unit_exponent));
      else if (parsed.kind == normalize::ParsedNumber::invalid && !col.mapped)
        row.text_fields.emplace_back(key, text);
      else if (parsed.kind == normalize::ParsedNumber::invalid)
        warnings.push_back({"unparsed_number", row.page, "'" + text + "' in column " + key});
    }
    if (!printed) continue;
    // Tables without a name column (政府采购: 品目 | 专项 | 采购物品) are named
    // by their most specific text on the line.
    bool has_name_column = std::any_of(header.columns.begin(), header.columns.end(), [&](const LogicalColumn& c) {
      return c.list == l && (c.column.key == "name" || c.column.key == "code");
    });
    // The most specific of the naming columns (品目, 专项名称, 采购物品名称),
    // never a method or subject column printed beside it (政府集中采购);
    // failing those, the last text printed.
    if (!has_name_column && row.name.empty() && !row.text_fields.empty()) {
      const Registry& reg = registry();
      auto naming = std::find_if(row.text_fields.rbegin(), row.text_fields.rend(),
                                 [&](const auto& f) { return reg.names_rows(f.first); });
      bool by_naming_column = naming != row.text_fields.rend();
      const auto& field = by_naming_column ? *naming : row.text_fields.back();
      row.name = field.second;
      // Its depth: which of the naming columns (品目 1, 专项 2, 物品 3) names
      // it, or stands left of the column that does (经济科目 beside 专项: 2).
      row.level = 0;
      for (const auto& col : header.columns) {
        if (col.list != l) continue;
        if (reg.names_rows(col.column.key) || (!by_naming_column && reg.is_text_key(col.column.key) &&
                                               row.level == 0))
          ++row.level;
        if (col.column.key == field.first) break;
      }
      row.level = std::max(row.level, 1);
    }
    auto [ordinal, name] = split_ordinal(row.name);
    if (!ordinal.empty()) row.ordinal = ordinal, row.name = name;
    record_boxes(line, header, l, list_start, row);
    rows.push_back(std::move(row));
  }
}

void assign_levels(std::vector<Row>& rows, const std::string& table_kind, const std::string& entity) {
  const Registry& reg = registry();
  const auto& econ = reg.words("econ_categories");
  bool project_like = table_kind.rfind("project_expenditure", 0) == 0 ||
                      table_kind.rfind("operating_expenses", 0) == 0;
  // Per item list: items seen, and a total seen after them (lines below it
  // — 上年结转, 收入总计 — are level 0 like the totals); whether an item with
  // a Chinese ordinal (一、财政拨款) came first, so 1.一般公共预算 is below it.
  std::map<std::string, bool> items_seen, after_total, chinese_ordinal;
  for (auto& row : rows) {
    const std::string& side = row.side;
    if ((is_total_name(row.name) && !row.code) || after_total[side]) {
      row.level = 0;
      if (items_seen[side]) after_total[side] = true;
      continue;
    }
    items_seen[side] = true;
    if (row.code) {
      std::size_t n = row.code->size();
      row.level = n <= 3 ? 1 : n <= 5 ? 2 : n <= 7 ? 3 : 4;
    } else if (row.ordinal && is_sub_item_marker(*row.ordinal)) {
      row.level = 2;
    } else if (row.ordinal && chinese_number(*row.ordinal)) {
      row.level = 1;
      chinese_ordinal[side] = true;
    } else if (row.ordinal && std::isdigit(static_cast<unsigned char>(row.ordinal->front())) &&
               chinese_ordinal[side]) {
      row.level = 2;
    } else if (table_kind.rfind("general_public_basic", 0) == 0 ||
               table_kind.rfind("appropriation_basic", 0) == 0) {
      row.level = std::find(econ.begin(), econ.end(), row.name) != econ.end() ? 1 : 2;
    } else if (project_like) {
      row.level = is_unit_name(row.name, entity) ? 1 : 2;
    } else {
      row.level = std::max(row.level, 1);  // a depth read from nested name columns stays
    }
  }
}

}  // namespace budget::extract
