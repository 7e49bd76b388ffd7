/* fuzz_bundle.c — fuzz target: the CSV bundle reader (bundle_import).
 *
 * The input is split into the files of a bundle. A line "=@NAME" (at the
 * start of the input or after a newline) starts file NAME, e.g.
 * "=@goals.csv"; "=@!NAME" makes reading NAME fail with EACCES; text
 * before the first such line (if any) is goals.csv. The bundle is imported
 * into a fresh copy of a new workshop. Checked:
 *  - a refused import says why, and leaves the workshop byte-identical (no
 *    journal left);
 *  - an accepted one leaves a file that passes integrity_check and holds
 *    exactly what the model shows; its export can be imported into another
 *    new workshop and exports to the same bytes again (export → import →
 *    export is exact); the council workbook is written without error and
 *    without a temporary file left.
 * Messages must be free of control characters. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_io.h"
#include "findings.h"
#include "fuzz_common.h"
#include "store.h"
#include "util.h"
#include "xlsx_export.h"

#define MAX_PARTS 32

struct part {
	const char *name; /* points into the input copy */
	size_t name_len;
	const char *data;
	size_t len;
	bool unreadable;
};

struct fuzz_src {
	struct bundle_src src; /* first: the reader gets this pointer */
	struct part parts[MAX_PARTS];
	size_t n;
};

static char *tmpl;
static size_t tmpl_len;

static int fuzz_parse(const struct bundle_src *src, const char *name, int flags,
		      struct csv_table *t, struct csv_error *ce)
{
	const struct fuzz_src *fs = (const struct fuzz_src *)src;
	memset(t, 0, sizeof *t);
	memset(ce, 0, sizeof *ce);
	for (size_t i = 0; i < fs->n; i++) {
		const struct part *p = &fs->parts[i];
		if (p->name_len != strlen(name) || memcmp(p->name, name, p->name_len))
			continue;
		if (p->unreadable) {
			snprintf(ce->msg, sizeof ce->msg, "cannot read the file: %s", strerror(EACCES));
			return -1;
		}
		return csv_table_parse(p->data, p->len, flags, t, ce) ? 0 : -1;
	}
	return ENOENT;
}

/* Splits text[0..len) at the "=@NAME" lines. */
static void split(struct fuzz_src *fs, const char *text, size_t len)
{
	struct part *cur = &fs->parts[0];
	*cur = (struct part){"goals.csv", 9, text, 0, false};
	fs->n = 1;
	size_t i = 0;
	while (i < len) {
		if ((i == 0 || text[i - 1] == '\n') && i + 1 < len && text[i] == '=' &&
		    text[i + 1] == '@') {
			const char *nl = memchr(text + i, '\n', len - i);
			size_t end = nl ? (size_t)(nl - text) : len;
			cur->len = (size_t)(text + i - cur->data);
			if (fs->n == MAX_PARTS)
				return;
			cur = &fs->parts[fs->n++];
			const char *name = text + i + 2;
			size_t name_len = end - (i + 2);
			if (name_len && name[name_len - 1] == '\r')
				name_len--;
			bool bad = name_len && name[0] == '!';
			*cur = (struct part){name + bad, name_len - bad, text + end + (end < len),
					     0, bad};
			i = end + 1;
			continue;
		}
		i++;
	}
	cur->len = (size_t)(text + len - cur->data);
	if (fs->parts[0].len == 0)
		fs->parts[0].name_len = 0; /* nothing before the first line: no goals.csv */
}

static void setup(void)
{
	if (tmpl)
		return;
	fuzz_setup();
	struct model m;
	model_init(&m);
	struct store *s;
	const char *path = fuzz_path("template.stetig");
	enum err st = store_create(path, LANG_EN, NULL, NULL, &m, &s);
	FUZZ_CHECK(st == ERR_OK, "store_create: %d", (int)st);
	store_close(s);
	model_free(&m);
	FUZZ_CHECK(file_read_all(path, (size_t)1 << 30, &tmpl, &tmpl_len) == 0, "read %s", path);
}

/* A fresh copy of the new workshop at path, opened for editing. */
static struct store *fresh(const char *path, struct model *m)
{
	fuzz_write(path, tmpl, tmpl_len);
	struct store *s;
	model_init(m);
	enum err st = store_open(path, STORE_EXCLUSIVE, m, &s);
	FUZZ_CHECK(st == ERR_OK, "store_open of a new workshop: %d", (int)st);
	return s;
}

