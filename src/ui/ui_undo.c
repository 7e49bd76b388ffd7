/* ui_undo.c — where an undone or redone change happened (ui_room.h). */
#include "config.h"
#include "ui_room.h"

#include <string.h>

/* The change labels of store_edit.c name what changed after the verb. */
static const struct {
	const char *what;
	enum entity kind; /* ENT_COUNT: no single item to select */
	enum step step;
} places[] = {
	{"workshop", ENT_COUNT, STEP_WORKSHOP},
	{"strategy goal", ENT_SGOAL, STEP_WORKSHOP},
	{"agenda", ENT_COUNT, STEP_WORKSHOP},
	{"agenda block", ENT_COUNT, STEP_WORKSHOP},
	{"goal", ENT_GOAL, STEP_GOALS},
	{"indicator", ENT_INDICATOR, STEP_INDICATORS},
	{"stakeholder", ENT_STAKEHOLDER, STEP_STAKEHOLDERS},
	{"task", ENT_TASK, STEP_RACI},
	{"pilot tasks", ENT_COUNT, STEP_RACI},
	{"finding", ENT_COUNT, STEP_FINDINGS},
	{"responsibility", ENT_TASK, STEP_RACI},
	{"cost", ENT_COST, STEP_COSTS},
	{"cost share", ENT_COST, STEP_COSTS},
	{"check item", ENT_COUNT, STEP_CHECK},
	{"note", ENT_NOTE, STEP_EXPORT},
};

/* The id of the first item of kind named name, or 0. */
static int64_t find_named(const struct model *m, enum entity kind, const char *name)
{
	const struct table *t;
	switch (kind) {
	case ENT_SGOAL:
		t = &m->sgoals;
		break;
	case ENT_GOAL:
		t = &m->goals;
		break;
	case ENT_INDICATOR:
		t = &m->indicators;
		break;
	case ENT_STAKEHOLDER:
		t = &m->stakeholders;
		break;
	case ENT_TASK:
		t = &m->tasks;
		break;
	case ENT_COST:
		t = &m->costs;
		break;
	case ENT_NOTE:
		t = &m->notes;
		break;
	default:
		return 0;
	}
	for (size_t i = 0; i < t->n; i++) {
		/* every entity begins with its id */
		int64_t id;
		memcpy(&id, (const char *)t->items + i * t->size, sizeof id);
		if (!strcmp(model_entity_name(m, kind, id), name))
			return id;
	}
	return 0;
}

void ui_undo_show(struct ui *ui, const char *label, const char *item)
{
	if (!label)
		return;
	const char *sp = strchr(label, ' ');
	if (!sp)
		return;
	const char *what = sp + 1;
	for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
		if (strcmp(places[i].what, what))
			continue;
		if (places[i].kind == ENT_NOTE && ui->lot_open) {
			/* the parking lot panel shows the note where the group is */
			int64_t id = item && *item ? find_named(&ui->m, ENT_NOTE, item) : 0;
			if (id)
				ui_notes_select(ui, id);
			return;
		}
		ui_goto(ui, places[i].step);
		const struct ui_view *v = ui_views[places[i].step];
		int64_t id = item && *item ? find_named(&ui->m, places[i].kind, item) : 0;
		if (id && v->select)
			v->select(ui, places[i].kind, id);
		return;
	}
}
