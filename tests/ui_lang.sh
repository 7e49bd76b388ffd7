#!/bin/sh
# Language, help, timebox, mouse and key scripts on the screen.
. "$top_srcdir/tests/ui_lib.sh"

# a German session: German tabs, keys, dates; F6 switches live
f="$T/de.stetig"
UI_LANG=de
ui_start "$f"
wait_for "Mit der Maßnahme beginnen"
expect_screen "1 Ziele"
expect_screen "F10 Beenden"
expect_screen "F6 English"
keys Enter
wait_for "Der Name der Maßnahme"
typed "Bürger-App"
keys Tab Tab Tab
typed "2026-06-30"
keys Enter
wait_for "Die Daten der Maßnahme sind gespeichert."
expect_screen "30.06.2026"
expect_sql "$f" "SELECT funding_end, language FROM workshop" "2026-06-30|de"
keys F6
wait_for "F6 Deutsch"
expect_screen "Language: English"
expect_screen "1 Goals"
expect_screen "2026-06-30"
keys F6
wait_for "Sprache: Deutsch"
expect_screen "1 Ziele"

# help for the step, in the session language; Esc goes back
keys 1 F1
wait_for "Hilfe: 1 Ziele"
expect_screen "SMART"
keys NPage
# the keys of the whole screen are in every step's help, F4 among them
wait_for "Themenspeicher: die Leiste mit den Vereinbarungen"
keys Escape
wait_for "Noch keine Ziele"
expect_no_screen "Hilfe: 1 Ziele"

# a choice field takes its first letter; a date shows the German way
keys n
wait_for "Neues Ziel"
typed "Wärmepumpen fördern"
keys Tab Tab Tab Tab Tab Tab
typed "März 2027"
keys Tab
wait_for "Kein Datum, als Text übernommen"
keys BTab BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "01.03.2027"
keys Tab
typed "v"
wait_for "Vereinbart"
keys Enter
wait_for "Ziel „Wärmepumpen fördern“ angelegt."
expect_sql "$f" "SELECT title, time_bound, status FROM goal" "Wärmepumpen fördern|2027-03-01|agreed"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: status $ui_status"

# the timebox: amber with a marker in the last fifth, "time is up" when used up,
# and the agenda moves the expected end of the later steps
UI_LANG=en
sql "$f" "INSERT INTO clock(step, elapsed, started) VALUES(1, 1500, 0)"
ui_start --lang en "$f"
# the restart opens step 1, where the German session ended
wait_for "Step 1: 05:00 left, stopped"
keys 0
wait_for "Step 0: 15:00 (F5 starts)"
keys 1
wait_for "Step 1: 05:00 left, stopped"
keys F5
wait_for "Clock of 1 Goals started: 30 minutes planned."
wait_for "left!"
expect_sql "$f" "SELECT started > 0 FROM clock WHERE step = 1" "1"
keys F5
wait_for "Clock of 1 Goals stopped at 25:0"
expect_sql "$f" "SELECT started FROM clock WHERE step = 1" "0"
keys q
wait_exit
sql "$f" "UPDATE clock SET elapsed = 1900 WHERE step = 1"
ui_start --lang en "$f"
wait_for "F10"
keys 1 F5
wait_for "Step 1: time is up +01:4"
keys 0
wait_for ":"
wait_for " +2"
expect_screen "time is up"
expect_screen "31 min!"
keys q
wait_exit
expect_sql "$f" "SELECT started FROM clock WHERE step = 1" "0"

# the agenda: + gives the selected step five minutes more, one undo step
ui_start --lang en "$f"
wait_for "F10"
# (past the 14 fields of the measure to the agenda row of step 1)
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
sleep 0.3
keys +
wait_for "1 Goals: 35 minutes."
expect_sql "$f" "SELECT minutes FROM agenda WHERE step = 1" "35"
keys u
wait_for "Undone: Edit agenda."
expect_sql "$f" "SELECT minutes FROM agenda WHERE step = 1" "30"
# and - five minutes less (the key that empties a RACI cell in step 4)
typed "-"
wait_for "1 Goals: 25 minutes."
expect_sql "$f" "SELECT minutes FROM agenda WHERE step = 1" "25"
keys u
wait_for "Undone: Edit agenda."
expect_sql "$f" "SELECT minutes FROM agenda WHERE step = 1" "30"

