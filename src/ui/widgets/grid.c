/* grid.c — a scrolling matrix with frozen header row and first column. */
#include "config.h"
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void grid_init(struct grid *g)
{
	*g = (struct grid){0};
}

void grid_set_size(struct grid *g, size_t nrows, size_t ncols)
{
	g->nrows = nrows;
	g->ncols = ncols;
	if (nrows == 0)
		g->row = g->top = 0;
	else if (g->row >= nrows)
		g->row = nrows - 1;
	if (ncols == 0)
		g->col = GRID_HEAD;
	else if (g->col >= (long)ncols)
		g->col = (long)ncols - 1;
	if (g->left >= ncols)
		g->left = ncols ? ncols - 1 : 0;
	if (g->top >= nrows)
		g->top = nrows ? nrows - 1 : 0;
}

void grid_select(struct grid *g, size_t row, long col)
{
	if (g->nrows)
		g->row = row < g->nrows ? row : g->nrows - 1;
	if (col < 0 || g->ncols == 0)
		g->col = GRID_HEAD;
	else
		g->col = col < (long)g->ncols ? col : (long)g->ncols - 1;
}

bool grid_move(struct grid *g, enum ui_action a)
{
	size_t page = g->rows > 1 ? (size_t)g->rows - 1 : 1;
	switch (a) {
	case ACT_UP:
		if (g->row > 0)
			g->row--;
		return true;
	case ACT_DOWN:
		if (g->row + 1 < g->nrows)
			g->row++;
		return true;
	case ACT_LEFT:
		if (g->col > GRID_HEAD)
			g->col--;
		return true;
	case ACT_RIGHT:
		if (g->col + 1 < (long)g->ncols)
			g->col++;
		return true;
	case ACT_PGUP:
		g->row = g->row > page ? g->row - page : 0;
		g->top = g->top > page ? g->top - page : 0;
		return true;
	case ACT_PGDN:
		if (g->nrows) {
			g->row = g->row + page < g->nrows ? g->row + page : g->nrows - 1;
			g->top += page;
		}
		return true;
	case ACT_HOME:
		if (g->col <= 0 || g->ncols == 0)
			g->row = 0;
		g->col = g->ncols ? 0 : GRID_HEAD;
		return true;
	case ACT_END:
		if (g->ncols == 0 || g->col == (long)g->ncols - 1)
			g->row = g->nrows ? g->nrows - 1 : 0;
		if (g->ncols)
			g->col = (long)g->ncols - 1;
		return true;
	default:
		return false;
	}
}

bool grid_hit(const struct grid *g, int y, int x, size_t *row, long *col)
{
	if (y < g->y0 || y >= g->y0 + g->rows)
		return false;
	size_t r = g->top + (size_t)(y - g->y0);
	if (r >= g->nrows)
		return false;
	*row = r;
	if (x < g->x0) {
		*col = GRID_HEAD;
		return true;
	}
	if (g->cell_w <= 0)
		return false;
	size_t c = g->left + (size_t)((x - g->x0) / g->cell_w);
	if ((x - g->x0) / g->cell_w >= g->cols || c >= g->ncols)
		return false;
	*col = (long)c;
	return true;
}

/* Keeps the cursor visible and the window full. */
static void follow(size_t cur, size_t n, int shown, size_t *first)
{
	if (shown <= 0) {
		*first = cur;
		return;
	}
	size_t s = (size_t)shown;
	if (cur < *first)
		*first = cur;
	if (cur >= *first + s)
		*first = cur - s + 1;
	if (n >= s && *first > n - s)
		*first = n - s;
	if (n < s)
		*first = 0;
}

static int head_lines(const struct grid *g)
{
	return g->head_h == 2 ? 2 : 1;
}

/* Lays the grid out in r and lets the scroll position follow the cursor. */
static void layout(struct grid *g, struct ui_rect r, int *head_w, int *cell_w)
{
	if (*head_w > r.w)
		*head_w = r.w;
	if (*cell_w < 1)
		*cell_w = 1;
	g->head_w = *head_w;
	g->cell_w = *cell_w;
	int hh = head_lines(g);
	g->y0 = r.y + hh;
	g->x0 = r.x + *head_w;
	g->rows = r.h - hh > 0 ? r.h - hh : 0;
	g->cols = (r.w - *head_w) / *cell_w;
	/* when not every column fits, room for the count of the hidden ones */
	if (g->cols >= 0 && (size_t)g->cols < g->ncols)
		g->cols = (r.w - *head_w - GRID_MARK_W) / *cell_w;
	if (g->cols < 0)
		g->cols = 0;
	follow(g->row, g->nrows, g->rows, &g->top);
	if (g->col >= 0)
		follow((size_t)g->col, g->ncols, g->cols, &g->left);
	else if (g->ncols >= (size_t)g->cols && g->left > g->ncols - (size_t)g->cols)
		g->left = g->ncols - (size_t)g->cols;
	g->hidden_left = g->left;
	size_t end = g->left + (size_t)g->cols;
	g->hidden_right = end < g->ncols ? g->ncols - end : 0;
}

