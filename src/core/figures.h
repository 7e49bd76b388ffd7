/* figures.h — the domain figures that the screen, the findings and the
 * workbook all show, computed in one place: costs and their coverage per
 * budget year, the partner shares per cost, the RACI row rules, the task
 * categories regular operation needs, and the readiness per factor.
 *
 * Costs per budget year (the per-year table that the screen, the findings,
 * the workbook and `stetig check` show). A figure is in euros; the year is
 * the budget (calendar) year.
 *  - A yearly cost costs its amount in every year from its first to its
 *    last year. Without a first year it runs from the first year of the
 *    table, without a last year to the last year of the table.
 *  - A one-off cost costs its amount once, in its (first) year. A one-off
 *    cost without a year falls in no budget year: it is counted in the
 *    column "no year" (struct figures.undated), never in a year.
 *  - The funded period runs to the funding end (workshop.funding_end).
 *    The year of the funding end is counted by month: the month in which
 *    the funding ends counts as funded, so an end on 2027-06-30 puts 6/12
 *    of 2027's yearly costs in the funded period and 6/12 after it. A
 *    one-off cost in the year of the funding end counts as bought within
 *    the funded period. A one-off cost without a year is not known to fall
 *    in the funded period and counts as after the funding end.
 *  - What falls in the funded period is split by the funding rate
 *    (workshop.funding_rate, percent of eligible costs): grant = rate %,
 *    own share during the funding = the rest. Without a rate nothing is
 *    known to be granted: grant 0, own share all of it.
 *  - What falls after the funding end is carried by the partner shares
 *    (each a percent of its cost, alike in every year) by their commitment
 *    status: "covered" = adopted or in the draft budget; "promised" and
 *    "asked" are shown apart; "uncovered" is the rest nobody carries, not
 *    even asked. Partners are not counted in the funded period (the grant
 *    and the own share carry it).
 *  - Without a funding end (none set, or not a date) no year is funded:
 *    everything counts as after the funding, has_funding_end is false.
 *  - So every row adds up: total = grant + own + covered + promised +
 *    asked + uncovered (exactly, unless the shares of a cost add up to more
 *    than 100 %, which is a finding; then uncovered is 0 and the partner
 *    rows carry more than the after-funding part).
 *  - The first budget year after the funding (figures_first_budget_year)
 *    is workshop.first_budget_year, or without it the year after the
 *    funding-end year (0 without either).
 *
 * The table of years runs from the earliest year any cost names (or the
 * funding-end year, when that is earlier) to the later of the last year any
 * cost names and five years after the funding-end year (without a funding
 * end: after the first year); without any year at all it starts this year.
 * It holds at most FIGURES_MAX_YEARS years, always including the five after
 * the funding end; what falls outside counts in no year.
 *
 * Computing is linear in the number of costs, shares, stakeholders, tasks
 * and check items times the years; figures_update recomputes only when the
 * model's revision has changed, figures_update_costs only when something
 * the money figures read has changed, so a screen can ask on every redraw. */
#ifndef STETIG_FIGURES_H
#define STETIG_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "vocab.h"

/* Years shown after the funding-end year. */
#define FIGURES_AFTER_YEARS 5
/* The most years the table holds. */
#define FIGURES_MAX_YEARS 60
/* Percent sums are compared with this tolerance (33.3 + 33.3 + 33.4). */
#define FIGURES_PERCENT_EPS 1e-6

/* The costs of one budget year (or of the "no year" column, or a sum).
 * total = funded_period + after_funding; funded_period = grant + own;
 * after_funding = covered + promised + asked + uncovered (see above). */
struct figures_row {
	double total;		/* every cost that falls in the year */
	double funded_period;	/* the part of total inside the funded period */
	double after_funding;	/* the part of total after the funding end */
	double grant;		/* of funded_period: what the grant pays (the rate) */
	double own;		/* of funded_period: the municipality's own share */
	double covered;		/* of after_funding: adopted or draft-budget shares */
	double promised;	/* of after_funding: promised shares */
	double asked;		/* of after_funding: shares only asked for */
	double uncovered;	/* of after_funding: what nobody carries */
	double partners;	/* covered + promised + asked */
};

