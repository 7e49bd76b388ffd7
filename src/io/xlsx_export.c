/* xlsx_export.c — the council workbook through libxlsxwriter 1.1.4: the
 * workbook machinery (formats, checked writes, tables with print setup,
 * sheet names, properties, the temporary file) and the cover sheet. The
 * step sheets and charts are in xlsx_sheets.c.
 *
 * Traps this code avoids: doubles are formatted with
 * LC_NUMERIC "C" (i18n_init); text is checked for UTF-8 and cut to 32,767
 * characters before every write; user text never reaches write_formula or
 * write_url; headers and footers stay within 255 characters; no
 * constant_memory; formats are created once; the file is written under a
 * temporary name and renamed; workbook_close is always called. */
#include "config.h"
#include "xlsx_export.h"
#include "xlsx_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include "csv_io.h"
#include "i18n.h"
#include "util.h"

/* ------------------------------------------------------------ text */

char *xl_clean(const char *s, size_t max_chars)
{
	s = s ? s : "";
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t len = strlen(s), i = 0, chars = 0;
	while (i < len && chars < max_chars) {
		uint32_t cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		/* a broken byte, a control character (libxlsxwriter would write
		 * it as _xHHHH_) or a bidirectional control: U+FFFD */
		if (cp == UTF8_REPLACEMENT || uchar_is_bidi_control(cp) ||
		    (uchar_is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r')) {
			buf_adds(&b, "\xEF\xBF\xBD");
			i += step;
			chars++;
			continue;
		}
		/* "_xHHHH_" would be read back as an escaped character */
		if (cp == '_' && s[i + 1] == 'x' && strspn(s + i + 2, "0123456789abcdefABCDEF") >= 4 &&
		    s[i + 6] == '_') {
			if (chars + 6 >= max_chars)
				break;
			buf_adds(&b, "_x005F");
			chars += 6;
		}
		buf_add(&b, s + i, step);
		i += step;
		chars++;
	}
	return buf_steal(&b);
}

const char *xl_clean_ref(const char *s, size_t max_chars, char **copy)
{
	*copy = NULL;
	s = s ? s : "";
	/* one pass: every character valid UTF-8 and harmless, no "_x" (no
	 * escape), and within max_chars bytes, so within max_chars characters */
	size_t len = strlen(s), i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			if (c == '_' && s[i + 1] == 'x')
				goto rework;
			i++;
			continue;
		}
		uint32_t cp;
		size_t step = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT || uchar_is_bidi_control(cp) ||
		    (uchar_is_control(cp) && cp != '\t' && cp != '\n' && cp != '\r'))
			goto rework;
		i += step;
	}
	if (i <= max_chars)
		return s;
rework:
	*copy = xl_clean(s, max_chars);
	return *copy;
}

/* Display width of text in a column: the longest line, in characters;
 * *nl tells whether it has more than one line. */
size_t xl_text_width(const char *s, bool *nl)
{
	size_t best = 0, cur = 0, len = strlen(s), i = 0;
	*nl = false;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			*nl = true;
			if (cur > best)
				best = cur;
			cur = 0;
		} else {
			cur++;
		}
	}
	return cur > best ? cur : best;
}

static size_t text_width(const char *s)
{
	bool nl;
	return xl_text_width(s, &nl);
}

/* ------------------------------------------------------------ errors */

void xl_note(struct xl *x, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR || x->err != LXW_NO_ERROR)
		return;
	x->err = e;
	snprintf(x->what, sizeof x->what, "%s", what ? what : "");
}

void xl_text(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
	     lxw_format *f)
{
	char *copy;
	const char *t = xl_clean_ref(s, TEXT_MAX_CHARS, &copy);
	if (*t || f)
		xl_note(x, worksheet_write_string(ws, r, c, t, f), "write_string");
	free(copy);
}

void xl_num(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	xl_note(x, worksheet_write_number(ws, r, c, v, f), "write_number");
}

lxw_format *xl_measure_format(const struct xl *x, double v)
{
	return x->fmt.measure[v != floor(v)];
}

void xl_measure(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	xl_num(x, ws, r, c, v, xl_measure_format(x, v));
}

bool xl_date(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *iso)
{
	struct date d;
	if (!date_parse_iso(iso, &d))
		return false;
	lxw_datetime dt = {d.y, d.m, d.d, 0, 0, 0};
	xl_note(x, worksheet_write_datetime(ws, r, c, &dt, x->fmt.date), "write_datetime");
	return true;
}

char *xl_keep(struct xl *x, char *s)
{
	xgrow((void **)&x->keep, &x->capkeep, x->nkeep + 1, sizeof *x->keep);
	x->keep[x->nkeep++] = s;
	return s;
}

/* ------------------------------------------------------------ formats */

static lxw_format *new_format(struct xl *x)
{
	lxw_format *f = workbook_add_format(x->wb);
	if (!f)
		xl_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "add_format");
	return f;
}

/* All formats of one set, made once: F's text in `pt` points (0: the
 * sheet default, 11), headings a little larger. Returns false when out of
 * memory. */
