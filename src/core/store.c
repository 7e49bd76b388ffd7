/* store.c — the workshop file (SQLite as an application file format). */
#include "config.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store_schema.h"
#include "templates.h"
#include "store_internal.h"
#include "util.h"

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))
_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION, "one migration per schema version");

const char *const *const store_undo_tables = undo_tables;
const size_t store_n_undo_tables = sizeof undo_tables / sizeof *undo_tables;


/* The detail of the last failed open (no store exists then). */
static char open_detail[512];
static int open_version;
/* The last open rolled a journal back into the file before it failed. */
static bool open_changed;

/* ------------------------------------------------------------ errors */

static enum err status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return ERR_OK;
	case SQLITE_FULL:
		return ERR_STORE_FULL;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return ERR_STORE_READONLY;
	case SQLITE_CONSTRAINT:
	case SQLITE_TOOBIG:
	case SQLITE_MISMATCH:
		return ERR_STORE_INVALID;
	case SQLITE_CORRUPT:
		return ERR_STORE_DAMAGED;
	case SQLITE_NOTADB:
		return ERR_STORE_NOT_SQLITE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_STORE_BUSY;
	default:
		return ERR_STORE_IO;
	}
}

enum err store_fail(struct store *s, int rc)
{
	snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(s->db));
	(void)rc;
	enum err e = status_of(sqlite3_extended_errcode(s->db));
	if (e == ERR_STORE_DAMAGED)
		s->broken = true;
	return e;
}

const char *store_detail(const struct store *s)
{
	return s ? s->detail : open_detail;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

char *store_message(enum err st, const char *path_in, const struct store *s)
{
	/* a damaged file's detail, or a file name, may hold any bytes */
	char *detail_safe = str_printable(store_detail(s));
	char *path_safe = str_printable(path_in);
	const char *detail = detail_safe, *path = path_safe;
	/* a failed open that rolled a journal back must not claim the file
	 * is unchanged */
	bool changed = !s && open_changed;
	struct buf b;
	buf_init(&b);
	/* the words are errors.def's; here only which variant and its arguments */
	switch (st) {
	case ERR_OK:
		break;
	case ERR_STORE_NEWER:
		buf_printf(&b, err_text(st), path, open_version, STORE_SCHEMA_VERSION);
		break;
	case ERR_STORE_NOTHING:
		buf_adds(&b, err_text(st));
		break;
	case ERR_STORE_OPEN:
	case ERR_STORE_INVALID:
		buf_printf(&b, err_text(st), path, detail);
		break;
	case ERR_STORE_DAMAGED:
		buf_printf(&b, err_text(changed ? ERR_STORE_DAMAGED_ROLLED_BACK : st), path, detail);
		break;
	case ERR_STORE_UNSAFE:
		buf_printf(&b, err_text(changed ? ERR_STORE_UNSAFE_ROLLED_BACK : st), path, detail);
		break;
	case ERR_STORE_BUSY:
		if (!s && *detail)
			buf_printf(&b, err_text(ERR_STORE_BUSY_DETAIL), path, detail);
		else
			buf_printf(&b, err_text(st), path);
		break;
	case ERR_STORE_NOT_FOUND:
	case ERR_STORE_EXISTS:
	case ERR_STORE_NOT_SQLITE:
	case ERR_STORE_FOREIGN:
	case ERR_STORE_IN_USE:
	case ERR_STORE_READONLY:
	case ERR_STORE_FULL:
	case ERR_STORE_RECOVER:
		buf_printf(&b, err_text(st), path);
		break;
	default: /* ERR_STORE_IO, and a code the store does not return */
		buf_printf(&b, err_text(ERR_STORE_IO), path, *detail ? detail : err_text(ERR_SYS_IO));
		break;
	}
	free(detail_safe);
	free(path_safe);
	return buf_steal(&b);
}

/* ------------------------------------------------------------ SQL helpers */

sqlite3_stmt *store_prep(struct store *s, const char *sql)
{
	for (int i = 0; i < s->n_cache; i++)
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].st);
			sqlite3_clear_bindings(s->cache[i].st);
			return s->cache[i].st;
		}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(s->db));
		return NULL;
	}
	if (s->n_cache < STMT_CACHE) {
		s->cache[s->n_cache].sql = sql;
		s->cache[s->n_cache].st = st;
		s->n_cache++;
	}
	return st;
}

int store_exec(struct store *s, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		snprintf(s->detail, sizeof s->detail, "%s", err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
	}
	return rc;
}


/* ------------------------------------------------------------ open */

static void set_open_detail(const char *fmt, const char *arg)
{
	snprintf(open_detail, sizeof open_detail, fmt, arg);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Checks the 100-byte database header before SQLite sees the file. */
static enum err check_header(int fd)
{
	unsigned char h[100];
	struct stat st;
	if (fstat(fd, &st) != 0) {
		set_open_detail("%s", strerror(errno));
		return ERR_STORE_OPEN;
	}
	if (st.st_size < 100) {
		set_open_detail("%s", st.st_size ? "too short" : "empty");
		return ERR_STORE_NOT_SQLITE;
	}
	ssize_t n = pread(fd, h, sizeof h, 0);
	if (n != (ssize_t)sizeof h) {
		set_open_detail("%s", n < 0 ? strerror(errno) : "short read");
		return n < 0 ? ERR_STORE_OPEN : ERR_STORE_NOT_SQLITE;
	}
	if (memcmp(h, "SQLite format 3", 16) != 0)
		return ERR_STORE_NOT_SQLITE;
	uint32_t app = be32(h + 68);
	uint32_t version = be32(h + 60);
	open_version = (int)version;
	if (app != STORE_APPLICATION_ID)
		return ERR_STORE_FOREIGN;
	if (version > STORE_SCHEMA_VERSION)
		return ERR_STORE_NEWER;
	if (version < 1) {
		set_open_detail("%s", "no schema");
		return ERR_STORE_DAMAGED;
	}
	/* page size must be a power of two in 512..65536 */
	unsigned ps = (unsigned)h[16] << 8 | h[17];
	if (ps == 1)
		ps = 65536;
	if (ps < 512 || (ps & (ps - 1))) {
		set_open_detail("%s", "bad page size");
		return ERR_STORE_DAMAGED;
	}
	return ERR_OK;
}

static bool dir_writable(const char *path)
{
	char *c = xstrdup(path);
	bool ok = access(dirname(c), W_OK) == 0;
	free(c);
	return ok;
}

/* The SQL functions stetig's own statements, its schema's CHECK
 * constraints and its validation use; every other function is refused on
 * a connection to a workshop file. */
static const char *const allowed_functions[] = {
	"count", "max", "min", "sum", "total", "length", "date", "coalesce", "ifnull", "typeof",
};

static int file_auth(void *user, int action, const char *a, const char *b, const char *db,
		     const char *trigger)
{
	(void)user;
	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_FUNCTION:
		for (size_t i = 0; i < sizeof allowed_functions / sizeof *allowed_functions; i++)
			if (b && !strcmp(b, allowed_functions[i]))
				return SQLITE_OK;
		return SQLITE_DENY;
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		/* VACUUM attaches its own scratch database under the hood */
		return a && *a ? SQLITE_DENY : SQLITE_OK;
	default:
		(void)a;
		return SQLITE_OK;
	}
}

