/* ui_roadmap.c — step 6: the roadmap. Who operates the measure in regular
 * operation (the operator model, one row at the top), a timeline from today
 * to a year past the funding end, and one list below: the milestones in
 * date order, then the council and committee decisions. p proposes the
 * standard path back from the funding end (the exit path in the
 * wind-down); the dates come from roadmap.c and stay editable. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "roadmap.h"
#include "ui_internal.h"
#include "util.h"

/* The rows of the list: the operator model, the milestones (or a
 * placeholder), the decisions (or a placeholder). */
enum row_kind { ROW_OPERATOR, ROW_MS, ROW_MS_NONE, ROW_DEC, ROW_DEC_NONE };

struct row {
	enum row_kind kind;
	size_t index; /* in m->milestones or m->decisions */
};

struct roadmap_state {
	struct list lst;
	struct row *rows;
	size_t nrows;
	/* the item to keep selected across changes */
	enum row_kind keep_kind;
	int64_t keep_id;
	long today;
	size_t overdue; /* open milestones past their date */
	char hint[512];
};

static void init(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	list_init(&vs->lst);
	vs->keep_kind = ROW_OPERATOR;
}

static void done(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	free(vs->rows);
}

static int64_t row_id(const struct ui *ui, const struct row *r)
{
	if (r->kind == ROW_MS)
		return MODEL_AT(ui->m.milestones, struct milestone, r->index)->id;
	if (r->kind == ROW_DEC)
		return MODEL_AT(ui->m.decisions, struct decision, r->index)->id;
	return 0;
}

static void sync(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	const struct model *m = &ui->m;
	free(vs->rows);
	size_t nms, ndec;
	size_t *ms = roadmap_milestone_order(m, &nms);
	size_t *dec = roadmap_decision_order(m, &ndec);
	vs->rows = xmalloc((3 + nms + ndec) * sizeof *vs->rows);
	vs->nrows = 0;
	vs->rows[vs->nrows++] = (struct row){ROW_OPERATOR, 0};
	for (size_t i = 0; i < nms; i++)
		vs->rows[vs->nrows++] = (struct row){ROW_MS, ms[i]};
	if (!nms)
		vs->rows[vs->nrows++] = (struct row){ROW_MS_NONE, 0};
	for (size_t i = 0; i < ndec; i++)
		vs->rows[vs->nrows++] = (struct row){ROW_DEC, dec[i]};
	if (!ndec)
		vs->rows[vs->nrows++] = (struct row){ROW_DEC_NONE, 0};
	free(ms);
	free(dec);
	vs->today = roadmap_today();
	vs->overdue = 0;
	for (size_t i = 0; i < m->milestones.n; i++)
		vs->overdue += roadmap_milestone_overdue(
			MODEL_AT(m->milestones, struct milestone, i), vs->today);
	list_set_count(&vs->lst, vs->nrows);
	/* the kept item, or the first row of its kind */
	for (size_t i = 0; i < vs->nrows; i++) {
		const struct row *r = &vs->rows[i];
		bool same_kind = r->kind == vs->keep_kind ||
				 (vs->keep_kind == ROW_MS && r->kind == ROW_MS_NONE) ||
				 (vs->keep_kind == ROW_DEC && r->kind == ROW_DEC_NONE);
		if (same_kind && (!vs->keep_id || row_id(ui, r) == vs->keep_id)) {
			list_select(&vs->lst, i);
			break;
		}
	}
}

static const struct row *selected(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	if (!vs->nrows || vs->lst.sel >= vs->nrows)
		return NULL;
	return &vs->rows[vs->lst.sel];
}

static void keep(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	const struct row *r = selected(ui);
	vs->keep_kind = r ? r->kind : ROW_OPERATOR;
	if (vs->keep_kind == ROW_MS_NONE)
		vs->keep_kind = ROW_MS;
	if (vs->keep_kind == ROW_DEC_NONE)
		vs->keep_kind = ROW_DEC;
	vs->keep_id = r ? row_id(ui, r) : 0;
}

