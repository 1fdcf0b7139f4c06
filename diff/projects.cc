// Projects by name; their funds by scope and key; indicators by scope,
// level1, level2 and name.
#include "diff/detail.h"

namespace budget::diff::detail {
namespace {

constexpr char kSep = '\x1f';

using FundField = std::optional<Amount> FundSplit::*;
const std::pair<const char*, FundField> kFundFields[] = {
    {"total", &FundSplit::total},         {"central", &FundSplit::central},
    {"provincial", &FundSplit::provincial}, {"local", &FundSplit::local},
    {"self_raised", &FundSplit::self_raised}, {"other", &FundSplit::other},
    {"fiscal", &FundSplit::fiscal},       {"current_year", &FundSplit::current_year},
    {"carryover", &FundSplit::carryover},
};

void compare_funds(const Project& x, const Project& y, Diff& d) {
  for (const char* scope : {"period", "annual"}) {
    const FundSplit& fx = std::string(scope) == "period" ? x.funds_period : x.funds_annual;
    const FundSplit& fy = std::string(scope) == "period" ? y.funds_period : y.funds_annual;
    for (const auto& [key, field] : kFundFields) {
      const auto& old_value = fx.*field;
      const auto& new_value = fy.*field;
      if (old_value == new_value) continue;
      if (old_value && new_value && *old_value == *new_value) continue;
      d.funds.push_back({y.name, x.page, y.page, scope, key, old_value, new_value});
    }
  }
}

std::string indicator_key(const Indicator& i) {
  return i.scope + kSep + match_name(i.level1) + kSep + match_name(i.level2) + kSep +
         match_name(i.name);
}

void compare_indicators(const Project& x, const Project& y, Diff& d) {
  const auto& ix = x.indicators;
  const auto& iy = y.indicators;
  std::vector<int> pa(ix.size(), -1), pb(iy.size(), -1);
  pair_by(
      pa, pb, [&](int i) { return std::optional<std::string>(indicator_key(ix[i])); },
      [&](int j) { return std::optional<std::string>(indicator_key(iy[j])); });
  for (std::size_t j = 0; j < iy.size(); ++j) {
    const Indicator& n = iy[j];
    if (pb[j] < 0) {
      d.indicators.push_back({"added", y.name, n.scope, n.level1, n.level2, n.name, {}, n.value});
    } else if (match_name(ix[pb[j]].value) != match_name(n.value)) {
      d.indicators.push_back(
          {"changed", y.name, n.scope, n.level1, n.level2, n.name, ix[pb[j]].value, n.value});
    }
  }
  for (std::size_t i = 0; i < ix.size(); ++i) {
    const Indicator& o = ix[i];
    if (pa[i] < 0)
      d.indicators.push_back({"removed", x.name, o.scope, o.level1, o.level2, o.name, o.value, {}});
  }
}

}  // namespace

void compare_projects(const Document& a, const Document& b, Diff& d) {
  const auto& xs = a.projects;
  const auto& ys = b.projects;
  std::vector<int> pa(xs.size(), -1), pb(ys.size(), -1);
  pair_by(
      pa, pb, [&](int i) { return std::optional<std::string>(match_name(xs[i].name)); },
      [&](int j) { return std::optional<std::string>(match_name(ys[j].name)); });
  for (std::size_t j = 0; j < ys.size(); ++j) {
    if (pb[j] < 0) {
      d.projects.push_back({"added", ys[j].name, ys[j].page, ys[j].funds_annual.total});
      continue;
    }
    compare_funds(xs[pb[j]], ys[j], d);
    compare_indicators(xs[pb[j]], ys[j], d);
  }
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (pa[i] < 0) d.projects.push_back({"removed", xs[i].name, xs[i].page, xs[i].funds_annual.total});
}

}  // namespace budget::diff::detail
