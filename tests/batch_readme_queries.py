#!/usr/bin/env python3
"""The README's example queries run as written and give the right answers.

  batch_readme_queries.py BUDGETX REPO [SHARED]

Builds a database with `budgetx batch -o JSON` from the samples (and
SHARED/corpus/real when present), runs every ```sql block between the
README's batch-queries markers with Debian's sqlite3 command, and compares
each answer with the same question answered from the documents' JSON in
Python.  The fourth query (projects over 1,000万元 without a 数量指标) is also
run for 成本指标 over 10万元, so that it is tested on projects that exist.
Also checks that every document's row counts equal its JSON's.
"""
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from batch_db import check, db_counts, doc_id_of, failures, json_counts, load_json, run  # noqa: E402

def queries(readme):
    text = open(readme, encoding='utf-8').read()
    m = re.search(r'<!-- batch-queries:begin -->(.*)<!-- batch-queries:end -->', text, re.S)
    return re.findall(r'```sql\n(.*?)```', m.group(1), re.S) if m else []


def sql(db, query):
    r = subprocess.run(['sqlite3', '-json', db], input=query, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0 or r.stderr:
        return None, r.stderr
    return json.loads(r.stdout, parse_float=Decimal) if r.stdout.strip() else [], ''


def num(v):
    return Decimal(str(v)) if v is not None else None


def sangong(docs):
    series = {}
    for d in docs:
        info = d['document']
        for t in d['tables']:
            if t['kind'] != 'three_public':
                continue
            for i, row in enumerate(t['rows']):
                for key, v in row['values'].items():
                    if (row['name'] == '合计' and key == 'total') or \
                            (i == 0 and key in ('abroad', 'reception', 'vehicles.total')):
                        k = (info['entity'] or None, info['fiscal_year'], info['kind'] or None)
                        series[k] = series.get(k, Decimal(0)) + Decimal(v)
                    else:
                        series.setdefault((info['entity'] or None, info['fiscal_year'], info['kind'] or None), Decimal(0))
    return sorted((e, int(y) if y else None, k, s) for (e, y, k), s in series.items())


def failing(docs):
    out = []
    for d in docs:
        n = sum(c['status'] == 'fail' for c in d['checks'])
        if n:
            info = d['document']
            out.append((info['entity'] or None, int(info['fiscal_year']) if info['fiscal_year'] else None,
                        info['kind'] or None, d['file'], n))
    return sorted(out, key=lambda r: (-r[4], r[0] or '', r[1] or 0, r[3]))


def projects(docs):
    for d in docs:
        info = d['document']
        for p in d['projects'] + d['overall_performance']:
            total = (p['funds'].get('annual') or {}).get('total')
            yield info, p, Decimal(total) if total is not None else None


def largest(docs):
    rows = [(info['entity'] or None, int(info['fiscal_year']) if info['fiscal_year'] else None, p['name'], t)
            for info, p, t in projects(docs) if t is not None]
    return sorted(rows, key=lambda r: (-r[3], r[0] or '', r[2]))[:10]


def without_indicator(docs, threshold, level2):
    rows = [(info['entity'] or None, int(info['fiscal_year']) if info['fiscal_year'] else None, p['name'], t)
            for info, p, t in projects(docs)
            if t is not None and t > threshold and not any(i['level2'] == level2 for i in p['indicators'])]
    return sorted(rows, key=lambda r: (-r[3], r[0] or '', r[2]))


def main():
    budgetx, repo = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else ''
    if not shutil.which('sqlite3'):
        print('batch_readme_queries: FAIL: the sqlite3 command is missing (setup.sh installs it)')
        sys.exit(1)
    found = queries(os.path.join(repo, 'README.md'))
    check(len(found) == 4, 'the README has the 4 example queries (found %d)' % len(found))
    if len(found) != 4:
        sys.exit(1)
    tmp = tempfile.mkdtemp(prefix='batch_readme_')
    try:
        inputs = sorted(glob.glob(os.path.join(repo, 'samples', '*', 'input.*')))
        real = os.path.join(shared, 'corpus', 'real') if shared else ''
        if real and os.path.isdir(real):
            inputs.append(real)
        db = os.path.join(tmp, 'corpus.sqlite')
        r = run([budgetx, 'batch', '--db', db, '-o', os.path.join(tmp, 'json'), '--jobs', '2'] + inputs)
        print(r.stderr.strip())
        check(r.returncode == 0, 'the batch stores every document')
        docs = []
        for name in sorted(os.listdir(os.path.join(tmp, 'json'))):
            d = load_json(os.path.join(tmp, 'json', name))
            d['file'] = None
            docs.append(d)
        listing = subprocess.run(['sqlite3', '-separator', '\t', db, 'SELECT sha256, file FROM documents'],
                                 stdout=subprocess.PIPE, text=True).stdout
        files = dict(line.split('\t') for line in listing.splitlines())
        for d in docs:
            d['file'] = files[d['source']['sha256']]
        con = sqlite3.connect(db)
        same = [db_counts(con, doc_id_of(d['source']['sha256'])) == json_counts(d) for d in docs]
        con.close()
        check(all(same) and len(docs) == len(files),
              'every document\'s row counts equal its JSON\'s (%d documents)' % len(docs))

        def answer(i, keys, query=None):
            rows, err = sql(db, query or found[i])
            if rows is None:
                check(False, 'query %d runs: %s' % (i + 1, err.strip()))
                return []
            return [tuple(num(r[k]) if k in ('sangong_yuan', 'annual_yuan') else r[k] for k in keys) for r in rows]

        got = answer(0, ['entity', 'year', 'kind', 'sangong_yuan'])
        want = sangong(docs)
        check(got == want and len(want) > 0, 'query 1 (三公 series): %d rows as computed from the JSON' % len(want))
        got = answer(1, ['entity', 'year', 'kind', 'file', 'failed_checks'])
        want = failing(docs)
        check(got == want and len(want) > 0, 'query 2 (failing checks): %d documents as computed from the JSON' % len(want))
        got = answer(2, ['entity', 'year', 'name', 'annual_yuan'])
        want = largest(docs)
        check(got == want and len(want) > 0, 'query 3 (largest projects): %s' % [w[2] for w in want[:3]])
        got = answer(3, ['entity', 'year', 'name', 'annual_yuan'])
        check(got == without_indicator(docs, Decimal(10000000), '数量指标'), 'query 4 as written: %d projects' % len(got))
        # Nearly every project has a 数量指标: the same query for a rarer
        # indicator and a lower threshold tests it on projects that exist.
        variant = found[3].replace('> 10000000', '> 100000').replace("'数量指标'", "'成本指标'")
        check('> 100000\n' in variant and '成本指标' in variant, 'query 4 has the threshold and the indicator to vary')
        got = answer(3, ['entity', 'year', 'name', 'annual_yuan'], variant)
        want = without_indicator(docs, Decimal(100000), '成本指标')
        check(got == want and len(want) > 0,
              'query 4 for 成本指标 over 10万元: %d projects as computed from the JSON' % len(want))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d failed' % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