static bool make_formats(struct xl *x, struct xl_formats *F, double pt)
{
	lxw_format **all[] = {&F->title,  &F->subtitle, &F->label,  &F->header, &F->header_rot,
			      &F->text,	  &F->wrap,	&F->date,   &F->num,	&F->money,
			      &F->pct,	  &F->frac,	&F->heat_na, &F->bold,	&F->note,
			      &F->link,	  &F->year,	&F->money_alert, &F->money_total,
			      &F->note_wrap, &F->measure[0], &F->measure[1]};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		if (!(*all[i] = new_format(x)))
			return false;
	for (int i = 0; i < 3; i++)
		if (!(F->heat[i] = new_format(x)))
			return false;
	for (int i = 0; i < RACI_COUNT; i++)
		if (!(F->raci[i] = new_format(x)))
			return false;
	for (int i = 0; i < SEV_COUNT; i++)
		if (!(F->sev[i] = new_format(x)))
			return false;
	for (int i = 0; i < CHECK_STATUS_COUNT; i++)
		if (!(F->status[i] = new_format(x)))
			return false;
	for (int i = 0; i < XL_LIGHT_COUNT; i++)
		if (!(F->light[i] = new_format(x)))
			return false;

	if (pt > 0) {
		/* cell formats only: a conditional format (the RACI letters, the
		 * check statuses) may not set a size */
		for (size_t i = 0; i < sizeof all / sizeof *all; i++)
			format_set_font_size(*all[i], pt);
		for (int i = 0; i < 3; i++)
			format_set_font_size(F->heat[i], pt);
		for (int i = 0; i < SEV_COUNT; i++)
			format_set_font_size(F->sev[i], pt);
		for (int i = 0; i < XL_LIGHT_COUNT; i++)
			format_set_font_size(F->light[i], pt);
		format_set_font_size(F->raci[0], pt);
	}
	format_set_bold(F->title);
	format_set_font_size(F->title, pt > 0 ? pt + 4 : 16);
	format_set_bold(F->subtitle);
	format_set_font_size(F->subtitle, pt > 0 ? pt + 1 : 12);
	format_set_bottom(F->subtitle, LXW_BORDER_THIN);
	format_set_bold(F->label);
	format_set_align(F->label, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(F->bold);
	format_set_italic(F->note);
	format_set_font_color(F->note, 0x595959);
	format_set_italic(F->note_wrap);
	format_set_font_color(F->note_wrap, 0x595959);
	format_set_text_wrap(F->note_wrap);
	format_set_align(F->note_wrap, LXW_ALIGN_VERTICAL_TOP);

	lxw_format *heads[] = {F->header, F->header_rot};
	for (size_t i = 0; i < 2; i++) {
		format_set_bold(heads[i]);
		format_set_bg_color(heads[i], 0xD9E1F2);
		format_set_bottom(heads[i], LXW_BORDER_THIN);
		format_set_text_wrap(heads[i]);
		format_set_align(heads[i], LXW_ALIGN_VERTICAL_TOP);
	}
	format_set_rotation(F->header_rot, 90);
	format_set_align(F->header_rot, LXW_ALIGN_CENTER);

	lxw_format *top[] = {F->text, F->wrap,	 F->date,	F->num,
			     F->money, F->pct, F->frac, F->measure[0], F->measure[1]};
	for (size_t i = 0; i < sizeof top / sizeof *top; i++)
		format_set_align(top[i], LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(F->wrap);
	format_set_num_format(F->date, x->lang == LANG_DE ? "dd.mm.yyyy" : "yyyy-mm-dd");
	format_set_align(F->date, LXW_ALIGN_LEFT);
	format_set_num_format(F->num, "General");
	format_set_num_format(F->money,
			      x->lang == LANG_DE ? "#,##0.00 \"€\"" : "\"€\"#,##0.00");
	format_set_num_format(F->pct, "0.0%");
	format_set_num_format(F->frac, "0%");
	format_set_num_format(F->year, "0");
	format_set_num_format(F->measure[0], "#,##0");
	format_set_num_format(F->measure[1], "#,##0.0##");
	format_set_align(F->year, LXW_ALIGN_LEFT);
	lxw_format *money2[] = {F->money_alert, F->money_total};
	for (size_t i = 0; i < 2; i++) {
		format_set_num_format(money2[i], x->lang == LANG_DE ? "#,##0.00 \"€\""
								   : "\"€\"#,##0.00");
		format_set_bold(money2[i]);
	}
	format_set_bg_color(F->money_alert, 0xF4B6B0);
	format_set_top(F->money_total, LXW_BORDER_THIN);

	/* check statuses: open red, partly amber, done green, not relevant grey */
	static const lxw_color_t status[CHECK_STATUS_COUNT] = {0xF4B6B0, 0xFFE699, 0xA9D08E,
							       0xEDEDED};
	for (int i = 0; i < CHECK_STATUS_COUNT; i++)
		format_set_bg_color(F->status[i], status[i]);

	/* readiness: low, middle, high */
	static const lxw_color_t heat[3] = {0xF4B6B0, 0xFFE699, 0xA9D08E};
	for (int i = 0; i < 3; i++) {
		format_set_bg_color(F->heat[i], heat[i]);
		format_set_num_format(F->heat[i], "0%");
		format_set_align(F->heat[i], LXW_ALIGN_CENTER);
		format_set_border(F->heat[i], LXW_BORDER_THIN);
	}
	format_set_bg_color(F->heat_na, 0xEDEDED);
	format_set_align(F->heat_na, LXW_ALIGN_CENTER);
	format_set_border(F->heat_na, LXW_BORDER_THIN);

	/* RACI letters (conditional formats: fill and bold only) */
	static const lxw_color_t raci[RACI_COUNT] = {0, 0x9BC2E6, 0xF4B084, 0xFFE699, 0xC9C9C9};
	for (int i = 1; i < RACI_COUNT; i++) {
		format_set_bg_color(F->raci[i], raci[i]);
		format_set_bold(F->raci[i]);
	}
	format_set_align(F->raci[0], LXW_ALIGN_CENTER);
	format_set_align(F->raci[0], LXW_ALIGN_VERTICAL_TOP);

	/* traffic lights: the colour and, for print in black and white, the
	 * word in the cell say the same */
	static const lxw_color_t light[XL_LIGHT_COUNT] = {0xA9D08E, 0xFFE699, 0xF4B6B0,
							  0xEDEDED};
	for (int i = 0; i < XL_LIGHT_COUNT; i++) {
		format_set_bg_color(F->light[i], light[i]);
		format_set_align(F->light[i], LXW_ALIGN_VERTICAL_TOP);
		format_set_border(F->light[i], LXW_BORDER_THIN);
	}
	format_set_underline(F->link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(F->link, 0x0563C1);

	static const lxw_color_t sev[SEV_COUNT] = {0xF4B6B0, 0xFFE699, 0xDDEBF7};
	for (int i = 0; i < SEV_COUNT; i++) {
		format_set_bg_color(F->sev[i], sev[i]);
		format_set_align(F->sev[i], LXW_ALIGN_VERTICAL_TOP);
	}
	return x->err == LXW_NO_ERROR;
}

/* ------------------------------------------------------------ sheet names */

/* Code points of s (invalid bytes as U+FFFD). */
static size_t decode(const char *s, uint32_t *out, size_t max)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len && n < max)
		i += utf8_decode(s + i, len - i, &out[n++]);
	return n;
}

/* uchar_fold, and beyond Latin-1 what the C library knows. */
static uint32_t fold(uint32_t c)
{
	uint32_t f = uchar_fold(c);
	return f != c ? f : (uint32_t)towlower((wint_t)c);
}

/* Excel compares sheet names ignoring case (Unicode-wise). */
static bool same_name(const char *a, const char *b)
{
	uint32_t x[64], y[64];
	size_t n = decode(a, x, 64), k = decode(b, y, 64);
	if (n != k)
		return false;
	for (size_t i = 0; i < n; i++)
		if (fold(x[i]) != fold(y[i]))
			return false;
	return true;
}

void xlsx_sheet_name(const char *base, const char *const *used, size_t n, char out[128])
{
	uint32_t cp[64];
	size_t len = decode(base ? base : "", cp, 64);
	/* replace what Excel refuses */
	for (size_t i = 0; i < len; i++) {
		switch (cp[i]) {
		case '[': cp[i] = '('; break;
		case ']': cp[i] = ')'; break;
		case ':': case '/': case '\\': cp[i] = '-'; break;
		case '*': case '?': cp[i] = ' '; break;
		default:
			if (uchar_is_control(cp[i]) || uchar_is_bidi_control(cp[i]) ||
			    cp[i] == 0xFFFE || cp[i] == 0xFFFF)
				cp[i] = ' ';
		}
	}
	for (int attempt = 1;; attempt++) {
		char suffix[16] = "";
		if (attempt > 1)
			snprintf(suffix, sizeof suffix, " (%d)", attempt);
		size_t room = 31 - strlen(suffix);
		/* trim blanks and quotes at both ends, and cut to the room left
		 * (characters outside the BMP count twice, as in Excel) */
		size_t start = 0, end = len;
		while (start < end && (cp[start] == ' ' || cp[start] == '\''))
			start++;
		size_t units = 0, stop = start;
		while (stop < end && units + (cp[stop] > 0xFFFF ? 2 : 1) <= room)
			units += cp[stop++] > 0xFFFF ? 2 : 1;
		end = stop;
		while (end > start && (cp[end - 1] == ' ' || cp[end - 1] == '\''))
			end--;
		size_t o = 0;
		for (size_t i = start; i < end; i++)
			o += utf8_encode(cp[i], out + o);
		if (o == 0) {
			const char *dflt = _("Sheet");
			o = utf8_prefix(dflt, room);
			memcpy(out, dflt, o);
		}
		snprintf(out + o, 128 - o, "%s", suffix);
		bool clash = same_name(out, "History"); /* reserved by Excel */
		for (size_t i = 0; i < n && !clash; i++)
			clash = used[i] && same_name(out, used[i]);
		if (!clash || attempt >= 999)
			return;
	}
}

lxw_worksheet *xl_sheet(struct xl *x, const char *base)
{
	char name[128];
	xlsx_sheet_name(base, (const char *const *)x->names, x->nnames, name);
	if (x->nnames >= XL_MAX_SHEETS) {
		xl_note(x, LXW_ERROR_SHEETNAME_ALREADY_USED, "sheet");
		return NULL;
	}
	lxw_error e = workbook_validate_sheet_name(x->wb, name);
	if (e != LXW_NO_ERROR) {
		xl_note(x, e, "sheet name");
		return NULL;
	}
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	if (!ws) {
		xl_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "add_worksheet");
		return NULL;
	}
	x->names[x->nnames++] = xstrdup(name);
	return ws;
}

