/* ui_costs.c — step 5: what the measure costs, who pays which share, and
 * what nobody pays once the funding has ended.
 *
 * Three parts, one above the other, each a list: the cost items, the
 * partner shares of the selected cost (with their commitment), and the
 * per-year table of figures.c: all costs, the grant and the own share in
 * the funded period, the covered (adopted or draft-budget) and the
 * promised or asked partner money after it, what nobody carries, and each
 * partner's yearly sum. Up/Down at the edge of a part go on into
 * the next; Left/Right scroll the years. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "figures.h"
#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

enum part { PART_COSTS, PART_SHARES, PART_YEARS };

/* The state of the costs view, owned by the shell (ui_view_state). */
struct costs_state {
	enum part part;
	struct list lc, ls, ly;	      /* costs, shares, years */
	int64_t sel_cost, sel_share_sh;
	struct figures fig;	      /* the money figures (figures_update_costs) */
	size_t *sh_rows;	      /* share indices of the selected cost */
	size_t n_sh_rows, cap_sh_rows;
	int year_shift;		      /* Left/Right in the years */

	/* the years table as last drawn: label column, one column per year
	 * shown, and the column of one-off costs without a year when there are
	 * any */
	int years_first, years_n;
	bool years_undated;
	struct list_col year_cols[17];
	char titles[16][24];
	char shares_title[512];

	/* the share form's partner (0: a new share) and the cost of the share
	 * being deleted */
	int64_t form_share_sh;
	int64_t del_share_cost;

	char hint_buf[512];

	/* the parts' places at the last full drawing (drawn_ok), and the parts
	 * a move changed since (bits 1 << enum part) for the partial repaint */
	struct ui_rect drawn[3];
	bool drawn_ok;
	unsigned changed;
};

static void init(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	vs->part = PART_COSTS;
	figures_init(&vs->fig);
	list_init(&vs->lc);
	list_init(&vs->ls);
	list_init(&vs->ly);
}

static void done(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	figures_free(&vs->fig);
	free(vs->sh_rows);
}

/* ------------------------------------------------------------ money */

/* An amount the way the session language writes it. out: 64 bytes. */
static void money(double v, bool cents, char *out, size_t n)
{
	figures_money(v, cents, i18n_lang(), out, n);
}

/* An amount in at most w columns: whole euros, or thousands ("1.235 T€",
 * "€1,235k") when the euros do not fit. */
static void money_short(double v, int w, char *out, size_t n)
{
	money(v, false, out, n);
	if (ui_width(out) <= w)
		return;
	char k[48];
	money(v / 1000, false, k, sizeof k);
	if (i18n_lang() == LANG_DE) {
		/* "1.235 €" → "1.235 T€" */
		size_t l = strlen(k);
		if (l > 4 && !strcmp(k + l - 4, " €"))
			k[l - 4] = '\0';
		snprintf(out, n, "%s T€", k);
	} else {
		snprintf(out, n, "%sk", k);
	}
}

/* ------------------------------------------------------------ figures */

/* The figures, computed again only after a change of what they read (a
 * cost, a share, a stakeholder, the workshop, a reload): not per key, not
 * per redraw, not after a RACI cell or a goal. */
static const struct figures *figs(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	return figures_update_costs(&vs->fig, &ui->m);
}

/* The shares of the cost with this id: their count, their indices into
 * m->shares in *idx (from the figures' index, no scan of all shares). */
static size_t shares_of(struct ui *ui, int64_t cost, const size_t **idx)
{
	long ci = table_index(&ui->m.costs, cost);
	*idx = NULL;
	return ci < 0 ? 0 : figures_shares_of(figs(ui), (size_t)ci, idx);
}

/* The share stakeholder sh has in the cost with this id, or NULL. */
static const struct cost_share *share_in(struct ui *ui, int64_t cost, int64_t sh)
{
	const size_t *idx;
	size_t n = shares_of(ui, cost, &idx);
	for (size_t i = 0; i < n; i++) {
		const struct cost_share *s = MODEL_AT(ui->m.shares, struct cost_share, idx[i]);
		if (s->stakeholder == sh)
			return s;
	}
	return NULL;
}

/* The partner shares of the cost with this id summed, in percent. */
static double shared_of(struct ui *ui, int64_t cost)
{
	long ci = table_index(&ui->m.costs, cost);
	const struct figures *f = figs(ui);
	return ci >= 0 && (size_t)ci < f->ncosts ? f->costs[ci].shared : 0;
}

/* The rows of the years table before the partners. */
enum { YROW_TOTAL, YROW_GRANT, YROW_OWN, YROW_COVERED, YROW_PENDING, YROW_UNCOVERED, YROW_PARTNERS };

/* ------------------------------------------------------------ sync */

