#!/bin/sh
# `stetig export` and `stetig import` on the command line: usage errors,
# refusals that name file, line and column and leave the workshop
# byte-identical, a workshop held open by another stetig, unwritable targets.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/exchange_lib.sh"

ws="$T/demo.stetig"
expect_status 0 "$STETIG" new "$ws" --template demo --lang en

# usage
expect_status 0 "$STETIG" export --help
expect_grep "--xlsx" "$T/out"
expect_status 0 "$STETIG" import --help
expect_grep "--csv DIR" "$T/out"
expect_status 2 "$STETIG" export "$ws"
expect_grep "--xlsx OUT.xlsx, --csv DIR, or both" "$T/err"
expect_grep "--help" "$T/err"
expect_status 2 "$STETIG" export
expect_status 2 "$STETIG" export "$ws" --csv "$T/x" --delimiter tab
expect_grep "unknown delimiter 'tab'" "$T/err"
expect_status 2 "$STETIG" export "$ws" --csv "$T/x" --lang fr
expect_status 2 "$STETIG" export "$ws" "$ws" --csv "$T/x"
expect_status 2 "$STETIG" export "$ws" --csv
expect_status 2 "$STETIG" export "$ws" --bogus
expect_status 2 "$STETIG" import "$ws"
expect_grep "--csv DIR" "$T/err"
expect_status 2 "$STETIG" import --csv "$T/x"
[ -e "$T/x" ] && fail "usage error wrote files" || ok
expect_status 1 "$STETIG" export "$T/missing.stetig" --csv "$T/x"
[ -e "$T/x" ] && fail "export of a missing workshop wrote files" || ok
LANGUAGE=de expect_status 2 "$STETIG" export "$ws"
expect_grep "Bitte angeben" "$T/err"

# export prints what it wrote
expect_status 0 "$STETIG" export "$ws" --csv "$T/b" --xlsx "$T/b.xlsx"
expect_grep "Wrote $T/b/workshop.csv" "$T/out"
expect_grep "Wrote $T/b/findings.csv" "$T/out"
expect_grep "Wrote $T/b.xlsx" "$T/out"
[ "$(ls "$T/b" | wc -l)" -eq 15 ] && ok || fail "bundle has $(ls "$T/b" | wc -l) files"
[ -s "$T/b.xlsx" ] && ok || fail "no workbook"

# unwritable targets fail cleanly and leave nothing behind
expect_status 1 "$STETIG" export "$ws" --csv /dev/null/bundle
expect_grep "/dev/null/bundle" "$T/err"
expect_status 1 "$STETIG" export "$ws" --xlsx /dev/null/x.xlsx
expect_grep "/dev/null/x.xlsx" "$T/err"
expect_status 1 "$STETIG" export "$ws" --xlsx "$T/no/such/dir/x.xlsx"
expect_grep "does not exist" "$T/err"
expect_status 1 "$STETIG" export "$ws" --csv "$T/no/such/dir"
[ -e "$T/no" ] && fail "folders made for a failed export" || ok
mkdir "$T/blocked" && mkdir "$T/blocked/costs.csv"
expect_status 1 "$STETIG" export "$ws" --csv "$T/blocked"
expect_grep "holds “costs.csv”, which is not part of a CSV bundle" "$T/err"
[ "$(ls -A "$T/blocked")" = costs.csv ] && ok || fail "the blocked folder changed"
left=$(ls -A "$T" | grep 'tmp-' || true)
[ -z "$left" ] && ok || fail "temporary folders left: $left"
mkdir "$T/xdir" && mkdir "$T/xdir/out.xlsx"
expect_status 1 "$STETIG" export "$ws" --xlsx "$T/xdir/out.xlsx"
[ "$(ls -A "$T/xdir")" = out.xlsx ] && ok || fail "temporary workbook left"

expect_status 0 "$STETIG" import --help
expect_grep "--dry-run" "$T/out"
expect_grep "--replace" "$T/out"
expect_status 2 "$STETIG" import "$ws" --csv "$T/b" --dry-run --replace
expect_grep "cannot be combined" "$T/err"

# import: a summary per file, what was added, updated, left alone
expect_status 0 "$STETIG" new "$T/into.stetig" --lang en
expect_status 0 "$STETIG" import "$T/into.stetig" --csv "$T/b"
expect_grep "into.stetig:" "$T/out"
expect_grep "The workshop was empty: every row is added under its id in the bundle." "$T/out"
expect_grep "strategy_goals.csv: 3 added" "$T/out"
expect_grep "stakeholders.csv: 10 added" "$T/out"
expect_grep "raci.csv: 48 roles set" "$T/out"
expect_grep "check.csv: 9 updated, 30 unchanged" "$T/out"
expect_grep '  added: “Mayor”' "$T/out"
LANGUAGE=de expect_status 0 "$STETIG" import "$T/into.stetig" --csv "$T/b" --dry-run
expect_grep "Probelauf, nichts wurde geschrieben" "$T/out"
expect_grep "Das Paket stammt aus diesem Workshop" "$T/out"
expect_grep "stakeholders.csv: 10 unverändert" "$T/out"
expect_grep "Es ändert sich nichts." "$T/out"

# refusals: file, line, column in the session language; the file untouched
make_hostile_bundle "$T/bad"
sed 's/^3,-Bürgerschaft,,citizens,1,/3,-Bürgerschaft,,citizens,7,/' "$T/bad/stakeholders.csv" > "$T/s.csv"
mv "$T/s.csv" "$T/bad/stakeholders.csv"
cp "$T/into.stetig" "$T/into.copy"
expect_status 1 "$STETIG" import "$T/into.stetig" --csv "$T/bad"
expect_grep "stakeholders.csv, line 4, column 5 (influence): '7' is not allowed" "$T/err"
same_file "$T/into.stetig" "$T/into.copy"
LANGUAGE=de expect_status 1 "$STETIG" import "$T/into.stetig" --csv "$T/bad"
expect_grep "stakeholders.csv, Zeile 4, Spalte 5 (influence)" "$T/err"
same_file "$T/into.stetig" "$T/into.copy"
make_hostile_bundle "$T/bad"
printf 'id,name,category,phase\n1,caf\351,operation,regular\n' > "$T/bad/tasks.csv"
expect_status 1 "$STETIG" import "$T/into.stetig" --csv "$T/bad"
expect_grep "tasks.csv, line 2, column 2: the cell is not valid UTF-8" "$T/err"
same_file "$T/into.stetig" "$T/into.copy"
expect_status 1 "$STETIG" import "$T/into.stetig" --csv "$T/nothing-here"
expect_grep "is not a folder" "$T/err"
same_file "$T/into.stetig" "$T/into.copy"

# a workshop open in another stetig: export reads it, import refuses
if command -v flock >/dev/null 2>&1; then
    # the holder execs into sleep, so $! is the process that holds the lock
    sh -c 'exec 9<"$1" && flock -x 9 && : > "$2" && exec sleep 30' sh "$ws" "$T/held" &
    holder=$!
    i=0
    while [ $i -lt 100 ] && [ ! -e "$T/held" ]; do
        sleep 0.05
        i=$((i + 1))
    done
    cp "$ws" "$T/ws.copy"
    expect_status 1 "$STETIG" import "$ws" --csv "$T/b"
    expect_grep "in use" "$T/err"
    expect_status 0 "$STETIG" export "$ws" --csv "$T/while-open"
    same_file "$ws" "$T/ws.copy"
    kill "$holder" 2>/dev/null
    wait "$holder" 2>/dev/null
else
    echo "SKIP: no flock(1); the in-use refusal is not tested here"
fi

finish
