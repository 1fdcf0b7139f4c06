#include "extract/registry.h"

#include <re2/re2.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schemas/embedded_data.h"

namespace budget::extract {
namespace {

bool contains(const std::string& text, const std::string& word) {
  return text.find(word) != std::string::npos;
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return {};
  return j.at(key).get<std::vector<std::string>>();
}

std::vector<WordRule> word_rules(const nlohmann::json& list, const char* name_key) {
  std::vector<WordRule> rules;
  for (const auto& j : list)
    rules.push_back({j.at(name_key).get<std::string>(), strings(j, "all"), strings(j, "any"),
                     strings(j, "none"), j.value("first_named", false)});
  return rules;
}

}  // namespace

bool WordRule::matches(const std::string& text) const {
  for (const auto& w : all)
    if (!contains(text, w)) return false;
  for (const auto& w : none)
    if (contains(text, w)) return false;
  return any.empty() ||
         std::any_of(any.begin(), any.end(), [&](const std::string& w) { return contains(text, w); });
}

std::size_t WordRule::position_in(const std::string& text) const {
  std::size_t best = std::string::npos;
  for (const auto* words : {&all, &any})
    for (const auto& w : *words) best = std::min(best, text.find(w));
  return best;
}

Registry Registry::parse(const std::string& json_text) {
  auto j = nlohmann::json::parse(json_text);
  Registry r;
  r.final_words_ = strings(j, "final_words");
  r.kinds_ = word_rules(j.at("kinds"), "kind");
  r.records_ = word_rules(j.at("record_titles"), "record");
  r.sides_ = word_rules(j.at("side_words"), "side");
  for (const auto& c : j.at("columns")) {
    ColumnEntry e;
    e.fragment.key = c.at("key").get<std::string>();
    e.fragment.in_groups = c.value("group", "keep") != "drop";
    e.fragment.text = c.value("text", false);
    e.fragment.names_rows = c.value("names_rows", false);
    e.labels = strings(c, "labels");
    for (const auto& pattern : strings(c, "patterns"))
      e.patterns.push_back(std::make_shared<const RE2>(pattern, RE2::Quiet));
    r.columns_.push_back(std::move(e));
  }
  r.group_words_ = strings(j, "group_words");
  for (const auto& [name, value] : j.items())
    if (value.is_array() && !value.empty() && value.front().is_string())
      r.word_lists_[name] = value.get<std::vector<std::string>>();
  return r;
}

std::optional<std::string> Registry::kind_of_title(const std::string& title) const {
  for (auto it = kinds_.begin(); it != kinds_.end(); ++it) {
    if (!it->matches(title)) continue;
    const WordRule* rule = &*it;
    if (rule->first_named)
      for (const auto& other : kinds_)
        if (other.first_named && other.matches(title) &&
            other.position_in(title) < rule->position_in(title))
          rule = &other;
    bool final = std::any_of(final_words_.begin(), final_words_.end(),
                             [&](const std::string& w) { return contains(title, w); });
    return final ? rule->name + "_final" : rule->name;
  }
  return std::nullopt;
}

std::optional<std::string> Registry::record_of_title(const std::string& title) const {
  for (const auto& rule : records_)
    if (rule.matches(title)) return rule.name;
  return std::nullopt;
}

std::optional<ColumnFragment> Registry::column_fragment(const std::string& label) const {
  for (const auto& e : columns_)
    if (std::find(e.labels.begin(), e.labels.end(), label) != e.labels.end()) return e.fragment;
  for (const auto& e : columns_)
    for (const auto& p : e.patterns)
      if (RE2::FullMatch(label, *p)) return e.fragment;
  return std::nullopt;
}

bool Registry::is_text_key(const std::string& key) const {
  return std::any_of(columns_.begin(), columns_.end(),
                     [&](const ColumnEntry& e) { return e.fragment.text && e.fragment.key == key; });
}

bool Registry::names_rows(const std::string& key) const {
  return std::any_of(columns_.begin(), columns_.end(),
                     [&](const ColumnEntry& e) { return e.fragment.names_rows && e.fragment.key == key; });
}

bool Registry::is_group_word(const std::string& label) const {
  return std::find(group_words_.begin(), group_words_.end(), label) != group_words_.end();
}

std::string Registry::side_of_label(const std::string& label) const {
  for (const auto& rule : sides_)
    if (rule.matches(label)) return rule.name;
  return "";
}

const std::vector<std::string>& Registry::words(const std::string& list) const {
  static const std::vector<std::string> kNone;
  auto it = word_lists_.find(list);
  return it == word_lists_.end() ? kNone : it->second;
}

const Registry& registry() {
  static const Registry r = Registry::parse(schemas::table_kinds_json());
  return r;
}

}  // namespace budget::extract
