#!/bin/sh
# The administrator's round trip (issue 16): export, edit the CSV files the
# way a spreadsheet saves them, import again as often as they like — each
# item stays once, the edits land, and a dry run says beforehand exactly
# what the import will do while writing nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/exchange_lib.sh"

PY=/usr/bin/python3
if [ -z "${SQLITE3:-}" ] || [ ! -x "$PY" ]; then
    echo "SKIP: needs sqlite3 and /usr/bin/python3"
    exit 77
fi
q() { "$SQLITE3" "$1" "$2"; }
# counts FILE — the number of items of every kind, one line
counts() {
    q "$1" "SELECT (SELECT count(*) FROM strategy_goal)||' '||(SELECT count(*) FROM goal)||' '||
        (SELECT count(*) FROM indicator)||' '||(SELECT count(*) FROM stakeholder)||' '||
        (SELECT count(*) FROM task)||' '||(SELECT count(*) FROM raci)||' '||
        (SELECT count(*) FROM cost)||' '||(SELECT count(*) FROM cost_share)||' '||
        (SELECT count(*) FROM note)"
}
# expect_eq WANT GOT WHAT
expect_eq() {
    if [ "$1" = "$2" ]; then ok; else fail "$3: got '$2', want '$1'"; fi
}

# 1. a bundle imported into the workshop it came from changes nothing: the
# file is left as it was, an export afterwards is byte-identical
for spec in "demo de" "urban-data-platform en" "smart-street-lighting de"; do
    set -- $spec
    ws="$T/$1-$2.stetig"
    expect_status 0 "$STETIG" new "$ws" --template "$1" --lang "$2"
    expect_status 0 "$STETIG" export "$ws" --csv "$T/$1-$2-a"
    before=$(counts "$ws")
    cp "$ws" "$T/ws.copy"
    expect_status 0 "$STETIG" import "$ws" --csv "$T/$1-$2-a" --lang en
    expect_grep "The bundle comes from this workshop" "$T/out"
    expect_grep "Nothing changes." "$T/out"
    expect_no_grep " added" "$T/out"
    same_file "$ws" "$T/ws.copy"
    expect_eq "$before" "$(counts "$ws")" "counts after re-import of $1"
    expect_status 0 "$STETIG" export "$ws" --csv "$T/$1-$2-b"
    same_bundles "$T/$1-$2-a" "$T/$1-$2-b"
    # twice more, for good measure
    expect_status 0 "$STETIG" import "$ws" --csv "$T/$1-$2-b"
    expect_status 0 "$STETIG" import "$ws" --csv "$T/$1-$2-a"
    same_file "$ws" "$T/ws.copy"
done

# 2. the bundle as LibreOffice saves it in a German locale, with edits: no
# BOM, ';' with a sep=; line, quotes only where needed, CRLF, dates as
# DD.MM.YYYY, the labels the workbook shows instead of the words; a renamed
# stakeholder, a changed amount, a new task with its roles (named, no id),
# and tasks.csv saved tab-separated
ws="$T/demo-de.stetig"
"$PY" - "$T/demo-de-a" "$T/edited" <<'EOF'
import csv, os, re, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
labels = {"kommunales_unternehmen": "Kommunales Unternehmen", "regelbetrieb": "Regelbetrieb",
          "verwaltung": "VERWALTUNG", "unterstützend": "Unterstützend"}
def iso_to_de(c):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", c)
    return f"{m[3]}.{m[2]}.{m[1]}" if m else c
