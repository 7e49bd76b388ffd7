#!/usr/bin/python3
"""Reads a printed workbook (PDF) as its reader would: every character's
printed size and where it lands. Fails (exit 1) when any character is
printed smaller than --min-pt points, or when two characters of the page
overprint each other (their boxes cover each other by more than --overlap
of the smaller box in both directions). Rotated text is measured across
its writing direction too, so rotated RACI names are judged like any other
text.

usage: pdf_pages.py FILE.pdf [--min-pt 8] [--overlap 0.4] [--pages]
   --pages prints one line per page: number, characters, smallest size,
   overprints, and the first words of the page (for the test's messages).
"""
import argparse
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer


def chars(obj):
    if isinstance(obj, LTChar):
        yield obj
    elif isinstance(obj, LTContainer):
        for o in obj:
            yield from chars(o)


def size(c):
    """The printed size of a character: the extent of its em box across
    the writing direction (LTChar.size measures along the page's y axis,
    which for text rotated by 90 degrees is the advance instead)."""
    a, b = c.matrix[0], c.matrix[1]
    return c.width if abs(b) > abs(a) else c.height


def overprints(cs, share):
    """Pairs of characters whose boxes cover each other: a bucket grid keeps
    it near linear in the characters of a page."""
    grid = {}
    cell = 12.0
    found = []
    for i, c in enumerate(cs):
        for gx in range(int(c.x0 // cell), int(c.x1 // cell) + 1):
            for gy in range(int(c.y0 // cell), int(c.y1 // cell) + 1):
                grid.setdefault((gx, gy), []).append(i)
    seen = set()
    for members in grid.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                i, j = members[a], members[b]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                p, q = cs[i], cs[j]
                ix = min(p.x1, q.x1) - max(p.x0, q.x0)
                iy = min(p.y1, q.y1) - max(p.y0, q.y0)
                if ix <= 0 or iy <= 0:
                    continue
                wmin = min(p.x1 - p.x0, q.x1 - q.x0)
                hmin = min(p.y1 - p.y0, q.y1 - q.y0)
                if wmin > 0 and hmin > 0 and ix > share * wmin and iy > share * hmin:
                    found.append((p, q))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--min-pt", type=float, default=8.0)
    ap.add_argument("--overlap", type=float, default=0.4)
    ap.add_argument("--pages", action="store_true")
    a = ap.parse_args()
    bad = 0
    for n, page in enumerate(extract_pages(a.pdf, laparams=LAParams()), 1):
        cs = [c for c in chars(page) if c.get_text().strip()]
        small = [c for c in cs if size(c) < a.min_pt - 0.05]
        over = overprints(cs, a.overlap)
        text = "".join(c.get_text() for c in cs[:40])
        if a.pages:
            print("page %d: %d characters, smallest %.1f pt, %d overprints: %s"
                  % (n, len(cs), min((size(c) for c in cs), default=0), len(over), text))
        if small:
            bad += 1
            print("page %d: %d characters under %.1f pt, e.g. %r at %.1f pt"
                  % (n, len(small), a.min_pt, "".join(c.get_text() for c in small[:20]),
                     size(small[0])))
        if over:
            bad += 1
            print("page %d: %d overprinting characters, e.g. %r over %r"
                  % (n, len(over), over[0][0].get_text(), over[0][1].get_text()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
