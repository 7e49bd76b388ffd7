#!/bin/sh
# Two languages: the catalogue is complete, the templates have the same
# structure in German and English, and the program's output, messages and
# workbook follow the session language.
. "$top_srcdir/tests/lib.sh"

# --- the German catalogue is complete and covers every message of the sources
if command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1; then
    stats=$(msgfmt -c --statistics -o /dev/null "$top_srcdir/po/de.po" 2>&1)
    case "$stats" in
        *untranslated*|*fuzzy*|*error*) fail "po/de.po: $stats" ;;
        *) ok ;;
    esac
    (cd "$top_srcdir" && xgettext -L C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
        --from-code=UTF-8 -o "$T/stetig.pot" $(cat po/POTFILES.in)) || fail xgettext
    if msgcmp "$top_srcdir/po/de.po" "$T/stetig.pot" 2>"$T/msgcmp"; then ok; else
        fail "po/de.po lacks messages of the sources"; head -20 "$T/msgcmp" >&2
    fi
    # and holds none that no source uses any more (a dead entry would be
    # translated and reviewed for nothing)
    dead=$(msgcomm --unique "$T/stetig.pot" "$top_srcdir/po/de.po" 2>/dev/null |
        grep -c '^msgid' || true)
    [ "$dead" = 0 ] && ok || fail "po/de.po holds $dead messages no source uses"
else
    echo "msgfmt/xgettext missing: catalogue checks skipped"
fi

# --- every template exists in both languages with the same structure
names() { tail -n +2 "$top_srcdir/templates/$1/index.csv" | sed 's/[,;].*//' | sort; }
names en > "$T/en.names"; names de > "$T/de.names"
same_file "$T/en.names" "$T/de.names"
[ "$(wc -l < "$T/en.names")" -ge 5 ] && ok || fail "fewer than five templates"
tables="strategy_goal goal indicator stakeholder task raci cost cost_share note check_item"
for name in $(cat "$T/en.names") demo; do
    for l in en de; do
        rm -f "$T/$l.stetig"
        expect_status 0 "$STETIG" new "$T/$l.stetig" --template "$name" --lang $l
    done
    if [ -n "$SQLITE3" ]; then
        for t in $tables; do
            a=$("$SQLITE3" "$T/en.stetig" "SELECT count(*) FROM $t")
            b=$("$SQLITE3" "$T/de.stetig" "SELECT count(*) FROM $t")
            if [ "$a" = "$b" ] && { [ "$a" -gt 0 ] || [ "$t" = note ]; }; then ok; else
                fail "$name: table $t has $a rows in English and $b in German"; fi
        done
        a=$("$SQLITE3" "$T/en.stetig" "SELECT group_concat(role,'') FROM (SELECT role FROM raci ORDER BY task, stakeholder)")
        b=$("$SQLITE3" "$T/de.stetig" "SELECT group_concat(role,'') FROM (SELECT role FROM raci ORDER BY task, stakeholder)")
        [ "$a" = "$b" ] && ok || fail "$name: the RACI letters differ between the languages"
        [ "$("$SQLITE3" "$T/de.stetig" 'SELECT language FROM workshop')" = de ] && ok || fail "$name: language de"
    fi
done

# --- the session language decides what the user reads
LANGUAGE=en expect_status 0 "$STETIG" --help
cp "$T/out" "$T/help.en"
LANGUAGE=de expect_status 0 "$STETIG" --help
if cmp -s "$T/out" "$T/help.en"; then fail "--help is the same in both languages"; else ok; fi
expect_grep "Regelbetrieb" "$T/out"
LANG=de_DE.UTF-8 LANGUAGE= expect_status 0 "$STETIG" --help
expect_grep "Aufruf:" "$T/out"
LANG=de_DE.UTF-8 LANGUAGE= expect_status 0 "$STETIG" --lang en --help
expect_grep "Usage:" "$T/out"

expect_status 1 "$STETIG" new "$T/de.stetig" --lang en
cp "$T/err" "$T/err.en"
expect_status 1 "$STETIG" new "$T/de.stetig" --lang de
if cmp -s "$T/err" "$T/err.en"; then fail "the error message is the same in both languages"; else ok; fi
expect_grep "gibt es schon" "$T/err"

# the workbook's sheet names follow --lang
if [ -n "$PYTHON3" ] && "$PYTHON3" -c 'import openpyxl' 2>/dev/null; then
    expect_status 0 "$STETIG" export "$T/de.stetig" --xlsx "$T/en.xlsx" --lang en
    expect_status 0 "$STETIG" export "$T/de.stetig" --xlsx "$T/de.xlsx" --lang de
    "$PYTHON3" -c 'import openpyxl,sys; print("\n".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$T/en.xlsx" > "$T/sheets.en"
    "$PYTHON3" -c 'import openpyxl,sys; print("\n".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$T/de.xlsx" > "$T/sheets.de"
    expect_grep "Indicators" "$T/sheets.en"
    expect_grep "Indikatoren" "$T/sheets.de"
    expect_no_grep "Indicators" "$T/sheets.de"
else
    echo "openpyxl missing: sheet-name check skipped"
fi

# check prints German labels and decimal commas in a German session
expect_status 1 "$STETIG" check "$T/de.stetig" --lang de
expect_grep "Reifegrad" "$T/out"
expect_status 1 "$STETIG" check "$T/de.stetig" --lang en
expect_grep "Readiness" "$T/out"

finish
