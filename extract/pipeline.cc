#include "extract/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "extract/pdf/pdf_reader.h"
#include "extract/recognize/assets.h"
#include "extract/recognize/contents.h"
#include "extract/recognize/document_info.h"
#include "extract/recognize/facts.h"
#include "extract/recognize/glossary.h"
#include "extract/recognize/inferred_unit.h"
#include "extract/recognize/outline.h"
#include "extract/recognize/projects.h"
#include "extract/recognize/segments.h"
#include "extract/recognize/tables.h"
#include "core/sha256.h"
#include "extract/text_reader.h"
#include "normalize/encoding.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// Disclosures run to a few MB; anything past this is refused rather than
// read into memory.
constexpr std::uintmax_t kMaxInputBytes = 512ull << 20;

std::string read_bytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error("input.unreadable", "is a directory, not a file");
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxInputBytes)
    throw Error("input.too_large", "file is " + std::to_string(size >> 20) + " MiB, more than the " +
                                       std::to_string(kMaxInputBytes >> 20) + " MiB budgetx reads");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("input.unreadable", "cannot open file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error("input.unreadable", "cannot read file");
  return s.str();
}

// The PDF header may follow a little junk (some producers prepend bytes).
bool is_pdf(const std::string& bytes) { return bytes.find("%PDF-") < 1024; }

std::string base_name(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

LayoutDocument layout_of(const std::string& bytes) {
  if (bytes.empty()) throw Error("input.empty", "file is empty");
  if (is_pdf(bytes)) return read_pdf(bytes);
  auto text = normalize::decode_text(bytes);
  if (!text || text->utf8.find('\0') != std::string::npos)
    throw Error("input.not_text", "not a PDF and not a text document (UTF-8, UTF-16 or GB18030)");
  LayoutDocument layout = read_text(text->utf8);
  if (text->charset != "UTF-8")
    layout.notes.push_back({"text_decoded", 0, "text read as " + text->charset});
  if (text->replaced > 0)
    layout.notes.push_back({"text_invalid_bytes", 0,
                            std::to_string(text->replaced) + " invalid bytes replaced by U+FFFD"});
  return layout;
}

// The unit a table prints on its own line, else the last one printed before it.
std::string unit_before(const std::vector<Block>& blocks, std::size_t first_block) {
  for (std::size_t i = first_block + 1; i-- > 0;)
    if (blocks[i].kind != BlockKind::grid && normalize::parse_unit_line(blocks[i].text))
      return blocks[i].text;
  return "";
}

}  // namespace

LayoutDocument read_layout(const std::string& path) { return layout_of(read_bytes(path)); }

LayoutDocument read_layout_bytes(const std::string& bytes) { return layout_of(bytes); }

Document recognize(LayoutDocument layout) {
  // Text is cleaned once, here, for every recogniser after: NFC, radicals,
  // spaces next to CJK, wrapped lines joined (normalize::clean_text).
  for (Block& b : layout.blocks) {
    b.text = normalize::clean_text(b.text);
    for (GridRow& row : b.rows)
      for (GridCell& cell : row.cells) cell.text = normalize::clean_text(cell.text);
  }
  Document doc;
  doc.source.format = layout.format;
  if (layout.pages > 0) doc.source.pages = layout.pages;
  for (const auto& note : layout.notes)
    doc.warnings.push_back({note.code, note.page > 0 ? std::optional<int>(note.page) : std::nullopt,
                            note.message});

  // Who, which year, budget or 决算: from the cover, before anything else,
  // because header years and table entities are read against it.
  doc.document = read_document_info(layout.blocks);

  // Which blocks are tables or forms; the rest is prose for the outline.
  Segmentation seg = segment_blocks(layout.blocks);
  // Performance forms (and untitled pages continuing one) are projects, not tables.
  ProjectRecords project_forms = read_project_forms(seg);
  TableContext ctx{doc.document.fiscal_year.value_or(0), doc.document.entity, ""};
  std::vector<std::size_t> unreadable_units;  // tables whose unit line does not decode
  for (const auto& s : seg.segments) {
    if (!s.title.record.empty()) continue;  // performance forms: projects, not tables
    if (project_forms.used_segment[&s - seg.segments.data()]) continue;
    if (s.grids.empty() && !s.says_no_data) continue;  // a title listed without its table (contents)
    ctx.default_unit = s.blocks.empty() ? "" : unit_before(layout.blocks, s.blocks.front());
    Table t = build_table(s, ctx, doc.warnings);
    if (!s.titled && t.columns.empty() && t.rows.empty()) {
      // A grid with no title, no header and no body (a contents list drawn as
      // a table): nothing to keep as a table, but say it was there.
      doc.warnings.push_back({"unrecognised_grid", t.page, "a grid with no title, header or rows was skipped"});
      continue;
    }
    if (s.unit_line.empty() && s.unit_unreadable) unreadable_units.push_back(doc.tables.size());
    doc.tables.push_back(std::move(t));
  }
  // A table the contents (目录) list but the document does not print.
  for (Warning& w : unprinted_tables(contents_tables(layout.blocks), doc.tables))
    doc.warnings.push_back(std::move(w));
  complete_from_tables(doc.document, doc.tables, layout.blocks);
  doc.sections = build_outline(layout.blocks, seg.in_segment);
  // Projects: the forms, with the prose descriptions (项目经费情况说明) merged in.
  doc.overall_performance = std::move(project_forms.overall);
  doc.projects = merge_prose_projects(std::move(project_forms),
                                      read_prose_projects(layout.blocks, seg));
  // The figures the prose states, for the checks against the tables.
  doc.facts = extract_facts(doc.sections, doc.document.entity);
  infer_unreadable_units(doc.tables, unreadable_units, doc.facts, doc.warnings);
  doc.assets = read_assets(doc.facts);
  doc.glossary = read_glossary(doc.sections);

  // A disclosure printed as prose only (tables published apart) still has
  // its cover; anything with neither a disclosure table nor a cover is not a
  // disclosure (an annual report on information disclosure, a statistics
  // bulletin: their own tables are no budget tables).
  bool disclosure_table = std::any_of(doc.tables.begin(), doc.tables.end(),
                                      [](const Table& t) { return t.kind != "unknown"; });
  if (!disclosure_table && !doc.document.fiscal_year)
    throw Error("input.not_disclosure", "no disclosure cover and no budget table found: not a disclosure?");
  return doc;
}

Document extract_file(const std::string& path) {
  return extract_bytes(read_bytes(path), base_name(path));
}

Document extract_bytes(const std::string& bytes, const std::string& name) {
  Document doc = recognize(layout_of(bytes));
  doc.source.file = name;
  doc.source.sha256 = sha256_hex(bytes);
  return doc;
}

}  // namespace budget::extract
