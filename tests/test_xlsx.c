/* test_xlsx.c — the council workbook: valid and unique sheet names, clean
 * failure on unwritable targets, and workbooks for awkward workshops (their
 * content is read back by tests/xlsx_check.py in tests/exchange_xlsx.sh). */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "findings.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "testutil.h"
#include "util.h"
#include "xlsx_export.h"
#include "xlsx_internal.h"

static int counter;

static const char *fresh(const char *stem)
{
	static char b[4][512];
	static int k;
	char *p = b[k++ % 4];
	snprintf(p, 512, "%s/%s-%d", test_dir(), stem, ++counter);
	return p;
}

static bool valid_name(const char *s)
{
	if (!*s || utf8_chars(s) > 31 || strpbrk(s, "[]:*?/\\") || s[0] == '\'' ||
	    s[strlen(s) - 1] == '\'')
		return false;
	return utf8_valid(s, strlen(s), NULL);
}

static void name_is(const char *base, const char *const *used, size_t n, const char *want)
{
	char out[128];
	xlsx_sheet_name(base, used, n, out);
	CU_ASSERT_TRUE(valid_name(out));
	if (strcmp(out, want))
		fprintf(stderr, "\n  sheet name of '%s': got '%s', want '%s'\n", base, out, want);
	CU_ASSERT_STRING_EQUAL(out, want);
}

static void test_sheet_names(void)
{
	name_is("Ziele", NULL, 0, "Ziele");
	name_is("Kosten/Jahr: [Plan]*?", NULL, 0, "Kosten-Jahr- (Plan)");
	name_is("'quoted'", NULL, 0, "quoted");
	name_is("  ''  ", NULL, 0, "Sheet");
	name_is("", NULL, 0, "Sheet");
	name_is(NULL, NULL, 0, "Sheet");
	name_is("Umweltsensorik Starkregenwarnung und Gewässergüte", NULL, 0,
		"Umweltsensorik Starkregenwarnun");
	name_is("ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€", NULL, 0, "ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß");
	name_is("tab\there\nnew", NULL, 0, "tab here new");
	name_is("History", NULL, 0, "History (2)");
	/* a character outside the BMP counts twice */
	name_is("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", NULL, 0, "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
	/* unique, ignoring case, umlauts included */
	const char *used[] = {"Übersicht", "Ziele", "Ziele (2)"};
	name_is("übersicht", used, 3, "übersicht (2)");
	name_is("ÜBERSICHT", used, 3, "ÜBERSICHT (2)");
	name_is("ZIELE", used, 3, "ZIELE (3)");
	const char *longer[] = {"UMWELTSENSORIK STARKREGENWARNUN"};
	name_is("Umweltsensorik Starkregenwarnung", longer, 1, "Umweltsensorik Starkregenwa (2)");
	/* many duplicates still give valid names */
	char names[40][128];
	const char *ptrs[40];
	for (int i = 0; i < 40; i++) {
		xlsx_sheet_name("Same name for every sheet, far too long", ptrs, (size_t)i,
				names[i]);
		ptrs[i] = names[i];
		CU_ASSERT_TRUE(valid_name(names[i]));
		for (int k = 0; k < i; k++)
			CU_ASSERT_STRING_NOT_EQUAL(names[i], names[k]);
	}
}

static char demo_path[512]; /* the file of the last demo() */

static struct store *demo(struct model *m, enum lang lang)
{
	struct store *s = NULL;
	snprintf(demo_path, sizeof demo_path, "%s", fresh("demo.stetig"));
	CU_ASSERT_EQUAL_FATAL(store_create(demo_path, lang, NULL, NULL, m, &s), ERR_OK);
	struct workshop w;
	workshop_copy(&w, &m->ws);
	str_set(&w.title, "Gewässer & Sensorik: Ampel \"grün\"");
	str_set(&w.municipality, "Musterstadt & Co. &P");
	str_set(&w.facilitator, "Jana Beispiel");
	str_set(&w.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(store_save_workshop(s, m, &w), ERR_OK);
	workshop_free(&w);
	for (int i = 0; i < 3; i++) {
		struct stakeholder sh;
		stakeholder_init(&sh);
		str_set(&sh.name, i ? "Kämmerei" : "=HYPERLINK(\"http://example.com\")");
		sh.influence = 1 + i * 2;
		sh.interest = 5 - i;
		CU_ASSERT_EQUAL(store_save_stakeholder(s, m, &sh), ERR_OK);
		stakeholder_free(&sh);
	}
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "_x0041_ stays text");
	CU_ASSERT_EQUAL(store_save_goal(s, m, &g), ERR_OK);
	struct indicator in;
	indicator_init(&in);
	in.goal = g.id;
	str_set(&in.name, "Temperatur");
	in.baseline = (struct optnum){3.5, true};
	in.target = (struct optnum){12.25, true};
	str_set(&in.target_date, "2028-02-29");
	CU_ASSERT_EQUAL(store_save_indicator(s, m, &in), ERR_OK);
	indicator_free(&in);
	goal_free(&g);
	return s;
}

static void test_export_fails_cleanly(void)
{
	struct model m;
	model_init(&m);
	struct store *s = demo(&m, LANG_EN);
	struct findings f;
	findings_compute(&m, &f);
	char err[512];
	CU_ASSERT_EQUAL(xlsx_export(&m, &f, "/dev/null/x.xlsx", LANG_EN, err, sizeof err),
			ERR_XLSX_WRITE);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "/dev/null/x.xlsx"));
	char path[600];
	snprintf(path, sizeof path, "%s/x.xlsx", fresh("missing"));
	CU_ASSERT_EQUAL(xlsx_export(&m, &f, path, LANG_EN, err, sizeof err), ERR_XLSX_WRITE);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "does not exist"));
	/* a folder in the way: the temporary file goes again */
	const char *dir = fresh("dir");
	CU_ASSERT_EQUAL(mkdir(dir, 0777), 0);
	snprintf(path, sizeof path, "%s/out.xlsx", dir);
	CU_ASSERT_EQUAL(mkdir(path, 0777), 0);
	CU_ASSERT_NOT_EQUAL(xlsx_export(&m, &f, path, LANG_EN, err, sizeof err), ERR_OK);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = out.xlsx", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
	findings_free(&f);
	store_close(s);
	model_free(&m);
}

