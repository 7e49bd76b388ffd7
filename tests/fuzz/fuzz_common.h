/* fuzz_common.h — shared by the fuzz targets (tests/fuzz/fuzz_*.c), which
 * run under libFuzzer (`make fuzz`, clang) and, without libFuzzer, under
 * tests/fuzz/replay.c in `make check` (any compiler). */
#ifndef STETIG_FUZZ_COMMON_H
#define STETIG_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints what broke and aborts (libFuzzer keeps the input as a crash). */
#define FUZZ_CHECK(cond, ...)                                                                      \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                         \
	} while (0)
_Noreturn void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Once per process: the locale and messages (English), and a private
 * folder for the files (in /dev/shm when it is there, so fsync is cheap;
 * removed at exit). */
void fuzz_setup(void);
/* fuzz_dir()/name in one of 8 rotating static buffers. */
const char *fuzz_path(const char *name);

/* Writes data to path (replacing it); aborts on failure. */
void fuzz_write(const char *path, const void *data, size_t len);
/* true when the file at path holds exactly data[0..len). */
bool fuzz_file_is(const char *path, const void *data, size_t len);
/* true when s is well-formed UTF-8 without control characters other than
 * newline and tab (safe to print on a terminal). */
bool fuzz_text_ok(const char *s);
/* true when path exists. */
bool fuzz_exists(const char *path);
/* Number of entries in a folder (without . and ..); 0 when missing. */
size_t fuzz_count_files(const char *folder);
/* Removes a folder and everything in it (no error when missing). */
void fuzz_rmtree(const char *path);
/* true when the two folders hold the same files with the same bytes. */
bool fuzz_same_tree(const char *a, const char *b, char *why, size_t n);

#endif
