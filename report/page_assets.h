// report/page_assets.h — the review page's inline style sheet and script.
// Hand-written, no library: the page must open offline, anywhere.
#pragma once

namespace budget::report {

inline constexpr const char* kReportStyle = R"css(
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#222}
body.img{display:grid;grid-template-columns:minmax(0,56fr) minmax(0,44fr);height:100vh}
#main{overflow:auto;padding:0 1.2em 3em}
body.noimg #main{max-width:80em;margin:auto}
#pages{overflow:auto;background:#6b6b6b;padding:10px}
body.noimg #pages{background:none;color:#666;padding:0 1.2em}
h1{font-size:1.45em;margin:.8em 0 .3em}h2{font-size:1.2em;border-bottom:2px solid #ddd;margin-top:1.6em}
h3{font-size:1.05em;margin:1.2em 0 .2em}
dl.id{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;margin:0}dl.id dt{color:#666}
dl.id dd{margin:0;word-break:break-all}
ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em}
ul.counts .error b{color:#c00}ul.counts .note b{color:#a60}
.help,.meta,.empty{color:#666;font-size:.92em;margin:.1em 0 .4em}
.tw{overflow-x:auto}
table.data{border-collapse:collapse;font-size:13px;margin:.2em 0 1em}
table.data th,table.data td{border:1px solid #c8c8c8;padding:2px 6px;vertical-align:top}
table.data th{background:#f2f2f2;font-weight:600;text-align:center}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.l2{padding-left:1.6em}td.l3{padding-left:2.8em}td.l4{padding-left:4em}
td[data-p]{cursor:pointer}td[data-p]:hover{background:#eef4ff}
.mark-error{background:#ffc9c9;outline:2px solid #d00;outline-offset:-2px}
.mark-note{background:#ffefb0;outline:2px solid #c80;outline-offset:-2px}
.part-error{background:#ffe9e9}.part-note{background:#fff8dc}
.lit{box-shadow:inset 0 0 0 3px #0a5cd6}
ol{padding-left:1.6em}
.finding{margin:.5em 0;padding:.4em .6em;border-left:4px solid #d00;background:#fff6f6;cursor:pointer}
.finding.note{border-color:#c80;background:#fffbea}
.finding .sev{font-size:.8em;text-transform:uppercase;padding:0 .4em;border-radius:3px;color:#fff;background:#d00}
.finding.note .sev{background:#c80}
.where{font-size:.92em;color:#444;word-break:break-all}.msg{font-size:.92em}
table.kv{border-collapse:collapse;font-size:.92em}table.kv th{text-align:left;color:#666;font-weight:normal;padding-right:1em}
a.pl{color:#0a5cd6;font-size:.85em;white-space:nowrap}
td.tx{font-size:.88em;color:#444;max-width:30em}
details.project{margin:.3em 0}details.project dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em}
details.project dd{margin:0}
.pg{margin:0 auto 14px;text-align:center}.pn{color:#eee;font-size:12px}
.pi{position:relative;display:inline-block;max-width:100%;box-shadow:0 1px 4px #0006}
.pi img{display:block;max-width:100%;height:auto;background:#fff}
.rb{position:absolute;border:1px solid rgba(10,92,214,.35)}
.rb:hover{background:rgba(10,92,214,.14)}
.rb.flag{border:2px solid rgba(210,0,0,.85)}
.hl{position:absolute;outline:3px solid #f39200;background:rgba(255,196,0,.3);cursor:pointer}
)css";

// Clicks: a failed check -> its cells lit, the printed one scrolled to, its
// box shown on the page image; a table cell -> its box on the page; a box
// on a page -> its row; the shown box -> back to the cell; "p. N" -> page N.
inline constexpr const char* kReportScript = R"js(
(function () {
  'use strict';
  var lit = [], lastCell = null;
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function light(els) {
    lit.forEach(function (e) { e.classList.remove('lit'); });
    lit = els;
    els.forEach(function (e) { e.classList.add('lit'); });
  }
  function show(p, b) {
    var pg = document.getElementById('p' + p);
    if (!pg) return;
    all('.hl').forEach(function (h) { h.hidden = true; });
    pg.querySelector('img').loading = 'eager';  // the page shown loads now, not when lazy loading gets to it
    var hl = pg.querySelector('.hl');
    if (!b) { pg.scrollIntoView({block: 'start'}); return; }
    var v = b.split(',').map(Number), W = +pg.dataset.w, H = +pg.dataset.h;
    hl.style.left = (100 * v[0] / W) + '%';
    hl.style.top = (100 * v[1] / H) + '%';
    hl.style.width = (100 * (v[2] - v[0]) / W) + '%';
    hl.style.height = (100 * (v[3] - v[1]) / H) + '%';
    hl.hidden = false;
    hl.scrollIntoView({block: 'center', inline: 'nearest'});
  }
  function showCell(c, lightThese) {
    light(lightThese || [c]);
    lastCell = c;
    c.scrollIntoView({block: 'center', inline: 'nearest'});
    if (c.dataset.p) show(c.dataset.p, c.dataset.b);
  }
  document.addEventListener('click', function (e) {
    var t = e.target, el;
    if ((el = t.closest('.hl'))) {
      if (lastCell) lastCell.scrollIntoView({block: 'center', inline: 'nearest'});
      return;
    }
    if ((el = t.closest('[data-go]'))) {
      e.preventDefault();
      var cells = all('td[data-r="' + el.dataset.go + '"]');
      var key = el.dataset.k, cell = cells[0];
      if (!cell) return;
      if (el.classList.contains('rb')) {
        light(cells);
        lastCell = cell;
        cell.scrollIntoView({block: 'center', inline: 'nearest'});
        var pg = el.closest('.pg');
        all('.hl').forEach(function (h) { h.hidden = true; });
        if (pg) { var hl = pg.querySelector('.hl'); hl.style.cssText = el.style.cssText; hl.hidden = false; }
        return;
      }
      if (key) cells.forEach(function (c) { if (c.dataset.k === key) cell = c; });
      showCell(cell, cells);
      return;
    }
    if ((el = t.closest('a.pl'))) { e.preventDefault(); show(el.dataset.p); return; }
    if ((el = t.closest('.finding'))) {
      var id = el.id;
      var primary = document.querySelector('[data-m~="' + id + '"]') ||
                    document.querySelector('[data-f~="' + id + '"]');
      if (primary) showCell(primary, all('[data-f~="' + id + '"]'));
      return;
    }
    if ((el = t.closest('td[data-r]'))) showCell(el);
  });
  // A link to a finding (report.html#f0) opens on it, shown like a click.
  function follow() {
    var el = /^#f[0-9]+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
    if (el) el.click();
  }
  window.addEventListener('hashchange', follow);
  if (document.readyState === 'complete') follow(); else window.addEventListener('load', follow);
})();
)js";

}  // namespace budget::report
