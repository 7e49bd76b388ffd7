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
	"cost_shares.csv", "check.csv",	      "notes.csv",   "findings.csv",
	NULL,
};

#define TEXT(en, de) {en, de, COL_TEXT, 0, 0, 0, true, NULL}
#define ID {"id", "id", COL_ID, 0, 1, 0, false, NULL}
#define REF(en, de, file, opt) {en, de, COL_REF, file, 1, 0, opt, NULL}
#define CHOICE(en, de, kind, opt) {en, de, COL_CHOICE, kind, 0, 0, opt, NULL}
#define INT(en, de, lo, hi, opt) {en, de, COL_INT, 0, lo, hi, opt, NULL}
#define NUM(en, de, opt) {en, de, COL_NUM, 0, 0, 0, opt, NULL}
#define DATE(en, de) {en, de, COL_DATE, 0, 0, 0, true, NULL}

static const struct bundle_col workshop_cols[] = {
	TEXT("title", "titel"),
	TEXT("municipality", "kommune"),
	TEXT("field", "handlungsfeld"),
	DATE("funding_end", "förderende"),
	CHOICE("phase", "phase", VOCAB_PHASE, false),
	TEXT("facilitator", "moderation"),
	TEXT("participants", "teilnehmende"),
	CHOICE("language", "sprache", VOCAB_LANG, true),
};
static const struct bundle_col sgoal_cols[] = {ID, TEXT("title", "titel")};
static const struct bundle_col goal_cols[] = {
	ID,
	TEXT("title", "titel"),
	TEXT("specific", "spezifisch"),
	TEXT("measurable", "messbar"),
	TEXT("achievable", "erreichbar"),
	TEXT("relevant", "relevant"),
	TEXT("time_bound", "terminiert"),
	REF("strategy_goal", "strategieziel", BF_SGOALS, true),
	CHOICE("status", "status", VOCAB_GSTATUS, false),
};
static const struct bundle_col indicator_cols[] = {
	ID,
	REF("goal", "ziel", BF_GOALS, false),
	TEXT("name", "name"),
	TEXT("unit", "einheit"),
	CHOICE("direction", "richtung", VOCAB_DIRECTION, false),
	NUM("baseline", "ausgangswert", true),
	DATE("baseline_date", "ausgangsdatum"),
	NUM("target", "zielwert", true),
	DATE("target_date", "zieldatum"),
	NUM("latest", "aktueller_wert", true),
	DATE("latest_date", "aktuelles_datum"),
	TEXT("source", "datenquelle"),
	TEXT("method", "methode"),
	TEXT("frequency", "häufigkeit"),
	{"owner", "zuständig", COL_REF, BF_STAKEHOLDERS, 1, 0, true, "verantwortlich"},
};
static const struct bundle_col stakeholder_cols[] = {
	ID,
	TEXT("name", "name"),
	TEXT("organisation", "organisation"),
	CHOICE("group", "gruppe", VOCAB_GROUP, false),
	INT("influence", "einfluss", 1, 5, false),
	INT("interest", "interesse", 1, 5, false),
	CHOICE("attitude", "haltung", VOCAB_ATTITUDE, false),
	CHOICE("key_person", "schlüsselperson", VOCAB_YESNO, true),
	CHOICE("temporary", "befristet", VOCAB_YESNO, true),
	TEXT("message", "kernbotschaft"),
	TEXT("channel", "kanal"),
	TEXT("cadence", "turnus"),
};
static const struct bundle_col task_cols[] = {
	ID,
	TEXT("name", "name"),
	CHOICE("category", "kategorie", VOCAB_CATEGORY, false),
	CHOICE("phase", "phase", VOCAB_TPHASE, false),
};
static const struct bundle_col raci_cols[] = {REF("task", "aufgabe", BF_TASKS, false)};
static const struct bundle_col cost_cols[] = {
	ID,
	TEXT("name", "name"),
	CHOICE("kind", "art", VOCAB_COST_KIND, false),
	NUM("amount", "betrag", true),
	INT("start_year", "startjahr", 1900, 9999, true),
	INT("end_year", "endjahr", 1900, 9999, true),
};
static const struct bundle_col share_cols[] = {
	REF("cost", "kosten", BF_COSTS, false),
	REF("stakeholder", "akteur", BF_STAKEHOLDERS, false),
	NUM("percent", "prozent", false),
};
static const struct bundle_col check_cols[] = {
	INT("factor", "faktor", 1, FACTOR_COUNT, false),
	CHOICE("field", "feld", VOCAB_FIELD, false),
	INT("item", "punkt", 1, 99, false),
	CHOICE("status", "status", VOCAB_CHECK_STATUS, false),
	TEXT("note", "notiz"),
};
static const struct bundle_col note_cols[] = {
	CHOICE("kind", "art", VOCAB_NOTE_KIND, false),
	TEXT("text", "text"),
	{"owner", "zuständig", COL_REF, BF_STAKEHOLDERS, 1, 0, true, "verantwortlich"},
	DATE("due", "fällig"),
};
static const struct bundle_col finding_cols[] = {
	CHOICE("severity", "einstufung", VOCAB_SEVERITY, false),
	CHOICE("step", "schritt", VOCAB_STEP, false),
	TEXT("item", "punkt"),
	TEXT("message", "meldung"),
};

