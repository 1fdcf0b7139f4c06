// The diff as JSON: schemas/diff.schema.json, documented in docs/diff.md.
#include "core/json_writer.h"
#include "diff/render.h"

namespace budget::diff {
namespace {

void doc_summary(JsonWriter& w, const char* key, const DocSummary& s) {
  w.begin_object(key);
  w.text("file", s.file);
  w.text("sha256", s.sha256);
  w.text("format", s.format);
  w.text("title", s.title);
  w.text("entity", s.entity);
  w.integer("fiscal_year", s.fiscal_year);
  w.text("kind", s.kind);
  w.text("scope", s.scope);
  w.end_object();
}

void pct(JsonWriter& w, const char* key, const std::optional<Amount>& p) {
  w.literal(key, p ? fixed2(*p) : "null");
}

// old, new, difference and change % of one figure.
void figures(JsonWriter& w, const std::optional<Amount>& old_value,
             const std::optional<Amount>& new_value) {
  w.amount("old", old_value);
  w.amount("new", new_value);
  w.amount("difference", difference(old_value, new_value));
  pct(w, "change_pct", change_pct(old_value, new_value));
}

void pages(JsonWriter& w, std::optional<int> old_page, std::optional<int> new_page) {
  w.begin_object("page");
  w.integer("old", old_page);
  w.integer("new", new_page);
  w.end_object();
}

void table_ref(JsonWriter& w, const char* key, const TableRef& t) {
  if (!t.index) {
    w.literal(key, "null");
    return;
  }
  w.begin_object(key);
  w.integer("index", t.index);
  w.text("kind", t.kind);
  w.text("title", t.title);
  w.text("unit", t.unit);
  w.integer("page", t.page);
  w.end_object();
}

// The table a change is in: its kind and title (NEW's, else OLD's) and its
// position in each document.
void table_of(JsonWriter& w, const TableRef& old_table, const TableRef& new_table) {
  const TableRef& t = new_table.index ? new_table : old_table;
  w.begin_object("table");
  w.text("kind", t.kind);
  w.text("title", t.title);
  w.integer("old_index", old_table.index);
  w.integer("new_index", new_table.index);
  w.end_object();
}

// The row: NEW's code and name (OLD's when removed); old_code and old_name
// only where they differ (moved, renamed).
void row_of(JsonWriter& w, const RowRef& old_row, const RowRef& new_row) {
  const RowRef& r = new_row.index ? new_row : old_row;
  bool both = old_row.index && new_row.index;
  w.begin_object("row");
  w.optional_text("code", r.code);
  w.text("name", r.name);
  w.integer("level", r.level);
  w.optional_text("old_code", both && old_row.code != new_row.code ? old_row.code : std::nullopt);
  w.optional_text("old_name", both && old_row.name != new_row.name
                                  ? std::optional<std::string>(old_row.name)
                                  : std::nullopt);
  w.integer("old_index", old_row.index);
  w.integer("new_index", new_row.index);
  w.end_object();
}

void cell(JsonWriter& w, const CellChange& c) {
  w.begin_object();
  table_of(w, c.old_table, c.new_table);
  w.text_or_null("side", c.side);
  row_of(w, c.old_row, c.new_row);
  w.text("column", c.column);
  figures(w, c.old_value, c.new_value);
  pages(w, c.old_row.page, c.new_row.page);
  w.end_object();
}

void text_cell(JsonWriter& w, const CellChange& c) {
  w.begin_object();
  table_of(w, c.old_table, c.new_table);
  w.text_or_null("side", c.side);
  row_of(w, c.old_row, c.new_row);
  w.text("column", c.column);
  w.optional_text("old", c.old_text);
  w.optional_text("new", c.new_text);
  pages(w, c.old_row.page, c.new_row.page);
  w.end_object();
}

void row_change(JsonWriter& w, const RowChange& r) {
  w.begin_object();
  w.text("type", r.type);
  table_of(w, r.old_table, r.new_table);
  w.text_or_null("side", r.side);
  row_of(w, r.old_row, r.new_row);
  w.begin_object("values");
  for (const auto& [key, value] : r.values) w.amount(key, value);
  w.end_object();
  w.begin_object("text");
  for (const auto& [key, value] : r.text_fields) w.text(key, value);
  w.end_object();
  pages(w, r.old_row.page, r.new_row.page);
  w.end_object();
}

void column_change(JsonWriter& w, const ColumnChange& c) {
  w.begin_object();
  w.text("type", c.type);
  table_of(w, c.old_table, c.new_table);
  w.text_or_null("side", c.column.side);
  w.text("key", c.column.key);
  w.text_list("label", c.column.label);
  w.end_object();
}

void table_change(JsonWriter& w, const TableChange& t) {
  w.begin_object();
  w.text("type", t.type);
  w.integer("index", t.table.index);
  w.text("kind", t.table.kind);
  w.text("title", t.table.title);
  w.text("unit", t.table.unit);
  w.integer("page", t.table.page);
  w.integer("rows", t.rows);
  w.end_object();
}

void fact_side(JsonWriter& w, const char* key, bool present, std::optional<int> page,
               const std::optional<Amount>& value, const std::optional<Amount>& change,
               const std::optional<Amount>& change_pct, const std::optional<Amount>& share_pct) {
  if (!present) {
    w.literal(key, "null");
    return;
  }
  w.begin_object(key);
  w.integer("page", page);
  w.amount("value", value);
  w.amount("change", change);
  w.amount("change_pct", change_pct);
  w.amount("share_pct", share_pct);
  w.end_object();
}

void fact(JsonWriter& w, const FactChange& f) {
  w.begin_object();
  w.text("type", f.type);
  w.text_list("section", f.section);
  w.text("subject", f.subject);
  w.text("unit", f.unit);
  fact_side(w, "old", f.type != "added", f.old_page, f.old_value, f.old_change, f.old_change_pct,
            f.old_share_pct);
  fact_side(w, "new", f.type != "removed", f.new_page, f.new_value, f.new_change,
            f.new_change_pct, f.new_share_pct);
  w.amount("difference", difference(f.old_value, f.new_value));
  w.text("text", f.text);
  w.end_object();
}

void prose_check(JsonWriter& w, const ProseCheck& c) {
  w.begin_object();
  w.text("status", c.status);
  w.text_list("section", c.section);
  w.text("subject", c.subject);
  w.integer("page", c.page);
  w.text("text", c.text);
  w.text("old_figure", c.old_where);
  w.amount("old_value", c.old_value);
  w.amount("new_value", c.new_value);
  w.amount("stated_change", c.stated_change);
  w.amount("expected_change", c.expected_change);
  w.amount("change_difference", c.change_difference);
  w.amount("change_tolerance", c.change_tolerance);
  w.amount("stated_pct", c.stated_pct);
  w.amount("expected_pct", c.expected_pct);
  w.amount("pct_difference", c.pct_difference);
  w.amount("pct_tolerance", c.pct_tolerance);
  w.text("message", c.message);
  w.end_object();
}

template <typename T, typename F>
void array(JsonWriter& w, const char* key, const std::vector<T>& items, F write,
           bool (*keep)(const T&) = nullptr) {
  w.begin_array(key);
  for (const T& item : items)
    if (!keep || keep(item)) write(w, item);
  w.end_array();
}

template <typename T>
int count(const std::vector<T>& items, const std::string& type) {
  int n = 0;
  for (const T& item : items) n += item.type == type;
  return n;
}

void summary(JsonWriter& w, const Diff& d) {
  w.begin_object("summary");
  w.begin_array("headline");
  for (const Headline& h : d.headline) {
    w.begin_object();
    w.text("key", h.key);
    w.text("label", h.label);
    figures(w, h.old_value, h.new_value);
    w.end_object();
  }
  w.end_array();
  int amounts = 0, texts = 0, failed = 0;
  for (const CellChange& c : d.cells) (c.old_text || c.new_text ? texts : amounts)++;
  for (const ProseCheck& c : d.prose_checks) failed += c.status == "fail";
  w.begin_object("counts");
  w.integer("tables_matched", static_cast<int>(d.tables.size()));
  w.integer("tables_added", count(d.table_changes, "added"));
  w.integer("tables_removed", count(d.table_changes, "removed"));
  w.integer("columns_added", count(d.columns, "added"));
  w.integer("columns_removed", count(d.columns, "removed"));
  w.integer("rows_added", count(d.rows, "added"));
  w.integer("rows_removed", count(d.rows, "removed"));
  w.integer("rows_moved", count(d.rows, "moved"));
  w.integer("rows_renamed", count(d.rows, "renamed"));
  w.integer("cells_changed", amounts);
  w.integer("text_cells_changed", texts);
  w.integer("projects_added", count(d.projects, "added"));
  w.integer("projects_removed", count(d.projects, "removed"));
  w.integer("funds_changed", static_cast<int>(d.funds.size()));
  w.integer("indicators_added", count(d.indicators, "added"));
  w.integer("indicators_removed", count(d.indicators, "removed"));
  w.integer("indicators_changed", count(d.indicators, "changed"));
  w.integer("facts_added", count(d.facts, "added"));
  w.integer("facts_removed", count(d.facts, "removed"));
  w.integer("facts_changed", count(d.facts, "changed"));
  w.integer("prose_checks", static_cast<int>(d.prose_checks.size()));
  w.integer("prose_checks_failed", failed);
  w.end_object();
  w.end_object();
}

}  // namespace

std::string fixed2(const Amount& pct) {
  Amount p = pct;
  while (p.scale < 2) p = Amount{p.units * 10, p.scale + 1};
  std::string s = p.to_string();  // drops trailing zeros: put them back
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) return s + ".00";
  return s + std::string(2 - (s.size() - dot - 1), '0');
}

