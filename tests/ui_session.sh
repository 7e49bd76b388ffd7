#!/bin/sh
# Ways into and out of the screen: a second instance, a file that is no
# workshop, a window too small, kill -9 right after an edit, signals.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/kill.stetig"
"$STETIG" new "$f" --title "Datenplattform" --municipality "Köln" >/dev/null 2>&1 || fail "new"

# kill -9 right after an edit: the edit is in the file
ui_start "$f"
wait_for "Datenplattform · Köln"
keys 1
wait_for "No goals yet"
keys n
wait_for "New goal"
typed "Daten öffnen"
keys Enter
wait_for "Goal “Daten öffnen” added."
kill -9 "$(cat "$T/ui.pid")"
wait_exit
[ "$ui_status" = 137 ] && ok || fail "kill -9: status $ui_status"
expect_sql "$f" "SELECT title FROM goal" "Daten öffnen"
expect_sql "$f" "PRAGMA integrity_check" "ok"
[ -e "$f-journal" ] && fail "journal left beside the file" || ok

# the lock died with the process: the file opens again; a second stetig
# on it says "in use", opens nothing and leaves the file alone
ui_start "$f"
wait_for "Datenplattform"
cp "$f" "$T/before"
LANGUAGE=en "$STETIG" "$f" >"$T/out" 2>"$T/err" </dev/null
rc=$?
[ "$rc" = 1 ] && ok || fail "second instance: status $rc"
expect_grep "is in use by another stetig" "$T/err"
[ -s "$T/out" ] && fail "second instance wrote to stdout" || ok
same_file "$f" "$T/before"

# window too small, then back
tm resize-window -t ui -x 20 -y 6
wait_for "Window too small"
wait_for "80×24"
keys n
tm resize-window -t ui -x 80 -y 24
wait_for "F10 Quit"
expect_screen "Datenplattform · Köln"
expect_no_screen "Window too small"
expect_no_screen "New goal"
tm resize-window -t ui -x 1 -y 1
sleep 0.1
tm resize-window -t ui -x 120 -y 35
wait_for "4 Responsibilities"
expect_screen "F10 Quit"

# SIGTERM: a clean end with the status of the signal (128 + 15), terminal
# restored
kill -TERM "$(cat "$T/ui.pid")"
wait_exit
[ "$ui_status" = 143 ] && ok || fail "SIGTERM: status $ui_status"
expect_tty_sane
wait_for "STETIG-EXITED 143"
expect_no_screen "F10 Quit"

# SIGHUP (a closed terminal) ends it cleanly too (status 128 + 1)
ui_start "$f"
wait_for "Datenplattform"
kill -HUP "$(cat "$T/ui.pid")"
wait_exit
[ "$ui_status" = 129 ] && ok || fail "SIGHUP: status $ui_status"

# not a workshop: a message, exit 1, the file untouched, no screen
printf 'Protokoll des Arbeitskreises\n' > "$T/notes.stetig"
cp "$T/notes.stetig" "$T/notes.orig"
ui_start "$T/notes.stetig"
wait_exit
[ "$ui_status" = 1 ] && ok || fail "not a workshop: status $ui_status"
wait_for "is not a stetig workshop"
same_file "$T/notes.stetig" "$T/notes.orig"
expect_tty_sane

# a bad key script is refused before the screen starts
printf 'n\nBogus\n' > "$T/bad.keys"
expect_status 2 "$STETIG" --keys "$T/bad.keys" "$T/k.stetig"
expect_grep "line 2" "$T/err"
expect_grep "Bogus" "$T/err"
[ -e "$T/k.stetig" ] && fail "a workshop was made for a bad key script" || ok

# Ctrl-L paints everything again: bytes another program wrote onto the
# terminal (here straight onto the pane's tty) are gone afterwards, also
# with a form open
UI_COLS=80 UI_LINES=24 UI_LANG=en
"$STETIG" new "$T/ctl.stetig" --template demo --lang en >/dev/null 2>&1 || fail "new ctl"
ui_start "$T/ctl.stetig"
wait_for "1 Goals"
keys 1
wait_for "SMART"
tty=$(tm display-message -p -t ui '#{pane_tty}')
printf '\033[12;5HDISTURBANCE-XYZ' >"$tty"
wait_for "DISTURBANCE-XYZ"
keys C-l
wait_gone "DISTURBANCE-XYZ"
expect_screen "SMART"
keys Enter
wait_for "Edit goal"
printf '\033[20;5HDISTURBANCE-XYZ' >"$tty"
wait_for "DISTURBANCE-XYZ"
keys C-l
wait_gone "DISTURBANCE-XYZ"
expect_screen "Edit goal"
keys Escape
wait_gone "Edit goal"
expect_sql "$T/ctl.stetig" "SELECT count(*) FROM goal WHERE title LIKE '%Esc%'" "0"
keys q
wait_exit

expect_no_stderr
finish
