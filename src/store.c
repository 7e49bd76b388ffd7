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

/* ------------------------------------------------------------ errors */

static enum store_status status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return STORE_OK;
	case SQLITE_FULL:
		return STORE_E_FULL;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return STORE_E_READONLY;
	case SQLITE_CONSTRAINT:
	case SQLITE_TOOBIG:
	case SQLITE_MISMATCH:
		return STORE_E_INVALID;
	case SQLITE_CORRUPT:
		return STORE_E_DAMAGED;
	case SQLITE_NOTADB:
		return STORE_E_NOT_SQLITE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_E_BUSY;
	default:
		return STORE_E_IO;
	}
}

enum store_status store_fail(struct store *s, int rc)
{
	snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(s->db));
	(void)rc;
	return status_of(sqlite3_extended_errcode(s->db));
}

const char *store_detail(const struct store *s)
{
	return s ? s->detail : open_detail;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

char *store_message(enum store_status st, const char *path_in, const struct store *s)
{
	/* a damaged file's detail, or a file name, may hold any bytes */
	char *detail_safe = str_printable(store_detail(s));
	char *path_safe = str_printable(path_in);
	const char *detail = detail_safe, *path = path_safe;
	struct buf b;
	buf_init(&b);
	switch (st) {
	case STORE_OK:
		break;
	case STORE_E_NOT_FOUND:
		buf_printf(&b, _("\"%s\" does not exist."), path);
		break;
	case STORE_E_EXISTS:
		buf_printf(&b, _("\"%s\" exists already; choose another name."), path);
		break;
	case STORE_E_OPEN:
		buf_printf(&b, _("\"%s\" cannot be opened: %s."), path, detail);
		break;
	case STORE_E_NOT_SQLITE:
		buf_printf(&b, _("\"%s\" is not a stetig workshop (it is not a database file). "
				 "The file was not changed."),
			   path);
		break;
	case STORE_E_FOREIGN:
		buf_printf(&b, _("\"%s\" is a database of another program, not a stetig "
				 "workshop. The file was not changed."),
			   path);
		break;
	case STORE_E_NEWER:
		buf_printf(&b, _("\"%s\" was saved by a newer version of stetig (file format %d; "
				 "this version reads up to %d). Please update stetig. The file "
				 "was not changed."),
			   path, open_version, STORE_SCHEMA_VERSION);
		break;
	case STORE_E_DAMAGED:
		buf_printf(&b, _("\"%s\" is damaged (%s). The file was not changed; restore it "
				 "from a backup or import an exported CSV bundle into a new "
				 "workshop."),
			   path, detail);
		break;
	case STORE_E_IN_USE:
		buf_printf(&b, _("\"%s\" is in use by another stetig. Close it there first; "
				 "\"stetig export\" and \"stetig check\" work meanwhile."),
			   path);
		break;
	case STORE_E_READONLY:
		buf_printf(&b, _("\"%s\" cannot be saved: the file or its folder is read-only. "
				 "Copy it to a folder you can write to."),
			   path);
		break;
	case STORE_E_FULL:
		buf_printf(&b, _("The disk is full: the last change to \"%s\" was not saved. "
				 "Free some space and try again."),
			   path);
		break;
	case STORE_E_INVALID:
		buf_printf(&b, _("\"%s\" refused a value: %s."), path, detail);
		break;
	case STORE_E_BUSY:
		buf_printf(&b, _("\"%s\" is busy (another program is writing to it). "
				 "Try again."),
			   path);
		break;
	case STORE_E_NOTHING:
		buf_adds(&b, _("Nothing to undo or redo."));
		break;
	case STORE_E_IO:
	case STORE_STATUS_COUNT:
		buf_printf(&b, _("\"%s\": %s."), path, *detail ? detail : _("input/output error"));
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
static enum store_status check_header(int fd)
{
	unsigned char h[100];
	struct stat st;
	if (fstat(fd, &st) != 0) {
		set_open_detail("%s", strerror(errno));
		return STORE_E_OPEN;
	}
	if (st.st_size < 100) {
		set_open_detail("%s", st.st_size ? "too short" : "empty");
		return STORE_E_NOT_SQLITE;
	}
	ssize_t n = pread(fd, h, sizeof h, 0);
	if (n != (ssize_t)sizeof h) {
		set_open_detail("%s", n < 0 ? strerror(errno) : "short read");
		return n < 0 ? STORE_E_OPEN : STORE_E_NOT_SQLITE;
	}
	if (memcmp(h, "SQLite format 3", 16) != 0)
		return STORE_E_NOT_SQLITE;
	uint32_t app = be32(h + 68);
	uint32_t version = be32(h + 60);
	open_version = (int)version;
	if (app != STORE_APPLICATION_ID)
		return STORE_E_FOREIGN;
	if (version > STORE_SCHEMA_VERSION)
		return STORE_E_NEWER;
	if (version < 1) {
		set_open_detail("%s", "no schema");
		return STORE_E_DAMAGED;
	}
	/* page size must be a power of two in 512..65536 */
	unsigned ps = (unsigned)h[16] << 8 | h[17];
	if (ps == 1)
		ps = 65536;
	if (ps < 512 || (ps & (ps - 1))) {
		set_open_detail("%s", "bad page size");
		return STORE_E_DAMAGED;
	}
	return STORE_OK;
}

static bool dir_writable(const char *path)
{
	char *c = xstrdup(path);
	bool ok = access(dirname(c), W_OK) == 0;
	free(c);
	return ok;
}

static enum store_status apply_pragmas(struct store *s)
{
	if (store_exec(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
		    "PRAGMA trusted_schema=OFF; PRAGMA recursive_triggers=OFF;"
		    "PRAGMA cell_size_check=ON;") != SQLITE_OK)
		return store_fail(s, 0);
	sqlite3_busy_timeout(s->db, 5000);
	return STORE_OK;
}

/* PRAGMA quick_check on the current connection. */
static enum store_status quick_check(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		enum store_status e = store_fail(s, rc);
		return e == STORE_E_NOT_SQLITE || e == STORE_E_IO ? STORE_E_DAMAGED : e;
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		enum store_status e = store_fail(s, rc);
		sqlite3_finalize(st);
		return e == STORE_E_NOT_SQLITE || e == STORE_E_IO ? STORE_E_DAMAGED : e;
	}
	const char *res = (const char *)sqlite3_column_text(st, 0);
	bool ok = res && !strcmp(res, "ok");
	if (!ok)
		snprintf(s->detail, sizeof s->detail, "%s", res ? res : "?");
	sqlite3_finalize(st);
	return ok ? STORE_OK : STORE_E_DAMAGED;
}

/* The tables every workshop of the current version has. */
static enum store_status check_tables(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc);
	for (size_t i = 0; i < sizeof required_tables / sizeof *required_tables; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, required_tables[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1) {
			snprintf(s->detail, sizeof s->detail, "table %s missing", required_tables[i]);
			sqlite3_finalize(st);
			return STORE_E_DAMAGED;
		}
	}
	sqlite3_finalize(st);
	return STORE_OK;
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

/* Reads the schema version and checks the whole file. */
static enum store_status probe(struct store *s, int *version, bool whole_file)
{
	*version = user_version(s);
	if (*version < 0) {
		snprintf(s->detail, sizeof s->detail, "%s", sqlite3_errmsg(s->db));
		return STORE_E_DAMAGED;
	}
	return whole_file ? quick_check(s) : STORE_OK;
}

/* (Re)opens the store's connection to path with the given open flags. */
static enum store_status open_db(struct store *s, const char *path, int oflags)
{
	for (int i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	s->n_cache = 0;
	if (s->db)
		sqlite3_close(s->db);
	s->db = NULL;
	s->triggers = false;
	/* NOMUTEX (perf helper): stetig uses a connection from one thread
	 * only, so SQLite need not lock its mutex in every call (a tenth of
	 * loading a large workshop) */
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		snprintf(s->detail, sizeof s->detail, "%s",
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		return STORE_E_OPEN;
	}
	return apply_pragmas(s);
}

/* true when a journal lies beside the file: a crash in the middle of an
 * edit (or a writer busy right now) */
static bool journal_beside(const char *path)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s-journal", path);
	struct stat st;
	bool found = stat(b.data, &st) == 0 && st.st_size > 0;
	buf_free(&b);
	return found;
}

/* A read-only connection cannot roll back the journal a crash left beside
 * the file. Unless another stetig holds the file, a short writable
 * connection does that (it only restores the last committed state). */
static bool recover_journal(struct store *s, const char *path)
{
	if (!(s->flags & STORE_EXCLUSIVE) && flock(s->lock_fd, LOCK_SH | LOCK_NB) != 0) {
		snprintf(s->detail, sizeof s->detail, "%s",
			 _("it is being recovered by another stetig; try again"));
		return false;
	}
	bool ok = open_db(s, path, SQLITE_OPEN_READWRITE) == STORE_OK &&
		  store_exec(s, "SELECT count(*) FROM sqlite_schema") == SQLITE_OK;
	if (!(s->flags & STORE_EXCLUSIVE))
		flock(s->lock_fd, LOCK_UN);
	return ok;
}


/* Brings the schema from version `from` to the current one in one
 * transaction. The undo history is dropped: its SQL was written for the old
 * schema. */
static enum store_status migrate(struct store *s, int from)
{
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
		return store_fail(s, 0);
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		if (store_exec(s, migrations[v]) != SQLITE_OK)
			goto bad;
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d;",
		 STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
	if (store_exec(s, sql) != SQLITE_OK)
		goto bad;
	if (from > 0 && store_exec(s, "DELETE FROM undo_step") != SQLITE_OK)
		goto bad;
	if (store_exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	return STORE_OK;
bad:;
	enum store_status e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return e;
}

/* Generates the TEMP triggers that record undo SQL for one table. */
static enum store_status install_undo_triggers(struct store *s, const char *table)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", -1, &st,
			       NULL) != SQLITE_OK)
		return store_fail(s, 0);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	struct buf cols, set, when, vals;
	buf_init(&cols);
	buf_init(&set);
	buf_init(&when);
	buf_init(&vals);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		buf_printf(&cols, ",%s", c);
		buf_printf(&set, "%s'%s%s='||quote(old.%s)", n ? "||" : "", n ? "," : "", c, c);
		buf_printf(&when, "%sold.%s IS NOT new.%s", n ? " OR " : "", c, c);
		buf_printf(&vals, "||','||quote(old.%s)", c);
		n++;
	}
	sqlite3_finalize(st);
	struct buf sql;
	buf_init(&sql);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_i AFTER INSERT ON main.%s BEGIN "
		   "INSERT INTO undo_log(step,sql) VALUES((SELECT max(id) FROM undo_step),"
		   "'DELETE FROM %s WHERE rowid='||new.rowid); END;",
		   table, table, table);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_u AFTER UPDATE ON main.%s WHEN %s BEGIN "
		   "INSERT INTO undo_log(step,sql) VALUES((SELECT max(id) FROM undo_step),"
		   "'UPDATE %s SET '||%s||' WHERE rowid='||old.rowid); END;",
		   table, table, when.data, table, set.data);
	buf_printf(&sql,
		   "CREATE TEMP TRIGGER undo_%s_d BEFORE DELETE ON main.%s BEGIN "
		   "INSERT INTO undo_log(step,sql) VALUES((SELECT max(id) FROM undo_step),"
		   "'INSERT INTO %s(rowid%s) VALUES('||old.rowid%s||')'); END;",
		   table, table, table, cols.data, vals.data);
	int rc = n ? store_exec(s, sql.data) : SQLITE_ERROR;
	buf_free(&cols);
	buf_free(&set);
	buf_free(&when);
	buf_free(&vals);
	buf_free(&sql);
	return rc == SQLITE_OK ? STORE_OK : store_fail(s, rc);
}

