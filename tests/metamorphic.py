#!/usr/bin/env python3
"""Metamorphic tests: the same disclosure printed another way gives the same data.

  metamorphic.py BUDGETX TEXT_DOCUMENT...

Each text document (the seed's form) is rewritten the ways real and generated
disclosures vary — unit 元 with thousands separators, '-' for blank amounts,
full-width digits, the 合计 line last, no heading markup, the ordinal printed
inline before the title, the title inside the table's first row, 类/款/项
printed as split code columns, indented names — and each variant must extract
to the same rows, titles, no_data flags and cells (table kind, side, row
code or name, column key -> value in 元) as the original.  A variant that changes nothing is itself a failure, so
no test can pass by not applying.  Prints one line per variant and
'N passed, N failed'; exits 1 on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal

AMOUNT = re.compile(r'^-?\d[\d,]*(\.\d+)?$')
CODE = re.compile(r'^\d{3}(\d{2}){0,2}$')
TITLE = re.compile(r'^(#+\s*)?(\d{4}年.*表(（[^）]*）)?)\s*$')
FULL = str.maketrans('0123456789.,-', '０１２３４５６７８９．，－')
CN = '一二三四五六七八九十'


def run(budgetx, path):
    r = subprocess.run([budgetx, 'extract', '-q', path], capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode('utf-8', 'replace').strip())
    return json.loads(r.stdout)


def cells(doc):
    out, seen = {}, {}
    for t in doc['tables']:
        out[(t['kind'], None, '#table', 'no_data')] = t['no_data']
        count = (t['kind'], None, '#table', 'count')
        out[count] = out.get(count, 0) + 1
        out[(t['kind'], None, '#table', 'title')] = t['title']
        for r in t['rows']:
            base = r.get('code') or r['name']
            k = (t['kind'], r.get('side'), base)
            seen[k] = seen.get(k, 0) + 1
            rk = base if seen[k] == 1 else '%s#%d' % (base, seen[k])
            out[(t['kind'], r.get('side'), rk, '#row')] = r['name']
            for col, v in r['values'].items():
                out[(t['kind'], r.get('side'), rk, col)] = v
    return out


def split_cells(line):
    return line.split('\t')


def is_money_line(parts):
    """A body line with amounts (decimals printed); the column-number line 1 2 3 … is not one."""
    return any(AMOUNT.match(p.strip()) and '.' in p for p in parts[1:]) and '%' not in ''.join(parts)


def in_budget_tables(lines):
    """Yields (index, parts) of tab lines inside the money tables (before the performance forms)."""
    stop = next((i for i, l in enumerate(lines) if '绩效目标表' in l and '\t' not in l), len(lines))
    for i, line in enumerate(lines[:stop]):
        if '\t' in line and '.....' not in line:
            yield i, split_cells(line)


def rewrite_amounts(lines, fn):
    for i, parts in in_budget_tables(lines):
        if is_money_line(parts):
            lines[i] = '\t'.join(fn(p) if AMOUNT.match(p.strip()) and j > 0 else p
                                 for j, p in enumerate(parts))
    return lines


# ------------------------------------------------------------------ variants
def yuan_thousands(text):
    text = re.sub(r'单位：万\s*\n+\s*元', '单位：万元', text)
    lines = text.split('\n')
    lines = rewrite_amounts(lines, lambda p: '{:,.2f}'.format(Decimal(p.replace(',', '')) * 10000))
    return '\n'.join(lines).replace('单位：万元', '单位：元')


def dash_blanks(text):
    lines = text.split('\n')
    for i, parts in in_budget_tables(lines):
        if CODE.match(parts[0].strip()) or parts[0].strip() == '合计':
            lines[i] = '\t'.join('-' if j >= 2 and not p.strip() else p for j, p in enumerate(parts))
    return '\n'.join(lines)


def fullwidth_digits(text):
    lines = text.split('\n')
    return '\n'.join(rewrite_amounts(lines, lambda p: p.translate(FULL)))


def total_last(text):
    lines = text.split('\n')
    out, i = [], 0
    while i < len(lines):
        parts = split_cells(lines[i])
        is_total = parts[0] == '合计' or (parts[0] == '' and len(parts) > 1 and parts[1] == '合计')
        if is_total and i + 1 < len(lines) and CODE.match(split_cells(lines[i + 1])[0]):
            total, i = lines[i], i + 1
            while i < len(lines) and (CODE.match(split_cells(lines[i])[0]) or not lines[i].strip()):
                out.append(lines[i])
                i += 1
            out.append(total)
            continue
        out.append(lines[i])
        i += 1
    return '\n'.join(out)


def no_markup(text):
    return re.sub(r'^#+\s*', '', text.replace('<b>', '').replace('</b>', ''), flags=re.M)


def inline_ordinals(text):
    n = [0]

    def sub(m):
        n[0] += 1
        return '%s表%s%s' % (m.group(1) or '', CN[n[0] - 1] if n[0] <= 10 else str(n[0]), m.group(2))
    lines = text.split('\n')
    stop = next((i for i, l in enumerate(lines) if l.startswith('### 第三部分') or '情况说明' in l and l.startswith('#')), len(lines))
    head = [l for l in lines[:stop]]
    body = '\n'.join(head)
    body = re.sub(r'^预算公开表\d+\s*$', '', body, flags=re.M)
    body = re.sub(r'^(#+\s*)?(\d{4}年[^\n\t.]*表(?:（[^）\n]*）)?)\s*$', sub, body, flags=re.M)
    return body + '\n' + '\n'.join(lines[stop:])


def title_in_table(text):
    lines = text.split('\n')
    out, pending = [], None
    for line in lines:
        m = TITLE.match(line)
        if m and '绩效' not in line and '.....' not in line:
            pending = m.group(2)
            continue
        if pending and '\t' in line:
            out.append(pending + '\t' * line.count('\t'))
            pending = None
        elif pending and line.strip() and not line.startswith(('单位', '预算公开表')):
            out.append(pending)
            pending = None
        out.append(line)
    return '\n'.join(out)


def split_codes(text, own_part_only=False):
    """类/款/项 printed as three code columns; with own_part_only each line prints
    only its own part (205 | | ; | 01 | ; | | 01), the rest implied by the lines above."""
    lines = text.split('\n')
    table_lines = dict(in_budget_tables(lines))
    # Tables with codes: from a header line holding 科目编码 to the end of the grid.
    i = 0
    while i < len(lines):
        parts = table_lines.get(i)
        if parts and parts[0].strip().endswith('科目编码'):
            start = i
            while start > 0 and (start - 1) in table_lines:
                start -= 1
            j = i + 1
            while j < len(lines) and (j in table_lines or not lines[j].strip()):
                j += 1
            for k in range(start, j):
                if k not in table_lines:
                    continue
                p = split_cells(lines[k])
                c = p[0].strip()
                if CODE.match(c):
                    parts = [c[:3], c[3:5], c[5:7]]
                    if own_part_only:
                        parts = ['' if n != len(c) // 2 - 1 else part for n, part in enumerate(parts)]
                    p = parts + p[1:]
                else:
                    p = [p[0], '', ''] + p[1:]
                lines[k] = '\t'.join(p)
            width = len(split_cells(lines[i]))
            lines.insert(i + 1, '\t'.join(['类', '款', '项'] + [''] * (width - 3)))
            table_lines = dict(in_budget_tables(lines))
            i = j + 1
            continue
        i += 1
    return '\n'.join(lines)


def split_codes_own_part(text):
    return split_codes(text, own_part_only=True)


def indent_names(text):
    lines = text.split('\n')
    for i, parts in in_budget_tables(lines):
        c = parts[0].strip()
        if CODE.match(c) and len(parts) > 1:
            parts[1] = '\u3000' * ((len(c) - 3) // 2 * 2) + parts[1]
            lines[i] = '\t'.join(parts)
    return '\n'.join(lines)


def zero_blanks(text):
    """Blank amounts printed as 0.00: the same cells plus zeros (checked by compare)."""
    lines = text.split('\n')
    for i, parts in in_budget_tables(lines):
        if CODE.match(parts[0].strip()) or ('合计' in parts[:2] and is_money_line(parts)):
            lines[i] = '\t'.join('0.00' if j >= 2 and not p.strip() else p for j, p in enumerate(parts))
    return '\n'.join(lines)


def column_numbers(text):
    """A 1 2 3 … line under every header that has none."""
    lines = text.split('\n')
    grids = dict(in_budget_tables(lines))
    out = []
    for i, line in enumerate(lines):
        if i in grids and i - 1 in grids or i in grids and i - 2 in grids and not lines[i - 1].strip():
            prev = i - 1 if i - 1 in grids else i - 2
            p_prev, p = grids[prev], grids[i]
            header_prev = not is_money_line(p_prev) and not CODE.match(p_prev[0].strip())
            if header_prev and (is_money_line(p) or CODE.match(p[0].strip())) and p_prev[0] != '1':
                out.append('\t'.join(str(k + 1) for k in range(len(p))))
        out.append(line)
    return '\n'.join(out)


def note_in_table(text):
    """注：本表无数据 printed as the grid's last line instead of below it."""
    lines = text.split('\n')
    out = []
    for i, line in enumerate(lines):
        if line.strip().startswith('注：本表无数据'):
            j = len(out) - 1
            while j >= 0 and not out[j].strip():
                j -= 1
            if j >= 0 and '\t' in out[j]:
                out.insert(j + 1, '注：本表无数据' + '\t' * out[j].count('\t'))
                continue
        out.append(line)
    return '\n'.join(out)


