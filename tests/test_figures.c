/* test_figures.c — the domain figures against hand calculations: costs per
 * budget year with a funding end in mid-year, one-off costs with and
 * without a year, costs before, across and after the funding end, shares
 * summing to 0, 60 and 100 %; the figures the findings quote; the table's
 * years; the RACI row rules and required categories; readiness; money;
 * the index of shares per cost and the cached money figures following every
 * change that touches them (figures_update_costs). */
#include "config.h"

#include <CUnit/CUnit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "findings.h"
#include "i18n.h"
#include "model.h"
#include "testutil.h"
#include "util.h"

#define EPS 1e-6

static struct model M;
static struct figures F;

/* ------------------------------------------------------------ building */

static void set_funding_end(const char *iso)
{
	struct workshop w;
	workshop_copy(&w, &M.ws);
	str_set(&w.title, "Water-level sensors");
	str_set(&w.funding_end, iso);
	model_set_workshop(&M, &w);
	workshop_free(&w);
}

static void put_stakeholder(int64_t id, const char *name)
{
	struct stakeholder e;
	stakeholder_init(&e);
	e.id = id;
	str_set(&e.name, name);
	model_put_stakeholder(&M, &e);
	stakeholder_free(&e);
}

static void put_cost(int64_t id, const char *name, int kind, double amount, int start, int end)
{
	struct cost e;
	cost_init(&e);
	e.id = id;
	str_set(&e.name, name);
	e.kind = kind;
	e.amount = amount;
	e.start_year = start;
	e.end_year = end;
	model_put_cost(&M, &e);
	cost_free(&e);
}

static void put_share_status(int64_t id, int64_t cost, int64_t stakeholder, double pct,
			     int status)
{
	struct cost_share e = {id, cost, stakeholder, pct, status, (char *)""};
	model_put_share(&M, &e);
}

static void put_share(int64_t id, int64_t cost, int64_t stakeholder, double pct)
{
	put_share_status(id, cost, stakeholder, pct, SHARE_ADOPTED);
}

static void set_rate(double rate, bool set, int first_budget_year)
{
	struct workshop w;
	workshop_copy(&w, &M.ws);
	w.funding_rate = (struct optnum){rate, set};
	w.first_budget_year = first_budget_year;
	model_set_workshop(&M, &w);
	workshop_free(&w);
}

/* The edge-case workshop (tests/figures_agree.sh builds the same one):
 * funding until 2027-06-30, so 6 of 2027's 12 months are funded.
 *  1 Hosting         yearly 12,000 from 2026, open   shares 60 %
 *  2 Licence         yearly  2,400 2028–2029        shares 50 + 50 = 100 %
 *  3 Sensors         one-off 90,000 in 2025         shares 0 %
 *  4 New sensors     one-off 10,000 in 2029         shares 30 + 30 = 60 %
 *  5 Mapping drive   one-off  5,000, no year        shares 0 %
 *  6 Pilot support   yearly  6,000 2025–2027        shares 0 %
 *  7 Servicing       one-off  8,000 in 2027         shares 0 % */
static void build_edges(void)
{
	model_clear(&M);
	set_funding_end("2027-06-30");
	put_stakeholder(1, "Stadtwerke");
	put_stakeholder(2, "Kämmerei");
	put_stakeholder(3, "Nachbargemeinde");
	put_stakeholder(4, "Bürgerverein"); /* no share: no partner */
	put_cost(1, "Hosting", COST_YEARLY, 12000, 2026, 0);
	put_cost(2, "Licence", COST_YEARLY, 2400, 2028, 2029);
	put_cost(3, "Sensors", COST_ONEOFF, 90000, 2025, 0);
	put_cost(4, "New sensors", COST_ONEOFF, 10000, 2029, 0);
	put_cost(5, "Mapping drive", COST_ONEOFF, 5000, 0, 0);
	put_cost(6, "Pilot support", COST_YEARLY, 6000, 2025, 2027);
	put_cost(7, "Servicing", COST_ONEOFF, 8000, 2027, 0);
	put_share(1, 1, 1, 60);
	put_share(2, 2, 1, 50);
	put_share(3, 2, 2, 50);
	put_share(4, 4, 2, 30);
	put_share(5, 4, 3, 30);
}

static void compute(void)
{
	figures_compute(&F, &M, 2030);
}

static void expect_row(const struct figures_row *r, double total, double funded, double after,
		       double partner, double uncovered)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_DOUBLE_EQUAL(r->total, total, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->funded_period, funded, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->after_funding, after, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->partners, partner, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->uncovered, uncovered, EPS);
}

static const struct figures_cost *cost_fig(int64_t id)
{
	for (size_t i = 0; i < F.ncosts; i++)
		if (F.costs[i].id == id)
			return &F.costs[i];
	return NULL;
}

/* ------------------------------------------------------------ costs per year */

static void test_years_edges(void)
{
	build_edges();
	compute();
	CU_ASSERT_TRUE(F.has_funding_end);
	CU_ASSERT_EQUAL(F.funding_end_year, 2027);
	CU_ASSERT_EQUAL(F.funded_months, 6);
	/* from the earliest year (2025) to five years after the funding end */
	CU_ASSERT_EQUAL(F.first, 2025);
	CU_ASSERT_EQUAL(F.last, 2032);
	CU_ASSERT_EQUAL(F.nyears, 8);
	/* 2025: sensors 90,000 + pilot support 6,000, all funded */
	expect_row(figures_year(&F, 2025), 96000, 96000, 0, 0, 0);
	/* 2026: hosting 12,000 (60 % shared) + pilot support 6,000, funded:
	 * the partners carry nothing of the funded period */
	expect_row(figures_year(&F, 2026), 18000, 18000, 0, 0, 0);
	/* 2027: hosting 12,000 half funded, pilot support 6,000 half funded,
	 * servicing 8,000 bought within the funding: funded 6,000 + 3,000 +
	 * 8,000; partners 60 % of 6,000; uncovered 40 % of 6,000 and all of
	 * 3,000 */
	expect_row(figures_year(&F, 2027), 26000, 17000, 9000, 3600, 2400 + 3000);
	/* 2028: hosting + licence (100 % shared) */
	expect_row(figures_year(&F, 2028), 14400, 0, 14400, 9600, 4800);
	/* 2029: + new sensors 10,000 of which 40 % nobody carries */
	expect_row(figures_year(&F, 2029), 24400, 0, 24400, 15600, 4800 + 4000);
	for (int y = 2030; y <= 2032; y++)
		expect_row(figures_year(&F, y), 12000, 0, 12000, 7200, 4800);
	CU_ASSERT_PTR_NULL(figures_year(&F, 2024));
	CU_ASSERT_PTR_NULL(figures_year(&F, 2033));
	/* the mapping drive has no year: the "no year" column, after funding */
	expect_row(&F.undated, 5000, 0, 5000, 0, 5000);
	expect_row(&F.sum, 219800, 131000, 88800, 50400, 38400);
	CU_ASSERT_DOUBLE_EQUAL(figures_funded_fraction(&F, 2026), 1, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_funded_fraction(&F, 2027), 0.5, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_funded_fraction(&F, 2028), 0, EPS);
}

