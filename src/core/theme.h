/* theme.h — what the screen's styles are and the projector theme's colour
 * table, free of curses so the contrast test can read the very table the
 * screen uses; plus the rule that shortens the step tabs. */
#ifndef STETIG_THEME_H
#define STETIG_THEME_H

#include <stdbool.h>

/* What a piece of the screen is; the theme decides how it looks. Meaning is
 * never carried by colour alone: every style that signals something also
 * differs in bold/reverse/underline, and the screens add text markers. */
enum ui_style {
	ST_NORMAL,
	ST_TOP,	      /* the title bar */
	ST_TOP_TITLE, /* the measure's title in it */
	ST_TAB,
	ST_TAB_CUR,
	ST_BADGE,     /* gap count on a tab */
	ST_HINT,      /* the "what to do next" line */
	ST_HEADER,    /* column headers, section titles */
	ST_SEL,	      /* the selected row */
	ST_STATUS,
	ST_ERROR,
	ST_BAR_KEY,
	ST_BAR_LABEL,
	ST_DIM,
	ST_LIT,	      /* a SMART letter that is there */
	ST_ALERT,     /* "no baseline", gaps */
	ST_WARN,      /* warnings */
	ST_CLOCK,
	ST_CLOCK_WARN, /* 20 % left */
	ST_CLOCK_OVER,
	ST_FIELD,
	ST_FIELD_FOCUS,
	ST_FORM_ERROR,
	ST_TITLE,     /* form and help titles */
	ST_RACI_R,    /* RACI letters: the letter is always drawn too */
	ST_RACI_A,
	ST_RACI_C,
	ST_RACI_I,
	ST_COUNT
};

/* Colour numbers of the terminal palette: 0..7 are the ANSI colours (the
 * same numbers as curses' COLOR_BLACK … COLOR_WHITE), 8..15 their bright
 * forms, 16..255 the xterm colour cube and grey ramp. */
enum {
	THEME_BLACK = 0,
	THEME_RED = 1,
	THEME_GREEN = 2,
	THEME_YELLOW = 3,
	THEME_BLUE = 4,
	THEME_MAGENTA = 5,
	THEME_CYAN = 6,
	THEME_WHITE = 7,
	THEME_DARK_RED = 88, /* #870000: white on it reads at 8:1, ANSI red does not */
};

/* One style of the projector theme: its text and background colour and
 * whether it is bold. fg == bg (both 0) means "no colour of its own". */
struct theme_pair {
	short fg, bg;
	bool bold;
};

/* The projector theme, indexed by enum ui_style. Every pair is text on a
 * background and must reach a WCAG contrast ratio of 7:1 (tests/test_theme). */
extern const struct theme_pair theme_projector[ST_COUNT];

/* The colours a pair needs: 8 for ANSI only, 256 when it uses the cube. */
int theme_pair_colours(const struct theme_pair *p);

/* The reference RGB of palette colour c (xterm's default palette). */
void theme_rgb(int c, unsigned char rgb[3]);

/* WCAG 2 relative luminance of palette colour c, and the contrast ratio of
 * two palette colours (1 … 21). */
double theme_luminance(int c);
double theme_contrast(int fg, int bg);

/* The step tabs' one shortening rule: the widest common width every other
 * step's name is cut to so that they fit into room columns (the current
 * step cur is always whole and not counted). name_w holds the n names'
 * widths. Returns at least 0; a name is never widened. */
int ui_tab_name_limit(const int *name_w, int n, int cur, int room);

#endif
