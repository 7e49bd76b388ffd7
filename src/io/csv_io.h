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
 * empty), what it is (errors.def) and its message in the session
 * language. */
struct bundle_error {
	char file[64];
	size_t line, column;
	char column_name[64];
	enum err code;
	char msg[512];
};
/* "file, line L, column C (name): message" in the session language (the
 * parts that are not known are left out); free it. */
char *bundle_error_text(const struct bundle_error *e);

/* The files of a bundle, in their documented order; NULL-terminated. */
extern const char *const bundle_files[];

/* Writes the bundle of m into dir (created if missing, its parent must
 * exist) in language lang with delimiter delim (',' or ';'). Every file is
 * first written to a temporary name in dir; only when all are complete are
 * they renamed, so on error no partial or temporary file is left. f may be
 * NULL (findings.csv then has only its header). Returns true on success. */
bool bundle_export(const struct model *m, const struct findings *f, const char *dir,
		   enum lang lang, char delim, struct bundle_error *err);

/* How an import treats the rows of a bundle. Every bundle
 * carries its workshop's identity (workshop.csv, workshop_id) and every row
 * its entity id:
 *   - a bundle of this workshop updates the rows whose id it knows and adds
 *     the others (no id, or an id it does not know);
 *   - a bundle of another workshop (or one without an identity) adds its
 *     rows, but a row whose name matches an item of the same kind updates
 *     that item ("matched by name");
 *   - into an empty workshop every row is added under its own id, and the
 *     workshop takes the bundle's identity: it is a copy of the bundle's;
 *   - replace empties the workshop first (in the same undo step), then
 *     imports as into an empty workshop.
 * Items the bundle does not name are left alone. */
struct bundle_options {
	bool dry_run; /* check and plan only: nothing is written */
	bool replace; /* replace the workshop's content with the bundle's */
};

/* What happens to the items of a kind. */
enum bundle_how {
	BUNDLE_ADDED,
	BUNDLE_UPDATED,	  /* by id (or by key: cost shares, check items), with changes */
	BUNDLE_MATCHED,	  /* by name */
	BUNDLE_UNCHANGED, /* by id or key, nothing changes */
	BUNDLE_LEFT,	  /* items of the workshop the bundle does not name */
	BUNDLE_HOW_COUNT
};
/* RACI cells: set where there was none, changed, cleared, unchanged. */
enum { RACI_SET, RACI_CHANGED, RACI_CLEARED, RACI_SAME, RACI_HOW_COUNT };

/* What an import did (or, in a dry run, would do). */
struct bundle_summary {
	bool dry_run, replace;
	bool own;      /* the bundle carries this workshop's identity */
	bool copy;     /* the workshop was empty: rows keep their ids (and it takes the
			* bundle's identity) */
	bool workshop; /* workshop.csv changes the workshop's values */
	bool changes;  /* anything changes at all (else the file is left as it was) */
	size_t removed; /* replace: the items removed first */
	size_t n[ENT_COUNT][BUNDLE_HOW_COUNT];
	size_t raci[RACI_HOW_COUNT];
	char *details[ENT_COUNT + 1]; /* per kind (the workshop last): one line per
				       * item that changes, or NULL */
};
void bundle_summary_free(struct bundle_summary *sum);
/* Lines saying, per file, what was (or would be) added, updated with the
 * columns that change, matched by name, unchanged and left alone, in the
 * session language; every line ends in a line break; free it. */
char *bundle_summary_text(const struct bundle_summary *sum);

/* Reads and validates the whole bundle, then merges it into the workshop in
 * one transaction (one undo step), as struct bundle_options says. On any
 * error nothing is written, err says where, and false is returned. Missing
 * optional files count as empty. */
bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err);
/* The same with options (NULL: a plain import); sum (may be NULL) receives
 * what was done; free it with bundle_summary_free. */
bool bundle_import_summary(struct store *s, struct model *m, const struct bundle_src *src,
			   const struct bundle_options *opt, struct bundle_summary *sum,
			   struct bundle_error *err);

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
