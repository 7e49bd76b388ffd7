/* roadmap.h — the roadmap of step 6 as pure functions of the
 * model: the first budget year after the funding, overdue milestones and
 * decisions, the milestones in date order, the next council decision and
 * the standard path (or, in the wind-down, the exit path) proposed back
 * from the funding end. No curses, no store: the screen saves what it
 * proposes. */
#ifndef STETIG_ROADMAP_H
#define STETIG_ROADMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The first budget year after the funding: figures_first_budget_year (the
 * workshop's first budget year, else the year after the funding end), 0
 * without either. */
int roadmap_first_budget_year(const struct model *m);

/* Today as days since 1970 (date_today, so STETIG_TODAY pins it). */
long roadmap_today(void);
/* Days since 1970 of an ISO date, or LONG_MIN when it is empty or no date. */
long roadmap_days(const char *iso);

/* An open milestone whose due date lies before today. */
bool roadmap_milestone_overdue(const struct milestone *ms, long today);
/* A planned decision whose date lies before today (not even submitted). */
bool roadmap_decision_overdue(const struct decision *d, long today);

/* The indices of m->milestones sorted by due date (undated last, then by
 * id). *n gets the count; free the array. */
size_t *roadmap_milestone_order(const struct model *m, size_t *n);
/* The same for m->decisions by planned date. */
size_t *roadmap_decision_order(const struct model *m, size_t *n);

/* The next council or committee decision that is not taken yet (planned or
 * submitted or postponed, the earliest planned date from today on, else the
 * earliest overdue one), or NULL. */
const struct decision *roadmap_next_decision(const struct model *m, long today);

/* A proposed milestone: the title (translated now), kind, due date. */
struct roadmap_proposal {
	int64_t id;	   /* an undated milestone of that title to date, or 0: new */
	const char *title; /* translated, static */
	enum ms_kind kind;
	char due[11];	   /* YYYY-MM-DD */
	bool operator_owner; /* the operator (when one is named) owns it */
};

/* The standard path back from the funding end (the exit path in the
 * wind-down phase) as up to max proposals: milestones the roadmap holds
 * under the same title with a date are left alone, undated ones (from a
 * template) get their date; returns how many, 0 without a funding end. */
size_t roadmap_propose(const struct model *m, struct roadmap_proposal *out, size_t max);
#define ROADMAP_PROPOSALS_MAX 8

#endif
