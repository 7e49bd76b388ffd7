/* model.h — the workshop in memory: entities, ids, lookups.
 *
 * The model mirrors one workshop file. Every entity has a stable id (the
 * row id in the file, never reused). Strings are never NULL ("" is empty).
 * Lookups by id go through a hash index, RACI cells through the task's row
 * (sorted, binary search), and per-task and per-stakeholder role counts are kept
 * up to date on every change, so nothing needs to scan the whole matrix.
 *
 * The entities and their fields are described once, in entities.def: the
 * structs below, the field names (GOAL_F_title, …) and entity_descs[], the
 * table the store, the CSV bundle and the workbook walk, come from there.
 *
 * Pointers into the model are valid until the next change to the same table. */
#ifndef STETIG_MODEL_H
#define STETIG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vocab.h"

#include "entities.def"

/* The kinds of entities (deletion, findings that name an item), in the
 * order of ENTITIES (entities.def). */
#define ENTITY_ENUM(K, ...) ENT_##K,
enum entity {
	ENTITIES(ENTITY_ENUM)
	ENT_COUNT,
	ENT_WORKSHOP = ENT_COUNT /* the workshop as a whole */
};
#undef ENTITY_ENUM

/* The fields of each entity by name: GOAL_F_title, STAKEHOLDER_F_name, … */
#define FIELD_ENUM(K, name, ...) K##_F_##name,
#define ENTITY_FIELD_ENUM(K, ...) enum { K##_FIELDS(FIELD_ENUM) K##_F_COUNT };
ENTITIES(ENTITY_FIELD_ENUM)
enum { WORKSHOP_FIELDS(FIELD_ENUM) WORKSHOP_F_COUNT };
#undef ENTITY_FIELD_ENUM
#undef FIELD_ENUM

/* An optional number (baseline, target, latest value). */
struct optnum {
	double v;
	bool set;
};

/* The C type of each field type of entities.def. */
#define FIELD_CTYPE_TEXT char *
#define FIELD_CTYPE_DATETEXT char *
#define FIELD_CTYPE_DATE char *
#define FIELD_CTYPE_TIME char *
#define FIELD_CTYPE_WORD int
#define FIELD_CTYPE_FLAG bool
#define FIELD_CTYPE_INT int
#define FIELD_CTYPE_REF int64_t
#define FIELD_CTYPE_NUM double
#define FIELD_CTYPE_OPTNUM struct optnum
#define FIELD_MEMBER(K, name, type, ...) FIELD_CTYPE_##type name;
/* The arg of entity_field for each field type. */
#define FIELD_ARG_TEXT(a) 0
#define FIELD_ARG_DATETEXT(a) 0
#define FIELD_ARG_DATE(a) 0
#define FIELD_ARG_TIME(a) 0
#define FIELD_ARG_WORD(a) a
#define FIELD_ARG_FLAG(a) VOCAB_YESNO
#define FIELD_ARG_INT(a) 0
#define FIELD_ARG_REF(a) ENT_##a
#define FIELD_ARG_NUM(a) 0
#define FIELD_ARG_OPTNUM(a) 0

struct workshop {
	WORKSHOP_FIELDS(FIELD_MEMBER)
};

/* The entities without derived data: their id and their fields. */
#define ENTITY_STRUCT_NONE(K, type)                                                         \
	struct type {                                                                       \
		int64_t id;                                                                 \
		K##_FIELDS(FIELD_MEMBER)                                                    \
	};
#define ENTITY_STRUCT_RACI(K, type)
#define ENTITY_STRUCT(K, prefix, type, member, sql, csv_id, derived, ...)                  \
	ENTITY_STRUCT_##derived(K, type)
ENTITIES(ENTITY_STRUCT)
#undef ENTITY_STRUCT

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

/* The entities with derived RACI data after their fields (never stored,
 * never copied: the model keeps it up to date). */
struct stakeholder {
	int64_t id;
	STAKEHOLDER_FIELDS(FIELD_MEMBER)
	/* the stakeholder's cells and role counts per task phase */
	struct raci_list cells;
	unsigned roles[TPHASE_COUNT][RACI_COUNT];
};

struct task {
	int64_t id;
	TASK_FIELDS(FIELD_MEMBER)
	/* the task's cells, role counts, A or R held by temporary stakeholders */
	struct raci_list cells;
	unsigned roles[RACI_COUNT];
	unsigned temp_ar;
};

/* The description of the fields (entities.def), walked at run time. */
enum field_type {
	FT_TEXT,
	FT_DATETEXT,
	FT_DATE,
	FT_TIME,
	FT_WORD,
	FT_FLAG,
	FT_INT,
	FT_REF,
	FT_NUM,
	FT_OPTNUM,
};
enum field_empty { FE_OPT, FE_REQ, FE_KEY, FE_NEW };
enum field_fmt { FF_PLAIN, FF_MONEY, FF_PCT, FF_FACTOR };

