/* test_model.c — the model in memory, the vocabulary and the small helpers. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "i18n.h"
#include "model.h"
#include "testutil.h"
#include "util.h"
#include "vocab.h"

/* ------------------------------------------------------------ util */

static void test_utf8(void)
{
	CU_ASSERT_TRUE(utf8_valid("Größe € 日本", strlen("Größe € 日本"), NULL));
	size_t off = 99;
	CU_ASSERT_FALSE(utf8_valid("ab\xff", 3, &off));
	CU_ASSERT_EQUAL(off, 2);
	CU_ASSERT_FALSE(utf8_valid("Gr\xf6\xdf" "e", 5, NULL)); /* Latin-1 */
	CU_ASSERT_FALSE(utf8_valid("a\0b", 3, &off));
	CU_ASSERT_EQUAL(off, 1);
	CU_ASSERT_FALSE(utf8_valid("\xc0\xaf", 2, NULL));	  /* overlong */
	CU_ASSERT_FALSE(utf8_valid("\xed\xa0\x80", 3, NULL));	  /* surrogate */
	CU_ASSERT_FALSE(utf8_valid("\xe2\x82", 2, NULL));	  /* cut off */
	CU_ASSERT_FALSE(utf8_valid("\xf4\x90\x80\x80", 4, NULL)); /* > U+10FFFF */
	CU_ASSERT_TRUE(utf8_valid("\xf0\x9f\x91\x8d", 4, NULL));  /* 👍 */
	CU_ASSERT_EQUAL(utf8_chars("Größe"), 5);
	CU_ASSERT_EQUAL(utf8_prefix("Größe", 3), 4);
	CU_ASSERT_EQUAL(utf8_prefix("ab", 5), 2);
	char *p = str_printable("Größe\x1b[2J\tok\xff\xc2\x9b!");
	CU_ASSERT_STRING_EQUAL(p, "Größe\xEF\xBF\xBD[2J\xEF\xBF\xBDok\xEF\xBF\xBD\xEF\xBF\xBD!");
	free(p);
	p = str_printable(NULL);
	CU_ASSERT_STRING_EQUAL(p, "");
	free(p);
}

static void test_dates(void)
{
	struct date d;
	CU_ASSERT_TRUE(date_parse("2027-06-30", &d));
	CU_ASSERT_EQUAL(d.y, 2027);
	CU_ASSERT_EQUAL(d.m, 6);
	CU_ASSERT_EQUAL(d.d, 30);
	CU_ASSERT_TRUE(date_parse(" 30.06.2027 ", &d));
	CU_ASSERT_EQUAL(d.m, 6);
	CU_ASSERT_TRUE(date_parse("1.7.2027", &d));
	CU_ASSERT_EQUAL(d.d, 1);
	CU_ASSERT_FALSE(date_parse("2027-02-30", &d));
	CU_ASSERT_FALSE(date_parse("30.02.2027", &d));
	CU_ASSERT_TRUE(date_parse("29.02.2024", &d));
	CU_ASSERT_FALSE(date_parse("29.02.2023", &d));
	CU_ASSERT_FALSE(date_parse("2100-02-29", &d));
	CU_ASSERT_TRUE(date_parse("2000-02-29", &d));
	CU_ASSERT_FALSE(date_parse("2027-13-01", &d));
	CU_ASSERT_FALSE(date_parse("Ende 2027", &d));
	CU_ASSERT_FALSE(date_parse("", &d));
	CU_ASSERT_FALSE(date_parse_iso("30.06.2027", &d));
	CU_ASSERT_FALSE(date_parse_iso("2027-6-30", &d));
	char out[11];
	d = (struct date){2027, 6, 3};
	date_iso(&d, out);
	CU_ASSERT_STRING_EQUAL(out, "2027-06-03");
	date_german(&d, out);
	CU_ASSERT_STRING_EQUAL(out, "03.06.2027");
	struct date a = {2027, 1, 1}, b = {2026, 12, 31};
	CU_ASSERT_EQUAL(date_days(&a) - date_days(&b), 1);
	struct date epoch = {1970, 1, 1};
	CU_ASSERT_EQUAL(date_days(&epoch), 0);
}

