#!/usr/bin/env python3
"""bench/row_accuracy.py — are extracted table rows the rows the PDF prints?

    bench/row_accuracy.py [--cmd 'build/budgetx extract {input}'] [--details] [PDF_OR_DIR…]
    (default input: /work/shared/corpus/real; default command: $BUDGETX, else
    build/budgetx, with `extract {input}`)

Judges our output against the PDF's own text as pdftotext prints it, page by
page, in two directions:

  rows     every extracted row with values is exact when the page prints its
           name (a wrapped name: that line plus the continuation lines
           directly above/below, in the same column), left of it the code
           (if any: the digits printed, 类 款 项 joined, end the code), and
           right of it, left to right in column order, every amount
           converted back to the printed unit (万元 → value / 10000), on the
           row's printed line: each amount is nearer to this name than to
           any other text of the name's column, and no other amount is
           printed in the row before the next text (a value we lost).  Each
           amount must also sit in its column: within --column-slack points
           of where the table's other rows on that page print that key.
  printed  every printed line inside a table's region (its first to its last
           matched name on a page) with a name followed by amounts must be
           some extracted row of that page: that name and those amounts.
           This catches rows we dropped or merged, which the first check
           cannot see.

Row accuracy = exact rows / (rows checked + printed rows we lack).

Limits: pdftotext keeps watermark text (the reader drops it), so pages
tiled with watermarks (the generated dev corpus) read as noise here; the
measure is meant for real disclosures.

Why word boxes (`pdftotext -bbox`) rather than `pdftotext -layout` lines:
-layout breaks one printed row over several text lines whenever its cells
are aligned differently (an amount at the top of its cell, the name in the
middle), so "on one -layout line" would fail rows that are right.  Rows are
rebuilt here from the word boxes instead (words sharing a baseline, amounts
half a line off belong to the nearest name), independently of budgetx.
Python 3 standard library and pdftotext (poppler-utils) only.
"""
import argparse
import html
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

UNIT_EXPONENT = {"元": 0, "千元": 3, "万元": 4, "百万元": 6, "亿元": 8}
NUMBER = re.compile(r"^[-−－]?\(?[-−－]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?$")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
# What may precede a name on its printed line: an ordinal, 其中.
NAME_PREFIX = re.compile(r"^(其中[:：]?)?([(（]?[一二三四五六七八九十百\d]+[)）]?[、.．]?)?(其中[:：]?)?$")

# Geometry, in ems of the page's CJK text.
LINE_TOLERANCE_EM = 0.5      # baselines closer than this are one printed line
CHUNK_GAP_EM = 1.5           # words closer than this are one piece of text
CONTINUATION_GAP_EM = 3.6    # a wrapped name's next line is at most this far below
CONTINUATION_SHIFT_EM = 1.0  # … and starts at most this far left of its first line's column
ROW_REACH_EM = 1.0           # an amount at most this far above/below its name's lines
NAME_SEARCH_LINES = 2        # continuation lines looked at above and below a name
GROUP_REACH_EM = 8.0         # a group label centred this far at most from its 小计 line
SUBTOTAL_WORDS = ("小计", "合计")


class Word:
    def __init__(self, x0, y0, x1, y1, text):
        self.x0, self.x1 = x0, x1
        self.y = y1           # the baseline (box heights differ wildly by font)
        self.text = text
        self.value = parse_number(text)

    def numeric(self):
        return self.value is not None


def parse_number(text):
    """The printed number as a Decimal, or None when the word is not a number."""
    t = unicodedata.normalize("NFKC", text)
    if not NUMBER.match(t):
        return None
    negative = t.startswith(("-", "(")) or "(-" in t
    v = Decimal(re.sub(r"[^\d.]", "", t))
    return -v if negative else v