static const struct cost *selected_cost(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	if (!vs->lc.n || vs->lc.sel >= ui->m.costs.n)
		return NULL;
	return MODEL_AT(ui->m.costs, struct cost, vs->lc.sel);
}

/* The shares of the selected cost: as many steps as it has shares. */
static void collect_shares(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct model *m = &ui->m;
	const struct cost *c = selected_cost(ui);
	const size_t *idx = NULL;
	size_t n = c ? shares_of(ui, c->id, &idx) : 0;
	xgrow((void **)&vs->sh_rows, &vs->cap_sh_rows, n + 1, sizeof *vs->sh_rows);
	if (n)
		memcpy(vs->sh_rows, idx, n * sizeof *idx);
	vs->n_sh_rows = n;
	list_set_count(&vs->ls, vs->n_sh_rows);
	if (vs->sel_share_sh)
		for (size_t r = 0; r < vs->n_sh_rows; r++)
			if (MODEL_AT(m->shares, struct cost_share, vs->sh_rows[r])->stakeholder == vs->sel_share_sh)
				list_select(&vs->ls, r);
}

static void sync(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct model *m = &ui->m;
	list_set_count(&vs->lc, m->costs.n);
	if (vs->sel_cost) {
		long i = table_index(&m->costs, vs->sel_cost);
		if (i >= 0)
			list_select(&vs->lc, (size_t)i);
	}
	list_set_count(&vs->ly, YROW_PARTNERS + figs(ui)->npartners);
	collect_shares(ui);
	if (vs->part == PART_SHARES && !m->costs.n)
		vs->part = PART_COSTS;
}

/* ------------------------------------------------------------ hint */

static const char *hint(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	char *buf = vs->hint_buf;
	const struct model *m = &ui->m;
	if (m->costs.n == 0)
		return _("No costs yet: press n and add what the measure costs, above all the yearly "
			 "running costs.");
	const struct figures *f = figs(ui);
	if (!f->has_funding_end)
		return _("Enter the funding end in step 0: then this step shows what nobody pays "
			 "after it.");
	if (!f->has_rate)
		return _("Enter the funding rate in step 0: then this step splits the funded years "
			 "into grant and own share.");
	double worst = 0;
	int worst_y = 0;
	for (int y = f->funding_end_year; y <= f->funding_end_year + FIGURES_AFTER_YEARS; y++) {
		const struct figures_row *row = figures_year(f, y);
		if (row && row->uncovered > worst + 0.005) {
			worst = row->uncovered;
			worst_y = y;
		}
	}
	if (worst > 0.005) {
		char a[64];
		money(worst, false, a, sizeof a);
		snprintf(buf, sizeof vs->hint_buf,
			 _("%s is not covered in %d: select a cost and press s to add a partner's share."),
			 a, worst_y);
		return buf;
	}
	if (f->undated.uncovered > 0.005) {
		char a[64];
		money(f->undated.uncovered, false, a, sizeof a);
		snprintf(buf, sizeof vs->hint_buf,
			 _("%s of one-off costs without a year is not covered: enter the year, or "
			   "press s to add a partner's share."),
			 a);
		return buf;
	}
	for (int y = f->funding_end_year; y <= f->last; y++) {
		const struct figures_row *row = figures_year(f, y);
		if (row && row->promised + row->asked > 0.005) {
			char a[64];
			money(row->promised + row->asked, false, a, sizeof a);
			snprintf(buf, sizeof vs->hint_buf,
				 _("Every cost has a payer; %s in %d is only promised or asked."),
				 a, y);
			return buf;
		}
	}
	return _("Every cost after the funding end has a payer. Next: 6 Check.");
}

/* ------------------------------------------------------------ drawing */

static const struct list_col cost_cols[] = {
	{N_("Cost item"), -1, 10}, {N_("Kind"), 9, 0},	  {N_("Amount"), 13, 0},
	{N_("Years"), 11, 0},	   {N_("Shared"), 7, 0},  {N_("Uncovered"), 10, 0},
};

static void years_text(const struct cost *c, char *buf, size_t n)
{
	if (c->kind == COST_ONEOFF)
		snprintf(buf, n, "%d", c->start_year);
	else if (c->start_year && c->end_year)
		snprintf(buf, n, "%d–%d", c->start_year, c->end_year);
	else if (c->start_year)
		snprintf(buf, n, _("from %d"), c->start_year);
	else if (c->end_year)
		snprintf(buf, n, _("until %d"), c->end_year);
	else
		snprintf(buf, n, "–");
	if (c->kind == COST_ONEOFF && !c->start_year)
		snprintf(buf, n, "–");
}