/* The counts of hidden columns in the header row: "◂N" at the right end of
 * the corner, "N▸" after the last shown column. */
static void draw_marks(const struct grid *g, struct ui_rect r)
{
	char s[32];
	attr_t a = ui_style(ST_HEADER) | A_BOLD;
	if (g->hidden_left && g->head_w > GRID_MARK_W) {
		snprintf(s, sizeof s, "◂%zu ", g->hidden_left);
		ui_text(r.y, g->x0 - GRID_MARK_W, GRID_MARK_W, s, a, UI_TEXT_PAD | UI_TEXT_RIGHT);
	}
	int xr = g->x0 + g->cols * g->cell_w;
	int wr = r.x + r.w - xr;
	if (g->hidden_right && wr > 0) {
		snprintf(s, sizeof s, "%zu▸", g->hidden_right);
		ui_text(r.y, xr, wr, s, a, UI_TEXT_PAD | UI_TEXT_RIGHT);
	}
}

/* Remembers what the screen shows now. */
static void remember_shown(struct grid *g, struct ui_rect r, int head_w, int cell_w)
{
	g->shown.valid = true;
	g->shown.r = r;
	g->shown.head_w = head_w;
	g->shown.cell_w = cell_w;
	g->shown.nrows = g->nrows;
	g->shown.ncols = g->ncols;
	g->shown.top = g->top;
	g->shown.left = g->left;
	g->shown.row = g->row;
	g->shown.col = g->col;
	g->shown.touched = false;
}

/* The header of visible column col. */
static void draw_col_head(struct grid *g, int y, size_t col, const struct grid_fns *fns, void *ctx)
{
	int x = g->x0 + (int)(col - g->left) * g->cell_w;
	fns->col_head(ctx, col, y, x, g->cell_w, (long)col == g->col);
}

/* Row row (visible) with its first column; clear: blank each part first. */
static void draw_row(struct grid *g, size_t row, int x0, bool clear, const struct grid_fns *fns,
		     void *ctx)
{
	int y = g->y0 + (int)(row - g->top);
	bool cur_row = row == g->row;
	if (clear)
		ui_fill(y, x0, g->head_w, A_NORMAL);
	fns->row_head(ctx, row, y, x0, g->head_w, cur_row, cur_row && g->col == GRID_HEAD);
	for (int c = 0; c < g->cols; c++) {
		size_t col = g->left + (size_t)c;
		if (col >= g->ncols)
			break;
		int x = g->x0 + c * g->cell_w;
		bool cur_col = (long)col == g->col;
		if (clear)
			ui_fill(y, x, g->cell_w, A_NORMAL);
		fns->cell(ctx, row, col, y, x, g->cell_w, cur_row, cur_col, cur_row && cur_col);
	}
}

/* The frozen header row: the corner, every shown column's head, the rest
 * of the line and the counts of hidden columns. */
static void draw_header(struct grid *g, struct ui_rect r, const struct grid_fns *fns, void *ctx)
{
	int hh = head_lines(g), head_w = g->head_w, cell_w = g->cell_w;
	if (fns->corner)
		fns->corner(ctx, r.y, r.x, head_w);
	for (int l = 1; l < hh; l++)
		ui_fill(r.y + l, r.x, head_w, ui_style(ST_HEADER));
	int rest = r.w - head_w - g->cols * cell_w;
	for (int c = 0; c < g->cols; c++) {
		size_t col = g->left + (size_t)c;
		if (col >= g->ncols) {
			for (int l = 0; l < hh; l++)
				ui_fill(r.y + l, g->x0 + c * cell_w, cell_w, ui_style(ST_HEADER));
			continue;
		}
		draw_col_head(g, r.y, col, fns, ctx);
	}
	for (int l = 0; l < hh && rest > 0; l++)
		ui_fill(r.y + l, g->x0 + g->cols * cell_w, rest, ui_style(ST_HEADER));
	draw_marks(g, r);
}

