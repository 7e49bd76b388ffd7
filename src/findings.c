/* findings.c — the guidance rules: where a measure's plan is likely to fail
 * after the funded pilot (after the BBSR study, Hohmann/Kayser/Abt 2025), and
 * the readiness per factor from the check items.
 *
 * Every rule runs in one pass over a table; the RACI matrix is only read
 * through the role counts the model keeps per task and per stakeholder, and
 * through the cell list of a task that has a temporary actor on A or R. The
 * findings are emitted step by step in model order and then bucket-sorted by
 * step and severity, which keeps that order and stays linear. */
#include "config.h"
#include "findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* Percent sums are compared with this tolerance (33.3 + 33.3 + 33.4). */
#define PERCENT_EPS 1e-6
/* Influence and interest from this score on count as high. */
#define HIGH_SCORE 4

static const char *const factor_names[FACTOR_COUNT] = {
	N_("Communication"),  N_("Impact"), N_("Technical integration"),
	N_("Responsibility"), N_("Costs"),  N_("Wind-down"),
};

const char *findings_factor_name(int factor)
{
	if (factor < 1 || factor > FACTOR_COUNT)
		return "";
	return _(factor_names[factor - 1]);
}

/* ------------------------------------------------------------ collecting */

struct ctx {
	const struct model *m;
	struct findings *out;
	enum lang lang;
	const char *ws_item; /* how the workshop is named in findings */
	bool winddown;	     /* the measure is being wound down */
};

static void add(struct ctx *c, enum severity sev, enum step step, enum entity kind, int64_t id,
		const char *item, const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static void add(struct ctx *c, enum severity sev, enum step step, enum entity kind, int64_t id,
		const char *item, const char *rule, const char *fmt, ...)
{
	struct findings *out = c->out;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct finding *f = &out->v[out->n++];
	f->sev = sev;
	f->step = step;
	f->kind = kind;
	f->id = id;
	f->item = xstrdup(item);
	f->rule = rule;
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	f->message = xmalloc((size_t)len + 1);
	vsnprintf(f->message, (size_t)len + 1, fmt, ap2);
	va_end(ap2);
	out->count[step][sev]++;
}

/* true when s holds nothing but white space: such a field is not filled. */
static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* s, or the (translated) fallback when s is blank. */
static const char *name_or(const char *s, const char *fallback)
{
	return blank(s) ? fallback : s;
}

static unsigned roles_in_phase(const struct stakeholder *sh, int phase)
{
	unsigned n = 0;
	for (int r = RACI_R; r < RACI_COUNT; r++)
		n += sh->roles[phase][r];
	return n;
}

static unsigned roles_total(const struct stakeholder *sh)
{
	return roles_in_phase(sh, TPHASE_PILOT) + roles_in_phase(sh, TPHASE_REGULAR);
}

/* Number of tasks on which sh is accountable or responsible. */
static unsigned ar_total(const struct stakeholder *sh)
{
	unsigned n = 0;
	for (int p = 0; p < TPHASE_COUNT; p++)
		n += sh->roles[p][RACI_A] + sh->roles[p][RACI_R];
	return n;
}

/* ------------------------------------------------------------ workshop */

static void rules_workshop(struct ctx *c)
{
	const struct model *m = c->m;
	if (blank(m->ws.title))
		add(c, SEV_WARNING, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item, "workshop.no_title",
		    _("The measure has no title; give it a short name that the council will "
		      "recognise."));
	if (model_funding_end_year(m) == 0)
		add(c, SEV_WARNING, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item,
		    "workshop.no_funding_end",
		    _("The funding end date is missing; enter it so that the costs after the "
		      "funding can be checked."));
	if (m->sgoals.n == 0)
		add(c, SEV_HINT, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item, "workshop.no_strategy",
		    _("No municipal strategy goal is recorded; add the ones the measure serves "
		      "and link its goals to them."));
}

/* ------------------------------------------------------------ goals */

/* Words are runs of letters; the bytes of multi-byte UTF-8 characters count
 * as letters (ä, ö, ü, ß). */
static bool is_word_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

static bool in_list(const char *w, const char *const *list, size_t n, bool prefix)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]);
		if (prefix ? !strncmp(w, list[i], len) : !strcmp(w, list[i]))
			return true;
	}
	return false;
}