static void draw_cost_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	const struct cost *c = MODEL_AT(ui->m.costs, struct cost, row);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	char s[64];
	char named[512];
	ui_text(y, cx[0], cw[0],
		ui_example_name(c->example, *c->name ? c->name : _("(no name)"), named,
				sizeof named),
		base, 0);
	ui_text(y, cx[1], cw[1], vocab_label(VOCAB_COST_KIND, c->kind), base, 0);
	money(c->amount, true, s, sizeof s);
	ui_text(y, cx[2], cw[2], s, base, UI_TEXT_RIGHT);
	years_text(c, s, sizeof s);
	ui_text(y, cx[3], cw[3], s, base, 0);
	const struct figures *f = figs(ui);
	if (row >= f->ncosts)
		return;
	const struct figures_cost *fc = &f->costs[row];
	char pct[64];
	i18n_number(round(fc->shared * 10) / 10, i18n_lang(), pct);
	ui_textf(y, cx[4], cw[4], base, UI_TEXT_RIGHT, "%s %%", pct);
	if (fc->gap) {
		i18n_number(round(fc->open_pct * 10) / 10, i18n_lang(), pct);
		ui_textf(y, cx[5], cw[5], sel ? base : ui_style(ST_ALERT), UI_TEXT_RIGHT, "! %s %%", pct);
	}
}

static const struct list_col share_cols[] = {
	{N_("Partner"), -1, 10}, {N_("Share"), 8, 0},	     {N_("Per year"), 13, 0},
	{N_("Commitment"), 13, 0}, {N_("Budget line"), 15, 0},
};

static void draw_share_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct costs_state *vs = ui_view_state((struct ui *)ctx, STEP_COSTS);
	struct ui *ui = ctx;
	if (row >= vs->n_sh_rows)
		return;
	const struct cost_share *s = MODEL_AT(ui->m.shares, struct cost_share, vs->sh_rows[row]);
	const struct stakeholder *p = model_stakeholder(&ui->m, s->stakeholder);
	const struct cost *c = model_cost(&ui->m, s->cost);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], p ? p->name : "?", base, 0);
	char pct[64], a[64];
	i18n_number(s->percent, i18n_lang(), pct);
	ui_textf(y, cx[1], cw[1], base, UI_TEXT_RIGHT, "%s %%", pct);
	if (c) {
		money(figures_share_amount(c, s), true, a, sizeof a);
		ui_text(y, cx[2], cw[2], a, base, UI_TEXT_RIGHT);
	}
	/* only draft and adopted budgets count as covered: the others are marked */
	bool firm = figures_status_covered(s->status);
	ui_textf(y, cx[3], cw[3], firm || sel ? base : ui_style(ST_ALERT), 0, "%s%s",
		 firm ? "" : "? ", vocab_label(VOCAB_SHARE_STATUS, s->status));
	ui_text(y, cx[4], cw[4], s->budget_line, base, 0);
}


static void draw_year_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct costs_state *vs = ui_view_state((struct ui *)ctx, STEP_COSTS);
	struct ui *ui = ctx;
	const struct model *m = &ui->m;
	const struct figures *f = figs(ui);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	static const char *const labels[YROW_PARTNERS] = {
		N_("All costs"),	 N_("Grant"),		N_("Own share"),
		N_("Covered"),		 N_("Promised, asked"), N_("! Uncovered"),
	};
	const char *label;
	if (row < YROW_PARTNERS)
		label = _(labels[row]);
	else if (row - YROW_PARTNERS < f->npartners) {
		const struct stakeholder *s = model_stakeholder(m, f->partners[row - YROW_PARTNERS]);
		label = s ? s->name : "?";
	} else
		return;
	bool bold = row == YROW_TOTAL || row == YROW_UNCOVERED;
	ui_text(y, cx[0], cw[0], label, base | (bold ? A_BOLD : 0), 0);
	for (int i = 0; i < vs->years_n + vs->years_undated; i++) {
		int yr = vs->years_first + i;
		bool undated = i == vs->years_n;
		const struct figures_row *fr = undated ? &f->undated : figures_year(f, yr);
		char a[64];
		if (row == YROW_UNCOVERED) {
			/* nothing is uncovered in a year wholly inside the funded period
			 * (without a funding end no year is: as in the workbook) */
			if (!fr || (!undated && figures_funded_fraction(f, yr) >= 1)) {
				ui_text(y, cx[i + 1], cw[i + 1], "–", base, UI_TEXT_RIGHT);
				continue;
			}
			double u = fr->uncovered;
			money_short(u, cw[i + 1], a, sizeof a);
			ui_text(y, cx[i + 1], cw[i + 1], a,
				u > 0.005 && !sel ? ui_style(ST_ALERT) : base | A_BOLD, UI_TEXT_RIGHT);
			continue;
		}
		double v;
		if (row < YROW_PARTNERS) {
			v = !fr			      ? 0
			    : row == YROW_TOTAL	      ? fr->total
			    : row == YROW_GRANT	      ? fr->grant
			    : row == YROW_OWN	      ? fr->own
			    : row == YROW_COVERED     ? fr->covered
						      : fr->promised + fr->asked;
		} else {
			size_t p = row - YROW_PARTNERS;
			v = undated ? f->partner_years[p * (f->nyears + 1) + f->nyears]
				    : figures_partner_in(f, p, yr);
		}
		money_short(v, cw[i + 1], a, sizeof a);
		ui_text(y, cx[i + 1], cw[i + 1], v > 0.005 ? a : "·", base, UI_TEXT_RIGHT);
	}
}

