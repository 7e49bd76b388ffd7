#!/bin/sh
# `stetig check`: exit codes, usage errors, both languages and formats, a
# template workshop, and a realistic workshop with deliberate gaps in which
# every gap is named and nothing that is in order.
. "$top_srcdir/tests/lib.sh"

if [ -z "$SQLITE3" ]; then
    echo "sqlite3 is missing: the workshops of this test are built with it"
    exit 77
fi
sql() { "$SQLITE3" "$@" || fail "sqlite3 $*"; }
TAB=$(printf '\t')
# the warnings on shares that are only asked for or promised look 12 months
# ahead of today
STETIG_TODAY=2025-03-01
export STETIG_TODAY

# ---------------------------------------------------------------- usage
expect_status 0 "$STETIG" check --help
expect_grep "Usage:" "$T/out"
expect_grep "--format text|tsv" "$T/out"
expect_status 2 "$STETIG" check
expect_grep "--help" "$T/err"
expect_status 2 "$STETIG" check a.stetig b.stetig
expect_status 2 "$STETIG" check "$T/x.stetig" --format xml
expect_grep "unknown format 'xml'" "$T/err"
expect_status 2 "$STETIG" check "$T/x.stetig" --format
expect_status 2 "$STETIG" check "$T/x.stetig" --lang fr
expect_status 2 "$STETIG" check "$T/x.stetig" --bogus
LANGUAGE=de expect_status 2 "$STETIG" check "$T/x.stetig" --format xml
expect_grep "unbekanntes Format" "$T/err"

# ---------------------------------------------------------------- errors
expect_status 2 "$STETIG" check "$T/missing.stetig"
[ -s "$T/out" ] && fail "output for a missing file" || ok
[ -e "$T/missing.stetig" ] && fail "check created a file" || ok
printf 'not a workshop\n' > "$T/text.stetig"
cp "$T/text.stetig" "$T/text.orig"
expect_status 2 "$STETIG" check "$T/text.stetig"
expect_grep "not a stetig workshop" "$T/err"
same_file "$T/text.stetig" "$T/text.orig"
sql "$T/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
expect_status 2 "$STETIG" check "$T/foreign.db" --format tsv
[ -s "$T/out" ] && fail "tsv output for a foreign database" || ok

# ---------------------------------------------------------------- a new, empty workshop
f="$T/empty.stetig"
expect_status 0 "$STETIG" new "$f" --lang en
expect_status 1 "$STETIG" check "$f"
expect_grep "Findings for (untitled workshop)" "$T/out"
expect_grep "No regular-operation task for 'Operation'" "$T/out"
expect_grep "No regular-operation task for 'Maintenance'" "$T/out"
expect_grep "No regular-operation task for 'Funding'" "$T/out"
expect_grep "None of the 39 check items is assessed yet" "$T/out"
expect_grep "Readiness per factor" "$T/out"
expect_no_grep "Readiness is only" "$T/out" # quiet about factors on a new workshop
# the roadmap (step 6) asks for an operator model
expect_grep "  GAP      (untitled workshop): No operator model for regular operation is chosen" "$T/out"
expect_grep "Summary: 5 gaps, 4 warnings, 2 hints." "$T/out"

# ---------------------------------------------------------------- a template workshop
f="$T/platform.stetig"
expect_status 0 "$STETIG" new "$f" --template urban-data-platform --lang en \
    --title "Urban data platform" --municipality Musterstadt
