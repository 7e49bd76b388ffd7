#!/bin/sh
# The CSV bundle round trip through the command line: export → `stetig new`
# + import → export gives byte-identical files, in English and German, with
# either delimiter, for workshops made from templates and for one full of
# hostile text (quotes, line breaks, ; and ,, =HYPERLINK("x"), umlauts, a
# cell of 32,767 characters).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/exchange_lib.sh"

# round_trip WORKSHOP LANG NAME [export options] — exports WORKSHOP, imports
# the bundle into a new workshop, exports that, compares every file.
round_trip() {
    ws=$1 lang=$2 name=$3
    shift 3
    expect_status 0 "$STETIG" export "$ws" --csv "$T/$name-1" --lang "$lang" "$@"
    expect_status 0 "$STETIG" new "$T/$name-rt.stetig" --lang "$lang"
    expect_status 0 "$STETIG" import "$T/$name-rt.stetig" --csv "$T/$name-1" --lang "$lang"
    expect_status 0 "$STETIG" export "$T/$name-rt.stetig" --csv "$T/$name-2" --lang "$lang" "$@"
    same_bundles "$T/$name-1" "$T/$name-2"
}

for lang in en de; do
    for tmpl in demo smart-street-lighting urban-data-platform; do
        expect_status 0 "$STETIG" new "$T/$tmpl-$lang.stetig" --template "$tmpl" --lang "$lang"
        round_trip "$T/$tmpl-$lang.stetig" "$lang" "$tmpl-$lang"
    done
done
# the German files use ; and decimal commas, the English ones , and points
expect_grep '"titel";"kommune"' "$T/demo-de-1/workshop.csv"
expect_grep '"title","municipality"' "$T/demo-en-1/workshop.csv"
head -c 3 "$T/demo-de-1/goals.csv" | od -An -tx1 | grep -q 'ef bb bf' && ok || fail "no BOM"
[ "$(head -n 1 "$T/demo-en-1/tasks.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a ] &&
    ok || fail "no CRLF"
