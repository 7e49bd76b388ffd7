/* ui_draw.c — styles and text drawing by display columns. */
#include "config.h"
#include "ui_draw.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "lineedit.h"
#include "util.h"

static attr_t styles[ST_COUNT];
static bool colour;

/* Attributes without colour: what the plain theme and NO_COLOR use, and
 * what the projector theme adds its colours to. */
static const attr_t mono[ST_COUNT] = {
	[ST_NORMAL] = A_NORMAL,
	[ST_TOP] = A_REVERSE,
	[ST_TOP_TITLE] = A_REVERSE | A_BOLD,
	[ST_TAB] = A_NORMAL,
	[ST_TAB_CUR] = A_REVERSE | A_BOLD,
	[ST_BADGE] = A_BOLD | A_UNDERLINE,
	[ST_HINT] = A_BOLD,
	[ST_HEADER] = A_BOLD | A_UNDERLINE,
	[ST_SEL] = A_REVERSE | A_BOLD,
	[ST_STATUS] = A_BOLD,
	[ST_ERROR] = A_REVERSE | A_BOLD,
	[ST_BAR_KEY] = A_BOLD,
	[ST_BAR_LABEL] = A_REVERSE,
	[ST_DIM] = A_NORMAL, /* nothing the group needs is dim: dim washes out on a projector */
	[ST_LIT] = A_BOLD,
	[ST_ALERT] = A_BOLD | A_REVERSE,
	[ST_WARN] = A_BOLD,
	[ST_CLOCK] = A_REVERSE | A_BOLD,
	[ST_CLOCK_WARN] = A_BOLD | A_UNDERLINE | A_REVERSE,
	[ST_CLOCK_OVER] = A_BOLD | A_UNDERLINE,
	[ST_FIELD] = A_UNDERLINE,
	[ST_FIELD_FOCUS] = A_REVERSE,
	[ST_FORM_ERROR] = A_BOLD,
	[ST_TITLE] = A_BOLD,
	[ST_RACI_R] = A_BOLD,
	[ST_RACI_A] = A_BOLD | A_UNDERLINE,
	[ST_RACI_C] = A_NORMAL,
	[ST_RACI_I] = A_NORMAL,
};


void ui_theme_init(enum ui_theme theme)
{
	const char *nc = getenv("NO_COLOR");
	bool want = theme == UI_THEME_PROJECTOR && !(nc && *nc);
	colour = false;
	for (int i = 0; i < ST_COUNT; i++)
		styles[i] = mono[i];
	if (!want || !has_colors() || start_color() != OK || COLORS < 8)
		return;
	colour = true;
	short pair = 1;
	for (int i = 0; i < ST_COUNT; i++) {
		const struct theme_pair *p = &theme_projector[i];
		if (p->fg == p->bg) /* unset entry: 0/0 */
			continue;
		/* a pair from the 256-colour cube needs a terminal that has it;
		 * elsewhere the style keeps its plain attributes */
		if (theme_pair_colours(p) > COLORS)
			continue;
		if (pair >= COLOR_PAIRS)
			break;
		init_pair(pair, p->fg, p->bg);
		attr_t keep = mono[i] & (A_UNDERLINE | A_BOLD);
		styles[i] = COLOR_PAIR(pair) | (p->bold ? A_BOLD : 0) | keep;
		pair++;
	}
}

attr_t ui_style(enum ui_style st)
{
	return styles[st];
}

bool ui_theme_colour(void)
{
	return colour;
}

/* ------------------------------------------------------------ text */

int ui_width(const char *s)
{
	return utf8_width(s);
}

void ui_fill(int y, int x, int width, attr_t a)
{
	if (width <= 0 || y < 0 || y >= LINES)
		return;
	if (x + width > COLS)
		width = COLS - x;
	mvhline(y, x, ' ' | a, width);
}

