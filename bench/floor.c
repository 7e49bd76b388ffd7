/* floor.c — the floor of the export benchmark (bench/README): the cells of a
 * CSV bundle written straight through libxlsxwriter and nothing else. One
 * sheet per file, named after it, a bold header row, a cell that looks like a
 * plain decimal number written as a number, every other non-empty cell as a
 * string. The peers in bench/peer_*.py write exactly the same cells.
 *
 * usage: floor BUNDLE_DIR OUT.xlsx [DELIMITER]   (DELIMITER ',' by default) */
#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *const files[] = {
	"workshop",   "strategy_goals", "goals", "indicators", "stakeholders", "tasks",
	"raci",	      "costs",		"cost_shares", "check", "notes", "findings",
};

struct sheet {
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t row;
	lxw_col_t col;
	bool failed;
};

/* -?[0-9]+(\.[0-9]+)? — the same test as NUM in bench/peer_*.py */
static bool plain_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '-')
		i++;
	size_t d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d)
		return false;
	if (i == n)
		return true;
	if (s[i++] != '.')
		return false;
	d = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > d && i == n;
}

static void on_field(void *data, size_t len, void *user)
{
	struct sheet *sh = user;
	const char *s = data;
	lxw_error e = LXW_NO_ERROR;
	if (s && len) {
		if (sh->row == 0)
			e = worksheet_write_string(sh->ws, 0, sh->col, s, sh->bold);
		else if (plain_number(s, len))
			e = worksheet_write_number(sh->ws, sh->row, sh->col, strtod(s, NULL), NULL);
		else
			e = worksheet_write_string(sh->ws, sh->row, sh->col, s, NULL);
	}
	if (e != LXW_NO_ERROR)
		sh->failed = true;
	sh->col++;
}

static void on_row(int term, void *user)
{
	struct sheet *sh = user;
	(void)term;
	sh->row++;
	sh->col = 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 65536 > cap) {
			cap = (cap + 65536) * 2;
			char *p = realloc(data, cap);
			if (!p) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = p;
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return data;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s BUNDLE_DIR OUT.xlsx [DELIMITER]\n", argv[0]);
		return 2;
	}
	unsigned char delim = argc > 3 ? (unsigned char)argv[3][0] : ',';
	lxw_workbook *wb = workbook_new(argv[2]);
	if (!wb) {
		fprintf(stderr, "floor: cannot create %s\n", argv[2]);
		return 1;
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	int rc = 0;
	for (size_t i = 0; i < sizeof files / sizeof *files && rc == 0; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", argv[1], files[i]);
		size_t len = 0;
		char *data = slurp(path, &len);
		if (!data)
			continue;
		struct sheet sh = {workbook_add_worksheet(wb, files[i]), bold, 0, 0, false};
		struct csv_parser p;
		if (!sh.ws || csv_init(&p, CSV_APPEND_NULL) != 0) {
			free(data);
			rc = 1;
			break;
		}
		csv_set_delim(&p, delim);
		size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		if (csv_parse(&p, data + skip, len - skip, on_field, on_row, &sh) != len - skip ||
		    csv_fini(&p, on_field, on_row, &sh) != 0 || sh.failed) {
			fprintf(stderr, "floor: %s: cannot read or write it\n", path);
			rc = 1;
		}
		csv_free(&p);
		free(data);
	}
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "floor: %s\n", lxw_strerror(e));
		rc = 1;
	}
	return rc;
}
