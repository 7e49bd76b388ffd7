/* test_csv.c — the CSV bundle: the writer (quoting, BOM, CRLF, delimiters,
 * decimal commas, formula neutralisation), the reader (both languages, both
 * delimiters, BOM or not), every refusal of the importer with its file,
 * line and column, the merge rules, all-or-nothing, the templates, and
 * round trips. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_io.h"
#include "csv_table.h"
#include "figures.h"
#include "findings.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "templates.h"
#include "testutil.h"
#include "util.h"

static int counter;

static const char *fresh(const char *stem)
{
	static char b[4][512];
	static int k;
	char *p = b[k++ % 4];
	snprintf(p, 512, "%s/%s-%d", test_dir(), stem, ++counter);
	return p;
}

static const char *fresh_dir(void)
{
	const char *d = fresh("bundle");
	CU_ASSERT_EQUAL(mkdir(d, 0777), 0);
	return d;
}

static struct store *create(const char *path, struct model *m, enum lang lang)
{
	struct store *s = NULL;
	CU_ASSERT_EQUAL_FATAL(store_create(path, lang, NULL, NULL, m, &s), ERR_OK);
	return s;
}

static void put(const char *dir, const char *name, const char *content)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	test_write(path, content, strlen(content));
}

static char *slurp_in(const char *dir, const char *name, size_t *len)
{
	char path[600];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return test_slurp(path, len);
}

static bool import_dir(struct store *s, struct model *m, const char *dir,
		       struct bundle_error *err)
{
	struct bundle_src src;
	bundle_src_dir(&src, dir);
	bool ok = bundle_import(s, m, &src, err);
	bundle_src_free(&src);
	return ok;
}

/* ------------------------------------------------------------ a valid bundle */

static const char *const base_files[][2] = {
	{"workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,"
			 "language\nSensor network,Musterstadt,Environment,2027-06-30,pilot,Jana,"
			 "\"A, B\",en\n"},
	{"strategy_goals.csv", "id,title\n1,Climate adaptation\n"},
	{"goals.csv", "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,"
		      "status\n1,Warn residents,Warn before rain,8 districts,Sensors exist,Strategy,"
		      "2027-09-30,1,agreed\n"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,Districts "
			   "covered,districts,higher,0,2024-03-31,8,2027-09-30,5,2026-09-30,Config,"
			   "count,yearly,2\n"},
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,Mayor,City,politics,5,3,"
			     "supportive,no,no,,,\n2,Environment department,City,administration,"
			     "4,5,supportive,yes,no,Msg,Working group,monthly\n"},
	{"tasks.csv", "id,name,category,phase\n1,Operate sensors,operation,regular\n2,Maintain "
		      "sensors,maintenance,regular\n"},
	{"raci.csv", "task,1,2\n1,A,R\n2,,A\n"},
	{"costs.csv", "id,name,kind,amount,start_year,end_year\n1,Hosting,yearly,14000.5,2026,\n"
		      "2,Sensors,oneoff,165000,2024,2024\n"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,60\n1,2,40\n"},
	{"check.csv", "factor,field,item,status,note\n1,values,1,done,Reported\n"},
	{"notes.csv", "kind,text,owner,due\ndecision,Drainage takes over,,\naction,Clarify "
		      "shares,2,2026-12-15\n"},
};

static const char *base_bundle(void)
{
	const char *dir = fresh_dir();
	for (size_t i = 0; i < sizeof base_files / sizeof *base_files; i++)
		put(dir, base_files[i][0], base_files[i][1]);
	return dir;
}

static const struct stakeholder *sh_named(const struct model *m, const char *name)
{
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
		if (!strcmp(s->name, name))
			return s;
	}
	return NULL;
}

/* ------------------------------------------------------------ writer */

static void test_neutralise(void)
{
	static const char *const yes[] = {"=1+1", "+49 30", "-20", "@user", "\tx", "\rx",
					  "\nx", "'=x", "''+x", "=HYPERLINK(\"x\")"};
	static const char *const no[] = {"", "x=1", "'", "'plain", "''", "1-2", " =x", "ä=",
					 "#x"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		CU_ASSERT_TRUE(csv_needs_neutralising(yes[i]));
		char *n = csv_neutralise(yes[i]);
		CU_ASSERT_EQUAL(n[0], '\'');
		CU_ASSERT_STRING_EQUAL(n + 1, yes[i]);
		CU_ASSERT_STRING_EQUAL(csv_unneutralise(n), yes[i]);
		free(n);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		CU_ASSERT_FALSE(csv_needs_neutralising(no[i]));
		char *n = csv_neutralise(no[i]);
		CU_ASSERT_STRING_EQUAL(n, no[i]);
		CU_ASSERT_STRING_EQUAL(csv_unneutralise(n), no[i]);
		free(n);
	}
	/* a cell neutralised by hand: one quote is taken away */
	CU_ASSERT_STRING_EQUAL(csv_unneutralise("'=SUM(A1)"), "=SUM(A1)");
	CU_ASSERT_STRING_EQUAL(csv_unneutralise("'''-x"), "''-x");
}

/* A small workshop with awkward text. */
static void fill_awkward(struct store *s, struct model *m)
{
	struct workshop w;
	workshop_copy(&w, &m->ws);
	str_set(&w.title, "Sensorik \"Gewässer\"; Teil 1\nmit Zeilenumbruch");
	str_set(&w.municipality, "=HYPERLINK(\"x\")");
	str_set(&w.funding_end, "2027-06-30");
	w.funding_rate = (struct optnum){72.5, true};
	CU_ASSERT_EQUAL(store_save_workshop(s, m, &w), ERR_OK);
	workshop_free(&w);
	struct stakeholder sh;
	stakeholder_init(&sh);
	str_set(&sh.name, "-Kämmerei, Haushalt");
	CU_ASSERT_EQUAL(store_save_stakeholder(s, m, &sh), ERR_OK);
	stakeholder_free(&sh);
	struct goal g;
	goal_init(&g);
	str_set(&g.title, "@Ziel");
	CU_ASSERT_EQUAL(store_save_goal(s, m, &g), ERR_OK);
	struct indicator in;
	indicator_init(&in);
	in.goal = g.id;
	str_set(&in.name, "Temperatur");
	in.baseline = (struct optnum){-20, true};
	in.target = (struct optnum){12.5, true};
	CU_ASSERT_EQUAL(store_save_indicator(s, m, &in), ERR_OK);
	indicator_free(&in);
	goal_free(&g);
}

static void test_export_format(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("fmt.stetig"), &m, LANG_EN);
	fill_awkward(s, &m);
	struct bundle_error err;
	const char *en = fresh("out-en"), *de = fresh("out-de");
	CU_ASSERT_TRUE(bundle_export(&m, NULL, en, LANG_EN, ',', &err));
	CU_ASSERT_TRUE(bundle_export(&m, NULL, de, LANG_DE, ';', &err));
	size_t len;
	char *d = slurp_in(en, "workshop.csv", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	/* the workshop's identity last: 16 hex digits made with the file */
	CU_ASSERT_EQUAL(strlen(m.ws.uid), 16);
	CU_ASSERT_EQUAL(strspn(m.ws.uid, "0123456789abcdef"), 16);
	char want_en[800], want_de[800];
	snprintf(want_en, sizeof want_en,
		 "\xEF\xBB\xBF\"title\",\"municipality\",\"field\",\"funding_end\",\"phase\","
		 "\"facilitator\",\"participants\",\"language\",\"funding_rate\",\"first_budget_year\","
		 "\"operator_model\",\"operator\",\"agreement\",\"agreement_date\",\"agreement_ref\","
		 "\"operator_note\",\"workshop_id\",\"document_status\",\"council_request\",\"office\","
		 "\"voters\",\"dots_per_person\",\"start_time\",\"timebox_bell\"\r\n"
		 "\"Sensorik \"\"Gewässer\"\"; Teil 1\nmit Zeilenumbruch\",\"'=HYPERLINK(\"\"x\"\")\","
		 "\"\",\"2027-06-30\",\"pilot\",\"\",\"\",\"en\",\"72.5\",\"\",\"open\",\"\",\"none\",\"\",\"\","
		 "\"\",\"%s\",\"draft\",\"\",\"\",\"\",\"\",\"\",\"yes\"\r\n",
		 m.ws.uid);
	CU_ASSERT_EQUAL(len, strlen(want_en));
	CU_ASSERT_STRING_EQUAL(d, want_en);
	free(d);
	d = slurp_in(de, "workshop.csv", &len);
	snprintf(want_de, sizeof want_de,
		 "\xEF\xBB\xBF\"titel\";\"kommune\";\"handlungsfeld\";\"förderende\";\"phase\";"
		 "\"moderation\";\"teilnehmende\";\"sprache\";\"förderquote\";\"erstes_haushaltsjahr\";"
		 "\"betreibermodell\";\"betreiber\";\"vereinbarung\";\"vereinbarungsdatum\";"
		 "\"vereinbarung_fundstelle\";\"betreiber_notiz\";\"workshop_id\";\"dokumentstatus\";"
		 "\"beschlussvorschlag\";\"federführendes_amt\";\"abstimmende\";\"punkte_pro_person\";"
		 "\"beginn\";\"zeitsignal\"\r\n"
		 "\"Sensorik \"\"Gewässer\"\"; Teil 1\nmit Zeilenumbruch\";\"'=HYPERLINK(\"\"x\"\")\";"
		 "\"\";\"2027-06-30\";\"pilot\";\"\";\"\";\"en\";\"72,5\";\"\";\"offen\";\"\";\"keine\";\"\";"
		 "\"\";\"\";\"%s\";\"entwurf\";\"\";\"\";\"\";\"\";\"\";\"ja\"\r\n",
		 m.ws.uid);
	CU_ASSERT_STRING_EQUAL(d, want_de);
	free(d);
	/* numbers stay numbers; the decimal comma in German */
	d = slurp_in(en, "indicators.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(d, "\"Temperatur\",\"\",\"higher\",\"-20\",\"\",\"12.5\","));
	free(d);
	d = slurp_in(de, "indicators.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(d, "\"Temperatur\";\"\";\"höher\";\"-20\";\"\";\"12,5\";"));
	free(d);
	d = slurp_in(de, "stakeholders.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(d, "\"1\";\"'-Kämmerei, Haushalt\";"));
	CU_ASSERT_PTR_NOT_NULL(strstr(d, "\"verwaltung\";\"3\";\"3\";\"neutral\";\"nein\";\"nein\""));
	free(d);
	d = slurp_in(en, "goals.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(d, "\"1\",\"'@Ziel\","));
	free(d);
	/* the other delimiter on request; findings.csv with only its header */
	const char *semi = fresh("out-semi");
	CU_ASSERT_TRUE(bundle_export(&m, NULL, semi, LANG_EN, ';', &err));
	d = slurp_in(semi, "findings.csv", &len);
	CU_ASSERT_STRING_EQUAL(d, "\xEF\xBB\xBF\"severity\";\"step\";\"item\";\"message\"\r\n");
	free(d);
	/* every file of the list is there, and nothing else */
	for (size_t i = 0; bundle_files[i]; i++) {
		d = slurp_in(semi, bundle_files[i], &len);
		CU_ASSERT_PTR_NOT_NULL(d);
		free(d);
	}
	char cmd[700];
	snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 15", semi);
	CU_ASSERT_EQUAL(system(cmd), 0);
	store_close(s);
	model_free(&m);
}

