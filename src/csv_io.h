/* csv_io.h — the CSV bundle: export of a workshop as one CSV file per table,
 * and import (merge) of a bundle into a workshop, all or nothing.
 * The format is documented in man/stetig.5. */
#ifndef STETIG_CSV_IO_H
#define STETIG_CSV_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "findings.h"
#include "model.h"
#include "store.h"
#include "vocab.h"

/* Where the files of a bundle come from: a folder, or the templates compiled
 * into the program. read returns 0 and a malloc'd buffer, ENOENT when the
 * file is missing, or another errno value. */
struct bundle_src {
	int (*read)(const struct bundle_src *src, const char *name, char **data, size_t *len);
	char *base;  /* folder path or embedded prefix ("de/digital-twin/") */
	char *label; /* how messages name the bundle */
};
void bundle_src_dir(struct bundle_src *src, const char *dir);
void bundle_src_embedded(struct bundle_src *src, const char *prefix);
void bundle_src_free(struct bundle_src *src);

/* Where a problem is: file name within the bundle, line and column
 * (1-based; 0 when not applicable), and a localized message. */
struct bundle_error {
	char file[64];
	size_t line, column;
	char msg[512];
};
/* "file:line:column: message" in the session language; free it. */
char *bundle_error_text(const struct bundle_error *e);

/* The files of a bundle, in their documented order. */
extern const char *const bundle_files[];

/* Writes the bundle of m into dir (created if missing) in language lang with
 * delimiter delim (',' or ';'). Each file goes to a temporary name first and
 * is renamed when complete; on error no partial file is left. f may be NULL
 * (findings.csv then has only its header). Returns true on success. */
bool bundle_export(const struct model *m, const struct findings *f, const char *dir,
		   enum lang lang, char delim, struct bundle_error *err);

/* Reads and validates the whole bundle, then merges it into the workshop in
 * one transaction (one undo step). On any error nothing is written, err says
 * where, and false is returned. Missing optional files count as empty. */
bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err);

/* Neutralises a text cell a spreadsheet would run as a formula (first
 * character = + - @ TAB CR LF): returns a malloc'd copy with a leading '. */
char *csv_neutralise(const char *text);

#endif
