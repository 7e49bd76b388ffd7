/* ui_steps.c — the list of step views. A step that has no screen of its own
 * yet shows a short note; giving it one means writing ui_<step>.c with a
 * `const struct ui_view ui_view_<step>` and naming it here. */
#include "config.h"

#include "i18n.h"
#include "ui_internal.h"

extern const struct ui_view ui_view_workshop, ui_view_goals, ui_view_indicators,
	ui_view_findings;

static const char *todo_hint(struct ui *ui)
{
	(void)ui;
	return _("This step is not on the screen yet; go on with another step (0-2, 7).");
}

static void todo_draw(struct ui *ui, struct ui_rect r)
{
	char name[64];
	ui_step_name(ui->step, name, sizeof name);
	ui_text(r.y + 1, r.x + 2, r.w - 4, name, ui_style(ST_TITLE), 0);
	ui_text_wrapped((struct ui_rect){r.y + 3, r.x + 2, r.h - 3, r.w - 4}, 0,
			_("This step comes with the next part of the screen. Its data can already "
			  "be exchanged as a CSV bundle (stetig export / stetig import), and "
			  "stetig check lists its findings."),
			ui_style(ST_NORMAL));
}

#define TODO_VIEW(name, st)                                                                    \
	static const struct ui_view name = {                                                  \
		.step = st, .hint = todo_hint, .help = NULL, .bar = NULL, .draw = todo_draw,  \
	}

TODO_VIEW(todo_stakeholders, STEP_STAKEHOLDERS);
TODO_VIEW(todo_raci, STEP_RACI);
TODO_VIEW(todo_costs, STEP_COSTS);
TODO_VIEW(todo_check, STEP_CHECK);
TODO_VIEW(todo_export, STEP_EXPORT);

const struct ui_view *const ui_views[STEP_COUNT] = {
	[STEP_WORKSHOP] = &ui_view_workshop,
	[STEP_GOALS] = &ui_view_goals,
	[STEP_INDICATORS] = &ui_view_indicators,
	[STEP_STAKEHOLDERS] = &todo_stakeholders,
	[STEP_RACI] = &todo_raci,
	[STEP_COSTS] = &todo_costs,
	[STEP_CHECK] = &todo_check,
	[STEP_FINDINGS] = &ui_view_findings,
	[STEP_EXPORT] = &todo_export,
};
