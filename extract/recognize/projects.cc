#include "extract/recognize/projects.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "extract/recognize/outline.h"
#include "normalize/numbers.h"
#include "normalize/targets.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// ---------------------------------------------------------------- labels

// What a label cell of a performance form names.
enum class Field {
  name,
  department,
  implementing_unit,
  attribute,
  category,
  period,
  start_date,
  end_date,
  unit_name,    // 部门（单位）名称 of an overall form: its name
  funds_block,  // 项目资金(元): the block's unit
  period_total,
  annual_total,
  central,
  provincial,
  local,
  self_raised,
  other,
  fiscal,
  current_year,
  carryover,
  overview,
  basis,
  necessity,
  measures,
  plan,
  goals,            // 总体目标 / 项目绩效目标: the goal texts follow
  goal_period_head, // 实施期目标 / 项目总目标 (column heading)
  goal_annual_head, // 年度目标 / 年度总体目标 (column heading)
  indicators,       // 绩效指标 (the block label)
};

struct Label {
  const char* text;  // compared with the cell's key (see label_key)
  Field field;
};

// Printed labels of the form, compared whole after label_key().
constexpr Label kLabels[] = {
    {"项目名称", Field::name},
    {"部门名称", Field::unit_name},
    {"单位名称", Field::unit_name},
    {"部门(单位)名称", Field::unit_name},
    {"主管部门及代码", Field::department},
    {"主管部门及编码", Field::department},
    {"主管部门(代码)", Field::department},
    {"主管部门", Field::department},
    {"主管单位", Field::department},
    {"实施单位", Field::implementing_unit},
    {"项目实施单位", Field::implementing_unit},
    {"项目属性", Field::attribute},
    {"项目性质", Field::attribute},
    {"项目类别", Field::category},
    {"项目分类", Field::category},
    {"项目期", Field::period},
    {"项目日期", Field::period},
    {"项目周期", Field::period},
    {"项目期限", Field::period},
    {"实施周期", Field::period},
    {"项目实施期", Field::period},
    {"计划开始日期", Field::start_date},
    {"计划完成日期", Field::end_date},
    {"实施期资金总额", Field::period_total},
    {"项目资金总额", Field::period_total},
    {"实施期资金", Field::period_total},
    {"年度资金总额", Field::annual_total},
    {"年度资金申请总额", Field::annual_total},
    {"年度资金", Field::annual_total},
    {"资金总额", Field::annual_total},
    {"预算资金总额", Field::annual_total},
    {"年度预算资金总额", Field::annual_total},
    {"中央财政资金", Field::central},
    {"中央补助资金", Field::central},
    {"中央资金", Field::central},
    {"省级财政资金", Field::provincial},
    {"省级资金", Field::provincial},
    {"省财政资金", Field::provincial},
    {"市县(区)财政资金", Field::local},
    {"市县财政资金", Field::local},
    {"市级财政资金", Field::local},
    {"县级财政资金", Field::local},
    {"本级财政资金", Field::local},
    {"单位自筹", Field::self_raised},
    {"单位自筹资金", Field::self_raised},
    {"自筹资金", Field::self_raised},
    {"其他资金", Field::other},
    {"财政资金", Field::fiscal},
    {"当年财政拨款", Field::current_year},
    {"上年结转资金", Field::carryover},
    {"上年结转", Field::carryover},
    {"项目概况", Field::overview},
    {"项目概述", Field::overview},
    {"立项依据", Field::basis},
    {"项目立项依据", Field::basis},
    {"项目设立必要性", Field::necessity},
    {"项目设立的必要性", Field::necessity},
    {"保证项目实施的制度、措施", Field::measures},
    {"保证项目实施的制度,措施", Field::measures},
    {"保证项目实施的制度措施", Field::measures},
    {"项目实施计划", Field::plan},
    {"总体目标", Field::goals},
    {"项目绩效目标", Field::goals},
    {"绩效目标", Field::goals},
    {"实施期目标", Field::goal_period_head},
    {"实施期总体目标", Field::goal_period_head},
    {"项目总目标", Field::goal_period_head},
    {"年度目标", Field::goal_annual_head},
    {"年度总体目标", Field::goal_annual_head},
    {"绩效指标", Field::indicators},
};

// 一级指标 words.  成本指标 is a 一级指标 only in forms that list 经济成本指标
// and the like under it; elsewhere it is a 二级指标 of 产出指标.
constexpr const char* kLevel1Words[] = {"产出指标", "效益指标", "满意度指标", "成本指标"};
constexpr const char* kCostLevel1 = "成本指标";

