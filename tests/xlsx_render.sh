#!/bin/sh
# The council workbook as a spreadsheet program prints it: LibreOffice
# (headless) turns it into a PDF, which must open, be A4, hold every sheet
# on pages one page wide (landscape), and show the charts' titles. Needs
# soffice and pdfinfo/pdftotext (libreoffice-calc-nogui, poppler-utils);
# skipped without them, as they are large and not needed by anything else.
. "$top_srcdir/tests/lib.sh"

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 ||
   ! command -v pdftotext >/dev/null 2>&1; then
    echo "soffice or poppler-utils missing: skipping the rendering test"
    exit 77
fi

for l in de en; do
    f="$T/demo-$l.stetig"
    expect_status 0 "$STETIG" new "$f" --template demo --lang $l
    expect_status 0 "$STETIG" export "$f" --xlsx "$T/demo-$l.xlsx" --lang $l
    (cd "$T" && HOME="$T" timeout 300 soffice --headless --norestore \
        --convert-to pdf "demo-$l.xlsx" >"$T/soffice.log" 2>&1)
    pdf="$T/demo-$l.pdf"
    [ -s "$pdf" ] && ok || { fail "LibreOffice made no PDF of the $l workbook"; cat "$T/soffice.log" >&2; continue; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    # cover + 13 sheets; only the chart sheet may take a second page
    [ "$pages" -ge 14 ] && [ "$pages" -le 15 ] && ok || fail "$l: $pages pages (want 14-15)"
    pdfinfo -f 1 -l "$pages" "$pdf" | grep "^Page .*size:" > "$T/sizes"
    # every page A4; every sheet after the cover in landscape
    [ "$(grep -vc 'A4' "$T/sizes")" = 0 ] && ok || fail "$l: a page is not A4"
    [ "$(tail -n +2 "$T/sizes" | grep -c '841.89 x 595.')" = $((pages - 1)) ] && ok ||
        fail "$l: a sheet is not landscape"
    pdftotext -layout "$pdf" "$T/text"
    if [ $l = de ]; then
        for w in "Verstetigungsplan" "RACI-Matrix" "Einfluss-Interesse-Raster" \
                 "Indikatoren: Weg vom Ausgangswert zum Zielwert" "Seite 1 von $pages"; do
            expect_grep "$w" "$T/text"
        done
    else
        for w in "RACI matrix" "Power/interest grid" "Page 1 of $pages"; do
            expect_grep "$w" "$T/text"
        done
    fi
    # on the grid's page, the points carry the names, not their scores
    if [ $l = de ]; then title="Einfluss-Interesse-Raster"; name="Stadtentwässerung"; else
        title="Power/interest grid"; name="Urban drainage"; fi
    page=0
    for p in $(seq 1 "$pages"); do
        pdftotext -layout -f "$p" -l "$p" "$pdf" "$T/page"
        if grep -qF "$title" "$T/page"; then page=$p; break; fi
    done
    [ "$page" -gt 0 ] && ok || fail "$l: no page with the grid"
    expect_grep "$name" "$T/page"
    if grep -qE "$name; [0-9]" "$T/page"; then fail "$l: the grid labels show scores"; else ok; fi
done
finish
