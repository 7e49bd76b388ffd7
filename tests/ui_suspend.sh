#!/bin/sh
# Ctrl-Z and fg from a shell with job control: the screen steps aside (the
# terminal back in line mode, the alternate screen left, the shell prompt
# usable), and fg brings it back drawn in full and answering keys; what was
# typed into an open form is still there.
. "$top_srcdir/tests/ui_lib.sh"

BASH_BIN=$(command -v bash || true)
if [ -z "$BASH_BIN" ]; then
    echo "bash not found: skipping the job-control test (it needs an interactive shell)"
    exit 77
fi

f="$T/w.stetig"
"$STETIG" new "$f" --template demo --lang en >/dev/null 2>&1 || fail "new"

# an interactive shell with job control in the pane, a plain prompt
tm kill-session -t ui >/dev/null 2>&1
tm new-session -d -s ui -x 80 -y 24 \
    "env -i PATH='$PATH' HOME='$T' TERM=tmux-256color PS1='PROMPT\$ ' $BASH_BIN --norc --noprofile -i"
wait_for 'PROMPT$'
typed "env LANG=C.UTF-8 LANGUAGE=en TZ=Europe/Berlin STETIG_TODAY=$STETIG_TODAY \
STETIG_LOCALEDIR='$STETIG_LOCALEDIR' STETIG_LOG='$T/stderr.log' XDG_DATA_HOME='$T/xdg' \
'$STETIG' '$f'"
keys Enter
wait_for "(F5 starts)"
keys 1
wait_for "Step 1:"
keys n
wait_for "New goal"
typed "Vor dem Anhalten"
wait_for "Vor dem Anhalten"
alt() { tm display-message -p -t ui '#{alternate_on}'; }
[ "$(alt)" = 1 ] && ok || fail "the screen does not use the alternate screen"

# Ctrl-Z: stopped, the shell prompt back in a sane terminal
keys C-z
wait_for "Stopped"
wait_for 'PROMPT$'
[ "$(alt)" = 0 ] && ok || fail "the alternate screen stayed on after Ctrl-Z"
# (the echo's word is split in the typed line, so only its output matches)
typed "stty -a | tr ' ' '\\n' | grep -cx -- '-icanon\\|-echo'; echo TTY-''CHECKED"
keys Enter
wait_for "TTY-CHECKED"
if screen | grep -qx "0"; then ok; else fail "the terminal is not in line mode after Ctrl-Z"; screen | sed 's/^/  | /' >&2; fi
expect_sql "$f" "SELECT count(*) FROM goal WHERE title = 'Vor dem Anhalten'" 0

# fg: the whole screen again, the form with its text, keys answered
typed "clear; fg"
keys Enter
wait_for "New goal"
wait_for "Vor dem Anhalten"
expect_screen "Step 1:"
expect_screen "F1 Help"
[ "$(alt)" = 1 ] && ok || fail "fg did not return to the alternate screen"
expect_no_screen "TTY-CHECKED"
typed " und weiter"
wait_for "Vor dem Anhalten und weiter"
keys Enter
wait_for "Goal “Vor dem Anhalten und weiter” added."
expect_sql "$f" "SELECT count(*) FROM goal WHERE title = 'Vor dem Anhalten und weiter'" 1

# twice more, then quit normally
keys C-z
wait_for "Stopped"
typed "fg"
keys Enter
wait_for "Step 1:"
keys q
wait_gone "Step 1:"
# fg ends with the program's exit status
typed 'echo "STETIG-EXITED $?"'
keys Enter
wait_for "STETIG-EXITED 0"
[ "$(alt)" = 0 ] && ok || fail "the alternate screen stayed on after quitting"
expect_sql "$f" "PRAGMA integrity_check" "ok"
expect_no_stderr
finish