// 二级指标 whose 一级指标 is known, to place indicators printed before their
// 一级指标 label (vertically centred merged cells) or without one.
struct Level2Parent {
  const char* level2_prefix;
  const char* level1;
};
constexpr Level2Parent kLevel2Parents[] = {
    {"数量", "产出指标"},       {"质量", "产出指标"},       {"时效", "产出指标"},
    {"经济成本", "成本指标"},   {"社会成本", "成本指标"},   {"生态环境成本", "成本指标"},
    {"生态成本", "成本指标"},   {"经济效益", "效益指标"},   {"社会效益", "效益指标"},
    {"生态效益", "效益指标"},   {"可持续", "效益指标"},     {"服务对象满意", "满意度指标"},
    {"满意度", "满意度指标"},
};

// Header words of the indicator block.
constexpr const char* kHeaderWords[] = {"一级指标", "二级指标", "三级指标"};
// A 二级指标 label is short; longer texts ending in 指标 are indicator names.
constexpr std::size_t kMaxLevel2Chars = 12;

// ---------------------------------------------------------------- text helpers

std::size_t char_count(const std::string& s) { return normalize::to_u32(s).size(); }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// A cell as prose: cleaned (NFC, CJK spacing), Chinese punctuation kept.
std::string cell_text(const std::string& raw) { return normalize::clean_text(raw); }

// A cell as a label: cleaned, half-width, no spaces, no trailing colon, no
// leading 其中.  "其中：中央财政资金" -> "中央财政资金"; "项目资金 (元)" -> "项目资金(元)".
std::string label_key(const std::string& raw) {
  std::string s = normalize::fold_width(normalize::clean_text(raw));
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  while (!s.empty() && (s.back() == ':' || ends_with(s, "："))) s.erase(s.size() - (s.back() == ':' ? 1 : 3));
  for (const char* prefix : {"其中:", "其中："})
    if (starts_with(s, prefix)) s.erase(0, std::string(prefix).size());
  if (starts_with(s, "其中") && s.size() > 6) s.erase(0, 6);
  return s;
}

std::optional<Field> label_of(const std::string& key) {
  for (const Label& l : kLabels)
    if (key == l.text) return l.field;
  // 项目资金 (元) / 项目资金（万元） / 项目资金
  static const RE2 kFunds("^项目资金(?:\\((?:单位[:：])?[万千]?元\\))?$", RE2::Quiet);
  if (RE2::FullMatch(key, kFunds)) return Field::funds_block;
  return std::nullopt;
}

bool is_level1_word(const std::string& key) {
  return std::any_of(std::begin(kLevel1Words), std::end(kLevel1Words),
                     [&](const char* w) { return key == w; });
}

bool is_header_word(const std::string& key) {
  if (std::any_of(std::begin(kHeaderWords), std::end(kHeaderWords),
                  [&](const char* w) { return key == w; }))
    return true;
  return ends_with(key, "指标值") && char_count(key) <= 14;  // 指标值, 年度指标值, 年度(/项目)指标值
}

bool is_level2_word(const std::string& key) {
  return ends_with(key, "指标") && char_count(key) <= kMaxLevel2Chars && !is_header_word(key) &&
         key != "绩效指标";
}

// The 一级指标 a 二级指标 belongs to, by its words; "" when unknown.
std::string parent_of_level2(const std::string& level2) {
  for (const auto& p : kLevel2Parents)
    if (starts_with(level2, p.level2_prefix)) return p.level1;
  return "";
}

// "114-大同市应急管理局[部门]" -> {"114", "大同市应急管理局"}.
std::pair<std::string, std::string> split_department(const std::string& text) {
  static const RE2 kCoded("^\\s*([0-9A-Za-z]+)\\s*[-－—_–]\\s*(.+?)\\s*$", RE2::Quiet);
  static const RE2 kTag("\\s*(?:\\[[^\\]]*\\]|【[^】]*】|［[^］]*］)\\s*$", RE2::Quiet);
  std::string code, name = text;
  std::string folded_code;
  if (RE2::FullMatch(text, kCoded, &code, &name)) code = normalize::fold_width(code);
  RE2::Replace(&name, kTag, "");
  return {code, name};
}

std::optional<Amount> money(const std::string& text, int unit_exponent) {
  normalize::ParsedNumber n = normalize::parse_number(text);
  if (n.kind != normalize::ParsedNumber::number) return std::nullopt;
  return normalize::to_yuan(n.value, unit_exponent);
}

// ---------------------------------------------------------------- row model

struct FormCell {
  int col = 0;
  std::string text;  // cleaned
  std::string key;   // label_key
};