static const char *hint(struct ui *ui)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	const struct model *m = &ui->m;
	if (m->ws.op_model == OPMODEL_OPEN && m->ws.phase != PHASE_WINDDOWN)
		return _("Who runs the measure after the funding? Select the operator model (top row) "
			 "and press Enter.");
	if (!*m->ws.funding_end)
		return _("Enter the funding end in step 0: the roadmap counts back from it.");
	if (m->milestones.n == 0)
		return m->ws.phase == PHASE_WINDDOWN
			       ? _("No milestones yet: press p to propose the exit path.")
			       : _("No milestones yet: press p to propose the standard path back from "
				   "the funding end.");
	if (vs->overdue) {
		snprintf(vs->hint, sizeof vs->hint,
			 ngettext("%zu milestone is overdue (!): mark it done with Space or agree a "
				  "new date with Enter.",
				  "%zu milestones are overdue (!): mark them done with Space or agree "
				  "new dates with Enter.",
				  vs->overdue),
			 vs->overdue);
		return vs->hint;
	}
	if (m->decisions.n == 0)
		return _("Record the council decision the continuation needs: select the decisions "
			 "row and press n.");
	return _("Adjust dates and owners with Enter; Space marks a milestone done. Next: 7 Check.");
}

/* ------------------------------------------------------------ the timeline */

/* Column of a day on an axis of width w from start to end (clamped). */
static int axis_col(long day, long start, long end, int w)
{
	if (day <= start)
		return 0;
	if (day >= end)
		return w - 1;
	return (int)((double)(day - start) * (w - 1) / (double)(end - start) + 0.5);
}

/* The marks on the axis, by priority: overdue, decision, open, done. */
static int mark_rank(const char *mark)
{
	static const char *const order[] = {"·", "✓", "◆", "§", "!"};
	for (int i = 0; i < 5; i++)
		if (!strcmp(mark, order[i]))
			return i;
	return 0;
}

static void put_mark(const char **axis, int col, const char *mark)
{
	if (mark_rank(mark) > mark_rank(axis[col]) || !strcmp(axis[col], "─") ||
	    !strcmp(axis[col], "┃"))
		axis[col] = mark;
}

/* Three lines: year labels and the funding end, the axis with the marks,
 * the legend. */
static void draw_timeline(struct ui *ui, int y, int x, int w)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	const struct model *m = &ui->m;
	long today = vs->today;
	long end = roadmap_days(m->ws.funding_end);
	long last = end != LONG_MIN ? end + 365 : today + 730;
	if (last <= today + 30)
		last = today + 365;
	int lw = ui_width(_("Timeline")) + 1;
	if (lw > 14)
		lw = 14;
	ui_text(y + 1, x, lw, _("Timeline"), ui_style(ST_HEADER), 0);
	x += lw;
	w -= lw;
	if (w < 20)
		return;
	const char **axis = xmalloc((size_t)w * sizeof *axis);
	for (int i = 0; i < w; i++)
		axis[i] = "─";
	axis[0] = "├";
	axis[w - 1] = "┤";
	int end_col = -1;
	if (end != LONG_MIN && end >= today) {
		end_col = axis_col(end, today, last, w);
		axis[end_col] = "┃";
	}
	for (size_t i = 0; i < m->milestones.n; i++) {
		const struct milestone *ms = MODEL_AT(m->milestones, struct milestone, i);
		long d = roadmap_days(ms->due);
		if (d == LONG_MIN || ms->status == MS_DROPPED)
			continue;
		const char *mark = roadmap_milestone_overdue(ms, today) ? "!"
				   : ms->status == MS_DONE		 ? "✓"
									 : "◆";
		put_mark(axis, axis_col(d, today, last, w), mark);
	}
	for (size_t i = 0; i < m->decisions.n; i++) {
		const struct decision *dc = MODEL_AT(m->decisions, struct decision, i);
		long d = roadmap_days(dc->planned);
		if (d == LONG_MIN)
			continue;
		put_mark(axis, axis_col(d, today, last, w),
			 roadmap_decision_overdue(dc, today) ? "!" : "§");
	}
	if (end_col >= 0)
		axis[end_col] = "┃";
	for (int i = 0; i < w; i++) {
		bool alert = !strcmp(axis[i], "!") || !strcmp(axis[i], "┃");
		attr_t a = alert ? ui_style(ST_ALERT)
			   : !strcmp(axis[i], "─") || !strcmp(axis[i], "├") || !strcmp(axis[i], "┤")
				   ? ui_style(ST_DIM)
				   : ui_style(ST_LIT);
		ui_text(y + 1, x + i, 1, axis[i], a, 0);
	}
	free(axis);
	/* the labels: today, the years, the funding end */
	struct date t;
	date_today(&t);
	ui_text(y, x, w, _("today"), ui_style(ST_DIM), 0);
	int taken = ui_width(_("today")) + 1;
	char label[64];
	int end_x = -1, end_len = 0;
	if (end_col >= 0) {
		char d[32];
		i18n_date(m->ws.funding_end, i18n_lang(), d);
		snprintf(label, sizeof label, "┃%s", d);
		end_len = ui_width(label);
		end_x = end_col + end_len > w ? w - end_len : end_col;
		if (end_x < taken)
			end_x = taken;
		ui_text(y, x + end_x, w - end_x, label, ui_style(ST_ALERT), 0);
	}
	/* the years where they fit */
	for (int yr = t.y + 1; yr <= t.y + 10; yr++) {
		struct date j = {yr, 1, 1};
		long dj = date_days(&j);
		if (dj >= last)
			break;
		int c = axis_col(dj, today, last, w);
		snprintf(label, sizeof label, "%d", yr);
		bool clear = end_x < 0 || c + 5 <= end_x || c > end_x + end_len;
		if (c >= taken && clear && c + 4 <= w) {
			ui_text(y, x + c, 4, label, ui_style(ST_DIM), 0);
			taken = c + 5;
		}
	}
	const char *legend = end != LONG_MIN
				     ? _("◆ milestone  ✓ done  ! overdue  § council decision  ┃ funding end")
				     : _("◆ milestone  ✓ done  ! overdue  § council decision  (no funding "
					 "end: enter it in step 0)");
	ui_text(y + 2, x, w, legend, ui_style(ST_DIM), 0);
}

