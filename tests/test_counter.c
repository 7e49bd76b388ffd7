/* test_counter.c — the kept findings counts (findings_counter, the tab
 * badges) against a full count: random sequences of changes of every kind,
 * on a generated workshop in the model and on the demo workshop through
 * the store (saves, deletes, RACI cells, undo, redo, an import, a reload),
 * and another day now and then. After every change the counter must give
 * what findings_count gives, per step and severity. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_io.h"
#include "findings.h"
#include "model.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static unsigned seed;

/* A pseudo-random number in 0..n-1 (0 when n is 0), the same on every run. */
static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return n ? (seed >> 8) % n : 0;
}

static const char *pick(const char *const *v, size_t n)
{
	return v[rnd((unsigned)n)];
}
#define PICK(v) pick(v, sizeof v / sizeof *v)

/* An id of an entity of kind in m (0 when there is none). */
static int64_t some_id(const struct model *m, enum entity kind)
{
	const struct table *t = model_table(m, kind);
	if (!t->n)
		return 0;
	return *(const int64_t *)table_at(t, rnd((unsigned)t->n));
}

/* Sets field f of e to a random value of its type: values the rules tell
 * apart (blank or not, a vague verb, a survey, a frequency, dates before
 * and after the days the test moves through, amounts and percentages). */
static void mutate_field(const struct model *m, void *e, const struct entity_field *f)
{
	static const char *const texts[] = {"", "  ", "Verbessern", "improve mobility",
					    "Messstellen an 12 Bächen", "Umfrage", "expert rating",
					    "monatlich", "yearly", "quarterly", "Amt für Umwelt"};
	static const char *const dates[] = {"", "2024-03-01", "2025-05-15", "2025-12-31",
					    "2026-06-30", "2027-01-01", "2031-01-15"};
	static const char *const datetexts[] = {"", "2025-09-30", "2026-06-30", "next spring",
						"Q3 2026"};
	static const char *const times[] = {"", "09:30", "14:00"};
	static const double nums[] = {0, 10, 40, 60, 100, 2500, 120000};
	void *p = field_at(e, f);
	const char *s = NULL;
	switch (f->type) {
	case FT_TEXT: s = PICK(texts); break;
	case FT_DATE: s = PICK(dates); break;
	case FT_DATETEXT: s = PICK(datetexts); break;
	case FT_TIME: s = PICK(times); break;
	case FT_WORD: *(int *)p = (int)rnd((unsigned)vocab_count((enum vocab_kind)f->arg)); break;
	case FT_FLAG: *(bool *)p = rnd(2); break;
	case FT_INT:
		*(int *)p = field_optional(f) && !rnd(4)
				    ? 0
				    : (int)(f->lo + (long)rnd((unsigned)(f->hi - f->lo + 1 > 60
										 ? 60
										 : f->hi - f->lo + 1)));
		if (f->lo >= 1900) /* a year: around the funding end */
			*(int *)p = field_optional(f) && !rnd(3) ? 0 : 2024 + (int)rnd(8);
		break;
	case FT_REF: {
		/* an item, none, or the id the next new item gets (in the
		 * model: a reference that comes true later) */
		const struct table *t = model_table(m, (enum entity)f->arg);
		unsigned r = rnd(8);
		*(int64_t *)p = r < 5   ? some_id(m, (enum entity)f->arg)
				: r < 7 ? 0
				: t->n	? *(const int64_t *)table_at(t, t->n - 1) + 1
					: 1;
		break;
	}
	case FT_NUM: *(double *)p = nums[rnd(sizeof nums / sizeof *nums)]; break;
	case FT_OPTNUM: {
		struct optnum *o = p;
		o->set = rnd(3) != 0;
		o->v = o->set ? nums[rnd(sizeof nums / sizeof *nums)] : 0;
		break;
	}
	}
	if (s) {
		char **q = p;
		free(*q);
		*q = xstrdup(s);
	}
}

/* Changes one to three fields of e (kind). */
static void mutate(const struct model *m, enum entity kind, void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (unsigned k = 1 + rnd(3); k > 0; k--)
		mutate_field(m, e, &d->fields[rnd((unsigned)d->n)]);
}

static enum raci some_role(void)
{
	static const enum raci roles[] = {RACI_R, RACI_A, RACI_C, RACI_I, RACI_NONE, RACI_A};
	return roles[rnd(sizeof roles / sizeof *roles)];
}

