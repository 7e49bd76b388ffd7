#!/bin/sh
# In front of the room: long text in multi-line fields and in the reading
# view (F3), forms that ask before throwing work away, choice fields that
# take no free text, undo that shows where the change was, one SMART
# answer, targets that always show, and an owner field that says where the
# owners come from.
. "$top_srcdir/tests/ui_lib.sh"

f="$T/room.stetig"
"$STETIG" new "$f" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new"

# ---------------------------------------------------------------- 80x24
ui_start --lang en "$f"
wait_for "1 Goals"
# the target of an indicator without a baseline is always shown
keys 2
wait_for "Datasets connected by"
expect_screen "no baseline → – → 40"

# choice fields: a digit chooses, Space cycles, letters are no text
keys 3
wait_for "Chief Digital Of"
keys Enter
wait_for "Edit stakeholder: Mayor"
keys Tab Tab Tab
wait_for "1 low to 5 high: how much can they decide"
typed "2"
wait_for "2/5"
keys Space
wait_for "3/5"
typed "x"
expect_screen "3/5"
keys Tab
typed "1"
wait_for "1/5"
# Esc on a changed form asks; n keeps the form
keys Escape
wait_for "Discard the changes in this form? (y/n)"
keys n
wait_for "Edit stakeholder: Mayor"
keys Enter
wait_for "Stakeholder “Mayor” saved."
expect_sql "$f" "SELECT influence, interest FROM stakeholder WHERE name = 'Mayor'" "3|1"

# undo from another step goes back to the step and the item first
keys Down
wait_for "Chief Digital Officer: Administration"
keys 1
wait_for "Core datasets on the platform"
keys u
wait_for "Undone: Edit stakeholder “Mayor”."
expect_screen "Mayor: Politics"
expect_screen "3 Stakeholders"
expect_sql "$f" "SELECT influence, interest FROM stakeholder WHERE name = 'Mayor'" "5|3"
keys C-r
wait_for "Redone: Edit stakeholder “Mayor”."
expect_sql "$f" "SELECT influence, interest FROM stakeholder WHERE name = 'Mayor'" "3|1"

# F10 in a form asks; n stays, y saves and quits
keys Enter
wait_for "Edit stakeholder: Mayor"
keys Tab
typed "Rathaus"
keys F10
wait_for "Save this form and quit? (y/n)"
keys n
wait_for "Edit stakeholder: Mayor"
keys F10
wait_for "Save this form and quit? (y/n)"
keys y
wait_exit
[ "$ui_status" = 0 ] && ok || fail "exit status $ui_status"
expect_sql "$f" "SELECT organisation FROM stakeholder WHERE name = 'Mayor'" "City administrationRathaus"

# ---------------------------------------------------------------- 100x30
UI_COLS=100 UI_LINES=30
long="Die Plattform verbindet die Sensordaten der Stadtwerke mit den Fachverfahren der Ämter, damit Entscheidungen über Verkehr, Umwelt und Energie auf aktuellen Zahlen beruhen; Bürgerinnen und Bürger sehen dieselben Daten als offene Daten, mit Erklärungen in einfacher Sprache, eigene Hinweise, und die Daten fließen in den jährlichen Bericht an den Rat, der über den Regelbetrieb nach dem Ende der Förderung entscheidet. ENDE-DES-TEXTES"
ui_start --lang en "$f"
wait_for "1 Goals"
keys 1
wait_for "Core datasets on the platform"
keys Enter
wait_for "Edit goal: Core datasets on the platform"
keys Tab
# the specific part is a multi-line field: the text wraps, a pasted line break stays
tm set-buffer -b p -- " $long
Zweite Zeile."
tm paste-buffer -p -b p -t ui
wait_for "Zweite Zeile."
expect_screen "ENDE-DES-TEXTES"
# Up moves inside the field, not to the previous field
keys Up
expect_screen "Edit goal: Core datasets"
keys Enter
wait_for "Goal “Core datasets on the platform” saved."
expect_sql "$f" "SELECT specific LIKE '%ENDE-DES-TEXTES' || char(10) || 'Zweite Zeile.' FROM goal WHERE id = 1" "1"

# the reading view shows the whole part, word-wrapped, with the findings
keys F3
wait_for "Specific"
expect_screen "Measurable"
expect_screen "die Sensordaten der Stadtwerke"
expect_screen "ENDE-DES-TEXTES"
expect_screen "Zweite Zeile."
# ↓ goes on to the next goal without leaving the view
keys Down
wait_for "Dashboards in everyday administrative work"
expect_screen "Specific"
expect_no_screen "ENDE-DES-TEXTES"
# Enter opens the item's form
keys Enter
wait_for "Edit goal: Dashboards in everyday administrative work"
keys Escape
wait_for "Closed without saving."
# the help names the reading view
keys F1
wait_for "Reading view: the selected item whole"
expect_screen "F3"
keys Escape
wait_gone "Reading view: the selected item whole"
# indicators: the findings that name the item are under it
keys 2
wait_for "Datasets connected by interface"
keys Down
wait_for "Datasets connected by interface"
keys F3
wait_for "No baseline; measure the starting value now"
expect_screen "   Findings"
keys Escape
wait_gone "No baseline; measure the starting value now"

# the check list: a recommendation with its guidance, status and note
keys 7
wait_for "Readiness"
keys Down
sleep 0.3
keys F3
wait_for "   Status"
expect_screen "   Note"
keys Escape
# the findings: the item a finding names
keys 8
wait_for "No baseline"
keys Down
sleep 0.3
keys F3
wait_for "   Findings"
expect_screen "Datasets connected by interface"
keys Escape
wait_for "Severity"
# a note of several lines: the list shows its first line and that more follows
keys F4
wait_for "Parking lot (F4)"
keys n
wait_for "New note"
tm set-buffer -b p -- "Erste Zeile der Notiz
zweite Zeile"
tm paste-buffer -p -b p -t ui
wait_for "zweite Zeile"
keys Enter
wait_for "added"
keys F4
wait_for "Parking lot closed"
keys 9
wait_for "Erste Zeile der Notiz ↵…"
keys q
wait_exit

# ---------------------------------------------------------------- no actors yet
g="$T/leer.stetig"
"$STETIG" new "$g" --lang en >/dev/null 2>&1 || fail "new empty"
UI_COLS=80 UI_LINES=24
ui_start --lang en "$g"
wait_for "1 Goals"
keys 1
wait_for "No goals yet"
keys n
wait_for "New goal"
typed "Ziel"
keys Enter
wait_for "added"
# the hint names what is drawn: a missing SMART part is a ·
wait_for "Fill in the SMART parts shown as ·"
expect_screen "· · · · · Ziel"
keys 2
wait_for "Goal: Ziel"
keys n
wait_for "New indicator"
wait_for "nobody yet: add stakeholders in step 3"
keys Escape
wait_for "Closed without saving."
keys q
wait_exit
finish
