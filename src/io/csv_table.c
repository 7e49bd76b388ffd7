/* csv_table.c — one CSV file into rows, through libcsv. */
#include "config.h"
#include "csv_table.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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

/* Records the first failure: code with the arguments errors.def names. */
static void fail_at(struct parse_state *ps, size_t line, size_t col, enum err code, ...)
{
	if (ps->failed)
		return;
	ps->failed = true;
	ps->err->line = line;
	ps->err->column = col;
	ps->err->code = code;
	va_list ap;
	va_start(ap, code);
	err_vformat(ps->err->msg, sizeof ps->err->msg, code, ap);
	va_end(ap);
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
		fail_at(ps, ps->record_line, col, nul ? ERR_CSV_NUL : ERR_CSV_NOT_UTF8);
		return;
	}
	size_t ctl = control_at(s, len);
	if (ctl != (size_t)-1) {
		fail_at(ps, ps->record_line, col, ERR_CSV_CONTROL,
			(unsigned)((unsigned char)s[ctl] == 0xC2 ? (unsigned char)s[ctl + 1]
								 : (unsigned char)s[ctl]));
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
		fail_at(ps, ps->record_line, col, ERR_CSV_TOO_LONG, (int)TEXT_MAX_CHARS);
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

/* The delimiter the first line uses most often outside quotes: ';', TAB
 * (a file saved as tab-separated text) or ','. */
static char detect_delim(const char *p, size_t len)
{
	size_t semi = 0, comma = 0, tab = 0;
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
		else if (!quoted && c == '\t')
			tab++;
	}
	if (tab > semi && tab > comma)
		return '\t';
	return semi > comma ? ';' : ',';
}

/* The length of a first line "sep=X" (as spreadsheet programs write it to
 * name the delimiter X: ';', ',' or TAB) with its line end, or 0. */
static size_t sep_line(const char *p, size_t len, char *delim)
{
	if (len < 5 || strncasecmp(p, "sep=", 4) != 0 || !strchr(";,\t", p[4]) || !p[4])
		return 0;
	size_t n = 5;
	if (n < len && p[n] == '\r')
		n++;
	if (n < len && p[n] == '\n')
		n++;
	if (n == 5 && len > 5)
		return 0; /* more text on the line: not a sep= line */
	*delim = p[4];
	return n;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' ? 1 : 0;
}

/* Tabs are not blanks to trim when they separate the cells. */
static int is_space_tab_delim(unsigned char c)
{
	return c == ' ' ? 1 : 0;
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

/* A file being parsed piece by piece: the head (BOM, comment lines and the
 * first line, which decides the delimiter) is collected first, then every
 * piece goes to libcsv a physical line at a time. */
struct csv_stream {
	struct csv_parser parser;
	bool parser_ready;
	struct parse_state ps;
	struct buf head;
	bool head_done;
	bool pending_cr; /* the last piece ended in CR: a LF next is the same line end */
	int flags;
	struct csv_table *out;
	struct csv_error *err;
};

static void stream_begin(struct csv_stream *st, int flags, struct csv_table *out,
			 struct csv_error *err)
{
	memset(st, 0, sizeof *st);
	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	buf_init(&st->head);
	st->flags = flags;
	st->out = out;
	st->err = err;
	st->ps = (struct parse_state){.t = out, .err = err, .line = 1, .flags = flags};
}

/* Feeds data[0..len) to libcsv a physical line at a time, so every record
 * knows its line; a line ends in LF, CRLF or a bare CR (as libcsv reads
 * it), also when the CR and LF come in different pieces. */
static void feed_lines(struct csv_stream *st, const char *p, size_t len)
{
	struct parse_state *ps = &st->ps;
	size_t off = 0;
	while (off < len && !ps->failed) {
		size_t chunk;
		bool line_end = false;
		if (st->pending_cr) {
			st->pending_cr = false;
			if (p[off] == '\n') {
				chunk = 1; /* the LF of a CRLF split between pieces */
				goto feed;
			}
		}
		const char *e = p + off, *end = p + len;
		while (e < end && *e != '\n' && *e != '\r')
			e++;
		if (e < end) {
			line_end = true;
			if (*e == '\r' && e + 1 < end && e[1] == '\n')
				e++;
			else if (*e == '\r' && e + 1 == end)
				st->pending_cr = true;
			chunk = (size_t)(e - (p + off)) + 1;
		} else {
			chunk = len - off;
		}
	feed:;
		size_t got = csv_parse(&st->parser, p + off, chunk, on_field, on_row, ps);
		if (got != chunk) {
			fail_at(ps, ps->line, ps->n + 1, ERR_CSV_QUOTE);
			break;
		}
		off += chunk;
		if (line_end)
			ps->line++;
	}
}

/* Offset just after the first line end outside quotes in p[0..len), or 0
 * when the line is not complete yet. */
static size_t first_line_end(const char *p, size_t len)
{
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && (p[i] == '\n' || p[i] == '\r'))
			return i + 1;
	}
	return 0;
}

