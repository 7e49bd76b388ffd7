/* cli.h — the non-interactive commands and what they share. Each command
 * takes its own argv (argv[0] is the command word) and returns the exit
 * status: 0 success, 1 failure, 2 usage error (check: 1 means findings). */
#ifndef STETIG_CLI_H
#define STETIG_CLI_H

#include <stdbool.h>

#include "model.h"
#include "store.h"

int cli_new(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_templates(int argc, char **argv);

/* Prints "stetig: <message>" to stderr (already localized). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the usage hint for a wrong command line and returns 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Applies --lang; prints an error and returns false for an unknown one. */
bool cli_set_lang(const char *arg);
/* Handles what every command's getopt_long loop shares: 'l' (--lang), ':'
 * (a missing value) and anything unknown. Returns 0 to go on, or the exit
 * status of a usage error. */
int cli_shared_option(int c, char **argv);
/* The one FILE operand after the options: *path gets it and 0 is returned;
 * a missing one (missing: the command's own message) or an extra one is a
 * usage error, whose exit status is returned. */
int cli_file_operand(int argc, char **argv, const char *missing, const char **path);
/* Opens a workshop for a command, printing the refusal if any. */
struct store *cli_open(const char *path, int flags, struct model *m);

/* The measure templates listed in <lang>/index.csv. */
struct template_info {
	char *name, *title, *description;
};
/* Reads the template index of a language; returns the count; free with
 * cli_templates_free. */
size_t cli_templates_list(enum lang lang, struct template_info **out);
void cli_templates_free(struct template_info *v, size_t n);
/* Creates path from a template (NULL: empty workshop) with the given
 * title/municipality overrides (NULL: keep). Prints errors; true on success. */
bool cli_create_workshop(const char *path, const char *tmpl, enum lang lang, const char *title,
			 const char *municipality);

/* Whether --lang was given (otherwise exports follow the workshop). */
bool cli_lang_given(void);

#endif