/* true when the specific part of a goal only says that something should get
 * better: a vague verb ("improve", "verbessern", "stärken", …) with nothing
 * but filler words around it and no figure at all. "Improve mobility" names
 * an object and passes; "Verbessern", "die Situation weiter verbessern" and
 * "improve and strengthen" do not. */
bool findings_vague_specific(const char *s)
{
	/* stems, matched as word prefixes (verbessern, Verbesserung, improved) */
	static const char *const verbs[] = {
		"verbesser", "stärk", "optimi", "förder", "erhöh", "steiger", "ausbau",
		"weiterentwickel", "improv", "increas", "strength", "enhanc", "promot", "boost",
		"foster", "advanc",
	};
	static const char *const fillers[] = {
		/* English */
		"a", "an", "and", "or", "the", "of", "to", "it", "its", "we", "our", "us", "want",
		"should", "will", "must", "shall", "further", "more", "better", "overall", "general",
		"generally", "significantly", "continuously", "sustainably", "strongly", "also",
		"situation", "things", "something", "everything", "be", "is", "are", "step",
		/* German */
		"und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
		"zu", "es", "wir", "unser", "unsere", "wollen", "soll", "sollen", "werden", "wird",
		"muss", "müssen", "weiter", "weiterhin", "mehr", "besser", "insgesamt",
		"allgemein", "generell", "deutlich", "kontinuierlich", "nachhaltig", "stark",
		"auch", "lage", "situation", "dinge", "etwas", "alles", "schrittweise",
	};
	if (blank(s))
		return false;
	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			return false;
	bool verb = false;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (!is_word_byte(*p)) {
			p++;
			continue;
		}
		char w[48];
		size_t n = 0;
		bool ascii_letter = false, too_long = false;
		while (*p && is_word_byte(*p)) {
			if (*p < 0x80)
				ascii_letter = true;
			if (n + 1 < sizeof w)
				w[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
			else
				too_long = true;
			p++;
		}
		w[n] = '\0';
		if (!ascii_letter) /* a dash or quote mark such as – or „ */
			continue;
		if (too_long)
			return false;
		if (in_list(w, verbs, sizeof verbs / sizeof *verbs, true))
			verb = true;
		else if (!in_list(w, fillers, sizeof fillers / sizeof *fillers, false))
			return false;
	}
	return verb;
}

static void rules_goals(struct ctx *c, const unsigned *indicators_per_goal)
{
	const struct model *m = c->m;
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		if (g->status == GSTAT_DROPPED)
			continue;
		const char *item = name_or(g->title, _("(untitled goal)"));
		const struct {
			const char *text, *part;
		} parts[] = {
			{g->specific, N_("specific")},	   {g->measurable, N_("measurable")},
			{g->achievable, N_("achievable")}, {g->relevant, N_("relevant")},
			{g->time_bound, N_("time-bound")},
		};
		struct buf missing;
		buf_init(&missing);
		unsigned n = 0;
		for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
			if (!blank(parts[k].text))
				continue;
			buf_printf(&missing, "%s%s", n ? ", " : "", _(parts[k].part));
			n++;
		}
		if (n)
			add(c, SEV_GAP, STEP_GOALS, ENT_GOAL, g->id, item, "goal.smart_missing",
			    ngettext("The SMART part %s is empty; work it out with the group.",
				     "The SMART parts %s are empty; work them out with the group.", n),
			    missing.data);
		buf_free(&missing);
		struct date d;
		if (!blank(g->time_bound) && !date_parse(g->time_bound, &d))
			add(c, SEV_WARNING, STEP_GOALS, ENT_GOAL, g->id, item, "goal.time_not_date",
			    _("The deadline '%s' is not a date; enter it as DD.MM.YYYY or "
			      "YYYY-MM-DD."),
			    g->time_bound);
		if (indicators_per_goal[i] == 0)
			add(c, SEV_GAP, STEP_GOALS, ENT_GOAL, g->id, item, "goal.no_indicator",
			    _("No indicator measures this goal; add one with a baseline and a "
			      "target."));
		if (!g->strategy_goal || !model_sgoal(m, g->strategy_goal))
			add(c, SEV_WARNING, STEP_GOALS, ENT_GOAL, g->id, item, "goal.no_strategy",
			    _("Not linked to a strategy goal; link it so that its contribution to the "
			      "municipal strategy shows."));
		if (findings_vague_specific(g->specific))
			add(c, SEV_HINT, STEP_GOALS, ENT_GOAL, g->id, item, "goal.vague",
			    _("The specific part '%s' is only a vague verb; say what changes, for "
			      "whom and by how much."),
			    g->specific);
	}
}