/* SQLite's defences for a file someone else made (sqlite.org "Defense
 * Against the Dark Arts"): no schema tricks, no FTS3 tokenizer pointers,
 * no unsafe functions in the schema, limits no larger than stetig needs,
 * and an authorizer that lets only a short list of functions run. */
static void harden(sqlite3 *db)
{
	int on = 0;
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, &on);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, &on);
	/* a row holds at most about fifteen texts of TEXT_MAX_CHARS
	 * characters of up to four bytes each */
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 8 * 1000 * 1000);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 200 * 1000);
	sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 64);
	sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 200);
	sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 16);
	sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 1000 * 1000);
	sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 1);
	sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
	sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 999);
	sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 4);
	sqlite3_limit(db, SQLITE_LIMIT_WORKER_THREADS, 0);
	sqlite3_set_authorizer(db, file_auth, NULL);
}

void store_authorize(struct store *s, bool on)
{
	sqlite3_set_authorizer(s->db, on ? file_auth : NULL, NULL);
}

static enum err apply_pragmas(struct store *s)
{
	/* the timeout comes first: even a pragma reads the file's schema and
	 * must wait while another program commits */
	sqlite3_busy_timeout(s->db, 5000);
	harden(s->db);
	if (store_exec(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
		    "PRAGMA trusted_schema=OFF; PRAGMA recursive_triggers=OFF;"
		    "PRAGMA cell_size_check=ON;"
		    /* statement journals, TEMP triggers and sorts in memory:
		     * an import's batches need no temporary files (perf) */
		    "PRAGMA temp_store=MEMORY;") != SQLITE_OK)
		return store_fail(s, 0);
	return ERR_OK;
}

/* PRAGMA integrity_check on the current connection. On a read-write
 * connection it also checks the CHECK constraints (a read-only one skips
 * them) and that every index matches its table. */
static enum err integrity_check(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(1)", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		enum err e = store_fail(s, rc);
		return e == ERR_STORE_NOT_SQLITE || e == ERR_STORE_IO ? ERR_STORE_DAMAGED : e;
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		enum err e = store_fail(s, rc);
		sqlite3_finalize(st);
		return e == ERR_STORE_NOT_SQLITE || e == ERR_STORE_IO ? ERR_STORE_DAMAGED : e;
	}
	const char *res = (const char *)sqlite3_column_text(st, 0);
	bool ok = res && !strcmp(res, "ok");
	if (!ok)
		snprintf(s->detail, sizeof s->detail, "%s", res ? res : "?");
	sqlite3_finalize(st);
	return ok ? ERR_OK : ERR_STORE_DAMAGED;
}

/* ------------------------------------------------------------ own schema */

/* An in-memory database with stetig's own schema at `version`: what a
 * workshop file of that version must contain, nothing more. */
