#!/usr/bin/env python3
"""`budgetx batch` and `budgetx db` end to end on the samples (no ../shared needed).

  batch_cli.py BUDGETX REPO

  - every document's rows in the database equal its JSON's (counts, and every
    cell's amount exactly, integer or decimal text, never a float);
  - the same bytes under two names: one document, two file names;
  - an unusable input (an encrypted PDF) is that document's error, the batch goes on;
  - crash isolation: a worker that aborts, hangs or runs out of memory on
    purpose (the BUDGETX_TEST_WORKER_FAULT hook) is that document's error,
    and every other document is stored as in a clean run;
  - --from - reads the inputs from standard input;
  - a rerun skips everything and changes nothing; --force redoes everything
    and gives the same data;
  - workers retiring after 2 documents (--worker-documents) give the same database;
  - three shards merged (in two orders, and twice) equal one batch;
  - db export (CSV with BOM, JSON Lines), db schema == docs/database.md, usage errors.
"""
import glob
import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from batch_db import canonical, check, db_counts, differences, doc_id_of, failures, json_counts, load_json, run  # noqa: E402

def main():
    budgetx, repo = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix='batch_cli_')
    try:
        inputs = os.path.join(tmp, 'in')
        os.makedirs(os.path.join(inputs, 'dup'))
        for path in glob.glob(os.path.join(repo, 'samples', '*', 'input.*')):
            case = os.path.basename(os.path.dirname(path))
            shutil.copy(path, os.path.join(inputs, case + os.path.splitext(path)[1]))
        shutil.copy(os.path.join(repo, 'samples', 'seed-text', 'input.txt'),
                    os.path.join(inputs, 'dup', 'another-name.txt'))
        shutil.copy(os.path.join(repo, 'samples', 'pdf', 'encrypted-user-password.pdf'), inputs)
        names = sorted(os.listdir(inputs))
        documents = len([n for n in names if n != 'dup'])

        def batch(db, *args, env=None):
            return run([budgetx, 'batch', inputs, '--db', os.path.join(tmp, db), '--jobs', '2'] + list(args),
                       env=dict(os.environ, **(env or {})))

        # A clean run, with JSON files.
        json_dir = os.path.join(tmp, 'json')
        r = batch('clean.sqlite', '-o', json_dir)
        print(r.stderr, end='')
        check(r.returncode == 2, 'an unusable input makes the exit status 2 (got %d)' % r.returncode)
        check('0 skipped' in r.stderr and '1 duplicate files' in r.stderr, 'the summary counts the duplicate')
        con = sqlite3.connect(os.path.join(tmp, 'clean.sqlite'))
        docs = con.execute('SELECT doc_id, sha256, status, error_code, file FROM documents').fetchall()
        check(len(docs) == documents, '%d documents stored (got %d)' % (documents, len(docs)))
        errors = [d for d in docs if d[2] == 'error']
        check(len(errors) == 1 and errors[0][3] == 'pdf.encrypted' and errors[0][4].endswith('encrypted-user-password.pdf'),
              'the encrypted PDF is stored as its error: %s' % errors)
        ok_docs = [d for d in docs if d[2] == 'ok']
        for doc_id, sha, _, _, file in ok_docs:
            doc = load_json(os.path.join(json_dir, sha + '.json'))
            check(doc['source']['sha256'] == sha and doc_id == doc_id_of(sha), '%s: key = sha256' % file)
            check(db_counts(con, doc_id) == json_counts(doc), '%s: row counts equal the JSON\'s %s' % (
                os.path.basename(file), json_counts(doc)))
            cells = {(t, r, k): v for t, r, k, v in con.execute(
                'SELECT table_no, row_no, column_key, amount FROM cells WHERE doc_id = ?', (doc_id,))}
            want = {(ti, ri, k): v for ti, t in enumerate(doc['tables'])
                    for ri, row in enumerate(t['rows']) for k, v in row['values'].items()}
            exact = all(str(cells.get(key)) == v and not isinstance(cells.get(key), float) for key, v in want.items())
            check(exact and len(cells) == len(want), '%s: every amount exact' % os.path.basename(file))
        seed = [d for d in ok_docs if d[4].endswith('dup/another-name.txt') or d[4].endswith('seed-text.txt')]
        files = con.execute('SELECT path FROM files WHERE doc_id = ? ORDER BY path', (seed[0][0],)).fetchall() if seed else []
        check(len(seed) == 1 and [os.path.relpath(f[0], inputs) for f in files] == ['dup/another-name.txt', 'seed-text.txt'],
              'the same bytes under two names: one document, two file names %s' % files)
        check(con.execute("SELECT count(*) FROM cells WHERE typeof(amount) = 'real'").fetchone()[0] == 0,
              'no amount is a float')
        con.close()
        clean = canonical(os.path.join(tmp, 'clean.sqlite'))

        # Rerun: nothing to do, nothing changes.  --force: everything again, same data.
        r = batch('clean.sqlite')
        check(r.returncode == 0 and '0 ok, 0 failed' in r.stderr and '%d skipped' % documents in r.stderr,
              'a rerun skips every document: ' + r.stderr.strip())
        check(differences(clean, canonical(os.path.join(tmp, 'clean.sqlite'))) == [], 'a rerun changes nothing')
        r = batch('clean.sqlite', '--force')
        check('%d ok, 1 failed' % (documents - 1) in r.stderr, '--force redoes every document: ' + r.stderr.strip())
        check(differences(clean, canonical(os.path.join(tmp, 'clean.sqlite'))) == [], '--force gives the same data')

        # Crash isolation: each fault hits one document; the rest are as in the clean run.
        for fault, code, extra in [('crash', 'worker.crashed', []), ('hang', 'worker.timeout', ['--timeout', '8']),
                                   ('memory', 'worker.out_of_memory', ['--memory-limit', '384'])]:
            db = fault + '.sqlite'
            r = batch(db, *extra, env={'BUDGETX_TEST_WORKER_FAULT': fault + ':seed-reportlab'})
            got = canonical(os.path.join(tmp, db))
            con = sqlite3.connect(os.path.join(tmp, db))
            hit = con.execute("SELECT file, error_code FROM documents WHERE status = 'error' AND file LIKE '%seed-reportlab%'").fetchall()
            con.close()
            check(r.returncode == 2 and len(hit) == 1 and hit[0][1] == code,
                  '%s: the document is stored as %s (%s)' % (fault, code, hit))
            seed_id = [d[0] for d in ok_docs if d[4].endswith('seed-reportlab.pdf')][0]

            def without_seed(db):
                return {t: [row for row in rows if ('int', seed_id) not in row] for t, rows in db.items()}
            check(differences(without_seed(clean), without_seed(got)) == [],
                  '%s: every other document stored as in the clean run' % fault)
            # Rerun without the fault: --retry-failed redoes only the failures, and the database heals.
            r = batch(db, '--retry-failed')
            check('1 ok, 1 failed' in r.stderr and '%d skipped' % (documents - 2) in r.stderr,
                  '%s: --retry-failed redoes the two documents in error: %s' % (fault, r.stderr.strip().splitlines()[-1]))
            check(differences(clean, canonical(os.path.join(tmp, db))) == [], '%s: --retry-failed without the fault heals' % fault)

        # Shards: three, merged in two orders and twice, equal one batch.
        for k in range(3):
            r = batch('shard%d.sqlite' % k, '--shard', '%d/3' % k)
            check(r.returncode in (0, 2), 'shard %d/3 runs: %s' % (k, r.stderr.strip()))
        shards = [os.path.join(tmp, 'shard%d.sqlite' % k) for k in range(3)]
        for name, order in [('m1.sqlite', shards), ('m2.sqlite', shards[::-1] + shards[:1])]:
            r = run([budgetx, 'db', 'merge'] + order + ['--db', os.path.join(tmp, name)])
            check(r.returncode == 0, 'db merge exits 0: ' + r.stderr.strip())
            check(differences(clean, canonical(os.path.join(tmp, name))) == [], '%s: merged shards equal one batch' % name)

        # --from -: the same inputs as a list on standard input give the same database.
        listing = '\n'.join(os.path.join(inputs, n) for n in names if n != 'dup') + '\n' + \
            os.path.join(inputs, 'dup', 'another-name.txt') + '\n'
        r = run([budgetx, 'batch', '--from', '-', '--db', os.path.join(tmp, 'from.sqlite'), '--jobs', '2'],
                input=listing)
        check(r.returncode == 2 and differences(clean, canonical(os.path.join(tmp, 'from.sqlite'))) == [],
              '--from - (paths on standard input) gives the same database')

        # Workers retire after --worker-documents and fresh ones take over: nothing lost.
        r = batch('retire.sqlite', '--worker-documents', '2')
        check(r.returncode == 2 and differences(clean, canonical(os.path.join(tmp, 'retire.sqlite'))) == [],
              'workers retiring every 2 documents: the same database')

        # Export.
        db = os.path.join(tmp, 'clean.sqlite')
        r = run([budgetx, 'db', 'export', 'tidy_cells', '--db', db, '--bom'])
        cells = sqlite3.connect(db).execute('SELECT count(*) FROM cells').fetchone()[0]
        check(r.returncode == 0 and r.stdout.startswith('\ufeffsha256,entity,year,doc_kind,table_kind'),
              'export CSV with a BOM and a header')
        check(len(r.stdout.splitlines()) == cells + 1, 'export CSV: one line per cell (%d)' % cells)
        r = run([budgetx, 'db', 'export', 'tidy_projects', '--db', db, '--format', 'jsonl'])
        projects = sqlite3.connect(db).execute('SELECT count(*) FROM projects').fetchone()[0]
        check(r.returncode == 0 and len(r.stdout.splitlines()) == projects and projects > 0,
              'export JSON Lines: one line per project (%d)' % projects)
        r = run([budgetx, 'db', 'export', 'no_such_table', '--db', db])
        check(r.returncode == 64 and 'no table or view' in r.stderr, 'export of an unknown table: usage error')

        # The schema as documented.
        with open(os.path.join(repo, 'docs', 'database.md'), encoding='utf-8') as f:
            doc = f.read()
        r = run([budgetx, 'db', 'schema'])
        check(r.returncode == 0 and '```sql\n' + r.stdout + '```' in doc, 'docs/database.md holds `budgetx db schema` verbatim')

        # Usage errors.
        r = run([budgetx, 'batch', inputs, '--db', os.path.join(tmp, 'u.sqlite'), '--shard', '3/3'])
        check(r.returncode == 64 and '--shard' in r.stderr, '--shard 3/3 is a usage error')
        r = run([budgetx, 'batch', os.path.join(tmp, 'missing'), '--db', os.path.join(tmp, 'u.sqlite')])
        check(r.returncode == 2 and 'no such file' in r.stderr, 'a missing input is an input error')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d failed' % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