def flat(text):
    """Text as compared: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


class Page:
    """Words of one page, grouped into printed lines and pieces of text."""

    def __init__(self, words):
        self.words = words
        widths = sorted((w.x1 - w.x0) / len(w.text) for w in words
                        if w.text and all(CJK.match(c) for c in w.text))
        self.em = widths[len(widths) // 2] if widths else 10.0
        self.lines = []   # lists of Words, left to right, top to bottom
        for w in sorted(words, key=lambda w: w.y):
            if self.lines and abs(self.lines[-1][0].y - w.y) < LINE_TOLERANCE_EM * self.em:
                self.lines[-1].append(w)
            else:
                self.lines.append([w])
        for line in self.lines:
            line.sort(key=lambda w: w.x0)
        # text pieces per line: runs of close non-numeric words
        self.pieces = []  # (line index, [Words])
        for i, line in enumerate(self.lines):
            current = []
            for w in line:
                close = current and w.x0 - current[-1].x1 < CHUNK_GAP_EM * self.em
                if not w.numeric() and close:
                    current.append(w)
                    continue
                if current:
                    self.pieces.append((i, current))
                current = [] if w.numeric() else [w]
            if current:
                self.pieces.append((i, current))

    def y_of(self, i):
        return self.lines[i][0].y


def read_pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    pages = []
    for chunk in out.split("<page ")[1:]:
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD.findall(chunk)]
        pages.append(Page(words))
    return pages


ROW_FIELDS = {"code", "name", "ordinal", "level", "side", "page", "values"}


def column_keys(table):
    keys = []
    for c in table["columns"]:
        if c["key"] not in keys:
            keys.append(c["key"])
    return keys


def printed_amounts(row, table):
    """(key, printed value) of the row's amounts in column order.  Numbers in
    columns left of every text column (序号) number the rows: not amounts."""
    exp = UNIT_EXPONENT.get(table.get("unit") or "元", 0)
    keys = column_keys(table)
    values = row.get("values") or {}
    text_at = [i for i, k in enumerate(keys) if k == "name" or k in row and k not in ROW_FIELDS]
    first_text = min(text_at, default=-1)
    ordered = [k for i, k in enumerate(keys) if k in values and i > first_text]
    ordered += [k for k in values if k not in keys]
    return [(k, Decimal(str(values[k])) / (Decimal(10) ** exp)) for k in ordered]


def row_label(row, table):
    """The text printed right before the row's amounts: its last text field
    in column order (the name, or e.g. the item of a procurement row)."""
    label = flat(row.get("name"))
    for k in column_keys(table):
        if k in row and k not in ROW_FIELDS and isinstance(row[k], str) and flat(row[k]):
            label = flat(row[k])
        elif k == "name" and flat(row.get("name")):
            label = flat(row.get("name"))
    return label


def is_code(word, decimals):
    """Whether a bare integer printed beside decimal amounts is a code (201,
    06): amounts there print a decimal point, except a plain 0."""
    return decimals and re.fullmatch(r"\d+", word.text) and word.text != "0"


def prints_decimals(table):
    """Whether the table prints fractional amounts (then bare integers beside
    them are codes, not amounts)."""
    return any(v != v.to_integral_value()
               for row in table.get("rows", []) for _, v in printed_amounts(row, table))


def piece_text(words):
    return "".join(flat(w.text) for w in words)


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def name_blocks(page, name):
    """Boxes (x0, x1, top line, bottom line) where `name` is printed, alone or
    wrapped over consecutive lines of one column."""
    blocks = []
    starts = [(i, words[k:]) for i, words in page.pieces for k in range(len(words))]
    for i, words in starts:
        x0, x1 = words[0].x0, words[-1].x1
        chain = [(i, piece_text(words))]
        # continuation pieces below, in the same column
        last = i
        for _ in range(NAME_SEARCH_LINES):
            nxt = [(j, p) for j, p in page.pieces
                   if j > last and page.y_of(j) - page.y_of(last) < CONTINUATION_GAP_EM * page.em
                   and overlaps(p[0].x0, p[-1].x1, x0 - CONTINUATION_SHIFT_EM * page.em, x1)]
            if not nxt:
                break
            j, p = min(nxt, key=lambda t: t[0])
            chain.append((j, piece_text(p)))
            last = j
        for n in range(1, len(chain) + 1):
            joined = "".join(t for _, t in chain[:n])
            k = joined.find(name)
            if k >= 0 and NAME_PREFIX.match(joined[:k]) and joined[k + len(name):] == "":
                blocks.append((x0, x1, i, chain[n - 1][0]))
                break
    return blocks


def amounts_near(page, block, name_column_pieces):
    """Numeric words of the block's printed row right of its name, left to
    right, up to the next text right of the name."""
    x0, x1, top, bottom = block
    y_top, y_bottom = page.y_of(top), page.y_of(bottom)
    reach = ROW_REACH_EM * page.em

    def distance(y, a, b):
        return 0 if a <= y <= b else min(abs(y - a), abs(y - b))

    band = [w for w in page.words if w.x0 >= x1 - 1 and y_top - reach <= w.y <= y_bottom + reach]
    texts = [w for w in band if not w.numeric() and CJK.search(w.text)
             and distance(w.y, y_top, y_bottom) < LINE_TOLERANCE_EM * page.em]
    right = min((w.x0 for w in texts), default=float("inf"))
    out = []
    for w in band:
        if not w.numeric() or w.x0 >= right:
            continue
        d = distance(w.y, y_top, y_bottom)
        if any(abs(w.y - y) < d for y in name_column_pieces):
            continue  # nearer to another name of the column: another row
        out.append(w)
    return sorted(out, key=lambda w: w.x0)


def code_digits(page, block):
    """Digits printed left of the name on its line(s), left to right."""
    x0, _, top, bottom = block
    y_top, y_bottom = page.y_of(top), page.y_of(bottom)
    reach = ROW_REACH_EM * page.em
    near = [w for w in page.words if w.x1 <= x0 + 1 and y_top - reach <= w.y <= y_bottom + reach]
    if not near:
        return ""
    # the printed line nearest the name (a wrapped name's band holds others)
    codes = [w for w in near if re.fullmatch(r"\d+", w.text)]
    if not codes:
        return ""
    nearest = min(codes, key=lambda w: 0 if y_top <= w.y <= y_bottom
                  else min(abs(w.y - y_top), abs(w.y - y_bottom)))
    left = sorted((w for w in near if abs(w.y - nearest.y) < LINE_TOLERANCE_EM * page.em),
                  key=lambda w: w.x0)
    digits = ""
    for w in reversed(left):
        if not re.fullmatch(r"\d+", w.text):
            break
        digits = w.text + digits
    return digits


def match_row(row, table, page):
    """([(block, [amount Words])] where the row may be printed, reason if none)."""
    amounts = printed_amounts(row, table)
    label = row_label(row, table)
    code = row.get("code") or ""
    decimals = prints_decimals(table)
    if not label:
        return amounts_only(amounts, page, decimals)
    blocks = name_blocks(page, label)
    if not blocks:
        return [], "name not printed"
    found, reason = match_blocks(blocks, row, table, page, amounts, code, decimals)
    if not found:
        # A group's own line prints 小计 beside the group label, which the page
        # centres over the group's lines: the row is named by the group.
        subtotal, _ = match_blocks(group_subtotal_blocks(page, blocks), row, table, page, amounts,
                                   code, decimals)
        found = subtotal
    return found, reason


def group_subtotal_blocks(page, group_blocks):
    """Blocks of 小计/合计 printed right of a group label, within its reach, with
    no other label of the group column nearer to them than this group's."""
    def nearest_in_column(g, y):
        column = [page.y_of(i) for i, p in page.pieces if overlaps(p[0].x0, p[-1].x1, g[0], g[1])]
        return min(column, key=lambda yc: abs(yc - y), default=None)

    out = []
    for word in SUBTOTAL_WORDS:
        for b in name_blocks(page, word):
            y = page.y_of(b[2])
            if any(b[0] >= g[1] - 1 and abs(y - page.y_of(g[2])) <= GROUP_REACH_EM * page.em
                   and nearest_in_column(g, y) == page.y_of(g[2]) for g in group_blocks):
                out.append(b)
    return out