expect_status 1 "$STETIG" check "$f"
cp "$T/out" "$T/platform.txt"
# the template leaves the baselines and the funding end to the group
[ "$(grep -c 'GAP .*No baseline' "$T/platform.txt")" = 6 ] && ok || fail "6 baselines"
# with costs, a missing funding end is a gap: nothing about the money can be checked
expect_grep "  GAP      Urban data platform: The funding end date is missing" "$T/platform.txt"
# the shares only promised or asked for 2026, which starts within 12 months
expect_grep "  WARNING  Hosting in the municipal data centre: Municipal utilities has promised its share" "$T/platform.txt"
expect_grep "  WARNING  New interfaces and dashboards: Chief Digital Officer has only been asked" "$T/platform.txt"
expect_grep "Indicators" "$T/platform.txt"
expect_grep "  1  Communicating the measure and its goals                       0%" "$T/platform.txt"
# the wind-down is the alternative path, not a sixth factor: no number
expect_grep "     Ending and winding down a measure (alternative path)          0%" "$T/platform.txt"
expect_no_grep "  6  " "$T/platform.txt"
# the template names an operator model and operator, but its agreement is
# not signed yet: the settled handover categories are only agreed in the room
expect_grep "  WARNING  Urban data platform: 9 task categories look settled in the handover view, but no operator agreement is signed" "$T/platform.txt"
expect_no_grep "No operator model" "$T/platform.txt"
expect_grep "Summary: 7 gaps, 3 warnings, 1 hint." "$T/platform.txt"
# every finding is one line of its own, under its step
awk 'length($0) > 0 && !/^  / && !/^[A-Z]/ { bad = 1 } END { exit bad }' "$T/platform.txt" \
    && ok || fail "a line that is neither heading nor finding"

# tsv: four fields, CSV vocabulary, no readiness
expect_status 1 "$STETIG" check "$f" --format tsv
cp "$T/out" "$T/platform.tsv"
[ "$(wc -l < "$T/platform.tsv")" = 11 ] && ok || fail "11 tsv lines"
expect_grep "warning${TAB}roadmap${TAB}Urban data platform${TAB}" "$T/platform.tsv"
awk -F'\t' 'NF != 4 { bad = 1 } END { exit bad }' "$T/platform.tsv" && ok || fail "4 fields"
expect_grep "gap${TAB}indicators${TAB}Platform availability${TAB}No baseline" "$T/platform.tsv"
expect_grep "gap${TAB}workshop${TAB}Urban data platform${TAB}" "$T/platform.tsv"
expect_grep "hint${TAB}check${TAB}" "$T/platform.tsv"
expect_no_grep "Readiness" "$T/platform.tsv"
# a name a spreadsheet would run as a formula is neutralised as in the CSV
# bundle (a tsv file is opened in spreadsheets too)
expect_status 0 "$STETIG" new "$T/formula.stetig" --title '=HYPERLINK("x")' --lang en
expect_status 1 "$STETIG" check "$T/formula.stetig" --format tsv
expect_grep "workshop${TAB}'=HYPERLINK(\"x\")${TAB}" "$T/out"
awk -F'\t' '$3 ~ /^[=+@-]/ { bad = 1 } END { exit bad }' "$T/out" && ok || fail "a raw formula in tsv"

# German: from the environment, and --lang wins over it
LANGUAGE=de expect_status 1 "$STETIG" check "$f"
expect_grep "Befunde zu Urban data platform" "$T/out"
expect_grep "  LÜCKE    Platform availability: Kein Ausgangswert" "$T/out"
expect_grep "Indikatoren" "$T/out"
expect_grep "Reifegrad je Faktor" "$T/out"
expect_grep "  1  Kommunikation der Maßnahme und ihrer Ziele                 0 %" "$T/out"
expect_grep "Zusammenfassung: 7 Lücken, 3 Warnungen, 1 Hinweis." "$T/out"
LANGUAGE=de expect_status 1 "$STETIG" check "$f" --lang en
expect_grep "Summary: 7 gaps" "$T/out"
expect_status 1 "$STETIG" check --lang de --format tsv "$f"
expect_grep "lücke${TAB}indikatoren${TAB}Platform availability${TAB}Kein Ausgangswert" "$T/out"
expect_grep "lücke${TAB}workshop${TAB}" "$T/out"

# read-only: works while another process holds the "in use" lock, and leaves
# the file byte-identical
cp "$f" "$T/platform.orig"
if command -v flock >/dev/null 2>&1; then
    expect_status 1 flock -n "$f" "$STETIG" check "$f"
    expect_grep "Summary: 7 gaps" "$T/out"
fi
same_file "$f" "$T/platform.orig"

