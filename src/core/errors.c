/* errors.c — the messages of enum err (the table is errors.def). */
#include "config.h"
#include "errors.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

static const struct {
	const char *name, *args, *msg;
} err_table[ERR_COUNT] = {
	[ERR_OK] = {"OK", "", ""},
#define ERR_DEF(code, a, m) [ERR_##code] = {#code, a, m},
#include "errors.def"
#undef ERR_DEF
};

const char *err_text(enum err e)
{
	if (e <= ERR_OK || e >= ERR_COUNT)
		return "";
	return _(err_table[e].msg);
}

const char *err_msgid(enum err e)
{
	return e > ERR_OK && e < ERR_COUNT ? err_table[e].msg : NULL;
}

const char *err_args(enum err e)
{
	return e > ERR_OK && e < ERR_COUNT ? err_table[e].args : NULL;
}

const char *err_name(enum err e)
{
	return e >= ERR_OK && e < ERR_COUNT ? err_table[e].name : "?";
}

void err_vformat(char *out, size_t n, enum err e, va_list ap)
{
	if (!n)
		return;
	/* the format comes from the table, whose args column says what the
	 * callers pass; tests/test_util.c checks both against each other */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(out, n, err_text(e), ap);
#pragma GCC diagnostic pop
	/* never cut a character in two */
	size_t bad;
	if (!utf8_valid(out, strlen(out), &bad))
		out[bad] = '\0';
}

void err_format(char *out, size_t n, enum err e, ...)
{
	va_list ap;
	va_start(ap, e);
	err_vformat(out, n, e, ap);
	va_end(ap);
}

enum err err_errno(int e)
{
	switch (e) {
	case ENOSPC:
	case EDQUOT:
		return ERR_SYS_DISK_FULL;
	case EACCES:
	case EPERM:
		return ERR_SYS_NO_PERMISSION;
	case EROFS:
		return ERR_SYS_READ_ONLY;
	case ENOENT:
		return ERR_SYS_NO_FOLDER;
	case ENOTDIR:
		return ERR_SYS_NOT_A_FOLDER_PART;
	case EFBIG:
		return ERR_SYS_TOO_LARGE;
	case EISDIR:
		return ERR_SYS_IS_FOLDER;
	default:
		return ERR_OK;
	}
}

const char *err_errno_text(int e)
{
	enum err code = err_errno(e);
	return code != ERR_OK ? err_text(code) : strerror(e);
}
