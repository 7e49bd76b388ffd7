#!/bin/sh
# Template examples (issue 15 item 5): a measure template's cost items and
# council decision are marked as examples on the screen, on their sheets
# and on the summary until the group saves them from their form; saving one
# makes it the group's own, the others stay examples.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/vorlage.stetig"
"$STETIG" new "$f" --template city-app-steles --lang de >/dev/null 2>&1 || fail "new"
expect_sql "$f" "SELECT count(*), sum(example) FROM cost" "6|6"
expect_sql "$f" "SELECT count(*), sum(example) FROM decision" "1|1"
# a workshop made without a template has no examples
"$STETIG" new "$T/leer.stetig" --lang de >/dev/null 2>&1 || fail "new"
sql "$T/leer.stetig" "INSERT INTO cost(name, amount) VALUES('Hosting', 1000)"
expect_sql "$T/leer.stetig" "SELECT example FROM cost" "0"

UI_LANG=de
ui_start --lang de "$f"
wait_for "F10"
keys 5
wait_for "(Beispiel) App-Entwick"
expect_screen "(Beispiel) Redaktion"
# Enter edits the first cost item, Enter saves it unchanged: the group's own
keys Home
sleep 0.2
keys Enter
wait_for "Kostenposition bearbeiten"
keys Enter
wait_for "gespeichert"
expect_sql "$f" "SELECT example FROM cost WHERE id = 1" "0"
expect_sql "$f" "SELECT sum(example) FROM cost" "5"
expect_screen "(Beispiel) Redaktion"
expect_no_screen "(Beispiel) App-Entwick"
# the council decision on step 6; Space (the status) makes it the group's
keys 6
wait_for "(Beispiel) Verst"
keys End
sleep 0.2
keys Space
wait_for "Ratsbeschluss"
expect_sql "$f" "SELECT example, status FROM decision" "0|submitted"
expect_no_screen "(Beispiel) Verst"
keys q
wait_exit

# the sheets and the summary say which money is still an example
expect_status 0 "$STETIG" export "$f" --xlsx "$T/vorlage.xlsx" --lang de
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import openpyxl' 2>/dev/null; then
    "$PYTHON3" - "$T/vorlage.xlsx" > "$T/xlsx.out" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
texts = [c.value for row in wb.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
assert "Geld je Haushaltsjahr (mit Beispielbeträgen aus der Vorlage)" in texts, texts
assert not any("Beispiel aus der Vorlage" in t for t in texts), texts  # the decision is the group's
costs = list(wb["Kosten"].iter_rows(values_only=True))
col = costs[0].index("Beispiel")
marks = [r[col] for r in costs[1:] if isinstance(r[0], int)]
assert marks == ["nein"] + ["ja"] * 5, marks
print("ok")
PY
    expect_grep "ok" "$T/xlsx.out"
fi
finish
