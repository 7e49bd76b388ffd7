/* csv_io.c — the CSV bundle: its files and columns, where bundles come
 * from, error texts and formula neutralisation. Export is in csv_export.c,
 * import in csv_import.c. */
#include "config.h"
#include "csv_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_bundle.h"
#include "i18n.h"
#include "templates.h"
#include "util.h"

const char *const bundle_files[] = {
	"workshop.csv", "strategy_goals.csv", "goals.csv",   "indicators.csv",
	"stakeholders.csv", "tasks.csv",      "raci.csv",    "costs.csv",
	"cost_shares.csv", "check.csv",	      "notes.csv",   "decisions.csv",
	"milestones.csv",  "agenda.csv",      "findings.csv",
	NULL,
};

/* The columns of the entities' files, from entities.def. */
/* an empty id: a row new to every workshop */
#define ID_COL {"id", "id", COL_ID, 0, 1, 0, true, false},
#define CSV_ID_ID ID_COL
#define CSV_ID_NOID
#define COL_TYPE_TEXT COL_TEXT
#define COL_TYPE_DATETEXT COL_TEXT
#define COL_TYPE_TIME COL_TEXT
#define COL_TYPE_DATE COL_DATE
#define COL_TYPE_WORD COL_CHOICE
#define COL_TYPE_FLAG COL_CHOICE
#define COL_TYPE_INT COL_INT
#define COL_TYPE_REF COL_REF
#define COL_TYPE_NUM COL_NUM
#define COL_TYPE_OPTNUM COL_NUM
/* may the cell be empty: texts, dates and optional numbers always */
#define COL_EMPTY_OPT true
#define COL_EMPTY_REQ false
#define COL_EMPTY_KEY false
#define COL_EMPTY_NEW true
#define COL_LATE_OPT false
#define COL_LATE_REQ false
#define COL_LATE_KEY false
#define COL_LATE_NEW true
#define COL_OPT_TEXT(e) true
#define COL_OPT_DATETEXT(e) true
#define COL_OPT_TIME(e) true
#define COL_OPT_DATE(e) true
#define COL_OPT_WORD(e) COL_EMPTY_##e
#define COL_OPT_FLAG(e) COL_EMPTY_##e
#define COL_OPT_INT(e) COL_EMPTY_##e
#define COL_OPT_REF(e) COL_EMPTY_##e
#define COL_OPT_NUM(e) COL_EMPTY_##e
#define COL_OPT_OPTNUM(e) true
#define FIELD_COL(K, name, type, arg, lo, hi, empty, init, sql, en, de, ...)                \
	{en, de, COL_TYPE_##type, FIELD_ARG_##type(arg), lo, hi, COL_OPT_##type(empty),        \
	 COL_LATE_##empty},
#define ENTITY_COLS(K, prefix, type, member, sql, csv_id, ...)                              \
	static const struct bundle_col K##_cols[] = {CSV_ID_##csv_id K##_FIELDS(FIELD_COL)};
ENTITIES(ENTITY_COLS)
static const struct bundle_col WORKSHOP_cols[] = {WORKSHOP_FIELDS(FIELD_COL)};
#undef ENTITY_COLS

static const struct bundle_col raci_cols[] = {
	{"task", "aufgabe", COL_REF, ENT_TASK, 1, 0, true, false},
	{"task_name", "aufgabenname", COL_TEXT, 0, 0, 0, true, false},
};
static const struct bundle_col finding_cols[] = {
	{"severity", "einstufung", COL_CHOICE, VOCAB_SEVERITY, 0, 0, false, false},
	{"step", "schritt", COL_CHOICE, VOCAB_STEP, 0, 0, false, false},
	{"item", "punkt", COL_TEXT, 0, 0, 0, true, false},
	{"message", "meldung", COL_TEXT, 0, 0, 0, true, false},
};

#define SPEC(a, kind) {a, sizeof a / sizeof *a, kind}
#define ENTITY_SPEC(K, prefix, type, member, sql, csv_id, derived, named, file, ...)      \
	[file] = SPEC(K##_cols, ENT_##K),
/* German headers of earlier versions, still read: the owner columns were
 * "verantwortlich" before the glossary made them "zuständig". */
static const struct {
	const char *de, *old;
} de_old_headers[] = {
	{"zuständig", "verantwortlich"},
};

const char *bundle_col_de_old(const struct bundle_col *bc)
{
	for (size_t i = 0; i < sizeof de_old_headers / sizeof *de_old_headers; i++)
		if (!strcmp(bc->de, de_old_headers[i].de))
			return de_old_headers[i].old;
	return NULL;
}

const struct bundle_spec bundle_specs[BF_COUNT] = {
	ENTITIES(ENTITY_SPEC)
	[BF_WORKSHOP] = SPEC(WORKSHOP_cols, ENT_WORKSHOP),
	[BF_RACI] = SPEC(raci_cols, -1),
	[BF_FINDINGS] = SPEC(finding_cols, -1),
};
#undef ENTITY_SPEC

#define ENTITY_FILE(K, prefix, type, member, sql, csv_id, derived, named, file, ...)      \
	[ENT_##K] = file,
const enum bundle_file bundle_file_of[ENT_COUNT + 1] = {
	ENTITIES(ENTITY_FILE)
	[ENT_WORKSHOP] = BF_WORKSHOP,
};
#undef ENTITY_FILE

/* ------------------------------------------------------------ sources */

/* Bundles larger than this are refused (a workshop is far smaller). */
#define BUNDLE_FILE_MAX ((size_t)512 << 20)

/* A member of a bundle folder: opened without blocking (a pipe must not
 * hang the import while the workshop is locked), refused unless it is a
 * regular file, then parsed as it is read. */
static int parse_dir(const struct bundle_src *src, const char *name, int flags,
		     struct csv_table *t, struct csv_error *ce)
{
	memset(t, 0, sizeof *t);
	memset(ce, 0, sizeof *ce);
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", src->base, name);
	int fd = open(path.data, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	buf_free(&path);
	if (fd < 0) {
		if (errno == ENOENT)
			return ENOENT;
		ce->code = ERR_CSV_READ;
		err_format(ce->msg, sizeof ce->msg, ERR_CSV_READ, strerror(errno));
		return -1;
	}
	struct stat st;
	const char *why = NULL;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = err_text(ERR_SYS_IS_FOLDER);
	else if (!S_ISREG(st.st_mode))
		why = err_text(ERR_SYS_NOT_REGULAR);
	else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		why = strerror(errno);
	if (why) {
		ce->code = ERR_CSV_READ;
		err_format(ce->msg, sizeof ce->msg, ERR_CSV_READ, why);
		close(fd);
		return -1;
	}
	bool ok = csv_table_parse_fd(fd, BUNDLE_FILE_MAX, flags, t, ce);
	close(fd);
	return ok ? 0 : -1;
}

static int parse_embedded(const struct bundle_src *src, const char *name, int flags,
			  struct csv_table *t, struct csv_error *ce)
{
	memset(t, 0, sizeof *t);
	memset(ce, 0, sizeof *ce);
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s%s", src->base, name);
	const struct embedded_file *f = templates_file(path.data);
	buf_free(&path);
	if (!f)
		return ENOENT;
	return csv_table_parse(f->data, f->len, flags, t, ce) ? 0 : -1;
}

void bundle_src_dir(struct bundle_src *src, const char *dir)
{
	memset(src, 0, sizeof *src);
	src->parse = parse_dir;
	src->base = xstrdup(dir);
	src->label = xstrdup(dir);
	src->is_dir = true;
}

void bundle_src_embedded(struct bundle_src *src, const char *prefix)
{
	memset(src, 0, sizeof *src);
	src->parse = parse_embedded;
	src->base = xstrdup(prefix);
	src->label = xstrdup(prefix);
	src->is_dir = false;
}

void bundle_src_free(struct bundle_src *src)
{
	free(src->base);
	free(src->label);
	memset(src, 0, sizeof *src);
}

/* ------------------------------------------------------------ errors */

/* The file, line, column and column name of err. */
static void fail_place(struct bundle_error *err, enum bundle_file file, size_t line,
		       size_t column, const char *column_name)
{
	memset(err, 0, sizeof *err);
	if (file < BF_COUNT)
		snprintf(err->file, sizeof err->file, "%s", bundle_files[file]);
	err->line = line;
	err->column = column;
	if (column_name) {
		size_t n = utf8_prefix(column_name, 40);
		snprintf(err->column_name, sizeof err->column_name, "%.*s", (int)n, column_name);
	}
}

void bundle_fail(struct bundle_error *err, enum bundle_file file, size_t line, size_t column,
		 const char *column_name, enum err code, ...)
{
	fail_place(err, file, line, column, column_name);
	err->code = code;
	va_list ap;
	va_start(ap, code);
	err_vformat(err->msg, sizeof err->msg, code, ap);
	va_end(ap);
}

void bundle_fail_csv(struct bundle_error *err, enum bundle_file file, const struct csv_error *ce)
{
	fail_place(err, file, ce->line, ce->column, NULL);
	err->code = ce->code;
	snprintf(err->msg, sizeof err->msg, "%s", ce->msg);
}

char *bundle_error_text(const struct bundle_error *e)
{
	struct buf b;
	buf_init(&b);
	if (*e->file)
		buf_adds(&b, e->file);
	if (e->line) {
		if (b.len)
			buf_adds(&b, ", ");
		buf_printf(&b, _("line %zu"), e->line);
	}
	if (e->column) {
		if (b.len)
			buf_adds(&b, ", ");
		buf_printf(&b, _("column %zu"), e->column);
		if (*e->column_name)
			buf_printf(&b, " (%s)", e->column_name);
	}
	if (b.len)
		buf_adds(&b, ": ");
	buf_adds(&b, e->msg);
	return buf_steal(&b);
}

/* ------------------------------------------------------------ neutralising */

bool csv_needs_neutralising(const char *text)
{
	if (!text)
		return false;
	text += strspn(text, "'");
	return *text && strchr("=+-@\t\r\n", *text) != NULL;
}

char *csv_neutralise(const char *text)
{
	if (!text)
		return xstrdup("");
	if (!csv_needs_neutralising(text))
		return xstrdup(text);
	size_t n = strlen(text);
	char *out = xmalloc(n + 2);
	out[0] = '\'';
	memcpy(out + 1, text, n + 1);
	return out;
}

const char *csv_unneutralise(const char *cell)
{
	if (cell && cell[0] == '\'' && csv_needs_neutralising(cell))
		return cell + 1;
	return cell ? cell : "";
}

/* ------------------------------------------------------------ summary */

static void add_part(struct buf *b, size_t n, const char *fmt)
{
	if (!n)
		return;
	buf_adds(b, b->len ? ", " : "");
	buf_printf(b, fmt, n);
}

char *bundle_summary_text(const struct bundle_summary *sum)
{
	struct buf out;
	buf_init(&out);
	if (sum->replace)
		buf_printf(&out,
			   ngettext("The content is replaced: %zu item removed first.\n",
				    "The content is replaced: %zu items removed first.\n",
				    sum->removed),
			   sum->removed);
	if (sum->own && !sum->copy)
		buf_adds(&out, _("The bundle comes from this workshop: its rows update the "
				 "items with the same id.\n"));
	else if (sum->copy && !sum->replace)
		buf_adds(&out, _("The workshop was empty: every row is added under its id in "
				 "the bundle.\n"));
	else if (!sum->replace)
		buf_adds(&out, _("The bundle comes from another workshop: a row whose name "
				 "matches an item updates it.\n"));
	if (sum->workshop && sum->details[ENT_COUNT])
		buf_printf(&out, "%s: %s", bundle_files[BF_WORKSHOP], sum->details[ENT_COUNT]);
	else
		buf_printf(&out, "%s: %s\n", bundle_files[BF_WORKSHOP], _("unchanged"));
	for (int k = 0; k < ENT_COUNT; k++) {
		const size_t *n = sum->n[k];
		struct buf b;
		buf_init(&b);
		add_part(&b, n[BUNDLE_ADDED], _("%zu added"));
		add_part(&b, n[BUNDLE_UPDATED], _("%zu updated"));
		add_part(&b, n[BUNDLE_MATCHED], _("%zu matched by name"));
		add_part(&b, n[BUNDLE_UNCHANGED], _("%zu unchanged"));
		add_part(&b, n[BUNDLE_LEFT], _("%zu left alone"));
		if (b.len)
			buf_printf(&out, "%s: %s\n", bundle_files[bundle_file_of[k]], b.data);
		if (sum->details[k])
			buf_adds(&out, sum->details[k]);
		buf_free(&b);
		if (k == ENT_TASK) {
			/* the matrix after the tasks, as in the bundle */
			const size_t *r = sum->raci;
			buf_init(&b);
			add_part(&b, r[RACI_SET], _("%zu roles set"));
			add_part(&b, r[RACI_CHANGED], _("%zu changed"));
			add_part(&b, r[RACI_CLEARED], _("%zu cleared"));
			add_part(&b, r[RACI_SAME], _("%zu unchanged"));
			if (b.len)
				buf_printf(&out, "%s: %s\n", bundle_files[BF_RACI], b.data);
			buf_free(&b);
		}
	}
	if (!sum->changes)
		buf_adds(&out, _("Nothing changes.\n"));
	return buf_steal(&out);
}