static void test_numbers(void)
{
	double v;
	CU_ASSERT_TRUE(num_parse("3,5", &v));
	CU_ASSERT_DOUBLE_EQUAL(v, 3.5, 1e-12);
	CU_ASSERT_TRUE(num_parse("-20", &v));
	CU_ASSERT_DOUBLE_EQUAL(v, -20, 1e-12);
	CU_ASSERT_TRUE(num_parse(" 1234.25 ", &v));
	CU_ASSERT_DOUBLE_EQUAL(v, 1234.25, 1e-12);
	CU_ASSERT_FALSE(num_parse("1.234,5", &v));
	CU_ASSERT_FALSE(num_parse("12abc", &v));
	CU_ASSERT_FALSE(num_parse("", &v));
	CU_ASSERT_FALSE(num_parse("inf", &v));
	CU_ASSERT_FALSE(num_parse("nan", &v));
	CU_ASSERT_FALSE(num_parse("1e400", &v));
	CU_ASSERT_FALSE(num_parse("-", &v));
	char out[64];
	num_format(3.5, true, out);
	CU_ASSERT_STRING_EQUAL(out, "3,5");
	num_format(3.5, false, out);
	CU_ASSERT_STRING_EQUAL(out, "3.5");
	num_format(120000, true, out);
	CU_ASSERT_STRING_EQUAL(out, "120000");
	num_format(-0.0, false, out);
	CU_ASSERT_STRING_EQUAL(out, "0");
	num_format(0.1 + 0.2, false, out);
	CU_ASSERT_STRING_EQUAL(out, "0.3");
	num_format(1e-9, false, out);
	CU_ASSERT_STRING_EQUAL(out, "0");
	/* formatting is idempotent through parsing */
	double samples[] = {1.0 / 3, 2.5e14, 99.999999, 12345678.9, -7.25};
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		char a[64], b[64];
		num_format(samples[i], true, a);
		CU_ASSERT_TRUE(num_parse(a, &v));
		num_format(v, true, b);
		CU_ASSERT_STRING_EQUAL(a, b);
	}
	long l;
	CU_ASSERT_TRUE(int_parse("5", 1, 5, &l));
	CU_ASSERT_FALSE(int_parse("6", 1, 5, &l));
	CU_ASSERT_FALSE(int_parse("2.5", 1, 5, &l));
	CU_ASSERT_FALSE(int_parse("", 1, 5, &l));
}

static void test_atomic_write(void)
{
	const char *p = test_path("atomic.txt");
	CU_ASSERT_EQUAL(file_write_atomic(p, "hello", 5), 0);
	size_t n;
	char *d = test_slurp(p, &n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_EQUAL(n, 5);
	free(d);
	/* a folder that does not exist: an error and nothing left */
	CU_ASSERT_NOT_EQUAL(file_write_atomic(test_path("missing/x.txt"), "x", 1), 0);
}

/* ------------------------------------------------------------ vocab */

static void test_vocab(void)
{
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_CATEGORY, "hosting"), CAT_HOSTING);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_CATEGORY, "datenpflege"), CAT_DATA);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_GROUP, "bürgerschaft"), GROUP_CITIZENS);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_GROUP, "Municipal_Company"), GROUP_MUNICIPAL_CO);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_YESNO, "ja"), YN_YES);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_YESNO, "maybe"), -1);
	CU_ASSERT_EQUAL(vocab_lookup_lang(VOCAB_TPHASE, "regelbetrieb", LANG_EN), -1);
	CU_ASSERT_STRING_EQUAL(vocab_word(VOCAB_CHECK_STATUS, CHECK_NA, LANG_DE), "entfällt");
	CU_ASSERT_STRING_EQUAL(vocab_word(VOCAB_PHASE, PHASE_WINDDOWN, LANG_EN), "winddown");
	CU_ASSERT_STRING_EQUAL(vocab_word(VOCAB_PHASE, 99, LANG_EN), "");
	/* every word of every kind maps back to its value, in both languages */
	for (int k = 0; k < VOCAB_COUNT; k++)
		for (int v = 0; v < vocab_count(k); v++)
			for (int l = 0; l < LANG_COUNT; l++)
				CU_ASSERT_EQUAL(vocab_lookup_lang(k, vocab_word(k, v, l), l), v);
	/* the German words follow the glossary; bundles with the earlier words still read */
	CU_ASSERT_STRING_EQUAL(vocab_word(VOCAB_NOTE_KIND, NOTE_DECISION, LANG_DE), "vereinbarung");
	CU_ASSERT_STRING_EQUAL(vocab_word(VOCAB_CATEGORY, CAT_IMPACT, LANG_DE), "wirkungserfassung");
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_NOTE_KIND, "Beschluss"), NOTE_DECISION);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_NOTE_KIND, "aufgabe"), NOTE_ACTION);
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_CATEGORY, "wirkungsmessung"), CAT_IMPACT);
	CU_ASSERT_EQUAL(vocab_lookup_lang(VOCAB_NOTE_KIND, "beschluss", LANG_EN), -1);
	/* the factor names: five numbered factors, the wind-down without a number */
	CU_ASSERT_STRING_EQUAL(vocab_factor_name(5), "Cost reduction and cost sharing");
	CU_ASSERT_STRING_EQUAL(vocab_factor_number(5), "5");
	CU_ASSERT_STRING_EQUAL(vocab_factor_number(FACTOR_WINDDOWN), "");
	CU_ASSERT_STRING_EQUAL(vocab_factor_short(FACTOR_WINDDOWN), "Wind-down");
	CU_ASSERT_STRING_EQUAL(vocab_factor_name(0), "");
	CU_ASSERT_STRING_EQUAL(vocab_factor_short(7), "");
	CU_ASSERT_EQUAL(raci_from_letter('a'), RACI_A);
	CU_ASSERT_EQUAL(raci_from_letter('x'), RACI_NONE);
	CU_ASSERT_EQUAL(raci_letter(RACI_I), 'I');
}

