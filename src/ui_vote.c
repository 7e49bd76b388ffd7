/* ui_vote.c — dot voting (F7). While a vote runs, + gives the item the
 * current step has selected (a goal, a task, a check item, a finding) one
 * dot and - takes one back; every dot is one committed change and one undo
 * step. Goals, tasks and check items hold their dots in a field
 * (entities.def); a finding is computed, so its dots are kept by its rule
 * and the item it names (store_set_finding_votes).
 * The shell asks here before the step sees + and -, so the keys keep their
 * other meanings (agenda minutes, emptying a RACI cell) outside a vote. */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "templates.h"
#include "ui_internal.h"
#include "ui_vote.h"

/* The item's name as the room knows it (a check item by its title). */
static const char *item_name(struct ui *ui, enum entity kind, const void *e)
{
	if (kind == ENT_CHECK) {
		const struct check_item *c = e;
		const struct catalogue_item *ci =
			catalogue_find(i18n_lang(), c->factor, c->field, c->item);
		return ci ? ci->title : "";
	}
	return model_entity_name(&ui->m, kind, *(const int64_t *)e);
}

static const char *const vote_labels[ENT_COUNT] = {
	[ENT_GOAL] = N_("Dot-vote goal"),
	[ENT_TASK] = N_("Dot-vote task"),
	[ENT_CHECK] = N_("Dot-vote check item"),
};

unsigned ui_votes_total(struct ui *ui)
{
	if (!ui->votes_valid || ui->votes_rev != ui->m.revision) {
		ui->votes_total = model_votes_total(&ui->m);
		ui->votes_rev = ui->m.revision;
		ui->votes_valid = true;
	}
	return ui->votes_total;
}

void ui_vote_toggle(struct ui *ui)
{
	ui->voting = !ui->voting;
	unsigned total = ui_votes_total(ui);
	if (ui->voting)
		ui_status(ui, ngettext("Dot vote running: + gives the selected item a dot, - takes one "
				       "back; %u dot given so far. F7 ends it.",
				       "Dot vote running: + gives the selected item a dot, - takes one "
				       "back; %u dots given so far. F7 ends it.",
				       total),
			  total);
	else
		ui_status(ui, ngettext("Dot vote ended: %u dot in all; o orders a list by votes.",
				       "Dot vote ended: %u dots in all; o orders a list by votes.",
				       total),
			  total);
}

/* A dot more or less for the selected finding (kept by its rule and item). */
static int vote_finding(struct ui *ui, int delta)
{
	const struct finding *x = ui_findings_selected(ui);
	if (!x) {
		ui_status(ui, "%s", _("Nothing to vote on here: dots go to goals, tasks, check items and findings."));
		return UI_REDRAW | UI_HANDLED;
	}
	char rule[128], name[256];
	snprintf(rule, sizeof rule, "%s", x->rule ? x->rule : "");
	snprintf(name, sizeof name, "%s", x->item && *x->item ? x->item : findings_message(x));
	int64_t item = x->id;
	int now = model_finding_votes(&ui->m, rule, item) + delta;
	if (now < 0 || now > 999) {
		ui_status(ui, delta < 0 ? _("“%s” has no dot to take back.")
					: _("“%s” has as many dots as an item can hold."),
			  name);
		return UI_REDRAW | UI_HANDLED;
	}
	if (ui_store_ok(ui, store_set_finding_votes(ui->s, &ui->m, rule, item, now, name))) {
		unsigned total = ui_votes_total(ui);
		ui_status(ui, ngettext("“%s”: %d dot; %u given in all.",
				       "“%s”: %d dots; %u given in all.", (unsigned long)now),
			  name, now, total);
	}
	return UI_REDRAW | UI_HANDLED;
}

int ui_vote_key(struct ui *ui, enum ui_action a)
{
	if (!ui->voting || (a != ACT_VOTE_ADD && a != ACT_VOTE_REMOVE))
		return UI_UNHANDLED;
	if (ui->step == STEP_FINDINGS)
		return vote_finding(ui, a == ACT_VOTE_ADD ? 1 : -1);
	const struct ui_view *v = ui_views[ui->step];
	enum entity kind = ENT_COUNT;
	int64_t id = 0;
	if (!v->current || !v->current(ui, &kind, &id) || !model_votable(kind)) {
		ui_status(ui, "%s",
			  _("Nothing to vote on here: dots go to goals, tasks, check items and findings."));
		return UI_REDRAW | UI_HANDLED;
	}
	const void *old = table_find(model_table(&ui->m, kind), id);
	if (!old)
		return UI_REDRAW | UI_HANDLED;
	union entity_any e;
	entity_copy(kind, &e, old);
	int *votes = entity_votes(kind, &e);
	int delta = a == ACT_VOTE_ADD ? 1 : -1;
	char name[256];
	snprintf(name, sizeof name, "%s", item_name(ui, kind, &e));
	if (*votes + delta < 0 || *votes + delta > 999) {
		ui_status(ui, delta < 0 ? _("“%s” has no dot to take back.")
					: _("“%s” has as many dots as an item can hold."),
			  name);
		entity_free(kind, &e);
		return UI_REDRAW | UI_HANDLED;
	}
	*votes += delta;
	int now = *votes;
	enum err st = store_begin(ui->s, vote_labels[kind], name);
	if (st == ERR_OK) {
		st = store_save_entity(ui->s, &ui->m, kind, &e);
		if (st == ERR_OK)
			st = store_commit(ui->s, &ui->m);
		else
			store_rollback(ui->s, &ui->m);
	}
	entity_free(kind, &e);
	if (ui_store_ok(ui, st)) {
		unsigned total = ui_votes_total(ui);
		ui_status(ui, ngettext("“%s”: %d dot; %u given in all.",
				       "“%s”: %d dots; %u given in all.", (unsigned long)now),
			  name, now, total);
	}
	return UI_REDRAW | UI_HANDLED;
}