# with baselines, every share in an adopted budget and a funding end ten
# months ahead (today is 2025-03-01) the roadmap asks for the council decision
sql "$f" "UPDATE indicator SET baseline_date = '2025-01-15',
              baseline = CASE direction WHEN 'lower' THEN 2 * target ELSE 0 END;
          UPDATE workshop SET funding_end = '2025-12-31';
          UPDATE cost_share SET status = 'adopted';"
expect_status 1 "$STETIG" check "$f"
expect_grep "  GAP      Urban data platform: The funding ends on 2025-12-31, within twelve months, and no council decision" "$T/out"
expect_no_grep "no operator agreement is signed;" "$T/out"
expect_grep "Summary: 1 gap, 1 warning, 1 hint." "$T/out"
# once the funding end has passed the agreement is late too, and both say
# that the funding ended
STETIG_TODAY=2026-12-01 expect_status 1 "$STETIG" check "$f"
expect_grep "  GAP      Urban data platform: The funding ended on 2025-12-31 and no operator agreement is signed" "$T/out"
expect_grep "  GAP      Urban data platform: The funding ended on 2025-12-31 and no council decision on the continuation is even submitted" "$T/out"
expect_no_grep "within six months" "$T/out"
expect_grep "Summary: 2 gaps, 1 warning, 1 hint." "$T/out"
# a signed agreement and a submitted decision: only the hint to assess the
# check list is left: exit 0
sql "$f" "UPDATE workshop SET agreement = 'signed', agreement_date = '2025-10-01';
          INSERT INTO decision(body, subject, planned, status)
          VALUES ('council', 'Continue the platform', '2026-02-15', 'submitted');"
expect_status 0 "$STETIG" check "$f"
expect_grep "  HINT     Urban data platform: None of the 39 check items" "$T/out"
expect_grep "Summary: 0 gaps, 0 warnings, 1 hint." "$T/out"
expect_status 0 "$STETIG" check "$f" --format tsv
[ "$(wc -l < "$T/out")" = 1 ] && ok || fail "one tsv line"

# ---------------------------------------------------------------- a workshop with deliberate gaps
f="$T/parking.stetig"
expect_status 0 "$STETIG" new "$f" --lang de
sql "$f" <<'EOF'
UPDATE workshop SET title = 'Parkraumsensorik Innenstadt', municipality = 'Musterstadt',
    funding_end = '2026-06-30', funding_rate = 65, phase = 'transition';
INSERT INTO strategy_goal(id, title) VALUES (1, 'Verkehr klimafreundlich lenken');

-- G1 is in order; G2 lacks a measurable part, a date, a strategy link and
-- an indicator, and its specific part is a vague verb
INSERT INTO goal(id, title, specific, measurable, achievable, relevant, time_bound, strategy_goal)
VALUES (1, 'Parksuchverkehr senken', 'Freie Stellplätze in 3 Parkzonen live anzeigen',
        'Suchzeit sinkt von 9,5 auf 6 Minuten', 'Sensoren sind verbaut',
        'Dient dem Klimaschutzkonzept', '2027-12-31', 1),
       (2, 'Innenstadt beleben', 'Verbessern', '', 'Mit dem Stadtmarketing',
        'Stärkt den Handel', 'Ende 2027', NULL);

-- S1, S5, S6, S8 are in order; S2 lacks a channel; S3 is the temporary
-- Smart-City team; S4 is accountable in the pilot only; S7 has high
-- influence and interest but no role
INSERT INTO stakeholder(id, name, grp, influence, interest, key_person, temporary, message, channel)
VALUES (1, 'Oberbürgermeisterin', 'politics', 5, 4, 1, 0, 'Weniger Suchverkehr', 'Jour fixe'),
       (2, 'Tiefbauamt', 'administration', 4, 4, 0, 0, 'Betrieb ist planbar', ''),
       (3, 'Smart-City-Team', 'administration', 3, 5, 0, 1, '', ''),
       (4, 'Ordnungsamt', 'administration', 3, 3, 0, 0, '', ''),
       (5, 'Stadtwerke', 'municipal_company', 4, 4, 0, 0, 'Daten schaffen Wert', 'Vorstand'),
       (6, 'Kämmerei', 'administration', 4, 2, 0, 0, 'Kosten sind gedeckt', 'Haushaltsgespräch'),
       (7, 'Wirtschaftsförderung', 'administration', 4, 5, 0, 0, 'Handel profitiert', 'Newsletter'),
       (8, 'IT-Dienstleister', 'intermunicipal', 3, 3, 0, 0, '', '');

