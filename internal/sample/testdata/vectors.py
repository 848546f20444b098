#!/usr/bin/env python3
"""Computes the fixed vectors of internal/sample (vectors.json) from the
package's documentation alone, with Python's standard library: an
implementation independent of the Go code, so that a test holding the Go
draw to these vectors holds it to what the documentation says.

    python3 vectors.py > vectors.json

It reads the population files as the package documents (CSV: the separator
of ; , and tab the first line holds most of, row numbers the file's lines;
a workbook: the first sheet's rows), computes both checksums and draws with
each method:

  key(row)   = HMAC-SHA256(seed, row number as ASCII decimal digits)
  srs        = the size rows with the lowest keys, lowest first
  stratified = strata by the cell's exact text, ordered by UTF-8 bytes;
               allocation by largest remainder (see allocate); within each
               stratum the lowest keys; stratum by stratum
  mus        = items at least the interval taken for certain (repeatedly),
               then systematic selection over cumulative öre with the start
               int(HMAC-SHA256(seed, b"mus")) mod T; point k = (s + k*T)/n
"""

import csv
import hashlib
import hmac
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SEED = "07b59ca51d398afc58ef76c555e6ebc6398f9f3d54b2b55313e34dc0135fb634"
SEED2 = "c0ffee" * 10 + "0123"


def table(rows):
    """rows: (number, cells) -> (header_row, header, [(number, cells)])"""
    header, hrow, out = None, 0, []
    for number, cells in rows:
        if all(c.strip() == "" for c in cells):
            continue
        while cells and cells[-1] == "":
            cells = cells[:-1]
        if header is None:
            header, hrow = list(cells), number
            continue
        out.append((number, list(cells) + [""] * (len(header) - len(cells))))
    return hrow, header, out


def read_csv(data):
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    sep = ";"
    best = first.count(";")
    for c in (",", "\t"):
        if first.count(c) > best:
            sep, best = c, first.count(c)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows, end = [], 0
    for cells in reader:
        start = end + 1
        end = reader.line_num
        rows.append((start, cells))
    return table(rows)


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(data):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        cells = []
        for c in row.findall("m:c", ns):
            i = col_index(c.get("r"))
            v = c.find("m:v", ns)
            value = "" if v is None else v.text or ""
            if c.get("t") == "s":
                value = shared[int(value)]
            cells += [""] * (i + 1 - len(cells))
            cells[i] = value
        rows.append((int(row.get("r")), cells))
    return table(rows)


def canonical(hrow, header, rows):
    h = hashlib.sha256()
    for number, cells in [(hrow, header)] + rows:
        h.update(str(number).encode())
        for c in cells:
            h.update(b"\x1f" + c.encode())
        h.update(b"\x1e")
    return h.hexdigest()


def key(seed, number):
    return hmac.new(seed, str(number).encode(), hashlib.sha256).digest()


def srs(seed, rows, size):
    return sorted(rows, key=lambda r: key(seed, r[0]))[:size]


def allocate(sizes, size):
    out = [0] * len(sizes)
    weights = list(sizes)
    m = size
    if size >= len(sizes):
        out = [1] * len(sizes)
        weights = [w - 1 for w in sizes]
        m = size - len(sizes)
    total = sum(weights)
    if m == 0 or total == 0:
        return out
    floors = [m * w // total for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(m * weights[i] % total), i))
    for i in range(len(weights)):
        out[i] += floors[i]
    for i in order[: m - sum(floors)]:
        out[i] += 1
    return out


def stratified(seed, header, rows, size, column):
    col = [h.strip().lower() for h in header].index(column.strip().lower())
    strata = {}
    for r in rows:
        strata.setdefault(r[1][col], []).append(r)
    names = sorted(strata, key=lambda s: s.encode("utf-8"))
    alloc = allocate([len(strata[s]) for s in names], size)
    out = []
    for s, k in zip(names, alloc):
        out += srs(seed, strata[s], k)
    return out


def amount(s):
    """öre from '12 345,50' / '12345.50'"""
    t = s.strip()
    m = re.fullmatch(r"(\d+(?:[ \u00a0\u202f]\d+)*)(?:[,.](\d{1,2}))?", t)
    if not m:
        raise ValueError(s)
    whole = int(re.sub(r"\D", "", m.group(1)))
    frac = (m.group(2) or "").ljust(2, "0")
    return whole * 100 + int(frac)


def mus(seed, header, rows, size, column):
    col = [h.strip().lower() for h in header].index(column.strip().lower())
    amounts = [amount(r[1][col]) for r in rows]
    taken = [False] * len(rows)
    out = []
    n = size
    while n > 0:
        total = sum(a for a, t in zip(amounts, taken) if not t)
        big = [i for i, a in enumerate(amounts) if not taken[i] and a > 0 and a * n >= total]
        if not big:
            break
        for i in big:
            taken[i] = True
            out.append(i)
            n -= 1
    if n > 0:
        rest = [i for i in range(len(rows)) if not taken[i]]
        total = sum(amounts[i] for i in rest)
        s = int.from_bytes(hmac.new(seed, b"mus", hashlib.sha256).digest(), "big") % total
        before = 0
        points = [s + k * total for k in range(n)]
        for i in rest:
            lo, hi = n * before, n * (before + amounts[i])
            before += amounts[i]
            if points and lo <= points[0] < hi:
                out.append(i)
                points.pop(0)
    return [rows[i] for i in out]


def vector(file, seed, size, method, column=""):
    data = open(file, "rb").read()
    hrow, header, rows = read_xlsx(data) if data.startswith(b"PK\x03\x04") else read_csv(data)
    s = bytes.fromhex(seed)
    if method == "srs":
        drawn = srs(s, rows, size)
    elif method == "stratified":
        drawn = stratified(s, header, rows, size, column)
    else:
        drawn = mus(s, header, rows, size, column)
    v = {"file": file, "seed": seed, "size": size, "method": method}
    if column:
        v["column"] = column
    v["rows"] = len(rows)
    if not file.endswith(".xlsx"):
        v["sha256"] = hashlib.sha256(data).hexdigest()
    v["canonical"] = canonical(hrow, header, rows)
    v["drawn"] = [r[0] for r in drawn]
    return v


VECTORS = [
    ("leverantorsfakturor.csv", SEED, 10, "srs"),
    ("leverantorsfakturor.xlsx", SEED, 10, "srs"),
    ("leverantorsfakturor.csv", SEED, 12, "stratified", "Leverantör"),
    ("leverantorsfakturor.xlsx", SEED, 12, "stratified", "Leverantör"),
    ("leverantorsfakturor.csv", SEED, 5, "stratified", "Leverantör"),
    ("leverantorsfakturor.csv", SEED, 10, "mus", "Belopp"),
    ("leverantorsfakturor.xlsx", SEED, 10, "mus", "Belopp"),
    ("kanter.csv", SEED, 8, "stratified", "Förvaltning"),
    ("kanter.csv", SEED2, 3, "stratified", "förvaltning"),
    ("kanter.csv", SEED, 8, "mus", "Belopp"),
    ("kanter.csv", SEED2, 12, "mus", "Belopp"),
    ("kanter.csv", SEED2, 1, "mus", "Belopp"),
]

if __name__ == "__main__":
    json.dump([vector(*v) for v in VECTORS], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
