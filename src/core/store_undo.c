/* store_undo.c — undo and redo through the log in the file, wiping the
 * history, the timebox clocks, the integrity check. */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_internal.h"
#include "util.h"

/* ------------------------------------------------------------ undo */

/* The undo history in the file is data: each entry of a step names a data
 * table, an operation and a row id, and carries the row's old values in
 * stetig's own column order. Undo applies the entries, newest first,
 * through statements built here from stetig's own table and column names;
 * the table name in the file only selects one of them. The recording of
 * store_record.c records the inverse of what is applied into the new step
 * of the other kind. A bulk step (an import) holds a snapshot of every
 * data table (op 's') instead, restored in one pass. */

enum { OP_INSERTED, OP_UPDATED, OP_DELETED, OP_COUNT };

/* The statement that undoes an entry of table t: delete the row an insert
 * made, or put back the values an update or delete replaced. */
static char *apply_sql(size_t t, int op)
{
	const struct store_columns *c = store_table_columns(t);
	const char *table = store_undo_tables[t];
	struct buf b;
	buf_init(&b);
	switch (op) {
	case OP_INSERTED:
		buf_printf(&b, "DELETE FROM %s WHERE rowid=?1", table);
		break;
	case OP_UPDATED:
		buf_printf(&b, "UPDATE %s SET ", table);
		for (int i = 0; i < c->n; i++)
			buf_printf(&b, "%s%s=?%d", i ? "," : "", c->name[i], i + 2);
		buf_adds(&b, " WHERE rowid=?1");
		break;
	default:
		buf_printf(&b, "INSERT INTO %s(", table);
		for (int i = 0; i < c->n; i++)
			buf_printf(&b, "%s%s", i ? "," : "", c->name[i]);
		buf_adds(&b, ") VALUES(");
		for (int i = 0; i < c->n; i++)
			buf_printf(&b, "%s?%d", i ? "," : "", i + 2);
		buf_adds(&b, ")");
		break;
	}
	return buf_steal(&b);
}

static enum err damaged_history(struct store *s, const char *why)
{
	snprintf(s->detail, sizeof s->detail, _("the undo history is damaged (%s)"), why);
	return ERR_STORE_DAMAGED;
}

/* Applies the log entries of step, newest first. */
static enum err apply_log(struct store *s, int64_t step)
{
	sqlite3_stmt *q = NULL, *get = NULL;
	sqlite3_stmt *apply[32][OP_COUNT];
	memset(apply, 0, sizeof apply);
	if (store_n_undo_tables > 32)
		return damaged_history(s, "too many tables");
	int64_t *seqs = NULL;
	size_t n = 0, cap = 0;
	enum err e = ERR_OK;
	if (sqlite3_prepare_v2(s->db, "SELECT seq FROM undo_log WHERE step=? ORDER BY seq DESC", -1,
			       &q, NULL) != SQLITE_OK)
		return store_fail(s, 0);
	sqlite3_bind_int64(q, 1, step);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			seqs = xrealloc(seqs, cap * sizeof *seqs);
		}
		seqs[n++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		free(seqs);
		return store_fail(s, rc);
	}
	struct buf sql;
	buf_init(&sql);
	buf_adds(&sql, "SELECT tbl,op,rid");
	for (int i = 0; i < UNDO_SLOTS; i++)
		buf_printf(&sql, ",v%d", i);
	buf_adds(&sql, " FROM undo_log WHERE seq=?");
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &get, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		free(seqs);
		return store_fail(s, rc);
	}
	sqlite3_value *vals[UNDO_SLOTS];
	for (size_t k = 0; k < n && e == ERR_OK; k++) {
		sqlite3_reset(get);
		sqlite3_bind_int64(get, 1, seqs[k]);
		if (sqlite3_step(get) != SQLITE_ROW) {
			e = store_fail(s, 0);
			break;
		}
		int t = store_table_index((const char *)sqlite3_column_text(get, 0));
		const char *ops = (const char *)sqlite3_column_text(get, 1);
		int op = !ops ? -1
			 : !strcmp(ops, "i") ? OP_INSERTED
			 : !strcmp(ops, "u") ? OP_UPDATED
			 : !strcmp(ops, "d") ? OP_DELETED
					     : -1;
		if (t < 0 || op < 0 || sqlite3_column_type(get, 2) != SQLITE_INTEGER) {
			e = damaged_history(s, "unknown entry");
			break;
		}
		const struct store_columns *c = store_table_columns((size_t)t);
		if (!c) {
			e = damaged_history(s, "columns");
			break;
		}
		int64_t rid = sqlite3_column_int64(get, 2);
		int nv = op == OP_INSERTED ? 0 : c->n;
		for (int i = 0; i < nv; i++)
			vals[i] = sqlite3_value_dup(sqlite3_column_value(get, 3 + i));
		sqlite3_reset(get);
		sqlite3_stmt **ap = &apply[t][op];
		if (!*ap) {
			char *text = apply_sql((size_t)t, op);
			if (sqlite3_prepare_v2(s->db, text, -1, ap, NULL) != SQLITE_OK)
				e = store_fail(s, 0);
			free(text);
		}
		if (e == ERR_OK) {
			sqlite3_reset(*ap);
			sqlite3_clear_bindings(*ap);
			sqlite3_bind_int64(*ap, 1, rid);
			for (int i = 0; i < nv; i++)
				sqlite3_bind_value(*ap, i + 2, vals[i]);
			rc = sqlite3_step(*ap);
			if (rc != SQLITE_DONE)
				e = store_fail(s, rc);
			else if (op == OP_UPDATED && sqlite3_changes(s->db) != 1)
				e = damaged_history(s, "a row it changes is missing");
			sqlite3_reset(*ap);
		}
		for (int i = 0; i < nv; i++)
			sqlite3_value_free(vals[i]);
	}
	sqlite3_finalize(get);
	for (size_t t = 0; t < store_n_undo_tables; t++)
		for (int op = 0; op < OP_COUNT; op++)
			sqlite3_finalize(apply[t][op]);
	free(seqs);
	return e;
}

