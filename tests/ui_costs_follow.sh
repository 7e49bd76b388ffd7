#!/bin/sh
# The costs step keeps its figures between changes (computed once per
# change, not per key): after every change that touches them the screen
# shows the new figures at once — an edited cost, a share added and
# removed, the funding rate changed in step 0, each undone and redone; a
# RACI cell changed meanwhile leaves them as they were.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/follow.stetig"
"$STETIG" new "$f" --title "Sensors" --municipality "Lohne" --lang en >/dev/null 2>&1 || fail "new"
# funded until the end of 2026 at 80 %; hosting 10,000 a year from 2026,
# half of it carried by the utility (adopted)
sql "$f" "UPDATE workshop SET funding_end = '2026-12-31', funding_rate = 80; \
    INSERT INTO stakeholder(id, name, grp) VALUES(1, 'Utility', 'municipal_company'), \
    (2, 'Treasury', 'administration'); \
    INSERT INTO cost(id, name, kind, amount, start_year) VALUES(1, 'Hosting', 'yearly', 10000, 2026); \
    INSERT INTO cost_share(cost, stakeholder, percent, status) VALUES(1, 1, 50, 'adopted'); \
    INSERT INTO task(id, name, category, phase) VALUES(1, 'Run the platform', 'operation', 'pilot')"
UI_COLS=120
UI_LINES=35
ui_start "$f"
wait_for "Sensors · Lohne"

# row LABEL TEXT — waits until the screen line of the years table (or the
# list) that starts with LABEL shows TEXT.
row() {
    _n=200
    while [ "$_n" -gt 0 ]; do
        if screen | grep -F -- "$1" | grep -qF -- "$2"; then ok; return 0; fi
        sleep 0.05
        _n=$((_n - 1))
    done
    fail "the row '$1' never showed '$2'"
    screen | sed 's/^/  | /' >&2
    return 1
}

keys 5
wait_for "Per year"
# 2026 funded (grant 80 %), from 2027 half uncovered
row "Grant" "€8,000"
row "Own share" "€2,000"
row "! Uncovered" "€5,000"
row "Utility" "€5,000"
wait_for "€5,000 is not covered in 2027"

# an edited cost: 20,000 a year
keys Enter
wait_for "Edit cost item"
keys Tab Tab
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "20000"
keys Enter
wait_for "Cost item “Hosting” saved."
expect_sql "$f" "SELECT amount FROM cost" "20000.0"
row "Grant" "€16,000"
row "! Uncovered" "€10,000"
row "Utility" "€10,000"
wait_for "€10,000 is not covered in 2027"

# a share added: the treasury carries 30 %, only promised
keys s
wait_for "New share"
typed "Tr"
wait_for "Treasury"
keys Tab BSpace BSpace BSpace BSpace BSpace BSpace
typed "30"
keys Enter
wait_for "Treasury carries 30 % of “Hosting”."
expect_sql "$f" "SELECT percent, status FROM cost_share WHERE stakeholder = 2" "30.0|promised"
row "! Uncovered" "€4,000"
row "Promised, asked" "€6,000"
row "Treasury" "€6,000"
wait_for "€4,000 is not covered in 2027"

# the share removed (d on the share the form left selected, confirmed)
keys d
wait_for "Remove Treasury from the cost item"
keys y
wait_for "Share removed"
expect_sql "$f" "SELECT count(*) FROM cost_share" "1"
row "! Uncovered" "€10,000"
expect_no_screen "Treasury"
wait_for "€10,000 is not covered in 2027"

# a RACI cell meanwhile: the figures stay as they are
keys 4
wait_for "Run the platform"
keys Space
sleep 0.3
keys 5
wait_for "Per year"
row "! Uncovered" "€10,000"
row "Grant" "€16,000"

# the funding rate changed in step 0: 50 %
keys 0
wait_for "Funding rate"
# (the fifth row of the measure's data, as in ui_part2_costs.sh)
for _k in 1 2 3 4; do
    keys Down
    sleep 0.2
done
keys Enter
wait_for "eligible costs the grant pays"
keys BSpace BSpace BSpace BSpace
typed "50"
keys Enter
wait_for "The measure's data is saved."
expect_sql "$f" "SELECT funding_rate FROM workshop" "50.0"
keys 5
wait_for "Per year"
row "Grant" "€10,000"
row "Own share" "€10,000"

# undo, step by step (each goes to the step of what it undoes): the rate,
# the RACI cell, the removed share, the added share, the amount; the costs
# step shows each at once
keys u
wait_for "Undone: Edit workshop"
expect_screen "80 %"
keys 5
wait_for "Per year"
row "Grant" "€16,000"
row "Own share" "€4,000"
keys u
wait_for "Undone: Edit responsibility"
keys u
wait_for "Undone: Edit cost share"
keys 5
row "Treasury" "€6,000"
row "! Uncovered" "€4,000"
expect_sql "$f" "SELECT count(*) FROM cost_share" "2"
keys u
keys 5
row "! Uncovered" "€10,000"
expect_no_screen "Treasury"
keys u
wait_for "Undone: Edit cost “Hosting”"
keys 5
row "! Uncovered" "€5,000"
row "Grant" "€8,000"
expect_sql "$f" "SELECT amount FROM cost" "10000.0"
# and redo: the amount again
keys C-r
wait_for "Redone: Edit cost “Hosting”"
keys 5
row "! Uncovered" "€10,000"
row "Grant" "€16,000"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_sql "$f" "PRAGMA integrity_check" "ok"

# years out of view are marked at the table's edge: the demo's years at
# 100 columns start after 2024 (◂), at 160 columns all are shown
d="$T/demo.stetig"
"$STETIG" new "$d" --template demo --lang de >/dev/null 2>&1 || fail "new demo"
for size in 100:yes 160:no; do
	UI_COLS=${size%:*} UI_LINES=30 UI_LANG=de
	ui_start --lang de "$d"
	wait_for "Beenden"
	keys 5
	row "Je Jahr" "2027"
	yr=$(screen | grep -F "Je Jahr")
	case "$size:$yr" in
	*:yes:*◂20*) ok ;;
	*:no:*◂*) fail "all years fit, yet one is marked as out of view: $yr" ;;
	*:no:*2024*) ok ;;
	*) fail "years at ${size%:*} columns: $yr" ;;
	esac
	keys q
	wait_exit
done
expect_no_stderr
finish