/* The undo triggers are made at the first edit, not at open: a workshop
 * that is only looked at never pays for them. */
enum store_status store_ensure_triggers(struct store *s)
{
	if (s->triggers)
		return STORE_OK;
	for (size_t i = 0; i < store_n_undo_tables; i++) {
		enum store_status e = install_undo_triggers(s, store_undo_tables[i]);
		if (e != STORE_OK)
			return e;
	}
	s->triggers = true;
	return STORE_OK;
}

static void store_free(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	if (s->db)
		sqlite3_close(s->db);
	/* the lock fd is closed only after SQLite's own (LIBRARIES.md §8.2) */
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	free(s->path);
	free(s);
}

void store_close(struct store *s)
{
	store_free(s);
}

/* Copies a read-only file into memory and migrates the copy there, so an
 * old file can be read without changing it. */
static enum store_status load_into_memory(struct store *s)
{
	sqlite3 *mem = NULL;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(mem);
		return STORE_E_IO;
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
	return STORE_OK;
}

static enum store_status open_existing(const char *path, int flags, struct model *m,
				       struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	s->path = xstrdup(path);
	s->flags = flags;
	enum store_status e;

	struct stat st;
	if (stat(path, &st) != 0) {
		set_open_detail("%s", strerror(errno));
		e = errno == ENOENT ? STORE_E_NOT_FOUND : STORE_E_OPEN;
		goto bad;
	}
	if (!S_ISREG(st.st_mode)) {
		set_open_detail("%s", strerror(S_ISDIR(st.st_mode) ? EISDIR : EINVAL));
		e = STORE_E_OPEN;
		goto bad;
	}
	s->lock_fd = open(path, O_RDWR | O_CLOEXEC);
	if (s->lock_fd < 0)
		s->lock_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->lock_fd < 0) {
		set_open_detail("%s", strerror(errno));
		e = STORE_E_OPEN;
		goto bad;
	}
	e = check_header(s->lock_fd);
	if (e != STORE_OK)
		goto bad;
	bool readonly = (flags & STORE_READONLY) != 0;
	if (!readonly) {
		if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0) {
			int err = errno;
			set_open_detail("%s", strerror(err));
			e = err == EWOULDBLOCK ? STORE_E_IN_USE : STORE_E_OPEN;
			goto bad;
		}
		if (access(path, W_OK) != 0 || !dir_writable(path)) {
			e = STORE_E_READONLY;
			goto bad;
		}
	}
	/* The whole-file check runs on a read-only connection: it writes
	 * nothing, and SQLite skips the CHECK constraints there, which makes it
	 * several times faster on a large workshop. */
	/* a journal beside the file (a crash mid-edit) is rolled back first:
	 * a read-only connection cannot do that and refuses to read */
	if (journal_beside(path))
		recover_journal(s, path);
	e = open_db(s, path, SQLITE_OPEN_READONLY);
	if (e != STORE_OK)
		goto bad_detail;
	/* Before anything may be written, the whole file is checked. A reader
	 * that loads the workshop reads every table row by row anyway, and
	 * SQLite reports damage it meets there, so it skips the check (a
	 * quarter of an export of a large workshop) and never writes. */
	int v;
	e = probe(s, &v, !readonly || !m);
	if (e != STORE_OK)
		goto bad_detail;
	if (readonly) {
		/* an old file is migrated in memory, never on disk */
		if (v < STORE_SCHEMA_VERSION) {
			e = load_into_memory(s);
			if (e == STORE_OK)
				e = migrate(s, v);
		}
	} else {
		e = open_db(s, path, SQLITE_OPEN_READWRITE);
		s->writable = e == STORE_OK;
		if (e == STORE_OK && v < STORE_SCHEMA_VERSION)
			e = migrate(s, v);
	}
	if (e == STORE_OK)
		e = check_tables(s);
	if (e != STORE_OK)
		goto bad_detail;
	if (m) {
		e = store_load(s, m);
		if (e == STORE_E_IO)
			e = STORE_E_DAMAGED; /* e.g. a short read of a cut-off file */
		if (e != STORE_OK)
			goto bad_detail;
	}
	*out = s;
	return STORE_OK;