static void test_partners(void)
{
	build_edges();
	compute();
	/* in the order of the stakeholder table; Bürgerverein has no share */
	CU_ASSERT_EQUAL_FATAL(F.npartners, 3);
	CU_ASSERT_EQUAL(F.partners[0], 1);
	CU_ASSERT_EQUAL(F.partners[1], 2);
	CU_ASSERT_EQUAL(F.partners[2], 3);
	/* Stadtwerke: 7,200 a year from 2026, + 1,200 licence in 2028/29 */
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 0, 2025), 0, EPS);
	/* Stadtwerke, after the funding end: 3,600 in the second half of
	 * 2027, 7,200 a year from 2028, + 1,200 licence in 2028/29 */
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 0, 2026), 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 0, 2027), 3600, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 0, 2028), 8400, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 0, 2032), 7200, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.partner_sum[0], 3600 + 5 * 7200 + 2 * 1200, EPS);
	/* Kämmerei: licence 1,200 in 2028 and 2029, 3,000 of the new sensors */
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 1, 2028), 1200, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 1, 2029), 4200, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.partner_sum[1], 5400, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.partner_sum[2], 3000, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 2, 2029), 3000, EPS);
	CU_ASSERT_DOUBLE_EQUAL(figures_partner_in(&F, 3, 2029), 0, EPS); /* no such partner */
	/* the partners' rows add up to what the partner shares cover */
	for (int y = F.first; y <= F.last; y++) {
		double sum = 0;
		for (size_t p = 0; p < F.npartners; p++)
			sum += figures_partner_in(&F, p, y);
		CU_ASSERT_DOUBLE_EQUAL(sum, figures_year(&F, y)->partners, EPS);
	}
	/* a share on a one-off cost without a year goes to the "no year" column */
	put_share(6, 5, 3, 100);
	compute();
	CU_ASSERT_DOUBLE_EQUAL(F.partner_years[2 * (F.nyears + 1) + F.nyears], 5000, EPS);
	expect_row(&F.undated, 5000, 0, 5000, 5000, 0);
	CU_ASSERT_FALSE(cost_fig(5)->gap);
}

static void test_costs(void)
{
	build_edges();
	compute();
	CU_ASSERT_EQUAL_FATAL(F.ncosts, 7);
	const struct figures_cost *c = cost_fig(1);
	/* hosting: uncovered from July 2027, then 4,800 a year */
	CU_ASSERT_DOUBLE_EQUAL(c->shared, 60, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->open_pct, 40, EPS);
	CU_ASSERT_TRUE(c->gap);
	CU_ASSERT_EQUAL(c->gap_year, 2027);
	CU_ASSERT_TRUE(c->gap_partial);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_first, 2400, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_yearly, 4800, EPS);
	/* 100 % shared: no gap */
	c = cost_fig(2);
	CU_ASSERT_DOUBLE_EQUAL(c->shared, 100, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->open_pct, 0, EPS);
	CU_ASSERT_FALSE(c->gap);
	expect_row(&c->sum, 4800, 0, 4800, 4800, 0);
	/* 0 % shared, but within the funding: no gap */
	c = cost_fig(3);
	CU_ASSERT_DOUBLE_EQUAL(c->shared, 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->open_pct, 100, EPS);
	CU_ASSERT_FALSE(c->gap);
	expect_row(&c->sum, 90000, 90000, 0, 0, 0);
	/* a one-off cost after the funding end, 60 % shared */
	c = cost_fig(4);
	CU_ASSERT_TRUE(c->gap);
	CU_ASSERT_EQUAL(c->gap_year, 2029);
	CU_ASSERT_FALSE(c->gap_partial);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_first, 4000, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_yearly, 0, EPS);
	/* without a year */
	c = cost_fig(5);
	CU_ASSERT_TRUE(c->undated);
	CU_ASSERT_TRUE(c->gap);
	CU_ASSERT_EQUAL(c->gap_year, 0);
	expect_row(&c->sum, 5000, 0, 5000, 0, 5000);
	/* across the funding end, ending in that year */
	c = cost_fig(6);
	CU_ASSERT_EQUAL(c->gap_year, 2027);
	CU_ASSERT_TRUE(c->gap_partial);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_first, 3000, EPS);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_yearly, 0, EPS);
	expect_row(&c->sum, 18000, 15000, 3000, 0, 3000);
	/* a one-off cost in the funding-end year counts as funded */
	c = cost_fig(7);
	CU_ASSERT_FALSE(c->gap);
	expect_row(&c->sum, 8000, 8000, 0, 0, 0);
	/* the costs' sums add up to the table's */
	struct figures_row sum = {0};
	for (size_t i = 0; i < F.ncosts; i++) {
		sum.total += F.costs[i].sum.total;
		sum.uncovered += F.costs[i].sum.uncovered;
	}
	CU_ASSERT_DOUBLE_EQUAL(sum.total, F.sum.total, EPS);
	CU_ASSERT_DOUBLE_EQUAL(sum.uncovered, F.sum.uncovered, EPS);
}

/* The month of the funding end decides the funded part of its year. */
static void test_funding_end_month(void)
{
	build_edges();
	set_funding_end("2027-12-31");
	compute();
	CU_ASSERT_EQUAL(F.funded_months, 12);
	/* 2027 is funded whole: the hosting gap starts in 2028 */
	expect_row(figures_year(&F, 2027), 26000, 26000, 0, 0, 0);
	const struct figures_cost *c = cost_fig(1);
	CU_ASSERT_EQUAL(c->gap_year, 2028);
	CU_ASSERT_FALSE(c->gap_partial);
	CU_ASSERT_DOUBLE_EQUAL(c->gap_first, 4800, EPS);
	CU_ASSERT_FALSE(cost_fig(6)->gap);
	/* ending on 15 January: January counts as funded, 11 months are not */
	set_funding_end("2027-01-15");
	compute();
	CU_ASSERT_EQUAL(F.funded_months, 1);
	expect_row(figures_year(&F, 2027), 26000, 1000 + 500 + 8000, 11000 + 5500, 11000 * 0.6,
		   11000 * 0.4 + 5500);
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(1)->gap_first, 4400, EPS);
	/* the table still reaches five years after the funding end */
	CU_ASSERT_EQUAL(F.last, 2032);
}

