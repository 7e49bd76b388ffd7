/* ui_vote.h — dot voting (F7): + and - on the selected goal, task or
 * check item while a vote runs. */
#ifndef STETIG_UI_VOTE_H
#define STETIG_UI_VOTE_H

#include "ui_internal.h"

/* Starts the vote (a form asks how many people vote and how many dots
 * each has) or ends it and says so (with the dots given). */
void ui_vote_toggle(struct ui *ui);
/* + or - during a vote: one dot more or less for the current step's
 * selected item; UI_UNHANDLED when no vote runs or a is another action. */
int ui_vote_key(struct ui *ui, enum ui_action a);

/* The selected finding of the findings step, or NULL (ui_findings.c). */
const struct finding *ui_findings_selected(struct ui *ui);

/* All dots given (goals, tasks, check items), counted once per change. */
unsigned ui_votes_total(struct ui *ui);
/* All dots there are: people voting × dots per person, as asked when the
 * vote started (0: not asked). */
unsigned ui_votes_budget(const struct ui *ui);
/* "7 of 30 dots (10 × 3)", or "7 dots" when nobody said how many there
 * are (translated). */
void ui_votes_text(struct ui *ui, char *buf, size_t n);

#endif
