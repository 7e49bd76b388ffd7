/* replay.c — runs a fuzz target (linked with it) over its seed corpus and
 * its kept crashers without libFuzzer, so `make check` replays them with
 * any compiler (and under the sanitizers and valgrind). FUZZ_NAME is the
 * target: tests/fuzz/corpus_NAME/ and tests/fuzz/crashers/NAME-* are run.
 * Arguments, if any, are files or folders to run instead. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"
#include "util.h"

static size_t ran;

static void run_file(const char *path)
{
	char *data;
	size_t len;
	if (file_read_all(path, (size_t)1 << 30, &data, &len) != 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "%s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	ran++;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every file in dir whose name starts with prefix ("" for all), in
 * name order. */
static void run_dir(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix)))
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			run_file(path);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			struct stat st;
			if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
				run_dir(argv[i], "");
			else
				run_file(argv[i]);
		}
	} else {
		const char *top = getenv("top_srcdir");
		if (!top || !*top)
			top = TEST_SRCDIR;
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus_%s", top, FUZZ_NAME);
		run_dir(dir, "");
		size_t seeds = ran;
		snprintf(dir, sizeof dir, "%s/tests/fuzz/crashers", top);
		run_dir(dir, FUZZ_NAME "-");
		printf("fuzz target %s: %zu seeds and %zu kept crashers replayed\n", FUZZ_NAME, seeds,
		       ran - seeds);
		if (seeds == 0) {
			fprintf(stderr, "no seed corpus found under %s/tests/fuzz\n", top);
			return 1;
		}
	}
	printf("%zu passed, 0 failed\n", ran);
	return 0;
}