/* ------------------------------------------------------------ the list */

static const struct list_col cols[] = {
	{NULL, 1, 0},
	{N_("Date"), 10, 0},
	{N_("Milestone or decision"), -3, 12},
	{N_("Kind"), -1, 10},
	{N_("Responsible"), -1, 8},
	{N_("Status"), 10, 0},
};

/* The line above the timeline: the operator model and the operator. */
static void draw_operator(struct ui *ui, int y, int x, int w)
{
	const struct workshop *ws = &ui->m.ws;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s: %s", _("Operator model"), vocab_label(VOCAB_OPMODEL, ws->op_model));
	const char *op = ws->op_actor ? model_entity_name(&ui->m, ENT_STAKEHOLDER, ws->op_actor) : "";
	buf_printf(&b, " · %s: %s", _("Operator"), *op ? op : _("– none –"));
	bool open = (ws->op_model == OPMODEL_OPEN || !*op) && ws->phase != PHASE_WINDDOWN;
	ui_text(y, x, w, b.data, open ? ui_style(ST_ALERT) : ui_style(ST_HEADER), 0);
	buf_free(&b);
}

/* The operator row of the list: the agreement, and how to edit it all. */
static void draw_agreement(struct ui *ui, int y, int x, int w, attr_t base)
{
	const struct workshop *ws = &ui->m.ws;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s", vocab_label(VOCAB_AGREEMENT, ws->agreement));
	if (*ws->agreement_date) {
		char d[32];
		i18n_date(ws->agreement_date, i18n_lang(), d);
		buf_printf(&b, " %s", d);
	}
	if (*ws->agreement_ref)
		buf_printf(&b, " (%s)", ws->agreement_ref);
	buf_printf(&b, " · %s", _("Enter edits the operator model"));
	ui_text(y, x, w, b.data, base, 0);
	buf_free(&b);
}

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	const struct row *r = &vs->rows[row];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	char d[32];
	switch (r->kind) {
	case ROW_OPERATOR:
		ui_text(y, cx[0], 1, ui->m.ws.agreement == AGREE_SIGNED ? "✓" : "⚙",
			sel ? base : ui_style(ST_LIT), 0);
		draw_agreement(ui, y, cx[1], cx[5] + cw[5] - cx[1], base);
		break;
	case ROW_MS_NONE:
		ui_text(y, cx[2], cx[5] + cw[5] - cx[2],
			_("– no milestone yet: p proposes the path, n adds one –"), base, 0);
		break;
	case ROW_DEC_NONE:
		ui_text(y, cx[0], 1, "§", base, 0);
		ui_text(y, cx[2], cx[5] + cw[5] - cx[2],
			_("– no council decision yet: select this row and press n –"), base, 0);
		break;
	case ROW_MS: {
		const struct milestone *ms = MODEL_AT(ui->m.milestones, struct milestone, r->index);
		bool late = roadmap_milestone_overdue(ms, vs->today);
		const char *mark = late ? "!" : ms->status == MS_DONE ? "✓" : ms->status == MS_DROPPED ? "–" : "◆";
		ui_text(y, cx[0], 1, mark, sel ? base : late ? ui_style(ST_ALERT) : ui_style(ST_LIT), 0);
		i18n_date(ms->due, i18n_lang(), d);
		ui_text(y, cx[1], cw[1], d, late && !sel ? ui_style(ST_ALERT) : base, 0);
		ui_text(y, cx[2], cw[2], *ms->title ? ms->title : _("(untitled milestone)"),
			base, 0); /* a dropped one says so by its mark "–" and status */
		ui_text(y, cx[3], cw[3], vocab_label(VOCAB_MS_KIND, ms->kind), base, 0);
		ui_text(y, cx[4], cw[4], model_entity_name(&ui->m, ENT_STAKEHOLDER, ms->owner), base, 0);
		ui_text(y, cx[5], cw[5], vocab_label(VOCAB_MS_STATUS, ms->status),
			late && !sel ? ui_style(ST_ALERT) : base, 0);
		break;
	}
	case ROW_DEC: {
		const struct decision *dc = MODEL_AT(ui->m.decisions, struct decision, r->index);
		bool late = roadmap_decision_overdue(dc, vs->today);
		ui_text(y, cx[0], 1, late ? "!" : "§", sel ? base : late ? ui_style(ST_ALERT) : ui_style(ST_LIT), 0);
		i18n_date(dc->planned, i18n_lang(), d);
		ui_text(y, cx[1], cw[1], d, late && !sel ? ui_style(ST_ALERT) : base, 0);
		char named[512];
		ui_text(y, cx[2], cw[2],
			ui_example_name(dc->example,
					*dc->subject ? dc->subject : _("(no subject)"), named,
					sizeof named),
			base, 0);
		ui_text(y, cx[3], cw[3], vocab_label(VOCAB_BODY, dc->body), base, 0);
		ui_text(y, cx[4], cw[4], dc->document, base, 0);
		ui_text(y, cx[5], cw[5], vocab_label(VOCAB_DEC_STATUS, dc->status), base, 0);
		break;
	}
	}
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	draw_operator(ui, r.y, r.x, r.w);
	draw_timeline(ui, r.y + 1, r.x, r.w);
	struct ui_rect lr = {r.y + 5, r.x, r.h - 5, r.w};
	list_draw(&vs->lst, lr, cols, 6, draw_row, ui, NULL);
}

