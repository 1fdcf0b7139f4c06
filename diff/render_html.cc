// The diff as one self-contained HTML page (`budgetx diff --format html`),
// laid out like the review page of `budgetx report` (its style sheet,
// report/page_assets.h): both documents' identity, a summary of the changes,
// the headline totals, the prose checks, then table by table every changed
// cell and row (old → new, difference, change %, in the table's printed unit
// with the exact 元 on hover), and the project, fund, indicator and fact
// changes.  No script, no network.
#include <map>
#include <set>
#include <sstream>

#include "diff/render.h"
#include "report/html_text.h"
#include "report/page_assets.h"

namespace budget::diff {
namespace {

using report::html_escape;
using report::in_unit;

std::string esc(std::string_view s) { return html_escape(s); }

std::string money(const std::optional<Amount>& a, const std::string& unit) {
  if (!a) return "<span class=\"blank\">—</span>";
  int exp = report::unit_exponent(unit);
  if (exp == 0) return in_unit(*a, 0, 0);
  return "<span title=\"" + a->to_string() + " 元\">" + in_unit(*a, exp, 2) + "</span>";
}

std::string signed_money(const std::optional<Amount>& a, const std::string& unit) {
  if (!a) return "";
  std::string s = money(a, unit);
  return *a > Amount{} ? "+" + s : s;
}

std::string pct(const std::optional<Amount>& p) {
  if (!p) return "";
  return (*p > Amount{} ? "+" : "") + fixed2(*p) + "%";
}

std::string row_label(const RowRef& r) {
  return (r.code ? *r.code + " " : "") + r.name;
}

std::string pages(const std::optional<int>& old_page, const std::optional<int>& new_page) {
  auto p = [](const std::optional<int>& n) { return n ? "p. " + std::to_string(*n) : std::string("—"); };
  return p(old_page) + " → " + p(new_page);
}

class Page {
 public:
  explicit Page(const Diff& d) : d_(d) {}

  std::string html() {
    out_ << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">\n<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>"
         << esc(title(d_.old_doc)) << " → " << esc(title(d_.new_doc)) << " — budgetx diff</title>\n<style>"
         << report::kReportStyle << kDiffStyle << "</style>\n</head>\n<body class=\"noimg\">\n<main id=\"main\">\n";
    identity();
    summary();
    headline();
    prose_checks();
    tables();
    projects();
    facts();
    out_ << "</main>\n</body>\n</html>\n";
    return out_.str();
  }

 private:
  static constexpr const char* kDiffStyle =
      "tr.added td{background:#eaf7ea}tr.removed td{background:#fbeaea}tr.moved td,tr.renamed "
      "td{background:#eef2fb}.up{color:#0a7a2a}.down{color:#b00}.blank{color:#aaa}"
      ".finding.pass{border-color:#3a3;background:#f4fbf4}.finding.pass .sev{background:#3a3}";

  static std::string title(const DocSummary& s) {
    if (!s.title.empty()) return s.title;
    return s.entity.empty() ? s.file : s.entity;
  }

  void identity() {
    out_ << "<header>\n<h1>" << esc(title(d_.old_doc)) << " → " << esc(title(d_.new_doc))
         << "</h1>\n<table class=\"data\"><thead><tr><th></th><th>OLD</th><th>NEW</th></tr></thead><tbody>";
    auto row = [&](const char* k, const std::string& a, const std::string& b) {
      out_ << "<tr><th>" << k << "</th><td>" << esc(a) << "</td><td>" << esc(b) << "</td></tr>";
    };
    auto year = [](const DocSummary& s) { return s.fiscal_year ? std::to_string(*s.fiscal_year) : ""; };
    row("entity", d_.old_doc.entity, d_.new_doc.entity);
    row("fiscal year", year(d_.old_doc), year(d_.new_doc));
    row("kind", d_.old_doc.kind, d_.new_doc.kind);
    row("scope", d_.old_doc.scope, d_.new_doc.scope);
    row("file", d_.old_doc.file, d_.new_doc.file);
    row("sha256", d_.old_doc.sha256, d_.new_doc.sha256);
    out_ << "</tbody></table>\n</header>\n";
  }