int ui_text(int y, int x, int width, const char *s, attr_t a, int flags)
{
	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	s = s ? s : "";
	size_t n = strlen(s);
	wchar_t stackbuf[512];
	wchar_t *w = n < 512 ? stackbuf : xmalloc((n + 1) * sizeof *w);
	/* decoded only as far as it can be shown: once the text is wider
	 * than the room, the rest cannot change what is drawn */
	size_t k = 0;
	int total = 0;
	for (size_t i = 0; i < n && total <= width;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w[k] = lineedit_display_char((wchar_t)cp);
		total += lineedit_char_width(w[k]);
		k++;
	}
	/* how much fits; reserve one column for "…" when cut */
	size_t shown = k;
	int used = total;
	bool cut = total > width;
	if (cut) {
		used = 0;
		shown = 0;
		while (shown < k) {
			int cw = lineedit_char_width(w[shown]);
			if (used + cw > width - 1)
				break;
			used += cw;
			shown++;
		}
		/* keep combining marks with their base */
		while (shown < k && lineedit_char_width(w[shown]) == 0)
			shown++;
	}
	int start = x;
	int slack = width - used - (cut ? 1 : 0);
	if ((flags & UI_TEXT_RIGHT) && slack > 0)
		start = x + slack;
	else if ((flags & UI_TEXT_CENTER) && slack > 0)
		start = x + slack / 2;
	if (flags & UI_TEXT_PAD)
		ui_fill(y, x, width, a);
	attr_set(a, PAIR_NUMBER(a), NULL);
	if (shown)
		mvaddnwstr(y, start, w, (int)shown);
	if (cut)
		mvaddwstr(y, start + used, L"…");
	attr_set(A_NORMAL, 0, NULL);
	if (w != stackbuf)
		free(w);
	int drawn = used + (cut ? 1 : 0) + (start - x);
	return (flags & UI_TEXT_PAD) ? width : drawn;
}

int ui_textf(int y, int x, int width, attr_t a, int flags, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int len = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	int r;
	if (len >= 0 && (size_t)len < sizeof small) {
		r = ui_text(y, x, width, small, a, flags);
	} else {
		char *big = xmalloc((size_t)len + 1);
		vsnprintf(big, (size_t)len + 1, fmt, ap2);
		r = ui_text(y, x, width, big, a, flags);
		free(big);
	}
	va_end(ap2);
	return r;
}

size_t ui_wrap(const char *s, int width, size_t *next)
{
	int col = 0;
	size_t len = strcspn(s, "\n"), i = 0, brk = 0;
	bool have_brk = false;
	if (width < 1)
		width = 1;
	while (s[i] && s[i] != '\n') {
		uint32_t cp;
		size_t cl = utf8_decode(s + i, len - i, &cp);
		int cw = uchar_width(cp);
		if (col + cw > width && i > 0) {
			if (have_brk) {
				*next = brk;
				/* drop the blanks at the break */
				while (s[*next] == ' ')
					(*next)++;
				size_t end = brk;
				while (end > 0 && s[end - 1] == ' ')
					end--;
				return end;
			}
			*next = i;
			return i;
		}
		col += cw;
		i += cl;
		if (s[i - 1] == ' ') {
			brk = i;
			have_brk = true;
		}
	}
	*next = s[i] == '\n' ? i + 1 : i;
	return i;
}

int ui_text_wrapped(struct ui_rect r, int skip, const char *s, attr_t a)
{
	int line = 0;
	const char *p = s ? s : "";
	if (!*p)
		return 0;
	while (*p) {
		size_t next;
		size_t len = ui_wrap(p, r.w, &next);
		int y = r.y + line - skip;
		if (line >= skip && y < r.y + r.h) {
			char *piece = xstrndup(p, len);
			ui_text(y, r.x, r.w, piece, a, 0);
			free(piece);
		}
		line++;
		p += next;
		if (next == 0)
			break;
	}
	return line;
}

const char *ui_example_name(bool example, const char *name, char *buf, size_t n)
{
	if (!example)
		return name;
	snprintf(buf, n, _("(example) %s"), name);
	return buf;
}