/* ------------------------------------------------------------ indicators */

static void rules_indicators(struct ctx *c)
{
	const struct model *m = c->m;
	for (size_t i = 0; i < m->indicators.n; i++) {
		const struct indicator *ind = MODEL_AT(m->indicators, struct indicator, i);
		const struct goal *g = model_goal(m, ind->goal);
		if (g && g->status == GSTAT_DROPPED)
			continue;
		const char *item = name_or(ind->name, _("(unnamed indicator)"));
		if (!ind->baseline.set)
			add(c, SEV_GAP, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_baseline",
			    _("No baseline; measure the starting value now, or the effect cannot be "
			      "shown later."));
		if (!ind->target.set) {
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_target",
			    _("No target value; agree which value counts as success."));
		} else if (ind->baseline.set) {
			bool higher = ind->direction != DIR_LOWER;
			bool ok = higher ? ind->target.v > ind->baseline.v
					 : ind->target.v < ind->baseline.v;
			if (!ok) {
				char t[64], b[64];
				i18n_number(ind->target.v, c->lang, t);
				i18n_number(ind->baseline.v, c->lang, b);
				if (higher)
					add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
					    "indicator.target_direction",
					    _("Higher is better, but the target %s is not above the "
					      "baseline %s; check the target or the direction."),
					    t, b);
				else
					add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
					    "indicator.target_direction",
					    _("Lower is better, but the target %s is not below the "
					      "baseline %s; check the target or the direction."),
					    t, b);
			}
		}
		const struct stakeholder *owner = ind->owner ? model_stakeholder(m, ind->owner) : NULL;
		if (!owner)
			add(c, SEV_GAP, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_owner",
			    _("No owner; name the actor who collects and reports the values."));
		else if (ar_total(owner) == 0)
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.owner_no_ar",
			    _("The owner %s holds neither A nor R on any task; give them a task or "
			      "choose another owner."),
			    name_or(owner->name, _("(unnamed stakeholder)")));
		if (blank(ind->source))
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_source",
			    _("No data source; note where the values come from."));
		if (blank(ind->frequency))
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_frequency",
			    _("No frequency; agree how often the value is collected."));
	}
}

/* ------------------------------------------------------------ stakeholders */