  void summary() {
    std::map<std::string, int> rows;
    for (const RowChange& r : d_.rows) ++rows[r.type];
    int failed = 0;
    for (const ProseCheck& c : d_.prose_checks) failed += c.status == "fail";
    out_ << "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">"
         << "<li><b>" << d_.tables.size() << "</b> tables matched</li>"
         << "<li><b>" << d_.table_changes.size() << "</b> tables added or removed</li>"
         << "<li><b>" << d_.cells.size() << "</b> cells changed</li>";
    for (const char* t : {"added", "removed", "moved", "renamed"})
      out_ << "<li><b>" << rows[t] << "</b> rows " << t << "</li>";
    out_ << "<li><b>" << d_.projects.size() << "</b> projects added or removed</li>"
         << "<li><b>" << d_.funds.size() << "</b> project funds changed</li>"
         << "<li><b>" << d_.indicators.size() << "</b> indicators changed</li>"
         << "<li><b>" << d_.facts.size() << "</b> prose facts changed</li>"
         << "<li class=\"" << (failed ? "error" : "") << "\"><b>" << failed
         << "</b> stated changes that do not match OLD</li></ul>\n";
    if (d_.min_change)
      out_ << "<p class=\"help\">Changes smaller than " << in_unit(*d_.min_change, 0, 0)
           << " 元 are hidden.</p>\n";
    if (d_.empty()) out_ << "<p>No change.</p>\n";
    out_ << "</section>\n";
  }

  void headline() {
    if (d_.headline.empty()) return;
    out_ << "<section id=\"headline\">\n<h2>Headline totals</h2>\n<table class=\"data\"><thead><tr>"
            "<th></th><th>OLD (元)</th><th>NEW (元)</th><th>difference</th><th>change</th></tr></thead><tbody>";
    for (const Headline& h : d_.headline)
      out_ << "<tr><td>" << esc(h.label) << "</td><td class=\"n\">" << money(h.old_value, "元")
           << "</td><td class=\"n\">" << money(h.new_value, "元") << "</td><td class=\"n\">"
           << signed_money(difference(h.old_value, h.new_value), "元") << "</td><td class=\"n\">"
           << pct(change_pct(h.old_value, h.new_value)) << "</td></tr>";
    out_ << "</tbody></table>\n</section>\n";
  }

  void prose_checks() {
    if (d_.prose_checks.empty()) return;
    out_ << "<section id=\"findings\">\n<h2>Changes stated in NEW's prose, checked against OLD</h2>\n<ol>";
    for (int pass = 0; pass < 2; ++pass)  // failures first
      for (const ProseCheck& c : d_.prose_checks) {
        if ((c.status == "fail") != (pass == 0)) continue;
        std::string section;
        for (const std::string& s : c.section) section += s + " / ";
        out_ << "<li class=\"finding " << (c.status == "fail" ? "error" : "pass")
             << "\" style=\"cursor:auto\"><span class=\"sev\">" << c.status << "</span> <b>"
             << esc(c.subject) << "</b> " << (c.page ? "p. " + std::to_string(*c.page) : "")
             << "<div class=\"where\">" << esc(section) << " vs OLD: " << esc(c.old_where) << "</div>"
             << "<table class=\"kv\"><tr><th>stated change</th><td>" << signed_money(c.stated_change, "元")
             << " " << pct(c.stated_pct) << "</td></tr><tr><th>from OLD</th><td>"
             << signed_money(c.expected_change, "元") << " " << pct(c.expected_pct)
             << "</td></tr><tr><th>difference</th><td>" << signed_money(c.change_difference, "元") << " "
             << pct(c.pct_difference) << "</td></tr></table><div class=\"msg\">" << esc(c.message)
             << "</div><div class=\"tx\">" << esc(c.text) << "</div></li>\n";
      }
    out_ << "</ol>\n</section>\n";
  }