struct entity_field {
	const char *name; /* the struct member */
	enum field_type type;
	size_t off;	  /* of the member */
	int arg;	  /* WORD: enum vocab_kind (FLAG: VOCAB_YESNO); REF: enum entity */
	long lo, hi;	  /* INT: the range */
	enum field_empty empty;
	int init;	  /* start value of numbers and choices */
	const char *sql;  /* the column in the workshop file */
	const char *en, *de; /* the CSV headers */
	enum field_fmt fmt;  /* how the workbook shows it */
	const char *head;    /* the workbook heading (msgid), NULL: none */
};

struct entity_desc {
	const char *prefix; /* "goal" */
	const char *sql;    /* the table */
	size_t size;	    /* of the struct */
	size_t derived;	    /* where the derived data begins (size: none) */
	bool raci;	    /* the derived data starts with a struct raci_list */
	bool has_id;	    /* the struct starts with its int64_t id */
	bool csv_id;	    /* the CSV file and the sheet start with the row number */
	int named;	    /* the field that names an entity, -1: none */
	size_t table;	    /* offset of its struct table in struct model */
	const char *sheet;  /* the workbook sheet (msgid) */
	int freeze;	    /* columns frozen there */
	const char *add, *edit, *del; /* undo labels (msgid) */
	const struct entity_field *fields;
	size_t n;
};

/* Room for an entity of any kind. */
#define ENTITY_UNION_MEMBER(K, prefix, type, ...) struct type prefix;
union entity_any {
	ENTITIES(ENTITY_UNION_MEMBER)
	struct workshop workshop;
};
#undef ENTITY_UNION_MEMBER

/* Every entity kind, the workshop (ENT_WORKSHOP) last. */
extern const struct entity_desc entity_descs[ENT_COUNT + 1];

static inline void *field_at(void *e, const struct entity_field *f)
{
	return (char *)e + f->off;
}

static inline const void *field_at_c(const void *e, const struct entity_field *f)
{
	return (const char *)e + f->off;
}

/* true for fields that may be empty (OPT, and NEW: see entities.def). */
static inline bool field_optional(const struct entity_field *f)
{
	return f->empty == FE_OPT || f->empty == FE_NEW;
}

/* true for fields held as a string (TEXT, DATETEXT, DATE, TIME). */
static inline bool field_is_string(const struct entity_field *f)
{
	return f->type == FT_TEXT || f->type == FT_DATETEXT || f->type == FT_DATE ||
	       f->type == FT_TIME;
}

/* The parts of a model whose changes are counted apart: each entity kind
 * (enum entity, the workshop's fields ENT_WORKSHOP), the RACI cells, the
 * agenda's timeboxes and the dots on findings; and, moving with their
 * kind's, which stakeholders exist and which goals exist with which status
 * (what most rules that look at other kinds read of them). */
enum model_part {
	/* 0 .. ENT_COUNT - 1: the entity kinds, (enum model_part)ENT_GOAL … */
	MODEL_PART_WORKSHOP = ENT_WORKSHOP,
	MODEL_PART_RACI,
	MODEL_PART_AGENDA,
	MODEL_PART_FVOTES,
	MODEL_PART_STAKEHOLDER_SET, /* a stakeholder added or removed */
	MODEL_PART_GOAL_STATUS,	    /* a goal added or removed, or its status */
	MODEL_PART_COUNT
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
	struct table decisions;	/* struct decision */
	struct table milestones; /* struct milestone */
	struct table blocks;	/* struct agenda_block */
	size_t raci_n;		/* filled RACI cells */
	/* the dots of findings (a finding is computed: named by its rule and
	 * the id of the item it names) */
	struct finding_vote *fvotes;
	size_t nfvotes, capfvotes;
	unsigned long revision; /* bumped on every change */
	/* bumped with revision by every change of that part (model_changed);
	 * a reload bumps them all (findings_counter) */
	unsigned long part_revision[MODEL_PART_COUNT];
	/* the entity of each kind that was put last (model_put), 0 after a
	 * change of several (model_keep_first, a reload): with one step of
	 * part_revision, the one entity of that kind that changed */
	int64_t part_last_id[MODEL_PART_COUNT];
	/* bumped with revision by every change the money figures read: a cost,
	 * a share, a stakeholder or the workshop's data saved or dropped
	 * (model_keep_first), and every reload (a delete, an undo or redo, an
	 * import); figures_update_costs */
	unsigned long costs_revision;
};

