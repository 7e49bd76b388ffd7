/* figures.c — the domain figures: costs per budget year and their
 * coverage, shares per cost, RACI row rules, required task categories and
 * readiness (see figures.h for what each figure means). */
#include "config.h"
#include "figures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void figures_init(struct figures *f)
{
	memset(f, 0, sizeof *f);
}

void figures_free(struct figures *f)
{
	free(f->years);
	free(f->costs);
	free(f->partners);
	free(f->partner_years);
	free(f->partner_sum);
	free(f->cost_share_at);
	free(f->cost_shares);
	figures_init(f);
}

/* ------------------------------------------------------------ costs */

double figures_cost_in_year(const struct cost *c, int y, int first, int last)
{
	if (c->kind == COST_ONEOFF)
		return c->start_year && c->start_year == y ? c->amount : 0;
	int from = c->start_year ? c->start_year : first;
	int to = c->end_year ? c->end_year : last;
	return y >= from && y <= to ? c->amount : 0;
}

double figures_funded_fraction(const struct figures *f, int y)
{
	if (!f->has_funding_end || y > f->funding_end_year)
		return 0;
	if (y < f->funding_end_year)
		return 1;
	return f->funded_months / 12.0;
}

/* The fraction of what c costs in year y that lies in the funded period:
 * a one-off cost is bought whole, so in the funding-end year it counts as
 * funded. */
static double cost_funded_fraction(const struct figures *f, const struct cost *c, int y)
{
	if (c->kind == COST_ONEOFF)
		return f->has_funding_end && y <= f->funding_end_year ? 1 : 0;
	return figures_funded_fraction(f, y);
}

double figures_cost_after(const struct figures *f, const struct cost *c, int y)
{
	return figures_cost_in_year(c, y, f->first, f->last) * (1 - cost_funded_fraction(f, c, y));
}

const struct figures_row *figures_year(const struct figures *f, int y)
{
	if (!f->nyears || y < f->first || y > f->last)
		return NULL;
	return &f->years[y - f->first];
}

double figures_partner_in(const struct figures *f, size_t p, int y)
{
	if (p >= f->npartners || !f->nyears || y < f->first || y > f->last)
		return 0;
	return f->partner_years[p * (f->nyears + 1) + (size_t)(y - f->first)];
}

double figures_share_amount(const struct cost *c, const struct cost_share *s)
{
	return c->amount * s->percent / 100;
}

double figures_cost_shared(const struct model *m, int64_t cost)
{
	double sum = 0;
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
		if (s->cost == cost)
			sum += s->percent;
	}
	return sum;
}

static void row_add(struct figures_row *r, const struct figures_row *a)
{
	r->total += a->total;
	r->funded_period += a->funded_period;
	r->after_funding += a->after_funding;
	r->grant += a->grant;
	r->own += a->own;
	r->covered += a->covered;
	r->promised += a->promised;
	r->asked += a->asked;
	r->uncovered += a->uncovered;
	r->partners += a->partners;
}

bool figures_status_covered(int status)
{
	return status == SHARE_DRAFT || status == SHARE_ADOPTED;
}

int figures_first_budget_year(const struct model *m)
{
	if (m->ws.first_budget_year)
		return m->ws.first_budget_year;
	struct date d;
	return date_parse_iso(m->ws.funding_end, &d) ? d.y + 1 : 0;
}

/* The table's years: see figures.h. */
static void year_range(struct figures *f, const struct model *m, int this_year)
{
	int lo = 0, hi = 0;
	for (size_t i = 0; i < m->costs.n; i++) {
		const struct cost *c = MODEL_AT(m->costs, struct cost, i);
		int ys[2] = {c->start_year, c->kind == COST_YEARLY ? c->end_year : 0};
		for (int k = 0; k < 2; k++) {
			if (!ys[k])
				continue;
			if (!lo || ys[k] < lo)
				lo = ys[k];
			if (ys[k] > hi)
				hi = ys[k];
		}
	}
	if (f->has_funding_end && (!lo || f->funding_end_year < lo))
		lo = f->funding_end_year;
	if (!lo)
		lo = this_year;
	int must = (f->has_funding_end ? f->funding_end_year : lo) + FIGURES_AFTER_YEARS;
	if (hi < must)
		hi = must;
	if (hi - lo + 1 > FIGURES_MAX_YEARS) {
		/* keep the years after the funding end: they matter most */
		if (must - lo + 1 > FIGURES_MAX_YEARS)
			lo = must - FIGURES_MAX_YEARS + 1;
		hi = lo + FIGURES_MAX_YEARS - 1;
	}
	f->first = lo;
	f->last = hi;
	f->nyears = (size_t)(hi - lo + 1);
}