/* The days the tests move through: before, at and after the funding ends
 * and the budget years begin. */
static void another_day(void)
{
	static const char *const days[] = {"2025-06-01", "2025-12-31", "2026-01-01",
					   "2026-09-15", "2027-03-01", "2032-01-01"};
	setenv("STETIG_TODAY", PICK(days), 1);
}

/* The counter's counts against a full count; says where they differ. */
static void expect_agree(struct findings_counter *fc, const struct model *m, const char *what,
			 int step)
{
	unsigned full[STEP_COUNT][SEV_COUNT];
	findings_count(m, full);
	findings_counter_update(fc, m);
	bool same = !memcmp(full, fc->count, sizeof full);
	CU_ASSERT_TRUE(same);
	if (same)
		return;
	for (int s = 0; s < STEP_COUNT; s++)
		for (int v = 0; v < SEV_COUNT; v++)
			if (full[s][v] != fc->count[s][v])
				fprintf(stderr, "\n  step %d (%s): step %d severity %d: kept %u, full %u",
					step, what, s, v, fc->count[s][v], full[s][v]);
}

/* ------------------------------------------------------------ in the model */

static void put_new(struct model *m, enum entity kind, int64_t id)
{
	union entity_any e;
	entity_init(kind, &e);
	*(int64_t *)&e = id;
	mutate(m, kind, &e);
	mutate(m, kind, &e);
	model_put(m, kind, &e);
	entity_free(kind, &e);
}

/* A generated workshop: every kind of entity, random fields and cells. */
static void generate(struct model *m, unsigned scale)
{
	model_clear(m);
	struct workshop w;
	workshop_copy(&w, &m->ws);
	free(w.funding_end);
	w.funding_end = xstrdup("2026-06-30");
	model_set_workshop(m, &w);
	workshop_free(&w);
	static const enum entity order[] = {ENT_SGOAL, ENT_GOAL, ENT_STAKEHOLDER, ENT_INDICATOR,
					    ENT_TASK, ENT_COST, ENT_SHARE, ENT_CHECK, ENT_NOTE,
					    ENT_DECISION, ENT_MILESTONE, ENT_BLOCK};
	for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
		unsigned n = order[k] == ENT_INDICATOR ? 4 * scale
			     : order[k] == ENT_SHARE  ? 3 * scale
			     : order[k] == ENT_CHECK  ? 24
						      : scale;
		for (unsigned i = 1; i <= n; i++)
			put_new(m, order[k], i);
	}
	for (unsigned i = 0; i < scale * scale; i++)
		model_raci_set(m, some_id(m, ENT_TASK), some_id(m, ENT_STAKEHOLDER), some_role());
}

/* One random change of the model; what it was goes to *what. */
static void change_model(struct model *m, const char **what)
{
	unsigned r = rnd(100);
	if (r < 30) {
		*what = "RACI cell";
		model_raci_set(m, some_id(m, ENT_TASK), some_id(m, ENT_STAKEHOLDER), some_role());
	} else if (r < 80) {
		enum entity kind = (enum entity)rnd(ENT_COUNT);
		*what = entity_descs[kind].prefix;
		int64_t id = some_id(m, kind);
		if (!id || !rnd(6)) { /* a new one */
			const struct table *t = model_table(m, kind);
			put_new(m, kind, t->n ? *(int64_t *)table_at(t, t->n - 1) + 1 : 1);
			return;
		}
		union entity_any e;
		entity_copy(kind, &e, table_find(model_table(m, kind), id));
		mutate(m, kind, &e);
		model_put(m, kind, &e);
		entity_free(kind, &e);
	} else if (r < 90) {
		*what = "workshop";
		struct workshop w;
		workshop_copy(&w, &m->ws);
		mutate(m, ENT_WORKSHOP, &w);
		model_set_workshop(m, &w);
		workshop_free(&w);
	} else if (r < 94) {
		*what = "entities dropped";
		enum entity kind = (enum entity)rnd(ENT_COUNT);
		size_t n = model_table(m, kind)->n;
		model_keep_first(m, kind, n ? n - 1 : 0);
	} else if (r < 96) {
		*what = "finding votes";
		model_set_finding_votes(m, "goal.no_indicator", some_id(m, ENT_GOAL), (int)rnd(3));
	} else {
		*what = "another day";
		another_day();
	}
}

