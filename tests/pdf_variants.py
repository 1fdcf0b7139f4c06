#!/usr/bin/env python3
"""PDF variants: the same disclosure printed to PDF other ways gives the same data.

  pdf_variants.py [--keep DIR] [--only NAME,...] BUDGETX TEXT_DOCUMENT...

Each text document (the seed's form) is rendered to HTML — headings,
paragraphs, one <table> per run of tab-separated lines (merged header cells
stay separate empty cells) — and printed to PDF by headless Chromium, one
variant at a time: the text variants of metamorphic.py (unit 元 with thousands
separators, '-' or '0.00' blanks, split 类/款/项 code columns, names indented
by level, the 合计 row last, a column-number row, the title inside the
table's first row) and print variants (names wrapped in a narrow column,
landscape pages, small pages so tables continue over pages, the header
repeated on each page, no ruling lines, a diagonal light watermark under or
over the text, page numbers 第 N 页 / - N - / N/M, a running header).
`budgetx extract` of each PDF must give what `budgetx extract` of the text
gives: the same tables (kind, no_data), rows (code or name, names without
spaces), cells (column key -> value in 元) and projects (name, annual fund
total).  A variant whose HTML equals the plain rendering is itself a failure.
Known failures (KNOWN, with the reason) are reported but not counted.
Prints one line per variant and 'N passed, N failed, N known failures';
exits 1 on any failure, 77 (skipped) when chromium is not installed.
"""
import concurrent.futures
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metamorphic as mm  # noqa: E402

CHROMIUM = next((shutil.which(n) for n in ('chromium', 'chromium-browser', 'google-chrome')
                 if shutil.which(n)), None)
WATERMARK = '仅供内部审核'


# ------------------------------------------------------------------ text -> blocks
def parse(text):
    """Text form -> [('h', level, text) | ('p', text) | ('table', [cells])]."""
    text = re.sub(r'单位：万\s*\n+\s*元', '单位：万元', text)
    lines = text.split('\n')
    # A line repeated with only blank lines between is a watermark leftover.
    nonblank = [k for k, l in enumerate(lines) if l.strip()]
    furniture = set()
    for a, b in zip(nonblank, nonblank[1:]):
        if lines[a].strip() == lines[b].strip() and '\t' not in lines[a]:
            furniture.update((a, b))

    def is_row(line):
        return '\t' in line and '.....' not in line

    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        if is_row(line):
            rows = []
            while i < len(lines):
                if is_row(lines[i]):
                    rows.append(lines[i].split('\t'))
                    i += 1
                    continue
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j > i and j < len(lines) and is_row(lines[j]):
                    i = j
                    continue
                break
            out.append(('table', rows))
            continue
        s = line.strip()
        i += 1
        if not s or i - 1 in furniture:
            continue
        m = re.match(r'^(#+)\s*(.*)$', s)
        if m:
            out.append(('h', min(len(m.group(1)), 6), m.group(2)))
        else:
            out.append(('p', s.replace('\t', ' ')))
    return out


# ------------------------------------------------------------------ blocks -> HTML
BASE_CSS = """
@page { size: A4; margin: 18mm 14mm; }
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; }
h1 { font-size: 20pt; text-align: center; } h2 { font-size: 16pt; text-align: center; }
h3 { font-size: 14pt; } h4 { font-size: 12pt; } h5, h6 { font-size: 11pt; }
p { margin: 0.3em 0; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 9pt; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; }
td.title { text-align: center; font-weight: bold; font-size: 12pt; }
tr { page-break-inside: avoid; }
"""


def is_amount(s):
    s = s.strip()
    return bool(mm.AMOUNT.match(s.translate(str.maketrans('０１２３４５６７８９．，－', '0123456789.,-'))))


def render(blocks, css='', thead=False, extra_body=''):
    """HTML of the blocks; `thead` puts each money table's header rows in <thead>."""
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>', BASE_CSS, css,
           '</style></head><body>', extra_body]
    for b in blocks:
        if b[0] == 'h':
            out.append('<h%d>%s</h%d>' % (b[1], html.escape(b[2]), b[1]))
        elif b[0] == 'p':
            out.append('<p>%s</p>' % html.escape(b[1]).replace('&lt;b&gt;', '<b>')
                       .replace('&lt;/b&gt;', '</b>'))
        else:
            out.append(render_table(b[1], thead))
    out.append('</body></html>')
    return '\n'.join(out)


def is_body_row(cells):
    """Amounts, a code, or an item whose other cells are blank or amounts (headers label them)."""
    return (mm.is_money_line(cells) or mm.CODE.match(cells[0].strip()) or
            cells[0].strip() and all(not c.strip() or c.strip() == '-' or is_amount(c) for c in cells[1:]))


