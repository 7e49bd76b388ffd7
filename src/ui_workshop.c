/* ui_workshop.c — step 0: the measure's data, the municipal strategy goals
 * it serves, and the agenda (timebox minutes per step, with the planned and
 * the projected end of each step once clocks have run over).
 *
 * Three parts share the screen, each a list: the measure (left), the
 * strategy goals (right) and the agenda (below). Up/Down move inside a part
 * and on into the next; Left/Right go between measure and strategy goals. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "figures.h"
#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

enum part { PART_MEASURE, PART_SGOALS, PART_AGENDA };

/* The measure's fields, in the order of the list and the form. */
enum { WF_TITLE, WF_MUNICIPALITY, WF_FIELD, WF_FUNDING_END, WF_RATE, WF_FIRST_YEAR, WF_PHASE,
       WF_FACILITATOR, WF_PARTICIPANTS, WF_DOC_STATUS, WF_REQUEST, WF_OFFICE, WF_COUNT };

static const char *const field_labels[WF_COUNT] = {
	N_("Measure"),	    N_("Municipality"),	     N_("Field of action"),
	N_("Funding ends"), N_("Funding rate"),	     N_("First budget year"),
	N_("Phase"),	    N_("Facilitator"),	     N_("Participants"),
	N_("Council paper"), N_("Council is asked to"), N_("Responsible office"),
};

struct workshop_state {
	enum part part;
	struct list lm, ls, la; /* measure, strategy goals, agenda */
	int64_t sel_sgoal;
	size_t *linked; /* goals linked to each strategy goal (by index) */
	/* agenda rows need the projection; computed once per draw */
	long plan_end[STEP_COUNT], proj_end[STEP_COUNT], start_epoch;
	char hint_buf[512];
};

static void init(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	vs->part = PART_MEASURE;
	list_init(&vs->lm);
	list_init(&vs->ls);
	list_init(&vs->la);
	list_set_count(&vs->lm, WF_COUNT);
	list_set_count(&vs->la, STEP_COUNT);
}

static void done(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	free(vs->linked);
}

static void sync(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	const struct model *m = &ui->m;
	list_set_count(&vs->ls, m->sgoals.n);
	if (vs->sel_sgoal) {
		long i = table_index(&m->sgoals, vs->sel_sgoal);
		if (i >= 0)
			list_select(&vs->ls, (size_t)i);
	}
	free(vs->linked);
	vs->linked = xcalloc(m->sgoals.n + 1, sizeof *vs->linked);
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		long k = g->strategy_goal ? table_index(&m->sgoals, g->strategy_goal) : -1;
		if (k >= 0)
			vs->linked[k]++;
	}
	if (vs->part == PART_SGOALS && m->sgoals.n == 0)
		vs->part = PART_MEASURE;
}

static const char *hint(struct ui *ui)
{
	const struct workshop *w = &ui->m.ws;
	if (str_empty(w->title))
		return _("Start with the measure: its title is selected, press Enter.");
	if (str_empty(w->municipality))
		return _("Add the municipality: select it and press Enter.");
	if (ui->m.sgoals.n == 0)
		return _("Press n to add the municipal strategy goals the measure serves.");
	if (str_empty(w->funding_end))
		return _("Enter the date the funding ends: costs after that date need a payer.");
	if (!w->funding_rate.set && ui->m.costs.n)
		return _("Enter the funding rate: the share of eligible costs the grant pays.");
	return _("Set the minutes per step in the agenda (+/-), then go to 1 Goals (press 1).");
}

/* ------------------------------------------------------------ drawing */

static void field_value(const struct model *m, int f, char *buf, size_t n)
{
	const struct workshop *w = &m->ws;
	switch (f) {
	case WF_TITLE:
		snprintf(buf, n, "%s", w->title);
		break;
	case WF_MUNICIPALITY:
		snprintf(buf, n, "%s", w->municipality);
		break;
	case WF_FIELD:
		snprintf(buf, n, "%s", w->field);
		break;
	case WF_FUNDING_END: {
		char d[32];
		i18n_date(w->funding_end, i18n_lang(), d);
		snprintf(buf, n, "%s", d);
		break;
	}
	case WF_RATE: {
		char num[64];
		i18n_number(w->funding_rate.v, i18n_lang(), num);
		snprintf(buf, n, w->funding_rate.set ? "%s %%" : "", num);
		break;
	}
	case WF_FIRST_YEAR:
		if (w->first_budget_year)
			snprintf(buf, n, "%d", w->first_budget_year);
		else if (figures_first_budget_year(m))
			/* the default: the year after the funding end */
			snprintf(buf, n, _("%d (the year after the funding end)"),
				 figures_first_budget_year(m));
		else
			snprintf(buf, n, "%s", "");
		break;
	case WF_PHASE:
		snprintf(buf, n, "%s", vocab_label(VOCAB_PHASE, w->phase));
		break;
	case WF_FACILITATOR:
		snprintf(buf, n, "%s", w->facilitator);
		break;
	case WF_DOC_STATUS:
		snprintf(buf, n, "%s", vocab_label(VOCAB_DOC_STATUS, w->doc_status));
		break;
	case WF_REQUEST:
		snprintf(buf, n, "%s", w->council_request);
		break;
	case WF_OFFICE:
		snprintf(buf, n, "%s", w->office);
		break;
	default:
		snprintf(buf, n, "%s", w->participants);
		break;
	}
}

