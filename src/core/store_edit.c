/* store_edit.c — committed edits: groups, saves and deletes, each one
 * transaction and one undo step. */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "i18n.h"
#include "store_internal.h"
#include "util.h"

/* ------------------------------------------------------------ edits */

/* Runs one of the statements every edit runs, prepared once per session
 * (parsing them on every commit cost about 250,000 instructions an edit). */
static enum err run_cached(struct store *s, const char *sql, int bind_int)
{
	sqlite3_stmt *st = store_prep(s, sql);
	if (!st)
		return store_fail(s, 0);
	if (bind_int >= 0)
		sqlite3_bind_int(st, 1, bind_int);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

static enum err trim_history(struct store *s)
{
	return run_cached(s,
			  "DELETE FROM undo_step WHERE kind='undo' AND id <= "
			  "(SELECT id FROM undo_step WHERE kind='undo' ORDER BY id DESC LIMIT 1 "
			  "OFFSET ?1)",
			  STORE_UNDO_MAX);
}

/* ------------------------------------------------------------ bulk RACI */

/* A bulk change (an import) writes its RACI cells in two passes: they are
 * staged in a TEMP table (in memory: temp_store=MEMORY in apply_pragmas)
 * BULK_ROWS at a time, and moved into raci by one INSERT … SELECT when
 * anything else happens in the group or at its commit. One statement per
 * cell into raci cost up to 57,000 instructions: SQLite opens a statement
 * journal for an upsert, and every statement journals each page of the
 * file it changes that existed when it began — the raci_stakeholder index
 * takes cells all over, so the pages journaled per statement grew with the
 * matrix (a superlinear import). One statement for the whole matrix
 * journals at most the pages the file had before the import. */
#define BULK_ROWS 256 /* 3 variables a row, under SQLITE_LIMIT_VARIABLE_NUMBER */

static char *stage_sql(size_t n)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "INSERT INTO temp.bulk_raci(task,stakeholder,role) VALUES");
	for (size_t i = 0; i < n; i++)
		buf_adds(&b, i ? ",(?,?,?)" : "(?,?,?)");
	return buf_steal(&b);
}

static enum err bulk_stage_rows(struct store *s, sqlite3_stmt *st, const struct bulk_cell *c,
					 size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, (int)(3 * i + 1), c[i].task);
		sqlite3_bind_int64(st, (int)(3 * i + 2), c[i].stakeholder);
		sqlite3_bind_text(st, (int)(3 * i + 3), &c[i].role, 1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
}

/* Moves the pending cells into the staging table. */
static enum err bulk_stage(struct store *s)
{
	static char *full_sql; /* built once; store_prep caches by pointer */
	size_t n = s->n_pending, done = 0;
	s->n_pending = 0;
	enum err e = ERR_OK;
	if (!s->staged) {
		if (store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS bulk_raci(task INTEGER, "
				  "stakeholder INTEGER, role TEXT); DELETE FROM temp.bulk_raci") !=
		    SQLITE_OK)
			return store_fail(s, 0);
		s->staged = true;
	}
	if (n >= BULK_ROWS && !full_sql)
		full_sql = stage_sql(BULK_ROWS);
	while (e == ERR_OK && n - done >= BULK_ROWS) {
		sqlite3_stmt *st = store_prep(s, full_sql);
		e = st ? bulk_stage_rows(s, st, s->pending + done, BULK_ROWS) : store_fail(s, 0);
		done += BULK_ROWS;
	}
	if (e == ERR_OK && done < n) {
		char *sql = stage_sql(n - done);
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK)
			e = bulk_stage_rows(s, st, s->pending + done, n - done);
		else
			e = store_fail(s, 0);
		sqlite3_finalize(st);
		free(sql);
	}
	return e;
}

enum err store_bulk_flush(struct store *s)
{
	enum err e = s->n_pending ? bulk_stage(s) : ERR_OK;
	if (e == ERR_OK && s->staged) {
		/* rowid order is the order the cells came in (an import: by
		 * task, then stakeholder, appending to the table and its
		 * unique index) */
		if (store_exec(s, "INSERT INTO raci(task,stakeholder,role) SELECT task,stakeholder,"
				  "role FROM temp.bulk_raci WHERE true ORDER BY rowid "
				  "ON CONFLICT(task,stakeholder) DO UPDATE SET role=excluded.role;"
				  "DELETE FROM temp.bulk_raci") != SQLITE_OK)
			e = store_fail(s, 0);
		s->staged = false;
	}
	if (e != ERR_OK)
		s->failed = true;
	return e;
}