/* Without a funding end no year is funded: everything is partner money
 * or uncovered, and no cost has a gap year (the finding asks for the end). */
static void test_no_funding_end(void)
{
	build_edges();
	set_rate(80, true, 0);
	set_funding_end("");
	compute();
	CU_ASSERT_FALSE(F.has_funding_end);
	CU_ASSERT_EQUAL(F.funding_end_year, 0);
	CU_ASSERT_EQUAL(F.first_budget_year, 0);
	CU_ASSERT_EQUAL(F.first, 2025);
	CU_ASSERT_EQUAL(F.last, 2030); /* five years after the first */
	/* 2027: hosting 12,000 (60 % adopted: 7,200), pilot support 6,000 and
	 * servicing 8,000 nobody carries: 4,800 + 6,000 + 8,000 = 18,800; no
	 * grant although a rate is set, as nothing is known to be funded */
	const struct figures_row *r = figures_year(&F, 2027);
	expect_row(r, 26000, 0, 26000, 7200, 18800);
	CU_ASSERT_DOUBLE_EQUAL(r->grant, 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->own, 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->covered, 7200, EPS);
	expect_row(&F.undated, 5000, 0, 5000, 0, 5000);
	for (size_t i = 0; i < F.ncosts; i++)
		CU_ASSERT_EQUAL(F.costs[i].gap_year, 0);
	/* a funding end that is not a date counts as none */
	set_funding_end("Ende 2027");
	compute();
	CU_ASSERT_FALSE(F.has_funding_end);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.funded_period, 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.after_funding, F.sum.total, EPS);
}

static void expect_money(const struct figures_row *r, double grant, double own, double covered,
			 double promised, double asked, double uncovered)
{
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_DOUBLE_EQUAL(r->grant, grant, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->own, own, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->covered, covered, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->promised, promised, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->asked, asked, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->uncovered, uncovered, EPS);
	/* every row adds up to the year's costs */
	CU_ASSERT_DOUBLE_EQUAL(grant + own + covered + promised + asked + uncovered, r->total, EPS);
}

/* The edge-case workshop with a funding rate of 80 % and shares of every
 * status:
 *  hosting        40 % adopted (Stadtwerke), 20 % promised (Kämmerei)
 *  licence        50 % draft budget (Stadtwerke), 50 % asked (Kämmerei)
 *  new sensors    30 % asked (Kämmerei), 30 % promised (Nachbargemeinde)
 * Hand calculation:
 *  2025  96,000 funded: grant 80 % = 76,800, own 19,200
 *  2026  18,000 funded: grant 14,400, own 3,600
 *  2027  funded 6,000 + 3,000 + 8,000 = 17,000: grant 13,600, own 3,400;
 *        after the end: hosting 6,000 = 2,400 adopted + 1,200 promised +
 *        2,400 nobody; pilot support 3,000 nobody: uncovered 5,400
 *  2028  hosting 12,000 = 4,800 adopted + 2,400 promised + 4,800 nobody;
 *        licence 2,400 = 1,200 draft + 1,200 asked:
 *        covered 6,000, promised 2,400, asked 1,200, uncovered 4,800
 *  2029  as 2028, + new sensors 10,000 = 3,000 asked + 3,000 promised +
 *        4,000 nobody: covered 6,000, promised 5,400, asked 4,200,
 *        uncovered 8,800
 *  2030  hosting alone: 4,800 / 2,400 / 0 / 4,800 */
static void build_statuses(void)
{
	build_edges();
	set_rate(80, true, 0);
	put_share_status(1, 1, 1, 40, SHARE_ADOPTED);
	put_share_status(7, 1, 2, 20, SHARE_PROMISED);
	put_share_status(2, 2, 1, 50, SHARE_DRAFT);
	put_share_status(3, 2, 2, 50, SHARE_ASKED);
	put_share_status(4, 4, 2, 30, SHARE_ASKED);
	put_share_status(5, 4, 3, 30, SHARE_PROMISED);
}

static void test_money_rows(void)
{
	build_statuses();
	compute();
	CU_ASSERT_TRUE(F.has_rate);
	CU_ASSERT_EQUAL(F.first_budget_year, 2028);
	expect_money(figures_year(&F, 2025), 76800, 19200, 0, 0, 0, 0);
	expect_money(figures_year(&F, 2026), 14400, 3600, 0, 0, 0, 0);
	expect_money(figures_year(&F, 2027), 13600, 3400, 2400, 1200, 0, 5400);
	expect_money(figures_year(&F, 2028), 0, 0, 6000, 2400, 1200, 4800);
	expect_money(figures_year(&F, 2029), 0, 0, 6000, 5400, 4200, 8800);
	for (int y = 2030; y <= 2032; y++)
		expect_money(figures_year(&F, y), 0, 0, 4800, 2400, 0, 4800);
	expect_money(&F.undated, 0, 0, 0, 0, 0, 5000);
	/* the sum over all years is the sum of the rows */
	struct figures_row sum = {0};
	for (size_t k = 0; k < F.nyears; k++) {
		sum.grant += F.years[k].grant;
		sum.covered += F.years[k].covered;
		sum.promised += F.years[k].promised;
		sum.asked += F.years[k].asked;
	}
	CU_ASSERT_DOUBLE_EQUAL(sum.grant, F.sum.grant, EPS);
	CU_ASSERT_DOUBLE_EQUAL(sum.covered, F.sum.covered, EPS);
	CU_ASSERT_DOUBLE_EQUAL(sum.promised, F.sum.promised, EPS);
	CU_ASSERT_DOUBLE_EQUAL(sum.asked, F.sum.asked, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.grant, 76800 + 14400 + 13600, EPS);
	/* the per-cost commitment */
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(2)->status_pct[SHARE_DRAFT], 50, EPS);
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(2)->status_pct[SHARE_ASKED], 50, EPS);
	CU_ASSERT_FALSE(cost_fig(2)->gap); /* asked money is not uncovered */
	/* one-off before the end (sensors 2025) and in the end year
	 * (servicing 2027): funded, split by the rate; after it (new sensors
	 * 2029): partners and the uncovered rest */
	expect_money(&cost_fig(3)->sum, 72000, 18000, 0, 0, 0, 0);
	expect_money(&cost_fig(7)->sum, 6400, 1600, 0, 0, 0, 0);
	expect_money(&cost_fig(4)->sum, 0, 0, 0, 3000, 3000, 4000);
	/* no rate: nothing known to be granted, the funded part is own */
	set_rate(0, false, 0);
	compute();
	CU_ASSERT_FALSE(F.has_rate);
	expect_money(figures_year(&F, 2027), 0, 17000, 2400, 1200, 0, 5400);
	/* a rate of 100 %: no own share */
	set_rate(100, true, 2030);
	compute();
	expect_money(figures_year(&F, 2026), 18000, 0, 0, 0, 0, 0);
	CU_ASSERT_EQUAL(F.first_budget_year, 2030);
	CU_ASSERT_EQUAL(figures_first_budget_year(&M), 2030);
	set_rate(100, true, 0);
	CU_ASSERT_EQUAL(figures_first_budget_year(&M), 2028);
	CU_ASSERT_TRUE(figures_status_covered(SHARE_DRAFT));
	CU_ASSERT_TRUE(figures_status_covered(SHARE_ADOPTED));
	CU_ASSERT_FALSE(figures_status_covered(SHARE_PROMISED));
	CU_ASSERT_FALSE(figures_status_covered(SHARE_ASKED));
}

