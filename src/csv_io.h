/* csv_io.h — the CSV bundle: export of a workshop as one CSV file per table,
 * and import (merge) of a bundle into a workshop, all or nothing.
 * The format is documented in man/stetig.5. */
#ifndef STETIG_CSV_IO_H
#define STETIG_CSV_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "csv_table.h"
#include "findings.h"
#include "model.h"
#include "store.h"
#include "vocab.h"

/* Where the files of a bundle come from: a folder, or the templates compiled
 * into the program. parse reads file name into t (as csv_table_parse with
 * flags) and returns 0, ENOENT when the file is missing, or -1 with ce
 * saying why (a member that is not a regular file is refused unread). */
struct bundle_src {
	int (*parse)(const struct bundle_src *src, const char *name, int flags,
		     struct csv_table *t, struct csv_error *ce);
	char *base;  /* folder path or embedded prefix ("de/digital-twin/") */
	char *label; /* how messages name the bundle */
	bool is_dir; /* base is a folder (it must exist) */
};
void bundle_src_dir(struct bundle_src *src, const char *dir);
void bundle_src_embedded(struct bundle_src *src, const char *prefix);
void bundle_src_free(struct bundle_src *src);

/* Where a problem is: file name within the bundle, line and column
 * (1-based; 0 when not applicable), the column's header name (may be
 * empty) and a localized message. */
struct bundle_error {
	char file[64];
	size_t line, column;
	char column_name[64];
	char msg[512];
};
/* "file, line L, column C (name): message" in the session language (the
 * parts that are not known are left out); free it. */
char *bundle_error_text(const struct bundle_error *e);

/* A localized description of a file-system error (an errno value), in
 * words for users: "the disk is full", "no permission to write there". */
const char *bundle_errno_text(int e);

/* The files of a bundle, in their documented order; NULL-terminated. */
extern const char *const bundle_files[];

/* Writes the bundle of m into dir (created if missing, its parent must
 * exist) in language lang with delimiter delim (',' or ';'). Every file is
 * first written to a temporary name in dir; only when all are complete are
 * they renamed, so on error no partial or temporary file is left. f may be
 * NULL (findings.csv then has only its header). Returns true on success. */
bool bundle_export(const struct model *m, const struct findings *f, const char *dir,
		   enum lang lang, char delim, struct bundle_error *err);

/* What an import added. */
struct bundle_summary {
	bool workshop; /* workshop.csv replaced the workshop's values */
	size_t sgoals, goals, indicators, stakeholders, tasks, raci, costs, shares, checks, notes;
	size_t decisions, milestones;
};
/* One line saying what was added, in the session language; free it. */
char *bundle_summary_text(const struct bundle_summary *sum);

/* Reads and validates the whole bundle, then merges it into the workshop in
 * one transaction (one undo step). On any error nothing is written, err says
 * where, and false is returned. Missing optional files count as empty. */
bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err);
/* The same, and sum (may be NULL) receives what was added. */
bool bundle_import_summary(struct store *s, struct model *m, const struct bundle_src *src,
			   struct bundle_summary *sum, struct bundle_error *err);

/* Formula neutralisation (OWASP). A text a spreadsheet would run as a
 * formula — any leading ' followed by = + - @ TAB CR LF — gets one more
 * leading ' on export; import takes exactly one away again from such a
 * cell, so the round trip is exact. */
bool csv_needs_neutralising(const char *text);
/* A malloc'd copy of text, with a leading ' when it needs one. */
char *csv_neutralise(const char *text);
/* The text a cell stands for: cell itself or cell + 1 (no copy). */
const char *csv_unneutralise(const char *cell);

#endif