def match_blocks(blocks, row, table, page, amounts, code, decimals):
    """The blocks where the row's amounts (and code) print on the block's line."""
    reason = "amounts not printed on the name's row"
    found = []
    for block in blocks:
        column = [page.y_of(i) for i, p in page.pieces
                  if not (block[2] <= i <= block[3]) and overlaps(p[0].x0, p[-1].x1, block[0], block[1])]
        near = amounts_near(page, block, column)
        if decimals:
            near = [w for w in near if not is_code(w, decimals)]
        got = near[:len(amounts)]
        if len(got) < len(amounts) or any(w.value != a for w, (_, a) in zip(got, amounts)):
            continue
        if len(near) > len(amounts):
            reason = "a printed amount is missing from the row"
            continue
        digits = code_digits(page, block)
        if code and not (digits and code.endswith(digits)):
            reason = f"code {code} not printed before the name (printed {digits or 'none'})"
            continue
        found.append((block, got))
    return found, reason


def amounts_only(amounts, page, decimals):
    """Candidates for a row without any text: its amounts, and no others, in
    one printed row (within ROW_REACH_EM of the first amount's line)."""
    found = []
    reason = "amounts not printed in one row"
    reach = ROW_REACH_EM * page.em
    for i, line in enumerate(page.lines):
        for first in line:
            if first.value != amounts[0][1]:
                continue
            band = sorted((w for w in page.words if w.numeric() and not is_code(w, decimals)
                           and abs(w.y - first.y) <= reach and w.x0 >= first.x0),
                          key=lambda w: w.x0)
            if [w.value for w in band] != [a for _, a in amounts]:
                continue
            before = [w for w in line if w.x1 <= first.x0]
            if before and not before[-1].numeric() and CJK.search(before[-1].text):
                reason = f"name {before[-1].text!r} printed before the amounts is missing"
                continue
            found.append(((first.x0, first.x0, i, i), band))
    return found, reason