static void draw_years(struct ui *ui, struct ui_rect r)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct figures *f = figs(ui);
	int first = f->first, last = f->last;
	int label_w = r.w >= 110 ? 26 : 18;
	int col_w = r.w >= 110 ? 11 : 9;
	vs->years_undated = f->undated.total > 0.005;
	int fit = (r.w - label_w) / (col_w + 1) - vs->years_undated;
	if (fit > 15)
		fit = 15;
	if (fit < 1)
		fit = 1;
	int span = last - first + 1;
	int start = first;
	if (span > fit)
		start = last - fit + 1; /* the years after the funding matter most */
	start += vs->year_shift;
	if (start < first) {
		vs->year_shift += first - start;
		start = first;
	}
	if (start + fit - 1 > last && span > fit) {
		vs->year_shift -= start + fit - 1 - last;
		start = last - fit + 1;
	}
	if (span <= fit) {
		vs->year_shift = 0;
		start = first;
		fit = span;
	}
	vs->years_first = start;
	vs->years_n = fit;
	int fe = f->funding_end_year;
	vs->year_cols[0] = (struct list_col){N_("Per year"), label_w, 0};
	for (int i = 0; i < fit; i++) {
		/* the years after the funding end carry a mark, not only a colour;
		 * years out of view to the left or right are marked at the edge
		 * (Left/Right bring them in), as the RACI grid marks its columns */
		const char *fmt = fe && start + i > fe ? "›%d" : "%d";
		char year[12];
		snprintf(year, sizeof year, fmt, start + i);
		snprintf(vs->titles[i], sizeof vs->titles[i], "%s%s%s",
			 i == 0 && start > first ? "◂" : "", year,
			 i == fit - 1 && start + i < last ? "▸" : "");
		vs->year_cols[i + 1] = (struct list_col){vs->titles[i], col_w, 0};
	}
	if (vs->years_undated)
		vs->year_cols[fit + 1] = (struct list_col){N_("No year"), col_w, 0};
	vs->ly.passive = vs->part != PART_YEARS;
	list_draw(&vs->ly, r, vs->year_cols, fit + 1 + vs->years_undated, draw_year_row, ui, NULL);
}

/* Where the three parts go in r: costs and shares as tall as they need,
 * the years right below. */
static void layout(struct ui *ui, struct ui_rect r, struct ui_rect part[3])
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct model *m = &ui->m;
	int years_h = 1 + YROW_PARTNERS + (int)figs(ui)->npartners;
	int cap = r.h * 2 / 5;
	if (cap < 1 + YROW_PARTNERS)
		cap = 1 + YROW_PARTNERS; /* the money rows; the partners scroll */
	if (years_h > cap)
		years_h = cap;
	int rest = r.h - years_h - 1;
	int costs_h = rest * 3 / 5;
	if (costs_h > (int)m->costs.n + 1)
		costs_h = (int)m->costs.n + 1;
	if (costs_h < 3)
		costs_h = 3;
	int shares_h = rest - costs_h;
	int shares_need = 1 + (vs->n_sh_rows ? (int)vs->n_sh_rows : 2);
	if (shares_h > shares_need)
		shares_h = shares_need;
	part[PART_COSTS] = (struct ui_rect){r.y, r.x, costs_h, r.w};
	part[PART_SHARES] = (struct ui_rect){r.y + costs_h, r.x, shares_h, r.w};
	part[PART_YEARS] = (struct ui_rect){r.y + costs_h + shares_h + 1, r.x, years_h, r.w};
}