/* ------------------------------------------------------------ forms */

enum { OF_MODEL, OF_OPERATOR, OF_AGREEMENT, OF_DATE, OF_REF, OF_NOTE };

static bool save_operator(struct ui *ui, struct form *fm, int64_t id)
{
	(void)id;
	struct workshop w;
	workshop_copy(&w, &ui->m.ws);
	w.op_model = form_choice(fm, OF_MODEL);
	w.op_actor = form_ref(fm, OF_OPERATOR);
	w.agreement = form_choice(fm, OF_AGREEMENT);
	free(w.agreement_date);
	w.agreement_date = form_date(fm, OF_DATE);
	str_take(&w.agreement_ref, form_text(fm, OF_REF));
	str_take(&w.op_note, form_text(fm, OF_NOTE));
	bool ok = ui_store_ok(ui, store_save_workshop(ui->s, &ui->m, &w));
	if (ok)
		ui_status(ui, "%s", _("Operator model saved."));
	workshop_free(&w);
	return ok;
}

static void add_stakeholder_options(struct ui *ui, struct form *fm, int field)
{
	for (size_t i = 0; i < ui->m.stakeholders.n; i++) {
		const struct stakeholder *sh = MODEL_AT(ui->m.stakeholders, struct stakeholder, i);
		form_ref_option(fm, field, sh->id, sh->name);
	}
}