def render_table(rows, thead):
    width = max(len(r) for r in rows)
    coded = any(mm.CODE.match(r[0].strip()) for r in rows)
    name_col = 1 if coded else 0
    body_start = next((k for k, r in enumerate(rows) if is_body_row(r)), None)
    money = body_start is not None and any(mm.is_money_line(r) for r in rows)
    parts = ['<table>']
    for k, r in enumerate(rows):
        if thead and money and k == 0 and body_start > 0:
            parts.append('<thead>')
        if thead and money and k == body_start and body_start > 0:
            parts.append('</thead><tbody>')
        cells = r + [''] * (width - len(r))
        if k == 0 and mm.TITLE.match(cells[0].strip()) and not any(c.strip() for c in cells[1:]):
            parts.append('<tr><td class="title" colspan="%d">%s</td></tr>' % (width, html.escape(cells[0])))
            continue
        tds = []
        for c, cell in enumerate(cells):
            cls = []
            style = ''
            lead = len(cell) - len(cell.lstrip('\u3000'))
            if lead:
                style = ' style="padding-left:%dem"' % lead
                cell = cell.lstrip('\u3000')
            if c > 0 and is_amount(cell) or cell.strip() == '-':
                cls.append('num')
            if c == name_col and body_start is not None and k >= body_start:
                cls.append('name')
            tds.append('<td%s%s>%s</td>' % (' class="%s"' % ' '.join(cls) if cls else '', style,
                                             html.escape(cell)))
        parts.append('<tr>%s</tr>' % ''.join(tds))
    if thead and money and body_start and body_start > 0:
        parts.append('</tbody>')
    parts.append('</table>')
    return '\n'.join(parts)


# ------------------------------------------------------------------ variants
def watermark(z):
    css = ('.wm { position: fixed; top: 45%%; left: 8%%; width: 90%%; transform: rotate(-35deg); '
           'font-size: 56pt; color: #d8d8d8; z-index: %d; white-space: nowrap; }' % z)
    return css, '<div class="wm">%s</div>' % WATERMARK


def page_numbers(content):
    return '@page { @bottom-center { content: %s; font-size: 9pt; } }' % content


def text_variant(fn):
    return lambda text: (fn(text), {})


def print_variant(**kw):
    return lambda text: (text, kw)


def running_header(text):
    heads = [b[2] for b in parse(text) if b[0] == 'h'][:2]
    return text, {'css': '@page { @top-center { content: "%s"; font-size: 9pt; } }' % ' '.join(heads)}


VARIANTS = [
    ('plain', print_variant()),
    ('yuan_thousands', text_variant(mm.yuan_thousands)),
    ('dash_blanks', text_variant(mm.dash_blanks)),
    ('zero_blanks', text_variant(mm.zero_blanks)),
    ('split_codes', text_variant(mm.split_codes)),
    ('indent_names', text_variant(mm.indent_names)),
    ('total_last', text_variant(mm.total_last)),
    ('column_numbers', text_variant(mm.column_numbers)),
    ('title_in_table', text_variant(mm.title_in_table)),
    ('wrapped_names', print_variant(css='td.name { width: 6.5em; }')),
    ('landscape', print_variant(css='@page { size: A4 landscape; }')),
    ('small_pages', print_variant(css='@page { size: A5; margin: 12mm 10mm; }')),
    ('repeated_header', print_variant(css='@page { size: A5; margin: 12mm 10mm; }', thead=True)),
    ('no_rules', print_variant(css='td { border: none; }')),
    ('no_rules_repeated_header', print_variant(css='td { border: none; }', thead=True)),
    ('watermark_under', print_variant(wm=-1)),
    ('watermark_over', print_variant(wm=1000)),
    ('page_number_di_ye', print_variant(css=page_numbers('"第 " counter(page) " 页"'))),
    ('page_number_dashes', print_variant(css=page_numbers('"- " counter(page) " -"'))),
    ('page_number_of', print_variant(css=page_numbers('counter(page) "/" counter(pages)'))),
    ('running_header', running_header),
]
ADDS_ZEROS = {'zero_blanks'}
# Known failures, (document folder or '*', variant) -> why: reported as
# 'xfail' and not counted; one that passes is reported 'XPASS' and counted
# as a failure, so the list only shrinks.
KNOWN = {
    ('*', 'no_rules'): 'unruled tables: a table continued on the next page without its header '
                       'gets columns of its own, and some rows of side-by-side tables are still '
                       'lost (e.g. appropriation_summary 国有资本经营预算)',
    ('*', 'no_rules_repeated_header'): 'as no_rules',
}


def variant_html(text, kw):
    css = kw.get('css', '')
    body = ''
    if 'wm' in kw:
        wcss, body = watermark(kw['wm'])
        css += wcss
    return render(parse(text), css, kw.get('thead', False), body)


# ------------------------------------------------------------------ running
def run(budgetx, path):
    r = subprocess.run([budgetx, 'extract', '-q', path], capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode('utf-8', 'replace').strip())
    return json.loads(r.stdout)