void grid_draw(struct grid *g, struct ui_rect r, int head_w, int cell_w, const struct grid_fns *fns,
	       void *ctx)
{
	struct ui_rect given = r;
	int hw = head_w, cw = cell_w;
	layout(g, r, &head_w, &cell_w);
	remember_shown(g, given, hw, cw);
	if (r.h < 1)
		return;
	draw_header(g, r, fns, ctx);
	/* the rows, each with its frozen first column */
	for (int i = 0; i < g->rows; i++) {
		size_t row = g->top + (size_t)i;
		if (row >= g->nrows)
			break;
		draw_row(g, row, r.x, false, fns, ctx);
	}
}

void grid_touch_row(struct grid *g, size_t row)
{
	if (g->shown.touched && g->shown.touched_row != row) {
		grid_invalidate(g); /* two rows: not worth the bookkeeping */
		return;
	}
	g->shown.touched = true;
	g->shown.touched_row = row;
}

void grid_invalidate(struct grid *g)
{
	g->shown.valid = false;
}

/* Moves the lines of the shown rows by d rows, up when d > 0 (the grid
 * scrolled down), on a region of whole screen lines; the lines that come
 * free are blank. The terminal follows with a scroll of that region:
 * doupdate finds moved lines itself. */
static void shift_rows(const struct grid *g, long d)
{
	int top = 0, bot = LINES - 1;
	wgetscrreg(stdscr, &top, &bot);
	scrollok(stdscr, TRUE);
	wsetscrreg(stdscr, g->y0, g->y0 + g->rows - 1);
	wscrl(stdscr, (int)d);
	wsetscrreg(stdscr, top, bot);
	scrollok(stdscr, FALSE);
}

/* The screen line y from x on, n cells, moved by dx columns (cells hold
 * single-width characters only). */
static void move_cells(int y, int x, int n, int dx, cchar_t *buf)
{
	mvwin_wchnstr(stdscr, y, x, buf, n);
	mvwadd_wchnstr(stdscr, y, x + dx, buf, n);
}

/* Sends what the window holds now to the terminal (an intermediate frame). */
static void flush(void)
{
	wnoutrefresh(stdscr);
	doupdate();
}

/* Moves the cells of the shown rows by d columns, left when d > 0 (the
 * grid scrolled right); the columns that come free are blank. Done in two
 * frames, so that the terminal can delete or insert characters instead of
 * rewriting every row: doupdate does that only when the rest of a line
 * stays as it is. A scroll to the right first sends the rows moved left
 * with the new columns still blank (the terminal deletes characters at the
 * first column); a scroll to the left first blanks the columns that leave
 * at the right end, and the final frame moves the rows right (the terminal
 * inserts the new columns). */
static void shift_cols(const struct grid *g, long d)
{
	int cw = g->cell_w, keep = (g->cols - (int)(d > 0 ? d : -d)) * cw;
	int gone = g->cols * cw - keep;
	cchar_t *buf = xmalloc(((size_t)keep + 1) * sizeof *buf);
	size_t last = g->top + (size_t)g->rows;
	if (last > g->nrows)
		last = g->nrows;
	for (size_t row = g->top; row < last; row++) {
		int y = g->y0 + (int)(row - g->top);
		if (d > 0)
			move_cells(y, g->x0 + gone, keep, -gone, buf);
		ui_fill(y, g->x0 + keep, gone, A_NORMAL);
	}
	flush();
	if (d < 0)
		for (size_t row = g->top; row < last; row++) {
			int y = g->y0 + (int)(row - g->top);
			move_cells(y, g->x0, keep, gone, buf);
			ui_fill(y, g->x0, gone, A_NORMAL);
		}
	free(buf);
}

/* Whether column col is shown. */
static bool col_shown(const struct grid *g, long col)
{
	return col >= (long)g->left && col < (long)g->left + g->cols && col < (long)g->ncols;
}

/* One cell of a row that is not the cursor's, blanked and drawn again. */
static void redraw_cell(const struct grid *g, size_t row, long col, int y,
			const struct grid_fns *fns, void *ctx)
{
	int x = g->x0 + (int)((size_t)col - g->left) * g->cell_w;
	ui_fill(y, x, g->cell_w, A_NORMAL);
	fns->cell(ctx, row, (size_t)col, y, x, g->cell_w, false, col == g->col, false);
}

