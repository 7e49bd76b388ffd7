/* model.c — the workshop in memory. */
#include "config.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* ------------------------------------------------------------ id index */

static size_t hash64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return (size_t)x;
}

static void idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static void idmap_insert_raw(struct idmap *m, int64_t key, uint32_t val)
{
	size_t mask = m->cap - 1;
	size_t i = hash64((uint64_t)key) & mask;
	while (m->keys[i] != 0 && m->keys[i] != key)
		i = (i + 1) & mask;
	if (m->keys[i] == 0)
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

/* Rebuilds the index for ids[0..n) (ids are never 0). */
static void idmap_rebuild(struct idmap *m, const struct table *t)
{
	size_t cap = 16;
	while (cap < t->n * 2 + 2)
		cap *= 2;
	if (cap != m->cap) {
		free(m->keys);
		free(m->vals);
		m->keys = xcalloc(cap, sizeof *m->keys);
		m->vals = xcalloc(cap, sizeof *m->vals);
		m->cap = cap;
	} else {
		memset(m->keys, 0, cap * sizeof *m->keys);
	}
	m->n = 0;
	for (size_t i = 0; i < t->n; i++) {
		const int64_t *id = (const int64_t *)((const char *)t->items + i * t->size);
		idmap_insert_raw(m, *id, (uint32_t)i);
	}
}

static long idmap_get(const struct idmap *m, int64_t key)
{
	if (!m->cap || key == 0)
		return -1;
	size_t mask = m->cap - 1;
	size_t i = hash64((uint64_t)key) & mask;
	while (m->keys[i] != 0) {
		if (m->keys[i] == key)
			return m->vals[i];
		i = (i + 1) & mask;
	}
	return -1;
}

/* ------------------------------------------------------------ tables */

static void table_init(struct table *t, size_t size)
{
	memset(t, 0, sizeof *t);
	t->size = size;
}

void *table_at(const struct table *t, size_t i)
{
	return (char *)t->items + i * t->size;
}

long table_index(const struct table *t, int64_t id)
{
	return idmap_get(&t->idx, id);
}

void *table_find(const struct table *t, int64_t id)
{
	long i = table_index(t, id);
	return i < 0 ? NULL : table_at(t, (size_t)i);
}

/* Returns the slot for id: the existing one (*fresh false) or a new zeroed
 * one in id order (*fresh true). */
static void *table_slot(struct table *t, int64_t id, bool *fresh)
{
	long i = table_index(t, id);
	if (i >= 0) {
		*fresh = false;
		return table_at(t, (size_t)i);
	}
	*fresh = true;
	xgrow(&t->items, &t->cap, t->n + 1, t->size);
	size_t pos = t->n;
	bool at_end = true;
	if (t->n && *(int64_t *)table_at(t, t->n - 1) > id) {
		/* binary search for the first id greater than id */
		size_t lo = 0, hi = t->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (*(int64_t *)table_at(t, mid) < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		pos = lo;
		at_end = false;
		memmove(table_at(t, pos + 1), table_at(t, pos), (t->n - pos) * t->size);
	}
	void *slot = table_at(t, pos);
	memset(slot, 0, t->size);
	*(int64_t *)slot = id;
	t->n++;
	if (at_end && t->idx.cap && t->idx.n + 1 < t->idx.cap / 2)
		idmap_insert_raw(&t->idx, id, (uint32_t)pos);
	else
		idmap_rebuild(&t->idx, t);
	return slot;
}

/* ------------------------------------------------------------ entities */

/* The descriptions of entities.def, with the member offsets. */
#define ENTITY_TYPEDEF(K, prefix, type, ...) typedef struct type entity_struct_##K;
ENTITIES(ENTITY_TYPEDEF)
#undef ENTITY_TYPEDEF
typedef struct workshop entity_struct_WORKSHOP;

#define FIELD_DESC(K, name, type, arg, lo, hi, empty, init, sql, en, de, fmt, head)         \
	{#name, FT_##type, offsetof(entity_struct_##K, name), FIELD_ARG_##type(arg), lo, hi,  \
	 FE_##empty, init, sql, en, de, FF_##fmt, head},
#define ENTITY_FIELDS(K, ...) static const struct entity_field fields_##K[] = {K##_FIELDS(FIELD_DESC)};
ENTITIES(ENTITY_FIELDS)
static const struct entity_field fields_WORKSHOP[] = {WORKSHOP_FIELDS(FIELD_DESC)};
#undef ENTITY_FIELDS

#define DERIVED_NONE(type) sizeof(struct type)
#define DERIVED_RACI(type) offsetof(struct type, cells)
#define CSV_ID_ID true
#define CSV_ID_NOID false
#define ENTITY_DESC(K, prefix, type, member, sql, csv_id, derived, named, file, sheet, freeze,  \
		    add, edit, del)                                                                   \
	[ENT_##K] = {#prefix, sql, sizeof(struct type), DERIVED_##derived(type),              \
		     DERIVED_##derived(type) != sizeof(struct type), true, CSV_ID_##csv_id,     \
		     named, offsetof(struct model, member), sheet, freeze, add, edit, del,      \
		     fields_##K, sizeof fields_##K / sizeof *fields_##K},
const struct entity_desc entity_descs[ENT_COUNT + 1] = {
	ENTITIES(ENTITY_DESC)
	[ENT_WORKSHOP] = {"workshop", "workshop", sizeof(struct workshop), sizeof(struct workshop),
			  false, false, false, WORKSHOP_F_title, 0, NULL, 0, N_("Edit workshop"),
			  N_("Edit workshop"), NULL, fields_WORKSHOP,
			  sizeof fields_WORKSHOP / sizeof *fields_WORKSHOP},
};
#undef ENTITY_DESC

void entity_init(enum entity kind, void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	memset(e, 0, d->size);
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		void *p = field_at(e, f);
		if (field_is_string(f))
			*(char **)p = xstrdup("");
		else if (f->type == FT_WORD || f->type == FT_INT)
			*(int *)p = f->init;
		else if (f->type == FT_FLAG)
			*(bool *)p = f->init != 0;
	}
}

void entity_copy(enum entity kind, void *dst, const void *src)
{
	const struct entity_desc *d = &entity_descs[kind];
	memcpy(dst, src, d->size);
	for (size_t i = 0; i < d->n; i++)
		if (field_is_string(&d->fields[i])) {
			char **p = field_at(dst, &d->fields[i]);
			*p = xstrdup(*p ? *p : "");
		}
	memset((char *)dst + d->derived, 0, d->size - d->derived);
}

void entity_free(enum entity kind, void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t i = 0; i < d->n; i++)
		if (field_is_string(&d->fields[i]))
			free(*(char **)field_at(e, &d->fields[i]));
	if (d->raci)
		free(((struct raci_list *)((char *)e + d->derived))->v);
	memset(e, 0, d->size);
}

static void table_free(struct table *t, enum entity kind)
{
	for (size_t i = 0; i < t->n; i++)
		entity_free(kind, table_at(t, i));
	free(t->items);
	idmap_free(&t->idx);
	size_t size = t->size;
	table_init(t, size);
}

struct table *model_table(const struct model *m, enum entity kind)
{
	return (struct table *)((const char *)m + entity_descs[kind].table);
}

/* ------------------------------------------------------------ model */

void model_init(struct model *m)
{
	memset(m, 0, sizeof *m);
	workshop_init(&m->ws);
	for (int k = 0; k < ENT_COUNT; k++)
		table_init(model_table(m, (enum entity)k), entity_descs[k].size);
}

void model_free(struct model *m)
{
	workshop_free(&m->ws);
	for (int k = 0; k < ENT_COUNT; k++)
		table_free(model_table(m, (enum entity)k), (enum entity)k);
	for (size_t i = 0; i < m->nfvotes; i++)
		free(m->fvotes[i].rule);
	free(m->fvotes);
	m->fvotes = NULL;
	m->nfvotes = m->capfvotes = 0;
}

void model_keep_first(struct model *m, enum entity kind, size_t n)
{
	struct table *t = model_table(m, kind);
	if (kind == ENT_WORKSHOP || entity_descs[kind].raci || n >= t->n)
		return;
	if (!n) {
		table_free(t, kind);
	} else {
		for (size_t i = n; i < t->n; i++)
			entity_free(kind, table_at(t, i));
		t->n = n;
		t->items = xrealloc(t->items, n * t->size);
		t->cap = n;
		idmap_rebuild(&t->idx, t);
	}
	model_changed(m, kind);
	m->part_last_id[kind] = 0;
	if (kind == ENT_GOAL)
		model_changed(m, MODEL_PART_GOAL_STATUS);
	if (kind == ENT_COST || kind == ENT_SHARE)
		m->costs_revision++;
}

void model_clear(struct model *m)
{
	unsigned long rev = m->revision, costs_rev = m->costs_revision;
	unsigned long parts[MODEL_PART_COUNT];
	memcpy(parts, m->part_revision, sizeof parts);
	model_free(m);
	model_init(m);
	m->revision = rev;
	for (int p = 0; p < MODEL_PART_COUNT; p++) {
		m->part_revision[p] = parts[p];
		model_changed(m, p);
	}
	m->costs_revision = costs_rev + 1;
}

#define MODEL_LOOKUP(prefix, type, member)                                                  \
	struct type *model_##prefix(const struct model *m, int64_t id)                      \
	{                                                                                   \
		return table_find(&m->member, id);                                          \
	}
MODEL_LOOKUP(sgoal, strategy_goal, sgoals)
MODEL_LOOKUP(goal, goal, goals)
MODEL_LOOKUP(indicator, indicator, indicators)
MODEL_LOOKUP(stakeholder, stakeholder, stakeholders)
MODEL_LOOKUP(task, task, tasks)
MODEL_LOOKUP(cost, cost, costs)
#undef MODEL_LOOKUP

struct check_item *model_check(const struct model *m, int factor, int field, int item)
{
	for (size_t i = 0; i < m->checks.n; i++) {
		struct check_item *c = MODEL_AT(m->checks, struct check_item, i);
		if (c->factor == factor && c->field == field && c->item == item)
			return c;
	}
	return NULL;
}

void model_set_workshop(struct model *m, const struct workshop *w)
{
	struct workshop copy;
	workshop_copy(&copy, w);
	workshop_free(&m->ws);
	m->ws = copy;
	model_changed(m, MODEL_PART_WORKSHOP);
	m->costs_revision++;
}

static void raci_recount_temp(struct model *m, struct stakeholder *sh, bool was_temp);

/* A stakeholder keeps its cells; a changed temporary flag changes the
 * tasks' counts of temporary A/R. */
static void put_stakeholder(struct model *m, struct stakeholder *s, bool fresh,
			    struct stakeholder *copy)
{
	bool was_temp = false;
	if (!fresh) {
		was_temp = s->temporary;
		copy->cells = s->cells;
		memcpy(copy->roles, s->roles, sizeof copy->roles);
		s->cells.v = NULL;
		stakeholder_free(s);
	}
	*s = *copy;
	if (!fresh && was_temp != s->temporary)
		raci_recount_temp(m, s, was_temp);
}

/* A task keeps its cells; a changed phase moves the stakeholders' role
 * counts to the new phase. */
static void put_task(struct model *m, struct task *s, bool fresh, struct task *copy)
{
	if (fresh) {
		*s = *copy;
		return;
	}
	copy->cells = s->cells;
	memcpy(copy->roles, s->roles, sizeof copy->roles);
	copy->temp_ar = s->temp_ar;
	int old_phase = s->phase;
	s->cells.v = NULL;
	task_free(s);
	*s = *copy;
	if (old_phase == s->phase)
		return;
	for (size_t i = 0; i < s->cells.n; i++) {
		struct stakeholder *sh = model_stakeholder(m, s->cells.v[i].other);
		if (!sh)
			continue;
		sh->roles[old_phase][s->cells.v[i].role]--;
		sh->roles[s->phase][s->cells.v[i].role]++;
	}
}

void model_put(struct model *m, enum entity kind, const void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	bool fresh;
	void *s = table_slot(model_table(m, kind), *(const int64_t *)e, &fresh);
	bool goal_status = kind == ENT_GOAL &&
			   (fresh || ((struct goal *)s)->status != ((const struct goal *)e)->status);
	union entity_any copy;
	entity_copy(kind, &copy, e);
	if (kind == ENT_STAKEHOLDER) {
		put_stakeholder(m, s, fresh, &copy.stakeholder);
	} else if (kind == ENT_TASK) {
		put_task(m, s, fresh, &copy.task);
	} else {
		if (!fresh)
			entity_free(kind, s);
		memcpy(s, &copy, d->size);
	}
	model_changed(m, kind);
	m->part_last_id[kind] = *(const int64_t *)e;
	if (fresh && kind == ENT_STAKEHOLDER)
		model_changed(m, MODEL_PART_STAKEHOLDER_SET);
	if (goal_status)
		model_changed(m, MODEL_PART_GOAL_STATUS);
	if (kind == ENT_COST || kind == ENT_SHARE || kind == ENT_STAKEHOLDER)
		m->costs_revision++;
}

/* The functions by name (model.h). */
#define ENTITY_FUNCS(K, prefix, type, ...)                                                  \
	void prefix##_init(struct type *e) { entity_init(ENT_##K, e); }                     \
	void prefix##_copy(struct type *dst, const struct type *src)                        \
	{                                                                                   \
		entity_copy(ENT_##K, dst, src);                                             \
	}                                                                                   \
	void prefix##_free(struct type *e) { entity_free(ENT_##K, e); }                     \
	void model_put_##prefix(struct model *m, const struct type *e)                      \
	{                                                                                   \
		model_put(m, ENT_##K, e);                                                   \
	}
ENTITIES(ENTITY_FUNCS)
#undef ENTITY_FUNCS

void workshop_init(struct workshop *w)
{
	entity_init(ENT_WORKSHOP, w);
}

void workshop_copy(struct workshop *dst, const struct workshop *src)
{
	entity_copy(ENT_WORKSHOP, dst, src);
}

void workshop_free(struct workshop *w)
{
	entity_free(ENT_WORKSHOP, w);
}

/* ------------------------------------------------------------ rows */

int share_order_cmp(const void *a, const void *b)
{
	const struct share_order *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	if (x->stakeholder != y->stakeholder)
		return x->stakeholder < y->stakeholder ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Shares by the position of their cost, then of their stakeholder. */
static size_t share_rows(const struct model *m, const void **v)
{
	size_t n = 0;
	struct share_order *o = xcalloc(m->shares.n ? m->shares.n : 1, sizeof *o);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *e = MODEL_AT(m->shares, struct cost_share, i);
		long c = table_index(&m->costs, e->cost), s = table_index(&m->stakeholders,
									     e->stakeholder);
		if (c >= 0 && s >= 0)
			o[n++] = (struct share_order){c, s, i};
	}
	qsort(o, n, sizeof *o, share_order_cmp);
	for (size_t i = 0; i < n; i++)
		v[i] = table_at(&m->shares, o[i].index);
	free(o);
	return n;
}

const void **model_rows(const struct model *m, enum entity kind, size_t *n)
{
	if (kind == ENT_WORKSHOP) {
		const void **v = xcalloc(1, sizeof *v);
		v[0] = &m->ws;
		*n = 1;
		return v;
	}
	const struct table *t = model_table(m, kind);
	const void **v = xcalloc(t->n ? t->n : 1, sizeof *v);
	if (kind == ENT_SHARE) {
		*n = share_rows(m, v);
		return v;
	}
	for (size_t i = 0; i < t->n; i++)
		v[i] = table_at(t, i);
	if (kind == ENT_CHECK)
		qsort(v, t->n, sizeof *v, check_item_ptr_cmp);
	*n = t->n;
	return v;
}

/* ------------------------------------------------------------ RACI */

/* The cells live twice, in the task's list sorted by stakeholder id and in
 * the stakeholder's list sorted by task id; a lookup is a binary search in
 * one row. Cells loaded in row order are appended without moving anything. */

/* Index of other in l, or (as ~index) where it would go. */
static long raci_find(const struct raci_list *l, int64_t other)
{
	size_t lo = 0, hi = l->n;
	if (hi && l->v[hi - 1].other < other)
		return ~(long)hi; /* the common case while loading */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->v[mid].other < other)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->n && l->v[lo].other == other)
		return (long)lo;
	return ~(long)lo;
}

/* Sets, changes or (RACI_NONE) removes the entry for other. */
static void raci_list_set(struct raci_list *l, int64_t other, enum raci role)
{
	long at = raci_find(l, other);
	if (at >= 0) {
		size_t i = (size_t)at;
		if (role == RACI_NONE) {
			memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
			l->n--;
		} else {
			l->v[i].role = (uint8_t)role;
		}
		return;
	}
	if (role == RACI_NONE)
		return;
	size_t i = (size_t)~at;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	memmove(&l->v[i + 1], &l->v[i], (l->n - i) * sizeof *l->v);
	l->v[i].other = other;
	l->v[i].role = (uint8_t)role;
	l->n++;
}

static bool is_ar(int role)
{
	return role == RACI_A || role == RACI_R;
}

enum raci model_raci_get(const struct model *m, int64_t task, int64_t stakeholder)
{
	const struct task *t = model_task(m, task);
	if (!t)
		return RACI_NONE;
	long at = raci_find(&t->cells, stakeholder);
	return at >= 0 ? (enum raci)t->cells.v[at].role : RACI_NONE;
}

void model_raci_set(struct model *m, int64_t task, int64_t stakeholder, enum raci role)
{
	struct task *t = model_task(m, task);
	struct stakeholder *sh = model_stakeholder(m, stakeholder);
	if (!t || !sh)
		return;
	long at = raci_find(&t->cells, stakeholder);
	enum raci old = at >= 0 ? (enum raci)t->cells.v[at].role : RACI_NONE;
	if (old == role)
		return;
	raci_list_set(&t->cells, stakeholder, role);
	raci_list_set(&sh->cells, task, role);
	if (old != RACI_NONE) {
		t->roles[old]--;
		sh->roles[t->phase][old]--;
		m->raci_n--;
	}
	if (role != RACI_NONE) {
		t->roles[role]++;
		sh->roles[t->phase][role]++;
		m->raci_n++;
	}
	if (sh->temporary) {
		if (is_ar(old))
			t->temp_ar--;
		if (is_ar(role))
			t->temp_ar++;
	}
	model_changed(m, MODEL_PART_RACI);
}

static int raci_ref_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct raci_ref *)a)->other, y = ((const struct raci_ref *)b)->other;
	return (x > y) - (x < y);
}