/* Handles the collected head once it holds the first line (or the file
 * ended): UTF-16 and BOM, comment lines, the delimiter. */
static bool head_ready(struct csv_stream *st, bool eof)
{
	const char *p = st->head.data ? st->head.data : "";
	size_t len = st->head.len;
	if (!eof && len < 3)
		return false;
	if (len >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) {
		fail_at(&st->ps, 1, 0, ERR_CSV_UTF16);
		return true;
	}
	size_t off = 0, line = 1;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		off = 3;
		st->out->had_bom = true;
	}
	char sep = 0;
	if (!eof && len - off < 7 && !first_line_end(p + off, len - off))
		return false;
	size_t sl = sep_line(p + off, len - off, &sep);
	if (sl) {
		off += sl;
		line++;
	}
	if (st->flags & CSV_TABLE_COMMENTS) {
		while (off < len && p[off] == '#') {
			const char *nl = memchr(p + off, '\n', len - off);
			if (!nl) {
				if (!eof)
					return false;
				off = len;
				break;
			}
			off = (size_t)(nl - p) + 1;
			line++;
		}
	}
	if (!eof && !first_line_end(p + off, len - off))
		return false;
	st->out->delim = sep ? sep : detect_delim(p + off, len - off);
	if (csv_init(&st->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fail_at(&st->ps, 0, 0, ERR_SYS_NO_MEMORY);
		return true;
	}
	st->parser_ready = true;
	csv_set_delim(&st->parser, (unsigned char)st->out->delim);
	csv_set_space_func(&st->parser, st->out->delim == '\t' ? is_space_tab_delim : is_space);
	st->ps.line = line;
	st->head_done = true;
	feed_lines(st, p + off, len - off);
	buf_free(&st->head);
	return true;
}

static void stream_feed(struct csv_stream *st, const char *data, size_t len)
{
	if (st->ps.failed || !len)
		return;
	if (st->head_done) {
		feed_lines(st, data, len);
		return;
	}
	buf_add(&st->head, data, len);
	head_ready(st, false);
}

static bool stream_finish(struct csv_stream *st)
{
	struct parse_state *ps = &st->ps;
	if (!st->head_done && !ps->failed)
		head_ready(st, true);
	if (st->parser_ready) {
		if (!ps->failed && csv_fini(&st->parser, on_field, on_row, ps) != 0)
			fail_at(ps, ps->in_record ? ps->record_line : ps->line, ps->n + 1,
				ERR_CSV_UNCLOSED);
		csv_free(&st->parser);
	}
	buf_free(&st->head);
	for (size_t k = 0; k < ps->n; k++)
		free(ps->cells[k]);
	free(ps->cells);
	ps->cells = NULL;
	ps->n = ps->cap = 0;
	if (ps->failed) {
		csv_table_free(st->out);
		return false;
	}
	return true;
}

bool csv_table_parse(const char *data, size_t len, int flags, struct csv_table *out,
		     struct csv_error *err)
{
	struct csv_stream st;
	stream_begin(&st, flags, out, err);
	stream_feed(&st, data, len);
	return stream_finish(&st);
}

bool csv_table_parse_fd(int fd, size_t max, int flags, struct csv_table *out,
			struct csv_error *err)
{
	struct csv_stream st;
	stream_begin(&st, flags, out, err);
	char chunk[65536];
	size_t total = 0;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fail_at(&st.ps, 0, 0, ERR_CSV_READ, strerror(errno));
			break;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total > max) {
			fail_at(&st.ps, 0, 0, ERR_CSV_READ, err_text(ERR_SYS_TOO_LARGE));
			break;
		}
		stream_feed(&st, chunk, (size_t)n);
		if (st.ps.failed)
			break;
	}
	return stream_finish(&st);
}