static sqlite3 *reference_db(int version)
{
	sqlite3 *ref = NULL;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(ref);
		return NULL;
	}
	/* the current version from its one-pass script (schema_gen.c checks
	 * that it gives the same schema as the migrations): 0.5 M instead of
	 * 50 M instructions on every open and first edit */
	if (version == store_schema_ref_version) {
		if (sqlite3_exec(ref, store_schema_ref_sql, NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_close(ref);
			return NULL;
		}
		return ref;
	}
	for (int v = 0; v < version; v++)
		if (sqlite3_exec(ref, migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_close(ref);
			return NULL;
		}
	return ref;
}

static struct store_columns table_columns[sizeof undo_tables / sizeof *undo_tables];
static bool table_columns_ready;

int store_table_index(const char *name)
{
	for (size_t i = 0; i < store_n_undo_tables; i++)
		if (name && !strcmp(name, undo_tables[i]))
			return (int)i;
	return -1;
}

const struct store_columns *store_table_columns(size_t t)
{
	if (t >= store_n_undo_tables)
		return NULL;
	if (!table_columns_ready && store_schema_ref_version == STORE_SCHEMA_VERSION) {
		/* from the build (schema_gen.c): no reference database */
		for (size_t i = 0; i < store_n_undo_tables; i++) {
			struct store_columns *c = &table_columns[i];
			for (c->n = 0; c->n < UNDO_SLOTS && store_schema_ref_columns[i][c->n]; c->n++)
				c->name[c->n] = store_schema_ref_columns[i][c->n];
		}
		table_columns_ready = true;
	}
	if (!table_columns_ready) {
		sqlite3 *ref = reference_db(STORE_SCHEMA_VERSION);
		sqlite3_stmt *st = NULL;
		if (!ref || sqlite3_prepare_v2(ref, "SELECT name FROM pragma_table_info(?) ORDER BY cid",
					       -1, &st, NULL) != SQLITE_OK) {
			sqlite3_close(ref);
			return NULL;
		}
		bool ok = true;
		for (size_t i = 0; i < store_n_undo_tables && ok; i++) {
			struct store_columns *c = &table_columns[i];
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, undo_tables[i], -1, SQLITE_STATIC);
			c->n = 0;
			while (sqlite3_step(st) == SQLITE_ROW) {
				if (c->n == UNDO_SLOTS) {
					ok = false;
					break;
				}
				c->name[c->n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
			}
			ok = ok && c->n > 0;
		}
		sqlite3_finalize(st);
		sqlite3_close(ref);
		if (!ok)
			return NULL;
		table_columns_ready = true;
	}
	return &table_columns[t];
}

/* The schema objects of db: type, name, table and SQL; triggers, views
 * and tables before indexes, so a refusal names what was added rather than
 * an index SQLite made for it. */
static const char schema_sql[] =
	"SELECT type, name, tbl_name, coalesce(sql,'') FROM sqlite_schema ORDER BY type DESC, name";

/* "it contains a <kind> "<name>" that stetig did not create" */
static void name_foreign(struct store *s, const char *type, const char *name, const char *sql)
{
	const char *fmt;
	if (!strcmp(type, "trigger"))
		fmt = _("it contains a trigger “%s” that stetig did not create");
	else if (!strcmp(type, "view"))
		fmt = _("it contains a view “%s” that stetig did not create");
	else if (!strcmp(type, "index"))
		fmt = _("it contains an index “%s” that stetig did not create");
	else if (!strcmp(type, "table") && sql && strstr(sql, "VIRTUAL"))
		fmt = _("it contains a virtual table “%s” that stetig did not create");
	else
		fmt = _("it contains a table “%s” that stetig did not create");
	char *safe = str_printable(name);
	snprintf(s->detail, sizeof s->detail, fmt, safe);
	free(safe);
}

/* Compares the file's schema with stetig's own at `version`: any object
 * stetig did not create refuses the file (named in the detail), any of its
 * own that is missing or altered marks it damaged. */
/* The schema rows a file of `version` must have, in schema_sql's order:
 * the current version's from the build (schema_gen.c), an older one's from
 * an in-memory database of its migrations (*owned: free with free_rows). */
static struct store_schema_row *ref_rows(int version, size_t *n, bool *owned)
{
	*owned = false;
	if (version == store_schema_ref_version) {
		*n = store_schema_ref_n;
		return (struct store_schema_row *)store_schema_ref_rows;
	}
	sqlite3 *ref = reference_db(version);
	sqlite3_stmt *st = NULL;
	if (!ref || sqlite3_prepare_v2(ref, schema_sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_close(ref);
		return NULL;
	}
	struct store_schema_row *r = NULL;
	size_t cap = 0;
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow((void **)&r, &cap, *n + 1, sizeof *r);
		const char *c[4];
		for (int k = 0; k < 4; k++) {
			const char *t = (const char *)sqlite3_column_text(st, k);
			c[k] = xstrdup(t ? t : "");
		}
		r[(*n)++] = (struct store_schema_row){c[0], c[1], c[2], c[3]};
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	if (!r)
		r = xcalloc(1, sizeof *r);
	*owned = true;
	return r;
}

static void free_rows(struct store_schema_row *r, size_t n, bool owned)
{
	if (!owned)
		return;
	for (size_t i = 0; i < n; i++) {
		free((char *)r[i].type);
		free((char *)r[i].name);
		free((char *)r[i].tbl);
		free((char *)r[i].sql);
	}
	free(r);
}

static enum err check_schema(struct store *s, int version)
{
	size_t n_mine = 0;
	bool owned;
	struct store_schema_row *mine = ref_rows(version, &n_mine, &owned);
	if (!mine) {
		snprintf(s->detail, sizeof s->detail, "%s", "out of memory");
		return ERR_STORE_IO;
	}
	sqlite3_stmt *theirs = NULL;
	enum err e = ERR_OK;
	if (sqlite3_prepare_v2(s->db, schema_sql, -1, &theirs, NULL) != SQLITE_OK) {
		e = store_fail(s, 0);
		if (e == ERR_STORE_IO || e == ERR_STORE_NOT_SQLITE)
			e = ERR_STORE_DAMAGED;
		goto done;
	}
	size_t n_theirs = 0;
	int rc;
	while ((rc = sqlite3_step(theirs)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(theirs, 0);
		const char *name = (const char *)sqlite3_column_text(theirs, 1);
		const char *tbl = (const char *)sqlite3_column_text(theirs, 2);
		const char *sql = (const char *)sqlite3_column_text(theirs, 3);
		n_theirs++;
		const struct store_schema_row *r = NULL;
		for (size_t i = 0; i < n_mine && !r; i++)
			if (!strcmp(mine[i].type, type ? type : "") &&
			    !strcmp(mine[i].name, name ? name : ""))
				r = &mine[i];
		if (!r) {
			name_foreign(s, type ? type : "?", name ? name : "?", sql);
			e = ERR_STORE_UNSAFE;
			goto done;
		}
		if (strcmp(tbl ? tbl : "", r->tbl) || strcmp(sql ? sql : "", r->sql)) {
			char *safe = str_printable(name ? name : "?");
			snprintf(s->detail, sizeof s->detail,
				 _("its definition of “%s” differs from stetig's own"), safe);
			free(safe);
			e = ERR_STORE_UNSAFE;
			goto done;
		}
	}
	if (rc != SQLITE_DONE) {
		e = store_fail(s, rc);
		if (e == ERR_STORE_IO || e == ERR_STORE_NOT_SQLITE)
			e = ERR_STORE_DAMAGED;
		goto done;
	}
	if (n_mine != n_theirs) {
		/* something of stetig's own is missing */
		for (size_t i = 0; i < n_mine; i++) {
			sqlite3_stmt *q = NULL;
			bool found = false;
			if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_schema WHERE type=? AND name=?",
					       -1, &q, NULL) == SQLITE_OK) {
				sqlite3_bind_text(q, 1, mine[i].type, -1, SQLITE_STATIC);
				sqlite3_bind_text(q, 2, mine[i].name, -1, SQLITE_STATIC);
				found = sqlite3_step(q) == SQLITE_ROW;
			}
			sqlite3_finalize(q);
			if (!found) {
				snprintf(s->detail, sizeof s->detail, "%s %s missing", mine[i].type,
					 mine[i].name);
				break;
			}
		}
		e = ERR_STORE_DAMAGED;
	}
done:
	sqlite3_finalize(theirs);
	free_rows(mine, n_mine, owned);
	return e;
}

/* The file's application id, or 0. */
static uint32_t application_id(struct store *s)
{
	sqlite3_stmt *st = NULL;
	uint32_t v = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA application_id", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = (uint32_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int user_version(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* (Re)opens the store's connection to path with the given open flags. */
static enum err open_db(struct store *s, const char *path, int oflags)
{
	for (int i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	s->n_cache = 0;
	if (s->db)
		sqlite3_close(s->db);
	s->db = NULL;
	s->recording = false;
	/* NOMUTEX (perf helper): stetig uses a connection from one thread
	 * only, so SQLite need not lock its mutex in every call (a tenth of
	 * loading a large workshop) */
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		snprintf(s->detail, sizeof s->detail, "%s",
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		return ERR_STORE_OPEN;
	}
	return apply_pragmas(s);
}

/* ------------------------------------------------------------ side files */

#define JOURNAL_MAGIC "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
/* SQLite's lock bytes (os_unix.c): a writer holds RESERVED_BYTE */
#define PENDING_BYTE 0x40000000
#define RESERVED_BYTE (PENDING_BYTE + 1)

static char *side_name(const char *path, const char *suffix)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s", path, suffix);
	return buf_steal(&b);
}

/* true when another process is in the middle of a write transaction
 * (holds SQLite's RESERVED lock); the journal beside the file is then
 * live, not left by a crash. F_GETLK only asks, it takes no lock. */
static bool writer_active(int fd)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = RESERVED_BYTE;
	fl.l_len = 1;
	if (fcntl(fd, F_GETLK, &fl) != 0)
		return false;
	return fl.l_type != F_UNLCK;
}

/* true when the journal at jpath belongs to the database whose first 100
 * bytes are h: same page size; its copy of page 1 is a workshop of a
 * version this build reads whose change counter is the file's or one
 * before; with no records, the file has the size the journal expects. */
static bool journal_belongs(int jfd, off_t jsize, const unsigned char *h, off_t dbsize)
{
	unsigned char jh[28];
	if (pread(jfd, jh, sizeof jh, 0) != (ssize_t)sizeof jh || memcmp(jh, JOURNAL_MAGIC, 8))
		return false;
	uint32_t nrec = be32(jh + 8), norig = be32(jh + 16), sector = be32(jh + 20);
	uint32_t jpage = be32(jh + 24);
	unsigned dbpage = (unsigned)h[16] << 8 | h[17];
	if (dbpage == 1)
		dbpage = 65536;
	if (jpage != dbpage || sector < 32 || sector > 65536 || (sector & (sector - 1)))
		return false;
	off_t rec = (off_t)jpage + 8;
	off_t max_rec = (jsize - (off_t)sector) / rec;
	if (nrec == 0xffffffffu || (off_t)nrec > max_rec)
		nrec = (uint32_t)(max_rec < 0 ? 0 : max_rec);
	if (nrec == 0)
		return dbsize / (off_t)dbpage == (off_t)norig;
	for (uint32_t i = 0; i < nrec && i < 1000000; i++) {
		off_t at = (off_t)sector + (off_t)i * rec;
		unsigned char pg[4];
		if (pread(jfd, pg, 4, at) != 4)
			return false;
		if (be32(pg) != 1)
			continue;
		unsigned char p1[100];
		if (pread(jfd, p1, sizeof p1, at + 4) != (ssize_t)sizeof p1)
			return false;
		uint32_t cj = be32(p1 + 24), cf = be32(h + 24);
		uint32_t version = be32(p1 + 60);
		return !memcmp(p1, "SQLite format 3", 16) && !memcmp(p1 + 16, h + 16, 2) &&
		       be32(p1 + 68) == STORE_APPLICATION_ID && version >= 1 &&
		       version <= STORE_SCHEMA_VERSION && (cf == cj || cf == cj + 1);
	}
	return false;
}

/* Looks at what SQLite would read besides the file before it opens it:
 * stetig never uses WAL, so a -wal beside the file is foreign; a hot
 * -journal (left by a crash) is rolled back only when editing and only if
 * it belongs to the file. A reader refuses it and changes nothing. */
static enum err check_side_files(struct store *s, const char *path, bool readonly,
					  bool *recover)
{
	*recover = false;
	char *wal = side_name(path, "-wal");
	struct stat st;
	bool has_wal = lstat(wal, &st) == 0;
	if (has_wal) {
		char *safe = str_printable(wal);
		snprintf(open_detail, sizeof open_detail,
			 _("a file “%s” lies beside it that stetig did not write"), safe);
		free(safe);
	}
	free(wal);
	if (has_wal)
		return ERR_STORE_UNSAFE;
	char *jpath = side_name(path, "-journal");
	enum err e = ERR_OK;
	if (lstat(jpath, &st) == 0) {
		unsigned char first = 0;
		int jfd = S_ISREG(st.st_mode) ? open(jpath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1;
		bool hot = st.st_size > 0 &&
			   (jfd < 0 || (pread(jfd, &first, 1, 0) == 1 && first != 0));
		if (hot && !writer_active(s->lock_fd)) {
			unsigned char h[100];
			struct stat dst;
			bool mine = jfd >= 0 && fstat(s->lock_fd, &dst) == 0 &&
				    pread(s->lock_fd, h, sizeof h, 0) == (ssize_t)sizeof h &&
				    journal_belongs(jfd, st.st_size, h, dst.st_size);
			char *safe = str_printable(jpath);
			if (!mine) {
				snprintf(open_detail, sizeof open_detail,
					 _("the journal “%s” beside it does not belong to it "
					   "(for example a file restored from a backup next to an "
					   "old journal); move the journal away only if you are "
					   "sure"),
					 safe);
				e = ERR_STORE_UNSAFE;
			} else if (readonly) {
				e = ERR_STORE_RECOVER;
			} else {
				*recover = true;
			}
			free(safe);
		}
		if (jfd >= 0)
			close(jfd);
	}
	free(jpath);
	return e;
}

/* Runs migration v, stetig's own SQL, on a file whose schema was checked
 * against the migrations before it (check_identity). The authorizer is off
 * meanwhile: SQLite's ALTER TABLE runs its own internal SQL (printf and
 * the sqlite_rename_* functions), just as VACUUM does. */
static int exec_migration(struct store *s, int v)
{
	store_authorize(s, false);
	int rc = store_exec(s, migrations[v]);
	store_authorize(s, true);
	return rc;
}

/* Brings the schema from version `from` to the current one in one
 * transaction and checks every value before it commits. The undo history
 * is dropped: it was written for the old schema (before format 3 it even
 * held SQL text, which stetig no longer runs). */
static enum err migrate(struct store *s, int from)
{
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
		return store_fail(s, 0);
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		if (exec_migration(s, v) != SQLITE_OK)
			goto bad;
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d;",
		 STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
	if (store_exec(s, sql) != SQLITE_OK)
		goto bad;
	/* undo_log explicitly: the in-memory copy of a reader has no
	 * foreign_keys pragma, so no cascade */
	if (from > 0 && store_exec(s, "DELETE FROM undo_log; DELETE FROM undo_step") != SQLITE_OK)
		goto bad;
	/* the values are checked before the migration is committed, so a
	 * refused file stays as it was */
	enum err e = store_validate(s);
	if (e != ERR_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return e;
	}
	if (store_exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	return ERR_OK;
bad:
	e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return e;
}

/* ------------------------------------------------------------ clean closes */

/* The files closed cleanly after editing (store_set_trust_file). */
static char *trust_file;
#define TRUST_MAX_LINES 200
#define TRUST_MAX_BYTES (TRUST_MAX_LINES * 160)

void store_set_trust_file(const char *path)
{
	free(trust_file);
	trust_file = path ? xstrdup(path) : NULL;
}

/* The identity of the open file fd as one line (no newline): device,
 * inode, size, mtime and ctime in nanoseconds, and the change counter and
 * page count of its header. The ctime cannot be set back by a user: any
 * write, chmod or rename by anyone moves it. false if fd cannot tell. */
static bool file_identity(int fd, char *out, size_t n)
{
	struct stat st;
	unsigned char h[32];
	if (fd < 0 || fstat(fd, &st) != 0 || pread(fd, h, sizeof h, 0) != (ssize_t)sizeof h)
		return false;
	snprintf(out, n, "%ju %ju %jd %jd.%09ld %jd.%09ld %u %u", (uintmax_t)st.st_dev,
		 (uintmax_t)st.st_ino, (intmax_t)st.st_size, (intmax_t)st.st_mtim.tv_sec,
		 st.st_mtim.tv_nsec, (intmax_t)st.st_ctim.tv_sec, st.st_ctim.tv_nsec, be32(h + 24),
		 be32(h + 28));
	return true;
}

/* true when the file's identity is remembered from a clean close. */
static bool trusted(int fd)
{
	char id[160], *all = NULL;
	size_t len;
	if (!trust_file || !file_identity(fd, id, sizeof id) ||
	    file_read_all(trust_file, TRUST_MAX_BYTES, &all, &len) != 0)
		return false;
	bool found = false;
	size_t idn = strlen(id);
	for (char *line = all; line && *line && !found;) {
		char *nl = strchr(line, '\n');
		size_t ln = nl ? (size_t)(nl - line) : strlen(line);
		found = ln == idn && !memcmp(line, id, idn);
		line = nl ? nl + 1 : NULL;
	}
	free(all);
	return found;
}

/* Remembers the identity of fd (replacing an older line for the same
 * device and inode), keeping the newest TRUST_MAX_LINES. Failures only
 * mean the next open checks the file. */
static void remember_clean(int fd)
{
	char id[160], *all = NULL;
	size_t len = 0;
	if (!trust_file || !file_identity(fd, id, sizeof id))
		return;
	if (file_read_all(trust_file, TRUST_MAX_BYTES, &all, &len) != 0)
		all = NULL;
	/* the key: device and inode, the first two fields */
	const char *sp = strchr(id, ' ');
	sp = sp ? strchr(sp + 1, ' ') : NULL;
	size_t keyn = sp ? (size_t)(sp - id) + 1 : strlen(id);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n", id);
	int kept = 1;
	for (char *line = all; line && *line && kept < TRUST_MAX_LINES;) {
		char *nl = strchr(line, '\n');
		size_t ln = nl ? (size_t)(nl - line) : strlen(line);
		if (ln && ln < sizeof id && !(ln >= keyn && !memcmp(line, id, keyn))) {
			buf_add(&b, line, ln);
			buf_adds(&b, "\n");
			kept++;
		}
		line = nl ? nl + 1 : NULL;
	}
	free(all);
	file_write_atomic(trust_file, b.data, b.len);
	buf_free(&b);
}

static void store_free(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->pending);
	store_record_discard(s);
	free(s->rec);
	bool closed = !s->db || sqlite3_close(s->db) == SQLITE_OK;
	/* after SQLite's last write and before the lock goes: a session
	 * that began from a checked state and ended without damage and
	 * without an open transaction leaves a file worth remembering */
	if (s->remember && closed && s->vouched && !s->broken && s->depth == 0)
		remember_clean(s->lock_fd);
	/* the lock fd is closed only after SQLite's own */
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	free(s->path);
	free(s);
}

void store_close(struct store *s)
{
	if (s)
		s->remember = true;
	store_free(s);
}

/* Copies a read-only file into memory and migrates the copy there, so an
 * old file can be read without changing it. */
static enum err load_into_memory(struct store *s)
{
	sqlite3 *mem = NULL;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(mem);
		return ERR_STORE_IO;
	}
	sqlite3_backup *b = sqlite3_backup_init(mem, "main", s->db, "main");
	int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(mem));
		sqlite3_close(mem);
		return status_of(rc);
	}
	sqlite3_close(s->db);
	s->db = mem;
	s->recording = false;
	sqlite3_busy_timeout(mem, 5000);
	harden(mem);
	return ERR_OK;
}

