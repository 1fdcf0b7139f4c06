#include "extract/recognize/glossary.h"

#include <re2/re2.h>

#include <string>

#include "extract/recognize/outline.h"
#include "normalize/text.h"

namespace budget::extract {
namespace {

constexpr const char* kGlossaryTitle = "名词解释";
// A term is short; a longer text before the colon is a sentence.
constexpr int kMaxTermChars = 30;

std::string strip_markup(std::string s) {
  static const RE2 kMarkup("\\*\\*|</?b>", RE2::Quiet);
  RE2::GlobalReplace(&s, kMarkup, "");
  return normalize::clean_text(s);
}

class GlossaryReader {
 public:
  // One paragraph (or a sub-heading's title) of the glossary section.
  void paragraph(const std::string& raw) {
    std::string text = strip_markup(raw);
    if (text.empty()) return;
    HeadingMarker h = parse_heading_marker(text);
    std::string body = h.rank >= 1 ? h.title : text;
    static const RE2 kEntry("^\\s*([^：:，,。；;]{1,30}?)\\s*[：:]\\s*(.*)$", RE2::Quiet);
    std::string term, definition;
    bool entry = RE2::FullMatch(body, kEntry, &term, &definition) &&
                 static_cast<int>(normalize::to_u32(term).size()) <= kMaxTermChars;
    if (!entry && h.rank >= 1 && !h.title.empty() && !contains_sentence(h.title)) {
      // "六、财政专户管理资金" with the definition in the next paragraph.
      term = h.title;
      definition.clear();
      entry = true;
    }
    if (entry) {
      out_.push_back({normalize::clean_text(term), normalize::clean_text(definition)});
      return;
    }
    if (out_.empty()) return;  // an introduction before the first entry
    std::string& d = out_.back().definition;
    d += (d.empty() ? "" : "\n") + text;
  }

  std::vector<GlossaryEntry> take() { return std::move(out_); }

 private:
  static bool contains_sentence(const std::string& s) {
    static const RE2 kSentence("[。；;，,]", RE2::Quiet);
    return RE2::PartialMatch(s, kSentence);
  }

  std::vector<GlossaryEntry> out_;
};

void read_section(const Section& s, GlossaryReader& reader) {
  std::size_t start = 0;
  const std::string& t = s.text;
  while (start <= t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    reader.paragraph(t.substr(start, end - start));
    start = end + 1;
  }
  for (const Section& c : s.children) {
    reader.paragraph(c.marker + c.title);
    read_section(c, reader);
  }
}

const Section* find_glossary(const std::vector<Section>& sections) {
  for (const Section& s : sections) {
    // A contents entry has no text: the glossary itself comes later.
    if (s.title.find(kGlossaryTitle) != std::string::npos && (!s.text.empty() || !s.children.empty()))
      return &s;
    if (const Section* c = find_glossary(s.children)) return c;
  }
  return nullptr;
}

}  // namespace

std::vector<GlossaryEntry> read_glossary(const std::vector<Section>& sections) {
  GlossaryReader reader;
  if (const Section* g = find_glossary(sections)) read_section(*g, reader);
  return reader.take();
}

}  // namespace budget::extract