/* The reader gets back what the writer wrote, cell for cell. */
static void test_reader_quoting(void)
{
	static const char *const cells[] = {"plain", "a;b", "a,b", "say \"hi\"", "two\nlines",
					    "cr\r\nlf", "", " spaced ", "ä ö ü ß €", "\"\""};
	const char delims[2] = {',', ';'};
	for (int d = 0; d < 2; d++) {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "\xEF\xBB\xBF");
		/* via the exporter's rules: every cell quoted, quotes doubled */
		for (int row = 0; row < 2; row++) {
			for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
				if (i)
					buf_addc(&b, delims[d]);
				buf_addc(&b, '"');
				for (const char *p = cells[i]; *p; p++) {
					if (*p == '"')
						buf_addc(&b, '"');
					buf_addc(&b, *p);
				}
				buf_addc(&b, '"');
			}
			buf_adds(&b, "\r\n");
		}
		struct csv_table t;
		struct csv_error e;
		CU_ASSERT_TRUE_FATAL(csv_table_parse(b.data, b.len, 0, &t, &e));
		CU_ASSERT_TRUE(t.had_bom);
		CU_ASSERT_EQUAL(t.delim, delims[d]);
		CU_ASSERT_EQUAL_FATAL(t.n, 2);
		for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
			CU_ASSERT_STRING_EQUAL(t.rows[1].cells[i], cells[i]);
		CU_ASSERT_EQUAL(t.rows[1].line, 4); /* two embedded line breaks before */
		csv_table_free(&t);
		buf_free(&b);
	}
}

static void test_export_unwritable(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("unw.stetig"), &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_FALSE(bundle_export(&m, NULL, "/dev/null/bundle", LANG_EN, ',', &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "/dev/null/bundle"));
	const char *missing = fresh("no-such-parent");
	char deep[600];
	snprintf(deep, sizeof deep, "%s/bundle", missing);
	CU_ASSERT_FALSE(bundle_export(&m, NULL, deep, LANG_EN, ',', &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "does not exist"));
	CU_ASSERT_NOT_EQUAL(access(missing, F_OK), 0);
	/* a folder in the way of one file: the bundle folder is not replaced,
	 * nothing is written and no temporary folder stays behind */
	const char *dir = fresh_dir();
	char blocker[600];
	snprintf(blocker, sizeof blocker, "%s/goals.csv", dir);
	CU_ASSERT_EQUAL(mkdir(blocker, 0777), 0);
	CU_ASSERT_FALSE(bundle_export(&m, NULL, dir, LANG_EN, ',', &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not part of a CSV bundle"));
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = goals.csv && test -d '%s' && "
		 "test -z \"$(ls -A '%s/..' | grep tmp-)\"", dir, blocker, dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
	/* a foreign file beside bundle files: refused, left as it was */
	CU_ASSERT_EQUAL(rmdir(blocker), 0);
	snprintf(blocker, sizeof blocker, "%s/notes.txt", dir);
	test_write(blocker, "mine", 4);
	CU_ASSERT_FALSE(bundle_export(&m, NULL, dir, LANG_EN, ',', &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "“notes.txt”, which is not part of a CSV bundle"));
	snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = notes.txt", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
	/* a file where the folder should be */
	const char *file = fresh("plain-file");
	test_write(file, "x", 1);
	CU_ASSERT_FALSE(bundle_export(&m, NULL, file, LANG_EN, ',', &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "not a folder"));
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ reader: accepted */

/* The funding rate, first budget year, share status and budget line
 * travel in the last columns; a bundle may stop before them (older), or
 * carry some; a rate outside 0-100 is refused. */
static void test_import_money(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("money.stetig"), &m, LANG_EN);
	struct bundle_error err;
	const char *dir = base_bundle();
	put(dir, "workshop.csv",
	    "titel;kommune;handlungsfeld;förderende;phase;moderation;teilnehmende;sprache;"
	    "förderquote;erstes_haushaltsjahr\nSensoren;Musterstadt;Umwelt;2027-06-30;pilot;;;de;"
	    "72,5;2029\n");
	put(dir, "cost_shares.csv",
	    "cost,stakeholder,percent,status,budget_line\n1,1,60,adopted,Produkt 5.61.01\n"
	    "1,2,30,asked,\n2,2,10,draft,\n");
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, dir, &err));
	CU_ASSERT_TRUE(m.ws.funding_rate.set);
	CU_ASSERT_DOUBLE_EQUAL(m.ws.funding_rate.v, 72.5, 1e-9);
	CU_ASSERT_EQUAL(m.ws.first_budget_year, 2029);
	CU_ASSERT_EQUAL_FATAL(m.shares.n, 3);
	int seen[SHARE_STATUS_COUNT] = {0};
	for (size_t i = 0; i < m.shares.n; i++) {
		const struct cost_share *x = MODEL_AT(m.shares, struct cost_share, i);
		seen[x->status]++;
		if (x->status == SHARE_ADOPTED)
			CU_ASSERT_STRING_EQUAL(x->budget_line, "Produkt 5.61.01");
	}
	CU_ASSERT_EQUAL(seen[SHARE_ADOPTED], 1);
	CU_ASSERT_EQUAL(seen[SHARE_ASKED], 1);
	CU_ASSERT_EQUAL(seen[SHARE_DRAFT], 1);
	/* only the rate (the year column left off): the year is kept */
	put(dir, "workshop.csv",
	    "title,municipality,field,funding_end,phase,facilitator,participants,language,"
	    "funding_rate\nSensors,Musterstadt,Environment,2027-06-30,pilot,,,en,80\n");
	CU_ASSERT_TRUE(import_dir(s, &m, dir, &err));
	CU_ASSERT_DOUBLE_EQUAL(m.ws.funding_rate.v, 80, 1e-9);
	CU_ASSERT_EQUAL(m.ws.first_budget_year, 2029);
	/* refused, nothing changed */
	unsigned long rev = m.revision;
	put(dir, "workshop.csv",
	    "title,municipality,field,funding_end,phase,facilitator,participants,language,"
	    "funding_rate,first_budget_year\nSensors,Musterstadt,Environment,2027-06-30,pilot,,,en,"
	    "120,\n");
	CU_ASSERT_FALSE(import_dir(s, &m, dir, &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "120"));
	CU_ASSERT_EQUAL(err.column, 9);
	CU_ASSERT_EQUAL(m.revision, rev);
	put(dir, "workshop.csv",
	    "title,municipality,field,funding_end,phase,facilitator,participants,language,"
	    "funding_rate,first_budget_year\nSensors,Musterstadt,Environment,2027-06-30,pilot,,,en,"
	    "80,\n");
	put(dir, "cost_shares.csv", "cost,stakeholder,percent,status\n1,1,60,maybe\n");
	CU_ASSERT_FALSE(import_dir(s, &m, dir, &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "promised"));
	store_close(s);
	model_free(&m);
}

