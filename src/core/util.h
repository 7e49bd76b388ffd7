/* util.h — small helpers shared by the core: strings, UTF-8, dates, numbers. */
#ifndef STETIG_UTIL_H
#define STETIG_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "vocab.h"

/* The longest text a field may hold, in characters (a spreadsheet cell). */
#define TEXT_MAX_CHARS 32767

/* Allocation that never returns NULL: out of memory aborts the program, as
 * there is nothing sensible a workshop tool can do without memory. Before
 * it reports, the fatal hook runs (the screen restores the terminal). */
void *xmalloc(size_t n);
/* Sets the function every fatal path calls before it reports (once); the
 * core knows no terminal, the screen registers endwin here. NULL: none. */
void util_set_fatal_hook(void (*hook)(void));
/* Runs the fatal hook, if any, and forgets it. */
void util_fatal_cleanup(void);
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

/* The one UTF-8 decoder and display-width measure of the program; every
 * module that walks text by characters goes through these. */
#define UTF8_REPLACEMENT 0xFFFDu
/* Decodes the character at s (n >= 1 bytes available): returns how many
 * bytes it takes (1..4) and its code point in *cp. A byte that does not
 * start a well-formed character (stray continuation, overlong form,
 * surrogate, past U+10FFFF, cut off) takes one byte and gives U+FFFD. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Checks that s[0..len) is well-formed UTF-8 without NUL bytes (no overlong
 * forms, no surrogates). On failure *bad_off gets the byte offset. */
bool utf8_valid(const char *s, size_t len, size_t *bad_off);
/* Writes code point c as UTF-8 into out (up to 4 bytes) and returns the
 * length; surrogates and values past U+10FFFF become U+FFFD. */
size_t utf8_encode(uint32_t c, char out[4]);
/* Number of characters of s as utf8_decode counts them (each invalid byte
 * is one). */
size_t utf8_chars(const char *s);
/* Byte length of the longest prefix of s that has at most max_chars
 * characters (never splits a character). */
size_t utf8_prefix(const char *s, size_t max_chars);

/* C0 controls, DEL and the C1 range U+0080..U+009F. */
bool uchar_is_control(uint32_t c);
/* The bidirectional embedding, override and isolate controls
 * (U+202A..U+202E, U+2066..U+2069), which reorder the text around them. */
bool uchar_is_bidi_control(uint32_t c);
/* The character a terminal is given for c: c itself when printable, a
 * blank for TAB and line breaks, U+FFFD (a visible marker) for control
 * characters, bidirectional controls and other characters without a width. */
uint32_t uchar_display(uint32_t c);
/* Display columns of c as drawn (uchar_display, measured with wcwidth;
 * combining marks 0, wide characters 2). Needs a UTF-8 LC_CTYPE. */
int uchar_width(uint32_t c);
/* Display columns of UTF-8 s (NULL is 0), invalid bytes counted as the
 * U+FFFD they are drawn as. */
int utf8_width(const char *s);

enum {
	TEXT_KEEP_LINES = 1 << 0, /* TAB, LF and CR stay (text for files) */
};
/* A copy of s that cannot steer what shows it: invalid bytes, control
 * characters (but TAB, LF and CR with TEXT_KEEP_LINES) and bidirectional
 * controls become U+FFFD; at most max_chars characters. */
char *text_neutral(const char *s, int flags, size_t max_chars);
/* true when text_neutral(s, flags, ...) would change anything but length. */
bool text_needs_neutral(const char *s, int flags);
/* A copy of s that is safe to print on one terminal line: text_neutral
 * without TEXT_KEEP_LINES, so nothing from a file can steer the terminal. */
char *str_printable(const char *s);

/* Case-insensitive comparison that does not depend on the locale (under
 * tr_TR, tolower('I') is not 'i'): ASCII letters only. */
bool ascii_equal_fold(const char *a, const char *b);
/* c in lower case for ASCII and Latin-1 letters (Ä→ä, Ö→ö, Ü→ü), ẞ→ß;
 * other characters unchanged. Locale-independent. */
uint32_t uchar_fold(uint32_t c);
/* a and b equal when folded with uchar_fold character by character. */
bool text_equal_fold(const char *a, const char *b);
/* s[0..len) folded with uchar_fold into out (size n >= 1), NUL-terminated;
 * stops before a character that would not fit whole. Returns the bytes
 * written; *all (may be NULL) says whether all of s fitted. */