/* Adds amount a of cost c, falling in year y (0: the "no year" column),
 * with the funded fraction fr, to the cost's figures and to row r. */
static void count_cost(struct figures *f, struct figures_cost *fc, const struct cost *c, int y,
		       double a, double fr, struct figures_row *r)
{
	struct figures_row add = {0};
	add.total = a;
	add.funded_period = f->has_funding_end ? a * fr : 0;
	add.after_funding = a - add.funded_period;
	add.grant = f->has_rate ? add.funded_period * f->rate / 100 : 0;
	add.own = add.funded_period - add.grant;
	double after = add.after_funding;
	add.covered = after * (fc->status_pct[SHARE_DRAFT] + fc->status_pct[SHARE_ADOPTED]) / 100;
	add.promised = after * fc->status_pct[SHARE_PROMISED] / 100;
	add.asked = after * fc->status_pct[SHARE_ASKED] / 100;
	add.uncovered = after * fc->open_pct / 100;
	add.partners = add.covered + add.promised + add.asked;
	row_add(r, &add);
	row_add(&fc->sum, &add);
	if (f->has_funding_end && add.uncovered > 0 && !fc->gap_year && y) {
		fc->gap_year = y;
		fc->gap_first = add.uncovered;
		fc->gap_partial = fr > 0;
		bool goes_on = c->kind == COST_YEARLY && (!c->end_year || c->end_year > y);
		fc->gap_yearly = goes_on ? c->amount * fc->open_pct / 100 : 0;
	}
}

/* The index of a share's cost and stakeholder in their tables (-1: none),
 * looked up once per share. */
struct share_ref {
	long ci, si;
};

static struct share_ref *resolve_shares(const struct model *m)
{
	struct share_ref *ref = xmalloc((m->shares.n ? m->shares.n : 1) * sizeof *ref);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
		ref[i].ci = table_index(&m->costs, s->cost);
		ref[i].si = table_index(&m->stakeholders, s->stakeholder);
	}
	return ref;
}

/* The shares of each cost (figures.cost_share_at): counted, then placed,
 * in the order of the share table. */
static void index_shares(struct figures *f, const struct model *m, const struct share_ref *ref)
{
	size_t nc = f->ncosts, ns = m->shares.n;
	f->cost_share_at = xcalloc(nc + 1, sizeof *f->cost_share_at);
	f->cost_shares = xmalloc((ns ? ns : 1) * sizeof *f->cost_shares);
	for (size_t i = 0; i < ns; i++)
		if (ref[i].ci >= 0)
			f->cost_share_at[ref[i].ci + 1]++;
	for (size_t c = 0; c < nc; c++)
		f->cost_share_at[c + 1] += f->cost_share_at[c];
	size_t *next = xmalloc((nc ? nc : 1) * sizeof *next);
	if (nc)
		memcpy(next, f->cost_share_at, nc * sizeof *next);
	for (size_t i = 0; i < ns; i++)
		if (ref[i].ci >= 0)
			f->cost_shares[next[ref[i].ci]++] = i;
	free(next);
}

size_t figures_shares_of(const struct figures *f, size_t ci, const size_t **idx)
{
	if (!f->cost_share_at || ci >= f->ncosts) {
		*idx = NULL;
		return 0;
	}
	*idx = f->cost_shares + f->cost_share_at[ci];
	return f->cost_share_at[ci + 1] - f->cost_share_at[ci];
}

static void compute_costs(struct figures *f, const struct model *m, const struct share_ref *ref)
{
	size_t nc = m->costs.n, ny = f->nyears;
	f->ncosts = nc;
	f->costs = xcalloc(nc ? nc : 1, sizeof *f->costs);
	f->years = xcalloc(ny, sizeof *f->years);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
		long ci = ref[i].ci;
		if (ci >= 0) {
			f->costs[ci].shared += s->percent;
			if (s->status >= 0 && s->status < SHARE_STATUS_COUNT)
				f->costs[ci].status_pct[s->status] += s->percent;
		}
	}
	for (size_t i = 0; i < nc; i++) {
		const struct cost *c = MODEL_AT(m->costs, struct cost, i);
		struct figures_cost *fc = &f->costs[i];
		fc->id = c->id;
		double open = 100 - fc->shared;
		fc->open_pct = open > FIGURES_PERCENT_EPS ? open : 0;
		if (c->kind == COST_ONEOFF && !c->start_year) {
			fc->undated = true;
			count_cost(f, fc, c, 0, c->amount, 0, &f->undated);
			fc->gap = fc->open_pct > 0 && c->amount > 0;
			continue;
		}
		for (size_t k = 0; k < ny; k++) {
			int y = f->first + (int)k;
			double a = figures_cost_in_year(c, y, f->first, f->last);
			if (a != 0)
				count_cost(f, fc, c, y, a, cost_funded_fraction(f, c, y), &f->years[k]);
		}
		fc->gap = fc->gap_year != 0;
	}
	for (size_t k = 0; k < ny; k++)
		row_add(&f->sum, &f->years[k]);
	row_add(&f->sum, &f->undated);
}

