#!/usr/bin/env python3
"""`budgetx db series` over a batch database (docs/diff.md).

  diff_series.py BUDGETX TEXT_DISCLOSURE

Makes the year before of a text disclosure (diff_alter.py's helpers): every
year one earlier, 4 cells altered, and one 7-digit classification code renumbered
within its parent (as a reform would: 2080599 -> 2080598).  Both years go into a database with
`budgetx batch`; `budgetx db series` for the entity must then give
 - each year's cells exactly (per table kind and column, as multisets);
 - the renumbered rows as one series, with their codes per year;
 - values that differ between the years exactly at the altered cells.
"""
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from diff_alter import alter_cells, shift_years  # noqa: E402

failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL ' + msg, flush=True)


def run(*args):
    p = subprocess.run(list(args), capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError('%s: exit %d: %s' % (' '.join(args), p.returncode, p.stderr))
    return p.stdout


def cells(doc):
    out = collections.Counter()
    for t in doc['tables']:
        for r in t['rows']:
            for key, v in r['values'].items():
                out[(t['kind'], key, str(v))] += 1
    return out


def main():
    budgetx, sample = sys.argv[1], sys.argv[2]
    text = open(sample, encoding='utf-8').read()
    lines, altered = alter_cells(text.split('\n'), 4, 7)
    old_text = shift_years('\n'.join(lines), -1)
    # The first 项 code, renumbered to a number its 款 does not use.
    code = re.search(r'(?m)^(\d{7})\t', text).group(1)
    used = set(re.findall(r'(?m)^(%s\d\d)\t' % code[:5], text))
    renumbered = next(code[:5] + '%02d' % n for n in range(98, 0, -1) if code[:5] + '%02d' % n not in used)
    old_text = re.sub(r'(?m)^%s\t' % code, renumbered + '\t', old_text)
    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path = os.path.join(tmp, 'old.txt'), os.path.join(tmp, 'new.txt')
        open(old_path, 'w', encoding='utf-8').write(old_text)
        open(new_path, 'w', encoding='utf-8').write(text)
        db = os.path.join(tmp, 'db.sqlite')
        run(budgetx, 'batch', old_path, new_path, '--db', db, '-j', '1')
        docs = [json.loads(run(budgetx, 'extract', p)) for p in (old_path, new_path)]
        years = [d['document']['fiscal_year'] for d in docs]
        entity = docs[1]['document']['entity']
        series = list(csv.DictReader(io.StringIO(run(budgetx, 'db', 'series', '--db', db, '--entity', entity))))
    if years[0] + 1 != years[1]:
        fail('years %s' % years)
        return finish()

    for doc, year in zip(docs, years):
        got = collections.Counter((s['table_kind'], s['column'], s[str(year)]) for s in series if s[str(year)])
        # A series is labelled by its latest table; the kinds are the same here.
        if got != cells(doc):
            fail('%d: the series cells differ from the document (missing %s, extra %s)' % (
                year, dict(cells(doc) - got), dict(got - cells(doc))))
    moved = {s['codes'] for s in series if s['codes']}
    if moved != {'%d:%s %d:%s' % (years[0], renumbered, years[1], code)}:
        fail('renumbered code: series codes %s' % moved)
    changed = {(s['code'], int(s[str(years[0])]), int(s[str(years[1])])) for s in series
               if s[str(years[0])] and s[str(years[1])] and s[str(years[0])] != s[str(years[1])]}
    want = {(code, new, old) for code, old, new in altered}
    if changed != want:
        fail('values that differ %s, altered %s' % (sorted(changed), sorted(want)))
    print('series: %d lines, %d years, %d renumbered, %d changed values' % (
        len(series), len(years), sum(1 for s in series if s['codes']), len(changed)))
    return finish()


def finish():
    print('diff_series: %s' % ('FAILED (%d)' % len(failures) if failures else 'ok'))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
