// Table-driven tests of normalize/: text, numbers, units, targets.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "normalize/encoding.h"
#include "normalize/numbers.h"
#include "normalize/targets.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::normalize {
namespace {

struct TextCase {
  const char* input;
  const char* expected;
};

TEST(text_test, clean_text) {
  static const TextCase cases[] = {
      {"PC 服务器", "PC服务器"},
      {"  a   b ", "a b"},
      {"科目\n名称", "科目名称"},
      {"科目\r\n名称", "科目名称"},
      {"\u2F00般", "一般"},              // Kangxi radical ONE
      {"\u2F08民政府", "人民政府"},      // Kangxi radical MAN
      {"部\u2ED4预算", "部门预算"},      // CJK radical C-SIMPLIFIED GATE
      {"县人\u2EA0医院", "县人民医院"},  // CJK radical CIVILIAN
      {"\u2ECB辆购置", "车辆购置"},
      {"项\u2EAB支出", "项目支出"},  // EYE radical emitted for 目
      {"\u2EDD堂", "食堂"},          // EAT ONE radical emitted for 食
      {"\u2E97理",
       "心理"},  // HEART TWO radical emitted for 心      // CJK radical C-SIMPLIFIED CART
      {"大 同 市 应 急 管 理 局", "大同市应急管理局"},
      {"2025 年 预算", "2025年预算"},
      {"（一） 部门职责", "（一）部门职责"},
      {"收入，支出。", "收入，支出。"},      // Chinese punctuation kept
      {"\u3000\u3000一、概况", "一、概况"},  // ideographic spaces
      {"a\u00A0\u00A0b", "a b"},             // no-break spaces
      {"合\u200B计", "合计"},                // zero-width space dropped
      {"\xEF\xBB\xBF总计", "总计"},          // BOM dropped
      {"a\x01"
       "b",
       "ab"},                 // control character dropped
      {"e\u0301", "\u00E9"},  // NFC composes
      {"\uF900", "\u8C48"},   // compatibility ideograph -> unified (NFC)
      {"Total  Amount", "Total Amount"},
      {"", ""},
      {"   ", ""},
      {"ＡＢＣ", "ＡＢＣ"},  // width is fold_width's job
  };
  for (const auto& c : cases) EXPECT_EQ(clean_text(c.input), c.expected) << "input: " << c.input;
}

TEST(text_test, every_kangxi_radical_becomes_one_ideograph) {
  for (char32_t c = 0x2F00; c <= 0x2FD5; ++c) {
    std::u32string out = to_u32(clean_text(to_utf8(std::u32string(1, c))));
    ASSERT_EQ(out.size(), 1u) << std::hex << static_cast<unsigned>(c);
    EXPECT_TRUE(out[0] >= 0x3400 && out[0] <= 0x9FFF) << std::hex << static_cast<unsigned>(c);
  }
}

TEST(text_test, supplement_radicals_become_one_ideograph) {
  int mapped = 0;
  for (char32_t c = 0x2E80; c <= 0x2EF3; ++c) {
    std::u32string out = to_u32(clean_text(to_utf8(std::u32string(1, c))));
    ASSERT_EQ(out.size(), 1u) << std::hex << static_cast<unsigned>(c);
    if (out[0] == c) continue;
    ++mapped;
    EXPECT_TRUE(out[0] >= 0x3400 && out[0] <= 0x9FFF) << std::hex << static_cast<unsigned>(c);
  }
  EXPECT_GE(mapped, 90);
}

TEST(text_test, fold_width) {
  static const TextCase cases[] = {
      {"２，２３３．２２", "2,233.22"},
      {"（一）", "(一)"},
      {"１２３４５６７８９０", "1234567890"},
      {"ＰＣ\u3000服务器", "PC 服务器"},
      {"７１．８％", "71.8%"},
      {"收入，支出。", "收入,支出。"},
      {"abc", "abc"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(fold_width(c.input), c.expected) << "input: " << c.input;
}

TEST(text_test, is_cjk) {
  static const struct {
    char32_t c;
    bool expected;
  } cases[] = {
      {U'中', true}, {U'、', true}, {U'（', true}, {0x3000, true}, {0x2F00, true}, {0x20000, true},
      {U'a', false}, {U'1', false}, {U' ', false}, {U'%', false},  {U'é', false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(is_cjk(c.c), c.expected) << std::hex << static_cast<unsigned>(c.c);
}

TEST(text_test, utf8_round_trip) {
  static const char* const cases[] = {"", "abc", "中文", "€", "\U0001F600", "𠀀"};
  for (const char* s : cases) EXPECT_EQ(to_utf8(to_u32(s)), s);
  EXPECT_EQ(to_u32("a\xFF"
                   "b"),
            (std::u32string{U'a', 0xFFFD, U'b'}));
  EXPECT_EQ(to_u32("中"), std::u32string(1, U'中'));
}

struct NumberCase {
  const char* input;
  ParsedNumber::Kind kind;
  Amount value;  // meaningful for kind == number
};

TEST(numbers_test, parse_number) {
  using K = ParsedNumber::Kind;
  static const NumberCase cases[] = {
      {"1,234.56", K::number, {123456, 2}},
      {"２，２３３．２２", K::number, {223322, 2}},
      {"-12.5", K::number, {-125, 1}},
      {"−12.5", K::number, {-125, 1}},
      {"－12.5", K::number, {-125, 1}},
      {"+7", K::number, {7, 0}},
      {"(12.50)", K::number, {-1250, 2}},
      {"（12.50）", K::number, {-1250, 2}},
      {"0.00", K::number, {0, 2}},
      {"0", K::number, {0, 0}},
      {"  990,111 ", K::number, {990111, 0}},
      {"1,234", K::number, {1234, 0}},
      {"0.123456789", K::number, {123456789, 9}},
      {"123456789012345678", K::number, {123456789012345678, 0}},
      {"-", K::blank, {}},
      {"—", K::blank, {}},
      {"－", K::blank, {}},
      {"——", K::blank, {}},
      {"–", K::blank, {}},
      {"", K::blank, {}},
      {"  ", K::blank, {}},
      {"\u3000", K::blank, {}},
      {"12.5%", K::invalid, {}},
      {"合计", K::invalid, {}},
      {"1.2.3", K::invalid, {}},
      {",123", K::invalid, {}},
      {"1,,234", K::invalid, {}},
      {"12.", K::invalid, {}},
      {".5", K::invalid, {}},
      {"1.0,5", K::invalid, {}},
      {"0.1234567890", K::invalid, {}},         // more than 9 fractional digits
      {"1234567890123456789", K::invalid, {}},  // does not fit
      {"(-5)", K::invalid, {}},
      {"12 34", K::invalid, {}},
      {"2025年", K::invalid, {}},
  };
  for (const auto& c : cases) {
    ParsedNumber n = parse_number(c.input);
    EXPECT_EQ(n.kind, c.kind) << "input: " << c.input;
    if (c.kind == K::number && n.kind == K::number) {
      EXPECT_EQ(n.value.units, c.value.units) << "input: " << c.input;
      EXPECT_EQ(n.value.scale, c.value.scale) << "input: " << c.input;
    }
  }
}

struct YuanCase {
  const char* input;
  int unit_exponent;
  const char* expected;  // Amount::to_string of the value in 元
};

TEST(numbers_test, parse_number_to_yuan) {
  static const YuanCase cases[] = {
      {"2,233.22", 4, "22332200"}, {"０.３６", 4, "3600"},    {"1,234", 0, "1234"},
      {"990,111", 0, "990111"},    {"375.99", 4, "3759900"},  {"0.00", 4, "0"},
      {"12.345", 3, "12345"},      {"1.23456", 4, "12345.6"}, {"-0.5", 4, "-5000"},
      {"1.5", 8, "150000000"},     {"1234.56", 0, "1234.56"},
  };
  for (const auto& c : cases) {
    ParsedNumber n = parse_number(c.input);
    ASSERT_EQ(n.kind, ParsedNumber::number) << "input: " << c.input;
    EXPECT_EQ(to_yuan(n.value, c.unit_exponent).to_string(), c.expected) << "input: " << c.input;
  }
  Amount yuan = to_yuan(Amount{223322, 2}, 4);
  EXPECT_EQ(yuan.units, 22332200);
  EXPECT_EQ(yuan.scale, 0);
}

TEST(numbers_test, parse_percent) {
  static const struct {
    const char* input;
    std::optional<Amount> expected;
  } cases[] = {
      {"71.80%", Amount{718, 1}},  {"７１．８％", Amount{718, 1}},
      {"71.8", Amount{718, 1}},    {"100%", Amount{100, 0}},
      {"-1.03%", Amount{-103, 2}}, {"0%", Amount{0, 0}},
      {"12.5 %", Amount{125, 1}},  {"%", std::nullopt},
      {"", std::nullopt},          {"百分之十", std::nullopt},
      {"5%%", std::nullopt},
  };
  for (const auto& c : cases) {
    std::optional<Amount> p = parse_percent(c.input);
    ASSERT_EQ(p.has_value(), c.expected.has_value()) << "input: " << c.input;
    if (p) {
      EXPECT_EQ(p->units, c.expected->units) << "input: " << c.input;
      EXPECT_EQ(p->scale, c.expected->scale) << "input: " << c.input;
    }
  }
}

struct UnitCase {
  const char* input;
  const char* name;  // nullptr: no unit
  int exponent;
};

void expect_unit(const std::optional<Unit>& u, const UnitCase& c) {
  if (!c.name) {
    EXPECT_FALSE(u.has_value()) << "input: " << c.input << " got " << (u ? u->name : "");
    return;
  }
  ASSERT_TRUE(u.has_value()) << "input: " << c.input;
  EXPECT_EQ(u->name, c.name) << "input: " << c.input;
  EXPECT_EQ(u->exponent, c.exponent) << "input: " << c.input;
}

TEST(units_test, parse_unit_line) {
  static const UnitCase cases[] = {
      {"单位：万元", "万元", 4},
      {"单位:元", "元", 0},
      {"金额单位：万元", "万元", 4},
      {"单位：万 元", "万元", 4},
      {"（单位：万元）", "万元", 4},
      {"单位：千元", "千元", 3},
      {"单位：亿元", "亿元", 8},
      {"单位 ： 元", "元", 0},
      {"单位：人民币万元", "万元", 4},
      {"编制单位：某局  单位：万元", "万元", 4},
      {"编制单位：大同市应急管理局 单位：元", "元", 0},
      {"单位 万元", "万元", 4},
      {"单位名称：某某局", nullptr, 0},
      {"本单位万元以上项目", nullptr, 0},
      {"预算单位：某局", nullptr, 0},
      {"万元", nullptr, 0},
      {"", nullptr, 0},
  };
  for (const auto& c : cases) expect_unit(parse_unit_line(c.input), c);
}

TEST(units_test, unit_from_word) {
  static const UnitCase cases[] = {
      {"元", "元", 0},      {"千元", "千元", 3}, {"万元", "万元", 4}, {"亿元", "亿元", 8},
      {"万 元", "万元", 4}, {" 元 ", "元", 0},   {"万", nullptr, 0},  {"美元", nullptr, 0},
      {"", nullptr, 0},     {"人", nullptr, 0},
  };
  for (const auto& c : cases) expect_unit(unit_from_word(c.input), c);
}

struct TargetCase {
  const char* input;
  const char* op;
  const char* number;  // nullptr: no number
  const char* unit;
};

TEST(targets_test, parse_target) {
  static const TargetCase cases[] = {
      {"≥99%", "≥", "99", "%"},
      {">=99%", "≥", "99", "%"},
      {"≥ 99 %", "≥", "99", "%"},
      {"＞＝99％", "≥", "99", "%"},
      {"不低于95%", "≥", "95", "%"},
      {"≤5%", "≤", "5", "%"},
      {"<=5%", "≤", "5", "%"},
      {"不高于5%", "≤", "5", "%"},
      {"不超过10天", "≤", "10", "天"},
      {"100%", "=", "100", "%"},
      {"=100%", "=", "100", "%"},
      {"5.2万元", "=", "52000", "元"},
      {"≤30万元", "≤", "300000", "元"},
      {"1,200元", "=", "1200", "元"},
      {"25人", "=", "25", "人"},
      {"≥2667次", "≥", "2667", "次"},
      {"120次", "=", "120", "次"},
      {"99.50%", "=", "99.5", "%"},
      {"3", "=", "3", ""},
      {"95%以上", "≥", "95", "%"},
      {"3个工作日以内", "≤", "3", "个工作日"},
      {">90%", ">", "90", "%"},
      {"<1%", "<", "1", "%"},
      {"及时", "qualitative", nullptr, ""},
      {"提高", "qualitative", nullptr, ""},
      {"保障", "qualitative", nullptr, ""},
      {"", "qualitative", nullptr, ""},
      {"2025年12月底前", "qualitative", nullptr, ""},
      {"90%-100%", "qualitative", nullptr, ""},
      {"有效提升群众安全感和满意度", "qualitative", nullptr, ""},
  };
  for (const auto& c : cases) {
    Target t = parse_target(c.input);
    EXPECT_EQ(t.op, c.op) << "input: " << c.input;
    EXPECT_EQ(t.unit, c.unit) << "input: " << c.input;
    ASSERT_EQ(t.number.has_value(), c.number != nullptr) << "input: " << c.input;
    if (t.number) {
      EXPECT_EQ(t.number->to_string(), c.number) << "input: " << c.input;
    }
  }
}

}  // namespace
}  // namespace budget::normalize

TEST(encoding_test, text_in_any_common_encoding_becomes_utf8) {
  struct Case {
    std::string bytes, utf8, charset;
  };
  const Case kCases[] = {
      {"# 某局", "# 某局", "UTF-8"},
      {"\xEF\xBB\xBF# 某局", "# 某局", "UTF-8"},
      {"\xC4\xB3\xBE\xD6", "某局", "GB18030"},  // 某局 in GBK
      {std::string("\xFF\xFE\xD0\x67\x40\x5C", 6), "某局", "UTF-16"},
  };
  for (const auto& c : kCases) {
    auto d = budget::normalize::decode_text(c.bytes);
    ASSERT_TRUE(d.has_value()) << c.charset;
    EXPECT_EQ(d->utf8, c.utf8) << c.charset;
    EXPECT_EQ(d->charset, c.charset);
  }
  EXPECT_FALSE(budget::normalize::is_valid_utf8("\xC4\xB3\xBE\xD6"));
  EXPECT_TRUE(budget::normalize::is_valid_utf8("合计 2,233.22"));
}

// Strict UTF-8 (Unicode §3.9): encoded surrogates, code points above
// U+10FFFF and overlong forms are not valid, though their bit patterns look so.
TEST(encoding_test, utf8_validity_is_strict) {
  using budget::normalize::is_valid_utf8;
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));  // U+1F600, U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));                      // U+D800, a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));                  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));                          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));                      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));                          // truncated 中
}

// A few invalid bytes in UTF-8 text are replaced by U+FFFD and counted; GBK
// text is still read as GBK; mostly invalid bytes are refused.
TEST(encoding_test, invalid_bytes_are_replaced_and_counted) {
  std::string text = "# 2025年部门预算\n合计\t2,233.22\n一般公共预算拨款收入\t2,233.22\n";
  std::string damaged = text;
  damaged.insert(damaged.find("合计"), "\xFF");
  auto d = budget::normalize::decode_text(damaged);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->charset, "UTF-8");
  EXPECT_EQ(d->replaced, 1);
  EXPECT_NE(d->utf8.find("\xEF\xBF\xBD合计"), std::string::npos);
  auto surrogate = budget::normalize::decode_text("合计\xED\xA0\x80 12 一般公共预算拨款收入");
  ASSERT_TRUE(surrogate.has_value());
  EXPECT_EQ(surrogate->replaced, 3);  // one U+FFFD per byte of the encoded surrogate
  auto gbk = budget::normalize::decode_text("\xC4\xB3\xBE\xD6 \xBA\xCF\xBC\xC6");  // 某局 合计
  ASSERT_TRUE(gbk.has_value());
  EXPECT_EQ(gbk->charset, "GB18030");
  EXPECT_EQ(gbk->replaced, 0);
  EXPECT_FALSE(budget::normalize::decode_text(std::string(64, '\xFF')).has_value());
}
