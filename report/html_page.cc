// The HTML of the review page (render_html in report/report.h).  One pass
// over the Document, section by section, into one string; the styles and
// the small script at the end are inline (report/page_assets.h), the page
// images data: URIs.  Nothing here reaches the network.
#include <nettle/base64.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/version.h"
#include "report/check_cells.h"
#include "report/html_text.h"
#include "report/page_assets.h"
#include "report/report.h"

namespace budget::report {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

std::string base64(const std::string& bytes) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(bytes.size()), '\0');
  base64_encode_raw(out.data(), bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  return out;
}

// The digits after the point the table prints: the most any of its amounts needs.
int table_decimals(const Table& t) {
  int exp = unit_exponent(t.unit), decimals = 0;
  for (const Row& r : t.rows)
    for (const auto& kv : r.values)
      decimals = std::max(decimals, Amount{kv.second.units, kv.second.scale + exp}.normalized().scale);
  return decimals;
}

std::string box_attr(const Box& b) {
  std::ostringstream os;
  os.precision(6);
  os << b.x0 << ',' << b.y0 << ',' << b.x1 << ',' << b.y1;
  return os.str();
}

std::string pct(double v, double of) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(3);
  os << (of > 0 ? 100.0 * v / of : 0.0) << '%';
  return os.str();
}

std::string row_id(int t, int r) { return "r" + std::to_string(t) + "-" + std::to_string(r); }

// Where a figure is: page and box attributes for a clickable element.
std::string place_attrs(const Row& row, const std::string& key) {
  std::string a;
  if (row.page) a += " data-p=\"" + std::to_string(*row.page) + "\"";
  const Box* box = row.box ? &*row.box : nullptr;
  for (const auto& kv : row.cell_boxes)
    if (kv.first == key) box = &kv.second;
  if (box) a += " data-b=\"" + box_attr(*box) + "\"";
  return a;
}

// A failed check or a note, with the cells it speaks of.
struct Finding {
  const CheckResult* check;
  std::string id;  // "f3"
  std::vector<CellRef> cells;
};

// Marks of the findings on one cell: (finding id, primary?) by table/row/key.
using Marks = std::map<std::tuple<int, int, std::string>, std::vector<std::pair<const Finding*, bool>>>;

class Page {
 public:
  Page(const Document& doc, const std::vector<PageImage>& images) : doc_(doc), images_(images) {
    for (const CheckResult& c : doc.checks) {
      if (c.severity.empty()) continue;
      Finding f{&c, "f" + std::to_string(findings_.size()), cells_of(doc, c)};
      findings_.push_back(std::move(f));
    }
    for (const Finding& f : findings_)
      for (std::size_t i = 0; i < f.cells.size(); ++i)
        marks_[{f.cells[i].table, f.cells[i].row, f.cells[i].key}].push_back({&f, i == 0});
  }

  std::string html() {
    out_ << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
         << esc(title()) << " — budgetx review</title>\n<style>" << kReportStyle << "</style>\n</head>\n"
         << "<body class=\"" << (images_.empty() ? "noimg" : "img") << "\">\n<main id=\"main\">\n";
    identity();
    summary();
    findings();
    outline();
    tables();
    projects();
    facts();
    warnings();
    out_ << "</main>\n";
    pages();
    out_ << "<script>" << kReportScript << "</script>\n</body>\n</html>\n";
    return out_.str();
  }

 private:
  std::string title() const {
    const DocumentInfo& d = doc_.document;
    if (!d.title.empty()) return d.title;
    return d.entity.empty() ? doc_.source.file : d.entity;
  }

  std::string page_link(const std::optional<int>& page) const {
    if (!page) return "";
    return "<a class=\"pl\" href=\"#p" + std::to_string(*page) + "\" data-p=\"" + std::to_string(*page) +
           "\">p. " + std::to_string(*page) + "</a>";
  }

