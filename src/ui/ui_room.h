/* ui_room.h — what the room reads: the reading view (F3) of the selected
 * item, and the step an undone or redone change belongs to. */
#ifndef STETIG_UI_ROOM_H
#define STETIG_UI_ROOM_H

#include <stdbool.h>

#include "ui_internal.h"

/* Opens the reading view of the current step's selected item; says so in
 * the status line when the step has nothing selected to read. */
void ui_reading_open(struct ui *ui);
/* Draws it into the content area. */
void ui_reading_draw(struct ui *ui, struct ui_rect r);
/* A key while it is open: arrows go to the previous or next item, PgUp and
 * PgDn scroll, an edit key opens the item's form, Esc or F3 close it. */
int ui_reading_key(struct ui *ui, enum ui_action a, int key);

/* The first line of a text of several lines, with " ↵…" after it to say
 * that more follows (malloc'd); the text itself when it is one line. */
char *ui_first_line(const char *s);

/* After an undo or redo of the change labelled label (the msgid store_begin
 * got) on the item named item: goes to the step of that change and selects
 * the item when it still exists. */
void ui_undo_show(struct ui *ui, const char *label, const char *item);

#endif