for name in os.listdir(src):
    with open(os.path.join(src, name), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head, body = rows[0], rows[1:]
    for r in body:
        for i, c in enumerate(r):
            r[i] = labels.get(c, iso_to_de(c))
    if name == "stakeholders.csv":
        body[2][1] = "Smart-City-Team (verstetigt)"
    if name == "costs.csv":
        body[2][3] = "15500,5"
    if name == "tasks.csv":
        new = ["", "Übergabe an die Stadtentwässerung", "Betrieb", "Regelbetrieb"]
        body.append(new + [""] * (len(head) - len(new)))
    if name == "raci.csv":
        body.append(["", "Übergabe an die Stadtentwässerung"] + [""] * (len(head) - 2))
        body[-1][head.index("4: Stadtentwässerung")] = "a"
        body[-1][head.index("3: Smart-City-Team (gefördert)")] = "R"
    delim, pre = ";", "sep=;\r\n" if name == "stakeholders.csv" else ""
    if name == "tasks.csv":
        delim = "\t"
    with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
        f.write(pre)
        w = csv.writer(f, delimiter=delim, lineterminator="\r\n")
        w.writerows([head] + body)
EOF
[ $? -eq 0 ] && ok || fail "editing the bundle"
head -c 3 "$T/edited/goals.csv" | od -An -tx1 | grep -q 'ef bb bf' && fail "BOM left" || ok
expect_grep "30.06.2027" "$T/edited/workshop.csv"
expect_grep "Kommunales Unternehmen" "$T/edited/stakeholders.csv"

# the dry run: says what will happen, writes nothing
cp "$ws" "$T/ws.copy"
before=$(counts "$ws")
LANGUAGE=en expect_status 0 "$STETIG" import "$ws" --csv "$T/edited" --dry-run
same_file "$ws" "$T/ws.copy"
tail -n +2 "$T/out" > "$T/dry"
expect_grep "Dry run, nothing was written" "$T/out"
expect_grep "stakeholders.csv: 1 updated, 9 unchanged" "$T/dry"
expect_grep '  updated: “Smart-City-Team (gefördert)” (name)' "$T/dry"
expect_grep "tasks.csv: 1 added, 17 unchanged" "$T/dry"
expect_grep '  added: “Übergabe an die Stadtentwässerung”' "$T/dry"
expect_grep "costs.csv: 1 updated, 4 unchanged" "$T/dry"
expect_grep "(betrag)" "$T/dry"
expect_grep "raci.csv: 2 roles set, 48 unchanged" "$T/dry"
expect_grep "workshop.csv: unchanged" "$T/dry"
expect_grep "goals.csv: 3 unchanged" "$T/dry"
# the real import says the same
LANGUAGE=en expect_status 0 "$STETIG" import "$ws" --csv "$T/edited"
expect_grep "Imported" "$T/out"
tail -n +2 "$T/out" > "$T/real"
same_file "$T/dry" "$T/real"
# exactly the expected workshop
set -- $before
expect_eq "$1 $2 $3 $4 $(($5 + 1)) $(($6 + 2)) $7 $8 $9" "$(counts "$ws")" "counts after the edited import"
expect_eq "Smart-City-Team (verstetigt)" "$(q "$ws" "SELECT name FROM stakeholder WHERE id=3")" "renamed"
expect_eq "15500.5" "$(q "$ws" "SELECT amount FROM cost WHERE id=3")" "amount"
expect_eq "2027-06-30" "$(q "$ws" "SELECT funding_end FROM workshop")" "funding end"
expect_eq "0" "$(q "$ws" "SELECT count(*) FROM goal WHERE time_bound LIKE '%.%'")" "time_bound as text"
expect_eq "0" "$(q "$ws" "SELECT count(*) FROM indicator WHERE baseline_date LIKE '%.%'")" "dates"
new=$(q "$ws" "SELECT id FROM task WHERE name='Übergabe an die Stadtentwässerung'")
expect_eq "regular|operation" "$(q "$ws" "SELECT phase||'|'||category FROM task WHERE id=$new")" "new task's words"
expect_eq "4:A 3:R" "$(q "$ws" "SELECT group_concat(stakeholder||':'||role, ' ') FROM
    (SELECT * FROM raci WHERE task=$new ORDER BY role)")" "new task's roles"
expect_eq "municipal_company" "$(q "$ws" "SELECT grp FROM stakeholder WHERE id=6")" "label read as word"
# importing the edited bundle again changes nothing
cp "$ws" "$T/ws.copy"
expect_status 0 "$STETIG" import "$ws" --csv "$T/edited"
expect_grep "tasks.csv: 1 added, 17 unchanged, 1 left alone" "$T/out" # no id: new again
expect_status 0 "$STETIG" export "$ws" --csv "$T/after" --lang de
n=$(q "$ws" "SELECT count(*) FROM task WHERE name='Übergabe an die Stadtentwässerung'")
expect_eq 2 "$n" "a row without an id is new every time"
# … but the bundle exported after the edit is the workshop's own again
cp "$ws" "$T/ws.copy"
expect_status 0 "$STETIG" import "$ws" --csv "$T/after"
expect_grep "Nothing changes." "$T/out"
same_file "$ws" "$T/ws.copy"

# 3. a foreign bundle whose names overlap: matched, not doubled, and said so
other="$T/other.stetig"
expect_status 0 "$STETIG" new "$other" --template demo --lang de
before=$(counts "$other")
uid=$(q "$other" "SELECT uid FROM workshop")
LANGUAGE=en expect_status 0 "$STETIG" import "$other" --csv "$T/edited"
expect_grep "The bundle comes from another workshop" "$T/out"
expect_grep "stakeholders.csv: 1 added, 9 matched by name, 1 left alone" "$T/out"
expect_grep '  matched by name: “Bürgermeister” (no change)' "$T/out"
# the renamed one is no longer a name of this workshop: it is added
expect_grep "  added: “Smart-City-Team (verstetigt)”" "$T/out"
set -- $before
expect_eq "$(($4 + 1))" "$(q "$other" "SELECT count(*) FROM stakeholder")" "stakeholders after foreign import"
expect_eq "$(($5 + 1))" "$(q "$other" "SELECT count(*) FROM task")" "tasks after foreign import"
expect_eq "$uid" "$(q "$other" "SELECT uid FROM workshop")" "identity kept"
expect_eq "15500.5" "$(q "$other" "SELECT amount FROM cost WHERE name LIKE 'Funknetz%'")" "matched cost updated"

# 4. --replace: the content becomes the bundle's, one undo step
steps=$(q "$other" "SELECT count(*) FROM undo_step")
expect_status 0 "$STETIG" import "$other" --csv "$T/urban-data-platform-en-a" --replace
expect_grep "The content is replaced" "$T/out"
expect_eq "$(counts "$T/urban-data-platform-en.stetig")" "$(counts "$other")" "counts after --replace"
expect_eq "$((steps + 1))" "$(q "$other" "SELECT count(*) FROM undo_step")" "one undo step"
expect_status 0 "$STETIG" export "$other" --csv "$T/replaced"
same_bundles "$T/urban-data-platform-en-a" "$T/replaced"

# 5. all or nothing: an impossible date in an otherwise fine edited bundle
cp -r "$T/edited" "$T/broken"
sed 's/30\.06\.2027/31.02.2027/' "$T/edited/workshop.csv" > "$T/broken/workshop.csv"
cp "$ws" "$T/ws.copy"
LANGUAGE=en expect_status 1 "$STETIG" import "$ws" --csv "$T/broken"
expect_grep "workshop.csv, line 2, column 4 (förderende): '31.02.2027' is not a valid date" "$T/err"
same_file "$ws" "$T/ws.copy"
LANGUAGE=en expect_status 1 "$STETIG" import "$ws" --csv "$T/broken" --dry-run
same_file "$ws" "$T/ws.copy"
# a file that really has the wrong columns: said so, not about the delimiter
printf 'id\tname\tcategory\n1\tx\toperation\n' > "$T/broken/tasks.csv"
cp "$T/edited/workshop.csv" "$T/broken/workshop.csv"
LANGUAGE=en expect_status 1 "$STETIG" import "$ws" --csv "$T/broken"
expect_grep "tasks.csv, line 1, column 4: the column 'phase' is missing" "$T/err"
same_file "$ws" "$T/ws.copy"

finish
