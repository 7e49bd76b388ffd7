/* roadmap.c — the roadmap as pure functions of the model (roadmap.h). */
#include "config.h"
#include "roadmap.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "i18n.h"
#include "util.h"

/* The first budget year after the funding: the money step's figure. */
int roadmap_first_budget_year(const struct model *m)
{
	/* the money step's figure: the workshop's first budget
	 * year, or the year after the funding end */
	return figures_first_budget_year(m);
}

long roadmap_today(void)
{
	struct date d;
	date_today(&d);
	return date_days(&d);
}

long roadmap_days(const char *iso)
{
	struct date d;
	if (!iso || !*iso || !date_parse_iso(iso, &d))
		return LONG_MIN;
	return date_days(&d);
}

bool roadmap_milestone_overdue(const struct milestone *ms, long today)
{
	long due = roadmap_days(ms->due);
	return ms->status == MS_OPEN && due != LONG_MIN && due < today;
}

bool roadmap_decision_overdue(const struct decision *d, long today)
{
	long when = roadmap_days(d->planned);
	return d->status == DEC_PLANNED && when != LONG_MIN && when < today;
}

/* ------------------------------------------------------------ order */

struct dated {
	long days; /* LONG_MAX: undated */
	int64_t id;
	size_t index;
};

static int dated_cmp(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;
	if (x->days != y->days)
		return x->days < y->days ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static size_t *order(const struct table *t, size_t date_off, size_t *n)
{
	struct dated *v = xmalloc((t->n ? t->n : 1) * sizeof *v);
	for (size_t i = 0; i < t->n; i++) {
		const char *e = table_at(t, i);
		long d = roadmap_days(*(char *const *)(e + date_off));
		v[i].days = d == LONG_MIN ? LONG_MAX : d;
		v[i].id = *(const int64_t *)e;
		v[i].index = i;
	}
	qsort(v, t->n, sizeof *v, dated_cmp);
	size_t *idx = xmalloc((t->n ? t->n : 1) * sizeof *idx);
	for (size_t i = 0; i < t->n; i++)
		idx[i] = v[i].index;
	free(v);
	*n = t->n;
	return idx;
}

size_t *roadmap_milestone_order(const struct model *m, size_t *n)
{
	return order(&m->milestones, offsetof(struct milestone, due), n);
}

size_t *roadmap_decision_order(const struct model *m, size_t *n)
{
	return order(&m->decisions, offsetof(struct decision, planned), n);
}

const struct decision *roadmap_next_decision(const struct model *m, long today)
{
	const struct decision *next = NULL, *late = NULL;
	long next_d = LONG_MAX, late_d = LONG_MAX;
	for (size_t i = 0; i < m->decisions.n; i++) {
		const struct decision *d = MODEL_AT(m->decisions, struct decision, i);
		if (d->status == DEC_ADOPTED || d->status == DEC_REJECTED)
			continue;
		long when = roadmap_days(d->planned);
		if (when == LONG_MIN)
			continue;
		if (when >= today && when < next_d) {
			next = d;
			next_d = when;
		} else if (when < today && when < late_d) {
			late = d;
			late_d = when;
		}
	}
	return next ? next : late;
}

/* ------------------------------------------------------------ proposals */

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* d moved by months (the day kept, or the month's last day). */
static struct date add_months(struct date d, int months)
{
	int total = d.y * 12 + (d.m - 1) + months;
	d.y = total / 12;
	d.m = total % 12 + 1;
	int last = month_days(d.y, d.m);
	if (d.d > last)
		d.d = last;
	return d;
}

struct step_def {
	const char *title; /* msgid */
	enum ms_kind kind;
	int months;	   /* from the funding end; BUDGET_DEADLINE: see below */
	bool operator_owner;
};

/* The budget of the first year after the funding is drawn up in the year
 * before; the request is due before the summer break of that year. */
#define BUDGET_DEADLINE 1000

/* The standard path to regular operation (study: decide operator and money
 * early; a decision under time pressure lowers the chances). */
static const struct step_def continuation[] = {
	{N_("Continuation decision prepared"), MS_COUNCIL, -12, false},
	{N_("Budget request for the first year after the funding"), MS_BUDGET, BUDGET_DEADLINE,
	 false},
	{N_("Council decision on regular operation"), MS_COUNCIL, -6, false},
	{N_("Operator agreement signed"), MS_AGREEMENT, -4, true},
	{N_("Posts for regular operation filled"), MS_STAFFING, -2, true},
	{N_("Handover to the operator done"), MS_HANDOVER, 0, true},
	{N_("First impact report in regular operation"), MS_IMPACT, 12, true},
};

/* The exit path of a measure that ends (study, section 2.8). */
static const struct step_def exit_path[] = {
	{N_("Exit criteria agreed"), MS_EXIT, -9, false},
	{N_("Fate of each component decided: handed on, archived or switched off"), MS_EXIT, -7,
	 false},
	{N_("Contract notice dates observed"), MS_PROCUREMENT, -6, false},
	{N_("Data archived or deleted"), MS_EXIT, -1, false},
	{N_("Duties towards the grant-giver met (statement on the use of funds)"), MS_EXIT, 3,
	 false},
	{N_("Lessons learned written down and shared"), MS_EXIT, 2, false},
};

/* The milestone titled title: NULL when there is none. */
static const struct milestone *titled(const struct model *m, const char *title)
{
	for (size_t i = 0; i < m->milestones.n; i++) {
		const struct milestone *ms = MODEL_AT(m->milestones, struct milestone, i);
		if (text_equal_fold(ms->title, title))
			return ms;
	}
	return NULL;
}

size_t roadmap_propose(const struct model *m, struct roadmap_proposal *out, size_t max)
{
	struct date end;
	if (!date_parse_iso(m->ws.funding_end, &end))
		return 0;
	bool winddown = m->ws.phase == PHASE_WINDDOWN;
	const struct step_def *defs = winddown ? exit_path : continuation;
	size_t ndefs = winddown ? sizeof exit_path / sizeof *exit_path
				: sizeof continuation / sizeof *continuation;
	size_t n = 0;
	for (size_t i = 0; i < ndefs && n < max; i++) {
		const char *title = _(defs[i].title);
		/* a template's undated milestone gets its date; a dated one stays */
		const struct milestone *old = titled(m, title);
		if (old && *old->due)
			continue;
		struct date d;
		if (defs[i].months == BUDGET_DEADLINE)
			d = (struct date){roadmap_first_budget_year(m) - 1, 6, 30};
		else
			d = add_months(end, defs[i].months);
		out[n].id = old ? old->id : 0;
		out[n].title = title;
		out[n].kind = defs[i].kind;
		out[n].operator_owner = defs[i].operator_owner;
		date_iso(&d, out[n].due);
		n++;
	}
	return n;
}
