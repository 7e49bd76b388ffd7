/* ui_lot.c — the parking lot as a panel (F4): the agreements, action items
 * (owner, due) and parked questions of the whole workshop, beside the step
 * the group is on, so they stay in sight while the group works; n adds,
 * Enter edits and d deletes a note in it from any step.
 *
 * The panel has the keys while it is open (moving, n, Enter, d); the keys
 * that switch steps, the function keys, undo and redo keep their meaning,
 * so the group can go on to the next step with the panel open. A window
 * too narrow for the step and the panel side by side shows the panel in
 * the step's place and says so, rather than squeezing the step below the
 * width it is drawn for. The list itself is the notes list of ui_notes.c
 * (step 9 shows it too), so both keep one selection. */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_lot.h"
#include "ui_room.h"

/* The panel's width beside a step: what the window has beyond the
 * step's minimum, at most this. */
#define LOT_MAX_W 48

int ui_lot_width(void)
{
	int w = COLS - UI_MIN_COLS - 1;
	if (w < UI_LOT_MIN_W)
		return 0;
	return w > LOT_MAX_W ? LOT_MAX_W : w;
}

void ui_lot_toggle(struct ui *ui)
{
	ui->lot_open = !ui->lot_open;
	ui->reading = false;
	if (!ui->lot_open) {
		ui_status(ui, "%s", _("Parking lot closed; F4 opens it again."));
		return;
	}
	ui_notes_sync(ui);
	ui->lot_rev = ui->m.revision - 1; /* the counts are taken again */
	ui->lot_valid = false;
	if (ui_lot_width())
		ui_status(ui, "%s",
			  _("Parking lot: n adds an agreement, an action item or a question; Enter "
			    "edits, d deletes; F4 or Esc closes it."));
	else
		ui_status(ui, _("The parking lot takes the step's place: the window is narrower "
				"than %d columns. F4 or Esc closes it."),
			  UI_MIN_COLS + 1 + UI_LOT_MIN_W);
}

/* The actions that keep their meaning while the panel has the keys. */
static bool passes(enum ui_action a)
{
	switch (a) {
	case ACT_HELP:
	case ACT_CLOCK:
	case ACT_LANG:
	case ACT_QUIT:
	case ACT_STEP:
	case ACT_NEXT_STEP:
	case ACT_PREV_STEP:
	case ACT_UNDO:
	case ACT_REDO:
	case ACT_VOTE:
		return true;
	default:
		return false;
	}
}

int ui_lot_key(struct ui *ui, enum ui_action a, int key)
{
	if (a == ACT_NOTE || key == 27) {
		ui_lot_toggle(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	ui_notes_sync(ui);
	int r = ui_notes_key(ui, a);
	if (r & UI_HANDLED)
		return r;
	if (a == ACT_DELETE || a == ACT_EDIT) {
		ui_status(ui, "%s", _("The parking lot is empty: n writes down the first note."));
		return UI_REDRAW | UI_HANDLED;
	}
	if (passes(a))
		return UI_UNHANDLED;
	ui_status(ui, "%s",
		  _("The parking lot has the keys: n, Enter, d, the arrows; F4 or Esc closes it."));
	return UI_REDRAW | UI_HANDLED;
}

/* ------------------------------------------------------------ drawing */

/* The mark of a kind: it tells the kinds apart without colour. */
static const char *kind_mark(int kind)
{
	return kind == NOTE_DECISION ? "✓" : kind == NOTE_ACTION ? "→" : "?";
}

static const struct list_col cols[] = {
	{NULL, 1, 0},
	{NULL, -3, 10},
	{NULL, -2, 12},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	const struct note *nt = ui_notes_at(ui, row);
	if (!nt)
		return;
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], kind_mark(nt->kind), base | A_BOLD, 0);
	char *first = ui_first_line(nt->text);
	const char *text = *first ? first : _("(no text)");
	if (nt->kind != NOTE_ACTION) {
		/* an agreement or a question has the whole width */
		ui_text(y, cx[1], cx[2] + cw[2] - cx[1], text, base, 0);
		free(first);
		return;
	}
	ui_text(y, cx[1], cw[1], text, base, 0);
	free(first);
	/* an action item names who sees to it and by when */
	const struct stakeholder *o = nt->owner ? model_stakeholder(&ui->m, nt->owner) : NULL;
	char due[32];
	i18n_date(nt->due, i18n_lang(), due);
	if (o)
		ui_textf(y, cx[2], cw[2], base, 0, "%s%s%s", o->name, *due ? " · " : "", due);
	else
		ui_textf(y, cx[2], cw[2], sel ? base : ui_style(ST_WARN), 0, "%s%s%s",
			 _("– nobody –"), *due ? " · " : "", due);
}

void ui_lot_draw(struct ui *ui, struct ui_rect r, bool beside)
{
	if (beside) {
		/* the line between the step and the panel */
		for (int y = r.y; y < r.y + r.h; y++)
			ui_text(y, r.x, 1, "│", ui_style(ST_HEADER), 0);
		r.x += 1;
		r.w -= 1;
	}
	if (r.h < 4 || r.w < 10)
		return;
	unsigned c[NOTE_KIND_COUNT] = {0};
	for (size_t i = 0; i < ui->m.notes.n; i++) {
		const struct note *n = MODEL_AT(ui->m.notes, struct note, i);
		if (n->kind >= 0 && n->kind < NOTE_KIND_COUNT)
			c[n->kind]++;
	}
	ui_fill(r.y, r.x, r.w, ui_style(ST_HEADER));
	ui_text(r.y, r.x + 1, r.w - 1, _("Parking lot (F4)"), ui_style(ST_HEADER) | A_BOLD, 0);
	/* the counts say what each mark means */
	ui_textf(r.y + 1, r.x + 1, r.w - 1, ui_style(ST_NORMAL), 0,
		 _("✓ %u agreed · → %u to do · ? %u parked"), c[NOTE_DECISION], c[NOTE_ACTION],
		 c[NOTE_PARKING]);
	struct ui_rect lr = {r.y + 2, r.x + 1, r.h - 2, r.w - 1};
	ui_notes_sync(ui);
	struct list *l = ui_notes_list(ui);
	l->passive = false;
	list_draw(l, lr, cols, 3, draw_row, ui,
		  _("Nothing parked yet. n writes down an agreement, an action item with owner "
		    "and due date, or a question for later."));
}
