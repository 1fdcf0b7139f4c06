// diff/detail.h — what the parts of compare() share.  Not part of the public
// surface (diff/diff.h is).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff.h"

namespace budget::diff::detail {

// A name as compared across documents: spaces removed, full-width ASCII
// folded, quotes and the (类)/(款)/(项) markers dropped.
//   match_name("住房改革支出（款）住房公积金（项）") -> "住房改革支出住房公积金"
std::string match_name(std::string_view name);

// A title or heading as compared across years: match_name without digits,
// 年度/年 and ordinals (表三, 一、 …).
//   match_title("2018年度一般公共预算支出表") == match_title("2017年一般公共预算支出表")
std::string match_title(std::string_view title);

// Pairs the items of two lists.  `key_a(i)` / `key_b(j)` give an item's key
// (nullopt: the item takes no part).  Only unpaired items are considered; the
// k-th item with a key is paired with the k-th of the other list with the same
// key, or, with `unique`, only keys held by exactly one item on each side.
// pair_a[i] is the index paired with a's i-th item, or -1 (pair_b likewise).
using KeyFn = std::function<std::optional<std::string>(int)>;
void pair_by(std::vector<int>& pair_a, std::vector<int>& pair_b, const KeyFn& key_a,
             const KeyFn& key_b, bool unique = false);

// The parts of compare().
void compare_tables(const Document& a, const Document& b, Diff& d);
void compare_projects(const Document& a, const Document& b, Diff& d);
void compare_facts(const Document& a, const Document& b, Diff& d);
std::vector<Headline> headline(const Document& a, const Document& b);
std::vector<ProseCheck> check_prose_changes(const Document& a, const Document& b);

}  // namespace budget::diff::detail
