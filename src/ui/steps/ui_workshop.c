/* ui_workshop.c — step 0: the measure's data, the municipal strategy goals
 * it serves, and the agenda: the steps' timeboxes and the blocks that are
 * no step (welcome, break, wrap-up), each with its planned start and end as
 * times of day from the session's start time, the minutes its clock used,
 * and the end to expect once clocks have run over (src/agenda.c).
 *
 * Three parts share the screen, each a list: the measure (left), the
 * strategy goals (right) and the agenda (below). Up/Down move inside a part
 * and on into the next; Left/Right go between measure and strategy goals. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda.h"
#include "figures.h"
#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

enum part { PART_MEASURE, PART_SGOALS, PART_AGENDA };

/* The measure's fields, in the order of the list and the form. */
enum { WF_TITLE, WF_MUNICIPALITY, WF_FIELD, WF_FUNDING_END, WF_RATE, WF_FIRST_YEAR, WF_PHASE,
       WF_FACILITATOR, WF_PARTICIPANTS, WF_DOC_STATUS, WF_REQUEST, WF_OFFICE, WF_START,
       WF_BELL, WF_COUNT };

static const char *const field_labels[WF_COUNT] = {
	N_("Measure"),	    N_("Municipality"),	     N_("Field of action"),
	N_("Funding ends"), N_("Funding rate"),	     N_("First budget year"),
	N_("Phase"),	    N_("Facilitator"),	     N_("Participants"),
	N_("Council paper"), N_("Council is asked to"), N_("Responsible office"),
	N_("Session starts"), N_("Bell at timebox end"),
};

struct workshop_state {
	enum part part;
	struct list lm, ls, la; /* measure, strategy goals, agenda */
	int64_t sel_sgoal;
	size_t *linked; /* goals linked to each strategy goal (by index) */
	/* the agenda's rows (a step or a block, then the session's end) and
	 * the minute of the day it starts at; built before every draw and key */
	struct agenda ag;
	int start_minute;
	size_t new_at;	/* the row a new block's form puts it before */
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
	list_set_count(&vs->la, STEP_COUNT + 1);
}

static void done(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	free(vs->linked);
	agenda_free(&vs->ag);
}

/* Builds the agenda's rows and its start: the workshop's start time, or,
 * without one, as long ago as the clocks have run. */
static void agenda_update(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	long used[STEP_COUNT];
	long now = ui_now();
	long total = ui_clock_used_all(ui, now, used);
	agenda_free(&vs->ag);
	agenda_build(&ui->m, used, &vs->ag);
	list_set_count(&vs->la, vs->ag.n + 1);
	vs->start_minute = agenda_start_minute(&ui->m.ws);
	if (vs->start_minute < 0) {
		time_t t = (time_t)(now - total);
		struct tm tm;
		localtime_r(&t, &tm);
		vs->start_minute = tm.tm_hour * 60 + tm.tm_min;
	}
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
	agenda_update(ui);
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
	if (str_empty(w->start_time))
		return _("Enter when the session starts (Session starts): the agenda then shows "
			 "the times of day.");
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
	case WF_START:
		snprintf(buf, n, "%s", w->start_time);
		break;
	case WF_BELL:
		snprintf(buf, n, "%s", vocab_label(VOCAB_YESNO, w->bell ? YN_YES : YN_NO));
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

/* A row's name: the step's, or the block's title after its kind. */
static void row_name(const struct ui *ui, const struct agenda_row *r, char *buf, size_t n)
{
	if (!r->block) {
		ui_step_name((enum step)r->step, buf, n);
		return;
	}
	const struct agenda_block *b = MODEL_FIND(ui->m.blocks, struct agenda_block, r->id);
	const char *kind = vocab_label(VOCAB_BLOCK, b ? b->kind : BLOCK_OTHER);
	if (b && !str_empty(b->title))
		snprintf(buf, n, "· %s: %s", kind, b->title);
	else
		snprintf(buf, n, "· %s", kind);
}

static void draw_agenda_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	char name[160], t1[16], t2[16], t3[16];
	if (row >= vs->ag.n) {
		/* the last row: when the session ends, as planned and as expected */
		ui_text(y, cx[0], cw[0], _("End of the session"), base | A_BOLD, 0);
		agenda_clock(vs->start_minute, vs->ag.planned, false, t2, sizeof t2);
		ui_text(y, cx[3], cw[3], t2, base | A_BOLD, UI_TEXT_RIGHT);
		agenda_clock(vs->start_minute, vs->ag.expected, true, t3, sizeof t3);
		long late = (vs->ag.expected - vs->ag.planned + 59) / 60;
		if (late > 0)
			ui_textf(y, cx[6], cw[6], (sel ? base : ui_style(ST_WARN)) | A_BOLD,
				 UI_TEXT_RIGHT, "%s +%ld", t3, late);
		else
			ui_text(y, cx[6], cw[6], t3, base | A_BOLD, UI_TEXT_RIGHT);
		return;
	}
	const struct agenda_row *r = &vs->ag.v[row];
	row_name(ui, r, name, sizeof name);
	bool running = !r->block && ui->clock[r->step].started != 0;
	bool over = !r->block && r->minutes > 0 && r->used >= (long)r->minutes * 60;
	ui_text(y, cx[0], cw[0], name, base | (running ? A_BOLD : 0), 0);
	ui_textf(y, cx[1], cw[1], base, UI_TEXT_RIGHT, "%d", r->minutes);
	agenda_clock(vs->start_minute, r->start, false, t1, sizeof t1);
	agenda_clock(vs->start_minute, r->end, false, t2, sizeof t2);
	ui_text(y, cx[2], cw[2], t1, base, UI_TEXT_RIGHT);
	ui_text(y, cx[3], cw[3], t2, base, UI_TEXT_RIGHT);
	/* the minutes used, as minutes: never to be read as a time of day */
	char used[32];
	if (r->block || (r->used == 0 && !running))
		snprintf(used, sizeof used, "–");
	else
		/* TRANSLATORS: minutes a step's clock has used, e.g. "12 min" */
		snprintf(used, sizeof used, _("%ld min"), r->used / 60);
	if (over)
		strcat(used, "!"); /* a marker besides the colour */
	ui_text(y, cx[4], cw[4], used, over && !sel ? ui_style(ST_ALERT) : base, UI_TEXT_RIGHT);
	const char *state = over ? _("time is up") : running ? _("running") : "";
	ui_text(y, cx[5], cw[5], state, running || over ? base | A_BOLD : base, 0);
	agenda_clock(vs->start_minute, r->exp_end, true, t3, sizeof t3);
	long shift = (r->exp_end - r->end + 59) / 60;
	if (shift > 0)
		ui_textf(y, cx[6], cw[6], sel ? base : ui_style(ST_WARN), UI_TEXT_RIGHT, "%s +%ld", t3,
			 shift);
	else
		ui_text(y, cx[6], cw[6], t3, base, UI_TEXT_RIGHT);
}