static void draw_measure_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], _(field_labels[row]), base, 0);
	char v[1024];
	field_value(&ui->m, (int)row, v, sizeof v);
	if (*v)
		ui_text(y, cx[1], cw[1], v, base | A_BOLD, 0);
	else
		ui_text(y, cx[1], cw[1], "–", base, 0);
}

static void draw_sgoal_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	const struct strategy_goal *sg = MODEL_AT(ui->m.sgoals, struct strategy_goal, row);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], *sg->title ? sg->title : _("(no title)"), base, 0);
	size_t n = vs->linked && row < ui->m.sgoals.n ? vs->linked[row] : 0;
	ui_textf(y, cx[1], cw[1], base, UI_TEXT_RIGHT, "%zu", n);
}

static void clock_time(long epoch, char *buf, size_t n)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	localtime_r(&t, &tm);
	snprintf(buf, n, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

static void draw_agenda_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	int s = (int)row;
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	char name[64], used[24], t1[16], t2[16];
	ui_step_name((enum step)s, name, sizeof name);
	bool running = ui->clock[s].started != 0;
	long now = ui_now();
	long u = ui_clock_used(ui, s, now);
	bool over = ui->m.agenda[s] > 0 && u > (long)ui->m.agenda[s] * 60;
	ui_text(y, cx[0], cw[0], name, base | (running ? A_BOLD : 0), 0);
	ui_textf(y, cx[1], cw[1], base, UI_TEXT_RIGHT, "%d", ui->m.agenda[s]);
	ui_clock_format(u, used, sizeof used);
	if (u == 0 && !running)
		snprintf(used, sizeof used, "–");
	else if (over)
		strcat(used, "!"); /* a marker besides the colour */
	ui_text(y, cx[2], cw[2], used, over && !sel ? ui_style(ST_ALERT) : base, UI_TEXT_RIGHT);
	const char *state = running ? _("running") : over ? _("over") : "";
	ui_text(y, cx[3], cw[3], state, running || over ? base | A_BOLD : base, 0);
	clock_time(vs->start_epoch + vs->plan_end[s], t1, sizeof t1);
	clock_time(vs->start_epoch + vs->proj_end[s], t2, sizeof t2);
	ui_text(y, cx[4], cw[4], t1, base, UI_TEXT_RIGHT);
	long shift = (vs->proj_end[s] - vs->plan_end[s] + 59) / 60;
	if (shift > 0)
		ui_textf(y, cx[5], cw[5], sel ? base : ui_style(ST_WARN), UI_TEXT_RIGHT, "%s +%ld", t2,
			 shift);
	else
		ui_text(y, cx[5], cw[5], t2, base, UI_TEXT_RIGHT);
}

static const struct list_col measure_cols[] = {{N_("The measure"), 20, 0}, {NULL, -1, 8}};
static const struct list_col sgoal_cols[] = {{N_("Municipal strategy goals"), -1, 10},
					     {N_("Goals"), 5, 0}};
static const struct list_col agenda_cols[] = {
	{N_("Agenda"), -1, 14},	 {N_("Min."), 4, 0},	  {N_("Used"), 8, 0},
	{N_("Clock"), 9, 0},	 {N_("Planned end"), 11, 0}, {N_("Expected end"), 14, 0},
};