const char *xl_last_sheet_name(const struct xl *x)
{
	return x->nnames ? x->names[x->nnames - 1] : "";
}

/* ------------------------------------------------------------ print setup */

/* Appends text to a header/footer string with & doubled and control
 * characters as spaces, at most max characters. */
static void hf_add(struct buf *b, const char *text, size_t max)
{
	char *t = xl_clean(text, max);
	size_t len = strlen(t), i = 0, chars = 0;
	while (i < len && chars < max) {
		uint32_t cp;
		size_t k = utf8_decode(t + i, len - i, &cp);
		if (cp == '&')
			buf_adds(b, "&&");
		else if (cp < 0x20)
			buf_addc(b, ' ');
		else
			buf_add(b, t + i, k);
		i += k;
		chars++;
	}
	free(t);
}

/* The footer: municipality and measure on the left (shortened to
 * XL_FOOTER_LEFT characters, so that it never runs into the right part even
 * on a portrait page), the export date and "page x of y" on the right; at
 * most 255 characters. */
static void make_footer(struct xl *x)
{
	struct buf left;
	buf_init(&left);
	hf_add(&left, x->m->ws.municipality, XL_FOOTER_LEFT);
	if (*x->m->ws.municipality && *x->m->ws.title)
		buf_adds(&left, " · ");
	hf_add(&left, x->m->ws.title, XL_FOOTER_LEFT);
	buf_adds(&left, ""); /* a string even when both are empty */
	size_t keep = utf8_prefix(left.data, XL_FOOTER_LEFT - 1);
	bool cut = left.data[keep] != '\0';
	if (cut && keep > 0 && left.data[keep - 1] == '&') /* never split "&&" */
		keep--;
	snprintf(x->footer, sizeof x->footer, "&L%.*s%s&R%s · %s", (int)keep, left.data,
		 cut ? "…" : "", x->today, _("Page &P of &N"));
	buf_free(&left);
	if (utf8_chars(x->footer) > 255) /* a translation far too long */
		snprintf(x->footer, sizeof x->footer, "&R%s · &P / &N", x->today);
}

