"""Fills a callspec Word form with python-docx, as a person would in Word.

Usage: fill.py FORM.docx DRAFT.json OUT.docx

Every content control tagged `callspec/1 ...` gets the draft's value at its pointer: the text
typed into it (split over several runs, as pasted text is; amounts in full-width digits, dates
as 2025年5月1日), its placeholder flag and style removed; a box ticked; a list shown by its
label. A table gets one row per entry of the draft's list: rows the form lacks are copied from
the last row by hand (outside any repeating section), rows it has too many stay blank.
"""

import copy
import json
import sys

import docx
from docx.oxml.ns import qn

FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def pointer(doc, p):
    cur = doc
    for t in p.split("/")[1:]:
        t = t.replace("~1", "/").replace("~0", "~")
        if isinstance(cur, list):
            i = int(t)
            if i >= len(cur):
                return None
            cur = cur[i]
        elif isinstance(cur, dict):
            if t not in cur:
                return None
            cur = cur[t]
        else:
            return None
    return cur


def tag_of(sdt):
    pr = sdt.find(qn("w:sdtPr"))
    t = pr.find(qn("w:tag")) if pr is not None else None
    return t.get(qn("w:val")) if t is not None else None


def parse(tag):
    # callspec/1 KIND[!][~][:as] POINTER
    _, head, ptr = tag.split(" ", 2)
    kind = head.split(":")[0].rstrip("~").rstrip("!").replace("mirror-", "")
    return kind, ptr


def words(kind, value, items):
    if value is None:
        return ""
    if kind == "choice":
        for label, v in items:
            if v == value:
                return label
        return str(value)
    if kind == "choices" and isinstance(value, list):
        # Several picked, typed one after another as a person would, with a full-width comma.
        labels = dict((v, label) for label, v in items)
        return "，".join(labels.get(v, str(v)) for v in value)
    if kind == "money":
        return str(value).translate(FULL)
    if kind == "date" and isinstance(value, str) and len(value) >= 10 and value[4] == "-":
        y, m, d = value[:10].split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日" + value[10:]
    return str(value)


def fill(sdt, kind, value):
    if value is None:
        # Left as the form has it: placeholder text, or a value set in advance.
        return
    pr = sdt.find(qn("w:sdtPr"))
    content = sdt.find(qn("w:sdtContent"))
    if kind == "bool":
        box = pr.find("{http://schemas.microsoft.com/office/word/2010/wordml}checkbox")
        checked = box.find("{http://schemas.microsoft.com/office/word/2010/wordml}checked")
        checked.set("{http://schemas.microsoft.com/office/word/2010/wordml}val", "1" if value else "0")
        for t in content.iter(qn("w:t")):
            t.text = "☒" if value else "☐"
        return
    items = [(i.get(qn("w:displayText")), i.get(qn("w:value"))) for i in pr.iter(qn("w:listItem"))]
    text = words(kind, value, items)
    plc = pr.find(qn("w:showingPlcHdr"))
    if plc is not None:
        pr.remove(plc)
    runs = content.findall(qn("w:r"))
    for r in runs[1:]:
        content.remove(r)
    run = runs[0]
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        run.remove(rpr)
    for t in run.findall(qn("w:t")):
        run.remove(t)
    # Pasted text: the value over two runs, the second one bold.
    half = len(text) // 2
    blank = copy.deepcopy(run)
    for i, piece in enumerate([text[:half], text[half:]]):
        r = copy.deepcopy(blank) if i else run
        if i:
            r.insert(0, r.makeelement(qn("w:rPr"), {}))
            r[0].append(r.makeelement(qn("w:b"), {}))
            content.append(r)
        t = r.makeelement(qn("w:t"), {})
        t.text = piece
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)


def main():
    form, draft_path, out = sys.argv[1:]
    draft = json.load(open(draft_path, encoding="utf-8"))
    d = docx.Document(form)
    body = d.element.body
    # Tables first: make as many rows as the draft's lists have entries.
    for tbl in body.iter(qn("w:tbl")):
        rows = [tr for tr in tbl.iter(qn("w:tr")) if any((tag_of(s) or "").find("/*/") > 0 for s in tr.iter(qn("w:sdt")))]
        if not rows:
            continue
        tag = next(tag_of(s) for s in rows[0].iter(qn("w:sdt")) if tag_of(s) and "/*/" in tag_of(s))
        lst = parse(tag)[1].split("/*/")[0]
        entries = pointer(draft, lst) or []
        while len(rows) < len(entries):
            new = copy.deepcopy(rows[-1])
            rows[-1].addnext(new)
            rows.append(new)
        for i, tr in enumerate(rows):
            for s in tr.iter(qn("w:sdt")):
                t = tag_of(s)
                if not t or "/*/" not in t:
                    continue
                kind, ptr = parse(t)
                key = ptr.split("/*/")[1]
                value = pointer(entries[i], "/" + key) if i < len(entries) else None
                fill(s, kind, value)
    for s in body.iter(qn("w:sdt")):
        t = tag_of(s)
        if not t or not t.startswith("callspec/") or "/*/" in t or " list" in t:
            continue
        kind, ptr = parse(t)
        if kind in ("list", "json"):
            continue
        value = pointer(draft, ptr)
        if ptr in ("/call", "/category", "/application"):
            continue
        fill(s, kind, value)
    d.save(out)


main()
