// The diff as CSV, one line per change (docs/diff.md lists the columns).
#include "core/line_items.h"
#include "diff/render.h"

namespace budget::diff {
namespace {

struct Line {
  std::string change, table_kind, table_title, side, row_code, old_row_code, row_name,
      old_row_name, column;
  std::string old_value, new_value, difference, change_pct;
  std::optional<int> old_page, new_page;
};

std::string text(const std::optional<Amount>& a) { return a ? a->to_string() : ""; }
std::string page(const std::optional<int>& p) { return p ? std::to_string(*p) : ""; }

Line table_line(std::string change, const TableRef& old_table, const TableRef& new_table,
                const std::string& side, const RowRef& old_row, const RowRef& new_row) {
  const TableRef& t = new_table.index ? new_table : old_table;
  const RowRef& r = new_row.index ? new_row : old_row;
  bool both = old_row.index && new_row.index;
  Line l;
  l.change = std::move(change);
  l.table_kind = t.kind;
  l.table_title = t.title;
  l.side = side;
  l.row_code = r.code.value_or("");
  l.row_name = r.name;
  if (both && old_row.code != new_row.code) l.old_row_code = old_row.code.value_or("");
  if (both && old_row.name != new_row.name) l.old_row_name = old_row.name;
  l.old_page = old_row.page;
  l.new_page = new_row.page;
  return l;
}

void set_figures(Line& l, const std::optional<Amount>& old_value,
                 const std::optional<Amount>& new_value) {
  l.old_value = text(old_value);
  l.new_value = text(new_value);
  l.difference = text(difference(old_value, new_value));
  auto p = change_pct(old_value, new_value);
  l.change_pct = p ? fixed2(*p) : "";
}

std::vector<Line> lines_of(const Diff& d) {
  std::vector<Line> out;
  for (const TableChange& t : d.table_changes) {
    Line l;
    l.change = "table_" + t.type;
    l.table_kind = t.table.kind;
    l.table_title = t.table.title;
    (t.type == "added" ? l.new_page : l.old_page) = t.table.page;
    out.push_back(l);
  }
  for (const ColumnChange& c : d.columns) {
    Line l = table_line("column_" + c.type, c.old_table, c.new_table, c.column.side, {}, {});
    l.column = c.column.key;
    out.push_back(l);
  }
  for (const RowChange& r : d.rows) {
    Line l = table_line("row_" + r.type, r.old_table, r.new_table, r.side, r.old_row, r.new_row);
    if (r.values.empty()) out.push_back(l);
    for (const auto& [key, value] : r.values) {
      Line v = l;
      v.column = key;
      if (r.type == "added")
        set_figures(v, std::nullopt, value);
      else
        set_figures(v, value, std::nullopt);
      out.push_back(v);
    }
  }
  for (const CellChange& c : d.cells) {
    bool is_text = c.old_text || c.new_text;
    Line l = table_line(is_text ? "text" : "cell", c.old_table, c.new_table, c.side, c.old_row,
                        c.new_row);
    l.column = c.column;
    if (is_text) {
      l.old_value = c.old_text.value_or("");
      l.new_value = c.new_text.value_or("");
    } else {
      set_figures(l, c.old_value, c.new_value);
    }
    out.push_back(l);
  }
  for (const ProjectChange& p : d.projects) {
    Line l;
    l.change = "project_" + p.type;
    l.row_name = p.name;
    l.column = "annual.total";
    if (p.type == "added") {
      set_figures(l, std::nullopt, p.annual_total);
      l.new_page = p.page;
    } else {
      set_figures(l, p.annual_total, std::nullopt);
      l.old_page = p.page;
    }
    out.push_back(l);
  }
  for (const FundChange& f : d.funds) {
    Line l;
    l.change = "project_funds";
    l.row_name = f.project;
    l.column = f.scope + "." + f.key;
    set_figures(l, f.old_value, f.new_value);
    l.old_page = f.old_page;
    l.new_page = f.new_page;
    out.push_back(l);
  }
  for (const IndicatorChange& i : d.indicators) {
    Line l;
    l.change = "indicator_" + i.type;
    l.row_name = i.project;
    l.column = i.scope + "/" + i.level1 + "/" + i.level2 + "/" + i.name;
    l.old_value = i.old_value.value_or("");
    l.new_value = i.new_value.value_or("");
    out.push_back(l);
  }
  for (const FactChange& f : d.facts) {
    Line l;
    l.change = "fact_" + f.type;
    for (const std::string& s : f.section) l.table_title += (l.table_title.empty() ? "" : " / ") + s;
    l.row_name = f.subject;
    l.column = "value";
    set_figures(l, f.old_value, f.new_value);
    l.old_page = f.old_page;
    l.new_page = f.new_page;
    out.push_back(l);
  }
  for (const ProseCheck& c : d.prose_checks) {
    if (c.status != "fail") continue;
    Line l;
    l.change = "prose_check_failed";
    for (const std::string& s : c.section) l.table_title += (l.table_title.empty() ? "" : " / ") + s;
    l.row_name = c.subject;
    l.column = c.stated_change ? "change" : "change_pct";
    l.old_value = text(c.stated_change ? c.expected_change : c.expected_pct);
    l.new_value = text(c.stated_change ? c.stated_change : c.stated_pct);
    l.difference = text(c.stated_change ? c.change_difference : c.pct_difference);
    l.new_page = c.page;
    out.push_back(l);
  }
  return out;
}

}  // namespace

std::string to_csv(const Diff& d) {
  std::string out =
      "change,table_kind,table_title,side,row_code,old_row_code,row_name,old_row_name,column,"
      "old,new,difference,change_pct,old_page,new_page\n";
  for (const Line& l : lines_of(d)) {
    const std::string fields[] = {l.change,       l.table_kind,   l.table_title, l.side,
                                  l.row_code,     l.old_row_code, l.row_name,    l.old_row_name,
                                  l.column,       l.old_value,    l.new_value,   l.difference,
                                  l.change_pct,   page(l.old_page), page(l.new_page)};
    std::string line;
    for (const std::string& f : fields) line += (line.empty() && &f == fields ? "" : ",") + csv_field(f);
    out += line + "\n";
  }
  return out;
}

}  // namespace budget::diff
