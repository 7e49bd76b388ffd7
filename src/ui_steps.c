/* ui_steps.c — the list of step views. Each step is a ui_<step>.c with a
 * `const struct ui_view ui_view_<step>` named here. */
#include "config.h"

#include "ui_internal.h"

extern const struct ui_view ui_view_workshop, ui_view_goals, ui_view_indicators,
	ui_view_stakeholders, ui_view_raci, ui_view_costs, ui_view_check, ui_view_findings,
	ui_view_export;

const struct ui_view *const ui_views[STEP_COUNT] = {
	[STEP_WORKSHOP] = &ui_view_workshop,
	[STEP_GOALS] = &ui_view_goals,
	[STEP_INDICATORS] = &ui_view_indicators,
	[STEP_STAKEHOLDERS] = &ui_view_stakeholders,
	[STEP_RACI] = &ui_view_raci,
	[STEP_COSTS] = &ui_view_costs,
	[STEP_CHECK] = &ui_view_check,
	[STEP_FINDINGS] = &ui_view_findings,
	[STEP_EXPORT] = &ui_view_export,
};
