/* i18n.c — locale set-up and per-language formatting. */
#include "config.h"
#include "i18n.h"

#include <langinfo.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static enum lang session_lang = LANG_EN;

static bool catalogue_in(const char *dir)
{
	if (!dir || !*dir)
		return false;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/de/LC_MESSAGES/%s.mo", dir, PACKAGE);
	struct stat st;
	bool ok = stat(b.data, &st) == 0;
	buf_free(&b);
	return ok;
}

/* The folder holding the message catalogues: an override for tests and
 * uninstalled runs, else the installed one, else the build tree's. */
static const char *locale_dir(void)
{
	const char *env = getenv("STETIG_LOCALEDIR");
	if (env && *env)
		return env;
	if (catalogue_in(LOCALEDIR))
		return LOCALEDIR;
#ifdef BUILD_LOCALEDIR
	if (catalogue_in(BUILD_LOCALEDIR))
		return BUILD_LOCALEDIR;
#endif
	return LOCALEDIR;
}

int i18n_parse_lang(const char *s)
{
	if (!s)
		return -1;
	if (ascii_equal_fold(s, "de") || ascii_equal_fold(s, "deutsch") ||
	    ascii_equal_fold(s, "german"))
		return LANG_DE;
	if (ascii_equal_fold(s, "en") || ascii_equal_fold(s, "englisch") ||
	    ascii_equal_fold(s, "english"))
		return LANG_EN;
	return -1;
}

enum lang i18n_env_lang(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		/* LANGUAGE is a list; its first entry counts */
		if (!strncmp(v, "de", 2) && (v[2] == '\0' || v[2] == '_' || v[2] == ':' ||
					     v[2] == '.' || v[2] == '@'))
			return LANG_DE;
		return LANG_EN;
	}
	return LANG_EN;
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (ascii_equal_fold(cs, "UTF-8") || ascii_equal_fold(cs, "utf8"));
}

bool i18n_init(const char *lang_opt)
{
	int want = -1;
	if (lang_opt) {
		want = i18n_parse_lang(lang_opt);
		if (want < 0)
			return false;
	}
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !locale_is_utf8())
		setlocale(LC_ALL, "C.UTF-8");
	/* libxlsxwriter and our CSV need '.' in printf */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(PACKAGE, locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	i18n_set_lang(want >= 0 ? (enum lang)want : i18n_env_lang());
	return true;
}

void i18n_set_lang(enum lang lang)
{
	session_lang = lang;
	setenv("LANGUAGE", lang == LANG_DE ? "de" : "en", 1);
	/* re-reading the domain drops gettext's cached translations */
	textdomain(PACKAGE);
}

enum lang i18n_lang(void)
{
	return session_lang;
}

void i18n_date(const char *iso, enum lang lang, char out[32])
{
	struct date d;
	if (lang == LANG_DE && date_parse_iso(iso, &d)) {
		date_german(&d, out);
		return;
	}
	snprintf(out, 32, "%s", iso ? iso : "");
}

void i18n_number(double v, enum lang lang, char out[64])
{
	num_format_lang(v, lang, out);
}

void i18n_number_example(enum lang lang, char out[64])
{
	/* with the cents, as an amount of euros is written */
	snprintf(out, 64, "%s", lang == LANG_DE ? "18.500,50" : "18,500.50");
}

void i18n_number_refusal(enum err e, enum lang lang, char *out, size_t n)
{
	const bool de = lang == LANG_DE;
	/* the message of the code, in the words of lang's marks */
	enum err shown = e;
	switch (e) {
	case ERR_NUM_GROUP:
		shown = de ? ERR_NUM_GROUP_DE : e;
		break;
	case ERR_NUM_ORDER:
		shown = de ? ERR_NUM_ORDER_DE : e;
		break;
	case ERR_NUM_DECIMAL:
		shown = de ? ERR_NUM_DECIMAL_DE : e;
		break;
	case ERR_NUM_EMPTY:
	case ERR_NUM_JUNK:
	case ERR_NUM_RANGE:
	case ERR_NUM_GROUP_DE:
	case ERR_NUM_ORDER_DE:
	case ERR_NUM_DECIMAL_DE:
		break;
	default: /* not a number's code */
		shown = ERR_NUM_JUNK;
		break;
	}
	const char *why = err_text(shown);
	/* TRANSLATORS: %s is an example number as this language writes it */
	const char *how = de ? _("Type it like %s (point for thousands, comma for decimals).")
			     : _("Type it like %s (comma for thousands, point for decimals).");
	char ex[64];
	i18n_number_example(lang, ex);
	char hint[256];
	snprintf(hint, sizeof hint, how, ex);
	snprintf(out, n, "%s %s", why, hint);
}
