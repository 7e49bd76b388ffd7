/* fuzz_store.c — fuzz target: opening a workshop file.
 *
 * The input is written to a file, which is then opened read-only (as
 * export and check do) and for editing (as the screen and import do).
 * Checked:
 *  - a read-only open never changes the file, whatever it holds;
 *  - a refused open says why and leaves the file byte-identical, without a
 *    journal;
 *  - an accepted file loads, its findings compute, and both exports run to
 *    an end (success or a clean error, no temporary file left); an edit and
 *    its undo either work or fail with a status.
 *
 * An input that starts with 'M' is not a file but a list of mutations of a
 * valid workshop, applied with a plain SQLite connection before the checks
 * above: schema objects added, stetig's own schema text altered, undo
 * steps and records of any shape planted (table names, operations, row
 * ids and values of every type), and values planted past the CHECK
 * constraints (the byte after 'M' says how many mutations follow). Then
 * the accepted file is undone and redone as the rest of the input says; every value the model holds stays in range, whatever the file
 * held. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_io.h"
#include "findings.h"
#include "fuzz_common.h"
#include "store.h"
#include "util.h"
#include "xlsx_export.h"

static void check_refusal(enum err st, const char *path, const uint8_t *data,
			  size_t size)
{
	char *msg = store_message(st, path, NULL);
	FUZZ_CHECK(msg && *msg, "a refused open (%d) has no message", (int)st);
	/* SQLite's detail quotes bytes of the damaged file: store_message
	 * must make them printable */
	FUZZ_CHECK(fuzz_text_ok(msg), "message not clean UTF-8 text: %s", msg);
	free(msg);
	FUZZ_CHECK(fuzz_file_is(path, data, size), "a refused open (%d) changed the file",
		   (int)st);
}

static void exports(const struct model *m)
{
	struct findings f;
	findings_compute(m, &f);
	const char *dir = fuzz_path("csv");
	fuzz_rmtree(dir);
	struct bundle_error err;
	if (!bundle_export(m, &f, dir, LANG_DE, ';', &err)) {
		char *text = bundle_error_text(&err);
		FUZZ_CHECK(*err.msg && utf8_valid(text, strlen(text), NULL), "export error: %s",
			   text);
		free(text);
		FUZZ_CHECK(!fuzz_exists(dir) || rmdir(dir) == 0,
			   "a failed CSV export left files behind");
	}
	const char *xdir = fuzz_path("x");
	fuzz_rmtree(xdir);
	FUZZ_CHECK(mkdir(xdir, 0700) == 0, "mkdir %s", xdir);
	char xerr[1024] = "";
	const char *xpath = fuzz_path("x/out.xlsx");
	if (xlsx_export(m, &f, xpath, LANG_EN, xerr, sizeof xerr) != ERR_OK) {
		FUZZ_CHECK(*xerr, "xlsx_export failed without a message");
		FUZZ_CHECK(rmdir(xdir) == 0, "a failed xlsx export left files behind");
	} else {
		FUZZ_CHECK(fuzz_count_files(xdir) == 1, "a temporary file is left beside the workbook");
	}
	findings_free(&f);
}

/* ------------------------------------------------------------ mutations */

struct reader {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct reader *r)
{
	if (!r->n)
		return 0;
	r->n--;
	return *r->p++;
}

/* A short string from the input (length byte, then bytes). */
static char *chunk(struct reader *r)
{
	size_t len = byte(r) % 48;
	if (len > r->n)
		len = r->n;
	char *t = xmalloc(len + 1);
	memcpy(t, r->p, len);
	t[len] = '\0';
	r->p += len;
	r->n -= len;
	return t;
}

static const char *const tables[] = {
	"workshop", "strategy_goal", "goal", "stakeholder", "indicator", "task", "raci",
	"cost", "cost_share", "check_item", "note", "agenda", "clock", "undo_step", "undo_log",
};
#define N_TABLES (sizeof tables / sizeof *tables)

/* Binds a value of the input's choosing: NULL, an integer near a limit,
 * a real, text, SQL-looking text, or a blob. */
static void bind_any(sqlite3_stmt *st, int i, struct reader *r)
{
	static const int64_t ints[] = {0, 1, -1, 3, 5, 6, 99, -3, INT64_MAX, INT64_MIN,
				       1900, 9999, 100000, 253402300800LL};
	static const char *const texts[] = {
		"fts3_tokenizer('simple', x'4141414141414141')", "R", "X", "pilot",
		"2026-02-30", "2026-02-28", "'); DROP TABLE goal; --", "\xff\xfe", "", "en",
	};
	switch (byte(r) % 6) {
	case 0:
		sqlite3_bind_null(st, i);
		break;
	case 1:
		sqlite3_bind_int64(st, i, ints[byte(r) % (sizeof ints / sizeof *ints)]);
		break;
	case 2:
		sqlite3_bind_double(st, i, (double)(int8_t)byte(r) * 1e13 / 3.0);
		break;
	case 3:
		sqlite3_bind_text(st, i, texts[byte(r) % (sizeof texts / sizeof *texts)], -1,
				  SQLITE_STATIC);
		break;
	case 4: {
		char *t = chunk(r);
		sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
		free(t);
		break;
	}
	default: {
		char *t = chunk(r);
		sqlite3_bind_blob(st, i, t, (int)strlen(t), SQLITE_TRANSIENT);
		free(t);
	}
	}
}

