/* ui_goals.c — step 1: the measure's SMART goals. Each row shows the five
 * letters S M A R T lit for the parts that are filled in and valid, the
 * strategy goal it serves, and how many indicators measure it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_vote.h"
#include "util.h"

struct goals_state {
	struct list lst;
	int64_t sel_id;	      /* the goal to keep selected across changes */
	size_t incomplete;    /* goals missing a SMART part */
	int64_t no_indicator; /* first goal without an indicator, 0: none */

	/* indicator counts per goal index, rebuilt when the model changes */
	size_t *counts;
	size_t ncounts;
	unsigned long counts_rev;
	bool counts_valid;

	/* the list's order: model indices, by votes when by_votes (o) */
	size_t *order;
	size_t norder;
	bool by_votes;
	bool dots; /* the Dots column is drawn (a vote runs or some goal has dots) */

	char hint[512];
};

static void done(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	free(vs->counts);
	free(vs->order);
}

/* The model index of list row row. */
static size_t goal_at(const struct goals_state *vs, size_t row)
{
	return row < vs->norder ? vs->order[row] : row;
}

/* The list row of model index i. */
static size_t row_of(const struct goals_state *vs, size_t i)
{
	for (size_t r = 0; r < vs->norder; r++)
		if (vs->order[r] == i)
			return r;
	return i;
}

static const struct model *order_model; /* read by cmp_votes while sync sorts */

/* Most votes first; equal votes keep the model's (id) order. */
static int cmp_votes(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int vi = MODEL_AT(order_model->goals, struct goal, i)->votes;
	int vj = MODEL_AT(order_model->goals, struct goal, j)->votes;
	if (vi != vj)
		return vj - vi;
	return i < j ? -1 : i > j;
}

static void build_order(struct goals_state *vs, const struct model *m)
{
	free(vs->order);
	vs->norder = m->goals.n;
	vs->order = xcalloc(vs->norder ? vs->norder : 1, sizeof *vs->order);
	for (size_t i = 0; i < vs->norder; i++)
		vs->order[i] = i;
	if (vs->by_votes) {
		order_model = m;
		qsort(vs->order, vs->norder, sizeof *vs->order, cmp_votes);
		order_model = NULL;
	}
}

const size_t *ui_goal_indicator_counts(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	const struct model *m = &ui->m;
	if (vs->counts_valid && vs->counts_rev == m->revision && vs->ncounts == m->goals.n)
		return vs->counts;
	free(vs->counts);
	vs->ncounts = m->goals.n;
	vs->counts = xcalloc(vs->ncounts ? vs->ncounts : 1, sizeof *vs->counts);
	for (size_t i = 0; i < m->indicators.n; i++) {
		long gi = table_index(&m->goals, MODEL_AT(m->indicators, struct indicator, i)->goal);
		if (gi >= 0)
			vs->counts[gi]++;
	}
	vs->counts_rev = m->revision;
	vs->counts_valid = true;
	return vs->counts;
}

/* Which SMART parts a goal has: bit 0 S … bit 4 T (the findings' rule). */
static unsigned smart_bits(const struct goal *g)
{
	return ~findings_smart_missing(g) & 31u;
}

static void sync(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	const struct model *m = &ui->m;
	build_order(vs, m);
	list_set_count(&vs->lst, m->goals.n);
	if (vs->sel_id) {
		long i = table_index(&m->goals, vs->sel_id);
		if (i >= 0)
			list_select(&vs->lst, row_of(vs, (size_t)i));
	}
	const size_t *c = ui_goal_indicator_counts(ui);
	vs->incomplete = 0;
	vs->no_indicator = 0;
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		if (smart_bits(g) != 31)
			vs->incomplete++;
		if (!c[i] && !vs->no_indicator)
			vs->no_indicator = g->id;
	}
}

static const struct goal *selected(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	if (vs->lst.n == 0 || vs->lst.sel >= ui->m.goals.n)
		return NULL;
	size_t i = goal_at(vs, vs->lst.sel);
	return i < ui->m.goals.n ? MODEL_AT(ui->m.goals, struct goal, i) : NULL;
}

static const char *hint(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	char *buf = vs->hint;
	if (ui->m.goals.n == 0)
		return _("No goals yet: press n and type the first goal's title.");
	if (vs->incomplete)
		return _("Fill in the SMART parts shown as ·: select a goal and press Enter.");
	if (vs->no_indicator) {
		const struct goal *g = model_goal(&ui->m, vs->no_indicator);
		snprintf(buf, sizeof vs->hint, _("Next: add an indicator in step 2 for the goal “%s”."),
			 g ? g->title : "");
		return buf;
	}
	return _("Every goal is SMART. Next: 2 Indicators (press 2).");
}

