#!/bin/sh
# Steps 3 and 4 end to end: stakeholders with umlauts added, edited, placed
# on the power/interest grid with the arrows and deleted; tasks added, RACI
# cells set with Space and letters, the views switched, an open handover
# shown; German/English switched live. Every edit is checked in the file.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/runde.stetig"
"$STETIG" new "$f" --title "Sensorik" --municipality "Öhringen" --lang en >/dev/null 2>&1 || fail "new"
ui_start --lang en "$f"
wait_for "Sensorik · Öhringen"

# ---------------------------------------------------------------- step 3
keys 3
wait_for "No stakeholders yet: press n"
keys n
wait_for "New stakeholder"
typed "Jürgen Müller"
keys Tab
typed "Bauamt Süd"
keys Tab Tab BSpace
typed "5"
keys Tab BSpace
typed "4"
keys Tab Tab Space
wait_for "2/2"
keys Enter
wait_for "Stakeholder “Jürgen Müller” added."
expect_sql "$f" "SELECT name, organisation, influence, interest, key_person, temporary FROM stakeholder" \
    "Jürgen Müller|Bauamt Süd|5|4|1|0"

keys Insert
wait_for "New stakeholder"
typed "Smart-City-Team Öhringen"
keys Tab Tab Tab Tab Tab Tab Tab Space
keys Enter
wait_for "Stakeholder “Smart-City-Team Öhringen” added."
expect_sql "$f" "SELECT influence, interest, temporary FROM stakeholder WHERE name LIKE 'Smart%'" "3|3|1"
expect_screen "Jürgen Müller"

# the communication plan is edited from here
keys Enter
wait_for "Edit stakeholder: Smart-City-Team Öhringen"
keys Tab Tab Tab Tab Tab Tab Tab Tab
typed "Übergabe rechtzeitig planen"
keys Tab
typed "Lenkungskreis"
keys Tab
typed "monatlich"
keys Enter
wait_for "Stakeholder “Smart-City-Team Öhringen” saved."
expect_sql "$f" "SELECT message, channel, cadence FROM stakeholder WHERE temporary = 1" \
    "Übergabe rechtzeitig planen|Lenkungskreis|monatlich"

# the grid: the arrows move the selected stakeholder, each move is saved
keys g
wait_for "Manage closely (1)"
expect_screen "Keep satisfied (0)"
expect_screen "Monitor (1)"
expect_screen "Keep informed (0)"
expect_screen "★Jürgen Müll"
expect_screen "▸⧗Smart-City"
keys Up Up
wait_for "influence 5, interest 3 → Keep satisfied."
keys Right
wait_for "influence 5, interest 4 → Manage closely."
expect_sql "$f" "SELECT influence, interest FROM stakeholder WHERE temporary = 1" "5|4"
expect_screen "Manage closely (2)"
expect_screen "In this cell: ★Jürgen Müller, ⧗Smart-City-Team Öhringen"
keys Up
wait_for "That is the edge of the grid"
# Space picks the next one in the cell, the arrows then move that one
keys Space
wait_for "Arrows move “Jürgen Müller”"
keys Down Down
wait_for "influence 3, interest 4 → Keep informed."
expect_sql "$f" "SELECT influence FROM stakeholder WHERE name = 'Jürgen Müller'" "3"
keys u
wait_for "Undone: Edit stakeholder “Jürgen Müller”."
expect_sql "$f" "SELECT influence FROM stakeholder WHERE name = 'Jürgen Müller'" "4"
keys PgDn
wait_for "Arrows move “Smart-City-Team Öhringen”"
keys F6
wait_for "Eng einbinden (2)"
expect_screen "Einfluss-Interesse-Raster"
keys F6
wait_for "Manage closely (2)"
keys g
wait_for "Infl."
expect_screen "Smart-City-Team Öhringen"

