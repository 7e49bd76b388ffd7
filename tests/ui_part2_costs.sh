#!/bin/sh
# Steps 5, 6 and 8 end to end in a German session: cost items with partner
# shares and the uncovered amount per year after the funding end (euros
# written the German way), a share refused beyond 100 %; the check list's
# status cycling and the heat map's percentages; notes (also with F4); the
# export from step 9 and clearing the undo history; F6 on these steps.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/kosten.stetig"
"$STETIG" new "$f" --title "Datenplattform" --municipality "Löhne" --lang de >/dev/null 2>&1 || fail "new"
sql "$f" "UPDATE workshop SET funding_end = '2026-12-31'; \
    INSERT INTO stakeholder(name, grp) VALUES('Stadtwerke Löhne', 'municipal_company'), \
    ('Kämmerei', 'administration')"
UI_LANG=de
ui_start --lang de "$f"
wait_for "Datenplattform · Löhne"

# ---------------------------------------------------------------- step 0: the funding
# the funding rate (refused beyond 100 %) and the first budget year
expect_screen "Förderquote"
expect_screen "2027 (das Jahr nach"
keys Down
sleep 0.2
keys Down
sleep 0.2
keys Down
sleep 0.2
keys Down
sleep 0.2
keys Enter
wait_for "Prozent der förderfähigen Kosten"
typed "120"
keys Enter
wait_for "Geben Sie einen Prozentwert von 0 bis 100 ein"
expect_sql "$f" "SELECT funding_rate IS NULL FROM workshop" "1"
keys BSpace BSpace BSpace
typed "80"
keys Tab BSpace
typed "2028"
keys Enter
wait_for "Die Daten der Maßnahme sind gespeichert."
expect_sql "$f" "SELECT funding_rate, first_budget_year FROM workshop" "80.0|2028"
expect_screen "80 %"
expect_no_screen "das Jahr nach"

# ---------------------------------------------------------------- step 5
keys 5
wait_for "Noch keine Kosten"
keys n
wait_for "Neue Kostenposition"
typed "Hosting der Plattform"
keys Tab Tab
typed "12000,50"
keys Enter
wait_for "Kostenposition „Hosting der Plattform“ angelegt"
expect_sql "$f" "SELECT name, kind, amount, start_year, end_year IS NULL FROM cost" \
    "Hosting der Plattform|yearly|12000.5|2027|1"
expect_screen "12.000,50 €"
expect_screen "ab 2027"

# s: a partner's share; the percentage left is proposed
keys s
wait_for "Neuer Anteil: Hosting der Plattform"
typed "St"
wait_for "Stadtwerke Löhne"
keys Tab BSpace BSpace BSpace
typed "60"
# the commitment: a choice that starts at "promised"; Space cycles to the
# draft budget and on to the adopted budget; then the budget line
keys Tab
wait_for "Zugesagt"
keys Space
wait_for "Haushaltsentwurf"
keys Space
wait_for "Beschlossen"
keys Tab
typed "Produkt 1.11.01"
keys Enter
wait_for "Stadtwerke Löhne trägt 60 % von „Hosting der Plattform“."
expect_sql "$f" "SELECT s.name, c.percent, c.status, c.budget_line FROM cost_share c JOIN stakeholder s ON s.id = c.stakeholder" \
    "Stadtwerke Löhne|60.0|adopted|Produkt 1.11.01"
expect_screen "Beschlossen"
# covered after the funding: 60 % of 12.000,50 €
expect_screen "Gedeckt"
expect_screen "7.200 €"
# n on the shares still adds a cost item (s adds a share)
keys n
wait_for "Neue Kostenposition"
keys Escape
wait_for "Ohne Speichern geschlossen."
# per year: all costs, the uncovered 40 % after 2026, the partner's part
expect_screen "! Ungedeckt"
expect_screen "›2027"
expect_screen "4.800 €"
expect_screen "7.200 €"
wait_for "4.800 € sind 2027 ungedeckt"
# more than 100 % together is refused in the form, with what is left
keys s
wait_for "Neuer Anteil"
typed "K"
wait_for "Kämmerei"
keys Tab BSpace BSpace BSpace BSpace BSpace BSpace
typed "50"
keys Enter
wait_for "Höchstens 40 % sind noch frei"
expect_sql "$f" "SELECT count(*) FROM cost_share" "1"
keys BSpace BSpace
typed "40"
keys Enter
wait_for "Kämmerei trägt 40 %"
# the Kämmerei's share is only promised (the form's start value): it pays,
# but the money is in no budget yet
wait_for "Alle Kosten haben Träger; 4.800 € in 2027 sind nur zugesagt oder angefragt."
expect_screen "? Zugesagt"
expect_sql "$f" "SELECT sum(percent) FROM cost_share" "100.0"
expect_sql "$f" "SELECT status, budget_line FROM cost_share WHERE stakeholder = 2" "promised|"
# Enter on a share changes it; 0 removes the partner
keys Enter
wait_for "Anteil bearbeiten: Kämmerei → Hosting der Plattform"
keys BSpace BSpace
typed "0"
keys Enter
wait_for "Kämmerei trägt keinen Anteil mehr an „Hosting der Plattform“."
expect_sql "$f" "SELECT count(*) FROM cost_share" "1"
# F4 opens the parking lot beside the step; n there writes a note
keys F4
wait_for "Themenspeicher (F4)"
keys n
wait_for "Neue Notiz"
typed "Kämmerei prüft die restlichen 40 %"
keys Enter
wait_for "Notiz angelegt."
keys F4
wait_for "Themenspeicher geschlossen"
expect_sql "$f" "SELECT kind, text FROM note" "decision|Kämmerei prüft die restlichen 40 %"
# English, live: the euros the English way
keys F6
wait_for "Per year"
expect_screen "€12,000.50"
expect_screen "! Uncovered"
keys F6
wait_for "Je Jahr"