std::vector<FormCell> filled_cells(const GridRow& row) {
  std::vector<FormCell> out;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    std::string t = cell_text(row.cells[c].text);
    if (t.empty()) continue;
    out.push_back({static_cast<int>(c), t, label_key(row.cells[c].text)});
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

bool is_indicator_header(const std::vector<FormCell>& cells) {
  int n = 0;
  for (const FormCell& c : cells) n += is_header_word(c.key) ? 1 : 0;
  return n >= 2;
}

// ---------------------------------------------------------------- indicators

// Splits the cells of one indicator row (level-1 label already taken off)
// into its period half and its annual half.
std::pair<std::vector<FormCell>, std::vector<FormCell>> split_halves(const std::vector<FormCell>& t,
                                                             int annual_col) {
  const std::size_t n = t.size();
  auto take = [&](std::size_t from, std::size_t to) {
    return std::vector<FormCell>(t.begin() + static_cast<long>(from), t.begin() + static_cast<long>(to));
  };
  // The two halves print the same words.
  if (n % 2 == 0 && n > 0) {
    bool mirror = true;
    for (std::size_t i = 0; i < n / 2 && mirror; ++i) mirror = t[i].key == t[n / 2 + i].key;
    if (mirror) return {take(0, n / 2), take(n / 2, n)};
  }
  // The annual half starts with the 二级指标 label the period half started with.
  if (n > 1 && is_level2_word(t[0].key)) {
    for (std::size_t j = 1; j < n; ++j)
      if (t[j].key == t[0].key) return {take(0, j), take(j, n)};
  }
  // No labels at all: name value name value.
  bool any_level2 = std::any_of(t.begin(), t.end(), [](const FormCell& c) { return is_level2_word(c.key); });
  if (n % 2 == 0 && !any_level2 && annual_col < 0) return {take(0, n / 2), take(n / 2, n)};
  if (annual_col >= 0) {
    std::size_t j = 0;
    while (j < n && t[j].col < annual_col) ++j;
    if (n % 2 == 0 && !any_level2 && (j == 0 || j == n)) return {take(0, n / 2), take(n / 2, n)};
    return {take(0, j), take(j, n)};
  }
  return {t, {}};
}

struct IndicatorState {
  int scopes = 2;            // 2: 实施期 and 年度 side by side; 1: one scope
  std::string single_scope = "annual";
  int annual_col = -1;       // column of the second 二级指标 header
  std::string level1;
  std::string level2[2];     // current 二级指标 per scope
  std::vector<std::size_t> since_level1;  // indicators emitted since the last 一级指标 label
};

// Reads one scope's half: [二级指标] 三级指标 [指标值]; leading 二级指标 labels
// with nothing after them are empty slots.  An empty slot names no indicator,
// so the rows after it that print no 二级指标 are not under it: their 二级指标
// is blank (a label over several rows sits in the row of its first indicator).
void read_half(const std::vector<FormCell>& half, const std::string& scope, std::string& level2,
               IndicatorState& st, std::vector<Indicator>& out) {
  std::size_t n = half.size();
  if (n == 0) return;
  std::string name, value, new_level2;
  bool have_level2 = false;
  if (n >= 3 && is_level2_word(half[n - 3].key) && is_level2_word(half[n - 2].key) &&
      half[n - 3].key != half[n - 2].key && !is_level2_word(half[n - 1].key)) {
    // 生态效益指标 | 社会效益指标 | name: an empty slot, then a slot whose value is missing.
    new_level2 = half[n - 2].text;
    have_level2 = true;
    name = half[n - 1].text;
  } else if (n >= 3) {
    new_level2 = half[n - 3].text;
    have_level2 = true;
    name = half[n - 2].text;
    value = half[n - 1].text;
  } else if (n == 2) {
    bool first_l2 = is_level2_word(half[0].key), second_l2 = is_level2_word(half[1].key);
    if (first_l2 && second_l2) {  // two empty slots
      level2.clear();
      return;
    }
    if (first_l2) {  // 二级指标 and a 三级指标 with no value printed
      new_level2 = half[0].text;
      have_level2 = true;
      name = half[1].text;
    } else {
      name = half[0].text;
      value = half[1].text;
    }
  } else {
    if (is_level2_word(half[0].key)) {  // empty slot
      level2.clear();
      return;
    }
    name = half[0].text;
  }
  if (have_level2) level2 = new_level2;
  Indicator ind;
  ind.scope = scope;
  ind.level1 = st.level1.empty() ? parent_of_level2(label_key(level2)) : st.level1;
  ind.level2 = level2;
  ind.name = name;
  ind.value = value;
  ind.target = normalize::parse_target(value);
  st.since_level1.push_back(out.size());
  out.push_back(std::move(ind));
}

void read_indicator_row(std::vector<FormCell> cells, IndicatorState& st, std::vector<Indicator>& out) {
  // The block label, printed on the header row or on the first indicator row.
  cells.erase(std::remove_if(cells.begin(), cells.end(),
                             [](const FormCell& c) { return c.key == "绩效指标" || is_header_word(c.key); }),
              cells.end());
  if (cells.empty()) return;
  if (is_level1_word(cells[0].key)) {
    bool is_level1 = true;
    if (cells[0].key == kCostLevel1) {
      // 成本指标 | 经济成本指标 | … is a 一级指标; 成本指标 | | 成本指标 is a 二级指标.
      is_level1 = cells.size() > 1 && cells[1].key != kCostLevel1 &&
                  cells[1].key.find("成本") != std::string::npos && is_level2_word(cells[1].key);
    }
    if (is_level1) {
      std::string l1 = cells[0].text;
      // Indicators printed above a vertically centred 一级指标 label belong to it
      // when their 二级指标 says so.
      for (std::size_t i : st.since_level1) {
        Indicator& ind = out[i];
        if (parent_of_level2(label_key(ind.level2)) == l1 && ind.level1 != l1) ind.level1 = l1;
      }
      st.since_level1.clear();
      if (l1 != st.level1) st.level2[0] = st.level2[1] = "";
      st.level1 = l1;
      cells.erase(cells.begin());
    }
  }
  if (cells.empty()) return;
  if (st.scopes == 1) {
    read_half(cells, st.single_scope, st.level2[0], st, out);
    return;
  }
  auto [period, annual] = split_halves(cells, st.annual_col);
  read_half(period, "period", st.level2[0], st, out);
  read_half(annual, "annual", st.level2[1], st, out);
}

void read_indicator_header(const std::vector<FormCell>& cells, IndicatorState& st) {
  int level3 = 0, level2_seen = 0;
  st.annual_col = -1;
  bool period_word = false;
  for (const FormCell& c : cells) {
    if (c.key == "三级指标") ++level3;
    if (c.key == "二级指标" && ++level2_seen == 2) st.annual_col = c.col;
    if (c.key.find("实施期") != std::string::npos) period_word = true;
  }
  st.scopes = level3 >= 2 ? 2 : 1;
  st.single_scope = period_word ? "period" : "annual";
}

// ---------------------------------------------------------------- form reader

class FormReader {
 public:
  explicit FormReader(int page) : page_(page) {}

  // `next` is the row after `r` (nullptr at the end): a lone text above the
  // form's first labelled row is the project's name whose label was lost.
  void row(const GridRow& r, const GridRow* next) {
    std::vector<FormCell> cells = filled_cells(r);
    if (cells.empty()) return;
    row_page_ = r.page > 0 ? r.page : page_;
    bool orphan_name = cells.size() == 1 && !label_of(cells[0].key) && next &&
                       opens_form_body(filled_cells(*next)) && (in_indicators_ || !started_);
    if (orphan_name) {
      finish();
      start();
      current_.name = cells[0].text;
      return;
    }
    if (repeats_name(cells)) return;  // a page of the same form repeating its name row
    if (starts_new_project(cells)) finish();
    if (is_indicator_header(cells)) {
      read_indicator_header(cells, ind_);
      in_indicators_ = true;
      return;
    }
    if (in_indicators_) {
      read_indicator_row(cells, ind_, current_.indicators);
      return;
    }
    read_labelled_row(cells);
  }

  std::vector<Project> finish_all() {
    finish();
    return std::move(done_);
  }

 private:
  // The first rows of a form: 主管部门 / 实施单位 / 项目属性 / 项目期 / 项目资金.
  static bool opens_form_body(const std::vector<FormCell>& cells) {
    if (cells.empty()) return false;
    auto f = label_of(cells[0].key);
    return f && (*f == Field::department || *f == Field::implementing_unit || *f == Field::attribute ||
                 *f == Field::period || *f == Field::funds_block);
  }

  bool repeats_name(const std::vector<FormCell>& cells) const {
    auto f = label_of(cells[0].key);
    if (!started_ || !f || *f != Field::name || current_.name.empty()) return false;
    std::string name;
    for (std::size_t i = 1; i < cells.size() && !label_of(cells[i].key); ++i) name += cells[i].text;
    return name == current_.name;
  }

  bool starts_new_project(const std::vector<FormCell>& cells) const {
    if (!started_) return false;
    auto f = label_of(cells[0].key);
    if (f && *f == Field::name) return true;
    // A form whose name row was lost: its body starts after the previous indicators.
    return in_indicators_ && opens_form_body(cells);
  }

  void start() {
    started_ = true;
    if (current_.form.empty()) {
      current_.form = "performance_table";
      if (row_page_ > 0) current_.page = row_page_;
    }
  }

  void finish() {
    if (!started_) return;
    if (!start_date_.empty() || !end_date_.empty()) {
      if (current_.period.empty())
        current_.period = start_date_ + (end_date_.empty() ? "" : "至" + end_date_);
    }
    done_.push_back(std::move(current_));
    reset();
  }

  // Forgets everything about the finished form.
  void reset() {
    current_ = Project{};
    started_ = false;
    unit_exponent_ = 0;
    annual_total_col_ = annual_goal_col_ = period_goal_col_ = -1;
    goals_pending_ = in_indicators_ = false;
    start_date_.clear();
    end_date_.clear();
    last_text_ = nullptr;
    ind_ = IndicatorState{};
  }

  void read_labelled_row(const std::vector<FormCell>& cells) {
    start();
    // Label positions in this row.
    std::vector<std::pair<std::size_t, Field>> labels;
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (auto f = label_of(cells[i].key)) labels.emplace_back(i, *f);
    if (labels.empty()) {
      continue_previous(cells);
      return;
    }
    std::map<Field, int> seen;  // occurrences of a field in this row
    for (std::size_t k = 0; k < labels.size(); ++k) {
      auto [i, field] = labels[k];
      std::size_t end = k + 1 < labels.size() ? labels[k + 1].first : cells.size();
      std::vector<FormCell> values(cells.begin() + static_cast<long>(i) + 1,
                               cells.begin() + static_cast<long>(end));
      int occurrence = seen[field]++;
      take(field, cells[i], values, occurrence);
    }
  }

  // A row without labels: the goal texts under their headings, or the
  // wrapped rest of the previous label's text.
  void continue_previous(const std::vector<FormCell>& cells) {
    if (goals_pending_) {
      assign_goals(cells);
      goals_pending_ = false;
      return;
    }
    if (last_text_) {
      std::vector<std::string> parts;
      for (const FormCell& c : cells) parts.push_back(c.text);
      *last_text_ += join(parts);
    }
  }

  void assign_goals(const std::vector<FormCell>& values) {
    if (values.empty()) return;
    std::vector<std::string> period, annual;
    if (values.size() >= 2 && (annual_goal_col_ < 0 || values.size() == 2)) {
      period.push_back(values.front().text);
      for (std::size_t i = 1; i < values.size(); ++i) annual.push_back(values[i].text);
    } else {
      for (const FormCell& v : values)
        (annual_goal_col_ >= 0 && v.col >= annual_goal_col_ ? annual : period).push_back(v.text);
    }
    if (current_.goal_period.empty()) current_.goal_period = join(period);
    if (current_.goal_annual.empty()) current_.goal_annual = join(annual);
    // One goal printed for a form with one goal column: it is the year's.
    if (current_.goal_annual.empty() && annual_goal_col_ < 0 && period_goal_col_ < 0) {
      current_.goal_annual = current_.goal_period;
      current_.goal_period.clear();
    }
  }

  void set_text(std::string& field, const std::vector<FormCell>& values) {
    std::vector<std::string> parts;
    for (const FormCell& v : values) parts.push_back(v.text);
    if (field.empty()) field = join(parts);
    last_text_ = &field;
  }

  // Which scope an amount of a source label is: the first printed is the
  // 实施期's, the second the 年度's; one alone goes by its column.
  bool is_annual(const FormCell& label, int occurrence) const {
    if (occurrence > 0) return true;
    return annual_total_col_ >= 0 && label.col >= annual_total_col_;
  }

  void set_money(std::optional<Amount> FundSplit::*member, bool annual, const std::vector<FormCell>& values) {
    FundSplit& f = annual ? current_.funds_annual : current_.funds_period;
    if (f.*member) return;
    for (const FormCell& v : values) {
      if (auto m = money(v.text, unit_exponent_)) {
        f.*member = m;
        return;
      }
      break;  // only the cell right of the label holds its amount
    }
  }

  void take(Field field, const FormCell& label, const std::vector<FormCell>& values, int occurrence) {
    last_text_ = nullptr;
    switch (field) {
      case Field::name: set_text(current_.name, values); last_text_ = nullptr; break;
      case Field::unit_name: set_text(current_.name, values); last_text_ = nullptr; break;
      case Field::department: {
        std::string d;
        set_text(d, values);
        auto [code, name] = split_department(d);
        if (current_.department.empty()) {
          current_.department = name;
          current_.department_code = code;
        }
        last_text_ = nullptr;
        break;
      }
      case Field::implementing_unit: set_text(current_.implementing_unit, values); last_text_ = nullptr; break;
      case Field::attribute: set_text(current_.attribute, values); last_text_ = nullptr; break;
      case Field::category: set_text(current_.category, values); last_text_ = nullptr; break;
      case Field::period: set_text(current_.period, values); last_text_ = nullptr; break;
      case Field::start_date: set_text(start_date_, values); last_text_ = nullptr; break;
      case Field::end_date: set_text(end_date_, values); last_text_ = nullptr; break;
      case Field::funds_block: {
        static const RE2 kUnit("\\(([万千]?元)\\)", RE2::Quiet);
        std::string unit;
        if (RE2::PartialMatch(label.key, kUnit, &unit))
          if (auto u = normalize::unit_from_word(unit)) unit_exponent_ = u->exponent;
        break;
      }
      case Field::period_total: set_money(&FundSplit::total, false, values); break;
      case Field::annual_total:
        annual_total_col_ = label.col;
        set_money(&FundSplit::total, true, values);
        break;
      case Field::central: set_money(&FundSplit::central, is_annual(label, occurrence), values); break;
      case Field::provincial: set_money(&FundSplit::provincial, is_annual(label, occurrence), values); break;
      case Field::local: set_money(&FundSplit::local, is_annual(label, occurrence), values); break;
      case Field::self_raised: set_money(&FundSplit::self_raised, is_annual(label, occurrence), values); break;
      case Field::other: set_money(&FundSplit::other, is_annual(label, occurrence), values); break;
      case Field::fiscal: set_money(&FundSplit::fiscal, is_annual(label, occurrence), values); break;
      case Field::current_year: set_money(&FundSplit::current_year, true, values); break;
      case Field::carryover: set_money(&FundSplit::carryover, is_annual(label, occurrence) || annual_total_col_ < 0, values); break;
      case Field::overview: set_text(current_.overview, values); break;
      case Field::basis: set_text(current_.basis, values); break;
      case Field::necessity: set_text(current_.necessity, values); break;
      case Field::measures: set_text(current_.measures, values); break;
      case Field::plan: set_text(current_.plan, values); break;
      case Field::goals:
        if (values.empty())
          goals_pending_ = true;
        else
          assign_goals(values);
        break;
      case Field::goal_period_head:
        period_goal_col_ = label.col;
        if (values.empty())
          goals_pending_ = true;  // the goal texts are on the next row
        else
          set_text(current_.goal_period, values);
        break;
      case Field::goal_annual_head:
        annual_goal_col_ = label.col;
        if (values.empty())
          goals_pending_ = true;
        else
          set_text(current_.goal_annual, values);
        break;
      case Field::indicators: break;
    }
  }

  int page_;          // the form's first page (0: none)
  int row_page_ = 0;  // page of the row being read
  std::vector<Project> done_;
  Project current_;
  bool started_ = false;
  int unit_exponent_ = 0;  // 项目资金 is printed in 元 unless its label says otherwise
  int annual_total_col_ = -1, annual_goal_col_ = -1, period_goal_col_ = -1;
  bool goals_pending_ = false;
  bool in_indicators_ = false;
  std::string start_date_, end_date_;
  std::string* last_text_ = nullptr;
  IndicatorState ind_;
};

// An untitled grid that continues a form: it prints form labels or indicator rows.
bool looks_like_form_rows(const std::vector<Block>& grids) {
  for (const Block& g : grids)
    for (const GridRow& r : g.rows) {
      std::vector<FormCell> cells = filled_cells(r);
      if (cells.empty()) continue;
      if (is_indicator_header(cells)) return true;
      for (const FormCell& c : cells)
        if (label_of(c.key) || is_level1_word(c.key) || is_level2_word(c.key)) return true;
      return false;  // judged by its first non-empty row
    }
  return false;
}

// An untitled grid that is a whole form (its title was not printed or not
// read): it prints several of the form's labels and an indicator header.
bool is_untitled_form(const std::vector<Block>& grids) {
  std::vector<Field> fields;
  bool header = false;
  for (const Block& g : grids)
    for (const GridRow& r : g.rows) {
      std::vector<FormCell> cells = filled_cells(r);
      header = header || is_indicator_header(cells);
      for (const FormCell& c : cells)
        if (auto f = label_of(c.key); f && std::find(fields.begin(), fields.end(), *f) == fields.end())
          fields.push_back(*f);
    }
  constexpr std::size_t kMinFormLabels = 4;
  return header && fields.size() >= kMinFormLabels;
}

bool is_project_record(const std::string& record) {
  return record == "project_performance" || record == "performance";
}

}  // namespace

