/* ui_indicators.c — step 2: the indicators, grouped under their goals, each
 * with baseline → latest → target and an arrow for the direction. A missing
 * baseline is marked in words, so it shows without colour too. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

/* A row: a goal header or an indicator. */
struct irow {
	int64_t id;
	bool header;
};

struct indicators_state {
	struct list lst;
	struct irow *rows;
	size_t nrows, caprows;
	struct irow sel_row; /* kept selected across changes */
	size_t no_baseline;  /* indicators without a baseline */
	int64_t bare_goal;   /* first goal without an indicator */
	char hint_buf[512];
};

static void done(struct ui *ui)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	free(vs->rows);
}

static void sync(struct ui *ui)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	const struct model *m = &ui->m;
	const size_t *counts = ui_goal_indicator_counts(ui);
	size_t ng = m->goals.n, ni = m->indicators.n;
	/* where each goal's block starts: its header, then its indicators */
	size_t *start = xcalloc(ng + 1, sizeof *start);
	size_t pos = 0;
	for (size_t g = 0; g < ng; g++) {
		start[g] = pos;
		pos += 1 + counts[g];
	}
	vs->nrows = pos;
	xgrow((void **)&vs->rows, &vs->caprows, vs->nrows + 1, sizeof *vs->rows);
	size_t *fill = xcalloc(ng + 1, sizeof *fill);
	for (size_t g = 0; g < ng; g++) {
		vs->rows[start[g]] = (struct irow){MODEL_AT(m->goals, struct goal, g)->id, true};
		fill[g] = start[g] + 1;
	}
	vs->no_baseline = 0;
	vs->bare_goal = 0;
	for (size_t i = 0; i < ni; i++) {
		const struct indicator *in = MODEL_AT(m->indicators, struct indicator, i);
		long g = table_index(&m->goals, in->goal);
		if (g < 0)
			continue;
		vs->rows[fill[g]++] = (struct irow){in->id, false};
		if (!in->baseline.set)
			vs->no_baseline++;
	}
	for (size_t g = 0; g < ng && !vs->bare_goal; g++)
		if (!counts[g])
			vs->bare_goal = MODEL_AT(m->goals, struct goal, g)->id;
	free(start);
	free(fill);
	list_set_count(&vs->lst, vs->nrows);
	if (vs->sel_row.id) {
		for (size_t r = 0; r < vs->nrows; r++)
			if (vs->rows[r].id == vs->sel_row.id && vs->rows[r].header == vs->sel_row.header) {
				list_select(&vs->lst, r);
				break;
			}
	}
}

static const struct irow *selected(struct ui *ui)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	return vs->lst.n && vs->lst.sel < vs->nrows ? &vs->rows[vs->lst.sel] : NULL;
}

/* The goal the selection belongs to (0: none). */
static int64_t selected_goal(struct ui *ui)
{
	const struct irow *r = selected(ui);
	if (!r)
		return 0;
	if (r->header)
		return r->id;
	const struct indicator *in = model_indicator(&ui->m, r->id);
	return in ? in->goal : 0;
}

static const char *hint(struct ui *ui)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	char *buf = vs->hint_buf;
	if (ui->m.goals.n == 0)
		return _("No goals yet: add them in step 1 first (press 1).");
	if (ui->m.indicators.n == 0)
		return _("Select a goal and press n to add its first indicator.");
	if (vs->no_baseline) {
		snprintf(buf, sizeof vs->hint_buf,
			 ngettext("%zu indicator lacks a baseline: measure it now, or later "
				  "figures prove nothing.",
				  "%zu indicators lack a baseline: measure now, or later "
				  "figures prove nothing.",
				  vs->no_baseline),
			 vs->no_baseline);
		return buf;
	}
	if (vs->bare_goal) {
		const struct goal *g = model_goal(&ui->m, vs->bare_goal);
		snprintf(buf, sizeof vs->hint_buf, _("Select the goal and press n; it has no indicator yet: “%s”."),
			 g ? g->title : "");
		return buf;
	}
	return _("Every goal has indicators with a baseline. Next: 3 Stakeholders.");
}

/* ------------------------------------------------------------ drawing */

static const struct list_col cols[] = {
	{N_("Indicator"), -3, 10},
	{N_("Baseline → latest → target"), 26, 0},
	{N_("Unit"), 9, 0},
	{N_("Owner"), -2, 8},
};

/* Draws a value or a dash; returns the columns used. */
static int put_value(int y, int x, int w, struct optnum v, attr_t a)
{
	char s[64];
	if (v.set)
		i18n_number(v.v, i18n_lang(), s);
	else
		snprintf(s, sizeof s, "–");
	return ui_text(y, x, w, s, a, 0);
}

static void value_text(struct optnum v, char *s, size_t n)
{
	if (v.set)
		i18n_number(v.v, i18n_lang(), s);
	else
		snprintf(s, n, "–");
}

/* direction, baseline → latest → target; when the column is narrow the
 * baseline is cut, never the target */
