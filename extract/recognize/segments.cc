#include "extract/recognize/segments.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/recognize/inferred_unit.h"
#include "extract/recognize/outline.h"
#include "extract/registry.h"
#include "normalize/text.h"
#include "normalize/units.h"

namespace budget::extract {
namespace {

// The words that introduce the entity a table belongs to.
const std::string kEntityLabels =
    "^\\s*(?:单位名称|编制单位|编制部门|部门名称|编报单位|填报单位|预算单位|预算主管部门|主管部门|部门|单位)";

// Lines that describe the table under its title.
bool is_table_meta(const std::string& text) {
  static const RE2 kMeta("^(?:[(（]\\s*(?:19|20)[0-9]{2}\\s*年度?\\s*[)）]|注[:：].*|说明[:：].*|续表.*)$",
                         RE2::Quiet);
  return normalize::parse_unit_line(text).has_value() || is_unreadable_unit_line(text) ||
         !entity_from_line(text).empty() ||
         parse_ordinal_label(text).has_value() || RE2::FullMatch(text, kMeta) || says_no_data(text);
}

// "部门：" / "单位名称：" alone: the entity follows on the next line.
bool is_entity_label(const std::string& text) {
  static const RE2 kLabel(kEntityLabels + "\\s*[:：]\\s*$", RE2::Quiet);
  return RE2::FullMatch(text, kLabel);
}

bool is_sentence_or_heading(const std::string& text) {
  static const RE2 kSentence("[。；;，,]", RE2::Quiet);
  return RE2::PartialMatch(text, kSentence) || parse_heading_marker(text).rank >= 0;
}

int filled_cells(const GridRow& row) {
  return static_cast<int>(std::count_if(row.cells.begin(), row.cells.end(), [](const GridCell& c) {
    return !c.text.empty();
  }));
}

std::string joined_cells(const GridRow& row) {
  std::string s;
  for (const auto& c : row.cells) {
    const std::string& t = c.text;
    if (!t.empty()) s += (s.empty() ? "" : " ") + t;
  }
  return s;
}

class Segmenter {
 public:
  explicit Segmenter(const std::vector<Block>& blocks) : blocks_(blocks) {
    out_.in_segment.assign(blocks.size(), false);
  }

  Segmentation run() {
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      const Block& b = blocks_[i];
      if (b.kind == BlockKind::grid)
        take_grid(i, b);
      else
        take_text(i, b.text, b.page);
    }
    close();
    return std::move(out_);
  }

 private:
  void take_text(std::size_t i, const std::string& text, int page) {
    if (auto ord = parse_ordinal_label(text)) {
      if (!takes_ordinal_below()) {
        close();
        pending_ordinal_ = ord;
      } else {
        open_->title.ordinal = ord;
      }
      mark(i, open_ ? &*open_ : nullptr);
      just_titled_ = false;
      return;
    }
    just_titled_ = false;
    if (auto title = parse_title(text)) {
      if (continues_last(*title, page)) {
        if (!open_) reopen_last();
      } else {
        open(*title, page);
      }
      mark(i, &*open_);
      just_titled_ = true;
      return;
    }
    if (open_ && expecting_entity_ && text.size() < 120) {
      open_->entity_line = text;  // "部门：" printed on the line above
      expecting_entity_ = false;
      mark(i, &*open_);
      return;
    }
    if (open_ && is_entity_label(text)) {
      expecting_entity_ = true;
      mark(i, &*open_);
      return;
    }
    if (open_ && is_table_meta(text)) {
      describe(*open_, text);
      mark(i, &*open_);
      return;
    }
    if (open_ && open_->grids.empty() && text.size() < 60 && !is_sentence_or_heading(text)) {
      mark(i, &*open_);  // a subtitle or a wrapped entity name between title and grid
      return;
    }
    close();
    only_meta_since_close_ = false;  // prose: a later grid is not a continuation
  }

  // A title printed as a line of the grid, after the rows of the table
  // before it (tables printed back to back in one grid), starts a new table;
  // a run of title lines is a contents list, not tables.
  void take_grid(std::size_t i, const Block& grid) {
    const auto& rows = grid.rows;
    auto is_title_row = [&](std::size_t r) {
      return r < rows.size() && filled_cells(rows[r]) <= 2 && parse_title(joined_cells(rows[r]));
    };
    Block piece = grid;
    piece.rows.clear();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const GridRow& row = rows[r];
      if (!piece.rows.empty() && is_title_row(r) && !is_title_row(r - 1) && !is_title_row(r + 1)) {
        take_grid_piece(i, piece);
        piece.rows.clear();
        if (row.page > 0) piece.page = row.page;
      }
      piece.rows.push_back(row);
    }
    take_grid_piece(i, piece);
  }