  void identity() {
    const DocumentInfo& d = doc_.document;
    out_ << "<header>\n<h1>" << esc(title()) << "</h1>\n<dl class=\"id\">";
    auto item = [&](const char* k, const std::string& v) {
      if (!v.empty()) out_ << "<dt>" << k << "</dt><dd>" << esc(v) << "</dd>";
    };
    item("entity", d.entity);
    item("fiscal year", d.fiscal_year ? std::to_string(*d.fiscal_year) : "");
    item("kind", d.kind);
    item("scope", d.scope);
    item("file", doc_.source.file);
    item("format", doc_.source.format);
    item("pages", doc_.source.pages ? std::to_string(*doc_.source.pages) : "");
    item("sha256", doc_.source.sha256);
    item("read by", std::string("budgetx ") + kBudgetxVersion);
    out_ << "</dl>\n</header>\n";
  }

  void summary() {
    std::size_t rows = 0, errors = 0, notes = 0, passed = 0;
    for (const Table& t : doc_.tables) rows += t.rows.size();
    for (const CheckResult& c : doc_.checks) {
      errors += c.severity == "error";
      notes += c.severity == "note";
      passed += c.status == "pass";
    }
    out_ << "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">"
         << "<li><b>" << doc_.tables.size() << "</b> tables</li>"
         << "<li><b>" << rows << "</b> rows</li>"
         << "<li><b>" << doc_.projects.size() << "</b> projects</li>"
         << "<li><b>" << doc_.facts.size() << "</b> facts</li>"
         << "<li><b>" << doc_.checks.size() << "</b> checks, <b>" << passed << "</b> passed</li>"
         << "<li class=\"" << (errors ? "error" : "") << "\"><b id=\"n-errors\">" << errors
         << "</b> failed (error)</li>"
         << "<li class=\"" << (notes ? "note" : "") << "\"><b id=\"n-notes\">" << notes
         << "</b> notes</li>"
         << "<li><b>" << doc_.warnings.size() << "</b> warnings</li></ul>\n";
    out_ << "<p class=\"help\">Click a failed check to reach its cell; a cell or row to see its box on "
            "the page image; a box on a page to get back to its row. Amounts show as printed "
            "(the table's unit); hover for the exact value in 元.</p>\n</section>\n";
  }

  void section_items(const std::vector<Section>& sections) {
    out_ << "<ul>";
    for (const Section& s : sections) {
      out_ << "<li>" << esc(s.marker) << " " << esc(s.title) << " " << page_link(s.page);
      if (!s.children.empty()) section_items(s.children);
      out_ << "</li>";
    }
    out_ << "</ul>";
  }

  void outline() {
    out_ << "<nav id=\"outline\">\n<h2>Outline</h2>\n";
    if (doc_.sections.empty()) out_ << "<p>No headings recognised.</p>";
    else section_items(doc_.sections);
    out_ << "<h3>Tables</h3><ol>";
    for (std::size_t t = 0; t < doc_.tables.size(); ++t)
      out_ << "<li><a href=\"#t" << t << "\">" << esc(doc_.tables[t].title.empty() ? "(untitled)"
                                                                                  : doc_.tables[t].title)
           << "</a> " << page_link(doc_.tables[t].page) << "</li>";
    out_ << "</ol>\n</nav>\n";
  }

  // An amount of a check in the unit of the table of its first cell.
  std::string check_amount(const Finding& f, const std::optional<Amount>& a) const {
    if (!a) return "—";
    if (f.check->where.find(" (share of ") != std::string::npos) return a->to_string() + "%";
    if (!f.cells.empty()) {
      const Table& t = doc_.tables[f.cells[0].table];
      int exp = unit_exponent(t.unit);
      if (exp > 0)
        return in_unit(*a, exp, table_decimals(t)) + " " + esc(t.unit) + " <small>(" +
               in_unit(*a, 0, 0) + " 元)</small>";
    }
    return in_unit(*a, 0, 0) + " 元";
  }

