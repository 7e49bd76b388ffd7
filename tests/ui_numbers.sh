#!/bin/sh
# Numbers as people type them, on the real screen (issue 13 item 5): a
# German session takes 18.500 and 18.500,50, an English one 18,500 and
# 18,500.50; what does not fit the session's form (18.50 in German, 18,50.0
# in English, marks in the wrong order) is refused in the form with the
# reason and how to type it, the form stays open with the text and nothing
# is stored. The lists and forms show numbers in the form that parses back.
. "$top_srcdir/tests/ui_lib.sh"

# --------------------------------------------------------------- German
f="$T/de.stetig"
"$STETIG" new "$f" --title "Zählstelle" --municipality "Löhne" --lang de >/dev/null 2>&1 || fail "new"
sql "$f" "UPDATE workshop SET funding_end = '2026-12-31'; \
    INSERT INTO goal(title) VALUES('Radverkehr messen'); \
    INSERT INTO stakeholder(name) VALUES('Stadtwerke')"
UI_LANG=de
ui_start --lang de "$f"
wait_for "Zählstelle · Löhne"

keys 5
wait_for "Noch keine Kosten"
keys n
wait_for "Neue Kostenposition"
typed "Wartung"
keys Tab Tab
typed "18.500"
keys Enter
wait_for "Kostenposition „Wartung“ angelegt"
expect_sql "$f" "SELECT amount FROM cost WHERE name = 'Wartung'" "18500.0"
wait_for "18.500 €"

# 18.50 is neither 18,50 nor 18.500: refused with the hint, form open
keys n
wait_for "Neue Kostenposition"
typed "Sensoren"
keys Tab Tab
typed "18.50"
keys Enter
wait_for "Ein Punkt trennt die Tausender"
wait_for "Bitte so eingeben: 18.500,50"
expect_screen "Neue Kostenposition"
expect_screen "18.50"
expect_sql "$f" "SELECT count(*) FROM cost" "1"
# English order of the marks
keys BSpace BSpace BSpace BSpace BSpace
typed "18,500.50"
keys Enter
wait_for "Das Dezimalkomma steht hinter den Tausenderpunkten."
expect_sql "$f" "SELECT count(*) FROM cost" "1"
# two decimal commas
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "1,2,3"
keys Enter
wait_for "Nur ein Dezimalkomma, mit Ziffern dahinter."
expect_sql "$f" "SELECT count(*) FROM cost" "1"
# the German way with cents, and a year typed with a thousands point
keys BSpace BSpace BSpace BSpace BSpace
typed "234.567,5"
keys Tab BSpace BSpace BSpace BSpace
typed "2.028"
keys Enter
wait_for "Kostenposition „Sensoren“ angelegt"
expect_sql "$f" "SELECT amount, start_year FROM cost WHERE name = 'Sensoren'" "234567.5|2028"
wait_for "234.567,50 €"
# the form shows the amount as it is typed, and saving it unchanged keeps it
keys Enter
wait_for "Kostenposition bearbeiten: Sensoren"
wait_for "Betrag 234.567,5"
keys Enter
wait_for "Kostenposition „Sensoren“ gespeichert"
expect_sql "$f" "SELECT amount FROM cost WHERE name = 'Sensoren'" "234567.5"

# a share: 33,3 % the German way
keys s
wait_for "Neuer Anteil: Sensoren"
keys Space Tab BSpace BSpace BSpace BSpace BSpace
typed "33,3"
keys Enter
wait_for "Stadtwerke trägt 33,3 % von „Sensoren“."
expect_sql "$f" "SELECT percent FROM cost_share" "33.3"

# indicator values: grouped, negative, decimal
keys 2
wait_for "Radverkehr messen"
keys n
wait_for "Neuer Indikator"
typed "Radfahrten"
keys Tab Tab Tab Tab
typed "-1.234,5"
keys Tab Tab
typed "1.234.567"
keys Enter
wait_for "Indikator „Radfahrten“ angelegt."
expect_sql "$f" "SELECT baseline, target FROM indicator" "-1234.5|1234567.0"
expect_screen "↑ -1.234,5 → – → 1.234.567"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"

# --------------------------------------------------------------- English
g="$T/en.stetig"
"$STETIG" new "$g" --title "Counter" --municipality "Leeds" --lang en >/dev/null 2>&1 || fail "new"
UI_LANG=en
ui_start --lang en "$g"
wait_for "Counter · Leeds"
keys 5
wait_for "No costs yet"
keys n
wait_for "New cost item"
typed "Maintenance"
keys Tab Tab
typed "18,500"
keys Enter
wait_for "Cost item “Maintenance” added"
expect_sql "$g" "SELECT amount FROM cost" "18500.0"
wait_for "€18,500"

keys n
wait_for "New cost item"
typed "Sensors"
keys Tab Tab
typed "18,50.0"
keys Enter
wait_for "A comma groups thousands: three digits after each comma."
wait_for "18,500.50 (comma for thousands, point for decimals)."
expect_screen "18,50.0"
expect_sql "$g" "SELECT count(*) FROM cost" "1"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "18.500,50"
keys Enter
wait_for "The decimal point comes after the thousands commas."
expect_sql "$g" "SELECT count(*) FROM cost" "1"
# a German decimal comma is not taken for a decimal point
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "12,5"
keys Enter
wait_for "A comma groups thousands"
expect_sql "$g" "SELECT count(*) FROM cost" "1"
keys BSpace BSpace BSpace BSpace
typed "18,500.5"
keys Enter
wait_for "Cost item “Sensors” added"
expect_sql "$g" "SELECT amount FROM cost WHERE name = 'Sensors'" "18500.5"
wait_for "€18,500.50"
# the reading view shows the amount as the list does
keys F3
wait_for "Yearly · €18,500.50"
keys Escape
wait_gone "Yearly · €18,500.50"

keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"

# --------------------------------------------------------------- key script
# the same through the key-script input: a refused 2.40 saves nothing and
# keeps the form; 2.400,75 typed and 1.234 pasted the German way are stored
cat > "$T/numbers.keys" <<'EOF'
5
n
text:Lizenz
Tab
Tab
text:2.40
Enter
wait:50
BS
BS
BS
BS
text:2.400,75
Enter
wait:50
2
n
text:Anfragen
Tab
Tab
Tab
Tab
paste:1.234
Enter
wait:50
EOF
UI_LANG=de
ui_start --keys "$T/numbers.keys" --lang de "$f"
wait_exit
[ "$ui_status" = 0 ] && ok || fail "key script: status $ui_status"
expect_sql "$f" "SELECT count(*), max(amount) FROM cost WHERE name = 'Lizenz'" "1|2400.75"
expect_sql "$f" "SELECT count(*) FROM cost WHERE amount < 10" "0"
expect_sql "$f" "SELECT baseline FROM indicator WHERE name = 'Anfragen'" "1234.0"

expect_sql "$f" "PRAGMA integrity_check" "ok"
expect_sql "$g" "PRAGMA integrity_check" "ok"
expect_no_stderr
finish
