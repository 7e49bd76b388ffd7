#!/bin/sh
# The agenda of step 0 end to end (issue 18 item 3): the session's start
# time typed (a wrong one refused), a break added before step 5, moved up
# and back, every row's start and end as times of day, the session's end,
# the minutes used as minutes; a timebox that runs out flashes the top bar,
# rings the bell once (the terminal's output is recorded) and says so in
# words, also in German with NO_COLOR and the plain theme, where the bell
# is turned off. Help scrolls with End and Home and lists F4 on every step.
# The clock has no test hook: it lives in the workshop file (table clock,
# elapsed seconds), so the test lets step 1 start with 56 of its 60 seconds
# used and waits the last four.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/agenda.stetig"
"$STETIG" new "$f" --lang en --title "Water-level sensors" >/dev/null 2>&1 || fail "new"
"$SQLITE3" "$f" "UPDATE agenda SET minutes = 1 WHERE step = 1;
    INSERT OR REPLACE INTO clock(step, elapsed, started) VALUES (1, 56, 0);" || fail "sqlite3"

# screen_re REGEX — the screen matches an extended regular expression
screen_re() {
    if screen | grep -qE -- "$1"; then ok; else fail "screen lacks /$1/"; screen | sed 's/^/  | /' >&2; fi
}
# bells FILE — how many BEL bytes the terminal got
bells() { tr -cd '\007' < "$1" | wc -c | tr -d ' '; }

ui_start --lang en "$f"
wait_for "Water-level sensors"
wait_for "End of the session"
# without a start time the agenda counts from now: no fixed times to check
screen_re "^ End of the session +[0-9][0-9]:[0-9][0-9] "

# ---------------------------------------------------------------- start time
keys End Up
keys Enter
wait_for "When the session starts, as HH:MM"
typed "9:3O"
keys Enter
wait_for "Type a time of day as HH:MM, e.g. 09:30, or leave it"
expect_sql "$f" "SELECT start_time FROM workshop" ""
keys BSpace
typed "0"
keys Enter
wait_for "The measure's data is saved."
expect_sql "$f" "SELECT start_time FROM workshop" "09:30"
expect_screen "Session starts       09:30"
# 15 + 1 + 30 + 25 + 40 + 25 + 20 + 20 + 15 + 10 minutes from 09:30
screen_re "^ 0 Workshop +15 +09:30 +09:45 +– +09:45"
screen_re "^ 1 Goals +1 +09:45 +09:46 +0 min +09:46"
screen_re "^ End of the session +12:51 +12:51"

# ---------------------------------------------------------------- a break
keys Down Down Down Down Down Down Down
keys n
wait_for "New agenda block"
screen_re "Kind +Break"
keys Tab
typed "Coffee"
keys Enter
wait_for "Agenda block “Break: Coffee” added."
screen_re "^ 4 Responsibilities +40 +10:41 +11:21 "
screen_re "^ · Break: Coffee +15 +11:21 +11:36 +– +11:36"
screen_re "^ 5 Costs +25 +11:36 +12:01 "
screen_re "^ End of the session +13:06 +13:06"
expect_sql "$f" "SELECT kind, title, minutes, before_step FROM agenda_block" "break|Coffee|15|5"
# < moves it above step 4, > back below
keys "<"
wait_for "· Break: Coffee         15  10:41  10:56"
screen_re "^ 4 Responsibilities +40 +10:56 +11:36 "
expect_sql "$f" "SELECT before_step FROM agenda_block" "4"
keys ">"
wait_for "· Break: Coffee         15  11:21  11:36"
expect_sql "$f" "SELECT before_step FROM agenda_block" "5"
# + and - change a block's minutes like a step's
keys +
wait_for "Break: Coffee: 20 minutes."
screen_re "^ End of the session +13:11 +13:11"
keys -
wait_for "Break: Coffee: 15 minutes."
expect_sql "$f" "SELECT minutes FROM agenda_block" "15"

# ---------------------------------------------------------------- help
keys F1
wait_for "Help: 0 Workshop"
expect_screen "(0%)"
keys End
wait_for "(100%)"
expect_screen "F10, q"
expect_screen "Ctrl-L"
keys Up
keys Up
keys Up
wait_for "Parking lot: open or close the panel of agreements,"
keys Home
wait_for "Help: 0 Workshop"
keys PgDn
wait_gone "(0%)"
keys Esc
wait_gone "Reading the help"
keys 1
wait_for "No goals yet"
keys F1
wait_for "Help: 1 Goals"
keys End
wait_for "Parking lot: open or close the panel of agreements,"
expect_screen "Shift-Tab"
keys Esc
wait_gone "Reading the help"

# ---------------------------------------------------------------- time is up
# from here on the terminal's output is recorded (a refused input beeps too)
tm pipe-pane -t ui -o "cat >> '$T/pane1.raw'"
keys F5
wait_for "Clock of 1 Goals started: 1 minute planned. F5 stops it."
wait_for "Time is up for 1 Goals: 1 minute planned. F5 stops the clock." 15
screen_re "Step 1: time is up \+00:0[0-9]"
sleep 2.2
[ "$(bells "$T/pane1.raw")" = 1 ] && ok || fail "the bell rang $(bells "$T/pane1.raw") times, want once"
# the flash: the top bar was drawn once in reverse video
grep -qE "$(printf '\033')\\[([0-9]+;)*7m" "$T/pane1.raw" && ok || fail "no reverse-video frame of the top bar"
keys F5
wait_for "Clock of 1 Goals stopped at 01:"
keys 0
wait_for "End of the session"
screen_re "^ 1 Goals +1 +09:45 +09:46 +1 min! +time is up +09:47 \+1"
screen_re "^ End of the session +13:06 +13:07 \+1"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "status $ui_status"
el=$(sql "$f" "SELECT elapsed FROM clock WHERE step = 1")
[ "$el" -ge 60 ] && [ "$el" -lt 90 ] && ok || fail "clock of step 1 saved $el seconds"

# ---------------------------------------------------------------- German, plain, no bell
"$SQLITE3" "$f" "UPDATE workshop SET bell = 0; UPDATE agenda SET minutes = 2 WHERE step = 2;
    INSERT OR REPLACE INTO clock(step, elapsed, started) VALUES (2, 116, 0);" || fail "sqlite3"
UI_NO_COLOR=1 ui_start --theme plain --lang de "$f"
wait_for "Ende der Sitzung"
tm pipe-pane -t ui -o "cat >> '$T/pane2.raw'"
# step 2 has 2 minutes now: 15 + 1 + 2 + 25 + 40 minutes from 09:30
screen_re "^ · Pause: Coffee +15 +10:53 +11:08"
screen_re "^ 1 Ziele +1 +09:45 +09:46 +1 Min\.! +Zeit abgelaufen +09:47 \+1"
# step 1's timebox ended before this start: no second alarm for it
keys 2
wait_for "Schritt 2:"
keys F5
wait_for "Uhr für 2 Indikatoren läuft: 2 Minuten geplant."
wait_for "Zeit abgelaufen für 2 Indikatoren: 2 Minuten geplant." 15
screen_re "Schritt 2: Zeit abgelaufen \+00:0[0-9]"
sleep 1.2
[ "$(bells "$T/pane2.raw")" = 0 ] && ok || fail "the bell rang although it is off"
keys q
wait_exit
expect_sql "$f" "SELECT count(*) FROM agenda_block" "1"
expect_no_stderr
finish