/* Copies every data table into step as snapshot entries (op 's'). */
static enum err snapshot(struct store *s, int64_t step)
{
	for (size_t t = 0; t < store_n_undo_tables; t++) {
		const struct store_columns *c = store_table_columns(t);
		if (!c)
			return damaged_history(s, "columns");
		struct buf sql, slots, cols;
		buf_init(&sql);
		buf_init(&slots);
		buf_init(&cols);
		for (int i = 0; i < c->n; i++) {
			buf_printf(&slots, ",v%d", i);
			buf_printf(&cols, ",%s", c->name[i]);
		}
		buf_printf(&sql,
			   "INSERT INTO undo_log(step,tbl,op,rid%s) SELECT ?1,'%s','s',rowid%s "
			   "FROM %s ORDER BY rowid",
			   slots.data, store_undo_tables[t], cols.data, store_undo_tables[t]);
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, step);
			rc = sqlite3_step(st);
		}
		sqlite3_finalize(st);
		buf_free(&sql);
		buf_free(&slots);
		buf_free(&cols);
		if (rc != SQLITE_DONE && rc != SQLITE_OK)
			return store_fail(s, rc);
	}
	return ERR_OK;
}

/* Replaces every data table by the snapshot of step. */
static enum err restore_snapshot(struct store *s, int64_t step)
{
	for (size_t t = store_n_undo_tables; t-- > 0;) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM %s", store_undo_tables[t]);
		if (store_exec(s, sql) != SQLITE_OK)
			return store_fail(s, 0);
	}
	for (size_t t = 0; t < store_n_undo_tables; t++) {
		const struct store_columns *c = store_table_columns(t);
		if (!c)
			return damaged_history(s, "columns");
		struct buf sql, slots, cols;
		buf_init(&sql);
		buf_init(&slots);
		buf_init(&cols);
		for (int i = 0; i < c->n; i++) {
			buf_printf(&slots, "%sv%d", i ? "," : "", i);
			buf_printf(&cols, "%s%s", i ? "," : "", c->name[i]);
		}
		buf_printf(&sql,
			   "INSERT INTO %s(%s) SELECT %s FROM undo_log WHERE step=?1 AND op='s' "
			   "AND tbl='%s' ORDER BY seq",
			   store_undo_tables[t], cols.data, slots.data, store_undo_tables[t]);
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, step);
			rc = sqlite3_step(st);
		}
		sqlite3_finalize(st);
		buf_free(&sql);
		buf_free(&slots);
		buf_free(&cols);
		if (rc != SQLITE_DONE && rc != SQLITE_OK)
			return store_fail(s, rc);
	}
	return ERR_OK;
}

