/* findings.c — the guidance rules: where a measure's plan is likely to fail
 * after the funded pilot (after the BBSR study, Hohmann/Kayser/Abt 2025).
 * The figures the rules judge come from figures.c, computed once per run.
 *
 * Every rule runs in one pass over a table; the RACI matrix is only read
 * through the role counts the model keeps per task and per stakeholder, and
 * through the cell list of a task that has a temporary actor on A or R. The
 * findings are emitted step by step in model order and then bucket-sorted by
 * step and severity, which keeps that order and stays linear. A finding
 * keeps what its message quotes; the text is formatted only when someone
 * shows it (findings_message), so recomputing after every edit is cheap. */
#include "config.h"
#include "findings.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "roadmap.h"
#include "util.h"

/* Influence and interest from this score on count as high. */
#define HIGH_SCORE 4

const char *findings_factor_name(int factor)
{
	return vocab_factor_short(factor);
}

/* ------------------------------------------------------------ messages */

/* The texts of the findings; the rules name one and its figures, and
 * findings_message formats it. */
enum msg {
	MSG_WS_NO_TITLE,
	MSG_WS_NO_FUNDING_END,
	MSG_WS_NO_STRATEGY,
	MSG_GOAL_SMART_MISSING, /* n: the missing parts, one bit each */
	MSG_GOAL_TIME_NOT_DATE, /* arg: the deadline */
	MSG_GOAL_NO_INDICATOR,
	MSG_GOAL_NO_STRATEGY,
	MSG_GOAL_VAGUE, /* arg: the specific part */
	MSG_IND_NO_BASELINE,
	MSG_IND_NO_BASELINE_QUALITATIVE,
	MSG_IND_NO_TARGET,
	MSG_IND_TARGET_HIGHER, /* a: target, b: baseline */
	MSG_IND_TARGET_LOWER,  /* a: target, b: baseline */
	MSG_IND_NO_OWNER,
	MSG_IND_OWNER_NO_AR, /* arg: the owner's name */
	MSG_IND_NO_SOURCE,
	MSG_IND_NO_FREQUENCY,
	MSG_IND_STALE, /* arg: the date of the latest value; n: days since */
	MSG_SH_NO_KEY_PERSON,
	MSG_SH_NO_MESSAGE_CHANNEL,
	MSG_SH_NO_MESSAGE,
	MSG_SH_NO_CHANNEL,
	MSG_SH_NO_ROLE,
	MSG_RACI_REGULAR_MISSING,	/* n: the category */
	MSG_RACI_REGULAR_MISSING_PILOT, /* n: the category */
	MSG_TASK_NO_A,
	MSG_TASK_MULTI_A, /* n: the number of A */
	MSG_TASK_NO_R,
	MSG_TASK_TEMPORARY_AR, /* arg: the names, n: how many */
	MSG_SH_HANDOVER_OPEN,
	MSG_COST_OVERSHARED, /* a: the sum of the shares */
	MSG_COST_UNCOVERED,  /* n: the first year, a: the uncovered percent, b: per year */
	/* arg: the funding end, n: its year, a: the uncovered percent, b: the
	 * uncovered money in the rest of that year, c: in each later year */
	MSG_COST_UNCOVERED_PARTIAL,
	MSG_COST_UNCOVERED_PARTIAL_ENDS, /* as above, the cost ends that year */
	MSG_COST_UNCOVERED_ONEOFF, /* n: its year, a: the uncovered percent, b: the money */
	MSG_COST_NO_YEAR,	   /* a: the uncovered percent, b: the money */
	MSG_WS_NO_FUNDING_RATE,
	MSG_YEAR_UNCOVERED, /* n: the year, a: nobody carries it, b: after the funding end */
	MSG_YEARS_UNCOVERED, /* the same for the years of the item (n: the first) */
	/* arg: the partner, n: the year, a: the share's money in it */
	MSG_SHARE_ASKED,
	MSG_SHARE_PROMISED,
	MSG_CHECK_NOT_ASSESSED, /* n: the number of check items */
	MSG_CHECK_LOW_READINESS, /* n: the readiness in percent */
	/* n: the readiness in percent; a: items not discussed, b: applicable */
	MSG_CHECK_LOW_READINESS_UNDISCUSSED,
	MSG_SH_KEY_TEMPORARY,
	MSG_RACI_NO_IMPACT_REGULAR,
	MSG_RACI_NO_TRAINING,
	MSG_WINDDOWN_NO_COMMUNICATION,
	MSG_WINDDOWN_NO_DOCUMENTATION,
	/* the roadmap */
	MSG_RM_NO_OPMODEL,
	MSG_RM_NO_OPERATOR,
	MSG_RM_AGREEMENT_LATE, /* arg: the funding end */
	MSG_RM_HANDOVER_UNSIGNED, /* n: the categories shown as settled */
	MSG_RM_OVERDUE,	       /* arg: the due date */
	MSG_RM_NO_CONTINUATION, /* arg: the funding end */
	MSG_RM_BUDGET_LATE,    /* arg: the due date, n: the first budget year */
	MSG_RM_NO_EXIT,
};

/* The SMART parts in the order of the goal form (bits of n). */
static const char *const smart_parts[] = {
	N_("specific"), N_("measurable"), N_("achievable"), N_("relevant"), N_("time-bound"),
};

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *format(const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	char *s = xmalloc((size_t)len + 1);
	s[0] = '\0';
	if (len > 0)
		vsnprintf(s, (size_t)len + 1, fmt, ap2);
	va_end(ap2);
	return s;
}