/* ------------------------------------------------------------ drawing */

static const struct list_col cols[] = {
	{N_("S M A R T"), 9, 0},
	{N_("Goal"), -3, 10},
	{N_("Strategy goal"), -2, 8},
	{N_("Ind."), 4, 0},
	{N_("Status"), 11, 0},
	{N_("Dots"), 4, 0},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	size_t gi = goal_at(vs, row);
	if (gi >= ui->m.goals.n)
		return;
	const struct goal *g = MODEL_AT(ui->m.goals, struct goal, gi);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	unsigned bits = smart_bits(g);
	static const char letters[] = "SMART";
	for (int k = 0; k < 5; k++) {
		bool lit = bits & (1u << k);
		char s[2] = {letters[k], 0};
		ui_text(y, cx[0] + 2 * k, 1, lit ? s : "·", lit ? ui_style(ST_LIT) : base, 0);
	}
	ui_text(y, cx[1], cw[1], *g->title ? g->title : _("(no title)"), base, 0);
	const struct strategy_goal *sg = g->strategy_goal ? model_sgoal(&ui->m, g->strategy_goal) : NULL;
	if (sg)
		ui_text(y, cx[2], cw[2], sg->title, base, 0);
	else
		ui_text(y, cx[2], cw[2], _("– none –"), base, 0);
	const size_t *c = ui_goal_indicator_counts(ui);
	size_t n = gi < vs->ncounts ? c[gi] : 0;
	ui_textf(y, cx[3], cw[3], n ? base : ui_style(ST_ALERT), UI_TEXT_RIGHT, "%zu", n);
	ui_text(y, cx[4], cw[4], vocab_label(VOCAB_GSTATUS, g->status), base, 0);
	if (vs->dots && g->votes)
		ui_textf(y, cx[5], cw[5], base, UI_TEXT_RIGHT, "●%d", g->votes);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	/* a line explaining the letters under the list */
	struct ui_rect lr = r;
	lr.h -= 2;
	vs->dots = ui->voting || ui_votes_total(ui) > 0;
	list_draw(&vs->lst, lr, cols, vs->dots ? 6 : 5, draw_row, ui,
		  _("No goals yet. Press n to add the first one: what should the measure "
		    "achieve, for whom, by when?"));
	ui_text(r.y + r.h - 1, r.x, r.w,
		_("S specific, M measurable, A achievable, R relevant, T time-bound; · = missing"),
		ui_style(ST_DIM), 0);
}

/* ------------------------------------------------------------ the form */

enum { GF_TITLE, GF_SPECIFIC, GF_MEASURABLE, GF_ACHIEVABLE, GF_RELEVANT, GF_SGOAL, GF_TIME, GF_STATUS };

static bool save_goal(struct ui *ui, struct form *fm, int64_t id)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	struct goal g;
	const struct goal *old = id ? model_goal(&ui->m, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This goal no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		goal_copy(&g, old);
	else
		goal_init(&g);
	str_take(&g.title, form_text(fm, GF_TITLE));
	str_take(&g.specific, form_text(fm, GF_SPECIFIC));
	str_take(&g.measurable, form_text(fm, GF_MEASURABLE));
	str_take(&g.achievable, form_text(fm, GF_ACHIEVABLE));
	str_take(&g.relevant, form_text(fm, GF_RELEVANT));
	g.strategy_goal = form_ref(fm, GF_SGOAL);
	free(g.time_bound);
	g.time_bound = form_date(fm, GF_TIME);
	g.status = form_choice(fm, GF_STATUS);
	bool ok = ui_store_ok(ui, store_save_goal(ui->s, &ui->m, &g));
	if (ok) {
		vs->sel_id = g.id;
		ui_status(ui, id ? _("Goal “%s” saved.") : _("Goal “%s” added."), g.title);
	}
	goal_free(&g);
	return ok;
}