static void draw(struct ui *ui, struct ui_rect r)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	vs->lm.passive = vs->part != PART_MEASURE;
	vs->ls.passive = vs->part != PART_SGOALS;
	vs->la.passive = vs->part != PART_AGENDA;
	int agenda_h = STEP_COUNT + 1;
	int top_h = r.h - agenda_h - 1;
	/* on a tall screen the agenda follows right after the strategy goals */
	int want = (int)vs->ls.n + 2 > WF_COUNT + 1 ? (int)vs->ls.n + 2 : WF_COUNT + 1;
	if (top_h > want)
		top_h = want;
	if (top_h < 4) {
		top_h = 4;
		agenda_h = r.h - top_h - 1;
	}
	int left_w = r.w * 11 / 20;
	struct ui_rect mr = {r.y, r.x, top_h, left_w};
	struct ui_rect sr = {r.y, r.x + left_w + 2, top_h, r.w - left_w - 2};
	struct ui_rect ar = {r.y + top_h + 1, r.x, agenda_h, r.w};
	list_draw(&vs->lm, mr, measure_cols, 2, draw_measure_row, ui, NULL);
	list_draw(&vs->ls, sr, sgoal_cols, 2, draw_sgoal_row, ui,
		  _("None yet. Press n to add a goal of the municipal strategy (for example "
		    "from the Smart City strategy)."));
	ui_clock_agenda(ui, ui_now(), vs->plan_end, vs->proj_end, &vs->start_epoch);
	list_draw(&vs->la, ar, agenda_cols, 6, draw_agenda_row, ui, NULL);
}

/* ------------------------------------------------------------ forms */

static bool save_workshop(struct ui *ui, struct form *fm, int64_t id)
{
	(void)id;
	struct workshop w;
	workshop_copy(&w, &ui->m.ws);
	char **texts[WF_COUNT] = {
		[WF_TITLE] = &w.title,		   [WF_MUNICIPALITY] = &w.municipality,
		[WF_FIELD] = &w.field,		   [WF_FACILITATOR] = &w.facilitator,
		[WF_PARTICIPANTS] = &w.participants, [WF_REQUEST] = &w.council_request,
		[WF_OFFICE] = &w.office,
	};
	struct optnum rate = form_number(fm, WF_RATE);
	if (rate.set && !(rate.v >= 0 && rate.v <= 100)) {
		form_set_error(fm, WF_RATE, _("Type a percentage from 0 to 100, or leave it empty."));
		workshop_free(&w);
		return false;
	}
	long first = form_int(fm, WF_FIRST_YEAR);
	if (first != 0 && (first < 1900 || first > 9999)) {
		form_set_error(fm, WF_FIRST_YEAR, _("Type a year from 1900 to 9999, or 0 for none."));
		workshop_free(&w);
		return false;
	}
	w.funding_rate = rate;
	w.first_budget_year = (int)first;
	for (int f = 0; f < WF_COUNT; f++)
		if (texts[f]) {
			free(*texts[f]);
			*texts[f] = form_text(fm, f);
		}
	free(w.funding_end);
	w.funding_end = form_date(fm, WF_FUNDING_END);
	w.phase = form_choice(fm, WF_PHASE);
	w.doc_status = form_choice(fm, WF_DOC_STATUS);
	bool ok = ui_store_ok(ui, store_save_workshop(ui->s, &ui->m, &w));
	if (ok)
		ui_status(ui, "%s", _("The measure's data is saved."));
	workshop_free(&w);
	return ok;
}

static void workshop_form(struct ui *ui, int focus)
{
	const struct workshop *w = &ui->m.ws;
	struct form *fm = form_new(N_("The measure"), NULL);
	form_add_text(fm, field_labels[WF_TITLE], w->title, false);
	form_set_note(fm, WF_TITLE, N_("The measure's name as the council knows it."));
	form_add_text(fm, field_labels[WF_MUNICIPALITY], w->municipality, false);
	form_add_text(fm, field_labels[WF_FIELD], w->field, false);
	form_set_note(fm, WF_FIELD, N_("E.g. mobility, environment, participation, administration."));
	form_add_date(fm, field_labels[WF_FUNDING_END], w->funding_end, false);
	form_set_note(fm, WF_FUNDING_END, N_("The last day of the funding, e.g. 31.12.2026."));
	form_add_number(fm, field_labels[WF_RATE], w->funding_rate);
	form_set_note(fm, WF_RATE, N_("Percent of the eligible costs the grant pays, e.g. 65; the "
				      "rest is the own share."));
	form_add_int(fm, field_labels[WF_FIRST_YEAR], w->first_budget_year, 0, 9999);
	form_set_note(fm, WF_FIRST_YEAR, N_("The first budget year that must carry the costs after "
					    "the funding; 0: the year after the funding end."));
	form_add_choice(fm, field_labels[WF_PHASE], VOCAB_PHASE, w->phase);
	form_add_text(fm, field_labels[WF_FACILITATOR], w->facilitator, false);
	form_add_text(fm, field_labels[WF_PARTICIPANTS], w->participants, false);
	form_set_note(fm, WF_PARTICIPANTS, N_("Who takes part today, separated by commas."));
	form_add_choice(fm, field_labels[WF_DOC_STATUS], VOCAB_DOC_STATUS, w->doc_status);
	form_set_note(fm, WF_DOC_STATUS, N_("Draft while the group works; final when the results "
					    "go to the council."));
	form_add_longtext(fm, field_labels[WF_REQUEST], w->council_request, false);
	form_set_note(fm, WF_REQUEST, N_("The decision the council is asked to take, e.g. to continue "
					 "the measure from 2028 and carry its running costs."));
	form_add_text(fm, field_labels[WF_OFFICE], w->office, false);
	form_set_note(fm, WF_OFFICE, N_("The office that submits the paper; the workbook names it as "
					"its author."));
	form_focus(fm, focus);
	ui_form_open(ui, fm, save_workshop, 0);
}

