// Tables, their columns, rows and cells, aligned (the order of diff/diff.h).
#include <string>

#include "checks/detail.h"
#include "diff/detail.h"

namespace budget::diff {
namespace detail {
namespace {

constexpr char kSep = '\x1f';  // between the parts of a key

TableRef table_ref(const Document& doc, int i) {
  const Table& t = doc.tables[i];
  return {i, t.kind, t.title, t.unit, t.page};
}

RowRef row_ref(const Table& t, int i) {
  const Row& r = t.rows[i];
  return {i, r.code, r.name, r.level, r.page ? r.page : t.page};
}

// Whether `parent` is the row `row` belongs under: by code prefix where both
// carry codes (3 → 5 → 7 digits), else by level (totals, level 0, are nobody's parent).
bool is_parent(const Row& parent, const Row& row) {
  if (parent.code && row.code)
    return row.code->size() > parent.code->size() &&
           row.code->compare(0, parent.code->size(), *parent.code) == 0;
  return parent.level >= 1 && parent.level < row.level;
}

// One item list of a table, with what its rows are matched by.
struct List {
  const Table* table;
  std::vector<int> rows;             // indices into table->rows
  std::vector<std::string> names;    // match_name of each
  std::vector<std::string> parents;  // the matched names of its ancestors, joined
  // Its other text columns (procurement_item, gov_econ_name …), those not
  // repeating its name: what tells apart rows whose printed name is a
  // category repeated down the table (采购组织形式: 政府集中采购 on every line).
  std::vector<std::string> described;
  // Rows matched by their description only: described, and their name printed
  // more than once in the list (pairing such names in order would be a guess).
  std::vector<bool> by_description;
};

std::string description(const Row& r) {
  std::string out;
  for (const auto& [key, value] : r.text_fields)
    if (match_name(value) != match_name(r.name)) out += key + "=" + match_name(value) + kSep;
  return out;
}

List list_of(const Table& t, const std::string& side) {
  List l{&t, {}, {}, {}, {}, {}};
  for (int i = 0; i < static_cast<int>(t.rows.size()); ++i) {
    if (t.rows[i].side != side) continue;
    l.rows.push_back(i);
    l.names.push_back(match_name(t.rows[i].name));
    l.described.push_back(description(t.rows[i]));
  }
  for (std::size_t i = 0; i < l.rows.size(); ++i)
    l.by_description.push_back(!l.described[i].empty() &&
                               std::count(l.names.begin(), l.names.end(), l.names[i]) > 1);
  // A parent is named as it is matched: a repeated name with its description.
  std::vector<std::size_t> open;  // ancestors of the next row (positions in l), outermost first
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    const Row& r = t.rows[l.rows[i]];
    while (!open.empty() && !is_parent(t.rows[l.rows[open.back()]], r)) open.pop_back();
    std::string path;
    for (std::size_t p : open)
      path += l.names[p] + (l.by_description[p] ? "{" + l.described[p] + "}" : "") + kSep;
    l.parents.push_back(path);
    open.push_back(i);
  }
  return l;
}

std::vector<std::string> sides_of(const Table& a, const Table& b) {
  std::vector<std::string> out;
  for (const Table* t : {&b, &a})
    for (const Row& r : t->rows)
      if (std::find(out.begin(), out.end(), r.side) == out.end()) out.push_back(r.side);
  return out;
}

template <typename V>
const V* find_value(const OrderedMap<V>& m, const std::string& key) {
  for (const auto& kv : m)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

// The keys of two ordered maps: b's order, then those only a has.
template <typename V>
std::vector<std::string> keys_of(const OrderedMap<V>& a, const OrderedMap<V>& b) {
  std::vector<std::string> keys;
  for (const auto* m : {&b, &a})
    for (const auto& kv : *m)
      if (std::find(keys.begin(), keys.end(), kv.first) == keys.end()) keys.push_back(kv.first);
  return keys;
}

struct TablePair {
  const Document& a;
  const Document& b;
  int ia, ib;
  const Table& ta() const { return a.tables[ia]; }
  const Table& tb() const { return b.tables[ib]; }
};

void compare_cells(const TablePair& p, const std::string& side, int ra, int rb, Diff& d) {
  const Row& x = p.ta().rows[ra];
  const Row& y = p.tb().rows[rb];
  CellChange base{table_ref(p.a, p.ia), table_ref(p.b, p.ib), side, row_ref(p.ta(), ra),
                  row_ref(p.tb(), rb),  "",                     {},   {}, {}, {}};
  for (const std::string& key : keys_of(x.values, y.values)) {
    const Amount* old_value = find_value(x.values, key);
    const Amount* new_value = find_value(y.values, key);
    if (old_value && new_value && *old_value == *new_value) continue;
    CellChange c = base;
    c.column = key;
    if (old_value) c.old_value = *old_value;
    if (new_value) c.new_value = *new_value;
    d.cells.push_back(std::move(c));
  }
  for (const std::string& key : keys_of(x.text_fields, y.text_fields)) {
    const std::string* old_text = find_value(x.text_fields, key);
    const std::string* new_text = find_value(y.text_fields, key);
    if (old_text && new_text && match_name(*old_text) == match_name(*new_text)) continue;
    CellChange c = base;
    c.column = key;
    if (old_text) c.old_text = *old_text;
    if (new_text) c.new_text = *new_text;
    d.cells.push_back(std::move(c));
  }
}

void compare_columns(const TablePair& p, Diff& d) {
  const auto& ca = p.ta().columns;
  const auto& cb = p.tb().columns;
  std::vector<int> pa(ca.size(), -1), pb(cb.size(), -1);
  pair_by(
      pa, pb, [&](int i) { return std::optional<std::string>(ca[i].side + kSep + ca[i].key); },
      [&](int j) { return std::optional<std::string>(cb[j].side + kSep + cb[j].key); });
  for (std::size_t j = 0; j < cb.size(); ++j)
    if (pb[j] < 0) d.columns.push_back({"added", table_ref(p.a, p.ia), table_ref(p.b, p.ib), cb[j]});
  for (std::size_t i = 0; i < ca.size(); ++i)
    if (pa[i] < 0)
      d.columns.push_back({"removed", table_ref(p.a, p.ia), table_ref(p.b, p.ib), ca[i]});
}

// One item list of two tables, its rows paired: pa[i] is the position in lb
// paired with la's i-th row, or -1 (pb likewise).
struct ListPairs {
  List la, lb;
  std::vector<int> pa, pb;
};

ListPairs align_list(const Table& ta, const Table& tb, const std::string& side) {
  ListPairs lp{list_of(ta, side), list_of(tb, side), {}, {}};
  const List& la = lp.la;
  const List& lb = lp.lb;
  std::vector<int>& pa = lp.pa;
  std::vector<int>& pb = lp.pb;
  pa.assign(la.rows.size(), -1);
  pb.assign(lb.rows.size(), -1);
  auto code = [](const List& l, int i) { return l.table->rows[l.rows[i]].code; };
  // Keys of the passes after the description's: none for rows matched by description only.
  auto key = [&](const List& l, auto make) {
    return [&l, make](int i) -> std::optional<std::string> {
      if (l.by_description[i]) return std::nullopt;
      return make(l, i);
    };
  };
  auto row_key = [&](const List& l, int i) -> std::optional<std::string> {
    return code(l, i).value_or("") + kSep + l.names[i];
  };
  auto parent_key = [](const List& l, int i) -> std::optional<std::string> {
    if (l.names[i].empty()) return std::nullopt;
    return l.parents[i] + kSep + l.names[i];
  };
  auto code_key = [&](const List& l, int i) { return code(l, i); };
  auto name_key = [](const List& l, int i) -> std::optional<std::string> {
    if (l.names[i].empty()) return std::nullopt;
    return l.names[i];
  };
  auto same_description = [](const List& l) {
    return [&l](int i) -> std::optional<std::string> {
      if (!l.by_description[i]) return std::nullopt;
      return l.parents[i] + kSep + l.described[i];
    };
  };
  pair_by(pa, pb, same_description(la), same_description(lb));
  pair_by(pa, pb, key(la, row_key), key(lb, row_key));
  pair_by(pa, pb, key(la, parent_key), key(lb, parent_key));
  pair_by(pa, pb, key(la, code_key), key(lb, code_key));
  pair_by(pa, pb, key(la, name_key), key(lb, name_key), /*unique=*/true);
  return lp;
}

void compare_list(const TablePair& p, const std::string& side, Diff& d) {
  ListPairs lp = align_list(p.ta(), p.tb(), side);
  const List& la = lp.la;
  const List& lb = lp.lb;
  const std::vector<int>& pa = lp.pa;
  const std::vector<int>& pb = lp.pb;
  TableRef ta = table_ref(p.a, p.ia), tb = table_ref(p.b, p.ib);
  for (std::size_t j = 0; j < lb.rows.size(); ++j) {
    int rb = lb.rows[j];
    const Row& y = p.tb().rows[rb];
    if (pb[j] < 0) {
      d.rows.push_back({"added", ta, tb, side, {}, row_ref(p.tb(), rb), y.values, y.text_fields});
      continue;
    }
    int ra = la.rows[pb[j]];
    const Row& x = p.ta().rows[ra];
    if (x.code != y.code)
      d.rows.push_back({"moved", ta, tb, side, row_ref(p.ta(), ra), row_ref(p.tb(), rb), {}, {}});
    else if (la.names[pb[j]] != lb.names[j])
      d.rows.push_back({"renamed", ta, tb, side, row_ref(p.ta(), ra), row_ref(p.tb(), rb), {}, {}});
    compare_cells(p, side, ra, rb, d);
  }
  for (std::size_t i = 0; i < la.rows.size(); ++i) {
    if (pa[i] >= 0) continue;
    const Row& x = p.ta().rows[la.rows[i]];
    d.rows.push_back(
        {"removed", ta, tb, side, row_ref(p.ta(), la.rows[i]), {}, x.values, x.text_fields});
  }
}

}  // namespace

}  // namespace detail

std::vector<int> match_tables(const Document& a, const Document& b) {
  std::vector<int> pa(a.tables.size(), -1), pb(b.tables.size(), -1);
  auto kind_and_title = [](const Document& doc) {
    return [&doc](int i) {
      const Table& t = doc.tables[i];
      return std::optional<std::string>(checks::detail::base_kind(t.kind) + detail::kSep +
                                        detail::match_title(t.title));
    };
  };
  // A known kind printed under another title (a year's wording) still matches.
  auto known_kind = [](const Document& doc) {
    return [&doc](int i) -> std::optional<std::string> {
      if (doc.tables[i].kind == "unknown") return std::nullopt;
      return checks::detail::base_kind(doc.tables[i].kind);
    };
  };
  detail::pair_by(pa, pb, kind_and_title(a), kind_and_title(b));
  detail::pair_by(pa, pb, known_kind(a), known_kind(b));
  return pb;
}

std::vector<int> match_rows(const Table& a, const Table& b) {
  std::vector<int> out(b.rows.size(), -1);
  for (const std::string& side : detail::sides_of(a, b)) {
    detail::ListPairs lp = detail::align_list(a, b, side);
    for (std::size_t j = 0; j < lp.lb.rows.size(); ++j)
      if (lp.pb[j] >= 0) out[lp.lb.rows[j]] = lp.la.rows[lp.pb[j]];
  }
  return out;
}

namespace detail {

void compare_tables(const Document& a, const Document& b, Diff& d) {
  std::vector<int> pb = match_tables(a, b);
  std::vector<bool> matched(a.tables.size(), false);
  for (int i : pb)
    if (i >= 0) matched[i] = true;
  for (int j = 0; j < static_cast<int>(b.tables.size()); ++j) {
    if (pb[j] < 0) {
      d.table_changes.push_back(
          {"added", table_ref(b, j), static_cast<int>(b.tables[j].rows.size())});
      // Its rows, with their cells, are the change.
      for (int r = 0; r < static_cast<int>(b.tables[j].rows.size()); ++r) {
        const Row& y = b.tables[j].rows[r];
        d.rows.push_back({"added", {}, table_ref(b, j), y.side, {}, row_ref(b.tables[j], r),
                          y.values, y.text_fields});
      }
      continue;
    }
    TablePair p{a, b, pb[j], j};
    d.tables.emplace_back(table_ref(a, pb[j]), table_ref(b, j));
    compare_columns(p, d);
    for (const std::string& side : sides_of(p.ta(), p.tb())) compare_list(p, side, d);
  }
  for (int i = 0; i < static_cast<int>(a.tables.size()); ++i) {
    if (matched[i]) continue;
    d.table_changes.push_back({"removed", table_ref(a, i), static_cast<int>(a.tables[i].rows.size())});
    for (int r = 0; r < static_cast<int>(a.tables[i].rows.size()); ++r) {
      const Row& x = a.tables[i].rows[r];
      d.rows.push_back({"removed", table_ref(a, i), {}, x.side, row_ref(a.tables[i], r), {},
                        x.values, x.text_fields});
    }
  }
}

}  // namespace detail
}  // namespace budget::diff