def meta_one_line(text):
    """单位名称 and 单位 on one line: "单位名称：某局    单位：万元"."""
    text = re.sub(r'单位：万\s*\n+\s*元', '单位：万元', text)
    return re.sub(r'^(单位名称：[^\n]+)\n+(单位：[^\n]+)$', r'\1    \2', text, flags=re.M)


def repeat_title(text):
    """A long table continued with its title, meta lines and header printed again."""
    lines = text.split('\n')
    grids = dict(in_budget_tables(lines))
    for i, line in enumerate(lines):
        m = TITLE.match(line)
        if not m or '收入总表' not in line:
            continue
        first_body = next(k for k in range(i + 1, len(lines))
                          if k in grids and (CODE.match(grids[k][0].strip()) or is_money_line(grids[k])))
        head = lines[i:first_body]
        split = first_body + 8
        if split >= len(lines) or split not in grids:
            return text
        return '\n'.join(lines[:split] + [''] + head + lines[split:])
    return text


VARIANTS = [yuan_thousands, dash_blanks, fullwidth_digits, total_last, no_markup,
            inline_ordinals, title_in_table, split_codes, split_codes_own_part, indent_names, zero_blanks, column_numbers,
            note_in_table, meta_one_line, repeat_title]
# Variants whose output may add cells of value 0 (blanks printed as zeros).
ADDS_ZEROS = {zero_blanks}


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    budgetx, docs = sys.argv[1], sys.argv[2:]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            with open(doc, encoding='utf-8') as f:
                text = f.read()
            base = cells(run(budgetx, doc))
            for variant in VARIANTS:
                name = '%s/%s' % (os.path.basename(os.path.dirname(doc)) or doc, variant.__name__)
                changed = variant(text)
                path = os.path.join(tmp, variant.__name__ + '.txt')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(changed)
                problem = None
                if changed == text:
                    problem = 'the variant changed nothing'
                else:
                    try:
                        got = cells(run(budgetx, path))
                        missing = [k for k in base if got.get(k) != base[k]]
                        extra = [k for k in got if k not in base and
                                 not (variant in ADDS_ZEROS and got[k] == 0)]
                        if missing or extra:
                            problem = '%d cells differ, %d extra; first: %s' % (
                                len(missing), len(extra), (missing or extra)[0])
                    except (RuntimeError, ValueError) as e:
                        problem = 'extraction failed: %s' % e
                print('%-50s %s' % (name, 'ok' if not problem else 'FAIL ' + problem))
                passed += problem is None
                failed += problem is not None
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
