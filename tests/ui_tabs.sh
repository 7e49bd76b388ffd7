#!/bin/sh
# The step tabs read at every width and in both languages: a step's open
# gaps are a bracketed badge glued to its name ("8 Fi…[7]"), never a bare
# number that looks like the next step; every other step's name is cut to
# the same width; the current step's name is always whole. With NO_COLOR
# the states stay apart by text: badge brackets, check-list marks, RACI
# letters.
. "$top_srcdir/tests/ui_lib.sh"

STETIG_TODAY=2026-12-03
f="$T/tabs.stetig"
"$STETIG" new "$f" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new"
before=$(cksum <"$f")

# the badges are the gap counts of `stetig check`, read from the file
gaps() { "$STETIG" check "$f" --lang en --format tsv | awk -F'\t' -v a="$1" '$1 == "gap" && $2 == a' | wc -l | tr -d ' '; }
[ "$(gaps workshop)" = 1 ] || fail "workshop gaps: $(gaps workshop)"
[ "$(gaps indicators)" = 6 ] || fail "indicator gaps: $(gaps indicators)"
[ "$("$STETIG" check "$f" --format tsv | awk -F'\t' '$1 == "gap"' | wc -l | tr -d ' ')" = 7 ] || fail "all gaps"

tab_row() { screen | sed -n 2p | sed 's/ *$//'; }
# expect_tabs STEP ROW — goes to STEP and compares the whole tab row
expect_tabs() {
    keys "$1"
    _n=60
    while [ "$_n" -gt 0 ] && [ "$(tab_row)" != "$2" ]; do sleep 0.05; _n=$((_n - 1)); done
    if [ "$(tab_row)" = "$2" ]; then ok; else
        fail "tab row at step $1, ${UI_COLS}x$UI_LINES $UI_LANG:
  want |$2|
  got  |$(tab_row)|"
    fi
}

# ---------------------------------------------------------------- 80x24 en
UI_COLS=80 UI_LINES=24 UI_LANG=en
ui_start --lang en "$f"
wait_for "…[6]"
expect_tabs 0 " 0 Workshop[1]  1 Go… 2 In…[6] 3 St… 4 Re… 5 Co… 6 Ro… 7 Ch… 8 Fi…[7] 9 Ex…"
expect_tabs 3 "0 Wo…[1] 1 Go… 2 In…[6]  3 Stakeholders  4 Re… 5 Co… 6 Ro… 7 Ch… 8 Fi…[7] 9 Ex…"
expect_tabs 9 "0 Wo…[1] 1 Go… 2 In…[6] 3 St… 4 Re… 5 Co… 6 Ro… 7 Ch… 8 Fi…[7]  9 Export"
keys F10
wait_exit

# ---------------------------------------------------------------- 100x30 en
UI_COLS=100 UI_LINES=30
ui_start --lang en "$f"
wait_for "…[6]"
expect_tabs 0 " 0 Workshop[1]  1 Goals 2 Indic…[6] 3 Stake… 4 Respo… 5 Costs 6 Roadm… 7 Check 8 Findi…[7] 9 Export"
expect_tabs 4 "0 Wor…[1] 1 Goa… 2 Ind…[6] 3 Sta…  4 Responsibilities  5 Cos… 6 Roa… 7 Che… 8 Fin…[7] 9 Exp…"
keys F10
wait_exit

# ---------------------------------------------------------------- 80x24 de
UI_COLS=80 UI_LINES=24 UI_LANG=de
ui_start --lang de "$f"
wait_for "…[6]"
expect_tabs 0 " 0 Workshop[1]  1 Zi… 2 In…[6] 3 Ak… 4 Ve… 5 Ko… 6 Fa… 7 Pr… 8 Be…[7] 9 Ex…"
expect_tabs 4 "0 Wo…[1] 1 Zi… 2 In…[6] 3 Ak…  4 Verantwortung  5 Ko… 6 Fa… 7 Pr… 8 Be…[7] 9 Ex…"
keys F10
wait_exit