static void test_import_base(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("base.stetig"), &m, LANG_EN);
	struct bundle_error err;
	struct bundle_src src;
	bundle_src_dir(&src, base_bundle());
	struct bundle_summary sum;
	int depth = store_undo_depth(s);
	CU_ASSERT_TRUE_FATAL(bundle_import_summary(s, &m, &src, NULL, &sum, &err));
	bundle_src_free(&src);
	CU_ASSERT_EQUAL(store_undo_depth(s), depth + 1); /* one undo step */
	CU_ASSERT_TRUE(sum.workshop);
	CU_ASSERT_EQUAL(sum.n[ENT_STAKEHOLDER][BUNDLE_ADDED], 2);
	CU_ASSERT_EQUAL(sum.raci[RACI_SET], 3);
	CU_ASSERT_EQUAL(sum.n[ENT_SHARE][BUNDLE_ADDED], 2);
	CU_ASSERT_EQUAL(sum.n[ENT_CHECK][BUNDLE_UPDATED], 1);
	CU_ASSERT_EQUAL(sum.n[ENT_NOTE][BUNDLE_ADDED], 2);
	char *text = bundle_summary_text(&sum);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "stakeholders.csv: 2 added\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "strategy_goals.csv: 1 added"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "check.csv: 1 updated"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "raci.csv: 3 roles set"));
	free(text);
	bundle_summary_free(&sum);
	CU_ASSERT_STRING_EQUAL(m.ws.title, "Sensor network");
	CU_ASSERT_STRING_EQUAL(m.ws.participants, "A, B");
	CU_ASSERT_EQUAL(m.ws.phase, PHASE_PILOT);
	CU_ASSERT_STRING_EQUAL(m.ws.funding_end, "2027-06-30");
	/* a bundle from before the funding rate and the share status: the
	 * new fields stay empty, shares count as promised */
	CU_ASSERT_FALSE(m.ws.funding_rate.set);
	CU_ASSERT_EQUAL(m.ws.first_budget_year, 0);
	CU_ASSERT_EQUAL(m.shares.n, 2);
	for (size_t i = 0; i < m.shares.n; i++) {
		CU_ASSERT_EQUAL(MODEL_AT(m.shares, struct cost_share, i)->status, SHARE_PROMISED);
		CU_ASSERT_STRING_EQUAL(MODEL_AT(m.shares, struct cost_share, i)->budget_line, "");
	}
	const struct cost *c = MODEL_AT(m.costs, struct cost, 0);
	CU_ASSERT_DOUBLE_EQUAL(c->amount, 14000.5, 1e-9);
	CU_ASSERT_EQUAL(c->start_year, 2026);
	CU_ASSERT_EQUAL(c->end_year, 0);
	const struct check_item *ci = model_check(&m, 1, FIELD_VALUES, 1);
	CU_ASSERT_EQUAL(ci->status, CHECK_DONE);
	CU_ASSERT_STRING_EQUAL(ci->note, "Reported");
	size_t checks = m.checks.n;
	/* a second import of the same bundle (it has no identity, so its rows
	 * are matched by name) doubles nothing and changes nothing */
	depth = store_undo_depth(s);
	CU_ASSERT_TRUE(import_dir(s, &m, base_bundle(), &err));
	CU_ASSERT_EQUAL(m.stakeholders.n, 2);
	CU_ASSERT_EQUAL(m.checks.n, checks);
	CU_ASSERT_EQUAL(m.indicators.n, 1);
	CU_ASSERT_EQUAL(m.tasks.n, 2);
	CU_ASSERT_EQUAL(m.costs.n, 2);
	CU_ASSERT_EQUAL(m.shares.n, 2);
	CU_ASSERT_EQUAL(m.notes.n, 2);
	CU_ASSERT_EQUAL(m.raci_n, 3);
	CU_ASSERT_EQUAL(store_undo_depth(s), depth); /* no step for no change */
	/* references point into the same import */
	const struct indicator *in2 = MODEL_AT(m.indicators, struct indicator, 0);
	const struct stakeholder *owner = model_stakeholder(&m, in2->owner);
	CU_ASSERT_PTR_NOT_NULL_FATAL(owner);
	CU_ASSERT_STRING_EQUAL(owner->name, "Environment department");
	CU_ASSERT_EQUAL(in2->goal, MODEL_AT(m.goals, struct goal, 0)->id);
	const struct task *t2 = MODEL_AT(m.tasks, struct task, 1);
	CU_ASSERT_EQUAL(model_raci_get(&m, t2->id, owner->id), RACI_A);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&m, MODEL_AT(m.costs, struct cost, 0)->id), 100,
			       1e-9);
	/* undo takes the whole import back */
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.stakeholders.n, 0);
	CU_ASSERT_EQUAL(m.indicators.n, 0);
	CU_ASSERT_EQUAL(m.checks.n, checks);
	store_close(s);
	model_free(&m);
}

/* Votes (dot voting, issue 18): a bundle without the votes columns (from
 * before format 4) imports with none; the columns carry the dots both ways;
 * a number out of range is refused; the store keeps them and undo takes a
 * vote back. */
static void test_votes(void)
{
	struct model m;
	model_init(&m);
	const char *path = fresh("votes.stetig");
	struct store *s = create(path, &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, base_bundle(), &err));
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->votes, 0);
	CU_ASSERT_EQUAL(model_votes_total(&m), 0);

	const char *dir = base_bundle();
	put(dir, "goals.csv",
	    "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,status,votes\n"
	    "1,Warn residents,,,,,,,agreed,3\n2,Second,,,,,,,draft,\n");
	put(dir, "tasks.csv", "id,name,category,phase,votes\n1,Operate sensors,operation,regular,2\n"
			      "2,Maintain sensors,maintenance,regular,\n");
	put(dir, "check.csv", "factor,field,item,status,note,votes\n1,values,1,done,Reported,5\n");
	model_free(&m);
	model_init(&m);
	store_close(s);
	s = create(fresh("votes2.stetig"), &m, LANG_EN);
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, dir, &err));
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->votes, 3);
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 1)->votes, 0);
	CU_ASSERT_EQUAL(MODEL_AT(m.tasks, struct task, 0)->votes, 2);
	CU_ASSERT_EQUAL(model_check(&m, 1, FIELD_VALUES, 1)->votes, 5);
	CU_ASSERT_EQUAL(model_votes_total(&m), 10);
	CU_ASSERT_EQUAL(model_votes(&m, ENT_GOAL, MODEL_AT(m.goals, struct goal, 0)->id), 3);
	CU_ASSERT_EQUAL(model_votes(&m, ENT_STAKEHOLDER, 1), 0);

	/* export: the column and its values, then read back the same */
	const char *out = fresh_dir();
	CU_ASSERT_TRUE_FATAL(bundle_export(&m, NULL, out, LANG_EN, ',', &err));
	size_t len;
	char *g = slurp_in(out, "goals.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(g, "\"status\",\"votes\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(g, "\"agreed\",\"3\""));
	free(g);
	char *c = slurp_in(out, "check.csv", &len);
	CU_ASSERT_PTR_NOT_NULL(strstr(c, "\"Reported\",\"5\""));
	free(c);

	/* a dot more is one undo step */
	struct goal gv;
	goal_copy(&gv, MODEL_AT(m.goals, struct goal, 0));
	gv.votes = 4;
	CU_ASSERT_EQUAL(store_save_goal(s, &m, &gv), ERR_OK);
	goal_free(&gv);
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->votes, 4);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->votes, 3);
	/* a finding's dots: by rule and item, one undo step each, 0 removes them */
	CU_ASSERT_EQUAL(store_set_finding_votes(s, &m, "goal.no_indicator", 7, 2, "Goal"), ERR_OK);
	CU_ASSERT_EQUAL(model_finding_votes(&m, "goal.no_indicator", 7), 2);
	CU_ASSERT_EQUAL(model_finding_votes(&m, "goal.no_indicator", 8), 0);
	CU_ASSERT_EQUAL(model_votes_total(&m), 12);
	CU_ASSERT_EQUAL(store_set_finding_votes(s, &m, "goal.no_indicator", 7, 1000, "Goal"),
			ERR_STORE_INVALID);
	CU_ASSERT_EQUAL(store_set_finding_votes(s, &m, "goal.no_indicator", 7, 0, "Goal"), ERR_OK);
	CU_ASSERT_EQUAL(m.nfvotes, 0);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(model_finding_votes(&m, "goal.no_indicator", 7), 2);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(m.nfvotes, 0);
	CU_ASSERT_EQUAL(store_redo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_EQUAL(model_finding_votes(&m, "goal.no_indicator", 7), 2);
	/* they survive closing and opening the file */
	char *p2 = xstrdup(store_path(s));
	store_close(s);
	model_free(&m);
	model_init(&m);
	CU_ASSERT_EQUAL_FATAL(store_open(p2, 0, &m, &s), ERR_OK);
	free(p2);
	CU_ASSERT_EQUAL(model_finding_votes(&m, "goal.no_indicator", 7), 2);
	CU_ASSERT_EQUAL(MODEL_AT(m.goals, struct goal, 0)->votes, 3);
	CU_ASSERT_EQUAL(store_set_finding_votes(s, &m, "goal.no_indicator", 7, 0, "Goal"), ERR_OK);
	/* out of range: refused, nothing written */
	put(dir, "goals.csv",
	    "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,status,votes\n"
	    "1,Warn residents,,,,,,,agreed,1000\n");
	CU_ASSERT_FALSE(import_dir(s, &m, dir, &err));
	CU_ASSERT_STRING_EQUAL(err.file, "goals.csv");
	CU_ASSERT_EQUAL(err.column, 10);
	CU_ASSERT_EQUAL(model_votes_total(&m), 10);
	store_close(s);
	model_free(&m);
}