void xl_print_setup(struct xl *x, lxw_worksheet *ws, bool landscape, bool repeat_header)
{
	xl_print_page(x, ws, landscape, repeat_header);
	worksheet_fit_to_pages(ws, 1, 0);
}

void xl_print_page(struct xl *x, lxw_worksheet *ws, bool landscape, bool repeat_header)
{
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.75, 0.75);
	if (repeat_header)
		xl_note(x, worksheet_repeat_rows(ws, 0, 0), "repeat_rows");
	xl_note(x, worksheet_set_header(ws, "&C&A"), "set_header");
	xl_note(x, worksheet_set_footer(ws, x->footer), "set_footer");
}

/* ------------------------------------------------------------ tables */

void xt_init(struct xtable *t, size_t ncols, const char *const *heads)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols ? ncols : 1;
	t->heads = xcalloc(t->ncols, sizeof *t->heads);
	t->width = xcalloc(t->ncols, sizeof *t->width);
	for (size_t c = 0; c < t->ncols; c++)
		t->heads[c] = xstrdup(heads && heads[c] ? heads[c] : "");
}

void xt_head(struct xtable *t, size_t c, const char *head)
{
	if (c >= t->ncols)
		return;
	free(t->heads[c]);
	t->heads[c] = xstrdup(head ? head : "");
}

void xt_reserve(struct xtable *t, size_t rows)
{
	size_t want = (t->nrows + rows) * t->ncols;
	if (want > t->cap) {
		t->cells = xrealloc(t->cells, want * sizeof *t->cells);
		t->cap = want;
	}
}

struct xcell *xt_row(struct xtable *t)
{
	xgrow((void **)&t->cells, &t->cap, (t->nrows + 1) * t->ncols, sizeof *t->cells);
	struct xcell *row = &t->cells[t->nrows * t->ncols];
	memset(row, 0, t->ncols * sizeof *row);
	t->nrows++;
	return row;
}

static void cell_drop(struct xcell *c)
{
	if (c->own)
		free((char *)c->s);
	c->own = false;
	c->s = NULL;
}

void xc_text(struct xcell *c, const char *s)
{
	cell_drop(c);
	c->k = XC_TEXT;
	c->s = s ? s : "";
}

void xc_text_own(struct xcell *c, char *s)
{
	cell_drop(c);
	c->k = XC_TEXT;
	c->s = s;
	c->own = true;
}

void xc_num(struct xcell *c, double v, lxw_format *f)
{
	c->k = XC_NUM;
	c->v = v;
	c->fmt = f;
}

void xc_sum(struct xcell *c, size_t r1, size_t c1, size_t r2, size_t c2, double v, lxw_format *f)
{
	cell_drop(c);
	c->k = XC_SUM;
	c->v = v;
	c->fmt = f;
	c->r1 = (lxw_row_t)r1;
	c->c1 = (lxw_col_t)c1;
	c->r2 = (lxw_row_t)r2;
	c->c2 = (lxw_col_t)c2;
}

void xl_cell_name(lxw_row_t r, lxw_col_t c, char out[16])
{
	char col[8];
	size_t n = 0;
	unsigned v = (unsigned)c + 1;
	while (v && n < sizeof col) {
		col[n++] = (char)('A' + (v - 1) % 26);
		v = (v - 1) / 26;
	}
	size_t k = 0;
	while (n)
		out[k++] = col[--n];
	snprintf(out + k, 16 - k, "%u", (unsigned)r + 1);
}

void xl_sheet_ref(struct buf *b, const char *sheet)
{
	buf_addc(b, '\'');
	for (const char *p = sheet; *p; p++) {
		if (*p == '\'')
			buf_addc(b, '\'');
		buf_addc(b, *p);
	}
	buf_addc(b, '\'');
}

void xc_optnum(struct xcell *c, struct optnum n, lxw_format *f)
{
	if (n.set)
		xc_num(c, n.v, f);
}

void xc_date(struct xcell *c, const char *iso)
{
	if (!iso || !*iso)
		return;
	cell_drop(c);
	c->k = date_parse_iso(iso, NULL) ? XC_DATE : XC_TEXT;
	c->s = iso;
}

