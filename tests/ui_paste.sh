#!/bin/sh
# Pasted text on the screen: a bracketed paste (tmux paste-buffer -p) goes
# into the open form's field with its line breaks, and outside a form it
# changes nothing; the same text typed as a burst of keys by a terminal
# without bracketed paste never deletes, answers a question, opens a form
# or quits. The workshop is exported before and after and compared.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/paste.stetig"
"$STETIG" new "$f" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new"

# export_to DIR — the CSV bundle of the workshop (the screen must be closed)
export_to() { "$STETIG" export "$f" --csv "$1" --lang en >/dev/null 2>&1 || fail "export $1"; }
# same_bundle A B [SKIP] — every CSV file of A equals B's, except SKIP
same_bundle() {
    for _c in "$1"/*.csv; do
        _b=$(basename "$_c")
        [ "$_b" = "${3:-}" ] && continue
        if cmp -s "$_c" "$2/$_b"; then ok; else fail "$_b changed"; diff "$_c" "$2/$_b" | head -20 >&2; fi
    done
}
# paste TEXT — a bracketed paste of TEXT into the pane
paste() { tm set-buffer -b p -- "$1"; tm paste-buffer -p -b p -t ui; }

export_to "$T/before"
stakeholders=$(sql "$f" "SELECT count(*) FROM stakeholder")
cells=$(sql "$f" "SELECT count(*) FROM raci")
notes=$(sql "$f" "SELECT count(*) FROM note")

# ---------------------------------------------------------------- in a form
ui_start --lang en "$f"
wait_for "1 Goals"
keys 3
wait_for "Stakeholders"
keys F4
wait_for "Parking lot (F4)"
keys n
wait_for "New note"
paste "Zeile eins
django"
# both lines are in the note's field, nothing else happened
wait_for "django"
expect_screen "Zeile eins"
expect_screen "New note"
expect_no_screen "(y/n)"
keys Enter
wait_for "added"
keys F4
wait_for "Parking lot closed"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"
expect_sql "$f" "SELECT count(*) FROM raci" "$cells"
expect_sql "$f" "SELECT text FROM note ORDER BY id DESC LIMIT 1" "Zeile eins
django"

# a one-line field gets the lines joined with spaces
keys n
wait_for "New stakeholder"
paste "Frau
Dr. Quast"
wait_for "Frau Dr. Quast"
keys Escape
wait_for "Discard the changes in this form?"
keys y
wait_for "Closed without saving."
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"

# ---------------------------------------------------------------- outside
paste "x
q
d
jn"
wait_for "Pasted text was not used"
expect_no_screen "(y/n)"
expect_no_screen "STETIG-EXITED"
expect_no_screen "New stakeholder"

# ---------------------------------------------------------------- bursts
# without bracketed paste the same text arrives as keys, all at once
keys F4
wait_for "Parking lot (F4)"
keys n
wait_for "New note"
tm send-keys -t ui -l "Zeile zwei$(printf '\r')django"
wait_for "faster than anyone types"
expect_no_screen "(y/n)"
expect_no_screen "New stakeholder"
expect_no_screen "STETIG-EXITED"
tm send-keys -t ui -l "x$(printf '\r')q$(printf '\r')dj"
sleep 0.5
expect_no_screen "STETIG-EXITED"
expect_no_screen "(y/n)"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"
expect_sql "$f" "SELECT count(*) FROM raci" "$cells"
keys F4
wait_for "Parking lot closed"

# keys that come in a burst do not answer a question
keys d
wait_for "(y/n)"
tm send-keys -t ui -l "jjyy"
sleep 0.5
expect_screen "(y/n)"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"
# a paste does not answer it either
paste "y"
sleep 0.3
expect_screen "(y/n)"
keys n
wait_for "Cancelled; nothing was changed."
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"

# a choice field takes no pasted text
keys Enter
wait_for "Edit stakeholder"
keys Tab Tab
wait_for "2/6"
paste "Politik"
wait_for "This field takes no pasted text"
keys Escape
wait_for "Closed without saving."

# a question is answered only by a key pressed after it appeared
keys d
wait_for "(y/n)"
keys y
wait_for "deleted"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$((stakeholders - 1))"
keys u
wait_for "Undone"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "exit status $ui_status"
expect_no_stderr

export_to "$T/after"
same_bundle "$T/before" "$T/after" notes.csv
expect_sql "$f" "SELECT count(*) FROM note" "$((notes + 2))"

# ---------------------------------------------------------------- key script
# paste: in a key script is a bracketed paste; \n is a line break
cat > "$T/paste.keys" <<'KEYS'
3
F4
n
paste:Skript eins\nqd
Enter
F4
paste:x\nq\nd\nj
d
KEYS
ui_start --keys "$T/paste.keys" --lang en "$f"
wait_exit
[ "$ui_status" = 0 ] && ok || fail "key script: exit status $ui_status"
expect_sql "$f" "SELECT text FROM note ORDER BY id DESC LIMIT 1" "Skript eins
qd"
expect_sql "$f" "SELECT count(*) FROM stakeholder" "$stakeholders"
expect_no_stderr
finish
