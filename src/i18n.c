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
	/* libxlsxwriter and our CSV need '.' in printf; LIBRARIES.md §0 */
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

void i18n_number_refusal(enum num_error e, enum lang lang, char *out, size_t n)
{
	const bool de = lang == LANG_DE;
	const char *why = "";
	switch (e) {
	case NUM_OK:
	case NUM_E_EMPTY:
	case NUM_E_JUNK:
		why = _("Not a number.");
		break;
	case NUM_E_GROUP:
		why = de ? _("A point groups thousands: three digits after each point.")
			 : _("A comma groups thousands: three digits after each comma.");
		break;
	case NUM_E_ORDER:
		why = de ? _("The decimal comma comes after the thousands points.")
			 : _("The decimal point comes after the thousands commas.");
		break;
	case NUM_E_DECIMAL:
		why = de ? _("One decimal comma, with digits after it.")
			 : _("One decimal point, with digits after it.");
		break;
	case NUM_E_RANGE:
		why = _("Too large or too many digits (at most 15).");
		break;
	}
	/* TRANSLATORS: %s is an example number as this language writes it */
	const char *how = de ? _("Type it like %s (point for thousands, comma for decimals).")
			     : _("Type it like %s (comma for thousands, point for decimals).");
	char ex[64];
	i18n_number_example(lang, ex);
	char hint[256];
	snprintf(hint, sizeof hint, how, ex);
	snprintf(out, n, "%s %s", why, hint);
}