/* ------------------------------------------------------------ model */

static void add_stakeholder(struct model *m, int64_t id, const char *name, bool temporary)
{
	struct stakeholder s;
	stakeholder_init(&s);
	s.id = id;
	str_set(&s.name, name);
	s.temporary = temporary;
	model_put_stakeholder(m, &s);
	stakeholder_free(&s);
}

static void add_task(struct model *m, int64_t id, const char *name, int phase)
{
	struct task t;
	task_init(&t);
	t.id = id;
	str_set(&t.name, name);
	t.phase = phase;
	model_put_task(m, &t);
	task_free(&t);
}

static void test_put_find(void)
{
	struct model m;
	model_init(&m);
	struct goal g;
	goal_init(&g);
	for (int64_t id = 10; id >= 1; id--) { /* out of order on purpose */
		g.id = id * 3;
		str_set(&g.title, id % 2 ? "Lärm senken" : "Daten öffnen");
		model_put_goal(&m, &g);
	}
	CU_ASSERT_EQUAL(m.goals.n, 10);
	for (size_t i = 1; i < m.goals.n; i++)
		CU_ASSERT_TRUE(MODEL_AT(m.goals, struct goal, i - 1)->id <
			       MODEL_AT(m.goals, struct goal, i)->id);
	CU_ASSERT_PTR_NOT_NULL(model_goal(&m, 9));
	CU_ASSERT_PTR_NULL(model_goal(&m, 10));
	CU_ASSERT_PTR_NULL(model_goal(&m, 0));
	g.id = 9;
	str_set(&g.title, "ersetzt");
	model_put_goal(&m, &g);
	CU_ASSERT_EQUAL(m.goals.n, 10);
	CU_ASSERT_STRING_EQUAL(model_goal(&m, 9)->title, "ersetzt");
	goal_free(&g);
	/* many entities: ids found through the index */
	struct indicator ind;
	indicator_init(&ind);
	for (int64_t id = 1; id <= 2000; id++) {
		ind.id = id;
		ind.goal = 3 * (1 + id % 10);
		model_put_indicator(&m, &ind);
	}
	indicator_free(&ind);
	CU_ASSERT_EQUAL(m.indicators.n, 2000);
	CU_ASSERT_EQUAL(model_indicator(&m, 1234)->id, 1234);
	CU_ASSERT_EQUAL(model_goal_indicators(&m, 3), 200);
	model_free(&m);
}

