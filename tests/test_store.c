/* test_store.c — the workshop file: creation, round trips, undo, refusals,
 * migrations and crashes. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "figures.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static int counter;

/* A new path in the test folder. */
static const char *fresh(const char *stem)
{
	static char b[512];
	snprintf(b, sizeof b, "%s/%s-%d.stetig", test_dir(), stem, ++counter);
	return b;
}

static struct store *create(const char *path, struct model *m)
{
	struct store *s = NULL;
	CU_ASSERT_EQUAL(store_create(path, LANG_EN, NULL, NULL, m, &s), ERR_OK);
	return s;
}

static long pragma(const char *path, const char *sql)
{
	sqlite3 *db;
	long v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static char *pragma_text(const char *path, const char *sql)
{
	sqlite3 *db;
	char *v = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static void test_create(void)
{
	const char *p = fresh("new");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(m.checks.n, 39);
	CU_ASSERT_EQUAL(m.agenda[STEP_RACI], 40);
	CU_ASSERT_EQUAL(m.ws.lang, LANG_EN);
	store_close(s);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA application_id"), STORE_APPLICATION_ID);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	char *jm = pragma_text(p, "PRAGMA journal_mode");
	CU_ASSERT_STRING_EQUAL(jm, "delete");
	free(jm);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM check_item WHERE status='open'"), 39);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM undo_step"), 0);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND "
				  "sql LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%'"),
			20);
	/* nothing is left beside the file */
	struct stat st;
	char side[600];
	snprintf(side, sizeof side, "%s-journal", p);
	CU_ASSERT_NOT_EQUAL(stat(side, &st), 0);
	/* creating over an existing file is refused */
	struct store *s2 = NULL;
	CU_ASSERT_EQUAL(store_create(p, LANG_EN, NULL, NULL, &m, &s2), ERR_STORE_EXISTS);
	CU_ASSERT_PTR_NULL(s2);
	/* in a missing folder: an error, no file */
	CU_ASSERT_NOT_EQUAL(store_create(test_path("nope/x.stetig"), LANG_EN, NULL, NULL, &m, &s2),
			    ERR_OK);
	model_free(&m);
}

/* Fills a workshop with one of everything, with umlauts and edge values. */
static void fill(struct store *s, struct model *m, int64_t ids[8])
{
	struct workshop w;
	workshop_copy(&w, &m->ws);
	str_set(&w.title, "Sensorik in Gewässern");
	str_set(&w.municipality, "Musterstadt");
	str_set(&w.field, "Umwelt");
	str_set(&w.funding_end, "2027-06-30");
	w.phase = PHASE_TRANSITION;
	str_set(&w.facilitator, "Jana Beispiel");
	str_set(&w.participants, "Umweltamt; Stadtwerke\nFeuerwehr");
	w.lang = LANG_DE;
	CU_ASSERT_EQUAL(store_save_workshop(s, m, &w), ERR_OK);
	workshop_free(&w);

	struct strategy_goal sg = {0, xstrdup("Klimaanpassung stärken")};
	CU_ASSERT_EQUAL(store_save_sgoal(s, m, &sg), ERR_OK);
	ids[0] = sg.id;
	sgoal_free(&sg);

	struct stakeholder sh;
	stakeholder_init(&sh);
	str_set(&sh.name, "Smart-City-Team");
	str_set(&sh.organisation, "Stadt");
	sh.group = GROUP_ADMIN;
	sh.influence = 4;
	sh.interest = 5;
	sh.attitude = ATT_SUPPORTIVE;
	sh.key_person = true;
	sh.temporary = true;
	str_set(&sh.message, "„Wir übergeben geordnet“");
	str_set(&sh.channel, "Arbeitskreis");
	str_set(&sh.cadence, "monatlich");
	CU_ASSERT_EQUAL(store_save_stakeholder(s, m, &sh), ERR_OK);
	ids[1] = sh.id;
	stakeholder_free(&sh);

	struct goal g;
	goal_init(&g);
	str_set(&g.title, "Warnung vor Starkregen");
	str_set(&g.specific, "Quartiere warnen");
	str_set(&g.measurable, "8 Quartiere");
	str_set(&g.achievable, "25 Sensoren");
	str_set(&g.relevant, "Strategie");
	str_set(&g.time_bound, "2027-09-30");
	g.strategy_goal = ids[0];
	g.status = GSTAT_AGREED;
	CU_ASSERT_EQUAL(store_save_goal(s, m, &g), ERR_OK);
	ids[2] = g.id;
	goal_free(&g);

	struct indicator in;
	indicator_init(&in);
	in.goal = ids[2];
	str_set(&in.name, "Vorwarnzeit");
	str_set(&in.unit, "Minuten");
	in.direction = DIR_HIGHER;
	in.baseline = (struct optnum){0.1 + 0.2, true};
	str_set(&in.baseline_date, "2024-03-31");
	in.target = (struct optnum){-20, true};
	str_set(&in.target_date, "2027-09-30");
	str_set(&in.source, "Sensordaten");
	str_set(&in.method, "Zählung");
	str_set(&in.frequency, "jährlich");
	in.owner = ids[1];
	CU_ASSERT_EQUAL(store_save_indicator(s, m, &in), ERR_OK);
	ids[3] = in.id;
	indicator_free(&in);

	struct task t;
	task_init(&t);
	str_set(&t.name, "Betrieb der Sensoren");
	t.category = CAT_OPERATION;
	t.phase = TPHASE_REGULAR;
	CU_ASSERT_EQUAL(store_save_task(s, m, &t), ERR_OK);
	ids[4] = t.id;
	task_free(&t);
	CU_ASSERT_EQUAL(store_set_raci(s, m, ids[4], ids[1], RACI_A), ERR_OK);

	struct cost c;
	cost_init(&c);
	str_set(&c.name, "Lizenz Prognosemodell");
	c.kind = COST_YEARLY;
	c.amount = 12500.5;
	c.start_year = 2026;
	c.end_year = 0;
	CU_ASSERT_EQUAL(store_save_cost(s, m, &c), ERR_OK);
	ids[5] = c.id;
	cost_free(&c);
	struct cost_share cs = {0, ids[5], ids[1], 60, SHARE_DRAFT, (char *)"Produkt 1.11.01"};
	CU_ASSERT_EQUAL(store_save_share(s, m, &cs), ERR_OK);

	struct check_item ci = {0, 4, FIELD_STRUCTURES, 1, CHECK_DONE, xstrdup("Dienstanweisung"), 0};
	CU_ASSERT_EQUAL(store_save_check(s, m, &ci), ERR_OK);
	check_free(&ci);

	struct note n;
	note_init(&n);
	n.kind = NOTE_ACTION;
	str_set(&n.text, "Kämmerei fragen");
	n.owner = ids[1];
	str_set(&n.due, "2026-12-15");
	CU_ASSERT_EQUAL(store_save_note(s, m, &n), ERR_OK);
	ids[6] = n.id;
	note_free(&n);
	CU_ASSERT_EQUAL(store_set_agenda(s, m, STEP_RACI, 55), ERR_OK);
}