/* Sorts a row filled in load order; true when it holds a pair twice. */
static bool raci_row_settle(struct raci_list *l)
{
	bool sorted = true;
	for (size_t i = 1; i < l->n && sorted; i++)
		sorted = l->v[i - 1].other < l->v[i].other;
	if (sorted)
		return false;
	qsort(l->v, l->n, sizeof *l->v, raci_ref_cmp);
	for (size_t i = 1; i < l->n; i++)
		if (l->v[i - 1].other == l->v[i].other)
			return true;
	return false;
}

/* Empties every task's and stakeholder's row and counts. */
static void raci_rows_reset(struct model *m)
{
	for (size_t i = 0; i < m->tasks.n; i++) {
		struct task *x = table_at(&m->tasks, i);
		free(x->cells.v);
		x->cells = (struct raci_list){0};
		memset(x->roles, 0, sizeof x->roles);
		x->temp_ar = 0;
	}
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		struct stakeholder *x = table_at(&m->stakeholders, i);
		free(x->cells.v);
		x->cells = (struct raci_list){0};
		memset(x->roles, 0, sizeof x->roles);
	}
	m->raci_n = 0;
}

void model_raci_load(struct model *m, const struct raci_cell *c, size_t n)
{
	if (m->raci_n || n == 0) {
		for (size_t i = 0; i < n; i++)
			model_raci_set(m, c[i].task, c[i].stakeholder, (enum raci)c[i].role);
		return;
	}
	raci_rows_reset(m); /* no cells, but maybe rows allocated */
	struct task **tp = xmalloc(n * sizeof *tp);
	struct stakeholder **sp = xmalloc(n * sizeof *sp);
	struct task *t = NULL;
	/* count each row's cells (in cap), then allocate it once */
	for (size_t i = 0; i < n; i++) {
		if (!t || t->id != c[i].task) /* cells come task by task */
			t = model_task(m, c[i].task);
		struct stakeholder *sh = model_stakeholder(m, c[i].stakeholder);
		bool ok = t && sh && c[i].role > RACI_NONE && c[i].role < RACI_COUNT;
		tp[i] = ok ? t : NULL;
		sp[i] = ok ? sh : NULL;
		if (ok) {
			t->cells.cap++;
			sh->cells.cap++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct task *ti = tp[i];
		struct stakeholder *sh = sp[i];
		if (!ti)
			continue;
		if (!ti->cells.v)
			ti->cells.v = xmalloc(ti->cells.cap * sizeof *ti->cells.v);
		if (!sh->cells.v)
			sh->cells.v = xmalloc(sh->cells.cap * sizeof *sh->cells.v);
		enum raci role = (enum raci)c[i].role;
		ti->cells.v[ti->cells.n++] = (struct raci_ref){sh->id, (uint8_t)role};
		sh->cells.v[sh->cells.n++] = (struct raci_ref){ti->id, (uint8_t)role};
		ti->roles[role]++;
		sh->roles[ti->phase][role]++;
		if (sh->temporary && is_ar(role))
			ti->temp_ar++;
		m->raci_n++;
	}
	free(tp);
	free(sp);
	bool dup = false;
	for (size_t i = 0; i < m->tasks.n; i++)
		dup |= raci_row_settle(&((struct task *)table_at(&m->tasks, i))->cells);
	for (size_t i = 0; i < m->stakeholders.n; i++)
		dup |= raci_row_settle(&((struct stakeholder *)table_at(&m->stakeholders, i))->cells);
	model_changed(m, MODEL_PART_RACI);
	if (dup) {
		/* a pair twice (not from a valid file): the careful way, the
		 * last role of a pair wins */
		raci_rows_reset(m);
		for (size_t i = 0; i < n; i++)
			model_raci_set(m, c[i].task, c[i].stakeholder, (enum raci)c[i].role);
	}
}

void model_raci_clear(struct model *m)
{
	raci_rows_reset(m);
	model_changed(m, MODEL_PART_RACI);
}

/* The temporary flag of sh changed: fix the tasks' counts of temporary A/R. */
static void raci_recount_temp(struct model *m, struct stakeholder *sh, bool was_temp)
{
	for (size_t i = 0; i < sh->cells.n; i++) {
		if (!is_ar(sh->cells.v[i].role))
			continue;
		struct task *t = model_task(m, sh->cells.v[i].other);
		if (!t)
			continue;
		if (was_temp)
			t->temp_ar--;
		else
			t->temp_ar++;
	}
}

size_t model_raci_count(const struct model *m)
{
	return m->raci_n;
}

int check_item_ptr_cmp(const void *a, const void *b)
{
	const struct check_item *x = *(const struct check_item *const *)a;
	const struct check_item *y = *(const struct check_item *const *)b;
	if (x->factor != y->factor)
		return x->factor - y->factor;
	if (x->field != y->field)
		return x->field - y->field;
	return x->item - y->item;
}

/* ------------------------------------------------------------ derived */

const char *model_entity_name(const struct model *m, enum entity kind, int64_t id)
{
	if (kind < 0 || kind >= ENT_COUNT || entity_descs[kind].named < 0)
		return "";
	const struct entity_desc *d = &entity_descs[kind];
	const void *e = table_find(model_table(m, kind), id);
	return e ? *(char *const *)field_at_c(e, &d->fields[d->named]) : "";
}

size_t model_goal_indicators(const struct model *m, int64_t goal)
{
	size_t n = 0;
	for (size_t i = 0; i < m->indicators.n; i++)
		if (MODEL_AT(m->indicators, struct indicator, i)->goal == goal)
			n++;
	return n;
}

int model_funding_end_year(const struct model *m)
{
	struct date d;
	return date_parse_iso(m->ws.funding_end, &d) ? d.y : 0;
}

bool model_votable(enum entity kind)
{
	return kind == ENT_GOAL || kind == ENT_TASK || kind == ENT_CHECK;
}

int *entity_votes(enum entity kind, void *e)
{
	switch (kind) {
	case ENT_GOAL: return &((struct goal *)e)->votes;
	case ENT_TASK: return &((struct task *)e)->votes;
	case ENT_CHECK: return &((struct check_item *)e)->votes;
	default: return NULL;
	}
}

int model_votes(const struct model *m, enum entity kind, int64_t id)
{
	if (!model_votable(kind))
		return 0;
	void *e = table_find(model_table(m, kind), id);
	return e ? *entity_votes(kind, e) : 0;
}

unsigned model_votes_total(const struct model *m)
{
	unsigned n = 0;
	for (size_t i = 0; i < m->goals.n; i++)
		n += (unsigned)MODEL_AT(m->goals, struct goal, i)->votes;
	for (size_t i = 0; i < m->tasks.n; i++)
		n += (unsigned)MODEL_AT(m->tasks, struct task, i)->votes;
	for (size_t i = 0; i < m->checks.n; i++)
		n += (unsigned)MODEL_AT(m->checks, struct check_item, i)->votes;
	for (size_t i = 0; i < m->nfvotes; i++)
		n += (unsigned)m->fvotes[i].votes;
	return n;
}

static long fvote_index(const struct model *m, const char *rule, int64_t item)
{
	for (size_t i = 0; i < m->nfvotes; i++)
		if (m->fvotes[i].item == item && !strcmp(m->fvotes[i].rule, rule))
			return (long)i;
	return -1;
}

int model_finding_votes(const struct model *m, const char *rule, int64_t item)
{
	long i = rule ? fvote_index(m, rule, item) : -1;
	return i < 0 ? 0 : m->fvotes[i].votes;
}

void model_set_finding_votes(struct model *m, const char *rule, int64_t item, int votes)
{
	if (!rule)
		return;
	long i = fvote_index(m, rule, item);
	if (i >= 0 && votes > 0) {
		m->fvotes[i].votes = votes;
	} else if (i >= 0) {
		free(m->fvotes[i].rule);
		m->fvotes[i] = m->fvotes[--m->nfvotes];
	} else if (votes > 0) {
		xgrow((void **)&m->fvotes, &m->capfvotes, m->nfvotes + 1, sizeof *m->fvotes);
		m->fvotes[m->nfvotes++] = (struct finding_vote){xstrdup(rule), item, votes};
	}
	model_changed(m, MODEL_PART_FVOTES);
}
