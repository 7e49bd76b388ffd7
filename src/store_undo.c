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

/* Lets replayed SQL touch only the data tables (the log lives in a file
 * anybody could have edited). */
static int replay_auth(void *user, int action, const char *a, const char *b, const char *db,
		       const char *trigger)
{
	(void)user;
	(void)b;
	(void)db;
	if (trigger)
		return SQLITE_OK; /* our own undo triggers */
	switch (action) {
	case SQLITE_READ:
	case SQLITE_FUNCTION:
		return SQLITE_OK;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		for (size_t i = 0; i < store_n_undo_tables; i++)
			if (a && !strcmp(a, store_undo_tables[i]))
				return SQLITE_OK;
		return SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
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
static enum store_status replay(struct store *s, struct model *m, const char *from, const char *to,
				char **label, char **item)
{
	if (label)
		*label = NULL;
	if (item)
		*item = NULL;
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth > 0)
		return STORE_E_BUSY;
	enum store_status e = store_ensure_triggers(s);
	if (e != STORE_OK)
		return e;
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
		return STORE_E_NOTHING;
	}
	step = sqlite3_column_int64(st, 0);
	char *lbl = col_text(st, 1);
	char *itm = col_text(st, 2);
	sqlite3_reset(st);
	st = store_prep(s, "INSERT INTO undo_step(kind,label,item) VALUES(?,?,?)");
	bool ok = st != NULL;
	if (ok) {
		sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
		bind_text(st, 2, lbl);
		bind_text(st, 3, itm);
		ok = sqlite3_step(st) == SQLITE_DONE;
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
	/* the statements of the step, newest first */
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT sql FROM undo_log WHERE step=? ORDER BY seq DESC", -1,
			       &q, NULL) != SQLITE_OK)
		goto bad;
	sqlite3_bind_int64(q, 1, step);
	struct buf all;
	buf_init(&all);
	size_t count = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *sql = (const char *)sqlite3_column_text(q, 0);
		buf_add(&all, sql ? sql : "", strlen(sql ? sql : "") + 1);
		count++;
	}
	sqlite3_finalize(q);
	sqlite3_set_authorizer(s->db, replay_auth, NULL);
	const char *p = all.data;
	for (size_t i = 0; i < count && e == STORE_OK; i++) {
		sqlite3_stmt *x = NULL;
		const char *tail = NULL;
		int rc = sqlite3_prepare_v2(s->db, p, -1, &x, &tail);
		if (rc != SQLITE_OK || !x || (tail && *tail)) {
			snprintf(s->detail, sizeof s->detail, "%s", "undo history is damaged");
			e = STORE_E_DAMAGED;
		} else if (sqlite3_step(x) != SQLITE_DONE) {
			e = store_fail(s, 0);
		}
		sqlite3_finalize(x);
		p += strlen(p) + 1;
	}
	sqlite3_set_authorizer(s->db, NULL, NULL);
	buf_free(&all);
	if (e != STORE_OK)
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

enum store_status store_undo(struct store *s, struct model *m, char **label, char **item)
{
	return replay(s, m, "undo", "redo", label, item);
}

enum store_status store_redo(struct store *s, struct model *m, char **label, char **item)
{
	return replay(s, m, "redo", "undo", label, item);
}

enum store_status store_clear_history(struct store *s)
{
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth > 0)
		return STORE_E_BUSY;
	if (store_exec(s, "DELETE FROM undo_step") != SQLITE_OK)
		return store_fail(s, 0);
	/* rewrite the file so no freed page keeps the old text */
	if (store_exec(s, "VACUUM") != SQLITE_OK)
		return store_fail(s, 0);
	return STORE_OK;
}

/* ------------------------------------------------------------ clock */

enum store_status store_clock_get(struct store *s, int step, long *elapsed, long *started)
{
	*elapsed = *started = 0;
	sqlite3_stmt *st = store_prep(s, "SELECT elapsed,started FROM clock WHERE step=?");
	if (!st)
		return store_fail(s, 0);
	sqlite3_bind_int(st, 1, step);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*elapsed = (long)sqlite3_column_int64(st, 0);
		*started = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_fail(s, rc);
}

enum store_status store_clock_set(struct store *s, int step, long elapsed, long started)
{
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth > 0)
		return STORE_E_BUSY;
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
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, rc);
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