# ---------------------------------------------------------------- step 4
keys 4
wait_for "No tasks yet: press n"
keys n
wait_for "New task"
# the form starts on the category, with none chosen, and will not save without one
wait_for "not chosen"
keys Up
typed "Sensoren warten"
keys Enter
wait_for "Choose one: Space, or type its first letter."
expect_sql "$f" "SELECT count(*) FROM task" "0"
typed "o"
wait_for "Operation"
keys Enter
wait_for "Task “Sensoren warten” added: now set its roles."
expect_screen "Task 1/1"
# the matrix shows each task's category in a short column
if screen | grep -q "Sensoren warten *Oper "; then ok; else fail "no category beside the task"; screen >&2; fi
# Space cycles the first stakeholder's cell to R, a letter sets the next
keys Space
wait_for "Sensoren warten → Jürgen Müller: R (responsible)."
keys Right
typed "a"
wait_for "Sensoren warten → Smart-City-Team Öhringen: A (accountable)."
expect_sql "$f" "SELECT s.name || '=' || r.role FROM raci r JOIN stakeholder s ON s.id = r.stakeholder ORDER BY s.id" \
    "Jürgen Müller=R
Smart-City-Team Öhringen=A"
keys Space
wait_for "Smart-City-Team Öhringen: C (consulted)."
expect_screen "[C]"
# no A now: the row is marked, the problem named in words
wait_for "!A"
expect_screen "! no A"
keys Space
wait_for "Smart-City-Team Öhringen: I (informed)."
keys Space
wait_for "Smart-City-Team Öhringen: no role."
expect_sql "$f" "SELECT count(*) FROM raci" "1"
typed "A"
wait_for "Smart-City-Team Öhringen: A (accountable)."
keys BSpace
wait_for "Smart-City-Team Öhringen: no role."
typed "a"
wait_for "(accountable)"
# "-" empties the cell too (on the agenda the same key means five minutes less)
typed "-"
wait_for "Smart-City-Team Öhringen: no role."
typed "a"
wait_for "(accountable)"

# regular operation: the temporary team keeps the A, nobody is R
keys v
wait_for "[Regular operation]"
wait_for "No regular-operation tasks yet: press n"
keys n
wait_for "New task"
typed "o"
wait_for "Operation"
keys Up
typed "Sensornetz betreiben"
keys Tab Tab
wait_for "Regular operation"
keys Enter
wait_for "Task “Sensornetz betreiben” added"
expect_sql "$f" "SELECT category, phase FROM task WHERE name = 'Sensornetz betreiben'" "operation|regular"
keys Right
typed "a"
wait_for "Sensornetz betreiben → Smart-City-Team Öhringen: A (accountable)."
wait_for "!RT"
expect_screen "! no R · A or R with a temporary stakeholder"

# the handover view: operation is open, maintenance has no task at all
keys v
wait_for "[Handover]"
expect_screen "Operation       ⧗Smart-City"
expect_screen "Jürgen Müll"
expect_screen "! open"
expect_screen "– no task –"
expect_screen "A or R in regular operation lies with a temporary stakeholder"
keys Down
wait_for "No regular-operation task: who does this after the funding?"
# n adds the missing regular-operation task of that category
keys n
wait_for "New task"
typed "Wartungsvertrag führen"
keys Enter
wait_for "Task “Wartungsvertrag führen” added"
expect_sql "$f" "SELECT category, phase FROM task WHERE name = 'Wartungsvertrag führen'" "maintenance|regular"
# the new task is shown where its roles are set; v goes on to the handover
expect_screen "[Regular operation]"
keys v
wait_for "[Handover]"

# German and back, live
keys F6
wait_for "Ansicht (v)"
expect_screen "[Übergabe]"
expect_screen "! offen"
expect_screen "Betrieb"
keys v
wait_for "[Pilot]"
expect_screen "Aufgabe 1/1"
expect_screen "Durchführung"
keys F6
wait_for "View (v)"

# ---------------------------------------------------------------- delete
keys 3
wait_for "Smart-City-Team Öhringen"
keys Down
keys d
wait_for "Delete stakeholder “Smart-City-Team Öhringen”? This also deletes: 2 RAC… (y/n)"
keys n
wait_for "Cancelled; nothing was changed."
keys Delete
wait_for "(y/n)"
keys y
wait_for "Stakeholder “Smart-City-Team Öhringen” deleted (u undoes it)."
expect_sql "$f" "SELECT count(*) FROM stakeholder" "1"
expect_sql "$f" "SELECT count(*) FROM raci" "1"
keys u
wait_for "Undone: Delete stakeholder"
expect_sql "$f" "SELECT count(*) FROM raci" "3"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_sql "$f" "PRAGMA integrity_check" "ok"
expect_no_stderr
finish
