#!/usr/bin/env python3
"""tests/report_box_accuracy.py — are the rows' boxes where the rows are printed?

    tests/report_box_accuracy.py [--budgetx build/budgetx] [--min 99.5] [--details] [PDF_OR_DIR…]
    (default input: ../shared/corpus/real beside the repository)

For every table row budgetx extracts from a PDF, the words pdftotext -bbox
prints inside the row's `box` (a word is inside when its centre is; a row
continued on the next page adds the words inside its `continuation` box)
must hold the row's name and every amount of its `values`, converted back to
the printed unit (万元 → value / 10000).  The name must appear in the
words read in order (top to bottom, left to right, spaces and width folded);
a name wrapped over lines in its cell, beside other cells, is also accepted
when it reads in order inside the row's `cell_boxes.name`.

Box accuracy = rows whose box holds name and amounts / rows.  Exit 1 when
it is below --min percent, 77 (skip) when there is no corpus or no pdftotext.
pdftotext reads the PDF independently of budgetx (its own Poppler pass).
"""
import argparse
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from row_accuracy import UNIT_EXPONENT, flat, parse_number, WORD  # noqa: E402
import html  # noqa: E402

SKIP = 77
# Half-line slack: a word's centre may sit this far outside the box (points),
# for glyph boxes that overhang the ruled cell by a hair.
SLACK = 1.0
# Words whose baselines are this close (points) read as one line.
LINE_TOLERANCE = 3.0


def read_words(pdf):
    """Per page (1-based index - 1): list of (x0, y0, x1, y1, text)."""
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    return [[(float(a), float(b), float(c), float(d), html.unescape(t))
             for a, b, c, d, t in WORD.findall(chunk)]
            for chunk in out.split("<page ")[1:]]


def inside(word, box):
    box = [float(v) for v in box]
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return (box[0] - SLACK <= cx <= box[2] + SLACK) and (box[1] - SLACK <= cy <= box[3] + SLACK)


def words_in(pages, page, box):
    if not box or not page or page > len(pages):
        return []
    found = [w for w in pages[page - 1] if inside(w, box)]
    # Reading order: lines top to bottom (by baseline), words left to right.
    found.sort(key=lambda w: (round(w[3] / LINE_TOLERANCE), w[0]))
    return found


def row_words(pages, row):
    words = words_in(pages, row.get("page"), row.get("box"))
    cont = row.get("continuation")
    if cont:
        words += words_in(pages, cont["page"], cont["box"])
    return words


def judge_row(pages, table, row):
    """'' when the box holds the row's name and amounts, else what is missing."""
    words = row_words(pages, row)
    text = "".join(flat(w[4]) for w in words)
    name = flat(row.get("name"))
    words_only = "".join(flat(w[4]) for w in words if parse_number(w[4]) is None)
    if name and name not in text and name not in words_only:
        # A name wrapped in its cell reads in order inside that cell.
        cells = (row.get("cell_boxes") or {}).values()
        if not any(name in "".join(flat(w[4]) for w in words_in(pages, row.get("page"), cell))
                   for cell in cells):
            return f"name {name!r} not in {text!r}"
    exp = UNIT_EXPONENT.get(table.get("unit") or "元", 0)
    printed = [parse_number(w[4]) for w in words]
    printed = [p for p in printed if p is not None]
    for key, value in (row.get("values") or {}).items():
        want = Decimal(str(value)) / (Decimal(10) ** exp)
        if want in printed:
            printed.remove(want)
        elif -want in printed:  # (1.00) and -1.00 print the same amount
            printed.remove(-want)
        else:
            return f"{key}={want} not in {text!r}"
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT.parent / "shared/corpus/real")])
    ap.add_argument("--budgetx", default=str(ROOT / "build/budgetx"))
    ap.add_argument("--min", type=float, default=99.5, help="lowest passing accuracy, percent")
    ap.add_argument("--details", action="store_true", help="list every row whose box misses")
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        print("SKIP: pdftotext (poppler-utils) not installed")
        return SKIP
    pdfs = []
    for a in args.inputs:
        p = Path(a)
        if p.is_dir():
            pdfs += sorted(p.rglob("*.pdf"))
        elif p.exists():
            pdfs.append(p)
    if not pdfs:
        print(f"SKIP: no PDFs in {' '.join(args.inputs)} (the shared corpus is absent)")
        return SKIP
    total = good = 0
    print(f"{'document':<50} {'rows':>5} {'boxed':>6} {'right':>6} {'accuracy':>8}")
    for pdf in pdfs:
        run = subprocess.run([args.budgetx, "extract", str(pdf)], capture_output=True)
        if run.returncode != 0:
            print(f"{pdf.stem:<50} extraction failed (exit {run.returncode})")
            total += 1
            continue
        doc = json.loads(run.stdout, parse_float=Decimal)
        pages = read_words(pdf)
        n = boxed = ok = 0
        for table in doc["tables"]:
            for row in table["rows"]:
                n += 1
                if row.get("box"):
                    boxed += 1
                problem = judge_row(pages, table, row) if row.get("box") else "no box"
                ok += not problem
                if problem and args.details:
                    print(f"    p{row.get('page')} [{table['title']}] {row.get('name')!r}: {problem}")
        acc = 100.0 * ok / n if n else 100.0
        print(f"{pdf.stem:<50} {n:>5} {boxed:>6} {ok:>6} {acc:>7.2f}%")
        total += n
        good += ok
    acc = 100.0 * good / total if total else 100.0
    print(f"{'OVERALL':<50} {total:>5} {'':>6} {good:>6} {acc:>7.2f}%")
    if acc < args.min:
        print(f"FAIL: box accuracy {acc:.2f}% < {args.min}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