void store_bulk_end(struct store *s)
{
	if (!s->bulk)
		return;
	s->bulk = false;
	s->n_pending = 0;
	s->staged = false;
	free(s->pending);
	s->pending = NULL;
	s->cap_pending = 0;
	store_exec(s, "PRAGMA cache_size=-2000"); /* SQLite's default, 2 MiB */
}

void store_bulk_expect(struct store *s, size_t rows)
{
	if (!s->bulk)
		return;
	sqlite3_stmt *st = store_prep(s, "SELECT page_count*page_size FROM pragma_page_count, "
					 "pragma_page_size");
	int64_t now = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	/* about 50 bytes a RACI cell in its table and two indexes (a 4x
	 * workshop: 1.45 million cells, 66 MB), a quarter on top for the
	 * pages being split; between the default 2 MiB and 1 GiB. The cache
	 * only takes memory for pages actually read or written. */
	int64_t kib = (now + (int64_t)rows * 64) / 1024 * 5 / 4;
	if (kib < 2000)
		kib = 2000;
	if (kib > 1024 * 1024)
		kib = 1024 * 1024;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%lld", (long long)kib);
	store_exec(s, sql);
}

/* ------------------------------------------------------------ groups */

enum err store_begin(struct store *s, const char *label, const char *item)
{
	if (!s->writable)
		return ERR_STORE_READONLY;
	if (s->depth++ > 0) {
		/* anything else in a bulk change sees the batched cells written */
		if ((s->n_pending || s->staged) && !s->failed)
			store_bulk_flush(s);
		return s->failed ? ERR_STORE_IO : ERR_OK;
	}
	s->failed = false;
	s->reload = false;
	enum err te = store_record_on(s);
	if (te != ERR_OK) {
		s->depth = 0;
		return te;
	}
	store_record_discard(s);
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		s->depth = 0;
		return store_fail(s, 0);
	}
	sqlite3_stmt *st;
	if (run_cached(s, "DELETE FROM undo_step WHERE kind='redo'", -1) != ERR_OK ||
	    !(st = store_prep(s, "INSERT INTO undo_step(kind,label,item) VALUES('undo',?,?)")))
		goto bad;
	bind_text(st, 1, label);
	char *short_item = xstrndup(item ? item : "", utf8_prefix(item ? item : "", 80));
	bind_text(st, 2, short_item);
	free(short_item);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto bad;
	return ERR_OK;
bad:;
	enum err e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth = 0;
	return e;
}

enum err store_commit(struct store *s, struct model *m)
{
	if (s->depth <= 0)
		return ERR_OK;
	if (--s->depth > 0)
		return s->failed ? ERR_STORE_IO : ERR_OK;
	enum err fe =
		(s->n_pending || s->staged) && !s->failed ? store_bulk_flush(s) : ERR_OK;
	if (fe != ERR_OK) {
		enum err e = fe;
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->failed = false;
		store_bulk_end(s);
		if (m)
			store_load(s, m);
		return e;
	}
	store_bulk_end(s);
	if (s->failed) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->failed = false;
		if (m)
			store_load(s, m);
		return ERR_STORE_IO;
	}
	enum err re = store_record_flush(s);
	if (re != ERR_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		if (m)
			store_load(s, m);
		return re;
	}
	/* a step that changed nothing is not worth an undo */
	if (run_cached(s,
		       "DELETE FROM undo_step WHERE id=(SELECT max(id) FROM undo_step) AND "
		       "NOT EXISTS(SELECT 1 FROM undo_log WHERE step=(SELECT max(id) FROM undo_step))",
		       -1) != ERR_OK)
		goto bad;
	if (trim_history(s) != ERR_OK)
		goto bad;
	if (store_exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	if (s->reload && m) {
		s->reload = false;
		return store_load(s, m);
	}
	return ERR_OK;
bad:;
	enum err e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (m)
		store_load(s, m);
	return e;
}

void store_rollback(struct store *s, struct model *m)
{
	if (s->depth > 0) {
		s->depth = 0;
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	store_bulk_end(s);
	store_record_discard(s);
	s->failed = false;
	if (m)
		store_load(s, m);
}

/* Runs a prepared statement of an edit; marks the group failed on error. */
static enum err step_edit(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return ERR_OK;
	}
	enum err e = store_fail(s, rc);
	sqlite3_reset(st);
	s->failed = true;
	return e;
}

