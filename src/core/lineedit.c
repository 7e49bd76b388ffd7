/* lineedit.c — a one-line text editor on wide characters. */
#include "config.h"
#include "lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int lineedit_char_width(wchar_t c)
{
	return uchar_width((uint32_t)c);
}

wchar_t lineedit_display_char(wchar_t c)
{
	return (wchar_t)uchar_display((uint32_t)c);
}

/* A character that belongs to the one before it (combining mark, joiner). */
static bool is_mark(wchar_t c)
{
	return c != 0 && uchar_width((uint32_t)c) == 0;
}

size_t lineedit_decode(const char *s, size_t n, wchar_t *out)
{
	size_t i = 0, k = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		out[k++] = (wchar_t)cp;
	}
	out[k] = 0;
	return k;
}

int lineedit_text_width(const char *s)
{
	return utf8_width(s);
}

void lineedit_init(struct lineedit *le, size_t max)
{
	memset(le, 0, sizeof *le);
	le->max = max ? max : TEXT_MAX_CHARS;
	le->cap = 16;
	le->text = xcalloc(le->cap, sizeof *le->text);
}

void lineedit_free(struct lineedit *le)
{
	free(le->text);
	memset(le, 0, sizeof *le);
}

static void reserve(struct lineedit *le, size_t need)
{
	if (need + 1 > le->cap)
		xgrow((void **)&le->text, &le->cap, need + 1, sizeof *le->text);
}

void lineedit_set(struct lineedit *le, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	reserve(le, n);
	size_t k = lineedit_decode(s ? s : "", n, le->text);
	if (k > le->max) {
		k = le->max;
		le->text[k] = 0;
	}
	le->len = k;
	le->cur = k;
	le->scroll = 0;
}

char *lineedit_get(const struct lineedit *le)
{
	char *out = xmalloc(le->len * 4 + 1);
	size_t k = 0;
	for (size_t i = 0; i < le->len; i++)
		k += utf8_encode((uint32_t)le->text[i], out + k);
	out[k] = '\0';
	return out;
}

enum lineedit_result lineedit_insert(struct lineedit *le, wchar_t c)
{
	if (c == 0 || uchar_is_bidi_control((uint32_t)c) ||
	    (wcwidth(c) < 0 && !(c == L'\n' && le->multiline)))
		return LINEEDIT_REJECTED;
	if (le->len >= le->max)
		return LINEEDIT_FULL;
	reserve(le, le->len + 1);
	memmove(le->text + le->cur + 1, le->text + le->cur,
		(le->len - le->cur + 1) * sizeof *le->text);
	le->text[le->cur] = c;
	le->len++;
	le->cur++;
	/* a base character typed before marks takes them over */
	while (le->cur < le->len && is_mark(le->text[le->cur]))
		le->cur++;
	return LINEEDIT_OK;
}

/* Start of the cluster that ends at i (i > 0). */
static size_t cluster_before(const struct lineedit *le, size_t i)
{
	i--;
	while (i > 0 && is_mark(le->text[i]))
		i--;
	return i;
}

/* End of the cluster that starts at i (i < len). */
static size_t cluster_after(const struct lineedit *le, size_t i)
{
	i++;
	while (i < le->len && is_mark(le->text[i]))
		i++;
	return i;
}

bool lineedit_left(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	le->cur = cluster_before(le, le->cur);
	return true;
}

bool lineedit_right(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	le->cur = cluster_after(le, le->cur);
	return true;
}

bool lineedit_home(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	le->cur = 0;
	return true;
}

bool lineedit_end(struct lineedit *le)
{
	if (le->cur == le->len)
		return false;
	le->cur = le->len;
	return true;
}

static void cut(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->text + from, le->text + to, (le->len - to + 1) * sizeof *le->text);
	le->len -= to - from;
}

bool lineedit_backspace(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	size_t from = cluster_before(le, le->cur);
	cut(le, from, le->cur);
	le->cur = from;
	return true;
}

bool lineedit_delete(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	cut(le, le->cur, cluster_after(le, le->cur));
	return true;
}

static int width_of(const struct lineedit *le, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to; i++)
		w += lineedit_char_width(le->text[i]);
	return w;
}

int lineedit_width(const struct lineedit *le)
{
	return width_of(le, 0, le->len);
}

int lineedit_cursor_col(const struct lineedit *le)
{
	return width_of(le, 0, le->cur);
}

