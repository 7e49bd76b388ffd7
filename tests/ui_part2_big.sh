#!/bin/sh
# A responsibility matrix of realistic size (a bench/gen_large.py bundle at
# half size: 250 stakeholders, 150 tasks) scrolled in every direction: the
# frozen header row and task column stay on screen, the legend names the
# stakeholder under the cursor; then the same after resizing the window.
. "$top_srcdir/tests/ui_lib.sh"

if [ -z "${PYTHON3:-}" ] || ! "$PYTHON3" -c 'import csv' >/dev/null 2>&1; then
    echo "python3 not found: skipping the large matrix test"
    exit 77
fi

f="$T/gross.stetig"
"$PYTHON3" "$top_srcdir/bench/gen_large.py" "$T/bundle" --lang en --scale 2 >/dev/null ||
    fail "gen_large.py"
"$STETIG" new "$f" --lang en >/dev/null 2>&1 || fail "new"
"$STETIG" import "$f" --csv "$T/bundle" >/dev/null 2>&1 || fail "import"

# what the corners of the pilot matrix hold
npilot=$(sql "$f" "SELECT count(*) FROM task WHERE phase = 'pilot'")
nsh=$(sql "$f" "SELECT count(*) FROM stakeholder")
first_task=$(sql "$f" "SELECT substr(name, 1, 12) FROM task WHERE phase = 'pilot' ORDER BY id LIMIT 1")
last_task=$(sql "$f" "SELECT substr(name, 1, 12) FROM task WHERE phase = 'pilot' ORDER BY id DESC LIMIT 1")
first_sh=$(sql "$f" "SELECT name FROM stakeholder ORDER BY id LIMIT 1")
last_sh=$(sql "$f" "SELECT name FROM stakeholder ORDER BY id DESC LIMIT 1")
[ "$nsh" -ge 200 ] && [ "$npilot" -ge 50 ] && ok || fail "bundle too small: $nsh × $npilot"

ui_start --lang en "$f"
wait_for "F10"
keys 4
wait_for "Task 1/$npilot"
expect_screen "1/$nsh ▸ $first_sh"
expect_screen "$first_task"

# End: the last stakeholder's column, header and task column still there
keys End
wait_for "$nsh/$nsh ▸ $last_sh"
expect_screen "Task 1/$npilot"
expect_screen "$first_task"
# End again: the last task
keys End
wait_for "Task $npilot/$npilot"
expect_screen "$last_task"
expect_screen "$nsh/$nsh ▸ $last_sh"
expect_screen "View (v): [Pilot]"
# PgUp a few times, then left to the task column and back home
keys PgUp PgUp
wait_gone "Task $npilot/$npilot"
keys Home
wait_for "1/$nsh ▸ $first_sh"
keys Home
wait_for "Task 1/$npilot"
expect_screen "$first_task"
keys PgDn PgDn PgDn
wait_gone "Task 1/$npilot"
keys Left
wait_for "Enter edits the task, d deletes it"
keys Right Right Right
wait_for "3/$nsh ▸"
# a cell set deep in the matrix is saved in the file
keys End End
wait_for "Task $npilot/$npilot"
typed "i"
wait_for "(informed)."
expect_sql "$f" "SELECT r.role FROM raci r WHERE r.task = (SELECT id FROM task WHERE phase = 'pilot' ORDER BY id DESC LIMIT 1) AND r.stakeholder = (SELECT max(id) FROM stakeholder)" "I"

# the grid after a resize: bigger, then back to 80×24, cursor kept
tm resize-window -t ui -x 120 -y 35
wait_for "Task $npilot/$npilot"
expect_screen "$nsh/$nsh ▸ $last_sh"
expect_screen "$last_task"
expect_screen "View (v): [Pilot]"
tm resize-window -t ui -x 80 -y 24
wait_for "F10"
expect_screen "Task $npilot/$npilot"
expect_screen "$last_task"
# too small, then back
tm resize-window -t ui -x 40 -y 10
wait_for "Window too small"
tm resize-window -t ui -x 80 -y 24
wait_for "Task $npilot/$npilot"

# the regular-operation view and the handover view of the big workshop
keys v
wait_for "View (v):  Pilot  [Regular operation]"
keys v
wait_for "[Handover]"
expect_screen "Operation"
expect_screen "Impact capture"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_no_stderr
finish