static void draw_values(const struct indicator *in, int y, int x, int w, attr_t base)
{
	int end = x + w;
	int used = ui_text(y, x, end - x, in->direction == DIR_LOWER ? "↓ " : "↑ ", base | A_BOLD, 0);
	x += used;
	char latest[64], target[64], tail[160];
	value_text(in->latest, latest, sizeof latest);
	value_text(in->target, target, sizeof target);
	snprintf(tail, sizeof tail, " → %s → %s", latest, target);
	int room = end - x - ui_width(tail);
	if (room < 1)
		room = 1;
	if (in->baseline.set)
		x += put_value(y, x, room, in->baseline, base);
	else
		x += ui_text(y, x, room, _("no baseline"), ui_style(ST_ALERT), 0);
	ui_text(y, x, end - x, tail, base, 0);
}

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	const struct irow *r = &vs->rows[row];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	if (r->header) {
		const struct goal *g = model_goal(&ui->m, r->id);
		if (!g)
			return;
		long gi = table_index(&ui->m.goals, g->id);
		size_t n = gi >= 0 ? ui_goal_indicator_counts(ui)[gi] : 0;
		int total = cx[3] + cw[3] - cx[0];
		int used = ui_textf(y, cx[0], total, base | A_BOLD, 0, "%s %s", _("Goal:"),
				    *g->title ? g->title : _("(no title)"));
		if (!n)
			ui_text(y, cx[0] + used + 2, total - used - 2,
				_("– no indicator yet, n adds one"), sel ? base : ui_style(ST_WARN), 0);
		return;
	}
	const struct indicator *in = model_indicator(&ui->m, r->id);
	if (!in)
		return;
	ui_text(y, cx[0] + 2, cw[0] - 2, *in->name ? in->name : _("(no name)"), base, 0);
	draw_values(in, y, cx[1], cw[1], base);
	ui_text(y, cx[2], cw[2], in->unit, base, 0);
	const struct stakeholder *o = in->owner ? model_stakeholder(&ui->m, in->owner) : NULL;
	if (o)
		ui_text(y, cx[3], cw[3], o->name, base, 0);
	else
		ui_text(y, cx[3], cw[3], _("– nobody –"), sel ? base : ui_style(ST_WARN), 0);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	list_draw(&vs->lst, r, cols, 4, draw_row, ui,
		  _("No goals yet, so no indicators. Add the goals in step 1 (press 1), then "
		    "come back and press n."));
}

/* ------------------------------------------------------------ the form */

enum {
	IF_NAME,
	IF_GOAL,
	IF_UNIT,
	IF_DIRECTION,
	IF_BASELINE,
	IF_BASELINE_DATE,
	IF_TARGET,
	IF_TARGET_DATE,
	IF_LATEST,
	IF_LATEST_DATE,
	IF_SOURCE,
	IF_METHOD,
	IF_FREQUENCY,
	IF_OWNER
};

static bool save_indicator(struct ui *ui, struct form *fm, int64_t id)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	struct indicator in;
	const struct indicator *old = id ? model_indicator(&ui->m, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This indicator no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		indicator_copy(&in, old);
	else
		indicator_init(&in);
	str_take(&in.name, form_text(fm, IF_NAME));
	in.goal = form_ref(fm, IF_GOAL);
	str_take(&in.unit, form_text(fm, IF_UNIT));
	in.direction = form_choice(fm, IF_DIRECTION);
	in.baseline = form_number(fm, IF_BASELINE);
	str_take(&in.baseline_date, form_date(fm, IF_BASELINE_DATE));
	in.target = form_number(fm, IF_TARGET);
	str_take(&in.target_date, form_date(fm, IF_TARGET_DATE));
	in.latest = form_number(fm, IF_LATEST);
	str_take(&in.latest_date, form_date(fm, IF_LATEST_DATE));
	str_take(&in.source, form_text(fm, IF_SOURCE));
	str_take(&in.method, form_text(fm, IF_METHOD));
	str_take(&in.frequency, form_text(fm, IF_FREQUENCY));
	in.owner = form_ref(fm, IF_OWNER);
	bool ok = ui_store_ok(ui, store_save_indicator(ui->s, &ui->m, &in));
	if (ok) {
		vs->sel_row = (struct irow){in.id, false};
		ui_status(ui, id ? _("Indicator “%s” saved.") : _("Indicator “%s” added."), in.name);
	}
	indicator_free(&in);
	return ok;
}

