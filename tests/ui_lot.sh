#!/bin/sh
# The parking lot as a panel (issue 18 item 2): F4 opens it beside any
# step at 130 columns; an agreement, an action item with owner and due date
# and a parked question are added from three steps with the panel open,
# one is edited, one deleted and undone; Esc closes it. At 80×24 the panel
# takes the step's place and says so; at 10×5 the "too small" note, and
# back. F4 is in the function-key bar of every step.
UI_COLS=130
UI_LINES=30
. "$top_srcdir/tests/ui_lib.sh"

STETIG_TODAY=2026-03-01
f="$T/lot.stetig"
"$STETIG" new "$f" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new"
before=$(sql "$f" "SELECT count(*) FROM note")
agreed=$(sql "$f" "SELECT count(*) FROM note WHERE kind = 'decision'")
todo=$(sql "$f" "SELECT count(*) FROM note WHERE kind = 'action'")
parked=$(sql "$f" "SELECT count(*) FROM note WHERE kind = 'parking'")

ui_start --lang en "$f"
wait_for "1 Goals"
# ---------------------------------------------------------------- step 1
keys 1
wait_for "Core datasets on the plat"
keys F4
wait_for "Parking lot (F4)"
expect_screen "✓ $agreed agreed · → $todo to do · ? $parked parked"
# beside the step: the goals are still on the screen, a line between
expect_screen "Core datasets on the plat"
expect_screen "│ Parking lot (F4)"
keys n
wait_for "New note"
typed "The IT service runs the open data portal"
keys Enter
wait_for "✓ $((agreed + 1)) agreed"
expect_screen "✓ The IT service runs the open data"
expect_screen "Core datasets on the plat"
# ---------------------------------------------------------------- step 4
# the digits still go to a step; the panel stays open
keys 4
wait_for "View (v):"
expect_screen "Parking lot (F4)"
keys n
wait_for "New note"
typed "Ask the treasury for the 2028 budget line"
keys Tab
keys Space
wait_for "Action item"
keys Tab
keys Space
keys Tab
typed "30.06.2026"
keys Enter
wait_for "→ $((todo + 1)) to do"
expect_screen "→ Ask the treasury for the"
expect_screen "Mayor · 2026-06-30"
expect_screen "View (v):"
# the bar offers the panel's keys, not the grid's
bar=$(screen | tail -n 1)
case "$bar" in *"F4 Notes"*"n New"*"Enter Edit"*"d Delete"*) ok ;; *) fail "panel bar: $bar" ;; esac
case "$bar" in *Cycle*|*"v View"*) fail "the grid's keys in the panel's bar: $bar" ;; *) ok ;; esac
# ---------------------------------------------------------------- step 7
keys 7
wait_for "Readiness"
keys n
wait_for "New note"
typed "Can the district share the hosting?"
keys Tab
keys Space Space
wait_for "Parked question"
keys Enter
wait_for "? $((parked + 1)) parked"
expect_screen "? Can the district share the hosting?"
expect_screen "Readiness"
expect_sql "$f" "SELECT count(*) FROM note" "$((before + 3))"
expect_sql "$f" "SELECT kind FROM note WHERE text = 'The IT service runs the open data portal'" "decision"
expect_sql "$f" "SELECT kind, owner IS NOT NULL, due FROM note WHERE text = 'Ask the treasury for the 2028 budget line'" "action|1|2026-06-30"
expect_sql "$f" "SELECT kind FROM note WHERE text = 'Can the district share the hosting?'" "parking"

# ---------------------------------------------------------------- edit, delete
# the new question is selected: Enter edits it from the check step
keys Enter
wait_for "Edit note"
keys End
typed " (Kreis)"
keys Enter
wait_for "Note saved."
expect_sql "$f" "SELECT count(*) FROM note WHERE text = 'Can the district share the hosting? (Kreis)'" "1"
keys d
wait_for "Delete the note"
keys y
wait_for "Note deleted"
expect_sql "$f" "SELECT count(*) FROM note" "$((before + 2))"
wait_for "? $parked parked"
keys u
wait_for "Undone"
expect_sql "$f" "SELECT count(*) FROM note" "$((before + 3))"
wait_for "? $((parked + 1)) parked"
# the panel shows the note back where the group is: undo stays on the
# check step
expect_screen "Readiness"
expect_screen "Parking lot (F4)"
# a key the panel does not take says who has the keys
keys Space
wait_for "The parking lot has the keys"
expect_sql "$f" "SELECT count(*) FROM check_item WHERE status <> 'open'" "0"
# Esc closes it; the step has its keys and its whole width again
keys Escape
wait_gone "Parking lot (F4)"
expect_no_screen "│"

# ---------------------------------------------------------------- narrow
tm resize-window -t ui -x 80 -y 24
wait_for "7 Check"
keys F4
wait_for "The parking lot takes the step's place"
expect_screen "Parking lot (F4)"
expect_screen "? Can the district share the hosting? (Kreis)"
expect_no_screen "Readiness"
tm resize-window -t ui -x 10 -y 5
wait_for "small"
tm resize-window -t ui -x 80 -y 24
wait_for "Parking lot (F4)"
keys F4
wait_for "Parking lot closed"
wait_for "Readiness"

# ---------------------------------------------------------------- every bar
for s in 0 1 2 3 4 5 6 7 8 9; do
    keys "$s"
    sleep 0.1
    wait_for "F4 Notes"
done
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "exit status $ui_status"

# German labels are longer: where the bar at 80×24 is too crowded, F4
# gives way after the clock, and the status line names it instead
UI_COLS=80 UI_LINES=24
ui_start --lang de "$f"
wait_for "1 Zi"
for s in 0 1 2 3 4 5 6 7 8 9; do
    keys "$s"
    wait_for "Schritt $s:"
    bar=$(screen | tail -n 1)
    status=$(screen | tail -n 2 | head -n 1)
    case "$bar" in
        *F4*Notizen*) ok ;;
        *) case "$status" in *"F4 Notizen: "*) ok ;; *) fail "step $s: F4 neither in the bar nor in the status line: $bar / $status" ;; esac ;;
    esac
done
keys F4
wait_for "Themenspeicher (F4)"
expect_screen "Der Themenspeicher steht an der Stelle des Schritts"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "exit status $ui_status"
expect_no_stderr
finish
