#!/bin/sh
# output_safety.sh — exports cannot be steered by names, imports cannot be
# made to hang, and text cannot steer what shows it:
# - an --xlsx target that is a pipe, a folder, a device or a link to a pipe
#   is refused and left as it was;
# - a bundle member that is a pipe is refused at once (a timeout guard
#   turns a hang into a failure), the workshop byte-identical;
# - a CSV export that fails midway leaves the old bundle byte-identical and
#   no temporary folder; a good one replaces the bundle as a whole;
# - control characters and bidirectional controls in a workshop never reach
#   the CSV, the workbook XML or the terminal, and stetig imports its own
#   export of such a workshop;
# - choice words and headers in any case under tr_TR.UTF-8;
# - TERM=dumb is refused with a message before the screen starts.
. "$top_srcdir/tests/lib.sh"

command -v timeout >/dev/null 2>&1 || { echo "timeout(1) missing: skipping"; exit 77; }

W="$T/w.stetig"
expect_status 0 "$STETIG" new "$W" --template demo --lang en
cp "$W" "$T/before.stetig"
intact() { same_file "$W" "$T/before.stetig"; }
no_temp() {
    left=$(ls -A "$1" | grep 'tmp-' || true)
    [ -z "$left" ] && ok || fail "temporary files left in $1: $left"
}

# ---- xlsx targets that are not regular files
mkfifo "$T/pipe.xlsx"
expect_status 1 timeout 10 "$STETIG" export "$W" --xlsx "$T/pipe.xlsx"
expect_grep "not a regular file" "$T/err"
[ -p "$T/pipe.xlsx" ] && ok || fail "the pipe was replaced"
ln -s "$T/pipe.xlsx" "$T/link.xlsx"
expect_status 1 timeout 10 "$STETIG" export "$W" --xlsx "$T/link.xlsx"
expect_grep "not a regular file" "$T/err"
[ -L "$T/link.xlsx" ] && [ -p "$T/pipe.xlsx" ] && ok || fail "the link or pipe changed"
mkdir "$T/dir.xlsx"
expect_status 1 "$STETIG" export "$W" --xlsx "$T/dir.xlsx"
expect_grep "a folder has that name" "$T/err"
[ -d "$T/dir.xlsx" ] && [ -z "$(ls -A "$T/dir.xlsx")" ] && ok || fail "the folder changed"
expect_status 1 "$STETIG" export "$W" --xlsx /dev/null
expect_grep "not a regular file" "$T/err"
[ -c /dev/null ] && ok || fail "/dev/null is no longer a device"
no_temp "$T"
no_temp /dev
# a regular file is replaced by a new one (never written through a link)
echo old > "$T/real.xlsx"
ln -s "$T/real.xlsx" "$T/reallink.xlsx"
expect_status 0 "$STETIG" export "$W" --xlsx "$T/reallink.xlsx"
[ "$(cat "$T/real.xlsx")" = old ] && ok || fail "written through a link"
[ -f "$T/reallink.xlsx" ] && [ ! -L "$T/reallink.xlsx" ] && ok || fail "the workbook is not a file"
no_temp "$T"
intact

# ---- a bundle member that is a pipe: refused at once, nothing imported
mkdir "$T/fifo-bundle"
expect_status 0 "$STETIG" export "$W" --csv "$T/good-bundle"
cp "$T/good-bundle/"*.csv "$T/fifo-bundle/"
rm "$T/fifo-bundle/goals.csv"
mkfifo "$T/fifo-bundle/goals.csv"
timeout 10 "$STETIG" import "$W" --csv "$T/fifo-bundle" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -ne 124 ] && ok || fail "import hung on a pipe"
[ $rc -eq 1 ] && ok || fail "import of a pipe: status $rc"
expect_grep "goals.csv" "$T/err"
expect_grep "not a regular file" "$T/err"
intact
rm "$T/fifo-bundle/goals.csv"
mkdir "$T/fifo-bundle/goals.csv"
expect_status 1 timeout 10 "$STETIG" import "$W" --csv "$T/fifo-bundle"
expect_grep "a folder has that name" "$T/err"
intact

# ---- the bundle is replaced as a whole, or not at all
B="$T/bundle"
expect_status 0 "$STETIG" export "$W" --csv "$B"
cp -a "$B" "$T/bundle.orig"
long=$(printf 'Straßenbeleuchtung für die Großstadt %.0s' $(seq 1 150))
W2="$T/long.stetig"
expect_status 0 "$STETIG" new "$W2" --template demo --title "$long"
(
    trap '' XFSZ
    ulimit -f 4
    "$STETIG" export "$W2" --csv "$B" >"$T/out" 2>"$T/err"
    echo $? >"$T/status"
)
expect_grep 1 "$T/status"
expect_grep "too large" "$T/err"
diff -r "$B" "$T/bundle.orig" >/dev/null && ok || fail "a failed export changed the bundle"
no_temp "$T"
# a good export replaces it: the new title, no file of the old one left over
expect_status 0 "$STETIG" export "$W2" --csv "$B"
grep -q "Großstadt" "$B/workshop.csv" && ok || fail "the bundle was not replaced"
[ "$(ls "$B" | wc -l)" -eq 15 ] && ok || fail "bundle has $(ls "$B" | wc -l) files"
no_temp "$T"
# a folder with other files is refused and left alone
mkdir "$T/mixed" && echo mine > "$T/mixed/notes.txt"
expect_status 1 "$STETIG" export "$W" --csv "$T/mixed"
expect_grep "holds “notes.txt”, which is not part" "$T/err"
[ "$(ls -A "$T/mixed")" = notes.txt ] && ok || fail "the mixed folder changed"
no_temp "$T"

