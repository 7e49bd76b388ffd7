/* ui_paste.h — pasted text and keys that come faster than anyone types.
 *
 * The screen turns on the terminal's bracketed-paste mode (DEC mode 2004):
 * a paste then arrives between ESC [200~ and ESC [201~, which curses returns
 * as KEY_PASTE_BEGIN and KEY_PASTE_END around the pasted characters. The
 * shell collects them and hands the text to the open form; outside a form a
 * paste changes nothing.
 *
 * A terminal without that mode sends pasted text as ordinary keys. Those
 * keys arrive in a burst: a key counts as part of a burst when more input
 * was already waiting right after it was read, or when it was itself
 * waiting (read within UI_BURST_MS of asking) and the key before it
 * belonged to a burst. Nobody types that fast: even key repeat leaves
 * 30 ms or more between keys, a paste leaves none. Keys of a burst move
 * the selection at most; they never change the workshop, open a form,
 * answer a question or quit. */
#ifndef STETIG_UI_PASTE_H
#define STETIG_UI_PASTE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui_keys.h"

#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/* A key read within this many milliseconds of asking for it was already
 * waiting. */
#define UI_BURST_MS 3

/* The most characters one paste keeps (the rest is dropped and said so). */
#define UI_PASTE_MAX 20000

/* Turns bracketed paste on (after newterm and keypad) and keeps it off
 * while the program is suspended (C-z). */
void ui_paste_start(void);
/* Turns it off again (before endwin). */
void ui_paste_stop(void);

/* Reads the rest of a paste after KEY_PASTE_BEGIN from stdscr into a
 * malloc'd wide string (line breaks as '\n'); *n gets its length, *cut
 * whether text beyond UI_PASTE_MAX was dropped. */
wchar_t *ui_paste_read(size_t *n, bool *cut);

/* Whether the key just read (waited_ms after asking) belongs to a burst;
 * tells the tracker about it. Call right after each key from the terminal. */
bool ui_burst_note(long waited_ms);

/* Whether an action may run on a key of a burst (moving around only). */
bool ui_burst_allows(enum ui_action a);

#endif