-- I1 is in order; I2 aims the wrong way, has no source and an owner without
-- A or R; I3 has neither baseline nor owner nor frequency
INSERT INTO indicator(id, goal, name, unit, direction, baseline, target, source, frequency, owner)
VALUES (1, 1, 'Durchschnittliche Parksuchzeit', 'min', 'lower', 9.5, 6, 'Befragung', 'jährlich', 2),
       (2, 1, 'Belegte Sensorplätze', 'Plätze', 'higher', 200, 150, '', 'monatlich', 5),
       (3, 1, 'Nutzung der Park-App', 'Aufrufe', 'higher', NULL, 5000, 'App-Statistik', '', NULL);

-- tasks: data care only in the pilot, no funding in regular operation
INSERT INTO task(id, name, category, phase)
VALUES (1, 'Sensoren im Pilotgebiet betreiben', 'operation', 'pilot'),
       (2, 'Parkdaten auswerten', 'data', 'pilot'),
       (3, 'Fördermittel abrufen', 'funding', 'pilot'),
       (4, 'Sensornetz betreiben', 'operation', 'regular'),
       (5, 'Sensoren warten', 'maintenance', 'regular'),
       (6, 'Bürgerinformation', 'communication', 'regular');
INSERT INTO raci(task, stakeholder, role)
VALUES (1, 3, 'A'), (1, 2, 'R'),
       (2, 4, 'A'), (2, 3, 'R'),
       (3, 3, 'A'), (3, 6, 'R'),
       (4, 2, 'A'), (4, 8, 'R'),
       (5, 2, 'A'), (5, 3, 'R'),
       (6, 1, 'A'), (6, 2, 'A'), (6, 5, 'C');

-- K1 covered 60 % + 40 %; K2 only 60 %; K3 runs through 2026, half a year
-- after the funding end (2026-06-30), uncovered; K4 is one-off within the
-- funding; K5 is shared 120 %
INSERT INTO cost(id, name, kind, amount, start_year, end_year)
VALUES (1, 'Sensorlizenzen', 'yearly', 12000, 2025, NULL),
       (2, 'Mobilfunk-Datentarif', 'yearly', 3000, 2025, NULL),
       (3, 'Pilotbetreuung', 'yearly', 40000, 2024, 2026),
       (4, 'Sensoren Erstausstattung', 'oneoff', 90000, 2024, 2024),
       (5, 'Wartungsvertrag', 'yearly', 8000, 2026, NULL);
INSERT INTO cost_share(cost, stakeholder, percent, status)
VALUES (1, 5, 60, 'adopted'), (1, 8, 40, 'draft'), (2, 5, 60, 'adopted'),
       (5, 5, 70, 'adopted'), (5, 8, 50, 'adopted');

-- the check list: everything done except factor 2 (impact)
UPDATE check_item SET status = CASE WHEN factor = 2 THEN 'open' ELSE 'done' END;
EOF