def check_document(pdf, doc, column_slack):
    pages = read_pages(pdf)
    results = []    # (table, row, ok, reason)
    candidates = []  # (ti, page, table, row, [(block, words)])
    for ti, table in enumerate(doc.get("tables", [])):
        for row in table.get("rows", []):
            if not printed_amounts(row, table):
                continue
            number = row.get("page") or table.get("page")
            if not 0 < number <= len(pages):
                results.append((table, row, False, "page not in the PDF"))
                continue
            found, reason = match_row(row, table, pages[number - 1])
            if found:
                candidates.append((ti, number, table, row, found))
            else:
                results.append((table, row, False, reason))
    # Where each key is printed: from rows printed at one place only.
    positions = {}  # (table index, page, side, key) -> [right edges]
    for ti, number, table, row, found in candidates:
        if len(found) == 1:
            for (key, _), w in zip(printed_amounts(row, table), found[0][1]):
                positions.setdefault((ti, number, row.get("side"), key), []).append(w.x1)
    medians = {k: sorted(v)[len(v) // 2] for k, v in positions.items()}
    matched = {}    # (table index, page) -> [blocks]
    claimed = set()  # amount words some row was matched to
    for ti, number, table, row, found in candidates:
        def strays(got):
            # off the key's usual place, and alone there
            out = []
            for (key, _), w in zip(printed_amounts(row, table), got):
                where = (ti, number, row.get("side"), key)
                if abs(w.x1 - medians.get(where, w.x1)) <= column_slack:
                    continue
                if sum(1 for x in positions.get(where, []) if abs(x - w.x1) <= column_slack) < 2:
                    out.append(key)
            return out
        block, got = min(found, key=lambda c: len(strays(c[1])))
        bad = strays(got)
        matched.setdefault((ti, number), []).append(block)
        claimed.update(id(w) for w in got)
        results.append((table, row, not bad,
                        "amount off its column: " + ", ".join(bad) if bad else ""))
    return results, missing_rows(doc, pages, matched, claimed)


def missing_rows(doc, pages, matched, claimed):
    """Printed (page, name, amounts) in table regions that no row holds
    (amounts already matched to a row are that row's, whatever text precedes
    them on the line)."""
    out = []
    seen = set()
    tables = doc.get("tables", [])
    for (ti, number), blocks in sorted(matched.items(), key=lambda kv: kv[0]):
        table = tables[ti]
        page = pages[number - 1]
        rows = [r for r in table.get("rows", []) if (r.get("page") or table.get("page")) == number]
        first = min(b[2] for b in blocks)
        last = max(b[3] for b in blocks)
        for i in range(first, last + 1):
            if (number, i) in seen:
                continue
            seen.add((number, i))
            for name, words in printed_groups(page.lines[i], prints_decimals(table)):
                if all(id(w) in claimed for w in words):
                    continue
                amounts = [w.value for w in words]
                if not any(row_holds(r, table, name, amounts) for r in rows):
                    out.append((table, number, name, amounts))
    return out


def printed_groups(words, decimals):
    """(name, [amount Words]) for each name followed by amounts on a printed
    line (bare integers end the amounts when the table prints decimals)."""
    groups = []
    k = 0
    while k < len(words):
        if words[k].numeric() or not CJK.search(words[k].text):
            k += 1
            continue
        name = ""
        while k < len(words) and not words[k].numeric():
            name += flat(words[k].text)
            k += 1
        amounts = []
        while k < len(words) and words[k].numeric():
            if is_code(words[k], decimals):
                break
            amounts.append(words[k])
            k += 1
        if amounts:
            groups.append((name, amounts))
    return groups


def row_holds(row, table, name, amounts):
    own = row_label(row, table)
    # a 小计 line is held by its group's row (see group_subtotal_blocks)
    if not own or not (own in name or name in own or name in SUBTOTAL_WORDS):
        return False
    printed = [v for _, v in printed_amounts(row, table)]
    return all(printed.count(a) >= amounts.count(a) for a in amounts)


def label(pdf):
    """A document's name: its file name, or its folder's for a generic one (doc.pdf)."""
    return pdf.parent.name if pdf.stem in ("doc", "input", "source") else pdf.stem


def budgetx_cmd(args):
    if args.cmd:
        return args.cmd
    exe = os.environ.get("BUDGETX") or str(Path(__file__).resolve().parent.parent / "build/budgetx")
    return shlex.quote(exe) + " extract {input}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=["/work/shared/corpus/real"])
    ap.add_argument("--cmd", help="extraction command, {input} replaced by the PDF path")
    ap.add_argument("--details", action="store_true", help="list every failure")
    ap.add_argument("--column-slack", type=float, default=12.0,
                    help="points an amount's right edge may stray from its column's")
    args = ap.parse_args()
    pdfs = []
    for a in args.inputs:
        p = Path(a)
        pdfs += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    cmd = budgetx_cmd(args)
    total_ok = total_rows = total_missing = 0
    print(f"{'document':<50} {'rows':>5} {'exact':>6} {'lacking':>7} {'accuracy':>8}")
    for pdf in pdfs:
        run = subprocess.run(cmd.replace("{input}", shlex.quote(str(pdf))), shell=True,
                             capture_output=True)
        try:
            doc = json.loads(run.stdout, parse_float=Decimal)
        except ValueError:
            print(f"{label(pdf):<50} extraction failed (exit {run.returncode})")
            continue
        results, missing = check_document(pdf, doc, args.column_slack)
        ok = sum(1 for r in results if r[2])
        n = len(results)
        denom = n + len(missing)
        acc = 100.0 * ok / denom if denom else 100.0
        print(f"{label(pdf):<50} {n:>5} {ok:>6} {len(missing):>7} {acc:>7.2f}%")
        if args.details:
            for table, row, good, reason in results:
                if not good:
                    vals = " ".join(f"{k}={v}" for k, v in printed_amounts(row, table))
                    print(f"    p{row.get('page')} [{table.get('title')}] "
                          f"{row.get('code') or ''} {row.get('name')!r} {vals}: {reason}")
            for table, number, name, amounts in missing:
                print(f"    p{number} [{table.get('title')}] printed {name!r} "
                      f"{' '.join(str(a) for a in amounts)}: no such row")
        total_ok += ok
        total_rows += n
        total_missing += len(missing)
    denom = total_rows + total_missing
    acc = 100.0 * total_ok / denom if denom else 100.0
    print(f"{'OVERALL':<50} {total_rows:>5} {total_ok:>6} {total_missing:>7} {acc:>7.2f}%")


if __name__ == "__main__":
    sys.exit(main())