static void export_csv(const struct model *m, const char *dir)
{
	struct findings f;
	findings_compute(m, &f);
	enum lang lang = m->ws.lang == LANG_DE ? LANG_DE : LANG_EN;
	struct bundle_error err;
	fuzz_rmtree(dir);
	bool ok = bundle_export(m, &f, dir, lang, lang == LANG_DE ? ';' : ',', &err);
	char *text = ok ? NULL : bundle_error_text(&err);
	FUZZ_CHECK(ok, "exporting an imported workshop failed: %s", text);
	findings_free(&f);
}

/* An accepted import: everything that can be checked about the result. */
static void check_accepted(struct store *s, struct model *m)
{
	FUZZ_CHECK(store_integrity_ok(s), "integrity_check after an import");
	const char *a = fuzz_path("a"), *a2 = fuzz_path("a2"), *b = fuzz_path("b");
	char why[512];
	export_csv(m, a);

	/* the file holds what the model shows */
	struct model m2;
	model_init(&m2);
	FUZZ_CHECK(store_load(s, &m2) == ERR_OK, "store_load after an import");
	export_csv(&m2, a2);
	FUZZ_CHECK(fuzz_same_tree(a, a2, why, sizeof why), "model and file differ: %s", why);
	model_free(&m2);

	/* export → import → export */
	struct model m3;
	struct store *s3 = fresh(fuzz_path("second.stetig"), &m3);
	struct bundle_src src;
	bundle_src_dir(&src, a);
	struct bundle_error err;
	bool ok = bundle_import(s3, &m3, &src, &err);
	char *text = ok ? NULL : bundle_error_text(&err);
	FUZZ_CHECK(ok, "an exported bundle is refused: %s", text);
	bundle_src_free(&src);
	export_csv(&m3, b);
	FUZZ_CHECK(fuzz_same_tree(a, b, why, sizeof why), "export → import → export: %s", why);
	store_close(s3);
	model_free(&m3);

	/* the council workbook */
	struct findings f;
	findings_compute(m, &f);
	const char *xdir = fuzz_path("x");
	fuzz_rmtree(xdir);
	FUZZ_CHECK(mkdir(xdir, 0700) == 0, "mkdir %s", xdir);
	char xerr[1024] = "";
	const char *xpath = fuzz_path("x/out.xlsx");
	ok = xlsx_export(m, &f, xpath, m->ws.lang == LANG_DE ? LANG_DE : LANG_EN, xerr,
			 sizeof xerr) == ERR_OK;
	FUZZ_CHECK(ok, "xlsx_export of an imported workshop: %s", xerr);
	FUZZ_CHECK(fuzz_exists(xpath), "no workbook written");
	FUZZ_CHECK(fuzz_count_files(xdir) == 1, "a temporary file is left beside the workbook");
	findings_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	struct fuzz_src fs;
	memset(&fs, 0, sizeof fs);
	fs.src.parse = fuzz_parse;
	fs.src.base = "fuzz";
	fs.src.label = "fuzz";
	fs.src.is_dir = false;
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	split(&fs, text, size);

	const char *work = fuzz_path("work.stetig");
	struct model m;
	struct store *s = fresh(work, &m);
	struct bundle_error err;
	bool ok = bundle_import(s, &m, &fs.src, &err);
	if (ok) {
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "  accepted\n");
		check_accepted(s, &m);
		store_close(s);
	} else {
		char *msg = bundle_error_text(&err);
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "  refused: %s\n", msg);
		FUZZ_CHECK(*err.msg, "a refused import does not say why");
		FUZZ_CHECK(utf8_valid(msg, strlen(msg), NULL), "the message is not UTF-8: %s", msg);
		FUZZ_CHECK(fuzz_text_ok(msg), "control characters in the message: %s", msg);
		free(msg);
		store_close(s);
		FUZZ_CHECK(fuzz_file_is(work, tmpl, tmpl_len),
			   "a refused import changed the workshop file");
		FUZZ_CHECK(!fuzz_exists(fuzz_path("work.stetig-journal")),
			   "a refused import left a journal");
	}
	model_free(&m);
	free(text);
	return 0;
}