# ---------------------------------------------------------------- step 7
keys 7
wait_for "Reifegrad 0 %"
expect_screen "1 Kommunikation"
expect_screen "Reifegrad 0 % · 8 unbesprochen"
keys Space
wait_for "teilweise."
expect_sql "$f" "SELECT status FROM check_item WHERE factor = 1 AND field = 'values' AND item = 1" "partly"
# factor 1 has two items in its values field: partly is half of one
expect_screen "[○ 25 %]"
keys Space
wait_for "erledigt."
expect_screen "[◐ 50 %]"
keys Down
sleep 0.3
keys Space
wait_for "teilweise."
keys Space
wait_for "erledigt."
expect_screen "[● 100 %]"
expect_sql "$f" "SELECT group_concat(status) FROM check_item WHERE factor = 1 AND field = 'values'" "done,done"
keys Space
wait_for "entfällt."
keys Space
wait_for "offen."
# open without a note: not discussed yet; with a note the group's finding
expect_screen "[?] unbesprochen"
keys Enter
wait_for "Prüfpunkt:"
typed "Bericht im Ausschuss für Digitales"
keys Enter
wait_for "✎ Bericht im Ausschuss für Digitales"
expect_screen "[ ] offen"
expect_sql "$f" "SELECT note FROM check_item WHERE factor = 1 AND field = 'values' AND item = 2" \
    "Bericht im Ausschuss für Digitales"
wait_for "✎ Bericht im Ausschuss für Digitales"
keys F6
wait_for "Readiness"
expect_screen "Communication"
keys F6
wait_for "Reifegrad"

# ---------------------------------------------------------------- step 9
keys 9
wait_for "Dateien jetzt schreiben"
expect_screen "Kämmerei prüft die restlichen 40 %"
keys Enter
wait_for "Export geschrieben."
expect_screen "CSV-Paket: 15 Dateien"
expect_screen "Arbeitsmappe: $T/kosten.xlsx"
[ -f "$T/kosten-csv/costs.csv" ] && ok || fail "no costs.csv"
[ -s "$T/kosten.xlsx" ] && ok || fail "no workbook"
expect_grep '"Hosting der Plattform";"jährlich";"12000,5"' "$T/kosten-csv/costs.csv"
# the language of the files: English
rm -rf "$T/kosten-csv"
keys Up
sleep 0.3
keys Space
wait_for "Englisch"
keys e
wait_for "Export geschrieben."
expect_grep '"name","kind","amount"' "$T/kosten-csv/costs.csv"
# the result follows a switch of the screen's language
keys F6
wait_for "CSV bundle: 15 files"
keys F6
wait_for "CSV-Paket: 15 Dateien"
# a note for the council paper
keys n
wait_for "Neue Notiz"
typed "Stadtwerke übernehmen das Hosting ab 2027"
keys Tab Space
wait_for "Arbeitsauftrag"
keys Enter
wait_for "Notiz angelegt."
expect_sql "$f" "SELECT count(*) FROM note WHERE kind = 'action'" "1"
# clearing the history asks first, then wipes it
keys Home Up
sleep 0.3
keys Enter
wait_for "Änderungsverlauf löschen ("
keys y
wait_for "Der Änderungsverlauf ist gelöscht"
expect_sql "$f" "SELECT count(*) FROM undo_step" "0"
keys u
wait_for "Nichts rückgängig zu machen."
# F4 captures a decision from any step, also one without notes of its own
keys 1
wait_for "Schritt 1"
keys F4
wait_for "Themenspeicher (F4)"
keys n
wait_for "Neue Notiz"
typed "Beschluss aus der Zieldiskussion"
keys Enter
wait_for "Notiz angelegt"
expect_sql "$f" "SELECT count(*) FROM note WHERE text = 'Beschluss aus der Zieldiskussion'" "1"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_sql "$f" "PRAGMA integrity_check" "ok"
expect_no_stderr
finish
