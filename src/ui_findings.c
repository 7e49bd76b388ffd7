/* ui_findings.c — step 7: the live list of findings (gaps, warnings,
 * hints). Enter goes to the step and the item a finding names. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

struct findings_state {
	struct list lst;
	/* the finding to keep selected while the list changes */
	struct {
		const char *rule;
		enum entity kind;
		int64_t id;
	} keep;
	char hint_buf[512];
};

static void remember(struct ui *ui, const struct findings *f)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	if (vs->lst.n && vs->lst.sel < f->n) {
		const struct finding *x = &f->v[vs->lst.sel];
		vs->keep.rule = x->rule;
		vs->keep.kind = x->kind;
		vs->keep.id = x->id;
	}
}

static void sync(struct ui *ui)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	list_set_count(&vs->lst, f->n);
	if (!vs->keep.rule)
		return;
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].rule == vs->keep.rule && f->v[i].kind == vs->keep.kind && f->v[i].id == vs->keep.id) {
			list_select(&vs->lst, i);
			break;
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
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	const struct findings *f = ui_findings(ui);
	if (row >= f->n)
		return;
	const struct finding *x = &f->v[row];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	attr_t sa = x->sev == SEV_GAP ? ui_style(ST_ALERT) : x->sev == SEV_WARNING ? ui_style(ST_WARN) : base;
	ui_text(y, cx[0], cw[0], vocab_label(VOCAB_SEVERITY, x->sev), sel ? base : sa, 0);
	char name[64];
	ui_step_name(x->step, name, sizeof name);
	ui_text(y, cx[1], cw[1], name, base, 0);
	ui_text(y, cx[2], cw[2], x->item ? x->item : "", base, 0);
	ui_text(y, cx[3], cw[3], findings_message(x), base, 0);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	/* the selected finding in full under the list */
	int detail = f->n ? 3 : 0;
	struct ui_rect lr = {r.y, r.x, r.h - detail, r.w};
	list_draw(&vs->lst, lr, cols, 4, draw_row, ui,
		  _("Nothing to report yet. The findings list the gaps that make measures fail "
		    "after their pilot: goals without indicators, indicators without a "
		    "baseline, tasks nobody is accountable for, costs nobody carries."));
	if (detail && vs->lst.sel < f->n) {
		const struct finding *x = &f->v[vs->lst.sel];
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
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	if (!vs->lst.n || vs->lst.sel >= f->n)
		return UI_UNHANDLED;
	const struct finding *x = &f->v[vs->lst.sel];
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
	return UI_UNHANDLED;
}

static int click(struct ui *ui, int y, int x)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	(void)x;
	long row = list_hit(&vs->lst, y);
	if (row < 0)
		return UI_UNHANDLED;
	if ((size_t)row == vs->lst.sel)
		return jump(ui);
	list_select(&vs->lst, (size_t)row);
	remember(ui, ui_findings(ui));
	return UI_REDRAW | UI_HANDLED;
}

static const enum ui_action bar[] = {ACT_JUMP, ACT_UNDO, ACT_NONE};

/* The item the selected finding names, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	struct findings_state *vs = ui_view_state(ui, STEP_FINDINGS);
	const struct findings *f = ui_findings(ui);
	if (!vs->lst.n || vs->lst.sel >= f->n || f->v[vs->lst.sel].kind == ENT_WORKSHOP)
		return false;
	*kind = f->v[vs->lst.sel].kind;
	*id = f->v[vs->lst.sel].id;
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
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.current = current_item,
};
