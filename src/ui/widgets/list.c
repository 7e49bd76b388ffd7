/* list.c — a scrolling table with a selected row. */
#include "config.h"
#include "list.h"

#include <stdio.h>

#include "i18n.h"

void list_init(struct list *l)
{
	*l = (struct list){0, 0, 0, 0, 0, false};
}

void list_set_count(struct list *l, size_t n)
{
	l->n = n;
	if (n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->top > l->sel)
		l->top = l->sel;
}

void list_select(struct list *l, size_t i)
{
	if (l->n == 0)
		return;
	l->sel = i < l->n ? i : l->n - 1;
}

bool list_move(struct list *l, enum ui_action a)
{
	if (l->n == 0)
		return false;
	size_t page = l->rows > 1 ? (size_t)l->rows - 1 : 1;
	switch (a) {
	case ACT_UP:
		if (l->sel > 0)
			l->sel--;
		return true;
	case ACT_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		return true;
	case ACT_PGUP:
		l->sel = l->sel > page ? l->sel - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		return true;
	case ACT_PGDN:
		l->sel = l->sel + page < l->n ? l->sel + page : l->n - 1;
		l->top += page;
		return true;
	case ACT_HOME:
		l->sel = 0;
		return true;
	case ACT_END:
		l->sel = l->n - 1;
		return true;
	default:
		return false;
	}
}

long list_hit(const struct list *l, int y)
{
	if (y < l->y0 || y >= l->y0 + l->rows)
		return -1;
	size_t row = l->top + (size_t)(y - l->y0);
	return row < l->n ? (long)row : -1;
}

void list_scroll(struct list *l, int delta)
{
	if (l->n == 0)
		return;
	if (delta < 0) {
		size_t d = (size_t)-delta;
		l->top = l->top > d ? l->top - d : 0;
		if (l->rows > 0 && l->sel >= l->top + (size_t)l->rows)
			l->sel = l->top + (size_t)l->rows - 1;
	} else {
		size_t max_top = l->rows > 0 && l->n > (size_t)l->rows ? l->n - (size_t)l->rows : 0;
		l->top += (size_t)delta;
		if (l->top > max_top)
			l->top = max_top;
		if (l->sel < l->top)
			l->sel = l->top;
	}
}

void list_layout(const struct list_col *cols, int ncols, int x, int width, int *colx, int *colw)
{
	int fixed = 0, weights = 0;
	for (int i = 0; i < ncols; i++) {
		if (cols[i].width > 0)
			fixed += cols[i].width;
		else
			weights += cols[i].width < 0 ? -cols[i].width : 1;
	}
	int gaps = ncols > 1 ? ncols - 1 : 0;
	int rest = width - fixed - gaps;
	if (rest < 0)
		rest = 0;
	int pos = x, given = 0, flex_seen = 0, flex_total = 0;
	for (int i = 0; i < ncols; i++)
		if (cols[i].width <= 0)
			flex_total++;
	for (int i = 0; i < ncols; i++) {
		int w;
		if (cols[i].width > 0) {
			w = cols[i].width;
		} else {
			int wt = cols[i].width < 0 ? -cols[i].width : 1;
			flex_seen++;
			/* the last flexible column takes what rounding left over */
			w = flex_seen == flex_total ? rest - given : rest * wt / (weights ? weights : 1);
			given += w;
			if (w < cols[i].min)
				w = cols[i].min;
		}
		if (pos + w > x + width)
			w = x + width - pos;
		if (w < 0)
			w = 0;
		colx[i] = pos;
		colw[i] = w;
		pos += w + 1;
	}
}

void list_draw(struct list *l, struct ui_rect r, const struct list_col *cols, int ncols,
	       list_row_fn fn, void *ctx, const char *empty)
{
	int colx[16], colw[16];
	if (ncols > 16)
		ncols = 16;
	list_layout(cols, ncols, r.x, r.w, colx, colw);
	int y = r.y;
	bool titles = false;
	for (int i = 0; i < ncols; i++)
		titles = titles || cols[i].title;
	if (titles && r.h > 1) {
		ui_fill(y, r.x, r.w, ui_style(ST_HEADER));
		for (int i = 0; i < ncols; i++)
			if (cols[i].title)
				ui_text(y, colx[i], colw[i], _(cols[i].title), ui_style(ST_HEADER), 0);
		/* where we are in a long list */
		if (l->n > (size_t)(r.h - 1)) {
			char pos[48];
			snprintf(pos, sizeof pos, " %zu/%zu", l->sel + 1, l->n);
			ui_text(y, r.x + r.w - ui_width(pos), ui_width(pos), pos, ui_style(ST_HEADER), 0);
		}
		y++;
	}
	int rows = r.y + r.h - y;
	if (rows < 0)
		rows = 0;
	l->y0 = y;
	l->rows = rows;
	if (l->n == 0) {
		if (empty && rows > 0)
			ui_text_wrapped((struct ui_rect){y + (rows > 2 ? 1 : 0), r.x + 2, rows, r.w - 4}, 0,
					empty, ui_style(ST_NORMAL));
		return;
	}
	/* keep the selection visible and the window full */
	if (l->sel < l->top)
		l->top = l->sel;
	if (rows > 0 && l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	if (rows > 0 && l->n >= (size_t)rows && l->top > l->n - (size_t)rows)
		l->top = l->n - (size_t)rows;
	if (l->n < (size_t)rows)
		l->top = 0;
	for (int i = 0; i < rows; i++) {
		size_t row = l->top + (size_t)i;
		if (row >= l->n)
			break;
		bool sel = row == l->sel && !l->passive;
		if (sel)
			ui_fill(y + i, r.x, r.w, ui_style(ST_SEL));
		fn(ctx, row, y + i, colx, colw, sel);
		/* without colour the selected row is also marked by a symbol in
		 * the margin, not by reverse video alone */
		if (sel && !ui_theme_colour() && r.x > 0)
			ui_text(y + i, r.x - 1, 1, "▸", ui_style(ST_SEL), 0);
	}
}
