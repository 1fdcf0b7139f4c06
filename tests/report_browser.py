#!/usr/bin/env python3
"""tests/report_browser.py — the review pages in a real browser (headless Chromium).

    tests/report_browser.py [--budgetx build/budgetx] [--corpus DIR] [INPUT…]
    (default inputs: samples/*/input.*, and the PDFs of ../shared/corpus/real
    when it is there)

For every input, `budgetx report` writes its page, and Chromium loads it
(--dump-dom, after the page's script ran).  Each page must:
  - show every table title of the document (the JSON of `budgetx extract`)
    as a heading, and exactly as many failed-check entries (li.finding.error)
    as the JSON has failed checks, and as many notes as it has notes; every
    failed check whose `where` names a table row the page found marks that
    cell (data-m), and no cell is marked for a check the JSON does not fail;
  - show one page image per PDF page (PDF input), with boxes for the rows;
  - make no network request: Chromium's own net log (--log-net-log) holds no
    request started by the page, and no attribute of the loaded DOM points
    outside the page (http:, https:, //…) — the detector is first shown to
    catch a control page that does load a remote image;
  - weigh under 5 MB per 30 pages.
`budgetx diff OLD NEW --format html` over the pairs of samples/diff shows
as many changed cells, row changes and prose checks as its JSON, and makes
no network request either.
One screenshot (the first PDF's page, opened on its first failed check if it
has one) must not be blank.  The time each page takes to load
(performance.now() at the load event) is printed, not asserted: timings
belong to bench/ (bench/report.sh).

Exit 0 when all pass, 1 on a failure, 77 (skip) without Chromium.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = 77
MAX_BYTES_PER_30_PAGES = 5 * 1024 * 1024
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars"]
# Written into a test copy of a page: the load time, where --dump-dom sees it.
TIMING = ("<script>addEventListener('load',function(){"
          "document.body.setAttribute('data-load-ms',Math.round(performance.now()))})</script>")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(exe, url, work, *extra):
    profile = tempfile.mkdtemp(dir=work, prefix="profile-")
    args = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url]
    # Its own process group, so a hung browser goes with all its children.
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
    shutil.rmtree(profile, ignore_errors=True)
    return out.decode("utf-8", "replace")


def page_requests(net_log):
    """URLs requested on behalf of a page (the browser's own requests, to
    update or account services, carry no origin)."""
    try:
        log = json.load(open(net_log))
    except (OSError, ValueError):
        # Chromium may leave the log without its closing brackets.
        text = open(net_log).read().rstrip().rstrip(",")
        log = json.loads(text + "]}")
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for e in log["events"]:
        p = e.get("params") or {}
        if (types.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in p
                and p.get("initiator") != "not an origin"):
            if not str(p.get("url", "")).startswith(("data:", "file:", "chrome:", "about:")):
                urls.append(p.get("url"))
    return urls


EXTERNAL = re.compile(r'(?:src|href|action|poster|srcset)\s*=\s*"(?:https?:|//)|url\(\s*["\']?(?:https?:|//)|@import',
                      re.I)


def png_not_blank(path):
    """Whether a PNG shows something: its scanlines hold many byte values
    (a blank page holds a handful)."""
    data = Path(path).read_bytes()
    if not data.startswith(b"\x89PNG"):
        return False
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat))) >= 32


def expected_marks(doc):
    """(errors, notes) the JSON has."""
    errors = sum(1 for c in doc["checks"] if c["status"] == "fail")
    notes = sum(1 for c in doc["checks"] if c.get("severity") == "note")
    return errors, notes


def check_page(html_path, dom, doc, pages):
    problems = []
    headings = set(re.findall(r'<section class="table" id="t\d+">\s*<h3>(.*?)</h3>', dom, re.S))
    import html as h
    headings = {h.unescape(x) for x in headings}
    for t in doc["tables"]:
        title = t["title"] or "(untitled)"
        if title not in headings:
            problems.append(f"table title {title!r} not shown")
    errors, notes = expected_marks(doc)
    shown_errors = len(re.findall(r'<li class="finding error"', dom))
    shown_notes = len(re.findall(r'<li class="finding note"', dom))
    if shown_errors != errors:
        problems.append(f"{shown_errors} failed-check entries, the JSON has {errors}")
    if shown_notes != notes:
        problems.append(f"{shown_notes} note entries, the JSON has {notes}")
    finding_ids = set(re.findall(r'<li class="finding (?:error|note)" id="(f\d+)"', dom))
    for ids in re.findall(r'data-m="([^"]*)"', dom):
        for i in ids.split():
            if i not in finding_ids:
                problems.append(f"cell marked for {i}, which is no failed check or note")
    # Every failed check that names a row of a table (title / row / key) is on a cell.
    marked = {i for ids in re.findall(r'data-f="([^"]*)"', dom) for i in ids.split()}
    for n, fid in enumerate(re.findall(r'<li class="finding (?:error|note)" id="(f\d+)"', dom)):
        names_cell = "(no table cell to show)" not in dom.split(f'id="{fid}"', 1)[1].split("</li>", 1)[0]
        if names_cell and fid not in marked:
            problems.append(f"finding {fid} has a cell but no mark")
    if doc["source"]["format"] == "pdf" and pages:
        shown = len(re.findall(r'<div class="pg" id="p\d+"', dom))
        if shown != pages:
            problems.append(f"{shown} page images for {pages} pages")
        rows_boxed = sum(1 for t in doc["tables"] for r in t["rows"] if r.get("box"))
        boxes = len(re.findall(r'<a class="rb', dom))
        if boxes != rows_boxed:
            problems.append(f"{boxes} row boxes drawn for {rows_boxed} boxed rows")
    if EXTERNAL.search(dom):
        problems.append(f"points outside the page: {EXTERNAL.search(dom).group(0)}")
    size = os.path.getsize(html_path)
    limit = MAX_BYTES_PER_30_PAGES * max(pages or 1, 30) / 30
    if size > limit:
        problems.append(f"{size} bytes for {pages} pages (limit {int(limit)})")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--budgetx", default=str(ROOT / "build/budgetx"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/real"))
    args = ap.parse_args()
    exe = chromium()
    if not exe:
        print("SKIP: no chromium (Debian: apt-get install chromium)")
        return SKIP
    inputs = [Path(p) for p in args.inputs]
    if not inputs:
        inputs = sorted(p for p in (ROOT / "samples").glob("*/input.*"))
        corpus = Path(args.corpus)
        if corpus.is_dir():
            inputs += sorted(corpus.glob("*.pdf"))
        else:
            print(f"note: {corpus} absent, samples only")
    work = Path(tempfile.mkdtemp(prefix="report-browser-"))
    failures = 0
    try:
        # The detector catches a page that does load something remote.
        control = work / "control.html"
        control.write_text('<html><body><img src="http://192.0.2.1/x.png"></body></html>')
        net = work / "control-net.json"
        run_chromium(exe, control.as_uri(), work, f"--log-net-log={net}", "--dump-dom")
        if not page_requests(net):
            print("FAIL: the net-log detector misses a remote image on a control page")
            failures += 1
        def one(item):
            i, src = item
            name = f"{i:02d}-{src.parent.name if src.stem == 'input' else src.stem}"
            out_dir = work / name
            rep = subprocess.run([args.budgetx, "report", "-q", str(src), "-o", str(out_dir)],
                                 capture_output=True, text=True)
            ext = subprocess.run([args.budgetx, "extract", str(src)], capture_output=True)
            if rep.returncode != 0 or ext.returncode != 0:
                return name, None, [f"budgetx failed: {rep.stderr.strip()}"], None, out_dir
            doc = json.loads(ext.stdout)
            html_path = next(out_dir.glob("*.html"))
            timed = out_dir / "timed.html"
            timed.write_text(html_path.read_text(encoding="utf-8").replace("</body>", TIMING + "</body>"),
                             encoding="utf-8")
            net = out_dir / "net.json"
            dom = run_chromium(exe, timed.as_uri(), work, f"--log-net-log={net}", "--dump-dom")
            problems = check_page(html_path, dom, doc, doc["source"].get("pages"))
            requests = page_requests(net)
            if requests:
                problems.append(f"network requests: {requests[:3]}")
            load = re.search(r'data-load-ms="(\d+)"', dom)
            return name, doc, problems, (html_path, dom, load), out_dir

        # Chromium mostly waits (start-up, IPC): a few at once use the machine better.
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(one, enumerate(inputs)))
        shot_done = False
        for name, doc, problems, page, out_dir in results:
            if doc and page and not shot_done and doc["source"]["format"] == "pdf":
                html_path, dom, _ = page
                shot = out_dir / "shot.png"
                first = re.search(r'<li class="finding error" id="(f\d+)"', dom)
                url = html_path.as_uri() + (f"#{first.group(1)}" if first else "")
                run_chromium(exe, url, work, "--window-size=1280,800", f"--screenshot={shot}")
                if not shot.exists() or not png_not_blank(shot):
                    problems.append("the screenshot is blank")
                shot_done = True
            if doc and page:
                html_path, _, load = page
                size_mb = html_path.stat().st_size / 1e6
                print(f"{'FAIL' if problems else 'ok  '} {name:<50} {len(doc['tables']):>3} tables "
                      f"{size_mb:6.2f} MB {doc['source'].get('pages') or 0:>3} pages, "
                      f"load {load.group(1) + ' ms' if load else '?'}")
            else:
                print(f"FAIL {name}")
            for p in problems:
                print(f"     {p}")
            failures += bool(problems)
        if not shot_done:
            print("note: no PDF input, no screenshot taken")
        # budgetx diff --format html over the diff samples (OLD and NEW JSON).
        for pair in sorted((ROOT / "samples/diff").glob("*/old.json")):
            name = "diff-" + pair.parent.name
            html_path = work / (name + ".html")
            new = pair.parent / "new.json"
            run = subprocess.run([args.budgetx, "diff", str(pair), str(new), "--format", "html",
                                  "-o", str(html_path)], capture_output=True, text=True)
            js = subprocess.run([args.budgetx, "diff", str(pair), str(new)], capture_output=True)
            if run.returncode not in (0, 3) or js.returncode not in (0, 3):
                print(f"FAIL {name}: budgetx diff failed: {run.stderr.strip()}")
                failures += 1
                continue
            d = json.loads(js.stdout)
            net = work / (name + "-net.json")
            dom = run_chromium(exe, html_path.as_uri(), work, f"--log-net-log={net}", "--dump-dom")
            problems = []
            counts = {"changed cells": (len(re.findall(r'<tr class="cell">', dom)),
                                        len(d["changes"]) + len(d["text_changes"])),
                      "row changes": (len(re.findall(r'<tr class="row ', dom)), len(d["rows"])),
                      "prose checks": (len(re.findall(r'<li class="finding ', dom)), len(d["prose_checks"]))}
            for what, (shown, want) in counts.items():
                if shown != want:
                    problems.append(f"{shown} {what} shown, the JSON has {want}")
            if EXTERNAL.search(dom) or page_requests(net):
                problems.append("the page reaches outside itself")
            print(f"{'FAIL' if problems else 'ok  '} {name:<50} "
                  + ", ".join(f"{w} {n}" for w, (n, _) in counts.items()))
            for p in problems:
                print(f"     {p}")
            failures += bool(problems)
            inputs.append(pair)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"report_browser: {len(inputs) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
