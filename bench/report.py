#!/usr/bin/env python3
"""bench/report.py — what `budgetx report` costs on top of extraction.

    bench/report.py [--budgetx build/budgetx] [--runs 3] [--open] [PDF_OR_DIR…]
    (default input: /work/shared/corpus/real)

Per PDF, the best of --runs wall times of
  extract   `budgetx extract FILE`                      (the baseline)
  noimg     `budgetx report --no-images FILE -o DIR`    (extraction + the page)
  img       `budgetx report FILE -o DIR`                (+ every page rendered)
then the report's overhead without images ((noimg − extract) / extract, the
target is under 30 %), the image cost per page ((img − noimg) / pages: flat
from document to document means linear in pages), the HTML size per page,
and with --open the time Chromium takes to load the page (performance.now()
at the load event, see tests/report_browser.py).  Timings from one machine,
printed, never asserted.
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_time(cmd, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def open_ms(html):
    sys.path.insert(0, str(ROOT / "tests"))
    import report_browser as rb  # noqa: E402
    exe = rb.chromium()
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as work:
        timed = Path(work) / "timed.html"
        timed.write_text(Path(html).read_text(encoding="utf-8").replace("</body>", rb.TIMING + "</body>"),
                         encoding="utf-8")
        dom = rb.run_chromium(exe, timed.as_uri(), Path(work), "--dump-dom")
    import re
    m = re.search(r'data-load-ms="(\d+)"', dom)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=["/work/shared/corpus/real"])
    ap.add_argument("--budgetx", default=str(ROOT / "build/budgetx"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--open", action="store_true", help="also time loading each page in Chromium")
    args = ap.parse_args()
    pdfs = []
    for a in args.inputs:
        p = Path(a)
        pdfs += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    bx = args.budgetx
    totals = {"extract": 0.0, "noimg": 0.0, "img": 0.0, "pages": 0, "bytes": 0}
    per_page = []
    print(f"{'document':<48} {'pages':>5} {'extract':>8} {'noimg':>8} {'img':>8} {'overhead':>8} "
          f"{'ms/page':>8} {'KB/page':>8}" + (f" {'open_ms':>8}" if args.open else ""))
    with tempfile.TemporaryDirectory() as out:
        for pdf in pdfs:
            n = pages_of(pdf)
            t_ex = best_time([bx, "extract", str(pdf)], args.runs)
            t_no = best_time([bx, "report", "-q", "--no-images", str(pdf), "-o", out], args.runs)
            t_im = best_time([bx, "report", "-q", str(pdf), "-o", out], args.runs)
            html = Path(out) / (pdf.stem + ".html")
            size = html.stat().st_size if html.exists() else 0
            ms_page = 1000 * (t_im - t_no) / n if n else 0
            per_page.append(ms_page)
            opened = open_ms(html) if args.open and html.exists() else None
            print(f"{pdf.stem[:48]:<48} {n:>5} {t_ex:8.3f} {t_no:8.3f} {t_im:8.3f} "
                  f"{100 * (t_no - t_ex) / t_ex:7.1f}% {ms_page:8.1f} {size / 1024 / max(n, 1):8.1f}"
                  + (f" {opened if opened is not None else '?':>8}" if args.open else ""))
            totals["extract"] += t_ex
            totals["noimg"] += t_no
            totals["img"] += t_im
            totals["pages"] += n
            totals["bytes"] += size
    if not pdfs:
        print("no PDFs")
        return 2
    over = 100 * (totals["noimg"] - totals["extract"]) / totals["extract"]
    img_pp = 1000 * (totals["img"] - totals["noimg"]) / max(totals["pages"], 1)
    print(f"{'ALL':<48} {totals['pages']:>5} {totals['extract']:8.3f} {totals['noimg']:8.3f} "
          f"{totals['img']:8.3f} {over:7.1f}% {img_pp:8.1f} {totals['bytes'] / 1024 / max(totals['pages'], 1):8.1f}")
    if len(per_page) > 1:
        print(f"page images: {img_pp:.1f} ms per page overall; per document median "
              f"{statistics.median(per_page):.1f}, spread (stdev) {statistics.pstdev(per_page):.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
