/* model.c — the workshop in memory. */
#include "config.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

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

static void table_free(struct table *t, void (*free_item)(void *))
{
	for (size_t i = 0; i < t->n; i++)
		free_item(table_at(t, i));
	free(t->items);
	idmap_free(&t->idx);
	size_t size = t->size;
	table_init(t, size);
}

/* ------------------------------------------------------------ entities */

void workshop_init(struct workshop *w)
{
	memset(w, 0, sizeof *w);
	w->title = xstrdup("");
	w->municipality = xstrdup("");
	w->field = xstrdup("");
	w->funding_end = xstrdup("");
	w->facilitator = xstrdup("");
	w->participants = xstrdup("");
}

void workshop_free(struct workshop *w)
{
	free(w->title);
	free(w->municipality);
	free(w->field);
	free(w->funding_end);
	free(w->facilitator);
	free(w->participants);
	memset(w, 0, sizeof *w);
}

void workshop_copy(struct workshop *dst, const struct workshop *src)
{
	*dst = *src;
	dst->title = xstrdup(src->title);
	dst->municipality = xstrdup(src->municipality);
	dst->field = xstrdup(src->field);
	dst->funding_end = xstrdup(src->funding_end);
	dst->facilitator = xstrdup(src->facilitator);
	dst->participants = xstrdup(src->participants);
}

void sgoal_copy(struct strategy_goal *dst, const struct strategy_goal *src)
{
	*dst = *src;
	dst->title = xstrdup(src->title);
}

void sgoal_free(struct strategy_goal *e)
{
	free(e->title);
	e->title = NULL;
}

void goal_init(struct goal *e)
{
	memset(e, 0, sizeof *e);
	e->title = xstrdup("");
	e->specific = xstrdup("");
	e->measurable = xstrdup("");
	e->achievable = xstrdup("");
	e->relevant = xstrdup("");
	e->time_bound = xstrdup("");
}

void goal_copy(struct goal *dst, const struct goal *src)
{
	*dst = *src;
	dst->title = xstrdup(src->title);
	dst->specific = xstrdup(src->specific);
	dst->measurable = xstrdup(src->measurable);
	dst->achievable = xstrdup(src->achievable);
	dst->relevant = xstrdup(src->relevant);
	dst->time_bound = xstrdup(src->time_bound);
}

void goal_free(struct goal *e)
{
	free(e->title);
	free(e->specific);
	free(e->measurable);
	free(e->achievable);
	free(e->relevant);
	free(e->time_bound);
	memset(e, 0, sizeof *e);
}

void indicator_init(struct indicator *e)
{
	memset(e, 0, sizeof *e);
	e->name = xstrdup("");
	e->unit = xstrdup("");
	e->baseline_date = xstrdup("");
	e->target_date = xstrdup("");
	e->latest_date = xstrdup("");
	e->source = xstrdup("");
	e->method = xstrdup("");
	e->frequency = xstrdup("");
}

void indicator_copy(struct indicator *dst, const struct indicator *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->unit = xstrdup(src->unit);
	dst->baseline_date = xstrdup(src->baseline_date);
	dst->target_date = xstrdup(src->target_date);
	dst->latest_date = xstrdup(src->latest_date);
	dst->source = xstrdup(src->source);
	dst->method = xstrdup(src->method);
	dst->frequency = xstrdup(src->frequency);
}

void indicator_free(struct indicator *e)
{
	free(e->name);
	free(e->unit);
	free(e->baseline_date);
	free(e->target_date);
	free(e->latest_date);
	free(e->source);
	free(e->method);
	free(e->frequency);
	memset(e, 0, sizeof *e);
}

void stakeholder_init(struct stakeholder *e)
{
	memset(e, 0, sizeof *e);
	e->name = xstrdup("");
	e->organisation = xstrdup("");
	e->message = xstrdup("");
	e->channel = xstrdup("");
	e->cadence = xstrdup("");
	e->influence = 3;
	e->interest = 3;
	e->attitude = ATT_NEUTRAL;
}

/* Copies the stakeholder's own fields; the derived RACI data is not copied
 * (dst gets none). */
void stakeholder_copy(struct stakeholder *dst, const struct stakeholder *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->organisation = xstrdup(src->organisation);
	dst->message = xstrdup(src->message);
	dst->channel = xstrdup(src->channel);
	dst->cadence = xstrdup(src->cadence);
	memset(&dst->cells, 0, sizeof dst->cells);
	memset(dst->roles, 0, sizeof dst->roles);
}