  // The changes of one table pair, rows first in NEW's order, then cells.
  void table_changes(const std::string& heading, const std::string& meta, const std::string& unit,
                     const std::vector<const RowChange*>& rows, const std::vector<const CellChange*>& cells) {
    out_ << "<section class=\"table\">\n<h3>" << esc(heading) << "</h3>\n<p class=\"meta\">" << meta
         << " · amounts in " << esc(unit.empty() ? "元" : unit) << "</p>\n<div class=\"tw\"><table class=\"data\">"
         << "<thead><tr><th>change</th><th>row</th><th>column</th><th>OLD</th><th>NEW</th>"
            "<th>difference</th><th>change %</th><th>pages</th></tr></thead><tbody>";
    for (const CellChange* c : cells) {
      auto diff = difference(c->old_value, c->new_value);
      std::string dir = diff ? (*diff > Amount{} ? "up" : "down") : "";
      out_ << "<tr class=\"cell\"><td>cell</td><td>" << esc(row_label(c->new_row.index ? c->new_row : c->old_row))
           << (c->side.empty() ? "" : " <small>[" + esc(c->side) + "]</small>") << "</td><td>"
           << esc(c->column) << "</td>";
      if (c->old_text || c->new_text)
        out_ << "<td>" << esc(c->old_text.value_or("")) << "</td><td>" << esc(c->new_text.value_or(""))
             << "</td><td></td><td></td>";
      else
        out_ << "<td class=\"n\">" << money(c->old_value, unit) << "</td><td class=\"n\">"
             << money(c->new_value, unit) << "</td><td class=\"n " << dir << "\">" << signed_money(diff, unit)
             << "</td><td class=\"n " << dir << "\">" << pct(change_pct(c->old_value, c->new_value)) << "</td>";
      out_ << "<td>" << pages(c->old_row.page, c->new_row.page) << "</td></tr>\n";
    }
    for (const RowChange* r : rows) {
      std::string values;
      for (const auto& [k, v] : r->values) values += esc(k) + " " + money(v, unit) + "; ";
      for (const auto& [k, v] : r->text_fields) values += esc(k) + " " + esc(v) + "; ";
      out_ << "<tr class=\"row " << r->type << "\"><td>row " << r->type << "</td><td>";
      if (r->type == "moved" || r->type == "renamed")
        out_ << esc(row_label(r->old_row)) << " → " << esc(row_label(r->new_row));
      else
        out_ << esc(row_label(r->type == "removed" ? r->old_row : r->new_row));
      out_ << (r->side.empty() ? "" : " <small>[" + esc(r->side) + "]</small>") << "</td><td colspan=\"5\">"
           << values << "</td><td>" << pages(r->old_row.page, r->new_row.page) << "</td></tr>\n";
    }
    out_ << "</tbody></table></div>\n</section>\n";
  }

