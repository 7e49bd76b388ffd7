/* csv_table.h — reading one CSV file into rows of cells through libcsv:
 * BOM, delimiter detection, strict quoting, UTF-8 and length checks, and
 * the line and column of every problem. */
#ifndef STETIG_CSV_TABLE_H
#define STETIG_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"

struct csv_row {
	size_t line; /* physical line where the record starts (1-based) */
	size_t n;    /* number of cells */
	char **cells; /* NUL-terminated UTF-8, "" when empty */
};

struct csv_table {
	struct csv_row *rows;
	size_t n, cap;
	char delim;   /* ',', ';' or TAB */
	bool had_bom;
};

/* A failure: its code (errors.def) and the code's message with the
 * particulars, in the session language. */
struct csv_error {
	size_t line, column; /* 0 when not known */
	enum err code;
	char msg[256];
};

enum {
	CSV_TABLE_COMMENTS = 1 << 0, /* skip lines starting with '#' before the header */
	/* a cell that starts with ' before = + - @ TAB CR LF (a text neutralised
	 * against formula injection) may be one character over the limit */
	CSV_TABLE_NEUTRALISED = 1 << 1,
};

/* Parses data[0..len). A first line "sep=X" names the delimiter X (and is
 * skipped); otherwise it is ',', ';' or TAB, whichever the first
 * line uses more outside quotes. Returns true on success; on failure err
 * says what and where, and *out is empty. */
bool csv_table_parse(const char *data, size_t len, int flags, struct csv_table *out,
		     struct csv_error *err);
/* The same for the file open on fd, read and parsed piece by piece (the
 * file is never held whole); more than max bytes are refused. A file saved
 * as UTF-16 is refused with a hint. */
bool csv_table_parse_fd(int fd, size_t max, int flags, struct csv_table *out,
			struct csv_error *err);
void csv_table_free(struct csv_table *t);

#endif