size_t text_fold_lower(const char *s, size_t len, char *out, size_t n, bool *all);

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
/* Today in local time, or the day STETIG_TODAY names (YYYY-MM-DD) when it
 * is set: tests pin the calendar with it. */
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

/* Numbers as people type them on the screen (not the CSV bundle, which
 * keeps num_parse). German: '.' groups thousands and ',' is the decimal
 * mark (18.500,50); English the other way round (18,500.50). A space, a
 * no-break space (U+00A0, U+202F) or a thin space (U+2009) also groups
 * thousands in both languages (18 500). The rules, so that nothing is
 * silently reinterpreted:
 *  - plain digits are always fine, with one optional decimal mark and an
 *    optional sign (+, -, U+2212) before them; blanks around are ignored;
 *  - after a thousands mark come exactly three digits, before the first
 *    one one to three digits that do not start with 0; one kind of
 *    thousands mark per number; no thousands mark after the decimal mark;
 *  - the decimal mark is followed by at least one digit; it may lead
 *    (",5" German, ".5" English);
 *  - so German "18.50", "1.5", "0.500" and English "1,5", "18,50.0" are
 *    refused, German "1.234" and English "1,234" are 1234;
 *  - digits of other scripts (fullwidth, Arabic-Indic), letters, currency
 *    and percent signs are refused;
 *  - at most 15 significant digits and less than 10^15 in size, so every
 *    number shown by num_format_lang parses back to the same value. */
/* Parses s as lang writes numbers (see above); *out only on ERR_OK.
 * Otherwise (errors.def): ERR_NUM_EMPTY, nothing but blanks; ERR_NUM_JUNK,
 * a character that is no digit, sign or mark, or no digit; ERR_NUM_GROUP, a
 * thousands group not of three digits, a leading 0 before a thousands mark,
 * two kinds of thousands mark; ERR_NUM_ORDER, a thousands mark after the
 * decimal mark; ERR_NUM_DECIMAL, a second decimal mark or no digit after it;
 * ERR_NUM_RANGE, 10^15 or more, or more than 15 significant digits. */
enum err num_parse_lang(const char *s, enum lang lang, double *out);
/* Formats v as lang writes it, thousands grouped ("18.500,5",
 * "-1,234,567.25"), up to 15 significant digits, trailing zeros dropped;
 * num_parse_lang(out, lang) gives v back for every v with at most 15
 * significant digits below 10^15. Beyond that plain digits. out: 64 bytes. */
void num_format_lang(double v, enum lang lang, char out[64]);

/* Writes data to path atomically: a temporary file in the same folder,
 * fsync, then rename. Returns 0 or an errno value; on failure nothing is
 * left behind at path or at the temporary name. */
int file_write_atomic(const char *path, const void *data, size_t len);
/* Reads a whole file; returns 0 or an errno value. *out is NUL-terminated.
 * Files larger than max bytes give EFBIG. */
int file_read_all(const char *path, size_t max, char **out, size_t *len);

/* A folder written under a fresh temporary name beside its target and
 * then put in place as a whole: whoever looks at the target sees the old
 * content or the new, never a mix, and a failure leaves no temporary file
 * or folder. The target may be missing or a folder that holds nothing but
 * the given names (which the new content replaces). */
struct dir_stage {
	char *target; /* the folder to replace */
	char *tmp;    /* the private folder being filled (mode 0700) */
	int dfd;      /* open on tmp */
	const char *const *names; /* NULL-terminated; not copied */
	char stranger[256]; /* after ENOTEMPTY: the entry that is in the way */
};
/* Checks the target and makes the private folder. Returns 0, or an errno
 * value: ELOOP (the target is a symbolic link), ENOTDIR (it is not a
 * folder), ENOTEMPTY (it holds an entry that is not a regular file called
 * one of names; st->stranger names it), or why the private folder cannot
 * be made. Nothing is left behind on failure. */
int stage_begin(struct dir_stage *st, const char *target, const char *const *names);
/* Writes a new file name (one of names) into the private folder (never
 * through a link; synced). Returns 0 or an errno value. */
int stage_write(struct dir_stage *st, const char *name, const void *data, size_t len);
/* Puts the folder in place (exchanging it with an existing target, whose
 * old files are then removed). Returns 0 or an errno value; on failure the
 * target is as before and the private folder is gone. st is finished
 * either way. */
int stage_commit(struct dir_stage *st);
/* Removes the private folder and finishes st. */
void stage_abort(struct dir_stage *st);

#endif