static enum err load(struct store *s, struct model *m, bool raci);

/* Reads the version the file claims and checks it, its application id
 * and its schema against stetig's own. */
static enum err check_identity(struct store *s, int *version)
{
	if (application_id(s) != STORE_APPLICATION_ID)
		return ERR_STORE_FOREIGN;
	*version = user_version(s);
	open_version = *version;
	if (*version < 0) {
		snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(s->db));
		return ERR_STORE_DAMAGED;
	}
	if (*version > STORE_SCHEMA_VERSION)
		return ERR_STORE_NEWER;
	if (*version < 1) {
		snprintf(s->detail, sizeof s->detail, "%s", "no schema");
		return ERR_STORE_DAMAGED;
	}
	return check_schema(s, *version);
}

/* What another program holding the file is doing, for the busy message. */
static void note_busy(struct store *s)
{
	if (s->lock_fd >= 0 && !(s->flags & STORE_EXCLUSIVE) &&
	    flock(s->lock_fd, LOCK_SH | LOCK_NB) != 0)
		snprintf(s->detail, sizeof s->detail, "%s",
			 _("another stetig that has it open is saving a change"));
	else
		snprintf(s->detail, sizeof s->detail, "%s",
			 _("another program is writing to it"));
	if (s->lock_fd >= 0 && !(s->flags & STORE_EXCLUSIVE))
		flock(s->lock_fd, LOCK_UN);
}