/* The message of x in the current language, newly allocated. */
static char *format_message(const struct finding *x)
{
	enum lang lang = i18n_lang();
	const char *arg = x->arg ? x->arg : "";
	char a[64], b[64];
	switch ((enum msg)x->msg) {
	case MSG_WS_NO_TITLE:
		return xstrdup(_("The measure has no title; give it a short name that the council "
				 "will recognise."));
	case MSG_WS_NO_FUNDING_END:
		return xstrdup(_("The funding end date is missing; enter it so that the costs after "
				 "the funding can be checked."));
	case MSG_WS_NO_STRATEGY:
		return xstrdup(_("No municipal strategy goal is recorded; add the ones the measure "
				 "serves and link its goals to them."));
	case MSG_GOAL_SMART_MISSING: {
		struct buf missing;
		buf_init(&missing);
		unsigned n = 0;
		for (size_t k = 0; k < sizeof smart_parts / sizeof *smart_parts; k++) {
			if (!(x->n & (1L << k)))
				continue;
			buf_printf(&missing, "%s%s", n ? ", " : "", _(smart_parts[k]));
			n++;
		}
		char *s = format(ngettext("The SMART part %s is empty; work it out with the group.",
					  "The SMART parts %s are empty; work them out with the "
					  "group.",
					  n),
				 missing.data);
		buf_free(&missing);
		return s;
	}
	case MSG_GOAL_TIME_NOT_DATE:
		return format(_("The deadline '%s' is not a date; enter it as DD.MM.YYYY or "
				"YYYY-MM-DD."),
			      arg);
	case MSG_GOAL_NO_INDICATOR:
		return xstrdup(_("No indicator measures this goal; add one with a baseline and a "
				 "target."));
	case MSG_GOAL_NO_STRATEGY:
		return xstrdup(_("Not linked to a strategy goal; link it so that its contribution "
				 "to the municipal strategy shows."));
	case MSG_GOAL_VAGUE:
		return format(_("The specific part '%s' is only a vague verb; say what changes, for "
				"whom and by how much."),
			      arg);
	case MSG_IND_NO_BASELINE:
		return xstrdup(_("No baseline; measure the starting value now, or the effect cannot "
				 "be shown later."));
	case MSG_IND_NO_BASELINE_QUALITATIVE:
		return xstrdup(_("No starting state yet; describe it now with the survey or expert "
				 "rating and enter its date as the baseline date."));
	case MSG_IND_NO_TARGET:
		return xstrdup(_("No target value; agree which value counts as success."));
	case MSG_IND_TARGET_HIGHER:
		i18n_number(x->a, lang, a);
		i18n_number(x->b, lang, b);
		return format(_("Higher is better, but the target %s is not above the baseline %s; "
				"check the target or the direction."),
			      a, b);
	case MSG_IND_TARGET_LOWER:
		i18n_number(x->a, lang, a);
		i18n_number(x->b, lang, b);
		return format(_("Lower is better, but the target %s is not below the baseline %s; "
				"check the target or the direction."),
			      a, b);
	case MSG_IND_NO_OWNER:
		return xstrdup(_("No owner; name the actor who collects and reports the values."));
	case MSG_IND_OWNER_NO_AR:
		return format(_("The owner %s holds neither A nor R on any task; give them a task "
				"or choose another owner."),
			      arg);
	case MSG_IND_NO_SOURCE:
		return xstrdup(_("No data source; note where the values come from."));
	case MSG_IND_NO_FREQUENCY:
		return xstrdup(_("No frequency; agree how often the value is collected."));
	case MSG_IND_STALE: {
		char when[32];
		i18n_date(arg, lang, when);
		return format(ngettext("The latest value dates from %s, %ld day ago, longer than its "
				       "frequency allows; collect it again and assess it.",
				       "The latest value dates from %s, %ld days ago, longer than its "
				       "frequency allows; collect it again and assess it.",
				       (unsigned long)x->n),
			      when, (long)x->n);
	}
	case MSG_SH_NO_KEY_PERSON:
		return xstrdup(_("No key person in the stakeholder map; mark the people who will "
				 "carry the measure into regular operation."));
	case MSG_SH_NO_MESSAGE_CHANNEL:
		return xstrdup(_("High influence, but no core message and no channel; agree what "
				 "this actor should hear and how to reach them."));
	case MSG_SH_NO_MESSAGE:
		return xstrdup(_("High influence, but no core message; agree what this actor should "
				 "hear about the measure."));
	case MSG_SH_NO_CHANNEL:
		return xstrdup(_("High influence, but no channel; agree how and where to reach this "
				 "actor."));
	case MSG_SH_NO_ROLE:
		return xstrdup(_("High influence and interest, but no RACI role; decide on which "
				 "tasks this actor takes part."));
	case MSG_RACI_REGULAR_MISSING:
		return format(_("No regular-operation task for '%s'; add one and agree who is "
				"accountable after the funding."),
			      vocab_label(VOCAB_CATEGORY, (int)x->n));
	case MSG_RACI_REGULAR_MISSING_PILOT:
		return format(_("The category '%s' has pilot tasks but none in regular operation; "
				"decide whether it continues and who takes over."),
			      vocab_label(VOCAB_CATEGORY, (int)x->n));
	case MSG_TASK_NO_A:
		return xstrdup(_("Nobody is accountable (A); name exactly one actor who answers for "
				 "this task."));
	case MSG_TASK_MULTI_A:
		return format(ngettext("%u actor is accountable (A); keep one A and make the others "
				       "R or C.",
				       "%u actors are accountable (A); keep one A and make the "
				       "others R or C.",
				       (unsigned long)x->n),
			      (unsigned)x->n);
	case MSG_TASK_NO_R:
		return xstrdup(_("Nobody is responsible (R); name at least one actor who does the "
				 "work."));
	case MSG_TASK_TEMPORARY_AR:
		return format(ngettext("A or R lies with %s, whose post ends with the funding; hand "
				       "it over to a permanent actor.",
				       "A or R lies with %s, whose posts end with the funding; hand "
				       "them over to permanent actors.",
				       (unsigned long)x->n),
			      arg);
	case MSG_SH_HANDOVER_OPEN:
		return xstrdup(_("Accountable (A) in the pilot but without a role in regular "
				 "operation: the handover is open; agree who takes over."));
	case MSG_COST_OVERSHARED:
		i18n_number(x->a, lang, a);
		return format(_("The partner shares add up to %s%%; reduce them to 100%% in total."),
			      a);
	case MSG_COST_UNCOVERED:
		i18n_number(x->a, lang, a);
		figures_money(x->b, true, lang, b, sizeof b);
		return format(_("From %d on, %s%% of this yearly cost are not covered by partner "
				"shares (%s a year); agree who pays them."),
			      (int)x->n, a, b);
	case MSG_COST_UNCOVERED_PARTIAL:
	case MSG_COST_UNCOVERED_PARTIAL_ENDS: {
		char end[32], c[64];
		i18n_date(arg, lang, end);
		i18n_number(x->a, lang, a);
		figures_money(x->b, true, lang, b, sizeof b);
		figures_money(x->c, true, lang, c, sizeof c);
		if (x->msg == MSG_COST_UNCOVERED_PARTIAL_ENDS)
			return format(_("After the funding ends on %s, %s%% of this yearly cost are "
					"not covered by partner shares (%s in the rest of %d); agree "
					"who pays them."),
				      end, a, b, (int)x->n);
		return format(_("After the funding ends on %s, %s%% of this yearly cost are not "
				"covered by partner shares (%s in the rest of %d, then %s a "
				"year); agree who pays them."),
			      end, a, b, (int)x->n, c);
	}
	case MSG_COST_UNCOVERED_ONEOFF:
		i18n_number(x->a, lang, a);
		figures_money(x->b, true, lang, b, sizeof b);
		return format(_("This one-off cost falls in %d, after the funding end, and %s%% of "
				"it (%s) are not covered by partner shares; agree who pays them."),
			      (int)x->n, a, b);
	case MSG_COST_NO_YEAR:
		i18n_number(x->a, lang, a);
		figures_money(x->b, true, lang, b, sizeof b);
		return format(_("This one-off cost has no year, and %s%% of it (%s) are not "
				"covered by partner shares; enter the year it is paid so that it "
				"can be checked against the funding end."),
			      a, b);
	case MSG_WS_NO_FUNDING_RATE:
		return xstrdup(_("The funding rate is missing; enter the share of eligible costs "
				 "the grant pays, so that grant and own share can be worked out."));
	case MSG_YEAR_UNCOVERED:
		figures_money(x->a, false, lang, a, sizeof a);
		figures_money(x->b, false, lang, b, sizeof b);
		return format(_("In the budget year %d, %s of the %s due after the funding end "
				"are carried by nobody; agree who pays them or plan them in the "
				"own budget."),
			      (int)x->n, a, b);
	case MSG_YEARS_UNCOVERED:
		figures_money(x->a, false, lang, a, sizeof a);
		figures_money(x->b, false, lang, b, sizeof b);
		return format(_("In the budget years %s, %s of the %s due after the funding end "
				"are carried by nobody; agree who pays them or plan them in the "
				"own budget."),
			      x->item ? x->item : "", a, b);
	case MSG_SHARE_ASKED:
		figures_money(x->a, false, lang, a, sizeof a);
		return format(_("%s has only been asked for its share (%s in %d); that budget "
				"year starts within 12 months, so the next budget has to carry "
				"it: get a commitment now."),
			      arg, a, (int)x->n);
	case MSG_SHARE_PROMISED:
		figures_money(x->a, false, lang, a, sizeof a);
		return format(_("%s has promised its share (%s in %d), but it is in no draft or "
				"adopted budget yet; that budget year starts within 12 months, "
				"so the next budget has to carry it."),
			      arg, a, (int)x->n);
	case MSG_CHECK_NOT_ASSESSED:
		return format(ngettext("%zu check item is not assessed yet; go through the check "
				       "list with the group.",
				       "None of the %zu check items is assessed yet; go through the "
				       "check list with the group.",
				       (unsigned long)x->n),
			      (size_t)x->n);
	case MSG_CHECK_LOW_READINESS:
		return format(_("Readiness is only %d%%; agree the next steps on the open "
				"recommendations of this factor."),
			      (int)x->n);
	case MSG_CHECK_LOW_READINESS_UNDISCUSSED:
		return format(ngettext("Readiness is only %d%%, and %u of its %u recommendation has "
				       "not been discussed yet; go through it with the group.",
				       "Readiness is only %d%%, and %u of its %u recommendations have "
				       "not been discussed yet; go through them with the group.",
				       (unsigned long)x->b),
			      (int)x->n, (unsigned)x->a, (unsigned)x->b);
	case MSG_SH_KEY_TEMPORARY:
		return xstrdup(_("A key person whose post ends with the funding; secure the post "
				 "through long-term employment or win a permanent key person."));
	case MSG_RACI_NO_IMPACT_REGULAR:
		return xstrdup(_("No regular-operation task captures the impact; agree who collects "
				 "the indicators at their frequency and assesses them critically."));
	case MSG_RACI_NO_TRAINING:
		return xstrdup(_("No training or documentation task: whoever takes over needs the "
				 "knowledge of the pilot written down and passed on."));
	case MSG_WINDDOWN_NO_COMMUNICATION:
		return xstrdup(_("No communication task for the wind-down; agree who tells everyone "
				 "involved why the measure ends and what changes for them."));
	case MSG_WINDDOWN_NO_DOCUMENTATION:
		return xstrdup(_("No task documents the measure; record its content, process steps, "
				 "technical details and the reasons for ending, for later projects."));
	case MSG_RM_NO_OPMODEL:
		return xstrdup(_("No operator model for regular operation is chosen; decide early who "
				 "runs the measure after the funding and on what footing."));
	case MSG_RM_NO_OPERATOR:
		return xstrdup(_("The operator model names no operator; pick the stakeholder who "
				 "runs the measure in regular operation."));
	case MSG_RM_AGREEMENT_LATE: {
		char end[32];
		i18n_date(arg, lang, end);
		if (x->n) /* the funding has ended already */
			return format(_("The funding ended on %s and no operator agreement is signed; "
					"get the agreement on who carries the running costs signed."),
				      end);
		return format(_("The funding ends on %s, within six months, and no operator agreement "
				"is signed; get the agreement on who carries the running costs signed."),
			      end);
	}
	case MSG_RM_HANDOVER_UNSIGNED:
		return format(ngettext("%ld task category looks settled in the handover view, but "
				       "no operator agreement is signed: the roles are agreed only "
				       "in the workshop, not on paper.",
				       "%ld task categories look settled in the handover view, but "
				       "no operator agreement is signed: the roles are agreed only "
				       "in the workshop, not on paper.",
				       (unsigned long)x->n),
			      x->n);
	case MSG_RM_OVERDUE: {
		char due[32];
		i18n_date(arg, lang, due);
		return format(_("This milestone was due on %s and is still open; mark it done, or "
				"agree a new date and who sees to it."),
			      due);
	}
	case MSG_RM_NO_CONTINUATION: {
		char end[32];
		i18n_date(arg, lang, end);
		if (x->n) /* the funding has ended already */
			return format(_("The funding ended on %s and no council decision on the "
					"continuation is even submitted; without it the measure has no "
					"footing."),
				      end);
		return format(_("The funding ends on %s, within twelve months, and no council decision "
				"on the continuation is even submitted; a decision under time "
				"pressure lowers the chances."),
			      end);
	}
	case MSG_RM_BUDGET_LATE: {
		char due[32];
		i18n_date(arg, lang, due);
		return format(_("This budget request is due on %s, after the budget year %ld has "
				"begun; the money for the first year after the funding must be "
				"requested before that budget is drawn up."),
			      due, x->n);
	}
	case MSG_RM_NO_EXIT:
		return xstrdup(_("The measure is being wound down, but the roadmap has no exit "
				 "milestone; press p in step 6 to propose the exit path."));
	}
	return xstrdup("");
}