void xt_free(struct xtable *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		cell_drop(&t->cells[i]);
	for (size_t c = 0; c < t->ncols; c++)
		free(t->heads[c]);
	free(t->heads);
	free(t->width);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

/* Width a cell needs, in characters (and whether its text has a line
 * break, kept in the cell). */
static size_t cell_width(struct xcell *c)
{
	switch (c->k) {
	case XC_TEXT: return xl_text_width(c->s, &c->nl);
	case XC_DATE: return 10;
	case XC_NUM:
	case XC_SUM:
		return xl_number_width(c->v) + (c->fmt ? 4 : 0);
	case XC_EMPTY: break;
	}
	return 0;
}

/* The longest word of s, in characters. */
static size_t longest_word(const char *s)
{
	size_t best = 0, cur = 0, len = strlen(s), i = 0;
	for (;;) {
		uint32_t cp = 0;
		if (i < len)
			i += utf8_decode(s + i, len - i, &cp);
		if (cp == 0 || cp == ' ' || cp == '\n') {
			if (cur > best)
				best = cur;
			cur = 0;
			if (cp == 0)
				break;
		} else {
			cur++;
		}
	}
	return best;
}

double xl_column_width(const char *head, size_t widest, bool *wrap)
{
	/* a header takes its own width when short; a longer one wraps at its
	 * words (the header row grows), so it does not widen the column */
	size_t w = text_width(head);
	if (w > 12) {
		w = longest_word(head);
		if (w < 12)
			w = 12;
	}
	w += 3; /* room for the filter button */
	if (widest + 1 > w)
		w = widest + 1;
	*wrap = false;
	if (w > XL_WIDTH_MAX) {
		w = XL_WIDTH_MAX;
		*wrap = true;
	}
	if (w < 6)
		w = 6;
	return (double)w;
}

size_t xl_number_width(double v)
{
	char tmp[64];
	num_format(v, false, tmp);
	return strlen(tmp);
}

/* Lines text takes in a column `width` characters wide when the cell wraps
 * at spaces (a word longer than the column is broken where it overflows).
 * A column's width counts digits; ordinary text is narrower, so a line
 * holds XL_TEXT_PER_WIDTH characters per unit of width. */
int xl_wrapped_lines(const char *s, size_t width)
{
	size_t chars = (size_t)((double)width * XL_TEXT_PER_WIDTH);
	if (chars < 1)
		chars = 1;
	int lines = 1;
	size_t cur = 0; /* characters on the current line */
	while (*s) {
		if (*s == '\n') {
			lines++;
			cur = 0;
			s++;
			continue;
		}
		if (*s == ' ') {
			if (cur > 0 && cur < chars)
				cur++;
			s++;
			continue;
		}
		size_t word = 0; /* characters of the next word */
		size_t wlen = strcspn(s, " \n");
		for (size_t k = 0; k < wlen; word++) {
			uint32_t cp;
			k += utf8_decode(s + k, wlen - k, &cp);
		}
		const char *e = s + wlen;
		if (cur > 0 && cur + word > chars) {
			lines++;
			cur = 0;
		}
		while (word > chars) { /* overflowing word */
			lines++;
			word -= chars;
		}
		cur += word;
		s = e;
	}
	return lines;
}

/* Narrows the widest columns until the table fits the printable width of
 * an A4 landscape page at a scale that keeps 11 pt text at 9 pt or more;
 * a narrowed column wraps. No column gets narrower than its floor (its
 * longest word, so that words are not broken); when the floors alone are
 * wider than the page, the page is scaled to fit them. */
static void fit_columns(double *w, const double *floor_w, bool *wrap, size_t n)
{
	double sum = 0;
	for (size_t c = 0; c < n; c++)
		sum += w[c];
	if (sum <= XL_PAGE_CHARS)
		return;
	/* the cap: the largest width whose capped sum fits */
	double lo = XL_WIDTH_MIN, hi = XL_WIDTH_MAX;
	for (int i = 0; i < 40; i++) {
		double mid = (lo + hi) / 2, s2 = 0;
		for (size_t c = 0; c < n; c++) {
			double v = w[c] > mid ? mid : w[c];
			s2 += v < floor_w[c] && w[c] > floor_w[c] ? floor_w[c] : v;
		}
		if (s2 <= XL_PAGE_CHARS)
			lo = mid;
		else
			hi = mid;
	}
	double cap = (double)(size_t)lo;
	for (size_t c = 0; c < n; c++)
		if (w[c] > cap) {
			w[c] = cap > floor_w[c] ? cap : floor_w[c];
			wrap[c] = true;
		}
}

/* Height in points of a row whose tallest cell has `lines` lines. */
double xl_row_height(int lines)
{
	double h = XL_LINE_PT * lines + 2;
	return h > 409 ? 409 : h;
}

lxw_worksheet *xt_emit(struct xl *x, struct xtable *t, const char *sheet, size_t freeze_cols)
{
	lxw_worksheet *ws = xl_sheet(x, sheet);
	if (!ws)
		return NULL;
	/* on paper a table without lines reads a number and the date beside
	 * it as one ("0 31.03.2024") */
	worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
	bool *wrap_col = xcalloc(t->ncols, sizeof *wrap_col);
	double *floor_w = xcalloc(t->ncols, sizeof *floor_w);
	for (size_t c = 0; c < t->ncols; c++) {
		size_t widest = 0, word = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			struct xcell *cell = &t->cells[r * t->ncols + c];
			size_t cw = cell_width(cell);
			if (cw > widest)
				widest = cw;
			size_t lw = cell->k == XC_TEXT ? longest_word(cell->s) : cw;
			if (lw > word)
				word = lw;
		}
		t->width[c] = xl_column_width(t->heads[c], widest, &wrap_col[c]);
		floor_w[c] = (double)(word + 1);
		if (floor_w[c] < XL_WIDTH_MIN)
			floor_w[c] = XL_WIDTH_MIN;
		if (floor_w[c] > XL_FLOOR_MAX)
			floor_w[c] = XL_FLOOR_MAX;
	}
	fit_columns(t->width, floor_w, wrap_col, t->ncols);
	free(floor_w);
	int head_lines = 1;
	for (size_t c = 0; c < t->ncols; c++) {
		xl_note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, t->width[c], NULL),
			"set_column");
		xl_text(x, ws, 0, (lxw_col_t)c, t->heads[c], x->fmt.header);
		/* the filter button takes about three characters */
		int l = xl_wrapped_lines(t->heads[c], t->width[c] > 4 ? (size_t)t->width[c] - 3 : 1);
		if (l > head_lines)
			head_lines = l;
	}
	if (head_lines > 1)
		xl_note(x, worksheet_set_row(ws, 0, xl_row_height(head_lines), NULL), "set_row");
	for (size_t r = 0; r < t->nrows && x->err == LXW_NO_ERROR; r++) {
		int lines = 1;
		for (size_t c = 0; c < t->ncols; c++) {
			const struct xcell *cell = &t->cells[r * t->ncols + c];
			lxw_row_t row = (lxw_row_t)(r + 1);
			switch (cell->k) {
			case XC_TEXT: {
				bool wraps = wrap_col[c] || cell->nl;
				xl_text(x, ws, row, (lxw_col_t)c, cell->s,
					cell->fmt ? cell->fmt : wraps ? x->fmt.wrap : x->fmt.text);
				if (wraps) {
					int l = xl_wrapped_lines(cell->s, (size_t)t->width[c] - 1);
					if (l > lines)
						lines = l;
				}
				break;
			}
			case XC_NUM:
				xl_num(x, ws, row, (lxw_col_t)c, cell->v,
				       cell->fmt ? cell->fmt : x->fmt.num);
				break;
			case XC_DATE:
				xl_date(x, ws, row, (lxw_col_t)c, cell->s);
				break;
			case XC_SUM: {
				/* table data row r is sheet row r + 1 (under the header) */
				char a[16], b[16], formula[48];
				xl_cell_name((lxw_row_t)(cell->r1 + 1), (lxw_col_t)cell->c1, a);
				xl_cell_name((lxw_row_t)(cell->r2 + 1), (lxw_col_t)cell->c2, b);
				snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
				xl_note(x,
					worksheet_write_formula_num(ws, row, (lxw_col_t)c, formula,
								    cell->fmt ? cell->fmt : x->fmt.num,
								    cell->v),
					"write_formula_num");
				break;
			}
			case XC_EMPTY:
				break;
			}
		}
		if (lines > 1)
			xl_note(x, worksheet_set_row(ws, (lxw_row_t)(r + 1), xl_row_height(lines), NULL),
				"set_row");
	}
	free(wrap_col);
	worksheet_freeze_panes(ws, 1, (lxw_col_t)freeze_cols);
	size_t filtered = t->nrows - (t->nfoot < t->nrows ? t->nfoot : t->nrows);
	xl_note(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)filtered, (lxw_col_t)(t->ncols - 1)),
		"autofilter");
	xl_print_setup(x, ws, true, true);
	xl_note(x, worksheet_print_area(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1)),
		"print_area");
	return ws;
}