void grid_redraw(struct grid *g, struct ui_rect r, int head_w, int cell_w,
		 const struct grid_fns *fns, void *ctx)
{
	struct ui_rect given = r;
	int hw = head_w, cw = cell_w;
	bool same = g->shown.valid && !memcmp(&g->shown.r, &r, sizeof r) &&
		    g->shown.head_w == head_w && g->shown.cell_w == cell_w &&
		    g->shown.nrows == g->nrows && g->shown.ncols == g->ncols;
	size_t old_row = g->shown.row, touched_row = g->shown.touched_row;
	long old_col = g->shown.col;
	bool touched = g->shown.touched;
	size_t old_top = g->shown.top, old_left = g->shown.left;
	layout(g, r, &head_w, &cell_w);
	long dr = (long)g->top - (long)old_top, dc = (long)g->left - (long)old_left;
	/* a scroll by fewer rows than are shown, on lines of their own, or by
	 * fewer columns than are shown: what stays on the screen is moved,
	 * the rest drawn; anything else is drawn anew */
	bool rows_move = dr && !dc && labs(dr) < g->rows && g->own_lines;
	bool cols_move = dc && !dr && labs(dc) < g->cols;
	if (!same || r.h < 1 || ((dr || dc) && !rows_move && !cols_move)) {
		for (int y = r.y; y < r.y + r.h; y++)
			ui_fill(y, r.x, r.w, A_NORMAL);
		grid_draw(g, given, hw, cw, fns, ctx);
		return;
	}
	remember_shown(g, given, hw, cw);
	if (rows_move)
		shift_rows(g, dr);
	if (cols_move) {
		shift_cols(g, dc);
		/* the heads: every shown column's, the counts of hidden ones */
		for (int l = 0; l < head_lines(g); l++)
			ui_fill(r.y + l, r.x, r.w, A_NORMAL);
		draw_header(g, r, fns, ctx);
	} else {
		if (fns->corner)
			fns->corner(ctx, r.y, r.x, head_w);
		draw_marks(g, r);
	}
	/* the columns to draw in every row: the old and the new cursor column
	 * and, after a scroll, the ones that came in */
	long cols[2] = {old_col, g->col};
	long in_first = 0, in_end = 0; /* [in_first, in_end): new columns */
	if (dc > 0) {
		in_first = (long)g->left + g->cols - dc;
		in_end = (long)g->left + g->cols;
	} else if (dc < 0) {
		in_first = (long)g->left;
		in_end = (long)g->left - dc;
	}
	if (!cols_move)
		for (int k = 0; k < 2; k++) {
			long col = cols[k];
			if (k == 1 && col == cols[0])
				break;
			if (!col_shown(g, col))
				continue;
			for (int l = 0; l < head_lines(g); l++)
				ui_fill(r.y + l, g->x0 + (int)((size_t)col - g->left) * cell_w,
					cell_w, A_NORMAL);
			draw_col_head(g, r.y, (size_t)col, fns, ctx);
		}
	/* the rows that came in with a scroll: [rin_first, rin_end) */
	size_t rin_first = 0, rin_end = 0;
	if (dr > 0) {
		rin_first = g->top + (size_t)(g->rows - dr);
		rin_end = g->top + (size_t)g->rows;
	} else if (dr < 0) {
		rin_first = g->top;
		rin_end = g->top + (size_t)(-dr);
	}
	/* whole rows: the old and the new cursor row, a changed one */
	size_t whole[3] = {old_row, g->row, touched ? touched_row : old_row};
	for (int i = 0; i < g->rows; i++) {
		size_t row = g->top + (size_t)i;
		if (row >= g->nrows)
			break;
		if (row == whole[0] || row == whole[1] || row == whole[2] ||
		    (row >= rin_first && row < rin_end)) {
			draw_row(g, row, r.x, true, fns, ctx);
			continue;
		}
		int y = g->y0 + i;
		for (long col = in_first; col < in_end; col++)
			if (col_shown(g, col))
				redraw_cell(g, row, col, y, fns, ctx);
		for (int k = 0; k < 2; k++) {
			long col = cols[k];
			if (k == 1 && col == cols[0])
				break;
			if (col_shown(g, col) && !(col >= in_first && col < in_end))
				redraw_cell(g, row, col, y, fns, ctx);
		}
	}
}