/* The table's years: this year without any year, yearly costs without a
 * first or last year, years far apart. */
static void test_year_range(void)
{
	model_clear(&M);
	compute();
	CU_ASSERT_EQUAL(F.first, 2030); /* the year given to figures_compute */
	CU_ASSERT_EQUAL(F.last, 2035);
	CU_ASSERT_EQUAL(F.nyears, 6);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.total, 0, EPS);
	/* a yearly cost without years runs through the whole table */
	set_funding_end("2026-12-31");
	put_cost(1, "Battery replacement", COST_YEARLY, 1000, 0, 0);
	compute();
	CU_ASSERT_EQUAL(F.first, 2026);
	CU_ASSERT_EQUAL(F.last, 2031);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.total, 6000, EPS);
	CU_ASSERT_DOUBLE_EQUAL(F.sum.uncovered, 5000, EPS);
	CU_ASSERT_EQUAL(cost_fig(1)->gap_year, 2027);
	CU_ASSERT_FALSE(cost_fig(1)->gap_partial);
	/* a last year beyond the five after the funding widens the table */
	put_cost(2, "Lease", COST_YEARLY, 100, 2030, 2040);
	compute();
	CU_ASSERT_EQUAL(F.last, 2040);
	CU_ASSERT_DOUBLE_EQUAL(figures_year(&F, 2040)->total, 1100, EPS);
	/* years far apart: the table keeps the years after the funding end */
	put_cost(3, "Old purchase", COST_ONEOFF, 50, 1900, 0);
	put_cost(4, "Far future", COST_ONEOFF, 70, 9999, 0);
	compute();
	CU_ASSERT_EQUAL(F.nyears, FIGURES_MAX_YEARS);
	CU_ASSERT_EQUAL(F.last, 2031);
	CU_ASSERT_EQUAL(F.first, 2031 - FIGURES_MAX_YEARS + 1);
	CU_ASSERT_PTR_NOT_NULL(figures_year(&F, 2027));
	CU_ASSERT_PTR_NULL(figures_year(&F, 1900));
	CU_ASSERT_PTR_NULL(figures_year(&F, 9999));
}

/* Shares: 33.3 + 33.3 + 33.4 is 100 %; more than 100 % covers more than
 * the cost and leaves nothing uncovered. */
static void test_shares(void)
{
	model_clear(&M);
	set_funding_end("2026-12-31");
	for (int64_t s = 1; s <= 3; s++)
		put_stakeholder(s, "Partner");
	put_cost(1, "Licence", COST_YEARLY, 1000, 2027, 2027);
	put_share(1, 1, 1, 33.3);
	put_share(2, 1, 2, 33.3);
	put_share(3, 1, 3, 33.4);
	compute();
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&M, 1), 100, EPS);
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(1)->open_pct, 0, EPS);
	CU_ASSERT_FALSE(cost_fig(1)->gap);
	put_share(3, 1, 3, 53.4);
	compute();
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(1)->shared, 120, EPS);
	CU_ASSERT_DOUBLE_EQUAL(cost_fig(1)->open_pct, 0, EPS);
	expect_row(figures_year(&F, 2027), 1000, 0, 1000, 1200, 0);
	const struct cost_share *sh = MODEL_AT(M.shares, struct cost_share, 2);
	CU_ASSERT_DOUBLE_EQUAL(figures_share_amount(model_cost(&M, 1), sh), 534, EPS);
	/* a share of a cost that does not exist counts nowhere */
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&M, 2), 0, EPS);
}

/* figures_update recomputes only when the model changed. */
static void test_update(void)
{
	build_edges();
	struct figures f;
	figures_init(&f);
	const struct figures *a = figures_update(&f, &M);
	CU_ASSERT_PTR_EQUAL(a, &f);
	CU_ASSERT_TRUE(f.valid);
	CU_ASSERT_EQUAL(f.revision, M.revision);
	struct figures_row *years = f.years;
	figures_update(&f, &M);
	CU_ASSERT_PTR_EQUAL(f.years, years); /* same revision: not recomputed */
	put_share(6, 3, 2, 100);
	figures_update(&f, &M);
	CU_ASSERT_EQUAL(f.revision, M.revision);
	CU_ASSERT_DOUBLE_EQUAL(f.costs[2].shared, 100, EPS);
	figures_free(&f);
	CU_ASSERT_FALSE(f.valid);
	CU_ASSERT_PTR_NULL(f.years);
}

/* ------------------------------------------------------------ findings */

static struct findings FS;

/* findings_compute starts afresh: free the last findings first. */
static void compute_findings(void)
{
	findings_free(&FS);
	findings_compute(&M, &FS);
}

static const struct finding *finding_of(const char *rule, int64_t id)
{
	for (size_t i = 0; i < FS.n; i++)
		if (!strcmp(FS.v[i].rule, rule) && FS.v[i].id == id)
			return &FS.v[i];
	return NULL;
}