static void draw_part(struct ui *ui, enum part p, struct ui_rect r)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	if (p == PART_COSTS) {
		vs->lc.passive = vs->part != PART_COSTS;
		list_draw(&vs->lc, r, cost_cols, 6, draw_cost_row, ui, NULL);
	} else if (p == PART_SHARES) {
		const struct cost *c = selected_cost(ui);
		char *title = vs->shares_title;
		snprintf(title, sizeof vs->shares_title, _("Shares of “%s”"), c ? c->name : "");
		struct list_col sc[5];
		memcpy(sc, share_cols, sizeof sc);
		sc[0].title = title;
		vs->ls.passive = vs->part != PART_SHARES;
		list_draw(&vs->ls, r, sc, 5, draw_share_row, ui,
			  _("Nobody shares this cost yet: s adds a partner and the percentage "
			    "they carry."));
	} else {
		draw_years(ui, r);
	}
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct model *m = &ui->m;
	vs->drawn_ok = false;
	if (m->costs.n == 0) {
		vs->lc.passive = false;
		list_draw(&vs->lc, r, cost_cols, 6, draw_cost_row, ui,
			  _("No costs yet. Press n to add a cost item: one-off costs such as buying "
			    "sensors, and above all the yearly running costs (licences, hosting, "
			    "maintenance, staff) that go on after the funding ends."));
		return;
	}
	layout(ui, r, vs->drawn);
	for (int p = 0; p < 3; p++)
		draw_part(ui, (enum part)p, vs->drawn[p]);
	vs->drawn_ok = true;
	vs->changed = 0;
}

/* After a move: repaints the parts the move changed (vs->changed) on the
 * last frame; false when the layout is not the one drawn (another cost
 * with another number of shares moves the years table). */
static bool redraw(struct ui *ui, struct ui_rect r)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	if (!vs->drawn_ok || ui->m.costs.n == 0)
		return false;
	struct ui_rect now[3];
	layout(ui, r, now);
	if (memcmp(now, vs->drawn, sizeof now))
		return false;
	for (int p = 0; p < 3; p++) {
		if (!(vs->changed & 1u << p))
			continue;
		/* blank as erase() leaves it, the margin of the no-colour marker too */
		int x = now[p].x > 0 ? now[p].x - 1 : now[p].x;
		for (int y = now[p].y; y < now[p].y + now[p].h; y++)
			ui_fill(y, x, now[p].w + (now[p].x - x), A_NORMAL);
		draw_part(ui, (enum part)p, now[p]);
	}
	vs->changed = 0;
	return true;
}

/* ------------------------------------------------------------ forms */

enum { CF_NAME, CF_KIND, CF_AMOUNT, CF_START, CF_END };

static bool year_ok(struct form *fm, int field, long y)
{
	if (y == 0 || (y >= 1900 && y <= 9999))
		return true;
	form_set_error(fm, field, _("Type a year from 1900 to 9999, or 0 for none."));
	return false;
}

static bool save_cost(struct ui *ui, struct form *fm, int64_t id)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct cost *old = id ? model_cost(&ui->m, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This cost item no longer exists (undone meanwhile?)."));
		return true;
	}
	struct optnum amount = form_number(fm, CF_AMOUNT);
	if (!amount.set || amount.v < 0) {
		char ex[64], msg[256];
		i18n_number_example(i18n_lang(), ex);
		/* TRANSLATORS: %s is an amount as the session language writes it */
		snprintf(msg, sizeof msg, _("Type the amount in euros, for example %s."), ex);
		form_set_error(fm, CF_AMOUNT, msg);
		return false;
	}
	long start = form_int(fm, CF_START), end = form_int(fm, CF_END);
	if (!year_ok(fm, CF_START, start) || !year_ok(fm, CF_END, end))
		return false;
	if (start && end && end < start) {
		form_set_error(fm, CF_END, _("The last year comes before the first."));
		return false;
	}
	struct cost c;
	if (old)
		cost_copy(&c, old);
	else
		cost_init(&c);
	str_take(&c.name, form_text(fm, CF_NAME));
	c.kind = form_choice(fm, CF_KIND);
	c.amount = amount.v;
	c.start_year = (int)start;
	c.end_year = c.kind == COST_ONEOFF ? 0 : (int)end;
	c.example = false; /* saved by the group: its own now */
	bool ok = ui_store_ok(ui, store_save_cost(ui->s, &ui->m, &c));
	if (ok) {
		vs->sel_cost = c.id;
		vs->part = PART_COSTS;
		ui_status(ui, id ? _("Cost item “%s” saved.") : _("Cost item “%s” added; s adds who pays a share."),
			  c.name);
	}
	cost_free(&c);
	return ok;
}