/* One cost (in the order of the model's cost table). */
struct figures_cost {
	int64_t id;
	double shared;	 /* its partner shares summed, in percent (may exceed 100) */
	double open_pct; /* 100 - shared, at least 0: the percent nobody carries */
	double status_pct[SHARE_STATUS_COUNT]; /* the shares summed per commitment status */
	bool undated;	 /* a one-off cost without a year */
	/* money nobody carries: uncovered after the funding end (gap_year), or
	 * a one-off cost without a year that the partners do not fully carry */
	bool gap;
	struct figures_row sum; /* over all years and the "no year" column */
	/* The first budget year with uncovered money after the funding end
	 * (0: none), the uncovered money in it, and in each later year (0 when
	 * the cost does not go on after gap_year). gap_partial: gap_year is the
	 * funding-end year, uncovered only from the month after the end. */
	int gap_year;
	double gap_first, gap_yearly;
	bool gap_partial;
};

/* Task categories and their tasks per phase. */
enum figures_category_gap {
	FIGURES_CAT_OK,
	FIGURES_CAT_REQUIRED_MISSING, /* required, but no regular-operation task */
	FIGURES_CAT_PILOT_ONLY,	      /* pilot tasks, but none in regular operation */
};

/* The broken RACI row rules of a task (bits). */
enum figures_task_rule {
	FIGURES_TASK_NO_A = 1,	   /* nobody is accountable */
	FIGURES_TASK_MULTI_A = 2,  /* more than one A */
	FIGURES_TASK_NO_R = 4,	   /* nobody is responsible */
	FIGURES_TASK_TEMP_AR = 8,  /* a regular-operation task with A or R on a temporary actor */
};

/* Readiness from the check items: done counts 1, partly 1/2, open 0, not
 * relevant is left out. A value < 0 means "no applicable item".
 * An item that is open and has no note has not been discussed yet (the
 * group writes down what it found when it keeps an item open): such items
 * count as 0 like every open item, and are counted apart, so that a low
 * readiness can say whether the group found gaps or has not got there. */
struct readiness {
	double factor[FACTOR_COUNT];		   /* 0..1 per factor 1..6 (index 0..5) */
	double cell[FACTOR_COUNT][FIELD_COUNT];	   /* the heat map */
	unsigned items[FACTOR_COUNT][FIELD_COUNT]; /* check items per cell */
	double overall;				   /* over factors 1..5 */
	unsigned undiscussed[FACTOR_COUNT][FIELD_COUNT]; /* open items without a note */
	unsigned undiscussed_factor[FACTOR_COUNT];
	unsigned applicable_factor[FACTOR_COUNT]; /* items other than not relevant */
	unsigned undiscussed_all, applicable_all; /* over factors 1..5 */
};

/* true when check item c has been discussed: its status is other than open,
 * or it is open with a note saying what the group found. */
bool figures_check_discussed(const struct check_item *c);

struct figures {
	/* the funding end */
	bool has_funding_end;
	int funding_end_year;	/* 0 without a funding end */
	int funded_months;	/* months of funding_end_year in the funded period (1..12) */
	/* the funding rate in percent, when set (has_rate) */
	bool has_rate;
	double rate;
	/* figures_first_budget_year of the model */
	int first_budget_year;
	/* the table of years: years[k] is the budget year first + k */
	int first, last;
	size_t nyears;
	struct figures_row *years;
	struct figures_row undated; /* one-off costs without a year */
	struct figures_row sum;	    /* all years and undated together */
	/* the costs, in the order of m->costs */
	size_t ncosts;
	struct figures_cost *costs;
	/* the partners: stakeholders with a share in an existing cost, in the
	 * order of the stakeholder table; partner_years[p * (nyears + 1) + k]
	 * is what partner p carries (whatever the status) of year k's costs
	 * after the funding end, index nyears the "no year" column;
	 * partner_sum[p] everything partner p carries */
	size_t npartners;
	int64_t *partners;
	double *partner_years;
	double *partner_sum;
	/* the shares of each cost, in the order of the model's share table:
	 * cost_shares[cost_share_at[i]] up to cost_shares[cost_share_at[i + 1]]
	 * (excluded) are the indices into m->shares of the shares of the cost
	 * at index i (figures_shares_of) */
	size_t *cost_share_at;
	size_t *cost_shares;
	/* tasks per phase and category; per category the gap */
	unsigned tasks[TPHASE_COUNT][CAT_COUNT];
	enum figures_category_gap category_gap[CAT_COUNT];
	struct readiness readiness;
	/* the model revisions these figures belong to (figures_update,
	 * figures_update_costs) */
	unsigned long revision, costs_revision;
	bool valid;
};

