// The diff for people: a table per document table, the biggest changes first,
// old → new with the difference and the change %, like daff's terminal view.
#include <unicode/uchar.h>

#include <algorithm>
#include <map>

#include "diff/render.h"
#include "normalize/text.h"

namespace budget::diff {
namespace {

constexpr int kNameWidth = 48;  // columns for a row (code, name and column key)
constexpr int kKeyWidth = 18;   // columns for a column key
constexpr int kAmountWidth = 15;

struct Style {
  bool on;
  std::string paint(const std::string& s, const char* code) const {
    return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }
  std::string bold(const std::string& s) const { return paint(s, "1"); }
  std::string green(const std::string& s) const { return paint(s, "32"); }
  std::string red(const std::string& s) const { return paint(s, "31"); }
  std::string yellow(const std::string& s) const { return paint(s, "33"); }
  std::string dim(const std::string& s) const { return paint(s, "2"); }
};

// Terminal columns of a string: East Asian wide and full-width characters take two.
int width_of(const std::string& s) {
  int w = 0;
  for (char32_t c : normalize::to_u32(s)) {
    int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    w += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
  }
  return w;
}

// `s` cut to `width` columns (ending in …) and padded to exactly that width.
std::string fit(const std::string& s, int width, bool right = false) {
  std::string out = s;
  if (width_of(out) > width) {
    std::u32string u = normalize::to_u32(s);
    while (!u.empty() && width_of(normalize::to_utf8(u)) > width - 1) u.pop_back();
    out = normalize::to_utf8(u) + "…";
  }
  std::string pad(std::max(0, width - width_of(out)), ' ');
  return right ? pad + out : out + pad;
}

// 22483700 -> "22,483,700"; 1234.5 -> "1,234.5".
std::string grouped(const Amount& a) {
  std::string s = a.to_string();
  std::size_t start = s[0] == '-' ? 1 : 0;
  std::size_t end = s.find('.');
  if (end == std::string::npos) end = s.size();
  for (std::size_t i = end; i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

std::string signed_grouped(const Amount& a) { return (a.units > 0 ? "+" : "") + grouped(a); }

std::string value_text(const std::optional<Amount>& a) { return a ? grouped(*a) : "—"; }

std::string change_text(const std::optional<Amount>& old_value, const std::optional<Amount>& new_value,
                        const Style& st) {
  auto diff = difference(old_value, new_value);
  auto pct = change_pct(old_value, new_value);
  std::string d = fit(diff ? signed_grouped(*diff) : (new_value ? "new" : "gone"), kAmountWidth, true);
  std::string p = fit(pct ? (pct->units > 0 ? "+" : "") + fixed2(*pct) + "%" : "", 10, true);
  bool up = diff ? diff->units > 0 : new_value.has_value();
  return up ? st.green(d + p) : st.red(d + p);
}

std::string figure_line(const std::string& label, const std::optional<Amount>& old_value,
                        const std::optional<Amount>& new_value, const Style& st) {
  return "   " + fit(label, kNameWidth) + " " + fit(value_text(old_value), kAmountWidth, true) +
         " → " + fit(value_text(new_value), kAmountWidth, true) +
         change_text(old_value, new_value, st) + "\n";
}

std::string row_label(const RowRef& r, const std::string& side) {
  std::string label = r.code ? *r.code + " " : "";
  label += r.name.empty() ? "(unnamed line)" : r.name;
  return side.empty() ? label : "[" + side + "] " + label;
}

std::string doc_line(const char* tag, const DocSummary& s) {
  return std::string(tag) + "  " + s.file + "  " + (s.entity.empty() ? "?" : s.entity) + " " +
         (s.fiscal_year ? std::to_string(*s.fiscal_year) : "?") + " " +
         (s.kind.empty() ? "?" : s.kind) + (s.scope.empty() ? "" : " (" + s.scope + ")") + "\n";
}

std::string pages_text(std::optional<int> old_page, std::optional<int> new_page) {
  auto p = [](std::optional<int> x) { return x ? std::to_string(*x) : "?"; };
  return "p." + p(old_page) + " → p." + p(new_page);
}

// What belongs to one table of the output.
struct Group {
  TableRef old_table, new_table;
  std::vector<const ColumnChange*> columns;
  std::vector<const RowChange*> rows;
  std::vector<const CellChange*> cells;
};

void print_group(std::string& out, const Group& g, const Style& st) {
  const TableRef& t = g.new_table.index ? g.new_table : g.old_table;
  std::string status = !g.old_table.index ? "  (table added)" : !g.new_table.index ? "  (table removed)" : "";
  out += "\n" + st.bold("== " + t.title + " (" + t.kind + ")") + "  " +
         pages_text(g.old_table.page, g.new_table.page) + status + "\n";
  for (const ColumnChange* c : g.columns) {
    std::string label;
    for (const std::string& l : c->column.label) label += (label.empty() ? "" : "/") + l;
    std::string line = (c->type == "added" ? "   + column " : "   - column ") + c->column.key +
                       " (" + label + ")\n";
    out += c->type == "added" ? st.green(line) : st.red(line);
  }
  for (const RowChange* r : g.rows) {
    if (r->type == "moved" || r->type == "renamed") {
      std::string from = r->type == "moved" ? r->old_row.code.value_or("") : r->old_row.name;
      std::string to = r->type == "moved" ? r->new_row.code.value_or("") : r->new_row.name;
      out += st.yellow("   ~ " + r->type + " " + from + " → " + to + "  " +
                       row_label(r->new_row, r->side)) + "\n";
      continue;
    }
    bool added = r->type == "added";
    const RowRef& row = added ? r->new_row : r->old_row;
    std::string line = std::string(added ? "   + " : "   - ") + fit(row_label(row, r->side), kNameWidth - 2);
    std::string values;
    for (const auto& [key, value] : r->values) values += " " + key + " " + grouped(value);
    line += values.empty() ? " (no values)" : values;
    out += (added ? st.green(line) : st.red(line)) + "\n";
  }
  std::vector<const CellChange*> cells = g.cells;
  std::stable_sort(cells.begin(), cells.end(), [](const CellChange* x, const CellChange* y) {
    return magnitude(y->old_value, y->new_value) < magnitude(x->old_value, x->new_value);
  });
  for (const CellChange* c : cells) {
    std::string label = fit(row_label(c->new_row, c->side), kNameWidth - kKeyWidth - 1) + " " +
                        fit(c->column, kKeyWidth);
    if (c->old_text || c->new_text) {
      out += "   " + label + " " + c->old_text.value_or("—") + " → " + c->new_text.value_or("—") + "\n";
      continue;
    }
    out += figure_line(label, c->old_value, c->new_value, st);
  }
}

std::string key_of(const TableRef& a, const TableRef& b) {
  return (a.index ? std::to_string(*a.index) : "-") + "/" + (b.index ? std::to_string(*b.index) : "-");
}

}  // namespace

std::string to_table(const Diff& d, bool color) {
  Style st{color};
  std::string out = doc_line("OLD", d.old_doc) + doc_line("NEW", d.new_doc);
  if (d.min_change) out += st.dim("(changes under " + grouped(*d.min_change) + " 元 hidden)") + "\n";

  out += "\n" + st.bold(fit("Headline (元)", kNameWidth + 3) + fit("old", kAmountWidth, true) + "   " +
                        fit("new", kAmountWidth, true) + fit("+/−", kAmountWidth, true) +
                        fit("%", 10, true)) + "\n";
  for (const Headline& h : d.headline)
    if (h.old_value || h.new_value) out += figure_line(h.label, h.old_value, h.new_value, st);

  // Groups in the diff's order: matched tables in NEW's order, then added and removed ones.
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  auto group = [&](const TableRef& a, const TableRef& b) -> Group& {
    auto [it, fresh] = index.emplace(key_of(a, b), groups.size());
    if (fresh) groups.push_back({a, b, {}, {}, {}});
    return groups[it->second];
  };
  for (const auto& [a, b] : d.tables) group(a, b);
  for (const ColumnChange& c : d.columns) group(c.old_table, c.new_table).columns.push_back(&c);
  for (const RowChange& r : d.rows) group(r.old_table, r.new_table).rows.push_back(&r);
  for (const CellChange& c : d.cells) group(c.old_table, c.new_table).cells.push_back(&c);
  for (const Group& g : groups)
    if (!g.columns.empty() || !g.rows.empty() || !g.cells.empty()) print_group(out, g, st);

  if (!d.projects.empty() || !d.funds.empty() || !d.indicators.empty()) {
    out += "\n" + st.bold("== Projects") + "\n";
    for (const ProjectChange& p : d.projects) {
      std::string line = (p.type == "added" ? "   + " : "   - ") + p.name +
                         (p.annual_total ? "  annual " + grouped(*p.annual_total) : "");
      out += (p.type == "added" ? st.green(line) : st.red(line)) + "\n";
    }
    for (const FundChange& f : d.funds)
      out += figure_line(f.project + " " + f.scope + "." + f.key, f.old_value, f.new_value, st);
    for (const IndicatorChange& i : d.indicators)
      out += "   " + i.type + " " + i.project + " / " + i.name + ": " + i.old_value.value_or("—") +
             " → " + i.new_value.value_or("—") + "\n";
  }
  // Prose figures whose value changed (the JSON also lists changed shares and
  // stated changes, and the figures only one document states).
  std::vector<const FactChange*> facts;
  for (const FactChange& f : d.facts)
    if (f.type == "changed" && difference(f.old_value, f.new_value).value_or(Amount{}) != Amount{})
      facts.push_back(&f);
  if (!facts.empty()) {
    out += "\n" + st.bold("== Prose figures") + "\n";
    for (const FactChange* f : facts)
      out += figure_line(f->subject + (f->unit == "元" ? "" : " (" + f->unit + ")"), f->old_value,
                         f->new_value, st);
  }
  int failed = 0;
  for (const ProseCheck& c : d.prose_checks) failed += c.status == "fail";
  if (!d.prose_checks.empty()) {
    out += "\n" + st.bold("== Changes stated in NEW's prose, against OLD: ") +
           std::to_string(d.prose_checks.size() - failed) + " agree, " + std::to_string(failed) +
           " do not\n";
    for (const ProseCheck& c : d.prose_checks)
      if (c.status == "fail")
        out += st.red("   ✗ p." + (c.page ? std::to_string(*c.page) : std::string("?")) + " " +
                      c.subject + ": " + c.message) + "\n";
  }
  if (d.empty()) out += "\nNo differences.\n";
  return out;
}

}  // namespace budget::diff
