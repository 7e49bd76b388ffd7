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
#include "util.h"

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))
_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION, "one migration per schema version");

#define STMT_CACHE 64

struct store {
	sqlite3 *db;
	char *path;
	int lock_fd;
	int flags;
	bool writable;
	int depth;	 /* nesting of store_begin */
	bool failed;	 /* a save inside the current group failed */
	bool reload;	 /* the model must be reloaded at the end of the group */
	char detail[512];
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
	int n_cache;
};

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

static enum store_status fail(struct store *s, int rc)
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

char *store_message(enum store_status st, const char *path, const struct store *s)
{
	const char *detail = store_detail(s);
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
	return buf_steal(&b);
}

/* ------------------------------------------------------------ SQL helpers */

static sqlite3_stmt *prep(struct store *s, const char *sql)
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

static int exec(struct store *s, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		snprintf(s->detail, sizeof s->detail, "%s", err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
	}
	return rc;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT);
}

/* "" → NULL (optional dates) */
static void bind_opt_text(sqlite3_stmt *st, int i, const char *v)
{
	if (str_empty(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static void bind_opt_num(sqlite3_stmt *st, int i, struct optnum n)
{
	if (n.set)
		sqlite3_bind_double(st, i, n.v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_opt_int(sqlite3_stmt *st, int i, int v)
{
	if (v)
		sqlite3_bind_int(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_word(sqlite3_stmt *st, int i, enum vocab_kind k, int v)
{
	sqlite3_bind_text(st, i, vocab_word(k, v, LANG_EN), -1, SQLITE_STATIC);
}

static char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

static int col_word(sqlite3_stmt *st, int i, enum vocab_kind k)
{
	int v = vocab_lookup_lang(k, (const char *)sqlite3_column_text(st, i), LANG_EN);
	return v < 0 ? 0 : v;
}

static struct optnum col_opt_num(sqlite3_stmt *st, int i)
{
	struct optnum n = {0, false};
	if (sqlite3_column_type(st, i) != SQLITE_NULL) {
		n.v = sqlite3_column_double(st, i);
		n.set = true;
	}
	return n;
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
	if (exec(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
		    "PRAGMA trusted_schema=OFF; PRAGMA recursive_triggers=OFF;") != SQLITE_OK)
		return fail(s, 0);
	sqlite3_busy_timeout(s->db, 5000);
	return STORE_OK;
}

/* The whole-file check: quick_check plus the tables we need. */
static enum store_status validate(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return fail(s, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		enum store_status e = fail(s, rc);
		sqlite3_finalize(st);
		return e == STORE_E_NOT_SQLITE ? STORE_E_DAMAGED : e;
	}
	const char *res = (const char *)sqlite3_column_text(st, 0);
	if (!res || strcmp(res, "ok") != 0) {
		snprintf(s->detail, sizeof s->detail, "%s", res ? res : "?");
		sqlite3_finalize(st);
		return STORE_E_DAMAGED;
	}
	sqlite3_finalize(st);
	rc = sqlite3_prepare_v2(s->db,
				"SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return fail(s, rc);
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

/* Brings the schema from version `from` to the current one in one
 * transaction. The undo history is dropped: its SQL was written for the old
 * schema. */
static enum store_status migrate(struct store *s, int from)
{
	if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
		return fail(s, 0);
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		if (exec(s, migrations[v]) != SQLITE_OK)
			goto bad;
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d;",
		 STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
	if (exec(s, sql) != SQLITE_OK)
		goto bad;
	if (from > 0 && exec(s, "DELETE FROM undo_step") != SQLITE_OK)
		goto bad;
	if (exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	return STORE_OK;
bad:;
	enum store_status e = fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return e;
}

/* Generates the TEMP triggers that record undo SQL for one table. */
static enum store_status install_undo_triggers(struct store *s, const char *table)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_info(?) ORDER BY cid", -1, &st,
			       NULL) != SQLITE_OK)
		return fail(s, 0);
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
	int rc = n ? exec(s, sql.data) : SQLITE_ERROR;
	buf_free(&cols);
	buf_free(&set);
	buf_free(&when);
	buf_free(&vals);
	buf_free(&sql);
	return rc == SQLITE_OK ? STORE_OK : fail(s, rc);
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
	int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		set_open_detail("%s", s->db ? sqlite3_errmsg(s->db) : "out of memory");
		e = STORE_E_OPEN;
		goto bad;
	}
	s->writable = !readonly;
	e = apply_pragmas(s);
	if (e != STORE_OK)
		goto bad_detail;
	int v = user_version(s);
	if (v < 0) {
		e = validate(s);
		if (e == STORE_OK)
			e = STORE_E_DAMAGED;
		goto bad_detail;
	}
	if (v < STORE_SCHEMA_VERSION) {
		/* check the old file as it is before migrating anything */
		sqlite3_stmt *qc = NULL;
		int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &qc, NULL);
		rc = rc == SQLITE_OK ? sqlite3_step(qc) : rc;
		const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(qc, 0) : NULL;
		bool ok = res && !strcmp(res, "ok");
		snprintf(s->detail, sizeof s->detail, "%s", res ? res : sqlite3_errmsg(s->db));
		sqlite3_finalize(qc);
		if (!ok) {
			e = STORE_E_DAMAGED;
			goto bad_detail;
		}
		if (readonly)
			e = load_into_memory(s);
		if (e == STORE_OK)
			e = migrate(s, v);
		if (e != STORE_OK)
			goto bad_detail;
	}
	e = validate(s);
	if (e != STORE_OK)
		goto bad_detail;
	if (s->writable) {
		for (size_t i = 0; i < sizeof undo_tables / sizeof *undo_tables; i++) {
			e = install_undo_triggers(s, undo_tables[i]);
			if (e != STORE_OK)
				goto bad_detail;
		}
	}
	if (m) {
		e = store_load(s, m);
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
		e = fail(s, 0);
		goto bad;
	}
	if (exec(s, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096;") != SQLITE_OK) {
		e = fail(s, 0);
		goto bad;
	}
	e = apply_pragmas(s);
	if (e != STORE_OK)
		goto bad;
	if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		e = fail(s, 0);
		goto bad;
	}
	for (int v = 0; v < version; v++)
		if (exec(s, migrations[v]) != SQLITE_OK) {
			e = fail(s, 0);
			goto bad;
		}
	char sql[160];
	snprintf(sql, sizeof sql,
		 "PRAGMA user_version=%d; PRAGMA application_id=%d;"
		 "UPDATE workshop SET language='%s';",
		 version, STORE_APPLICATION_ID, lang == LANG_DE ? "de" : "en");
	if (exec(s, sql) != SQLITE_OK || exec(s, "COMMIT") != SQLITE_OK) {
		e = fail(s, 0);
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
	sqlite3_stmt *st = prep(s, "INSERT INTO check_item(factor,field,item) VALUES(?,?,?)");
	if (!st)
		return fail(s, 0);
	for (size_t i = 0; i < cat->n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int(st, 1, cat->v[i].factor);
		bind_word(st, 2, VOCAB_FIELD, cat->v[i].field);
		sqlite3_bind_int(st, 3, cat->v[i].item);
		if (sqlite3_step(st) != SQLITE_DONE)
			return fail(s, 0);
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
		if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
			e = fail(s, 0);
		if (e == STORE_OK) {
			e = add_catalogue(s, lang);
			if (e == STORE_OK && exec(s, "COMMIT") != SQLITE_OK)
				e = fail(s, 0);
			if (e != STORE_OK)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		}
		for (size_t i = 0; i < sizeof undo_tables / sizeof *undo_tables && e == STORE_OK; i++)
			e = install_undo_triggers(s, undo_tables[i]);
		if (e == STORE_OK)
			e = store_load(s, &scratch);
		if (e == STORE_OK && populate && populate(s, &scratch, user) != 0) {
			if (!*s->detail)
				snprintf(s->detail, sizeof s->detail, "%s", "template");
			e = STORE_E_INVALID;
		}
		/* a new file starts without history */
		if (e == STORE_OK && exec(s, "DELETE FROM undo_step") != SQLITE_OK)
			e = fail(s, 0);
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

enum store_status store_load(struct store *s, struct model *m)
{
	model_clear(m);
	sqlite3_stmt *st;
	int rc;
	/* The whole load reads one snapshot. */
	bool own_tx = sqlite3_get_autocommit(s->db);
	if (own_tx && exec(s, "BEGIN") != SQLITE_OK)
		return fail(s, 0);

#define QUERY(sql)                                  \
	st = prep(s, sql);                          \
	if (!st)                                    \
		goto bad;                           \
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
#define END_QUERY               \
	if (rc != SQLITE_DONE)  \
		goto bad;       \
	sqlite3_reset(st)

	QUERY("SELECT title,municipality,field,funding_end,phase,facilitator,participants,"
	      "language FROM workshop WHERE id=1")
	{
		struct workshop w;
		w.title = col_text(st, 0);
		w.municipality = col_text(st, 1);
		w.field = col_text(st, 2);
		w.funding_end = col_text(st, 3);
		w.phase = col_word(st, 4, VOCAB_PHASE);
		w.facilitator = col_text(st, 5);
		w.participants = col_text(st, 6);
		w.lang = col_word(st, 7, VOCAB_LANG);
		model_set_workshop(m, &w);
		workshop_free(&w);
	}
	END_QUERY;
	for (int i = 0; i < STEP_COUNT; i++)
		m->agenda[i] = 0;
	QUERY("SELECT step,minutes FROM agenda")
	{
		int step = sqlite3_column_int(st, 0);
		if (step >= 0 && step < STEP_COUNT)
			m->agenda[step] = sqlite3_column_int(st, 1);
	}
	END_QUERY;
	QUERY("SELECT id,title FROM strategy_goal ORDER BY id")
	{
		struct strategy_goal e = {sqlite3_column_int64(st, 0), col_text(st, 1)};
		model_put_sgoal(m, &e);
		sgoal_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,title,specific,measurable,achievable,relevant,time_bound,"
	      "strategy_goal,status FROM goal ORDER BY id")
	{
		struct goal e;
		e.id = sqlite3_column_int64(st, 0);
		e.title = col_text(st, 1);
		e.specific = col_text(st, 2);
		e.measurable = col_text(st, 3);
		e.achievable = col_text(st, 4);
		e.relevant = col_text(st, 5);
		e.time_bound = col_text(st, 6);
		e.strategy_goal = sqlite3_column_int64(st, 7);
		e.status = col_word(st, 8, VOCAB_GSTATUS);
		model_put_goal(m, &e);
		goal_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,name,organisation,grp,influence,interest,attitude,key_person,"
	      "temporary,message,channel,cadence FROM stakeholder ORDER BY id")
	{
		struct stakeholder e;
		memset(&e, 0, sizeof e);
		e.id = sqlite3_column_int64(st, 0);
		e.name = col_text(st, 1);
		e.organisation = col_text(st, 2);
		e.group = col_word(st, 3, VOCAB_GROUP);
		e.influence = sqlite3_column_int(st, 4);
		e.interest = sqlite3_column_int(st, 5);
		e.attitude = col_word(st, 6, VOCAB_ATTITUDE);
		e.key_person = sqlite3_column_int(st, 7) != 0;
		e.temporary = sqlite3_column_int(st, 8) != 0;
		e.message = col_text(st, 9);
		e.channel = col_text(st, 10);
		e.cadence = col_text(st, 11);
		model_put_stakeholder(m, &e);
		stakeholder_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,goal,name,unit,direction,baseline,baseline_date,target,target_date,"
	      "latest,latest_date,source,method,frequency,owner FROM indicator ORDER BY id")
	{
		struct indicator e;
		e.id = sqlite3_column_int64(st, 0);
		e.goal = sqlite3_column_int64(st, 1);
		e.name = col_text(st, 2);
		e.unit = col_text(st, 3);
		e.direction = col_word(st, 4, VOCAB_DIRECTION);
		e.baseline = col_opt_num(st, 5);
		e.baseline_date = col_text(st, 6);
		e.target = col_opt_num(st, 7);
		e.target_date = col_text(st, 8);
		e.latest = col_opt_num(st, 9);
		e.latest_date = col_text(st, 10);
		e.source = col_text(st, 11);
		e.method = col_text(st, 12);
		e.frequency = col_text(st, 13);
		e.owner = sqlite3_column_int64(st, 14);
		model_put_indicator(m, &e);
		indicator_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,name,category,phase FROM task ORDER BY id")
	{
		struct task e;
		memset(&e, 0, sizeof e);
		e.id = sqlite3_column_int64(st, 0);
		e.name = col_text(st, 1);
		e.category = col_word(st, 2, VOCAB_CATEGORY);
		e.phase = col_word(st, 3, VOCAB_TPHASE);
		model_put_task(m, &e);
		task_free(&e);
	}
	END_QUERY;
	QUERY("SELECT task,stakeholder,role FROM raci ORDER BY id")
	{
		const char *r = (const char *)sqlite3_column_text(st, 2);
		model_raci_set(m, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			       raci_from_letter(r ? r[0] : 0));
	}
	END_QUERY;
	QUERY("SELECT id,name,kind,amount,start_year,end_year FROM cost ORDER BY id")
	{
		struct cost e;
		e.id = sqlite3_column_int64(st, 0);
		e.name = col_text(st, 1);
		e.kind = col_word(st, 2, VOCAB_COST_KIND);
		e.amount = sqlite3_column_double(st, 3);
		e.start_year = sqlite3_column_int(st, 4);
		e.end_year = sqlite3_column_int(st, 5);
		model_put_cost(m, &e);
		cost_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,cost,stakeholder,percent FROM cost_share ORDER BY id")
	{
		struct cost_share e = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
				       sqlite3_column_int64(st, 2), sqlite3_column_double(st, 3)};
		model_put_share(m, &e);
	}
	END_QUERY;
	QUERY("SELECT id,factor,field,item,status,note FROM check_item ORDER BY id")
	{
		struct check_item e;
		e.id = sqlite3_column_int64(st, 0);
		e.factor = sqlite3_column_int(st, 1);
		e.field = col_word(st, 2, VOCAB_FIELD);
		e.item = sqlite3_column_int(st, 3);
		e.status = col_word(st, 4, VOCAB_CHECK_STATUS);
		e.note = col_text(st, 5);
		model_put_check(m, &e);
		check_free(&e);
	}
	END_QUERY;
	QUERY("SELECT id,kind,text,owner,due FROM note ORDER BY id")
	{
		struct note e;
		e.id = sqlite3_column_int64(st, 0);
		e.kind = col_word(st, 1, VOCAB_NOTE_KIND);
		e.text = col_text(st, 2);
		e.owner = sqlite3_column_int64(st, 3);
		e.due = col_text(st, 4);
		model_put_note(m, &e);
		note_free(&e);
	}
	END_QUERY;
#undef QUERY
#undef END_QUERY
	if (own_tx)
		exec(s, "COMMIT");
	return STORE_OK;
bad:;
	enum store_status e = fail(s, 0);
	if (own_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	model_clear(m);
	return e == STORE_E_NOT_SQLITE ? STORE_E_DAMAGED : e;
}

/* ------------------------------------------------------------ edits */

static enum store_status trim_history(struct store *s)
{
	char sql[200];
	snprintf(sql, sizeof sql,
		 "DELETE FROM undo_step WHERE kind='undo' AND id <= "
		 "(SELECT id FROM undo_step WHERE kind='undo' ORDER BY id DESC LIMIT 1 OFFSET %d)",
		 STORE_UNDO_MAX);
	return exec(s, sql) == SQLITE_OK ? STORE_OK : fail(s, 0);
}

enum store_status store_begin(struct store *s, const char *label, const char *item)
{
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth++ > 0)
		return s->failed ? STORE_E_IO : STORE_OK;
	s->failed = false;
	s->reload = false;
	if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		s->depth = 0;
		return fail(s, 0);
	}
	sqlite3_stmt *st;
	if (exec(s, "DELETE FROM undo_step WHERE kind='redo'") != SQLITE_OK ||
	    !(st = prep(s, "INSERT INTO undo_step(kind,label,item) VALUES('undo',?,?)")))
		goto bad;
	bind_text(st, 1, label);
	char *short_item = xstrndup(item ? item : "", utf8_prefix(item ? item : "", 80));
	bind_text(st, 2, short_item);
	free(short_item);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto bad;
	return STORE_OK;
bad:;
	enum store_status e = fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth = 0;
	return e;
}

enum store_status store_commit(struct store *s, struct model *m)
{
	if (s->depth <= 0)
		return STORE_OK;
	if (--s->depth > 0)
		return s->failed ? STORE_E_IO : STORE_OK;
	if (s->failed) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->failed = false;
		if (m)
			store_load(s, m);
		return STORE_E_IO;
	}
	/* a step that changed nothing is not worth an undo */
	if (exec(s, "DELETE FROM undo_step WHERE id=(SELECT max(id) FROM undo_step) AND "
		    "NOT EXISTS(SELECT 1 FROM undo_log WHERE step=(SELECT max(id) FROM undo_step))") !=
	    SQLITE_OK)
		goto bad;
	if (trim_history(s) != STORE_OK)
		goto bad;
	if (exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	if (s->reload && m) {
		s->reload = false;
		return store_load(s, m);
	}
	return STORE_OK;
bad:;
	enum store_status e = fail(s, 0);
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
	s->failed = false;
	if (m)
		store_load(s, m);
}

/* Runs a prepared statement of an edit; marks the group failed on error. */
static enum store_status step_edit(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return STORE_OK;
	}
	enum store_status e = fail(s, rc);
	sqlite3_reset(st);
	s->failed = true;
	return e;
}

/* Closes an edit group opened by the save functions. If the edit failed
 * the whole group is rolled back and the model reloaded. */
static enum store_status end_edit(struct store *s, struct model *m, enum store_status e)
{
	if (e != STORE_OK) {
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

#define CHECK_TEXTS(...)                                                         \
	do {                                                                     \
		const char *texts_[] = {__VA_ARGS__};                            \
		if (!text_ok(s, texts_, sizeof texts_ / sizeof *texts_))         \
			return STORE_E_INVALID;                                  \
	} while (0)

static enum store_status saved_id(struct store *s, int64_t *id)
{
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	if (sqlite3_changes(s->db) == 0) {
		snprintf(s->detail, sizeof s->detail, "%s", _("the item no longer exists"));
		return STORE_E_INVALID;
	}
	return STORE_OK;
}

enum store_status store_save_workshop(struct store *s, struct model *m, const struct workshop *w)
{
	CHECK_TEXTS(w->title, w->municipality, w->field, w->facilitator, w->participants);
	enum store_status e = store_begin(s, N_("Edit workshop"), w->title);
	if (e != STORE_OK)
		return e;
	sqlite3_stmt *st = prep(s, "UPDATE workshop SET title=?,municipality=?,field=?,"
				   "funding_end=?,phase=?,facilitator=?,participants=?,language=? "
				   "WHERE id=1");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, w->title);
	bind_text(st, 2, w->municipality);
	bind_text(st, 3, w->field);
	bind_opt_text(st, 4, w->funding_end);
	bind_word(st, 5, VOCAB_PHASE, w->phase);
	bind_text(st, 6, w->facilitator);
	bind_text(st, 7, w->participants);
	bind_word(st, 8, VOCAB_LANG, w->lang);
	e = step_edit(s, st);
	if (e == STORE_OK)
		model_set_workshop(m, w);
	return end_edit(s, m, e);
}

enum store_status store_save_sgoal(struct store *s, struct model *m, struct strategy_goal *e)
{
	CHECK_TEXTS(e->title);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit strategy goal") : N_("Add strategy goal"), e->title);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? prep(s, "UPDATE strategy_goal SET title=?1 WHERE id=?2")
				 : prep(s, "INSERT INTO strategy_goal(title) VALUES(?1)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->title);
	if (e->id)
		sqlite3_bind_int64(st, 2, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_sgoal(m, e);
	return end_edit(s, m, r);
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

enum store_status store_save_goal(struct store *s, struct model *m, struct goal *e)
{
	CHECK_TEXTS(e->title, e->specific, e->measurable, e->achievable, e->relevant,
		    e->time_bound);
	if (bad_iso_date(e->time_bound)) {
		snprintf(s->detail, sizeof s->detail, _("%s is not a day of the calendar"),
			 e->time_bound);
		return STORE_E_INVALID;
	}
	enum store_status r = store_begin(s, e->id ? N_("Edit goal") : N_("Add goal"), e->title);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? prep(s, "UPDATE goal SET title=?1,specific=?2,measurable=?3,achievable=?4,"
				"relevant=?5,time_bound=?6,strategy_goal=?7,status=?8 WHERE id=?9")
		      : prep(s, "INSERT INTO goal(title,specific,measurable,achievable,relevant,"
				"time_bound,strategy_goal,status) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->title);
	bind_text(st, 2, e->specific);
	bind_text(st, 3, e->measurable);
	bind_text(st, 4, e->achievable);
	bind_text(st, 5, e->relevant);
	bind_text(st, 6, e->time_bound);
	bind_ref(st, 7, e->strategy_goal);
	bind_word(st, 8, VOCAB_GSTATUS, e->status);
	if (e->id)
		sqlite3_bind_int64(st, 9, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_goal(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_indicator(struct store *s, struct model *m, struct indicator *e)
{
	CHECK_TEXTS(e->name, e->unit, e->source, e->method, e->frequency);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit indicator") : N_("Add indicator"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? prep(s, "UPDATE indicator SET goal=?1,name=?2,unit=?3,direction=?4,"
				"baseline=?5,baseline_date=?6,target=?7,target_date=?8,latest=?9,"
				"latest_date=?10,source=?11,method=?12,frequency=?13,owner=?14 "
				"WHERE id=?15")
		      : prep(s, "INSERT INTO indicator(goal,name,unit,direction,baseline,"
				"baseline_date,target,target_date,latest,latest_date,source,method,"
				"frequency,owner) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
				"?13,?14)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, e->goal);
	bind_text(st, 2, e->name);
	bind_text(st, 3, e->unit);
	bind_word(st, 4, VOCAB_DIRECTION, e->direction);
	bind_opt_num(st, 5, e->baseline);
	bind_opt_text(st, 6, e->baseline_date);
	bind_opt_num(st, 7, e->target);
	bind_opt_text(st, 8, e->target_date);
	bind_opt_num(st, 9, e->latest);
	bind_opt_text(st, 10, e->latest_date);
	bind_text(st, 11, e->source);
	bind_text(st, 12, e->method);
	bind_text(st, 13, e->frequency);
	bind_ref(st, 14, e->owner);
	if (e->id)
		sqlite3_bind_int64(st, 15, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_indicator(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_stakeholder(struct store *s, struct model *m, struct stakeholder *e)
{
	CHECK_TEXTS(e->name, e->organisation, e->message, e->channel, e->cadence);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit stakeholder") : N_("Add stakeholder"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? prep(s, "UPDATE stakeholder SET name=?1,organisation=?2,grp=?3,"
				"influence=?4,interest=?5,attitude=?6,key_person=?7,temporary=?8,"
				"message=?9,channel=?10,cadence=?11 WHERE id=?12")
		      : prep(s, "INSERT INTO stakeholder(name,organisation,grp,influence,"
				"interest,attitude,key_person,temporary,message,channel,cadence) "
				"VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_text(st, 2, e->organisation);
	bind_word(st, 3, VOCAB_GROUP, e->group);
	sqlite3_bind_int(st, 4, e->influence);
	sqlite3_bind_int(st, 5, e->interest);
	bind_word(st, 6, VOCAB_ATTITUDE, e->attitude);
	sqlite3_bind_int(st, 7, e->key_person);
	sqlite3_bind_int(st, 8, e->temporary);
	bind_text(st, 9, e->message);
	bind_text(st, 10, e->channel);
	bind_text(st, 11, e->cadence);
	if (e->id)
		sqlite3_bind_int64(st, 12, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_stakeholder(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_task(struct store *s, struct model *m, struct task *e)
{
	CHECK_TEXTS(e->name);
	enum store_status r = store_begin(s, e->id ? N_("Edit task") : N_("Add task"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? prep(s, "UPDATE task SET name=?1,category=?2,phase=?3 WHERE id=?4")
				 : prep(s, "INSERT INTO task(name,category,phase) VALUES(?1,?2,?3)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_word(st, 2, VOCAB_CATEGORY, e->category);
	bind_word(st, 3, VOCAB_TPHASE, e->phase);
	if (e->id)
		sqlite3_bind_int64(st, 4, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_task(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_cost(struct store *s, struct model *m, struct cost *e)
{
	CHECK_TEXTS(e->name);
	enum store_status r = store_begin(s, e->id ? N_("Edit cost") : N_("Add cost"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? prep(s, "UPDATE cost SET name=?1,kind=?2,amount=?3,start_year=?4,"
				"end_year=?5 WHERE id=?6")
		      : prep(s, "INSERT INTO cost(name,kind,amount,start_year,end_year) "
				"VALUES(?1,?2,?3,?4,?5)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_word(st, 2, VOCAB_COST_KIND, e->kind);
	sqlite3_bind_double(st, 3, e->amount);
	bind_opt_int(st, 4, e->start_year);
	bind_opt_int(st, 5, e->end_year);
	if (e->id)
		sqlite3_bind_int64(st, 6, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_cost(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_share(struct store *s, struct model *m, struct cost_share *e)
{
	const struct cost *c = model_cost(m, e->cost);
	enum store_status r = store_begin(s, N_("Edit cost share"), c ? c->name : "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st;
	if (e->percent <= 0) {
		st = prep(s, "DELETE FROM cost_share WHERE cost=?1 AND stakeholder=?2");
		if (!st)
			return end_edit(s, m, STORE_E_IO);
		sqlite3_bind_int64(st, 1, e->cost);
		sqlite3_bind_int64(st, 2, e->stakeholder);
		r = step_edit(s, st);
		if (r == STORE_OK)
			s->reload = true;
		return end_edit(s, m, r);
	}
	/* the partners of one cost never carry more than all of it */
	st = prep(s, "SELECT coalesce(sum(percent),0) FROM cost_share WHERE cost=?1 AND "
		     "stakeholder<>?2");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
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
		return end_edit(s, m, STORE_E_INVALID);
	}
	st = prep(s, "INSERT INTO cost_share(cost,stakeholder,percent) VALUES(?1,?2,?3) "
		     "ON CONFLICT(cost,stakeholder) DO UPDATE SET percent=excluded.percent "
		     "RETURNING id");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, e->cost);
	sqlite3_bind_int64(st, 2, e->stakeholder);
	sqlite3_bind_double(st, 3, e->percent);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		r = fail(s, rc);
		sqlite3_reset(st);
		return end_edit(s, m, r);
	}
	sqlite3_reset(st);
	model_put_share(m, e);
	return end_edit(s, m, STORE_OK);
}

enum store_status store_save_check(struct store *s, struct model *m, struct check_item *e)
{
	CHECK_TEXTS(e->note);
	enum store_status r = store_begin(s, N_("Edit check item"), "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		prep(s, "INSERT INTO check_item(factor,field,item,status,note) VALUES(?1,?2,?3,?4,?5) "
			"ON CONFLICT(factor,field,item) DO UPDATE SET status=excluded.status,"
			"note=excluded.note RETURNING id");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int(st, 1, e->factor);
	bind_word(st, 2, VOCAB_FIELD, e->field);
	sqlite3_bind_int(st, 3, e->item);
	bind_word(st, 4, VOCAB_CHECK_STATUS, e->status);
	bind_text(st, 5, e->note);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		r = fail(s, rc);
		sqlite3_reset(st);
		return end_edit(s, m, r);
	}
	sqlite3_reset(st);
	model_put_check(m, e);
	return end_edit(s, m, STORE_OK);
}

enum store_status store_save_note(struct store *s, struct model *m, struct note *e)
{
	CHECK_TEXTS(e->text);
	enum store_status r = store_begin(s, e->id ? N_("Edit note") : N_("Add note"), e->text);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? prep(s, "UPDATE note SET kind=?1,text=?2,owner=?3,due=?4 "
					   "WHERE id=?5")
				 : prep(s, "INSERT INTO note(kind,text,owner,due) VALUES(?1,?2,?3,?4)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_word(st, 1, VOCAB_NOTE_KIND, e->kind);
	bind_text(st, 2, e->text);
	bind_ref(st, 3, e->owner);
	bind_opt_text(st, 4, e->due);
	if (e->id)
		sqlite3_bind_int64(st, 5, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_note(m, e);
	return end_edit(s, m, r);
}

enum store_status store_set_raci(struct store *s, struct model *m, int64_t task,
				 int64_t stakeholder, enum raci role)
{
	const struct task *t = model_task(m, task);
	enum store_status r = store_begin(s, N_("Edit responsibility"), t ? t->name : "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st;
	if (role == RACI_NONE) {
		st = prep(s, "DELETE FROM raci WHERE task=?1 AND stakeholder=?2");
	} else {
		st = prep(s, "INSERT INTO raci(task,stakeholder,role) VALUES(?1,?2,?3) "
			     "ON CONFLICT(task,stakeholder) DO UPDATE SET role=excluded.role");
	}
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, stakeholder);
	if (role != RACI_NONE) {
		char letter[2] = {raci_letter(role), 0};
		sqlite3_bind_text(st, 3, letter, 1, SQLITE_TRANSIENT);
	}
	r = step_edit(s, st);
	if (r == STORE_OK)
		model_raci_set(m, task, stakeholder, role);
	return end_edit(s, m, r);
}

enum store_status store_set_agenda(struct store *s, struct model *m, int step, int minutes)
{
	if (step < 0 || step >= STEP_COUNT)
		return STORE_E_INVALID;
	enum store_status r = store_begin(s, N_("Edit agenda"), "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = prep(s, "INSERT INTO agenda(step,minutes) VALUES(?1,?2) "
				   "ON CONFLICT(step) DO UPDATE SET minutes=excluded.minutes");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int(st, 1, step);
	sqlite3_bind_int(st, 2, minutes);
	r = step_edit(s, st);
	if (r == STORE_OK) {
		m->agenda[step] = minutes;
		m->revision++;
	}
	return end_edit(s, m, r);
}

static const char *entity_table(enum entity kind)
{
	static const char *const names[ENT_COUNT] = {
		"strategy_goal", "goal", "indicator", "stakeholder", "task",
		"cost", "cost_share", "check_item", "note",
	};
	return kind >= 0 && kind < ENT_COUNT ? names[kind] : NULL;
}

static const char *entity_name(const struct model *m, enum entity kind, int64_t id)
{
	switch (kind) {
	case ENT_SGOAL: {
		const struct strategy_goal *e = model_sgoal(m, id);
		return e ? e->title : "";
	}
	case ENT_GOAL: {
		const struct goal *e = model_goal(m, id);
		return e ? e->title : "";
	}
	case ENT_INDICATOR: {
		const struct indicator *e = model_indicator(m, id);
		return e ? e->name : "";
	}
	case ENT_STAKEHOLDER: {
		const struct stakeholder *e = model_stakeholder(m, id);
		return e ? e->name : "";
	}
	case ENT_TASK: {
		const struct task *e = model_task(m, id);
		return e ? e->name : "";
	}
	case ENT_COST: {
		const struct cost *e = model_cost(m, id);
		return e ? e->name : "";
	}
	default:
		return "";
	}
}

enum store_status store_delete(struct store *s, struct model *m, enum entity kind, int64_t id)
{
	const char *table = entity_table(kind);
	if (!table)
		return STORE_E_INVALID;
	static const char *const labels[ENT_COUNT] = {
		N_("Delete strategy goal"), N_("Delete goal"), N_("Delete indicator"),
		N_("Delete stakeholder"), N_("Delete task"), N_("Delete cost"),
		N_("Delete cost share"), N_("Delete check item"), N_("Delete note"),
	};
	enum store_status r = store_begin(s, labels[kind], entity_name(m, kind, id));
	if (r != STORE_OK)
		return r;
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id=?", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return end_edit(s, m, fail(s, 0));
	sqlite3_bind_int64(st, 1, id);
	r = step_edit(s, st);
	sqlite3_finalize(st);
	if (r != STORE_OK)
		return end_edit(s, m, r);
	s->reload = true;
	return end_edit(s, m, STORE_OK);
}

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
		for (size_t i = 0; i < sizeof undo_tables / sizeof *undo_tables; i++)
			if (a && !strcmp(a, undo_tables[i]))
				return SQLITE_OK;
		return SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
}

static int depth_of(struct store *s, const char *kind)
{
	sqlite3_stmt *st = prep(s, "SELECT count(*) FROM undo_step WHERE kind=?");
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
	if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
		return fail(s, 0);
	enum store_status e = STORE_OK;
	int64_t step = 0;
	sqlite3_stmt *st = prep(s, "SELECT id,label,item FROM undo_step WHERE kind=? "
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
	st = prep(s, "INSERT INTO undo_step(kind,label,item) VALUES(?,?,?)");
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
	if (!ok || exec(s, "PRAGMA defer_foreign_keys=ON") != SQLITE_OK)
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
			e = fail(s, 0);
		}
		sqlite3_finalize(x);
		p += strlen(p) + 1;
	}
	sqlite3_set_authorizer(s->db, NULL, NULL);
	buf_free(&all);
	if (e != STORE_OK)
		goto rollback;
	st = prep(s, "DELETE FROM undo_step WHERE id=?");
	if (!st)
		goto bad;
	sqlite3_bind_int64(st, 1, step);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto bad;
	sqlite3_reset(st);
	if (exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	return store_load(s, m);
bad:
	e = fail(s, 0);
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
	if (exec(s, "DELETE FROM undo_step") != SQLITE_OK)
		return fail(s, 0);
	/* rewrite the file so no freed page keeps the old text */
	if (exec(s, "VACUUM") != SQLITE_OK)
		return fail(s, 0);
	return STORE_OK;
}

/* ------------------------------------------------------------ clock */

enum store_status store_clock_get(struct store *s, int step, long *elapsed, long *started)
{
	*elapsed = *started = 0;
	sqlite3_stmt *st = prep(s, "SELECT elapsed,started FROM clock WHERE step=?");
	if (!st)
		return fail(s, 0);
	sqlite3_bind_int(st, 1, step);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*elapsed = (long)sqlite3_column_int64(st, 0);
		*started = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : fail(s, rc);
}

enum store_status store_clock_set(struct store *s, int step, long elapsed, long started)
{
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth > 0)
		return STORE_E_BUSY;
	sqlite3_stmt *st = prep(s, "INSERT INTO clock(step,elapsed,started) VALUES(?1,?2,?3) "
				   "ON CONFLICT(step) DO UPDATE SET elapsed=excluded.elapsed,"
				   "started=excluded.started");
	if (!st)
		return fail(s, 0);
	sqlite3_bind_int(st, 1, step);
	sqlite3_bind_int64(st, 2, elapsed < 0 ? 0 : elapsed);
	sqlite3_bind_int64(st, 3, started);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : fail(s, rc);
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