const char *findings_message(const struct finding *x)
{
	/* the cache is no part of the finding's value: formatting it once is
	 * what findings_compute leaves to the first reader */
	struct finding *w = (struct finding *)x;
	int lang = (int)i18n_lang();
	if (w->message && w->message_lang == lang)
		return w->message;
	free(w->message);
	w->message = format_message(x);
	w->message_lang = lang;
	return w->message;
}

/* ------------------------------------------------------------ collecting */

/* The copied items and texts: blocks that never move, so a finding can
 * point into them while more are added. */
struct findings_text {
	struct findings_text *next;
	size_t used, cap;
	char data[];
};

#define TEXT_BLOCK 16384

static const char *text_copy(struct findings *out, const char *s)
{
	size_t len = strlen(s) + 1;
	struct findings_text *t = out->text;
	if (!t || t->cap - t->used < len) {
		size_t cap = len > TEXT_BLOCK ? len : TEXT_BLOCK;
		struct findings_text *nt = xmalloc(sizeof *nt + cap);
		nt->used = 0;
		nt->cap = cap;
		if (len > TEXT_BLOCK && t) {
			/* a long text gets a block of its own behind the current one */
			nt->next = t->next;
			t->next = nt;
		} else {
			nt->next = t;
			out->text = nt;
		}
		t = nt;
	}
	char *p = t->data + t->used;
	memcpy(p, s, len);
	t->used += len;
	return p;
}

struct ctx {
	const struct model *m;
	const struct figures *fig;
	struct findings *out;
	const char *ws_item; /* how the workshop is named in findings */
	bool winddown;	     /* the measure is being wound down */
	bool left_pilot;     /* the measure is in transition or regular operation */
	long today;	     /* date_days of today (date_today: STETIG_TODAY pins it) */
	/* the names of unnamed items, translated once */
	const char *untitled_goal, *unnamed_indicator, *unnamed_stakeholder, *unnamed_task,
		*unnamed_cost, *untitled_milestone;
	/* the item copied last: an entity with several findings is copied once */
	const char *last_src, *last_copy;
	struct buf scratch;
	/* only count (findings_count): no findings, no copies */
	bool count_only;
	struct finding dummy;
	/* temporary stakeholders by id (maybe_temporary) */
	bool temp_built;
	uint8_t *temp_bits;
	int64_t temp_max;
	/* the sections that run (bits of enum section) */
	unsigned which;
	/* indicators per goal and each indicator's goal, by positions
	 * (goal_links), built once per run when a section needs them */
	unsigned *per_goal;
	long *goal_of;
	/* the live indicators each stakeholder owns, by the stakeholders'
	 * positions (owned_indicators), when the caller keeps them; else the
	 * owner rules look at every indicator */
	const unsigned *owned;
	/* >= 0: the per-item sections look at this position only */
	long one;
	/* one item alone (findings_counter): what it refers to is looked up
	 * for it, not for every item (goal_links) */
	bool single;
};

/* The positions a per-item loop over n items visits: all, or c->one. */
static size_t loop_from(const struct ctx *c, size_t n)
{
	return c->one < 0 ? 0 : (size_t)c->one < n ? (size_t)c->one : n;
}

static size_t loop_to(const struct ctx *c, size_t n)
{
	return c->one < 0 ? n : (size_t)c->one < n ? (size_t)c->one + 1 : n;
}

/* The rules in sections: each section declares the parts of the model it
 * reads (sections[] below), so that findings_counter runs again only the
 * sections whose parts changed. */
enum section {
	SEC_WORKSHOP,	    /* workshop.* */
	SEC_GOAL,	    /* goal.smart_missing, goal.time_not_date, goal.vague */
	SEC_GOAL_STRATEGY,  /* goal.no_strategy */
	SEC_GOAL_INDICATOR, /* goal.no_indicator */
	SEC_INDICATOR,	    /* indicator.no_baseline, target, source, frequency, stale */
	SEC_IND_OWNER,	    /* indicator.no_owner */
	SEC_IND_OWNER_AR,   /* indicator.owner_no_ar */
	SEC_STAKEHOLDER,    /* stakeholder.no_key_person, no_message, key_temporary */
	SEC_SH_ROLE,	    /* stakeholder.no_role */
	SEC_RACI,	    /* raci.*, task.*, winddown.*, stakeholder.handover_open */
	SEC_COSTS,	    /* cost.* */
	SEC_YEARS,	    /* costs.year_uncovered */
	SEC_SHARES,	    /* share.unconfirmed */
	SEC_ROADMAP,	    /* roadmap.* */
	SEC_CHECK,	    /* check.* */
	SEC_COUNT
};
#define SEC_ALL ((1u << SEC_COUNT) - 1)
/* true when section s runs */
#define ON(c, s) (((c)->which >> (s)) & 1u)

/* Adds a finding; the message is formatted only when asked for. */
static struct finding *add(struct ctx *c, enum severity sev, enum step step, enum entity kind,
			   int64_t id, const char *item, const char *rule, enum msg msg)
{
	struct findings *out = c->out;
	out->count[step][sev]++;
	if (c->count_only)
		return &c->dummy;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct finding *f = &out->v[out->n++];
	memset(f, 0, sizeof *f);
	f->sev = sev;
	f->step = step;
	f->kind = kind;
	f->id = id;
	if (item != c->last_src) {
		c->last_src = item;
		c->last_copy = text_copy(out, item);
	}
	f->item = c->last_copy;
	f->rule = rule;
	f->msg = msg;
	return f;
}