static void test_raci_counts(void)
{
	struct model m;
	model_init(&m);
	add_stakeholder(&m, 1, "Fachamt", false);
	add_stakeholder(&m, 2, "Smart-City-Team", true);
	add_task(&m, 1, "Betrieb", TPHASE_REGULAR);
	add_task(&m, 2, "Pilotbetrieb", TPHASE_PILOT);

	model_raci_set(&m, 1, 2, RACI_A);
	model_raci_set(&m, 1, 1, RACI_R);
	model_raci_set(&m, 2, 2, RACI_A);
	struct task *t1 = model_task(&m, 1);
	CU_ASSERT_EQUAL(model_raci_get(&m, 1, 2), RACI_A);
	CU_ASSERT_EQUAL(t1->roles[RACI_A], 1);
	CU_ASSERT_EQUAL(t1->roles[RACI_R], 1);
	CU_ASSERT_EQUAL(t1->temp_ar, 1);
	struct stakeholder *team = model_stakeholder(&m, 2);
	CU_ASSERT_EQUAL(team->roles[TPHASE_PILOT][RACI_A], 1);
	CU_ASSERT_EQUAL(team->roles[TPHASE_REGULAR][RACI_A], 1);

	/* the team's post turns permanent: no temporary A/R left */
	struct stakeholder s;
	stakeholder_copy(&s, team);
	s.temporary = false;
	model_put_stakeholder(&m, &s);
	stakeholder_free(&s);
	CU_ASSERT_EQUAL(model_task(&m, 1)->temp_ar, 0);
	CU_ASSERT_EQUAL(model_stakeholder(&m, 2)->roles[TPHASE_REGULAR][RACI_A], 1);

	/* the pilot task moves to regular operation: counts follow */
	struct task t;
	task_copy(&t, model_task(&m, 2));
	t.phase = TPHASE_REGULAR;
	model_put_task(&m, &t);
	task_free(&t);
	CU_ASSERT_EQUAL(model_stakeholder(&m, 2)->roles[TPHASE_PILOT][RACI_A], 0);
	CU_ASSERT_EQUAL(model_stakeholder(&m, 2)->roles[TPHASE_REGULAR][RACI_A], 2);

	/* changing and clearing cells */
	model_raci_set(&m, 1, 2, RACI_C);
	CU_ASSERT_EQUAL(model_task(&m, 1)->roles[RACI_A], 0);
	CU_ASSERT_EQUAL(model_task(&m, 1)->roles[RACI_C], 1);
	model_raci_set(&m, 1, 2, RACI_NONE);
	CU_ASSERT_EQUAL(model_raci_get(&m, 1, 2), RACI_NONE);
	CU_ASSERT_EQUAL(model_task(&m, 1)->cells.n, 1);
	CU_ASSERT_EQUAL(model_raci_count(&m), 2);
	/* unknown ids are ignored */
	model_raci_set(&m, 99, 1, RACI_A);
	CU_ASSERT_EQUAL(model_raci_count(&m), 2);
	model_free(&m);
}

/* Clearing the matrix leaves a model without cells; keeping the first
 * entities of a kind frees the rest and still finds the kept ones by id. */
static void test_raci_clear_keep_first(void)
{
	struct model m;
	model_init(&m);
	add_stakeholder(&m, 1, "Fachamt", false);
	add_stakeholder(&m, 2, "Smart-City-Team", true);
	add_task(&m, 1, "Betrieb", TPHASE_REGULAR);
	model_raci_set(&m, 1, 1, RACI_R);
	model_raci_set(&m, 1, 2, RACI_A);
	unsigned long rev = m.revision;
	model_raci_clear(&m);
	CU_ASSERT_TRUE(m.revision > rev);
	CU_ASSERT_EQUAL(model_raci_count(&m), 0);
	CU_ASSERT_EQUAL(model_raci_get(&m, 1, 2), RACI_NONE);
	CU_ASSERT_EQUAL(model_task(&m, 1)->cells.n, 0);
	CU_ASSERT_EQUAL(model_task(&m, 1)->roles[RACI_A], 0);
	CU_ASSERT_EQUAL(model_task(&m, 1)->temp_ar, 0);
	CU_ASSERT_EQUAL(model_stakeholder(&m, 2)->roles[TPHASE_REGULAR][RACI_A], 0);
	/* the model stays usable */
	model_raci_set(&m, 1, 1, RACI_A);
	CU_ASSERT_EQUAL(model_raci_count(&m), 1);

	struct indicator ind;
	indicator_init(&ind);
	for (int64_t id = 1; id <= 100; id++) {
		ind.id = id * 2;
		str_set(&ind.name, id % 2 ? "Lärmpegel" : "Datensätze");
		model_put_indicator(&m, &ind);
	}
	indicator_free(&ind);
	model_keep_first(&m, ENT_INDICATOR, 30);
	CU_ASSERT_EQUAL(m.indicators.n, 30);
	CU_ASSERT_EQUAL(MODEL_AT(m.indicators, struct indicator, 29)->id, 60);
	CU_ASSERT_EQUAL(model_indicator(&m, 60)->id, 60);
	CU_ASSERT_STRING_EQUAL(model_indicator(&m, 2)->name, "Lärmpegel");
	CU_ASSERT_PTR_NULL(model_indicator(&m, 62));
	model_keep_first(&m, ENT_INDICATOR, 50); /* more than there are: no change */
	CU_ASSERT_EQUAL(m.indicators.n, 30);
	model_keep_first(&m, ENT_INDICATOR, 0);
	CU_ASSERT_EQUAL(m.indicators.n, 0);
	CU_ASSERT_PTR_NULL(model_indicator(&m, 2));
	/* kinds with RACI cells are left alone */
	model_keep_first(&m, ENT_STAKEHOLDER, 1);
	CU_ASSERT_EQUAL(m.stakeholders.n, 2);
	model_free(&m);
}

