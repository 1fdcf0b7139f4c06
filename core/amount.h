// core/amount.h — exact decimal money.  Never a double.
//
// An Amount is units × 10^-scale, e.g. Amount{123456, 2} is 1234.56.
//   Amount{22332200, 0}.to_string()     -> "22332200"
//   Amount{123450, 2}.to_string()        -> "1234.5"   (trailing zeros dropped)
//   Amount{223322, 2}.scaled_pow10(4)    -> Amount{22332200, 0} (万元 → 元)
#pragma once

#include <cstdint>
#include <string>

namespace budget {

struct Amount {
  std::int64_t units = 0;
  int scale = 0;  // digits after the decimal point, 0..9

  // Returns the same value multiplied by 10^exp (exp >= 0), with the scale
  // reduced first so that no digits are invented.  Throws budget::Error
  // ("input.amount_too_large") when the result does not fit.
  Amount scaled_pow10(int exp) const;
  // Returns the value with trailing fractional zeros removed (1.50 -> 1.5, 2.00 -> 2).
  Amount normalized() const;
  // Canonical decimal text: "-12.5", "0", "22332200".  Used verbatim in JSON.
  std::string to_string() const;

  Amount operator+(const Amount& o) const;
  Amount operator-(const Amount& o) const;
  Amount abs() const;
  // Exact comparison across scales.
  int compare(const Amount& o) const;
  bool operator==(const Amount& o) const { return compare(o) == 0; }
  bool operator!=(const Amount& o) const { return compare(o) != 0; }
  bool operator<(const Amount& o) const { return compare(o) < 0; }
  bool operator<=(const Amount& o) const { return compare(o) <= 0; }
  bool operator>(const Amount& o) const { return compare(o) > 0; }
};

}  // namespace budget
