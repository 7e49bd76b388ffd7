/* fuzz_store.c — fuzz target: opening a workshop file.
 *
 * The input is written to a file, which is then opened read-only (as
 * export and check do) and for editing (as the screen and import do).
 * Checked:
 *  - a read-only open never changes the file, whatever it holds;
 *  - a refused open says why and leaves the file byte-identical, without a
 *    journal;
 *  - an accepted file loads, its findings compute, and both exports run to
 *    an end (success or a clean error, no temporary file left); an edit and
 *    its undo either work or fail with a status. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_io.h"
#include "findings.h"
#include "fuzz_common.h"
#include "store.h"
#include "util.h"
#include "xlsx_export.h"

static void check_refusal(enum store_status st, const char *path, const uint8_t *data,
			  size_t size)
{
	char *msg = store_message(st, path, NULL);
	FUZZ_CHECK(msg && *msg, "a refused open (%d) has no message", (int)st);
	/* SQLite's detail quotes bytes of the damaged file: store_message
	 * must make them printable */
	FUZZ_CHECK(fuzz_text_ok(msg), "message not clean UTF-8 text: %s", msg);
	free(msg);
	FUZZ_CHECK(fuzz_file_is(path, data, size), "a refused open (%d) changed the file",
		   (int)st);
}

static void exports(const struct model *m)
{
	struct findings f;
	findings_compute(m, &f);
	const char *dir = fuzz_path("csv");
	fuzz_rmtree(dir);
	struct bundle_error err;
	if (!bundle_export(m, &f, dir, LANG_DE, ';', &err)) {
		char *text = bundle_error_text(&err);
		FUZZ_CHECK(*err.msg && utf8_valid(text, strlen(text), NULL), "export error: %s",
			   text);
		free(text);
		FUZZ_CHECK(!fuzz_exists(dir) || rmdir(dir) == 0,
			   "a failed CSV export left files behind");
	}
	const char *xdir = fuzz_path("x");
	fuzz_rmtree(xdir);
	FUZZ_CHECK(mkdir(xdir, 0700) == 0, "mkdir %s", xdir);
	char xerr[1024] = "";
	const char *xpath = fuzz_path("x/out.xlsx");
	if (!xlsx_export(m, &f, xpath, LANG_EN, xerr, sizeof xerr)) {
		FUZZ_CHECK(*xerr, "xlsx_export failed without a message");
		FUZZ_CHECK(rmdir(xdir) == 0, "a failed xlsx export left files behind");
	} else {
		FUZZ_CHECK(fuzz_count_files(xdir) == 1, "a temporary file is left beside the workbook");
	}
	findings_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	const char *path = fuzz_path("in.stetig");
	const char *journal = fuzz_path("in.stetig-journal");
	remove(journal);
	fuzz_write(path, data, size);

	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum store_status st = store_open(path, STORE_READONLY, &m, &s);
	if (st == STORE_OK) {
		store_load(s, &m); /* may fail on a damaged file; must not crash */
		store_close(s);
		FUZZ_CHECK(fuzz_file_is(path, data, size), "a read-only open changed the file");
	} else {
		FUZZ_CHECK(s == NULL, "a refused open returned a store");
		check_refusal(st, path, data, size);
	}
	model_clear(&m);

	st = store_open(path, STORE_EXCLUSIVE, &m, &s);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "  exclusive open: %d\n", (int)st);
	if (st != STORE_OK) {
		FUZZ_CHECK(s == NULL, "a refused open returned a store");
		check_refusal(st, path, data, size);
		FUZZ_CHECK(!fuzz_exists(journal), "a refused open left a journal");
		model_free(&m);
		return 0;
	}
	if (store_load(s, &m) == STORE_OK) {
		exports(&m);
		int minutes = m.agenda[1] == 17 ? 18 : 17;
		if (store_set_agenda(s, &m, 1, minutes) == STORE_OK) {
			FUZZ_CHECK(m.agenda[1] == minutes, "a saved edit is not in the model");
			store_undo(s, &m, NULL, NULL);
		}
	}
	store_close(s);
	model_free(&m);
	return 0;
}