/* ------------------------------------------------------------ factors */

/* "1 Communicating the measure and its goals"; the wind-down without a
 * number, since it is not a factor. One buffer per factor, so the text
 * stays valid while the sheet's cells point at it. */
const char *xl_factor_name(int factor)
{
	static char buf[FACTOR_COUNT][160];
	if (factor < 1 || factor > FACTOR_COUNT)
		return "";
	const char *num = vocab_factor_number(factor);
	snprintf(buf[factor - 1], sizeof buf[0], "%s%s%s", num, *num ? " " : "",
		 vocab_factor_name(factor));
	return buf[factor - 1];
}

/* The same with the short name, for narrow columns: "1 Communication". */
const char *xl_factor_short(int factor)
{
	static char buf[FACTOR_COUNT][80];
	if (factor < 1 || factor > FACTOR_COUNT)
		return "";
	const char *num = vocab_factor_number(factor);
	snprintf(buf[factor - 1], sizeof buf[0], "%s%s%s", num, *num ? " " : "",
		 vocab_factor_short(factor));
	return buf[factor - 1];
}

/* ------------------------------------------------------------ workbook */

static char *prop(const char *s)
{
	char *t = xl_clean(s, 255);
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return t;
}

static void set_properties(struct xl *x)
{
	const struct workshop *w = &x->m->ws;
	char *title = prop(*w->title ? w->title : _("Plan for regular operation"));
	char *subject = prop(_("Plan for moving a Smart-City measure from its funded pilot into "
			       "regular operation"));
	/* the office that submits the paper is its author; without one the
	 * facilitator */
	char *author = prop(*w->office ? w->office : w->facilitator);
	char *company = prop(w->municipality);
	char *keywords = prop(_("Smart City, regular operation, goals, indicators, stakeholders, "
				"responsibilities, costs"));
	char *comments = prop(_("Written by stetig from the workshop file."));
	lxw_doc_properties p = {
		.title = title,
		.subject = subject,
		.author = author,
		.company = company,
		.keywords = keywords,
		.comments = comments,
	};
	xl_note(x, workbook_set_properties(x->wb, &p), "set_properties");
	free(title);
	free(subject);
	free(author);
	free(company);
	free(keywords);
	free(comments);
}

