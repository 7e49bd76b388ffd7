# lib.sh — helpers for the shell tests (sourced).
set -u
: "${STETIG:?run through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/stetig-sh-XXXXXX")
# The findings about due dates and stale values look at today: every test
# runs on the same pinned day, never on the calendar (stetig(1), STETIG_TODAY).
STETIG_TODAY=${STETIG_TODAY:-2026-12-01}
export STETIG_TODAY
# the schema version this build writes (src/core/store.h)
SCHEMA_VERSION=$(sed -n 's/^#define STORE_SCHEMA_VERSION \([0-9][0-9]*\).*/\1/p' \
    "$top_srcdir/src/core/store.h")
trap 'rm -rf "$T"' EXIT
fails=0
checks=0
ok() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }
# expect_status WANT CMD... — run CMD, compare the exit status
expect_status() {
    want=$1; shift
    "$@" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" = "$want" ]; then ok; else fail "$* → status $got, want $want"; cat "$T/err" >&2; fi
}
# expect_grep PATTERN FILE — FILE must contain PATTERN (fixed string)
expect_grep() {
    if grep -qF -- "$1" "$2"; then ok; else fail "'$1' not in $2"; sed 's/^/  | /' "$2" >&2; fi
}
expect_no_grep() {
    if grep -qF -- "$1" "$2"; then fail "'$1' unexpectedly in $2"; else ok; fi
}
same_file() {
    if cmp -s "$1" "$2"; then ok; else fail "$1 and $2 differ"; fi
}
finish() {
    echo "$checks checks, $fails failed"
    [ "$fails" -eq 0 ]
    exit $?
}
