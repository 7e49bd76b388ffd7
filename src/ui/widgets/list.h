/* list.h — a scrolling table with a selected row and column headers.
 *
 * The list keeps only the selection and the scroll position; the step view
 * draws each visible row through a callback, so drawing costs the same for
 * ten rows and for ten thousand. */
#ifndef STETIG_LIST_H
#define STETIG_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_draw.h"
#include "ui_keys.h"

struct list_col {
	const char *title; /* msgid, NULL: no title */
	int width;	   /* > 0: fixed columns; <= 0: takes a share of the rest (-weight) */
	int min;	   /* a flexible column never gets less */
};

struct list {
	size_t n;   /* rows */
	size_t sel; /* selected row (0 when empty) */
	size_t top; /* first row shown */
	int y0;	    /* screen line of the first row at the last draw */
	int rows;   /* rows shown at the last draw */
	bool passive; /* draw the selection like any other row (another part of
			 the screen has the focus) */
};

void list_init(struct list *l);
/* Sets the number of rows, keeping the selection inside. */
void list_set_count(struct list *l, size_t n);
/* Selects row i (clamped) and scrolls it into view at the next draw. */
void list_select(struct list *l, size_t i);
/* Moves the selection for UP, DOWN, PGUP, PGDN, HOME, END; false for any
 * other action or when the list is empty. */
bool list_move(struct list *l, enum ui_action a);
/* The row at screen line y, or -1. */
long list_hit(const struct list *l, int y);
/* Scroll by a few rows (mouse wheel). */
void list_scroll(struct list *l, int delta);

/* Column positions for a total width: x and width of each column, one blank
 * between columns. */
void list_layout(const struct list_col *cols, int ncols, int x, int width, int *colx, int *colw);

/* Draws one row: the list fills the row's background first (the selection
 * style when sel), the callback draws the cells. */
typedef void (*list_row_fn)(void *ctx, size_t row, int y, const int *colx, const int *colw,
			    bool sel);

/* Draws the headers (when cols has titles) and the visible rows in r. When
 * the list is empty, `empty` (translated) is shown instead. */
void list_draw(struct list *l, struct ui_rect r, const struct list_col *cols, int ncols,
	       list_row_fn fn, void *ctx, const char *empty);

#endif