/* Adds a finding whose message quotes a text (copied). */
static struct finding *add_arg(struct ctx *c, enum severity sev, enum step step, enum entity kind,
			       int64_t id, const char *item, const char *rule, enum msg msg,
			       const char *arg)
{
	struct finding *f = add(c, sev, step, kind, id, item, rule, msg);
	if (!c->count_only)
		f->arg = text_copy(c->out, arg);
	return f;
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
	if (!ON(c, SEC_WORKSHOP))
		return;
	if (blank(m->ws.title))
		add(c, SEV_WARNING, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item, "workshop.no_title",
		    MSG_WS_NO_TITLE);
	/* with costs, nothing about the money can be checked without them */
	bool costs = m->costs.n > 0;
	if (!c->fig->has_funding_end)
		add(c, costs ? SEV_GAP : SEV_WARNING, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item,
		    "workshop.no_funding_end", MSG_WS_NO_FUNDING_END);
	if (!c->fig->has_rate && costs)
		add(c, SEV_GAP, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item,
		    "workshop.no_funding_rate", MSG_WS_NO_FUNDING_RATE);
	if (m->sgoals.n == 0)
		add(c, SEV_HINT, STEP_WORKSHOP, ENT_WORKSHOP, 0, c->ws_item, "workshop.no_strategy",
		    MSG_WS_NO_STRATEGY);
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
		if (w[0] != list[i][0]) /* cheap: most words differ at once */
			continue;
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
		const unsigned char *start = p;
		bool ascii_letter = false, whole;
		while (*p && is_word_byte(*p)) {
			if (*p < 0x80)
				ascii_letter = true;
			p++;
		}
		char w[48];
		text_fold_lower((const char *)start, (size_t)(p - start), w, sizeof w, &whole);
		bool too_long = !whole;
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

unsigned findings_smart_missing(const struct goal *g)
{
	const char *parts[] = {g->specific, g->measurable, g->achievable, g->relevant,
			       g->time_bound};
	unsigned missing = 0;
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
		if (blank(parts[k]))
			missing |= 1u << k;
	return missing;
}

static void goal_links(struct ctx *c);

static void rules_goals(struct ctx *c)
{
	const struct model *m = c->m;
	bool own = ON(c, SEC_GOAL), strategy = ON(c, SEC_GOAL_STRATEGY);
	bool indicators = ON(c, SEC_GOAL_INDICATOR);
	if (!own && !strategy && !indicators)
		return;
	if (indicators && !c->single)
		goal_links(c);
	for (size_t i = loop_from(c, m->goals.n); i < loop_to(c, m->goals.n); i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		if (g->status == GSTAT_DROPPED)
			continue;
		const char *item = name_or(g->title, c->untitled_goal);
		long missing = own ? (long)findings_smart_missing(g) : 0;
		if (missing)
			add(c, SEV_GAP, STEP_GOALS, ENT_GOAL, g->id, item, "goal.smart_missing",
			    MSG_GOAL_SMART_MISSING)
				->n = missing;
		struct date d;
		if (own && !blank(g->time_bound) && !date_parse(g->time_bound, &d))
			add_arg(c, SEV_WARNING, STEP_GOALS, ENT_GOAL, g->id, item, "goal.time_not_date",
				MSG_GOAL_TIME_NOT_DATE, g->time_bound);
		if (indicators &&
		    (c->single ? model_goal_indicators(m, g->id) : c->per_goal[i]) == 0)
			add(c, SEV_GAP, STEP_GOALS, ENT_GOAL, g->id, item, "goal.no_indicator",
			    MSG_GOAL_NO_INDICATOR);
		if (strategy && (!g->strategy_goal || !model_sgoal(m, g->strategy_goal)))
			add(c, SEV_WARNING, STEP_GOALS, ENT_GOAL, g->id, item, "goal.no_strategy",
			    MSG_GOAL_NO_STRATEGY);
		if (own && findings_vague_specific(g->specific))
			add_arg(c, SEV_HINT, STEP_GOALS, ENT_GOAL, g->id, item, "goal.vague",
				MSG_GOAL_VAGUE, g->specific);
	}
}

/* ------------------------------------------------------------ indicators */

/* true when method names a qualitative way of capturing impact: a survey or
 * an expert rating (in either language). The study (section 2.4) allows
 * such methods to describe the starting state where no figure exists. */
bool findings_qualitative_method(const char *method)
{
	static const char *const stems[] = {
		"survey", "interview", "expert", "rating", "befrag", "umfrage", "experten",
		"einschätz", "einschaetz",
	};
	if (blank(method))
		return false;
	char low[256];
	text_fold_lower(method, strlen(method), low, sizeof low, NULL);
	for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
		if (strstr(low, stems[i]))
			return true;
	return false;
}

long findings_frequency_days(const char *frequency)
{
	if (!frequency)
		return 0;
	/* folded to lower case (ASCII, Ä Ö Ü), then the first word that
	 * matches; longer words first ("halbjährlich" holds "jährlich") */
	char low[96];
	text_fold_lower(frequency, strlen(frequency), low, sizeof low, NULL);
	static const struct {
		const char *word;
		long days;
	} periods[] = {
		{"zweijährlich", 731},	   {"alle zwei jahre", 731}, {"every two years", 731},
		{"biennial", 731},	   {"halbjährlich", 183},    {"twice a year", 183},
		{"half-year", 183},	   {"half year", 183},	     {"semi-annual", 183},
		{"six-month", 183},	   {"vierteljährlich", 92},  {"quartal", 92},
		{"quarter", 92},	   {"jährlich", 366},	     {"yearly", 366},
		{"annual", 366},	   {"once a year", 366},     {"per year", 366},
		{"pro jahr", 366},	   {"monatlich", 31},	     {"monthly", 31},
		{"pro monat", 31},	   {"per month", 31},	     {"wöchentlich", 7},
		{"weekly", 7},		   {"pro woche", 7},	     {"per week", 7},
		{"täglich", 1},		   {"daily", 1},	     {"pro tag", 1},
		{"per day", 1},
	};
	for (size_t i = 0; i < sizeof periods / sizeof *periods; i++)
		if (strstr(low, periods[i].word))
			return periods[i].days;
	return 0;
}

/* The indicators per goal and each indicator's goal (c->per_goal,
 * c->goal_of), by positions, in one pass. */
static void goal_links(struct ctx *c)
{
	const struct model *m = c->m;
	if (c->goal_of)
		return;
	c->per_goal = xcalloc(m->goals.n ? m->goals.n : 1, sizeof *c->per_goal);
	c->goal_of = xmalloc((m->indicators.n ? m->indicators.n : 1) * sizeof *c->goal_of);
	for (size_t i = 0; i < m->indicators.n; i++) {
		long gi = table_index(&m->goals, MODEL_AT(m->indicators, struct indicator, i)->goal);
		c->goal_of[i] = gi;
		if (gi >= 0)
			c->per_goal[gi]++;
	}
}

static void count_owner_no_ar(struct ctx *c);

static void rules_indicators(struct ctx *c)
{
	const struct model *m = c->m;
	bool fields = ON(c, SEC_INDICATOR), owner = ON(c, SEC_IND_OWNER);
	bool owner_ar = ON(c, SEC_IND_OWNER_AR);
	if (owner_ar && c->owned && c->count_only) {
		/* counted per stakeholder from the live indicators they own */
		count_owner_no_ar(c);
		owner_ar = false;
	}
	if (!fields && !owner && !owner_ar)
		return;
	if (!c->single)
		goal_links(c);
	const long *goal_of = c->goal_of;
	for (size_t i = loop_from(c, m->indicators.n); i < loop_to(c, m->indicators.n); i++) {
		const struct indicator *ind = MODEL_AT(m->indicators, struct indicator, i);
		const struct goal *g = goal_of ? (goal_of[i] >= 0 ? MODEL_AT(m->goals, struct goal,
									      (size_t)goal_of[i])
								 : NULL)
					       : model_goal(m, ind->goal);
		if (g && g->status == GSTAT_DROPPED)
			continue;
		const char *item = name_or(ind->name, c->unnamed_indicator);
		if (fields) {
			/* a measure being wound down can no longer measure its starting
			 * point; a survey or expert rating with the date of the described
			 * starting state is a qualitative baseline */
			/* (the method is read only where a baseline is missing: on every
			 * edit the badges count 8,000 indicators of a large workshop) */
			bool qualitative = !ind->baseline.set && !c->winddown &&
					   findings_qualitative_method(ind->method);
			if (!ind->baseline.set && !c->winddown && !(qualitative && !blank(ind->baseline_date)))
				add(c, SEV_GAP, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
				    "indicator.no_baseline",
				    qualitative ? MSG_IND_NO_BASELINE_QUALITATIVE : MSG_IND_NO_BASELINE);
			if (!ind->target.set) {
				add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
				    "indicator.no_target", MSG_IND_NO_TARGET);
			} else if (ind->baseline.set) {
				bool higher = ind->direction != DIR_LOWER;
				bool ok = higher ? ind->target.v > ind->baseline.v
						 : ind->target.v < ind->baseline.v;
				if (!ok) {
					struct finding *f =
						add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
						    "indicator.target_direction",
						    higher ? MSG_IND_TARGET_HIGHER : MSG_IND_TARGET_LOWER);
					f->a = ind->target.v;
					f->b = ind->baseline.v;
				}
			}
		}
		const struct stakeholder *who =
			(owner || owner_ar) && ind->owner ? model_stakeholder(m, ind->owner) : NULL;
		if (!who) {
			if (owner)
				add(c, SEV_GAP, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
				    "indicator.no_owner", MSG_IND_NO_OWNER);
		} else if (owner_ar && ar_total(who) == 0) {
			add_arg(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
				"indicator.owner_no_ar", MSG_IND_OWNER_NO_AR,
				name_or(who->name, c->unnamed_stakeholder));
		}
		if (!fields)
			continue;
		if (blank(ind->source))
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_source", MSG_IND_NO_SOURCE);
		if (blank(ind->frequency))
			add(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
			    "indicator.no_frequency", MSG_IND_NO_FREQUENCY);
		/* Study, table 3 (resources): the impact is collected regularly
		 * and assessed critically. A latest value older than its
		 * frequency and half a period of grace says the collection has
		 * stopped; a measure being wound down no longer collects. */
		struct date latest;
		long period = findings_frequency_days(ind->frequency);
		if (ind->latest.set && period > 0 && !c->winddown &&
		    date_parse_iso(ind->latest_date, &latest)) {
			long age = c->today - date_days(&latest);
			if (age > period + period / 2)
				add_arg(c, SEV_WARNING, STEP_INDICATORS, ENT_INDICATOR, ind->id, item,
					"indicator.stale", MSG_IND_STALE, ind->latest_date)
					->n = age;
		}
	}
}

/* ------------------------------------------------------------ stakeholders */