expect_status 1 "$STETIG" check "$f" --lang en --format tsv
cut -f1-3 "$T/out" > "$T/parking.got"
cat > "$T/parking.want" <<EOF
gap${TAB}goals${TAB}Innenstadt beleben
gap${TAB}goals${TAB}Innenstadt beleben
warning${TAB}goals${TAB}Innenstadt beleben
warning${TAB}goals${TAB}Innenstadt beleben
hint${TAB}goals${TAB}Innenstadt beleben
gap${TAB}indicators${TAB}Nutzung der Park-App
gap${TAB}indicators${TAB}Nutzung der Park-App
warning${TAB}indicators${TAB}Belegte Sensorplätze
warning${TAB}indicators${TAB}Belegte Sensorplätze
warning${TAB}indicators${TAB}Belegte Sensorplätze
warning${TAB}indicators${TAB}Nutzung der Park-App
warning${TAB}stakeholders${TAB}Tiefbauamt
warning${TAB}stakeholders${TAB}Wirtschaftsförderung
gap${TAB}raci${TAB}Parkraumsensorik Innenstadt
gap${TAB}raci${TAB}Sensoren warten
gap${TAB}raci${TAB}Bürgerinformation
gap${TAB}raci${TAB}Bürgerinformation
warning${TAB}raci${TAB}Parkraumsensorik Innenstadt
warning${TAB}raci${TAB}Parkraumsensorik Innenstadt
warning${TAB}raci${TAB}Parkraumsensorik Innenstadt
warning${TAB}raci${TAB}Ordnungsamt
gap${TAB}costs${TAB}Mobilfunk-Datentarif
gap${TAB}costs${TAB}Pilotbetreuung
gap${TAB}costs${TAB}Wartungsvertrag
gap${TAB}costs${TAB}2026–2031
gap${TAB}roadmap${TAB}Parkraumsensorik Innenstadt
warning${TAB}roadmap${TAB}Parkraumsensorik Innenstadt
hint${TAB}check${TAB}Impact capture
EOF
if cmp -s "$T/parking.got" "$T/parking.want"; then ok; else
    fail "findings of the parking workshop differ"
    diff "$T/parking.want" "$T/parking.got" >&2
fi
# each gap says what is missing
p="$T/out"
expect_grep "Innenstadt beleben${TAB}The SMART part measurable is empty" "$p"
expect_grep "Innenstadt beleben${TAB}No indicator measures this goal" "$p"
expect_grep "The deadline 'Ende 2027' is not a date" "$p"
expect_grep "Innenstadt beleben${TAB}Not linked to a strategy goal" "$p"
expect_grep "The specific part 'Verbessern' is only a vague verb" "$p"
expect_grep "Nutzung der Park-App${TAB}No baseline" "$p"
expect_grep "Nutzung der Park-App${TAB}No owner" "$p"
expect_grep "Nutzung der Park-App${TAB}No frequency" "$p"
expect_grep "the target 150 is not above the baseline 200" "$p"
expect_grep "Belegte Sensorplätze${TAB}No data source" "$p"
expect_grep "The owner Stadtwerke holds neither A nor R" "$p"
expect_grep "Tiefbauamt${TAB}High influence, but no channel" "$p"
expect_grep "Wirtschaftsförderung${TAB}High influence and interest, but no RACI role" "$p"
expect_grep "No regular-operation task for 'Funding'" "$p"
expect_grep "The category 'Data care' has pilot tasks but none in regular operation" "$p"
expect_grep "Sensoren warten${TAB}A or R lies with Smart-City-Team, whose post ends" "$p"
expect_grep "Bürgerinformation${TAB}2 actors are accountable (A)" "$p"
expect_grep "Bürgerinformation${TAB}Nobody is responsible (R)" "$p"
expect_grep "Ordnungsamt${TAB}Accountable (A) in the pilot but without a role" "$p"
# the funding-end year counts by month: half of 2026 is after the funding
expect_grep "Mobilfunk-Datentarif${TAB}After the funding ends on 2026-06-30, 40% of this yearly cost are not covered by partner shares (€600 in the rest of 2026, then €1,200 a year)" "$p"
expect_grep "Pilotbetreuung${TAB}After the funding ends on 2026-06-30, 100% of this yearly cost are not covered by partner shares (€20,000 in the rest of 2026);" "$p"
expect_grep "The partner shares add up to 120%" "$p"
# the budget years after the funding end, as one finding: half of 2026
# (Mobilfunk €600 + Pilotbetreuung €20,000 of €6,000 + €1,500 + €20,000 +
# €4,000), then Mobilfunk's €1,200 of €23,000 a year to 2031:
# €20,600 + 5 × €1,200 of €31,500 + 5 × €23,000
expect_grep "2026–2031${TAB}In the budget years 2026–2031, €26,600 of the €146,500 due after the funding end are carried by nobody" "$p"
[ "$(grep -c 'In the budget year' "$p")" = 1 ] && ok || fail "more than one finding on the uncovered years"
expect_grep "Impact capture${TAB}Readiness is only 0%" "$p"
# the roadmap: no operator model, and categories look settled without paper
expect_grep "Parkraumsensorik Innenstadt${TAB}No operator model for regular operation is chosen" "$p"
expect_grep "settled in the handover view, but no operator agreement is signed" "$p"
# after the funding end (2026-06-30) without an agreement or a council decision
STETIG_TODAY=2026-12-01 expect_status 1 "$STETIG" check "$f" --lang en --format tsv
expect_grep "Parkraumsensorik Innenstadt${TAB}The funding ended on 2026-06-30 and no operator agreement is signed" "$T/out"
expect_grep "Parkraumsensorik Innenstadt${TAB}The funding ended on 2026-06-30 and no council decision" "$T/out"
STETIG_TODAY=2026-12-01 LANGUAGE=de expect_status 1 "$STETIG" check "$f"
expect_grep "  LÜCKE    Parkraumsensorik Innenstadt: Die Förderung endete am 30.06.2026, und keine Betreibervereinbarung ist unterzeichnet" "$T/out"
# nothing that is in order is named
for item in "Parksuchverkehr senken" "Durchschnittliche Parksuchzeit" "Oberbürgermeisterin" \
    "Kämmerei" "IT-Dienstleister" "Sensoren im Pilotgebiet" "Parkdaten auswerten" \
    "Fördermittel abrufen" "Sensornetz betreiben" "Sensorlizenzen" \
    "Sensoren Erstausstattung"; do
    expect_no_grep "$item" "$p"