static void operator_form(struct ui *ui)
{
	const struct workshop *ws = &ui->m.ws;
	struct form *fm = form_new(N_("Operator model"), ws->title);
	form_add_choice(fm, N_("Operator model"), VOCAB_OPMODEL, ws->op_model);
	form_set_note(fm, OF_MODEL, N_("Who runs the measure in regular operation, and on what "
				       "footing; Space picks."));
	form_add_ref(fm, N_("Operator"), N_("– none –"));
	add_stakeholder_options(ui, fm, OF_OPERATOR);
	form_ref_set(fm, OF_OPERATOR, ws->op_actor);
	form_set_note(fm, OF_OPERATOR, N_("The stakeholder who operates it (step 3 lists them)."));
	form_add_choice(fm, N_("Agreement"), VOCAB_AGREEMENT, ws->agreement);
	form_set_note(fm, OF_AGREEMENT, N_("The written agreement on operation and running costs."));
	form_add_date(fm, N_("Agreement date"), ws->agreement_date, false);
	form_add_text(fm, N_("Reference"), ws->agreement_ref, false);
	form_set_note(fm, OF_REF, N_("Where the agreement can be found: file number, contract."));
	form_add_longtext(fm, N_("Data ownership and exit clauses"), ws->op_note, false);
	form_focus(fm, OF_MODEL);
	ui_form_open(ui, fm, save_operator, 0);
}

enum { MF_TITLE, MF_KIND, MF_DUE, MF_OWNER, MF_STATUS, MF_DECISION };

static bool save_milestone(struct ui *ui, struct form *fm, int64_t id)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	struct milestone e;
	const struct milestone *old = id ? MODEL_FIND(ui->m.milestones, struct milestone, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This milestone no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		milestone_copy(&e, old);
	else
		milestone_init(&e);
	str_take(&e.title, form_text(fm, MF_TITLE));
	e.kind = form_choice(fm, MF_KIND);
	free(e.due);
	e.due = form_date(fm, MF_DUE);
	e.owner = form_ref(fm, MF_OWNER);
	e.status = form_choice(fm, MF_STATUS);
	e.decision = form_ref(fm, MF_DECISION);
	bool ok = ui_store_ok(ui, store_save_milestone(ui->s, &ui->m, &e));
	if (ok) {
		vs->keep_kind = ROW_MS;
		vs->keep_id = e.id;
		ui_status(ui, id ? _("Milestone “%s” saved.") : _("Milestone “%s” added."), e.title);
	}
	milestone_free(&e);
	return ok;
}

static void milestone_form(struct ui *ui, int64_t id)
{
	const struct milestone *ms = id ? MODEL_FIND(ui->m.milestones, struct milestone, id) : NULL;
	struct milestone empty;
	milestone_init(&empty);
	if (!ms)
		ms = &empty;
	struct form *fm = form_new(id ? N_("Edit milestone") : N_("New milestone"), id ? ms->title : NULL);
	form_add_text(fm, N_("Milestone"), ms->title, true);
	form_add_choice(fm, N_("Kind"), VOCAB_MS_KIND, ms->kind);
	form_add_date(fm, N_("Due"), ms->due, false);
	form_set_note(fm, MF_DUE, N_("By when? A date, e.g. 30.06.2027."));
	form_add_ref(fm, N_("Responsible"), N_("– none –"));
	add_stakeholder_options(ui, fm, MF_OWNER);
	form_ref_set(fm, MF_OWNER, ms->owner);
	form_add_choice(fm, N_("Status"), VOCAB_MS_STATUS, ms->status);
	form_add_ref(fm, N_("Council decision"), N_("– none –"));
	for (size_t i = 0; i < ui->m.decisions.n; i++) {
		const struct decision *d = MODEL_AT(ui->m.decisions, struct decision, i);
		form_ref_option(fm, MF_DECISION, d->id, d->subject);
	}
	form_ref_set(fm, MF_DECISION, ms->decision);
	form_set_note(fm, MF_DECISION, N_("For a council decision: the decision it prepares."));
	form_focus(fm, MF_TITLE);
	milestone_free(&empty);
	ui_form_open(ui, fm, save_milestone, id);
}

enum { DF_SUBJECT, DF_BODY, DF_PLANNED, DF_STATUS, DF_DOCUMENT };

static bool save_decision(struct ui *ui, struct form *fm, int64_t id)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	struct decision e;
	const struct decision *old = id ? MODEL_FIND(ui->m.decisions, struct decision, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This council decision no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		decision_copy(&e, old);
	else
		decision_init(&e);
	str_take(&e.subject, form_text(fm, DF_SUBJECT));
	e.body = form_choice(fm, DF_BODY);
	free(e.planned);
	e.planned = form_date(fm, DF_PLANNED);
	e.status = form_choice(fm, DF_STATUS);
	str_take(&e.document, form_text(fm, DF_DOCUMENT));
	e.example = false; /* saved by the group: its own now */
	bool ok = ui_store_ok(ui, store_save_decision(ui->s, &ui->m, &e));
	if (ok) {
		vs->keep_kind = ROW_DEC;
		vs->keep_id = e.id;
		ui_status(ui, id ? _("Council decision “%s” saved.") : _("Council decision “%s” added."),
			  e.subject);
	}
	decision_free(&e);
	return ok;
}