static void test_import_german(void)
{
	const char *dir = fresh_dir();
	put(dir, "workshop.csv",
	    "\xEF\xBB\xBFtitel;kommune;handlungsfeld;förderende;phase;moderation;teilnehmende;"
	    "sprache\r\nSensorik;Musterstadt;Umwelt;;Übergang;Jana;\"Amt; Werk\";de\r\n");
	put(dir, "stakeholders.csv",
	    "id;name;organisation;gruppe;einfluss;interesse;haltung;schlüsselperson;befristet;"
	    "kernbotschaft;kanal;turnus\r\n7;Kämmerei;Stadt;verwaltung;4;5;kritisch;ja;;;;\r\n"
	    "9;Stadtwerke;GmbH;municipal_company;3;3;neutral;no;ja;;;\r\n");
	put(dir, "costs.csv",
	    "id;name;art;betrag;startjahr;endjahr\r\n1;Hosting;jährlich;14000,5;2026;\r\n"
	    "2;Lizenz;einmalig;;2026;2026\r\n");
	put(dir, "cost_shares.csv", "kosten;akteur;prozent\r\n1;7;33,5\r\n1;9;66,5\r\n");
	put(dir, "tasks.csv", "id;name;kategorie;phase\r\n3;Betrieb;betrieb;regelbetrieb\r\n");
	put(dir, "raci.csv", "aufgabe;9;7\r\n3;r;a\r\n");
	put(dir, "check.csv", "faktor;feld;punkt;status;notiz\r\n5;ressourcen;1;teilweise;\r\n");
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("de.stetig"), &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, dir, &err));
	CU_ASSERT_EQUAL(m.ws.lang, LANG_DE);
	CU_ASSERT_EQUAL(m.ws.phase, PHASE_TRANSITION);
	CU_ASSERT_STRING_EQUAL(m.ws.participants, "Amt; Werk");
	CU_ASSERT_STRING_EQUAL(m.ws.funding_end, "");
	const struct stakeholder *k = sh_named(&m, "Kämmerei");
	CU_ASSERT_PTR_NOT_NULL_FATAL(k);
	CU_ASSERT_EQUAL(k->attitude, ATT_CRITICAL);
	CU_ASSERT_TRUE(k->key_person);
	CU_ASSERT_FALSE(k->temporary); /* empty yes/no is no */
	const struct stakeholder *w = sh_named(&m, "Stadtwerke");
	CU_ASSERT_EQUAL(w->group, GROUP_MUNICIPAL_CO); /* English word in a German file */
	CU_ASSERT_TRUE(w->temporary);
	const struct cost *c = MODEL_AT(m.costs, struct cost, 0);
	CU_ASSERT_DOUBLE_EQUAL(c->amount, 14000.5, 1e-9);
	CU_ASSERT_EQUAL(MODEL_AT(m.costs, struct cost, 1)->amount, 0);
	CU_ASSERT_DOUBLE_EQUAL(figures_cost_shared(&m, c->id), 100, 1e-9);
	const struct task *t = MODEL_AT(m.tasks, struct task, 0);
	CU_ASSERT_EQUAL(t->phase, TPHASE_REGULAR);
	CU_ASSERT_EQUAL(model_raci_get(&m, t->id, w->id), RACI_R);
	CU_ASSERT_EQUAL(model_raci_get(&m, t->id, k->id), RACI_A);
	CU_ASSERT_EQUAL(model_check(&m, 5, FIELD_RESOURCES, 1)->status, CHECK_PARTLY);
	store_close(s);
	model_free(&m);
}

/* Hand-written files: LF or CR LF, no BOM, no final line break, trailing
 * empty cells, empty lines, comments, neutralised cells, embedded quotes
 * and line breaks. */
static void test_import_lenient(void)
{
	const char *dir = fresh_dir();
	put(dir, "stakeholders.csv",
	    "# written by hand\n"
	    "id,name,organisation,group,influence,interest,attitude,key_person,temporary,"
	    "message,channel,cadence,,\n"
	    "1,'=SUM(A1),\"City \"\"Hall\"\"\",politics,5,3,supportive,no,no,\"line one\nline "
	    "two\",,,,\n"
	    ",,,,,,,,,,,\n"
	    "2,''+x,,citizens, 2 , 4 ,NEUTRAL,YES,no,'plain,\"a,b\",\"\"");
	put(dir, "notes.csv", "");
	put(dir, "workshop.csv", "title,municipality,field,funding_end,phase,facilitator,"
				 "participants,language\r\n\" T \",M,F,\" 2027-06-30 \","
				 "\" Übergang \",,,\"de \"");
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("len.stetig"), &m, LANG_EN);
	struct bundle_error err;
	bool ok = import_dir(s, &m, dir, &err);
	if (!ok) {
		char *t = bundle_error_text(&err);
		fprintf(stderr, "%s\n", t);
		free(t);
	}
	CU_ASSERT_TRUE_FATAL(ok);
	CU_ASSERT_EQUAL_FATAL(m.stakeholders.n, 2);
	const struct stakeholder *a = MODEL_AT(m.stakeholders, struct stakeholder, 0);
	const struct stakeholder *b = MODEL_AT(m.stakeholders, struct stakeholder, 1);
	CU_ASSERT_STRING_EQUAL(a->name, "=SUM(A1)");
	CU_ASSERT_STRING_EQUAL(a->organisation, "City \"Hall\"");
	CU_ASSERT_STRING_EQUAL(a->message, "line one\nline two");
	CU_ASSERT_STRING_EQUAL(b->name, "'+x");
	CU_ASSERT_EQUAL(b->influence, 2);
	CU_ASSERT_EQUAL(b->interest, 4);
	CU_ASSERT_TRUE(b->key_person);
	CU_ASSERT_STRING_EQUAL(b->message, "'plain");
	CU_ASSERT_STRING_EQUAL(b->channel, "a,b");
	CU_ASSERT_STRING_EQUAL(m.ws.title, " T "); /* text keeps its spaces */
	CU_ASSERT_STRING_EQUAL(m.ws.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(m.ws.phase, PHASE_TRANSITION);
	CU_ASSERT_EQUAL(m.ws.lang, LANG_DE);
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ reader: refused */

struct refusal {
	const char *name;    /* file to replace in the base bundle */
	const char *content; /* its new content (NULL: see len) */
	const char *file;    /* where the error must point */
	size_t line, column;
	const char *needle; /* part of the message */
};

static const struct refusal refusals[] = {
	/* headers and column counts */
	{"stakeholders.csv", "id,nme,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n",
	 "stakeholders.csv", 1, 2, "headed 'nme'"},
	{"tasks.csv", "id,name,category\n1,x,operation\n", "tasks.csv", 1, 4,
	 "column 'phase' is missing"},
	{"tasks.csv", "id,name,category,phase,votes,extra\n", "tasks.csv", 1, 6, "not part of this file"},
	{"tasks.csv", "id,name,category,phase\n1,Operate,operation\n", "tasks.csv", 2, 4,
	 "has 3 cells"},
	{"tasks.csv", "id,name,category,phase\n1,Operate,operation,regular,zzz\n", "tasks.csv", 2,
	 5, "outside the columns"},
	{"tasks.csv", "id,name,kategorie,phase\n1,x,operation,sometimes\n", "tasks.csv", 2, 4,
	 "'sometimes' is not a valid choice; use one of: pilot, regelbetrieb"},
	{"tasks.csv", "id,name,category,phase\n1,x,,regular\n", "tasks.csv", 2, 3,
	 "a value is needed"},
	{"tasks.csv", "id,name,category,phase\nabc,x,operation,regular\n", "tasks.csv", 2, 1,
	 "not an id"},
	{"tasks.csv", "id,name,category,phase\n0,x,operation,regular\n", "tasks.csv", 2, 1,
	 "not an id"},
	/* numbers and dates */
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,x,u,higher,abc,"
			   ",,,,,,,,\n",
	 "indicators.csv", 2, 6, "'abc' is not a number"},
	{"indicators.csv", "id;ziel;name;einheit;richtung;ausgangswert;ausgangsdatum;zielwert;"
			   "zieldatum;aktueller_wert;aktuelles_datum;datenquelle;methode;"
			   "häufigkeit;verantwortlich\n1;1;x;u;höher;1.000;;;;;;;;;\n",
	 "indicators.csv", 2, 6, "ambiguous"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,x,u,higher,1,"
			   "2027-02-30,,,,,,,,\n",
	 "indicators.csv", 2, 7, "'2027-02-30' is not a valid date"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,x,u,higher,,,"
			   "1e16,,,,,,,\n",
	 "indicators.csv", 2, 8, "not a number"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,x,u,higher,,,"
			   "10000000000000000,,,,,,,\n",
	 "indicators.csv", 2, 8, "too large"},
	{"workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,"
			 "language\nT,M,F,31.02.2027,pilot,,,en\n",
	 "workshop.csv", 2, 4, "YYYY-MM-DD or DD.MM.YYYY"},
	{"workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,"
			 "language\nT,M,F,9/30/27,pilot,,,en\n",
	 "workshop.csv", 2, 4, "'9/30/27' is not a valid date"},
	{"goals.csv", "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,"
		      "status\n1,t,,,,,30.02.2027,,draft\n",
	 "goals.csv", 2, 7, "'30.02.2027' is not a valid date"},
	{"workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,language,funding_rate,"
			 "first_budget_year,operator_model,operator,agreement,agreement_date,agreement_ref,"
			 "operator_note,workshop_id,document_status,council_request,office,voters,dots_per_person,"
			 "start_time\n"
			 "T,M,F,,pilot,,,en,,,,,,,,,,,,,,,24:00\n",
	 "workshop.csv", 2, 23, "'24:00' is not a time of day; write it as HH:MM"},
	{"workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,"
			 "language\nT,M,F,,pilot,,,en\nT2,M,F,,pilot,,,en\n",
	 "workshop.csv", 3, 0, "exactly one line"},
	{"goals.csv", "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,"
		      "status\n1,t,,,,,2027-13-01,,draft\n",
	 "goals.csv", 2, 7, "not a valid date"},
	/* ranges */
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,a,,politics,6,3,neutral,no,no,,,"
			     "\n",
	 "stakeholders.csv", 2, 5, "from 1 to 5"},
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,a,,politics,3,3,neutral,no,no,,,"
			     "\n2,b,,politics,3,0,neutral,no,no,,,\n",
	 "stakeholders.csv", 3, 6, "from 1 to 5"},
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,a,,politics,x,3,neutral,no,no,,,"
			     "\n",
	 "stakeholders.csv", 2, 5, "'x' is not allowed"},
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,a,,politics,3,3,neutral,maybe,no,"
			     ",,\n",
	 "stakeholders.csv", 2, 8, "use one of: no, yes"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,0\n", "cost_shares.csv", 2, 3,
	 "not a share"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,100.5\n", "cost_shares.csv", 2, 3,
	 "not a share"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,-5\n", "cost_shares.csv", 2, 3,
	 "not a share"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,60\n1,2,50\n", "cost_shares.csv", 3, 3,
	 "add up to 110"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,30\n1,1,30\n", "cost_shares.csv", 3, 2,
	 "already has a share of cost 1 (line 2)"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,1,\n", "cost_shares.csv", 2, 3,
	 "a value is needed"},
	{"costs.csv", "id,name,kind,amount,start_year,end_year\n1,a,yearly,5,1899,\n", "costs.csv",
	 2, 5, "from 1900 to 9999"},
	{"costs.csv", "id,name,kind,amount,start_year,end_year\n1,a,yearly,5,2026,10000\n",
	 "costs.csv", 2, 6, "from 1900 to 9999"},
	{"costs.csv", "id,name,kind,amount,start_year,end_year\n1,a,yearly,5,2026,2025\n",
	 "costs.csv", 2, 6, "before the start year"},
	{"costs.csv", "id,name,kind,amount,start_year,end_year\n1,a,yearly,-5,2026,\n", "costs.csv",
	 2, 4, "negative"},
	{"check.csv", "factor,field,item,status,note\n7,values,1,done,\n", "check.csv", 2, 1,
	 "from 1 to 6"},
	{"check.csv", "factor,field,item,status,note\n1,values,9,done,\n", "check.csv", 2, 3,
	 "no item 9 in factor 1"},
	{"check.csv", "factor,field,item,status,note\n1,money,1,done,\n", "check.csv", 2, 2,
	 "not a valid choice"},
	{"check.csv", "factor,field,item,status,note\n1,values,1,done,\n1,werte,1,open,\n",
	 "check.csv", 3, 3, "listed twice (also on line 2)"},
	/* references between files */
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,9,x,u,higher,,,,,,"
			   ",,,,\n",
	 "indicators.csv", 2, 2, "goals.csv has no row with id 9"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,1,x,u,higher,,,,,,"
			   ",,,,9\n",
	 "indicators.csv", 2, 15, "stakeholders.csv has no row with id 9"},
	{"indicators.csv", "id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
			   "latest,latest_date,source,method,frequency,owner\n1,,x,u,higher,,,,,,"
			   ",,,,\n",
	 "indicators.csv", 2, 2, "a value is needed"},
	{"goals.csv", "id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,"
		      "status\n1,t,,,,,,5,draft\n",
	 "goals.csv", 2, 8, "strategy_goals.csv has no row with id 5"},
	{"raci.csv", "task,1,2\n1,A,R\n9,,A\n", "raci.csv", 3, 1, "tasks.csv has no row with id 9"},
	{"raci.csv", "task,1,9\n1,A,R\n", "raci.csv", 1, 3,
	 "stakeholders.csv has no row with id 9"},
	{"raci.csv", "task,1,2\n1,X,R\n", "raci.csv", 2, 2, "'X' is not a role"},
	{"raci.csv", "task,1,2\n1,AR,R\n", "raci.csv", 2, 2, "not a role"},
	{"raci.csv", "task,1,2\n1,A,R\n1,,A\n", "raci.csv", 3, 1, "the task has two rows"},
	{"raci.csv", "task,task_name,1\n,Operate sensors,A\n1,,R\n", "raci.csv", 3, 1,
	 "the task has two rows (also line 2)"},
	{"raci.csv", "task,task_name,1\n,Nothing,A\n", "raci.csv", 2, 1,
	 "tasks.csv has no task with this name"},
	{"raci.csv", "task,task_name,1\n,,A\n", "raci.csv", 2, 1, "its id or its name"},
	{"raci.csv", "task,1x,2\n1,A,R\n", "raci.csv", 1, 2, "should name a stakeholder"},
	{"raci.csv", "task,1,1\n1,A,R\n", "raci.csv", 1, 3, "has two columns"},
	{"raci.csv", "task,Nobody\n1,A\n", "raci.csv", 1, 2, "no stakeholder named 'Nobody'"},
	{"cost_shares.csv", "cost,stakeholder,percent\n9,1,10\n", "cost_shares.csv", 2, 1,
	 "costs.csv has no row with id 9"},
	{"cost_shares.csv", "cost,stakeholder,percent\n1,9,10\n", "cost_shares.csv", 2, 2,
	 "stakeholders.csv has no row with id 9"},
	{"notes.csv", "kind,text,owner,due\naction,x,9,\n", "notes.csv", 2, 3,
	 "stakeholders.csv has no row with id 9"},
	{"notes.csv", "kind,text,owner,due\nidea,x,,\n", "notes.csv", 2, 1, "not a valid choice"},
	{"stakeholders.csv", "id,name,organisation,group,influence,interest,attitude,key_person,"
			     "temporary,message,channel,cadence\n1,a,,politics,3,3,neutral,no,no,,,"
			     "\n2,b,,politics,3,3,neutral,no,no,,,\n2,c,,politics,3,3,neutral,no,no,"
			     ",,\n",
	 "stakeholders.csv", 4, 1, "the id 2 is used twice (also on line 3)"},
	/* bytes and quoting */
	{"tasks.csv", "id,name,category,phase\n1,M\xe4yor,operation,regular\n", "tasks.csv", 2, 2,
	 "not valid UTF-8"},
	{"tasks.csv", "id,name,category,phase\n1,\"open,operation,regular\n", "tasks.csv", 2, 2,
	 "not closed"},
	{"tasks.csv", "id,name,category,phase\n1,Ma\"yor,operation,regular\n", "tasks.csv", 2, 2,
	 "quote is misplaced"},
	{"tasks.csv", "\xff\xfei\0d\0", "tasks.csv", 1, 0, "UTF-16"},
};