done
# Stadtwerke and the Smart-City team only appear inside other findings
cut -f3 "$p" | grep -qx -e Stadtwerke -e Smart-City-Team && fail "named in order items" || ok

# the same workshop as text, German
LANGUAGE=de expect_status 1 "$STETIG" check "$f"
p="$T/out"
expect_grep "Befunde zu Parkraumsensorik Innenstadt" "$p"
expect_grep "Ziele" "$p"
expect_grep "  LÜCKE    Innenstadt beleben: Der SMART-Teil messbar ist leer" "$p"
expect_grep "  WARNUNG  Innenstadt beleben: Die Frist „Ende 2027“ ist kein Datum" "$p"
expect_grep "  HINWEIS  Innenstadt beleben: Der spezifische Teil „Verbessern“" "$p"
expect_grep "der Zielwert 150 liegt nicht über dem Ausgangswert 200" "$p"
expect_grep "Keine Aufgabe im Regelbetrieb für „Finanzierung“" "$p"
expect_grep "A oder R liegt bei Smart-City-Team" "$p"
expect_grep "Mobilfunk-Datentarif: Nach dem Förderende am 30.06.2026 sind 40 % dieser jährlichen Kosten nicht durch Partneranteile gedeckt (600 € im Rest des Jahres 2026, danach 1.200 € im Jahr)" "$p"
expect_grep "Wirkungserfassung: Der Reifegrad liegt nur bei 0 %" "$p"
expect_grep "  1  Kommunikation der Maßnahme und ihrer Ziele                 100 %" "$p"
expect_grep "  2  Erfassung und Vermittlung der Wirkungen                    0 %" "$p"
expect_grep "Zusammenfassung: 13 Lücken, 13 Warnungen, 2 Hinweise." "$p"
# gaps before warnings before hints within a step
awk '/^Ziele$/ { s = 1; next } /^[^ ]/ { s = 0 } s && /^  / { print $1 }' "$p" > "$T/order"
[ "$(tr '\n' ' ' < "$T/order")" = "LÜCKE LÜCKE WARNUNG WARNUNG HINWEIS " ] && ok \
    || fail "order in Ziele: $(tr '\n' ' ' < "$T/order")"
# a decimal comma in German
LANGUAGE=de expect_status 1 "$STETIG" check "$f" --format tsv
sql "$f" "UPDATE indicator SET baseline = 200.5 WHERE id = 2"
LANGUAGE=de expect_status 1 "$STETIG" check "$f" --format tsv
expect_grep "Ausgangswert 200,5" "$T/out"

