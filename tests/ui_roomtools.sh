#!/bin/sh
# The tools a facilitator reaches for (issue 18): a dot vote with F7 and
# + / - on goals, tasks and check items, the lists ordered by votes, undo
# of a dot; the votes in the file, the CSV bundle and the workbook.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/tools.stetig"
"$STETIG" new "$f" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new"

# ---------------------------------------------------------------- dot vote
ui_start --lang en "$f"
wait_for "1 Goals"
keys 1
wait_for "Core datasets on the plat"
# outside a vote + changes nothing
keys +
wait_for "No dot vote runs: F7 starts one"
expect_sql "$f" "SELECT count(*) FROM goal WHERE votes IS NOT NULL" "0"
keys F7
wait_for "Dot vote running"
expect_screen "● Dot vote: 0 dots"
# the second goal gets three dots, the first one
keys Down
for n in 1 2 3; do
    keys +
    wait_for "● Dot vote: $n dot"
done
keys Up
wait_for "Dot vote"
keys +
wait_for "● Dot vote: 4 dots"
expect_screen "●3"
expect_screen "●1"
# - takes one back; u undoes the last dot
keys Down
wait_for "Dot vote"
keys -
wait_for "● Dot vote: 3 dots"
keys u
wait_for "Undone: Dot-vote goal"
wait_for "● Dot vote: 4 dots"
second=$(sql "$f" "SELECT title FROM goal ORDER BY id LIMIT 1 OFFSET 1")
expect_sql "$f" "SELECT votes FROM goal ORDER BY id LIMIT 1 OFFSET 1" "3"
expect_sql "$f" "SELECT votes FROM goal ORDER BY id LIMIT 1" "1"
# the reading view shows the dots
keys F3
wait_for "● 3"
keys Escape
wait_gone "● 3"
# o orders the goals by votes: the second goal comes first
keys o
wait_for "Goals ordered by votes"
row1=$(screen | grep -n "●3" | head -1 | cut -d: -f1)
row2=$(screen | grep -n "●1" | head -1 | cut -d: -f1)
if [ -n "$row1" ] && [ -n "$row2" ] && [ "$row1" -lt "$row2" ]; then ok; else
    fail "ordered by votes: ●3 (line $row1) should be above ●1 (line $row2)"; screen >&2; fi

# a task in the RACI grid and a check item take dots too
keys 4
wait_for "View (v):"
keys +
wait_for "● Dot vote: 5 dots"
keys +
wait_for "● Dot vote: 6 dots"
expect_screen "●2"
expect_sql "$f" "SELECT votes FROM task ORDER BY id LIMIT 1" "2"
keys 6
wait_for "Readiness"
keys Down
wait_for "▸"
keys +
wait_for "● Dot vote: 7 dots"
expect_sql "$f" "SELECT count(*) FROM check_item WHERE votes = 1" "1"
keys o
wait_for "Check list ordered by votes"
# F7 ends the vote: + is no vote any more
keys F7
wait_for "Dot vote ended: 7 dots in all"
expect_no_screen "● Dot vote"
keys q
wait_exit
expect_sql "$f" "SELECT sum(votes) FROM (SELECT votes FROM goal UNION ALL SELECT votes FROM task UNION ALL SELECT votes FROM check_item)" "7"

# ---------------------------------------------------------------- exports
"$STETIG" export "$f" --csv "$T/csv" --xlsx "$T/tools.xlsx" --lang en >/dev/null 2>&1 || fail "export"
expect_grep "votes" "$T/csv/goals.csv"
expect_grep "\"draft\",\"3\"" "$T/csv/goals.csv"
# the workbook, read by openpyxl: the summary lists the top votes, the
# goals sheet has the votes column
py=${PYTHON3:-}
if [ -n "$py" ] && "$py" -c 'import openpyxl' 2>/dev/null; then
    "$py" - "$T/tools.xlsx" "$second" > "$T/xlsx.out" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [[c for c in r if c is not None] for r in wb.worksheets[0].iter_rows(values_only=True)]
i = next(k for k, r in enumerate(rows) if r == ["Top votes of the dot vote"])
assert rows[i + 1] == ["Goal", sys.argv[2], 3], rows[i + 1]
assert rows[i + 2][0] == "Task" and rows[i + 2][2] == 2, rows[i + 2]
assert rows[i + 3] == ["Goal", "Core datasets on the platform", 1], rows[i + 3]
assert rows[i + 4][0] == "Check item" and rows[i + 4][2] == 1, rows[i + 4]
g = wb["Goals"]
head = [c.value for c in g[1]]
col = head.index("Votes")
assert sorted(r[col] or 0 for r in g.iter_rows(min_row=2, values_only=True)) == [0, 1, 3]
print("ok")
PY
    expect_grep "ok" "$T/xlsx.out"
else
    echo "openpyxl missing: workbook check skipped"
fi
"$STETIG" new "$T/back.stetig" --lang en >/dev/null 2>&1 || fail "new back"
"$STETIG" import "$T/back.stetig" --csv "$T/csv" >/dev/null 2>&1 || fail "import"
expect_sql "$T/back.stetig" "SELECT votes FROM goal WHERE title = '$second'" "3"

finish
