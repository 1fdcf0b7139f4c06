// extract/registry.h — the table-kind registry (schemas/table_kinds.json),
// parsed once.
//
//   const Registry& r = registry();
//   r.kind_of_title("2025年预算支出总表")              -> "expenditure_summary"
//   r.kind_of_title("2024年一般公共预算财政拨款支出决算表") -> "general_public_expenditure_final"
//   r.record_of_title("项目支出绩效目标表")             -> "project_performance"
//   r.column_fragment("因公出国(境)费")                 -> {"abroad", keep in groups}
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace budget::extract {

struct WordRule {
  std::string name;                 // kind, record or side it names
  std::vector<std::string> all, any, none;
  bool first_named = false;  // competes with other such rules by where its word appears
  bool matches(const std::string& text) const;
  // Byte offset of the first of its words found in text (npos if none).
  std::size_t position_in(const std::string& text) const;
};

struct ColumnFragment {
  std::string key;
  bool in_groups = true;  // false: the label gives its key only as a column's lowest label
  bool text = false;      // the column holds words (row fields), not amounts
  // In tables without a name column (政府采购), its words name the row
  // (采购物品名称, 专项名称), unlike a method or subject column beside them.
  bool names_rows = false;
};

class Registry {
 public:
  // Kind of a table title (already cleaned: no spaces, year, ordinal), or
  // nullopt when no rule matches.
  std::optional<std::string> kind_of_title(const std::string& title) const;
  // Non-table record a title introduces (performance target forms), or nullopt.
  std::optional<std::string> record_of_title(const std::string& title) const;
  // Key fragment of one cleaned header label; nullopt if the label is unknown.
  std::optional<ColumnFragment> column_fragment(const std::string& label) const;
  bool is_group_word(const std::string& label) const;
  // True if a column key names a text column (gov_econ_name, remark, …).
  bool is_text_key(const std::string& key) const;
  // True if a text column's words name the rows of a table without a name column.
  bool names_rows(const std::string& key) const;
  // Side of an item list from its top header label ("收入" -> income).
  std::string side_of_label(const std::string& label) const;
  // A top-level word list of the registry ("total_words", "econ_categories",
  // "unit_name_suffixes", "not_unit_words", "no_data_phrases", "list_sides":
  // the column keys that may name a side-by-side list); empty if absent.
  const std::vector<std::string>& words(const std::string& list) const;

  static Registry parse(const std::string& json_text);

 private:
  std::vector<std::string> final_words_;
  std::vector<WordRule> kinds_, records_, sides_;
  struct ColumnEntry {
    ColumnFragment fragment;
    std::vector<std::string> labels;
    std::vector<std::shared_ptr<const re2::RE2>> patterns;  // compiled once, when parsed
  };
  std::vector<ColumnEntry> columns_;
  std::vector<std::string> group_words_;
  std::map<std::string, std::vector<std::string>> word_lists_;
};

// The registry compiled into the binary.
const Registry& registry();

}  // namespace budget::extract
