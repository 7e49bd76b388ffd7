/* ui_internal.h — what the shell (ui.c, ui_chrome.c, ui_help.c,
 * ui_clock.c) and the step views (ui_<step>.c) share.
 *
 * Each step is a view: a small table of functions. The
 * shell owns the screen, the keys, the status line, the timebox and the
 * overlays (form, confirmation, help); a view draws its content area and
 * handles the actions it offers. A view keeps its state (selection, the
 * part that has the focus, what it derived from the model) in a private
 * struct of private_size bytes that the shell allocates for the session
 * and can reset; a view has no state of its own in file-scope variables.
 * Views are listed in ui_steps.c; a new step is a new ui_<step>.c plus one
 * line there. */
#ifndef STETIG_UI_INTERNAL_H
#define STETIG_UI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "findings.h"
#include "form.h"
#include "list.h"
#include "model.h"
#include "store.h"
#include "ui.h"
#include "ui_draw.h"
#include "ui_keys.h"
#include "vocab.h"

/* What a key handler returns, as flags. UI_PARTIAL: only the
 * view's cursor moved or one of its items changed, and its redraw hook can
 * repaint just that on the last frame (the shell redraws everything when
 * the view has no hook or the last frame was not the view's). */
enum {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,
	UI_PARTIAL = 1 << 2,
};

struct ui;

/* A step view. Functions may be NULL except draw. */
struct ui_view {
	enum step step;
	/* The size of the view's private state (0: none). The shell allocates
	 * it zeroed; the view reaches it with ui_view_state(). */
	size_t private_size;
	/* Brings zeroed private state into the view's initial state (NULL:
	 * all zero is the initial state). */
	void (*init)(struct ui *ui);
	/* Frees what the private state owns (NULL: it owns nothing). */
	void (*done)(struct ui *ui);
	/* The one line that says what to do next (translated). */
	const char *(*hint)(struct ui *ui);
	/* A few sentences of guidance for the help screen (msgid). */
	const char *help;
	/* The step's own actions for the function-key bar, ending in ACT_NONE
	 * (the shell adds F1, F5, F6 and F10). */
	const enum ui_action *bar;
	/* Further actions of the step, listed in the help only (or NULL). */
	const enum ui_action *more;
	/* The model changed (its revision differs from the last sync): rebuild
	 * whatever the view derives from it. Not called on cursor movement. */
	void (*sync)(struct ui *ui);
	/* Draws the content area. */
	void (*draw)(struct ui *ui, struct ui_rect r);
	/* Repaints in r, which still shows the view's last drawing, only what
	 * the last key changed (after UI_PARTIAL); false: draw everything. May
	 * be NULL. */
	bool (*redraw)(struct ui *ui, struct ui_rect r);
	/* An action (ACT_NONE for a key no action has) with its key. */
	int (*key)(struct ui *ui, enum ui_action a, int key);
	/* A click at (y, x) inside the content area. */
	int (*click)(struct ui *ui, int y, int x);
	/* Selects an item a finding names; false if the view has no such item. */
	bool (*select)(struct ui *ui, enum entity kind, int64_t id);
	/* The selected item (for the reading view); false when none. May be
	 * NULL. */
	bool (*current)(struct ui *ui, enum entity *kind, int64_t *id);
};

/* The views, one per step (ui_steps.c). */
extern const struct ui_view *const ui_views[STEP_COUNT];

/* The notes list (ui_notes.c): shown by step 8, reached by F4 everywhere. */
struct ui_notes;

/* A form in progress: the view's callback saves it. Returning true closes
 * the form; false keeps it open (a field message or the status line says
 * why). */
typedef bool (*ui_form_save_fn)(struct ui *ui, struct form *fm, int64_t id);
/* What a confirmed question does. */
typedef void (*ui_confirm_fn)(struct ui *ui, int64_t id);

/* The timebox clock of one step. */
struct ui_clock {
	long elapsed; /* seconds counted before `started` */
	long started; /* epoch seconds when running, 0 when stopped */
	bool rung;    /* its timebox has ended and the room was told (once) */
};

struct ui {
	struct model m;
	struct store *s;
	const char *path;
	struct ui_options opt;
	enum step step;

	/* findings, recomputed when the model or the language changed and
	 * someone needs the list */
	struct findings f;
	unsigned long f_rev;
	bool f_valid;
	/* their counts per step and severity, for the tab badges: counting is
	 * cheaper than listing, so an edit elsewhere only counts */
	unsigned fcount[STEP_COUNT][SEV_COUNT];
	unsigned long fcount_rev;
	bool fcount_valid;
	struct findings_counter fcounter; /* keeps the counts between edits */
	/* each view's private state (ui_views_open) and the notes list */
	void *view_state[STEP_COUNT];
	struct ui_notes *notes;
	/* the model revision each view last synced to */
	unsigned long synced[STEP_COUNT];
	bool synced_valid[STEP_COUNT];

