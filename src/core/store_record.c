/* store_record.c — recording the changes of the data tables for undo:
 * each change becomes an entry of the newest undo step in undo_log (the
 * table, the operation, the row id and, for updates and deletes, the old
 * values in stetig's own column order). store_undo.c applies them. */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util.h"

#ifdef HAVE_SQLITE3_PREUPDATE_HOOK

/* SQLite's pre-update hook hands every row change to record_change, the
 * changes that foreign-key actions cascade to included, in the order they
 * happen. Nothing is parsed or created per session: starting to record
 * costs nothing, where TEMP triggers for the sixteen tables cost about
 * 19 M instructions on every session that could edit. */

struct undo_rec {
	int t;	       /* index in store_undo_tables */
	char op;       /* 'i', 'u', 'd' */
	int64_t rid;   /* the row id (after an insert, before an update or delete) */
	int n;	       /* values in v */
	uint32_t dflt; /* bit i: slot i holds the column's DEFAULT (v[i] NULL) */
	sqlite3_value *v[UNDO_SLOTS];
};

/* SQLite 3.40's sqlite3_preupdate_old gives NULL, not the column's
 * DEFAULT, for a column that a migration's ALTER TABLE ADD COLUMN added
 * after the row was last written (the row's record is shorter than the
 * table). It hands out its one static NULL for that case — the same one
 * sqlite3_column_value gives for a statement that has no row — while a
 * NULL stored in the row is a value of the row's own. That address tells
 * the two apart, and the DEFAULT (store_schema_ref_defaults, from the
 * build) takes its place. */
static const sqlite3_value *no_value;

static void find_no_value(struct store *s)
{
	if (no_value)
		return;
	sqlite3_stmt *st = store_prep(s, "SELECT NULL");
	if (st) {
		/* no step: the statement has no row */
		no_value = sqlite3_column_value(st, 0);
		sqlite3_reset(st);
	}
}

/* true when v is the DEFAULT d (compared as same_value does) */
static bool same_default(const struct store_default *d, sqlite3_value *v)
{
	int tv = sqlite3_value_type(v);
	switch (d->type) {
	case SQLITE_INTEGER:
		return (tv == SQLITE_INTEGER && sqlite3_value_int64(v) == d->i) ||
		       (tv == SQLITE_FLOAT && sqlite3_value_double(v) == (double)d->i);
	case SQLITE_FLOAT:
		return (tv == SQLITE_INTEGER || tv == SQLITE_FLOAT) &&
		       sqlite3_value_double(v) == d->r;
	case SQLITE_TEXT: {
		const unsigned char *t = sqlite3_value_text(v);
		return tv == SQLITE_TEXT && t && !strcmp((const char *)t, d->text);
	}
	default:
		return tv == SQLITE_NULL;
	}
}

/* true when a IS b in SQL: same storage class and value; numbers compare
 * by value (an integer and a real that are equal are the same). */
static bool same_value(sqlite3_value *a, sqlite3_value *b)
{
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	bool na = ta == SQLITE_INTEGER || ta == SQLITE_FLOAT;
	bool nb = tb == SQLITE_INTEGER || tb == SQLITE_FLOAT;
	if (na && nb) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
			return sqlite3_value_int64(a) == sqlite3_value_int64(b);
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	}
	if (ta != tb)
		return false;
	if (ta == SQLITE_NULL)
		return true;
	/* text and blobs: the bytes (a text's pointer first, then its length) */
	const void *pa = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a)
					   : sqlite3_value_blob(a);
	int la = sqlite3_value_bytes(a);
	const void *pb = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(b)
					   : sqlite3_value_blob(b);
	int lb = sqlite3_value_bytes(b);
	return la == lb && (la == 0 || (pa && pb && !memcmp(pa, pb, (size_t)la)));
}

static void free_rec(struct undo_rec *r)
{
	for (int i = 0; i < r->n; i++)
		sqlite3_value_free(r->v[i]); /* NULL for a DEFAULT: a no-op */
	r->n = 0;
}

/* The pre-update hook: runs inside SQLite's write, so it only copies
 * values; a change it cannot record fails the step at its flush. */