/* Creates a workshop, closes it, imports dir, and expects err to be what r
 * says and the file to be byte-identical afterwards. */
static void expect_refusal(const char *dir, const struct refusal *r, const char *what)
{
	const char *path = fresh("refused.stetig");
	struct model m;
	model_init(&m);
	struct store *s = create(path, &m, LANG_EN);
	store_close(s);
	const char *copy = fresh("refused.copy");
	test_copy(path, copy);
	CU_ASSERT_EQUAL_FATAL(store_open(path, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	struct bundle_error err;
	bool ok = import_dir(s, &m, dir, &err);
	CU_ASSERT_FALSE(ok);
	bool match = !ok && !strcmp(err.file, r->file) && err.line == r->line &&
		     err.column == r->column && strstr(err.msg, r->needle);
	if (!match) {
		char *t = ok ? xstrdup("(accepted)") : bundle_error_text(&err);
		fprintf(stderr, "\n  %s: want %s:%zu:%zu '%s', got %s:%zu:%zu: %s\n", what, r->file,
			r->line, r->column, r->needle, err.file, err.line, err.column, t);
		free(t);
	}
	CU_ASSERT_TRUE(match);
	CU_ASSERT_EQUAL(m.stakeholders.n, 0);
	CU_ASSERT_EQUAL(store_undo_depth(s), 0);
	store_close(s);
	model_free(&m);
	CU_ASSERT_TRUE(test_same_file(path, copy));
}

/* The session's start time: typed loosely in a bundle, stored as HH:MM;
 * the store refuses a text that is no time of day. */
static void test_start_time(void)
{
	const char *dir = base_bundle();
	put(dir, "workshop.csv", "title,municipality,field,funding_end,phase,facilitator,participants,language,funding_rate,"
			 "first_budget_year,operator_model,operator,agreement,agreement_date,agreement_ref,"
			 "operator_note,workshop_id,document_status,council_request,office,voters,dots_per_person,"
			 "start_time,timebox_bell\n"
			 "T,M,F,,pilot,,,en,,,,,,,,,,,,,,, 9:05 ,no\n");
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("time.stetig"), &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, dir, &err));
	CU_ASSERT_STRING_EQUAL(m.ws.start_time, "09:05");
	CU_ASSERT_FALSE(m.ws.bell);
	struct workshop w;
	workshop_copy(&w, &m.ws);
	str_set(&w.start_time, "9:61");
	CU_ASSERT_NOT_EQUAL(store_save_workshop(s, &m, &w), ERR_OK);
	CU_ASSERT_STRING_EQUAL(m.ws.start_time, "09:05");
	str_set(&w.start_time, "");
	CU_ASSERT_EQUAL(store_save_workshop(s, &m, &w), ERR_OK);
	CU_ASSERT_STRING_EQUAL(m.ws.start_time, "");
	workshop_free(&w);
	store_close(s);
	model_free(&m);
}

static void test_refusals(void)
{
	for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		const struct refusal *r = &refusals[i];
		const char *dir = base_bundle();
		if (r->file && !strcmp(r->needle, "UTF-16")) {
			char path[600];
			snprintf(path, sizeof path, "%s/%s", dir, r->name);
			test_write(path, r->content, 6);
		} else {
			put(dir, r->name, r->content);
		}
		char what[64];
		snprintf(what, sizeof what, "refusal %zu", i);
		expect_refusal(dir, r, what);
	}
}

