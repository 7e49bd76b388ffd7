#!/bin/sh
# ui_signals.sh — SIGTERM and SIGHUP while a form is open keep what was
# typed: a form that validates is saved into the workshop, one that does
# not is kept as a draft that the next start offers. Either way the exit
# status is 128 + the signal and the terminal is restored.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/w.stetig"
"$STETIG" new "$f" --template demo --lang en >/dev/null 2>&1 || fail "new"

# ---- SIGTERM, a valid form: saved
ui_start "$f"
wait_for "F10"
keys 1
wait_for "1 Goals"
keys n
wait_for "New goal"
typed "Signalfest gespeichert"
wait_for "Signalfest gespeichert"
kill -TERM "$(cat "$T/ui.pid")"
wait_exit
[ "$ui_status" = 143 ] && ok || fail "SIGTERM: status $ui_status"
expect_tty_sane
expect_sql "$f" "SELECT count(*) FROM goal WHERE title = 'Signalfest gespeichert'" 1

# ---- SIGHUP, a form that does not validate (no title): a draft
ui_start "$f"
wait_for "F10"
keys 1
wait_for "1 Goals"
keys n
wait_for "New goal"
keys Tab
typed "Nur spezifisch getippt"
wait_for "Nur spezifisch getippt"
kill -HUP "$(cat "$T/ui.pid")"
wait_exit
[ "$ui_status" = 129 ] && ok || fail "SIGHUP: status $ui_status"
expect_tty_sane
expect_sql "$f" "SELECT count(*) FROM goal WHERE specific = 'Nur spezifisch getippt'" 0
draft=$(ls "$T"/.local/state/stetig/draft-*.txt 2>/dev/null | head -1)
[ -n "$draft" ] && ok || fail "no draft file"
[ -n "$draft" ] && expect_grep "Nur spezifisch getippt" "$draft"

# the next start offers it, once
ui_start "$f"
wait_for "was not saved; it is kept in"
keys F10
wait_exit
[ "$ui_status" = 0 ] && ok || fail "quit: status $ui_status"
offered=$(ls "$T"/.local/state/stetig/draft-*.offered.txt 2>/dev/null | head -1)
[ -n "$offered" ] && expect_grep "Nur spezifisch getippt" "$offered"
ui_start "$f"
wait_for "F10"
expect_no_screen "was not saved"
keys F10
wait_exit

finish