/* Closes an edit group opened by the save functions. If the edit failed
 * the whole group is rolled back and the model reloaded. */
static enum err end_edit(struct store *s, struct model *m, enum err e)
{
	if (e != ERR_OK) {
		s->failed = true;
		if (s->depth == 1) {
			char keep[sizeof s->detail];
			memcpy(keep, s->detail, sizeof keep);
			store_rollback(s, m);
			memcpy(s->detail, keep, sizeof keep);
		} else {
			s->depth--;
		}
		return e;
	}
	return store_commit(s, m);
}

static bool text_ok(struct store *s, const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *t = texts[i] ? texts[i] : "";
		size_t len = strlen(t);
		if (!utf8_valid(t, len, NULL)) {
			snprintf(s->detail, sizeof s->detail, "%s", _("text is not valid UTF-8"));
			return false;
		}
		if (utf8_chars(t) > TEXT_MAX_CHARS) {
			snprintf(s->detail, sizeof s->detail,
				 _("a text is longer than %d characters"), TEXT_MAX_CHARS);
			return false;
		}
	}
	return true;
}

static enum err saved_id(struct store *s, int64_t *id)
{
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	if (sqlite3_changes(s->db) == 0) {
		snprintf(s->detail, sizeof s->detail, "%s", _("the item no longer exists"));
		return ERR_STORE_INVALID;
	}
	return ERR_OK;
}

/* The statements of every kind, put together from entities.def:
 *   INSERT INTO t(<columns>,id) VALUES(?,…,NULL)
 *   UPDATE t SET <column>=?,…,id=id WHERE id=?
 *   INSERT … ON CONFLICT DO UPDATE SET <non-key column>=excluded.…,id=id
 *     RETURNING id (kinds with a unique key: a save of an existing key
 *     updates that row) */
#define INSERT_COL(K, name, type, arg, lo, hi, empty, init, sql, ...) sql ","
#define INSERT_VAL(K, ...) "?,"
#define UPDATE_COL(K, name, type, arg, lo, hi, empty, init, sql, ...) sql "=?,"
#define UPSERT_SET_KEY(sql)
#define UPSERT_SET_REQ(sql) sql "=excluded." sql ","
#define UPSERT_SET_OPT(sql) UPSERT_SET_REQ(sql)
#define UPSERT_SET_NEW(sql) UPSERT_SET_REQ(sql)
#define UPSERT_COL(K, name, type, arg, lo, hi, empty, init, sql, ...) UPSERT_SET_##empty(sql)
#define INSERT_SQL(K, sql)                                                                  \
	"INSERT INTO " sql "(" K##_FIELDS(INSERT_COL) "id) VALUES(" K##_FIELDS(INSERT_VAL) "NULL)"
#define INSERT_ID_SQL(K, sql)                                                               \
	"INSERT INTO " sql "(" K##_FIELDS(INSERT_COL) "id) VALUES(" K##_FIELDS(INSERT_VAL) "?)"
#define EDIT_SQL(K, prefix, type, member, sql, ...)                                        \
	[ENT_##K] = {INSERT_SQL(K, sql),                                                    \
		     "UPDATE " sql " SET " K##_FIELDS(UPDATE_COL) "id=id WHERE id=?",          \
		     INSERT_SQL(K, sql) " ON CONFLICT DO UPDATE SET " K##_FIELDS(UPSERT_COL)   \
					"id=id RETURNING id",                                  \
		     INSERT_ID_SQL(K, sql)},
static const struct {
	const char *insert, *update, *upsert, *insert_id;
} edit_sql[ENT_COUNT + 1] = {
	ENTITIES(EDIT_SQL)
	[ENT_WORKSHOP] = {NULL, "UPDATE workshop SET " WORKSHOP_FIELDS(UPDATE_COL) "id=id WHERE id=?",
			  NULL},
};
#undef EDIT_SQL
#undef INSERT_ID_SQL
#undef INSERT_SQL
#undef UPSERT_COL
#undef UPSERT_SET_NEW
#undef UPSERT_SET_OPT
#undef UPSERT_SET_REQ
#undef UPSERT_SET_KEY
#undef UPDATE_COL
#undef INSERT_VAL
#undef INSERT_COL