static void run(sqlite3 *db, const char *sql)
{
	sqlite3_exec(db, sql, NULL, NULL, NULL); /* failures are part of the game */
}

/* Applies the mutations the input describes to the workshop at path. */
static void mutate(const char *path, struct reader *r)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return;
	}
	run(db, "PRAGMA ignore_check_constraints=ON; PRAGMA writable_schema=ON");
	int count = (int)(byte(r) % 12) + 1;
	for (int k = 0; k < count && r->n; k++) {
		char sql[512];
		char *a = NULL;
		switch (byte(r) % 6) {
		case 0: /* a schema object of the input's kind and name */
			a = chunk(r);
			for (char *c = a; *c; c++)
				if (!((*c >= 'a' && *c <= 'z') || *c == '_'))
					*c = 'x';
			switch (byte(r) % 5) {
			case 0: {
				const char *on = tables[byte(r) % 12];
				snprintf(sql, sizeof sql,
					 "CREATE TRIGGER t_%s AFTER UPDATE ON %s BEGIN DELETE FROM "
					 "goal; END",
					 a, on);
				break;
			}
			case 1:
				snprintf(sql, sizeof sql, "CREATE VIEW v_%s AS SELECT 1", a);
				break;
			case 2:
				snprintf(sql, sizeof sql, "CREATE TABLE t_%s(x)", a);
				break;
			case 3:
				snprintf(sql, sizeof sql, "CREATE INDEX i_%s ON goal(title)", a);
				break;
			default:
				snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE f_%s USING fts3(x)", a);
			}
			run(db, sql);
			break;
		case 1: { /* stetig's own schema text altered */
			a = chunk(r);
			char *b = chunk(r);
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db, "UPDATE sqlite_schema SET sql=replace(sql,?,?) "
						   "WHERE name=?",
					       -1, &st, NULL) == SQLITE_OK) {
				sqlite3_bind_text(st, 1, *a ? a : "CHECK", -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, tables[byte(r) % N_TABLES], -1,
						  SQLITE_STATIC);
				sqlite3_step(st);
			}
			sqlite3_finalize(st);
			free(b);
			break;
		}
		case 2: /* an undo or redo step */
			snprintf(sql, sizeof sql,
				 "INSERT INTO undo_step(kind,label,item) VALUES('%s','Edit goal','x')",
				 byte(r) % 2 ? "undo" : "redo");
			run(db, sql);
			break;
		case 3: { /* an undo record of any shape */
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(db, "INSERT INTO undo_log(step,tbl,op,rid,v0,v1,v2,v3,"
						   "v4,v5,v6,v7,v8,v9,v10,v11,v12,v13,v14) VALUES("
						   "(SELECT max(id) FROM undo_step),?,?,?,?,?,?,?,?,?,"
						   "?,?,?,?,?,?,?,?,?)",
					       -1, &st, NULL) == SQLITE_OK) {
				unsigned t = byte(r);
				if (t < 200) {
					sqlite3_bind_text(st, 1, tables[t % N_TABLES], -1,
							  SQLITE_STATIC);
				} else {
					a = chunk(r);
					sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
				}
				static const char *const ops[] = {"i", "u", "d", "s", "x"};
				sqlite3_bind_text(st, 2, ops[byte(r) % 5], -1, SQLITE_STATIC);
				sqlite3_bind_int64(st, 3, (int64_t)byte(r) - 8);
				for (int i = 4; i <= 18; i++) {
					if (byte(r) % 3 == 0)
						bind_any(st, i, r);
					else
						sqlite3_bind_int(st, i, (int)byte(r) % 4);
				}
				sqlite3_step(st);
			}
			sqlite3_finalize(st);
			break;
		}
		case 4: { /* a value planted past the CHECK constraints */
			static const char *const cols[] = {
				"influence", "interest", "role", "elapsed", "started", "minutes",
				"funding_end", "phase", "status", "amount", "percent", "title",
				"due", "factor", "start_year", "end_year", "owner", "goal",
			};
			const char *table = tables[byte(r) % 13];
			const char *col = cols[byte(r) % (sizeof cols / sizeof *cols)];
			snprintf(sql, sizeof sql, "UPDATE %s SET %s=?", table, col);
			sqlite3_stmt *st;
			if (getenv("FUZZ_VERBOSE"))
				fprintf(stderr, "  mutation: %s\n", sql);
			if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
				bind_any(st, 1, r);
				sqlite3_step(st);
			}
			sqlite3_finalize(st);
			break;
		}
		default: /* a new row somewhere */
			snprintf(sql, sizeof sql, "INSERT INTO %s DEFAULT VALUES",
				 tables[byte(r) % 13]);
			run(db, sql);
		}
		free(a);
	}
	sqlite3_close(db);
}

