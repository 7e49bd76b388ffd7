/* testutil.h — shared helpers for the CUnit suites. */
#ifndef STETIG_TESTUTIL_H
#define STETIG_TESTUTIL_H

#include <CUnit/CUnit.h>
#include <stdbool.h>
#include <stddef.h>

/* A fresh empty folder for this test binary (removed at exit). */
const char *test_dir(void);
/* test_dir()/name in a static rotating buffer. */
const char *test_path(const char *name);
/* Reads a whole file (NULL if missing); *len gets its size. */
char *test_slurp(const char *path, size_t *len);
/* Writes data to path. */
void test_write(const char *path, const void *data, size_t len);
/* true when the two files have identical bytes. */
bool test_same_file(const char *a, const char *b);
/* Copies a file. */
void test_copy(const char *from, const char *to);

/* Sets up gettext and the locale as the program does (English). */
void test_init_locale(void);

/* Runs the registered suites; returns the exit status (1 if anything
 * failed). Prints CUnit's run summary. */
int test_run(void);

#define ADD_TEST(suite, fn) CU_add_test(suite, #fn, fn)

#endif