static bool is_snapshot(struct store *s, int64_t step)
{
	sqlite3_stmt *st = store_prep(s, "SELECT EXISTS(SELECT 1 FROM undo_log WHERE step=? AND "
					 "op='s')");
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, step);
	bool yes = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return yes;
}

enum err store_begin_bulk(struct store *s, const char *label, const char *item)
{
	enum err e = store_begin(s, label, item);
	if (e != ERR_OK || s->depth > 1)
		return e;
	e = store_record_off(s);
	if (e == ERR_OK) {
		sqlite3_stmt *st = store_prep(s, "SELECT max(id) FROM undo_step");
		int64_t step = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		if (st)
			sqlite3_reset(st);
		e = step ? snapshot(s, step) : store_fail(s, 0);
	}
	if (e != ERR_OK) {
		char keep[sizeof s->detail];
		memcpy(keep, s->detail, sizeof keep);
		store_rollback(s, NULL);
		memcpy(s->detail, keep, sizeof keep);
	}
	/* a bulk change reloads the model at its end, like a delete */
	s->reload = true;
	if (e == ERR_OK)
		s->bulk = true;
	return e;
}

static int depth_of(struct store *s, const char *kind)
{
	sqlite3_stmt *st = store_prep(s, "SELECT count(*) FROM undo_step WHERE kind=?");
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

int store_undo_depth(struct store *s)
{
	return s->writable ? depth_of(s, "undo") : 0;
}

int store_redo_depth(struct store *s)
{
	return s->writable ? depth_of(s, "redo") : 0;
}

/* Replays the newest step of kind `from`, recording its inverse as a step
 * of kind `to`. */
static enum err replay(struct store *s, struct model *m, const char *from, const char *to,
				char **label, char **item)
{
	if (label)
		*label = NULL;
	if (item)
		*item = NULL;
	if (!s->writable)
		return ERR_STORE_READONLY;
	if (s->depth > 0)
		return ERR_STORE_BUSY;
	enum err e = store_record_on(s);
	if (e != ERR_OK)
		return e;
	store_record_discard(s);
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
		return store_fail(s, 0);
	int64_t step = 0;
	sqlite3_stmt *st = store_prep(s, "SELECT id,label,item FROM undo_step WHERE kind=? "
				   "ORDER BY id DESC LIMIT 1");
	if (!st)
		goto bad;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return ERR_STORE_NOTHING;
	}
	step = sqlite3_column_int64(st, 0);
	char *lbl = col_text(st, 1);
	char *itm = col_text(st, 2);
	sqlite3_reset(st);
	st = store_prep(s, "INSERT INTO undo_step(kind,label,item) VALUES(?,?,?)");
	bool ok = st != NULL;
	int64_t inverse = 0;
	if (ok) {
		sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
		bind_text(st, 2, lbl);
		bind_text(st, 3, itm);
		ok = sqlite3_step(st) == SQLITE_DONE;
		inverse = sqlite3_last_insert_rowid(s->db);
		sqlite3_reset(st);
	}
	if (label)
		*label = lbl;
	else
		free(lbl);
	if (item)
		*item = itm;
	else
		free(itm);
	if (!ok || store_exec(s, "PRAGMA defer_foreign_keys=ON") != SQLITE_OK)
		goto bad;
	if (is_snapshot(s, step)) {
		/* the new step keeps the present state as its own snapshot */
		e = store_record_off(s);
		if (e == ERR_OK)
			e = snapshot(s, inverse);
		if (e == ERR_OK)
			e = restore_snapshot(s, step);
	} else {
		e = apply_log(s, step);
	}
	if (e == ERR_OK)
		e = store_record_flush(s);
	if (e != ERR_OK)
		goto rollback;
	st = store_prep(s, "DELETE FROM undo_step WHERE id=?");
	if (!st)
		goto bad;
	sqlite3_bind_int64(st, 1, step);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto bad;
	sqlite3_reset(st);
	if (store_exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	return store_load(s, m);
bad:
	e = store_fail(s, 0);
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (label) {
		free(*label);
		*label = NULL;
	}
	if (item) {
		free(*item);
		*item = NULL;
	}
	store_load(s, m);
	return e;
}

enum err store_undo(struct store *s, struct model *m, char **label, char **item)
{
	return replay(s, m, "undo", "redo", label, item);
}

enum err store_redo(struct store *s, struct model *m, char **label, char **item)
{
	return replay(s, m, "redo", "undo", label, item);
}

enum err store_clear_history(struct store *s)
{
	if (!s->writable)
		return ERR_STORE_READONLY;
	if (s->depth > 0)
		return ERR_STORE_BUSY;
	if (store_exec(s, "DELETE FROM undo_step") != SQLITE_OK)
		return store_fail(s, 0);
	/* rewrite the file so no freed page keeps the old text */
	store_authorize(s, false); /* VACUUM's own SQL quotes names */
	int rc = store_exec(s, "VACUUM");
	store_authorize(s, true);
	if (rc != SQLITE_OK)
		return store_fail(s, 0);
	return ERR_OK;
}

/* ------------------------------------------------------------ clock */

enum err store_clock_get(struct store *s, int step, long *elapsed, long *started)
{
	*elapsed = *started = 0;
	sqlite3_stmt *st = store_prep(s, "SELECT elapsed,started FROM clock WHERE step=?");
	if (!st)
		return store_fail(s, 0);
	sqlite3_bind_int(st, 1, step);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* the bounds store_validate checks on open */
		int64_t el = sqlite3_column_int64(st, 0), sa = sqlite3_column_int64(st, 1);
		*elapsed = el < 0 ? 0 : el > STORE_CLOCK_ELAPSED_MAX ? STORE_CLOCK_ELAPSED_MAX : (long)el;
		*started = sa < 0 || sa > STORE_CLOCK_STARTED_MAX ? 0 : (long)sa;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

enum err store_clock_set(struct store *s, int step, long elapsed, long started)
{
	if (!s->writable)
		return ERR_STORE_READONLY;
	if (s->depth > 0)
		return ERR_STORE_BUSY;
	sqlite3_stmt *st = store_prep(s, "INSERT INTO clock(step,elapsed,started) VALUES(?1,?2,?3) "
				   "ON CONFLICT(step) DO UPDATE SET elapsed=excluded.elapsed,"
				   "started=excluded.started");
	if (!st)
		return store_fail(s, 0);
	sqlite3_bind_int(st, 1, step);
	sqlite3_bind_int64(st, 2, elapsed < 0 ? 0 : elapsed);
	sqlite3_bind_int64(st, 3, started);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

/* ------------------------------------------------------------ place */

enum err store_place_get(struct store *s, struct store_place *p)
{
	*p = (struct store_place){0, ENT_COUNT, 0, 0};
	sqlite3_stmt *st = store_prep(s, "SELECT step,kind,item,raci_view FROM place WHERE id=1");
	if (!st)
		return store_fail(s, 0);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* the bounds store_validate checks on open; anything else is
		 * ignored rather than trusted */
		int step = sqlite3_column_int(st, 0);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		int64_t item = sqlite3_column_int64(st, 2);
		int view = sqlite3_column_int(st, 3);
		p->step = step >= 0 && step < STEP_COUNT ? step : 0;
		for (int k = 0; kind && *kind && k < ENT_COUNT; k++)
			if (!strcmp(entity_descs[k].sql, kind))
				p->kind = (enum entity)k;
		p->item = p->kind != ENT_COUNT && item > 0 ? item : 0;
		p->raci_view = view >= 0 && view <= 2 ? view : 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

enum err store_place_set(struct store *s, const struct store_place *p)
{
	if (!s->writable)
		return ERR_STORE_READONLY;
	if (s->depth > 0)
		return ERR_STORE_BUSY;
	bool known = p->kind >= 0 && p->kind < ENT_COUNT && p->item > 0;
	if (p->step < 0 || p->step >= STEP_COUNT || p->raci_view < 0 || p->raci_view > 2)
		return ERR_STORE_INVALID;
	sqlite3_stmt *st = store_prep(s, "INSERT INTO place(id,step,kind,item,raci_view) "
				   "VALUES(1,?1,?2,?3,?4) ON CONFLICT(id) DO UPDATE SET "
				   "step=excluded.step,kind=excluded.kind,item=excluded.item,"
				   "raci_view=excluded.raci_view");
	if (!st)
		return store_fail(s, 0);
	sqlite3_bind_int(st, 1, p->step);
	sqlite3_bind_text(st, 2, known ? entity_descs[p->kind].sql : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, known ? p->item : 0);
	sqlite3_bind_int(st, 4, p->raci_view);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

bool store_integrity_ok(struct store *s)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		ok = r && !strcmp(r, "ok");
	}
	sqlite3_finalize(st);
	return ok;
}