static void decision_form(struct ui *ui, int64_t id)
{
	const struct decision *dc = id ? MODEL_FIND(ui->m.decisions, struct decision, id) : NULL;
	struct decision empty;
	decision_init(&empty);
	if (!dc)
		dc = &empty;
	struct form *fm = form_new(id ? N_("Edit council decision") : N_("New council decision"),
				   id ? dc->subject : NULL);
	form_add_text(fm, N_("Subject"), dc->subject, true);
	form_set_note(fm, DF_SUBJECT, N_("What the body is asked to decide."));
	form_add_choice(fm, N_("Body"), VOCAB_BODY, dc->body);
	form_add_date(fm, N_("Planned date"), dc->planned, false);
	form_set_note(fm, DF_PLANNED, N_("The meeting it is planned for."));
	form_add_choice(fm, N_("Status"), VOCAB_DEC_STATUS, dc->status);
	form_add_text(fm, N_("Document"), dc->document, false);
	form_set_note(fm, DF_DOCUMENT, N_("The number of the council submission."));
	form_focus(fm, DF_SUBJECT);
	decision_free(&empty);
	ui_form_open(ui, fm, save_decision, id);
}

/* ------------------------------------------------------------ actions */

static void propose(struct ui *ui)
{
	struct roadmap_proposal p[ROADMAP_PROPOSALS_MAX];
	const struct model *m = &ui->m;
	if (!*m->ws.funding_end) {
		ui_error(ui, "%s", _("The roadmap counts back from the funding end: enter it in step 0 "
				     "first."));
		return;
	}
	size_t n = roadmap_propose(m, p, ROADMAP_PROPOSALS_MAX);
	if (!n) {
		ui_status(ui, "%s", _("The roadmap holds every proposed milestone with a date already."));
		return;
	}
	int64_t owner = m->ws.op_actor && model_stakeholder(m, m->ws.op_actor) ? m->ws.op_actor : 0;
	enum err st = store_begin(ui->s, N_("Propose milestones"), "");
	for (size_t i = 0; i < n && st == ERR_OK; i++) {
		struct milestone e;
		const struct milestone *old =
			p[i].id ? MODEL_FIND(ui->m.milestones, struct milestone, p[i].id) : NULL;
		if (old) {
			milestone_copy(&e, old);
		} else {
			milestone_init(&e);
			str_set(&e.title, p[i].title);
			e.kind = p[i].kind;
		}
		str_set(&e.due, p[i].due);
		if (!e.owner)
			e.owner = p[i].operator_owner ? owner : 0;
		st = store_save_milestone(ui->s, &ui->m, &e);
		milestone_free(&e);
	}
	if (st == ERR_OK)
		st = store_commit(ui->s, &ui->m);
	else
		store_rollback(ui->s, &ui->m);
	if (!ui_store_ok(ui, st))
		return;
	ui_status(ui,
		  ngettext("%zu milestone proposed back from the funding end; adjust it with Enter "
			   "(u undoes).",
			   "%zu milestones proposed back from the funding end; adjust them with Enter "
			   "(u undoes).",
			   n),
		  n);
}

static void cycle(struct ui *ui, const struct row *r)
{
	if (r->kind == ROW_MS) {
		struct milestone e;
		milestone_copy(&e, MODEL_AT(ui->m.milestones, struct milestone, r->index));
		e.status = (e.status + 1) % MS_STATUS_COUNT;
		if (ui_store_ok(ui, store_save_milestone(ui->s, &ui->m, &e)))
			ui_status(ui, _("Milestone “%s”: %s."), e.title,
				  vocab_label(VOCAB_MS_STATUS, e.status));
		milestone_free(&e);
	} else if (r->kind == ROW_DEC) {
		struct decision e;
		decision_copy(&e, MODEL_AT(ui->m.decisions, struct decision, r->index));
		e.status = (e.status + 1) % DEC_STATUS_COUNT;
		e.example = false;
		if (ui_store_ok(ui, store_save_decision(ui->s, &ui->m, &e)))
			ui_status(ui, _("Council decision “%s”: %s."), e.subject,
				  vocab_label(VOCAB_DEC_STATUS, e.status));
		decision_free(&e);
	}
}