/* Every value the program relies on is in range in the model. */
static void check_ranges(const struct model *m)
{
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *e = MODEL_AT(m->stakeholders, struct stakeholder, i);
		FUZZ_CHECK(e->influence >= 1 && e->influence <= 5, "influence %d loaded",
			   e->influence);
		FUZZ_CHECK(e->interest >= 1 && e->interest <= 5, "interest %d loaded", e->interest);
	}
	for (int i = 0; i < STEP_COUNT; i++)
		FUZZ_CHECK(m->agenda[i] >= 0 && m->agenda[i] <= 999, "agenda %d loaded",
			   m->agenda[i]);
	for (size_t i = 0; i < m->costs.n; i++) {
		const struct cost *c = MODEL_AT(m->costs, struct cost, i);
		FUZZ_CHECK(c->amount >= 0 && c->amount <= 1e15, "amount %g loaded", c->amount);
	}
}

/* A valid workshop with a little of everything, built once. */
static char *base_bytes(size_t *len)
{
	static char *bytes;
	static size_t n;
	if (!bytes) {
		const char *path = fuzz_path("base.stetig");
		remove(path);
		struct model m;
		model_init(&m);
		struct store *s = NULL;
		FUZZ_CHECK(store_create(path, LANG_EN, NULL, NULL, &m, &s) == ERR_OK, "create");
		struct goal g;
		goal_init(&g);
		str_set(&g.title, "Ziel");
		store_save_goal(s, &m, &g);
		goal_free(&g);
		struct stakeholder h;
		stakeholder_init(&h);
		str_set(&h.name, "Amt");
		store_save_stakeholder(s, &m, &h);
		stakeholder_free(&h);
		store_close(s);
		model_free(&m);
		FILE *f = fopen(path, "rb");
		FUZZ_CHECK(f != NULL, "base");
		fseek(f, 0, SEEK_END);
		n = (size_t)ftell(f);
		rewind(f);
		bytes = xmalloc(n);
		FUZZ_CHECK(fread(bytes, 1, n, f) == n, "base read");
		fclose(f);
	}
	*len = n;
	return bytes;
}

/* The checks of one file (data[0..size) is what it holds); steps says how
 * to undo and redo after an accepted exclusive open. */
static void check_file(const char *path, const uint8_t *data, size_t size, struct reader *steps)
{
	const char *journal = fuzz_path("in.stetig-journal");
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum err st = store_open(path, STORE_READONLY, &m, &s);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "  read-only open: %d %s\n", (int)st, store_detail(NULL));
	if (st == ERR_OK) {
		check_ranges(&m);
		store_load(s, &m); /* may fail on a damaged file; must not crash */
		store_close(s);
		FUZZ_CHECK(fuzz_file_is(path, data, size), "a read-only open changed the file");
	} else {
		FUZZ_CHECK(s == NULL, "a refused open returned a store");
		check_refusal(st, path, data, size);
	}
	model_clear(&m);

	st = store_open(path, STORE_EXCLUSIVE, &m, &s);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "  exclusive open: %d %s\n", (int)st, store_detail(NULL));
	if (st != ERR_OK) {
		FUZZ_CHECK(s == NULL, "a refused open returned a store");
		check_refusal(st, path, data, size);
		FUZZ_CHECK(!fuzz_exists(journal), "a refused open left a journal");
		model_free(&m);
		return;
	}
	check_ranges(&m);
	if (store_load(s, &m) == ERR_OK) {
		exports(&m);
		int minutes = m.agenda[1] == 17 ? 18 : 17;
		if (store_set_agenda(s, &m, 1, minutes) == ERR_OK) {
			FUZZ_CHECK(m.agenda[1] == minutes, "a saved edit is not in the model");
			store_undo(s, &m, NULL, NULL);
		}
	}
	for (int k = 0; steps && k < 8 && steps->n; k++) {
		enum err u = byte(steps) % 2 ? store_undo(s, &m, NULL, NULL)
						      : store_redo(s, &m, NULL, NULL);
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "  undo/redo: %d %s\n", (int)u, store_detail(s));
		check_ranges(&m);
	}
	FUZZ_CHECK(store_integrity_ok(s), "undo and redo left the file damaged");
	store_close(s);
	model_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	const char *path = fuzz_path("in.stetig");
	const char *journal = fuzz_path("in.stetig-journal");
	remove(journal);
	if (size > 0 && data[0] == 'M') {
		size_t n;
		char *base = base_bytes(&n);
		fuzz_write(path, base, n);
		struct reader r = {data + 1, size - 1};
		mutate(path, &r);
		remove(journal);
		FILE *f = fopen(path, "rb");
		FUZZ_CHECK(f != NULL, "mutated file");
		fseek(f, 0, SEEK_END);
		size_t len = (size_t)ftell(f);
		rewind(f);
		uint8_t *bytes = xmalloc(len ? len : 1);
		FUZZ_CHECK(fread(bytes, 1, len, f) == len, "read mutated file");
		fclose(f);
		check_file(path, bytes, len, &r);
		free(bytes);
		return 0;
	}
	fuzz_write(path, data, size);
	check_file(path, data, size, NULL);
	return 0;
}
