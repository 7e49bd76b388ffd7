#!/bin/sh
# attack_files.sh — workshop files made by someone else, as an attacker or an
# unlucky user would make them. Every file is built here with the sqlite3
# shell (and, for the hand-made journals, dd and printf): nothing binary is
# checked in. Each file is given to `stetig check`, `stetig export` (CSV and
# xlsx) and the screen; each either refuses it with a message that says why,
# or opens it safely. After every refusal, and after every command that only
# reads, the file and every side file beside it are byte-identical (cmp and
# sha256sum before and after). The counts are printed at the end.
. "$top_srcdir/tests/ui_lib.sh"

runs=0 refused=0 identical=0

# ---------------------------------------------------------------- helpers

q() { "$SQLITE3" "$@" >/dev/null || fail "sqlite3 $*"; }

# be32 N — N as four bytes, big-endian
be32() {
    printf "\\$(printf %03o $(( ($1 >> 24) & 255 )))\\$(printf %03o $(( ($1 >> 16) & 255 )))"
    printf "\\$(printf %03o $(( ($1 >> 8) & 255 )))\\$(printf %03o $(( $1 & 255 )))"
}

# make_journal PAGE1_FROM NORIG OUT — a rollback journal as SQLite writes it
# (header in a 512-byte sector, page size 4096) holding one record: page 1
# of PAGE1_FROM, with its checksum (every 200th byte from the end).
make_journal() {
    { printf '\331\325\005\371\040\241\143\327'; be32 1; be32 0; be32 "$2"; be32 512; be32 4096; } > "$3"
    dd if=/dev/zero bs=1 count=484 2>/dev/null >> "$3"
    be32 1 >> "$3"
    dd if="$1" bs=4096 count=1 2>/dev/null >> "$3"
    _sum=0 _i=3896
    while [ "$_i" -gt 0 ]; do
        _b=$(od -An -tu1 -j "$_i" -N1 "$1" | tr -d ' ')
        _sum=$((_sum + _b))
        _i=$((_i - 200))
    done
    be32 "$_sum" >> "$3"
}

pages() { echo $(( $(wc -c < "$1") / 4096 )); }

