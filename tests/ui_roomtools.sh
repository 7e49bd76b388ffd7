#!/bin/sh
# The tools a facilitator reaches for (issue 18): a dot vote with F7 and
# + / - on goals, tasks and check items, the lists ordered by votes, undo
# of a dot; the votes in the file, the CSV bundle and the workbook. The
# parking lot in the status line of every step. The RACI grid of a 30-actor
# Arbeitskreis at 80x24: hidden columns counted, the A holder named after
# End, the filter, the matrix per actor, wide heads, copying the pilot, the
# handover that is settled only with an A and an R, n there.
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
# F7 asks how many people vote and how many dots each has (3 to start
# with); five people with two dots each make ten dots
keys F7
wait_for "Dots per person"
expect_screen "Start a dot vote"
keys BSpace
typed "2"
keys Up
wait_for "People voting"
keys BSpace BSpace BSpace
typed "5"
keys Enter
wait_for "Dot vote running"
expect_screen "● Dot vote: 0 of 10 dots (5 × 2)"
expect_sql "$f" "SELECT vote_voters, vote_dots FROM workshop" "5|2"
# the second goal gets three dots, the first one
keys Down
for n in 1 2 3; do
    keys +
    wait_for "● Dot vote: $n of 10 dots"
done
keys Up
wait_for "Dot vote"
keys +
wait_for "● Dot vote: 4 of 10 dots"
expect_screen "●3"
expect_screen "●1"
# - takes one back; u undoes the last dot
keys Down
wait_for "Dot vote"
keys -
wait_for "● Dot vote: 3 of 10 dots"
keys u
wait_for "Undone: Dot-vote goal"
wait_for "● Dot vote: 4 of 10 dots"
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
keys Down
wait_for "Task 2/8"
keys +
wait_for "● Dot vote: 5 of 10 dots"
keys +
wait_for "● Dot vote: 6 of 10 dots"
expect_screen "●2"
expect_sql "$f" "SELECT votes FROM task ORDER BY id LIMIT 1 OFFSET 1" "2"
# o: the task with the dots comes first
task2=$(sql "$f" "SELECT name FROM task ORDER BY id LIMIT 1 OFFSET 1" | cut -c1-15)
keys o
wait_for "Tasks ordered by votes"
first=$(screen | grep -A1 "Task [0-9]/8" | tail -1)
case "$first" in *"$task2"*"●2"*) ok ;; *) fail "first row after o: $first" ;; esac
keys 7
wait_for "Readiness"
keys Down
wait_for "▸"
keys +
wait_for "● Dot vote: 7 of 10 dots"
expect_sql "$f" "SELECT count(*) FROM check_item WHERE votes = 1" "1"
keys o
wait_for "Check list ordered by votes"
# a finding takes dots too (kept by its rule and item)
keys 8
wait_for "What is missing"
# the third finding, so that the check below sees it move up
keys Down Down
keys +
wait_for "● Dot vote: 8 of 10 dots"
keys +
wait_for "● Dot vote: 9 of 10 dots"
expect_sql "$f" "SELECT sum(votes) FROM finding_vote" "2"
keys o
wait_for "Findings ordered by votes"
# F7 ends the vote: + is no vote any more
keys F7
wait_for "Dot vote ended: 9 of 10 dots (5 × 2)"
expect_no_screen "● Dot vote"
keys q
wait_exit
expect_sql "$f" "SELECT sum(votes) FROM (SELECT votes FROM goal UNION ALL SELECT votes FROM task UNION ALL SELECT votes FROM check_item UNION ALL SELECT votes FROM finding_vote)" "9"

# stetig check says that it orders by the dot vote and puts the finding
# with the dots first under its step, its dots named
"$STETIG" check "$f" --lang en > "$T/check.txt" 2>&1
expect_grep "Ordered by the group's dot vote within each step: most dots first." "$T/check.txt"
expect_grep " (2 dots)" "$T/check.txt"
awk '/ \(2 dots\)$/ { print prev; exit } { prev = $0 }' "$T/check.txt" > "$T/above.txt"
if grep -q '^  ' "$T/above.txt"; then
    fail "the finding with the dots is not first under its step: $(cat "$T/above.txt")"
else ok; fi
# the vote changes nothing in the tsv (scripts read its order and fields)
"$STETIG" check "$f" --lang en --format tsv > "$T/check.tsv" 2>&1
expect_no_grep "dots" "$T/check.tsv"

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
# the page shows the three with the most dots and says how many there are
i = next(k for k, r in enumerate(rows) if r == ["Top votes of the dot vote (3 of 5)"])
assert rows[i + 1] == ["Goal", sys.argv[2], 3], rows[i + 1]
assert rows[i + 2][0] == "Task" and rows[i + 2][2] == 2, rows[i + 2]
assert rows[i + 3][0] == "Finding" and rows[i + 3][2] == 2, rows[i + 3]
assert rows[i + 4][0] != "Goal", rows[i + 4]
fs = wb["Findings"]
assert [c.value for c in fs[1]][-1] == "Votes"
assert sorted(r[-1] for r in fs.iter_rows(min_row=2, values_only=True) if r[-1]) == [2]
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

# ---------------------------------------------------------------- parking lot
g="$T/lot.stetig"
"$STETIG" new "$g" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new lot"
ui_start --lang en "$g"
wait_for "F4 Notes: 1 agreed · 1 to do · 1 parked"
for step in 1 4 6; do
    keys $step
    wait_for "F4 Notes: 1 agreed · 1 to do · 1 parked"
