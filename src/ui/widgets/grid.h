/* grid.h — a scrolling matrix with a frozen header row and a frozen first
 * column, and a cursor on one cell or on a row's first column.
 *
 * Like the list, the grid keeps only the cursor and the scroll position; the
 * step view draws every visible cell through callbacks, so a keystroke and a
 * draw cost the same for a 10 × 10 and a 300 × 500 matrix. After a cursor
 * move or a changed row, grid_redraw repaints only the cells that differ
 * from the last frame (the old and new cursor row and column), which keeps a
 * keystroke cheap however full the screen is.
 *
 * Keys: arrows move by one cell (Left from the first column goes onto the
 * frozen first column), PgUp/PgDn by a screen of rows, Home/End to the first
 * or last column and, pressed again there, to the first or last row. */
#ifndef STETIG_GRID_H
#define STETIG_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_draw.h"
#include "ui_keys.h"

/* The cursor's column when it is on the frozen first column. */
#define GRID_HEAD (-1L)
/* Columns the header row keeps for the count of hidden columns ("12▸"). */
#define GRID_MARK_W 5

struct grid {
	size_t nrows, ncols;
	size_t row;	  /* cursor row (0 when empty) */
	long col;	  /* cursor column, or GRID_HEAD */
	size_t top, left; /* first row and column shown */
	/* from the last draw (for the mouse and paging) */
	int y0, x0;	  /* screen line of the first row, column of the first cell */
	int rows, cols;	  /* rows and cell columns shown */
	int head_w, cell_w;
	/* lines of the header row (0 or 1: one; 2: two-line column heads),
	 * set by the view before it draws */
	int head_h;
	/* set by the view: the screen lines of the grid's rows show nothing
	 * else (blank margins aside), so a vertical scroll may move them whole */
	bool own_lines;
	/* columns hidden left and right of the shown ones (from the last draw);
	 * the header row counts them with ◂ N and N ▸ */
	size_t hidden_left, hidden_right;
	/* what the screen shows since the last draw (for grid_redraw) */
	struct {
		bool valid;
		struct ui_rect r;
		int head_w, cell_w;
		size_t nrows, ncols, top, left, row;
		long col;
		bool touched; /* touched_row changed since */
		size_t touched_row;
	} shown;
};

/* What the view draws. y, x, w are screen coordinates; every callback
 * draws exactly w columns. */
struct grid_fns {
	/* the top-left corner above the first column */
	void (*corner)(void *ctx, int y, int x, int w);
	/* the header of column col (cur: the cursor is in this column); with
	 * head_h 2 it has the lines y and y + 1 */
	void (*col_head)(void *ctx, size_t col, int y, int x, int w, bool cur);
	/* the first column of row (cur_row: the cursor is in this row; on:
	 * the cursor is on this very cell) */
	void (*row_head)(void *ctx, size_t row, int y, int x, int w, bool cur_row, bool on);
	/* one cell (on: the cursor is here) */
	void (*cell)(void *ctx, size_t row, size_t col, int y, int x, int w, bool cur_row,
		     bool cur_col, bool on);
};

void grid_init(struct grid *g);
/* Sets the size, keeping the cursor inside. */
void grid_set_size(struct grid *g, size_t nrows, size_t ncols);
/* Puts the cursor on (row, col) (clamped; col may be GRID_HEAD). */
void grid_select(struct grid *g, size_t row, long col);
/* Moves the cursor for UP, DOWN, LEFT, RIGHT, PGUP, PGDN, HOME, END; false
 * for any other action. */
bool grid_move(struct grid *g, enum ui_action a);
/* The cell at screen (y, x): true when it hit a row; *col is GRID_HEAD for
 * the first column. */
bool grid_hit(const struct grid *g, int y, int x, size_t *row, long *col);
/* Draws the header row and the visible rows into r: the first column
 * head_w wide, every other column cell_w wide. The scroll position follows
 * the cursor. */
void grid_draw(struct grid *g, struct ui_rect r, int head_w, int cell_w, const struct grid_fns *fns,
	       void *ctx);
/* The same picture as grid_draw, on a screen that still shows the last
 * grid_draw or grid_redraw of g: repaints only the corner, the headers and
 * cells of the old and the new cursor row and column and a row marked with
 * grid_touch_row. After a scroll by fewer rows or columns than are shown,
 * what stays visible is moved on the window (rows only with own_lines) and
 * only what came in is drawn; a scroll by columns sends one intermediate
 * frame to the terminal (doupdate), so that the terminal shifts the rows
 * instead of being sent every cell again. Cells must hold single-width
 * characters for that. Everything is drawn anew (its area cleared first)
 * when the size or the layout changed, after a scroll both ways or a long
 * one, and after grid_invalidate. */
void grid_redraw(struct grid *g, struct ui_rect r, int head_w, int cell_w,
		 const struct grid_fns *fns, void *ctx);
/* The cells of row changed: the next grid_redraw repaints it. */
void grid_touch_row(struct grid *g, size_t row);
/* The next grid_redraw repaints everything. */
void grid_invalidate(struct grid *g);

#endif