static void rules_stakeholders(struct ctx *c)
{
	const struct model *m = c->m;
	bool fields = ON(c, SEC_STAKEHOLDER), role = ON(c, SEC_SH_ROLE);
	if (!fields && !role)
		return;
	bool key = !fields;
	for (size_t i = 0; i < m->stakeholders.n && !key; i++)
		key = MODEL_AT(m->stakeholders, struct stakeholder, i)->key_person;
	if (!key)
		add(c, SEV_GAP, STEP_STAKEHOLDERS, ENT_WORKSHOP, 0, c->ws_item,
		    "stakeholder.no_key_person", MSG_SH_NO_KEY_PERSON);
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *sh = MODEL_AT(m->stakeholders, struct stakeholder, i);
		const char *item = name_or(sh->name, c->unnamed_stakeholder);
		if (fields && sh->influence >= HIGH_SCORE) {
			bool msg = !blank(sh->message), chan = !blank(sh->channel);
			if (!msg || !chan)
				add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
				    "stakeholder.no_message",
				    !msg && !chan ? MSG_SH_NO_MESSAGE_CHANNEL
				    : !msg	  ? MSG_SH_NO_MESSAGE
						  : MSG_SH_NO_CHANNEL);
		}
		/* politics takes part through decisions and regular reports (the
		 * core message and channel above), not through tasks */
		if (role && sh->influence >= HIGH_SCORE && sh->interest >= HIGH_SCORE &&
		    roles_total(sh) == 0 && sh->group != GROUP_POLITICS)
			add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
			    "stakeholder.no_role", MSG_SH_NO_ROLE);
		/* Study, table 5 (actors): key persons are to be secured through
		 * long-term employment; one on a post that ends with the funding
		 * takes the measure's network with them. */
		if (fields && sh->key_person && sh->temporary && !c->winddown)
			add(c, SEV_WARNING, STEP_STAKEHOLDERS, ENT_STAKEHOLDER, sh->id, item,
			    "stakeholder.key_temporary", MSG_SH_KEY_TEMPORARY);
	}
}

/* ------------------------------------------------------------ responsibilities */

/* true when stakeholder id may be temporary: a bit per id when the ids are
 * dense enough (built once per computation), else true (look it up). */
static bool maybe_temporary(struct ctx *c, int64_t id)
{
	if (!c->temp_built) {
		c->temp_built = true;
		const struct table *t = &c->m->stakeholders;
		int64_t max = t->n ? MODEL_AT(*t, struct stakeholder, t->n - 1)->id : 0;
		if (max > 0 && (size_t)max <= 64 * t->n + 4096) {
			c->temp_max = max;
			c->temp_bits = xcalloc((size_t)max / 8 + 1, 1);
			for (size_t i = 0; i < t->n; i++) {
				const struct stakeholder *sh = MODEL_AT(*t, struct stakeholder, i);
				if (sh->temporary && sh->id > 0 && sh->id <= max)
					c->temp_bits[sh->id / 8] |= (uint8_t)(1u << (sh->id % 8));
			}
		}
	}
	if (!c->temp_bits)
		return true;
	return id > 0 && id <= c->temp_max && (c->temp_bits[id / 8] & (1u << (id % 8)));
}

/* The temporary actors who are A or R on t, joined with ", "; their count. */
static unsigned temporary_ar_names(struct ctx *c, const struct task *t, struct buf *b)
{
	unsigned n = 0;
	for (size_t k = 0; k < t->cells.n && n < t->temp_ar; k++) {
		const struct raci_ref *r = &t->cells.v[k];
		if (r->role != RACI_A && r->role != RACI_R)
			continue;
		if (!maybe_temporary(c, r->other))
			continue;
		const struct stakeholder *sh = model_stakeholder(c->m, r->other);
		if (!sh || !sh->temporary)
			continue;
		if (n)
			buf_adds(b, ", ");
		buf_adds(b, name_or(sh->name, c->unnamed_stakeholder));
		n++;
	}
	return n;
}

static void rules_raci(struct ctx *c)
{
	const struct model *m = c->m;
	if (!ON(c, SEC_RACI))
		return;
	/* A measure that is being wound down needs no regular operation. */
	if (!c->winddown) {
		for (int cat = 0; cat < CAT_COUNT; cat++) {
			enum figures_category_gap gap = c->fig->category_gap[cat];
			if (gap == FIGURES_CAT_REQUIRED_MISSING)
				add(c, SEV_GAP, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
				    "raci.regular_missing", MSG_RACI_REGULAR_MISSING)
					->n = cat;
			else if (gap == FIGURES_CAT_PILOT_ONLY)
				add(c, SEV_WARNING, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
				    "raci.regular_missing_pilot", MSG_RACI_REGULAR_MISSING_PILOT)
					->n = cat;
		}
	}
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		const char *item = name_or(t->name, c->unnamed_task);
		unsigned rules = figures_task_rules(t);
		/* once the measure has left the pilot, its pilot tasks are done:
		 * a missing A or R there no longer endangers anything */
		if (c->left_pilot && t->phase == TPHASE_PILOT)
			rules &= ~(unsigned)(FIGURES_TASK_NO_A | FIGURES_TASK_MULTI_A | FIGURES_TASK_NO_R);
		/* handing over to a permanent actor is a continuation rule */
		if (c->winddown)
			rules &= ~(unsigned)FIGURES_TASK_TEMP_AR;
		if (rules & FIGURES_TASK_NO_A)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.no_a", MSG_TASK_NO_A);
		else if (rules & FIGURES_TASK_MULTI_A)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.multi_a",
			    MSG_TASK_MULTI_A)
				->n = t->roles[RACI_A];
		if (rules & FIGURES_TASK_NO_R)
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.no_r", MSG_TASK_NO_R);
		if ((rules & FIGURES_TASK_TEMP_AR) && c->count_only) {
			/* temp_ar counts exactly the names listed below */
			add(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.temporary_ar",
			    MSG_TASK_TEMPORARY_AR);
		} else if (rules & FIGURES_TASK_TEMP_AR) {
			struct buf *names = &c->scratch;
			names->len = 0;
			unsigned n = temporary_ar_names(c, t, names);
			if (n) {
				add_arg(c, SEV_GAP, STEP_RACI, ENT_TASK, t->id, item, "task.temporary_ar",
					MSG_TASK_TEMPORARY_AR, names->data);
				c->out->v[c->out->n - 1].n = n;
			}
		}
	}
	unsigned per_cat[TPHASE_COUNT][CAT_COUNT] = {{0}};
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->phase >= 0 && t->phase < TPHASE_COUNT && t->category >= 0 &&
		    t->category < CAT_COUNT)
			per_cat[t->phase][t->category]++;
	}
	if (c->winddown) {
		/* Study, section 2.8 and table 7 (actors): everyone involved is told
		 * why the measure ends and what changes for existing processes. */
		if (!per_cat[TPHASE_PILOT][CAT_COMMUNICATION] &&
		    !per_cat[TPHASE_REGULAR][CAT_COMMUNICATION])
			add(c, SEV_GAP, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
			    "winddown.no_communication", MSG_WINDDOWN_NO_COMMUNICATION);
		/* Study, table 7 (structures): content, process steps and insights
		 * are documented for later projects and a possible restart. */
		if (!per_cat[TPHASE_PILOT][CAT_IMPACT] && !per_cat[TPHASE_REGULAR][CAT_IMPACT] &&
		    !per_cat[TPHASE_PILOT][CAT_DATA] && !per_cat[TPHASE_REGULAR][CAT_DATA])
			add(c, SEV_WARNING, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
			    "winddown.no_documentation", MSG_WINDDOWN_NO_DOCUMENTATION);
		return;
	}
	/* Study, table 3 (resources): impact is collected regularly and assessed
	 * critically, in regular operation too (a pilot-only impact task is
	 * already named by raci.regular_missing_pilot). */
	if (!per_cat[TPHASE_REGULAR][CAT_IMPACT] && !per_cat[TPHASE_PILOT][CAT_IMPACT])
		add(c, SEV_WARNING, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item,
		    "raci.no_impact_regular", MSG_RACI_NO_IMPACT_REGULAR);
	/* Study, table 7 (structures) and the handover in section 2.6: what the
	 * pilot team knows is documented and passed on through training. */
	if (!per_cat[TPHASE_PILOT][CAT_TRAINING] && !per_cat[TPHASE_REGULAR][CAT_TRAINING])
		add(c, SEV_WARNING, STEP_RACI, ENT_WORKSHOP, 0, c->ws_item, "raci.no_training",
		    MSG_RACI_NO_TRAINING);
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *sh = MODEL_AT(m->stakeholders, struct stakeholder, i);
		/* temporary posts end with the funding anyway (task.temporary_ar) */
		if (sh->temporary || sh->roles[TPHASE_PILOT][RACI_A] == 0 ||
		    roles_in_phase(sh, TPHASE_REGULAR) > 0)
			continue;
		add(c, SEV_WARNING, STEP_RACI, ENT_STAKEHOLDER, sh->id,
		    name_or(sh->name, c->unnamed_stakeholder), "stakeholder.handover_open",
		    MSG_SH_HANDOVER_OPEN);
	}
}

/* ------------------------------------------------------------ costs */