static void assert_filled(const struct model *m, const int64_t ids[8])
{
	CU_ASSERT_STRING_EQUAL(m->ws.title, "Sensorik in Gewässern");
	CU_ASSERT_STRING_EQUAL(m->ws.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(m->ws.phase, PHASE_TRANSITION);
	CU_ASSERT_EQUAL(m->ws.lang, LANG_DE);
	CU_ASSERT_STRING_EQUAL(m->ws.participants, "Umweltamt; Stadtwerke\nFeuerwehr");
	CU_ASSERT_EQUAL(m->agenda[STEP_RACI], 55);
	const struct strategy_goal *sg = model_sgoal(m, ids[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sg);
	CU_ASSERT_STRING_EQUAL(sg->title, "Klimaanpassung stärken");
	const struct stakeholder *sh = model_stakeholder(m, ids[1]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
	CU_ASSERT_TRUE(sh->temporary && sh->key_person);
	CU_ASSERT_EQUAL(sh->influence, 4);
	CU_ASSERT_EQUAL(sh->attitude, ATT_SUPPORTIVE);
	CU_ASSERT_STRING_EQUAL(sh->message, "„Wir übergeben geordnet“");
	const struct goal *g = model_goal(m, ids[2]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(g->strategy_goal, ids[0]);
	CU_ASSERT_EQUAL(g->status, GSTAT_AGREED);
	CU_ASSERT_STRING_EQUAL(g->time_bound, "2027-09-30");
	const struct indicator *in = model_indicator(m, ids[3]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(in);
	CU_ASSERT_TRUE(in->baseline.set);
	CU_ASSERT_EQUAL(in->baseline.v, 0.1 + 0.2); /* exact */
	CU_ASSERT_EQUAL(in->target.v, -20);
	CU_ASSERT_FALSE(in->latest.set);
	CU_ASSERT_STRING_EQUAL(in->latest_date, "");
	CU_ASSERT_EQUAL(in->owner, ids[1]);
	const struct task *t = model_task(m, ids[4]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT_EQUAL(t->phase, TPHASE_REGULAR);
	CU_ASSERT_EQUAL(model_raci_get(m, ids[4], ids[1]), RACI_A);
	CU_ASSERT_EQUAL(t->temp_ar, 1);
	const struct cost *c = model_cost(m, ids[5]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(c->amount, 12500.5);
	CU_ASSERT_EQUAL(c->end_year, 0);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(m, ids[5]), 60, 1e-9);
	const struct check_item *ci = model_check(m, 4, FIELD_STRUCTURES, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ci);
	CU_ASSERT_EQUAL(ci->status, CHECK_DONE);
	CU_ASSERT_STRING_EQUAL(ci->note, "Dienstanweisung");
	CU_ASSERT_EQUAL(m->checks.n, 39);
	CU_ASSERT_EQUAL(m->notes.n, 1);
	const struct note *n = MODEL_AT(m->notes, struct note, 0);
	CU_ASSERT_EQUAL(n->kind, NOTE_ACTION);
	CU_ASSERT_STRING_EQUAL(n->due, "2026-12-15");
}

static void test_round_trip(void)
{
	const char *p = fresh("rt");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	int64_t ids[8];
	fill(s, &m, ids);
	assert_filled(&m, ids); /* the model after the edits */
	store_close(s);
	struct model m2;
	model_init(&m2);
	struct store *r = NULL;
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_READONLY, &m2, &r), ERR_OK);
	assert_filled(&m2, ids); /* the file after a restart */
	store_close(r);
	model_free(&m2);
	model_free(&m);
}

static void test_invalid_values(void)
{
	const char *p = fresh("invalid");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	struct goal g;
	goal_init(&g);
	char *longtext = xmalloc(TEXT_MAX_CHARS * 2 + 3);
	for (int i = 0; i < TEXT_MAX_CHARS; i++)
		memcpy(longtext + 2 * i, "ä", 2);
	longtext[TEXT_MAX_CHARS * 2] = '\0';
	str_set(&g.title, longtext); /* exactly the limit (in characters) */
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	strcat(longtext, "x");
	str_set(&g.title, longtext);
	g.id = 0;
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_STORE_INVALID);
	str_set(&g.title, "Gr\xf6\xdf" "e");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_STORE_INVALID);
	free(longtext);
	CU_ASSERT_EQUAL(m.goals.n, 1);
	/* time-bound may be free text, but not an impossible day */
	str_set(&g.title, "Termin");
	str_set(&g.time_bound, "2027-02-30");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_STORE_INVALID);
	str_set(&g.time_bound, "Ende 2027");
	g.id = 0;
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 1);
	/* the file's own checks: influence out of range */
	struct stakeholder sh;
	stakeholder_init(&sh);
	sh.influence = 6;
	CU_ASSERT_EQUAL(store_save_stakeholder(s, &m, &sh), ERR_STORE_INVALID);
	CU_ASSERT_EQUAL(m.stakeholders.n, 0);
	stakeholder_free(&sh);
	/* an indicator for a goal that does not exist */
	struct indicator in;
	indicator_init(&in);
	in.goal = 999;
	CU_ASSERT_EQUAL(store_save_indicator(s, &m, &in), ERR_STORE_INVALID);
	CU_ASSERT_EQUAL(m.indicators.n, 0);
	/* an invalid date in the file's own check */
	str_set(&in.target_date, "2027-02-30");
	in.goal = MODEL_AT(m.goals, struct goal, 0)->id;
	CU_ASSERT_EQUAL(store_save_indicator(s, &m, &in), ERR_STORE_INVALID);
	indicator_free(&in);
	goal_free(&g);
	/* none of the refused edits left an undo step */
	CU_ASSERT_EQUAL(store_undo_depth(s), 1);
	store_close(s);
	model_free(&m);
}

static void test_undo_redo(void)
{
	const char *p = fresh("undo");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(store_undo_depth(s), 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_STORE_NOTHING);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "Erstes Ziel");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	str_set(&g.title, "Erstes Ziel, geändert");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	/* saving the same again changes nothing and is no step */
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_undo_depth(s), 2);
	char *label = NULL, *item = NULL;
	CU_ASSERT_EQUAL(store_undo(s, &m, &label, &item), ERR_OK);
	CU_ASSERT_STRING_EQUAL(label, "Edit goal");
	CU_ASSERT_STRING_EQUAL(item, "Erstes Ziel, geändert");
	free(label);
	free(item);
	CU_ASSERT_STRING_EQUAL(model_goal(&m, g.id)->title, "Erstes Ziel");
	CU_ASSERT_EQUAL(store_redo_depth(s), 1);
	/* the history survives a restart */
	store_close(s);
	s = NULL;
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(store_redo_depth(s), 1);
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(model_goal(&m, g.id)->title, "Erstes Ziel, geändert");
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_STORE_NOTHING);
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 1);
	/* a new edit drops the redo steps */
	g.id = 0;
	str_set(&g.title, "Zweites Ziel");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_redo_depth(s), 0);
	goal_free(&g);
	store_close(s);
	model_free(&m);
}

/* Deleting a stakeholder takes its RACI cells, shares and ownerships with
 * it; undo brings all of them back. */
static void test_delete_cascade_undo(void)
{
	const char *p = fresh("cascade");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	int64_t ids[8];
	fill(s, &m, ids);
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_STAKEHOLDER, ids[1]), ERR_OK);
	CU_ASSERT_PTR_NULL(model_stakeholder(&m, ids[1]));
	CU_ASSERT_EQUAL(model_raci_count(&m), 0);
	CU_ASSERT_EQUAL(m.shares.n, 0);
	CU_ASSERT_EQUAL(model_indicator(&m, ids[3])->owner, 0);
	CU_ASSERT_EQUAL(MODEL_AT(m.notes, struct note, 0)->owner, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	assert_filled(&m, ids);
	/* deleting a goal takes its indicators */
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_GOAL, ids[2]), ERR_OK);
	CU_ASSERT_EQUAL(m.indicators.n, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	assert_filled(&m, ids);
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	/* partners never carry more than the whole cost */
	struct stakeholder other;
	stakeholder_init(&other);
	str_set(&other.name, "Stadtwerke");
	CU_ASSERT_EQUAL(store_save_stakeholder(s, &m, &other), ERR_OK);
	struct cost_share too_much = {0, ids[5], other.id, 40.5, SHARE_ASKED, (char *)""};
	CU_ASSERT_EQUAL(store_save_share(s, &m, &too_much), ERR_STORE_INVALID);
	CU_ASSERT_PTR_NOT_NULL(strstr(store_detail(s), "40"));
	too_much.percent = 40;
	CU_ASSERT_EQUAL(store_save_share(s, &m, &too_much), ERR_OK);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&m, ids[5]), 100, 1e-9);
	/* changing a partner's own share counts only the others */
	too_much.id = 0;
	too_much.percent = 35;
	CU_ASSERT_EQUAL(store_save_share(s, &m, &too_much), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	stakeholder_free(&other);
	/* a share of 0 removes the partner */
	struct cost_share cs = {0, ids[5], ids[1], 0, SHARE_ADOPTED, (char *)""};
	CU_ASSERT_EQUAL(store_save_share(s, &m, &cs), ERR_OK);
	CU_ASSERT_EQUAL(m.shares.n, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.shares.n, 1);
	CU_ASSERT_TRUE(store_integrity_ok(s));
	store_close(s);
	model_free(&m);
}