/* A whole number; 0 of an optional one (no year, no reference) is NULL. */
static void bind_whole(sqlite3_stmt *st, int k, int64_t v, bool opt)
{
	if (opt && !v)
		sqlite3_bind_null(st, k);
	else
		sqlite3_bind_int64(st, k, v);
}

/* Binds the fields of e as parameters 1..n. */
static void bind_fields(sqlite3_stmt *st, enum entity kind, const void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		const void *p = field_at_c(e, f);
		int k = (int)i + 1;
		bool opt = field_optional(f);
		switch (f->type) {
		case FT_TEXT:
		case FT_DATETEXT:
		case FT_TIME: bind_text(st, k, *(char *const *)p); break;
		case FT_DATE: bind_opt_text(st, k, *(char *const *)p); break;
		case FT_WORD: bind_word(st, k, (enum vocab_kind)f->arg, *(const int *)p); break;
		case FT_FLAG: sqlite3_bind_int(st, k, *(const bool *)p); break;
		case FT_INT: bind_whole(st, k, *(const int *)p, opt); break;
		case FT_REF: bind_whole(st, k, *(const int64_t *)p, opt); break;
		case FT_NUM: sqlite3_bind_double(st, k, *(const double *)p); break;
		case FT_OPTNUM: bind_opt_num(st, k, *(const struct optnum *)p); break;
		}
	}
}

/* true for text shaped like YYYY-MM-DD that is no real day (2027-02-30) */
static bool bad_iso_date(const char *t)
{
	if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
			return false;
	return !date_parse_iso(t, NULL);
}

/* The texts of e are valid UTF-8 and not too long; a date-like text is a
 * day of the calendar. */
static bool fields_ok(struct store *s, enum entity kind, const void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		if (f->type != FT_TEXT && f->type != FT_DATETEXT && f->type != FT_TIME)
			continue;
		const char *t = *(char *const *)field_at_c(e, f);
		if (!text_ok(s, &t, 1))
			return false;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		if (f->type != FT_DATETEXT)
			continue;
		const char *t = *(char *const *)field_at_c(e, f);
		if (bad_iso_date(t)) {
			snprintf(s->detail, sizeof s->detail, _("%s is not a day of the calendar"),
				 t);
			return false;
		}
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		if (f->type != FT_TIME)
			continue;
		const char *t = *(char *const *)field_at_c(e, f);
		int minute;
		if (*t && !agenda_time_parse(t, &minute)) {
			snprintf(s->detail, sizeof s->detail,
				 _("%s is not a time of day (HH:MM, e.g. 09:30)"), t);
			return false;
		}
	}
	return true;
}

static bool has_key(enum entity kind)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t i = 0; i < d->n; i++)
		if (d->fields[i].empty == FE_KEY)
			return true;
	return false;
}

/* Runs an upsert and takes the id it returns. */
static enum err step_upsert(struct store *s, sqlite3_stmt *st, int64_t *id)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	enum err r = rc == SQLITE_DONE ? ERR_OK : store_fail(s, rc);
	sqlite3_reset(st);
	return r;
}

static void put_saved(struct model *m, enum entity kind, const void *e)
{
	if (kind == ENT_WORKSHOP)
		model_set_workshop(m, e);
	else
		model_put(m, kind, e);
}

static enum err save_share(struct store *s, struct model *m, struct cost_share *e);

/* Saves e; with keep_id a new row is inserted under e's own id. */
static enum err save_entity(struct store *s, struct model *m, enum entity kind, void *e,
				     bool keep_id)
{
	if (kind == ENT_SHARE)
		return save_share(s, m, e);
	const struct entity_desc *d = &entity_descs[kind];
	if (!fields_ok(s, kind, e))
		return ERR_STORE_INVALID;
	int64_t *id = d->has_id ? (int64_t *)e : NULL;
	bool upsert = has_key(kind);
	keep_id = keep_id && id && *id > 0 && !upsert;
	const char *item =
		d->named >= 0 ? *(char *const *)field_at_c(e, &d->fields[d->named]) : "";
	enum err r =
		store_begin(s, !keep_id && (!id || *id || upsert) ? d->edit : d->add, item);
	if (r != ERR_OK)
		return r;
	const char *sql = upsert    ? edit_sql[kind].upsert
			  : keep_id ? edit_sql[kind].insert_id
			  : !id || *id ? edit_sql[kind].update
				       : edit_sql[kind].insert;
	sqlite3_stmt *st = store_prep(s, sql);
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	bind_fields(st, kind, e);
	if (upsert) {
		r = step_upsert(s, st, id);
	} else {
		if (!id || *id)
			sqlite3_bind_int64(st, (int)d->n + 1, id ? *id : 1);
		r = step_edit(s, st);
		if (r == ERR_OK && id)
			r = saved_id(s, id);
		/* the workshop row: a save that stored nothing never says saved */
		if (r == ERR_OK && !id && sqlite3_changes(s->db) != 1) {
			snprintf(s->detail, sizeof s->detail, "%s", _("the workshop row is missing"));
			r = ERR_STORE_INVALID;
		}
	}
	if (r == ERR_OK)
		put_saved(m, kind, e);
	return end_edit(s, m, r);
}

