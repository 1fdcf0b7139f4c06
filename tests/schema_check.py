#!/usr/bin/env python3
"""Validate budgetx JSON output against schemas/document.schema.json.

  schema_check.py FILE.json...          one line per file (ok / FAIL), error details
                                        on stderr; exit 1 if any file fails
  schema_check.py -                     validate standard input
  schema_check.py 'samples/*/expected.json'
                                        a quoted pattern is expanded here; one that
                                        matches nothing is a failure
  schema_check.py --self-test [--corpus DIR]
                                        check the schema itself: a built-in document
                                        must pass, broken copies of it must fail, and
                                        the truth files DIR/*/truth.json (default
                                        ../shared/corpus/dev beside the repository)
                                        must pass apart from their known deviations
                                        from the contract (listed below, reported)

Besides the schema, each file is checked for what a schema cannot see in parsed
JSON: duplicate keys, NaN/Infinity, and numbers in exponent notation (the
contract asks for exact decimal literals without float formatting artefacts).

Needs the jsonschema module (Debian: python3-jsonschema, for /usr/bin/python3).
If the interpreter running this script lacks it, the script re-runs itself
with /usr/bin/python3.
"""
import argparse
import copy
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(ROOT, 'schemas', 'document.schema.json')
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), 'shared', 'corpus', 'dev')
SYSTEM_PYTHON = '/usr/bin/python3'

try:
    import jsonschema