static void test_group_rollback(void)
{
	const char *p = fresh("group");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(store_begin(s, "Import", "x"), ERR_OK);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "eins");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	g.id = 0;
	str_set(&g.title, "zwei");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 2);
	store_rollback(s, &m);
	CU_ASSERT_EQUAL(m.goals.n, 0);
	CU_ASSERT_EQUAL(store_undo_depth(s), 0);
	/* a committed group is one undo step */
	CU_ASSERT_EQUAL(store_begin(s, "Import", "x"), ERR_OK);
	g.id = 0;
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	g.id = 0;
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_commit(s, &m), ERR_OK);
	CU_ASSERT_EQUAL(store_undo_depth(s), 1);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 0);
	goal_free(&g);
	store_close(s);
	model_free(&m);
}

static void test_clear_history(void)
{
	const char *p = fresh("clear");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "GEHEIMER-ENTWURF-XYZ");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_GOAL, g.id), ERR_OK);
	goal_free(&g);
	CU_ASSERT_EQUAL(store_clear_history(s), ERR_OK);
	CU_ASSERT_EQUAL(store_undo_depth(s), 0);
	store_close(s);
	size_t n;
	char *bytes = test_slurp(p, &n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
	CU_ASSERT_PTR_NULL(memmem(bytes, n, "GEHEIMER-ENTWURF", 16));
	free(bytes);
	model_free(&m);
}

static void test_undo_cap(void)
{
	const char *p = fresh("cap");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(store_begin(s, "setup", ""), ERR_OK); /* nested groups are one step */
	struct goal g;
	goal_init(&g);
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	CU_ASSERT_EQUAL(store_commit(s, &m), ERR_OK);
	for (int i = 0; i < STORE_UNDO_MAX + 5; i++) {
		char t[32];
		snprintf(t, sizeof t, "Fassung %d", i);
		str_set(&g.title, t);
		CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	}
	goal_free(&g);
	CU_ASSERT_EQUAL(store_undo_depth(s), STORE_UNDO_MAX);
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ refusals */

/* Opening must fail with `want` and leave the file byte-identical. */
static void assert_refused(const char *p, int flags, enum err want)
{
	char copy[600];
	snprintf(copy, sizeof copy, "%s.orig", p);
	test_copy(p, copy);
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum err got = store_open(p, flags, &m, &s);
	CU_ASSERT_EQUAL(got, want);
	if (got != want)
		fprintf(stderr, "\n  %s: got %d want %d (%s)\n", p, got, want, store_detail(NULL));
	CU_ASSERT_PTR_NULL(s);
	store_close(s);
	CU_ASSERT_TRUE(test_same_file(p, copy));
	char *msg = store_message(got, p, NULL);
	CU_ASSERT_TRUE(strlen(msg) > 10);
	free(msg);
	model_free(&m);
}

static void test_refuse_not_sqlite(void)
{
	const char *p = fresh("text");
	const char *text = "title;municipality\nSensorik;Musterstadt\n";
	test_write(p, text, strlen(text));
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_NOT_SQLITE);
	assert_refused(p, STORE_READONLY, ERR_STORE_NOT_SQLITE);
	const char *empty = fresh("empty");
	test_write(empty, "", 0);
	assert_refused(empty, STORE_EXCLUSIVE | STORE_CREATE, ERR_STORE_NOT_SQLITE);
	/* 200 random bytes */
	const char *noise = fresh("noise");
	unsigned char buf[200];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	test_write(noise, buf, sizeof buf);
	assert_refused(noise, STORE_EXCLUSIVE, ERR_STORE_NOT_SQLITE);
}

static void test_refuse_foreign(void)
{
	const char *p = fresh("foreign");
	sqlite3 *db;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(p, &db), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts "
					 "VALUES('Anna');",
				     NULL, NULL, NULL),
			SQLITE_OK);
	sqlite3_close(db);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_FOREIGN);
	assert_refused(p, STORE_READONLY, ERR_STORE_FOREIGN);
	/* another application's id */
	const char *q = fresh("otherapp");
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(q, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA application_id=1598903374; CREATE TABLE t(x);", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_refused(q, STORE_EXCLUSIVE, ERR_STORE_FOREIGN);
}

static void test_refuse_newer(void)
{
	const char *p = fresh("newer");
	struct model m;
	model_init(&m);
	store_close(create(p, &m));
	model_free(&m);
	sqlite3 *db;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_NEWER);
	assert_refused(p, STORE_READONLY, ERR_STORE_NEWER);
	char *msg = store_message(ERR_STORE_NEWER, p, NULL);
	CU_ASSERT_PTR_NOT_NULL(strstr(msg, "99"));
	free(msg);
}

static void test_refuse_damaged(void)
{
	const char *p = fresh("damaged");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	int64_t ids[8];
	fill(s, &m, ids);
	store_close(s);
	model_free(&m);
	size_t n;
	char *bytes = test_slurp(p, &n);
	CU_ASSERT_FATAL(bytes && n > 8192);
	/* flip bytes in the second page (the b-tree of a table) */
	char *flipped = xmalloc(n);
	memcpy(flipped, bytes, n);
	for (size_t i = 4096; i < 4096 + 64; i++)
		flipped[i] ^= 0x5A;
	const char *q = fresh("flipped");
	test_write(q, flipped, n);
	assert_refused(q, STORE_EXCLUSIVE, ERR_STORE_DAMAGED);
	assert_refused(q, STORE_READONLY, ERR_STORE_DAMAGED);
	/* cut off after two pages */
	const char *t = fresh("truncated");
	test_write(t, bytes, 8192);
	assert_refused(t, STORE_EXCLUSIVE, ERR_STORE_DAMAGED);
	/* cut inside the header */
	const char *h = fresh("header");
	test_write(h, bytes, 60);
	assert_refused(h, STORE_EXCLUSIVE, ERR_STORE_NOT_SQLITE);
	free(flipped);
	free(bytes);
}

static void test_refuse_in_use(void)
{
	const char *p = fresh("inuse");
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* a second stetig in another process */
	pid_t pid = fork();
	if (pid == 0) {
		struct model m2;
		model_init(&m2);
		struct store *s2 = NULL;
		enum err st = store_open(p, STORE_EXCLUSIVE, &m2, &s2);
		_exit(st == ERR_STORE_IN_USE ? 0 : 1);
	}
	int status;
	waitpid(pid, &status, 0);
	CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* readers still work while it is open */
	struct model m3;
	model_init(&m3);
	struct store *r = NULL;
	CU_ASSERT_EQUAL(store_open(p, STORE_READONLY, &m3, &r), ERR_OK);
	CU_ASSERT_EQUAL(m3.checks.n, 39);
	store_close(r);
	model_free(&m3);
	/* and in this process too (a different open file) */
	char copy[600];
	snprintf(copy, sizeof copy, "%s.orig", p);
	store_close(s);
	test_copy(p, copy);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	struct store *s2 = NULL;
	CU_ASSERT_EQUAL(store_open(p, STORE_EXCLUSIVE, &m3, &s2), ERR_STORE_IN_USE);
	store_close(s);
	CU_ASSERT_TRUE(test_same_file(p, copy));
	/* after closing it opens again */
	CU_ASSERT_EQUAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	store_close(s);
	model_free(&m3);
	model_free(&m);
}

static void test_refuse_readonly(void)
{
	if (geteuid() == 0) {
		/* root writes anyway; the CLI tests cover this as a normal user */
		const char *p = fresh("ro");
		struct model m;
		model_init(&m);
		store_close(create(p, &m));
		model_free(&m);
		return;
	}
	const char *p = fresh("ro");
	struct model m;
	model_init(&m);
	store_close(create(p, &m));
	chmod(p, 0444);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_READONLY);
	struct store *r = NULL;
	CU_ASSERT_EQUAL(store_open(p, STORE_READONLY, &m, &r), ERR_OK);
	store_close(r);
	chmod(p, 0644);
	model_free(&m);
}

