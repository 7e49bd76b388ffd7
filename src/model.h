/* model.h — the workshop in memory: entities, ids, lookups.
 *
 * The model mirrors one workshop file. Every entity has a stable id (the
 * row id in the file, never reused). Strings are never NULL ("" is empty).
 * Lookups by id go through a hash index, RACI cells through the task's row
 * (sorted, binary search), and per-task and per-stakeholder role counts are kept
 * up to date on every change, so nothing needs to scan the whole matrix.
 *
 * Pointers into the model are valid until the next change to the same table. */
#ifndef STETIG_MODEL_H
#define STETIG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

/* The kinds of entities (deletion, findings that name an item). */
enum entity {
	ENT_SGOAL,
	ENT_GOAL,
	ENT_INDICATOR,
	ENT_STAKEHOLDER,
	ENT_TASK,
	ENT_COST,
	ENT_SHARE,
	ENT_CHECK,
	ENT_NOTE,
	ENT_COUNT,
	ENT_WORKSHOP = ENT_COUNT /* the workshop as a whole (findings only) */
};

/* An optional number (baseline, target, latest value). */
struct optnum {
	double v;
	bool set;
};

struct workshop {
	char *title, *municipality, *field;
	char *funding_end; /* "" or YYYY-MM-DD */
	int phase;	   /* enum ws_phase */
	char *facilitator, *participants;
	int lang; /* enum lang */
};

struct strategy_goal {
	int64_t id;
	char *title;
};

struct goal {
	int64_t id;
	char *title, *specific, *measurable, *achievable, *relevant;
	char *time_bound;      /* should be a date (YYYY-MM-DD); free text is kept */
	int64_t strategy_goal; /* 0: none */
	int status;	       /* enum goal_status */
};

struct indicator {
	int64_t id;
	int64_t goal;
	char *name, *unit;
	int direction; /* enum direction */
	struct optnum baseline, target, latest;
	char *baseline_date, *target_date, *latest_date; /* "" or YYYY-MM-DD */
	char *source, *method, *frequency;
	int64_t owner; /* stakeholder id, 0: none */
};

/* One RACI cell seen from a task (other = stakeholder id) or from a
 * stakeholder (other = task id). */
struct raci_ref {
	int64_t other;
	uint8_t role; /* enum raci */
};

struct raci_list {
	struct raci_ref *v;
	size_t n, cap;
};

struct stakeholder {
	int64_t id;
	char *name, *organisation;
	int group;		/* enum group */
	int influence, interest; /* 1-5 */
	int attitude;		/* enum attitude */
	bool key_person, temporary;
	char *message, *channel, *cadence;
	/* derived: the stakeholder's cells and role counts per task phase */
	struct raci_list cells;
	unsigned roles[TPHASE_COUNT][RACI_COUNT];
};

struct task {
	int64_t id;
	char *name;
	int category; /* enum category */
	int phase;    /* enum task_phase */
	/* derived: the task's cells, role counts, A or R held by temporary
	 * stakeholders */
	struct raci_list cells;
	unsigned roles[RACI_COUNT];
	unsigned temp_ar;
};

struct cost {
	int64_t id;
	char *name;
	int kind; /* enum cost_kind */
	double amount;
	int start_year, end_year; /* 0: open */
};

struct cost_share {
	int64_t id;
	int64_t cost, stakeholder;
	double percent;
};

struct check_item {
	int64_t id;
	int factor; /* 1..6 */
	int field;  /* enum check_field */
	int item;   /* 1..n within factor and field */
	int status; /* enum check_status */
	char *note;
};

struct note {
	int64_t id;
	int kind; /* enum note_kind */
	char *text;
	int64_t owner; /* stakeholder id, 0: none */
	char *due;     /* "" or YYYY-MM-DD */
};

/* id → index hash */
struct idmap {
	int64_t *keys;
	uint32_t *vals;
	size_t cap, n;
};

/* An ordered table of entities whose first member is an int64_t id. */
struct table {
	void *items;
	size_t n, cap, size;
	struct idmap idx;
};

struct model {
	struct workshop ws;
	int agenda[STEP_COUNT]; /* timebox minutes per step */
	struct table sgoals;	/* struct strategy_goal */
	struct table goals;	/* struct goal */
	struct table indicators; /* struct indicator */
	struct table stakeholders; /* struct stakeholder */
	struct table tasks;	/* struct task */
	struct table costs;	/* struct cost */
	struct table shares;	/* struct cost_share */
	struct table checks;	/* struct check_item */
	struct table notes;	/* struct note */
	size_t raci_n;		/* filled RACI cells */
	unsigned long revision; /* bumped on every change */
};