static void rules_costs(struct ctx *c)
{
	const struct model *m = c->m;
	const struct figures *fig = c->fig;
	if (!ON(c, SEC_COSTS))
		return;
	for (size_t i = 0; i < m->costs.n && i < fig->ncosts; i++) {
		const struct cost *k = MODEL_AT(m->costs, struct cost, i);
		const struct figures_cost *fc = &fig->costs[i];
		const char *item = name_or(k->name, c->unnamed_cost);
		if (fc->shared > 100 + FIGURES_PERCENT_EPS) {
			add(c, SEV_GAP, STEP_COSTS, ENT_COST, k->id, item, "cost.overshared",
			    MSG_COST_OVERSHARED)
				->a = fc->shared;
			continue;
		}
		if (fc->undated) {
			if (fc->gap) {
				struct finding *f = add(c, SEV_WARNING, STEP_COSTS, ENT_COST, k->id,
							item, "cost.no_year", MSG_COST_NO_YEAR);
				f->a = fc->open_pct;
				f->b = k->amount * fc->open_pct / 100;
			}
			continue;
		}
		/* who pays after the funding is a continuation question */
		if (!fc->gap || c->winddown)
			continue;
		enum msg msg = k->kind == COST_ONEOFF ? MSG_COST_UNCOVERED_ONEOFF
			       : !fc->gap_partial     ? MSG_COST_UNCOVERED
			       : fc->gap_yearly > 0   ? MSG_COST_UNCOVERED_PARTIAL
						      : MSG_COST_UNCOVERED_PARTIAL_ENDS;
		struct finding *f =
			add(c, SEV_GAP, STEP_COSTS, ENT_COST, k->id, item, "cost.uncovered", msg);
		if (fc->gap_partial && k->kind != COST_ONEOFF && !c->count_only)
			f->arg = text_copy(c->out, m->ws.funding_end);
		f->n = fc->gap_year;
		f->a = fc->open_pct;
		f->b = fc->gap_first;
		f->c = fc->gap_yearly;
	}
}

/* ------------------------------------------------------------ roadmap */

/* Task categories the handover view shows as settled (ui_raci.c's rule):
 * no category gap, and every regular-operation task with one A, an R and
 * no temporary A or R. */
static long settled_categories(const struct model *m)
{
	unsigned ntasks[CAT_COUNT][TPHASE_COUNT] = {{0}};
	bool open[CAT_COUNT] = {false};
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->category < 0 || t->category >= CAT_COUNT)
			continue;
		if (t->phase < 0 || t->phase >= TPHASE_COUNT)
			continue;
		bool regular = t->phase == TPHASE_REGULAR;
		ntasks[t->category][t->phase]++;
		if (regular && (figures_task_rules(t) & (FIGURES_TASK_NO_A | FIGURES_TASK_MULTI_A |
							 FIGURES_TASK_NO_R | FIGURES_TASK_TEMP_AR)))
			open[t->category] = true;
	}
	long n = 0;
	for (int cat = 0; cat < CAT_COUNT; cat++) {
		bool shown = ntasks[cat][0] || ntasks[cat][1] || figures_category_required(cat);
		n += shown && !open[cat] && figures_category_gap(ntasks[cat], cat) == FIGURES_CAT_OK;
	}
	return n;
}

static void rules_roadmap(struct ctx *c)
{
	const struct model *m = c->m;
	if (!ON(c, SEC_ROADMAP))
		return;
	long today = roadmap_today();
	long end = roadmap_days(m->ws.funding_end);
	bool has_end = end != LONG_MIN;
	long left = has_end ? end - today : 0;
	const char *end_arg = c->count_only ? NULL : text_copy(c->out, m->ws.funding_end);
	if (!c->winddown) {
		/* the continuation rules: an operator, an agreement, a decision */
		if (m->ws.op_model == OPMODEL_OPEN)
			add(c, SEV_GAP, STEP_ROADMAP, ENT_WORKSHOP, 0, c->ws_item,
			    "roadmap.no_operator_model", MSG_RM_NO_OPMODEL);
		else if (!m->ws.op_actor || !model_stakeholder(m, m->ws.op_actor))
			add(c, SEV_GAP, STEP_ROADMAP, ENT_WORKSHOP, 0, c->ws_item,
			    "roadmap.no_operator", MSG_RM_NO_OPERATOR);
		if (has_end && left <= 183 && m->ws.agreement != AGREE_SIGNED) {
			struct finding *f = add(c, SEV_GAP, STEP_ROADMAP, ENT_WORKSHOP, 0, c->ws_item,
						"roadmap.agreement_late", MSG_RM_AGREEMENT_LATE);
			f->arg = end_arg;
			f->n = left < 0; /* ended already: the message says so */
		}
		long settled = m->ws.agreement == AGREE_SIGNED ? 0 : settled_categories(m);
		if (settled)
			add(c, SEV_WARNING, STEP_ROADMAP, ENT_WORKSHOP, 0, c->ws_item,
			    "roadmap.handover_unsigned", MSG_RM_HANDOVER_UNSIGNED)
				->n = settled;
		if (has_end && left <= 365) {
			bool submitted = false;
			for (size_t i = 0; i < m->decisions.n && !submitted; i++) {
				int st = MODEL_AT(m->decisions, struct decision, i)->status;
				submitted = st == DEC_SUBMITTED || st == DEC_ADOPTED;
			}
			if (!submitted) {
				struct finding *f = add(c, SEV_GAP, STEP_ROADMAP, ENT_WORKSHOP, 0,
							c->ws_item, "roadmap.no_continuation_decision",
							MSG_RM_NO_CONTINUATION);
				f->arg = end_arg;
				f->n = left < 0;
			}
		}
	}
	int first_year = roadmap_first_budget_year(m);
	bool exit_ms = false;
	for (size_t i = 0; i < m->milestones.n; i++) {
		const struct milestone *ms = MODEL_AT(m->milestones, struct milestone, i);
		const char *item = name_or(ms->title, c->untitled_milestone);
		exit_ms = exit_ms || (ms->kind == MS_EXIT && ms->status != MS_DROPPED);
		if (roadmap_milestone_overdue(ms, today))
			add_arg(c, SEV_GAP, STEP_ROADMAP, ENT_MILESTONE, ms->id, item,
				"roadmap.milestone_overdue", MSG_RM_OVERDUE, ms->due);
		struct date jan1 = {first_year, 1, 1};
		if (!c->winddown && first_year && ms->kind == MS_BUDGET && ms->status != MS_DROPPED &&
		    roadmap_days(ms->due) != LONG_MIN && roadmap_days(ms->due) >= date_days(&jan1)) {
			add_arg(c, SEV_GAP, STEP_ROADMAP, ENT_MILESTONE, ms->id, item,
				"roadmap.budget_late", MSG_RM_BUDGET_LATE, ms->due);
			if (!c->count_only)
				c->out->v[c->out->n - 1].n = first_year;
		}
	}
	if (c->winddown && !exit_ms)
		add(c, SEV_GAP, STEP_ROADMAP, ENT_WORKSHOP, 0, c->ws_item, "roadmap.no_exit",
		    MSG_RM_NO_EXIT);
}

/* The budget years after the funding end in which money nobody carries, as
 * one finding (one per year filled the list with the same advice six times;
 * the costs-per-year table on the screen and in the workbook has each
 * year's figure): its item the years ("2027–2032", "2026, 2028–2029"), n
 * the first and the number of years in arg, a the money nobody carries in
 * them, b all that falls due in them after the funding end. */
static void rules_years(struct ctx *c)
{
	const struct figures *fig = c->fig;
	if (!ON(c, SEC_YEARS) || !fig->has_funding_end || c->winddown)
		return;
	struct buf years;
	buf_init(&years);
	double uncovered = 0, after = 0;
	int first = 0, nyears = 0, run = 0; /* run: the first year of the current run */
	for (size_t k = 0; k <= fig->nyears; k++) {
		bool gap = k < fig->nyears && fig->years[k].uncovered >= 0.005;
		int y = fig->first + (int)k;
		if (gap) {
			if (!nyears)
				first = y;
			nyears++;
			uncovered += fig->years[k].uncovered;
			after += fig->years[k].after_funding;
			if (!run)
				run = y;
			continue;
		}
		if (!run)
			continue;
		/* a run of years ends before y */
		if (years.len)
			buf_adds(&years, ", ");
		if (run == y - 1)
			buf_printf(&years, "%d", run);
		else
			buf_printf(&years, "%d–%d", run, y - 1);
		run = 0;
	}
	if (nyears) {
		c->last_src = NULL; /* years is a local buffer: always copy it */
		struct finding *f =
			add(c, SEV_GAP, STEP_COSTS, ENT_WORKSHOP, 0, years.data,
			    "costs.year_uncovered",
			    nyears == 1 ? MSG_YEAR_UNCOVERED : MSG_YEARS_UNCOVERED);
		c->last_src = NULL;
		f->n = first;
		f->a = uncovered;
		f->b = after;
	}
	buf_free(&years);
}

/* Shares only asked for or promised for a budget year that starts within 12
 * months of today (or has begun): the next budget must carry them. */
