/* testutil.c — shared helpers for the CUnit suites. */
#include "config.h"
#include "testutil.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "templates.h"
#include "util.h"

static char dir[256];

static void remove_dir(void)
{
	if (!*dir || getenv("STETIG_KEEP_TEST_DIR"))
		return;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

const char *test_dir(void)
{
	if (!*dir) {
		const char *base = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/stetig-test-XXXXXX", base && *base ? base : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			exit(99);
		}
		atexit(remove_dir);
	}
	return dir;
}

const char *test_path(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];
	snprintf(b, 512, "%s/%s", test_dir(), name);
	return b;
}

char *test_slurp(const char *path, size_t *len)
{
	char *data;
	size_t n;
	if (file_read_all(path, (size_t)1 << 30, &data, &n) != 0)
		return NULL;
	if (len)
		*len = n;
	return data;
}

void test_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

bool test_same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *da = test_slurp(a, &la), *db = test_slurp(b, &lb);
	bool same = da && db && la == lb && !memcmp(da, db, la);
	free(da);
	free(db);
	return same;
}

void test_copy(const char *from, const char *to)
{
	size_t n;
	char *d = test_slurp(from, &n);
	if (!d) {
		perror(from);
		exit(99);
	}
	test_write(to, d, n);
	free(d);
}

void test_init_locale(void)
{
	setenv("LANGUAGE", "en", 1);
	/* the same pinned day as the shell tests (tests/lib.sh): findings about
	 * due dates never depend on the calendar */
	setenv("STETIG_TODAY", "2026-12-01", 0);
	i18n_init("en");
}

int test_run(void)
{
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed() +
			  CU_get_number_of_suites_failed();
	unsigned ran = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	catalogue_release();
	printf("\n%s: %u tests ran, %s\n", failed ? "FAILED" : "OK", ran,
	       failed ? "some failed" : "all passed");
	return failed || ran == 0 ? 1 : 0;
}
