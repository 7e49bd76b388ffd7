#!/bin/sh
# ui_tr.sh — the screen under tr_TR.UTF-8, where the locale's tolower('I')
# is not 'i': a choice field takes its first letter in either case
# (lower-case i picks "Inter-municipal").
. "$top_srcdir/tests/ui_lib.sh"

if ! locale -a 2>/dev/null | grep -qi '^tr_TR\.utf-\?8$'; then
    echo "no tr_TR.UTF-8 locale (run ./bootstrap as root): skipping"
    exit 77
fi

f="$T/w.stetig"
"$STETIG" new "$f" --lang en >/dev/null 2>&1 || fail "new"

tm kill-session -t ui >/dev/null 2>&1
tm new-session -d -s ui -x 80 -y 24 "sh '$T/run.sh' '$T/ui' env LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 \
LANGUAGE=en TERM=tmux-256color TZ=Europe/Berlin HOME='$T' XDG_DATA_HOME='$T/xdg' \
STETIG_LOCALEDIR='$STETIG_LOCALEDIR' STETIG_LOG='$T/stderr.log' '$STETIG' '$f'"
wait_for "F10 Quit"
keys 3
wait_for "3 Stakeholders"
keys n
wait_for "New stakeholder"
typed "Ilse"
keys Tab Tab
typed "i"
wait_for "Inter-municipal"
keys Enter
wait_gone "New stakeholder"
keys F10
wait_exit
[ "$ui_status" = 0 ] && ok || fail "quit: status $ui_status"
expect_sql "$f" "SELECT grp FROM stakeholder WHERE name = 'Ilse'" intermunicipal
expect_no_stderr

finish
