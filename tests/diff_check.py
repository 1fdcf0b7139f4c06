#!/usr/bin/env python3
"""Script tests of `budgetx diff` (docs/diff.md).

  diff_check.py BUDGETX golden       samples/diff/*/: the diff of old.json and new.json
                                     equals expected.json and expected.txt (reviewed by eye;
                                     BUDGET_UPDATE_GOLDEN=1 rewrites them), validates against
                                     schemas/diff.schema.json, and diff(old, old) is empty.
  diff_check.py BUDGETX corpus SHARED
                                     every document of SHARED/corpus/{dev,real} diffs to
                                     nothing against itself (PDF or text, and against its own
                                     budgetx JSON); every pair of real documents of one entity
                                     round-trips: A's cells + the change list = B's cells.
                                     Exit 77 (skip) without SHARED.
  diff_check.py BUDGETX same-document SHARED
                                     documents of SHARED/corpus/{dev,wide} that are one
                                     document (truth.json: same entity, year, kind and scope)
                                     printed by different producers, or as text, diff to
                                     nothing, every pair: tables, rows, cells, projects, funds,
                                     indicators and prose facts.  Only an indicator that both
                                     truths mark _uncertain may differ (the text prints it
                                     scrambled, the PDF prints the truth's reading of it); it is
                                     listed.  Exit 77 (skip) without SHARED.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(ROOT, 'schemas', 'diff.schema.json')
STRUCTURE = ['tables_added', 'tables_removed', 'columns_added', 'columns_removed', 'rows_added',
             'rows_removed', 'rows_moved', 'rows_renamed', 'cells_changed', 'text_cells_changed',
             'projects_added', 'projects_removed', 'funds_changed']
EVERYTHING = STRUCTURE + ['indicators_added', 'indicators_removed', 'indicators_changed',
                          'facts_added', 'facts_removed', 'facts_changed']
failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL ' + msg, flush=True)


def run(budgetx, *args):
    p = subprocess.run([budgetx] + list(args), capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError('%s %s: exit %d: %s' % (budgetx, ' '.join(args), p.returncode, p.stderr.strip()))
    return p.stdout


def diff(budgetx, old, new):
    return json.loads(run(budgetx, 'diff', old, new))


def nonzero(d, keys):
    return {k: d['summary']['counts'][k] for k in keys if d['summary']['counts'][k]}


def schema_ok(paths):
    p = subprocess.run(['/usr/bin/python3', os.path.join(HERE, 'schema_check.py'), '--schema', SCHEMA] + paths,
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail('schema: ' + p.stdout + p.stderr)


def golden(budgetx):
    cases = sorted(glob.glob(os.path.join(ROOT, 'samples', 'diff', '*')))
    if not cases:
        fail('no samples/diff/* case')
    update = os.environ.get('BUDGET_UPDATE_GOLDEN') == '1'
    with tempfile.TemporaryDirectory() as tmp:
        outputs = []
        for case in cases:
            old, new = os.path.join(case, 'old.json'), os.path.join(case, 'new.json')
            for name, args in (('expected.json', []), ('expected.txt', ['--format', 'table', '--color', 'never'])):
                got = run(budgetx, 'diff', old, new, *args)
                path = os.path.join(case, name)
                if update:
                    with open(path, 'w', encoding='utf-8') as f:
                        f.write(got)
                with open(path, encoding='utf-8') as f:
                    if f.read() != got:
                        fail('%s differs from the diff (review, then BUDGET_UPDATE_GOLDEN=1)' % path)
            outputs.append(os.path.join(case, 'expected.json'))
            same = diff(budgetx, old, old)
            if nonzero(same, EVERYTHING):
                fail('%s: diff(old, old) is not empty: %s' % (case, nonzero(same, EVERYTHING)))
            csv = run(budgetx, 'diff', old, new, '--format', 'csv')
            if not csv.startswith('change,table_kind,'):
                fail('%s: CSV without its header' % case)
            small = os.path.join(tmp, os.path.basename(case) + '-min.json')
            with open(small, 'w') as f:
                f.write(run(budgetx, 'diff', old, new, '--min-change', '1万'))
            outputs.append(small)
            for c in json.load(open(small))['changes']:
                size = abs(c['difference']) if c['difference'] is not None else abs(c['old'] if c['new'] is None else c['new'])
                if size < 10000:
                    fail('%s: --min-change 1万 kept a change of %s' % (case, size))
        schema_ok(outputs)


# ------------------------------------------------------------------ corpus
def documents(shared):
    docs = sorted(glob.glob(os.path.join(shared, 'corpus', 'dev', '*', 'doc.*')))
    docs = [d for d in docs if not d.endswith('.json')]
    return docs + sorted(glob.glob(os.path.join(shared, 'corpus', 'real', '*.pdf')))


def cells_by_column(doc, ti):
    """{(side, column): Counter of values} of one table."""
    out = collections.defaultdict(collections.Counter)
    for row in doc['tables'][ti]['rows']:
        for key, value in row['values'].items():
            out[(row['side'], key)][value] += 1
    return out


def round_trip(name, a, b, d):
    """A's cells with the change list applied are B's cells (per table and column, as
    multisets), and every change names the cell it changes in each document."""
    matched = [(t['old']['index'], t['new']['index']) for t in d['tables']]
    got = {}
    for ti, tj in matched:
        got[tj] = cells_by_column(a, ti)
    for tc in d['tables_changed']:
        if tc['type'] == 'added':
            got[tc['index']] = collections.defaultdict(collections.Counter)
    for r in d['rows']:
        tj = r['table']['new_index']
        if r['type'] == 'added':
            for key, v in r['values'].items():
                got[tj][(r['side'], key)][v] += 1
        elif r['type'] == 'removed' and tj is not None:
            for key, v in r['values'].items():
                got[tj][(r['side'], key)][v] -= 1
    for c in d['changes']:
        ti, tj = c['table']['old_index'], c['table']['new_index']
        oi, ni = c['row']['old_index'], c['row']['new_index']
        old_cell = a['tables'][ti]['rows'][oi]['values'].get(c['column'])
        new_cell = b['tables'][tj]['rows'][ni]['values'].get(c['column'])
        if old_cell != c['old'] or new_cell != c['new']:
            fail('%s: change %s / %s / %s says %s -> %s, the documents have %s -> %s' % (
                name, c['table']['title'], c['row']['name'], c['column'], c['old'], c['new'], old_cell, new_cell))
        key = (c['side'], c['column'])
        if c['old'] is not None:
            got[tj][key][c['old']] -= 1
        if c['new'] is not None:
            got[tj][key][c['new']] += 1
    for tj in range(len(b['tables'])):
        want = cells_by_column(b, tj)
        have = got.get(tj, {})
        for key in set(want) | set(have):
            w = +want.get(key, collections.Counter())
            h = collections.Counter({v: n for v, n in have.get(key, collections.Counter()).items() if n})
            if w != h:
                fail('%s: table %d (%s) column %s: A + changes != B (missing %s, extra %s)' % (
                    name, tj, b['tables'][tj]['title'], key, dict(w - h), dict(h - w)))


def corpus(budgetx, shared):
    if not os.path.isdir(os.path.join(shared, 'corpus')):
        print('SKIP: %s/corpus not found' % shared)
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        extracted = {}
        for doc in documents(shared):
            name = os.path.relpath(doc, os.path.join(shared, 'corpus'))
            path = os.path.join(tmp, name.replace('/', '_') + '.json')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(run(budgetx, 'extract', doc))
            extracted[name] = path
            for other in (doc, path):
                d = diff(budgetx, doc, other)
                if nonzero(d, EVERYTHING):
                    fail('%s: diff against itself (%s) is not empty: %s' % (name, os.path.basename(other), nonzero(d, EVERYTHING)))
        print('self-diff: %d documents, each against itself and its JSON' % len(extracted))

        # Real documents of one entity (the file name before its year), every ordered pair.
        real = collections.defaultdict(list)
        for name, path in extracted.items():
            if name.startswith('real/'):
                real[os.path.basename(name).split('_20')[0]].append(path)
        pairs = 0
        for entity, paths in sorted(real.items()):
            for a_path in paths:
                for b_path in paths:
                    if a_path == b_path:
                        continue
                    d = diff(budgetx, a_path, b_path)
                    with open(a_path) as f:
                        a = json.load(f)
                    with open(b_path) as f:
                        b = json.load(f)
                    round_trip('%s -> %s' % (os.path.basename(a_path), os.path.basename(b_path)), a, b, d)
                    pairs += 1
        print('round trip: %d ordered pairs of real documents of one entity' % pairs)


# ------------------------------------------------------------------ same document
def uncertain_indicators(truth):
    """(project, scope, name) of the indicators a truth.json marks _uncertain."""
    return {(p['name'], i['scope'], i['name']) for p in truth.get('projects', [])
            for i in p.get('indicators', []) if i.get('_uncertain')}


def same_document(budgetx, shared):
    """Every pair of corpus documents that are one document printed differently."""
    if not os.path.isdir(os.path.join(shared, 'corpus')):
        print('SKIP: %s/corpus not found' % shared)
        sys.exit(77)
    groups = collections.defaultdict(list)
    for truth_path in sorted(glob.glob(os.path.join(shared, 'corpus', '*', '*', 'truth.json'))):
        folder = os.path.dirname(truth_path)
        if os.path.basename(os.path.dirname(folder)) not in ('dev', 'wide'):
            continue
        docs = [d for d in glob.glob(os.path.join(folder, 'doc.*')) if not d.endswith('.json')]
        with open(truth_path, encoding='utf-8') as f:
            truth = json.load(f)
        info = truth['document']
        key = (info.get('entity'), info.get('fiscal_year'), info.get('kind'), info.get('scope'))
        for doc in docs:
            groups[key].append((os.path.relpath(doc, os.path.join(shared, 'corpus')), doc, truth))
    pairs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for key, members in sorted(groups.items(), key=lambda kv: str(kv[0])):
            if len(members) < 2:
                continue
            members.sort(key=lambda m: (not m[1].endswith('.txt'), m[0]))  # the text form first
            extracted = []
            for name, doc, truth in members:
                path = os.path.join(tmp, name.replace('/', '_') + '.json')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(run(budgetx, 'extract', doc))
                extracted.append((name, path, uncertain_indicators(truth)))
            for i, (a_name, a_path, a_uncertain) in enumerate(extracted):
                for b_name, b_path, b_uncertain in extracted[i + 1:]:
                    d = diff(budgetx, a_path, b_path)
                    pairs += 1
                    uncertain = a_uncertain & b_uncertain
                    listed = [c for c in d['indicators'] if (c['project'], c['scope'], c['name']) in uncertain]
                    counts = nonzero(d, EVERYTHING)
                    for kind in ('added', 'removed', 'changed'):
                        n = sum(1 for c in listed if c['type'] == kind)
                        if n:
                            counts['indicators_' + kind] -= n
                    counts = {k: v for k, v in counts.items() if v}
                    label = '%s vs %s' % (a_name, b_name)
                    if counts:
                        fail('%s: one document printed twice, yet the diff has %s' % (label, counts))
                    print('%s: %s%s' % (label, 'differs' if counts else 'nothing' + (' else' if listed else ''), ''.join(
                        '; %s %s / %s (%s): %r -> %r, truth uncertain' % (
                            c['type'], c['project'], c['name'], c['scope'], c['old'], c['new']) for c in listed)))
    if not pairs:
        print('SKIP: no document printed twice in %s/corpus/{dev,wide}' % shared)
        sys.exit(77)
    print('same document: %d pairs' % pairs)


def main():
    budgetx, mode = sys.argv[1], sys.argv[2]
    if mode == 'golden':
        golden(budgetx)
    elif mode == 'same-document':
        same_document(budgetx, sys.argv[3])
    else:
        corpus(budgetx, sys.argv[3])
    print('diff_check %s: %s' % (mode, 'FAILED (%d)' % len(failures) if failures else 'ok'))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
