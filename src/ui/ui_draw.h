/* ui_draw.h — the screen's styles (projector and plain themes, NO_COLOR)
 * and text drawing measured in display columns. */
#ifndef STETIG_UI_DRAW_H
#define STETIG_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "theme.h"
#include "ui.h"

/* A rectangle of the screen. */
struct ui_rect {
	int y, x, h, w;
};


/* Sets the styles up after initscr (colours unless plain or NO_COLOR). */
void ui_theme_init(enum ui_theme theme);
attr_t ui_style(enum ui_style st);
/* true when colours are in use */
bool ui_theme_colour(void);

enum {
	UI_TEXT_PAD = 1 << 0,	/* fill the rest of the width with blanks */
	UI_TEXT_RIGHT = 1 << 1, /* align to the right edge */
	UI_TEXT_CENTER = 1 << 2,
};

/* Draws UTF-8 s at (y, x) in at most width columns with attribute a: wide
 * characters measured with wcwidth, invalid bytes shown as U+FFFD, control
 * characters as blanks or U+FFFD, cut text ending in "…". Returns the columns
 * drawn (with padding). */
int ui_text(int y, int x, int width, const char *s, attr_t a, int flags);
/* The same for a formatted text. */
int ui_textf(int y, int x, int width, attr_t a, int flags, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Fills width columns at (y, x) with blanks in attribute a. */
void ui_fill(int y, int x, int width, attr_t a);
/* Display columns of UTF-8 s. */
int ui_width(const char *s);

/* Word wrap: the byte length of the first line of s that fits in width
 * columns (breaking after a blank where possible, never inside a
 * character); *next gets the offset where the following line starts. */
size_t ui_wrap(const char *s, int width, size_t *next);
/* Draws s wrapped into r starting at line `skip` of the wrapped text;
 * returns the number of wrapped lines of s in total. */
int ui_text_wrapped(struct ui_rect r, int skip, const char *s, attr_t a);

/* The name of a list row as drawn: marked "(example) …" while the item is
 * a template's example the group has not saved yet (buf holds that text). */
const char *ui_example_name(bool example, const char *name, char *buf, size_t n);

#endif