static bool save_sgoal(struct ui *ui, struct form *fm, int64_t id)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	struct strategy_goal sg = {id, form_text(fm, 0)};
	bool ok = ui_store_ok(ui, store_save_sgoal(ui->s, &ui->m, &sg));
	if (ok) {
		vs->sel_sgoal = sg.id;
		vs->part = PART_SGOALS;
		ui_status(ui, id ? _("Strategy goal “%s” saved.") : _("Strategy goal “%s” added."),
			  sg.title);
	}
	free(sg.title);
	return ok;
}

static void sgoal_form(struct ui *ui, int64_t id)
{
	const struct strategy_goal *sg = id ? model_sgoal(&ui->m, id) : NULL;
	struct form *fm = form_new(id ? N_("Edit strategy goal") : N_("New strategy goal"),
				   sg ? sg->title : NULL);
	form_add_text(fm, N_("Strategy goal"), sg ? sg->title : "", true);
	form_set_note(fm, 0, N_("A goal of the municipal strategy, as the strategy words it."));
	form_focus(fm, 0);
	ui_form_open(ui, fm, save_sgoal, id);
}

static bool save_minutes(struct ui *ui, struct form *fm, int64_t step)
{
	return ui_store_ok(ui, store_set_agenda(ui->s, &ui->m, (int)step, (int)form_int(fm, 0)));
}

static void minutes_form(struct ui *ui, int step)
{
	char name[64];
	ui_step_name((enum step)step, name, sizeof name);
	struct form *fm = form_new(N_("Timebox"), name);
	form_add_int(fm, N_("Minutes"), ui->m.agenda[step], 0, 999);
	form_set_note(fm, 0, N_("0 means no timebox for this step."));
	form_focus(fm, 0);
	ui_form_open(ui, fm, save_minutes, step);
}

static void add_minutes(struct ui *ui, int step, int delta)
{
	int v = ui->m.agenda[step] + delta;
	if (v < 0)
		v = 0;
	if (v > 999)
		v = 999;
	if (v == ui->m.agenda[step])
		return;
	if (ui_store_ok(ui, store_set_agenda(ui->s, &ui->m, step, v))) {
		char name[64];
		ui_step_name((enum step)step, name, sizeof name);
		ui_status(ui, _("%s: %d minutes."), name, v);
	}
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_SGOAL, id, _("Strategy goal “%s” deleted (u undoes it)."));
}

static void sgoal_delete(struct ui *ui, int64_t id)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	const struct strategy_goal *sg = model_sgoal(&ui->m, id);
	if (!sg)
		return;
	long i = table_index(&ui->m.sgoals, id);
	size_t n = i >= 0 && vs->linked ? vs->linked[i] : 0;
	char q[600];
	if (n)
		snprintf(q, sizeof q,
			 ngettext("Delete strategy goal “%s”? %zu goal loses its link to it.",
				  "Delete strategy goal “%s”? %zu goals lose their link to it.", n),
			 sg->title, n);
	else
		snprintf(q, sizeof q, _("Delete strategy goal “%s”?"), sg->title);
	ui_confirm(ui, q, delete_yes, id);
}

/* ------------------------------------------------------------ keys */

static struct list *current(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	return vs->part == PART_MEASURE ? &vs->lm : vs->part == PART_SGOALS ? &vs->ls : &vs->la;
}