	/* overlays: at most one of them is open */
	struct form *form;
	ui_form_save_fn form_save;
	int64_t form_id;
	char *confirm;		/* the question, or NULL */
	ui_confirm_fn confirm_yes;
	int64_t confirm_id;
	bool help;
	int help_top;
	/* the top bar is drawn in reverse video until this epoch second: a
	 * timebox has just ended (ui_clock_alert) */
	long flash_until;

	/* input: the text of the paste being handled; whether the last key
	 * from the terminal came in a burst (ui_paste.h) */
	wchar_t *paste;
	size_t paste_len;
	bool paste_cut;
	bool burst;
	/* the reading view (F3) is open; its scroll position and length */
	bool reading;
	int reading_top, reading_lines;

	char *status;
	bool status_error;
	/* a dot vote runs (F7): + and - vote (ui_vote.h); the dots given,
	 * counted again when the model changed */
	bool voting;
	unsigned votes_total;
	unsigned long votes_rev;
	bool votes_valid;
	/* the parking lot in the status line: notes per kind and the latest
	 * agreement or question (its id), counted again when the model changed */
	unsigned lot_count[NOTE_KIND_COUNT];
	int64_t lot_latest;
	unsigned long lot_rev;
	bool lot_valid;
	/* the parking lot panel (F4, ui_lot.h) is open and has the keys */
	bool lot_open;

	struct ui_clock clock[STEP_COUNT];
	/* where the screen is, as last written to the file (or found there
	 * at the start): written again when it moved, outside the history */
	struct store_place place;

	/* where things were drawn, for the mouse */
	struct ui_rect content;
	int tab_x0[STEP_COUNT], tab_x1[STEP_COUNT];
	struct {
		int x0, x1;
		enum ui_action a;
	} bar[24];
	int nbar;
	bool too_small;
	/* the last frame: the plain view of frame_step (no overlay), drawn at
	 * model revision frame_rev, with a status message or not */
	bool frame_plain;
	enum step frame_step;
	unsigned long frame_rev;
	bool frame_status;
	/* the last frame shows the view of frame_step in the content area (a
	 * form's box over its top aside), at that screen size */
	bool frame_under;
	int frame_lines, frame_cols;
	int form_box_h; /* the lines of the form's box in the last frame */
	/* STETIG_FULL_REDRAW set: no partial redraws (the tests compare) */
	bool full_redraw;

	bool quit;
	bool warm;	  /* the work after the first frame is done */
	char *load_error; /* the RACI matrix read after the first frame failed */
};

/* The minimum window. */
#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* ui_steps.c: the views' private state */
/* Allocates every view's private state in its initial state. */
void ui_views_open(struct ui *ui);
/* Frees every view's private state. */
void ui_views_close(struct ui *ui);
/* Puts a view back into its initial state (as after ui_views_open); the
 * next sync rebuilds what it derives from the model. Step 8 also resets
 * the notes list it shows. */
void ui_view_reset(struct ui *ui, enum step step);
/* A view's private state. */
void *ui_view_state(const struct ui *ui, enum step step);
/* The click of a list in the current step's view: on the row that is
 * selected already (and active: its part of the view has the focus), the
 * view's key act (ACT_EDIT: edit it); on another row, selects it and calls
 * moved (may be NULL) to remember it. Returns the key's result,
 * UI_REDRAW | UI_HANDLED, or UI_UNHANDLED when y is on none of l's rows. */
int ui_list_click(struct ui *ui, struct list *l, int y, bool active, enum ui_action act,
		  void (*moved)(struct ui *ui));