static void rules_shares(struct ctx *c)
{
	const struct model *m = c->m;
	const struct figures *fig = c->fig;
	if (!ON(c, SEC_SHARES) || c->winddown)
		return;
	struct date today;
	date_today(&today);
	/* a year starts within 12 months when its 1 January is at most 12
	 * months ahead: this year (begun) and the next one */
	int from = today.y, to = today.y + 1;
	/* in the order of the CSV bundle (by cost, then partner), which an
	 * import keeps, not in the order of the ids */
	size_t n;
	const void **rows = model_rows(m, ENT_SHARE, &n);
	for (size_t i = 0; i < n; i++) {
		const struct cost_share *s = rows[i];
		if (s->status != SHARE_ASKED && s->status != SHARE_PROMISED)
			continue;
		const struct cost *k = model_cost(m, s->cost);
		const struct stakeholder *p = model_stakeholder(m, s->stakeholder);
		if (!k || !p)
			continue;
		for (int y = from; y <= to; y++) {
			double a = figures_cost_after(fig, k, y) * s->percent / 100;
			if (a < 0.005)
				continue;
			struct finding *f =
				add(c, SEV_WARNING, STEP_COSTS, ENT_COST, k->id,
				    name_or(k->name, c->unnamed_cost), "share.unconfirmed",
				    s->status == SHARE_ASKED ? MSG_SHARE_ASKED : MSG_SHARE_PROMISED);
			if (!c->count_only)
				f->arg = text_copy(c->out, name_or(p->name, c->unnamed_stakeholder));
			f->n = y;
			f->a = a;
			break;
		}
	}
	free(rows);
}

/* ------------------------------------------------------------ check */