static void cost_form(struct ui *ui, int64_t id)
{
	const struct cost *c = id ? model_cost(&ui->m, id) : NULL;
	struct cost empty;
	cost_init(&empty);
	if (!c) {
		int fe = model_funding_end_year(&ui->m);
		empty.kind = COST_YEARLY;
		empty.start_year = fe ? fe + 1 : 0;
		c = &empty;
	}
	struct form *fm = form_new(id ? N_("Edit cost item") : N_("New cost item"), id ? c->name : NULL);
	form_add_text(fm, N_("Cost item"), c->name, true);
	form_set_note(fm, CF_NAME, N_("What the money is for, e.g. “hosting of the data platform”."));
	form_add_choice(fm, N_("Kind"), VOCAB_COST_KIND, c->kind);
	form_set_note(fm, CF_KIND, N_("One-off (bought once) or yearly (running costs); Space picks."));
	/* a new item starts empty: typing after a 0 would give 018.500 */
	form_add_number(fm, N_("Amount"), (struct optnum){c->amount, id != 0});
	form_set_note(fm, CF_AMOUNT, N_("In euros; for yearly costs the amount per year."));
	form_add_int(fm, N_("First year"), c->start_year, 0, 9999);
	form_set_note(fm, CF_START, N_("The year it starts (one-off: the year it is paid); 0 for none."));
	form_add_int(fm, N_("Last year"), c->end_year, 0, 9999);
	form_set_note(fm, CF_END, N_("The last year of a yearly cost; 0 when it goes on."));
	form_focus(fm, CF_NAME);
	cost_free(&empty);
	ui_form_open(ui, fm, save_cost, id);
}

/* The share form: for a new share the partner is picked; an existing one
 * only changes its percentage (0 removes it). id is the cost; the partner
 * of an existing share is kept in the view state (sel_share_sh). */

static bool save_share(struct ui *ui, struct form *fm, int64_t cost_id)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct cost *c = model_cost(&ui->m, cost_id);
	if (!c) {
		ui_error(ui, "%s", _("This cost item no longer exists (undone meanwhile?)."));
		return true;
	}
	int pf = vs->form_share_sh ? 0 : 1;
	struct optnum pct = form_number(fm, pf);
	if (!pct.set || pct.v < 0 || pct.v > 100) {
		form_set_error(fm, pf, _("Type a percentage from 0 to 100 (0 removes the partner)."));
		return false;
	}
	struct cost_share s;
	share_init(&s);
	s.cost = cost_id;
	s.stakeholder = vs->form_share_sh ? vs->form_share_sh : form_ref(fm, 0);
	s.percent = pct.v;
	s.status = form_choice(fm, pf + 1);
	str_take(&s.budget_line, form_text(fm, pf + 2));
	/* removing a share reloads the model: keep the cost's name */
	char *cost_name = xstrdup(c->name);
	enum err st = store_save_share(ui->s, &ui->m, &s);
	if (st == ERR_STORE_INVALID) {
		/* more than 100 % together: say first how much is left */
		double others = shared_of(ui, cost_id);
		const struct cost_share *x = share_in(ui, cost_id, s.stakeholder);
		if (x)
			others -= x->percent;
		char left[64], msg[256];
		i18n_number(others < 100 ? 100 - others : 0, i18n_lang(), left);
		snprintf(msg, sizeof msg,
			 _("At most %s %% are left (the shares of a cost add up to 100 %% at most)."),
			 left);
		form_set_error(fm, pf, msg);
		free(cost_name);
		share_free(&s);
		return false;
	}
	if (!ui_store_ok(ui, st)) {
		free(cost_name);
		share_free(&s);
		return false;
	}
	const struct stakeholder *p = model_stakeholder(&ui->m, s.stakeholder);
	vs->sel_cost = cost_id;
	vs->sel_share_sh = pct.v > 0 ? s.stakeholder : 0;
	vs->part = PART_SHARES;
	char num[64];
	i18n_number(pct.v, i18n_lang(), num);
	if (pct.v > 0)
		ui_status(ui, _("%s carries %s %% of “%s”."), p ? p->name : "", num, cost_name);
	else
		ui_status(ui, _("%s no longer shares “%s”."), p ? p->name : "", cost_name);
	free(cost_name);
	share_free(&s);
	return true;
}

/* The share form's status and budget line, fields at and at + 1. */
static void share_commitment_fields(struct form *fm, int at, int status, const char *line)
{
	form_add_choice(fm, N_("Commitment"), VOCAB_SHARE_STATUS, status);
	form_set_note(fm, at, N_("Asked, promised, in the draft budget or adopted; Space picks. "
				 "Only draft and adopted count as covered."));
	form_add_text(fm, N_("Budget line"), line, false);
	form_set_note(fm, at + 1, N_("Where the money is in the partner's budget (budget line or "
				     "product account); may stay empty."));
}

