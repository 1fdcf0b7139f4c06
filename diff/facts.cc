// Prose facts by section path and subject.
#include "diff/detail.h"

namespace budget::diff::detail {
namespace {

constexpr char kSep = '\x1f';

// The heading path as compared across years: numbers and years dropped
// ("十二、2017年部门政府采购预算情况说明" ~ "十二、部门政府采购预算情况说明").
std::string section_key(const Fact& f) {
  std::string key;
  for (const std::string& heading : f.section) key += match_title(heading) + kSep;
  return key;
}

bool same(const std::optional<Amount>& x, const std::optional<Amount>& y) {
  if (!x || !y) return !x && !y;
  return *x == *y;
}

bool same_figures(const Fact& x, const Fact& y) {
  return same(x.value, y.value) && x.unit == y.unit && same(x.change, y.change) &&
         same(x.change_pct, y.change_pct) && same(x.share_pct, y.share_pct);
}

FactChange change_of(std::string type, const Fact* x, const Fact* y) {
  const Fact& f = y ? *y : *x;
  FactChange c{std::move(type), f.section, f.subject, {}, {}, f.unit, {}, {}, {}, {}, {}, {}, {}, {}, f.text};
  if (x) {
    c.old_page = x->page;
    c.old_value = x->value;
    c.old_change = x->change;
    c.old_change_pct = x->change_pct;
    c.old_share_pct = x->share_pct;
  }
  if (y) {
    c.new_page = y->page;
    c.new_value = y->value;
    c.new_change = y->change;
    c.new_change_pct = y->change_pct;
    c.new_share_pct = y->share_pct;
  }
  return c;
}

}  // namespace

void compare_facts(const Document& a, const Document& b, Diff& d) {
  const auto& xs = a.facts;
  const auto& ys = b.facts;
  std::vector<int> pa(xs.size(), -1), pb(ys.size(), -1);
  auto in_section = [](const std::vector<Fact>& fs) {
    return [&fs](int i) {
      return std::optional<std::string>(section_key(fs[i]) + match_title(fs[i].subject));
    };
  };
  auto anywhere = [](const std::vector<Fact>& fs) {
    return [&fs](int i) { return std::optional<std::string>(match_title(fs[i].subject)); };
  };
  pair_by(pa, pb, in_section(xs), in_section(ys));
  pair_by(pa, pb, anywhere(xs), anywhere(ys), /*unique=*/true);
  for (std::size_t j = 0; j < ys.size(); ++j) {
    if (pb[j] < 0)
      d.facts.push_back(change_of("added", nullptr, &ys[j]));
    else if (!same_figures(xs[pb[j]], ys[j]))
      d.facts.push_back(change_of("changed", &xs[pb[j]], &ys[j]));
  }
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (pa[i] < 0) d.facts.push_back(change_of("removed", &xs[i], nullptr));
}

}  // namespace budget::diff::detail
