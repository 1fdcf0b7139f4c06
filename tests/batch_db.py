"""Helpers shared by the batch script tests (batch_cli.py, batch_kill_resume.py,
batch_readme_queries.py, batch_slurm.sh through `python3 batch_db.py compare`).

  canonical(db)                -> every table's rows, sorted, without timings
  json_counts(doc)             -> the rows a document's JSON should give, by table
  db_counts(db, doc_id)        -> the rows the database holds for it, by table
  python3 batch_db.py compare A.sqlite B.sqlite   (exit 1 and a diff when they differ)
"""
import json
import sqlite3
import subprocess
import sys

TABLES = ['documents', 'files', 'tables', 'columns', 'rows', 'cells', 'projects',
          'indicators', 'facts', 'checks', 'warnings']
TIMINGS = {'seconds'}


# Each script's verdicts: check() prints one line per assertion and keeps the
# failures, which the script counts at the end.
failures = []


def check(ok, what):
    print(('ok    ' if ok else 'FAIL  ') + what)
    if not ok:
        failures.append(what)


def canonical(path, exclude_files=False):
    """{table: sorted rows}; a value keeps its SQLite type (1200 != '1200')."""
    con = sqlite3.connect(path)
    out = {}
    for table in TABLES:
        if exclude_files and table == 'files':
            continue
        cur = con.execute('SELECT * FROM %s' % table)
        keep = [i for i, d in enumerate(cur.description) if d[0] not in TIMINGS]
        rows = [tuple((type(r[i]).__name__, r[i]) for i in keep) for r in cur.fetchall()]
        out[table] = sorted(rows, key=repr)
    con.close()
    return out


def differences(a, b):
    lines = []
    for table in TABLES:
        ra, rb = a.get(table, []), b.get(table, [])
        if ra != rb:
            sa, sb = set(map(repr, ra)), set(map(repr, rb))
            lines.append('%s: %d vs %d rows; only in first: %s; only in second: %s' % (
                table, len(ra), len(rb), sorted(sa - sb)[:3], sorted(sb - sa)[:3]))
    return lines


def load_json(path):
    """A document's JSON with every number kept as its literal text."""
    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_float=str, parse_int=str)


def json_counts(doc):
    projects = doc['projects'] + doc['overall_performance']
    return {
        'tables': len(doc['tables']),
        'columns': sum(len(t['columns']) for t in doc['tables']),
        'rows': sum(len(t['rows']) for t in doc['tables']),
        'cells': sum(len(r['values']) for t in doc['tables'] for r in t['rows']),
        'projects': len(projects),
        'indicators': sum(len(p['indicators']) for p in projects),
        'facts': len(doc['facts']),
        'checks': len(doc['checks']),
        'warnings': len(doc['warnings']),
    }


def db_counts(con, doc_id):
    return {t: con.execute('SELECT count(*) FROM %s WHERE doc_id = ?' % t, (doc_id,)).fetchone()[0]
            for t in TABLES[2:]}


def doc_id_of(sha256):
    v = int(sha256[:16], 16)
    return v - (1 << 64) if v >= (1 << 63) else v


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] != 'compare':
        sys.exit('usage: batch_db.py compare A.sqlite B.sqlite')
    diff = differences(canonical(sys.argv[2]), canonical(sys.argv[3]))
    for line in diff:
        print(line)
    print('batch_db: %s and %s %s' % (sys.argv[2], sys.argv[3], 'differ' if diff else 'hold the same data'))
    sys.exit(1 if diff else 0)