void stakeholder_free(struct stakeholder *e)
{
	free(e->name);
	free(e->organisation);
	free(e->message);
	free(e->channel);
	free(e->cadence);
	free(e->cells.v);
	memset(e, 0, sizeof *e);
}

void task_init(struct task *e)
{
	memset(e, 0, sizeof *e);
	e->name = xstrdup("");
}

void task_copy(struct task *dst, const struct task *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	memset(&dst->cells, 0, sizeof dst->cells);
	memset(dst->roles, 0, sizeof dst->roles);
	dst->temp_ar = 0;
}

void task_free(struct task *e)
{
	free(e->name);
	free(e->cells.v);
	memset(e, 0, sizeof *e);
}

void cost_init(struct cost *e)
{
	memset(e, 0, sizeof *e);
	e->name = xstrdup("");
}

void cost_copy(struct cost *dst, const struct cost *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
}

void cost_free(struct cost *e)
{
	free(e->name);
	memset(e, 0, sizeof *e);
}

void check_copy(struct check_item *dst, const struct check_item *src)
{
	*dst = *src;
	dst->note = xstrdup(src->note);
}

void check_free(struct check_item *e)
{
	free(e->note);
	memset(e, 0, sizeof *e);
}

void note_init(struct note *e)
{
	memset(e, 0, sizeof *e);
	e->text = xstrdup("");
	e->due = xstrdup("");
}

void note_copy(struct note *dst, const struct note *src)
{
	*dst = *src;
	dst->text = xstrdup(src->text);
	dst->due = xstrdup(src->due);
}

void note_free(struct note *e)
{
	free(e->text);
	free(e->due);
	memset(e, 0, sizeof *e);
}

static void free_sgoal_v(void *p) { sgoal_free(p); }
static void free_goal_v(void *p) { goal_free(p); }
static void free_indicator_v(void *p) { indicator_free(p); }
static void free_stakeholder_v(void *p) { stakeholder_free(p); }
static void free_task_v(void *p) { task_free(p); }
static void free_cost_v(void *p) { cost_free(p); }
static void free_share_v(void *p) { (void)p; }
static void free_check_v(void *p) { check_free(p); }
static void free_note_v(void *p) { note_free(p); }

/* ------------------------------------------------------------ model */

void model_init(struct model *m)
{
	memset(m, 0, sizeof *m);
	workshop_init(&m->ws);
	table_init(&m->sgoals, sizeof(struct strategy_goal));
	table_init(&m->goals, sizeof(struct goal));
	table_init(&m->indicators, sizeof(struct indicator));
	table_init(&m->stakeholders, sizeof(struct stakeholder));
	table_init(&m->tasks, sizeof(struct task));
	table_init(&m->costs, sizeof(struct cost));
	table_init(&m->shares, sizeof(struct cost_share));
	table_init(&m->checks, sizeof(struct check_item));
	table_init(&m->notes, sizeof(struct note));
}

void model_free(struct model *m)
{
	workshop_free(&m->ws);
	table_free(&m->sgoals, free_sgoal_v);
	table_free(&m->goals, free_goal_v);
	table_free(&m->indicators, free_indicator_v);
	table_free(&m->stakeholders, free_stakeholder_v);
	table_free(&m->tasks, free_task_v);
	table_free(&m->costs, free_cost_v);
	table_free(&m->shares, free_share_v);
	table_free(&m->checks, free_check_v);
	table_free(&m->notes, free_note_v);
}

void model_clear(struct model *m)
{
	unsigned long rev = m->revision;
	model_free(m);
	model_init(m);
	m->revision = rev + 1;
}

struct strategy_goal *model_sgoal(const struct model *m, int64_t id)
{
	return table_find(&m->sgoals, id);
}

struct goal *model_goal(const struct model *m, int64_t id)
{
	return table_find(&m->goals, id);
}

struct indicator *model_indicator(const struct model *m, int64_t id)
{
	return table_find(&m->indicators, id);
}

struct stakeholder *model_stakeholder(const struct model *m, int64_t id)
{
	return table_find(&m->stakeholders, id);
}

struct task *model_task(const struct model *m, int64_t id)
{
	return table_find(&m->tasks, id);
}

struct cost *model_cost(const struct model *m, int64_t id)
{
	return table_find(&m->costs, id);
}

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
	m->revision++;
}

void model_put_sgoal(struct model *m, const struct strategy_goal *e)
{
	bool fresh;
	struct strategy_goal *s = table_slot(&m->sgoals, e->id, &fresh);
	struct strategy_goal copy;
	sgoal_copy(&copy, e);
	if (!fresh)
		sgoal_free(s);
	*s = copy;
	m->revision++;
}