/* A large matrix changed at random agrees with a plain array. */
static void test_raci_large(void)
{
	enum { T = 300, S = 500 };
	struct model m;
	model_init(&m);
	for (int i = 1; i <= S; i++)
		add_stakeholder(&m, i, "Akteur", i % 7 == 0);
	for (int i = 1; i <= T; i++)
		add_task(&m, i, "Aufgabe", i % 2);
	static unsigned char shadow[T + 1][S + 1];
	memset(shadow, 0, sizeof shadow);
	srand(42);
	for (int k = 0; k < 200000; k++) {
		int t = 1 + rand() % T, s = 1 + rand() % S;
		int r = rand() % 5;
		if (r && rand() % 3 == 0)
			r = 0;
		model_raci_set(&m, t, s, (enum raci)r);
		shadow[t][s] = (unsigned char)r;
	}
	size_t filled = 0;
	bool all_same = true, counts_ok = true;
	for (int t = 1; t <= T; t++) {
		unsigned roles[RACI_COUNT] = {0}, temp = 0;
		for (int s = 1; s <= S; s++) {
			if (model_raci_get(&m, t, s) != shadow[t][s])
				all_same = false;
			if (shadow[t][s]) {
				filled++;
				roles[shadow[t][s]]++;
				if (s % 7 == 0 && (shadow[t][s] == RACI_A || shadow[t][s] == RACI_R))
					temp++;
			}
		}
		const struct task *tk = model_task(&m, t);
		for (int r = 1; r < RACI_COUNT; r++)
			if (tk->roles[r] != roles[r])
				counts_ok = false;
		if (tk->temp_ar != temp)
			counts_ok = false;
	}
	CU_ASSERT_TRUE(all_same);
	CU_ASSERT_TRUE(counts_ok);
	CU_ASSERT_EQUAL(model_raci_count(&m), filled);
	model_free(&m);
}

/* The same model, cell by cell and in one pass (model_raci_load): every
 * task's and stakeholder's row, counts and temporary A/R alike, whatever
 * the order of the cells; cells of missing ids or no role left out; a pair
 * twice keeps its last role. */
static void same_rows(const struct model *a, const struct model *b)
{
	CU_ASSERT_EQUAL(model_raci_count(a), model_raci_count(b));
	for (size_t i = 0; i < a->tasks.n; i++) {
		const struct task *x = table_at(&a->tasks, i), *y = table_at(&b->tasks, i);
		CU_ASSERT_EQUAL_FATAL(x->cells.n, y->cells.n);
		CU_ASSERT_EQUAL(memcmp(x->roles, y->roles, sizeof x->roles), 0);
		CU_ASSERT_EQUAL(x->temp_ar, y->temp_ar);
		for (size_t k = 0; k < x->cells.n; k++) {
			CU_ASSERT_EQUAL(x->cells.v[k].other, y->cells.v[k].other);
			CU_ASSERT_EQUAL(x->cells.v[k].role, y->cells.v[k].role);
		}
	}
	for (size_t i = 0; i < a->stakeholders.n; i++) {
		const struct stakeholder *x = table_at(&a->stakeholders, i),
					 *y = table_at(&b->stakeholders, i);
		CU_ASSERT_EQUAL_FATAL(x->cells.n, y->cells.n);
		CU_ASSERT_EQUAL(memcmp(x->roles, y->roles, sizeof x->roles), 0);
		for (size_t k = 0; k < x->cells.n; k++) {
			CU_ASSERT_EQUAL(x->cells.v[k].other, y->cells.v[k].other);
			CU_ASSERT_EQUAL(x->cells.v[k].role, y->cells.v[k].role);
		}
	}
}

