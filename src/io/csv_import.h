/* csv_import.h — private to csv_import.c and csv_merge.c: a CSV bundle
 * read and checked (csv_import.c), ready to be merged (csv_merge.c). */
#ifndef STETIG_CSV_IMPORT_H
#define STETIG_CSV_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csv_bundle.h"
#include "csv_io.h"
#include "csv_table.h"

/* One checked cell. */
struct pcell {
	const char *s; /* text (neutralising ' taken away) */
	long i;	       /* ID, REF, INT: the number (0 when empty) */
	double d;      /* NUM */
	int w;	       /* CHOICE: the value, -1 when empty */
	bool set;      /* not empty */
};

struct prow {
	const struct csv_row *row;
	struct pcell *c;
};

/* An id of a file, for lookups and duplicate checks. */
struct idref {
	long id;
	size_t row;
};

struct pfile {
	enum bundle_file which;
	bool present;
	struct csv_table t;
	enum lang lang; /* language of the header */
	size_t ncols;	/* columns in use (raci: 1 + stakeholder columns) */
	struct prow *rows;
	size_t n;
	struct idref *ids; /* sorted by id (files with an id column) */
	long *raci_cols;   /* raci.csv: stakeholder id of column k (k >= first), 0:
			    * headed by a name only */
	long *raci_rows;   /* raci.csv: the stakeholders.csv row of column k */
	size_t raci_first; /* raci.csv: the first stakeholder column */
	long *task_rows;   /* raci.csv: per row, the tasks.csv row */
	int64_t *newid;	   /* per row: the id the merge gives it (0: not known yet) */
	struct plan *plan; /* per row: what the merge does with it */
};

/* What the merge does with a row. */
enum act { ACT_ADD, ACT_UPDATE, ACT_MATCH, ACT_SAME };
struct plan {
	enum act act;
	int64_t target; /* the item it updates */
	bool keep;	/* added under its own id (an empty workshop) */
	uint64_t changed; /* the fields that change (bit k: field k) */
};

struct import {
	const struct bundle_src *src;
	struct bundle_error *err;
	struct pfile f[BF_COUNT];
	char *de_labels[VOCAB_COUNT][16]; /* German screen labels, filled when needed */
	bool de_labels_ready;
};

/* s shortened for a message: at most 40 characters, line breaks shown as
 * spaces. out: 200 bytes. */
const char *import_shorten(const char *s, char out[200]);
/* The header name of column col of pf (NULL when it has none). */
const char *import_col_name(const struct pfile *pf, size_t col);
/* Copy of s without surrounding blanks; free it. */
char *import_trimmed(const char *s);
/* The row of file pf with id, or -1. */
long import_find_row(const struct pfile *pf, long id);

/* Plans the merge of a checked bundle into the workshop (what every row
 * adds, updates or leaves, in sum), then, unless opt says dry run and when
 * anything changes, carries it out in one transaction. On a failure of the
 * file nothing is written and err says why. */
bool import_merge(struct store *s, struct model *m, struct import *imp,
		  const struct bundle_options *opt, struct bundle_summary *sum,
		  struct bundle_error *err);

#endif
