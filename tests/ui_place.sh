#!/bin/sh
# Where the group left off (issue 17): the step, the selected item and the
# RACI view are kept in the workshop file and restored on the next start.
# Keeping them is no edit (no undo step), and the read-only commands
# (check, export) leave the file as it is.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/w.stetig"
"$STETIG" new "$f" --template demo --lang en >/dev/null 2>&1 || fail "new"
undo_before=$(sql "$f" "SELECT count(*) FROM undo_step")

# the function-key bar (its last line) offers PATTERN (an extended regular
# expression: the bar drops the blanks when it is crowded); wait_bar_not
# waits until it does not
bar_has() { screen | tail -n 1 | grep -qE -- "$1"; }
wait_bar() {
    _n=100
    while [ "$_n" -gt 0 ]; do
        if bar_has "$1"; then ok; return 0; fi
        sleep 0.05; _n=$((_n - 1))
    done
    fail "the bar never offered '$1'"; screen | tail -n 1 | sed 's/^/  | /' >&2
}
wait_bar_not() {
    _n=100
    while [ "$_n" -gt 0 ]; do
        if ! bar_has "$1"; then ok; return 0; fi
        sleep 0.05; _n=$((_n - 1))
    done
    fail "the bar kept offering '$1'"; screen | tail -n 1 | sed 's/^/  | /' >&2
}

# a fresh file opens on step 0, and a session that does not move writes
# nothing
cp "$f" "$T/fresh"
ui_start "$f"
wait_for "(F5 starts)"
expect_screen "Step 0:"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"
if cmp -s "$f" "$T/fresh"; then ok; else fail "a session that only looked changed the file"; fi

# the bar offers F3 (reading view) where an item is selected, not on the
# measure's data
ui_start "$f"
wait_for "(F5 starts)"
wait_bar "F10 ?Quit"
if bar_has "F3 ?Read"; then fail "F3 offered on the measure's data"; else ok; fi
keys 1
wait_bar "F3 ?Read"
keys 7
wait_bar "F3 ?Read"
keys 0
wait_bar_not "F3 ?Read"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"

# the handover view in step 4, then the fifth stakeholder in step 3
ui_start "$f"
wait_for "(F5 starts)"
keys 4
wait_for "Step 4:"
keys v
wait_for "[Regular operation]"
keys v
wait_for "[Handover]"
keys 3
wait_for "Step 3:"
keys Down Down Down Down
wait_for "Fire brigade and civil protection: "
keys F3
wait_for "Fire brigade and civil protection"
keys Escape
wait_gone "Reading view"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"
expect_sql "$f" "SELECT step, kind, item, raci_view FROM place" "3|stakeholder|5|2"
expect_sql "$f" "SELECT count(*) FROM undo_step" "$undo_before"

# the read-only commands do not write it
cp "$f" "$T/before"
"$STETIG" check "$f" >/dev/null 2>&1
"$STETIG" export "$f" --csv "$T/csv" --xlsx "$T/w.xlsx" >/dev/null 2>&1 || fail "export"
if cmp -s "$f" "$T/before"; then ok; else fail "check or export changed the file"; fi

# the restart: step 3, the fifth stakeholder selected, step 4 in handover
ui_start "$f"
wait_for "(F5 starts)"
expect_screen "Step 3:"
keys F3
wait_for "Fire brigade and civil protection"
keys Escape
wait_gone "Reading view"
keys 4
wait_for "[Handover]"
# the task row of the pilot view, kept while the program runs a while
keys v
wait_for "[Pilot]"
keys Down Down
sleep 1.5
got=$(sql "$f" "SELECT step, kind, raci_view FROM place")
[ "$got" = "4|task|0" ] && ok || fail "place after a pause: '$got'"
expect_sql "$f" "SELECT phase FROM task WHERE id = (SELECT item FROM place)" "pilot"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"

# German at 80 columns: F3 is there, the clock gives way first (the
# title bar shows it), the language before the step's own keys
UI_LANG=de ui_start --lang de "$f"
wait_bar "F10 ?Beenden"
wait_bar "F3 ?Lesen"
if bar_has "F5 ?Uhr"; then fail "the clock kept its place in a crowded bar"; else ok; fi
expect_screen "(F5 startet)"
keys 2
wait_bar "d ?Löschen.*F3 ?Lesen.*F10 ?Beenden"
keys q
wait_exit

# an item that is gone: the step opens with its first item
sql "$f" "UPDATE place SET step = 3, kind = 'stakeholder', item = 9999"
ui_start "$f"
wait_for "(F5 starts)"
expect_screen "Step 3:"
keys F3
wait_for "Mayor"
keys Escape
wait_gone "Reading view"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"

# a place out of range makes the file refused, like any bad value
cp "$f" "$T/bad"
sql "$T/bad" "PRAGMA ignore_check_constraints=ON; UPDATE place SET step = 42"
"$STETIG" check "$T/bad" >"$T/out" 2>&1
[ $? = 2 ] && ok || fail "a place out of range was not refused"
expect_grep "place" "$T/out"

expect_sql "$f" "SELECT count(*) FROM undo_step" "$undo_before"
expect_sql "$f" "PRAGMA integrity_check" "ok"
expect_no_stderr
finish