void ui_indicator_form(struct ui *ui, int64_t id, int64_t goal)
{
	const struct model *m = &ui->m;
	if (m->goals.n == 0) {
		ui_error(ui, "%s", _("An indicator measures a goal: add a goal in step 1 first."));
		return;
	}
	const struct indicator *in = id ? model_indicator(m, id) : NULL;
	struct indicator empty;
	indicator_init(&empty);
	if (!in) {
		empty.goal = goal;
		in = &empty;
	}
	struct form *fm = form_new(id ? N_("Edit indicator") : N_("New indicator"),
				   id ? in->name : NULL);
	form_add_text(fm, N_("Indicator"), in->name, true);
	form_set_note(fm, IF_NAME, N_("What is counted or asked, e.g. “active users per month”."));
	form_add_ref(fm, N_("Goal"), NULL);
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		form_ref_option(fm, IF_GOAL, g->id, g->title);
	}
	form_ref_set(fm, IF_GOAL, in->goal);
	form_set_note(fm, IF_GOAL, N_("The goal this indicator measures; Space picks."));
	form_add_text(fm, N_("Unit"), in->unit, false);
	form_add_choice(fm, N_("Direction"), VOCAB_DIRECTION, in->direction);
	form_set_note(fm, IF_DIRECTION, N_("Is a higher or a lower value the better one?"));
	form_add_number(fm, N_("Baseline"), in->baseline);
	form_set_note(fm, IF_BASELINE, N_("The value before the measure started: the basis of every later comparison."));
	form_add_date(fm, N_("Baseline date"), in->baseline_date, false);
	form_add_number(fm, N_("Target"), in->target);
	form_add_date(fm, N_("Target date"), in->target_date, false);
	form_add_number(fm, N_("Latest value"), in->latest);
	form_add_date(fm, N_("Date of latest value"), in->latest_date, false);
	form_add_text(fm, N_("Data source"), in->source, false);
	form_set_note(fm, IF_SOURCE, N_("Where the figure comes from (system, survey, office)."));
	form_add_longtext(fm, N_("Method"), in->method, false);
	form_set_note(fm, IF_METHOD, N_("Count, survey, expert rating, …"));
	form_add_text(fm, N_("Frequency"), in->frequency, false);
	form_set_note(fm, IF_FREQUENCY, N_("How often it is measured, e.g. monthly or yearly."));
	form_add_ref(fm, N_("Owner"),
		     m->stakeholders.n ? N_("– nobody –")
				       : N_("– nobody yet: add stakeholders in step 3 –"));
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
		form_ref_option(fm, IF_OWNER, s->id, s->name);
	}
	form_ref_set(fm, IF_OWNER, in->owner);
	form_set_note(fm, IF_OWNER,
		      m->stakeholders.n ? N_("Who measures and reports it; Space picks.")
					: N_("Nobody to pick yet: stakeholders come in step 3."));
	form_focus(fm, IF_NAME);
	indicator_free(&empty);
	ui_form_open(ui, fm, save_indicator, id);
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_INDICATOR, id, _("Indicator “%s” deleted (u undoes it)."));
}

void ui_indicator_delete(struct ui *ui, int64_t id)
{
	const struct indicator *in = model_indicator(&ui->m, id);
	if (!in)
		return;
	char q[600];
	snprintf(q, sizeof q, _("Delete indicator “%s”?"), in->name);
	ui_confirm(ui, q, delete_yes, id);
}

/* ------------------------------------------------------------ keys */

static void remember_selection(struct ui *ui)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	const struct irow *r = selected(ui);
	vs->sel_row = r ? *r : (struct irow){0, false};
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	(void)k;
	if (list_move(&vs->lst, a)) {
		remember_selection(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	const struct irow *r = selected(ui);
	switch (a) {
	case ACT_NEW:
		ui_indicator_form(ui, 0, selected_goal(ui));
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (!r)
			ui_indicator_form(ui, 0, 0);
		else if (r->header)
			ui_goal_form(ui, r->id);
		else
			ui_indicator_form(ui, r->id, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (!r)
			return UI_UNHANDLED;
		if (r->header)
			ui_goal_delete(ui, r->id);
		else
			ui_indicator_delete(ui, r->id);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int click(struct ui *ui, int y, int x)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	(void)x;
	return ui_list_click(ui, &vs->lst, y, true, ACT_EDIT, remember_selection);
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct indicators_state *vs = ui_view_state(ui, STEP_INDICATORS);
	if (kind != ENT_INDICATOR && kind != ENT_GOAL)
		return false;
	for (size_t r = 0; r < vs->nrows; r++)
		if (vs->rows[r].id == id && vs->rows[r].header == (kind == ENT_GOAL)) {
			list_select(&vs->lst, r);
			remember_selection(ui);
			return true;
		}
	return false;
}

static const enum ui_action bar[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_UNDO, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct irow *r = selected(ui);
	if (!r)
		return false;
	*kind = r->header ? ENT_GOAL : ENT_INDICATOR;
	*id = r->id;
	return true;
}

const struct ui_view ui_view_indicators = {
	.step = STEP_INDICATORS,
	.private_size = sizeof(struct indicators_state),
	.done = done,
	.hint = hint,
	.help = N_("Indicators (KPIs, or key results in the OKR way) make the goals "
		   "checkable. Each one names what is measured, in which unit and direction, "
		   "where the data comes from, how often, and who is in charge of it.\n\n"
		   "The baseline is the value before the measure starts. Without it there is "
		   "nothing to compare with when the decision about keeping the measure is "
		   "due, so measure it now, even roughly. Latest and "
		   "target values then show how far the measure has come. Counting, surveys "
		   "and expert ratings are all valid methods."),
	.bar = bar,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
