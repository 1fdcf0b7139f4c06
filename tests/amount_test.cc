// Table-driven tests of core/amount: exact decimal money.
#include "core/amount.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace budget {
namespace {

TEST(amount_test, to_string) {
  static const struct {
    Amount value;
    const char* expected;
  } cases[] = {
      {{22332200, 0}, "22332200"},
      {{123450, 2}, "1234.5"},
      {{123456, 2}, "1234.56"},
      {{200, 2}, "2"},
      {{0, 2}, "0"},
      {{0, 0}, "0"},
      {{-125, 1}, "-12.5"},
      {{5, 3}, "0.005"},
      {{-5, 2}, "-0.05"},
      {{100, 0}, "100"},
      {{123456789, 9}, "0.123456789"},
      {{std::numeric_limits<std::int64_t>::min(), 0}, "-9223372036854775808"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(c.value.to_string(), c.expected) << c.value.units << "e-" << c.value.scale;
}

TEST(amount_test, normalized) {
  static const struct {
    Amount value, expected;
  } cases[] = {
      {{150, 2}, {15, 1}}, {{200, 2}, {2, 0}},      {{0, 3}, {0, 0}},
      {{7, 0}, {7, 0}},    {{-1230, 3}, {-123, 2}},
  };
  for (const auto& c : cases) {
    Amount n = c.value.normalized();
    EXPECT_EQ(n.units, c.expected.units) << c.value.to_string();
    EXPECT_EQ(n.scale, c.expected.scale) << c.value.to_string();
  }
}

TEST(amount_test, scaled_pow10) {
  static const struct {
    Amount value;
    int exp;
    Amount expected;
  } cases[] = {
      {{223322, 2}, 4, {22332200, 0}},  // 万元 -> 元
      {{36, 2}, 4, {3600, 0}},
      {{123456, 5}, 4, {123456, 1}},  // more decimals than the exponent
      {{12345, 3}, 3, {12345, 0}},    // 千元
      {{15, 1}, 8, {150000000, 0}},   // 亿元
      {{7, 0}, 0, {7, 0}},
      {{-5, 1}, 4, {-5000, 0}},
  };
  for (const auto& c : cases) {
    Amount r = c.value.scaled_pow10(c.exp);
    EXPECT_EQ(r.units, c.expected.units) << c.value.to_string() << " e" << c.exp;
    EXPECT_EQ(r.scale, c.expected.scale) << c.value.to_string() << " e" << c.exp;
  }
}

TEST(amount_test, arithmetic) {
  static const struct {
    Amount a, b;
    const char* sum;
    const char* difference;
  } cases[] = {
      {{123456, 2}, {1, 0}, "1235.56", "1233.56"},
      {{15, 1}, {25, 2}, "1.75", "1.25"},
      {{0, 0}, {5, 3}, "0.005", "-0.005"},
      {{-100, 0}, {100, 0}, "0", "-200"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ((c.a + c.b).to_string(), c.sum) << c.a.to_string() << " + " << c.b.to_string();
    EXPECT_EQ((c.a - c.b).to_string(), c.difference) << c.a.to_string() << " - " << c.b.to_string();
  }
  EXPECT_EQ((Amount{-125, 1}).abs().to_string(), "12.5");
}

TEST(amount_test, compare) {
  constexpr std::int64_t kLarge = 900000000000000000;  // 9e17
  static const struct {
    Amount a, b;
    int expected;
  } cases[] = {
      {{15, 1}, {150, 2}, 0},
      {{15, 1}, {151, 2}, -1},
      {{2, 0}, {199, 2}, 1},
      {{-15, 1}, {-12, 1}, -1},
      {{-5, 1}, {2, 1}, -1},
      {{-15, 1}, {-9, 1}, -1},
      {{0, 0}, {0, 5}, 0},
      {{1, 0}, {99, 2}, 1},
      // 9e17 at scale 0 vs a scale-9 value: scaling up would overflow int64.
      {{kLarge, 0}, {1, 9}, 1},
      {{-kLarge, 0}, {1, 9}, -1},
      {{kLarge, 0}, {kLarge, 9}, 1},
  };
  for (const auto& c : cases)
    EXPECT_EQ(c.a.compare(c.b), c.expected) << c.a.to_string() << " vs " << c.b.to_string();
  EXPECT_TRUE((Amount{15, 1}) == (Amount{150, 2}));
  EXPECT_TRUE((Amount{15, 1}) != (Amount{16, 1}));
  EXPECT_TRUE((Amount{1, 0}) < (Amount{101, 2}));
  EXPECT_TRUE((Amount{1, 0}) <= (Amount{100, 2}));
  EXPECT_TRUE((Amount{2, 0}) > (Amount{199, 2}));
}

}  // namespace
}  // namespace budget
