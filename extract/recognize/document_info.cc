#include "extract/recognize/document_info.h"

#include <re2/re2.h>

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

}  // namespace

DocumentInfo read_document_info(const std::vector<Block>& blocks) {
  DocumentInfo info;
  std::string previous;  // the text block before the cover line: the entity when printed apart
  for (std::size_t i = 0; i < blocks.size() && i < kCoverBlocks; ++i) {
    if (!is_heading_like(blocks[i])) continue;
    std::string text = normalize::clean_text(blocks[i].text);
    std::string entity, year, middle, kind, rest;
    if (RE2::FullMatch(text, cover_pattern(), &entity, &year, &middle, &kind, &rest) &&
        text.size() < 120) {
      info.fiscal_year = std::stoi(year);
      info.kind = kind == "决算" ? "final_account" : "budget";
      info.scope = scope_of(middle + kind + rest);
      bool entity_apart = entity.empty();
      info.entity = normalize::clean_text(entity_apart ? previous : entity);
      info.title = entity_apart ? info.entity + text : text;
      break;
    }
    previous = text;
  }
  // Entity printed on every table (单位名称：…) when the cover has none.
  if (info.entity.empty()) {
    std::map<std::string, int> votes;
    for (const auto& b : blocks)
      if (b.kind != BlockKind::grid) {
        std::string e = entity_from_line(normalize::clean_text(b.text));
        if (!e.empty()) ++votes[e];
      }
    int best = 0;
    for (const auto& [e, n] : votes)
      if (n > best) best = n, info.entity = e;
  }
  return info;
}

}  // namespace budget::extract
