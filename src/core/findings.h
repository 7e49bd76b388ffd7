/* findings.h — the guidance rules: pure functions of the model that name the
 * gaps that make a measure fail after its pilot. The figures they judge
 * (costs per year, shares, RACI row rules, required categories, readiness)
 * come from figures.h. Messages come out in the current gettext language
 * when they are asked for (findings_message); item fallbacks ("(untitled
 * goal)") in the language of the computation. */
#ifndef STETIG_FINDINGS_H
#define STETIG_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "model.h"
#include "vocab.h"

struct findings_text;

/* One finding. Its message is formatted only when asked for
 * (findings_message): computing the findings after every edit fills in the
 * rule, the item and the few figures and names the message quotes. */
struct finding {
	enum severity sev;  /* SEV_GAP, SEV_WARNING, SEV_HINT */
	enum step step;	    /* the step the finding belongs to */
	enum entity kind;   /* what it names; ENT_WORKSHOP for the whole workshop */
	int64_t id;	    /* the entity's id (0 for the workshop) */
	const char *item;   /* the item's name as shown (goal title, task name, …) */
	const char *rule;   /* a stable rule key, e.g. "goal.no_indicator" (tests, docs) */
	/* what the message quotes (private to findings.c; use findings_message) */
	int msg;	  /* which text */
	long n;		  /* a count, a year, a category or the missing SMART parts */
	double a, b, c;	  /* figures */
	const char *arg;  /* a name or text, or NULL */
	char *message;	  /* the formatted message, once asked for */
	int message_lang; /* the language it was formatted in */
};

struct findings {
	struct finding *v;
	size_t n, cap;
	/* counts per step and severity (tab badges) */
	unsigned count[STEP_COUNT][SEV_COUNT];
	/* the items and the texts the messages quote (private) */
	struct findings_text *text;
};

/* Computes all findings of m, sorted by step, then severity (gaps first),
 * then the order of the items in the model. Runs in time linear in the size
 * of the model (the RACI matrix is never scanned cell by cell). Items are
 * copied, so the findings stay valid when the model changes; the fallback
 * names of unnamed items ("(untitled goal)") are in the current language.
 * No message is formatted here. */
void findings_compute(const struct model *m, struct findings *out);
/* The counts findings_compute would give (per step and severity), without
 * the findings themselves: the cheap way to keep tab badges up to date after
 * every edit. */
void findings_count(const struct model *m, unsigned count[STEP_COUNT][SEV_COUNT]);
/* findings_count kept up to date between calls (the tab badges after each
 * edit). The rules come in sections, and each declares the parts of the
 * model it reads (enum model_part; the date for the rules that compare
 * with today): an update runs again only the sections whose parts changed
 * since the last one (model part_revision) and keeps the others' counts; a
 * change no part names, or a first update, counts all. A section that
 * looks at one goal or indicator at a time keeps its counts per item: when
 * one item of that kind is all that changed of what it reads (model
 * part_last_id), only that item is counted again. */
#define FINDINGS_SECTIONS 15
struct findings_items;
struct findings_counter {
	bool valid;
	unsigned long parts[MODEL_PART_COUNT]; /* the model's part revisions last time */
	unsigned long unnamed; /* its changes no part names (revision - parts) */
	long today;
	unsigned section[FINDINGS_SECTIONS][STEP_COUNT][SEV_COUNT]; /* per section */
	unsigned count[STEP_COUNT][SEV_COUNT]; /* all */
	struct figures fig; /* computed again when a part they read changed */
	unsigned *owned;    /* live indicators per stakeholder position */
	/* the per-item sections' counts per item (private) */
	struct findings_items *items;
	unsigned long runs;	 /* sections run over all their items so far (tests) */
	unsigned long item_runs; /* sections run for one changed item so far */
};
void findings_counter_init(struct findings_counter *fc);
void findings_counter_free(struct findings_counter *fc);
/* Brings fc->count up to date with m. */
void findings_counter_update(struct findings_counter *fc, const struct model *m);
/* What is missing and what to do, one sentence or two, in the current
 * gettext language: formatted on first use and kept in the finding (again
 * when the language has changed since). The text lives until findings_free
 * or the next call for this finding in another language. */
const char *findings_message(const struct finding *x);
void findings_free(struct findings *f);
/* Number of findings of a severity over all steps. */
unsigned findings_total(const struct findings *f, enum severity sev);

/* The readiness per factor is figures_readiness (figures.h). */

/* true when an indicator's method is a survey or an expert rating: with the
 * date of its described starting state it needs no baseline figure. */
bool findings_qualitative_method(const char *method);

/* The days between two collections that an indicator's frequency names
 * ("monatlich", "quarterly", "twice a year", …, German or English, any
 * case), or 0 when the text names no period the rules know. */
long findings_frequency_days(const char *frequency);

/* Readiness below FINDINGS_READINESS_LOW is low: red in the heat maps and a
 * hint among the findings; from FINDINGS_READINESS_HIGH on it is high (green).
 * One set of thresholds, so the colour and the hint never disagree. */
#define FINDINGS_READINESS_LOW (1.0 / 3)
#define FINDINGS_READINESS_HIGH (2.0 / 3)

/* The short name of factor 1..6 in the current language ("Communication",
 * …, "Wind-down"; vocab_factor_short); "" for any other number. */
const char *findings_factor_name(int factor);

/* true when the specific part of a goal is a vague verb alone ("improve",
 * "verbessern", "stärken", …) without an object and without any figure
 * (the rule "goal.vague"). */
bool findings_vague_specific(const char *s);
/* The SMART parts a goal lacks: bit 0 specific … bit 4 time-bound, set
 * when that part is blank. The goals list, its hint and the rule
 * "goal.smart_missing" all use this one answer (a strategy goal does not
 * stand in for the relevant part; it has its own rule). */
unsigned findings_smart_missing(const struct goal *g);

/* Keeps the first n findings of each severity (in their order) and frees
 * the others; the counts per step and severity (findings_total) stay as
 * they were. For a reader that shows only the first few from here on. */
void findings_keep_first(struct findings *f, size_t n);

#endif