static void rules_stakeholders(struct ctx *c)
{
	const struct model *m = c->m;
	bool key = false;
	for (size_t i = 0; i < m->stakeholders.n && !key; i++)
		key = MODEL_AT(m->stakeholders, struct stakeholder, i)->key_person;
	if (!key)
		add(c, SEV_GAP, STEP_STAKEHOLDERS, ENT_WORKSHOP, 0, c->ws_item,
		    "stakeholder.no_key_person",
		    _("No key person in the stakeholder map; mark the people who will carry the "
		      "measure into regular operation."));
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *sh = MODEL_AT(m->stakeholders, struct stakeholder, i);
		const char *item = name_or(sh->name, _("(unnamed stakeholder)"));
		if (sh->influence >= HIGH_SCORE) {
			bool msg = !blank(sh->message), chan = !blank(sh->channel);
			if (!msg && !chan)
				add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
				    "stakeholder.no_message",
				    _("High influence, but no core message and no channel; agree what "
				      "this actor should hear and how to reach them."));
			else if (!msg)
				add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
				    "stakeholder.no_message",
				    _("High influence, but no core message; agree what this actor should "
				      "hear about the measure."));
			else if (!chan)
				add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
				    "stakeholder.no_message",
				    _("High influence, but no channel; agree how and where to reach this "
				      "actor."));
		}
		if (sh->influence >= HIGH_SCORE && sh->interest >= HIGH_SCORE && roles_total(sh) == 0)
			add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
			    "stakeholder.no_role",
			    _("High influence and interest, but no RACI role; decide on which tasks "
			      "this actor takes part."));
	}
}

/* ------------------------------------------------------------ responsibilities */

/* Categories every measure needs in regular operation. */
static const int required_categories[] = {CAT_OPERATION, CAT_MAINTENANCE, CAT_FUNDING};

static bool is_required_category(int cat)
{
	for (size_t i = 0; i < sizeof required_categories / sizeof *required_categories; i++)
		if (required_categories[i] == cat)
			return true;
	return false;
}

/* The temporary actors who are A or R on t, joined with ", "; their count. */
static unsigned temporary_ar_names(const struct model *m, const struct task *t, struct buf *b)
{
	unsigned n = 0;
	for (size_t k = 0; k < t->cells.n; k++) {
		const struct raci_ref *r = &t->cells.v[k];
		if (r->role != RACI_A && r->role != RACI_R)
			continue;
		const struct stakeholder *sh = model_stakeholder(m, r->other);
		if (!sh || !sh->temporary)
			continue;
		buf_printf(b, "%s%s", n ? ", " : "", name_or(sh->name, _("(unnamed stakeholder)")));
		n++;
	}
	return n;
}

static void rules_raci(struct ctx *c)
{
	const struct model *m = c->m;
	unsigned per_category[TPHASE_COUNT][CAT_COUNT] = {{0}};
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->phase >= 0 && t->phase < TPHASE_COUNT && t->category >= 0 &&
		    t->category < CAT_COUNT)
			per_category[t->phase][t->category]++;
	}
	/* A measure that is being wound down needs no regular operation. */
	if (!c->winddown) {
		for (int cat = 0; cat < CAT_COUNT; cat++) {
			if (per_category[TPHASE_REGULAR][cat])
				continue;
			if (is_required_category(cat))
				add(c, SEV_GAP, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
				    "raci.regular_missing",
				    _("No regular-operation task for '%s'; add one and agree who is "
				      "accountable after the funding."),
				    vocab_label(VOCAB_CATEGORY, cat));
			else if (per_category[TPHASE_PILOT][cat])
				add(c, SEV_WARNING, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
				    "raci.regular_missing_pilot",
				    _("The category '%s' has pilot tasks but none in regular operation; decide whether "
				      "it continues and who takes over."),
				    vocab_label(VOCAB_CATEGORY, cat));
		}
	}
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		const char *item = name_or(t->name, _("(unnamed task)"));
		unsigned a = t->roles[RACI_A];
		if (a == 0)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.no_a",
			    _("Nobody is accountable (A); name exactly one actor who answers for this "
			      "task."));
		else if (a > 1)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.multi_a",
			    ngettext("%u actor is accountable (A); keep one A and make the others R "
				     "or C.",
				     "%u actors are accountable (A); keep one A and make the others R "
				     "or C.",
				     a),
			    a);
		if (t->roles[RACI_R] == 0)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.no_r",
			    _("Nobody is responsible (R); name at least one actor who does the "
			      "work."));
		if (t->phase == TPHASE_REGULAR && t->temp_ar > 0) {
			struct buf names;
			buf_init(&names);
			unsigned n = temporary_ar_names(m, t, &names);
			if (n)
				add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.temporary_ar",
				    ngettext("A or R lies with %s, whose post ends with the funding; "
					     "hand it over to a permanent actor.",
					     "A or R lies with %s, whose posts end with the funding; "
					     "hand them over to permanent actors.",
					     n),
				    names.data);
			buf_free(&names);
		}
	}
	if (c->winddown)
		return;
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *sh = MODEL_AT(m->stakeholders, struct stakeholder, i);
		/* temporary posts end with the funding anyway (task.temporary_ar) */
		if (sh->temporary || sh->roles[TPHASE_PILOT][RACI_A] == 0 ||
		    roles_in_phase(sh, TPHASE_REGULAR) > 0)
			continue;
		add(c, SEV_WARNING, STEP_RACI, ENT_STAKEHOLDER, sh->id,
		    name_or(sh->name, _("(unnamed stakeholder)")), "stakeholder.handover_open",
		    _("Accountable (A) in the pilot but without a role in regular operation: the "
		      "handover is open; agree who takes over."));
	}
}