/* Bytes that cannot be put in a string literal table. */
/* Lines end in LF, CRLF or a bare CR; each record knows where it starts. */
static void test_reader_lines(void)
{
	static const char *const inputs[] = {
		"a,b\nc,d\ne,f\n",
		"a,b\r\nc,d\r\ne,f\r\n",
		"a,b\rc,d\re,f\r",
	};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct csv_table t;
		struct csv_error err;
		CU_ASSERT_TRUE_FATAL(csv_table_parse(inputs[i], strlen(inputs[i]), 0, &t, &err));
		CU_ASSERT_EQUAL(t.n, 3);
		for (size_t r = 0; r < t.n && r < 3; r++)
			CU_ASSERT_EQUAL(t.rows[r].line, r + 1);
		csv_table_free(&t);
	}
	/* a stray quote on the third line of a CR-only file is reported there */
	static const char bad[] = "a,b\rc,d\re,f\"g\r";
	struct csv_table t;
	struct csv_error err;
	CU_ASSERT_FALSE(csv_table_parse(bad, sizeof bad - 1, 0, &t, &err));
	CU_ASSERT_EQUAL(err.line, 3);
}

static void test_refusals_bytes(void)
{
	const char *dir = base_bundle();
	static const char nul[] = "id,name,category,phase\n1,a\0b,operation,regular\n";
	char path[600];
	snprintf(path, sizeof path, "%s/tasks.csv", dir);
	test_write(path, nul, sizeof nul - 1);
	expect_refusal(dir, &(struct refusal){"tasks.csv", NULL, "tasks.csv", 2, 2, "NUL"}, "nul");

	/* control characters a terminal would obey: ESC, and the C1 CSI */
	static const char esc[] = "id,name,category,phase\n1,\"ok\",operation,regular\n"
				  "2,\"x\x1b[2Jy\",operation,regular\n";
	dir = base_bundle();
	snprintf(path, sizeof path, "%s/tasks.csv", dir);
	test_write(path, esc, sizeof esc - 1);
	expect_refusal(dir, &(struct refusal){"tasks.csv", NULL, "tasks.csv", 3, 2, "control character (code 27)"},
		       "esc");
	static const char csi[] = "id,name,category,phase\n1,\"a\xc2\x9b" "2J\",operation,regular\n";
	dir = base_bundle();
	snprintf(path, sizeof path, "%s/tasks.csv", dir);
	test_write(path, csi, sizeof csi - 1);
	expect_refusal(dir, &(struct refusal){"tasks.csv", NULL, "tasks.csv", 2, 2, "code 155"},
		       "csi");

	/* 32,767 characters are fine, one more is not */
	for (int extra = 0; extra < 2; extra++) {
		dir = base_bundle();
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "id,name,category,phase\n1,\"");
		for (int i = 0; i < TEXT_MAX_CHARS + extra; i++)
			buf_adds(&b, "ä");
		buf_adds(&b, "\",operation,regular\n");
		put(dir, "tasks.csv", b.data);
		put(dir, "raci.csv", "task,1,2\n1,A,R\n");
		buf_free(&b);
		if (extra) {
			expect_refusal(dir,
				       &(struct refusal){"tasks.csv", NULL, "tasks.csv", 2, 2,
							 "longer than 32767"},
				       "long");
		} else {
			struct model m;
			model_init(&m);
			struct store *s = create(fresh("long.stetig"), &m, LANG_EN);
			struct bundle_error err;
			CU_ASSERT_TRUE(import_dir(s, &m, dir, &err));
			store_close(s);
			model_free(&m);
		}
	}
	/* a neutralised cell may have 32,768 characters: the quote is not text */
	dir = base_bundle();
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "id,name,category,phase\n1,\"'=");
	for (int i = 1; i < TEXT_MAX_CHARS; i++)
		buf_adds(&b, "x");
	buf_adds(&b, "\",operation,regular\n");
	put(dir, "tasks.csv", b.data);
	put(dir, "raci.csv", "task,1,2\n1,A,R\n");
	buf_free(&b);
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("neut.stetig"), &m, LANG_EN);
	struct bundle_error err;
	bool ok = import_dir(s, &m, dir, &err);
	if (!ok) {
		char *t = bundle_error_text(&err);
		fprintf(stderr, "\n  %s\n", t);
		free(t);
	}
	CU_ASSERT_TRUE_FATAL(ok);
	CU_ASSERT_EQUAL(utf8_chars(MODEL_AT(m.tasks, struct task, 0)->name), TEXT_MAX_CHARS);
	store_close(s);
	model_free(&m);
}

static void test_refusal_folders(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("fold.stetig"), &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_FALSE(import_dir(s, &m, fresh("missing"), &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "is not a folder"));
	const char *empty = fresh_dir();
	put(empty, "README.txt", "x");
	CU_ASSERT_FALSE(import_dir(s, &m, empty, &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "none of the files"));
	/* error text: file, line, column (name): message */
	struct bundle_error e = {"tasks.csv", 4, 3, "category", ERR_BUNDLE_NOT_CHOICE, "bad"};
	char *t = bundle_error_text(&e);
	CU_ASSERT_STRING_EQUAL(t, "tasks.csv, line 4, column 3 (category): bad");
	free(t);
	store_close(s);
	model_free(&m);
}

/* A failure while writing rolls everything back; the file stays the same. */
static void test_all_or_nothing(void)
{
	const char *path = fresh("trigger.stetig");
	struct model m;
	model_init(&m);
	struct store *s = create(path, &m, LANG_EN);
	store_close(s);
	/* a file with a trigger stetig did not make is refused at open, so
	 * the failing trigger is added behind the open store's back */
	CU_ASSERT_EQUAL_FATAL(store_open(path, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	sqlite3 *db;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db,
				     "CREATE TRIGGER no_notes BEFORE INSERT ON note BEGIN "
				     "SELECT RAISE(ABORT, 'notes are switched off'); END;",
				     NULL, NULL, NULL),
			SQLITE_OK);
	sqlite3_close(db);
	struct bundle_error err;
	CU_ASSERT_FALSE(import_dir(s, &m, base_bundle(), &err));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "undone"));
	CU_ASSERT_EQUAL(m.stakeholders.n, 0);
	CU_ASSERT_EQUAL(m.goals.n, 0);
	CU_ASSERT_STRING_EQUAL(m.ws.title, "");
	CU_ASSERT_EQUAL(store_undo_depth(s), 0);
	store_close(s);
	model_free(&m);
	/* with the trigger added above the file is refused from now on */
	CU_ASSERT_EQUAL(store_open(path, STORE_EXCLUSIVE, &m, &s), ERR_STORE_UNSAFE);
	CU_ASSERT_EQUAL(store_open(path, STORE_READONLY, &m, &s), ERR_STORE_UNSAFE);
	/* without it, the data is what it was before the import */
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db, "DROP TRIGGER no_notes", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CU_ASSERT_EQUAL_FATAL(store_open(path, STORE_READONLY, &m, &s), ERR_OK);
	CU_ASSERT_EQUAL(m.stakeholders.n, 0);
	CU_ASSERT_EQUAL(m.notes.n, 0);
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ templates and round trips */

static size_t template_names(enum lang lang, char names[][64], size_t max)
{
	const struct embedded_file *f = templates_file(lang == LANG_DE ? "de/index.csv"
								       : "en/index.csv");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	struct csv_table t;
	struct csv_error e;
	CU_ASSERT_TRUE_FATAL(csv_table_parse(f->data, f->len, CSV_TABLE_COMMENTS, &t, &e));
	size_t n = 0;
	snprintf(names[n++], 64, "demo");
	for (size_t r = 1; r < t.n && n < max; r++)
		snprintf(names[n++], 64, "%s", t.rows[r].cells[0]);
	csv_table_free(&t);
	return n;
}

static bool same_bundles(const char *a, const char *b)
{
	bool same = true;
	for (size_t i = 0; bundle_files[i]; i++) {
		char pa[600], pb[600];
		snprintf(pa, sizeof pa, "%s/%s", a, bundle_files[i]);
		snprintf(pb, sizeof pb, "%s/%s", b, bundle_files[i]);
		if (!test_same_file(pa, pb)) {
			fprintf(stderr, "\n  %s differs (%s, %s)\n", bundle_files[i], a, b);
			same = false;
		}
	}
	return same;
}

/* export m → import into a new workshop → export: same bytes. */
static void round_trip(const struct model *m, enum lang lang, char delim)
{
	struct findings f;
	findings_compute(m, &f);
	const char *one = fresh("rt1");
	struct bundle_error err;
	CU_ASSERT_TRUE_FATAL(bundle_export(m, &f, one, lang, delim, &err));
	findings_free(&f);
	struct model m2;
	model_init(&m2);
	struct store *s2 = create(fresh("rt.stetig"), &m2, lang);
	bool ok = import_dir(s2, &m2, one, &err);
	if (!ok) {
		char *t = bundle_error_text(&err);
		fprintf(stderr, "\n  round trip import: %s\n", t);
		free(t);
	}
	CU_ASSERT_TRUE_FATAL(ok);
	findings_compute(&m2, &f);
	const char *two = fresh("rt2");
	CU_ASSERT_TRUE(bundle_export(&m2, &f, two, lang, delim, &err));
	findings_free(&f);
	CU_ASSERT_TRUE(same_bundles(one, two));
	store_close(s2);
	model_free(&m2);
}