/* Zeroes f (no figures, nothing allocated). */
void figures_init(struct figures *f);
void figures_free(struct figures *f);
/* Computes every figure of m into f (its old contents are freed).
 * this_year is the budget year the table starts with when no cost has a
 * year and no funding end is set. */
void figures_compute(struct figures *f, const struct model *m, int this_year);
/* figures_compute with this year (date_today: STETIG_TODAY pins it). */
void figures_compute_now(struct figures *f, const struct model *m);
/* Recomputes f only when m changed since (its revision differs or f was
 * never computed); returns f. Uses the current year as figures_compute. */
const struct figures *figures_update(struct figures *f, const struct model *m);
/* Recomputes f only when something the money figures read changed since:
 * a cost, a share, a stakeholder or the workshop's data was saved, or the
 * model was reloaded (a delete, an undo or redo, an import: the model's
 * costs_revision); a RACI cell, a goal or a check item does not count.
 * For a screen that shows the money only: the task and readiness figures of
 * f may be older than the model. Returns f. */
const struct figures *figures_update_costs(struct figures *f, const struct model *m);
/* The number of shares of the cost at index ci of the model's cost table,
 * and in *idx their indices into m->shares (model order); 0 outside. */
size_t figures_shares_of(const struct figures *f, size_t ci, const size_t **idx);

/* The first budget year after the funding: workshop.first_budget_year,
 * or the year after the funding-end year; 0 without either. */
int figures_first_budget_year(const struct model *m);
/* true for the statuses that count as covered (draft budget, adopted). */
bool figures_status_covered(int status);

/* What cost c costs in budget year y (0 for a one-off cost without a year).
 * first and last bound the years of a yearly cost without a first or last
 * year. */
double figures_cost_in_year(const struct cost *c, int y, int first, int last);
/* What cost c costs in budget year y after the funding end (all of it
 * without a funding end; 0 for a one-off cost without a year). */
double figures_cost_after(const struct figures *f, const struct cost *c, int y);
/* The fraction (0..1) of budget year y inside the funded period of f. */
double figures_funded_fraction(const struct figures *f, int y);
/* The row of budget year y, or NULL when y is outside the table. */
const struct figures_row *figures_year(const struct figures *f, int y);
/* What partner index p carries in budget year y (0 outside the table). */
double figures_partner_in(const struct figures *f, size_t p, int y);

/* What share s carries of cost c: a year's part for a yearly cost, the
 * part of the whole for a one-off cost. */
double figures_share_amount(const struct cost *c, const struct cost_share *s);
/* The partner shares of a cost summed, in percent. */
double figures_cost_shared(const struct model *m, int64_t cost);

/* The RACI row rules of task t broken (enum figures_task_rule bits; 0: all
 * kept): exactly one A, at least one R, and in regular operation no A or R
 * with a temporary actor. */
unsigned figures_task_rules(const struct task *t);
/* true for the categories every measure needs in regular operation
 * (operation, maintenance, funding). */
bool figures_category_required(int category);
/* The gap of a category given its tasks per phase (tasks[phase]). */
enum figures_category_gap figures_category_gap(const unsigned tasks[TPHASE_COUNT], int category);

/* Readiness per factor and field from the check items of m. */
void figures_readiness(const struct model *m, struct readiness *r);

/* An amount of euros as the language writes it: "12.345 €", "€12,345";
 * cents only when asked for and not zero. out: at least 64 bytes. */
void figures_money(double v, bool cents, enum lang lang, char *out, size_t n);

#endif