static void test_raci_load(void)
{
	enum { T = 40, S = 60, N = 1500 };
	for (int round = 0; round < 3; round++) {
		struct model a, b;
		model_init(&a);
		model_init(&b);
		for (int i = 1; i <= S; i++) {
			add_stakeholder(&a, i, "Akteur", i % 5 == 0);
			add_stakeholder(&b, i, "Akteur", i % 5 == 0);
		}
		for (int i = 1; i <= T; i++) {
			add_task(&a, i, "Aufgabe", i % 2);
			add_task(&b, i, "Aufgabe", i % 2);
		}
		/* round 0: task by task in order (an import); 1: random order;
		 * 2: random with pairs twice, unknown ids and no role */
		static struct raci_cell c[N];
		size_t n = 0;
		srand(7 + round);
		for (int t = 1; t <= T && round == 0; t++)
			for (int s = 1; s <= S && n < N; s++)
				if (rand() % 3 == 0)
					c[n++] = (struct raci_cell){t, s, (uint8_t)(1 + rand() % 4)};
		static bool used[T + 2][S + 2];
		memset(used, 0, sizeof used);
		while (round > 0 && n < N) {
			int t = 1 + rand() % (T + 1), s = 1 + rand() % (S + 1); /* T+1, S+1 unknown */
			if (round == 1 && (t > T || s > S || used[t][s]))
				continue;
			used[t][s] = true;
			c[n++] = (struct raci_cell){t, s, (uint8_t)(round == 2 ? rand() % 5 : 1 + rand() % 4)};
		}
		for (size_t i = 0; i < n; i++)
			model_raci_set(&a, c[i].task, c[i].stakeholder, (enum raci)c[i].role);
		unsigned long rev = b.revision;
		model_raci_load(&b, c, n);
		CU_ASSERT_TRUE(b.revision > rev);
		CU_ASSERT_TRUE(b.part_revision[MODEL_PART_RACI] > 0);
		same_rows(&a, &b);
		/* a model with cells takes them one by one */
		model_raci_load(&b, c, n / 2);
		for (size_t i = 0; i < n / 2; i++)
			model_raci_set(&a, c[i].task, c[i].stakeholder, (enum raci)c[i].role);
		same_rows(&a, &b);
		model_free(&a);
		model_free(&b);
	}
}

static void test_cost_share_sum(void)
{
	struct model m;
	model_init(&m);
	struct cost c;
	cost_init(&c);
	c.id = 1;
	model_put_cost(&m, &c);
	cost_free(&c);
	struct cost_share a = {1, 1, 2, 60, SHARE_ADOPTED, (char *)""},
			  b = {2, 1, 3, 40.5, SHARE_ASKED, (char *)""};
	model_put_share(&m, &a);
	model_put_share(&m, &b);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&m, 1), 100.5, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&m, 2), 0, 1e-9);
	str_set(&m.ws.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(model_funding_end_year(&m), 2027);
	model_free(&m);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite u = CU_add_suite("util", NULL, NULL);
	ADD_TEST(u, test_utf8);
	ADD_TEST(u, test_dates);
	ADD_TEST(u, test_numbers);
	ADD_TEST(u, test_atomic_write);
	CU_pSuite v = CU_add_suite("vocab", NULL, NULL);
	ADD_TEST(v, test_vocab);
	CU_pSuite m = CU_add_suite("model", NULL, NULL);
	ADD_TEST(m, test_put_find);
	ADD_TEST(m, test_raci_counts);
	ADD_TEST(m, test_raci_large);
	ADD_TEST(m, test_raci_load);
	ADD_TEST(m, test_raci_clear_keep_first);
	ADD_TEST(m, test_cost_share_sum);
	return test_run();
}