static const struct list_col measure_cols[] = {{N_("The measure"), 20, 0}, {NULL, -1, 8}};
static const struct list_col sgoal_cols[] = {{N_("Municipal strategy goals"), -1, 10},
					     {N_("Goals"), 5, 0}};
static const struct list_col agenda_cols[] = {
	{N_("Agenda"), -1, 14}, {N_("Min."), 4, 0},   {N_("Start"), 6, 0},
	{N_("End"), 6, 0},	{N_("Used"), 8, 0},   {N_("Clock"), 15, 0},
	{N_("Expected end"), 12, 0},
};

static void draw(struct ui *ui, struct ui_rect r)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	vs->lm.passive = vs->part != PART_MEASURE;
	vs->ls.passive = vs->part != PART_SGOALS;
	vs->la.passive = vs->part != PART_AGENDA;
	agenda_update(ui);
	int agenda_h = (int)vs->la.n + 1;
	/* on a tall screen the agenda follows right after the strategy goals,
	 * a blank line apart; on a short one its heading line parts them */
	int want = (int)vs->ls.n + 2 > WF_COUNT + 1 ? (int)vs->ls.n + 2 : WF_COUNT + 1;
	int gap = 1;
	int top_h = r.h - agenda_h - gap;
	if (top_h < want) {
		gap = 0;
		top_h = r.h - agenda_h;
	}
	if (top_h > want)
		top_h = want;
	if (top_h < 4) {
		top_h = 4;
		agenda_h = r.h - top_h - gap;
	}
	int left_w = r.w * 11 / 20;
	struct ui_rect mr = {r.y, r.x, top_h, left_w};
	struct ui_rect sr = {r.y, r.x + left_w + 2, top_h, r.w - left_w - 2};
	struct ui_rect ar = {r.y + top_h + gap, r.x, agenda_h, r.w};
	list_draw(&vs->lm, mr, measure_cols, 2, draw_measure_row, ui, NULL);
	list_draw(&vs->ls, sr, sgoal_cols, 2, draw_sgoal_row, ui,
		  _("None yet. Press n to add a goal of the municipal strategy (for example "
		    "from the Smart City strategy)."));
	list_draw(&vs->la, ar, agenda_cols, 7, draw_agenda_row, ui, NULL);
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
	char *start = form_text(fm, WF_START);
	int minute;
	if (*start && !agenda_time_parse(start, &minute)) {
		form_set_error(fm, WF_START, _("Type a time of day as HH:MM, e.g. 09:30, or leave it "
					       "empty."));
		free(start);
		workshop_free(&w);
		return false;
	}
	free(w.start_time);
	if (*start) {
		/* stored as HH:MM, however it was typed ("9:30") */
		char t[16];
		agenda_time_format(minute, t, sizeof t);
		w.start_time = xstrdup(t);
		free(start);
	} else {
		w.start_time = start;
	}
	w.bell = form_choice(fm, WF_BELL) == YN_YES;
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
	form_add_text(fm, field_labels[WF_START], w->start_time, false);
	form_set_note(fm, WF_START, N_("When the session starts, as HH:MM (e.g. 09:30); the agenda "
				       "shows the times of day from it."));
	form_add_choice(fm, field_labels[WF_BELL], VOCAB_YESNO, w->bell ? YN_YES : YN_NO);
	form_set_note(fm, WF_BELL, N_("Whether the terminal bell rings when a timebox ends (the top "
				      "bar flashes either way)."));
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

