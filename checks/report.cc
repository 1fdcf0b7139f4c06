#include "checks/report.h"

#include <sstream>

#include "checks/detail.h"

namespace budget::checks {
namespace {

using namespace detail;

// How a result's amounts are shown: the printed unit of the table it speaks
// of first (the longest title found in `where`), with its printed decimals.
struct Display {
  std::string unit;  // "" when the amounts are only shown in 元
  int exponent = 0;
  int decimals = 0;
};

// fact_matches_table compares a stated share (占 X%) as a percentage; its
// where names the base ("… (share of …)").
bool is_share(const CheckResult& r) { return r.where.find(" (share of ") != std::string::npos; }

Display display_for(const Document& doc, const std::string& where) {
  const Table* best = nullptr;
  for (const Table& t : doc.tables)
    if (!t.title.empty() && where.find(t.title) != std::string::npos &&
        (!best || t.title.size() > best->title.size()))
      best = &t;
  if (!best || best->unit.empty() || best->unit == "元") return {};
  Display d{best->unit, unit_exponent(best->unit), 0};
  Amount h = half_unit(*best);
  if (h == Amount{}) return {d.unit, d.exponent, d.exponent + 2};
  int printed_exponent = 0;  // 10^printed_exponent 元 is the last printed digit
  for (std::int64_t unit = (h + h).normalized().units; unit >= 10; unit /= 10) ++printed_exponent;
  d.decimals = std::max(0, d.exponent - printed_exponent);
  return d;
}

// `a` (元) in units of 10^exponent 元 with `decimals` digits after the point.
std::string fixed(const Amount& a, int exponent, int decimals) {
  Amount v = Amount{a.units, a.scale + exponent}.normalized();
  std::string s = v.to_string();
  if (v.scale >= decimals) return s;
  if (v.scale == 0 && decimals > 0) s += ".";
  return s + std::string(decimals - v.scale, '0');
}

std::string amount_text(const std::optional<Amount>& a, const Display& d) {
  if (!a) return "—";
  if (d.unit == "%") return a->to_string() + "%";
  if (d.unit.empty()) return a->to_string() + " 元";
  return fixed(*a, d.exponent, d.decimals) + " " + d.unit + " (" + a->to_string() + " 元)";
}

Display display_of(const Document& doc, const CheckResult& r) {
  return is_share(r) ? Display{"%", 0, 0} : display_for(doc, r.where);
}

void write_failure(std::ostream& os, const Document& doc, const CheckResult& r) {
  Display d = display_of(doc, r);
  os << "FAIL " << r.rule << "\n";
  os << "  where:      " << r.where << "\n";
  if (r.page) os << "  page:       " << *r.page << "\n";
  if (!r.message.empty()) os << "  message:    " << r.message << "\n";
  if (r.actual || r.expected) {
    os << "  printed:    " << amount_text(r.actual, d) << "\n";
    os << "  expected:   " << amount_text(r.expected, d) << "\n";
    os << "  difference: " << amount_text(r.difference, d);
    if (r.tolerance)
      os << ", tolerance " << r.tolerance->to_string() << (d.unit == "%" ? "%" : " 元");
    os << "\n";
  }
}

void write_rounding_pass(std::ostream& os, const Document& doc, const CheckResult& r) {
  Display d = display_of(doc, r);
  os << (r.severity == "note" ? "NOTE " : "pass ") << r.rule << "  " << r.where;
  if (r.page) os << "  (p. " << *r.page << ")";
  os << "\n  difference " << amount_text(r.difference, d) << " within tolerance "
     << (r.tolerance ? r.tolerance->to_string() : "0") << (d.unit == "%" ? "%" : " 元") << "\n";
}

}  // namespace

std::string format_report(const Document& doc, const std::vector<CheckResult>& results,
                          bool failures_only) {
  std::ostringstream os;
  int failed = 0;
  for (const CheckResult& r : results) {
    if (r.status != "fail") continue;
    ++failed;
    write_failure(os, doc, r);
  }
  int notes = 0;
  for (const CheckResult& r : results) {
    if (r.severity != "note") continue;
    ++notes;
    write_rounding_pass(os, doc, r);
  }
  if (!failures_only)
    for (const CheckResult& r : results)
      if (r.status == "pass" && r.severity != "note" && r.difference && *r.difference != Amount{})
        write_rounding_pass(os, doc, r);
  os << results.size() << " checks, " << results.size() - failed << " passed, " << failed
     << " failed, " << notes << " notes\n";
  return os.str();
}

}  // namespace budget::checks