static void test_templates(void)
{
	for (int lang = 0; lang < LANG_COUNT; lang++) {
		char names[32][64];
		size_t n = template_names((enum lang)lang, names, 32);
		CU_ASSERT_TRUE(n >= 7);
		for (size_t i = 0; i < n; i++) {
			char prefix[128];
			snprintf(prefix, sizeof prefix, "%s/%s/", lang == LANG_DE ? "de" : "en",
				 names[i]);
			struct model m;
			model_init(&m);
			struct store *s = create(fresh("tmpl.stetig"), &m, (enum lang)lang);
			struct bundle_src src;
			bundle_src_embedded(&src, prefix);
			struct bundle_error err;
			bool ok = bundle_import(s, &m, &src, &err);
			bundle_src_free(&src);
			if (!ok) {
				char *t = bundle_error_text(&err);
				fprintf(stderr, "\n  template %s: %s\n", prefix, t);
				free(t);
			}
			CU_ASSERT_TRUE(ok);
			CU_ASSERT_TRUE(m.stakeholders.n > 0);
			CU_ASSERT_TRUE(m.tasks.n > 0);
			CU_ASSERT_TRUE(*m.ws.title);
			if (ok && i < 2) {
				round_trip(&m, LANG_EN, ',');
				round_trip(&m, LANG_DE, ';');
			}
			store_close(s);
			model_free(&m);
		}
	}
}

/* Everything a spreadsheet or a careless writer could trip over. */
static void test_round_trip_hostile(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("hostile.stetig"), &m, LANG_DE);
	fill_awkward(s, &m);
	struct buf big;
	buf_init(&big);
	buf_addc(&big, '=');
	for (int i = 1; i < TEXT_MAX_CHARS; i++)
		buf_adds(&big, i % 100 ? "ß" : "\n");
	static const char *const texts[] = {
		"=HYPERLINK(\"http://example.com\",\"klick\")", "+1", "-1", "@SUM(1)", "\tTab",
		"\rCR", "'=quoted", "''-twice", "a;b,c\"d\"\r\ne", "  spaces  ", "Grüße ÄÖÜ €",
		"#hash", "",
	};
	struct strategy_goal sg = {0, NULL};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		sg.id = 0;
		sg.title = (char *)texts[i];
		CU_ASSERT_EQUAL(store_save_sgoal(s, &m, &sg), ERR_OK);
		struct stakeholder sh;
		stakeholder_init(&sh);
		str_set(&sh.name, texts[i]);
		str_set(&sh.message, texts[(i + 1) % (sizeof texts / sizeof *texts)]);
		sh.influence = 1 + (int)i % 5;
		sh.temporary = i % 2;
		CU_ASSERT_EQUAL(store_save_stakeholder(s, &m, &sh), ERR_OK);
		int64_t sid = sh.id;
		stakeholder_free(&sh);
		struct task t;
		task_init(&t);
		str_set(&t.name, texts[i]);
		t.category = (int)i % CAT_COUNT;
		CU_ASSERT_EQUAL(store_save_task(s, &m, &t), ERR_OK);
		CU_ASSERT_EQUAL(store_set_raci(s, &m, t.id, sid, (enum raci)(1 + i % 4)), ERR_OK);
		task_free(&t);
	}
	struct note nt;
	note_init(&nt);
	str_set(&nt.text, big.data);
	nt.owner = MODEL_AT(m.stakeholders, struct stakeholder, 2)->id;
	str_set(&nt.due, "2028-02-29");
	CU_ASSERT_EQUAL(store_save_note(s, &m, &nt), ERR_OK);
	note_free(&nt);
	buf_free(&big);
	struct cost c;
	cost_init(&c);
	str_set(&c.name, "-Betrieb");
	c.amount = 1234567.891;
	c.start_year = 2026;
	CU_ASSERT_EQUAL(store_save_cost(s, &m, &c), ERR_OK);
	for (int k = 0; k < 3; k++) {
		struct cost_share sh = {0, c.id, MODEL_AT(m.stakeholders, struct stakeholder, k)->id,
					100.0 / 3, k, (char *)"4711"};
		CU_ASSERT_EQUAL(store_save_share(s, &m, &sh), ERR_OK);
	}
	cost_free(&c);
	struct check_item ci;
	check_copy(&ci, model_check(&m, 2, FIELD_RESOURCES, 1));
	ci.status = CHECK_NA;
	str_set(&ci.note, "=1+1");
	CU_ASSERT_EQUAL(store_save_check(s, &m, &ci), ERR_OK);
	check_free(&ci);
	round_trip(&m, LANG_DE, ';');
	round_trip(&m, LANG_EN, ',');
	round_trip(&m, LANG_EN, ';');
	round_trip(&m, LANG_DE, ',');
	store_close(s);
	model_free(&m);
}

/* ------------------------------------------------------------ update (issue 16) */

/* A sep= first line names the delimiter; a tab-separated file is read as
 * one; lines are counted from the file's first line. */
static void test_reader_sep_tab(void)
{
	static const char sep[] = "sep=;\r\nid;title,x\r\n1;a,b\r\n";
	struct csv_table t;
	struct csv_error err;
	CU_ASSERT_TRUE_FATAL(csv_table_parse(sep, sizeof sep - 1, 0, &t, &err));
	CU_ASSERT_EQUAL(t.delim, ';');
	CU_ASSERT_EQUAL_FATAL(t.n, 2);
	CU_ASSERT_EQUAL(t.rows[0].line, 2);
	CU_ASSERT_EQUAL(t.rows[1].n, 2);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cells[1], "a,b");
	csv_table_free(&t);
	static const char sep_comma[] = "\xEF\xBB\xBFSEP=,\nid;x,title\n";
	CU_ASSERT_TRUE_FATAL(csv_table_parse(sep_comma, sizeof sep_comma - 1, 0, &t, &err));
	CU_ASSERT_EQUAL(t.delim, ',');
	CU_ASSERT_EQUAL(t.rows[0].n, 2);
	csv_table_free(&t);
	static const char tab[] = "id\tname\tnote\n1\t a; b, c \t\"x\ty\"\n";
	CU_ASSERT_TRUE_FATAL(csv_table_parse(tab, sizeof tab - 1, 0, &t, &err));
	CU_ASSERT_EQUAL(t.delim, '\t');
	CU_ASSERT_EQUAL_FATAL(t.n, 2);
	CU_ASSERT_EQUAL_FATAL(t.rows[1].n, 3);
	CU_ASSERT_STRING_EQUAL(t.rows[1].cells[1], "a; b, c");
	CU_ASSERT_STRING_EQUAL(t.rows[1].cells[2], "x\ty");
	csv_table_free(&t);
	/* "sep=" followed by more text is an ordinary first line */
	static const char not_sep[] = "sep=;x,y\n1,2\n";
	CU_ASSERT_TRUE_FATAL(csv_table_parse(not_sep, sizeof not_sep - 1, 0, &t, &err));
	CU_ASSERT_EQUAL(t.n, 2);
	csv_table_free(&t);
}

/* The base bundle re-saved by a German spreadsheet: no ids in the RACI
 * rows but names, "id: name" and name headers, labels for words,
 * DD.MM.YYYY dates, a sep= line, a tab-separated file. */
static const char *spreadsheet_bundle(void)
{
	const char *dir = base_bundle();
	put(dir, "workshop.csv",
	    "sep=;\r\ntitel;kommune;handlungsfeld;förderende;phase;moderation;teilnehmende;"
	    "sprache\r\nSensor network;Musterstadt;Environment;30.06.2027 00:00;Pilot;Jana;A, B;"
	    "Englisch\r\n");
	put(dir, "goals.csv",
	    "id\ttitle\tspecific\tmeasurable\tachievable\trelevant\ttime_bound\tstrategy_goal\t"
	    "status\n1\tWarn residents\tWarn before rain\t8 districts\tSensors exist\tStrategy\t"
	    "30.9.2027\t1\tAgreed\n");
	put(dir, "stakeholders.csv",
	    "id,name,organisation,group,influence,interest,attitude,key_person,temporary,"
	    "message,channel,cadence\n1,Mayor,City,Politik,5,3,SUPPORTIVE,No,no,,,\n"
	    "2,Environment department,City,Kommunales Unternehmen,4,5,unterstützend,Ja,no,Msg,"
	    "Working group,monthly\n");
	put(dir, "raci.csv",
	    "task;task_name;1: Mayor (old name);Environment department\n;Operate "
	    "sensors;a;r\n2\n");
	return dir;
}

static void test_import_spreadsheet(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("sheet.stetig"), &m, LANG_EN);
	struct bundle_error err;
	bool ok = import_dir(s, &m, spreadsheet_bundle(), &err);
	if (!ok) {
		char *t = bundle_error_text(&err);
		fprintf(stderr, "\n  %s\n", t);
		free(t);
	}
	CU_ASSERT_TRUE_FATAL(ok);
	CU_ASSERT_STRING_EQUAL(m.ws.funding_end, "2027-06-30");
	CU_ASSERT_EQUAL(m.ws.lang, LANG_EN);
	const struct goal *g = MODEL_AT(m.goals, struct goal, 0);
	CU_ASSERT_STRING_EQUAL(g->time_bound, "2027-09-30"); /* a date, not text */
	CU_ASSERT_EQUAL(g->status, GSTAT_AGREED);
	const struct stakeholder *mayor = sh_named(&m, "Mayor");
	const struct stakeholder *env = sh_named(&m, "Environment department");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mayor);
	CU_ASSERT_PTR_NOT_NULL_FATAL(env);
	CU_ASSERT_EQUAL(mayor->attitude, ATT_SUPPORTIVE);
	CU_ASSERT_EQUAL(env->group, GROUP_MUNICIPAL_CO);
	CU_ASSERT_TRUE(env->key_person);
	CU_ASSERT_EQUAL(m.raci_n, 2); /* the line "2" alone: a task without roles */
	const struct task *t1 = MODEL_AT(m.tasks, struct task, 0), *t2 = MODEL_AT(m.tasks, struct task, 1);
	CU_ASSERT_EQUAL(model_raci_get(&m, t1->id, mayor->id), RACI_A);
	CU_ASSERT_EQUAL(model_raci_get(&m, t1->id, env->id), RACI_R);
	CU_ASSERT_EQUAL(model_raci_get(&m, t2->id, env->id), RACI_NONE);
	store_close(s);
	model_free(&m);
}