# the mouse: a click on a tab switches the step (X10 encoding, as tmux-256color expects)
x=$(screen | sed -n 2p | awk '{ i = index($0, " 2 I"); print i ? i + 1 : 0 }')
if [ "$x" -gt 0 ]; then
    cx=$(printf "\\$(printf '%03o' $((32 + x)))")
    typed "$(printf '\033[M') ${cx}\""
    typed "$(printf '\033[M')#${cx}\""
    wait_for "Goal: Wärmepumpen fördern"
else
    fail "no tab 2 on the screen"
fi
keys q
wait_exit

# a key script plays keys (and clicks) and ends by itself
cat > "$T/script.keys" <<'EOF'
# add a goal through a key script
1
n
text:Daten öffnen & teilen
Enter
click:0,23
wait:50
Esc
Down
EOF
ui_start --keys "$T/script.keys" --lang en "$f"
wait_exit
[ "$ui_status" = 0 ] && ok || fail "key script: status $ui_status"
expect_sql "$f" "SELECT count(*) FROM goal WHERE title = 'Daten öffnen & teilen'" "1"
expect_tty_sane

# a click on a row of a list selects it; a click on the selected row edits it
# click_on TEXT — a left click (press, release) on the first place TEXT shows
click_on() {
    _at=$(screen | awk -v t="$1" '{ i = index($0, t); if (i) { print NR, i; exit } }')
    [ -n "$_at" ] || { fail "no \"$1\" on the screen to click"; return; }
    _cy=$(printf "\\$(printf '%03o' $((32 + ${_at% *})))")
    _cx=$(printf "\\$(printf '%03o' $((32 + ${_at#* })))")
    typed "$(printf '\033[M') ${_cx}${_cy}"
    typed "$(printf '\033[M')#${_cx}${_cy}"
}
ui_start --lang en "$f"
wait_for "F10"
keys 1
wait_for "Daten öffnen & teilen"
for g in "Wärmepumpen fördern" "Daten öffnen & teilen"; do
    click_on "$g"
    if screen | grep -qF "Edit goal"; then fail "a click on another row opened the form"; else ok; fi
done
click_on "Daten öffnen & teilen"
wait_for "Edit goal"
typed " jetzt"
keys Enter
wait_for "Goal “Daten öffnen & teilen jetzt” saved."
# a view of several lists (step 0): a click on another list moves the focus
# there and selects; only a click on the selected row of the list in focus
# edits
keys 0
wait_for "Funding rate"
form_open() { screen | grep -qF "Type into the fields"; }
for pair in "2 Indicators|3 Stakeholders|Timebox: 3 Stakeholders" \
    "Municipality|Funding rate|Percent of the eligible costs"; do
    a=${pair%%|*}; rest=${pair#*|}; b=${rest%%|*}; form=${rest#*|}
    click_on "$a"
    if form_open; then keys Escape; wait_gone "Type into the fields"; fi
    click_on "$b"
    if form_open; then fail "a click on $b (not selected) opened a form"; else ok; fi
    click_on "$b"
    wait_for "$form"
    keys Escape
    wait_gone "Type into the fields"
done
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "click: status $ui_status"
expect_sql "$f" "SELECT count(*) FROM goal WHERE title = 'Daten öffnen & teilen jetzt'" "1"

# NO_COLOR and the plain theme start as well
UI_NO_COLOR=1 ui_start --theme plain --lang en "$f"
wait_for "F10"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "plain theme: status $ui_status"

expect_no_stderr
finish