except ImportError:
    if os.environ.get('BUDGETX_SCHEMA_CHECK_REEXEC') != '1' and os.path.exists(SYSTEM_PYTHON) \
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        os.environ['BUDGETX_SCHEMA_CHECK_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    sys.stderr.write('schema_check: the jsonschema module is missing (apt-get install python3-jsonschema, '
                     'then run with %s)\n' % SYSTEM_PYTHON)
    sys.exit(2)

sys.dont_write_bytecode = True
MAX_DETAILS = 8


# ----------------------------------------------------------------- loading
class JsonProblem(ValueError):
    pass


def _no_dup_keys(pairs):
    seen = set()
    for k, _ in pairs:
        if k in seen:
            raise JsonProblem('duplicate key %r' % k)
        seen.add(k)
    return dict(pairs)


def _bad_constant(name):
    raise JsonProblem('%s is not valid JSON (amounts must be exact decimals)' % name)


_EXP = re.compile(r'^-?\d+(\.\d+)?[eE]')


def _float(text):
    if _EXP.match(text):
        raise JsonProblem('number %s in exponent notation (amounts must be plain decimal literals)' % text)
    return float(text)


def load_json(text):
    """Parse strictly: duplicate keys, NaN/Infinity and exponent notation are errors."""
    return json.loads(text, object_pairs_hook=_no_dup_keys, parse_constant=_bad_constant, parse_float=_float)


def load_schema(path):
    with open(path, encoding='utf-8') as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def json_path(err):
    return '/' + '/'.join(str(p) for p in err.absolute_path)


def describe(err):
    msg = err.message
    if len(msg) > 160:
        msg = msg[:157] + '...'
    return '%s: %s' % (json_path(err), msg)


def errors_of(validator, doc):
    return sorted(validator.iter_errors(doc),
                  key=lambda e: [(0, p, '') if isinstance(p, int) else (1, 0, p) for p in e.absolute_path])


# ------------------------------------------------------------ validate files
def expand(args):
    """Arguments with wildcards that name no file are glob patterns (quoted from the shell,
    e.g. by ctest); -> [(name, None) | (pattern, 'no file matches')]."""
    out = []
    for arg in args:
        if arg != '-' and not os.path.exists(arg) and glob.has_magic(arg):
            hits = sorted(glob.glob(arg))
            out += [(h, None) for h in hits] or [(arg, 'no file matches this pattern')]
        else:
            out.append((arg, None))
    return out


def check_files(validator, files):
    passed = failed = 0
    for name, problem in expand(files):
        if problem:
            print('FAIL %s: %s' % (name, problem))
            failed += 1
            continue
        try:
            if name == '-':
                text = sys.stdin.read()
            else:
                with open(name, encoding='utf-8') as f:
                    text = f.read()
            doc = load_json(text)
        except (OSError, UnicodeDecodeError, ValueError) as e:   # JsonProblem and JSONDecodeError are ValueErrors
            print('FAIL %s: %s' % (name, e))
            failed += 1
            continue
        errs = errors_of(validator, doc)
        if errs:
            print('FAIL %s: %d schema error%s' % (name, len(errs), '' if len(errs) == 1 else 's'), flush=True)
            for e in errs[:MAX_DETAILS]:
                sys.stderr.write('  %s: %s\n' % (name, describe(e)))
            if len(errs) > MAX_DETAILS:
                sys.stderr.write('  %s: … and %d more\n' % (name, len(errs) - MAX_DETAILS))
            failed += 1
        else:
            print('ok   %s' % name)
            passed += 1
    print('schema_check: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


# ---------------------------------------------------------------- self-test
# Where the corpus truth files knowingly differ from the contract.  Each is
# (name, explanation, predicate on a jsonschema error).  They are tolerated in
# --self-test only (and counted); checking a truth file by name is strict.
KNOWN_TRUTH_DEVIATIONS = [
    ('no-checks-warnings', 'truth has no top-level "checks"/"warnings" (reference data, not a run)',
     lambda e: e.validator == 'required' and not e.absolute_path
     and any("'%s'" % k in e.message for k in ('checks', 'warnings'))),
    ('no-pages', 'text-input truth tables omit "pages" (their page is null)',
     lambda e: e.validator == 'required' and len(e.absolute_path) == 2 and e.absolute_path[0] == 'tables'
     and "'pages'" in e.message),
    ('gov_econ_name-in-values', 'truth puts the text column gov_econ_name inside "values" (contract: a row field)',
     lambda e: e.validator == 'type' and list(e.absolute_path)[-2:] == ['values', 'gov_econ_name']),
    ('indicator-without-target', 'truth omits "target" for values it does not parse (…年12月底前, 提高100%, blanks)',
     lambda e: e.validator == 'required' and "'target'" in e.message
     and len(e.absolute_path) == 4 and e.absolute_path[0] == 'projects' and e.absolute_path[2] == 'indicators'),
]


def sample_document():
    """A small document in the contract's form touching every object type."""
    return {
        'schema': 'budget-disclosure/1',
        'source': {'file': 'doc.pdf', 'sha256': 'ab' * 32, 'format': 'pdf', 'pages': 36},
        'document': {'title': '大同市应急管理局2025年度单位预算公开', 'entity': '大同市应急管理局',
                     'fiscal_year': 2025, 'kind': 'budget', 'scope': 'unit'},
        'sections': [{'marker': '第一部分', 'title': '概况', 'page': 3, 'text': '',
                      'children': [{'marker': '一、', 'title': '本单位职责', 'page': 3, 'text': '负责应急管理工作。',
                                    'children': []}]}],
        'tables': [
            {'kind': 'budget_summary', 'ordinal': 1, 'title': '2025年预算收支总表', 'entity': '大同市应急管理局',
             'unit': '万元', 'page': 5, 'pages': [5],
             'columns': [{'key': 'name', 'label': ['收入', '项目'], 'side': 'income'},
                         {'key': 'total', 'label': ['收入', '2025年'], 'side': 'income'},
                         {'key': 'name', 'label': ['支出', '项目'], 'side': 'expenditure'},
                         {'key': 'total', 'label': ['支出', '2025年合计'], 'side': 'expenditure'}],
             'rows': [{'code': None, 'name': '一般公共预算', 'ordinal': '一', 'level': 1, 'side': 'income',
                       'page': 5, 'values': {'total': 22332200}},
                      {'code': None, 'name': '一般公共服务支出', 'ordinal': '一', 'level': 1,
                       'side': 'expenditure', 'page': 5, 'values': {}}],
             'no_data': False},
            {'kind': 'general_public_basic', 'ordinal': None, 'title': '一般公共预算基本支出表', 'entity': '',
             'unit': '元', 'page': 9, 'pages': [9, 10],
             'columns': [{'key': 'name', 'label': ['部门预算支出经济科目名称']},
                         {'key': 'gov_econ_name', 'label': ['政府预算支出经济科目名称']},
                         {'key': 'total', 'label': ['合计']}],
             'rows': [{'code': '30101', 'name': '基本工资', 'ordinal': None, 'level': 2, 'side': None, 'page': 9,
                       'values': {'total': 990111.5}, 'gov_econ_name': '工资奖金津补贴'}],
             'no_data': False},
            {'kind': 'state_capital', 'ordinal': 9, 'title': '国有资本经营预算支出表', 'entity': '', 'unit': '万元',
             'page': None, 'pages': [], 'columns': [], 'rows': [], 'no_data': True},
        ],
        'projects': [{
            'name': 'J安委会工作经费', 'page': 20, 'department': '大同市应急管理局', 'department_code': '114',
            'implementing_unit': '大同市应急管理局', 'attribute': '经常性项目（长期开展）', 'period': '99年',
            'funds': {'period': {'total': 400000, 'central': 0, 'provincial': 0, 'local': 400000, 'self_raised': 0},
                      'annual': {'total': 400000, 'other': None}},
            'overview': '…', 'basis': '…', 'necessity': '…', 'measures': '…', 'plan': '…',
            'goals': {'period': '…', 'annual': '…'},
            'indicators': [{'scope': 'annual', 'level1': '产出指标', 'level2': '数量指标',
                            'name': '满足检查、考核需求工作完成率', 'value': '100%',
                            'target': {'op': '=', 'number': 100, 'unit': '%'}},
                           {'scope': 'period', 'level1': '效益指标', 'level2': '社会效益指标', 'name': '安全形势',
                            'value': '稳定', 'target': {'op': 'qualitative'}}],
            'form': 'performance_table'}],
        'facts': [{'page': 18, 'section': ['第三部分 …', '一、…'], 'subject': '预算收入总计', 'value': 22332200,
                   'unit': '元', 'change': 228700, 'change_pct': 1.03, 'share_pct': None, 'text': '…'}],
        'checks': [{'rule': 'parent_sum', 'status': 'fail', 'where': 'expenditure_summary 208', 'expected': 100,
                    'actual': 99, 'difference': -1, 'tolerance': 0, 'page': 7, 'message': '…'}],
        'warnings': [{'code': 'unmapped_column', 'page': None, 'message': '…'}],
        '_note': 'keys starting with _ are annotations',
    }


def _set(path, value):
    def f(d):
        *head, last = path
        for p in head:
            d = d[p]
        d[last] = value
    return f


def _del(path):
    def f(d):
        *head, last = path
        for p in head:
            d = d[p]
        del d[last]
    return f


# (what is broken, how) — each must be rejected by the schema.
MUTATIONS = [
    ('schema version', _set(['schema'], 'budget-disclosure/2')),
    ('source.file with a directory', _set(['source', 'file'], '/tmp/doc.pdf')),
    ('source.sha256 upper case', _set(['source', 'sha256'], 'AB' * 32)),
    ('source.format', _set(['source', 'format'], 'docx')),
    ('document.kind', _set(['document', 'kind'], '预算')),
    ('document.scope', _set(['document', 'scope'], None)),
    ('document.fiscal_year as string', _set(['document', 'fiscal_year'], '2025')),
    ('missing warnings', _del(['warnings'])),
    ('unknown top-level key', _set(['extra'], 1)),
    ('section without children', _del(['sections', 0, 'children', 0, 'children'])),
    ('section page 0', _set(['sections', 0, 'page'], 0)),
    ('table kind not snake_case', _set(['tables', 0, 'kind'], 'Budget Summary')),
    ('table pages missing', _del(['tables', 0, 'pages'])),
    ('column key with capitals', _set(['tables', 0, 'columns', 0, 'key'], 'Total')),
    ('column side', _set(['tables', 0, 'columns', 0, 'side'], 'left')),
    ('row code with letters', _set(['tables', 1, 'rows', 0, 'code'], '301-01')),
    ('row code as number', _set(['tables', 1, 'rows', 0, 'code'], 30101)),
    ('row level negative', _set(['tables', 1, 'rows', 0, 'level'], -1)),
    ('row side ""', _set(['tables', 1, 'rows', 0, 'side'], '')),
    ('string in values', _set(['tables', 1, 'rows', 0, 'values', 'gov_econ_name'], '工资奖金津补贴')),
    ('number as string in values', _set(['tables', 1, 'rows', 0, 'values', 'total'], '990111.5')),
    ('null in values', _set(['tables', 1, 'rows', 0, 'values', 'total'], None)),
    ('non-string text field', _set(['tables', 1, 'rows', 0, 'remark'], 5)),
    ('no_data with rows', _set(['tables', 0, 'no_data'], True)),
    ('page without pages', _set(['tables', 0, 'pages'], [])),
    ('project without funds', _del(['projects', 0, 'funds'])),
    ('unknown fund source', _set(['projects', 0, 'funds', 'annual', 'county'], 5)),
    ('fund amount as string', _set(['projects', 0, 'funds', 'annual', 'total'], '40万')),
    ('indicator scope', _set(['projects', 0, 'indicators', 0, 'scope'], 'year')),
    ('target op', _set(['projects', 0, 'indicators', 0, 'target', 'op'], '>=')),
    ('indicator without target', _del(['projects', 0, 'indicators', 0, 'target'])),
    ('fact without share_pct', _del(['facts', 0, 'share_pct'])),
    ('check status', _set(['checks', 0, 'status'], 'error')),
    ('warning code', _set(['warnings', 0, 'code'], 'Unknown Table')),
]

RAW_MUTATIONS = [
    ('exponent notation', '{"schema": "budget-disclosure/1", "x": 2.2e7}'),
    ('NaN', '{"schema": "budget-disclosure/1", "x": NaN}'),
    ('duplicate key', '{"schema": "budget-disclosure/1", "schema": "budget-disclosure/1"}'),
]


def self_test(validator, corpus):
    problems = []
    doc = sample_document()
    errs = errors_of(validator, doc)
    if errs:
        problems.append('built-in document rejected: ' + '; '.join(describe(e) for e in errs[:3]))
    else:
        load_json(json.dumps(doc, ensure_ascii=False))
    print('%-4s built-in document' % ('ok' if not errs else 'FAIL'))
    caught = 0
    for what, mutate in MUTATIONS:
        d = copy.deepcopy(doc)
        mutate(d)
        if validator.is_valid(d):
            problems.append('schema accepts a broken document: ' + what)
        else:
            caught += 1
    for what, text in RAW_MUTATIONS:
        try:
            load_json(text)
            problems.append('loader accepts ' + what)
        except ValueError:
            caught += 1
    total = len(MUTATIONS) + len(RAW_MUTATIONS)
    print('%-4s %d/%d broken documents rejected' % ('ok' if caught == total else 'FAIL', caught, total))

    truths = sorted(glob.glob(os.path.join(corpus, '*', 'truth.json')))
    if not truths:
        print('--   no truth files under %s (skipped)' % corpus)
    seen = {}
    for path in truths:
        name = os.path.relpath(path, os.path.dirname(corpus))
        with open(path, encoding='utf-8') as f:
            truth = load_json(f.read())
        unexpected = []
        for e in errors_of(validator, truth):
            known = next((k for k, _, pred in KNOWN_TRUTH_DEVIATIONS if pred(e)), None)
            if known:
                seen[known] = seen.get(known, 0) + 1
            else:
                unexpected.append(e)
        if unexpected:
            problems.append('%s: %d unexpected error(s), e.g. %s' % (name, len(unexpected), describe(unexpected[0])))
        print('%-4s %s' % ('FAIL' if unexpected else 'ok', name))
    for key, why, _ in KNOWN_TRUTH_DEVIATIONS:
        if seen.get(key):
            print('     known truth deviation %s: %d× — %s' % (key, seen[key], why))
    for p in problems:
        sys.stderr.write('schema_check: %s\n' % p)
    # one result per line printed above: the built-in document, the broken copies, each truth file
    results = [not errs, caught == total] + [not any(p.startswith(os.path.relpath(t, os.path.dirname(corpus)) + ':')
                                                     for p in problems) for t in truths]
    print('schema_check: %d passed, %d failed' % (results.count(True), results.count(False)))
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='*', help="JSON files to validate ('-' for standard input)")
    ap.add_argument('--schema', default=SCHEMA, help='schema file (default: %(default)s)')
    ap.add_argument('--self-test', action='store_true', help='test the schema (and the truth files, if present)')
    ap.add_argument('--corpus', default=DEFAULT_CORPUS, help='truth folders for --self-test (default: %(default)s)')
    a = ap.parse_args()
    if not a.files and not a.self_test:
        ap.error('give FILE.json... or --self-test')
    try:
        validator = load_schema(a.schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        sys.stderr.write('schema_check: bad schema %s: %s\n' % (a.schema, e))
        return 2
    rc = 0
    if a.self_test:
        rc |= self_test(validator, a.corpus)
    if a.files:
        rc |= check_files(validator, a.files)
    return rc


if __name__ == '__main__':
    sys.exit(main())