std::string to_json(const Diff& d) {
  JsonWriter w;
  w.begin_object();
  w.text("schema", kDiffSchemaName);
  doc_summary(w, "old", d.old_doc);
  doc_summary(w, "new", d.new_doc);
  w.amount("min_change", d.min_change);
  summary(w, d);
  w.begin_array("tables");
  for (const auto& [old_table, new_table] : d.tables) {
    w.begin_object();
    table_ref(w, "old", old_table);
    table_ref(w, "new", new_table);
    w.end_object();
  }
  w.end_array();
  array(w, "tables_changed", d.table_changes, table_change);
  array(w, "columns", d.columns, column_change);
  array(w, "rows", d.rows, row_change);
  array(w, "changes", d.cells, cell,
        +[](const CellChange& c) { return !c.old_text && !c.new_text; });
  array(w, "text_changes", d.cells, text_cell,
        +[](const CellChange& c) { return c.old_text || c.new_text; });
  array(w, "projects", d.projects, [](JsonWriter& w, const ProjectChange& p) {
    w.begin_object();
    w.text("type", p.type);
    w.text("name", p.name);
    w.integer("page", p.page);
    w.amount("annual_total", p.annual_total);
    w.end_object();
  });
  array(w, "funds", d.funds, [](JsonWriter& w, const FundChange& f) {
    w.begin_object();
    w.text("project", f.project);
    w.text("scope", f.scope);
    w.text("key", f.key);
    figures(w, f.old_value, f.new_value);
    pages(w, f.old_page, f.new_page);
    w.end_object();
  });
  array(w, "indicators", d.indicators, [](JsonWriter& w, const IndicatorChange& i) {
    w.begin_object();
    w.text("type", i.type);
    w.text("project", i.project);
    w.text("scope", i.scope);
    w.text("level1", i.level1);
    w.text("level2", i.level2);
    w.text("name", i.name);
    w.optional_text("old", i.old_value);
    w.optional_text("new", i.new_value);
    w.end_object();
  });
  array(w, "facts", d.facts, fact);
  array(w, "prose_checks", d.prose_checks, prose_check);
  w.end_object();
  return w.finish();
}

}  // namespace budget::diff