# text from a tampered file never reaches the terminal as control bytes
if [ -n "$SQLITE3" ]; then
    esc_f="$T/escape.stetig"
    expect_status 0 "$STETIG" new "$esc_f" --lang en
    "$SQLITE3" "$esc_f" "UPDATE workshop SET title = 'Mess' || char(27) || '[2J' || char(155) || 'up';
        INSERT INTO goal(title) VALUES ('Goal' || char(27) || ']0;pwned' || char(7));"
    expect_status 1 "$STETIG" check "$esc_f"
    if LC_ALL=C grep -q "$(printf '\033')" "$T/out" || LC_ALL=C grep -q "$(printf '\302\233')" "$T/out"; then
        fail "check printed a control character"; else ok; fi
    expect_grep "Mess" "$T/out"
    expect_status 1 "$STETIG" check "$esc_f" --format tsv
    if LC_ALL=C grep -q "$(printf '\033')" "$T/out"; then fail "tsv printed ESC"; else ok; fi
fi

# ---------------------------------------------------------------- district and wind-down templates
# a district: the district council and administrator, a public-law institution
# (AöR) as operator, the officers the measure needs, a replacement investment
d="$T/district.stetig"
expect_status 0 "$STETIG" new "$d" --template district-participation --lang de
expect_status 0 "$STETIG" export "$d" --csv "$T/district" --lang de
for w in "Kreistag" "Landrätin" "Anstalt des öffentlichen Rechts" "Datenschutzbeauftragte" \
    "Zentrale Vergabestelle" "Personalrat"; do
    expect_grep "$w" "$T/district/stakeholders.csv"
done
expect_grep "Ersatzinvestition" "$T/district/costs.csv"
expect_grep "Zweckverband" "$T/district/notes.csv"
# a measure being ended: phase wind-down, its tasks end the pilot properly and
# one component (the gateways) goes on in regular operation elsewhere
w="$T/winddown.stetig"
expect_status 0 "$STETIG" new "$w" --template winddown-parking-sensors --lang en
expect_status 0 "$STETIG" export "$w" --csv "$T/winddown" --lang en
expect_grep "winddown" "$T/winddown/workshop.csv"
expect_grep "statement on the use of funds" "$T/winddown/tasks.csv"
expect_grep '"Run and maintain the gateways in the environmental network","operation","regular"' "$T/winddown/tasks.csv"
expect_status 0 "$STETIG" check "$w"
expect_no_grep "GAP" "$T/out"
# wind-down guidance, and none of the continuation rules
expect_grep "Wind-down: Readiness is only 29%" "$T/out"
expect_no_grep "Communication: Readiness" "$T/out"
expect_no_grep "not covered by partner shares" "$T/out"
expect_no_grep "No baseline" "$T/out"
# the demo is in transition: its finished pilot tasks are no gaps
expect_status 0 "$STETIG" new "$T/demo.stetig" --template demo --lang en
expect_status 1 "$STETIG" check "$T/demo.stetig" --format tsv
awk -F'\t' '$2 == "raci" && $1 == "gap"' "$T/out" > "$T/demo-raci"
expect_no_grep "Fördermittel" "$T/demo-raci"
expect_no_grep "Draw down grant funds" "$T/demo-raci"
# its roadmap is partly done, with one milestone overdue on the pinned day
# (2026-12-01), which check names
STETIG_TODAY=2026-12-01 expect_status 1 "$STETIG" check "$T/demo.stetig" --format tsv
expect_grep "gap${TAB}roadmap${TAB}Operator model agreed with urban drainage${TAB}This milestone was due on 2026-09-30 and is still open" "$T/out"
[ "$(grep -c "${TAB}roadmap${TAB}.*This milestone was due" "$T/out")" = 1 ] && ok || fail "one overdue milestone in the demo"
expect_no_grep "Continuation decision prepared" "$T/out"
STETIG_TODAY=2026-09-30 expect_status 1 "$STETIG" check "$T/demo.stetig" --format tsv
expect_no_grep "This milestone was due" "$T/out"

finish