void model_init(struct model *m);
void model_free(struct model *m);
/* Empties the model (model_free + model_init). */
void model_clear(struct model *m);

/* Table access. */
void *table_at(const struct table *t, size_t i);
void *table_find(const struct table *t, int64_t id);
/* Index of id, or -1. */
long table_index(const struct table *t, int64_t id);

#define MODEL_AT(tab, type, i) ((type *)table_at(&(tab), (i)))
#define MODEL_FIND(tab, type, id) ((type *)table_find(&(tab), (id)))

/* Shorthand lookups; NULL when absent. */
struct strategy_goal *model_sgoal(const struct model *m, int64_t id);
struct goal *model_goal(const struct model *m, int64_t id);
struct indicator *model_indicator(const struct model *m, int64_t id);
struct stakeholder *model_stakeholder(const struct model *m, int64_t id);
struct task *model_task(const struct model *m, int64_t id);
struct cost *model_cost(const struct model *m, int64_t id);
struct check_item *model_check(const struct model *m, int factor, int field, int item);

/* Putting an entity copies it (deep) into the model, replacing the one with
 * the same id or inserting it in id order. Derived fields are kept. */
void model_set_workshop(struct model *m, const struct workshop *w);
void model_put_sgoal(struct model *m, const struct strategy_goal *e);
void model_put_goal(struct model *m, const struct goal *e);
void model_put_indicator(struct model *m, const struct indicator *e);
void model_put_stakeholder(struct model *m, const struct stakeholder *e);
void model_put_task(struct model *m, const struct task *e);
void model_put_cost(struct model *m, const struct cost *e);
void model_put_share(struct model *m, const struct cost_share *e);
void model_put_check(struct model *m, const struct check_item *e);
void model_put_note(struct model *m, const struct note *e);

/* RACI. Setting RACI_NONE clears the cell. Both ids must exist. */
enum raci model_raci_get(const struct model *m, int64_t task, int64_t stakeholder);
void model_raci_set(struct model *m, int64_t task, int64_t stakeholder, enum raci role);
/* Number of filled cells. */
size_t model_raci_count(const struct model *m);

/* Deep copies and frees of single entities (for forms editing a copy). */
void workshop_copy(struct workshop *dst, const struct workshop *src);
void workshop_free(struct workshop *w);
void sgoal_copy(struct strategy_goal *dst, const struct strategy_goal *src);
void sgoal_free(struct strategy_goal *e);
void goal_copy(struct goal *dst, const struct goal *src);
void goal_free(struct goal *e);
void indicator_copy(struct indicator *dst, const struct indicator *src);
void indicator_free(struct indicator *e);
void stakeholder_copy(struct stakeholder *dst, const struct stakeholder *src);
void stakeholder_free(struct stakeholder *e);
void task_copy(struct task *dst, const struct task *src);
void task_free(struct task *e);
void cost_copy(struct cost *dst, const struct cost *src);
void cost_free(struct cost *e);
void check_copy(struct check_item *dst, const struct check_item *src);
void check_free(struct check_item *e);
void note_copy(struct note *dst, const struct note *src);
void note_free(struct note *e);
/* Zero-initialised entities with "" strings and sensible defaults. */
void goal_init(struct goal *e);
void indicator_init(struct indicator *e);
void stakeholder_init(struct stakeholder *e);
void task_init(struct task *e);
void cost_init(struct cost *e);
void note_init(struct note *e);
void workshop_init(struct workshop *w);

/* qsort comparator for an array of const struct check_item pointers: by
 * factor, field and item (the catalogue order). */
int check_item_ptr_cmp(const void *a, const void *b);

/* The name or title of an entity as it is shown ("" when absent or nameless). */
const char *model_entity_name(const struct model *m, enum entity kind, int64_t id);

/* Derived figures shared by findings, screens and exports (the costs, the
 * shares and the readiness are in figures.h). */
/* Number of indicators of a goal. */
size_t model_goal_indicators(const struct model *m, int64_t goal);
/* Year of the funding end, or 0 when none is set. */
int model_funding_end_year(const struct model *m);

#endif
