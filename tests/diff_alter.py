#!/usr/bin/env python3
"""`budgetx diff` finds exactly what was altered on purpose (a metamorphic test).

  diff_alter.py BUDGETX TEXT_DISCLOSURE

The helper edits a copy of a text disclosure:
 1. cells: N amounts in table rows (a seeded choice) get 1.11 more; one prose
    figure is changed.  diff(original, altered) must list exactly those cells
    (row, old, new) and that prose figure, and nothing else.
 2. prose changes: OLD is the original with every year one earlier; NEW is the
    original with every change its prose states against the year before set
    to 0 (the figures are the same as OLD's, so 0 is right), except K of them
    given another amount.  The prose-change check must fail exactly those K and
    pass the others.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

AMOUNT = re.compile(r'^\d{1,3}(,\d{3})*\.\d\d$|^\d+\.\d\d$')
# 比上年增长22.87万元，增长1.03%  /  比2024年预算减少2.54万元,下降1.64%
CHANGE = re.compile(r'(比(?:上年|\d{4}年预算?)(?:增长|增加|减少|下降))([\d,]+(?:\.\d+)?)(万元[,，]\s*(?:增长|下降|减少))([\d.]+)(%)')
failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL ' + msg, flush=True)


def run(budgetx, *args):
    p = subprocess.run([budgetx] + list(args), capture_output=True, text=True)
    if p.returncode not in (0, 3):
        raise RuntimeError('%s: exit %d: %s' % (' '.join(args), p.returncode, p.stderr))
    return json.loads(p.stdout)


def to_yuan(text):
    """'2,233.22' (万元) -> 22332200 as an exact integer of 元."""
    whole, frac = text.replace(',', '').split('.')
    return int(whole) * 10000 + int(frac.ljust(4, '0')[:4])


def alter_cells(lines, count, seed):
    """Adds 1.11 to `count` amounts of coded table rows; -> the new lines and
    [(code, old 元, new 元)]."""
    candidates = []
    for i, line in enumerate(lines):
        cells = line.split('\t')
        if len(cells) < 3 or not re.fullmatch(r'\d{3,7}', cells[0].strip()):
            continue
        for k, cell in enumerate(cells):
            if AMOUNT.match(cell.strip()):
                candidates.append((i, k))
    rng = random.Random(seed)
    picked = rng.sample(candidates, count)
    out = list(lines)
    altered = []
    for i, k in picked:
        cells = out[i].split('\t')
        old = cells[k].strip()
        new_yuan = to_yuan(old) + 11100
        cells[k] = '%d.%04d' % divmod(new_yuan, 10000)
        cells[k] = cells[k].rstrip('0').rstrip('.') if '.' in cells[k] else cells[k]
        out[i] = '\t'.join(cells)
        altered.append((cells[0].strip(), to_yuan(old), new_yuan))
    return out, altered


def part_cells(budgetx, text, tmp):
    lines = text.split('\n')
    lines, altered = alter_cells(lines, 6, 11)
    # One prose figure: the first 万元 amount of the first sentence stating a change.
    prose_at = next(i for i, l in enumerate(lines) if CHANGE.search(l))
    m = re.search(r'([\d,]+\.\d\d)万元', lines[prose_at])
    old_fig = m.group(1)
    new_fig = '%d.%02d' % divmod(to_yuan(old_fig) // 100 + 500, 100)
    lines[prose_at] = lines[prose_at][:m.start(1)] + new_fig + lines[prose_at][m.end(1):]
    old_path, new_path = os.path.join(tmp, 'a.txt'), os.path.join(tmp, 'b.txt')
    open(old_path, 'w', encoding='utf-8').write(text)
    open(new_path, 'w', encoding='utf-8').write('\n'.join(lines))
    d = run(budgetx, 'diff', old_path, new_path)
    # Each altered line may be printed in several tables' rows: every change
    # must be an altered (code, old, new), and every alteration must appear.
    got = {(c['row']['code'], c['old'], c['new']) for c in d['changes']}
    want = set(altered)
    if got != want:
        fail('cells: the diff lists %s, the helper altered %s' % (sorted(got), sorted(want)))
    others = {k: v for k, v in d['summary']['counts'].items()
              if v and k not in ('tables_matched', 'cells_changed', 'facts_changed')}
    if others:
        fail('cells: other changes reported: %s' % others)
    facts = [f for f in d['facts'] if f['type'] == 'changed']
    if not facts or any(f['old']['value'] != to_yuan(old_fig) or f['new']['value'] != to_yuan(new_fig) for f in facts):
        fail('prose figure %s -> %s: the diff lists %s' % (old_fig, new_fig, [(f['subject'], f['old'], f['new']) for f in facts]))
    print('cells: %d altered cells found exactly (%d changes), prose figure %s -> %s found in %d fact(s)' % (
        len(want), len(d['changes']), old_fig, new_fig, len(facts)))


def shift_years(text, by):
    return re.sub(r'(?<!\d)(20\d\d)(?=年)', lambda m: str(int(m.group(1)) + by), text)


def part_prose(budgetx, text, tmp):
    statements = list(CHANGE.finditer(text))
    if len(statements) < 2:
        fail('prose: the sample states fewer than 2 changes')
        return
    altered_at = {statements[0].start(), statements[-1].start()}

    def rewrite(m):
        if m.start() in altered_at:
            return m.group(1) + '12.34' + m.group(3) + '5.67' + m.group(5)
        return m.group(1) + '0' + m.group(3) + '0' + m.group(5)
    new_text = CHANGE.sub(rewrite, text)
    old_path, new_path = os.path.join(tmp, 'old.txt'), os.path.join(tmp, 'new.txt')
    open(old_path, 'w', encoding='utf-8').write(shift_years(text, -1))
    open(new_path, 'w', encoding='utf-8').write(new_text)
    d = run(budgetx, 'diff', old_path, new_path)
    checks = d['prose_checks']
    failed = [c for c in checks if c['status'] == 'fail']
    if not checks:
        fail('prose: no prose-change check ran')
    for c in failed:
        if abs(c['stated_change'] or 0) != 123400 and abs(c['stated_pct'] or 0) != 5.67:
            fail('prose: a change stated as 0 failed: %s %s' % (c['subject'], c['message']))
    named = {c['text'] for c in failed}
    for at in sorted(altered_at):
        sentence_has = [t for t in named if '12.34万元' in t]
        if not sentence_has:
            fail('prose: the altered change at offset %d is not named by a failing check' % at)
    passed = [c for c in checks if c['status'] == 'pass']
    if any(c['stated_change'] not in (0, None) for c in passed):
        fail('prose: a check with a non-zero stated change passed')
    print('prose: %d checks, %d failed (the altered ones), %d passed' % (len(checks), len(failed), len(passed)))
    for c in failed:
        print('  fail p.%s %s: %s' % (c['page'], c['subject'], c['message']))


def main():
    budgetx, sample = sys.argv[1], sys.argv[2]
    text = open(sample, encoding='utf-8').read()
    with tempfile.TemporaryDirectory() as tmp:
        part_cells(budgetx, text, tmp)
        part_prose(budgetx, text, tmp)
    print('diff_alter: %s' % ('FAILED (%d)' % len(failures) if failures else 'ok'))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
