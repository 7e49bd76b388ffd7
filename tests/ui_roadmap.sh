#!/bin/sh
# Step 6 end to end on a pinned calendar (today 2026-12-01, funding end
# 2027-06-30): the operator model picked in its form, p proposes the
# standard path back from the funding end (its first milestone, twelve
# months before, is overdue and marked on the timeline), one milestone
# edited, a council decision added; the step's count of gaps and the
# findings step follow; the handover view says "on paper" only once the
# agreement is signed. Every edit is checked in the file.
. "$top_srcdir/tests/ui_lib.sh"

STETIG_TODAY=2026-12-01
export STETIG_TODAY
f="$T/fahrplan.stetig"
"$STETIG" new "$f" --lang en >/dev/null 2>&1 || fail "new"
"$SQLITE3" "$f" "UPDATE workshop SET title = 'Heavy-rain warning', funding_end = '2027-06-30',
        phase = 'transition';
    INSERT INTO stakeholder(id, name, grp, influence, interest)
    VALUES (1, 'Urban drainage', 'municipal_company', 4, 4),
           (2, 'Finance office', 'administration', 4, 3);
    INSERT INTO task(id, name, category, phase) VALUES (1, 'Run the sensor network', 'operation', 'regular');
    INSERT INTO raci(task, stakeholder, role) VALUES (1, 1, 'A'), (1, 2, 'R');" || fail "sqlite3"
# before: no operator model, no continuation decision, roles only verbal
"$STETIG" check "$f" --format tsv > "$T/before.tsv"
[ "$(grep -c "${TAB:-	}roadmap	" "$T/before.tsv")" = 3 ] && ok || fail "3 roadmap findings before: $(cat "$T/before.tsv")"

ui_start --lang en "$f"
wait_for "Heavy-rain warning"
keys 6
wait_for "Who runs the measure after the funding? Select the operator model"
expect_screen "Operator model: Not decided · Operator: – none –"
expect_screen "6 Roadmap[2]"
expect_screen "┃2027-06-30"
expect_screen "– no milestone yet: p proposes the path, n adds one –"

# ---------------------------------------------------------------- the operator model
keys Enter
wait_for "Operator model Not decided"
keys Space Space Space Space
wait_for "Municipal company (e.g. Stadtwerke)"
keys Tab Space
wait_for "Operator Urban drainage"
keys Tab Space
wait_for "Agreement Draft agreement"
keys Enter
wait_for "Operator model saved."
expect_screen "Operator model: Municipal company (e.g. Stadtwerke) · Operator: Urban drainage"
expect_screen "⚙ Draft agreement"
expect_sql "$f" "SELECT operator_model, operator, agreement FROM workshop" "municipal_company|1|draft"
wait_for "6 Roadmap[1]"

# ---------------------------------------------------------------- p proposes the path
keys p
wait_for "7 milestones proposed back from the funding end"
expect_sql "$f" "SELECT count(*) FROM milestone WHERE status = 'open' AND due IS NOT NULL" "7"
expect_sql "$f" "SELECT due FROM milestone WHERE title = 'Continuation decision prepared'" "2026-06-30"
expect_sql "$f" "SELECT due, kind FROM milestone WHERE title = 'Handover to the operator done'" "2027-06-30|handover"
expect_sql "$f" "SELECT s.name FROM milestone m JOIN stakeholder s ON s.id = m.owner
    WHERE m.title = 'Operator agreement signed'" "Urban drainage"
# the first one lies before today: overdue, on the list and on the timeline
expect_screen "! 2026-06-30 Continuation decision prepared"
expect_screen "Timeline !──◆"
expect_screen "◆ 2028-06-30 First impact report in regular"
wait_for "1 milestone is overdue (!)"
wait_for "6 Roadmap[2]"
# p again proposes nothing new
keys p
wait_for "The roadmap holds every proposed milestone with a date already."
expect_sql "$f" "SELECT count(*) FROM milestone" "7"

# ---------------------------------------------------------------- edit one
keys Down
sleep 0.3
keys Enter
wait_for "Edit milestone: Continuation decision prepared"
keys Tab Tab End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typed "20.12.2026"
keys Enter
wait_for "Milestone “Continuation decision prepared” saved."
expect_sql "$f" "SELECT due FROM milestone WHERE title = 'Continuation decision prepared'" "2026-12-20"
expect_screen "◆ 2026-12-20 Continuation decision prepared"
expect_no_screen "Timeline !"
wait_for "6 Roadmap[1]"

# ---------------------------------------------------------------- a council decision
keys End
sleep 0.3
keys n
wait_for "New council decision"
typed "Continue the heavy-rain warning"
keys Tab Tab
typed "2026-12-10"
keys Tab Space
wait_for "Status submitted"
keys Tab
typed "V/2026/123"
keys Enter
wait_for "Council decision “Continue the heavy-rain warning” added."
expect_screen "§ 2026-12-10 Continue the heavy-rain warning Council    V/2026/123  submitted"
expect_screen "Timeline ├§◆"
expect_sql "$f" "SELECT body, subject, planned, status, document FROM decision" \
    "council|Continue the heavy-rain warning|2026-12-10|submitted|V/2026/123"
# the step has no finding left (the draft agreement is not due before 2027-01)
wait_for "Next: 7 Ch"
expect_no_screen "6 Roadmap["

# ---------------------------------------------------------------- handover on paper
keys 4
wait_for "Responsibilities"
for _i in 1 2 3; do
    screen | grep -qF "[Handover]" && break
    keys v
    sleep 0.3
done
wait_for "[Handover]"
expect_screen "~ verbal"
expect_screen "The roles are set, but no operator agreement is signed yet"
expect_no_screen "on paper:"
keys 6
wait_for "⚙ Draft agreement"
keys Home
sleep 0.3
keys Enter
wait_for "Agreement Draft agreement"
keys Tab Tab Space
wait_for "Agreement Signed agreement"
keys Tab
typed "2026-11-28"
keys Enter
wait_for "Operator model saved."
expect_sql "$f" "SELECT agreement, agreement_date FROM workshop" "signed|2026-11-28"
keys 4
wait_for "[Handover]"
expect_screen "✓ on paper"
expect_screen "Settled and agreed on paper"

# ---------------------------------------------------------------- findings
keys 8
wait_for "Step 8"
expect_no_screen "Continuation decision prepared"
expect_no_screen "operator agreement"
keys q
wait_exit
[ "$ui_status" = 0 ] && ok || fail "q: exit status $ui_status"
expect_sql "$f" "PRAGMA integrity_check" "ok"
# other steps still have gaps (no goals yet); the roadmap has none
expect_status 1 "$STETIG" check "$f" --format tsv
expect_no_grep "	roadmap	" "$T/out"
# on a later day the edited milestone is overdue again and check names it
STETIG_TODAY=2027-01-05 expect_status 1 "$STETIG" check "$f" --format tsv
expect_grep "gap	roadmap	Continuation decision prepared	This milestone was due on 2026-12-20 and is still open" "$T/out"
expect_no_stderr
finish