static void test_generated(void)
{
	static const unsigned scales[] = {1, 2, 3, 5, 12, 40};
	for (size_t k = 0; k < sizeof scales / sizeof *scales; k++) {
		struct model m;
		model_init(&m);
		seed = 20261203u + (unsigned)k;
		setenv("STETIG_TODAY", "2025-06-01", 1);
		generate(&m, scales[k]);
		struct findings_counter fc;
		findings_counter_init(&fc);
		expect_agree(&fc, &m, "generated", 0);
		for (int step = 1; step <= 3000; step++) {
			const char *what = "";
			change_model(&m, &what);
			expect_agree(&fc, &m, what, step);
		}
		/* single goal and indicator edits took the per-item way */
		CU_ASSERT_TRUE(fc.item_runs > 20);
		/* an indicator's name: the indicator counted again in the two
		 * sections that look at one indicator at a time, and the two
		 * that count per goal and per stakeholder run */
		int64_t ind = some_id(&m, ENT_INDICATOR);
		if (ind) {
			unsigned long runs = fc.runs, items = fc.item_runs;
			struct indicator e;
			indicator_copy(&e, model_indicator(&m, ind));
			free(e.name);
			e.name = xstrdup(*model_indicator(&m, ind)->name ? "" : "Renamed");
			model_put_indicator(&m, &e);
			indicator_free(&e);
			expect_agree(&fc, &m, "indicator renamed", 0);
			CU_ASSERT_EQUAL(fc.item_runs - items, 2);
			CU_ASSERT_EQUAL(fc.runs - runs, 2);
		}
		/* a RACI cell runs only the sections that read cells */
		unsigned long runs = fc.runs;
		int64_t t = some_id(&m, ENT_TASK), sh = some_id(&m, ENT_STAKEHOLDER);
		model_raci_set(&m, t, sh, model_raci_get(&m, t, sh) == RACI_A ? RACI_R : RACI_A);
		expect_agree(&fc, &m, "last cell", 0);
		CU_ASSERT_TRUE(fc.runs > runs && fc.runs - runs < FINDINGS_SECTIONS / 2);
		/* nothing changed: nothing runs */
		runs = fc.runs;
		expect_agree(&fc, &m, "no change", 0);
		CU_ASSERT_EQUAL(fc.runs, runs);
		/* a reload (model_clear) counts all */
		generate(&m, scales[k]);
		runs = fc.runs;
		expect_agree(&fc, &m, "regenerated", 0);
		CU_ASSERT_EQUAL(fc.runs - runs, FINDINGS_SECTIONS);
		findings_counter_free(&fc);
		model_free(&m);
	}
	setenv("STETIG_TODAY", "2025-06-01", 1);
}

/* A change that only moves the revision (no part named) counts all. */
static void test_unnamed_change(void)
{
	struct model m;
	model_init(&m);
	seed = 7;
	generate(&m, 5);
	struct findings_counter fc;
	findings_counter_init(&fc);
	expect_agree(&fc, &m, "generated", 0);
	unsigned long runs = fc.runs;
	m.revision++;
	expect_agree(&fc, &m, "revision only", 0);
	CU_ASSERT_EQUAL(fc.runs - runs, FINDINGS_SECTIONS);
	findings_counter_free(&fc);
	model_free(&m);
}

/* The per-item ways in a small workshop whose counts they move: a goal
 * without indicators edited alone, an owner without A or R whose
 * indicator's goal is dropped and taken up again. */
static void test_items(void)
{
	struct model m;
	model_init(&m);
	struct goal g;
	goal_init(&g);
	for (int64_t id = 1; id <= 2; id++) {
		g.id = id;
		model_put_goal(&m, &g);
	}
	struct stakeholder sh;
	stakeholder_init(&sh);
	sh.id = 1;
	model_put_stakeholder(&m, &sh);
	stakeholder_free(&sh);
	struct indicator ind;
	indicator_init(&ind);
	ind.id = 1;
	ind.goal = 2;
	ind.owner = 1;
	model_put_indicator(&m, &ind);
	indicator_free(&ind);
	struct findings_counter fc;
	findings_counter_init(&fc);
	expect_agree(&fc, &m, "small", 0);
	CU_ASSERT_EQUAL(fc.count[STEP_GOALS][SEV_GAP], 2 * 1 + 1); /* SMART parts, no indicator */
	CU_ASSERT_EQUAL(fc.count[STEP_INDICATORS][SEV_WARNING], 4); /* target, source, frequency, owner without A/R */
	unsigned long items = fc.item_runs;
	free(g.title);
	g.title = xstrdup("Renamed");
	g.id = 1;
	model_put_goal(&m, &g);
	expect_agree(&fc, &m, "goal without indicators renamed", 1);
	CU_ASSERT_EQUAL(fc.item_runs - items, 3);
	for (int k = 0; k < 2; k++) {
		g.id = 2;
		g.status = k == 0 ? GSTAT_DROPPED : GSTAT_DRAFT;
		model_put_goal(&m, &g);
		expect_agree(&fc, &m, k == 0 ? "goal dropped" : "goal taken up", 2 + k);
	}
	goal_free(&g);
	findings_counter_free(&fc);
	model_free(&m);
}

