#!/bin/sh
# The council workbook read back by an independent reader (openpyxl through
# tests/xlsx_check.py): sheet names, frozen panes, autofilter, print setup,
# footers, the RACI validation, charts, umlauts, a formula-like title stored
# as text, numbers stored as numbers even under a German locale.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/exchange_lib.sh"

py=${PYTHON3:-}
if [ -z "$py" ] || ! "$py" -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP: python3 with openpyxl is needed (./bootstrap installs python3-openpyxl)"
    exit 77
fi
check="$top_srcdir/tests/xlsx_check.py"

make_hostile_bundle "$T/hostile"
ws="$T/hostile.stetig"
expect_status 0 "$STETIG" new "$ws" --lang en
expect_status 0 "$STETIG" import "$ws" --csv "$T/hostile"

title='Umweltsensorik: "Starkregen"; Süd & Nord'
for lang in en de; do
    expect_status 0 "$STETIG" export "$ws" --xlsx "$T/h-$lang.xlsx" --lang "$lang"
    expect_status 0 "$py" "$check" "$T/h-$lang.xlsx" "$lang" \
        --string '=HYPERLINK("x")' --text 'Kämmerei' --text 'Gewässer schützen' \
        --text='-Bürgerschaft' --title "$title" --author 'Jörg Müller' \
        --company 'Musterstadt & Umland' --footer 'Musterstadt && Umland'
    cat "$T/out" >&2
    # the summary comes first and carries the measure's title
    "$py" -c 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames[0]); print(wb.worksheets[0]["A1"].value)' \
        "$T/h-$lang.xlsx" > "$T/first"
    if [ $lang = de ]; then expect_grep "Zusammenfassung" "$T/first"; else expect_grep "Summary" "$T/first"; fi
    expect_grep "Umweltsensorik" "$T/first"
done

# every template, in both languages
for lang in en de; do
    for tmpl in demo digital-twin; do
        expect_status 0 "$STETIG" new "$T/$tmpl-$lang.stetig" --template "$tmpl" --lang "$lang"
        expect_status 0 "$STETIG" export "$T/$tmpl-$lang.stetig" --xlsx "$T/$tmpl-$lang.xlsx" --lang "$lang"
        set --
        if [ $tmpl = demo ]; then
            # the demo fills the council paper: status, request and office
            # (the office is the workbook's author)
            if [ $lang = de ]; then
                set -- --author 'Umweltamt (Amt 36)' --text 'Entwurf' \
                    --text 'Der Rat stimmt zu, dass die Starkregenwarnung und die Gewässergütemessung ab 2028 im Regelbetrieb weiterlaufen, betrieben vom Eigenbetrieb Stadtentwässerung, und dass ihre laufenden Kosten im Haushalt 2028 eingeplant werden.'
            else
                set -- --author 'Environment department (office 36)' --text 'Draft' \
                    --text 'The council agrees that the heavy-rain warning and the water-quality measurements continue in regular operation from 2028, run by the urban drainage enterprise, and that their running costs are planned in the 2028 budget.'
            fi
        fi
        expect_status 0 "$py" "$check" "$T/$tmpl-$lang.xlsx" "$lang" "$@"
        cat "$T/out" >&2
    done
done

# a large workshop: the task sheet names at most 10 holders of a role and
# says how many more; the indicator chart shows the first 50 and says so
"$py" "$top_srcdir/bench/gen_large.py" --scale 5 --lang en "$T/large" || fail "gen_large.py"
expect_status 0 "$STETIG" new "$T/large.stetig" --lang en
expect_status 0 "$STETIG" import "$T/large.stetig" --csv "$T/large"
for lang in en de; do
    expect_status 0 "$STETIG" export "$T/large.stetig" --xlsx "$T/large-$lang.xlsx" --lang "$lang"
    expect_status 0 "$py" "$check" "$T/large-$lang.xlsx" "$lang" --capped
    cat "$T/out" >&2
done

# an empty workshop still makes a valid workbook (no charts to draw, though)
expect_status 0 "$STETIG" new "$T/empty.stetig" --lang en
expect_status 0 "$STETIG" export "$T/empty.stetig" --xlsx "$T/empty.xlsx"
expect_status 0 "$py" -c 'import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])' "$T/empty.xlsx"

# under a German locale the XML must still say 3.5, not 3,5
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 expect_status 0 "$STETIG" export "$ws" \
        --xlsx "$T/locale.xlsx" --lang de
    expect_status 0 "$py" "$check" "$T/locale.xlsx" de --string '=HYPERLINK("x")'
    cat "$T/out" >&2
else
    echo "SKIP: the de_DE.UTF-8 locale is not generated (./bootstrap makes it); numbers under a German locale not checked"
fi

# without --lang the workbook speaks the workshop's language, whatever the
# environment says (LANG=C.UTF-8 here); the messages stay in the session's
expect_status 0 "$STETIG" new "$T/lang-de.stetig" --template demo --lang de
expect_status 0 env LANGUAGE= "$STETIG" export "$T/lang-de.stetig" --xlsx "$T/lang-de.xlsx"
expect_grep "Wrote" "$T/out"
expect_status 0 "$py" -c 'import openpyxl, sys
names = openpyxl.load_workbook(sys.argv[1]).sheetnames
sys.exit(0 if "Ziele" in names and "RACI-Matrix" in names else 1)' "$T/lang-de.xlsx"
expect_status 0 env LANGUAGE= "$STETIG" export "$T/lang-de.stetig" --xlsx "$T/lang-en.xlsx" --lang en
expect_status 0 "$py" -c 'import openpyxl, sys
sys.exit(0 if "Goals" in openpyxl.load_workbook(sys.argv[1]).sheetnames else 1)' "$T/lang-en.xlsx"

# unwritable targets fail and leave no file
expect_status 1 "$STETIG" export "$ws" --xlsx /dev/null/x.xlsx
expect_grep "cannot write the workbook" "$T/err"
expect_status 1 "$STETIG" export "$ws" --xlsx "$T/missing/x.xlsx"
[ -e "$T/missing" ] && fail "a folder was made" || ok
ls "$T" | grep -q '\.tmp-' && fail "temporary workbook left behind" || ok

finish