static void test_refuse_directory(void)
{
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	CU_ASSERT_EQUAL(store_open(test_dir(), STORE_EXCLUSIVE, &m, &s), ERR_STORE_OPEN);
	CU_ASSERT_EQUAL(store_open(test_path("absent.stetig"), STORE_READONLY, &m, &s),
			ERR_STORE_NOT_FOUND);
	model_free(&m);
}

/* ------------------------------------------------------------ migrations */

/* ------------------------------------------------------------ undo as data */

static const char *const data_tables[] = {
	"workshop", "strategy_goal", "goal", "stakeholder", "indicator", "task",
	"raci", "cost", "cost_share", "check_item", "note", "agenda",
};

/* Every row of every data table, each value with its type (REAL to the
 * last bit), read on a connection of its own. */
static char *fingerprint(const char *path)
{
	sqlite3 *db;
	struct buf b;
	buf_init(&b);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return buf_steal(&b);
	}
	for (size_t t = 0; t < sizeof data_tables / sizeof *data_tables; t++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT rowid,* FROM %s ORDER BY rowid", data_tables[t]);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			continue;
		buf_printf(&b, "[%s]\n", data_tables[t]);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				switch (sqlite3_column_type(st, i)) {
				case SQLITE_NULL:
					buf_adds(&b, "|N");
					break;
				case SQLITE_INTEGER:
					buf_printf(&b, "|I%lld", (long long)sqlite3_column_int64(st, i));
					break;
				case SQLITE_FLOAT:
					buf_printf(&b, "|R%a", sqlite3_column_double(st, i));
					break;
				default:
					buf_printf(&b, "|T%s", (const char *)sqlite3_column_text(st, i));
				}
			}
			buf_adds(&b, "\n");
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return buf_steal(&b);
}

static int exec_on(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc = sqlite3_open(path, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* A long sequence of edits over every kind of row, deletions with their
 * cascades among them: undoing step by step passes through exactly the
 * states the edits made, backwards; redoing passes through them forwards. */
static void test_undo_exact_states(void)
{
	const char *p0 = fresh("states");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	enum { MAX_STATES = 64 };
	char *state[MAX_STATES];
	int n = 0;
	state[n++] = fingerprint(p);
	int64_t ids[8];
	/* fill makes one step per save; record the state after each */
	fill(s, &m, ids);
	int filled_steps = store_undo_depth(s);
	CU_ASSERT_TRUE(filled_steps > 5);
	char *after_fill = fingerprint(p);
	struct indicator *in = model_indicator(&m, ids[3]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(in);
	struct indicator ic;
	indicator_copy(&ic, in);
	ic.latest.set = true;
	ic.latest.v = 1.0 / 3.0;
	str_set(&ic.latest_date, "2026-02-28");
	free(state[0]);
	n = 0;
	state[n++] = after_fill;
	CU_ASSERT_EQUAL(store_save_indicator(s, &m, &ic), ERR_OK);
	indicator_free(&ic);
	state[n++] = fingerprint(p);
	CU_ASSERT_EQUAL(store_set_raci(s, &m, ids[4], ids[1], RACI_C), ERR_OK);
	state[n++] = fingerprint(p);
	CU_ASSERT_EQUAL(store_set_agenda(s, &m, STEP_COSTS, 7), ERR_OK);
	state[n++] = fingerprint(p);
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_STAKEHOLDER, ids[1]), ERR_OK);
	state[n++] = fingerprint(p);
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_GOAL, ids[2]), ERR_OK);
	state[n++] = fingerprint(p);
	struct stakeholder sh;
	stakeholder_init(&sh);
	str_set(&sh.name, "Neu");
	CU_ASSERT_EQUAL(store_save_stakeholder(s, &m, &sh), ERR_OK);
	state[n++] = fingerprint(p);
	sh.influence = 1;
	CU_ASSERT_EQUAL(store_save_stakeholder(s, &m, &sh), ERR_OK);
	stakeholder_free(&sh);
	state[n++] = fingerprint(p);
	for (int i = 1; i < n; i++)
		CU_ASSERT_STRING_NOT_EQUAL(state[i], state[i - 1]);
	/* backwards, one step at a time */
	for (int i = n - 1; i > 0; i--) {
		CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
		char *now = fingerprint(p);
		CU_ASSERT_STRING_EQUAL(now, state[i - 1]);
		free(now);
	}
	/* the model matches the file */
	assert_filled(&m, ids);
	/* forwards again, across a restart */
	store_close(s);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	for (int i = 1; i < n; i++) {
		CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
		char *now = fingerprint(p);
		CU_ASSERT_STRING_EQUAL(now, state[i]);
		free(now);
	}
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_STORE_NOTHING);
	/* undo everything fill did too: an empty workshop again */
	for (int i = 0; i < n - 1 + filled_steps; i++)
		CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_STORE_NOTHING);
	CU_ASSERT_EQUAL(m.goals.n + m.stakeholders.n + m.indicators.n, 0);
	CU_ASSERT_TRUE(store_integrity_ok(s));
	store_close(s);
	for (int i = 0; i < n; i++)
		free(state[i]);
	model_free(&m);
}

/* The history in the file is data: no statement text, and an entry that
 * names no table of stetig's is refused without running anything; text
 * that looks like SQL comes back as text. */
static void test_undo_is_data(void)
{
	const char *p0 = fresh("undodata");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "Ziel");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	goal_free(&g);
	store_close(s);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM pragma_table_info('undo_log') "
				  "WHERE name='sql'"),
			0);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM undo_log WHERE tbl='goal' AND op='i'"), 1);
	/* a step whose entry names something else */
	CU_ASSERT_EQUAL(exec_on(p, "INSERT INTO undo_step(kind,label,item) VALUES('undo','x','');"
				   "INSERT INTO undo_log(step,tbl,op,rid) VALUES((SELECT max(id) "
				   "FROM undo_step),'goal; DELETE FROM goal','i',1);"),
			SQLITE_OK);
	char *before = fingerprint(p);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_STORE_DAMAGED);
	CU_ASSERT_PTR_NOT_NULL(strstr(store_detail(s), "undo history"));
	CU_ASSERT_EQUAL(m.goals.n, 1);
	store_close(s);
	char *after = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(before, after);
	free(before);
	free(after);
	/* an update entry whose value is SQL text */
	CU_ASSERT_EQUAL(exec_on(p, "DELETE FROM undo_step;"
				   "INSERT INTO undo_step(id,kind,label,item) VALUES(1,'undo','x','');"
				   "INSERT INTO undo_log(step,tbl,op,rid,v0,v1,v2,v3,v4,v5,v6,v7,v8) "
				   "SELECT 1,'goal','u',id,id,'fts3_tokenizer(''simple'')',specific,"
				   "measurable,achievable,relevant,time_bound,strategy_goal,status "
				   "FROM goal;"),
			SQLITE_OK);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(MODEL_AT(m.goals, struct goal, 0)->title, "fts3_tokenizer('simple')");
	/* and redo puts the old title back */
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(MODEL_AT(m.goals, struct goal, 0)->title, "Ziel");
	/* a value of the wrong type is refused by the table, nothing changes */
	store_close(s);
	CU_ASSERT_EQUAL(exec_on(p, "DELETE FROM undo_step;"
				   "INSERT INTO undo_step(id,kind,label,item) VALUES(1,'undo','x','');"
				   "INSERT INTO undo_log(step,tbl,op,rid,v0,v1,v2,v3,v4,v5,v6,v7,v8) "
				   "SELECT 1,'goal','u',id,id,title,specific,measurable,achievable,"
				   "relevant,time_bound,'x',status FROM goal;"),
			SQLITE_OK);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_NOT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->strategy_goal, 0);
	store_close(s);
	model_free(&m);
}