static void share_form(struct ui *ui, int64_t cost_id, int64_t sh)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct model *m = &ui->m;
	const struct cost *c = model_cost(m, cost_id);
	if (!c)
		return;
	if (m->stakeholders.n == 0) {
		ui_error(ui, "%s", _("Partners are stakeholders: add them in step 3 first."));
		return;
	}
	double left = 100 - shared_of(ui, cost_id);
	vs->form_share_sh = sh;
	struct form *fm;
	if (sh) {
		const struct stakeholder *p = model_stakeholder(m, sh);
		const struct cost_share *cur = share_in(ui, cost_id, sh);
		double now = cur ? cur->percent : 0;
		char item[512];
		snprintf(item, sizeof item, "%s → %s", p ? p->name : "?", c->name);
		fm = form_new(N_("Edit share"), item);
		form_add_number(fm, N_("Share in percent"), (struct optnum){now, true});
		form_set_note(fm, 0, N_("The percentage of the cost this partner carries; 0 removes it."));
		share_commitment_fields(fm, 1, cur ? cur->status : SHARE_PROMISED,
					cur ? cur->budget_line : "");
		form_focus(fm, 0);
	} else {
		fm = form_new(N_("New share"), c->name);
		form_add_ref(fm, N_("Partner"), NULL);
		for (size_t i = 0; i < m->stakeholders.n; i++) {
			const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
			form_ref_option(fm, 0, s->id, s->name);
		}
		form_set_note(fm, 0, N_("Who pays a part: Space or the first letters pick."));
		form_add_number(fm, N_("Share in percent"),
				(struct optnum){left > FIGURES_PERCENT_EPS ? round(left * 100) / 100 : 0,
						true});
		form_set_note(fm, 1, N_("The percentage of the cost this partner carries."));
		share_commitment_fields(fm, 2, SHARE_PROMISED, "");
		form_focus(fm, 0);
	}
	ui_form_open(ui, fm, save_share, cost_id);
}

/* ------------------------------------------------------------ delete */

static void delete_cost_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_COST, id, _("Cost item “%s” deleted (u undoes it)."));
}

static void cost_delete(struct ui *ui, const struct cost *c)
{
	const size_t *idx;
	size_t n = shares_of(ui, c->id, &idx);
	char q[800];
	if (n)
		snprintf(q, sizeof q,
			 ngettext("Delete cost item “%s” and its %zu partner share?",
				  "Delete cost item “%s” and its %zu partner shares?", n),
			 c->name, n);
	else
		snprintf(q, sizeof q, _("Delete cost item “%s”?"), c->name);
	ui_confirm(ui, q, delete_cost_yes, c->id);
}

static void delete_share_yes(struct ui *ui, int64_t sh)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	struct cost_share s;
	share_init(&s);
	s.cost = vs->del_share_cost;
	s.stakeholder = sh;
	s.percent = 0;
	if (ui_store_ok(ui, store_save_share(ui->s, &ui->m, &s)))
		ui_status(ui, "%s", _("Share removed (u undoes it)."));
	share_free(&s);
}

static void share_delete(struct ui *ui, const struct cost_share *s)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct stakeholder *p = model_stakeholder(&ui->m, s->stakeholder);
	const struct cost *c = model_cost(&ui->m, s->cost);
	char q[800];
	snprintf(q, sizeof q, _("Remove %s from the cost item “%s”?"), p ? p->name : "?",
		 c ? c->name : "");
	vs->del_share_cost = s->cost;
	ui_confirm(ui, q, delete_share_yes, s->stakeholder);
}

/* ------------------------------------------------------------ keys */

static struct list *current(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	return vs->part == PART_COSTS ? &vs->lc : vs->part == PART_SHARES ? &vs->ls : &vs->ly;
}

static void after_cost_move(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	const struct cost *c = selected_cost(ui);
	vs->sel_cost = c ? c->id : 0;
	vs->sel_share_sh = 0;
	list_select(&vs->ls, 0);
	collect_shares(ui);
}