void model_put_goal(struct model *m, const struct goal *e)
{
	bool fresh;
	struct goal *s = table_slot(&m->goals, e->id, &fresh);
	struct goal copy;
	goal_copy(&copy, e);
	if (!fresh)
		goal_free(s);
	*s = copy;
	m->revision++;
}

void model_put_indicator(struct model *m, const struct indicator *e)
{
	bool fresh;
	struct indicator *s = table_slot(&m->indicators, e->id, &fresh);
	struct indicator copy;
	indicator_copy(&copy, e);
	if (!fresh)
		indicator_free(s);
	*s = copy;
	m->revision++;
}

static void raci_recount_temp(struct model *m, struct stakeholder *sh, bool was_temp);

void model_put_stakeholder(struct model *m, const struct stakeholder *e)
{
	bool fresh;
	struct stakeholder *s = table_slot(&m->stakeholders, e->id, &fresh);
	struct stakeholder copy;
	stakeholder_copy(&copy, e);
	bool was_temp = false;
	if (!fresh) {
		was_temp = s->temporary;
		copy.cells = s->cells;
		memcpy(copy.roles, s->roles, sizeof copy.roles);
		s->cells.v = NULL;
		stakeholder_free(s);
	}
	*s = copy;
	if (!fresh && was_temp != s->temporary)
		raci_recount_temp(m, s, was_temp);
	m->revision++;
}

void model_put_task(struct model *m, const struct task *e)
{
	bool fresh;
	struct task *s = table_slot(&m->tasks, e->id, &fresh);
	struct task copy;
	task_copy(&copy, e);
	if (!fresh) {
		copy.cells = s->cells;
		memcpy(copy.roles, s->roles, sizeof copy.roles);
		copy.temp_ar = s->temp_ar;
		int old_phase = s->phase;
		s->cells.v = NULL;
		task_free(s);
		*s = copy;
		if (old_phase != s->phase) {
			/* move the stakeholders' role counts to the new phase */
			for (size_t i = 0; i < s->cells.n; i++) {
				struct stakeholder *sh = model_stakeholder(m, s->cells.v[i].other);
				if (!sh)
					continue;
				sh->roles[old_phase][s->cells.v[i].role]--;
				sh->roles[s->phase][s->cells.v[i].role]++;
			}
		}
	} else {
		*s = copy;
	}
	m->revision++;
}

void model_put_cost(struct model *m, const struct cost *e)
{
	bool fresh;
	struct cost *s = table_slot(&m->costs, e->id, &fresh);
	struct cost copy;
	cost_copy(&copy, e);
	if (!fresh)
		cost_free(s);
	*s = copy;
	m->revision++;
}

void model_put_share(struct model *m, const struct cost_share *e)
{
	bool fresh;
	struct cost_share *s = table_slot(&m->shares, e->id, &fresh);
	*s = *e;
	m->revision++;
}

void model_put_check(struct model *m, const struct check_item *e)
{
	bool fresh;
	struct check_item *s = table_slot(&m->checks, e->id, &fresh);
	struct check_item copy;
	check_copy(&copy, e);
	if (!fresh)
		check_free(s);
	*s = copy;
	m->revision++;
}

void model_put_note(struct model *m, const struct note *e)
{
	bool fresh;
	struct note *s = table_slot(&m->notes, e->id, &fresh);
	struct note copy;
	note_copy(&copy, e);
	if (!fresh)
		note_free(s);
	*s = copy;
	m->revision++;
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
	m->revision++;
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
	switch (kind) {
	case ENT_SGOAL: {
		const struct strategy_goal *e = model_sgoal(m, id);
		return e ? e->title : "";
	}
	case ENT_GOAL: {
		const struct goal *e = model_goal(m, id);
		return e ? e->title : "";
	}
	case ENT_INDICATOR: {
		const struct indicator *e = model_indicator(m, id);
		return e ? e->name : "";
	}
	case ENT_STAKEHOLDER: {
		const struct stakeholder *e = model_stakeholder(m, id);
		return e ? e->name : "";
	}
	case ENT_TASK: {
		const struct task *e = model_task(m, id);
		return e ? e->name : "";
	}
	case ENT_COST: {
		const struct cost *e = model_cost(m, id);
		return e ? e->name : "";
	}
	case ENT_NOTE: {
		const struct note *e = table_find(&m->notes, id);
		return e ? e->text : "";
	}
	default:
		return "";
	}
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