static void record_change(void *user, sqlite3 *db, int op, const char *zdb, const char *table,
			  sqlite3_int64 key1, sqlite3_int64 key2)
{
	struct store *s = user;
	if (!s->recording || !zdb || strcmp(zdb, "main"))
		return;
	int t = store_table_index(table);
	if (t < 0)
		return;
	struct undo_rec r = {.t = t, .rid = key1, .n = 0};
	if (op == SQLITE_INSERT) {
		r.op = 'i';
		r.rid = key2;
	} else {
		const struct store_columns *c = store_table_columns((size_t)t);
		if (!c || sqlite3_preupdate_count(db) != c->n) {
			s->rec_failed = true;
			return;
		}
		const struct store_default *dflt = store_schema_ref_defaults[t];
		sqlite3_value *old[UNDO_SLOTS];
		for (int i = 0; i < c->n; i++) {
			if (sqlite3_preupdate_old(db, i, &old[i]) != SQLITE_OK) {
				s->rec_failed = true;
				return;
			}
			if (old[i] == no_value)
				r.dflt |= (uint32_t)1 << i;
		}
		r.op = op == SQLITE_UPDATE ? 'u' : 'd';
		if (op == SQLITE_UPDATE) {
			/* an update that changes no column records nothing */
			bool changed = false;
			for (int i = 0; i < c->n && !changed; i++) {
				sqlite3_value *nv = NULL;
				if (sqlite3_preupdate_new(db, i, &nv) != SQLITE_OK) {
					s->rec_failed = true;
					return;
				}
				changed = r.dflt >> i & 1 ? !same_default(&dflt[i], nv)
							  : !same_value(old[i], nv);
			}
			if (!changed)
				return;
		}
		for (int i = 0; i < c->n; i++) {
			r.v[i] = r.dflt >> i & 1 ? NULL : sqlite3_value_dup(old[i]);
			r.n = i + 1;
			if (!r.v[i] && !(r.dflt >> i & 1)) {
				free_rec(&r);
				s->rec_failed = true;
				return;
			}
		}
	}
	xgrow((void **)&s->rec, &s->cap_rec, s->n_rec + 1, sizeof *s->rec);
	s->rec[s->n_rec++] = r;
}

enum err store_record_on(struct store *s)
{
	if (!s->recording) {
		find_no_value(s);
		sqlite3_preupdate_hook(s->db, record_change, s);
		s->recording = true;
	}
	return ERR_OK;
}

enum err store_record_off(struct store *s)
{
	enum err e = s->n_rec || s->rec_failed ? store_record_flush(s) : ERR_OK;
	sqlite3_preupdate_hook(s->db, NULL, NULL);
	s->recording = false;
	return e;
}

void store_record_discard(struct store *s)
{
	for (size_t i = 0; i < s->n_rec; i++)
		free_rec(&s->rec[i]);
	s->n_rec = 0;
	s->rec_failed = false;
	if (s->cap_rec > 64) {
		/* a large change does not keep its memory for the session */
		free(s->rec);
		s->rec = NULL;
		s->cap_rec = 0;
	}
}

/* INSERT INTO undo_log(step,tbl,op,rid,v0,…) under the newest step: the
 * rows the triggers below write for a libsqlite3 without the hook. */
static const char *flush_sql(void)
{
	static char *sql; /* built once; store_prep caches by pointer */
	if (!sql) {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "INSERT INTO undo_log(step,tbl,op,rid");
		for (int i = 0; i < UNDO_SLOTS; i++)
			buf_printf(&b, ",v%d", i);
		buf_adds(&b, ") VALUES((SELECT max(id) FROM undo_step),?,?,?");
		for (int i = 0; i < UNDO_SLOTS; i++)
			buf_adds(&b, ",?");
		buf_adds(&b, ")");
		sql = buf_steal(&b);
	}
	return sql;
}

