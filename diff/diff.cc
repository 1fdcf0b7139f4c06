#include "diff/diff.h"

#include <map>

#include "checks/detail.h"
#include "diff/detail.h"
#include "normalize/text.h"

namespace budget::diff {
namespace {

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

bool smaller_than(const Amount& size, const std::optional<Amount>& limit) {
  return limit && size < *limit;
}

DocSummary summary_of(const Document& d) {
  return {d.source.file,     d.source.sha256,    d.source.format, d.document.title,
          d.document.entity, d.document.kind,    d.document.scope, d.document.fiscal_year};
}

// --min-change: the small cell, fund and fact changes go.
void apply_filter(Diff& d) {
  const auto& limit = d.min_change;
  if (!limit) return;
  auto small_cell = [&](const CellChange& c) {
    return !c.old_text && !c.new_text && smaller_than(magnitude(c.old_value, c.new_value), limit);
  };
  d.cells.erase(std::remove_if(d.cells.begin(), d.cells.end(), small_cell), d.cells.end());
  auto small_fund = [&](const FundChange& f) {
    return smaller_than(magnitude(f.old_value, f.new_value), limit);
  };
  d.funds.erase(std::remove_if(d.funds.begin(), d.funds.end(), small_fund), d.funds.end());
  auto small_fact = [&](const FactChange& f) {
    return f.type == "changed" && f.unit == "元" && f.old_value && f.new_value &&
           smaller_than(magnitude(f.old_value, f.new_value), limit);
  };
  d.facts.erase(std::remove_if(d.facts.begin(), d.facts.end(), small_fact), d.facts.end());
}

}  // namespace

bool Diff::empty() const {
  return table_changes.empty() && columns.empty() && rows.empty() && cells.empty() &&
         projects.empty() && funds.empty() && indicators.empty() && facts.empty();
}

std::optional<Amount> difference(const std::optional<Amount>& old_value,
                                 const std::optional<Amount>& new_value) {
  if (!old_value || !new_value) return std::nullopt;
  return (*new_value - *old_value).normalized();
}

std::optional<Amount> change_pct(const std::optional<Amount>& old_value,
                                 const std::optional<Amount>& new_value) {
  if (!old_value || !new_value || *old_value == Amount{}) return std::nullopt;
  Amount delta = *new_value - *old_value;
  int s = std::max(delta.scale, old_value->scale);
  __int128 num = static_cast<__int128>(delta.units) * pow10(s - delta.scale) * 100 * 100;
  __int128 den = static_cast<__int128>(old_value->units) * pow10(s - old_value->scale);
  if (den < 0) den = -den;
  __int128 q = num / den, r = num % den;
  if (2 * (r < 0 ? -r : r) >= den) q += num < 0 ? -1 : 1;
  return Amount{static_cast<std::int64_t>(q), 2};
}

Amount magnitude(const std::optional<Amount>& old_value, const std::optional<Amount>& new_value) {
  if (old_value && new_value) return (*new_value - *old_value).abs();
  if (old_value) return old_value->abs();
  if (new_value) return new_value->abs();
  return Amount{};
}

Diff compare(const Document& old_doc, const Document& new_doc, const Options& options) {
  Diff d;
  d.old_doc = summary_of(old_doc);
  d.new_doc = summary_of(new_doc);
  d.min_change = options.min_change;
  d.headline = detail::headline(old_doc, new_doc);
  // Tables first: their alignment is the bulk of the change list.
  detail::compare_tables(old_doc, new_doc, d);
  detail::compare_projects(old_doc, new_doc, d);
  detail::compare_facts(old_doc, new_doc, d);
  // The prose's own account of the year's changes, against OLD's figures.
  d.prose_checks = detail::check_prose_changes(old_doc, new_doc);
  apply_filter(d);
  return d;
}

namespace detail {
namespace {

// "1.一般公共预算资金", "（一）…", "一、…", "①…": an ordinal some prints keep in the name.
std::string without_ordinal(std::string s) {
  std::u32string u = normalize::to_u32(s);
  std::size_t i = 0;
  bool paren = i < u.size() && u[i] == U'(';
  if (paren) ++i;
  std::size_t start = i;
  while (i < u.size() && ((u[i] >= U'0' && u[i] <= U'9') ||
                          std::u32string_view(U"一二三四五六七八九十").find(u[i]) != std::u32string_view::npos))
    ++i;
  if (i > start && i < u.size() &&
      (paren ? u[i] == U')' : (u[i] == U'.' || u[i] == U'、' || u[i] == U'．')))
    return normalize::to_utf8(u.substr(i + 1));
  if (!u.empty() && u[0] >= U'①' && u[0] <= U'⑳') return normalize::to_utf8(u.substr(1));
  return s;
}

}  // namespace

std::string match_name(std::string_view name) {
  std::string out = without_ordinal(checks::detail::normalize_name(name));
  for (const char* noise : {"(类)", "(款)", "(项)", "“", "”", "\"", "‘", "’"})
    for (std::size_t at; (at = out.find(noise)) != std::string::npos;)
      out.erase(at, std::string_view(noise).size());
  return out;
}

std::string match_title(std::string_view title) {
  std::u32string out;
  for (char32_t c : normalize::to_u32(match_name(title))) {
    bool ordinal = std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
    if ((c >= U'0' && c <= U'9') || ordinal || c == U'年' || c == U'度' || c == U'、' ||
        c == U'.' || c == U'第' || c == U'表' || c == U'附')
      continue;
    out += c;
  }
  return normalize::to_utf8(out);
}

void pair_by(std::vector<int>& pair_a, std::vector<int>& pair_b, const KeyFn& key_a,
             const KeyFn& key_b, bool unique) {
  std::map<std::string, std::vector<int>> free_a, free_b;
  for (int i = 0; i < static_cast<int>(pair_a.size()); ++i)
    if (pair_a[i] < 0)
      if (auto k = key_a(i)) free_a[*k].push_back(i);
  for (int j = 0; j < static_cast<int>(pair_b.size()); ++j)
    if (pair_b[j] < 0)
      if (auto k = key_b(j)) free_b[*k].push_back(j);
  for (const auto& [key, as] : free_a) {
    auto it = free_b.find(key);
    if (it == free_b.end()) continue;
    const std::vector<int>& bs = it->second;
    if (unique && (as.size() != 1 || bs.size() != 1)) continue;
    for (std::size_t k = 0; k < as.size() && k < bs.size(); ++k) {
      pair_a[as[k]] = bs[k];
      pair_b[bs[k]] = as[k];
    }
  }
}

}  // namespace detail
}  // namespace budget::diff