  void findings() {
    out_ << "<section id=\"findings\">\n<h2>Failed checks and notes</h2>\n";
    if (findings_.empty()) out_ << "<p>Every check passed.</p>";
    out_ << "<ol>";
    for (const Finding& f : findings_) {
      const CheckResult& c = *f.check;
      out_ << "<li class=\"finding " << c.severity << "\" id=\"" << f.id << "\""
           << ">"
           << "<span class=\"sev\">" << c.severity << "</span> <b>" << esc(c.rule) << "</b> "
           << page_link(c.page) << "<div class=\"where\">" << esc(c.where) << "</div>";
      if (c.actual || c.expected)
        out_ << "<table class=\"kv\"><tr><th>printed</th><td>" << check_amount(f, c.actual)
             << "</td></tr><tr><th>expected</th><td>" << check_amount(f, c.expected)
             << "</td></tr><tr><th>difference</th><td>" << check_amount(f, c.difference)
             << "</td></tr><tr><th>tolerance</th><td>" << check_amount(f, c.tolerance)
             << "</td></tr></table>";
      if (!c.message.empty()) out_ << "<div class=\"msg\">" << esc(c.message) << "</div>";
      if (f.cells.empty()) out_ << "<div class=\"msg\">(no table cell to show)</div>";
      out_ << "</li>\n";
    }
    out_ << "</ol>\n</section>\n";
  }

  // The header rows of a table from its columns' label paths: a group label
  // shared by neighbouring columns is one cell across them; a path shorter
  // than the deepest spans down.
  void table_head(const Table& t) {
    std::size_t depth = 1;
    std::vector<std::vector<std::string>> paths;
    for (const Column& c : t.columns) {
      paths.push_back(c.label.empty() ? std::vector<std::string>{c.key} : c.label);
      depth = std::max(depth, paths.back().size());
    }
    out_ << "<thead>";
    for (std::size_t r = 0; r < depth; ++r) {
      out_ << "<tr>";
      for (std::size_t c = 0; c < paths.size();) {
        const auto& p = paths[c];
        if (r >= p.size()) {
          ++c;
          continue;
        }
        bool leaf = r + 1 == p.size();
        std::size_t span = 1;
        while (!leaf && c + span < paths.size() && paths[c + span].size() > r + 1 &&
               std::equal(p.begin(), p.begin() + r + 1, paths[c + span].begin()) &&
               t.columns[c + span].side == t.columns[c].side)
          ++span;
        out_ << "<th" << (span > 1 ? " colspan=\"" + std::to_string(span) + "\"" : "")
             << (leaf && depth > r + 1 ? " rowspan=\"" + std::to_string(depth - r) + "\"" : "")
             << (leaf ? " title=\"" + esc(t.columns[c].key) + "\"" : "") << ">" << esc(p[r]) << "</th>";
        c += span;
      }
      out_ << "</tr>";
    }
    out_ << "</thead>";
  }