enum err store_record_flush(struct store *s)
{
	enum err e = ERR_OK;
	if (s->rec_failed) {
		snprintf(s->detail, sizeof s->detail, "%s", "a change could not be recorded for undo");
		e = ERR_STORE_IO;
	}
	for (size_t k = 0; k < s->n_rec && e == ERR_OK; k++) {
		struct undo_rec *r = &s->rec[k];
		sqlite3_stmt *st = store_prep(s, flush_sql());
		if (!st) {
			e = store_fail(s, 0);
			break;
		}
		char op[2] = {r->op, '\0'};
		sqlite3_bind_text(st, 1, store_undo_tables[r->t], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, op, 1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, r->rid);
		const struct store_default *dflt = store_schema_ref_defaults[r->t];
		for (int i = 0; i < r->n; i++) {
			if (!(r->dflt >> i & 1))
				sqlite3_bind_value(st, 4 + i, r->v[i]);
			else if (dflt[i].type == SQLITE_INTEGER)
				sqlite3_bind_int64(st, 4 + i, dflt[i].i);
			else if (dflt[i].type == SQLITE_FLOAT)
				sqlite3_bind_double(st, 4 + i, dflt[i].r);
			else if (dflt[i].type == SQLITE_TEXT)
				sqlite3_bind_text(st, 4 + i, dflt[i].text, -1, SQLITE_STATIC);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			e = store_fail(s, rc);
	}
	store_record_discard(s);
	return e;
}

#else /* no pre-update hook: TEMP triggers */

/* Generates the TEMP triggers that record undo data for one table: the
 * table, the operation, the row id and (for updates and deletes) the old
 * values in stetig's own column order. */
static enum err install_undo_triggers(struct store *s, size_t t)
{
	const struct store_columns *c = store_table_columns(t);
	if (!c) {
		snprintf(s->detail, sizeof s->detail, "%s", "undo columns");
		return ERR_STORE_IO;
	}
	const char *table = store_undo_tables[t];
	struct buf slots, vals, when;
	buf_init(&slots);
	buf_init(&vals);
	buf_init(&when);
	for (int i = 0; i < c->n; i++) {
		buf_printf(&slots, ",v%d", i);
		buf_printf(&vals, ",old.%s", c->name[i]);
		buf_printf(&when, "%sold.%s IS NOT new.%s", i ? " OR " : "", c->name[i], c->name[i]);
	}
	struct buf sql;
	buf_init(&sql);
	buf_printf(&sql,
		   "DROP TRIGGER IF EXISTS temp.undo_%s_i; DROP TRIGGER IF EXISTS temp.undo_%s_u;"
		   "DROP TRIGGER IF EXISTS temp.undo_%s_d;",
		   table, table, table);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_i AFTER INSERT ON main.%s BEGIN "
		   "INSERT INTO undo_log(step,tbl,op,rid) VALUES((SELECT max(id) FROM undo_step),"
		   "'%s','i',new.rowid); END;",
		   table, table, table);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_u AFTER UPDATE ON main.%s WHEN %s BEGIN "
		   "INSERT INTO undo_log(step,tbl,op,rid%s) VALUES((SELECT max(id) FROM undo_step),"
		   "'%s','u',old.rowid%s); END;",
		   table, table, when.data, slots.data, table, vals.data);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_d BEFORE DELETE ON main.%s BEGIN "
		   "INSERT INTO undo_log(step,tbl,op,rid%s) VALUES((SELECT max(id) FROM undo_step),"
		   "'%s','d',old.rowid%s); END;",
		   table, table, slots.data, table, vals.data);
	int rc = store_exec(s, sql.data);
	buf_free(&slots);
	buf_free(&vals);
	buf_free(&when);
	buf_free(&sql);
	return rc == SQLITE_OK ? ERR_OK : store_fail(s, rc);
}

enum err store_record_on(struct store *s)
{
	if (s->recording)
		return ERR_OK;
	for (size_t i = 0; i < store_n_undo_tables; i++) {
		enum err e = install_undo_triggers(s, i);
		if (e != ERR_OK)
			return e;
	}
	s->recording = true;
	return ERR_OK;
}

enum err store_record_off(struct store *s)
{
	struct buf sql;
	buf_init(&sql);
	for (size_t i = 0; i < store_n_undo_tables; i++) {
		const char *t = store_undo_tables[i];
		buf_printf(&sql,
			   "DROP TRIGGER IF EXISTS temp.undo_%s_i; DROP TRIGGER IF EXISTS "
			   "temp.undo_%s_u; DROP TRIGGER IF EXISTS temp.undo_%s_d;",
			   t, t, t);
	}
	int rc = store_exec(s, sql.data);
	buf_free(&sql);
	s->recording = false;
	return rc == SQLITE_OK ? ERR_OK : store_fail(s, rc);
}

/* the triggers write each entry at once */
enum err store_record_flush(struct store *s)
{
	(void)s;
	return ERR_OK;
}

void store_record_discard(struct store *s)
{
	(void)s;
}

#endif
