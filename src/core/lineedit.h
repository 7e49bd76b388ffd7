/* lineedit.h — a one-line text editor on wide characters, without curses.
 *
 * The form widget draws it; this module only keeps the text, the cursor and
 * the horizontal scroll offset, measured in display columns (wcwidth), so it
 * can be unit-tested without a terminal. A combining mark (width 0) stays
 * with the character before it: the cursor never stops between them, and
 * Backspace/Delete remove the whole cluster. Control characters and
 * bidirectional controls cannot be typed. Needs a UTF-8 LC_CTYPE (i18n_init). */
#ifndef STETIG_LINEEDIT_H
#define STETIG_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct lineedit {
	wchar_t *text; /* always NUL-terminated */
	size_t len, cap;
	size_t cur;  /* cursor index 0..len, always at a cluster boundary */
	size_t max;  /* the most characters the text may hold */
	int scroll;  /* first display column shown (multiline: first line) */
	bool multiline; /* line breaks ('\n') may be inserted */
};

enum lineedit_result {
	LINEEDIT_OK,
	LINEEDIT_REJECTED, /* a character that cannot be typed (control character) */
	LINEEDIT_FULL,	   /* the text holds max characters already */
};

/* An empty editor holding at most max characters (0: TEXT_MAX_CHARS). */
void lineedit_init(struct lineedit *le, size_t max);
void lineedit_free(struct lineedit *le);
/* Replaces the text with UTF-8 s (NULL is ""); invalid bytes become U+FFFD,
 * text beyond max is cut. The cursor goes to the end, the scroll to 0. */
void lineedit_set(struct lineedit *le, const char *s);
/* The text as UTF-8 (malloc'd). */
char *lineedit_get(const struct lineedit *le);

/* Inserts c at the cursor. */
enum lineedit_result lineedit_insert(struct lineedit *le, wchar_t c);
/* Cursor movement and deletion; false when nothing happened. */
bool lineedit_left(struct lineedit *le);
bool lineedit_right(struct lineedit *le);
bool lineedit_home(struct lineedit *le);
bool lineedit_end(struct lineedit *le);
bool lineedit_backspace(struct lineedit *le);
bool lineedit_delete(struct lineedit *le);

/* Display columns of the whole text and of the text before the cursor. */
int lineedit_width(const struct lineedit *le);
int lineedit_cursor_col(const struct lineedit *le);
/* Adjusts the scroll offset so the cursor is visible in a field of width
 * columns (the cursor may sit one column after the last character). */
void lineedit_scroll(struct lineedit *le, int width);
/* What a field of width columns shows with the current scroll: *start is the
 * first character, the return value the number of characters; *pad is the
 * number of blank columns before them (a wide character cut by the left
 * edge). A wide character cut by the right edge is left out. */
size_t lineedit_visible(const struct lineedit *le, int width, size_t *start, int *pad);

/* Multi-line text: where each line starts when the text wraps at word
 * boundaries into width columns ('\n' always breaks; a word longer than a
 * line is cut). *starts gets a malloc'd array; returns the number of lines
 * (at least 1). */
size_t lineedit_wrap(const struct lineedit *le, int width, size_t **starts);
/* The wrapped line and display column of the cursor. */
void lineedit_cursor_line(const struct lineedit *le, const size_t *starts, size_t nlines,
			  size_t *line, int *col);
/* Moves the cursor to the line above (dir -1) or below (dir 1) in text
 * wrapped at width, as near its column as possible; false when there is
 * no such line. */
bool lineedit_line_move(struct lineedit *le, int width, int dir);
/* The characters of wrapped line i: *from, and the count without the line
 * break. */
size_t lineedit_line(const struct lineedit *le, const size_t *starts, size_t nlines, size_t i,
		     size_t *from);

/* Display width of one character as the editor counts it (uchar_width:
 * characters drawn as a replacement count 1). */
int lineedit_char_width(wchar_t c);
/* The character to draw for c (uchar_display): c itself when printable, a
 * space for tab and line breaks, U+FFFD for other control characters and
 * bidirectional controls. */
wchar_t lineedit_display_char(wchar_t c);

/* Decodes UTF-8 s (n bytes) into wide characters with utf8_decode, each
 * invalid byte becoming U+FFFD. out must hold n + 1 characters; returns the count (out is
 * NUL-terminated). Independent of the locale. */
size_t lineedit_decode(const char *s, size_t n, wchar_t *out);
/* Display width of UTF-8 s as lineedit_char_width counts it. */
int lineedit_text_width(const char *s);

#endif