static void expect_message(const char *rule, int64_t id, const char *text)
{
	const struct finding *f = finding_of(rule, id);
	CU_ASSERT_PTR_NOT_NULL(f);
	if (!f)
		return;
	const char *msg = findings_message(f);
	if (strcmp(msg, text))
		printf("\n  want: %s\n  got:  %s\n", text, msg);
	CU_ASSERT_STRING_EQUAL(msg, text);
}

/* The findings quote the figures: the same money as the years table. */
static void test_findings_quote(void)
{
	build_edges();
	compute_findings();
	expect_message("cost.uncovered", 1,
		       "After the funding ends on 2027-06-30, 40% of this yearly cost are not "
		       "covered by partner shares (€2,400 in the rest of 2027, then €4,800 a "
		       "year); agree who pays them.");
	expect_message("cost.uncovered", 4,
		       "This one-off cost falls in 2029, after the funding end, and 40% of it "
		       "(€4,000) are not covered by partner shares; agree who pays them.");
	expect_message("cost.no_year", 5,
		       "This one-off cost has no year, and 100% of it (€5,000) are not covered "
		       "by partner shares; enter the year it is paid so that it can be checked "
		       "against the funding end.");
	expect_message("cost.uncovered", 6,
		       "After the funding ends on 2027-06-30, 100% of this yearly cost are not "
		       "covered by partner shares (€3,000 in the rest of 2027); agree who pays "
		       "them.");
	for (int64_t id = 2; id <= 7; id += 5) /* 2 and 7 */
		CU_ASSERT_PTR_NULL(finding_of("cost.uncovered", id));
	CU_ASSERT_PTR_NULL(finding_of("cost.uncovered", 3));
	const struct finding *f = finding_of("cost.no_year", 5);
	CU_ASSERT_TRUE(f && f->sev == SEV_WARNING && f->step == STEP_COSTS);
	/* a whole funded year: from the next year on */
	set_funding_end("2027-12-31");
	compute_findings();
	expect_message("cost.uncovered", 1,
		       "From 2028 on, 40% of this yearly cost are not covered by partner shares "
		       "(€4,800 a year); agree who pays them.");
	CU_ASSERT_PTR_NULL(finding_of("cost.uncovered", 6));
	/* German: the date, the decimal comma, the euros */
	set_funding_end("2027-06-30");
	put_share(1, 1, 1, 62.5);
	compute_findings();
	i18n_set_lang(LANG_DE);
	expect_message("cost.uncovered", 1,
		       "Nach dem Förderende am 30.06.2027 sind 37,5 % dieser jährlichen Kosten "
		       "nicht durch Partneranteile gedeckt (2.250 € im Rest des Jahres 2027, danach "
		       "4.500 € im Jahr); klären Sie, wer sie trägt.");
	i18n_set_lang(LANG_EN);
	/* without a funding end nothing is uncovered after it */
	set_funding_end("");
	compute_findings();
	CU_ASSERT_PTR_NULL(finding_of("cost.uncovered", 1));
	CU_ASSERT_PTR_NOT_NULL(finding_of("cost.no_year", 5));
	findings_free(&FS);
}

static const struct finding *finding_item(const char *rule, const char *item)
{
	for (size_t i = 0; i < FS.n; i++)
		if (!strcmp(FS.v[i].rule, rule) && !strcmp(FS.v[i].item, item))
			return &FS.v[i];
	return NULL;
}

static size_t count_rule(const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < FS.n; i++)
		n += !strcmp(FS.v[i].rule, rule);
	return n;
}

/* The money findings quote the per-year table (test_money_rows): the
 * uncovered rest per year after the funding end, shares only asked or
 * promised for a year that starts within 12 months, a missing rate. */
static void test_findings_money(void)
{
	build_statuses();
	setenv("STETIG_TODAY", "2027-03-01", 1);
	compute_findings();
	/* 2027 to 2032 each leave money nobody carries: one finding names the
	 * years and sums their money (the table has each year's) */
	CU_ASSERT_EQUAL(count_rule("costs.year_uncovered"), 1);
	const struct finding *f = finding_item("costs.year_uncovered", "2027–2032");
	CU_ASSERT_TRUE(f && f->sev == SEV_GAP && f->step == STEP_COSTS && f->n == 2027);
	figures_compute(&F, &M, 2030);
	double unc = 0, after = 0;
	for (int y = 2027; y <= 2032; y++) {
		const struct figures_row *r = figures_year(&F, y);
		CU_ASSERT_PTR_NOT_NULL_FATAL(r);
		CU_ASSERT_TRUE(r->uncovered > 0);
		unc += r->uncovered;
		after += r->after_funding;
	}
	CU_ASSERT_TRUE(f && fabs(f->a - unc) < 0.005 && fabs(f->b - after) < 0.005);
	char want[512];
	char a[64], b[64];
	figures_money(unc, false, LANG_EN, a, sizeof a);
	figures_money(after, false, LANG_EN, b, sizeof b);
	snprintf(want, sizeof want,
		 "In the budget years 2027–2032, %s of the %s due after the funding end are "
		 "carried by nobody; agree who pays them or plan them in the own budget.",
		 a, b);
	if (f)
		CU_ASSERT_STRING_EQUAL(findings_message(f), want);
	CU_ASSERT_PTR_NULL(finding_item("costs.year_uncovered", "2027"));
	/* the years' own figures, as the tables show them */
	CU_ASSERT_TRUE(figures_year(&F, 2027)->uncovered == 5400 &&
		       figures_year(&F, 2027)->after_funding == 9000 &&
		       figures_year(&F, 2029)->uncovered == 8800 &&
		       figures_year(&F, 2029)->after_funding == 24400);
	/* on 1 March 2027: 2027 has begun, 2028 starts within 12 months;
	 * Kämmerei promised 20 % of hosting (1,200 after the end in 2027)
	 * and was asked for 50 % of the licence (1,200 in 2028); the shares
	 * of the new sensors (2029) are not due yet */
	CU_ASSERT_EQUAL(count_rule("share.unconfirmed"), 2);
	expect_message("share.unconfirmed", 1,
		       "Kämmerei has promised its share (€1,200 in 2027), but it is in no draft "
		       "or adopted budget yet; that budget year starts within 12 months, so the "
		       "next budget has to carry it.");
	expect_message("share.unconfirmed", 2,
		       "Kämmerei has only been asked for its share (€1,200 in 2028); that budget "
		       "year starts within 12 months, so the next budget has to carry it: get a "
		       "commitment now.");
	CU_ASSERT_EQUAL(finding_of("share.unconfirmed", 2)->sev, SEV_WARNING);
	CU_ASSERT_PTR_NULL(finding_of("share.unconfirmed", 4));
	/* a year later the new sensors (2029) come into reach */
	setenv("STETIG_TODAY", "2028-06-01", 1);
	compute_findings();
	CU_ASSERT_PTR_NOT_NULL(finding_of("share.unconfirmed", 4));
	CU_ASSERT_EQUAL(count_rule("share.unconfirmed"), 4); /* hosting, licence, 2 × sensors */
	/* adopted and draft-budget shares never warn */
	put_share_status(7, 1, 2, 20, SHARE_DRAFT);
	put_share_status(3, 2, 2, 50, SHARE_ADOPTED);
	put_share_status(4, 4, 2, 30, SHARE_ADOPTED);
	put_share_status(5, 4, 3, 30, SHARE_ADOPTED);
	compute_findings();
	CU_ASSERT_EQUAL(count_rule("share.unconfirmed"), 0);
	/* rate and end: gaps while costs exist */
	CU_ASSERT_EQUAL(count_rule("workshop.no_funding_rate"), 0);
	set_rate(0, false, 0);
	compute_findings();
	f = finding_of("workshop.no_funding_rate", 0);
	CU_ASSERT_TRUE(f && f->sev == SEV_GAP);
	set_funding_end("");
	compute_findings();
	f = finding_of("workshop.no_funding_end", 0);
	CU_ASSERT_TRUE(f && f->sev == SEV_GAP);
	CU_ASSERT_EQUAL(count_rule("costs.year_uncovered"), 0);
	/* without costs: only a warning for the end, nothing for the rate */
	model_clear(&M);
	compute_findings();
	f = finding_of("workshop.no_funding_end", 0);
	CU_ASSERT_TRUE(f && f->sev == SEV_WARNING);
	CU_ASSERT_EQUAL(count_rule("workshop.no_funding_rate"), 0);
	unsetenv("STETIG_TODAY");
	findings_free(&FS);
}