/* ui.c */
/* Shows a message in the status line (formatted, translated by the caller). */
void ui_status(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shows a store failure in words; returns true when st is ERR_OK. */
bool ui_store_ok(struct ui *ui, enum err st);
/* Deletes an entity (after the user said yes) and says so in the status
 * line with done, a translated message with one %s for the item's name. */
void ui_delete_entity(struct ui *ui, enum entity kind, int64_t id, const char *done);
/* Opens a form; save is called on Enter with id. The ui owns fm. */
void ui_form_open(struct ui *ui, struct form *fm, ui_form_save_fn save, int64_t id);
/* Asks a yes/no question in the status line (question translated). */
void ui_confirm(struct ui *ui, const char *question, ui_confirm_fn yes, int64_t id);
/* Switches German/English; everything is redrawn, findings recomputed. */
void ui_switch_language(struct ui *ui);
/* Switches to a step. */
void ui_goto(struct ui *ui, enum step step);
/* The findings of the current model (recomputed when stale). */
const struct findings *ui_findings(struct ui *ui);
/* The number of findings of a step and severity (STEP_COUNT: all steps),
 * counted again when the model changed. */
unsigned ui_findings_count(struct ui *ui, int step, enum severity sev);
/* "2 Indicators": a step's number and label. buf: 64 bytes. */
void ui_step_name(enum step step, char *buf, size_t n);

/* ui_chrome.c: the frame around the content area */
/* Lays out and draws everything but the content area and overlays;
 * returns the content area. */
struct ui_rect ui_chrome_draw(struct ui *ui);
/* Draws the title bar alone (the clock's tick). */
void ui_chrome_draw_top(struct ui *ui);
/* A click outside the content area; UI_UNHANDLED if it hit nothing. */
int ui_chrome_click(struct ui *ui, int y, int x, enum ui_action *act, int *arg);
/* The "window too small" note. */
void ui_draw_too_small(void);

/* ui_help.c */
void ui_help_draw(struct ui *ui, struct ui_rect r);
int ui_help_key(struct ui *ui, enum ui_action a, int key);

/* ui_clock.c: the timebox */
void ui_clock_load(struct ui *ui);
/* Starts or stops the clock of the current step (persisted). */
void ui_clock_toggle(struct ui *ui);
/* Stops the running clock (leaving the program); a crash leaves it running,
 * so a restart goes on counting. */
void ui_clock_stop_all(struct ui *ui);
/* Seconds a step's clock has run (now: epoch seconds). */
long ui_clock_used(const struct ui *ui, int step, long now);
/* The step whose clock runs, or -1. */
int ui_clock_running(const struct ui *ui);
/* The clock text for the top bar and its style; buf: 64 bytes. */
enum ui_style ui_clock_text(const struct ui *ui, long now, char *buf, size_t n);
/* The seconds each step's clock has run; returns their sum. */
long ui_clock_used_all(const struct ui *ui, long now, long used[STEP_COUNT]);
/* When the running clock's timebox has just ended: the top bar flashes
 * once, the bell rings (unless the workshop turned it off) and the status
 * line says so; once per timebox. True when the screen needs a redraw. */
bool ui_clock_alert(struct ui *ui, long now);
/* Formats seconds as mm:ss (or h:mm:ss). buf: 16 bytes. */
void ui_clock_format(long seconds, char *buf, size_t n);
/* Now in epoch seconds. */
long ui_now(void);

/* Shared by the views */
/* A goal's form (new when id is 0); goal_id preselects in the indicator
 * form. Used by steps 1 and 2. */
void ui_goal_form(struct ui *ui, int64_t id);
void ui_indicator_form(struct ui *ui, int64_t id, int64_t goal);
/* Asks, then deletes the goal with its indicators. */
void ui_goal_delete(struct ui *ui, int64_t id);
void ui_indicator_delete(struct ui *ui, int64_t id);
/* Number of indicators per goal, indexed like m->goals (rebuilt on sync). */
const size_t *ui_goal_indicator_counts(struct ui *ui);

/* Shared by steps 3 to 8 (ui_stakeholders.c, ui_raci.c, ui_costs.c,
 * ui_check.c, ui_export.c) and the notes. */
/* How the power/interest grid and the tables mark key persons and
 * temporary stakeholders (a post that ends with the funding). */
#define UI_MARK_KEY "★"
#define UI_MARK_TEMP "⧗"
/* The strategy of a quadrant of the power/interest grid (translated):
 * manage closely, keep satisfied, keep informed, monitor. */
const char *ui_quadrant(int influence, int interest);

/* ui_raci.c: the RACI view shown (0 pilot, 1 regular operation, 2
 * handover), kept in the file for the next start. */
int ui_raci_view(struct ui *ui);
void ui_raci_set_view(struct ui *ui, int view);

/* ui_notes.c: the notes (decisions, action items, parking lot). Step 8
 * lists them; F4 opens a new note from the steps that offer it. */
void ui_note_form(struct ui *ui, int64_t id);
struct ui_notes *ui_notes_new(void);
void ui_notes_free(struct ui_notes *n);
void ui_notes_sync(struct ui *ui);
/* Draws the list into r; focus: the selection is shown. */
void ui_notes_draw(struct ui *ui, struct ui_rect r, bool focus);
/* Moves, n, Enter and d on the list; UI_UNHANDLED for anything else. */
int ui_notes_key(struct ui *ui, enum ui_action a);
/* The list widget (for the step's own part switching and the mouse). */
struct list *ui_notes_list(struct ui *ui);
bool ui_notes_select(struct ui *ui, int64_t id);
/* The note in row row of the list (decisions, action items, parking lot),
 * or NULL. */
const struct note *ui_notes_at(struct ui *ui, size_t row);
/* The selected note's id, or 0. */
int64_t ui_notes_current(struct ui *ui);

#endif