# the roadmap (issue 14): the operator columns, the milestones and the
# council decisions travel, and a milestone's council decision stays its own
expect_grep '"operator_model","operator","agreement","agreement_date","agreement_ref","operator_note"' "$T/demo-en-1/workshop.csv"
expect_grep '"betreibermodell";"betreiber";"vereinbarung"' "$T/demo-de-1/workshop.csv"
[ "$(grep -c '' "$T/demo-en-1/milestones.csv")" = 9 ] && ok || fail "8 milestones in the demo bundle"
[ "$(grep -c '' "$T/demo-en-1/decisions.csv")" = 3 ] && ok || fail "2 decisions in the demo bundle"
expect_grep '"id","title","kind","due","owner","status","decision"' "$T/demo-en-1/milestones.csv"
expect_grep '"id";"gremium";"gegenstand";"geplant";"status";"vorlage"' "$T/demo-de-1/decisions.csv"
expect_grep '"Continuation decision prepared","council","2026-06-30","2","done","1"' "$T/demo-en-1/milestones.csv"
if [ -n "$SQLITE3" ]; then
    got=$("$SQLITE3" "$T/demo-en-rt.stetig" "SELECT d.subject, d.status, s.name, w.operator_model, w.agreement
        FROM milestone m JOIN decision d ON d.id = m.decision JOIN stakeholder s ON s.id = m.owner,
        workshop w WHERE m.title = 'Council decision on regular operation'")
    [ "$got" = "Continuation of the heavy-rain warning in regular operation|planned|Environment department|municipal_enterprise|draft" ] &&
        ok || fail "the imported roadmap: $got"
fi
# an English bundle with ; on request, and the other way round
round_trip "$T/demo-en.stetig" en demo-en-semi --delimiter ';'
expect_grep '"id";"title"' "$T/demo-en-semi-1/strategy_goals.csv"
round_trip "$T/demo-de.stetig" de demo-de-comma --delimiter ,
expect_grep '"id","titel"' "$T/demo-de-comma-1/strategy_goals.csv"

# hostile text; the hand-written bundle is also one written before the
# roadmap (no milestones.csv or decisions.csv, a workshop.csv without the
# operator columns): it imports, the operator model stays undecided
make_hostile_bundle "$T/hostile"
[ -e "$T/hostile/milestones.csv" ] && fail "the old bundle has milestones.csv" || ok
expect_status 0 "$STETIG" new "$T/hostile.stetig" --lang en
expect_status 0 "$STETIG" import "$T/hostile.stetig" --csv "$T/hostile"
expect_grep "strategy_goals.csv: 2 added" "$T/out"
if [ -n "$SQLITE3" ]; then
    [ "$("$SQLITE3" "$T/hostile.stetig" "SELECT operator_model, operator IS NULL, agreement FROM workshop")" = "open|1|none" ] &&
        ok || fail "the old bundle changed the operator model"
    # hostile roadmap text of its own, for the round trips below
    "$SQLITE3" "$T/hostile.stetig" "UPDATE workshop SET operator_model = 'intermunicipal',
            operator = (SELECT id FROM stakeholder WHERE name = '-Bürgerschaft'),
            agreement = 'signed', agreement_date = '2026-03-31',
            agreement_ref = '=HYPERLINK(\"x\")', operator_note = 'Daten; Rechte
Zeile 2 mit \"Zitat\"';
        INSERT INTO decision(id, body, subject, planned, status, document)
        VALUES (1, 'district_council', '+Ausschuss; \"Vorlage\"', '2027-01-20', 'postponed', '@V/1'),
               (2, 'other', 'Gewässer, Süd & Nord', NULL, 'planned', '');
        INSERT INTO milestone(title, kind, due, owner, status, decision)
        VALUES ('=1+1', 'council', '2026-12-31', NULL, 'dropped', 1),
               ('Übergabe
zweite Zeile', 'exit', NULL, (SELECT id FROM stakeholder WHERE name = 'Kämmerei'), 'open', NULL);" ||
        fail "sqlite3 hostile roadmap"
fi
round_trip "$T/hostile.stetig" en hostile-en
round_trip "$T/hostile.stetig" de hostile-de
expect_grep '"'"'"'=HYPERLINK(""x"")"' "$T/hostile-en-1/strategy_goals.csv"
expect_grep '"-20"' "$T/hostile-en-1/indicators.csv"
expect_grep '"12,5"' "$T/hostile-de-1/indicators.csv"
expect_grep '"1234567,89"' "$T/hostile-de-1/costs.csv"
expect_grep '"'"'"'	Tab vorn"' "$T/hostile-en-1/stakeholders.csv"
if [ -n "$SQLITE3" ]; then
    expect_grep '"'"'"'=1+1","council","2026-12-31","","dropped","1"' "$T/hostile-en-1/milestones.csv"
    expect_grep '"1";"kreistag";"'"'"'+Ausschuss; ""Vorlage""";"2027-01-20";"vertagt";"'"'"'@V/1"' "$T/hostile-de-1/decisions.csv"
    expect_grep '"interkommunal"' "$T/hostile-de-1/workshop.csv"
fi
# the 32,767 characters arrive whole
if [ -n "$SQLITE3" ]; then
    n=$("$SQLITE3" "$T/hostile-en-rt.stetig" "SELECT max(length(message)) FROM stakeholder")
    [ "$n" = 32767 ] && ok || fail "long cell has $n characters"
fi
# a German bundle imported in an English session and exported in German again
expect_status 0 "$STETIG" new "$T/cross.stetig" --lang en
expect_status 0 "$STETIG" import "$T/cross.stetig" --csv "$T/hostile-de-1" --lang en
expect_status 0 "$STETIG" export "$T/cross.stetig" --csv "$T/cross-de" --lang de
same_bundles "$T/hostile-de-1" "$T/cross-de"

finish