static void delete_ms_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_MILESTONE, id, _("Milestone “%s” deleted (u undoes it)."));
}

static void delete_dec_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_DECISION, id, _("Council decision “%s” deleted (u undoes it)."));
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	(void)k;
	if (list_move(&vs->lst, a)) {
		keep(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	const struct row *r = selected(ui);
	if (!r)
		return UI_UNHANDLED;
	bool dec = r->kind == ROW_DEC || r->kind == ROW_DEC_NONE;
	char q[600];
	switch (a) {
	case ACT_NEW:
		if (dec)
			decision_form(ui, 0);
		else
			milestone_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		switch (r->kind) {
		case ROW_OPERATOR: operator_form(ui); break;
		case ROW_MS: milestone_form(ui, row_id(ui, r)); break;
		case ROW_MS_NONE: milestone_form(ui, 0); break;
		case ROW_DEC: decision_form(ui, row_id(ui, r)); break;
		case ROW_DEC_NONE: decision_form(ui, 0); break;
		}
		return UI_REDRAW | UI_HANDLED;
	case ACT_CYCLE:
		if (r->kind != ROW_MS && r->kind != ROW_DEC)
			return UI_UNHANDLED;
		cycle(ui, r);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PROPOSE:
		propose(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (r->kind == ROW_MS) {
			snprintf(q, sizeof q, _("Delete milestone “%s”?"),
				 MODEL_AT(ui->m.milestones, struct milestone, r->index)->title);
			ui_confirm(ui, q, delete_ms_yes, row_id(ui, r));
		} else if (r->kind == ROW_DEC) {
			snprintf(q, sizeof q, _("Delete council decision “%s”?"),
				 MODEL_AT(ui->m.decisions, struct decision, r->index)->subject);
			ui_confirm(ui, q, delete_dec_yes, row_id(ui, r));
		} else {
			return UI_UNHANDLED;
		}
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int click(struct ui *ui, int y, int x)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	(void)x;
	return ui_list_click(ui, &vs->lst, y, true, ACT_EDIT, keep);
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct roadmap_state *vs = ui_view_state(ui, STEP_ROADMAP);
	if (kind != ENT_MILESTONE && kind != ENT_DECISION && kind != ENT_WORKSHOP)
		return false;
	for (size_t i = 0; i < vs->nrows; i++) {
		const struct row *r = &vs->rows[i];
		bool hit = kind == ENT_WORKSHOP ? r->kind == ROW_OPERATOR
			   : kind == ENT_MILESTONE ? r->kind == ROW_MS && row_id(ui, r) == id
						   : r->kind == ROW_DEC && row_id(ui, r) == id;
		if (hit) {
			list_select(&vs->lst, i);
			keep(ui);
			return true;
		}
	}
	return false;
}

static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct row *r = selected(ui);
	if (!r || (r->kind != ROW_MS && r->kind != ROW_DEC))
		return false;
	*kind = r->kind == ROW_MS ? ENT_MILESTONE : ENT_DECISION;
	*id = row_id(ui, r);
	return true;
}

static const enum ui_action bar[] = {ACT_NEW,	 ACT_EDIT, ACT_DELETE, ACT_CYCLE,
				     ACT_PROPOSE, ACT_UNDO, ACT_NONE};

const struct ui_view ui_view_roadmap = {
	.step = STEP_ROADMAP,
	.private_size = sizeof(struct roadmap_state),
	.init = init,
	.done = done,
	.hint = hint,
	.help = N_("The roadmap turns the plan into dates the council can hold the administration "
		   "to. First decide who operates the measure once the funding ends (the "
		   "operator model) and get the agreement on running it and its costs signed: "
		   "late decisions on the operator and the financing model cost time, and a "
		   "decision taken under time pressure lowers the chances.\n\nPress p to "
		   "propose the standard path back from the funding end (continuation decision, "
		   "budget request for the first year after the funding, council decision, "
		   "agreement, posts, handover, first impact report); in the wind-down phase "
		   "it proposes the exit path instead. Every date stays editable. The timeline "
		   "runs from today to a year past the funding end; ! marks what is overdue."),
	.bar = bar,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