/* Up/Down at the edge of a part go on into the next one. */
static bool part_move(struct ui *ui, enum ui_action a)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	struct list *l = current(ui);
	if (a == ACT_DOWN && (l->n == 0 || l->sel + 1 >= l->n) && vs->part != PART_AGENDA) {
		vs->part = PART_AGENDA;
		list_select(&vs->la, 0);
		return true;
	}
	if (a == ACT_UP && l->sel == 0 && vs->part == PART_AGENDA) {
		vs->part = PART_MEASURE;
		list_select(&vs->lm, WF_COUNT - 1);
		return true;
	}
	if (a == ACT_RIGHT && vs->part == PART_MEASURE) {
		if (ui->m.sgoals.n)
			vs->part = PART_SGOALS;
		return true;
	}
	if (a == ACT_LEFT && vs->part == PART_SGOALS) {
		vs->part = PART_MEASURE;
		return true;
	}
	if (!list_move(l, a))
		return a == ACT_LEFT || a == ACT_RIGHT;
	if (vs->part == PART_SGOALS && vs->ls.n)
		vs->sel_sgoal = MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id;
	return true;
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	(void)k;
	if (part_move(ui, a))
		return UI_REDRAW | UI_HANDLED;
	switch (a) {
	case ACT_NEW:
		sgoal_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (vs->part == PART_MEASURE)
			workshop_form(ui, (int)vs->lm.sel);
		else if (vs->part == PART_SGOALS && vs->ls.n)
			sgoal_form(ui, MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id);
		else if (vs->part == PART_AGENDA)
			minutes_form(ui, (int)vs->la.sel);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (vs->part == PART_SGOALS && vs->ls.n)
			sgoal_delete(ui, MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id);
		else
			ui_status(ui, "%s",
				  _("Only strategy goals can be deleted here; to empty a field, edit "
				    "it (Enter)."));
		return UI_REDRAW | UI_HANDLED;
	case ACT_MORE:
	case ACT_LESS:
		if (vs->part != PART_AGENDA) {
			ui_status(ui, "%s", _("+ and - change the minutes of the agenda row selected."));
			return UI_REDRAW | UI_HANDLED;
		}
		add_minutes(ui, (int)vs->la.sel, a == ACT_MORE ? 5 : -5);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

/* After a click selected a row of the part in focus. */
static void clicked(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	if (vs->part == PART_SGOALS)
		vs->sel_sgoal = MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id;
}

static int click(struct ui *ui, int y, int x)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	(void)x;
	struct list *lists[3] = {&vs->lm, &vs->ls, &vs->la};
	for (int p = 0; p < 3; p++) {
		long row = list_hit(lists[p], y);
		if (row < 0)
			continue;
		/* the measure and the strategy goals share lines: decide by column */
		if (p < 2 && ((p == 0) != (x < ui->content.x + ui->content.w * 11 / 20)))
			continue;
		bool active = (enum part)p == vs->part;
		vs->part = (enum part)p;
		return ui_list_click(ui, lists[p], y, active, ACT_EDIT, clicked);
	}
	return UI_UNHANDLED;
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	if (kind == ENT_SGOAL) {
		long i = table_index(&ui->m.sgoals, id);
		if (i < 0)
			return false;
		vs->part = PART_SGOALS;
		vs->sel_sgoal = id;
		list_select(&vs->ls, (size_t)i);
		return true;
	}
	if (kind == ENT_WORKSHOP) {
		vs->part = PART_MEASURE;
		return true;
	}
	return false;
}

static const enum ui_action bar[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_UNDO, ACT_NONE};
static const enum ui_action more[] = {ACT_MORE, ACT_LESS, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	if (vs->part != PART_SGOALS || !vs->ls.n || vs->ls.sel >= ui->m.sgoals.n)
		return false;
	*kind = ENT_SGOAL;
	*id = MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id;
	return true;
}

const struct ui_view ui_view_workshop = {
	.step = STEP_WORKSHOP,
	.private_size = sizeof(struct workshop_state),
	.init = init,
	.done = done,
	.hint = hint,
	.help = N_("Here the group agrees what the measure is, who sits at the table and how "
		   "much time each step gets. Note when the funding ends: everything the "
		   "measure needs after that date has to be carried by someone else.\n\n"
		   "The strategy goals are the municipality's own goals (from its Smart City "
		   "or urban development strategy). Measures that visibly serve them are "
		   "easier to keep. Each goal in step 1 links to one of them. Left and Right "
		   "go between the measure and the strategy goals.\n\n"
		   "The agenda gives every step a timebox. F5 starts the clock of the step on "
		   "screen; when a step runs over, the expected end of the steps after it "
		   "moves back, so the group can decide what to shorten."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