/* A block's minutes as the status line says them. */
static void say_minutes(struct ui *ui, const char *name, int v)
{
	ui_status(ui, ngettext("%s: %d minute.", "%s: %d minutes.", (unsigned long)v), name, v);
}

static void add_minutes(struct ui *ui, const struct agenda_row *r, int delta)
{
	int v = r->minutes + delta;
	if (v < 0)
		v = 0;
	if (v > 999)
		v = 999;
	if (v == r->minutes)
		return;
	char name[160];
	row_name(ui, r, name, sizeof name);
	if (!r->block) {
		if (ui_store_ok(ui, store_set_agenda(ui->s, &ui->m, r->step, v)))
			say_minutes(ui, name, v);
		return;
	}
	const struct agenda_block *b = MODEL_FIND(ui->m.blocks, struct agenda_block, r->id);
	if (!b)
		return;
	struct agenda_block e;
	block_copy(&e, b);
	e.minutes = v;
	if (ui_store_ok(ui, store_save_block(ui->s, &ui->m, &e)))
		say_minutes(ui, name, v);
	block_free(&e);
}

static bool save_block(struct ui *ui, struct form *fm, int64_t id)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	struct agenda_block e;
	const struct agenda_block *old = id ? MODEL_FIND(ui->m.blocks, struct agenda_block, id) : NULL;
	if (old)
		block_copy(&e, old);
	else
		block_init(&e);
	if (!old)
		agenda_place(&vs->ag, &ui->m, vs->new_at, 0, &e.before_step, &e.position);
	e.kind = form_choice(fm, 0);
	free(e.title);
	e.title = form_text(fm, 1);
	e.minutes = (int)form_int(fm, 2);
	bool ok = ui_store_ok(ui, store_save_block(ui->s, &ui->m, &e));
	if (ok) {
		char name[160];
		struct agenda_row r = {.block = true, .id = e.id};
		row_name(ui, &r, name, sizeof name);
		ui_status(ui, id ? _("Agenda block “%s” saved.") : _("Agenda block “%s” added."),
			  name + strlen("· "));
		agenda_update(ui);
		for (size_t i = 0; i < vs->ag.n; i++)
			if (vs->ag.v[i].block && vs->ag.v[i].id == e.id)
				list_select(&vs->la, i);
	}
	block_free(&e);
	return ok;
}

static void block_form(struct ui *ui, int64_t id, size_t at)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	const struct agenda_block *b = id ? MODEL_FIND(ui->m.blocks, struct agenda_block, id) : NULL;
	int kind = BLOCK_BREAK;
	if (b)
		kind = b->kind;
	else if (at == 0)
		kind = BLOCK_WELCOME;
	else if (at >= vs->ag.n)
		kind = BLOCK_WRAPUP;
	vs->new_at = at; /* before the selected row; its kind fits the place */
	struct form *fm = form_new(id ? N_("Edit agenda block") : N_("New agenda block"),
				   b ? b->title : NULL);
	form_add_choice(fm, N_("Kind"), VOCAB_BLOCK, kind);
	form_set_note(fm, 0, N_("Welcome, break, wrap-up or another block that is no step."));
	form_add_text(fm, N_("Title"), b ? b->title : "", false);
	form_set_note(fm, 1, N_("Optional, e.g. “Lunch” or “Site visit”."));
	form_add_int(fm, N_("Minutes"), b ? b->minutes : kind == BLOCK_BREAK ? 15 : 10, 0, 999);
	form_focus(fm, 0);
	ui_form_open(ui, fm, save_block, id);
}