static enum err open_existing(const char *path, int flags, struct model *m,
				       struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	s->path = xstrdup(path);
	s->flags = flags;
	open_changed = false;
	enum err e;

	struct stat st;
	if (stat(path, &st) != 0) {
		set_open_detail("%s", strerror(errno));
		e = errno == ENOENT ? ERR_STORE_NOT_FOUND : ERR_STORE_OPEN;
		goto bad;
	}
	if (!S_ISREG(st.st_mode)) {
		set_open_detail("%s", strerror(S_ISDIR(st.st_mode) ? EISDIR : EINVAL));
		e = ERR_STORE_OPEN;
		goto bad;
	}
	s->lock_fd = open(path, O_RDWR | O_CLOEXEC);
	if (s->lock_fd < 0)
		s->lock_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->lock_fd < 0) {
		set_open_detail("%s", strerror(errno));
		e = ERR_STORE_OPEN;
		goto bad;
	}
	e = check_header(s->lock_fd);
	if (e != ERR_OK)
		goto bad;
	bool readonly = (flags & STORE_READONLY) != 0;
	if (!readonly) {
		if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
			int err = errno;
			set_open_detail("%s", strerror(err));
			e = err == EWOULDBLOCK ? ERR_STORE_IN_USE : ERR_STORE_OPEN;
			goto bad;
		}
		if (access(path, W_OK) != 0 || !dir_writable(path)) {
			e = ERR_STORE_READONLY;
			goto bad;
		}
	}
	/* SQLite reads a -wal or a hot -journal beside the file as part of
	 * it: those are checked before it opens the file */
	bool recover;
	e = check_side_files(s, path, readonly, &recover);
	bool known = !readonly && e == ERR_OK && trusted(s->lock_fd);
	if (e != ERR_OK)
		goto bad;
	e = open_db(s, path, readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
	if (e != ERR_OK)
		goto bad_detail;
	s->writable = !readonly;
	if (recover) {
		/* the first read rolls the journal back into the file */
		if (store_exec(s, "SELECT count(*) FROM sqlite_schema") != SQLITE_OK) {
			e = store_fail(s, 0);
			goto bad_detail;
		}
		open_changed = true;
	}
	/* header, version and schema as SQLite now reads them (after any
	 * recovery), then the whole file: a read-write connection checks the
	 * CHECK constraints and the indexes too. A reader does not edit; the
	 * values it loads are checked row by row below. */
	/* A file remembered from a clean close (store_set_trust_file) is in
	 * the state a checked session of this user left: the whole-file
	 * check and the value check cannot find anything there. Only an
	 * editing open, which holds the lock, and not when a journal was
	 * rolled back. Its identity was taken before SQLite opened it. */
	bool skip = !readonly && !recover && known;
	int v;
	e = check_identity(s, &v);
	if (e == ERR_OK && !readonly && !skip)
		e = integrity_check(s);
	if (e != ERR_OK)
		goto bad_detail;
	/* every value is checked: an old file within its migration (in
	 * memory for a reader, never on disk), a current one here */
	if (v < STORE_SCHEMA_VERSION) {
		if (readonly)
			e = load_into_memory(s);
		if (e == ERR_OK)
			e = migrate(s, v);
	} else if (!skip) {
		e = store_validate(s);
	}
	if (e != ERR_OK)
		goto bad_detail;
	if (m) {
		e = load(s, m, !(flags & STORE_DEFER_RACI));
		if (e == ERR_STORE_IO)
			e = ERR_STORE_DAMAGED; /* e.g. a short read of a cut-off file */
		if (e != ERR_OK)
			goto bad_detail;
	}
	s->vouched = !readonly;
	*out = s;
	return ERR_OK;
bad_detail:
	if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_BUSY && e == ERR_STORE_BUSY)
		note_busy(s);
	if (s->db && sqlite3_extended_errcode(s->db) == SQLITE_READONLY_ROLLBACK)
		e = ERR_STORE_RECOVER; /* a crash left a journal after the check above */
	snprintf(open_detail, sizeof open_detail, "%s", s->detail);
	if (e == ERR_STORE_NOT_SQLITE)
		e = ERR_STORE_DAMAGED;