#define SPEC(a) {a, sizeof a / sizeof *a}
const struct bundle_spec bundle_specs[BF_COUNT] = {
	[BF_WORKSHOP] = SPEC(workshop_cols),	   [BF_SGOALS] = SPEC(sgoal_cols),
	[BF_GOALS] = SPEC(goal_cols),		   [BF_INDICATORS] = SPEC(indicator_cols),
	[BF_STAKEHOLDERS] = SPEC(stakeholder_cols), [BF_TASKS] = SPEC(task_cols),
	[BF_RACI] = SPEC(raci_cols),		   [BF_COSTS] = SPEC(cost_cols),
	[BF_SHARES] = SPEC(share_cols),		   [BF_CHECK] = SPEC(check_cols),
	[BF_NOTES] = SPEC(note_cols),		   [BF_FINDINGS] = SPEC(finding_cols),
};

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
		snprintf(ce->msg, sizeof ce->msg, _("cannot read the file: %s"), strerror(errno));
		return -1;
	}
	struct stat st;
	const char *why = NULL;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (S_ISDIR(st.st_mode))
		why = _("a folder has that name");
	else if (!S_ISREG(st.st_mode))
		why = _("it is not a regular file (a pipe, a device or a socket)");
	else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		why = strerror(errno);
	if (why) {
		snprintf(ce->msg, sizeof ce->msg, _("cannot read the file: %s"), why);
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

void bundle_fail(struct bundle_error *err, enum bundle_file file, size_t line, size_t column,
		 const char *column_name, const char *fmt, ...)
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
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	/* never cut a character in two */
	size_t len = strlen(err->msg);
	size_t bad;
	if (!utf8_valid(err->msg, len, &bad))
		err->msg[bad] = '\0';
}

const char *bundle_errno_text(int e)
{
	switch (e) {
	case ENOSPC:
	case EDQUOT:
		return _("the disk is full");
	case EACCES:
	case EPERM:
		return _("no permission to write there");
	case EROFS:
		return _("the disk is read-only");
	case ENOENT:
		return _("the folder does not exist");
	case ENOTDIR:
		return _("a part of the path is not a folder");
	case EFBIG:
		return _("the file is too large");
	case EISDIR:
		return _("a folder has that name");
	default:
		return strerror(e);
	}
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
	struct buf b;
	buf_init(&b);
	add_part(&b, sum->sgoals, ngettext("%zu strategy goal", "%zu strategy goals", sum->sgoals));
	add_part(&b, sum->goals, ngettext("%zu goal", "%zu goals", sum->goals));
	add_part(&b, sum->indicators,
		 ngettext("%zu indicator", "%zu indicators", sum->indicators));
	add_part(&b, sum->stakeholders,
		 ngettext("%zu stakeholder", "%zu stakeholders", sum->stakeholders));
	add_part(&b, sum->tasks, ngettext("%zu task", "%zu tasks", sum->tasks));
	add_part(&b, sum->raci,
		 ngettext("%zu responsibility", "%zu responsibilities", sum->raci));
	add_part(&b, sum->costs, ngettext("%zu cost item", "%zu cost items", sum->costs));
	add_part(&b, sum->shares, ngettext("%zu cost share", "%zu cost shares", sum->shares));
	add_part(&b, sum->notes, ngettext("%zu note", "%zu notes", sum->notes));
	struct buf line;
	buf_init(&line);
	if (b.len)
		buf_printf(&line, _("Added %s."), b.data);
	else
		buf_adds(&line, _("Added nothing new."));
	if (sum->checks) {
		buf_adds(&line, " ");
		buf_printf(&line,
			   ngettext("Updated %zu check item.", "Updated %zu check items.", sum->checks),
			   sum->checks);
	}
	if (sum->workshop) {
		buf_adds(&line, " ");
		buf_adds(&line, _("Replaced the workshop data."));
	}
	buf_free(&b);
	return buf_steal(&line);
}