done
# F4 from step 6: a parked question, then it is the latest on every step
keys F4
wait_for "Parking lot (F4)"
keys n
wait_for "New note"
typed "Who pays the licence from 2028?"
keys Tab
typed "p"
wait_for "Parked question"
keys Enter
wait_for "Note added"
keys F4
wait_for "Parking lot closed"
keys 1
wait_for "F4 Notes: 1 agreed · 1 to do · 2 parked — ? Who pays the licence"
keys 4
wait_for "F4 Notes: 1 agreed · 1 to do · 2 parked — ? Who pays the licence"
keys q
wait_exit
expect_sql "$g" "SELECT kind FROM note WHERE text LIKE 'Who pays%'" "parking"

# ---------------------------------------------------------------- RACI, 30 actors
h="$T/big.stetig"
"$STETIG" new "$h" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new big"
sql "$h" "WITH RECURSIVE n(i) AS (SELECT 14 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
          INSERT INTO stakeholder(name, organisation, grp, key_person, temporary)
          SELECT 'Member ' || i || ' of the working group', 'Office ' || i,
                 'administration', i = 20, i = 21 FROM n"
expect_sql "$h" "SELECT count(*) FROM stakeholder" "30"
ui_start --lang en "$h"
wait_for "1 Goals"
keys 4
wait_for "View (v)"
# 9 columns fit at 80x24: 21 hidden on the right
expect_screen "21▸"
expect_screen "1/30 ▸ Mayor (Politics"
keys Right
wait_for "2/30 ▸ Chief Digital Officer"
keys End
wait_for "30/30 ▸ Member 30 of the working group"
expect_screen "◂21"
expect_no_screen "21▸"
# the row's accountable stays named though its column is scrolled off
expect_screen "A: Chief Digital Officer · R: ⧗Smart City team (funded)"
keys Home
wait_for "1/30 ▸ Mayor"
# filters: with a role, key persons, posts ending with the funding, all
keys f
wait_for "f: with a role 8/30"
keys f
wait_for "f: ★ key persons 3/30"
expect_screen "3 stakeholders shown of 30."
keys f
wait_for "f: ⧗ temporary posts 2/30"
# then one group at a time, the groups without a stakeholder left out:
# 25 in the administration, 2 in politics, 1 municipal company, 1
# citizen, 1 inter-municipal
keys f
wait_for "f: Administration 25/30"
expect_screen "Group Administration: 25 stakeholders shown of 30; f shows the next group."
expect_screen "/25 ▸ "
expect_screen "(Administration"
expect_no_screen "Mayo"
keys End
wait_for "25/25 ▸ Member 30 of the working group (Administration"
expect_screen "◂16"
keys f
wait_for "f: Politics 2/30"
expect_screen "▸ Committee for digitalisation (Politics"
expect_screen "Mayo Comm"
expect_no_screen "Member 30"
keys f
wait_for "f: Municipal company 1/30"
keys f
wait_for "f: Citizens 1/30"
keys f
wait_for "f: Inter-municipal 1/30"
keys f
wait_for "Filter (f): all"
keys Home
wait_for "1/30 ▸ Mayor"
expect_screen "21▸"
# wide columns: names on two lines
keys w
wait_for "Wide columns"
expect_screen "Chief"
expect_screen "Digital…"
keys w
wait_for "Narrow columns"
# per actor: their tasks and roles
keys t
wait_for "Tasks and roles"
keys Down
wait_for "▸ Chief Digital Officer (Administration"
expect_screen "A Tender and set up the platform"
keys Space
wait_for "Roles are set in the matrix"
keys Enter
wait_for "2/30 ▸ Chief Digital Officer"
# copying the pilot: one question, one undo step
pilot=$(sql "$h" "SELECT count(*) FROM task WHERE phase = 'pilot'")
regular=$(sql "$h" "SELECT count(*) FROM task WHERE phase = 'regular'")
cells=$(sql "$h" "SELECT count(*) FROM raci")
pcells=$(sql "$h" "SELECT count(*) FROM raci JOIN task ON task.id = raci.task WHERE phase = 'pilot'")
keys p
wait_for "Copy $pilot pilot tasks with their roles into regular operation? (y/n)"
keys y
wait_for "$pilot pilot tasks copied into regular operation"
expect_screen "[Regular operation]"
expect_sql "$h" "SELECT count(*) FROM task WHERE phase = 'regular'" "$((regular + pilot))"
expect_sql "$h" "SELECT count(*) FROM raci" "$((cells + pcells))"
keys p
wait_for "Every pilot task is in regular operation already"
keys u
wait_for "Undone: Copy pilot tasks"
expect_sql "$h" "SELECT count(*) FROM task WHERE phase = 'regular'" "$regular"
expect_sql "$h" "SELECT count(*) FROM raci" "$cells"
# the handover: a regular task with an A but no R is not settled
keys v
wait_for "[Handover]"
expect_screen "Maintenance     – no task –"
keys n
wait_for "New task"
typed "Answer the help desk"
keys Enter
wait_for "Task “Answer the help desk” added: now set its roles."
# n went to where the roles are set: the regular grid, on the new task
expect_screen "[Regular operation]"
keys a
wait_for "Answer the help desk → Mayor: A"
keys v
wait_for "[Handover]"
expect_screen "A regular-operation task has nobody responsible (R)."
keys v
wait_for "[Pilot]"
keys v
wait_for "[Regular operation]"
keys Right
wait_for "2/30 ▸ Chief Digital Officer"
keys r
wait_for "Answer the help desk → Chief Digital Officer: R"
keys v
wait_for "[Handover]"
expect_no_screen "nobody responsible (R)"
keys q
wait_exit
expect_sql "$h" "SELECT count(*) FROM raci JOIN task ON task.id = raci.task WHERE task.name = 'Answer the help desk'" "2"

finish