void lineedit_scroll(struct lineedit *le, int width)
{
	if (width < 1)
		width = 1;
	int col = lineedit_cursor_col(le);
	/* the width of the character under the cursor (1 after the end) */
	int cw = le->cur < le->len ? lineedit_char_width(le->text[le->cur]) : 1;
	if (cw < 1)
		cw = 1;
	if (col < le->scroll)
		le->scroll = col;
	else if (col + cw > le->scroll + width)
		le->scroll = col + cw - width;
	/* no blank tail when the text got shorter */
	int total = lineedit_width(le) + 1;
	if (le->scroll > 0 && total - le->scroll < width) {
		le->scroll = total - width;
		if (le->scroll > col)
			le->scroll = col;
	}
	if (le->scroll < 0)
		le->scroll = 0;
}

size_t lineedit_visible(const struct lineedit *le, int width, size_t *start, int *pad)
{
	int col = 0;
	size_t i = 0;
	*pad = 0;
	/* skip what lies left of the scroll offset */
	while (i < le->len) {
		int w = lineedit_char_width(le->text[i]);
		if (col + w > le->scroll || (w == 0 && col >= le->scroll))
			break;
		col += w;
		i++;
	}
	/* a wide character cut by the left edge: blank columns instead */
	if (i < le->len && col < le->scroll) {
		int w = lineedit_char_width(le->text[i]);
		*pad = col + w - le->scroll;
		col += w;
		i = cluster_after(le, i);
	} else {
		/* marks of a skipped base are not shown alone */
		while (i < le->len && is_mark(le->text[i]) && i > 0)
			i++;
	}
	*start = i;
	int used = *pad;
	size_t j = i;
	while (j < le->len) {
		int w = lineedit_char_width(le->text[j]);
		if (used + w > width)
			break;
		used += w;
		j++;
	}
	return j - i;
}

/* ------------------------------------------------------------ lines */

size_t lineedit_wrap(const struct lineedit *le, int width, size_t **starts)
{
	size_t cap = 8, n = 0;
	size_t *st = xmalloc(cap * sizeof *st);
	if (width < 1)
		width = 1;
	size_t s = 0;
	st[n++] = 0;
	while (s < le->len) {
		int col = 0;
		size_t i = s, space = 0; /* 0: no space seen after s */
		size_t next = le->len;
		bool brk = false;
		while (i < le->len) {
			wchar_t c = le->text[i];
			if (c == L'\n') {
				next = i + 1;
				brk = true;
				break;
			}
			int w = lineedit_char_width(c);
			if (col + w > width && i > s) {
				/* break after the last space, or here */
				next = space > s ? space : i;
				brk = true;
				break;
			}
			col += w;
			i++;
			if (c == L' ')
				space = i;
			while (i < le->len && is_mark(le->text[i]))
				i++;
		}
		if (!brk)
			break;
		if (n + 1 > cap)
			xgrow((void **)&st, &cap, n + 1, sizeof *st);
		st[n++] = next;
		s = next;
	}
	*starts = st;
	return n;
}

size_t lineedit_line(const struct lineedit *le, const size_t *starts, size_t nlines, size_t i,
		     size_t *from)
{
	*from = starts[i];
	size_t to = i + 1 < nlines ? starts[i + 1] : le->len;
	if (to > *from && le->text[to - 1] == L'\n')
		to--;
	return to - *from;
}

void lineedit_cursor_line(const struct lineedit *le, const size_t *starts, size_t nlines,
			  size_t *line, int *col)
{
	size_t r = 0;
	while (r + 1 < nlines && starts[r + 1] <= le->cur)
		r++;
	*line = r;
	*col = width_of(le, starts[r], le->cur);
}

bool lineedit_line_move(struct lineedit *le, int width, int dir)
{
	size_t *st;
	size_t n = lineedit_wrap(le, width, &st);
	size_t r;
	int col;
	lineedit_cursor_line(le, st, n, &r, &col);
	bool ok = dir < 0 ? r > 0 : r + 1 < n;
	if (ok) {
		size_t t = dir < 0 ? r - 1 : r + 1, from;
		size_t cnt = lineedit_line(le, st, n, t, &from);
		size_t i = from;
		int c = 0;
		while (i < from + cnt) {
			int w = lineedit_char_width(le->text[i]);
			if (c + w > col)
				break;
			c += w;
			i = cluster_after(le, i);
		}
		/* a soft break: the end of the line is the start of the next */
		if (i == from + cnt && t + 1 < n && i == st[t + 1] && i > from)
			i = cluster_before(le, i);
		le->cur = i;
	}
	free(st);
	return ok;
}
