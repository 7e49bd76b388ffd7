/* errors.h — one error convention for the core.
 *
 * Every failure the core reports is a code of enum err, and every code has
 * its message in one table, src/errors.def (as tig's util.h pairs each
 * status code with its message): ERR_DEF(code, args, message). The message is
 * English, marked N_() so that po/de.po translates it, and may be a printf
 * format whose conversions the args column names.
 *
 * Why one table and not a message at each place that fails:
 *   - a reader sees every failure of the core, and its wording, in one
 *     file; the translator too;
 *   - a code can be compared (tests, callers that act on it) while the
 *     words are free to change;
 *   - the table is walked by a test: every code has a message, its
 *     conversions match args, and its German translation is present.
 *
 * How the modules use it. A core function never prints and never exits:
 *   - when the code says all (the workshop file: store_*; a number:
 *     num_parse_lang), the function returns it (ERR_OK on success) and the
 *     caller asks for the text (store_message() adds the path and SQLite's
 *     detail, i18n_number_refusal() how to type a number);
 *   - when the text needs particulars only the failing place knows (a CSV
 *     cell's line and value, the workbook's sheet), the function fills the
 *     caller's error record with the code and its message formatted with
 *     err_format() (struct csv_error, struct bundle_error; the workbook
 *     returns the code and writes the text into the caller's buffer).
 * The English message is the msgid of po/de.po; the screen and the command
 * line show err_text(), so both say what the table says.
 *
 * A few codes are reasons (SYS_*): the part after a colon that says why
 * ("the disk is full"); err_errno() turns an errno value into one. A few
 * are variants of another code's message that no function returns
 * (STORE_*_ROLLED_BACK, STORE_BUSY_DETAIL, NUM_*_DE): the function that
 * words the code picks them, so that callers compare one code whatever
 * the wording.
 *
 * Why not errno values or SQLite's codes: they say what failed in the
 * library, not what the user can do; and why not a message buffer alone:
 * a buffer cannot be compared, and its words live where nobody sees them
 * all. The price is that a format's arguments are not checked by the
 * compiler at the call; the args column and its test stand in for that. */
#ifndef STETIG_ERRORS_H
#define STETIG_ERRORS_H

#include <stdarg.h>
#include <stddef.h>

enum err {
	ERR_OK = 0,
#define ERR_DEF(code, args, msg) ERR_##code,
#include "errors.def"
#undef ERR_DEF
	ERR_COUNT
};

/* The message of e in the session language (a printf format when its
 * args are not ""); "" for ERR_OK and codes out of range. */
const char *err_text(enum err e);
/* The English message and the printf conversions it takes ("s", "sd", …,
 * see errors.def); NULL for ERR_OK and out of range. */
const char *err_msgid(enum err e);
const char *err_args(enum err e);
/* The code's name without ERR_ ("STORE_BUSY"), for tests and logs. */
const char *err_name(enum err e);
/* Formats err_text(e) with the arguments errors.def names for e into
 * out[0..n), cut at a character boundary when it is too long. */
void err_format(char *out, size_t n, enum err e, ...);
void err_vformat(char *out, size_t n, enum err e, va_list ap);
/* The reason for a file-system errno in words for users (a SYS_* text), or
 * strerror(e) when no reason fits. */
const char *err_errno_text(int e);
/* The SYS_* code of an errno, or ERR_OK when none fits. */
enum err err_errno(int e);

#endif
