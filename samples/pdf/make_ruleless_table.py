#!/usr/bin/env python3
"""Writes ruleless-table.pdf: one A4 page, a budget table printed without any
ruling lines, in the non-embedded Adobe-GB1 font STSong-Light (UniGB-UCS2-H),
so the file stays tiny and needs no font file.  The table has a long name
wrapped in its column (the continuation printed alone on the next line) and
a name printed over two lines with its amounts centred between them.

    python3 samples/pdf/make_ruleless_table.py samples/pdf/ruleless-table.pdf
"""
import sys

SIZE = 10          # body font size, pt
ROW = 16           # row pitch, pt
WRAP = 12          # line pitch inside a wrapped cell, pt
NAME_X = 60
RIGHTS = [300, 380, 460]   # right edges of the amount columns


def text(x, y, s, size=SIZE):
    hexs = "".join(f"{ord(c):04X}" for c in s)
    return f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{hexs}> Tj ET\n"


def width(s, size=SIZE):
    return sum(size if ord(c) > 0x7F else size / 2 for c in s)


def amounts(y, values):
    return "".join(text(r - width(v), y, v) for r, v in zip(RIGHTS, values) if v)


def content():
    out = text(297.5 - width("2025年支出预算表", 16) / 2, 780, "2025年支出预算表", 16)
    out += text(460 - width("单位：万元"), 755, "单位：万元")
    y = 730
    out += text(NAME_X, y, "科目名称")
    for r, h in zip(RIGHTS, ["合计", "基本支出", "项目支出"]):
        out += text(r - width(h), y, h)
    y -= ROW
    out += text(NAME_X, y, "一般公共服务支出") + amounts(y, ["360.00", "300.00", "60.00"])
    y -= ROW
    # a long name wrapped in its column (the column ends at x = 190)
    out += text(NAME_X, y, "机关事业单位基本养老保险缴") + amounts(y, ["160.75", "160.75", ""])
    out += text(NAME_X, y - WRAP, "费支出")
    y -= WRAP + ROW
    # a name over two lines, its amounts centred between them
    out += text(NAME_X, y, "机关事业单位职业年金缴费") + amounts(y - WRAP / 2, ["80.38", "80.38", ""])
    out += text(NAME_X, y - WRAP, "支出")
    y -= WRAP + ROW
    out += text(NAME_X, y, "二、外交支出")
    y -= ROW
    out += text(NAME_X, y, "住房公积金") + amounts(y, ["187.19", "187.19", ""])
    y -= ROW
    out += text(NAME_X, y, "合计") + amounts(y, ["788.32", "728.32", "60.00"])
    return out


def pdf(stream):
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode())} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        "/DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        "/FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        "/CapHeight 880 /StemV 93 >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects):
        offsets.append(len(out.encode()))
        out += f"{i + 1} 0 obj\n{o}\nendobj\n"
    xref = len(out.encode())
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode()


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(pdf(content()))