  void tables() {
    out_ << "<section id=\"tables\">\n<h2>Tables</h2>\n";
    for (const TableChange& t : d_.table_changes)
      out_ << "<p class=\"" << t.type << "\">Table " << t.type << ": <b>" << esc(t.table.title) << "</b> ("
           << esc(t.table.kind) << ", " << t.rows << " rows" << (t.table.page ? ", p. " + std::to_string(*t.table.page) : "")
           << ")</p>\n";
    for (const ColumnChange& c : d_.columns)
      out_ << "<p>Column " << c.type << " in <b>" << esc((c.new_table.index ? c.new_table : c.old_table).title)
           << "</b>: " << esc(c.column.key) << "</p>\n";
    // Changes by table pair, in NEW's order of the matched tables.
    auto key = [](const TableRef& o, const TableRef& n) {
      return std::make_pair(o.index.value_or(-1), n.index.value_or(-1));
    };
    std::map<std::pair<int, int>, std::vector<const RowChange*>> rows;
    std::map<std::pair<int, int>, std::vector<const CellChange*>> cells;
    for (const RowChange& r : d_.rows) rows[key(r.old_table, r.new_table)].push_back(&r);
    for (const CellChange& c : d_.cells) cells[key(c.old_table, c.new_table)].push_back(&c);
    std::set<std::pair<int, int>> shown;
    for (const auto& [o, n] : d_.tables) {
      auto k = key(o, n);
      if (!rows.count(k) && !cells.count(k)) continue;
      std::string meta = esc(n.kind) + " · OLD " + esc(o.title) + " (" + esc(o.unit) + ")";
      table_changes(n.title, meta, n.unit, rows[k], cells[k]);
      shown.insert(k);
    }
    // Changes in tables that are not a matched pair (a table only one
    // document prints): under that table's own title.
    for (const RowChange& r : d_.rows) {
      auto k = key(r.old_table, r.new_table);
      if (!shown.insert(k).second) continue;
      const TableRef& t = r.new_table.index ? r.new_table : r.old_table;
      table_changes(t.title, esc(t.kind) + " · in " + (r.new_table.index ? "NEW" : "OLD") + " only", t.unit,
                    rows[k], cells[k]);
    }
    for (const CellChange& c : d_.cells) {
      auto k = key(c.old_table, c.new_table);
      if (!shown.insert(k).second) continue;
      const TableRef& t = c.new_table.index ? c.new_table : c.old_table;
      table_changes(t.title, esc(t.kind), t.unit, rows[k], cells[k]);
    }
    out_ << "</section>\n";
  }

  void projects() {
    if (d_.projects.empty() && d_.funds.empty() && d_.indicators.empty()) return;
    out_ << "<section id=\"projects\">\n<h2>Projects</h2>\n<ul>";
    for (const ProjectChange& p : d_.projects)
      out_ << "<li class=\"" << p.type << "\">" << p.type << ": <b>" << esc(p.name) << "</b>"
           << (p.annual_total ? ", annual " + money(p.annual_total, "元") + " 元" : "") << "</li>";
    for (const FundChange& f : d_.funds)
      out_ << "<li>funds <b>" << esc(f.project) << "</b> " << esc(f.scope) << " " << esc(f.key) << ": "
           << money(f.old_value, "元") << " → " << money(f.new_value, "元") << " 元 ("
           << signed_money(difference(f.old_value, f.new_value), "元") << ")</li>";
    for (const IndicatorChange& i : d_.indicators)
      out_ << "<li>indicator " << i.type << " <b>" << esc(i.project) << "</b> " << esc(i.level2) << " / "
           << esc(i.name) << ": " << esc(i.old_value.value_or("—")) << " → " << esc(i.new_value.value_or("—"))
           << "</li>";
    out_ << "</ul>\n</section>\n";
  }

  void facts() {
    if (d_.facts.empty()) return;
    out_ << "<section id=\"facts\">\n<h2>Facts stated in the prose</h2>\n<table class=\"data\"><thead><tr>"
            "<th>change</th><th>subject</th><th>OLD</th><th>NEW</th><th>pages</th><th>text</th></tr></thead><tbody>";
    for (const FactChange& f : d_.facts) {
      std::string unit = f.unit == "元" ? "万元" : "";
      auto value = [&](const std::optional<Amount>& v) {
        return !v ? std::string("—") : unit.empty() ? v->to_string() + " " + esc(f.unit) : money(v, unit) + " 万元";
      };
      out_ << "<tr class=\"" << f.type << "\"><td>" << f.type << "</td><td>" << esc(f.subject) << "</td><td class=\"n\">"
           << value(f.old_value) << "</td><td class=\"n\">" << value(f.new_value) << "</td><td>"
           << pages(f.old_page, f.new_page) << "</td><td class=\"tx\">" << esc(f.text) << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n</section>\n";
  }

  const Diff& d_;
  std::ostringstream out_;
};

}  // namespace

std::string to_html(const Diff& d) { return Page(d).html(); }

}  // namespace budget::diff