bad_detail:
	snprintf(open_detail, sizeof open_detail, "%s", s->detail);
	if (e == STORE_E_NOT_SQLITE)
		e = STORE_E_DAMAGED;
bad:
	store_free(s);
	*out = NULL;
	return e;
}

enum store_status store_open(const char *path, int flags, struct model *m, struct store **out)
{
	open_detail[0] = '\0';
	*out = NULL;
	if ((flags & STORE_CREATE) && access(path, F_OK) != 0 && errno == ENOENT)
		return store_create(path, i18n_lang(), NULL, NULL, m, out);
	return open_existing(path, flags, m, out);
}

/* Builds a fresh file at tmp: schema at `version`, ids, language. */
static enum store_status init_file(const char *tmp, int version, enum lang lang, struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->lock_fd = -1;
	s->path = xstrdup(tmp);
	s->writable = true;
	enum store_status e = STORE_OK;
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
	if (e != STORE_OK)
		goto bad;
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		e = store_fail(s, 0);
		goto bad;
	}
	for (int v = 0; v < version; v++)
		if (store_exec(s, migrations[v]) != SQLITE_OK) {
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
	return STORE_OK;
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

static enum store_status errno_status(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return STORE_E_FULL;
	case EACCES:
	case EPERM:
	case EROFS:
		return STORE_E_READONLY;
	case EEXIST:
		return STORE_E_EXISTS;
	case ENOENT:
		return STORE_E_NOT_FOUND;
	default:
		return STORE_E_OPEN;
	}
}