/* A bulk change is one undo step holding a snapshot, not one entry per
 * changed row; undo and redo restore the states exactly. */
static void test_bulk_undo(void)
{
	const char *p0 = fresh("bulk");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	int64_t ids[8];
	fill(s, &m, ids);
	char *before = fingerprint(p);
	int depth = store_undo_depth(s);
	CU_ASSERT_EQUAL(store_begin_bulk(s, "Import CSV bundle", "bundle"), ERR_OK);
	for (int i = 0; i < 200; i++) {
		struct goal g;
		goal_init(&g);
		char t[32];
		snprintf(t, sizeof t, "Importiert %d", i);
		str_set(&g.title, t);
		CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
		goal_free(&g);
	}
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_STAKEHOLDER, ids[1]), ERR_OK);
	CU_ASSERT_EQUAL(store_commit(s, &m), ERR_OK);
	CU_ASSERT_EQUAL(m.goals.n, 201);
	CU_ASSERT_EQUAL(store_undo_depth(s), depth + 1);
	char *after = fingerprint(p);
	/* the step is a snapshot: no entry per imported row */
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM undo_log WHERE step=(SELECT max(id) FROM "
				  "undo_step) AND op<>'s'"),
			0);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM undo_log WHERE step=(SELECT max(id) FROM "
				  "undo_step) AND tbl='goal'"),
			1);
	char *label = NULL;
	CU_ASSERT_EQUAL(store_undo(s, &m, &label, NULL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(label, "Import CSV bundle");
	free(label);
	char *now = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(now, before);
	free(now);
	assert_filled(&m, ids);
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	now = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(now, after);
	free(now);
	CU_ASSERT_EQUAL(m.goals.n, 201);
	/* ordinary edits after it are recorded row by row again */
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "danach");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	goal_free(&g);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM undo_log WHERE step=(SELECT max(id) FROM "
				  "undo_step) AND op='i'"),
			1);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	now = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(now, before);
	free(now);
	CU_ASSERT_TRUE(store_integrity_ok(s));
	store_close(s);
	free(before);
	free(after);
	model_free(&m);
}

/* The history keeps the last STORE_UNDO_MAX steps; all of them undo. */
static void test_undo_cap_all(void)
{
	const char *p0 = fresh("capall");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "Fassung 0");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	for (int i = 1; i <= STORE_UNDO_MAX + 3; i++) {
		char t[32];
		snprintf(t, sizeof t, "Fassung %d", i);
		str_set(&g.title, t);
		CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	}
	CU_ASSERT_EQUAL(store_undo_depth(s), STORE_UNDO_MAX);
	int undone = 0;
	while (store_undo(s, &m, NULL, NULL) == ERR_OK)
		undone++;
	CU_ASSERT_EQUAL(undone, STORE_UNDO_MAX);
	/* the oldest steps were dropped: the title stops at the oldest kept */
	CU_ASSERT_STRING_EQUAL(model_goal(&m, g.id)->title, "Fassung 3");
	CU_ASSERT_EQUAL(store_redo_depth(s), STORE_UNDO_MAX);
	goal_free(&g);
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ readers wait */

/* A reader opens and loads while another process holds the file's write
 * lock for a moment (a save in progress), instead of failing at once. */
static void test_readers_wait(void)
{
	const char *p0 = fresh("wait");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	int64_t ids[8];
	fill(s, &m, ids);
	store_close(s);
	for (int trial = 0; trial < 2; trial++) {
		int fds[2];
		CU_ASSERT_EQUAL_FATAL(pipe(fds), 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			sqlite3 *db;
			if (sqlite3_open(p, &db) != SQLITE_OK ||
			    sqlite3_exec(db, "BEGIN EXCLUSIVE; UPDATE workshop SET title=title||'!'",
					 NULL, NULL, NULL) != SQLITE_OK)
				_exit(3);
			char c = 'x';
			if (write(fds[1], &c, 1) != 1)
				_exit(4);
			usleep(700 * 1000);
			_exit(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : 5);
		}
		close(fds[1]);
		char c;
		CU_ASSERT_EQUAL_FATAL(read(fds[0], &c, 1), 1);
		close(fds[0]);
		struct model r;
		model_init(&r);
		struct store *rs = NULL;
		enum err st = store_open(p, STORE_READONLY, &r, &rs);
		CU_ASSERT_EQUAL(st, ERR_OK);
		if (st != ERR_OK)
			fprintf(stderr, "\n  reader: %d (%s)\n", st, store_detail(NULL));
		/* it read the committed state after the writer was done */
		CU_ASSERT_PTR_NOT_NULL(strstr(r.ws.title, trial ? "!!" : "!"));
		store_close(rs);
		model_free(&r);
		int status;
		CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
		CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	model_free(&m);
}

/* A reader that waits longer than the busy timeout says what the other
 * program is doing: here another stetig holding the file, saving. */
static void test_readers_busy_message(void)
{
	const char *p0 = fresh("busymsg");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	store_close(create(p, &m));
	int fds[2];
	CU_ASSERT_EQUAL_FATAL(pipe(fds), 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		struct model cm;
		model_init(&cm);
		struct store *s = NULL;
		sqlite3 *db;
		if (store_open(p, STORE_EXCLUSIVE, &cm, &s) != ERR_OK ||
		    sqlite3_open(p, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN EXCLUSIVE; UPDATE workshop SET title='x'", NULL, NULL,
				 NULL) != SQLITE_OK)
			_exit(3);
		char c = 'x';
		if (write(fds[1], &c, 1) != 1)
			_exit(4);
		sleep(7);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		_exit(0);
	}
	close(fds[1]);
	char c;
	CU_ASSERT_EQUAL_FATAL(read(fds[0], &c, 1), 1);
	close(fds[0]);
	struct store *s = NULL;
	enum err st = store_open(p, STORE_READONLY, &m, &s);
	CU_ASSERT_EQUAL(st, ERR_STORE_BUSY);
	char *msg = store_message(st, p, NULL);
	CU_ASSERT_PTR_NOT_NULL(strstr(msg, "another stetig that has it open is saving a change"));
	free(msg);
	store_close(s);
	int status;
	CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
	model_free(&m);
}

/* ------------------------------------------------------------ untrusted files */

static void test_refuse_foreign_objects(void)
{
	static const char *const objects[] = {
		"CREATE TRIGGER t AFTER UPDATE ON workshop BEGIN DELETE FROM goal; END",
		"CREATE VIEW v AS SELECT 1",
		"CREATE TABLE extra(x)",
		"CREATE INDEX goal_title ON goal(title)",
		"CREATE TEMP TABLE harmless(x); CREATE TABLE main.other(y INTEGER PRIMARY KEY)",
	};
	for (size_t i = 0; i < sizeof objects / sizeof *objects; i++) {
		const char *p0 = fresh("objects");
		char p[512];
		snprintf(p, sizeof p, "%s", p0);
		struct model m;
		model_init(&m);
		store_close(create(p, &m));
		model_free(&m);
		CU_ASSERT_EQUAL(exec_on(p, objects[i]), SQLITE_OK);
		assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_UNSAFE);
		assert_refused(p, STORE_READONLY, ERR_STORE_UNSAFE);
	}
	/* an altered CHECK constraint of stetig's own table */
	const char *p0 = fresh("altered");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	store_close(create(p, &m));
	model_free(&m);
	CU_ASSERT_EQUAL(exec_on(p, "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET "
				   "sql=replace(sql,'BETWEEN 1 AND 5','BETWEEN 1 AND 500') WHERE "
				   "name='stakeholder'"),
			SQLITE_OK);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_UNSAFE);
	CU_ASSERT_PTR_NOT_NULL(strstr(store_detail(NULL), "stakeholder"));
}

/* Values the schema's CHECKs forbid, planted past them, are refused on
 * open with table, row and column named; readers refuse them too. */