enum err store_save_entity(struct store *s, struct model *m, enum entity kind, void *e)
{
	return save_entity(s, m, kind, e, false);
}

enum err store_insert_entity(struct store *s, struct model *m, enum entity kind, void *e)
{
	return save_entity(s, m, kind, e, true);
}

enum err store_clear_content(struct store *s, struct model *m)
{
	enum err r = store_begin(s, N_("Import CSV bundle"), "");
	if (r != ERR_OK)
		return r;
	char sql[128];
	int rc = store_exec(s, "DELETE FROM raci");
	for (int k = 0; k < ENT_COUNT && rc == SQLITE_OK; k++) {
		if (k == ENT_CHECK)
			continue;
		snprintf(sql, sizeof sql, "DELETE FROM %s", entity_descs[k].sql);
		rc = store_exec(s, sql);
	}
	if (rc == SQLITE_OK)
		rc = store_exec(s, "UPDATE check_item SET status='open', note=''");
	if (rc != SQLITE_OK) {
		r = store_fail(s, rc);
		s->failed = true;
	} else {
		r = store_load(s, m); /* reads the group's own changes */
	}
	return end_edit(s, m, r);
}

enum err store_save_workshop(struct store *s, struct model *m, const struct workshop *w)
{
	struct workshop copy;
	workshop_copy(&copy, w);
	enum err r = store_save_entity(s, m, ENT_WORKSHOP, &copy);
	workshop_free(&copy);
	return r;
}

/* The functions by name (store.h). */
#define SAVE_FUNC(K, prefix, type, ...)                                                     \
	enum err store_save_##prefix(struct store *s, struct model *m, struct type *e) \
	{                                                                                   \
		return store_save_entity(s, m, ENT_##K, e);                                 \
	}
ENTITIES(SAVE_FUNC)
#undef SAVE_FUNC

static enum err save_share(struct store *s, struct model *m, struct cost_share *e)
{
	const struct cost *c = model_cost(m, e->cost);
	enum err r = store_begin(s, entity_descs[ENT_SHARE].edit, c ? c->name : "");
	if (r != ERR_OK)
		return r;
	sqlite3_stmt *st;
	if (e->percent <= 0) {
		st = store_prep(s, "DELETE FROM cost_share WHERE cost=?1 AND stakeholder=?2");
		if (!st)
			return end_edit(s, m, ERR_STORE_IO);
		sqlite3_bind_int64(st, 1, e->cost);
		sqlite3_bind_int64(st, 2, e->stakeholder);
		r = step_edit(s, st);
		if (r == ERR_OK)
			s->reload = true;
		return end_edit(s, m, r);
	}
	/* the partners of one cost never carry more than all of it */
	st = store_prep(s, "SELECT coalesce(sum(percent),0) FROM cost_share WHERE cost=?1 AND "
		     "stakeholder<>?2");
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	sqlite3_bind_int64(st, 1, e->cost);
	sqlite3_bind_int64(st, 2, e->stakeholder);
	double others = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
	sqlite3_reset(st);
	if (others + e->percent > 100 + 1e-9) {
		char pct[64];
		num_format(100 - others, i18n_lang() == LANG_DE, pct);
		snprintf(s->detail, sizeof s->detail,
			 _("the shares of a cost add up to more than 100 %%; at most %s %% are left"),
			 pct);
		return end_edit(s, m, ERR_STORE_INVALID);
	}
	st = store_prep(s, edit_sql[ENT_SHARE].upsert);
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	bind_fields(st, ENT_SHARE, e);
	r = step_upsert(s, st, &e->id);
	if (r == ERR_OK)
		model_put_share(m, e);
	return end_edit(s, m, r);
}

enum err store_set_raci(struct store *s, struct model *m, int64_t task,
				 int64_t stakeholder, enum raci role)
{
	if (s->bulk && s->depth > 0 && role != RACI_NONE && !s->failed) {
		/* batched: written by store_bulk_flush (see above) */
		if (s->n_pending == s->cap_pending) {
			s->cap_pending = s->cap_pending ? 2 * s->cap_pending : BULK_ROWS;
			s->pending = xrealloc(s->pending, s->cap_pending * sizeof *s->pending);
		}
		s->pending[s->n_pending++] =
			(struct bulk_cell){task, stakeholder, raci_letter(role)};
		/* the model is reloaded when the bulk change commits */
		(void)m;
		if (s->n_pending < BULK_ROWS)
			return ERR_OK;
		enum err e = bulk_stage(s);
		if (e != ERR_OK)
			s->failed = true;
		return e;
	}
	const struct task *t = model_task(m, task);
	enum err r = store_begin(s, N_("Edit responsibility"), t ? t->name : "");
	if (r != ERR_OK)
		return r;
	sqlite3_stmt *st;
	if (role == RACI_NONE) {
		st = store_prep(s, "DELETE FROM raci WHERE task=?1 AND stakeholder=?2");
	} else {
		st = store_prep(s, "INSERT INTO raci(task,stakeholder,role) VALUES(?1,?2,?3) "
			     "ON CONFLICT(task,stakeholder) DO UPDATE SET role=excluded.role");
	}
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, stakeholder);
	if (role != RACI_NONE) {
		char letter[2] = {raci_letter(role), 0};
		sqlite3_bind_text(st, 3, letter, 1, SQLITE_TRANSIENT);
	}
	r = step_edit(s, st);
	if (r == ERR_OK)
		model_raci_set(m, task, stakeholder, role);
	return end_edit(s, m, r);
}