def print_pdf(html_path, pdf_path, attempts=2):
    """Prints with a fresh profile; a second attempt if Chromium printed nothing."""
    for _ in range(attempts - 1):
        try:
            return print_pdf_once(html_path, pdf_path)
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
    return print_pdf_once(html_path, pdf_path)


def print_pdf_once(html_path, pdf_path):
    profile = tempfile.mkdtemp(prefix='pdfvariants-profile-')
    try:
        r = subprocess.run([CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu',
                            '--disable-background-networking', '--disable-component-update',
                            '--disable-sync', '--no-first-run', '--user-data-dir=' + profile,
                            '--print-to-pdf=' + pdf_path, '--no-pdf-header-footer',
                            'file://' + html_path], capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if not os.path.exists(pdf_path):
        raise RuntimeError('chromium printed nothing: %s' % r.stderr.decode('utf-8', 'replace')[-300:])


def squash(s):
    return re.sub(r'\s+', '', s or '')


def facts(doc):
    """(kind, side, row, column) -> value, plus no_data per table and the projects."""
    out, seen = {}, {}
    for t in doc['tables']:
        k = (t['kind'], None, '#table', 'no_data')
        out[k if k not in out else k[:2] + ('#table#2', 'no_data')] = t['no_data']
        for r in t['rows']:
            base = r.get('code') or squash(r['name'])
            key = (t['kind'], r.get('side'), base)
            seen[key] = seen.get(key, 0) + 1
            rk = base if seen[key] == 1 else '%s#%d' % (base, seen[key])
            out[(t['kind'], r.get('side'), rk, '#row')] = squash(r['name'])
            for col, v in r['values'].items():
                out[(t['kind'], r.get('side'), rk, col)] = v
    for p in doc.get('projects', []):
        key = ('#project', None, squash(p['name']))
        seen[key] = seen.get(key, 0) + 1
        name = key[2] if seen[key] == 1 else '%s#%d' % (key[2], seen[key])
        annual = ((p.get('funds') or {}).get('annual') or {}).get('total')
        out[('#project', None, name, 'annual')] = annual
    return out


def check(budgetx, doc, text, base, plain_html, name, variant, tmp, keep):
    changed, kw = variant(text)
    page = variant_html(changed, kw)
    stem = '%s-%s' % (os.path.basename(os.path.dirname(doc)) or 'doc', name)
    html_path = os.path.join(tmp, stem + '.html')
    pdf_path = os.path.join(keep or tmp, stem + '.pdf')
    if name != 'plain' and (changed == text and not kw or page == plain_html):
        return 'the variant changed nothing'
    with open(html_path, 'w', encoding='utf-8') as f:
        f.write(page)
    try:
        print_pdf(html_path, pdf_path)
        got = facts(run(budgetx, pdf_path))
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
        return 'extraction failed: %s' % e
    missing = [k for k in base if got.get(k) != base[k]]
    extra = [k for k in got if k not in base and not (name in ADDS_ZEROS and got[k] == 0)]
    if missing or extra:
        first = missing[0] if missing else extra[0]
        return '%d differ, %d extra; first: %s: want %r got %r' % (
            len(missing), len(extra), first, base.get(first), got.get(first))
    return None


def main():
    args = sys.argv[1:]
    keep, only = None, None
    while args and args[0].startswith('--'):
        opt = args.pop(0)
        if opt == '--keep':
            keep = args.pop(0)
            os.makedirs(keep, exist_ok=True)
        elif opt == '--only':
            only = set(args.pop(0).split(','))
        else:
            print(__doc__)
            return 2
    if len(args) < 2:
        print(__doc__)
        return 2
    if not CHROMIUM:
        print('chromium not installed: skipped')
        return 77
    budgetx, docs = args[0], args[1:]
    variants = [(n, v) for n, v in VARIANTS if not only or n in only]
    passed = failed = xfailed = 0
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(2) as pool:
        for doc in docs:
            with open(doc, encoding='utf-8') as f:
                text = f.read()
            base = facts(run(budgetx, doc))
            plain_html = variant_html(text, {})
            jobs = [(n, pool.submit(check, budgetx, doc, text, base, plain_html, n, v, tmp, keep))
                    for n, v in variants]
            folder = os.path.basename(os.path.dirname(doc)) or doc
            for n, job in jobs:
                problem = job.result()
                known = KNOWN.get((folder, n)) or KNOWN.get(('*', n))
                if known and problem:
                    status = 'xfail (%s): %s' % (known, problem)
                    xfailed += 1
                elif known:
                    status = 'XPASS: passes now, remove it from KNOWN'
                    failed += 1
                else:
                    status = 'ok' if not problem else 'FAIL ' + problem
                    passed += problem is None
                    failed += problem is not None
                print('%-50s %s' % ('%s/%s' % (folder, n), status), flush=True)
    print('%d passed, %d failed, %d known failures' % (passed, failed, xfailed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
