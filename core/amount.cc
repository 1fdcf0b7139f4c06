#include "core/amount.h"

#include <cstdint>

#include "core/error.h"

namespace budget {
namespace {

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Both amounts brought to the larger scale.
void align(const Amount& a, const Amount& b, std::int64_t& ua, std::int64_t& ub, int& scale) {
  scale = a.scale > b.scale ? a.scale : b.scale;
  ua = a.units * pow10(scale - a.scale);
  ub = b.units * pow10(scale - b.scale);
}

}  // namespace

Amount Amount::normalized() const {
  Amount r = *this;
  while (r.scale > 0 && r.units % 10 == 0) {
    r.units /= 10;
    --r.scale;
  }
  return r;
}

Amount Amount::scaled_pow10(int exp) const {
  Amount r = normalized();
  int drop = exp < r.scale ? exp : r.scale;
  r.scale -= drop;
  // 18 printed digits in 亿元 do not fit 64 bits of 元: no real amount is
  // that large, so the input is refused rather than wrapped around.
  if (__builtin_mul_overflow(r.units, pow10(exp - drop), &r.units))
    throw Error("input.amount_too_large", "amount " + to_string() + " × 10^" + std::to_string(exp) +
                                              " is beyond what budgetx represents (about 9.2 × 10^18 元)");
  return r;
}

std::string Amount::to_string() const {
  Amount n = normalized();
  bool neg = n.units < 0;
  // Negated in unsigned arithmetic: -INT64_MIN does not fit std::int64_t.
  std::uint64_t magnitude = neg ? 0 - static_cast<std::uint64_t>(n.units) : n.units;
  std::string digits = std::to_string(magnitude);
  if (n.scale > 0) {
    if (static_cast<int>(digits.size()) <= n.scale)
      digits.insert(0, n.scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - n.scale, ".");
  }
  return neg ? "-" + digits : digits;
}

Amount Amount::operator+(const Amount& o) const {
  std::int64_t a, b;
  int s;
  align(*this, o, a, b, s);
  return Amount{a + b, s};
}

Amount Amount::operator-(const Amount& o) const {
  std::int64_t a, b;
  int s;
  align(*this, o, a, b, s);
  return Amount{a - b, s};
}

Amount Amount::abs() const { return Amount{units < 0 ? -units : units, scale}; }

int Amount::compare(const Amount& o) const {
  // Whole parts first, then fractions at the common scale: scaling the whole
  // value up (as align() does) could overflow for large amounts.  Both parts
  // carry the value's sign, so the whole parts decide whenever they differ.
  int s = scale > o.scale ? scale : o.scale;
  std::int64_t whole_a = units / pow10(scale), whole_b = o.units / pow10(o.scale);
  if (whole_a != whole_b) return whole_a < whole_b ? -1 : 1;
  std::int64_t frac_a = units % pow10(scale) * pow10(s - scale);
  std::int64_t frac_b = o.units % pow10(o.scale) * pow10(s - o.scale);
  return frac_a < frac_b ? -1 : (frac_a > frac_b ? 1 : 0);
}

}  // namespace budget
