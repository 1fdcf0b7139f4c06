#include "extract/recognize/inferred_unit.h"

#include <map>
#include <optional>
#include <set>

#include "core/error.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// Longest unit line taken for an unreadable one (金额单位：万元 and spaces).
constexpr std::size_t kMaxUnitLineChars = 12;

bool is_undecodable(char32_t c) {
  return (c >= 0x25A0 && c <= 0x25FF) ||  // ■ □ ▯ …: placeholders for missing glyphs
         c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20;
}

// The exponents of the units a table may print, 元 first.
const int kExponents[] = {0, 3, 4, 8};

std::string unit_name(int exponent) {
  for (const char* word : {"元", "千元", "万元", "亿元"})
    if (normalize::unit_from_word(word)->exponent == exponent) return word;
  return "";
}

// Money figures the prose states, nonzero (a zero matches in every unit).
std::set<std::string> stated_figures(const std::vector<Fact>& facts) {
  std::set<std::string> out;
  for (const Fact& f : facts)
    if (f.unit == "元" && f.value && f.value->units != 0) out.insert(f.value->to_string());
  return out;
}

// How many distinct stated figures the table's amounts equal in each unit.
std::map<int, int> matches_per_exponent(const Table& t, const std::set<std::string>& stated) {
  std::map<int, int> count;
  for (int e : kExponents) {
    std::set<std::string> found;
    for (const Row& r : t.rows)
      for (const auto& kv : r.values) {
        if (kv.second.units == 0) continue;
        try {
          std::string v = kv.second.scaled_pow10(e).to_string();
          if (stated.count(v)) found.insert(v);
        } catch (const Error&) {
        }
      }
    count[e] = static_cast<int>(found.size());
  }
  return count;
}

// The one exponent with the most matches, if any matched and no other ties it.
std::optional<int> best_exponent(const std::map<int, int>& count) {
  std::optional<int> best;
  int most = 0;
  bool tie = false;
  for (auto [e, n] : count) {
    if (n > most) most = n, best = e, tie = false;
    else if (n == most && n > 0) tie = true;
  }
  return tie ? std::nullopt : best;
}

void scale_amounts(Table& t, int exponent) {
  for (Row& r : t.rows)
    for (auto& kv : r.values) kv.second = kv.second.scaled_pow10(exponent);
}

}  // namespace

bool is_unreadable_unit_line(const std::string& text) {
  std::u32string s = normalize::to_u32(text);
  if (s.size() > kMaxUnitLineChars) return false;
  bool colon = false, undecodable = false;
  for (char32_t c : s) {
    if (c == U':' || c == U'：') colon = true;
    else if (is_undecodable(c)) undecodable = true;
    else if (c != U' ' && c != 0x3000) return false;
  }
  return colon && undecodable;
}

void infer_unreadable_units(std::vector<Table>& tables, const std::vector<std::size_t>& unreadable,
                            const std::vector<Fact>& facts, std::vector<Warning>& warnings) {
  if (unreadable.empty()) return;
  std::set<std::string> stated = stated_figures(facts);
  std::set<std::size_t> unreadable_set(unreadable.begin(), unreadable.end());

  // Evidence over all unreadable tables together, for those with none of their own.
  std::map<int, int> pooled;
  std::map<std::size_t, std::map<int, int>> own;
  for (std::size_t i : unreadable) {
    own[i] = matches_per_exponent(tables[i], stated);
    for (auto [e, n] : own[i]) pooled[e] += n;
  }
  std::optional<int> document_wide = best_exponent(pooled);
  // The unit every readable table prints, if they agree.
  std::set<std::string> readable_units;
  for (std::size_t i = 0; i < tables.size(); ++i)
    if (!unreadable_set.count(i) && !tables[i].unit.empty()) readable_units.insert(tables[i].unit);

  for (std::size_t i : unreadable) {
    Table& t = tables[i];
    std::optional<int> exponent = best_exponent(own[i]);
    std::string why = "its amounts equal figures the text states in that unit";
    if (!exponent && document_wide) {
      exponent = document_wide;
      why = "the document's other tables whose unit line cannot be read are in that unit";
    }
    if (!exponent && readable_units.size() == 1) {
      exponent = normalize::unit_from_word(*readable_units.begin())->exponent;
      why = "every other table of the document prints that unit";
    }
    std::optional<int> page = t.page;
    if (!exponent) {
      warnings.push_back({"unknown_unit", page,
                          "the unit line of table '" + t.title +
                              "' cannot be read and no unit could be inferred; amounts taken as printed"});
      continue;
    }
    t.unit = unit_name(*exponent);
    scale_amounts(t, *exponent);
    warnings.push_back({"unit_inferred", page,
                        "the unit line of table '" + t.title + "' cannot be read; amounts taken in " +
                            t.unit + " because " + why});
  }
}

}  // namespace budget::extract