std::vector<Project> read_performance_forms(const std::vector<GridRow>& rows, int page) {
  FormReader reader(page);
  for (std::size_t i = 0; i < rows.size(); ++i) reader.row(rows[i], i + 1 < rows.size() ? &rows[i + 1] : nullptr);
  std::vector<Project> out = reader.finish_all();
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Project& p) { return p.name.empty() && p.indicators.empty(); }),
            out.end());
  return out;
}

ProjectRecords read_project_forms(const Segmentation& seg) {
  ProjectRecords out;
  out.used_segment.assign(seg.segments.size(), false);
  for (std::size_t i = 0; i < seg.segments.size(); ++i) {
    const TableSegment& s = seg.segments[i];
    const bool overall = s.title.record == "overall_performance";
    if (!overall && !is_project_record(s.title.record) && !(!s.titled && is_untitled_form(s.grids))) continue;
    out.used_segment[i] = true;
    std::vector<GridRow> rows;
    for (const Block& g : s.grids) rows.insert(rows.end(), g.rows.begin(), g.rows.end());
    // Untitled grids right after it continue the form (its title is not repeated).
    for (std::size_t j = i + 1; j < seg.segments.size(); ++j) {
      const TableSegment& next = seg.segments[j];
      if (next.titled || !looks_like_form_rows(next.grids)) break;
      out.used_segment[j] = true;
      for (const Block& g : next.grids) rows.insert(rows.end(), g.rows.begin(), g.rows.end());
      i = j;
    }
    for (Project& p : read_performance_forms(rows, s.page)) {
      if (overall) {
        p.form = "overall_performance";
        if (p.name.empty()) p.name = s.entity_line;
        out.overall.push_back(std::move(p));
        continue;
      }
      out.projects.push_back(std::move(p));
      out.first_block.push_back(s.blocks.empty() ? 0 : s.blocks.front());
    }
  }
  return out;
}