  void take_grid_piece(std::size_t i, const Block& grid) {
    Block rest = grid;
    // A title, unit or entity printed inside the grid's first rows.
    while (!rest.rows.empty() && filled_cells(rest.rows.front()) <= 2) {
      std::string line = joined_cells(rest.rows.front());
      auto title = parse_title(line);
      if (title) {
        open(*title, rest.rows.front().page ? rest.rows.front().page : grid.page);
        just_titled_ = true;
      } else if (!(open_ && is_table_meta(line)) && !parse_ordinal_label(line)) {
        break;
      } else if (auto ord = parse_ordinal_label(line)) {
        if (takes_ordinal_below())
          open_->title.ordinal = ord;
        else
          pending_ordinal_ = ord;
        just_titled_ = false;
      } else {
        just_titled_ = false;
        describe(*open_, line);
      }
      rest.rows.erase(rest.rows.begin());
    }
    if (!open_) {
      if (last_closed_ && last_closed_->grids.size() > 0 && only_meta_since_close_) {
        reopen_last();  // the same table continued after page furniture
      } else {
        open(TitleInfo{}, grid.page);
        open_->titled = false;
      }
    }
    if (!rest.rows.empty()) {
      open_->grids.push_back(std::move(rest));
      just_titled_ = false;
    }
    mark(i, &*open_);
  }

  // An ordinal label right under a title that has none (2025年预算收支总表 /
  // 公开表1) is that title's; anywhere else it labels the next title.
  bool takes_ordinal_below() const {
    return open_ && just_titled_ && open_->grids.empty() && !open_->title.ordinal;
  }

  // The title printed again over the table's next page (or, without pages,
  // right after it): the open segment — or the one just closed, with nothing
  // but its description since — goes on.
  bool continues_last(const TitleInfo& title, int page) const {
    const std::optional<TableSegment>& last = open_ ? open_ : last_closed_;
    if (!last || last->grids.empty() || (!open_ && !only_meta_since_close_)) return false;
    if (last->title.title != title.title || last->title.kind != title.kind ||
        last->title.record != title.record)
      return false;
    const Block& grid = last->grids.back();
    int last_page = grid.rows.empty() ? grid.page : grid.rows.back().page;
    return page == 0 ? last_page == 0 : page == last_page + 1;
  }

  void reopen_last() {
    open_ = std::move(last_closed_);
    last_closed_.reset();
    out_.segments.pop_back();
  }

  void open(const TitleInfo& title, int page) {
    close();
    open_ = TableSegment{};
    open_->title = title;
    open_->titled = true;
    open_->page = page;
    if (!title.ordinal && pending_ordinal_) open_->title.ordinal = pending_ordinal_;
    pending_ordinal_.reset();
  }

  void close() {
    expecting_entity_ = false;
    if (!open_) return;
    out_.segments.push_back(*open_);
    last_closed_ = std::move(open_);
    open_.reset();
    only_meta_since_close_ = true;
  }

  void describe(TableSegment& s, const std::string& text) {
    if (says_no_data(text)) s.says_no_data = true;
    if (normalize::parse_unit_line(text) && s.unit_line.empty()) s.unit_line = text;
    if (is_unreadable_unit_line(text)) s.unit_unreadable = true;
    std::string entity = entity_from_line(text);
    if (!entity.empty() && s.entity_line.empty()) s.entity_line = entity;
  }

  void mark(std::size_t i, TableSegment* s) {
    out_.in_segment[i] = true;
    if (s) s->blocks.push_back(i);
  }

  const std::vector<Block>& blocks_;
  Segmentation out_;
  std::optional<TableSegment> open_, last_closed_;
  bool only_meta_since_close_ = false;
  bool expecting_entity_ = false;
  bool just_titled_ = false;  // the last line taken was the open segment's title
  std::optional<int> pending_ordinal_;
};

}  // namespace

bool says_no_data(const std::string& text) {
  const auto& phrases = registry().words("no_data_phrases");
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](const std::string& p) { return text.find(p) != std::string::npos; });
}

std::string entity_from_line(const std::string& text) {
  static const RE2 kEntity(kEntityLabels + "\\s*[:：]\\s*(.+?)\\s*$", RE2::Quiet);
  std::string entity;
  if (!RE2::FullMatch(text, kEntity, &entity)) return "";
  // "编制单位：某局   单位：万元" — keep the entity only.
  static const RE2 kUnitTail("\\s*(?:金额)?单位\\s*[:：].*$", RE2::Quiet);
  RE2::Replace(&entity, kUnitTail, "");
  if (normalize::parse_unit_line("单位：" + entity)) return "";  // 单位：万元 is a unit, not an entity
  return normalize::clean_text(entity);
}

Segmentation segment_blocks(const std::vector<Block>& blocks) { return Segmenter(blocks).run(); }

}  // namespace budget::extract
