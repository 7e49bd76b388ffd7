/* store_internal.h — what store.c, store_edit.c and store_undo.c share.
 * Private to the store module. */
#ifndef STETIG_STORE_INTERNAL_H
#define STETIG_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "store.h"
#include "util.h"
#include "vocab.h"

/* Statements kept prepared for the session (store_prep): room for every
 * distinct statement of a session, the entities' load, insert, update and
 * upsert statements included; one beyond it is not kept. */
#define STMT_CACHE 128

/* The value slots v0… of an undo entry: enough for the widest data table. */
#define UNDO_SLOTS 28

struct store {
	sqlite3 *db;
	char *path;
	int lock_fd;
	int flags;
	bool writable;
	int depth;	 /* nesting of store_begin */
	bool failed;	 /* a save inside the current group failed */
	bool reload;	 /* the model must be reloaded at the end of the group */
	bool recording;	 /* changes of the data tables are recorded for undo */
	struct undo_rec *rec; /* changes recorded, not yet in undo_log */
	size_t n_rec, cap_rec;
	bool rec_failed; /* a change could not be recorded */
	bool changed;	 /* opening rolled back a journal into the file */
	bool bulk;	 /* inside store_begin_bulk: RACI cells are batched */
	struct bulk_cell {
		int64_t task, stakeholder;
		char role;
	} *pending;	 /* RACI cells of a bulk change not yet written */
	size_t n_pending, cap_pending;
	bool staged;	 /* temp.bulk_raci holds cells not yet in raci */
	bool raci_pending; /* opened with STORE_DEFER_RACI, matrix not read */
	bool vouched;	 /* opened for editing from a checked or remembered state */
	bool broken;	 /* SQLite reported damage during the session */
	bool remember;	 /* closed by store_close (not a failed open) */
	char detail[512];
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
	int n_cache;
};

/* The tables whose changes are recorded for undo (store_schema.h). */
extern const char *const *const store_undo_tables;
extern const size_t store_n_undo_tables;

/* Sets the store's detail from SQLite and maps the error to a status
 * (ERR_STORE_DAMAGED also marks the session broken: not remembered). */
enum err store_fail(struct store *s, int rc);
/* A prepared statement from the store's cache (reset, bindings cleared). */
sqlite3_stmt *store_prep(struct store *s, const char *sql);
/* Runs SQL; on error the detail says why. Returns SQLite's code. */
int store_exec(struct store *s, const char *sql);
/* Switches the authorizer that lets only stetig's short list of SQL
 * functions run (on by default on every connection to a file). */
void store_authorize(struct store *s, bool on);
/* Undo recording: every change of a data table (store_undo_tables) on
 * the connection, cascades included, becomes an entry of the newest undo
 * step: the table, the operation, the row id and the old values. With
 * SQLite's pre-update hook the entries are kept in memory until
 * store_record_flush writes them, before the step's transaction ends
 * (a group whose statement failed is rolled back, and its entries are
 * dropped by store_record_discard at the next start); without the hook
 * (a libsqlite3 built without it) TEMP triggers write them at once.
 * store_record_on costs nothing with the hook. */
enum err store_record_on(struct store *s);
/* Stops recording (a bulk change records a snapshot instead), after
 * writing what was recorded. */
enum err store_record_off(struct store *s);
/* Writes the recorded entries into undo_log under the newest step. */
enum err store_record_flush(struct store *s);
/* Forgets recorded entries not written (a rolled-back transaction). */
void store_record_discard(struct store *s);

/* Writes the RACI cells a bulk change has batched (store_set_raci);
 * called before anything else touches the file in the group. */
enum err store_bulk_flush(struct store *s);
/* Ends bulk mode: forgets unwritten cells, the page cache back to its
 * default size. */
void store_bulk_end(struct store *s);

/* The columns of data table store_undo_tables[t] in stetig's own schema
 * (never read from a file), in column order; NULL when t is unknown. */
/* The current schema as one SQL script (src/schema_ref.c, generated at
 * build time from store_schema.h by src/schema_gen.c). */
extern const int store_schema_ref_version;
extern const char store_schema_ref_sql[];
/* its rows of sqlite_schema (type, name, table, SQL or ''), ordered by
 * type descending, then name */
struct store_schema_row {
	const char *type, *name, *tbl, *sql;
};
extern const struct store_schema_row store_schema_ref_rows[];
extern const size_t store_schema_ref_n;
/* the columns of each of store_undo_tables, NULL-terminated */
extern const char *const store_schema_ref_columns[][UNDO_SLOTS + 1];

/* the DEFAULT of each of those columns (SQLITE_NULL when it has none):
 * a row written before a migration added a column has no value for it */
struct store_default {
	int type; /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
	long long i;
	double r;
	const char *text;
};
extern const struct store_default store_schema_ref_defaults[][UNDO_SLOTS];

struct store_columns {
	int n;
	const char *name[UNDO_SLOTS];
};
const struct store_columns *store_table_columns(size_t t);
/* The index of a data table in store_undo_tables, or -1. */
int store_table_index(const char *name);

/* Checks every value the program relies on in every row (ranges, choice
 * words, dates, text lengths, references), whatever the file's schema
 * claims. ERR_STORE_DAMAGED with a detail naming table, row and column. */
enum err store_validate(struct store *s);
/* Re-reads the whole workshop (store_load) — declared in store.h. */

/* Binding parameters and reading columns. */
static inline void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT);
}

/* "" → NULL (optional dates) */
static inline void bind_opt_text(sqlite3_stmt *st, int i, const char *v)
{
	if (str_empty(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static inline void bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static inline void bind_opt_num(sqlite3_stmt *st, int i, struct optnum n)
{
	if (n.set)
		sqlite3_bind_double(st, i, n.v);
	else
		sqlite3_bind_null(st, i);
}

static inline void bind_opt_int(sqlite3_stmt *st, int i, int v)
{
	if (v)
		sqlite3_bind_int(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static inline void bind_word(sqlite3_stmt *st, int i, enum vocab_kind k, int v)
{
	sqlite3_bind_text(st, i, vocab_word(k, v, LANG_EN), -1, SQLITE_STATIC);
}

static inline char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

static inline int col_word(sqlite3_stmt *st, int i, enum vocab_kind k)
{
	int v = vocab_lookup_lang(k, (const char *)sqlite3_column_text(st, i), LANG_EN);
	return v < 0 ? 0 : v;
}

static inline struct optnum col_opt_num(sqlite3_stmt *st, int i)
{
	struct optnum n = {0, false};
	if (sqlite3_column_type(st, i) != SQLITE_NULL) {
		n.v = sqlite3_column_double(st, i);
		n.set = true;
	}
	return n;
}

#endif
