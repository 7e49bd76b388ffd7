/* fuzz_common.c — helpers shared by the fuzz targets. */
#include "config.h"
#include "fuzz_common.h"

#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static char dir[256];

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	fprintf(stderr, "%s:%d: check failed: %s: ", file, line, cond);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void fuzz_rmtree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	if (*dir)
		fuzz_rmtree(dir);
}

void fuzz_setup(void)
{
	if (*dir)
		return;
	i18n_init("en");
	const char *base = getenv("STETIG_FUZZ_TMPDIR");
	struct stat st;
	if (!base || !*base)
		base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0
			       ? "/dev/shm"
			       : getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/stetig-fuzz-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		exit(99);
	}
	atexit(cleanup);
}

const char *fuzz_path(const char *name)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];
	snprintf(b, 512, "%s/%s", dir, name);
	return b;
}

void fuzz_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f && (len == 0 || fwrite(data, 1, len, f) == len) && fclose(f) == 0,
		   "cannot write %s", path);
}

bool fuzz_file_is(const char *path, const void *data, size_t len)
{
	char *got;
	size_t n;
	if (file_read_all(path, (size_t)1 << 30, &got, &n) != 0)
		return false;
	bool same = n == len && memcmp(got, data, len) == 0;
	free(got);
	return same;
}

bool fuzz_text_ok(const char *s)
{
	if (!utf8_valid(s, strlen(s), NULL))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return false;
	return true;
}

bool fuzz_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in a folder (without . and ..); NULL-terminated. */
static char **list_dir(const char *path, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	DIR *d = opendir(path);
	if (!d)
		return NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		xgrow((void **)&v, &cap, *n + 2, sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (v) {
		qsort(v, *n, sizeof *v, name_cmp);
		v[*n] = NULL;
	}
	return v;
}

size_t fuzz_count_files(const char *folder)
{
	size_t n;
	char **v = list_dir(folder, &n);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return n;
}

bool fuzz_same_tree(const char *a, const char *b, char *why, size_t n)
{
	size_t na, nb;
	char **la = list_dir(a, &na), **lb = list_dir(b, &nb);
	bool same = na == nb;
	if (!same)
		snprintf(why, n, "%zu files in %s, %zu in %s", na, a, nb, b);
	for (size_t i = 0; same && i < na; i++) {
		if (strcmp(la[i], lb[i])) {
			snprintf(why, n, "%s holds %s, %s holds %s", a, la[i], b, lb[i]);
			same = false;
			break;
		}
		char pa[1024], pb[1024];
		snprintf(pa, sizeof pa, "%s/%s", a, la[i]);
		snprintf(pb, sizeof pb, "%s/%s", b, lb[i]);
		char *da, *db;
		size_t la_, lb_;
		if (file_read_all(pa, (size_t)1 << 30, &da, &la_) != 0 ||
		    file_read_all(pb, (size_t)1 << 30, &db, &lb_) != 0) {
			snprintf(why, n, "cannot read %s", la[i]);
			same = false;
			break;
		}
		if (la_ != lb_ || memcmp(da, db, la_)) {
			size_t k = 0;
			while (k < la_ && k < lb_ && da[k] == db[k])
				k++;
			snprintf(why, n, "%s differs at byte %zu", la[i], k);
			same = false;
		}
		free(da);
		free(db);
	}
	for (size_t i = 0; i < na; i++)
		free(la[i]);
	for (size_t i = 0; i < nb; i++)
		free(lb[i]);
	free(la);
	free(lb);
	return same;
}