static void test_refuse_bad_values(void)
{
	static const struct {
		const char *sql, *column;
	} bad[] = {
		{"UPDATE stakeholder SET influence=99", "influence"},
		{"UPDATE stakeholder SET interest=-3", "interest"},
		{"UPDATE raci SET role='X'", "role"},
		{"INSERT INTO clock VALUES(1,9223372036854775807,0)", "elapsed"},
		{"INSERT INTO clock VALUES(2,0,9223372036854775807)", "started"},
		{"UPDATE workshop SET funding_end='2026-13-01'", "funding_end"},
		{"UPDATE agenda SET minutes=5000 WHERE step=1", "minutes"},
		{"UPDATE workshop SET phase='later'", "phase"},
		{"UPDATE cost SET amount=-1", "amount"},
		{"UPDATE place SET step=10", "step"}, /* steps 0-9 */
		{"UPDATE place SET raci_view=3", "raci_view"},
		{"UPDATE place SET item=-1", "item"},
		{"UPDATE workshop SET start_time='25:00'", "start_time"},
		{"UPDATE workshop SET bell=2", "bell"},
		{"INSERT INTO agenda_block(kind, before_step) VALUES('break', 0);"
		 "UPDATE agenda_block SET minutes=1000", "minutes"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *p0 = fresh("values");
		char p[512];
		snprintf(p, sizeof p, "%s", p0);
		struct model m;
		model_init(&m);
		struct store *s = create(p, &m);
		int64_t ids[8];
		fill(s, &m, ids);
		store_close(s);
		model_free(&m);
		char sql[256];
		snprintf(sql, sizeof sql, "PRAGMA ignore_check_constraints=ON; %s", bad[i].sql);
		CU_ASSERT_EQUAL(exec_on(p, sql), SQLITE_OK);
		assert_refused(p, STORE_READONLY, ERR_STORE_DAMAGED);
		CU_ASSERT_PTR_NOT_NULL(strstr(store_detail(NULL), bad[i].column));
		assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_DAMAGED);
	}
}

/* A row written before a migration added a column has no value of its
 * own for it (SQLite reads the column's DEFAULT). Deleting or changing
 * such a row and undoing brings back exactly the row as it was read. */
static void test_undo_rows_older_than_columns(void)
{
	const char *p0 = fresh("oldrows");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	/* format 11: cost has no column "example" yet (format 12 adds it) */
	CU_ASSERT_EQUAL_FATAL(store_create_version(p, 11), ERR_OK);
	CU_ASSERT_EQUAL_FATAL(exec_on(p, "INSERT INTO cost(name,kind,amount) VALUES"
				      "('Hosting','yearly',1200.5),('Wartung','yearly',300)"),
			      SQLITE_OK);
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CU_ASSERT_EQUAL_FATAL(m.costs.n, 2);
	char *before = fingerprint(p);
	CU_ASSERT_PTR_NOT_NULL(strstr(before, "|THosting|Tyearly|R"));
	struct cost *c0 = MODEL_AT(m.costs, struct cost, 0);
	int64_t first = c0->id, second = MODEL_AT(m.costs, struct cost, 1)->id;
	/* a delete and its undo */
	CU_ASSERT_EQUAL(store_delete(s, &m, ENT_COST, first), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	char *now = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(now, before);
	free(now);
	/* a change of another column and its undo */
	struct cost c;
	cost_copy(&c, MODEL_FIND(m.costs, struct cost, second));
	str_set(&c.name, "Wartung und Pflege");
	CU_ASSERT_EQUAL(store_save_cost(s, &m, &c), ERR_OK);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	now = fingerprint(p);
	CU_ASSERT_STRING_EQUAL(now, before);
	free(now);
	/* and redone: the change is back */
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(MODEL_FIND(m.costs, struct cost, second)->name,
			       "Wartung und Pflege");
	cost_free(&c);
	free(before);
	store_close(s);
	model_free(&m);
}

/* An old file with a bad value is refused before its migration commits:
 * it stays byte-identical and keeps its version. */
static void test_refuse_bad_values_old_file(void)
{
	const char *p0 = fresh("oldvalues");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	CU_ASSERT_EQUAL_FATAL(store_create_version(p, 2), ERR_OK);
	CU_ASSERT_EQUAL(exec_on(p, "INSERT INTO clock VALUES(3,0,9223372036854775807)"), SQLITE_OK);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_DAMAGED);
	CU_ASSERT_PTR_NOT_NULL(strstr(store_detail(NULL), "started"));
	assert_refused(p, STORE_READONLY, ERR_STORE_DAMAGED);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), 2);
}

/* A -wal beside the file, or a journal that is not the file's, refuses it
 * untouched; the side file stays as it was. */
static void test_refuse_side_files(void)
{
	const char *p0 = fresh("side");
	char p[512], side[600], copy[600];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	store_close(create(p, &m));
	snprintf(side, sizeof side, "%s-wal", p);
	test_write(side, "not a wal at all", 16);
	snprintf(copy, sizeof copy, "%s.wal-orig", p);
	test_copy(side, copy);
	assert_refused(p, STORE_READONLY, ERR_STORE_UNSAFE);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_UNSAFE);
	CU_ASSERT_TRUE(test_same_file(side, copy));
	unlink(side);
	/* a journal of another database */
	snprintf(side, sizeof side, "%s-journal", p);
	unsigned char j[4096 + 512 + 8];
	memset(j, 0, sizeof j);
	memcpy(j, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7\0\0\0\1\0\0\0\0\0\0\0\1\0\0\2\0\0\0\x10\0", 28);
	j[512 + 3] = 1;
	memcpy(j + 516, "SQLite format 3", 16);
	test_write(side, j, sizeof j);
	snprintf(copy, sizeof copy, "%s.journal-orig", p);
	test_copy(side, copy);
	assert_refused(p, STORE_READONLY, ERR_STORE_UNSAFE);
	assert_refused(p, STORE_EXCLUSIVE, ERR_STORE_UNSAFE);
	CU_ASSERT_TRUE(test_same_file(side, copy));
	unlink(side);
	struct store *s = NULL;
	CU_ASSERT_EQUAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	store_close(s);
	model_free(&m);
}

/* Saving the workshop data checks that a row was written. */
static void test_save_checks_changes(void)
{
	const char *p0 = fresh("changes");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* the workshop row vanishes behind the store's back */
	CU_ASSERT_EQUAL(exec_on(p, "DELETE FROM workshop"), SQLITE_OK);
	struct workshop w;
	workshop_copy(&w, &m.ws);
	str_set(&w.title, "gespeichert?");
	CU_ASSERT_EQUAL(store_save_workshop(s, &m, &w), ERR_STORE_INVALID);
	CU_ASSERT_STRING_NOT_EQUAL(m.ws.title, "gespeichert?");
	workshop_free(&w);
	store_close(s);
	model_free(&m);
}

static void test_migrate_v1(void)
{
	const char *p = fresh("v1");
	CU_ASSERT_EQUAL_FATAL(store_create_version(p, 1), ERR_OK);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), 1);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM sqlite_schema WHERE name='agenda'"), 0);
	/* a reader sees the current schema but leaves the old file alone */
	char copy[600];
	snprintf(copy, sizeof copy, "%s.orig", p);
	test_copy(p, copy);
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_READONLY, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(m.agenda[STEP_GOALS], 30);
	store_close(s);
	CU_ASSERT_TRUE(test_same_file(p, copy));
	/* an editor migrates it */
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(m.agenda[STEP_GOALS], 30);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "nach der Migration");
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &g), ERR_OK);
	goal_free(&g);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	store_close(s);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM agenda"), 10);
	/* the roadmap got its minutes; check, findings and export moved up */
	CU_ASSERT_EQUAL(pragma(p, "SELECT minutes FROM agenda WHERE step = 6"), 20);
	CU_ASSERT_EQUAL(pragma(p, "SELECT minutes FROM agenda WHERE step = 9"), 10);
	model_free(&m);
}

/* A workshop of format 3 (before the money and the roadmap, issues 13 and
 * 14), built with the
 * tables format 3 wrote: the agenda and the clocks of check, findings and
 * export move up by one step around the new step 6, the workshop row keeps
 * every value and gets an undecided operator model, the other data stays,
 * and the new tables take milestones at once. */
