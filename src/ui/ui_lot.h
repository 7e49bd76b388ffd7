/* ui_lot.h — the parking lot panel (F4): agreements, action items and
 * parked questions of the whole workshop beside any step. */
#ifndef STETIG_UI_LOT_H
#define STETIG_UI_LOT_H

#include <stdbool.h>

#include "ui_internal.h"

/* The narrowest panel beside a step; a window with fewer columns than
 * UI_MIN_COLS + 1 + UI_LOT_MIN_W shows the panel in the step's place. */
#define UI_LOT_MIN_W 34

/* Opens or closes the panel and says how it is laid out. */
void ui_lot_toggle(struct ui *ui);
/* The panel's width beside the step in this window, or 0 when it takes
 * the step's place. */
int ui_lot_width(void);
/* A key while the panel is open: it moves in the list, adds (n), edits
 * (Enter), deletes (d), or closes the panel (F4, Esc); UI_UNHANDLED for
 * the keys that keep their meaning (steps, function keys, undo, redo). */
int ui_lot_key(struct ui *ui, enum ui_action a, int key);
/* Draws the panel into r; beside: r is the strip right of the step (a line
 * separates them). */
void ui_lot_draw(struct ui *ui, struct ui_rect r, bool beside);

#endif