bad:
	store_free(s);
	*out = NULL;
	return e;
}

enum err store_open(const char *path, int flags, struct model *m, struct store **out)
{
	open_detail[0] = '\0';
	*out = NULL;
	if ((flags & STORE_CREATE) && access(path, F_OK) != 0 && errno == ENOENT)
		return store_create(path, i18n_lang(), NULL, NULL, m, out);
	return open_existing(path, flags, m, out);
}

/* Builds a fresh file at tmp: schema at `version`, ids, language. */
static enum err init_file(const char *tmp, int version, enum lang lang, struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	s->path = xstrdup(tmp);
	s->writable = true;
	enum err e = ERR_OK;
	if (sqlite3_open_v2(tmp, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		e = store_fail(s, 0);
		goto bad;
	}
	if (store_exec(s, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096;") != SQLITE_OK) {
		e = store_fail(s, 0);
		goto bad;
	}
	e = apply_pragmas(s);
	if (e != ERR_OK)
		goto bad;
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		e = store_fail(s, 0);
		goto bad;
	}
	for (int v = 0; v < version; v++)
		if (exec_migration(s, v) != SQLITE_OK) {
			e = store_fail(s, 0);
			goto bad;
		}
	char sql[160];
	snprintf(sql, sizeof sql,
		 "PRAGMA user_version=%d; PRAGMA application_id=%d;"
		 "UPDATE workshop SET language='%s';",
		 version, STORE_APPLICATION_ID, lang == LANG_DE ? "de" : "en");
	if (store_exec(s, sql) != SQLITE_OK || store_exec(s, "COMMIT") != SQLITE_OK) {
		e = store_fail(s, 0);
		goto bad;
	}
	*out = s;
	return ERR_OK;
bad:
	snprintf(open_detail, sizeof open_detail, "%s", s->detail);
	store_free(s);
	*out = NULL;
	return e;
}

/* A temporary name beside path; the file is created empty. */
static char *temp_beside(const char *path, int *err)
{
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	snprintf(tmp, n, "%s.new-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = errno;
		free(tmp);
		return NULL;
	}
	/* mkstemp makes 0600; a workshop is an ordinary document (umask applies) */
	mode_t um = umask(0);
	umask(um);
	(void)fchmod(fd, 0666 & ~um); /* on failure it stays 0600, which is safe */
	close(fd);
	*err = 0;
	return tmp;
}

static enum err errno_status(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return ERR_STORE_FULL;
	case EACCES:
	case EPERM:
	case EROFS:
		return ERR_STORE_READONLY;
	case EEXIST:
		return ERR_STORE_EXISTS;
	case ENOENT:
		return ERR_STORE_NOT_FOUND;
	default:
		return ERR_STORE_OPEN;
	}
}