/* The partners and what each carries per year: one pass over the shares
 * marks the stakeholders that have one (pidx, by stakeholder index), one
 * over the stakeholders numbers them in table order, one over the shares
 * adds each share's money to its partner's row. */
static void compute_partners(struct figures *f, const struct model *m, const struct share_ref *ref)
{
	size_t ns = m->stakeholders.n, ny = f->nyears;
	long *pidx = xmalloc((ns ? ns : 1) * sizeof *pidx);
	for (size_t s = 0; s < ns; s++)
		pidx[s] = -1;
	for (size_t i = 0; i < m->shares.n; i++)
		if (ref[i].si >= 0 && ref[i].ci >= 0)
			pidx[ref[i].si] = 0;
	f->partners = xcalloc(ns ? ns : 1, sizeof *f->partners);
	for (size_t s = 0; s < ns; s++)
		if (pidx[s] == 0) {
			pidx[s] = (long)f->npartners;
			f->partners[f->npartners++] =
				MODEL_AT(m->stakeholders, struct stakeholder, s)->id;
		}
	size_t np = f->npartners;
	f->partner_years = xcalloc((np ? np : 1) * (ny + 1), sizeof *f->partner_years);
	f->partner_sum = xcalloc(np ? np : 1, sizeof *f->partner_sum);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
		long si = ref[i].si, ci = ref[i].ci;
		if (si < 0 || ci < 0)
			continue;
		const struct cost *c = MODEL_AT(m->costs, struct cost, (size_t)ci);
		double *row = &f->partner_years[(size_t)pidx[si] * (ny + 1)];
		if (f->costs[ci].undated) {
			row[ny] += figures_share_amount(c, s);
		} else {
			for (size_t k = 0; k < ny; k++) {
				int y = f->first + (int)k;
				row[k] += figures_cost_after(f, c, y) * s->percent / 100;
			}
		}
	}
	for (size_t p = 0; p < np; p++)
		for (size_t k = 0; k <= ny; k++)
			f->partner_sum[p] += f->partner_years[p * (ny + 1) + k];
	free(pidx);
}

/* ------------------------------------------------------------ responsibilities */

/* Categories every measure needs in regular operation. */
static const int required_categories[] = {CAT_OPERATION, CAT_MAINTENANCE, CAT_FUNDING};

bool figures_category_required(int category)
{
	for (size_t i = 0; i < sizeof required_categories / sizeof *required_categories; i++)
		if (required_categories[i] == category)
			return true;
	return false;
}

enum figures_category_gap figures_category_gap(const unsigned tasks[TPHASE_COUNT], int category)
{
	if (tasks[TPHASE_REGULAR])
		return FIGURES_CAT_OK;
	if (figures_category_required(category))
		return FIGURES_CAT_REQUIRED_MISSING;
	return tasks[TPHASE_PILOT] ? FIGURES_CAT_PILOT_ONLY : FIGURES_CAT_OK;
}

unsigned figures_task_rules(const struct task *t)
{
	unsigned r = 0;
	if (t->roles[RACI_A] == 0)
		r |= FIGURES_TASK_NO_A;
	else if (t->roles[RACI_A] > 1)
		r |= FIGURES_TASK_MULTI_A;
	if (t->roles[RACI_R] == 0)
		r |= FIGURES_TASK_NO_R;
	if (t->phase == TPHASE_REGULAR && t->temp_ar > 0)
		r |= FIGURES_TASK_TEMP_AR;
	return r;
}

static void compute_categories(struct figures *f, const struct model *m)
{
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->phase >= 0 && t->phase < TPHASE_COUNT && t->category >= 0 &&
		    t->category < CAT_COUNT)
			f->tasks[t->phase][t->category]++;
	}
	for (int c = 0; c < CAT_COUNT; c++) {
		unsigned per_phase[TPHASE_COUNT];
		for (int p = 0; p < TPHASE_COUNT; p++)
			per_phase[p] = f->tasks[p][c];
		f->category_gap[c] = figures_category_gap(per_phase, c);
	}
}

/* ------------------------------------------------------------ readiness */