// ---------------------------------------------------------------- prose projects

namespace {

// The heading of a prose project: "<name>项目经费情况说明", "<name>经费情况说明",
// "<name>专项（政策资金）经费情况说明".  Returns the name ("" when the heading
// names none), or nullopt when the text is no such heading.
std::optional<std::string> prose_project_heading(const std::string& text) {
  static const RE2 kHeading("^(.*?)(?:项目)?经费(?:使用)?情况说明$", RE2::Quiet);
  std::string s = normalize::clean_text(text);
  if (char_count(s) > 60) return std::nullopt;
  if (parse_heading_marker(s).rank >= 0) return std::nullopt;  // 七、项目经费情况说明: a section
  std::string name;
  if (!RE2::FullMatch(s, kHeading, &name)) return std::nullopt;
  static const RE2 kSentence("[。；;，,]", RE2::Quiet);
  if (RE2::PartialMatch(name, kSentence)) return std::nullopt;
  while (ends_with(name, "项目") && char_count(name) > 2) name.erase(name.size() - 6);
  if (name == "项目") name.clear();
  return name;
}

enum class ProsePart { none, overview, basis, implementer, plan, period, budget, goals, other };

ProsePart prose_part(const std::string& title) {
  struct Word {
    const char* word;
    ProsePart part;
  };
  static const Word kWords[] = {
      {"项目概述", ProsePart::overview}, {"项目概况", ProsePart::overview},
      {"项目简介", ProsePart::overview}, {"立项依据", ProsePart::basis},
      {"实施主体", ProsePart::implementer}, {"实施单位", ProsePart::implementer},
      {"实施方案", ProsePart::plan},     {"实施计划", ProsePart::plan},
      {"实施周期", ProsePart::period},   {"项目周期", ProsePart::period},
      {"年度预算安排", ProsePart::budget}, {"预算安排", ProsePart::budget},
      {"资金安排", ProsePart::budget},   {"绩效目标", ProsePart::goals},
  };
  for (const Word& w : kWords)
    if (title.find(w.word) != std::string::npos) return w.part;
  return ProsePart::other;
}

// "第一季度用款计划25.88万元，…" -> 4100000 (sum of the amounts), or one total.
std::optional<Amount> budget_amount(const std::string& text) {
  static const RE2 kAmount("([0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(万元|元|亿元|千元)", RE2::Quiet);
  re2::StringPiece in(text);
  std::string number, unit;
  std::optional<Amount> sum;
  int count = 0;
  while (RE2::FindAndConsume(&in, kAmount, &number, &unit)) {
    auto u = normalize::unit_from_word(unit);
    normalize::ParsedNumber n = normalize::parse_number(number);
    if (!u || n.kind != normalize::ParsedNumber::number) continue;
    Amount yuan = normalize::to_yuan(n.value, u->exponent);
    sum = sum ? *sum + yuan : yuan;
    ++count;
  }
  if (count <= 1) return sum;
  // Several amounts: a sum only when they are the parts of one schedule.
  static const RE2 kSchedule("(季度|月份|[0-9一二三四五六七八九十]+月)", RE2::Quiet);
  if (RE2::PartialMatch(text, kSchedule)) return sum;
  return std::nullopt;
}

}  // namespace