/* ------------------------------------------------------------ RACI */

static void put_task(int64_t id, int category, int phase)
{
	struct task e;
	task_init(&e);
	e.id = id;
	str_set(&e.name, "Task");
	e.category = category;
	e.phase = phase;
	model_put_task(&M, &e);
	task_free(&e);
}

static void test_task_rules(void)
{
	model_clear(&M);
	put_stakeholder(1, "Office");
	put_stakeholder(2, "Office 2");
	struct stakeholder s;
	stakeholder_init(&s);
	s.id = 3;
	str_set(&s.name, "Pilot team");
	s.temporary = true;
	model_put_stakeholder(&M, &s);
	stakeholder_free(&s);
	put_task(1, CAT_OPERATION, TPHASE_REGULAR);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)), FIGURES_TASK_NO_A | FIGURES_TASK_NO_R);
	model_raci_set(&M, 1, 1, RACI_A);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)), FIGURES_TASK_NO_R);
	model_raci_set(&M, 1, 2, RACI_R);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)), 0);
	model_raci_set(&M, 1, 2, RACI_A);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)),
			FIGURES_TASK_MULTI_A | FIGURES_TASK_NO_R);
	model_raci_set(&M, 1, 2, RACI_R);
	/* a temporary actor on R in regular operation */
	model_raci_set(&M, 1, 3, RACI_R);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)), FIGURES_TASK_TEMP_AR);
	model_raci_set(&M, 1, 3, RACI_C);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 1)), 0);
	/* … in the pilot that is fine */
	put_task(2, CAT_OPERATION, TPHASE_PILOT);
	model_raci_set(&M, 2, 3, RACI_A);
	model_raci_set(&M, 2, 1, RACI_R);
	CU_ASSERT_EQUAL(figures_task_rules(model_task(&M, 2)), 0);
}

static void test_categories(void)
{
	CU_ASSERT_TRUE(figures_category_required(CAT_OPERATION));
	CU_ASSERT_TRUE(figures_category_required(CAT_MAINTENANCE));
	CU_ASSERT_TRUE(figures_category_required(CAT_FUNDING));
	CU_ASSERT_FALSE(figures_category_required(CAT_TRAINING));
	CU_ASSERT_FALSE(figures_category_required(-1));
	CU_ASSERT_FALSE(figures_category_required(CAT_COUNT));
	unsigned none[TPHASE_COUNT] = {0, 0}, pilot[TPHASE_COUNT] = {2, 0},
		 regular[TPHASE_COUNT] = {0, 1};
	CU_ASSERT_EQUAL(figures_category_gap(none, CAT_FUNDING), FIGURES_CAT_REQUIRED_MISSING);
	CU_ASSERT_EQUAL(figures_category_gap(regular, CAT_FUNDING), FIGURES_CAT_OK);
	CU_ASSERT_EQUAL(figures_category_gap(none, CAT_TRAINING), FIGURES_CAT_OK);
	CU_ASSERT_EQUAL(figures_category_gap(pilot, CAT_TRAINING), FIGURES_CAT_PILOT_ONLY);
	CU_ASSERT_EQUAL(figures_category_gap(pilot, CAT_OPERATION), FIGURES_CAT_REQUIRED_MISSING);
	/* counted from the model */
	model_clear(&M);
	put_task(1, CAT_TRAINING, TPHASE_PILOT);
	put_task(2, CAT_OPERATION, TPHASE_REGULAR);
	put_task(3, CAT_OPERATION, TPHASE_REGULAR);
	compute();
	CU_ASSERT_EQUAL(F.tasks[TPHASE_PILOT][CAT_TRAINING], 1);
	CU_ASSERT_EQUAL(F.tasks[TPHASE_REGULAR][CAT_OPERATION], 2);
	CU_ASSERT_EQUAL(F.category_gap[CAT_TRAINING], FIGURES_CAT_PILOT_ONLY);
	CU_ASSERT_EQUAL(F.category_gap[CAT_OPERATION], FIGURES_CAT_OK);
	CU_ASSERT_EQUAL(F.category_gap[CAT_MAINTENANCE], FIGURES_CAT_REQUIRED_MISSING);
	CU_ASSERT_EQUAL(F.category_gap[CAT_FUNDING], FIGURES_CAT_REQUIRED_MISSING);
}

/* ------------------------------------------------------------ readiness */

static void put_check(int64_t id, int factor, int field, int item, int status)
{
	struct check_item e = {id, factor, field, item, status, xstrdup(""), 0};
	model_put_check(&M, &e);
	check_free(&e);
}

