#!/usr/bin/env python3
"""kill -9 a `budgetx batch` at many moments, rerun it, and require exactly the
database of an uninterrupted run (compared without timings).

  batch_kill_resume.py BUDGETX REPO

The inputs are the PDF samples copied under several names with a comment
appended after %%EOF (other bytes, same content), so each copy is its own
document.  Each kill comes after a random (seeded) 3-25 % of a clean run's
length, so the kills land at many stages of the work; at least one kill must land mid-run (some documents
stored, not all), or the test proves nothing and fails.
"""
import glob
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from batch_db import canonical, differences, run  # noqa: E402

COPIES = 8
KILLS = 8


def main():
    budgetx, repo = sys.argv[1], sys.argv[2]
    rng = random.Random(10)
    tmp = tempfile.mkdtemp(prefix='batch_kill_')
    try:
        inputs = os.path.join(tmp, 'in')
        os.makedirs(inputs)
        pdfs = sorted(glob.glob(os.path.join(repo, 'samples', '*', 'input.pdf')))
        for pdf in pdfs:
            data = open(pdf, 'rb').read()
            case = os.path.basename(os.path.dirname(pdf))
            for i in range(COPIES):
                with open(os.path.join(inputs, '%s-%d.pdf' % (case, i)), 'wb') as f:
                    f.write(data + b'\n%% copy %d\n' % i)
        total = len(pdfs) * COPIES
        cmd = [budgetx, 'batch', inputs, '--jobs', '2', '--db']

        started = time.monotonic()
        r = run(cmd + [os.path.join(tmp, 'clean.sqlite')])
        length = time.monotonic() - started
        if r.returncode != 0:
            print(r.stderr)
            sys.exit('batch_kill_resume: the clean run failed')
        clean = canonical(os.path.join(tmp, 'clean.sqlite'))
        print('clean run: %d documents in %.2f s' % (total, length))

        db = os.path.join(tmp, 'killed.sqlite')
        mid_run = 0
        for k in range(KILLS):
            p = subprocess.Popen(cmd + [db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(length * rng.uniform(0.03, 0.25))  # each kill leaves work for the next
            p.send_signal(signal.SIGKILL)
            p.wait()
            stored = sqlite3.connect(db).execute('SELECT count(*) FROM documents').fetchone()[0] \
                if os.path.exists(db) else 0
            print('kill %d: %d of %d documents stored' % (k, stored, total))
            mid_run += 0 < stored < total
        r = run(cmd + [db])
        print('resumed: ' + r.stderr.strip())
        diff = differences(clean, canonical(db))
        for line in diff:
            print(line)
        ok = r.returncode == 0 and not diff and mid_run > 0
        if mid_run == 0:
            print('FAIL: no kill landed mid-run')
        print('batch_kill_resume: %s' % ('the resumed database equals the clean run' if ok else 'FAILED'))
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