/* Export, edit, import into the same workshop: updated by id, nothing
 * doubled; a dry run writes nothing and says what the import then does. */
static void test_import_update(void)
{
	struct model m;
	model_init(&m);
	const char *path = fresh("update.stetig");
	struct store *s = create(path, &m, LANG_EN);
	struct bundle_error err;
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, base_bundle(), &err));
	char dir[512];
	snprintf(dir, sizeof dir, "%s", fresh("update-bundle"));
	CU_ASSERT_TRUE_FATAL(bundle_export(&m, NULL, dir, LANG_EN, ',', &err));
	/* unchanged: no step, no change */
	int depth = store_undo_depth(s);
	CU_ASSERT_TRUE(import_dir(s, &m, dir, &err));
	CU_ASSERT_EQUAL(store_undo_depth(s), depth);
	/* a renamed stakeholder (kept by its id), a new one without an id */
	char *sh = slurp_in(dir, "stakeholders.csv", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
	char *at = strstr(sh, "\"Mayor\"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	struct buf b;
	buf_init(&b);
	buf_add(&b, sh, (size_t)(at - sh));
	buf_adds(&b, "\"Lord Mayor\"");
	buf_adds(&b, at + strlen("\"Mayor\""));
	buf_adds(&b, ",Utility,,external,3,3,neutral,no,no,,,\r\n");
	put(dir, "stakeholders.csv", b.data);
	buf_free(&b);
	free(sh);
	size_t n_sh = m.stakeholders.n;
	int64_t mayor = sh_named(&m, "Mayor")->id;

	struct bundle_src src;
	bundle_src_dir(&src, dir);
	struct bundle_options dry = {true, false};
	struct bundle_summary sum, real;
	CU_ASSERT_TRUE_FATAL(bundle_import_summary(s, &m, &src, &dry, &sum, &err));
	CU_ASSERT_EQUAL(store_undo_depth(s), depth);
	CU_ASSERT_PTR_NOT_NULL(sh_named(&m, "Mayor")); /* nothing changed yet */
	CU_ASSERT_TRUE(sum.own);
	CU_ASSERT_TRUE(sum.changes);
	CU_ASSERT_EQUAL(sum.n[ENT_STAKEHOLDER][BUNDLE_UPDATED], 1);
	CU_ASSERT_EQUAL(sum.n[ENT_STAKEHOLDER][BUNDLE_ADDED], 1);
	CU_ASSERT_EQUAL(sum.n[ENT_TASK][BUNDLE_UNCHANGED], 2);
	char *dry_text = bundle_summary_text(&sum);
	CU_ASSERT_PTR_NOT_NULL(strstr(dry_text, "  updated: “Mayor” (name)\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(dry_text, "  added: “Utility”\n"));
	bundle_summary_free(&sum);

	CU_ASSERT_TRUE_FATAL(bundle_import_summary(s, &m, &src, NULL, &real, &err));
	char *real_text = bundle_summary_text(&real);
	CU_ASSERT_STRING_EQUAL(dry_text, real_text);
	free(dry_text);
	free(real_text);
	bundle_summary_free(&real);
	CU_ASSERT_EQUAL(store_undo_depth(s), depth + 1);
	CU_ASSERT_EQUAL(m.stakeholders.n, n_sh + 1);
	CU_ASSERT_PTR_NULL(sh_named(&m, "Mayor"));
	CU_ASSERT_EQUAL(sh_named(&m, "Lord Mayor")->id, mayor);
	CU_ASSERT_EQUAL(m.raci_n, 3);

	/* --replace: the content is the bundle's, in one step */
	struct bundle_options rep = {false, true};
	bundle_src_free(&src);
	bundle_src_dir(&src, base_bundle());
	CU_ASSERT_TRUE_FATAL(bundle_import_summary(s, &m, &src, &rep, &real, &err));
	bundle_summary_free(&real);
	CU_ASSERT_EQUAL(m.stakeholders.n, 2);
	CU_ASSERT_PTR_NOT_NULL(sh_named(&m, "Mayor"));
	CU_ASSERT_EQUAL(store_undo_depth(s), depth + 2);
	CU_ASSERT_EQUAL(store_undo(s, &m, NULL, NULL), ERR_OK);
	CU_ASSERT_PTR_NOT_NULL(sh_named(&m, "Lord Mayor"));
	CU_ASSERT_EQUAL(m.stakeholders.n, n_sh + 1);
	bundle_src_free(&src);
	store_close(s);
	model_free(&m);
}

/* Shares that grow and shrink in one import never pass 100 % on the way;
 * shares the workshop keeps count towards a cost's 100 %. */
static void test_import_shares(void)
{
	struct model m;
	model_init(&m);
	struct store *s = create(fresh("shares.stetig"), &m, LANG_EN);
	struct bundle_error err;
	const char *dir = base_bundle(); /* cost 1: 60 % + 40 % */
	CU_ASSERT_TRUE_FATAL(import_dir(s, &m, dir, &err));
	put(dir, "cost_shares.csv", "cost,stakeholder,percent\n1,1,80\n1,2,20\n");
	CU_ASSERT_TRUE(import_dir(s, &m, dir, &err));
	CU_ASSERT_DOUBLE_EQUAL(MODEL_AT(m.shares, struct cost_share, 0)->percent, 80, 1e-9);
	/* the bundle has no status and budget line columns (an older one):
	 * an update keeps the share's own */
	struct cost_share cs;
	share_copy(&cs, MODEL_AT(m.shares, struct cost_share, 0));
	cs.status = SHARE_ADOPTED;
	str_set(&cs.budget_line, "55.10.01");
	CU_ASSERT_EQUAL(store_save_share(s, &m, &cs), ERR_OK);
	share_free(&cs);
	put(dir, "cost_shares.csv", "cost,stakeholder,percent\n1,1,70\n1,2,20\n");
	CU_ASSERT_TRUE(import_dir(s, &m, dir, &err));
	const struct cost_share *kept = MODEL_AT(m.shares, struct cost_share, 0);
	CU_ASSERT_DOUBLE_EQUAL(kept->percent, 70, 1e-9);
	CU_ASSERT_EQUAL(kept->status, SHARE_ADOPTED);
	CU_ASSERT_STRING_EQUAL(kept->budget_line, "55.10.01");
	/* 90 % for the first partner, the second keeps its 20 % */
	put(dir, "cost_shares.csv", "cost,stakeholder,percent\n1,1,90\n");
	CU_ASSERT_FALSE(import_dir(s, &m, dir, &err));
	CU_ASSERT_STRING_EQUAL(err.file, "cost_shares.csv");
	CU_ASSERT_EQUAL(err.line, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "add up to 110"));
	CU_ASSERT_DOUBLE_EQUAL(MODEL_AT(m.shares, struct cost_share, 0)->percent, 70, 1e-9);
	store_close(s);
	model_free(&m);
}

/* A problem in a stakeholder column of raci.csv names the column by its
 * header, in the old format and in the new. */
static void test_raci_column_names(void)
{
	static const char *const raci[][2] = {
		{"task,1,2\n1,X,R\n", "1"},
		{"task,task_name,1: Mayor,2\n1,Operate sensors,X,R\n", "1: Mayor"},
	};
	for (size_t i = 0; i < 2; i++) {
		const char *dir = base_bundle();
		put(dir, "raci.csv", raci[i][0]);
		struct model m;
		model_init(&m);
		struct store *s = create(fresh("racicol.stetig"), &m, LANG_EN);
		struct bundle_error err;
		CU_ASSERT_FALSE(import_dir(s, &m, dir, &err));
		CU_ASSERT_STRING_EQUAL(err.file, "raci.csv");
		CU_ASSERT_STRING_EQUAL(err.column_name, raci[i][1]);
		CU_ASSERT_EQUAL(err.column, i + 2);
		store_close(s);
		model_free(&m);
	}
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite w = CU_add_suite("writer", NULL, NULL);
	ADD_TEST(w, test_neutralise);
	ADD_TEST(w, test_export_format);
	ADD_TEST(w, test_reader_quoting);
	ADD_TEST(w, test_export_unwritable);
	CU_pSuite r = CU_add_suite("reader", NULL, NULL);
	ADD_TEST(r, test_import_base);
	ADD_TEST(r, test_votes);
	ADD_TEST(r, test_import_money);
	ADD_TEST(r, test_import_german);
	ADD_TEST(r, test_import_lenient);
	ADD_TEST(r, test_reader_lines);
	ADD_TEST(r, test_reader_sep_tab);
	ADD_TEST(r, test_import_spreadsheet);
	ADD_TEST(r, test_import_update);
	ADD_TEST(r, test_import_shares);
	ADD_TEST(r, test_raci_column_names);
	ADD_TEST(r, test_start_time);
	CU_pSuite x = CU_add_suite("refusals", NULL, NULL);
	ADD_TEST(x, test_refusals);
	ADD_TEST(x, test_refusals_bytes);
	ADD_TEST(x, test_refusal_folders);
	ADD_TEST(x, test_all_or_nothing);
	CU_pSuite t = CU_add_suite("round trips", NULL, NULL);
	ADD_TEST(t, test_templates);
	ADD_TEST(t, test_round_trip_hostile);
	return test_run();
}