/* ------------------------------------------------------------ through the store */

/* One random change through the store, the way the screens make them. */
static void change_store(struct store *s, struct model *m, const char **what)
{
	unsigned r = rnd(100);
	char *label = NULL, *item = NULL;
	if (r < 25) {
		*what = "RACI cell";
		int64_t t = some_id(m, ENT_TASK), sh = some_id(m, ENT_STAKEHOLDER);
		if (t && sh)
			store_set_raci(s, m, t, sh, some_role());
	} else if (r < 65) {
		enum entity kind = (enum entity)rnd(ENT_COUNT);
		*what = entity_descs[kind].prefix;
		int64_t id = some_id(m, kind);
		union entity_any e;
		if (id && rnd(6))
			entity_copy(kind, &e, table_find(model_table(m, kind), id));
		else
			entity_init(kind, &e); /* id 0: a new one */
		mutate(m, kind, &e);
		store_save_entity(s, m, kind, &e); /* a refusal changes nothing */
		entity_free(kind, &e);
	} else if (r < 72) {
		*what = "workshop";
		struct workshop w;
		workshop_copy(&w, &m->ws);
		mutate(m, ENT_WORKSHOP, &w);
		store_save_workshop(s, m, &w);
		workshop_free(&w);
	} else if (r < 80) {
		enum entity kind = (enum entity)rnd(ENT_COUNT);
		*what = entity_descs[kind].del;
		int64_t id = some_id(m, kind);
		if (id && kind != ENT_CHECK)
			store_delete(s, m, kind, id);
	} else if (r < 88) {
		*what = "undo";
		store_undo(s, m, &label, &item);
	} else if (r < 93) {
		*what = "redo";
		store_redo(s, m, &label, &item);
	} else if (r < 95) {
		*what = "agenda";
		store_set_agenda(s, m, (int)rnd(STEP_COUNT), 5 + (int)rnd(30));
	} else if (r < 97) {
		*what = "finding votes";
		store_set_finding_votes(s, m, "goal.no_indicator", some_id(m, ENT_GOAL),
					(int)rnd(3), "x");
	} else if (r < 98) {
		*what = "reload";
		store_load(s, m);
	} else {
		*what = "another day";
		another_day();
	}
	free(label);
	free(item);
}

static void test_demo_store(void)
{
	const char *path = test_path("counter.stetig");
	unlink(path);
	setenv("STETIG_TODAY", "2025-06-01", 1);
	struct model m;
	model_init(&m);
	struct store *s;
	CU_ASSERT_FATAL(store_create(path, LANG_DE, NULL, NULL, &m, &s) == ERR_OK);
	struct findings_counter fc;
	findings_counter_init(&fc);
	expect_agree(&fc, &m, "empty", 0);
	struct bundle_src src;
	bundle_src_embedded(&src, "de/demo/");
	struct bundle_error err;
	CU_ASSERT_FATAL(bundle_import(s, &m, &src, &err));
	expect_agree(&fc, &m, "import", 0);
	seed = 4242;
	for (int step = 1; step <= 400; step++) {
		const char *what = "";
		change_store(s, &m, &what);
		expect_agree(&fc, &m, what, step);
		if (step == 200) { /* the demo imported again: merged by id */
			CU_ASSERT_TRUE(bundle_import(s, &m, &src, &err));
			expect_agree(&fc, &m, "import again", step);
		}
	}
	bundle_src_free(&src);
	findings_counter_free(&fc);
	store_close(s);
	model_free(&m);
	setenv("STETIG_TODAY", "2025-06-01", 1);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("findings_counter", NULL, NULL);
	ADD_TEST(s, test_generated);
	ADD_TEST(s, test_unnamed_change);
	ADD_TEST(s, test_items);
	ADD_TEST(s, test_demo_store);
	return test_run();
}