/* Publishes tmp under path unless path exists. */
static enum store_status publish(const char *tmp, const char *path)
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
	return STORE_OK;
}

static enum store_status add_catalogue(struct store *s, enum lang lang)
{
	const struct catalogue *cat = catalogue_get(lang);
	if (!cat || !cat->n)
		return STORE_OK;
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
	return STORE_OK;
}

enum store_status store_create(const char *path, enum lang lang, store_populate_fn populate,
			       void *user, struct model *m, struct store **out)
{
	*out = NULL;
	open_detail[0] = '\0';
	if (access(path, F_OK) == 0)
		return STORE_E_EXISTS;
	int err;
	char *tmp = temp_beside(path, &err);
	if (!tmp) {
		set_open_detail("%s", strerror(err));
		return errno_status(err);
	}
	struct store *s = NULL;
	struct model scratch;
	model_init(&scratch);
	enum store_status e = init_file(tmp, STORE_SCHEMA_VERSION, lang, &s);
	if (e == STORE_OK) {
		/* the catalogue goes in before the undo triggers exist */
		if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
			e = store_fail(s, 0);
		if (e == STORE_OK) {
			e = add_catalogue(s, lang);
			if (e == STORE_OK && store_exec(s, "COMMIT") != SQLITE_OK)
				e = store_fail(s, 0);
			if (e != STORE_OK)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		}
		if (e == STORE_OK)
			e = store_load(s, &scratch);
		if (e == STORE_OK && populate && populate(s, &scratch, user) != 0) {
			if (!*s->detail)
				snprintf(s->detail, sizeof s->detail, "%s", "template");
			e = STORE_E_INVALID;
		}
		/* a new file starts without history */
		if (e == STORE_OK && store_exec(s, "DELETE FROM undo_step") != SQLITE_OK)
			e = store_fail(s, 0);
		if (e != STORE_OK)
			snprintf(open_detail, sizeof open_detail, "%s", s->detail);
		store_free(s);
	}
	model_free(&scratch);
	if (e == STORE_OK)
		e = publish(tmp, path);
	else
		unlink(tmp);
	free(tmp);
	if (e != STORE_OK)
		return e;
	return open_existing(path, STORE_EXCLUSIVE, m, out);
}

