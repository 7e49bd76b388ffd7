/* ui_findings.c — step 7: the live list of findings (gaps, warnings,
 * hints). Enter goes to the step and the item a finding names. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_vote.h"
#include "util.h"

struct findings_state {
	struct list lst;
	/* the finding to keep selected while the list changes */
	struct {
		const char *rule;
		enum entity kind;
		int64_t id;
	} keep;
	/* the list's order: indices into the findings, by votes when
	 * by_votes (o); dots: the Dots column is drawn */
	size_t *order;
	size_t norder;
	bool by_votes, dots;
	char hint_buf[512];
};

static void done(struct ui *ui)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	free(vs->order);
}

/* The index into the findings of list row row. */
static size_t at(const struct findings_state *vs, size_t row)
{
	return row < vs->norder ? vs->order[row] : row;
}

static const struct findings *order_f;	/* read by cmp_votes while sync sorts */
static const struct model *order_m;

/* Most dots first; equal dots keep the findings' order. */
static int cmp_votes(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int vi = model_finding_votes(order_m, order_f->v[i].rule, order_f->v[i].id);
	int vj = model_finding_votes(order_m, order_f->v[j].rule, order_f->v[j].id);
	if (vi != vj)
		return vj - vi;
	return i < j ? -1 : i > j;
}

static void build_order(struct ui *ui, const struct findings *f)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	free(vs->order);
	vs->norder = f->n;
	vs->order = xcalloc(f->n ? f->n : 1, sizeof *vs->order);
	for (size_t i = 0; i < f->n; i++)
		vs->order[i] = i;
	if (vs->by_votes && ui->m.nfvotes) {
		order_f = f;
		order_m = &ui->m;
		qsort(vs->order, f->n, sizeof *vs->order, cmp_votes);
		order_f = NULL;
		order_m = NULL;
	}
}

const struct finding *ui_findings_selected(struct ui *ui)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	if (!vs->lst.n || vs->lst.sel >= f->n || vs->norder != f->n)
		return NULL;
	return &f->v[at(vs, vs->lst.sel)];
}

static void remember(struct ui *ui, const struct findings *f)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	if (vs->lst.n && vs->lst.sel < f->n && vs->norder == f->n) {
		const struct finding *x = &f->v[at(vs, vs->lst.sel)];
		vs->keep.rule = x->rule;
		vs->keep.kind = x->kind;
		vs->keep.id = x->id;
	}
}

static void sync(struct ui *ui)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	build_order(ui, f);
	list_set_count(&vs->lst, f->n);
	if (!vs->keep.rule)
		return;
	for (size_t r = 0; r < f->n; r++) {
		const struct finding *x = &f->v[at(vs, r)];
		if (x->rule == vs->keep.rule && x->kind == vs->keep.kind && x->id == vs->keep.id) {
			list_select(&vs->lst, r);
			break;
		}
	}
}

static const char *hint(struct ui *ui)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	char *buf = vs->hint_buf;
	const struct findings *f = ui_findings(ui);
	if (f->n == 0)
		return _("No gaps found in what is entered so far. Fill in the other steps and "
			 "look again.");
	unsigned gaps = findings_total(f, SEV_GAP), warnings = findings_total(f, SEV_WARNING);
	char g[128], w[128];
	snprintf(g, sizeof g, ngettext("%u gap", "%u gaps", gaps), gaps);
	snprintf(w, sizeof w, ngettext("%u warning", "%u warnings", warnings), warnings);
	snprintf(buf, sizeof vs->hint_buf, _("%s, %s: select one and press Enter to go and fix it."), g, w);
	return buf;
}

