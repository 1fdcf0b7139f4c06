// extract/pdf/layout_params.h — every tuning constant of the PDF layout, with
// its unit, in one place so tests can vary them.
//
// "em" is the run's effective font size (see lines.h: sizes are rescaled so
// one CJK glyph is one em wide, whatever the producer's font matrix says).
#pragma once

namespace budget::extract {

struct LayoutParams {
  // --- watermarks and page furniture (furniture.h) ---
  // A run repeated at the same place on at least this share of the pages …
  double repeat_page_share = 0.5;
  // … and on at least this many pages is tiled furniture.
  int repeat_min_pages = 3;
  // Positions within this distance count as "the same place", points.
  double repeat_position_pt = 4.0;
  // Repeated text at least this light (0 black … 1 white) is a watermark
  // wherever it sits; darker repeated text only in the margin bands.
  double watermark_min_lightness = 0.45;
  // Top and bottom bands searched for page numbers and running headers,
  // as a share of the page height.
  double margin_band_share = 0.12;

  // --- lines (lines.h) ---
  // Runs whose vertical centres differ by less than this share of the
  // smaller em sit on one line.
  double line_center_tolerance_em = 0.45;
  // A horizontal gap wider than this splits a line into chunks, em.
  double chunk_gap_em = 1.2;
  // A gap wider than this between two non-CJK runs becomes a space, em.
  double space_gap_em = 0.15;

  // --- ruling lines (ruling.h) ---
  // Rules whose centre lines differ by less than this are one line, points.
  double rule_snap_pt = 2.0;
  // Collinear pieces closer than this are joined, points.
  double rule_join_gap_pt = 3.0;
  // A rule ending within this distance of another touches it, points.
  double rule_touch_pt = 3.0;
  // Grid lines closer than this are one grid line, points.
  double grid_snap_pt = 3.0;
  // A rule must cover this share of a cell edge to separate two cells.
  double edge_cover_share = 0.6;

  // --- grids (grid.h) ---
  // A ruled band is split into one row per text line when at least two of
  // its cells hold a list: this many lines or more, not all (but the last)
  // as wide as wrapped text (rows not separated by rules), and one of them
  // lists at least two amounts (header bands are never split).
  int band_split_min_lines = 3;
  // Empty ruled columns narrower than this are slivers and dropped, points.
  double sliver_column_pt = 6.0;
  // Lines at least this share of their cell's width are wrapped text.
  double wrapped_line_share = 0.7;
  // Unruled tables: at least this many consecutive lines with several
  // chunks, and a column gap at least this wide, points.
  int aligned_min_lines = 3;
  // Unruled tables: lines further apart than this (blank between them) end
  // the table, em.  Rows beside a cell wrapped over two lines are taller.
  double aligned_line_gap_em = 2.5;
  double aligned_column_gap_pt = 5.0;
  // Unruled tables (aligned_columns.h): a stretch no body line inks, at
  // least this wide, points, is a column gap when beside it at least this
  // share of the body lines (and aligned_min_lines) have a run ending
  // (right-aligned) or starting (left-aligned) within aligned_edge_pt of
  // one x.  A boundary beside such an edge stays within aligned_hug_em of
  // it, em.
  double aligned_narrow_gap_pt = 1.0;
  double aligned_edge_share = 0.1;
  double aligned_edge_pt = 1.0;
  double aligned_hug_em = 0.3;
  // Unruled tables: at most this many consecutive single-chunk lines inside
  // at the table's left edge; any number starting within aligned_start_em
  // of an inner column's left edge (rows with one cell filled), em.
  int aligned_max_inner_lines = 2;
  double aligned_start_em = 0.5;
  // Unruled tables: at most this share of the lines may cross a column gap.
  double aligned_gap_crossing_share = 0.15;
  // Unruled tables (wrapped_rows.h): a line of amounts only, less than this
  // far (centre to centre) from a name line printing none, is the name's
  // row, em.
  double offset_amounts_em = 1.0;
  // … a text-only line less than this far below a name that ends within
  // wrapped_fill_em of its column's right edge continues that name, em.
  double wrapped_pitch_em = 1.8;
  // … and less than this share of the table's usual row spacing (median
  // centre-to-centre distance of its lines), ratio.
  double wrapped_pitch_share = 0.92;
  double wrapped_fill_em = 1.5;

  // --- paragraphs and headings (page_layout.h) ---
  // The body size is measured on prose lines (outside tables, one chunk)
  // when they hold at least this much text, UTF-8 bytes (a CJK character
  // is 3); else on all text outside ruled tables.
  double body_min_prose_bytes = 300;
  // Lines further apart than this (baseline to baseline minus one em) start
  // a new paragraph, em.
  double paragraph_gap_em = 0.9;
  // A line starting this much right of the text's left edge is indented
  // (a new paragraph), em.
  double indent_em = 1.5;
  // A paragraph's first line starts at most this far right of the text's
  // left edge, em.
  double first_indent_em = 3.0;
  // A line ending this much left of the text's right edge (plus the width
  // of the next line's first word) ends its paragraph, em.
  double short_line_em = 2.0;
  // Lines at least this many times the body size (and the size of most
  // table text on their page) are headings.
  double heading_size_ratio = 1.15;
  // Runs within this ratio of each other have "the same" size.
  double same_size_ratio = 1.08;
};

}  // namespace budget::extract
