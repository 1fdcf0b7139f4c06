#include "extract/recognize/document_info.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "extract/recognize/segments.h"
#include "normalize/text.h"

namespace budget::extract {
namespace {

// How many blocks from the start count as the cover.
constexpr std::size_t kCoverBlocks = 12;

// "<entity>2025年(度)<单位|部门>(预算|决算)…"
const RE2& cover_pattern() {
  static const RE2 re("^(.*?)((?:19|20)[0-9]{2})\\s*年\\s*度?\\s*(.*?)(预算|决算)(.*)$", RE2::Quiet);
  return re;
}

std::string scope_of(const std::string& text) {
  if (text.find("部门") != std::string::npos) return "department";
  if (text.find("单位") != std::string::npos) return "unit";
  return "";
}

bool is_heading_like(const Block& b) {
  return b.kind != BlockKind::grid && !b.text.empty() && b.text.size() < 200;
}

// "江苏省高级人民法院部门" (between the year and 预算) -> "江苏省高级人民法院";
// "单位", "区级部门" -> "" (no entity there).
std::string entity_in_middle(std::string middle) {
  static const RE2 kTail("(?:区级|市级|省级|县级)?(?:部门|单位)?(?:综合)?$", RE2::Quiet);
  RE2::Replace(&middle, kTail, "");
  return middle;
}

// Reads the cover line into info; false if `text` is not one.
bool read_cover_line(const std::string& text, const std::string& previous, DocumentInfo& info) {
  std::string entity, year, middle, kind, rest;
  // A sentence mentioning a budget (统计公报: "2023年一般公共预算收入完成…，") is no cover.
  static const RE2 kSentence("[，。；,;]", RE2::Quiet);
  if (text.size() >= 120 || RE2::PartialMatch(text, kSentence) ||
      !RE2::FullMatch(text, cover_pattern(), &entity, &year, &middle, &kind, &rest))
    return false;
  info.fiscal_year = std::stoi(year);
  info.kind = kind == "决算" ? "final_account" : "budget";
  info.scope = scope_of(middle + kind + rest);
  bool entity_apart = entity.empty();
  if (entity_apart) entity = entity_in_middle(middle);  // 2017年度<entity>部门预算
  entity_apart = entity.empty();
  info.entity = normalize::clean_text(entity_apart ? previous : entity);
  info.title = entity_apart ? info.entity + text : text;
  return true;
}

}  // namespace

DocumentInfo read_document_info(const std::vector<Block>& blocks) {
  DocumentInfo info;
  std::string previous;  // the text block before the cover line: the entity when printed apart
  std::size_t cover = 0;
  for (std::size_t i = 0; i < blocks.size() && i < kCoverBlocks; ++i) {
    if (!is_heading_like(blocks[i])) continue;
    const std::string& text = blocks[i].text;
    // A cover line may be split over two blocks ("江苏省2018年度" / "省级部门预算公开报表").
    std::string next = i + 1 < blocks.size() && is_heading_like(blocks[i + 1])
                           ? blocks[i + 1].text : "";
    if (read_cover_line(text, previous, info) || read_cover_line(text + next, previous, info)) {
      cover = i;
      break;
    }
    previous = text;
  }
  // The cover names the entity outright (预算主管部门：…, 部门：…): that wins
  // over a region printed before the year (上海市普陀区2023年区级部门预算).
  for (std::size_t i = cover; info.fiscal_year && i < blocks.size() && i < cover + 4; ++i) {
    if (blocks[i].kind == BlockKind::grid) break;
    std::string e = entity_from_line(blocks[i].text);
    if (!e.empty()) {
      info.entity = e;
      break;
    }
  }
  // Entity printed on every table (单位名称：…) when the cover has none.
  if (info.entity.empty()) {
    std::map<std::string, int> votes;
    for (const auto& b : blocks)
      if (b.kind != BlockKind::grid) {
        std::string e = entity_from_line(b.text);
        if (!e.empty()) ++votes[e];
      }
    int best = 0;
    for (const auto& [e, n] : votes)
      if (n > best) best = n, info.entity = e;
  }
  return info;
}

void complete_from_tables(DocumentInfo& info, const std::vector<Table>& tables,
                          const std::vector<Block>& blocks) {
  // Only a disclosure table (a known kind) says what the document is: a
  // report printing other tables (政府信息公开工作年度报告) keeps kind empty.
  bool disclosure_table =
      std::any_of(tables.begin(), tables.end(), [](const Table& t) { return t.kind != "unknown"; });
  if (!disclosure_table) return;
  if (info.kind.empty()) {
    bool final = std::any_of(tables.begin(), tables.end(), [](const Table& t) {
      return t.kind.size() > 6 && t.kind.compare(t.kind.size() - 6, 6, "_final") == 0;
    });
    info.kind = final ? "final_account" : "budget";
  }
  if (!info.fiscal_year) {
    static const RE2 kYear("((?:19|20)[0-9]{2})\\s*年", RE2::Quiet);
    std::map<int, int> votes;
    auto vote = [&](const std::string& s) {
      re2::StringPiece in(s);
      int y = 0;
      while (RE2::FindAndConsume(&in, kYear, &y)) ++votes[y];
    };
    for (const auto& t : tables) {
      vote(t.title);
      for (const auto& c : t.columns)
        for (const auto& l : c.label) vote(l);
    }
    // Header years include the year before (上年预算数 2016年): prefer the latest
    // of the most named.
    int best = 0;
    for (const auto& [y, n] : votes)
      if (n >= best) best = n, info.fiscal_year = y;
  }
  if (info.scope.empty()) {
    static const RE2 kLabel("^\\s*(编制部门|预算主管部门|部门名称|部门|单位名称|预算单位)\\s*[:：]", RE2::Quiet);
    for (const auto& b : blocks) {
      std::string label;
      if (b.kind != BlockKind::grid && RE2::PartialMatch(b.text, kLabel, &label)) {
        info.scope = scope_of(label);
        break;
      }
    }
  }
  if (info.title.empty() && info.fiscal_year && !info.entity.empty())
    info.title = info.entity + std::to_string(*info.fiscal_year) + "年" +
                 (info.scope == "unit" ? "单位" : info.scope == "department" ? "部门" : "") +
                 (info.kind == "final_account" ? "决算" : "预算");
}

}  // namespace budget::extract