bool figures_check_discussed(const struct check_item *c)
{
	if (c->status != CHECK_OPEN)
		return true;
	for (const char *p = c->note; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return true;
	return false;
}

void figures_readiness(const struct model *m, struct readiness *r)
{
	double got[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	unsigned applicable[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < m->checks.n; i++) {
		const struct check_item *c = MODEL_AT(m->checks, struct check_item, i);
		if (c->factor < 1 || c->factor > FACTOR_COUNT || c->field < 0 || c->field >= FIELD_COUNT)
			continue;
		r->items[c->factor - 1][c->field]++;
		if (c->status == CHECK_NA)
			continue;
		applicable[c->factor - 1][c->field]++;
		if (!figures_check_discussed(c))
			r->undiscussed[c->factor - 1][c->field]++;
		got[c->factor - 1][c->field] += c->status == CHECK_DONE	   ? 1
						: c->status == CHECK_PARTLY ? 0.5
									    : 0;
	}
	double all_got = 0;
	unsigned all_n = 0;
	for (int f = 0; f < FACTOR_COUNT; f++) {
		double fg = 0;
		unsigned fn = 0;
		for (int d = 0; d < FIELD_COUNT; d++) {
			r->cell[f][d] = applicable[f][d] ? got[f][d] / applicable[f][d] : -1;
			fg += got[f][d];
			fn += applicable[f][d];
			r->undiscussed_factor[f] += r->undiscussed[f][d];
		}
		r->factor[f] = fn ? fg / fn : -1;
		r->applicable_factor[f] = fn;
		/* the wind-down factor is left out of the overall readiness */
		if (f < FACTOR_COUNT - 1) {
			all_got += fg;
			all_n += fn;
			r->undiscussed_all += r->undiscussed_factor[f];
		}
	}
	r->overall = all_n ? all_got / all_n : -1;
	r->applicable_all = all_n;
}

/* ------------------------------------------------------------ the whole */

void figures_compute(struct figures *f, const struct model *m, int this_year)
{
	figures_free(f);
	struct date d;
	if (date_parse_iso(m->ws.funding_end, &d)) {
		f->has_funding_end = true;
		f->funding_end_year = d.y;
		f->funded_months = d.m;
	}
	f->has_rate = m->ws.funding_rate.set;
	f->rate = f->has_rate ? m->ws.funding_rate.v : 0;
	f->first_budget_year = figures_first_budget_year(m);
	year_range(f, m, this_year);
	struct share_ref *ref = resolve_shares(m);
	compute_costs(f, m, ref);
	index_shares(f, m, ref);
	compute_partners(f, m, ref);
	free(ref);
	compute_categories(f, m);
	figures_readiness(m, &f->readiness);
	f->revision = m->revision;
	f->costs_revision = m->costs_revision;
	f->valid = true;
}

void figures_compute_now(struct figures *f, const struct model *m)
{
	struct date d;
	date_today(&d);
	figures_compute(f, m, d.y);
}

const struct figures *figures_update(struct figures *f, const struct model *m)
{
	if (!f->valid || f->revision != m->revision)
		figures_compute_now(f, m);
	return f;
}

const struct figures *figures_update_costs(struct figures *f, const struct model *m)
{
	if (!f->valid || f->costs_revision != m->costs_revision)
		figures_compute_now(f, m);
	return f;
}

/* ------------------------------------------------------------ money */

void figures_money(double v, bool cents, enum lang lang, char *out, size_t n)
{
	bool de = lang == LANG_DE;
	bool neg = v < 0;
	double a = fabs(v);
	if (!(a < 1e15)) {
		/* beyond any budget (or not a number): no grouping, no cents */
		snprintf(out, n, de ? "%s%.0f €" : "%s€%.0f", neg ? "-" : "", a);
		return;
	}
	long long whole = (long long)(cents ? floor(a) : llround(a));
	int frac = cents ? (int)llround((a - floor(a)) * 100) : 0;
	if (frac == 100) {
		whole++;
		frac = 0;
	}
	if (whole == 0 && frac == 0)
		neg = false;
	char digits[32], grouped[48];
	snprintf(digits, sizeof digits, "%lld", whole);
	size_t len = strlen(digits), k = 0;
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			grouped[k++] = de ? '.' : ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	char dec[8] = "";
	if (cents && frac)
		snprintf(dec, sizeof dec, "%c%02d", de ? ',' : '.', frac);
	if (de)
		snprintf(out, n, "%s%s%s €", neg ? "-" : "", grouped, dec);
	else
		snprintf(out, n, "%s€%s%s", neg ? "-" : "", grouped, dec);
}
