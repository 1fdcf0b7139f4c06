#!/usr/bin/env python3
"""Run the shared evaluation (shared/tools/evaluate.py) of `budgetx extract`
over the dev corpus and fail unless the scores reach the thresholds.

  corpus_eval.py --budgetx build/budgetx [--shared ../shared] [--inputs text|pdf|all]
                 [--min-cell-f1 1.0] [--min-table-recall 1.0] [--max-leaks 0] [--max-failures 0]
                 [--max-failed-checks 0]

--max-failed-checks N also extracts every document once more and fails when
one of them reports more than N failed checks (generated documents are
consistent by construction: a failed check there is a misreading).

The corpus is SHARED/corpus/dev (or --corpus DIR): one folder per document with
truth.json and doc.txt (text input) or doc.pdf (PDF input); --inputs picks the
folders by their document.  Exit status: 0 when every threshold is met, 1 when
one is not (or the evaluation itself fails), 77 (ctest SKIP_RETURN_CODE) when
the shared folder, evaluate.py or matching documents are absent.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def skip(msg):
    print('corpus_eval: SKIPPED: %s' % msg)
    sys.exit(SKIP)


def doc_folders(corpus, inputs):
    """Document folders of the corpus whose document is doc.txt (text) / doc.pdf (pdf)."""
    names = {'text': ('doc.txt',), 'pdf': ('doc.pdf',), 'all': ('doc.txt', 'doc.pdf')}[inputs]
    out = []
    for name in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, name)
        if name.startswith(('_', '.')) or not os.path.isfile(os.path.join(d, 'truth.json')):
            continue
        if any(os.path.isfile(os.path.join(d, n)) for n in names):
            out.append(d)
    return out


def fmt(v):
    return '-' if v is None else ('%.3f' % v if isinstance(v, float) else str(v))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--budgetx', default=os.path.join(ROOT, 'build', 'budgetx'), help='the budgetx binary')
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(ROOT), 'shared'),
                    help='the shared folder (default: ../shared beside the repository)')
    ap.add_argument('--corpus', help='corpus folder (default: SHARED/corpus/dev)')
    ap.add_argument('--evaluate', help='evaluate.py (default: SHARED/tools/evaluate.py)')
    ap.add_argument('--inputs', choices=('text', 'pdf', 'all'), default='text',
                    help='which documents: folders with doc.txt, doc.pdf, or both')
    ap.add_argument('--min-cell-f1', type=float, default=1.0)
    ap.add_argument('--min-table-recall', type=float, default=1.0)
    ap.add_argument('--max-leaks', type=int, default=0)
    ap.add_argument('--max-dirty', type=int, default=0, help='strings with Kangxi radicals or U+FFFD')
    ap.add_argument('--min-proj-name', type=float, help='project names found (rate)')
    ap.add_argument('--min-fund', type=float, help='project fund totals exact (rate)')
    ap.add_argument('--min-ind-f1', type=float, help='indicator F1')
    ap.add_argument('--max-failures', type=int, default=0, help='crashes, timeouts and invalid JSON')
    ap.add_argument('--timeout', type=float, default=120, help='seconds per document')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--max-failed-checks', type=int,
                    help='failed checks allowed per document (default: not counted)')
    ap.add_argument('--json', help='also keep evaluate.py\'s JSON report here')
    a = ap.parse_args()

    corpus = a.corpus or os.path.join(a.shared, 'corpus', 'dev')
    evaluate = a.evaluate or os.path.join(a.shared, 'tools', 'evaluate.py')
    if not os.path.isdir(corpus):
        skip('no corpus at %s (the shared folder is not beside the repository)' % corpus)
    if not os.path.isfile(evaluate):
        skip('no evaluate.py at %s' % evaluate)
    docs = doc_folders(corpus, a.inputs)
    if not docs:
        skip('no %s documents under %s' % (a.inputs, corpus))
    budgetx = os.path.abspath(a.budgetx)
    if not os.access(budgetx, os.X_OK):
        print('corpus_eval: FAIL: %s is not an executable (build first)' % budgetx)
        return 1

    with tempfile.TemporaryDirectory(prefix='corpus_eval.') as tmp:
        report_path = a.json or os.path.join(tmp, 'report.json')
        cmd = [sys.executable, evaluate, '--cmd', 'budgetx=%s extract {input}' % shlex.quote(budgetx),
               '--brief', '--timeout', str(a.timeout), '--jobs', str(a.jobs), '--json', report_path] + docs
        print('corpus_eval: %s' % ' '.join(shlex.quote(c) for c in cmd), flush=True)
        rc = subprocess.call(cmd)
        if rc != 0:
            print('corpus_eval: FAIL: evaluate.py exited with %d' % rc)
            return 1
        with open(report_path, encoding='utf-8') as f:
            report = json.load(f)

    run = report['budgetx']
    o = run['overall']
    failed_docs = [d for d in run['docs'] if d.get('status') != 'ok']
    checks = [
        ('cell F1', o.get('cell_F1'), '>=', a.min_cell_f1),
        ('table recall', o.get('tbl_R'), '>=', a.min_table_recall),
        ('leaks', o.get('leaks'), '<=', a.max_leaks),
        ('dirty strings', o.get('dirty'), '<=', a.max_dirty),
        ('failures', o.get('fail'), '<=', a.max_failures),
    ]
    for name, key, limit in (('project names', 'proj_name', a.min_proj_name),
                             ('fund totals', 'fund', a.min_fund), ('indicator F1', 'ind_F1', a.min_ind_f1)):
        if limit is not None:
            checks.append((name, o.get(key), '>=', limit))
    bad = 0
    print('corpus_eval: %d %s document(s)' % (o.get('docs', 0), a.inputs))
    for name, value, op, limit in checks:
        ok = value is not None and (value >= limit - 1e-12 if op == '>=' else value <= limit)
        bad += not ok
        print('  %-4s %-13s %8s  (need %s %s)' % ('ok' if ok else 'FAIL', name, fmt(value), op, fmt(limit)))
    for d in failed_docs:
        print('  failed run: %s (%s)' % (d.get('id'), d.get('status')))
    if bad:
        # the documents that lose cells or tables, to start from
        for d in run['docs']:
            m = d.get('metrics', {})
            fn, fp, tfn = m.get('cell_fn', 0), m.get('cell_fp', 0), m.get('tbl_fn', 0)
            if fn or fp or tfn or m.get('leaks'):
                print('  %s: %d cell(s) missed, %d wrong/extra, %d table(s) missed, %d leak(s)'
                      % (d.get('id'), fn, fp, tfn, m.get('leaks', 0)))
    if a.max_failed_checks is not None:
        worst = 0
        for d in docs:
            doc = next(os.path.join(d, n) for n in ('doc.txt', 'doc.pdf') if os.path.isfile(os.path.join(d, n)))
            r = subprocess.run([budgetx, 'extract', '-q', doc], capture_output=True, timeout=a.timeout)
            try:
                failed = sum(c.get('status') == 'fail' for c in json.loads(r.stdout).get('checks', []))
            except ValueError:
                continue  # a failed run, counted above
            worst = max(worst, failed)
            if failed > a.max_failed_checks:
                print('  %s: %d failed check(s) (budgetx check %s)' % (os.path.basename(d), failed, doc))
        ok = worst <= a.max_failed_checks
        bad += not ok
        checks.append(('failed checks', worst, '<=', a.max_failed_checks))
        print('  %-4s %-13s %8s  (need <= %s per document)' % ('ok' if ok else 'FAIL', 'failed checks', worst,
                                                            a.max_failed_checks))
    print('corpus_eval: %d passed, %d failed' % (len(checks) - bad, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
