/* csv_table.c — one CSV file into rows, through libcsv. */
#include "config.h"
#include "csv_table.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct parse_state {
	struct csv_table *t;
	struct csv_error *err;
	/* the record being assembled */
	char **cells;
	size_t n, cap;
	size_t record_line; /* line where the current record started */
	size_t line;	    /* line being fed */
	bool in_record;
	bool failed;
	int flags;
};

static void fail_at(struct parse_state *ps, size_t line, size_t col, const char *msg)
{
	if (ps->failed)
		return;
	ps->failed = true;
	ps->err->line = line;
	ps->err->column = col;
	snprintf(ps->err->msg, sizeof ps->err->msg, "%s", msg);
}

/* Offset of the first control character other than TAB, LF and CR in valid
 * UTF-8 (C0, DEL and the C1 range U+0080..U+009F, which terminals may obey
 * as escape sequences), or (size_t)-1. */
static size_t control_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') || u[i] == 0x7F)
			return i;
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			return i;
	}
	return (size_t)-1;
}

static void on_field(void *data, size_t len, void *user)
{
	struct parse_state *ps = user;
	if (ps->failed)
		return;
	if (!ps->in_record) {
		ps->in_record = true;
		ps->record_line = ps->line;
	}
	const char *s = data ? data : "";
	size_t col = ps->n + 1;
	size_t bad;
	if (!utf8_valid(s, len, &bad)) {
		bool nul = memchr(s, 0, len) != NULL;
		fail_at(ps, ps->record_line, col,
			nul ? _("the cell contains a NUL byte")
			    : _("the cell is not valid UTF-8 (save the file as UTF-8)"));
		return;
	}
	size_t ctl = control_at(s, len);
	if (ctl != (size_t)-1) {
		char msg[160];
		snprintf(msg, sizeof msg,
			 _("the cell contains a control character (code %u); only tabs and line "
			   "breaks are allowed in text"),
			 (unsigned char)s[ctl] == 0xC2 ? (unsigned char)s[ctl + 1]
						       : (unsigned char)s[ctl]);
		fail_at(ps, ps->record_line, col, msg);
		return;
	}
	char *cell = xstrndup(s, len);
	size_t slack = 0;
	if ((ps->flags & CSV_TABLE_NEUTRALISED) && cell[0] == '\'') {
		size_t q = strspn(cell, "'");
		if (cell[q] && strchr("=+-@\t\r\n", cell[q]))
			slack = 1;
	}
	if (utf8_chars(cell) > TEXT_MAX_CHARS + slack) {
		free(cell);
		char msg[128];
		snprintf(msg, sizeof msg, _("the cell is longer than %d characters"),
			 TEXT_MAX_CHARS);
		fail_at(ps, ps->record_line, col, msg);
		return;
	}
	xgrow((void **)&ps->cells, &ps->cap, ps->n + 1, sizeof *ps->cells);
	ps->cells[ps->n++] = cell;
}

static void on_row(int term, void *user)
{
	struct parse_state *ps = user;
	(void)term;
	if (ps->failed)
		return;
	struct csv_table *t = ps->t;
	xgrow((void **)&t->rows, &t->cap, t->n + 1, sizeof *t->rows);
	struct csv_row *r = &t->rows[t->n++];
	r->line = ps->in_record ? ps->record_line : ps->line;
	r->n = ps->n;
	r->cells = ps->cells;
	ps->cells = NULL;
	ps->n = ps->cap = 0;
	ps->in_record = false;
}

/* The delimiter the first line uses more often outside quotes. */
static char detect_delim(const char *p, size_t len)
{
	size_t semi = 0, comma = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = p[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' ? 1 : 0;
}

void csv_table_free(struct csv_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t k = 0; k < t->rows[i].n; k++)
			free(t->rows[i].cells[k]);
		free(t->rows[i].cells);
	}
	free(t->rows);
	memset(t, 0, sizeof *t);
}

bool csv_table_parse(const char *data, size_t len, int flags, struct csv_table *out,
		     struct csv_error *err)
{
	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	const char *p = data;
	size_t line = 1;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		p += 3;
		len -= 3;
		out->had_bom = true;
	}
	if (flags & CSV_TABLE_COMMENTS) {
		while (len && *p == '#') {
			const char *nl = memchr(p, '\n', len);
			size_t skip = nl ? (size_t)(nl - p) + 1 : len;
			p += skip;
			len -= skip;
			line++;
		}
	}
	out->delim = detect_delim(p, len);

	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		snprintf(err->msg, sizeof err->msg, "%s", _("out of memory"));
		return false;
	}
	csv_set_delim(&parser, (unsigned char)out->delim);
	csv_set_space_func(&parser, is_space);
	struct parse_state ps = {.t = out, .err = err, .line = line, .flags = flags};

	/* Feed one physical line at a time so every record knows its line. */
	size_t off = 0;
	while (off < len && !ps.failed) {
		/* a line ends in LF, CRLF or a bare CR (as libcsv reads it) */
		const char *e = p + off, *end = p + len;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		const char *nl = e < end ? e : NULL;
		if (nl && *nl == '\r' && nl + 1 < end && nl[1] == '\n')
			nl++;
		size_t chunk = nl ? (size_t)(nl - (p + off)) + 1 : len - off;
		size_t got = csv_parse(&parser, p + off, chunk, on_field, on_row, &ps);
		if (got != chunk) {
			fail_at(&ps, ps.line, ps.n + 1,
				_("a quote is misplaced (a quoted cell must start and end with \", "
				  "and a quote inside it is written twice)"));
			break;
		}
		off += chunk;
		if (nl)
			ps.line++;
	}
	if (!ps.failed && csv_fini(&parser, on_field, on_row, &ps) != 0)
		fail_at(&ps, ps.in_record ? ps.record_line : ps.line, ps.n + 1,
			_("a quoted cell is not closed before the end of the file"));
	csv_free(&parser);
	for (size_t k = 0; k < ps.n; k++)
		free(ps.cells[k]);
	free(ps.cells);
	if (ps.failed) {
		csv_table_free(out);
		return false;
	}
	return true;
}