void ui_goal_form(struct ui *ui, int64_t id)
{
	const struct goal *g = id ? model_goal(&ui->m, id) : NULL;
	struct goal empty;
	goal_init(&empty);
	if (!g)
		g = &empty;
	struct form *fm = form_new(id ? N_("Edit goal") : N_("New goal"), id ? g->title : NULL);
	form_add_text(fm, N_("Goal"), g->title, true);
	form_set_note(fm, GF_TITLE, N_("A short name the group will recognise."));
	form_add_longtext(fm, N_("Specific"), g->specific, false);
	form_set_note(fm, GF_SPECIFIC, N_("What exactly changes, and for whom?"));
	form_add_longtext(fm, N_("Measurable"), g->measurable, false);
	form_set_note(fm, GF_MEASURABLE, N_("How will you see it? Name the figure; step 2 holds the indicators."));
	form_add_longtext(fm, N_("Achievable"), g->achievable, false);
	form_set_note(fm, GF_ACHIEVABLE, N_("Why it is realistic with the people and money at hand."));
	form_add_longtext(fm, N_("Relevant"), g->relevant, false);
	form_set_note(fm, GF_RELEVANT, N_("Why it matters to the municipality."));
	form_add_ref(fm, N_("Strategy goal"), N_("– none –"));
	for (size_t i = 0; i < ui->m.sgoals.n; i++) {
		const struct strategy_goal *sg = MODEL_AT(ui->m.sgoals, struct strategy_goal, i);
		form_ref_option(fm, GF_SGOAL, sg->id, sg->title);
	}
	form_ref_set(fm, GF_SGOAL, g->strategy_goal);
	form_set_note(fm, GF_SGOAL,
		      ui->m.sgoals.n ? N_("The municipal strategy goal it serves; Space picks.")
				     : N_("No strategy goals yet: add them in step 0."));
	form_add_date(fm, N_("Time-bound"), g->time_bound, true);
	form_set_note(fm, GF_TIME, N_("By when? A date, e.g. 31.12.2027."));
	form_add_choice(fm, N_("Status"), VOCAB_GSTATUS, g->status);
	form_focus(fm, GF_TITLE);
	goal_free(&empty);
	ui_form_open(ui, fm, save_goal, id);
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_GOAL, id, _("Goal “%s” deleted (u undoes it)."));
}

void ui_goal_delete(struct ui *ui, int64_t id)
{
	const struct goal *g = model_goal(&ui->m, id);
	if (!g)
		return;
	long gi = table_index(&ui->m.goals, id);
	size_t n = gi >= 0 ? ui_goal_indicator_counts(ui)[gi] : 0;
	char q[600];
	if (n)
		snprintf(q, sizeof q,
			 ngettext("Delete goal “%s” and its %zu indicator?",
				  "Delete goal “%s” and its %zu indicators?", n),
			 g->title, n);
	else
		snprintf(q, sizeof q, _("Delete goal “%s”?"), g->title);
	ui_confirm(ui, q, delete_yes, id);
}

/* ------------------------------------------------------------ keys */

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	(void)k;
	const struct goal *g = selected(ui);
	if (list_move(&vs->lst, a)) {
		g = selected(ui);
		vs->sel_id = g ? g->id : 0;
		return UI_REDRAW | UI_HANDLED;
	}
	switch (a) {
	case ACT_NEW:
		ui_goal_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (!g)
			ui_goal_form(ui, 0);
		else
			ui_goal_form(ui, g->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (!g)
			return UI_UNHANDLED;
		ui_goal_delete(ui, g->id);
		return UI_REDRAW | UI_HANDLED;
	case ACT_SORT:
		vs->by_votes = !vs->by_votes;
		vs->sel_id = g ? g->id : 0;
		ui->synced_valid[STEP_GOALS] = false;
		ui_status(ui, "%s", vs->by_votes ? _("Goals ordered by votes, most first (o: usual order).")
						 : _("Goals in the usual order (o: by votes)."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static void remember_clicked(struct ui *ui)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	const struct goal *g = selected(ui);
	vs->sel_id = g ? g->id : 0;
}

static int click(struct ui *ui, int y, int x)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	(void)x;
	return ui_list_click(ui, &vs->lst, y, true, ACT_EDIT, remember_clicked);
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct goals_state *vs = ui_view_state(ui, STEP_GOALS);
	if (kind != ENT_GOAL)
		return false;
	long i = table_index(&ui->m.goals, id);
	if (i < 0)
		return false;
	vs->sel_id = id;
	list_select(&vs->lst, row_of(vs, (size_t)i));
	return true;
}

static const enum ui_action bar[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_UNDO, ACT_VOTE, ACT_NONE};
static const enum ui_action more[] = {ACT_VOTE_ADD, ACT_SORT, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct goal *g = selected(ui);
	*kind = ENT_GOAL;
	*id = g ? g->id : 0;
	return g != NULL;
}

const struct ui_view ui_view_goals = {
	.step = STEP_GOALS,
	.private_size = sizeof(struct goals_state),
	.done = done,
	.hint = hint,
	.help = N_("A goal says what the measure should achieve. Written the SMART way it can "
		   "later be checked: specific (what changes for whom), measurable (by which "
		   "figure), achievable (with the means at hand), relevant (tied to a goal of "
		   "the municipal strategy) and time-bound (by a date).\n\nGoals that serve a "
		   "strategy goal of the municipality make it easier to argue for keeping the "
		   "measure once the funding ends. Each goal needs at least one indicator in "
		   "step 2, and the indicator needs a baseline measured before the measure "
		   "starts; without it there is no evidence later."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
