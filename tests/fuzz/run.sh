#!/bin/sh
# run.sh BUILD_DIR FUZZ_SRCDIR SECONDS TARGET... — run each libFuzzer target
# in turn for SECONDS, on one core (no -jobs/-workers: a single process),
# at low priority. Called by `make fuzz`; see tests/fuzz/README.
# The seeds in FUZZ_SRCDIR/corpus_NAME are copied into a working corpus in
# BUILD_DIR/corpus_NAME, which keeps growing between runs; crashes land in
# BUILD_DIR/NAME-crash-* (keep them as FUZZ_SRCDIR/crashers/NAME-*).
set -u
build=$1 src=$2 seconds=$3
shift 3
status=0
for t in "$@"; do
    bin="$build/fuzz_$t"
    work="$build/corpus_$t"
    mkdir -p "$work"
    cp -n "$src/corpus_$t"/* "$work"/ 2>/dev/null || true
    dict=""
    [ -f "$src/$t.dict" ] && dict="-dict=$src/$t.dict"
    echo "== fuzz_$t for $seconds s (corpus $work)"
    # shellcheck disable=SC2086
    if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        nice -n 10 "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$build/$t-" $dict \
            "$work" "$src/crashers" >"$build/fuzz_$t.log" 2>&1; then
        echo "fuzz_$t FOUND A PROBLEM; see $build/fuzz_$t.log and $build/$t-crash-*"
        status=1
    fi
    grep -E '^(stat::|Done|#[0-9]+ *DONE)' "$build/fuzz_$t.log" | tail -8
done
exit $status