# ---------------------------------------------------------------- 100x30 de
UI_COLS=100 UI_LINES=30
ui_start --lang de "$f"
wait_for "…[6]"
expect_tabs 3 "0 Works…[1] 1 Ziele 2 Indik…[6]  3 Akteure  4 Veran… 5 Kosten 6 Fahrp… 7 Prüfu… 8 Befun…[7] 9 Export"
expect_tabs 8 "0 Works…[1] 1 Ziele 2 Indik…[6] 3 Akteu… 4 Veran… 5 Kosten 6 Fahrp… 7 Prüfu…  8 Befunde[7]  9 Export"
keys F10
wait_exit

# ---------------------------------------------------------------- NO_COLOR
# no colour: the badge, the check-list status and the RACI roles are text
UI_COLS=100 UI_LINES=30 UI_LANG=en UI_NO_COLOR=1
ui_start --lang en "$f"
wait_for "…[6]"
keys 0
wait_for " 0 Workshop[1]  1 Goals 2 Indic…[6]"
expect_screen "8 Findi…[7]"
keys 7
wait_for "[?] not discussed"
# the selected row carries a marker, and a status set with Space shows as
# its own mark, not as a shade (keys one at a time: typed, not pasted)
wait_for "▸[?] not discussed"
keys Down
sleep 0.3
keys Space
wait_for "▸[~] partly"
keys 4
wait_for "Tender and set up"
# the selected cell is bracketed, the roles are letters
screen | grep -F 'Tender and set up' | grep -qF '▸[ ]   A    R' || fail "RACI row without its letters: $(screen | grep -F 'Tender and set up')"
ok
keys F10
wait_exit
UI_NO_COLOR=

# the status set above is in the file; opening and reading changed nothing else
expect_sql "$f" "SELECT count(*) FROM check_item WHERE status <> 'open'" "1"
"$STETIG" check "$f" --format tsv >/dev/null
[ "$(gaps indicators)" = 6 ] || fail "the tabs changed the findings"
[ "$before" != "$(cksum <"$f")" ] || fail "the status was not saved"

# ---------------------------------------------------------------- heat map
# without colour 50 % and 100 % differ by a mark, not only by the number:
# factor 1 values done (100 %), factor 1 resources half done (50 %),
# factor 1 actors open (0 %)
h="$T/heat.stetig"
"$STETIG" new "$h" --template urban-data-platform --lang en >/dev/null 2>&1 || fail "new heat"
sql "$h" "UPDATE check_item SET status = 'done' WHERE factor = 1 AND field = 'values';
          UPDATE check_item SET status = 'done' WHERE factor = 1 AND field = 'resources' AND item = (SELECT min(item) FROM check_item WHERE factor = 1 AND field = 'resources')"
expect_sql "$h" "SELECT count(*) FROM check_item WHERE factor = 1 AND field = 'resources'" "2"
UI_COLS=80 UI_LINES=24 UI_LANG=en UI_NO_COLOR=1
ui_start --lang en "$h"
wait_for "1 Goals"
keys 7
wait_for "Readiness"
row=$(screen | grep -F "1 Communic")
case "$row" in *"● 100 %"*"◐ 50 %"*"○ 0 %"*) ok ;; *) fail "heat map row without marks: $row" ;; esac
keys F10
wait_exit
UI_NO_COLOR=

# ---------------------------------------------------------------- key bar
# a crowded bar leaves entries out rather than glue a key to its label
# ("F1Hilfe"): German at 100 and 80 columns on every step, undo and quit
# always there
b="$T/bar.stetig"
"$STETIG" new "$b" --template demo --lang de >/dev/null 2>&1 || fail "new bar"
for size in 100x30 80x24; do
	UI_COLS=${size%x*} UI_LINES=${size#*x} UI_LANG=de
	ui_start --lang de "$b"
	wait_for "Beenden"
	for s in 0 1 2 3 4 5 6 7 8 9; do
		keys "$s"
		wait_for "Beenden"
		bar=$(screen | tail -n 1)
		case "$bar" in
		*F1Hilfe* | *EnterÄndern* | *LeertasteWechseln* | *nNeu*) fail "$size step $s: glued: $bar" ;;
		*"F1 Hilfe"*"u Rückgängig"*"F10 Beenden"*) ok ;;
		*) fail "$size step $s: bar without help, undo or quit: $bar" ;;
		esac
	done
	keys F10
	wait_exit
done
finish
