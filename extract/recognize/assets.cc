#include "extract/recognize/assets.h"

#include <re2/re2.h>

#include <string>

#include "normalize/numbers.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// Words of a sentence about vehicles or equipment to be bought, not held.
constexpr const char* kPlannedWords[] = {"预算安排购置", "拟购置", "计划购置", "安排购置", "购置车辆"};
// Count units of equipment.
constexpr const char* kEquipmentUnits[] = {"台(套)", "台/套", "台", "套"};

bool contains(const std::string& s, const char* w) { return s.find(w) != std::string::npos; }

bool planned(const Fact& f) {
  for (const char* w : kPlannedWords)
    if (contains(f.text, w) || contains(f.subject, w)) return true;
  return false;
}

bool is_equipment_unit(const std::string& unit) {
  for (const char* u : kEquipmentUnits)
    if (unit == u) return true;
  return false;
}

// "共有公务用车编制" -> 编制 (quota); "实有" -> 实有; "共有车辆" -> 共有;
// "部门预算安排购置车辆" -> 购置; "(一般公务用车" -> 一般公务用车.
VehicleCount vehicle(const Fact& f) {
  VehicleCount v;
  v.count = f.value ? f.value->units : 0;
  for (int i = 0; f.value && i < f.value->scale; ++i) v.count /= 10;
  v.status = planned(f) ? "planned" : "held";
  std::string type = f.subject;
  static const RE2 kEdge("^[(（\\s]+|[)）\\s]+$", RE2::Quiet);
  RE2::GlobalReplace(&type, kEdge, "");
  static const RE2 kQuota("编制", RE2::Quiet);
  static const RE2 kTotal("^.*?(共有|实有|现有|购置)(?:公务用车|车辆)?$", RE2::Quiet);
  std::string word;
  if (RE2::PartialMatch(type, kQuota)) {
    v.type = "编制";
    v.status = "quota";
  } else if (RE2::FullMatch(type, kTotal, &word)) {
    v.type = word;
  } else {
    v.type = type;
  }
  return v;
}

EquipmentCount equipment(const Fact& f) {
  EquipmentCount e;
  e.count = f.value ? f.value->units : 0;
  for (int i = 0; f.value && i < f.value->scale; ++i) e.count /= 10;
  e.status = planned(f) ? "planned" : "held";
  std::string subject = normalize::fold_width(f.subject);
  static const RE2 kThreshold("([0-9]+(?:\\.[0-9]+)?)\\s*(亿元|万元|千元|元)", RE2::Quiet);
  std::string number, unit;
  if (RE2::PartialMatch(subject, kThreshold, &number, &unit)) {
    normalize::ParsedNumber n = normalize::parse_number(number);
    auto u = normalize::unit_from_word(unit);
    if (n.kind == normalize::ParsedNumber::number && u) e.threshold_yuan = normalize::to_yuan(n.value, u->exponent);
  }
  static const RE2 kKind("((?:通用|专用|其他)?设备)", RE2::Quiet);
  re2::StringPiece in(subject);
  std::string kind;
  while (RE2::FindAndConsume(&in, kKind, &kind)) e.kind = kind;  // the last one named
  return e;
}

}  // namespace

Assets read_assets(const std::vector<Fact>& facts) {
  Assets a;
  std::optional<Amount> building_area;
  auto note_page = [&](const Fact& f) {
    if (!a.page && f.page) a.page = f.page;
  };
  for (const Fact& f : facts) {
    if (!f.value) continue;
    if (f.unit == "辆") {
      a.vehicles.push_back(vehicle(f));
      note_page(f);
    } else if (f.unit == "平方米") {
      if (!a.floor_area_m2 && contains(f.subject, "办公用房")) {
        a.floor_area_m2 = f.value->normalized();
        note_page(f);
      } else if (!building_area && contains(f.subject, "房屋")) {
        building_area = f.value->normalized();
      }
    } else if (is_equipment_unit(f.unit) && contains(f.subject, "设备")) {
      a.equipment.push_back(equipment(f));
      note_page(f);
    }
  }
  if (!a.floor_area_m2) a.floor_area_m2 = building_area;
  return a;
}

}  // namespace budget::extract