/* Publishes tmp under path unless path exists. */
static enum err publish(const char *tmp, const char *path)
{
	if (link(tmp, path) != 0) {
		int err = errno;
		set_open_detail("%s", strerror(err));
		unlink(tmp);
		return errno_status(err);
	}
	unlink(tmp);
	char *c = xstrdup(path);
	int dfd = open(dirname(c), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(c);
	return ERR_OK;
}

static enum err add_catalogue(struct store *s, enum lang lang)
{
	const struct catalogue *cat = catalogue_get(lang);
	if (!cat || !cat->n)
		return ERR_OK;
	sqlite3_stmt *st = store_prep(s, "INSERT INTO check_item(factor,field,item) VALUES(?,?,?)");
	if (!st)
		return store_fail(s, 0);
	for (size_t i = 0; i < cat->n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, cat->v[i].factor);
		bind_word(st, 2, VOCAB_FIELD, cat->v[i].field);
		sqlite3_bind_int(st, 3, cat->v[i].item);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_fail(s, 0);
	}
	return ERR_OK;
}

enum err store_create(const char *path, enum lang lang, store_populate_fn populate,
			       void *user, struct model *m, struct store **out)
{
	*out = NULL;
	open_detail[0] = '\0';
	if (access(path, F_OK) == 0)
		return ERR_STORE_EXISTS;
	int err;
	char *tmp = temp_beside(path, &err);
	if (!tmp) {
		set_open_detail("%s", strerror(err));
		return errno_status(err);
	}
	struct store *s = NULL;
	struct model scratch;
	model_init(&scratch);
	enum err e = init_file(tmp, STORE_SCHEMA_VERSION, lang, &s);
	if (e == ERR_OK) {
		/* the catalogue goes in before undo records anything */
		if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
			e = store_fail(s, 0);
		if (e == ERR_OK) {
			e = add_catalogue(s, lang);
			if (e == ERR_OK && store_exec(s, "COMMIT") != SQLITE_OK)
				e = store_fail(s, 0);
			if (e != ERR_OK)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		}
		if (e == ERR_OK)
			e = store_load(s, &scratch);
		if (e == ERR_OK && populate && populate(s, &scratch, user) != 0) {
			if (!*s->detail)
				snprintf(s->detail, sizeof s->detail, "%s", "template");
			e = ERR_STORE_INVALID;
		}
		/* a new file starts without history */
		if (e == ERR_OK && store_exec(s, "DELETE FROM undo_step") != SQLITE_OK)
			e = store_fail(s, 0);
		if (e != ERR_OK)
			snprintf(open_detail, sizeof open_detail, "%s", s->detail);
		store_free(s);
	}
	model_free(&scratch);
	if (e == ERR_OK)
		e = publish(tmp, path);
	else
		unlink(tmp);
	free(tmp);
	if (e != ERR_OK)
		return e;
	return open_existing(path, STORE_EXCLUSIVE, m, out);
}

enum err store_create_version(const char *path, int version)
{
	if (version < 1 || version > STORE_SCHEMA_VERSION)
		return ERR_STORE_INVALID;
	int err;
	char *tmp = temp_beside(path, &err);
	if (!tmp)
		return errno_status(err);
	struct store *s = NULL;
	enum err e = init_file(tmp, version, LANG_EN, &s);
	store_free(s);
	if (e == ERR_OK)
		e = publish(tmp, path);
	else
		unlink(tmp);
	free(tmp);
	return e;
}

/* ------------------------------------------------------------ load */

