#!/bin/sh
# Opening for editing skips the whole-file check and the value check only
# for a file this user's stetig closed cleanly, in exactly that state
# (store_set_trust_file in src/core/store.h): another writer, a copy or a
# forged mark in the file itself gets the full checks.
. "$top_srcdir/tests/lib.sh"

if [ -z "$SQLITE3" ]; then
    echo "sqlite3 is missing: the files of this test are changed with it"
    exit 77
fi
XDG_DATA_HOME="$T/xdg"
export XDG_DATA_HOME
unset STETIG_CHECK_ALWAYS
checked="$XDG_DATA_HOME/stetig/checked"
mkdir -p "$T/empty"

# the identity line store.c writes: device, inode, size, mtime, ctime,
# SQLite's change counter and page count
identity() {
    set -- $(stat -c '%d %i %s %.9Y %.9Z' "$1") $(od -An -tu1 -j24 -N8 "$1")
    printf '%s %s %s %s %s %s %s\n' "$1" "$2" "$3" "$4" "$5" \
        $((($6 << 24) | ($7 << 16) | ($8 << 8) | $9)) \
        $(((${10} << 24) | (${11} << 16) | (${12} << 8) | ${13}))
}
# an editing open: import of an empty folder opens the file, then stops
open_edit() {
    "$STETIG" import "$1" --csv "$T/empty" >"$T/out" 2>"$T/err"
}
opened() {
    open_edit "$1"
    if grep -qF "holds none of the files" "$T/err"; then ok; else
        fail "$2: not opened"; sed 's/^/  | /' "$T/err" >&2; fi
}
refused() {
    cp "$1" "$T/before"
    open_edit "$1"
    if grep -qF "holds none of the files" "$T/err"; then fail "$2: opened"; else ok; fi
    expect_grep "is damaged" "$T/err"
    same_file "$1" "$T/before"
}

f="$T/w.stetig"
expect_status 0 "$STETIG" new "$f"
# the first editing open checks; the clean close is remembered
opened "$f" "first open"
[ -f "$checked" ] && ok || fail "no record of the clean close"
expect_grep "$(identity "$f")" "$checked"
[ "$(wc -l <"$checked")" = 1 ] && ok || fail "one line per file"
opened "$f" "remembered"
[ "$(wc -l <"$checked")" = 1 ] && ok || fail "still one line after the second close"
# nothing in the file names it
expect_no_grep "w.stetig" "$checked"

# another writer (here a value out of range, past the CHECK constraints):
# the identity changed, the file is checked and refused, unchanged
"$SQLITE3" "$f" "PRAGMA ignore_check_constraints=ON;
 INSERT INTO stakeholder(name, influence) VALUES('Fremd', 9);" || fail sqlite3
refused "$f" "changed by another program"

# the record is what vouches: a line for exactly this state lets the open
# skip both checks (this is what a clean close writes, and only stetig
# writes it, in the user's own data folder)
identity "$f" >>"$checked"
opened "$f" "remembered state"
# ... but not with STETIG_CHECK_ALWAYS
cp "$f" "$T/before"
STETIG_CHECK_ALWAYS=1 "$STETIG" import "$f" --csv "$T/empty" >"$T/out" 2>"$T/err"
expect_grep "is damaged" "$T/err"
same_file "$f" "$T/before"

# a copy of a remembered file is another file (device, inode, times)
cp "$f" "$T/copy.stetig"
refused "$T/copy.stetig" "copy"

# a file made elsewhere cannot bring its own mark: nothing in the file is
# read for the decision (the line for the copy's identity is missing)
"$SQLITE3" "$T/copy.stetig" "PRAGMA user_version" >/dev/null
expect_no_grep "$(identity "$T/copy.stetig")" "$checked"

# a damaged record file is no record: every open checks
printf 'garbage\n\001\002\n' >"$checked"
refused "$f" "damaged record file"

# read-only opens never use the record: export checks the values
identity "$f" >"$checked"
expect_status 1 "$STETIG" export "$f" --csv "$T/bundle"
expect_grep "is damaged" "$T/err"

finish
