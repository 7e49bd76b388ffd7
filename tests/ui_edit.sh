#!/bin/sh
# The screen end to end: add, edit, undo, redo and delete strategy goals,
# goals and indicators with umlauts, and find every edit in the file.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/arbeitskreis.stetig"
ui_start "$f"
wait_for "Start with the measure"
expect_screen "0 Workshop"
expect_screen "F10 Quit"

# the measure's data: Enter on the selected title opens the form there
keys Enter
wait_for "The measure's name as the council knows it."
typed "Sensorik in Gewässern"
keys Tab
typed "Musterstadt"
keys Tab Tab
typed "31.12.2026"
wait_for "31.12.2026"
keys Enter
wait_for "The measure's data is saved."
expect_screen "Sensorik in Gewässern · Musterstadt"
expect_screen "2026-12-31"
expect_sql "$f" "SELECT title, municipality, funding_end FROM workshop" \
    "Sensorik in Gewässern|Musterstadt|2026-12-31"

# a strategy goal
keys n
wait_for "New strategy goal"
typed "Bürgernahe Verwaltung"
keys Enter
wait_for "Strategy goal “Bürgernahe Verwaltung” added."

# a goal with umlauts, linked to the strategy goal
keys 1
wait_for "No goals yet"
keys n
wait_for "New goal"
typed "Bürger beteiligen"
keys Tab
typed "Mehr Rückmeldungen aus den Quartieren"
keys Tab
typed "Anzahl Meldungen"
keys Tab Tab Tab
wait_for "– none –"
keys Space
wait_for "2/2"
keys Tab
typed "31.12.2027"
wait_for "31.12.2027"
keys Enter
wait_for "Goal “Bürger beteiligen” added."
# R stands for the relevant part itself, as in the findings
expect_screen "S M · · T Bürger beteiligen"
expect_sql "$f" "SELECT g.title, g.specific, g.time_bound, s.title FROM goal g JOIN strategy_goal s ON s.id = g.strategy_goal" \
    "Bürger beteiligen|Mehr Rückmeldungen aus den Quartieren|2027-12-31|Bürgernahe Verwaltung"

# edit: the cursor starts at the end of the title
keys Enter
wait_for "Edit goal: Bürger beteiligen"
typed " und informieren"
keys Tab Tab Tab
typed "Zwei Stellen im Fachamt"
keys Enter
wait_for "Goal “Bürger beteiligen und informieren” saved."
expect_screen "S M A · T Bürger beteiligen und informi"
expect_sql "$f" "SELECT title, achievable FROM goal" "Bürger beteiligen und informieren|Zwei Stellen im Fachamt"

# undo and redo that edit
keys u
wait_for "Undone: Edit goal “Bürger beteiligen und informieren”."
expect_sql "$f" "SELECT title, achievable FROM goal" "Bürger beteiligen|"
keys C-r
wait_for "Redone: Edit goal"
expect_sql "$f" "SELECT title FROM goal" "Bürger beteiligen und informieren"

# indicators: decimal comma, German date, stored as number and ISO date
keys 2
wait_for "Goal: Bürger beteiligen und informieren"
keys n
wait_for "New indicator"
typed "Meldungen pro Monat (Ø)"
keys Tab Tab
typed "Anzahl"
keys Tab Tab
typed "12.5"
keys Tab
typed "15.01.2024"
keys Tab
typed "40"
keys Enter
wait_for "Indicator “Meldungen pro Monat (Ø)” added."
expect_screen "↑ 12.5 → – → 40"
expect_sql "$f" "SELECT name, unit, direction, baseline, baseline_date, target FROM indicator" \
    "Meldungen pro Monat (Ø)|Anzahl|higher|12.5|2024-01-15|40.0"

# a second one, lower is better, without a baseline: marked in words
keys n
wait_for "New indicator"
typed "Bearbeitungsdauer in Tagen"
keys Tab Tab Tab
keys Space
wait_for "Lower is better"
keys Enter
wait_for "Indicator “Bearbeitungsdauer in Tagen” added."
expect_screen "↓ no baseline → – → –"
wait_for "1 indicator lacks a baseline"

# a wrong number stays in the form with a message under the field
keys Enter
wait_for "Edit indicator: Bearbeitungsdauer in Tagen"
keys Tab Tab Tab Tab
typed "zwölf"
keys Enter
wait_for "Not a number"
expect_screen "Edit indicator"
keys Escape
wait_for "Discard the changes in this form? (y/n)"
keys y
wait_for "Closed without saving."
expect_sql "$f" "SELECT count(*) FROM indicator WHERE baseline IS NULL" "1"

# deleting the goal names what goes with it; n keeps it, y deletes
keys 1
wait_for "S M A · T Bürger beteiligen und informi"
keys d
wait_for "Delete goal “Bürger beteiligen und informieren” and its 2 indicators? (y/n)"
keys n
wait_for "Cancelled; nothing was changed."
expect_sql "$f" "SELECT count(*) FROM goal" "1"
keys Delete
wait_for "(y/n)"
keys y
wait_for "Goal “Bürger beteiligen und informieren” deleted (u undoes it)."
expect_sql "$f" "SELECT count(*) FROM goal" "0"
expect_sql "$f" "SELECT count(*) FROM indicator" "0"
keys u
wait_for "Undone: Delete goal “Bürger beteiligen und informieren”."
expect_sql "$f" "SELECT count(*) FROM indicator" "2"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_tty_sane

# the history lives in the file: undo goes on after a restart
ui_start "$f"
wait_for "Sensorik in Gewässern"
keys u
wait_for "Undone: Add indicator “Bearbeitungsdauer in Tagen”."
expect_sql "$f" "SELECT count(*) FROM indicator" "1"
keys F10
wait_exit
[ "$ui_status" = 0 ] && ok || fail "F10: exit status $ui_status"
expect_sql "$f" "PRAGMA integrity_check" "ok"

# text is cut by display columns: wide characters whole, invalid bytes
# shown as U+FFFD, combining marks on their letter
sql "$f" "INSERT INTO goal(title) VALUES('日本語のテキストがとても長いタイトルです漢字漢字'), \
    (CAST(X'4772F6DF65' AS TEXT)), ('e' || char(769) || 'te mit Akzent')"
ui_start "$f"
wait_for "Sensorik in Gewässern"
keys 1
wait_for "日本語のテキストがとても長い…  – none –"
expect_screen "· · · · · Gr��e "
expect_screen "· · · · · $(printf 'e\314\201te') mit Akzent"
keys q
wait_exit
expect_no_stderr
finish