/* ------------------------------------------------------------ costs */

static void rules_costs(struct ctx *c)
{
	const struct model *m = c->m;
	if (m->costs.n == 0)
		return;
	double *shared = xcalloc(m->costs.n, sizeof *shared);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
		long ci = table_index(&m->costs, s->cost);
		if (ci >= 0)
			shared[ci] += s->percent;
	}
	int funding_end = model_funding_end_year(m);
	for (size_t i = 0; i < m->costs.n; i++) {
		const struct cost *k = MODEL_AT(m->costs, struct cost, i);
		const char *item = name_or(k->name, _("(unnamed cost)"));
		char pct[64];
		if (shared[i] > 100 + PERCENT_EPS) {
			i18n_number(shared[i], c->lang, pct);
			add(c, SEV_GAP, STEP_COSTS, ENT_COST, k->id, item, "cost.overshared",
			    _("The partner shares add up to %s%%; reduce them to 100%% in total."),
			    pct);
			continue;
		}
		if (k->kind != COST_YEARLY || funding_end == 0)
			continue;
		if (k->end_year != 0 && k->end_year <= funding_end)
			continue;
		if (shared[i] >= 100 - PERCENT_EPS)
			continue;
		int from = k->start_year > funding_end ? k->start_year : funding_end + 1;
		i18n_number(100 - shared[i], c->lang, pct);
		add(c, SEV_GAP, STEP_COSTS, ENT_COST, k->id, item, "cost.uncovered",
		    _("From %d on, %s%% of this yearly cost are not covered by partner shares; "
		      "agree who pays them."),
		    from, pct);
	}
	free(shared);
}

/* ------------------------------------------------------------ check */

static void rules_check(struct ctx *c)
{
	const struct model *m = c->m;
	if (m->checks.n == 0)
		return;
	size_t assessed = 0;
	for (size_t i = 0; i < m->checks.n; i++)
		if (MODEL_AT(m->checks, struct check_item, i)->status != CHECK_OPEN)
			assessed++;
	if (assessed == 0) {
		add(c, SEV_HINT, STEP_CHECK, ENT_WORKSHOP, 0, c->ws_item, "check.not_assessed",
		    ngettext("%zu check item is not assessed yet; go through the check list "
			     "with the group.",
			     "None of the %zu check items is assessed yet; go through the check "
			     "list with the group.",
			     m->checks.n),
		    m->checks.n);
		return;
	}
	struct readiness r;
	findings_readiness(m, &r);
	/* the wind-down factor only matters when the measure is wound down */
	int factors = c->winddown ? FACTOR_COUNT : FACTOR_COUNT - 1;
	for (int f = 0; f < factors; f++) {
		if (r.factor[f] < 0 || r.factor[f] >= 0.5)
			continue;
		int pct = (int)(r.factor[f] * 100 + 0.5);
		add(c, SEV_HINT, STEP_CHECK, ENT_WORKSHOP, 0, findings_factor_name(f + 1),
		    "check.low_readiness",
		    _("Readiness is only %d%%; agree the next steps on the open recommendations "
		      "of this factor."),
		    pct);
	}
}

