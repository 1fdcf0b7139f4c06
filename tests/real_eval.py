#!/usr/bin/env python3
"""Run shared/tools/realscore.py over the real PDFs (shared/corpus/real) with
`budgetx extract` and fail unless the figures reach the thresholds.

  real_eval.py --budgetx build/budgetx [--shared ../shared] [--min-tables-found 1.0]
               [--min-amount-recall 0.99] [--max-leaks 0] [--max-failures 0]

Exit status: 0 when every threshold is met, 1 when one is not, 77 (ctest
SKIP_RETURN_CODE) when the shared folder, realscore.py or pdftotext is absent.
Prints 'N passed, N failed' over the thresholds.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def skip(msg):
    print('real_eval: SKIPPED: %s' % msg)
    sys.exit(SKIP)


def ratio(a, b):
    return a / b if b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--budgetx', default=os.path.join(ROOT, 'build', 'budgetx'))
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(ROOT), 'shared'))
    ap.add_argument('--min-tables-found', type=float, default=1.0)
    ap.add_argument('--min-amount-recall', type=float, default=0.99)
    ap.add_argument('--max-leaks', type=int, default=0)
    ap.add_argument('--max-failures', type=int, default=0)
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()

    corpus = os.path.join(a.shared, 'corpus', 'real')
    realscore = os.path.join(a.shared, 'tools', 'realscore.py')
    if not os.path.isdir(corpus) or not os.path.isfile(realscore):
        skip('no real corpus or realscore.py under %s (the shared folder is not beside the repository)' % a.shared)
    if not shutil.which('pdftotext'):
        skip('pdftotext (poppler-utils) is not installed')
    budgetx = os.path.abspath(a.budgetx)
    if not os.access(budgetx, os.X_OK):
        print('real_eval: FAIL: %s is not an executable (build first)' % budgetx)
        return 1

    with tempfile.TemporaryDirectory(prefix='real_eval.') as tmp:
        report = os.path.join(tmp, 'report.json')
        cmd = [sys.executable, realscore, '--cmd', '%s extract {input}' % shlex.quote(budgetx),
               '--jobs', str(a.jobs), '--json', report, corpus]
        print('real_eval: %s' % ' '.join(shlex.quote(c) for c in cmd), flush=True)
        if subprocess.call(cmd) != 0:
            print('real_eval: FAIL: realscore.py failed')
            return 1
        with open(report, encoding='utf-8') as f:
            o = json.load(f)['overall']

    checks = [
        ('tables found', ratio(o['kinds_found'], o['kinds_expected']), '>=', a.min_tables_found),
        ('amount recall', ratio(o['amounts_found'], o['amounts']), '>=', a.min_amount_recall),
        ('leaks', o['leaks'], '<=', a.max_leaks),
        ('failures', o['fail'], '<=', a.max_failures),
    ]
    bad = 0
    for name, value, op, limit in checks:
        ok = value is not None and (value >= limit - 1e-12 if op == '>=' else value <= limit)
        bad += not ok
        print('  %-4s %-14s %8s  (need %s %s)' % ('ok' if ok else 'FAIL', name,
                                                  '-' if value is None else '%.4g' % value, op, limit))
    print('real_eval: %d passed, %d failed' % (len(checks) - bad, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