ProjectRecords read_prose_projects(const std::vector<Block>& blocks, const Segmentation& seg) {
  // A line taken for a table title with no table under it ("详见单位的项目绩效目标表")
  // is prose here.
  std::vector<bool> in_segment = seg.in_segment;
  for (const TableSegment& s : seg.segments)
    if (s.grids.empty())
      for (std::size_t b : s.blocks) in_segment[b] = false;
  ProjectRecords out;
  std::optional<Project> current;
  std::size_t first = 0;
  std::string* target = nullptr;
  int parts_seen = 0;
  auto close = [&]() {
    if (current && parts_seen >= 2) {
      if (auto amount = budget_amount(current->annual_budget)) current->funds_annual.total = amount;
      out.projects.push_back(std::move(*current));
      out.first_block.push_back(first);
    }
    current.reset();
    target = nullptr;
    parts_seen = 0;
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.kind == BlockKind::grid || in_segment[i]) {
      if (current && parts_seen > 0) close();  // a table ends the description
      continue;
    }
    std::string text = b.text;
    if (text.empty()) continue;
    if (auto name = prose_project_heading(text)) {
      close();
      current = Project{};
      current->name = *name;
      current->form = "prose";
      if (b.page > 0) current->page = b.page;
      first = i;
      continue;
    }
    if (!current) continue;
    HeadingMarker h = parse_heading_marker(text);
    if (h.rank == 0) {  // 第X部分: the description is over
      close();
      continue;
    }
    if (h.rank == 1 && !h.title.empty()) {
      // "一、项目概述" (its text may follow on the same line after a colon).
      std::string title = h.title, rest;
      static const RE2 kColon("^([^：:]{2,12})[：:](.*)$", RE2::Quiet);
      RE2::FullMatch(h.title, kColon, &title, &rest);
      ProsePart part = prose_part(title);
      if (part == ProsePart::other && parts_seen == 0) {
        current.reset();  // not a project description after all
        continue;
      }
      ++parts_seen;
      switch (part) {
        case ProsePart::overview: target = &current->overview; break;
        case ProsePart::basis: target = &current->basis; break;
        case ProsePart::implementer: target = &current->implementing_unit; break;
        case ProsePart::plan: target = &current->plan; break;
        case ProsePart::period: target = &current->period; break;
        case ProsePart::budget: target = &current->annual_budget; break;
        case ProsePart::goals: target = &current->goal_annual; break;
        default: target = nullptr;
      }
      text = normalize::clean_text(rest);
      if (text.empty()) continue;
    }
    if (target) *target += (target->empty() ? "" : "\n") + text;
  }
  close();
  return out;
}