/* Up/Down at the edge of a part go on into the next one. */
static bool part_move(struct ui *ui, enum ui_action a)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	struct list *l = current(ui);
	bool at_end = l->n == 0 || l->sel + 1 >= l->n;
	if (a == ACT_DOWN && at_end && vs->part != PART_YEARS && ui->m.costs.n) {
		vs->changed |= 1u << vs->part | 1u << (vs->part + 1);
		vs->part = (enum part)(vs->part + 1);
		list_select(current(ui), 0);
		return true;
	}
	if (a == ACT_UP && (l->n == 0 || l->sel == 0) && vs->part != PART_COSTS) {
		vs->changed |= 1u << vs->part | 1u << (vs->part - 1);
		vs->part = (enum part)(vs->part - 1);
		struct list *p = current(ui);
		if (p->n)
			list_select(p, p->n - 1);
		return true;
	}
	if (vs->part == PART_YEARS && (a == ACT_LEFT || a == ACT_RIGHT)) {
		vs->year_shift += a == ACT_LEFT ? -1 : 1;
		vs->changed |= 1u << PART_YEARS;
		return true;
	}
	if (!list_move(l, a))
		return false;
	vs->changed |= 1u << vs->part;
	if (vs->part == PART_COSTS) {
		/* the shares shown are the new cost's */
		vs->changed |= 1u << PART_SHARES;
		after_cost_move(ui);
	} else if (vs->part == PART_SHARES && vs->ls.n && vs->ls.sel < vs->n_sh_rows)
		vs->sel_share_sh = MODEL_AT(ui->m.shares, struct cost_share, vs->sh_rows[vs->ls.sel])->stakeholder;
	return true;
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	(void)k;
	if (part_move(ui, a))
		return UI_PARTIAL | UI_HANDLED;
	const struct cost *c = selected_cost(ui);
	const struct cost_share *s =
		vs->part == PART_SHARES && vs->ls.n && vs->ls.sel < vs->n_sh_rows
			? MODEL_AT(ui->m.shares, struct cost_share, vs->sh_rows[vs->ls.sel])
			: NULL;
	switch (a) {
	case ACT_NEW:
		/* always a cost item, also on the shares: s adds a share */
		cost_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_SHARE:
		if (!c) {
			ui_status(ui, "%s", _("Add a cost item first (n), then its shares."));
			return UI_REDRAW | UI_HANDLED;
		}
		share_form(ui, c->id, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (vs->part == PART_SHARES && s)
			share_form(ui, s->cost, s->stakeholder);
		else if (vs->part == PART_SHARES && c)
			share_form(ui, c->id, 0);
		else if (vs->part == PART_COSTS)
			cost_form(ui, c ? c->id : 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (vs->part == PART_SHARES && s)
			share_delete(ui, s);
		else if (vs->part == PART_COSTS && c)
			cost_delete(ui, c);
		else
			return UI_UNHANDLED;
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

/* After a click selected a row of the part in focus. */
static void clicked(struct ui *ui)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	size_t row = vs->ls.sel;
	if (vs->part == PART_COSTS)
		after_cost_move(ui);
	else if (vs->part == PART_SHARES && row < vs->n_sh_rows)
		vs->sel_share_sh = MODEL_AT(ui->m.shares, struct cost_share, vs->sh_rows[row])->stakeholder;
}

static int click(struct ui *ui, int y, int x)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	(void)x;
	struct list *lists[3] = {&vs->lc, &vs->ls, &vs->ly};
	for (int p = 0; p < 3; p++) {
		if (list_hit(lists[p], y) < 0)
			continue;
		/* a click on the selected cost or share edits it; on a year, selects */
		bool active = (enum part)p == vs->part && p < 2;
		vs->part = (enum part)p;
		return ui_list_click(ui, lists[p], y, active, ACT_EDIT, clicked);
	}
	return UI_UNHANDLED;
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct costs_state *vs = ui_view_state(ui, STEP_COSTS);
	if (kind == ENT_WORKSHOP)
		return true;
	if (kind != ENT_COST)
		return false;
	long i = table_index(&ui->m.costs, id);
	if (i < 0)
		return false;
	vs->part = PART_COSTS;
	list_select(&vs->lc, (size_t)i);
	after_cost_move(ui);
	return true;
}

static const enum ui_action bar[] = {ACT_NEW, ACT_SHARE, ACT_EDIT, ACT_DELETE, ACT_NONE};
static const enum ui_action more[] = {ACT_NOTE, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct cost *c = selected_cost(ui);
	*kind = ENT_COST;
	*id = c ? c->id : 0;
	return c != NULL;
}

const struct ui_view ui_view_costs = {
	.step = STEP_COSTS,
	.private_size = sizeof(struct costs_state),
	.init = init,
	.done = done,
	.hint = hint,
	.help = N_("Running costs that go on after the funding are among the largest hurdles "
		   "for keeping a measure; even one that works can end when the budget money "
		   "planned for it is not there. List every cost item: one-off purchases "
		   "and, above all, the yearly costs of operation, hosting, licences, "
		   "maintenance and staff, each with the years it runs.\n\n"
		   "Then agree who carries which share: an office's budget, a municipal "
		   "company that offers the service to others, neighbouring municipalities "
		   "that use the same solution. s adds a partner's share to the selected cost; "
		   "Enter on a share changes its percentage, 0 or d removes it. The shares of "
		   "one cost never add up to more than 100 %.\n\n"
		   "The table at the bottom shows per year what all costs add up to, what "
		   "each partner pays, and what nobody pays after the funding end (years "
		   "marked ›). The year the funding ends counts by month: with an end on 30 "
		   "June, half of that year's running costs fall after it. One-off costs "
		   "without a year appear under “No year” and count as after the funding end "
		   "until their year is entered. Left and Right scroll the years. Up and Down "
		   "go on from one part into the next."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.redraw = redraw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
