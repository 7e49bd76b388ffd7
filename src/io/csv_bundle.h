/* csv_bundle.h — private to csv_io.c, csv_export.c and csv_import.c: the
 * files and columns of the CSV bundle (the format of man/stetig.5). */
#ifndef STETIG_CSV_BUNDLE_H
#define STETIG_CSV_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "csv_io.h"
#include "model.h"
#include "vocab.h"

/* The files, in their documented order (bundle_files[] has their names). */
enum bundle_file {
	BF_WORKSHOP,
	BF_SGOALS,
	BF_GOALS,
	BF_INDICATORS,
	BF_STAKEHOLDERS,
	BF_TASKS,
	BF_RACI,
	BF_COSTS,
	BF_SHARES,
	BF_CHECK,
	BF_NOTES,
	BF_DECISIONS,
	BF_MILESTONES,
	BF_AGENDA,
	BF_FINDINGS,
	BF_COUNT
};

enum col_type {
	COL_ID,	    /* the row's id within the bundle: a whole number >= 1, unique */
	COL_REF,    /* the id of a row in another file (arg: enum entity) */
	COL_TEXT,   /* free text, formula-neutralised */
	COL_CHOICE, /* a choice word (arg: enum vocab_kind) */
	COL_INT,    /* a whole number in [lo, hi] */
	COL_NUM,    /* a decimal number */
	COL_DATE,   /* YYYY-MM-DD */
};

struct bundle_col {
	const char *en, *de; /* header names */
	enum col_type type;
	int arg;
	long lo, hi;
	bool optional; /* may be empty */
	bool late;     /* may be missing from the header of an older bundle (NEW) */
};

struct bundle_spec {
	const struct bundle_col *cols;
	size_t n;
	int entity; /* the enum entity the file holds, -1: raci.csv, findings.csv */
};

/* Columns of every file; raci.csv lists only its first columns, the task
 * and its name (the stakeholder columns follow; older bundles had
 * no task_name column, and a stakeholder column is headed by the
 * stakeholder's id, "id: name" or the name). The files of the entities list their
 * id first (when the entity has one in the CSV, see entities.def), then
 * the fields of entities.def. */
extern const struct bundle_spec bundle_specs[BF_COUNT];
/* An earlier German header of a column that is still read, or NULL. */
const char *bundle_col_de_old(const struct bundle_col *bc);
/* The file of every entity kind (ENT_WORKSHOP included). */
extern const enum bundle_file bundle_file_of[ENT_COUNT + 1];

/* The column of a bundle file holding an entity's id or field f. */
enum { BUNDLE_ID_COL = 0, RACI_TASK_COL = 0 };
static inline size_t bundle_col_of(enum entity kind, int f)
{
	return (size_t)f + (entity_descs[kind].csv_id ? 1 : 0);
}

/* Largest magnitude of a number in the bundle (keeps 15 significant digits
 * exact through a round trip). */
#define BUNDLE_NUM_MAX 1e15

/* Fills err (all parts; line/column 0 when not known): code, and its
 * message formatted with the arguments errors.def names for it. */
void bundle_fail(struct bundle_error *err, enum bundle_file file, size_t line, size_t column,
		 const char *column_name, enum err code, ...);
/* Fills err with the failure of reading one of the bundle's files. */
void bundle_fail_csv(struct bundle_error *err, enum bundle_file file, const struct csv_error *ce);

#endif