namespace {

// Fills the empty texts of a form record from its prose description.
void fill_from_prose(Project& form, const Project& prose) {
  for (auto member : {&Project::overview, &Project::basis, &Project::necessity, &Project::measures,
                      &Project::plan, &Project::goal_annual, &Project::annual_budget})
    if ((form.*member).empty()) form.*member = prose.*member;
  if (form.implementing_unit.empty()) form.implementing_unit = prose.implementing_unit;
  if (form.period.empty()) form.period = prose.period;
}

std::string name_key(const std::string& name) {
  std::string s = normalize::fold_width(normalize::clean_text(name));
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

}  // namespace

std::vector<Project> merge_prose_projects(ProjectRecords forms, ProjectRecords prose) {
  std::vector<Project> out = std::move(forms.projects);
  const std::size_t n_forms = out.size();
  std::vector<bool> filled(n_forms, false);
  for (std::size_t k = 0; k < prose.projects.size(); ++k) {
    Project& p = prose.projects[k];
    std::optional<std::size_t> match;
    if (!p.name.empty()) {
      for (std::size_t i = 0; i < n_forms && !match; ++i)
        if (!filled[i] && out[i].form == "performance_table" && name_key(out[i].name) == name_key(p.name))
          match = i;
    } else {
      // Unnamed: the first form printed after it, before the next description.
      std::size_t next_prose = k + 1 < prose.projects.size() ? prose.first_block[k + 1] : SIZE_MAX;
      for (std::size_t i = 0; i < n_forms && !match; ++i)
        if (!filled[i] && forms.first_block[i] > prose.first_block[k] && forms.first_block[i] < next_prose)
          match = i;
    }
    if (match) {
      fill_from_prose(out[*match], p);
      filled[*match] = true;
    } else {
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace budget::extract