static const struct list_col cols[] = {
	{N_("Severity"), 9, 0},
	{N_("Step"), -2, 10},
	{N_("Item"), -3, 10},
	{N_("What is missing"), -5, 16},
	{N_("Dots"), 4, 0},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	if (row >= f->n || vs->norder != f->n)
		return;
	const struct finding *x = &f->v[at(vs, row)];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	attr_t sa = x->sev == SEV_GAP ? ui_style(ST_ALERT) : x->sev == SEV_WARNING ? ui_style(ST_WARN) : base;
	ui_text(y, cx[0], cw[0], vocab_label(VOCAB_SEVERITY, x->sev), sel ? base : sa, 0);
	char name[64];
	ui_step_name(x->step, name, sizeof name);
	ui_text(y, cx[1], cw[1], name, base, 0);
	ui_text(y, cx[2], cw[2], x->item ? x->item : "", base, 0);
	ui_text(y, cx[3], cw[3], findings_message(x), base, 0);
	int dots = vs->dots ? model_finding_votes(&ui->m, x->rule, x->id) : 0;
	if (dots)
		ui_textf(y, cx[4], cw[4], base, UI_TEXT_RIGHT, "●%d", dots);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	/* the selected finding in full under the list */
	int detail = f->n ? 3 : 0;
	struct ui_rect lr = {r.y, r.x, r.h - detail, r.w};
	vs->dots = ui->voting || ui_votes_total(ui) > 0;
	list_draw(&vs->lst, lr, cols, vs->dots ? 5 : 4, draw_row, ui,
		  _("Nothing to report yet. The findings list the gaps that make measures fail "
		    "after their pilot: goals without indicators, indicators without a "
		    "baseline, tasks nobody is accountable for, costs nobody carries."));
	if (detail && vs->lst.sel < f->n && vs->norder == f->n) {
		const struct finding *x = &f->v[at(vs, vs->lst.sel)];
		struct ui_rect dr = {r.y + r.h - detail + 1, r.x, detail - 1, r.w};
		ui_fill(dr.y - 1, r.x, r.w, ui_style(ST_NORMAL));
		char *text = NULL;
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%s: %s", x->item ? x->item : "", findings_message(x));
		text = buf_steal(&b);
		ui_text_wrapped(dr, 0, text, ui_style(ST_TITLE));
		free(text);
	}
}

/* Goes to the step and the item of the selected finding. */
static int jump(struct ui *ui)
{
	const struct findings *f = ui_findings(ui);
	const struct finding *x = ui_findings_selected(ui);
	if (!x)
		return UI_UNHANDLED;
	enum entity kind = x->kind;
	int64_t id = x->id;
	enum step step = x->step;
	remember(ui, f);
	ui_goto(ui, step);
	const struct ui_view *v = ui_views[step];
	if (v->select && !v->select(ui, kind, id))
		ui_status(ui, "%s", _("The item is not on this step's list any more."));
	return UI_REDRAW | UI_HANDLED;
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	(void)k;
	if (list_move(&vs->lst, a)) {
		remember(ui, ui_findings(ui));
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_EDIT || a == ACT_JUMP)
		return jump(ui);
	if (a == ACT_SORT) {
		remember(ui, ui_findings(ui));
		vs->by_votes = !vs->by_votes;
		ui->synced_valid[STEP_FINDINGS] = false;
		ui_status(ui, "%s", vs->by_votes ? _("Findings ordered by votes, most first (o: usual order).")
						 : _("Findings in the usual order (o: by votes)."));
		return UI_REDRAW | UI_HANDLED;
	}
	return UI_UNHANDLED;
}

static void remember_clicked(struct ui *ui)
{
	remember(ui, ui_findings(ui));
}

static int click(struct ui *ui, int y, int x)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	(void)x;
	return ui_list_click(ui, &vs->lst, y, true, ACT_JUMP, remember_clicked);
}

static const enum ui_action bar[] = {ACT_JUMP, ACT_UNDO, ACT_VOTE, ACT_NONE};
static const enum ui_action more[] = {ACT_VOTE_ADD, ACT_SORT, ACT_NONE};

/* The item the selected finding names, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	(void)vs;
	(void)f;
	const struct finding *x = ui_findings_selected(ui);
	if (!x || x->kind == ENT_WORKSHOP)
		return false;
	*kind = x->kind;
	*id = x->id;
	return true;
}

const struct ui_view ui_view_findings = {
	.step = STEP_FINDINGS,
	.private_size = sizeof(struct findings_state),
	.hint = hint,
	.help = N_("The findings check the plan against what the study saw go wrong when "
		   "funded measures reached their end: no evidence of impact because nobody "
		   "measured the starting point, responsibility settled only for the pilot, "
		   "key people whose posts end with the funding, and running costs nobody "
		   "agreed to carry.\n\nGaps should be closed before the plan goes to the "
		   "council; warnings and hints are worth a look. The list updates with every "
		   "change, and every tab shows its number of gaps."),
	.bar = bar,
	.more = more,
	.done = done,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.current = current_item,
};
