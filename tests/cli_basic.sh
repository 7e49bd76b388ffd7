#!/bin/sh
# The command line contract: help, version, usage errors, new, refusals.
. "$top_srcdir/tests/lib.sh"

expect_status 0 "$STETIG" --help
expect_grep "Usage:" "$T/out"
expect_grep "templates" "$T/out"
[ -s "$T/err" ] && fail "--help wrote to stderr" || ok
expect_status 0 "$STETIG" --version
expect_grep "stetig " "$T/out"
expect_status 2 "$STETIG" --bogus
expect_grep "unknown option '--bogus'" "$T/err"
expect_grep "--help" "$T/err"
expect_status 2 "$STETIG" new
expect_status 2 "$STETIG" new a.stetig b.stetig
expect_status 2 "$STETIG" new "$T/x.stetig" --lang fr
expect_status 2 "$STETIG" new "$T/x.stetig" --title

# German messages
LANGUAGE=de expect_status 0 "$STETIG" --help
expect_grep "Aufruf:" "$T/out"
expect_status 0 "$STETIG" --lang de --help
expect_grep "Aufruf:" "$T/out"
LANG=de_DE.UTF-8 expect_status 2 "$STETIG" --bogus
expect_grep "unbekannte Option" "$T/err"

# new
f="$T/sensorik.stetig"
expect_status 0 "$STETIG" new "$f" --title "Sensorik in Gewässern" --municipality Musterstadt
[ -f "$f" ] && ok || fail "no file made"
if [ -n "$SQLITE3" ]; then
    [ "$("$SQLITE3" "$f" 'PRAGMA application_id')" = 1400137076 ] && ok || fail application_id
    [ "$("$SQLITE3" "$f" 'PRAGMA user_version')" = "$SCHEMA_VERSION" ] && ok || fail user_version
    [ "$("$SQLITE3" "$f" 'PRAGMA journal_mode')" = delete ] && ok || fail journal_mode
    [ "$("$SQLITE3" "$f" 'SELECT title FROM workshop')" = "Sensorik in Gewässern" ] && ok || fail title
    [ "$("$SQLITE3" "$f" 'SELECT count(*) FROM check_item')" = 39 ] && ok || fail check items
fi
# an ordinary document: the umask decides who may read it
(umask 022; "$STETIG" new "$T/mode.stetig" >/dev/null 2>&1)
[ "$(stat -c %a "$T/mode.stetig")" = 644 ] && ok || fail "new file mode $(stat -c %a "$T/mode.stetig")"
cp "$f" "$T/copy"
expect_status 1 "$STETIG" new "$f"
expect_grep "exists already" "$T/err"
same_file "$f" "$T/copy"
expect_status 1 "$STETIG" new "$T/y.stetig" --template no-such-template
expect_grep "unknown template" "$T/err"
[ -e "$T/y.stetig" ] && fail "file made for an unknown template" || ok
expect_status 1 "$STETIG" new "$T/missing/dir/z.stetig"
ls "$T" | grep -q 'new-' && fail "temporary file left behind" || ok

# refusals leave the file untouched
printf 'not a workshop\n' > "$T/text.stetig"
cp "$T/text.stetig" "$T/text.orig"
expect_status 1 "$STETIG" "$T/text.stetig"
expect_grep "not a stetig workshop" "$T/err"
same_file "$T/text.stetig" "$T/text.orig"
LANGUAGE=de expect_status 1 "$STETIG" "$T/text.stetig"
expect_grep "kein stetig-Workshop" "$T/err"

# templates lists names and descriptions
expect_status 0 "$STETIG" templates
expect_grep "urban-data-platform" "$T/out"
expect_status 0 "$STETIG" templates --lang de
expect_grep "Urbane Datenplattform" "$T/out"

finish