/* Moves the block of row `row` one row up (dir < 0) or down: past the
 * step or block next to it. */
static void block_move(struct ui *ui, size_t row, int dir)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	if (row >= vs->ag.n || !vs->ag.v[row].block)
		return;
	if (dir < 0 ? row == 0 : row + 1 >= vs->ag.n) {
		ui_status(ui, "%s", dir < 0 ? _("The block is first already.")
					   : _("The block is last already."));
		return;
	}
	/* the row it will stand before (the rows counted with the block) */
	size_t at = dir < 0 ? row - 1 : row + 2;
	const struct agenda_block *b = MODEL_FIND(ui->m.blocks, struct agenda_block, vs->ag.v[row].id);
	if (!b)
		return;
	int64_t id = b->id;
	struct agenda_block e;
	block_copy(&e, b);
	agenda_place(&vs->ag, &ui->m, at, id, &e.before_step, &e.position);
	if (ui_store_ok(ui, store_save_block(ui->s, &ui->m, &e))) {
		agenda_update(ui);
		for (size_t i = 0; i < vs->ag.n; i++)
			if (vs->ag.v[i].block && vs->ag.v[i].id == id)
				list_select(&vs->la, i);
	}
	block_free(&e);
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_SGOAL, id, _("Strategy goal “%s” deleted (u undoes it)."));
}

static void block_delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_BLOCK, id, _("Agenda block “%s” deleted (u undoes it)."));
}

static void block_delete(struct ui *ui, const struct agenda_row *r)
{
	char name[160], q[300];
	row_name(ui, r, name, sizeof name);
	snprintf(q, sizeof q, _("Delete the agenda block “%s”?"), name + strlen("· "));
	ui_confirm(ui, q, block_delete_yes, r->id);
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

/* The agenda row selected, or NULL on the session's end row. */
static const struct agenda_row *agenda_sel(struct ui *ui)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	return vs->la.sel < vs->ag.n ? &vs->ag.v[vs->la.sel] : NULL;
}

static int agenda_key(struct ui *ui, enum ui_action a)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	agenda_update(ui);
	const struct agenda_row *r = agenda_sel(ui);
	switch (a) {
	case ACT_NEW:
		block_form(ui, 0, vs->la.sel);
		break;
	case ACT_EDIT:
		if (!r)
			ui_status(ui, "%s",
				  _("The session ends when its last block does: change the minutes of "
				    "the blocks and steps, or the start time."));
		else if (r->block)
			block_form(ui, r->id, vs->la.sel);
		else
			minutes_form(ui, r->step);
		break;
	case ACT_DELETE:
		if (r && r->block)
			block_delete(ui, r);
		else
			ui_status(ui, "%s",
				  _("Only blocks leave the agenda; a step stays (0 minutes: no "
				    "timebox)."));
		break;
	case ACT_MORE:
	case ACT_LESS:
		if (r)
			add_minutes(ui, r, a == ACT_MORE ? 5 : -5);
		break;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (r && r->block)
			block_move(ui, vs->la.sel, a == ACT_MOVE_UP ? -1 : 1);
		else
			ui_status(ui, "%s",
				  _("Steps keep their order; select a block (welcome, break, wrap-up) "
				    "to move it."));
		break;
	default:
		return UI_UNHANDLED;
	}
	return UI_REDRAW | UI_HANDLED;
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct workshop_state *vs = ui_view_state(ui, STEP_WORKSHOP);
	(void)k;
	if (part_move(ui, a))
		return UI_REDRAW | UI_HANDLED;
	if (vs->part == PART_AGENDA)
		return agenda_key(ui, a);
	switch (a) {
	case ACT_NEW:
		sgoal_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (vs->part == PART_MEASURE)
			workshop_form(ui, (int)vs->lm.sel);
		else if (vs->part == PART_SGOALS && vs->ls.n)
			sgoal_form(ui, MODEL_AT(ui->m.sgoals, struct strategy_goal, vs->ls.sel)->id);
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
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		ui_status(ui, "%s", _("+ and - change the minutes of the agenda row selected."));
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
static const enum ui_action more[] = {ACT_MORE, ACT_LESS, ACT_MOVE_UP, ACT_NONE};

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
		   "The agenda gives every step a timebox. With the session's start time it "
		   "shows when every step and block begins and ends as times of day, and when "
		   "the session ends. n adds a block that is no step (welcome, break, wrap-up) "
		   "before the selected row, < and > move it, d removes it. F5 starts the "
		   "clock of the step on screen; when its timebox ends, the top bar flashes "
		   "once and the bell rings (unless turned off in the measure's data). When a "
		   "step runs over, the expected end of the rows after it moves back, so the "
		   "group can decide what to shorten."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