  // Printed lines: rows of side-by-side lists read from one line share it.
  std::vector<std::vector<int>> printed_lines(const Table& t) const {
    std::map<std::string, int> order;
    for (const Column& c : t.columns) order.emplace(c.side, static_cast<int>(order.size()));
    std::vector<std::vector<int>> lines;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Row& row = t.rows[r];
      bool joins = false;
      if (!lines.empty() && !row.side.empty()) {
        const Row& prev = t.rows[lines.back().back()];
        joins = !prev.side.empty() && order[row.side] > order[prev.side] && prev.page == row.page &&
                (!row.box || !prev.box ||
                 std::min(row.box->y1, prev.box->y1) > std::max(row.box->y0, prev.box->y0));
      }
      if (joins) lines.back().push_back(static_cast<int>(r));
      else lines.push_back({static_cast<int>(r)});
    }
    return lines;
  }

  std::string cell_marks(int t, int r, const std::string& key, std::string& title) const {
    auto it = marks_.find({t, r, key});
    if (it == marks_.end()) return "";
    std::string cls, primaries, ids;
    for (const auto& [f, primary] : it->second) {
      const CheckResult& c = *f->check;
      std::string mark = (primary ? "mark-" : "part-") + c.severity;
      if (cls.find(mark) == std::string::npos) cls += " " + mark;
      if (primary) primaries += (primaries.empty() ? "" : " ") + f->id;
      ids += (ids.empty() ? "" : " ") + f->id;
      title += "\n" + c.severity + ": " + c.rule + (c.message.empty() ? "" : " — " + c.message);
    }
    return " class=\"" + cls.substr(1) + "\" data-f=\"" + ids + "\"" +
           (primaries.empty() ? "" : " data-m=\"" + primaries + "\"");
  }

  void table_cell(int t, const Row& row, int r, const Column& col, int exp, int decimals) {
    std::string text, title, cls;
    const std::string& key = col.key;
    if (key == "code") {
      text = esc(row.code.value_or(""));
    } else if (key == "name") {
      text = esc((row.ordinal ? *row.ordinal + " " : "") + row.name);
      cls = "nm l" + std::to_string(std::min(row.level, 4));
    } else if (const Amount* a = row.value(key)) {
      text = in_unit(*a, exp, decimals);
      title = a->to_string() + " 元";
      cls = "n";
    } else {
      for (const auto& kv : row.text_fields)
        if (kv.first == key) text = esc(kv.second);
    }
    std::string marks = cell_marks(t, r, key, title);
    if (key == "name" || (key == "code" && !col.label.empty())) {
      std::string whole_row_title;
      std::string whole = cell_marks(t, r, "", whole_row_title);
      if (!whole.empty() && marks.empty() && key == "name") marks = whole, title += whole_row_title;
    }
    if (!cls.empty()) {
      if (marks.empty()) marks = " class=\"" + cls + "\"";
      else marks.insert(marks.find("class=\"") + 7, cls + " ");
    }
    out_ << "<td data-r=\"" << row_id(t, r) << "\" data-k=\"" << esc(key) << "\"" << marks
         << place_attrs(row, key)
         << (title.empty() ? "" : " title=\"" + esc(title) + "\"") << ">" << text << "</td>";
  }

  void tables() {
    out_ << "<section id=\"tables\">\n<h2>Tables</h2>\n";
    for (std::size_t ti = 0; ti < doc_.tables.size(); ++ti) {
      const Table& t = doc_.tables[ti];
      int T = static_cast<int>(ti);
      out_ << "<section class=\"table\" id=\"t" << ti << "\">\n<h3>" << esc(t.title.empty() ? "(untitled)" : t.title)
           << "</h3>\n<p class=\"meta\">" << esc(t.kind) << " · unit " << esc(t.unit.empty() ? "?" : t.unit)
           << " · pages";
      for (int p : t.pages) out_ << " " << page_link(p);
      if (!t.entity.empty()) out_ << " · " << esc(t.entity);
      out_ << "</p>\n";
      if (t.no_data) {
        out_ << "<p class=\"empty\">Printed empty (本表无数据).</p></section>\n";
        continue;
      }
      int exp = unit_exponent(t.unit), decimals = table_decimals(t);
      out_ << "<div class=\"tw\"><table class=\"data\">";
      table_head(t);
      out_ << "<tbody>";
      for (const auto& line : printed_lines(t)) {
        out_ << "<tr>";
        for (const Column& col : t.columns) {
          int r = -1;
          for (int k : line)
            if (t.rows[k].side == col.side) r = k;
          if (r < 0) {
            out_ << "<td></td>";
            continue;
          }
          table_cell(T, t.rows[r], r, col, exp, decimals);
        }
        out_ << "</tr>\n";
      }
      out_ << "</tbody></table></div>\n</section>\n";
    }
    out_ << "</section>\n";
  }

  void funds(const char* label, const FundSplit& f) {
    const std::pair<const char*, const std::optional<Amount>*> parts[] = {
        {"total", &f.total}, {"central", &f.central}, {"provincial", &f.provincial},
        {"local", &f.local}, {"self-raised", &f.self_raised}, {"other", &f.other},
        {"fiscal", &f.fiscal}, {"current year", &f.current_year}, {"carry-over", &f.carryover}};
    std::string s;
    for (const auto& [name, v] : parts)
      if (*v) s += std::string(s.empty() ? "" : ", ") + name + " " + in_unit(**v, 0, 0) + " 元";
    if (!s.empty()) out_ << "<dt>" << label << "</dt><dd>" << s << "</dd>";
  }

  void projects() {
    out_ << "<section id=\"projects\">\n<h2>Projects (" << doc_.projects.size() << ")</h2>\n";
    for (const Project& p : doc_.projects) {
      out_ << "<details class=\"project\"><summary>" << esc(p.name) << " " << page_link(p.page);
      if (p.funds_annual.total) out_ << " · annual " << in_unit(*p.funds_annual.total, 0, 0) << " 元";
      out_ << "</summary><dl>";
      auto item = [&](const char* k, const std::string& v) {
        if (!v.empty()) out_ << "<dt>" << k << "</dt><dd>" << esc(v) << "</dd>";
      };
      item("department", p.department);
      item("implementing unit", p.implementing_unit);
      item("attribute", p.attribute);
      item("period", p.period);
      funds("funds (period)", p.funds_period);
      funds("funds (annual)", p.funds_annual);
      item("goal (period)", p.goal_period);
      item("goal (annual)", p.goal_annual);
      out_ << "</dl>";
      if (!p.indicators.empty()) {
        out_ << "<table class=\"data ind\"><thead><tr><th>scope</th><th>一级指标</th><th>二级指标</th>"
                "<th>三级指标</th><th>指标值</th><th>target</th></tr></thead><tbody>";
        for (const Indicator& i : p.indicators) {
          std::string target = i.target.op == "qualitative"
                                   ? "qualitative"
                                   : i.target.op + " " + (i.target.number ? i.target.number->to_string() : "") +
                                         " " + i.target.unit;
          out_ << "<tr><td>" << esc(i.scope) << "</td><td>" << esc(i.level1) << "</td><td>" << esc(i.level2)
               << "</td><td>" << esc(i.name) << "</td><td>" << esc(i.value) << "</td><td>" << esc(target)
               << "</td></tr>";
        }
        out_ << "</tbody></table>";
      }
      out_ << "</details>\n";
    }
    out_ << "</section>\n";
  }

  // The table cell fact_matches_table compared a fact with, if any.
  const CellRef* fact_cell(const Fact& f, std::vector<CellRef>& keep) const {
    std::string prefix = "prose: ";
    for (const std::string& s : f.section) prefix += s + " / ";
    prefix += f.subject + " vs ";
    for (const CheckResult& c : doc_.checks) {
      if (c.rule != "fact_matches_table" || c.where.compare(0, prefix.size(), prefix) != 0) continue;
      keep = cells_of(doc_, c);
      if (!keep.empty()) return &keep.front();
    }
    return nullptr;
  }

  void facts() {
    out_ << "<section id=\"facts\">\n<h2>Facts stated in the prose (" << doc_.facts.size() << ")</h2>\n";
    if (!doc_.facts.empty())
      out_ << "<table class=\"data facts\"><thead><tr><th>page</th><th>subject</th><th>value</th>"
              "<th>change</th><th>share</th><th>checked against</th><th>text</th></tr></thead><tbody>";
    for (const Fact& f : doc_.facts) {
      std::vector<CellRef> keep;
      const CellRef* cell = fact_cell(f, keep);
      out_ << "<tr><td>" << page_link(f.page) << "</td><td>" << esc(f.subject) << "</td><td class=\"n\">"
           << (f.value ? (f.unit == "元" ? in_unit(*f.value, 4, 2) + " 万元" : f.value->to_string() + " " + esc(f.unit))
                       : "")
           << "</td><td class=\"n\">" << (f.change ? in_unit(*f.change, 4, 2) + " 万元" : "")
           << (f.change_pct ? " (" + f.change_pct->to_string() + "%)" : "") << "</td><td class=\"n\">"
           << (f.share_pct ? f.share_pct->to_string() + "%" : "") << "</td><td>";
      if (cell) {
        const Table& t = doc_.tables[cell->table];
        const Row& r = t.rows[cell->row];
        out_ << "<a class=\"go\" href=\"#" << row_id(cell->table, cell->row) << "\" data-go=\""
             << row_id(cell->table, cell->row) << "\" data-k=\"" << esc(cell->key) << "\">" << esc(t.title)
             << " / " << esc(r.name) << "</a>";
      }
      out_ << "</td><td class=\"tx\">" << esc(f.text) << "</td></tr>\n";
    }
    if (!doc_.facts.empty()) out_ << "</tbody></table>";
    out_ << "</section>\n";
  }

  void warnings() {
    out_ << "<section id=\"warnings\">\n<h2>Warnings (" << doc_.warnings.size() << ")</h2>\n<ul>";
    for (const Warning& w : doc_.warnings)
      out_ << "<li><code>" << esc(w.code) << "</code> " << page_link(w.page) << " " << esc(w.message)
           << "</li>";
    out_ << "</ul>\n</section>\n";
  }

  // The page images, each with its rows' boxes (a flagged row's in colour).
  void pages() {
    out_ << "<aside id=\"pages\">\n";
    std::map<int, std::vector<std::pair<int, int>>> rows_on_page;
    for (std::size_t t = 0; t < doc_.tables.size(); ++t)
      for (std::size_t r = 0; r < doc_.tables[t].rows.size(); ++r) {
        const Row& row = doc_.tables[t].rows[r];
        if (row.page && row.box) rows_on_page[*row.page].push_back({static_cast<int>(t), static_cast<int>(r)});
      }
    std::set<std::pair<int, int>> flagged;
    for (const Finding& f : findings_)
      for (const CellRef& c : f.cells) flagged.insert({c.table, c.row});
    for (const PageImage& img : images_) {
      out_ << "<div class=\"pg\" id=\"p" << img.page << "\" data-w=\"" << img.width_pt << "\" data-h=\""
           << img.height_pt << "\"><div class=\"pn\">page " << img.page << "</div><div class=\"pi\">"
           << "<img alt=\"page " << img.page << "\" width=\"" << img.width_px << "\" height=\"" << img.height_px
           << "\" loading=\"lazy\" src=\"data:image/png;base64," << base64(img.png) << "\">";
      for (const auto& [t, r] : rows_on_page[img.page]) {
        const Row& row = doc_.tables[t].rows[r];
        const Box& b = *row.box;
        out_ << "<a class=\"rb" << (flagged.count({t, r}) ? " flag" : "") << "\" href=\"#" << row_id(t, r)
             << "\" data-go=\"" << row_id(t, r) << "\" title=\"" << esc(row.name) << "\" style=\"left:"
             << pct(b.x0, img.width_pt) << ";top:" << pct(b.y0, img.height_pt) << ";width:"
             << pct(b.width(), img.width_pt) << ";height:" << pct(b.height(), img.height_pt) << "\"></a>";
      }
      out_ << "<div class=\"hl\" hidden></div></div></div>\n";
    }
    if (images_.empty())
      out_ << "<p class=\"noimg\">No page images (" << (doc_.source.format == "pdf" ? "not rendered" : "text input")
           << ").</p>";
    out_ << "</aside>\n";
  }

  const Document& doc_;
  const std::vector<PageImage>& images_;
  std::vector<Finding> findings_;
  Marks marks_;
  std::ostringstream out_;
};

}  // namespace

std::string render_html(const Document& doc, const std::vector<PageImage>& images) {
  return Page(doc, images).html();
}

}  // namespace budget::report
