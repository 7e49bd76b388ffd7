#!/bin/sh
# The results as a council paper (issue 15): step 0 records the paper's
# status, the decision the council is asked to take and the responsible
# office; the file keeps them, the CSV bundle carries them, and the
# workbook's summary shows them with the office as the document's author.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/rat.stetig"
"$STETIG" new "$f" --template demo --lang de >/dev/null 2>&1 || fail "new"
# the demo fills the paper's fields; this test types them into empty ones
expect_sql "$f" "SELECT office FROM workshop" "Umweltamt (Amt 36)"
sqlite3 "$f" "UPDATE workshop SET council_request = '', office = ''" || fail "sqlite3"
UI_LANG=de
ui_start --lang de "$f"
wait_for "F10"
keys 0
wait_for "Förderende"
# the paper's rows come after the nine of the measure (the list scrolls at
# 80x24): Enter opens the form on the selected one, Space makes it final
keys Home
sleep 0.2
keys Down Down Down Down Down Down Down Down Down
wait_for "Ratsvorlage"
sleep 0.3
keys Enter
wait_for "Entwurf, solange die Gruppe arbeitet"
keys Space
wait_for "Endfassung"
keys Tab
typed "Die Maßnahme ab 2028 fortführen und die laufenden Kosten tragen"
keys Tab
typed "Umweltamt"
keys Enter
wait_for "gespeichert"
expect_sql "$f" "SELECT doc_status FROM workshop" "final"
expect_sql "$f" "SELECT council_request FROM workshop" \
    "Die Maßnahme ab 2028 fortführen und die laufenden Kosten tragen"
expect_sql "$f" "SELECT office FROM workshop" "Umweltamt"
expect_screen "Endfassung"
keys Down Down
wait_for "Federführendes Amt"
expect_screen "Umweltamt"
expect_screen "Beschlussvorschlag"
keys q
wait_exit

# the CSV bundle carries them; the workbook shows them
expect_status 0 "$STETIG" export "$f" --csv "$T/csv" --xlsx "$T/rat.xlsx" --lang de
expect_grep '"endfassung";"Die Maßnahme ab 2028 fortführen und die laufenden Kosten tragen";"Umweltamt"' \
    "$T/csv/workshop.csv"
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import openpyxl' 2>/dev/null; then
    "$PYTHON3" - "$T/rat.xlsx" > "$T/xlsx.out" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
sm = wb.worksheets[0]
cells = {}
for row in sm.iter_rows():
    for c in row:
        if isinstance(c.value, str):
            cells.setdefault(c.value, c)  # the first: the header rows
def right(label):
    c = cells[label]
    return sm.cell(row=c.row, column=c.column + 1).value
assert right("Status") == "Endfassung", right("Status")
assert right("Federführendes Amt") == "Umweltamt", right("Federführendes Amt")
assert right("Beschlussvorschlag").startswith("Die Maßnahme ab 2028"), right("Beschlussvorschlag")
assert wb.properties.creator == "Umweltamt", wb.properties.creator
print("ok")
PY
    expect_grep "ok" "$T/xlsx.out"
fi
finish
