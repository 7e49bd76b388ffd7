/* fuzz_csv.c — fuzz target: one CSV file through csv_table_parse. The first
 * byte chooses the flags. Checked: on success every cell is well-formed
 * UTF-8, line numbers never go back and the delimiter is ',' or ';'; on failure there
 * is a message and the table is empty. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv_table.h"
#include "fuzz_common.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (size < 1)
		return 0;
	int flags = data[0] & (CSV_TABLE_COMMENTS | CSV_TABLE_NEUTRALISED);
	char *text = xmalloc(size);
	memcpy(text, data + 1, size - 1);
	struct csv_table t;
	struct csv_error err;
	memset(&t, 0, sizeof t);
	if (csv_table_parse(text, size - 1, flags, &t, &err)) {
		FUZZ_CHECK(t.delim == ',' || t.delim == ';', "delimiter %d", t.delim);
		size_t line = 0;
		for (size_t r = 0; r < t.n; r++) {
			const struct csv_row *row = &t.rows[r];
			/* (a lone CR ends a record but not a line: >=, see bench/README) */
			FUZZ_CHECK(row->line >= line, "row %zu starts on line %zu after %zu", r,
				   row->line, line);
			line = row->line;
			for (size_t c = 0; c < row->n; c++) {
				const char *cell = row->cells[c];
				FUZZ_CHECK(cell, "row %zu cell %zu is NULL", r, c);
				FUZZ_CHECK(utf8_valid(cell, strlen(cell), NULL), "cell not UTF-8");
			}
		}
	} else {
		FUZZ_CHECK(*err.msg, "a refused file without a message");
		FUZZ_CHECK(t.n == 0, "a refused file left %zu rows", t.n);
	}
	csv_table_free(&t);
	free(text);
	return 0;
}
