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

#include "util.h"

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

/* The dots there are in this vote: people × dots per person (0 when the
 * vote was started before anybody said). */
unsigned ui_votes_budget(const struct ui *ui)
{
	const struct workshop *w = &ui->m.ws;
	if (w->vote_voters <= 0 || w->vote_dots <= 0)
		return 0;
	return (unsigned)w->vote_voters * (unsigned)w->vote_dots;
}

void ui_votes_text(struct ui *ui, char *buf, size_t n)
{
	unsigned total = ui_votes_total(ui), budget = ui_votes_budget(ui);
	if (budget)
		/* TRANSLATORS: dots given of all dots there are, then people × dots
		   each, e.g. "7 of 30 dots (10 × 3)" */
		snprintf(buf, n, ngettext("%u of %u dot (%d × %d)", "%u of %u dots (%d × %d)", budget),
			 total, budget, ui->m.ws.vote_voters, ui->m.ws.vote_dots);
	else
		snprintf(buf, n, ngettext("%u dot", "%u dots", total), total);
}

/* How many names the participants field lists (comma, semicolon or line
 * separated), the first guess of how many people vote. */
static long count_participants(const char *s)
{
	long n = 0;
	bool word = false;
	for (const char *p = s; p && *p; p++) {
		if (*p == ',' || *p == ';' || *p == '\n') {
			word = false;
		} else if (*p != ' ' && *p != '\t' && *p != '\r' && !word) {
			word = true;
			n++;
		}
	}
	return n;
}

enum { VF_VOTERS, VF_DOTS };

static bool start_vote(struct ui *ui, struct form *fm, int64_t id)
{
	(void)id;
	long voters = form_int(fm, VF_VOTERS), dots = form_int(fm, VF_DOTS);
	if (voters != ui->m.ws.vote_voters || dots != ui->m.ws.vote_dots) {
		struct workshop w;
		workshop_copy(&w, &ui->m.ws);
		w.vote_voters = (int)voters;
		w.vote_dots = (int)dots;
		bool ok = ui_store_ok(ui, store_save_workshop(ui->s, &ui->m, &w));
		workshop_free(&w);
		if (!ok)
			return true;
	}
	ui->voting = true;
	char given[96];
	ui_votes_text(ui, given, sizeof given);
	ui_status(ui,
		  _("Dot vote running: + gives the selected item a dot, - takes one back; %s. "
		    "F7 ends it."),
		  given);
	return true;
}

void ui_vote_toggle(struct ui *ui)
{
	if (ui->voting) {
		ui->voting = false;
		char given[96];
		ui_votes_text(ui, given, sizeof given);
		ui_status(ui, _("Dot vote ended: %s; o orders a list by votes."), given);
		return;
	}
	/* before the first dot: how many people vote, how many dots each */
	const struct workshop *w = &ui->m.ws;
	long voters = w->vote_voters > 0 ? w->vote_voters : count_participants(w->participants);
	if (voters < 1 || voters > 999)
		voters = 10;
	long dots = w->vote_dots > 0 ? w->vote_dots : 3;
	struct form *fm = form_new(N_("Start a dot vote"), NULL);
	form_add_int(fm, N_("People voting"), voters, 1, 999);
	form_set_note(fm, VF_VOTERS, N_("How many people in the room give dots."));
	form_add_int(fm, N_("Dots per person"), dots, 1, 99);
	form_set_note(fm, VF_DOTS, N_("How many dots each of them has; Enter starts the vote."));
	form_focus(fm, VF_DOTS);
	ui_form_open(ui, fm, start_vote, 0);
}

/* Says how many dots the item has now and how many are given of all
 * there are; warns when more are given than the people have. */
static void vote_said(struct ui *ui, const char *name, int now)
{
	char given[96];
	ui_votes_text(ui, given, sizeof given);
	unsigned budget = ui_votes_budget(ui);
	if (budget && ui_votes_total(ui) > budget)
		ui_error(ui, ngettext("“%s”: %d dot; %s — more than the people have.",
				      "“%s”: %d dots; %s — more than the people have.",
				      (unsigned long)now),
			 name, now, given);
	else
		ui_status(ui, ngettext("“%s”: %d dot; %s given.", "“%s”: %d dots; %s given.",
				       (unsigned long)now),
			  name, now, given);
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
		vote_said(ui, name, now);
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
		vote_said(ui, name, now);
	}
	return UI_REDRAW | UI_HANDLED;
}
