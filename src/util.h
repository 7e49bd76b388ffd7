/* util.h — small helpers shared by the core: strings, UTF-8, dates, numbers. */
#ifndef STETIG_UTIL_H
#define STETIG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest text a field may hold, in characters (a spreadsheet cell). */
#define TEXT_MAX_CHARS 32767

/* Allocation that never returns NULL: out of memory aborts the program, as
 * there is nothing sensible a workshop tool can do without memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *p (holding *cap elements of size sz) so that it holds at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t sz);

/* Replaces *dst with a copy of src (NULL becomes ""). */
void str_set(char **dst, const char *src);
/* Replaces *dst with value, which it takes over (frees the old string). */
void str_take(char **dst, char *value);
/* true when s is NULL or "" */
bool str_empty(const char *s);
/* s with leading and trailing white space removed, in place. */
char *str_trim(char *s);

/* A growable byte buffer, always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Takes the buffer's string; b is empty afterwards. */
char *buf_steal(struct buf *b);

/* Checks that s[0..len) is well-formed UTF-8 without NUL bytes (no overlong
 * forms, no surrogates). On failure *bad_off gets the byte offset. */
bool utf8_valid(const char *s, size_t len, size_t *bad_off);
/* Writes code point c as UTF-8 into out (up to 4 bytes) and returns the
 * length; surrogates and values past U+10FFFF become U+FFFD. */
size_t utf8_encode(uint32_t c, char out[4]);
/* A copy of s that is safe to print on one terminal line: invalid UTF-8
 * bytes and control characters (C0 including TAB and line breaks, DEL, C1)
 * become U+FFFD, so nothing from a file can steer the terminal. */
char *str_printable(const char *s);
/* Number of characters (code points) of valid UTF-8. */
size_t utf8_chars(const char *s);
/* Byte length of the longest prefix of s that has at most max_chars
 * characters (never splits a character). */
size_t utf8_prefix(const char *s, size_t max_chars);

/* A calendar date. */
struct date {
	int y, m, d;
};
/* Parses YYYY-MM-DD or DD.MM.YYYY (leading/trailing blanks allowed) and checks
 * that the day exists (2027-02-30 does not). */
bool date_parse(const char *s, struct date *out);
/* Strict YYYY-MM-DD only (the CSV bundle). */
bool date_parse_iso(const char *s, struct date *out);
/* Formats as YYYY-MM-DD into out (11 bytes). */
void date_iso(const struct date *d, char out[11]);
/* Formats as DD.MM.YYYY into out (11 bytes). */
void date_german(const struct date *d, char out[11]);
/* Days since 1970-01-01 (for comparisons). */
long date_days(const struct date *d);
/* Today in local time. */
void date_today(struct date *out);

/* Parses a decimal number written with '.' or ',' as the decimal mark (no
 * thousands separators), with an optional sign. Rejects empty text, junk,
 * inf and nan. */
bool num_parse(const char *s, double *out);
/* Formats a number with up to 6 decimals, trailing zeros dropped; comma
 * true writes a decimal comma. out must hold 64 bytes. Locale-independent. */
void num_format(double v, bool comma, char out[64]);
/* Parses a whole number in [lo, hi]. */
bool int_parse(const char *s, long lo, long hi, long *out);

/* Writes data to path atomically: a temporary file in the same folder,
 * fsync, then rename. Returns 0 or an errno value; on failure nothing is
 * left behind at path or at the temporary name. */
int file_write_atomic(const char *path, const void *data, size_t len);
/* Reads a whole file; returns 0 or an errno value. *out is NUL-terminated.
 * Files larger than max bytes give EFBIG. */
int file_read_all(const char *path, size_t max, char **out, size_t *len);

#endif