enum err store_set_agenda(struct store *s, struct model *m, int step, int minutes)
{
	if (step < 0 || step >= STEP_COUNT)
		return ERR_STORE_INVALID;
	enum err r = store_begin(s, N_("Edit agenda"), "");
	if (r != ERR_OK)
		return r;
	sqlite3_stmt *st = store_prep(s, "INSERT INTO agenda(step,minutes) VALUES(?1,?2) "
				   "ON CONFLICT(step) DO UPDATE SET minutes=excluded.minutes");
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	sqlite3_bind_int(st, 1, step);
	sqlite3_bind_int(st, 2, minutes);
	r = step_edit(s, st);
	if (r == ERR_OK) {
		m->agenda[step] = minutes;
		model_changed(m, MODEL_PART_AGENDA);
	}
	return end_edit(s, m, r);
}

enum err store_set_finding_votes(struct store *s, struct model *m, const char *rule,
					 int64_t item, int votes, const char *name)
{
	if (!rule || !*rule || strlen(rule) > 100 || item < 0 || votes < 0 || votes > 999)
		return ERR_STORE_INVALID;
	enum err r = store_begin(s, N_("Dot-vote finding"), name ? name : "");
	if (r != ERR_OK)
		return r;
	sqlite3_stmt *st =
		votes ? store_prep(s, "INSERT INTO finding_vote(rule,item,votes) VALUES(?1,?2,?3) "
				      "ON CONFLICT(rule,item) DO UPDATE SET votes=excluded.votes")
		      : store_prep(s, "DELETE FROM finding_vote WHERE rule=?1 AND item=?2");
	if (!st)
		return end_edit(s, m, ERR_STORE_IO);
	sqlite3_bind_text(st, 1, rule, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, item);
	if (votes)
		sqlite3_bind_int(st, 3, votes);
	r = step_edit(s, st);
	if (r == ERR_OK)
		model_set_finding_votes(m, rule, item, votes);
	return end_edit(s, m, r);
}

enum err store_delete(struct store *s, struct model *m, enum entity kind, int64_t id)
{
	if (kind < 0 || kind >= ENT_COUNT)
		return ERR_STORE_INVALID;
	const char *table = entity_descs[kind].sql;
	enum err r = store_begin(s, entity_descs[kind].del, model_entity_name(m, kind, id));
	if (r != ERR_OK)
		return r;
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id=?", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return end_edit(s, m, store_fail(s, 0));
	sqlite3_bind_int64(st, 1, id);
	r = step_edit(s, st);
	sqlite3_finalize(st);
	if (r != ERR_OK)
		return end_edit(s, m, r);
	s->reload = true;
	return end_edit(s, m, ERR_OK);
}
