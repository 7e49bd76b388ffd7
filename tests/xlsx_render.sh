#!/bin/sh
# The council workbook as a spreadsheet program prints it: LibreOffice
# (headless) turns the demo's workbook, in German and in English, into a
# PDF, and the pages are read as a reader would: every character printed at
# 8 pt or more, nothing overprinting (tests/pdf_pages.py measures each
# character with pdfminer), A4, every sheet on pages of its own with its
# name in the header, and the charts drawn the right way round (their XML:
# no value axis reversed, the grid's scale at the edges, its quadrants
# labelled). Needs soffice, poppler-utils and python3-pdfminer (.ci/run
# installs them); skipped with a message without them.
. "$top_srcdir/tests/lib.sh"

PY=${PYTHON3:-/usr/bin/python3}
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 ||
   ! command -v pdftotext >/dev/null 2>&1 || ! "$PY" -c 'import pdfminer' 2>/dev/null; then
    echo "soffice, poppler-utils or python3-pdfminer missing: skipping the rendering test"
    exit 77
fi

for l in de en; do
    f="$T/demo-$l.stetig"
    expect_status 0 "$STETIG" new "$f" --template demo --lang $l
    # a dot vote has run: the summary's fullest page (top votes included)
    if [ -n "${SQLITE3:-}" ]; then
        "$SQLITE3" "$f" "UPDATE goal SET votes = 3 WHERE id IN (1, 2);
            UPDATE task SET votes = 2 WHERE id IN (1, 2, 3);
            UPDATE check_item SET votes = 1 WHERE id < 4;" || fail "$l: votes"
    fi
    expect_status 0 "$STETIG" export "$f" --xlsx "$T/demo-$l.xlsx" --lang $l
    (cd "$T" && HOME="$T" timeout 300 soffice --headless --norestore \
        --convert-to pdf "demo-$l.xlsx" >"$T/soffice.log" 2>&1)
    pdf="$T/demo-$l.pdf"
    [ -s "$pdf" ] && ok || { fail "LibreOffice made no PDF of the $l workbook"; cat "$T/soffice.log" >&2; continue; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    # cover + 13 sheets; long tables take more pages, never dozens
    [ "$pages" -ge 14 ] && [ "$pages" -le 30 ] && ok || fail "$l: $pages pages (want 14-30)"
    pdfinfo -f 1 -l "$pages" "$pdf" | grep "^Page .*size:" > "$T/sizes"
    # every page A4; every sheet after the cover in landscape
    [ "$(grep -vc 'A4' "$T/sizes")" = 0 ] && ok || fail "$l: a page is not A4"
    [ "$(tail -n +2 "$T/sizes" | grep -c '841.89 x 595.')" = $((pages - 1)) ] && ok ||
        fail "$l: a sheet is not landscape"
    # the reader's check: sizes and overprints, page by page
    if "$PY" "$top_srcdir/tests/pdf_pages.py" "$pdf" > "$T/pages-$l.txt"; then ok; else
        fail "$l: pages a council member cannot read:"; cat "$T/pages-$l.txt" >&2; fi
    # the summary prints at 100 % (not fitted to the page) in text of 9 pt
    # or more, and on one page: the second page already belongs to the next sheet
    rm -rf "$T/x1" && mkdir "$T/x1" && (cd "$T/x1" && unzip -q "../demo-$l.xlsx" xl/worksheets/sheet1.xml)
    grep -q 'fitToPage="1"' "$T/x1/xl/worksheets/sheet1.xml" && fail "$l: the summary is fitted to the page, not at 100 %" || ok
    grep -o '<pageSetup [^>]*>' "$T/x1/xl/worksheets/sheet1.xml" | grep -q 'scale="[0-9]' &&
        fail "$l: the summary's print scale is not 100 %" || ok
    "$PY" "$top_srcdir/tests/pdf_pages.py" "$pdf" --pages --min-pt 0 > "$T/sizes-$l.txt"
    small=$(awk '/^page 1:/ {for (i = 1; i <= NF; i++) if ($i == "smallest") print $(i + 1)}' "$T/sizes-$l.txt")
    awk -v s="$small" 'BEGIN {exit !(s + 0 >= 8.95)}' && ok || fail "$l: the summary prints at $small pt (want 9)"
    # the summary is one page: the second page already belongs to the next sheet
    if [ $l = de ]; then second="Strategieziele"; else second="Strategy goals"; fi
    pdftotext -layout -f 2 -l 2 "$pdf" "$T/page2"
    head -3 "$T/page2" | grep -qF "$second" && ok || fail "$l: the summary takes more than one page"
    pdftotext -layout "$pdf" "$T/text"
    if [ $l = de ]; then
        for w in "Zusammenfassung" "Verstetigungsplan" "RACI-Matrix" "Einfluss-Interesse-Raster" \
                 "Indikatoren: Weg vom Ausgangswert zum Zielwert" "Seite 1 von $pages" \
                 "Eng einbinden" "Zufriedenstellen"; do
            expect_grep "$w" "$T/text"
        done
    else
        for w in "Summary" "RACI matrix" "Power/interest grid" "Page 1 of $pages" \
                 "Manage closely" "Keep satisfied" "Keep informed" "Monitor"; do
            expect_grep "$w" "$T/text"
        done
    fi
    # the grid's page lists the stakeholders by number under the chart
    if [ $l = de ]; then title="Einfluss-Interesse-Raster"; name="Stadtentwässerung"; else
        title="Power/interest grid"; name="Urban drainage"; fi
    page=0
    for p in $(seq 1 "$pages"); do
        pdftotext -layout -f "$p" -l "$p" "$pdf" "$T/page"
        if grep -qF "$title" "$T/page"; then page=$p; break; fi
    done
    [ "$page" -gt 0 ] && ok || fail "$l: no page with the grid"
    expect_grep "$name" "$T/page"
    # the charts' XML: bars grow from zero to the right, the grid's scale
    # sits at the edges while its axis lines mark the quadrants
    rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "../demo-$l.xlsx")
    "$PY" - "$T/x" > "$T/charts-$l.txt" <<'PYEOF'
import glob, re, sys
bad = []
for f in sorted(glob.glob(sys.argv[1] + "/xl/charts/chart*.xml")):
    x = open(f, encoding="utf-8").read()
    for ax in re.findall(r"<c:valAx>.*?</c:valAx>", x, re.S):
        if '<c:orientation val="maxMin"/>' in ax:
            bad.append(f + ": a value axis runs backwards")
    if "<c:scatterChart>" in x:
        for ax in re.findall(r"<c:valAx>.*?</c:valAx>", x, re.S):
            if '<c:tickLblPos val="low"/>' not in ax:
                bad.append(f + ": the grid's scale runs through the middle")
    if "<c:barChart>" in x:
        if '<c:overlap val="100"/>' not in x:
            bad.append(f + ": the target bar is not behind the progress bar")
        if "<c:dLbls>" not in x:
            bad.append(f + ": no value labels on the bars")
        if not re.search(r"<c:valAx>.*?<c:min val=\"-?[0-9.]+\"/>", x, re.S):
            bad.append(f + ": the bars do not start from a fixed zero")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PYEOF
    [ $? = 0 ] && ok || { fail "$l: charts drawn wrong:"; cat "$T/charts-$l.txt" >&2; }
done
finish