static void test_readiness(void)
{
	model_clear(&M);
	/* factor 1: done, partly, open, n/a → (1 + 0.5 + 0) / 3 */
	put_check(1, 1, FIELD_VALUES, 1, CHECK_DONE);
	put_check(2, 1, FIELD_VALUES, 2, CHECK_PARTLY);
	put_check(3, 1, FIELD_ACTORS, 1, CHECK_OPEN);
	put_check(4, 1, FIELD_STRUCTURES, 1, CHECK_NA);
	/* factor 6 (wind-down) is left out of the overall figure */
	put_check(5, 6, FIELD_VALUES, 1, CHECK_DONE);
	/* out of range: ignored */
	put_check(6, 7, FIELD_VALUES, 1, CHECK_DONE);
	compute();
	const struct readiness *r = &F.readiness;
	CU_ASSERT_DOUBLE_EQUAL(r->factor[0], 1.5 / 3, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->cell[0][FIELD_VALUES], 0.75, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->cell[0][FIELD_ACTORS], 0, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->cell[0][FIELD_STRUCTURES], -1, EPS);
	CU_ASSERT_EQUAL(r->items[0][FIELD_STRUCTURES], 1);
	CU_ASSERT_DOUBLE_EQUAL(r->factor[1], -1, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->factor[5], 1, EPS);
	CU_ASSERT_DOUBLE_EQUAL(r->overall, 0.5, EPS);
	struct readiness again;
	figures_readiness(&M, &again);
	CU_ASSERT_EQUAL(memcmp(&again, r, sizeof again), 0);
}

/* ------------------------------------------------------------ money */

static void test_money(void)
{
	char s[64];
	figures_money(12345, false, LANG_DE, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "12.345 €");
	figures_money(12345, false, LANG_EN, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "€12,345");
	figures_money(1234567.5, true, LANG_DE, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "1.234.567,50 €");
	figures_money(1234567.5, true, LANG_EN, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "€1,234,567.50");
	figures_money(18.5, false, LANG_EN, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "€19");
	figures_money(2400, true, LANG_EN, s, sizeof s); /* no cents when there are none */
	CU_ASSERT_STRING_EQUAL(s, "€2,400");
	figures_money(0.999, true, LANG_EN, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "€1");
	figures_money(-4800, false, LANG_DE, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "-4.800 €");
	figures_money(-0.001, true, LANG_EN, s, sizeof s);
	CU_ASSERT_STRING_EQUAL(s, "€0");
	figures_money(1e300, false, LANG_EN, s, sizeof s); /* no overflow */
	CU_ASSERT_EQUAL(strncmp(s, "€1000000", 10), 0);
}

/* ------------------------------------------------------------ the cached money figures */

/* a and b hold the same money figures and the same index of shares. */
static void expect_same_money(const struct figures *a, const struct figures *b)
{
	CU_ASSERT_EQUAL_FATAL(a->nyears, b->nyears);
	CU_ASSERT_EQUAL(a->first, b->first);
	CU_ASSERT_EQUAL(a->has_funding_end, b->has_funding_end);
	CU_ASSERT_EQUAL(a->has_rate, b->has_rate);
	CU_ASSERT_EQUAL(memcmp(a->years, b->years, a->nyears * sizeof *a->years), 0);
	CU_ASSERT_EQUAL(memcmp(&a->undated, &b->undated, sizeof a->undated), 0);
	CU_ASSERT_EQUAL(memcmp(&a->sum, &b->sum, sizeof a->sum), 0);
	CU_ASSERT_EQUAL_FATAL(a->ncosts, b->ncosts);
	CU_ASSERT_EQUAL(memcmp(a->costs, b->costs, a->ncosts * sizeof *a->costs), 0);
	CU_ASSERT_EQUAL_FATAL(a->npartners, b->npartners);
	if (a->npartners) {
		CU_ASSERT_EQUAL(memcmp(a->partners, b->partners, a->npartners * sizeof *a->partners), 0);
		CU_ASSERT_EQUAL(memcmp(a->partner_sum, b->partner_sum,
				       a->npartners * sizeof *a->partner_sum), 0);
		CU_ASSERT_EQUAL(memcmp(a->partner_years, b->partner_years,
				       a->npartners * (a->nyears + 1) * sizeof *a->partner_years), 0);
	}
	for (size_t c = 0; c < a->ncosts; c++) {
		const size_t *x, *y;
		size_t n = figures_shares_of(a, c, &x);
		CU_ASSERT_EQUAL_FATAL(n, figures_shares_of(b, c, &y));
		CU_ASSERT(n == 0 || memcmp(x, y, n * sizeof *x) == 0);
	}
}

/* The figures as computed afresh now, against the cached ones. */
static void expect_fresh(const struct figures *cached)
{
	struct date d;
	date_today(&d);
	struct figures fresh;
	figures_init(&fresh);
	figures_compute(&fresh, &M, d.y);
	expect_same_money(cached, &fresh);
	figures_free(&fresh);
}

/* The index of shares per cost: every share of an existing cost, under its
 * cost, in the order of the share table. */
static void test_shares_index(void)
{
	build_edges();
	put_share(6, 99, 1, 10); /* a cost that does not exist: in no list */
	put_share(7, 1, 3, 20);
	compute();
	size_t listed = 0;
	for (size_t c = 0; c < M.costs.n; c++) {
		const struct cost *cost = MODEL_AT(M.costs, struct cost, c);
		const size_t *idx;
		size_t n = figures_shares_of(&F, c, &idx);
		size_t k = 0;
		for (size_t i = 0; i < M.shares.n; i++)
			if (MODEL_AT(M.shares, struct cost_share, i)->cost == cost->id) {
				CU_ASSERT_FATAL(k < n);
				CU_ASSERT_EQUAL(idx[k], i);
				k++;
			}
		CU_ASSERT_EQUAL(k, n);
		listed += n;
	}
	CU_ASSERT_EQUAL(listed, 6);
	const size_t *idx;
	CU_ASSERT_EQUAL(figures_shares_of(&F, 0, &idx), 2); /* Hosting: shares 1 and 7 */
	CU_ASSERT_EQUAL(figures_shares_of(&F, M.costs.n, &idx), 0);
	CU_ASSERT_PTR_NULL(idx);
	struct figures empty;
	figures_init(&empty);
	CU_ASSERT_EQUAL(figures_shares_of(&empty, 0, &idx), 0);
}