/* Marks a change of part p (enum model_part, or enum entity for a kind):
 * revision and p's revision move. Derived data moves with the part that
 * was changed: a task's phase moves its stakeholders' role counts (part
 * ENT_TASK), a stakeholder's temporary flag its tasks' temp_ar (part
 * ENT_STAKEHOLDER). */
static inline void model_changed(struct model *m, int p)
{
	m->revision++;
	m->part_revision[p]++;
}

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
void model_put(struct model *m, enum entity kind, const void *e);

/* Keeps the first n entities of kind (in table order, as MODEL_AT counts)
 * and frees the others: for a reader that needs no more of them. Kinds with
 * RACI cells (tasks, stakeholders) and the workshop are left as they are. */
void model_keep_first(struct model *m, enum entity kind, size_t n);

/* The table of an entity kind (not the workshop). */
struct table *model_table(const struct model *m, enum entity kind);

/* The entities of a kind in the order the CSV bundle and the workbook list
 * them: id order; cost shares by cost, then stakeholder (a share whose cost
 * or stakeholder is gone is left out); check items in catalogue order. The
 * workshop is one row. *n gets the count; free the array. */
const void **model_rows(const struct model *m, enum entity kind, size_t *n);

/* RACI. Setting RACI_NONE clears the cell. Both ids must exist. */
enum raci model_raci_get(const struct model *m, int64_t task, int64_t stakeholder);
void model_raci_set(struct model *m, int64_t task, int64_t stakeholder, enum raci role);
/* Number of filled cells. */
size_t model_raci_count(const struct model *m);
/* A whole matrix into a model without cells (a load): each task's and
 * stakeholder's row is allocated once at its size, no search per cell.
 * Cells naming a missing task or stakeholder or RACI_NONE are left out; a
 * pair given twice keeps its last role. In a model that has cells already
 * it sets them one by one. */
struct raci_cell {
	int64_t task, stakeholder;
	uint8_t role; /* enum raci */
};
void model_raci_load(struct model *m, const struct raci_cell *c, size_t n);
/* Removes every RACI cell: the tasks' and stakeholders' rows are freed and
 * their role counts are zero, as in a workshop without RACI cells. */
void model_raci_clear(struct model *m);

/* Entities of any kind: zero-initialised with "" strings and the start
 * values of entities.def; deep copies (derived data is not copied: dst gets
 * none); frees. */
void entity_init(enum entity kind, void *e);
void entity_copy(enum entity kind, void *dst, const void *src);
void entity_free(enum entity kind, void *e);

/* The same for each kind by name: goal_init, goal_copy, goal_free,
 * model_put_goal, … (the prefixes of ENTITIES), and the workshop's. */
#define ENTITY_FUNCS(K, prefix, type, ...)                                                  \
	void prefix##_init(struct type *e);                                                 \
	void prefix##_copy(struct type *dst, const struct type *src);                       \
	void prefix##_free(struct type *e);                                                 \
	void model_put_##prefix(struct model *m, const struct type *e);
ENTITIES(ENTITY_FUNCS)
#undef ENTITY_FUNCS
void workshop_init(struct workshop *w);
void workshop_copy(struct workshop *dst, const struct workshop *src);
void workshop_free(struct workshop *w);

/* Cost shares in order: by cost, then stakeholder (positions or bundle
 * ids), then index; share_order_cmp is its qsort comparator. */
struct share_order {
	long cost, stakeholder;
	size_t index;
};
int share_order_cmp(const void *a, const void *b);

/* qsort comparator for an array of const struct check_item pointers: by
 * factor, field and item (the catalogue order). */
int check_item_ptr_cmp(const void *a, const void *b);

/* The name or title of an entity as it is shown ("" when absent or nameless). */
const char *model_entity_name(const struct model *m, enum entity kind, int64_t id);

struct finding_vote {
	char *rule;
	int64_t item;
	int votes;
};
/* The dots of the finding of rule on item (0: none); setting 0 removes them. */
int model_finding_votes(const struct model *m, const char *rule, int64_t item);
void model_set_finding_votes(struct model *m, const char *rule, int64_t item, int votes);

/* Dot votes: the dots an item holds, a pointer to them in an
 * entity of that kind (NULL for kinds nobody votes on), and all dots given. */
bool model_votable(enum entity kind);
int *entity_votes(enum entity kind, void *e);
int model_votes(const struct model *m, enum entity kind, int64_t id);
unsigned model_votes_total(const struct model *m);

/* Derived figures shared by findings, screens and exports (the costs, the
 * shares and the readiness are in figures.h). */
/* Number of indicators of a goal. */
size_t model_goal_indicators(const struct model *m, int64_t goal);
/* Year of the funding end, or 0 when none is set. */
int model_funding_end_year(const struct model *m);

#endif
