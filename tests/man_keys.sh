#!/bin/sh
# The key section of stetig(1), English and German, is written from
# actions.def: every action with a help line is in both pages, translated
# in the German one, and the pages render without roff warnings.
. "$top_srcdir/tests/lib.sh"

KEYS_MAN="$top_builddir/src/keys-man"
[ -x "$KEYS_MAN" ] || { echo "SKIP: src/keys-man not built"; exit 77; }

# the actions with a help line, counted in actions.def itself: an ACTION(...)
# statement (over several lines) whose last argument is not NULL
want=$(awk '/^ACTION\(/ { s = "" } /^ACTION\(/, /\)$/ { s = s $0; if ($0 ~ /\)$/) print s }' \
    "$top_srcdir/src/ui/actions.def" | grep -cv 'NULL)$')
[ "$want" -ge 30 ] && ok || fail "only $want actions with help found in actions.def"

for l in en de; do
    page="$top_builddir/man/stetig.1"
    [ $l = de ] && page="$top_builddir/man/de/stetig.1"
    [ -f "$page" ] || { fail "$page was not built"; continue; }
    expect_no_grep "@KEYS@" "$page"
    "$KEYS_MAN" $l --lines > "$T/$l.lines" || fail "keys-man $l --lines"
    n=$(wc -l < "$T/$l.lines")
    [ "$n" = "$want" ] && ok || fail "$l: keys-man lists $n actions, actions.def has $want"
    while IFS= read -r line; do
        if grep -qxF -- "$line." "$page"; then ok; else fail "$l: not in $page: $line"; fi
    done < "$T/$l.lines"
    if command -v groff >/dev/null 2>&1; then
        LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -K utf8 -P -cbou "$page" > "$T/$l.txt" 2> "$T/$l.warn"
        if [ -s "$T/$l.warn" ]; then fail "$l: groff warns"; cat "$T/$l.warn" >&2; else ok; fi
        expect_grep "0 … 9" "$T/$l.txt"
    fi
done

# the German page is translated: no help line reads as in English
same=$(grep -cxFf "$T/en.lines" "$T/de.lines")
[ "$same" = 0 ] && ok || fail "$same help lines of the German page are English"
expect_grep "Verantwortung: die Zelle leeren." "$top_builddir/man/de/stetig.1"
expect_grep "Responsibilities: empty the cell." "$top_builddir/man/stetig.1"

finish