/* "SELECT id,<columns> FROM <table> ORDER BY id" for every kind. */
#define SELECT_COL(K, name, type, arg, lo, hi, empty, init, sql, ...) "," sql
#define SELECT_SQL(K, prefix, type, member, sql, ...)                                      \
	[ENT_##K] = "SELECT id" K##_FIELDS(SELECT_COL) " FROM " sql " ORDER BY id",
static const char *const select_sql[ENT_COUNT + 1] = {
	ENTITIES(SELECT_SQL)
	[ENT_WORKSHOP] = "SELECT id" WORKSHOP_FIELDS(SELECT_COL) " FROM workshop ORDER BY id",
};
#undef SELECT_SQL
#undef SELECT_COL

/* Reads the fields of an entity from the columns after the id. */
static void read_fields(sqlite3_stmt *st, enum entity kind, void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	memset(e, 0, d->size);
	for (size_t i = 0; i < d->n; i++) {
		const struct entity_field *f = &d->fields[i];
		void *p = field_at(e, f);
		int col = (int)i + 1;
		switch (f->type) {
		case FT_TEXT:
		case FT_DATETEXT:
		case FT_TIME:
		case FT_DATE: *(char **)p = col_text(st, col); break;
		case FT_WORD: *(int *)p = col_word(st, col, (enum vocab_kind)f->arg); break;
		case FT_FLAG: *(bool *)p = sqlite3_column_int(st, col) != 0; break;
		case FT_INT: *(int *)p = sqlite3_column_int(st, col); break;
		case FT_REF: *(int64_t *)p = sqlite3_column_int64(st, col); break;
		case FT_NUM: *(double *)p = sqlite3_column_double(st, col); break;
		case FT_OPTNUM: *(struct optnum *)p = col_opt_num(st, col); break;
		}
	}
}

/* Loads every row of a kind into the model; returns SQLite's code. */
static int load_kind(struct store *s, struct model *m, enum entity kind)
{
	sqlite3_stmt *st = store_prep(s, select_sql[kind]);
	if (!st)
		return SQLITE_ERROR;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		union entity_any e;
		read_fields(st, kind, &e);
		if (kind == ENT_WORKSHOP) {
			model_set_workshop(m, &e.workshop);
		} else {
			*(int64_t *)&e = sqlite3_column_int64(st, 0);
			model_put(m, kind, &e);
		}
		entity_free(kind, &e);
	}
	sqlite3_reset(st);
	return rc;
}

/* The RACI matrix in table order (cheaper than walking the (task,
 * stakeholder) index, and for imported matrices already the model's row
 * order) into an array, then into the model in one pass
 * (model_raci_load): no search and no growing per cell. */
static int load_raci(struct store *s, struct model *m)
{
	sqlite3_stmt *st = store_prep(s, "SELECT task,stakeholder,role FROM raci ORDER BY id");
	if (!st)
		return SQLITE_ERROR;
	struct raci_cell *c = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			xgrow((void **)&c, &cap, n + 1, sizeof *c);
		const char *r = (const char *)sqlite3_column_text(st, 2);
		c[n].task = sqlite3_column_int64(st, 0);
		c[n].stakeholder = sqlite3_column_int64(st, 1);
		c[n].role = (uint8_t)raci_from_letter(r ? r[0] : 0);
		n++;
	}
	if (rc == SQLITE_DONE)
		model_raci_load(m, c, n);
	free(c);
	sqlite3_reset(st);
	return rc;
}

bool store_raci_pending(const struct store *s)
{
	return s->raci_pending;
}

enum err store_load_raci(struct store *s, struct model *m)
{
	if (!s->raci_pending)
		return ERR_OK;
	bool own_tx = sqlite3_get_autocommit(s->db);
	if (own_tx && store_exec(s, "BEGIN") != SQLITE_OK)
		return store_fail(s, 0);
	if (load_raci(s, m) != SQLITE_DONE) {
		enum err e = store_fail(s, 0);
		s->vouched = false; /* not a state to remember as checked */
		if (own_tx)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return e == ERR_STORE_NOT_SQLITE || e == ERR_STORE_IO ? ERR_STORE_DAMAGED : e;
	}
	if (own_tx)
		store_exec(s, "COMMIT");
	s->raci_pending = false;
	return ERR_OK;
}

enum err store_load(struct store *s, struct model *m)
{
	return load(s, m, true);
}

static enum err load(struct store *s, struct model *m, bool raci)
{
	s->raci_pending = !raci;
	model_clear(m);
	sqlite3_stmt *st;
	int rc;
	/* The whole load reads one snapshot. */
	bool own_tx = sqlite3_get_autocommit(s->db);
	if (own_tx && store_exec(s, "BEGIN") != SQLITE_OK)
		return store_fail(s, 0);

#define QUERY(sql)                                  \
	st = store_prep(s, sql);                          \
	if (!st)                                    \
		goto bad;                           \
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
#define END_QUERY               \
	if (rc != SQLITE_DONE)  \
		goto bad;       \
	sqlite3_reset(st)

	if (load_kind(s, m, ENT_WORKSHOP) != SQLITE_DONE)
		goto bad;
	for (int i = 0; i < STEP_COUNT; i++)
		m->agenda[i] = 0;
	QUERY("SELECT step,minutes FROM agenda")
	{
		int step = sqlite3_column_int(st, 0);
		if (step >= 0 && step < STEP_COUNT)
			m->agenda[step] = sqlite3_column_int(st, 1);
	}
	END_QUERY;
	QUERY("SELECT rule,item,votes FROM finding_vote ORDER BY id")
	{
		const char *rule = (const char *)sqlite3_column_text(st, 0);
		model_set_finding_votes(m, rule ? rule : "", sqlite3_column_int64(st, 1),
					sqlite3_column_int(st, 2));
	}
	END_QUERY;
	/* in the order of their references */
	static const enum entity before_raci[] = {ENT_SGOAL, ENT_GOAL, ENT_STAKEHOLDER,
						  ENT_INDICATOR, ENT_TASK};
	for (size_t i = 0; i < sizeof before_raci / sizeof *before_raci; i++)
		if (load_kind(s, m, before_raci[i]) != SQLITE_DONE)
			goto bad;
	if (raci && load_raci(s, m) != SQLITE_DONE)
		goto bad;
	static const enum entity after_raci[] = {ENT_COST,  ENT_SHARE,	 ENT_CHECK,
						 ENT_NOTE, ENT_DECISION, ENT_MILESTONE, ENT_BLOCK};
	for (size_t i = 0; i < sizeof after_raci / sizeof *after_raci; i++)
		if (load_kind(s, m, after_raci[i]) != SQLITE_DONE)
			goto bad;
#undef QUERY
#undef END_QUERY
	if (own_tx)
		store_exec(s, "COMMIT");
	return ERR_OK;
bad:;
	enum err e = store_fail(s, 0);
	if (own_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	model_clear(m);
	return e == ERR_STORE_NOT_SQLITE ? ERR_STORE_DAMAGED : e;
}