static void rules_check(struct ctx *c)
{
	const struct model *m = c->m;
	if (!ON(c, SEC_CHECK) || m->checks.n == 0)
		return;
	size_t assessed = 0;
	for (size_t i = 0; i < m->checks.n; i++)
		if (figures_check_discussed(MODEL_AT(m->checks, struct check_item, i)))
			assessed++;
	if (assessed == 0) {
		add(c, SEV_HINT, STEP_CHECK, ENT_WORKSHOP, 0, c->ws_item, "check.not_assessed",
		    MSG_CHECK_NOT_ASSESSED)
			->n = (long)m->checks.n;
		return;
	}
	const struct readiness *r = &c->fig->readiness;
	/* the wind-down counts only when the measure is wound down, and then
	 * the five factors of continuation give way to it */
	int first = c->winddown ? FACTOR_WINDDOWN - 1 : 0;
	int last = c->winddown ? FACTOR_WINDDOWN : FACTOR_WINDDOWN - 1;
	for (int f = first; f < last; f++) {
		if (r->factor[f] < 0 || r->factor[f] >= FINDINGS_READINESS_LOW)
			continue;
		/* open items nobody has talked about are a different matter from
		 * gaps the group has found: the hint says which */
		unsigned und = r->undiscussed_factor[f];
		struct finding *lo = add(c, SEV_HINT, STEP_CHECK, ENT_WORKSHOP, 0,
					 findings_factor_name(f + 1), "check.low_readiness",
					 und ? MSG_CHECK_LOW_READINESS_UNDISCUSSED
					     : MSG_CHECK_LOW_READINESS);
		lo->n = (int)(r->factor[f] * 100 + 0.5);
		lo->a = und;
		lo->b = r->applicable_factor[f];
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

/* The live indicators (not under a dropped goal) each stakeholder owns, by
 * the stakeholders' positions: what indicator.owner_no_ar counts while
 * indicators, goals and stakeholders stay as they are (count_owner_no_ar). */
static unsigned *owned_indicators(const struct model *m)
{
	unsigned *owned = xcalloc(m->stakeholders.n ? m->stakeholders.n : 1, sizeof *owned);
	for (size_t i = 0; i < m->indicators.n; i++) {
		const struct indicator *ind = MODEL_AT(m->indicators, struct indicator, i);
		const struct goal *g = model_goal(m, ind->goal);
		if (g && g->status == GSTAT_DROPPED)
			continue;
		long o = ind->owner ? table_index(&m->stakeholders, ind->owner) : -1;
		if (o >= 0)
			owned[o]++;
	}
	return owned;
}

static void count_owner_no_ar(struct ctx *c)
{
	const struct model *m = c->m;
	for (size_t i = 0; i < m->stakeholders.n; i++)
		if (c->owned[i] && ar_total(MODEL_AT(m->stakeholders, struct stakeholder, i)) == 0)
			c->out->count[STEP_INDICATORS][SEV_WARNING] += c->owned[i];
}

/* What a section reads, as bits of enum model_part, and DEP_TODAY for the
 * date. A rule reads a part when it looks at the part's entities or at
 * data derived from them: the stakeholders' role counts per phase come from
 * the RACI cells and the tasks' phases, a task's temp_ar from the cells and
 * the stakeholders' temporary flags, the figures from every part in
 * DEP_FIGURES. */
#define DEP(p) (1u << (p))
#define DEP_TODAY (1u << MODEL_PART_COUNT)
#define DEP_FIGURES                                                                       \
	(DEP(ENT_COST) | DEP(ENT_SHARE) | DEP(MODEL_PART_STAKEHOLDER_SET) | DEP(ENT_TASK) | \
	 DEP(ENT_CHECK) | DEP(MODEL_PART_WORKSHOP) | DEP_TODAY)
#define DEP_WS DEP(MODEL_PART_WORKSHOP)
#define DEP_CELLS (DEP(MODEL_PART_RACI) | DEP(ENT_TASK) | DEP(ENT_STAKEHOLDER))
/* the goals as the indicator rules see them: dropped or not */
#define DEP_GOAL_STATUS DEP(MODEL_PART_GOAL_STATUS)
/* which stakeholders exist (an owner, a partner, the operator) */
#define DEP_SH_SET DEP(MODEL_PART_STAKEHOLDER_SET)

static const unsigned section_reads[SEC_COUNT] = {
	/* has_funding_end and has_rate of the figures come from the workshop */
	[SEC_WORKSHOP] = DEP_WS | DEP(ENT_COST) | DEP(ENT_SGOAL),
	[SEC_GOAL] = DEP(ENT_GOAL),
	[SEC_GOAL_STRATEGY] = DEP(ENT_GOAL) | DEP(ENT_SGOAL),
	[SEC_GOAL_INDICATOR] = DEP(ENT_GOAL) | DEP(ENT_INDICATOR),
	[SEC_INDICATOR] = DEP(ENT_INDICATOR) | DEP_GOAL_STATUS | DEP_WS | DEP_TODAY,
	[SEC_IND_OWNER] = DEP(ENT_INDICATOR) | DEP_GOAL_STATUS | DEP_SH_SET,
	/* the owner's role counts come from the cells and the tasks' phases */
	[SEC_IND_OWNER_AR] = DEP(ENT_INDICATOR) | DEP_GOAL_STATUS | DEP_SH_SET |
			     DEP(MODEL_PART_RACI) | DEP(ENT_TASK),
	[SEC_STAKEHOLDER] = DEP(ENT_STAKEHOLDER) | DEP_WS,
	[SEC_SH_ROLE] = DEP_CELLS,
	/* the category gaps of the figures come from the tasks */
	[SEC_RACI] = DEP_CELLS | DEP_WS,
	[SEC_COSTS] = DEP_FIGURES,
	[SEC_YEARS] = DEP_FIGURES,
	[SEC_SHARES] = DEP_FIGURES,
	[SEC_ROADMAP] = DEP_WS | DEP_CELLS | DEP_SH_SET | DEP(ENT_DECISION) | DEP(ENT_MILESTONE) |
			DEP_TODAY,
	/* the readiness of the figures comes from the check items */
	[SEC_CHECK] = DEP(ENT_CHECK) | DEP_WS,
};

/* Sections whose rules look at one item at a time (its own fields, and
 * what the section reads besides): the kind of the items, or -1. The
 * counter keeps their counts per item, so that an edit of one item counts
 * that item again. */
static const int section_item[SEC_COUNT] = {
	[SEC_WORKSHOP] = -1, [SEC_GOAL] = ENT_GOAL, [SEC_GOAL_STRATEGY] = ENT_GOAL,
	[SEC_GOAL_INDICATOR] = ENT_GOAL, [SEC_INDICATOR] = ENT_INDICATOR,
	[SEC_IND_OWNER] = ENT_INDICATOR,
	[SEC_IND_OWNER_AR] = -1, [SEC_STAKEHOLDER] = -1, [SEC_SH_ROLE] = -1, [SEC_RACI] = -1,
	[SEC_COSTS] = -1, [SEC_YEARS] = -1, [SEC_SHARES] = -1, [SEC_ROADMAP] = -1,
	[SEC_CHECK] = -1,
};
/* the step the findings of a per-item section belong to */
static const enum step section_step[SEC_COUNT] = {
	[SEC_GOAL] = STEP_GOALS,	     [SEC_GOAL_STRATEGY] = STEP_GOALS,
	[SEC_GOAL_INDICATOR] = STEP_GOALS, [SEC_INDICATOR] = STEP_INDICATORS,
	[SEC_IND_OWNER] = STEP_INDICATORS,
};

/* Starts a run of the sections `which` into out (zeroed first) with the
 * figures fig of m. owned (owned_indicators, or NULL) counts
 * indicator.owner_no_ar when only counting. */
static void ctx_begin(struct ctx *c, const struct model *m, struct findings *out,
		      bool count_only, const struct figures *fig, unsigned which, long today,
		      const unsigned *owned)
{
	memset(out, 0, sizeof *out);
	*c = (struct ctx){
		.m = m,
		.fig = fig,
		.out = out,
		.count_only = count_only,
		.winddown = m->ws.phase == PHASE_WINDDOWN,
		.left_pilot = m->ws.phase == PHASE_TRANSITION || m->ws.phase == PHASE_REGULAR,
		.today = today,
		.which = which,
		.owned = owned,
		.one = -1,
	};
	if (!count_only) {
		c->ws_item = name_or(m->ws.title, _("(untitled workshop)"));
		c->untitled_goal = _("(untitled goal)");
		c->unnamed_indicator = _("(unnamed indicator)");
		c->unnamed_stakeholder = _("(unnamed stakeholder)");
		c->unnamed_task = _("(unnamed task)");
		c->unnamed_cost = _("(unnamed cost)");
		c->untitled_milestone = _("(untitled milestone)");
	}
	buf_init(&c->scratch);
}

/* Runs the sections of c, in the order of the steps' items. */
static void ctx_run(struct ctx *c)
{
	rules_workshop(c);
	rules_goals(c);
	rules_indicators(c);
	rules_stakeholders(c);
	rules_raci(c);
	rules_costs(c);
	rules_years(c);
	rules_shares(c);
	rules_roadmap(c);
	rules_check(c);
}

static void ctx_end(struct ctx *c)
{
	free(c->goal_of);
	free(c->per_goal);
	buf_free(&c->scratch);
	free(c->temp_bits);
}

static void run_sections(const struct model *m, struct findings *out, bool count_only,
			 const struct figures *fig, unsigned which, long today,
			 const unsigned *owned)
{
	struct ctx c;
	ctx_begin(&c, m, out, count_only, fig, which, today, owned);
	ctx_run(&c);
	ctx_end(&c);
}

static long today_days(void)
{
	struct date today;
	date_today(&today);
	return date_days(&today);
}

/* Runs every rule into out (zeroed first). */
static void run_rules(const struct model *m, struct findings *out, bool count_only)
{
	struct figures fig;
	figures_init(&fig);
	figures_update(&fig, m);
	run_sections(m, out, count_only, &fig, SEC_ALL, today_days(), NULL);
	figures_free(&fig);
}

/* The counts of a per-item section by the positions of its items at its
 * last full run: what the one item an edit changed takes back. */
struct findings_items {
	size_t n; /* the items then */
	int64_t *ids;
	unsigned (*sev)[SEV_COUNT]; /* in the section's step */
};

void findings_counter_init(struct findings_counter *fc)
{
	memset(fc, 0, sizeof *fc);
	figures_init(&fc->fig);
}

void findings_counter_free(struct findings_counter *fc)
{
	figures_free(&fc->fig);
	free(fc->owned);
	if (fc->items)
		for (int s = 0; s < SEC_COUNT; s++) {
			free(fc->items[s].ids);
			free(fc->items[s].sev);
		}
	free(fc->items);
	findings_counter_init(fc);
}

/* The revision moves with every part's: a change that moved only the
 * revision is one the parts do not name. */
static unsigned long unnamed_changes(const struct model *m)
{
	unsigned long n = m->revision;
	for (int p = 0; p < MODEL_PART_COUNT; p++)
		n -= m->part_revision[p];
	return n;
}

/* Runs section s over every item (or all of it at once when it has no
 * items) into fc->section[s], keeping the per-item counts. */
static void count_section(struct findings_counter *fc, const struct model *m, int s, long today)
{
	struct findings f;
	struct ctx c;
	ctx_begin(&c, m, &f, true, &fc->fig, 1u << s, today, fc->owned);
	int kind = section_item[s];
	if (kind < 0) {
		ctx_run(&c);
	} else {
		struct findings_items *it = &fc->items[s];
		const struct table *t = model_table(m, (enum entity)kind);
		enum step step = section_step[s];
		it->n = t->n;
		it->ids = xrealloc(it->ids, (t->n ? t->n : 1) * sizeof *it->ids);
		it->sev = xrealloc(it->sev, (t->n ? t->n : 1) * sizeof *it->sev);
		for (size_t i = 0; i < t->n; i++) {
			unsigned before[SEV_COUNT];
			memcpy(before, f.count[step], sizeof before);
			c.one = (long)i;
			ctx_run(&c);
			it->ids[i] = *(const int64_t *)table_at(t, i);
			for (int v = 0; v < SEV_COUNT; v++)
				it->sev[i][v] = f.count[step][v] - before[v];
		}
	}
	ctx_end(&c);
	memcpy(fc->section[s], f.count, sizeof f.count);
	fc->runs++;
}

/* Section s again for the one item of its kind that changed since the
 * last update, when that is all it reads that changed; false when the
 * counts kept do not allow it (another item count, a new item). */
static bool count_item(struct findings_counter *fc, const struct model *m, int s, long today,
		       unsigned changed)
{
	int kind = section_item[s];
	if (kind < 0 || (changed & section_reads[s]) != (1u << kind) ||
	    m->part_revision[kind] - fc->parts[kind] != 1 || !m->part_last_id[kind])
		return false;
	const struct table *t = model_table(m, (enum entity)kind);
	struct findings_items *it = &fc->items[s];
	long i = table_index(t, m->part_last_id[kind]);
	if (i < 0 || it->n != t->n || it->ids[i] != m->part_last_id[kind])
		return false;
	struct findings f;
	struct ctx c;
	ctx_begin(&c, m, &f, true, &fc->fig, 1u << s, today, fc->owned);
	c.one = i;
	c.single = true;
	ctx_run(&c);
	ctx_end(&c);
	enum step step = section_step[s];
	for (int v = 0; v < SEV_COUNT; v++) {
		fc->section[s][step][v] += f.count[step][v] - it->sev[i][v];
		it->sev[i][v] = f.count[step][v];
	}
	fc->item_runs++;
	return true;
}

void findings_counter_update(struct findings_counter *fc, const struct model *m)
{
	_Static_assert(SEC_COUNT == FINDINGS_SECTIONS, "findings.h: FINDINGS_SECTIONS");
	_Static_assert(MODEL_PART_COUNT < 31, "a bit per part and one for the date");
	long today = today_days();
	unsigned changed = 0;
	if (!fc->valid || fc->unnamed != unnamed_changes(m)) {
		changed = ~0u;
	} else {
		for (int p = 0; p < MODEL_PART_COUNT; p++)
			if (fc->parts[p] != m->part_revision[p])
				changed |= DEP(p);
		if (fc->today != today)
			changed |= DEP_TODAY;
	}
	if (!changed)
		return;
	if (!fc->items)
		fc->items = xcalloc(SEC_COUNT, sizeof *fc->items);
	if (changed & DEP_FIGURES)
		figures_compute_now(&fc->fig, m);
	const unsigned owned_reads = DEP(ENT_INDICATOR) | DEP_GOAL_STATUS | DEP_SH_SET;
	if ((changed & owned_reads) || !fc->owned) {
		free(fc->owned);
		fc->owned = owned_indicators(m);
	}
	memset(fc->count, 0, sizeof fc->count);
	for (int s = 0; s < SEC_COUNT; s++) {
		if ((changed & section_reads[s]) && !(fc->valid && count_item(fc, m, s, today, changed)))
			count_section(fc, m, s, today);
		for (int st = 0; st < STEP_COUNT; st++)
			for (int v = 0; v < SEV_COUNT; v++)
				fc->count[st][v] += fc->section[s][st][v];
	}
	fc->valid = true;
	fc->unnamed = unnamed_changes(m);
	memcpy(fc->parts, m->part_revision, sizeof fc->parts);
	fc->today = today;
}

void findings_compute(const struct model *m, struct findings *out)
{
	run_rules(m, out, false);
	sort_findings(out);
}

void findings_count(const struct model *m, unsigned count[STEP_COUNT][SEV_COUNT])
{
	struct findings f;
	run_rules(m, &f, true);
	memcpy(count, f.count, sizeof f.count);
}

void findings_free(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].message);
	free(f->v);
	for (struct findings_text *t = f->text, *next; t; t = next) {
		next = t->next;
		free(t);
	}
	memset(f, 0, sizeof *f);
}

unsigned findings_total(const struct findings *f, enum severity sev)
{
	unsigned n = 0;
	for (int s = 0; s < STEP_COUNT; s++)
		n += f->count[s][sev];
	return n;
}

void findings_keep_first(struct findings *f, size_t n)
{
	size_t k = 0, seen[SEV_COUNT] = {0};
	for (size_t i = 0; i < f->n; i++) {
		struct finding *e = &f->v[i];
		if ((int)e->sev >= 0 && e->sev < SEV_COUNT && seen[e->sev]++ < n)
			f->v[k++] = *e;
		else
			free(e->message);
	}
	if (k == f->n)
		return;
	f->n = k;
	if (k) {
		f->v = xrealloc(f->v, k * sizeof *f->v);
	} else {
		free(f->v);
		f->v = NULL;
	}
	f->cap = k;
}