enum store_status store_create_version(const char *path, int version)
{
	if (version < 1 || version > STORE_SCHEMA_VERSION)
		return STORE_E_INVALID;
	int err;
	char *tmp = temp_beside(path, &err);
	if (!tmp)
		return errno_status(err);
	struct store *s = NULL;
	enum store_status e = init_file(tmp, version, LANG_EN, &s);
	store_free(s);
	if (e == STORE_OK)
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

enum store_status store_load(struct store *s, struct model *m)
{
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
	/* in the order of their references */
	static const enum entity before_raci[] = {ENT_SGOAL, ENT_GOAL, ENT_STAKEHOLDER,
						  ENT_INDICATOR, ENT_TASK};
	for (size_t i = 0; i < sizeof before_raci / sizeof *before_raci; i++)
		if (load_kind(s, m, before_raci[i]) != SQLITE_DONE)
			goto bad;
	/* table order: cheaper than walking the (task, stakeholder) index, and
	 * for imported matrices already the model's row order (appends) */
	QUERY("SELECT task,stakeholder,role FROM raci ORDER BY id")
	{
		const char *r = (const char *)sqlite3_column_text(st, 2);
		model_raci_set(m, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			       raci_from_letter(r ? r[0] : 0));
	}
	END_QUERY;
	static const enum entity after_raci[] = {ENT_COST, ENT_SHARE, ENT_CHECK, ENT_NOTE};
	for (size_t i = 0; i < sizeof after_raci / sizeof *after_raci; i++)
		if (load_kind(s, m, after_raci[i]) != SQLITE_DONE)
			goto bad;
#undef QUERY
#undef END_QUERY
	if (own_tx)
		store_exec(s, "COMMIT");
	return STORE_OK;
bad:;
	enum store_status e = store_fail(s, 0);
	if (own_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	model_clear(m);
	return e == STORE_E_NOT_SQLITE ? STORE_E_DAMAGED : e;
}