static void test_migrate_roadmap(void)
{
	const char *p0 = fresh("v3");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	CU_ASSERT_EQUAL_FATAL(store_create_version(p, 3), ERR_OK);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), 3);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM agenda"), 9);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM sqlite_schema WHERE name='milestone'"), 0);
	CU_ASSERT_EQUAL_FATAL(
		exec_on(p, "UPDATE workshop SET title='Starkregenwarnung', municipality='Lemgo',"
			   "  funding_end='2027-06-30', phase='transition', language='de';"
			   "UPDATE agenda SET minutes = 100 + step;"
			   "INSERT OR REPLACE INTO clock(step, elapsed, started) VALUES"
			   "  (5, 500, 0), (6, 600, 0), (8, 800, 0);"
			   "INSERT INTO stakeholder(id, name) VALUES (7, 'Stadtentwässerung');"
			   "INSERT INTO goal(id, title) VALUES (3, 'Warnung vor Starkregen');"),
		SQLITE_OK);
	char *title = pragma_text(p, "SELECT title FROM workshop");
	CU_ASSERT_STRING_EQUAL(title ? title : "", "Starkregenwarnung");
	free(title);
	/* a reader sees the current steps but leaves the old file alone */
	char copy[600];
	snprintf(copy, sizeof copy, "%s.orig", p);
	test_copy(p, copy);
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_READONLY, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(m.agenda[STEP_COSTS], 105);
	CU_ASSERT_EQUAL(m.agenda[STEP_ROADMAP], 20);
	CU_ASSERT_EQUAL(m.agenda[STEP_CHECK], 106);
	CU_ASSERT_EQUAL(m.agenda[STEP_EXPORT], 108);
	store_close(s);
	CU_ASSERT_TRUE(test_same_file(p, copy));
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), 3);
	/* an editor migrates it */
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_STRING_EQUAL(m.ws.title, "Starkregenwarnung");
	CU_ASSERT_STRING_EQUAL(m.ws.municipality, "Lemgo");
	CU_ASSERT_STRING_EQUAL(m.ws.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(m.ws.phase, PHASE_TRANSITION);
	CU_ASSERT_EQUAL(m.ws.op_model, OPMODEL_OPEN);
	CU_ASSERT_EQUAL(m.ws.op_actor, 0);
	CU_ASSERT_EQUAL(m.ws.agreement, AGREE_NONE);
	CU_ASSERT_EQUAL(m.stakeholders.n, 1);
	CU_ASSERT_EQUAL(m.goals.n, 1);
	CU_ASSERT_EQUAL(m.milestones.n, 0);
	CU_ASSERT_EQUAL(m.decisions.n, 0);
	CU_ASSERT_EQUAL(m.agenda[STEP_CHECK], 106);
	CU_ASSERT_EQUAL(m.agenda[STEP_FINDINGS], 107);
	long elapsed = -1, started = -1;
	CU_ASSERT_EQUAL(store_clock_get(s, STEP_COSTS, &elapsed, &started), ERR_OK);
	CU_ASSERT_EQUAL(elapsed, 500);
	CU_ASSERT_EQUAL(store_clock_get(s, STEP_ROADMAP, &elapsed, &started), ERR_OK);
	CU_ASSERT_EQUAL(elapsed, 0);
	CU_ASSERT_EQUAL(store_clock_get(s, STEP_CHECK, &elapsed, &started), ERR_OK);
	CU_ASSERT_EQUAL(elapsed, 600);
	CU_ASSERT_EQUAL(store_clock_get(s, STEP_EXPORT, &elapsed, &started), ERR_OK);
	CU_ASSERT_EQUAL(elapsed, 800);
	/* the new tables work at once, their reference to a kept stakeholder */
	struct milestone ms;
	entity_init(ENT_MILESTONE, &ms);
	str_set(&ms.title, "Betreibervereinbarung unterzeichnet");
	str_set(&ms.due, "2027-02-28");
	ms.owner = 7;
	CU_ASSERT_EQUAL(store_save_milestone(s, &m, &ms), ERR_OK);
	entity_free(ENT_MILESTONE, &ms);
	CU_ASSERT_EQUAL(m.milestones.n, 1);
	store_close(s);
	model_free(&m);
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM agenda"), 10);
	CU_ASSERT_EQUAL(pragma(p, "SELECT minutes FROM agenda WHERE step = 9"), 108);
	CU_ASSERT_EQUAL(pragma(p, "SELECT minutes FROM agenda WHERE step = 6"), 20);
	CU_ASSERT_EQUAL(pragma(p, "SELECT elapsed FROM clock WHERE step = 9"), 800);
	CU_ASSERT_EQUAL(pragma(p, "SELECT owner FROM milestone"), 7);
	char *ok = pragma_text(p, "PRAGMA integrity_check");
	CU_ASSERT_STRING_EQUAL(ok ? ok : "", "ok");
	free(ok);

	/* where the group left off moves with its step: findings were 7 */
	const char *q = fresh("v7-place");
	CU_ASSERT_EQUAL_FATAL(store_create_version(q, 7), ERR_OK);
	CU_ASSERT_EQUAL_FATAL(exec_on(q, "UPDATE place SET step = 7"), SQLITE_OK);
	model_init(&m);
	CU_ASSERT_EQUAL_FATAL(store_open(q, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	struct store_place pl;
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.step, STEP_FINDINGS);
	store_close(s);
	model_free(&m);
}

/* A version-3 file (before issue 13) gains the funding rate, the first
 * budget year (both empty) and the share status ('promised') and budget
 * line (empty); a reader sees them without touching the file. */
static void test_migrate_v3(void)
{
	const char *p = fresh("v3");
	CU_ASSERT_EQUAL_FATAL(store_create_version(p, 3), ERR_OK);
	CU_ASSERT_EQUAL_FATAL(exec_on(p, "INSERT INTO stakeholder(id,name) VALUES(1,'Kreis');"
					 "INSERT INTO cost(id,name,amount,start_year) "
					 "VALUES(1,'Hosting',1000,2028);"
					 "INSERT INTO cost_share(cost,stakeholder,percent) VALUES(1,1,40);"
					 "UPDATE workshop SET funding_end='2027-06-30';"),
			      SQLITE_OK);
	char copy[600];
	snprintf(copy, sizeof copy, "%s.orig", p);
	test_copy(p, copy);
	for (int writer = 0; writer < 2; writer++) {
		struct model m;
		model_init(&m);
		struct store *s = NULL;
		CU_ASSERT_EQUAL_FATAL(store_open(p, writer ? STORE_EXCLUSIVE : STORE_READONLY, &m, &s),
				      ERR_OK);
		CU_ASSERT_FALSE(m.ws.funding_rate.set);
		CU_ASSERT_EQUAL(m.ws.first_budget_year, 0);
		CU_ASSERT_EQUAL_FATAL(m.shares.n, 1);
		const struct cost_share *x = MODEL_AT(m.shares, struct cost_share, 0);
		CU_ASSERT_EQUAL(x->status, SHARE_PROMISED);
		CU_ASSERT_STRING_EQUAL(x->budget_line, "");
		CU_ASSERT_DOUBLE_EQUAL(x->percent, 40, 1e-9);
		if (writer) {
			struct workshop w;
			workshop_copy(&w, &m.ws);
			w.funding_rate = (struct optnum){80, true};
			w.first_budget_year = 2028;
			CU_ASSERT_EQUAL(store_save_workshop(s, &m, &w), ERR_OK);
			workshop_free(&w);
		}
		store_close(s);
		model_free(&m);
		if (!writer)
			CU_ASSERT_TRUE(test_same_file(p, copy));
	}
	CU_ASSERT_EQUAL(pragma(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CU_ASSERT_EQUAL(pragma(p, "SELECT first_budget_year FROM workshop"), 2028);
	CU_ASSERT_EQUAL(pragma(p, "SELECT funding_rate = 80 FROM workshop"), 1);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM cost_share WHERE status='promised'"), 1);
}

/* Where the screen was left: kept and read back outside the undo history,
 * refused inside an edit and on a read-only store; a file of the version
 * before gains it empty. */
static void test_place(void)
{
	const char *p0 = fresh("place");
	char p[512];
	snprintf(p, sizeof p, "%s", p0);
	struct model m;
	model_init(&m);
	struct store *s = create(p, &m);
	int64_t ids[8];
	fill(s, &m, ids);
	struct store_place pl;
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.step, 0);
	CU_ASSERT_EQUAL(pl.kind, ENT_COUNT);
	CU_ASSERT_EQUAL(pl.item, 0);
	CU_ASSERT_EQUAL(pl.raci_view, 0);
	int depth = store_undo_depth(s);
	unsigned long rev = m.revision;
	struct store_place want = {STEP_STAKEHOLDERS, ENT_STAKEHOLDER, 5, 2};
	CU_ASSERT_EQUAL(store_place_set(s, &want), ERR_OK);
	CU_ASSERT_EQUAL(store_undo_depth(s), depth);
	CU_ASSERT_EQUAL(m.revision, rev);
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.step, STEP_STAKEHOLDERS);
	CU_ASSERT_EQUAL(pl.kind, ENT_STAKEHOLDER);
	CU_ASSERT_EQUAL(pl.item, 5);
	CU_ASSERT_EQUAL(pl.raci_view, 2);
	/* out of range, or in the middle of an edit */
	struct store_place bad = {STEP_COUNT, ENT_GOAL, 1, 0};
	CU_ASSERT_EQUAL(store_place_set(s, &bad), ERR_STORE_INVALID);
	bad = (struct store_place){0, ENT_GOAL, 1, 3};
	CU_ASSERT_EQUAL(store_place_set(s, &bad), ERR_STORE_INVALID);
	CU_ASSERT_EQUAL(store_begin(s, "Edit goal", ""), ERR_OK);
	CU_ASSERT_EQUAL(store_place_set(s, &want), ERR_STORE_BUSY);
	store_rollback(s, &m);
	/* undo does not move it */
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.item, 5);
	store_close(s);
	CU_ASSERT_EQUAL(pragma(p, "SELECT count(*) FROM place"), 1);
	/* a table name that is no entity reads as no item */
	CU_ASSERT_EQUAL(exec_on(p, "UPDATE place SET kind='sqlite_master', item=3"), SQLITE_OK);
	CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_READONLY, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.kind, ENT_COUNT);
	CU_ASSERT_EQUAL(pl.item, 0);
	CU_ASSERT_EQUAL(pl.step, STEP_STAKEHOLDERS);
	CU_ASSERT_EQUAL(store_place_set(s, &want), ERR_STORE_READONLY);
	store_close(s);
	model_free(&m);

	/* the last version before the place (later migrations may follow it)
	 * gains the place empty */
	const char *q = NULL;
	for (int v = STORE_SCHEMA_VERSION - 1; v > 0; v--) {
		q = fresh("place-old");
		CU_ASSERT_EQUAL_FATAL(store_create_version(q, v), ERR_OK);
		if (pragma(q, "SELECT count(*) FROM sqlite_schema WHERE name='place'") == 0)
			break;
	}
	CU_ASSERT_EQUAL(pragma(q, "SELECT count(*) FROM sqlite_schema WHERE name='place'"), 0);
	model_init(&m);
	CU_ASSERT_EQUAL_FATAL(store_open(q, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(store_place_get(s, &pl), ERR_OK);
	CU_ASSERT_EQUAL(pl.step, 0);
	CU_ASSERT_EQUAL(pl.item, 0);
	store_close(s);
	model_free(&m);
	CU_ASSERT_EQUAL(pragma(q, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CU_ASSERT_EQUAL(pragma(q, "SELECT step FROM place"), 0);
}

/* ------------------------------------------------------------ crashes */

/* A writer killed with SIGKILL in the middle of many edits leaves a file
 * that opens, passes integrity_check and holds every committed edit. */
static void test_sigkill(void)
{
	for (int trial = 0; trial < 5; trial++) {
		const char *p0 = fresh("kill");
		char p[512];
		snprintf(p, sizeof p, "%s", p0);
		struct model m;
		model_init(&m);
		store_close(create(p, &m));
		int fds[2];
		CU_ASSERT_EQUAL_FATAL(pipe(fds), 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			struct model cm;
			model_init(&cm);
			struct store *s = NULL;
			if (store_open(p, STORE_EXCLUSIVE, &cm, &s) != ERR_OK)
				_exit(3);
			struct goal g;
			goal_init(&g);
			for (int i = 1;; i++) {
				char t[32];
				snprintf(t, sizeof t, "Ziel %d", i);
				str_set(&g.title, t);
				g.id = 0;
				if (store_save_goal(s, &cm, &g) != ERR_OK)
					_exit(4);
				/* report each committed edit */
				if (write(fds[1], &i, sizeof i) != (ssize_t)sizeof i)
					_exit(5);
			}
		}
		close(fds[1]);
		int committed = 0, v;
		int want = 20 + trial * 17;
		while (committed < want && read(fds[0], &v, sizeof v) == (ssize_t)sizeof v)
			committed = v;
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		while (read(fds[0], &v, sizeof v) == (ssize_t)sizeof v)
			committed = v;
		close(fds[0]);
		CU_ASSERT_TRUE(WIFSIGNALED(status));
		struct store *s = NULL;
		CU_ASSERT_EQUAL_FATAL(store_open(p, STORE_EXCLUSIVE, &m, &s), ERR_OK);
		CU_ASSERT_TRUE(store_integrity_ok(s));
		/* every reported edit is there; at most one more made it */
		CU_ASSERT_TRUE((int)m.goals.n >= committed && (int)m.goals.n <= committed + 1);
		for (int i = 1; i <= committed; i++) {
			char t[32];
			snprintf(t, sizeof t, "Ziel %d", i);
			bool found = false;
			for (size_t k = 0; k < m.goals.n; k++)
				if (!strcmp(MODEL_AT(m.goals, struct goal, k)->title, t))
					found = true;
			CU_ASSERT_TRUE(found);
		}
		store_close(s);
		model_free(&m);
	}
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite f = CU_add_suite("store", NULL, NULL);
	ADD_TEST(f, test_create);
	ADD_TEST(f, test_round_trip);
	ADD_TEST(f, test_invalid_values);
	ADD_TEST(f, test_undo_redo);
	ADD_TEST(f, test_delete_cascade_undo);
	ADD_TEST(f, test_group_rollback);
	ADD_TEST(f, test_clear_history);
	ADD_TEST(f, test_undo_cap);
	ADD_TEST(f, test_undo_exact_states);
	ADD_TEST(f, test_undo_rows_older_than_columns);
	ADD_TEST(f, test_undo_is_data);
	ADD_TEST(f, test_bulk_undo);
	ADD_TEST(f, test_undo_cap_all);
	ADD_TEST(f, test_readers_wait);
	ADD_TEST(f, test_readers_busy_message);
	CU_pSuite r = CU_add_suite("refusals", NULL, NULL);
	ADD_TEST(r, test_refuse_not_sqlite);
	ADD_TEST(r, test_refuse_foreign);
	ADD_TEST(r, test_refuse_newer);
	ADD_TEST(r, test_refuse_damaged);
	ADD_TEST(r, test_refuse_in_use);
	ADD_TEST(r, test_refuse_readonly);
	ADD_TEST(r, test_refuse_directory);
	ADD_TEST(r, test_refuse_foreign_objects);
	ADD_TEST(r, test_refuse_bad_values);
	ADD_TEST(r, test_refuse_side_files);
	ADD_TEST(r, test_refuse_bad_values_old_file);
	ADD_TEST(r, test_save_checks_changes);
	CU_pSuite g = CU_add_suite("migrations", NULL, NULL);
	ADD_TEST(g, test_migrate_v1);
	ADD_TEST(g, test_migrate_v3);
	ADD_TEST(g, test_migrate_roadmap);
	ADD_TEST(g, test_place);
	CU_pSuite c = CU_add_suite("crashes", NULL, NULL);
	ADD_TEST(c, test_sigkill);
	return test_run();
}
