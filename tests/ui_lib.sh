# ui_lib.sh — helpers for the end-to-end screen tests (sourced).
#
# The real program runs in a tmux pane of fixed size with pinned locale,
# TERM and TZ; the tests type with send-keys and read the screen with
# capture-pane, polling for the text they expect instead of sleeping.
. "$top_srcdir/tests/lib.sh"

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
    echo "tmux not found: skipping the screen tests"
    exit 77
fi
if [ -z "${SQLITE3:-}" ] || [ ! -x "$SQLITE3" ]; then
    echo "sqlite3 not found: skipping the screen tests (they check the file with it)"
    exit 77
fi

# a server of our own, its socket inside $T (gone with it), an empty config
tm() { "$TMUX_BIN" -f /dev/null -S "$T/tmux.sock" "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

UI_LANG=${UI_LANG:-en}
UI_COLS=${UI_COLS:-80}
UI_LINES=${UI_LINES:-24}

# The pane runs run.sh: it starts stetig (recording its pid), then records
# the exit status and the terminal settings, then keeps the pane open.
cat > "$T/run.sh" <<'EOF'
#!/bin/sh
out=$1; shift
sh -c 'echo $$ > "$0.pid"; exec "$@"' "$out" "$@"
rc=$?
stty -a > "$out.tty" 2>&1
echo "$rc" > "$out.tmp" && mv "$out.tmp" "$out.status"
echo "STETIG-EXITED $rc"
exec sleep 600
EOF

# ui_start ARGS... — runs stetig ARGS in a fresh session "ui" (arguments
# must not contain single quotes).
ui_start() {
    tm kill-session -t ui >/dev/null 2>&1
    rm -f "$T/ui.pid" "$T/ui.status" "$T/ui.tty"
    _args=
    for _a in "$@"; do _args="$_args '$_a'"; done
    _cmd="sh '$T/run.sh' '$T/ui' env LANG=C.UTF-8 LC_ALL= LANGUAGE=$UI_LANG TERM=tmux-256color \
TZ=Europe/Berlin STETIG_TODAY=$STETIG_TODAY NO_COLOR=${UI_NO_COLOR:-} HOME='$T' XDG_DATA_HOME='$T/xdg' \
STETIG_LOCALEDIR='$STETIG_LOCALEDIR' STETIG_LOG='$T/stderr.log' '$STETIG'$_args"
    # a tmux server that is just starting up can refuse once; try again
    tm new-session -d -s ui -x "$UI_COLS" -y "$UI_LINES" "$_cmd" 2>/dev/null ||
        { sleep 0.3; tm new-session -d -s ui -x "$UI_COLS" -y "$UI_LINES" "$_cmd"; }
}

screen() { tm capture-pane -p -t ui; }

# wait_for TEXT [SECONDS] — polls the screen until TEXT shows (fixed string).
wait_for() {
    _n=$(( ${2:-10} * 20 ))
    while [ "$_n" -gt 0 ]; do
        if screen | grep -qF -- "$1"; then ok; return 0; fi
        sleep 0.05
        _n=$((_n - 1))
    done
    fail "screen never showed '$1'"
    screen | sed 's/^/  | /' >&2
    return 1
}

# wait_gone TEXT — polls until TEXT is no longer on the screen.
wait_gone() {
    _n=100
    while [ "$_n" -gt 0 ]; do
        if ! screen | grep -qF -- "$1"; then ok; return 0; fi
        sleep 0.05
        _n=$((_n - 1))
    done
    fail "'$1' stayed on the screen"
    screen | sed 's/^/  | /' >&2
    return 1
}

# expect_screen TEXT / expect_no_screen TEXT — the screen right now.
expect_screen() {
    if screen | grep -qF -- "$1"; then ok; else fail "screen lacks '$1'"; screen | sed 's/^/  | /' >&2; fi
}
expect_no_screen() {
    if screen | grep -qF -- "$1"; then fail "screen shows '$1'"; screen | sed 's/^/  | /' >&2; else ok; fi
}

# keys KEY... / typed TEXT — send keys (tmux key names) or literal text,
# then wait until stetig has read them and waits for input again. Without
# that wait a loaded machine (CI runs two suites at once, the sanitizer
# build is slow) lets the next send reach the terminal while the last is
# still queued: the two then arrive as one burst, which stetig rightly
# takes for pasted text and refuses (ui_paste.h). Read from /proc: the
# bytes stetig has read (rchar) grew, and it sleeps in poll/select again.
ui_io() {
    _rc=
    while read -r _k _v; do
        [ "$_k" = "rchar:" ] && { _rc=$_v; break; }
    done < "/proc/$_pid/io"
}
ui_settle() {
    _pid=
    [ -r "$T/ui.pid" ] && read -r _pid < "$T/ui.pid"
    [ -n "$_pid" ] && [ -r "/proc/$_pid/io" ] || { "$@"; return; }
    ui_io 2>/dev/null; _before=$_rc
    "$@"
    _n=300
    while [ "$_n" -gt 0 ] && [ -r "/proc/$_pid/io" ]; do
        ui_io 2>/dev/null
        if [ -n "$_rc" ] && [ "$_rc" != "$_before" ]; then
            _w=
            read -r _w < "/proc/$_pid/wchan" 2>/dev/null
            case $_w in poll_schedule_timeout*|do_select*|do_sys_poll*|wait_woken*) return 0 ;; esac
        fi
        sleep 0.01
        _n=$((_n - 1))
    done
    return 0
}
# Several keys in one send arrive as a burst (allowed for moves); the next
# send must come later than the burst window (UI_BURST_MS, 3 ms) after the
# last of them was read, or it would count as part of the burst.
keys() {
    ui_settle tm send-keys -t ui "$@"
    [ $# -gt 1 ] && sleep 0.02
    return 0
}
typed() { ui_settle tm send-keys -t ui -l -- "$1"; }

# wait_exit — waits for stetig to end; sets $ui_status.
wait_exit() {
    _n=100
    while [ ! -f "$T/ui.status" ] && [ "$_n" -gt 0 ]; do
        sleep 0.05
        _n=$((_n - 1))
    done
    if [ -f "$T/ui.status" ]; then
        ui_status=$(cat "$T/ui.status")
        ok
        # sanitizer reports come after the screen is gone, in the pane
        if screen | grep -qE 'Sanitizer|runtime error'; then
            fail "sanitizer report:"
            screen | sed 's/^/  | /' >&2
        fi
    else
        ui_status=none
        fail "stetig did not end"
        screen | sed 's/^/  | /' >&2
    fi
}

# expect_tty_sane — after stetig ended, the terminal echoes and reads lines
# again (curses left no raw mode behind).
expect_tty_sane() {
    if tr ' ' '\n' < "$T/ui.tty" | grep -qx -- '-echo'; then fail "terminal left without echo"; else ok; fi
    if tr ' ' '\n' < "$T/ui.tty" | grep -qx -- '-icanon'; then fail "terminal left in raw mode"; else ok; fi
}

# sql FILE QUERY — one query through the sqlite3 shell.
sql() { "$SQLITE3" "$1" "$2"; }

# expect_sql FILE QUERY WANT
expect_sql() {
    _got=$(sql "$1" "$2")
    if [ "$_got" = "$3" ]; then ok; else fail "$2 → '$_got', want '$3'"; fi
}

# expect_no_stderr — nothing reached stderr while the screen ran (no
# library noise, no sanitizer report).
expect_no_stderr() {
    if [ -s "$T/stderr.log" ]; then fail "stderr while on screen:"; sed 's/^/  | /' "$T/stderr.log" >&2; else ok; fi
}