/* The reason for a failure of libxlsxwriter in words for users. */
static const char *xl_error_text(lxw_error e)
{
	switch (e) {
	case LXW_ERROR_CREATING_XLSX_FILE:
	case LXW_ERROR_CREATING_TMPFILE:
		return err_text(ERR_XLSX_CREATE);
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return err_text(ERR_XLSX_WRITE_FAILED);
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return err_text(ERR_SYS_NO_MEMORY);
	default:
		return lxw_strerror(e);
	}
}

static enum err export_workbook(const struct model *m, struct model *release,
				const struct findings *f, struct findings *release_f,
				const char *path, enum lang lang, char *err, size_t n);

enum err xlsx_export(const struct model *m, const struct findings *f, const char *path,
		 enum lang lang, char *err, size_t n)
{
	return export_workbook(m, NULL, f, NULL, path, lang, err, n);
}

enum err xlsx_export_release(struct model *m, struct findings *f, const char *path,
			 enum lang lang, char *err, size_t n)
{
	return export_workbook(m, m, f, f, path, lang, err, n);
}

enum err xlsx_fits(const struct model *m, const struct findings *f, char *err, size_t n)
{
	const struct {
		size_t rows;
		const char *name;
	} sheets[] = {
		{m->sgoals.n, N_("Strategy goals")},
		{m->goals.n, N_("Goals")},
		{m->indicators.n, N_("Indicators")},
		{m->stakeholders.n, N_("Stakeholders")},
		{m->tasks.n, N_("Tasks")},
		{m->costs.n + XL_SUMMARY_ROWS, N_("Costs per year")},
		{m->shares.n, N_("Cost shares")},
		{m->checks.n, N_("Check")},
		{m->notes.n, N_("Notes")},
		{f ? f->n : 0, N_("Findings")},
	};
	for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
		if (sheets[i].rows > XL_DATA_ROWS_MAX) {
			err_format(err, n, ERR_XLSX_ROWS, _(sheets[i].name), sheets[i].rows,
				   (long)XL_DATA_ROWS_MAX);
			return ERR_XLSX_ROWS;
		}
	}
	/* the RACI matrix has a column per stakeholder after three columns */
	if (m->stakeholders.n > XL_COLS_MAX - 3) {
		err_format(err, n, ERR_XLSX_COLUMNS, m->stakeholders.n + 3, (int)XL_COLS_MAX);
		return ERR_XLSX_COLUMNS;
	}
	return ERR_OK;
}

/* The private folder beside path that the workbook is assembled in, and
 * the file in it. */
struct xl_target {
	char *dir;  /* mode 0700, made by us: no one else can put a link there */
	char *file; /* dir/out.xlsx */
};

/* Checks that path is missing or a regular file (a link is followed: a link
 * to a regular file is replaced by the new file, never written through) and
 * makes the private folder and an empty file in it (O_EXCL, O_NOFOLLOW).
 * Returns 0 or an errno value: EISDIR for a folder, ENODEV for a pipe,
 * device or socket. */
static int target_begin(const char *path, struct xl_target *t)
{
	memset(t, 0, sizeof *t);
	struct stat st;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
	} else if (errno != ENOENT) {
		return errno;
	}
	char *copy = xstrdup(path), *copy2 = xstrdup(path);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/.%s.tmp-XXXXXX", dirname(copy), basename(copy2));
	free(copy);
	free(copy2);
	if (!mkdtemp(b.data)) {
		int e = errno;
		buf_free(&b);
		return e;
	}
	t->dir = buf_steal(&b);
	buf_printf(&b, "%s/out.xlsx", t->dir);
	t->file = buf_steal(&b);
	int fd = open(t->file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		int e = errno;
		rmdir(t->dir);
		free(t->dir);
		free(t->file);
		memset(t, 0, sizeof *t);
		return e;
	}
	close(fd);
	return 0;
}

static void target_abort(struct xl_target *t)
{
	if (t->file)
		unlink(t->file);
	if (t->dir)
		rmdir(t->dir);
	free(t->file);
	free(t->dir);
	memset(t, 0, sizeof *t);
}

/* Syncs the finished file and renames it to path. 0 or an errno value;
 * the private folder is gone either way. */