/* ------------------------------------------------------------ the engine */

/* Sorts by step, then severity, keeping the order of emission (model order)
 * within each: a stable counting sort. */
static void sort_findings(struct findings *out)
{
	enum { BUCKETS = STEP_COUNT * SEV_COUNT };
	size_t start[BUCKETS + 1] = {0};
	for (size_t i = 0; i < out->n; i++)
		start[out->v[i].step * SEV_COUNT + out->v[i].sev + 1]++;
	for (int b = 0; b < BUCKETS; b++)
		start[b + 1] += start[b];
	struct finding *sorted = xmalloc((out->n ? out->n : 1) * sizeof *sorted);
	for (size_t i = 0; i < out->n; i++)
		sorted[start[out->v[i].step * SEV_COUNT + out->v[i].sev]++] = out->v[i];
	free(out->v);
	out->v = sorted;
	out->cap = out->n ? out->n : 1;
}

void findings_compute(const struct model *m, struct findings *out)
{
	memset(out, 0, sizeof *out);
	struct ctx c = {
		.m = m,
		.out = out,
		.lang = i18n_lang(),
		.ws_item = name_or(m->ws.title, _("(untitled workshop)")),
		.winddown = m->ws.phase == PHASE_WINDDOWN,
	};
	/* indicators per goal in one pass, by the goals' positions */
	unsigned *per_goal = xcalloc(m->goals.n ? m->goals.n : 1, sizeof *per_goal);
	for (size_t i = 0; i < m->indicators.n; i++) {
		long gi = table_index(&m->goals, MODEL_AT(m->indicators, struct indicator, i)->goal);
		if (gi >= 0)
			per_goal[gi]++;
	}
	rules_workshop(&c);
	rules_goals(&c, per_goal);
	rules_indicators(&c);
	rules_stakeholders(&c);
	rules_raci(&c);
	rules_costs(&c);
	rules_check(&c);
	free(per_goal);
	sort_findings(out);
}

void findings_free(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].item);
		free(f->v[i].message);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

unsigned findings_total(const struct findings *f, enum severity sev)
{
	unsigned n = 0;
	for (int s = 0; s < STEP_COUNT; s++)
		n += f->count[s][sev];
	return n;
}

void findings_readiness(const struct model *m, struct readiness *r)
{
	double got[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	unsigned applicable[FACTOR_COUNT][FIELD_COUNT] = {{0}};
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < m->checks.n; i++) {
		const struct check_item *c = MODEL_AT(m->checks, struct check_item, i);
		if (c->factor < 1 || c->factor > FACTOR_COUNT || c->field < 0 || c->field >= FIELD_COUNT)
			continue;
		r->items[c->factor - 1][c->field]++;
		if (c->status == CHECK_NA)
			continue;
		applicable[c->factor - 1][c->field]++;
		got[c->factor - 1][c->field] += c->status == CHECK_DONE ? 1 : c->status == CHECK_PARTLY ? 0.5 : 0;
	}
	double all_got = 0;
	unsigned all_n = 0;
	for (int f = 0; f < FACTOR_COUNT; f++) {
		double fg = 0;
		unsigned fn = 0;
		for (int d = 0; d < FIELD_COUNT; d++) {
			r->cell[f][d] = applicable[f][d] ? got[f][d] / applicable[f][d] : -1;
			fg += got[f][d];
			fn += applicable[f][d];
		}
		r->factor[f] = fn ? fg / fn : -1;
		if (f < 5) {
			all_got += fg;
			all_n += fn;
		}
	}
	r->overall = all_n ? all_got / all_n : -1;
}
