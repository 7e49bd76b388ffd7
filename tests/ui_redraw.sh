#!/bin/sh
# Partial redraws: after a cursor move or a RACI edit the responsibility grid
# repaints only the cells that change, after a move the costs step only the
# lists the move changed, and a scroll moves what stays on the
# screen (the terminal scrolls lines or deletes and inserts characters). The
# screen must be exactly what a full redraw shows. The same key script runs
# twice (`stetig --keys`), once as usual and once with STETIG_FULL_REDRAW=1
# (every frame drawn whole); each terminal stream, cut
# before the program leaves the screen, is rendered by tmux and compared
# cell by cell with the attributes that show (capture-pane -e -N read by
# tests/screen_cells.py), at several points of the script.
. "$top_srcdir/tests/lib.sh"

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
    echo "SKIP: tmux not found"
    exit 77
fi
py=${PYTHON3:-}
if [ -z "$py" ] || ! "$py" -c 'import sys' 2>/dev/null; then
    echo "SKIP: python3 is needed to make the large workshop"
    exit 77
fi
tm() { "$TMUX_BIN" -f /dev/null -S "$T/tmux.sock" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT
esc=$(printf '\033')
# a session that keeps the server up between the renderings (a server that
# lost its last session exits, and a new session could race with that)
tm new-session -d -s keep -x 120 -y 35 "sleep 600" 2>/dev/null ||
    { sleep 0.3; tm new-session -d -s keep -x 120 -y 35 "sleep 600"; }
renders=0
W=120 H=35

# render WORKSHOP KEYFILE OUT [ENV] — the screen after the keys, as tmux
# shows it
render() {
    cp "$1" "$T/play.stetig"
    env TERM=xterm-256color LINES=$H COLUMNS=$W LANG=C.UTF-8 LC_ALL= LANGUAGE= \
        TZ=Europe/Berlin NO_COLOR= ${4:-} "$STETIG" --keys "$2" "$T/play.stetig" \
        > "$T/stream" 2>/dev/null < /dev/null || fail "stetig --keys $2 failed"
    # up to the last switch back from the alternate screen
    cut=$(LC_ALL=C grep -obUa "$esc\\[?1049l" "$T/stream" | tail -n 1 | cut -d: -f1)
    head -c "${cut:-999999999}" "$T/stream" > "$T/frame"
    rm -f "$T/done"
    renders=$((renders + 1))
    s=r$renders
    tm new-session -d -s $s -x $W -y $H \
        "env TERM=xterm-256color sh -c 'cat \"$T/frame\"; : > \"$T/done\"; exec sleep 60'" ||
        fail "tmux new-session"
    n=200
    while [ ! -e "$T/done" ] && [ $n -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
    # tmux may still be reading: wait until two captures agree
    tm capture-pane -p -e -N -t $s > "$3.raw"
    n=40
    while [ $n -gt 0 ]; do
        sleep 0.05
        tm capture-pane -p -e -N -t $s > "$3.again"
        cmp -s "$3.raw" "$3.again" && break
        mv "$3.again" "$3.raw"
        n=$((n - 1))
    done
    [ -s "$3.raw" ] || fail "no screen captured"
    "$py" "$top_srcdir/tests/screen_cells.py" "$3.raw" > "$3" || fail "screen_cells.py"
    tm kill-session -t $s >/dev/null 2>&1
}

# check WORKSHOP NAME KEY... — compares both drawings at every tenth key
# and at the end
check() {
    ws=$1; name=$2; shift 2
    total=$#
    i=0
    : > "$T/keys"
    for k in "$@"; do
        printf '%s\n' "$k" >> "$T/keys"
        i=$((i + 1))
        if [ $((i % 10)) -eq 0 ] || [ $i -eq $total ]; then
            { cat "$T/keys"; echo q; } > "$T/script"
            render "$ws" "$T/script" "$T/partial"
            render "$ws" "$T/script" "$T/full" STETIG_FULL_REDRAW=1
            if cmp -s "$T/partial" "$T/full"; then
                ok
            else
                fail "$name: the screen after $i keys differs from a full redraw"
                diff "$T/full" "$T/partial" | head -20 | cat -v >&2
            fi
        fi
    done
}

keys() {
    # moves that scroll both ways, edits (Space, letters, -), undo and redo,
    # the views, a step switch and back
    r=4
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do r="$r Right"; done
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32; do
        r="$r Down"
    done
    r="$r SPACE r Left Left Left End End Home PgDn Up SPACE v Right Down SPACE SPACE"
    r="$r Tab 4 Right c - Right u Right C-r Right Left Left Up Up a i v v Right"
    # the costs step: its lists scroll, the shares follow the cost, Down and
    # Up go on from one part into the next, the years scroll sideways
    r="$r 5 Down Down Down Down Down Down Down Down Down Down Down Down Down Down"
    r="$r End Down Down Down Down Down Down Left Left Right Down PgDn Up Up Up Up"
    r="$r Up Up Up Up Home PgUp Up Down Down"
    echo "$r"
}

expect_status 0 "$STETIG" new "$T/demo.stetig" --template demo --lang de
"$py" "$top_srcdir/bench/gen_large.py" --scale 4 --lang en "$T/large" || fail "gen_large.py"
expect_status 0 "$STETIG" new "$T/large.stetig" --lang en
expect_status 0 "$STETIG" import "$T/large.stetig" --csv "$T/large"

for ws in demo large; do
    set -f
    # shellcheck disable=SC2046
    set -- $(keys)
    set +f
    args=
    for k in "$@"; do
        [ "$k" = SPACE ] && k=' '
        args="$args$k
"
    done
    IFS='
'
    # shellcheck disable=SC2086
    check "$T/$ws.stetig" "$ws" $args
    unset IFS
done

# scrolling at the smallest and a large screen, in both languages: long
# runs of moves that scroll by rows and by columns, both ways, in the
# narrow and the wide view (w), with the cursor on the first column too
scroll_keys() {
    r=4
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
        r="$r Right"
    done
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
        r="$r Down"
    done
    r="$r Left Left Left Left Left Left Left Left Left Left Left Left Left Left Up Up Up Up"
    r="$r Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up"
    r="$r w Right Right Right Right Right Right Right Right Right Right Down Down Down Down"
    r="$r Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down"
    r="$r Down Down Down Down Down Down Left Left Left Left Left Left Left Left Left Left Left"
    r="$r Left Left Left Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up"
    r="$r PgDn End Home PgUp w Left Left Right"
    echo "$r"
}
# forms over the list: open, type (the box grows with a long text and
# shrinks again), move between fields, save, cancel, a discarded change
form_keys() {
    r="1 Enter x y Tab"
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
        r="$r z"
    done
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
        r="$r BS"
    done
    r="$r Tab Tab Down Up Enter Down Enter Esc Down Enter q Esc n Enter w Enter Esc 3 Enter x Enter"
    r="$r 2 n a Enter"
    echo "$r"
}
for size in 80x24 120x35; do
    W=${size%%x*}; H=${size#*x}
    set -f
    # shellcheck disable=SC2046
    set -- $(form_keys)
    set +f
    IFS='
'
    # shellcheck disable=SC2086,SC2048
    check "$T/demo.stetig" "demo forms ${W}x$H" $*
    unset IFS
done

"$py" "$top_srcdir/bench/gen_large.py" --scale 4 --lang de "$T/large-de" || fail "gen_large.py"
expect_status 0 "$STETIG" new "$T/large-de.stetig" --lang de
expect_status 0 "$STETIG" import "$T/large-de.stetig" --csv "$T/large-de"
for size in 80x24:de 132x40:en 80x24:en 132x40:de; do
    W=${size%%x*}; rest=${size#*x}; H=${rest%%:*}; lang=${size#*:}
    ws=large; [ "$lang" = de ] && ws=large-de
    set -f
    # shellcheck disable=SC2046
    set -- $(scroll_keys)
    set +f
    IFS='
'
    # shellcheck disable=SC2086,SC2048
    check "$T/$ws.stetig" "$ws ${W}x$H" $*
    unset IFS
done

finish