# ---- control and bidirectional characters
if [ -n "${SQLITE3:-}" ] && [ -x "$SQLITE3" ]; then
    E="$T/evil.stetig"
    expect_status 0 "$STETIG" new "$E" --template demo --lang en
    # ESC [2J, BEL, U+009B (CSI), U+202E (right-to-left override), U+2066
    "$SQLITE3" "$E" "UPDATE workshop SET title = 'Plan' || char(27) || '[2J' || char(7) || char(155) || 'x' || char(8238) || 'txt.exe' || char(8294) || 'end', municipality = '=cmd' || char(8237)" || fail "sqlite3"
    expect_status 0 "$STETIG" export "$E" --csv "$T/evil" --xlsx "$T/evil.xlsx"
    if grep -q "$(printf '\033')\|$(printf '\007')" "$T/evil/workshop.csv"; then fail "control characters in the CSV"; else ok; fi
    if grep -q "$(printf '\342\200\256')\|$(printf '\342\201\246')\|$(printf '\342\200\255')\|$(printf '\302\233')" "$T/evil/workshop.csv"; then
        fail "bidirectional controls in the CSV"; else ok; fi
    grep -q "$(printf '\357\277\275')txt.exe" "$T/evil/workshop.csv" && ok || fail "no visible marker in the CSV"
    # the workbook's XML: no bidi control, no escaped control character
    "$PYTHON3" - "$T/evil.xlsx" >"$T/xml" 2>&1 <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = []
for n in z.namelist():
    t = z.read(n).decode('utf-8')
    for c in ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\x1b', '\x07', '\x9b', '_x001B_', '_x001b_']:
        if c in t:
            bad.append('%s:%r' % (n, c))
print('BAD' if bad else 'CLEAN', ' '.join(bad))
PY
    expect_grep CLEAN "$T/xml"
    # stetig imports its own export of this workshop
    expect_status 0 "$STETIG" new "$T/again.stetig" --lang en
    expect_status 0 "$STETIG" import "$T/again.stetig" --csv "$T/evil"
    # the terminal: check prints the title without the controls
    "$STETIG" check "$E" >"$T/out" 2>"$T/err"
    if grep -q "$(printf '\033')\|$(printf '\342\200\256')" "$T/out" "$T/err"; then
        fail "control characters reached the terminal"; else ok; fi
else
    echo "note: sqlite3 missing: control characters in a workshop not tested"
fi

# ---- choice words and headers in any case under tr_TR.UTF-8
if locale -a 2>/dev/null | grep -qi '^tr_TR\.utf-\?8$'; then
    mkdir "$T/tr"
    printf 'ID,NAME,ORGANISATION,GROUP,INFLUENCE,INTEREST,ATTITUDE,KEY_PERSON,TEMPORARY,MESSAGE,CHANNEL,CADENCE\r\n1,Ilse,IT,INTERMUNICIPAL,3,4,CRITICAL,YES,NO,,,\r\n' >"$T/tr/stakeholders.csv"
    printf 'ID,NAME,CATEGORY,PHASE\r\n1,Pflege,MAINTENANCE,PILOT\r\n' >"$T/tr/tasks.csv"
    expect_status 0 "$STETIG" new "$T/tr.stetig" --lang en
    expect_status 0 env LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 "$STETIG" import "$T/tr.stetig" --csv "$T/tr"
    expect_status 0 "$STETIG" export "$T/tr.stetig" --csv "$T/tr-out" --lang en
    grep -q '"intermunicipal"' "$T/tr-out/stakeholders.csv" && ok || fail "group not read under tr_TR"
    grep -q '"critical"' "$T/tr-out/stakeholders.csv" && ok || fail "attitude not read under tr_TR"
    grep -q '"maintenance"' "$T/tr-out/tasks.csv" && ok || fail "category not read under tr_TR"
    # --lang takes its word in any case too (status 1: the workshop has findings)
    expect_status 1 env LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 "$STETIG" check "$T/tr.stetig" --lang ENGLISH
    expect_no_grep "language" "$T/err"
else
    echo "note: no tr_TR.UTF-8 locale (run ./bootstrap as root): Turkish case folding not tested"
fi

# ---- a terminal that cannot place the cursor
expect_status 1 env TERM=dumb "$STETIG" "$T/dumb.stetig"
expect_grep "cannot place the cursor" "$T/err"
[ -e "$T/dumb.stetig" ] && fail "a workshop was created for a dumb terminal" || ok
expect_status 1 env TERM=dumb LANGUAGE=de LANG=de_DE.UTF-8 "$STETIG" "$T/dumb.stetig"
expect_grep "Cursor" "$T/err"

finish