/* figures_update_costs recomputes after every change the money figures
 * read (a cost, a share, a stakeholder, the funding fields, a reload) and
 * only then: a RACI cell, a task or a goal leaves them as they are. */
static void test_update_costs(void)
{
	build_edges();
	set_rate(80, true, 0);
	struct figures f;
	figures_init(&f);
	CU_ASSERT_PTR_EQUAL(figures_update_costs(&f, &M), &f);
	CU_ASSERT_TRUE(f.valid);
	CU_ASSERT_EQUAL(f.costs_revision, M.costs_revision);
	expect_fresh(&f);

	/* not what the money reads: not recomputed */
	struct figures_row *years = f.years;
	unsigned long costs_rev = M.costs_revision;
	put_task(1, CAT_OPERATION, TPHASE_REGULAR);
	model_raci_set(&M, 1, 2, RACI_A);
	struct goal g;
	goal_init(&g);
	g.id = 1;
	str_set(&g.title, "Fewer floods");
	model_put_goal(&M, &g);
	goal_free(&g);
	CU_ASSERT_EQUAL(M.costs_revision, costs_rev);
	CU_ASSERT_NOT_EQUAL(M.revision, f.revision);
	figures_update_costs(&f, &M);
	CU_ASSERT_PTR_EQUAL(f.years, years);
	figures_update(&f, &M); /* figures_update still follows every change */
	CU_ASSERT_EQUAL(f.revision, M.revision);

	/* an edited cost */
	double total = f.sum.total;
	put_cost(3, "Sensors", COST_ONEOFF, 95000, 2025, 0);
	figures_update_costs(&f, &M);
	CU_ASSERT_DOUBLE_EQUAL(f.sum.total, total + 5000, EPS);
	expect_fresh(&f);
	/* a new share, a changed share, a share set to another status */
	put_share(6, 3, 3, 25);
	figures_update_costs(&f, &M);
	CU_ASSERT_DOUBLE_EQUAL(f.costs[2].shared, 25, EPS);
	expect_fresh(&f);
	put_share_status(6, 3, 3, 40, SHARE_ASKED);
	figures_update_costs(&f, &M);
	CU_ASSERT_DOUBLE_EQUAL(f.costs[2].status_pct[SHARE_ASKED], 40, EPS);
	expect_fresh(&f);
	/* the funding rate and the funding end */
	double grant = f.sum.grant;
	set_rate(50, true, 0);
	figures_update_costs(&f, &M);
	CU_ASSERT(f.has_rate && fabs(f.rate - 50) < EPS);
	CU_ASSERT(f.sum.grant < grant);
	expect_fresh(&f);
	set_funding_end("2028-12-31");
	figures_update_costs(&f, &M);
	CU_ASSERT_EQUAL(f.funding_end_year, 2028);
	expect_fresh(&f);
	/* a new stakeholder with a share becomes a partner */
	size_t np = f.npartners;
	put_stakeholder(5, "Kreis");
	put_share(8, 1, 5, 10);
	figures_update_costs(&f, &M);
	CU_ASSERT_EQUAL(f.npartners, np + 1);
	expect_fresh(&f);
	/* a reload (a delete, an undo, an import): the model is built anew */
	build_edges();
	figures_update_costs(&f, &M);
	CU_ASSERT_EQUAL(f.costs_revision, M.costs_revision);
	CU_ASSERT_FALSE(f.has_rate);
	expect_fresh(&f);
	model_clear(&M);
	figures_update_costs(&f, &M);
	CU_ASSERT_EQUAL(f.ncosts, 0);
	CU_ASSERT_EQUAL(f.npartners, 0);
	expect_fresh(&f);
	figures_free(&f);
}

/* A long run of random edits: after each, the cached figures are what a
 * fresh computation gives. */
static void test_update_costs_random(void)
{
	build_edges();
	struct figures f;
	figures_init(&f);
	unsigned seed = 20261203;
	for (int step = 0; step < 400; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		int64_t cost = 1 + (int64_t)(r % 9), sh = 1 + (int64_t)((r >> 4) % 6);
		switch (r % 7) {
		case 0:
			put_cost(cost, "Cost", (r >> 8) % 2 ? COST_YEARLY : COST_ONEOFF,
				 1000.0 * (1 + (r >> 10) % 50), (r >> 9) % 3 ? 2024 + (int)((r >> 11) % 8) : 0,
				 (r >> 12) % 2 ? 2030 + (int)((r >> 13) % 4) : 0);
			break;
		case 1:
		case 2:
			put_share_status(1 + (int64_t)((r >> 6) % 20), cost, sh, (double)((r >> 14) % 60),
					 (int)((r >> 7) % SHARE_STATUS_COUNT));
			break;
		case 3:
			put_stakeholder(sh, "Partner");
			break;
		case 4:
			set_rate((double)((r >> 5) % 101), (r >> 3) % 4 != 0, 0);
			break;
		case 5:
			set_funding_end((r >> 5) % 5 ? "2027-06-30" : (r >> 6) % 2 ? "2029-03-31" : "");
			break;
		default:
			put_task(1 + (int64_t)(r % 3), CAT_OPERATION, TPHASE_REGULAR);
			if (model_stakeholder(&M, sh))
				model_raci_set(&M, 1 + (int64_t)(r % 3), sh, (enum raci)((r >> 9) % 5));
			break;
		}
		figures_update_costs(&f, &M);
		expect_fresh(&f);
	}
	figures_free(&f);
}

int main(void)
{
	test_init_locale();
	model_init(&M);
	figures_init(&F);
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("figures", NULL, NULL);
	ADD_TEST(s, test_years_edges);
	ADD_TEST(s, test_partners);
	ADD_TEST(s, test_costs);
	ADD_TEST(s, test_funding_end_month);
	ADD_TEST(s, test_no_funding_end);
	ADD_TEST(s, test_money_rows);
	ADD_TEST(s, test_year_range);
	ADD_TEST(s, test_shares);
	ADD_TEST(s, test_update);
	ADD_TEST(s, test_shares_index);
	ADD_TEST(s, test_update_costs);
	ADD_TEST(s, test_update_costs_random);
	ADD_TEST(s, test_findings_quote);
	ADD_TEST(s, test_findings_money);
	ADD_TEST(s, test_task_rules);
	ADD_TEST(s, test_categories);
	ADD_TEST(s, test_readiness);
	ADD_TEST(s, test_money);
	int rc = test_run();
	figures_free(&F);
	model_free(&M);
	return rc;
}
