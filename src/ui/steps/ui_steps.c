/* ui_steps.c — the list of step views and their private state. Each step
 * is a ui_<step>.c with a `const struct ui_view ui_view_<step>` named here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_internal.h"
#include "util.h"

extern const struct ui_view ui_view_workshop, ui_view_goals, ui_view_indicators,
	ui_view_stakeholders, ui_view_raci, ui_view_costs, ui_view_roadmap, ui_view_check, ui_view_findings,
	ui_view_export;

const struct ui_view *const ui_views[STEP_COUNT] = {
	[STEP_WORKSHOP] = &ui_view_workshop,
	[STEP_GOALS] = &ui_view_goals,
	[STEP_INDICATORS] = &ui_view_indicators,
	[STEP_STAKEHOLDERS] = &ui_view_stakeholders,
	[STEP_RACI] = &ui_view_raci,
	[STEP_COSTS] = &ui_view_costs,
	[STEP_ROADMAP] = &ui_view_roadmap,
	[STEP_CHECK] = &ui_view_check,
	[STEP_FINDINGS] = &ui_view_findings,
	[STEP_EXPORT] = &ui_view_export,
};

void ui_views_open(struct ui *ui)
{
	ui->notes = ui_notes_new();
	for (int i = 0; i < STEP_COUNT; i++) {
		const struct ui_view *v = ui_views[i];
		ui->view_state[i] = v->private_size ? xcalloc(1, v->private_size) : NULL;
		ui->synced_valid[i] = false;
		if (v->init)
			v->init(ui);
	}
}

void ui_views_close(struct ui *ui)
{
	for (int i = 0; i < STEP_COUNT; i++) {
		const struct ui_view *v = ui_views[i];
		if (v->done)
			v->done(ui);
		free(ui->view_state[i]);
		ui->view_state[i] = NULL;
	}
	ui_notes_free(ui->notes);
	ui->notes = NULL;
}

void ui_view_reset(struct ui *ui, enum step step)
{
	const struct ui_view *v = ui_views[step];
	if (v->done)
		v->done(ui);
	if (v->private_size)
		memset(ui->view_state[step], 0, v->private_size);
	if (step == STEP_EXPORT) {
		ui_notes_free(ui->notes);
		ui->notes = ui_notes_new();
	}
	if (v->init)
		v->init(ui);
	ui->synced_valid[step] = false;
}

void *ui_view_state(const struct ui *ui, enum step step)
{
	return ui->view_state[step];
}

int ui_list_click(struct ui *ui, struct list *l, int y, bool active, enum ui_action act,
		  void (*moved)(struct ui *ui))
{
	long row = list_hit(l, y);
	if (row < 0)
		return UI_UNHANDLED;
	if (active && (size_t)row == l->sel)
		return ui_views[ui->step]->key(ui, act, 0);
	list_select(l, (size_t)row);
	if (moved)
		moved(ui);
	return UI_REDRAW | UI_HANDLED;
}
