#!/bin/sh
# fault_export.sh — exports that cannot be written: a file-size limit
# (ulimit -f, EFBIG), a full disk (a 64 KiB tmpfs, when we may mount one),
# a read-only folder (chmod, or a read-only tmpfs as root) and a path whose
# parent is a file. Each must fail with a clear message and exit status 1,
# leave no partial or temporary file, and leave the workshop byte-identical.
. "$top_srcdir/tests/lib.sh"

mounts=""
cleanup() {
    for m in $mounts; do umount "$m" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

W="$T/w.stetig"
# a long title makes workshop.csv and the cover sheet larger than the limits
long=$(printf 'Straßenbeleuchtung für die Großstadt %.0s' $(seq 1 150))
expect_status 0 "$STETIG" new "$W" --template demo --title "$long"
cp "$W" "$T/before.stetig"

# the folder holds nothing but what was there before
expect_empty_dir() {
    if [ -z "$(ls -A "$1" 2>/dev/null)" ]; then ok; else fail "$2: left $(ls -A "$1" | tr '\n' ' ')"; fi
}
intact() { same_file "$W" "$T/before.stetig"; }

# ---- a file-size limit: every write past 4 KiB fails with EFBIG
mkdir "$T/lim"
(
    trap '' XFSZ
    ulimit -f 4
    "$STETIG" export "$W" --xlsx "$T/lim/out.xlsx" >"$T/out" 2>"$T/err"
    echo $? >"$T/status"
)
expect_grep 1 "$T/status"
expect_grep "cannot write the workbook" "$T/err"
expect_empty_dir "$T/lim" "xlsx over the size limit"
(
    trap '' XFSZ
    ulimit -f 4
    "$STETIG" export "$W" --csv "$T/lim/bundle" >"$T/out" 2>"$T/err"
    echo $? >"$T/status"
)
expect_grep 1 "$T/status"
expect_grep "too large" "$T/err"
expect_empty_dir "$T/lim/bundle" "CSV over the size limit"
rmdir "$T/lim/bundle" 2>/dev/null
expect_empty_dir "$T/lim" "CSV over the size limit"
intact

# ---- a path whose parent is a file (works as root too)
: >"$T/plain"
expect_status 1 "$STETIG" export "$W" --xlsx "$T/plain/out.xlsx"
expect_grep "not a folder" "$T/err"
expect_status 1 "$STETIG" export "$W" --csv "$T/plain/bundle"
expect_grep "not a folder" "$T/err"
intact

# ---- a read-only folder
mkdir "$T/ro"
ro_ok=no
if [ "$(id -u)" -ne 0 ]; then
    chmod 555 "$T/ro" && ro_ok=yes
elif mount -t tmpfs -o ro,size=64k stetig-ro "$T/ro" 2>/dev/null; then
    mounts="$mounts $T/ro"
    ro_ok=yes
fi
if [ $ro_ok = yes ]; then
    expect_status 1 "$STETIG" export "$W" --xlsx "$T/ro/out.xlsx"
    expect_grep "cannot write the workbook" "$T/err"
    expect_status 1 "$STETIG" export "$W" --csv "$T/ro/bundle"
    expect_grep "cannot write the bundle" "$T/err"
    expect_empty_dir "$T/ro" "read-only folder"
    intact
else
    echo "note: read-only folder not tested (root, and no tmpfs could be mounted)"
fi

# ---- a full disk: a 64 KiB tmpfs with a few KiB left
mkdir "$T/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k stetig-full "$T/full" 2>/dev/null; then
    mounts="$mounts $T/full"
    dd if=/dev/zero of="$T/full/filler" bs=1024 count=52 2>/dev/null
    expect_status 1 "$STETIG" export "$W" --xlsx "$T/full/out.xlsx"
    expect_grep "the disk is full" "$T/err"
    expect_status 1 "$STETIG" export "$W" --csv "$T/full/bundle"
    expect_grep "the disk is full" "$T/err"
    rmdir "$T/full/bundle" 2>/dev/null
    if [ "$(ls -A "$T/full")" = filler ]; then ok; else fail "full disk: left $(ls -A "$T/full" | tr '\n' ' ')"; fi
    intact
    # and when there is room again, the same export works
    rm "$T/full/filler"
    expect_status 0 "$STETIG" export "$W" --xlsx "$T/full/out.xlsx"
else
    echo "note: full disk not tested on a tmpfs (needs root and mount); the size limit above covers it"
fi

finish
