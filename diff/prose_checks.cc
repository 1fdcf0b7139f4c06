// NEW's prose account of the year's changes against OLD's own figures.
//
// A NEW fact stating its value and a change (比上年增加 X 万元, 增长 Y%) implies
// last year's figure: value − change.  That figure is looked up in OLD the way
// `budgetx check` looks up a prose figure in its own document (the rule
// fact_matches_table, run on OLD with the implied figure as its prose), else
// in OLD's prose under the same subject.  Tolerances follow checks/RULES.md:
// the rounding of every printed figure involved, (n − 1) × half a unit for n
// roundings; a percentage gets one unit of its last printed digit more.
#include "checks/checks.h"
#include "checks/detail.h"
#include "diff/detail.h"

namespace budget::diff::detail {
namespace {

using checks::detail::contains;
using checks::detail::Figure;
using checks::detail::half_unit;
using checks::detail::unit_exponent;

// Subjects that name a change or another year rather than a figure
// (本年数小于上年预算数, 增加基本支出): their value is not this year's figure.
bool names_a_change(const std::string& subject) {
  for (const char* word : {"上年", "增加", "减少", "增长", "下降", "降低", "小于", "大于", "持平"})
    if (contains(subject, word)) return true;
  return false;
}

// A change stated against the budget (决算: 比年初预算增加) is not a change
// from last year.
bool against_the_budget(const std::string& text) {
  return contains(text, "年初预算") || contains(text, "调整预算") || contains(text, "全年预算");
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

Amount precision(const Amount& printed) { return half_unit({printed}, unit_exponent("万元")); }

// OLD's figure for a NEW fact, where it is printed.
struct OldFigure {
  Amount value;
  std::string where;
  Amount tolerance;  // of the figure against one printed value of it
};

class OldFigures {
 public:
  explicit OldFigures(const Document& old_doc) : probe_(old_doc) { probe_.facts.clear(); }

  std::optional<OldFigure> find(const Fact& fact, const Amount& implied, int new_year,
                                int old_year) {
    // As a table figure of OLD, through the fact rule of `budgetx check`.
    Fact f = fact;
    f.subject = replace_all(f.subject, std::to_string(new_year), std::to_string(old_year));
    f.value = implied;
    f.change.reset();
    f.change_pct.reset();
    f.share_pct.reset();
    probe_.facts = {f};
    std::vector<CheckResult> r = checks::fact_matches_table(probe_);
    if (!r.empty() && r[0].expected)
      return OldFigure{*r[0].expected, r[0].where.substr(r[0].where.find(" vs ") + 4),
                       r[0].tolerance.value_or(Amount{})};
    return std::nullopt;
  }

 private:
  Document probe_;
};

// OLD's prose figure with the same subject (and heading, when several).
std::optional<OldFigure> old_fact(const Document& old_doc, const Fact& fact) {
  const Fact* found = nullptr;
  int count = 0;
  for (const Fact& f : old_doc.facts)
    if (f.value && f.unit == "元" && match_title(f.subject) == match_title(fact.subject)) {
      found = found ? found : &f;
      ++count;
    }
  if (count != 1) return std::nullopt;
  return OldFigure{*found->value, "prose: " + found->subject, precision(*found->value)};
}

ProseCheck check_one(const Fact& y, const OldFigure& old) {
  ProseCheck c;
  c.section = y.section;
  c.subject = y.subject;
  c.page = y.page;
  c.text = y.text;
  c.old_where = old.where;
  c.new_value = *y.value;
  c.old_value = old.value;
  Amount expected = (*y.value - old.value).normalized();
  // The figure's rounding against OLD's, plus NEW's value and its change.
  Amount h = precision(*y.value);
  Amount change_tol = (old.tolerance + h).normalized();
  bool ok = true;
  if (y.change) {
    c.stated_change = y.change->normalized();
    c.expected_change = expected;
    c.change_difference = (*y.change - expected).normalized();
    c.change_tolerance = change_tol;
    ok &= c.change_difference->abs() <= change_tol;
  }
  if (y.change_pct) {
    c.stated_pct = y.change_pct->normalized();
    c.expected_pct = change_pct(old.value, *y.value);
    if (c.expected_pct) {
      // One unit of the printed percentage, and what the figures' rounding
      // moves the ratio by.
      Amount unit{1, c.stated_pct->scale};
      Amount slack = change_pct(old.value.abs(), old.value.abs() + change_tol + h).value_or(Amount{});
      c.pct_tolerance = (unit + slack + Amount{1, 2}).normalized();
      c.pct_difference = (*c.stated_pct - *c.expected_pct).normalized();
      ok &= c.pct_difference->abs() <= *c.pct_tolerance;
    }
  }
  c.status = ok ? "pass" : "fail";
  if (!ok)
    c.message = "the prose states a change of " +
                (c.stated_change ? c.stated_change->to_string() + " 元" : std::string()) +
                (c.stated_change && c.stated_pct ? " / " : "") +
                (c.stated_pct ? c.stated_pct->to_string() + "%" : std::string()) + "; " +
                old.where + " gives " + expected.to_string() + " 元" +
                (c.expected_pct ? " / " + c.expected_pct->to_string() + "%" : std::string());
  return c;
}

}  // namespace

std::vector<ProseCheck> check_prose_changes(const Document& a, const Document& b) {
  std::vector<ProseCheck> out;
  const auto& old_info = a.document;
  const auto& new_info = b.document;
  // "比上年" speaks of last year's document of the same kind.
  if (!old_info.fiscal_year || !new_info.fiscal_year ||
      *old_info.fiscal_year + 1 != *new_info.fiscal_year ||
      (!old_info.kind.empty() && !new_info.kind.empty() && old_info.kind != new_info.kind))
    return out;
  OldFigures figures(a);
  for (const Fact& y : b.facts) {
    if (!y.value || y.unit != "元" || (!y.change && !y.change_pct)) continue;
    if (names_a_change(y.subject) || against_the_budget(y.text)) continue;
    Amount implied = y.change ? *y.value - *y.change : *y.value;
    std::optional<OldFigure> old =
        figures.find(y, implied, *new_info.fiscal_year, *old_info.fiscal_year);
    if (!old) old = old_fact(a, y);
    if (old) out.push_back(check_one(y, *old));
  }
  return out;
}

}  // namespace budget::diff::detail