static int target_commit(struct xl_target *t, const char *path)
{
	int e = 0;
	int fd = open(t->file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		e = errno;
	else if (fstat(fd, &st) != 0)
		e = errno;
	else if (!S_ISREG(st.st_mode))
		e = ENODEV;
	else if (fsync(fd) != 0)
		e = errno;
	if (fd >= 0)
		close(fd);
	if (!e && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		e = S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
	if (!e && rename(t->file, path) != 0)
		e = errno;
	if (!e) {
		char *copy = xstrdup(path);
		int dfd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		free(copy);
	}
	target_abort(t);
	return e;
}

static const char *target_errno_text(int e)
{
	if (e == ENODEV)
		return err_text(ERR_SYS_NOT_REGULAR);
	return err_errno_text(e);
}

/* x->raci from the model's task rows (cells of a missing stakeholder and
 * empty cells are left out, as the sheets always did). */
static void raci_build(struct xl *x)
{
	const struct model *m = x->m;
	size_t n = 0;
	for (size_t i = 0; i < m->tasks.n; i++)
		n += MODEL_AT(m->tasks, struct task, i)->cells.n;
	x->raci.cell = xmalloc((n ? n : 1) * sizeof *x->raci.cell);
	x->raci.at = xmalloc((m->tasks.n + 1) * sizeof *x->raci.at);
	size_t k = 0;
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		x->raci.at[i] = k;
		for (size_t j = 0; j < t->cells.n; j++) {
			const struct raci_ref *c = &t->cells.v[j];
			/* xlsx_fits keeps the index far below 2^29 */
			long col = table_index(&m->stakeholders, c->other);
			if (col >= 0 && c->role > RACI_NONE && c->role < RACI_COUNT)
				x->raci.cell[k++] = XL_RACI_CELL(col, c->role);
		}
	}
	x->raci.at[m->tasks.n] = k;
}

void xl_raci_keep_accountable(struct xl *x)
{
	size_t nt = x->m->tasks.n, k = 0;
	for (size_t i = 0; i < nt; i++) {
		size_t from = x->raci.at[i], to = x->raci.at[i + 1];
		x->raci.at[i] = k;
		for (size_t j = from; j < to; j++)
			if (XL_RACI_ROLE(x->raci.cell[j]) == RACI_A)
				x->raci.cell[k++] = x->raci.cell[j];
	}
	x->raci.at[nt] = k;
	x->raci.cell = xrealloc(x->raci.cell, (k ? k : 1) * sizeof *x->raci.cell);
}

static void raci_free(struct xl *x)
{
	free(x->raci.cell);
	free(x->raci.at);
	memset(&x->raci, 0, sizeof x->raci);
}

static enum err export_workbook(const struct model *m, struct model *release,
				const struct findings *f, struct findings *release_f,
				const char *path, enum lang lang, char *err, size_t n)
{
	err[0] = '\0';
	enum err code = xlsx_fits(m, f, err, n);
	if (code != ERR_OK)
		return code;
	/* the private folder beside path: this also shows at once whether the
	 * folder is writable */
	struct xl_target target;
	int te = target_begin(path, &target);
	if (te) {
		err_format(err, n, ERR_XLSX_WRITE, path, target_errno_text(te));
		return ERR_XLSX_WRITE;
	}

	enum lang session = i18n_lang();
	if (session != lang)
		i18n_set_lang(lang);
	struct xl x;
	memset(&x, 0, sizeof x);
	x.m = m;
	x.f = f;
	x.lang = lang;
	struct date today;
	date_today(&today);
	struct figures fig;
	figures_init(&fig);
	figures_compute(&fig, m, today.y);
	x.fig = &fig;
	x.own = release;
	x.own_f = release_f;
	x.indicators = m->indicators.n;
	raci_build(&x);
	/* the figures have the role counts and the sheets read x.raci: a
	 * workshop that goes after the export needs its rows no more (the
	 * largest part of a large workshop, 16 bytes a cell twice over) */
	if (release)
		model_raci_clear(release);
	date_iso(&today, x.today_iso);
	i18n_date(x.today_iso, lang, x.today);
	make_footer(&x);

	lxw_workbook_options opts = {
		.constant_memory = LXW_FALSE, /* it drops cells not written in row order */
		.tmpdir = NULL,
		.use_zip64 = LXW_FALSE,
	};
	x.wb = workbook_new_opt(target.file, &opts);
	bool ok = x.wb != NULL;
	if (!ok)
		x.err = LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (ok && make_formats(&x, &x.fmt, 0) && make_formats(&x, &x.sum_fmt, XL_SUMMARY_PT)) {
		set_properties(&x);
		x.summary = xl_sheet(&x, _("Summary"));
		if (x.summary && x.err == LXW_NO_ERROR)
			xl_write_sheets(&x);
		if (x.summary && x.err == LXW_NO_ERROR)
			xl_write_summary(&x);
	}
	/* every string is in the workbook now: what the sheets were made from
	 * can go before libxlsxwriter assembles the file, when it holds every
	 * cell (the peak of a large export) */
	raci_free(&x);
	if (release)
		model_clear(release);
	if (release_f)
		findings_free(release_f);
	figures_free(&fig);
	if (x.wb) {
		errno = 0;
		lxw_error e = workbook_close(x.wb); /* frees the workbook too */
		int close_errno = errno;
		if (e != LXW_NO_ERROR && x.err == LXW_NO_ERROR) {
			x.err = e;
			if (close_errno == ENOSPC || close_errno == EDQUOT || close_errno == EFBIG)
				snprintf(x.reason, sizeof x.reason, "%s",
					 err_errno_text(close_errno));
		}
	}
	/* messages from here on in the session's language */
	if (session != lang)
		i18n_set_lang(session);
	code = ERR_OK;
	if (x.err == LXW_NO_ERROR) {
		int e = target_commit(&target, path);
		if (e) {
			code = ERR_XLSX_WRITE;
			err_format(err, n, code, path, target_errno_text(e));
		}
	} else if (*x.reason) {
		code = ERR_XLSX_WRITE;
		err_format(err, n, code, path, x.reason);
	} else if (*x.what) {
		code = ERR_XLSX_WRITE_CALL;
		err_format(err, n, code, path, xl_error_text(x.err), x.what);
	} else {
		code = ERR_XLSX_WRITE;
		err_format(err, n, code, path, xl_error_text(x.err));
	}
	if (code != ERR_OK)
		target_abort(&target);
	for (size_t i = 0; i < x.nnames; i++)
		free(x.names[i]);
	for (size_t i = 0; i < x.nkeep; i++)
		free(x.keep[i]);
	free(x.keep);
	figures_free(&fig);
	return code;
}
