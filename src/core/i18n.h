/* i18n.h — gettext wiring, the session language, and number and date
 * formatting per language. */
#ifndef STETIG_I18N_H
#define STETIG_I18N_H

#include <libintl.h>
#include <stdbool.h>

#include "util.h"
#include "vocab.h"

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets up the locale for the whole program: the user's
 * locale, a UTF-8 fallback (C.UTF-8) when it is not UTF-8, LC_NUMERIC kept
 * at "C", and the message catalogue (from $STETIG_LOCALEDIR, the install
 * location, or the build tree). lang_opt is "de", "en" or NULL (take the
 * environment). Returns false if lang_opt is not a known language. */
bool i18n_init(const char *lang_opt);
/* Switches the language of messages at run time. */
void i18n_set_lang(enum lang lang);
/* The session language. */
enum lang i18n_lang(void);
/* Parses "de"/"en" (also "deutsch", "german", "english"); -1 if unknown. */
int i18n_parse_lang(const char *s);
/* The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
enum lang i18n_env_lang(void);

/* A date as the session language writes it: DD.MM.YYYY or YYYY-MM-DD.
 * iso must be YYYY-MM-DD; other text is copied unchanged. out: 32 bytes. */
void i18n_date(const char *iso, enum lang lang, char out[32]);
/* A number as the language writes it (thousands grouped, its decimal
 * mark; num_format_lang). out: 64 bytes. */
void i18n_number(double v, enum lang lang, char out[64]);
/* The example number the hints show: "18.500,50" or "18,500.50" (it
 * parses as 18500.5). out: 64 bytes. */
void i18n_number_example(enum lang lang, char out[64]);
/* Why a typed number was refused (num_parse_lang) and how to type one in
 * lang, translated: "A comma groups thousands: … Type it like 18,500.50
 * (comma for thousands, point for decimals)." */
void i18n_number_refusal(enum err e, enum lang lang, char *out, size_t n);

#endif