static void test_export_ok(void)
{
	for (int lang = 0; lang < LANG_COUNT; lang++) {
		struct model m;
		model_init(&m);
		struct store *s = demo(&m, (enum lang)lang);
		struct findings f;
		findings_compute(&m, &f);
		const char *path = fresh("ok.xlsx");
		char err[512] = "";
		bool ok = xlsx_export(&m, &f, path, (enum lang)lang, err, sizeof err) == ERR_OK;
		if (!ok)
			fprintf(stderr, "\n  %s\n", err);
		CU_ASSERT_TRUE(ok);
		size_t len;
		char *d = test_slurp(path, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(d);
		CU_ASSERT_TRUE(len > 4 && !memcmp(d, "PK\3\4", 4));
		free(d);
		/* the session language is left as it was */
		CU_ASSERT_EQUAL(i18n_lang(), LANG_EN);
		/* an empty workshop makes a workbook too */
		struct model e;
		model_init(&e);
		CU_ASSERT_EQUAL(xlsx_export(&e, NULL, fresh("empty.xlsx"), (enum lang)lang, err,
					    sizeof err),
				ERR_OK);
		model_free(&e);
		findings_free(&f);
		store_close(s);
		model_free(&m);
	}
}

/* xlsx_export_release writes the same workbook as xlsx_export (every part
 * but the time stamps of docProps/core.xml) and empties the model and the
 * findings, on a workshop with cells of every role and more indicators than
 * the chart shows (the parts it lets go early). */
static void test_export_release_same(void)
{
	struct model m;
	model_init(&m);
	struct store *s = demo(&m, LANG_DE);
	int64_t goal = MODEL_AT(m.goals, struct goal, 0)->id;
	for (int i = 0; i < XL_CHART_INDICATORS_MAX + 5; i++) {
		struct indicator in;
		indicator_init(&in);
		in.goal = goal;
		char name[64];
		snprintf(name, sizeof name, "Kennzahl %d", i + 1);
		str_set(&in.name, name);
		in.baseline = (struct optnum){i, true};
		in.target = (struct optnum){2.0 * i + 1, true};
		in.latest = (struct optnum){1.5 * i, true};
		CU_ASSERT_EQUAL(store_save_indicator(s, &m, &in), ERR_OK);
		indicator_free(&in);
	}
	for (int t = 0; t < 6; t++) {
		struct task task;
		task_init(&task);
		str_set(&task.name, t % 2 ? "Betrieb übergeben" : "Sensoren warten");
		task.phase = t % 2 ? TPHASE_REGULAR : TPHASE_PILOT;
		task.category = t % 3;
		CU_ASSERT_EQUAL(store_save_task(s, &m, &task), ERR_OK);
		for (size_t k = 0; k < m.stakeholders.n; k++) {
			int64_t sh = MODEL_AT(m.stakeholders, struct stakeholder, k)->id;
			enum raci role = (enum raci)((t + (int)k) % RACI_COUNT);
			CU_ASSERT_EQUAL(store_set_raci(s, &m, task.id, sh, role), ERR_OK);
		}
		task_free(&task);
	}
	store_close(s);
	model_free(&m);

	const char *out[2] = {fresh("plain.xlsx"), fresh("release.xlsx")};
	char paths[2][512];
	for (int k = 0; k < 2; k++) {
		snprintf(paths[k], sizeof paths[k], "%s", out[k]);
		struct model a;
		model_init(&a);
		struct store *st = NULL;
		CU_ASSERT_EQUAL_FATAL(store_open(demo_path, STORE_READONLY, &a, &st), ERR_OK);
		store_close(st);
		CU_ASSERT_TRUE(a.raci_n > 0);
		CU_ASSERT_TRUE(a.indicators.n > XL_CHART_INDICATORS_MAX);
		struct findings f;
		findings_compute(&a, &f);
		char err[512] = "";
		if (k == 0) {
			CU_ASSERT_EQUAL(xlsx_export(&a, &f, paths[k], LANG_DE, err, sizeof err),
					ERR_OK);
		} else {
			CU_ASSERT_EQUAL(xlsx_export_release(&a, &f, paths[k], LANG_DE, err,
							    sizeof err),
					ERR_OK);
			CU_ASSERT_EQUAL(a.tasks.n, 0);
			CU_ASSERT_EQUAL(a.indicators.n, 0);
			CU_ASSERT_EQUAL(a.raci_n, 0);
			CU_ASSERT_EQUAL(f.n, 0);
		}
		findings_free(&f);
		model_free(&a);
	}
	const char *dir = fresh("unzipped");
	char cmd[2048];
	snprintf(cmd, sizeof cmd,
		 "mkdir -p '%s/a' '%s/b' && cd '%s/a' && unzip -q '%s' && cd ../b && unzip -q '%s' "
		 "&& cd .. && sed -i 's#<dcterms:[a-z]*[^<]*</dcterms:[a-z]*>##g' "
		 "a/docProps/core.xml b/docProps/core.xml && diff -r a b >&2 "
		 "&& grep -q '>A<' a/xl/sharedStrings.xml",
		 dir, dir, dir, paths[0], paths[1]);
	CU_ASSERT_EQUAL(system(cmd), 0);
}

/* Text goes to libxlsxwriter as it is when it needs no change, else as
 * xl_clean makes it. */
static void test_clean(void)
{
	const char *fine[] = {"", "Kämmerei", "a_b x_y", "€ 1,5 Mio. – „Sensoren“", "line\nbreak",
			      "\xF0\x9F\x98\x80 emoji"};
	for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
		char *copy;
		CU_ASSERT_PTR_EQUAL(xl_clean_ref(fine[i], TEXT_MAX_CHARS, &copy), fine[i]);
		CU_ASSERT_PTR_NULL(copy);
	}
	const char *rework[] = {"bad \xFF byte", "cut \xC3", "_x0041_ escaped", "x_x", "\xE2\x82",
				"overlong \xC0\xAF", "abcdefghij"};
	for (size_t i = 0; i < sizeof rework / sizeof *rework; i++) {
		char *copy;
		const char *t = xl_clean_ref(rework[i], 8, &copy);
		char *want = xl_clean(rework[i], 8);
		CU_ASSERT_PTR_NOT_NULL(copy);
		CU_ASSERT_PTR_EQUAL(t, copy);
		CU_ASSERT_STRING_EQUAL(t, want);
		CU_ASSERT_TRUE(utf8_valid(t, strlen(t), NULL));
		free(want);
		free(copy);
	}
	/* at the limit: 8 characters in more than 8 bytes stay whole */
	char *copy;
	const char *t = xl_clean_ref("äöüäöüäö", 8, &copy);
	CU_ASSERT_STRING_EQUAL(t, "äöüäöüäö");
	free(copy);
	t = xl_clean_ref("äöüäöüäöü", 8, &copy);
	CU_ASSERT_STRING_EQUAL(t, "äöüäöüäö");
	free(copy);
}

/* A sheet named in a formula or a link: quoted, an inner ' doubled. */
static void test_sheet_ref(void)
{
	static const char *const cases[][2] = {
		{"Kosten je Jahr", "'Kosten je Jahr'"},
		{"Bob's", "'Bob''s'"},
		{"''", "''''''"},
		{"Übersicht", "'Übersicht'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "=");
		xl_sheet_ref(&b, cases[i][0]);
		CU_ASSERT_STRING_EQUAL(b.data + 1, cases[i][1]);
		buf_free(&b);
	}
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite x = CU_add_suite("xlsx", NULL, NULL);
	ADD_TEST(x, test_sheet_names);
	ADD_TEST(x, test_sheet_ref);
	ADD_TEST(x, test_clean);
	ADD_TEST(x, test_export_fails_cleanly);
	ADD_TEST(x, test_export_ok);
	ADD_TEST(x, test_export_release_same);
	return test_run();
}