# the file and its side files (everything in its folder), with checksums
sums() { (cd "$(dirname "$1")" && sha256sum -- * 2>/dev/null) }
# keep F — a copy of F's folder, to compare with later
keep() {
    rm -rf "$(dirname "$1").keep"
    cp -a "$(dirname "$1")" "$(dirname "$1").keep"
    sums "$1" > "$(dirname "$1").sum"
}
# unchanged F WHAT — the file and its side files are what keep saw
unchanged() {
    _same=yes
    sums "$1" > "$(dirname "$1").now"
    cmp -s "$(dirname "$1").sum" "$(dirname "$1").now" || _same=no
    for _f in "$(dirname "$1").keep"/*; do
        cmp -s "$_f" "$(dirname "$1")/$(basename "$_f")" || _same=no
    done
    if [ $_same = yes ]; then
        identical=$((identical + 1)); ok
    else
        fail "$2: $(basename "$(dirname "$1")") changed"
        diff "$(dirname "$1").sum" "$(dirname "$1").now" >&2
    fi
}

# refuse F PATTERN [COMMANDS] — each command (default: all) refuses F with
# PATTERN in its message and leaves F and its side files as they were
refuse() {
    keep "$1"
    for _cmd in ${3:-check export-csv export-xlsx open}; do
        runs=$((runs + 1))
        case $_cmd in
        check) want=2; "$STETIG" check "$1" >"$T/out" 2>"$T/err" ;;
        export-csv) want=1; "$STETIG" export "$1" --csv "$T/bundle" >"$T/out" 2>"$T/err" ;;
        export-xlsx) want=1; "$STETIG" export "$1" --xlsx "$T/out.xlsx" >"$T/out" 2>"$T/err" ;;
        open) want=1; timeout 20 "$STETIG" "$1" </dev/null >"$T/out" 2>"$T/err" ;;
        esac
        got=$?
        if [ "$got" = "$want" ] && grep -qF -- "$2" "$T/err"; then
            refused=$((refused + 1)); ok
        else
            fail "$_cmd $(basename "$(dirname "$1")"): status $got (want $want), message:"
            sed 's/^/  | /' "$T/err" >&2
        fi
        if grep -qE 'Sanitizer|runtime error' "$T/err"; then fail "sanitizer report"; cat "$T/err" >&2; fi
        unchanged "$1" "$_cmd"
        rm -rf "$T/bundle" "$T/out.xlsx"
    done
}

# read_safely F — check and export read F (status 0 or 1 for check, 0 for
# export) and leave it and its side files as they were
read_safely() {
    keep "$1"
    runs=$((runs + 1))
    "$STETIG" check "$1" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" = 0 ] || [ "$got" = 1 ]; then ok; else fail "check $1: $got"; cat "$T/err" >&2; fi
    unchanged "$1" check
    for _how in "--csv $T/bundle" "--xlsx $T/out.xlsx"; do
        runs=$((runs + 1))
        # shellcheck disable=SC2086
        expect_status 0 "$STETIG" export "$1" $_how
        unchanged "$1" "export $_how"
        rm -rf "$T/bundle" "$T/out.xlsx"
    done
}

# new_case NAME — a folder of its own with a copy of the base workshop;
# prints the file's path
new_case() {
    mkdir -p "$T/cases/$1"
    cp "$base" "$T/cases/$1/w.stetig"
    echo "$T/cases/$1/w.stetig"
}

# ---------------------------------------------------------------- the base

mkdir "$T/base"
base="$T/base/base.stetig"
"$STETIG" new "$base" --title "Basis" --municipality "Musterstadt" >/dev/null 2>&1 || fail "new"
q "$base" "INSERT INTO goal(id,title) VALUES(1,'Ziel');
 INSERT INTO stakeholder(id,name) VALUES(1,'Amt'),(2,'Rat'),(3,'Werk');
 INSERT INTO indicator(goal,name,owner) VALUES(1,'a',2),(1,'b',3),(1,'c',2);
 INSERT INTO task(id,name) VALUES(1,'Betrieb');
 INSERT INTO raci(task,stakeholder,role) VALUES(1,1,'R'),(1,2,'A');"
read_safely "$base"

# ---------------------------------------------------------------- side files

# a -wal of another database beside the workshop (SQLite would check it
# into the file)
f=$(new_case foreign-wal)
printf 'PRAGMA journal_mode=WAL;\nCREATE TABLE t(x);\nINSERT INTO t VALUES(randomblob(3000));\n.system cp %s %s\n' \
    "$T/other.db-wal" "$f-wal" | "$SQLITE3" "$T/other.db" >/dev/null
[ -s "$f-wal" ] && ok || fail "no -wal made"
refuse "$f" "w.stetig-wal"

# a journal whose page 1 raises user_version past this build's (its change
# counter is the file's, so only the version gives it away)
f=$(new_case journal-newer)
cp "$f" "$T/newer-src"
q "$T/newer-src" "PRAGMA user_version=99"
dd if="$f" of="$T/newer-src" bs=1 skip=24 seek=24 count=4 conv=notrunc 2>/dev/null
make_journal "$T/newer-src" "$(pages "$f")" "$f-journal"
refuse "$f" "w.stetig-journal"

# a workshop restored from a backup beside the journal of a later edit
f=$(new_case stale-journal)
cp "$f" "$T/later"
q "$T/later" "UPDATE workshop SET title='Später'"
q "$T/later" "UPDATE workshop SET title='Noch später'"
make_journal "$T/later" "$(pages "$T/later")" "$f-journal"
refuse "$f" "w.stetig-journal"

# a journal that belongs to the file (an edit of page 1 cut off by a
# crash): readers refuse it and change nothing; the screen recovers it
f=$(new_case own-journal)
cp "$f" "$T/before"
q "$f" "PRAGMA user_version=$SCHEMA_VERSION"
make_journal "$T/before" "$(pages "$f")" "$f-journal"
refuse "$f" "Open it in stetig once" "check export-csv export-xlsx"
ui_start "$f"
wait_for "Basis · Musterstadt"
keys q
wait_exit
[ -e "$f-journal" ] && fail "journal still there after the screen" || ok
if cmp -s "$f" "$T/before"; then ok; else fail "the recovered file is not the one before the cut-off edit"; fi
read_safely "$f"

# ---------------------------------------------------------------- content

# a broken index (two indexes of a table swapped): the whole-file check
# finds it, on a read-write connection too, before anything is shown
f=$(new_case broken-index)
r_goal=$("$SQLITE3" "$f" "SELECT rootpage FROM sqlite_schema WHERE name='indicator_goal'")
r_owner=$("$SQLITE3" "$f" "SELECT rootpage FROM sqlite_schema WHERE name='indicator_owner'")
q "$f" "PRAGMA writable_schema=ON;
 UPDATE sqlite_schema SET rootpage=$r_owner WHERE name='indicator_goal';
 UPDATE sqlite_schema SET rootpage=$r_goal WHERE name='indicator_owner';"
[ "$("$SQLITE3" "$f" "PRAGMA integrity_check" | head -1)" != ok ] && ok || fail "index not broken"
refuse "$f" "is damaged" open
read_safely "$f"

# rows that break the schema's CHECK constraints
for c in "influence=99:UPDATE stakeholder SET influence=99 WHERE id=2" \
         "influence=-3:UPDATE stakeholder SET influence=-3 WHERE id=3" \
         "role:UPDATE raci SET role='X' WHERE stakeholder=2" \
         "clock:INSERT INTO clock(step,elapsed,started) VALUES(1,9223372036854775807,1)" \
         "started:INSERT INTO clock(step,elapsed,started) VALUES(2,0,9223372036854775807)" \
         "date:UPDATE note SET due='2025-02-30'" \
         "minutes:UPDATE agenda SET minutes=100000 WHERE step=3"; do
    name=${c%%:*}
    f=$(new_case "check-$name")
    q "$f" "INSERT INTO note(text,due) VALUES('n','2025-01-01'); PRAGMA ignore_check_constraints=ON; ${c#*:}"
    refuse "$f" "is damaged"
done

# schema objects stetig did not make
for c in 'trigger “wipe”:CREATE TRIGGER wipe AFTER UPDATE ON workshop BEGIN DELETE FROM goal; END' \
         'view “v”:CREATE VIEW v AS SELECT 1' \
         'table “extra”:CREATE TABLE extra(x)' \
         'index “goal_title”:CREATE INDEX goal_title ON goal(title)' \
         'virtual table “ft”:CREATE VIRTUAL TABLE ft USING fts3(x)'; do
    what=${c%%:*}
    f=$(new_case "foreign-$(echo "$what" | sed 's/[“”]//g' | tr ' ' '-')")
    q "$f" "${c#*:}"
    refuse "$f" "$what"
done
# a CHECK constraint dropped from stetig's own table
f=$(new_case altered-table)
q "$f" "PRAGMA writable_schema=ON;
 UPDATE sqlite_schema SET sql=replace(sql,'CHECK(influence BETWEEN 1 AND 5)','')
 WHERE name='stakeholder';"
refuse "$f" "differs from stetig"

# a newer version
f=$(new_case newer)
q "$f" "PRAGMA user_version=$((SCHEMA_VERSION + 1))"
refuse "$f" "newer version of stetig"

# ---------------------------------------------------------------- undo records

# an undo record that carries SQL text in a value: it is data, restored as
# text, never run
f=$(new_case undo-fts3-data)
q "$f" "INSERT INTO undo_step(id,kind,label,item) VALUES(1,'undo','Edit workshop','Basis');
 INSERT INTO undo_log(step,tbl,op,rid,v0,v1,v2,v3,v4,v5,v6,v7,v8,v9,v10,v11,v12,v13,v14,v15,v16,v17,v18,v19,v20,v21,v22,v23,v24)
 SELECT 1,'workshop','u',1,id,'fts3_tokenizer(''simple'', x''4141414141414141'')',
  municipality,field,funding_end,phase,facilitator,participants,language,funding_rate,
  first_budget_year,operator_model,operator,agreement,agreement_date,agreement_ref,
  operator_note,uid,doc_status,council_request,office,vote_voters,vote_dots,start_time,bell
  FROM workshop;"
read_safely "$f"
ui_start "$f"
wait_for "Basis · Musterstadt"
keys u
wait_for "Undone: Edit workshop"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "undo-fts3-data: status $ui_status"
expect_sql "$f" "SELECT title FROM workshop" "fts3_tokenizer('simple', x'4141414141414141')"

# an undo record naming a table that is no table of stetig's
f=$(new_case undo-fts3-table)
q "$f" "INSERT INTO undo_step(id,kind,label,item) VALUES(1,'undo','Edit workshop','Basis');
 INSERT INTO undo_log(step,tbl,op,rid) VALUES(1,'workshop SET title=hex(fts3_tokenizer(''simple'')) --','i',1);"
read_safely "$f"
keep "$f"
ui_start "$f"
wait_for "Basis · Musterstadt"
keys u
wait_for "is damaged (the undo h"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "undo-fts3-table: status $ui_status"
unchanged "$f" "open and undo"
runs=$((runs + 1))

# a workshop of format 2 whose undo history holds SQL text calling
# fts3_tokenizer: reading never runs it, opening drops it with the old format.
# tests/make_old writes the file as format 2 did (the migrations up to 2).
f=$(new_case undo-sql-v2)
rm -f "$f"
"$MAKE_OLD" "$f" 2 || fail "make_old $f 2"
q "$f" "UPDATE workshop SET title='Basis', municipality='Musterstadt';
 INSERT INTO undo_step(id,kind,label,item) VALUES(1,'undo','Edit workshop','Basis');
 INSERT INTO undo_log(step,sql) VALUES(1,'UPDATE workshop SET title=hex(fts3_tokenizer(''simple'')) WHERE rowid=1'),
  (1,'SELECT fts3_tokenizer(''simple'', x''4141414141414141'')');"
expect_sql "$f" "PRAGMA user_version" "2"
read_safely "$f"
ui_start "$f"
wait_for "Basis · Musterstadt"
keys u
wait_for "Nothing to undo"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "undo-sql-v2: status $ui_status"
expect_sql "$f" "SELECT title FROM workshop" "Basis"
expect_sql "$f" "SELECT count(*) FROM undo_log" "0"
expect_sql "$f" "PRAGMA user_version" "$SCHEMA_VERSION"

tried=$(find "$T/cases" -mindepth 1 -maxdepth 1 -type d ! -name '*.keep' | wc -l)
echo "crafted files tried: $tried; command runs: $runs; refused: $refused; byte-identical afterwards: $identical"
finish
