/* ui.c — the full-screen facilitator's screen: set-up, the main loop, the
 * global actions (steps, undo, language, clock, quit) and the overlays.
 *
 * One thread. The loop draws what is dirty (one doupdate), reads one key
 * with wget_wch and a timeout (the clock ticks), maps it to an action, lets
 * the step view handle it and then the shell. Resizes arrive as KEY_RESIZE
 * (no SIGWINCH handler of our own); SIGTERM, SIGHUP and SIGINT only set a
 * flag that ends the loop cleanly: an open form is saved if it is valid,
 * otherwise kept as a draft file that the next start offers, and the exit
 * status is 128 + the signal. A terminal that cannot place the cursor
 * (TERM=dumb) is refused before curses starts. While curses owns the
 * terminal, stderr goes to /dev/null (or $STETIG_LOG) so no library
 * message garbles it, and the fatal hook (util.h) restores both. */
#include "config.h"
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_lot.h"
#include "ui_paste.h"
#include "ui_room.h"
#include "ui_vote.h"
#include "util.h"

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: wget_wch returns at once */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* ------------------------------------------------------------ drafts */

/* The draft file of the workshop at path: $XDG_STATE_HOME/stetig/ (or
 * ~/.local/state/stetig/) draft-<hash of the full path>.txt, suffix ""
 * or ".offered". NULL when there is no home for it. */
static char *draft_path(const char *path, const char *suffix, bool make_dirs)
{
	char *full = realpath(path, NULL);
	const char *key = full ? full : path;
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	free(full);
	struct buf b;
	buf_init(&b);
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (state && *state == '/')
		buf_adds(&b, state);
	else if (home && *home)
		buf_printf(&b, "%s/.local/state", home);
	else
		return NULL;
	if (make_dirs) {
		/* the parents of the state folder, then stetig itself */
		for (char *p = b.data + 1; *p; p++) {
			if (*p == '/') {
				*p = '\0';
				mkdir(b.data, 0700);
				*p = '/';
			}
		}
		mkdir(b.data, 0700);
	}
	buf_adds(&b, "/stetig");
	if (make_dirs)
		mkdir(b.data, 0700);
	buf_printf(&b, "/draft-%016llx%s.txt", (unsigned long long)h, suffix);
	return buf_steal(&b);
}

/* Keeps what the open form holds in the draft file; true when written. */
static bool draft_save(struct ui *ui)
{
	struct form *fm = ui->form;
	struct buf b;
	buf_init(&b);
	char *full = realpath(ui->path, NULL);
	buf_printf(&b, "%s\n", _("stetig: text typed into a form that was not saved"));
	buf_printf(&b, "%s: %s\n", _("Workshop"), full ? full : ui->path);
	free(full);
	buf_printf(&b, "%s: %s", _("Form"), _(fm->title));
	if (fm->item && *fm->item)
		buf_printf(&b, " – %s", fm->item);
	buf_adds(&b, "\n\n");
	for (size_t i = 0; i < fm->n; i++) {
		const struct form_field *f = &fm->f[i];
		char *value = NULL;
		switch (f->kind) {
		case FORM_CHOICE:
			value = xstrdup(vocab_label(f->vocab, f->value));
			break;
		case FORM_REF:
			if (f->value >= 0 && (size_t)f->value < f->nopts)
				value = xstrdup(f->has_none && f->value == 0
							? _(f->opts[0].label)
							: f->opts[f->value].label);
			break;
		default:
			value = lineedit_get(&f->le);
			break;
		}
		buf_printf(&b, "%s: %s\n", _(f->label), value ? value : "");
		free(value);
	}
	char *path = draft_path(ui->path, "", true);
	int e = path ? file_write_atomic(path, b.data, b.len) : ENOENT;
	free(path);
	buf_free(&b);
	return e == 0;
}

/* A draft left by a stopped session is offered once: the status line
 * names the file, which is then kept under its ".offered" name. */
static void draft_offer(struct ui *ui)
{
	char *path = draft_path(ui->path, "", false);
	if (!path || access(path, R_OK) != 0) {
		free(path);
		return;
	}
	char *seen = draft_path(ui->path, ".offered", false);
	if (seen && rename(path, seen) == 0) {
		char *shown = str_printable(seen);
		ui_error(ui, _("Text typed before stetig was stopped was not saved; it is kept in %s."),
			 shown);
		free(shown);
	}
	free(seen);
	free(path);
}

static bool form_submit(struct ui *ui);

/* A signal ended the loop while a form was open: save the item if the
 * form is valid, otherwise keep the text as a draft. */
static void keep_form(struct ui *ui)
{
	if (!ui->form)
		return;
	if (form_validate(ui->form) && form_submit(ui) && !ui->form)
		return;
	if (ui->form)
		draft_save(ui);
}

/* The terminal can run the screen (at the end of the file: term.h
 * defines macros that clash with ordinary names). */
static bool terminal_usable(void);

/* The fatal hook: the terminal back to normal, stderr back, before the
 * report of an out-of-memory abort. */
static void restore_terminal_on_fatal(void);

/* ------------------------------------------------------------ stderr */

static int saved_stderr = -1;

static void stderr_away(void)
{
	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	const char *log = getenv("STETIG_LOG");
	int fd = open(log && *log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
		      0600);
	if (fd >= 0) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
}

static void stderr_back(void)
{
	if (saved_stderr < 0)
		return;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	saved_stderr = -1;
}

static void restore_terminal_on_fatal(void)
{
	if (!isendwin())
		endwin();
	stderr_back();
}

/* ------------------------------------------------------------ messages */

static void set_status(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	free(ui->status);
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	ui->status = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	ui->status[0] = '\0';
	if (n > 0)
		vsnprintf(ui->status, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	ui->status_error = error;
}

void ui_status(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(ui, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(ui, true, fmt, ap);
	va_end(ap);
	beep();
}

bool ui_store_ok(struct ui *ui, enum err st)
{
	if (st == ERR_OK)
		return true;
	char *msg = store_message(st, ui->path, ui->s);
	ui_error(ui, "%s", msg);
	free(msg);
	return false;
}

void ui_delete_entity(struct ui *ui, enum entity kind, int64_t id, const char *done)
{
	/* the name goes with the item: keep a copy for the message */
	char *name = xstrdup(model_entity_name(&ui->m, kind, id));
	if (ui_store_ok(ui, store_delete(ui->s, &ui->m, kind, id)))
		ui_status(ui, done, name);
	free(name);
}

void ui_step_name(enum step step, char *buf, size_t n)
{
	snprintf(buf, n, "%d %s", (int)step, vocab_label(VOCAB_STEP, step));
}

const struct findings *ui_findings(struct ui *ui)
{
	if (!ui->f_valid || ui->f_rev != ui->m.revision) {
		findings_free(&ui->f);
		findings_compute(&ui->m, &ui->f);
		ui->f_rev = ui->m.revision;
		ui->f_valid = true;
	}
	return &ui->f;
}

unsigned ui_findings_count(struct ui *ui, int step, enum severity sev)
{
	const unsigned(*count)[SEV_COUNT] = ui->fcount;
	if (store_raci_pending(ui->s))
		return 0; /* the first frame: badges once the matrix is read */
	if (ui->f_valid && ui->f_rev == ui->m.revision) {
		count = ui->f.count;
	} else if (!ui->fcount_valid || ui->fcount_rev != ui->m.revision) {
		findings_counter_update(&ui->fcounter, &ui->m);
		memcpy(ui->fcount, ui->fcounter.count, sizeof ui->fcount);
		ui->fcount_rev = ui->m.revision;
		ui->fcount_valid = true;
	}
	if (step >= 0 && step < STEP_COUNT)
		return count[step][sev];
	unsigned n = 0;
	for (int s = 0; s < STEP_COUNT; s++)
		n += count[s][sev];
	return n;
}

/* Lets the current view catch up with the model (after an edit, an undo,
 * a reload); cursor movement never gets here. */
static void sync_view(struct ui *ui)
{
	const struct ui_view *v = ui_views[ui->step];
	if (ui->synced_valid[ui->step] && ui->synced[ui->step] == ui->m.revision)
		return;
	if (v->sync)
		v->sync(ui);
	ui->synced[ui->step] = ui->m.revision;
	ui->synced_valid[ui->step] = true;
}

void ui_goto(struct ui *ui, enum step step)
{
	if (step >= STEP_COUNT)
		return;
	ui->step = step;
	ui->help = false;
	ui->reading = false;
	sync_view(ui);
}

/* ------------------------------------------------------------ overlays */

static void form_close(struct ui *ui)
{
	form_free(ui->form);
	ui->form = NULL;
	ui->form_save = NULL;
}

void ui_form_open(struct ui *ui, struct form *fm, ui_form_save_fn save, int64_t id)
{
	form_close(ui);
	ui->help = false;
	ui->form = fm;
	ui->form_save = save;
	ui->form_id = id;
}

void ui_confirm(struct ui *ui, const char *question, ui_confirm_fn yes, int64_t id)
{
	free(ui->confirm);
	ui->confirm = xstrdup(question);
	ui->confirm_yes = yes;
	ui->confirm_id = id;
	/* only a key pressed after the question appeared answers it */
	if (!ui->opt.keys_file)
		flushinp();
}

/* Saves the open form; true when it was saved and closed. */
static bool form_submit(struct ui *ui)
{
	struct form *fm = ui->form;
	if (!ui->form_save || ui->form_save(ui, fm, ui->form_id)) {
		form_close(ui);
		return true;
	}
	return false;
}

/* ------------------------------------------------------------ undo */

static void undo_redo(struct ui *ui, bool redo)
{
	char *label = NULL, *item = NULL;
	enum err st = redo ? store_redo(ui->s, &ui->m, &label, &item)
				    : store_undo(ui->s, &ui->m, &label, &item);
	if (st == ERR_STORE_NOTHING) {
		ui_status(ui, "%s", redo ? _("Nothing to redo.") : _("Nothing to undo."));
	} else if (ui_store_ok(ui, st)) {
		/* the room sees where the change was before it reads about it */
		ui->reading = false;
		ui_undo_show(ui, label, item);
		const char *what = label && *label ? _(label) : "";
		if (item && *item)
			ui_status(ui, redo ? _("Redone: %s “%s”.") : _("Undone: %s “%s”."), what, item);
		else
			ui_status(ui, redo ? _("Redone: %s.") : _("Undone: %s."), what);
	}
	free(label);
	free(item);
}

/* ------------------------------------------------------------ place */

/* Where the screen is now: the step, the selected item, the RACI view. */
static struct store_place place_now(struct ui *ui)
{
	struct store_place p = {(int)ui->step, ENT_COUNT, 0, ui_raci_view(ui)};
	const struct ui_view *v = ui_views[ui->step];
	enum entity kind;
	int64_t id = 0;
	if (v->current && v->current(ui, &kind, &id) && id > 0 && kind < ENT_COUNT) {
		p.kind = kind;
		p.item = id;
	}
	return p;
}

/* Opens the step, item and RACI view the group left (store_place); an
 * item that is gone leaves the step's first item selected. */
static void place_restore(struct ui *ui)
{
	struct store_place p;
	if (store_place_get(ui->s, &p) == ERR_OK) {
		ui_goto(ui, (enum step)p.step);
		const struct ui_view *v = ui_views[ui->step];
		if (p.item && v->select)
			v->select(ui, p.kind, p.item);
		ui_raci_set_view(ui, p.raci_view);
	}
	/* what is shown now counts as stored: a session that only looks
	 * writes nothing */
	ui->place = place_now(ui);
}

/* Writes where the screen is when it moved since the last write. Not an
 * edit: no undo step, no change of the model. */
static void place_save(struct ui *ui)
{
	if (ui->form || ui->confirm)
		return;
	struct store_place p = place_now(ui);
	if (p.step == ui->place.step && p.kind == ui->place.kind && p.item == ui->place.item &&
	    p.raci_view == ui->place.raci_view)
		return;
	if (store_place_set(ui->s, &p) == ERR_OK)
		ui->place = p;
}

/* ------------------------------------------------------------ actions */

void ui_switch_language(struct ui *ui)
{
	enum lang l = i18n_lang() == LANG_DE ? LANG_EN : LANG_DE;
	i18n_set_lang(l);
	ui->f_valid = false; /* findings carry translated messages */
	for (int i = 0; i < STEP_COUNT; i++)
		ui->synced_valid[i] = false;
	ui_status(ui, "%s", _("Language: English"));
}

/* The shell's part of an action (after the view declined it). */
static int global_action(struct ui *ui, enum ui_action a, int arg)
{
	switch (a) {
	case ACT_HELP:
		ui->help = true;
		ui->help_top = 0;
		return UI_REDRAW;
	case ACT_QUIT:
		ui->quit = true;
		return UI_HANDLED;
	case ACT_LANG:
		ui_switch_language(ui);
		return UI_REDRAW;
	case ACT_REPAINT:
		/* the terminal's contents are not to be trusted: the next
		 * refresh sends every cell */
		clearok(curscr, TRUE);
		return UI_REDRAW;
	case ACT_CLOCK:
		ui_clock_toggle(ui);
		return UI_REDRAW;
	case ACT_STEP:
		if (arg >= 0 && arg < STEP_COUNT)
			ui_goto(ui, (enum step)arg);
		return UI_REDRAW;
	case ACT_NEXT_STEP:
		ui_goto(ui, (enum step)((ui->step + 1) % STEP_COUNT));
		return UI_REDRAW;
	case ACT_PREV_STEP:
		ui_goto(ui, (enum step)((ui->step + STEP_COUNT - 1) % STEP_COUNT));
		return UI_REDRAW;
	case ACT_UNDO:
		undo_redo(ui, false);
		return UI_REDRAW;
	case ACT_REDO:
		undo_redo(ui, true);
		return UI_REDRAW;
	case ACT_READ:
		ui_reading_open(ui);
		return UI_REDRAW;
	case ACT_NOTE:
		/* the parking lot beside any step (ui_lot.h) */
		ui_lot_toggle(ui);
		return UI_REDRAW;
	case ACT_VOTE:
		ui_vote_toggle(ui);
		return UI_REDRAW;
	case ACT_SORT:
		ui_status(ui, "%s", _("Ordering by votes works in the goals, the tasks, the check list and the findings."));
		return UI_REDRAW;
	case ACT_VOTE_ADD:
	case ACT_VOTE_REMOVE:
		ui_status(ui, "%s", _("No dot vote runs: F7 starts one, then + and - give and take back dots."));
		return UI_REDRAW;
	case ACT_NEW:
		ui_status(ui, "%s", _("There is nothing to add on this step."));
		return UI_REDRAW;
	case ACT_DELETE:
		ui_status(ui, "%s", _("There is nothing to delete here."));
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static void discard_yes(struct ui *ui, int64_t id)
{
	(void)id;
	form_close(ui);
	ui_status(ui, "%s", _("Closed without saving."));
}

static void form_quit_yes(struct ui *ui, int64_t id)
{
	(void)id;
	if (!form_changed(ui->form)) {
		form_close(ui);
		ui->quit = true;
		return;
	}
	/* nothing typed is lost: save the item if it can be saved */
	if (!form_validate(ui->form)) {
		ui_error(ui, "%s",
			 _("Not saved yet: fix the marked field (or Esc to drop the "
			   "form), then quit."));
		return;
	}
	if (form_submit(ui))
		ui->quit = true;
}

/* Pasted text: into the open form's field, nowhere else. */
static int handle_paste(struct ui *ui)
{
	if (ui->too_small || ui->confirm || ui->help)
		return UI_REDRAW; /* a paste answers no question */
	if (!ui->form) {
		ui_status(ui, "%s",
			  _("Pasted text was not used: open a form (Enter or n) and paste into "
			    "a field."));
		return UI_REDRAW;
	}
	bool cut = false;
	if (form_paste(ui->form, ui->paste, ui->paste_len, &cut) == FORM_IGNORED &&
	    ui->paste_len)
		ui_status(ui, "%s",
			  form_focus_is_choice(ui->form)
				  ? _("This field takes no pasted text: choose with Space or the "
				      "first letter.")
				  : _("Pasted text was not used: the field is full."));
	else if (cut || ui->paste_cut)
		ui_error(ui, "%s", _("The field is full: the end of the pasted text was left out."));
	return UI_REDRAW;
}

/* A key while a form is open. */
static int form_key_in(struct ui *ui, int key)
{
	int arg;
	enum ui_action a = ui_key_action(CTX_FORM, key, &arg);
	switch (a) {
	case ACT_HELP:
	case ACT_LANG:
	case ACT_CLOCK:
	case ACT_REPAINT:
		return global_action(ui, a, arg);
	case ACT_QUIT:
		ui_confirm(ui,
			   form_changed(ui->form) ? _("Save this form and quit?")
						  : _("Close this form and quit?"),
			   form_quit_yes, 0);
		return UI_REDRAW;
	default:
		break;
	}
	switch (form_key(ui->form, key)) {
	case FORM_SUBMIT:
		form_submit(ui);
		return UI_REDRAW;
	case FORM_CANCEL:
		if (form_changed(ui->form)) {
			ui_confirm(ui, _("Discard the changes in this form?"), discard_yes, 0);
			return UI_REDRAW;
		}
		form_close(ui);
		ui_status(ui, "%s", _("Closed without saving."));
		return UI_REDRAW;
	case FORM_CHANGED:
		return UI_REDRAW;
	case FORM_IGNORED:
		break;
	}
	return UI_HANDLED;
}

static int main_key(struct ui *ui, int key)
{
	int arg;
	enum ui_action a = ui_key_action(CTX_MAIN, key, &arg);
	if (ui->burst && !ui_burst_allows(a)) {
		ui_error(ui, "%s",
			 _("Keys came faster than anyone types (pasted text?): they changed "
			   "nothing."));
		return UI_REDRAW;
	}
	if (ui->lot_open) {
		int lr = ui_lot_key(ui, a, key);
		if (lr & UI_HANDLED)
			return lr;
		return global_action(ui, a, arg);
	}
	if (ui->reading) {
		int rr = ui_reading_key(ui, a, key);
		if (rr & UI_HANDLED)
			return rr;
	}
	/* during a dot vote + and - vote before the step sees them */
	for (enum ui_action b = a; ui->voting && b != ACT_NONE;
	     b = ui_key_action_next(CTX_MAIN, key, b, NULL)) {
		int vr = ui_vote_key(ui, b);
		if (vr & UI_HANDLED)
			return vr;
	}
	const struct ui_view *v = ui_views[ui->step];
	int r = v->key ? v->key(ui, a, key) : UI_UNHANDLED;
	if (r & UI_HANDLED)
		return r;
	/* a key of several actions: the view takes the first it has */
	for (enum ui_action b = ui_key_action_next(CTX_MAIN, key, a, NULL); b != ACT_NONE && v->key;
	     b = ui_key_action_next(CTX_MAIN, key, b, NULL)) {
		r = v->key(ui, b, key);
		if (r & UI_HANDLED)
			return r;
	}
	return global_action(ui, a, arg);
}

static int handle_key(struct ui *ui, int key)
{
	if (key == KC(KEY_RESIZE))
		return UI_REDRAW;
	if (key == KC(KEY_PASTE_BEGIN))
		return handle_paste(ui);
	if (ui->too_small) {
		int arg;
		if (ui_key_action(CTX_MAIN, key, &arg) == ACT_QUIT && !ui->form && !ui->burst)
			ui->quit = true;
		return UI_REDRAW;
	}
	if (ui->confirm && ui->burst)
		return UI_HANDLED; /* typed before anyone read the question */
	if (ui->confirm) {
		ui_confirm_fn yes = ui->confirm_yes;
		int64_t id = ui->confirm_id;
		free(ui->confirm);
		ui->confirm = NULL;
		if (ui_key_action(CTX_CONFIRM, key, NULL) == ACT_YES)
			yes(ui, id);
		else
			ui_status(ui, "%s", _("Cancelled; nothing was changed."));
		return UI_REDRAW;
	}
	/* a message stays until the next key (the status line is drawn again,
	 * with the rest of the frame when the view cannot repaint in part) */
	int r = ui->status ? UI_PARTIAL : 0;
	/* a burst keeps the message that it changed nothing */
	if (!ui->burst) {
		free(ui->status);
		ui->status = NULL;
	}
	sync_view(ui);
	if (ui->help)
		r |= ui_help_key(ui, ui_key_action(ui->form ? CTX_FORM : CTX_MAIN, key, NULL), key);
	else if (ui->form)
		r |= form_key_in(ui, key);
	else
		r |= main_key(ui, key);
	return r;
}

/* ------------------------------------------------------------ mouse */

static int handle_click(struct ui *ui, int y, int x, bool wheel_up, bool wheel_down)
{
	if (ui->too_small || ui->confirm)
		return UI_UNHANDLED;
	if (ui->help) {
		ui->help = false;
		return UI_REDRAW;
	}
	struct ui_rect c = ui->content;
	bool inside = y >= c.y && y < c.y + c.h && x >= c.x && x < c.x + c.w;
	if (ui->lot_open && !ui->form && (inside || wheel_up || wheel_down))
		return UI_UNHANDLED; /* the panel has the keys, the step waits */
	if (wheel_up || wheel_down) {
		if (ui->form)
			return UI_UNHANDLED;
		enum ui_action a = wheel_up ? ACT_UP : ACT_DOWN;
		const struct ui_view *v = ui_views[ui->step];
		for (int i = 0; i < 3 && v->key; i++)
			v->key(ui, a, 0);
		return UI_REDRAW;
	}
	enum ui_action a;
	int arg;
	if (!inside) {
		if (!ui_chrome_click(ui, y, x, &a, &arg))
			return UI_UNHANDLED;
		/* a click on the bar or a tab acts like its key */
		if (ui->form) {
			int key = a == ACT_CHOOSE ? ' ' : ui_actions[a].keys[0];
			if (a == ACT_STEP || a == ACT_NEXT_STEP || a == ACT_PREV_STEP)
				return UI_UNHANDLED;
			return key ? handle_key(ui, key) : UI_UNHANDLED;
		}
		if (a == ACT_STEP) {
			ui_goto(ui, (enum step)arg);
			return UI_REDRAW;
		}
		if (ui->lot_open) {
			/* the panel has the keys: the click goes where its key goes */
			int key = ui_actions[a].keys[0];
			return key ? handle_key(ui, key) : UI_UNHANDLED;
		}
		const struct ui_view *v = ui_views[ui->step];
		int r = v->key ? v->key(ui, a, ui_actions[a].keys[0]) : UI_UNHANDLED;
		return (r & UI_HANDLED) ? r : global_action(ui, a, arg);
	}
	if (ui->form)
		return form_click(ui->form, y, x) ? UI_REDRAW : UI_UNHANDLED;
	const struct ui_view *v = ui_views[ui->step];
	return v->click ? v->click(ui, y, x) : UI_UNHANDLED;
}

static int handle_mouse(struct ui *ui)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return UI_UNHANDLED;
	bool up = (ev.bstate & BUTTON4_PRESSED) != 0;
	bool down = false;
#ifdef BUTTON5_PRESSED
	down = (ev.bstate & BUTTON5_PRESSED) != 0;
#endif
	if (!up && !down && !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return UI_UNHANDLED;
	return handle_click(ui, ev.y, ev.x, up, down);
}

/* ------------------------------------------------------------ drawing */

/* The part of the content area r the open form takes, over the view: its
 * own lines and a rule under them; all of r when it needs that much. */
static struct ui_rect form_box(struct ui *ui, struct ui_rect r)
{
	int h = form_height(ui->form, r.w) + 1;
	return h < r.h ? (struct ui_rect){r.y, r.x, h, r.w} : r;
}

/* Draws the open form over the view in the content area r, in its box b
 * (form_box). */
static void draw_form(struct ui *ui, struct ui_rect r, struct ui_rect b)
{
	ui->form_box_h = b.h;
	for (int y = b.y; y < b.y + b.h; y++)
		ui_fill(y, b.x, b.w, A_NORMAL);
	if (b.h < r.h) {
		b.h--;
		ui_fill(b.y + b.h, b.x, b.w, ui_style(ST_HEADER));
	}
	form_draw(ui->form, b);
}

/* The lines of the frame blanked, as erase() leaves them. */
static void clear_frame_lines(void)
{
	int lines[] = {0, 1, 2, LINES - 2, LINES - 1};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		ui_fill(lines[i], 0, COLS, A_NORMAL);
}

static void place_cursor(struct ui *ui)
{
	bool cursor = ui->form->cur_y >= 0 && !ui->confirm;
	if (cursor)
		move(ui->form->cur_y, ui->form->cur_x);
	curs_set(cursor ? 1 : 0);
}

/* A frame with the open form: when the screen shows the current view as it
 * is (at this size and model revision), only the frame's lines and the
 * form's box are drawn over it; false when a whole frame is needed (the
 * box shrank, or anything else changed). */
static bool draw_form_over(struct ui *ui)
{
	if (!ui->form || ui->full_redraw || !ui->frame_under || ui->frame_step != ui->step ||
	    ui->frame_rev != ui->m.revision || ui->too_small || ui->help || ui->confirm ||
	    ui->reading || ui->lot_open || LINES != ui->frame_lines || COLS != ui->frame_cols)
		return false;
	struct ui_rect b = form_box(ui, ui->content);
	if (b.h < ui->form_box_h)
		return false;
	clear_frame_lines();
	struct ui_rect r = ui_chrome_draw(ui);
	if (memcmp(&r, &ui->content, sizeof r))
		b = form_box(ui, r);
	ui->content = r;
	draw_form(ui, r, b);
	place_cursor(ui);
	ui->frame_plain = false;
	ui->frame_status = ui->status != NULL;
	wnoutrefresh(stdscr);
	doupdate();
	return true;
}

static void draw_all(struct ui *ui)
{
	if (draw_form_over(ui))
		return;
	erase();
	if (LINES < UI_MIN_LINES || COLS < UI_MIN_COLS) {
		ui->too_small = true;
		curs_set(0);
		ui_draw_too_small();
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	ui->too_small = false;
	sync_view(ui);
	struct ui_rect r = ui_chrome_draw(ui);
	ui->content = r;
	if (ui->help) {
		ui_help_draw(ui, r);
	} else if (ui->form) {
		if (ui->lot_open || ui->reading) {
			form_draw(ui->form, r);
		} else {
			ui_views[ui->step]->draw(ui, r);
			draw_form(ui, r, form_box(ui, r));
		}
	} else if (ui->lot_open) {
		/* the step keeps at least its minimum width, or the panel takes
		 * its place */
		int lw = ui_lot_width();
		if (lw) {
			struct ui_rect step = {r.y, r.x, r.h, r.w - lw};
			struct ui_rect lot = {r.y, r.x + r.w - lw, r.h, lw};
			ui->content = step;
			if (ui->reading)
				ui_reading_draw(ui, step);
			else
				ui_views[ui->step]->draw(ui, step);
			ui_lot_draw(ui, lot, true);
		} else {
			ui_lot_draw(ui, r, false);
		}
	} else if (ui->reading) {
		ui_reading_draw(ui, r);
	} else {
		ui_views[ui->step]->draw(ui, r);
	}
	ui->frame_plain = !ui->help && !ui->form && !ui->confirm && !ui->reading && !ui->lot_open;
	ui->frame_under = !ui->help && !ui->confirm && !ui->reading && !ui->lot_open;
	ui->frame_lines = LINES;
	ui->frame_cols = COLS;
	if (!ui->form)
		ui->form_box_h = 0;
	ui->frame_step = ui->step;
	ui->frame_rev = ui->m.revision;
	ui->frame_status = ui->status != NULL;
	if (ui->form && !ui->help)
		place_cursor(ui);
	else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* After UI_PARTIAL: the view repaints what changed on the last frame, the
 * frame around it only when the model or the status line changed (badges,
 * hint, message); everything when that is not possible. */
static void draw_partial(struct ui *ui)
{
	const struct ui_view *v = ui_views[ui->step];
	if (ui->full_redraw || !ui->frame_plain || ui->frame_step != ui->step || ui->too_small ||
	    ui->help || ui->form || ui->confirm || !v->redraw) {
		draw_all(ui);
		return;
	}
	sync_view(ui);
	if (ui->status || ui->frame_status || ui->m.revision != ui->frame_rev) {
		clear_frame_lines();
		ui->content = ui_chrome_draw(ui);
	}
	if (!v->redraw(ui, ui->content)) {
		draw_all(ui);
		return;
	}
	ui->frame_rev = ui->m.revision;
	ui->frame_status = ui->status != NULL;
	wnoutrefresh(stdscr);
	doupdate();
}

/* Redraws only the title bar (the clock) and puts the cursor back. */
static void draw_tick(struct ui *ui)
{
	if (ui->too_small)
		return;
	ui_chrome_draw_top(ui);
	if (ui->form && !ui->help && !ui->confirm && ui->form->cur_y >= 0)
		move(ui->form->cur_y, ui->form->cur_x);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ------------------------------------------------------------ input */

/* Milliseconds of the monotonic clock. */
static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

enum input { INPUT_KEY, INPUT_TICK, INPUT_END };

/* Reads the next key from the script or the terminal. */
static enum input next_key(struct ui *ui, struct keyscript *ks, int *key, int *fast_errs)
{
	if (ks) {
		if (ks->pos >= ks->n)
			return INPUT_END;
		struct script_event *e = &ks->v[ks->pos];
		if (e->kind == SCRIPT_WAIT) {
			/* wait in slices so a running clock keeps ticking */
			static long wait_start = -1;
			if (wait_start < 0)
				wait_start = now_ms();
			long waited = now_ms() - wait_start;
			if (waited >= e->x) {
				wait_start = -1;
				ks->pos++;
				return INPUT_TICK;
			}
			long left = e->x - waited;
			napms(left > 100 ? 100 : (int)left);
			return INPUT_TICK;
		}
		ks->pos++;
		ui->burst = false;
		if (e->kind == SCRIPT_PASTE) {
			free(ui->paste);
			ui->paste = xmalloc((e->len + 1) * sizeof *ui->paste);
			memcpy(ui->paste, e->text, (e->len + 1) * sizeof *ui->paste);
			ui->paste_len = e->len;
			ui->paste_cut = false;
			*key = KC(KEY_PASTE_BEGIN);
			return INPUT_KEY;
		}
		if (e->kind == SCRIPT_CLICK) {
			handle_click(ui, e->y, e->x, false, false);
			*key = 0;
			return INPUT_TICK;
		}
		*key = e->key;
		return INPUT_KEY;
	}
	wint_t wch;
	int timeout_ms = 1000;
	if (ui_clock_running(ui) >= 0) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		timeout_ms = 1000 - (int)(ts.tv_nsec / 1000000L) + 5;
	}
	wtimeout(stdscr, timeout_ms);
	long t0 = now_ms();
	errno = 0;
	int rc = wget_wch(stdscr, &wch);
	if (rc == ERR) {
		/* a terminal that is gone returns ERR at once, again and again */
		if (errno != EINTR && now_ms() - t0 < 5 && timeout_ms >= 100) {
			if (++*fast_errs > 200)
				return INPUT_END;
		} else {
			*fast_errs = 0;
		}
		return INPUT_TICK;
	}
	*fast_errs = 0;
	*key = rc == KEY_CODE_YES ? KC((int)wch) : (int)wch;
	if (*key == KC(KEY_PASTE_BEGIN)) {
		free(ui->paste);
		ui->paste = ui_paste_read(&ui->paste_len, &ui->paste_cut);
		ui->burst = false;
	} else if (*key == KC(KEY_PASTE_END)) {
		return INPUT_TICK; /* an end without a beginning */
	} else {
		ui->burst = ui_burst_note(now_ms() - t0);
	}
	return INPUT_KEY;
}

/* The steps whose screens show nothing of the RACI matrix nor findings
 * (badges aside): an open that lands on one paints its first frame before
 * the matrix is read. */
static bool raci_free_step(const struct ui *ui)
{
	if (ui->form || ui->confirm || ui->help || ui->reading)
		return false;
	switch (ui->step) {
	case STEP_WORKSHOP:
	case STEP_INDICATORS:
	case STEP_COSTS:
	case STEP_ROADMAP:
		return true;
	default:
		return false;
	}
}

/* At most this many cells (tasks x stakeholders) are read before the
 * first frame on any step: reading them costs about what painting the
 * screen a second time for the badges would (some 1,200 instructions a
 * cell against 2.6 M for a frame at 120x35). */
#define RACI_READ_FIRST_MAX 2000

/* true when the matrix is read before the first frame: a step that shows
 * it or findings, or a matrix too small to be worth a second frame. */
static bool raci_first(const struct ui *ui)
{
	size_t tasks = ui->m.tasks.n, people = ui->m.stakeholders.n;
	return !raci_free_step(ui) ||
	       (people == 0 || tasks <= RACI_READ_FIRST_MAX / people);
}

/* Reads the RACI matrix the open left out (STORE_DEFER_RACI). Not inlined:
 * the first frame ends where it begins (bench/README, callgrind
 * --dump-before=ui_load_matrix). On failure the session ends with the
 * message an open of the damaged file gives. */
__attribute__((noinline)) static bool ui_load_matrix(struct ui *ui)
{
	enum err st = store_load_raci(ui->s, &ui->m);
	if (st == ERR_OK)
		return true;
	ui->load_error = store_message(st, ui->path, ui->s);
	ui->quit = true;
	return false;
}

static void run_loop(struct ui *ui, struct keyscript *ks)
{
	bool dirty = true, partial = false;
	long last_tick = -1;
	int fast_errs = 0;
	while (!ui->quit && !got_signal) {
		long now = ui_now();
		if (ui_clock_alert(ui, now))
			dirty = true;
		if (dirty) {
			draw_all(ui);
			dirty = partial = false;
			last_tick = now;
			if (!ui->warm) {
				/* the first frame is up: now the matrix and the
				 * badges */
				ui->warm = true;
				bool pending = store_raci_pending(ui->s);
				if (pending && !ui_load_matrix(ui))
					break;
				if (pending) {
					dirty = true;
					continue;
				}
			}
		} else if (partial) {
			draw_partial(ui);
			partial = false;
		} else if (now != last_tick && (ui_clock_running(ui) >= 0 || ui->flash_until)) {
			/* the clock ticks: the top bar shows it, and the agenda */
			if (ui->step == STEP_WORKSHOP && !ui->form && !ui->help)
				draw_all(ui);
			else
				draw_tick(ui);
			last_tick = now;
		}
		int key = 0;
		enum input in = next_key(ui, ks, &key, &fast_errs);
		if (in == INPUT_END)
			break;
		if (in == INPUT_TICK) {
			if (ks)
				dirty = true;
			place_save(ui); /* a pause: keep where the group is */
			continue;
		}
		int r = key == KC(KEY_MOUSE) ? handle_mouse(ui) : handle_key(ui, key);
		if (r & UI_REDRAW)
			dirty = true;
		else if (r & UI_PARTIAL)
			partial = true;
	}
	if (ks && !ui->quit && !got_signal)
		draw_all(ui);
}

/* ------------------------------------------------------------ run */

/* Reports why the screen could not start, on stderr as "stetig: message"
 * (curses does not own the terminal at that point). */
static void startup_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void startup_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int ui_run(const char *path, const struct ui_options *opt)
{
	struct keyscript script, *ks = NULL;
	if (opt->keys_file) {
		char *err = NULL;
		if (!keyscript_load(opt->keys_file, &script, &err)) {
			startup_error("%s", err);
			free(err);
			return 2;
		}
		ks = &script;
	}
	if (!terminal_usable()) {
		const char *term = getenv("TERM");
		startup_error(_("cannot start the screen: the terminal type “%s” cannot place the "
			    "cursor; use a full terminal (such as xterm), or the commands "
			    "export and check (see --help)"),
			  term ? term : "");
		if (ks)
			keyscript_free(ks);
		return 1;
	}
	struct ui ui;
	memset(&ui, 0, sizeof ui);
	ui.path = path;
	ui.opt = *opt;
	const char *full = getenv("STETIG_FULL_REDRAW");
	ui.full_redraw = full && *full;
	model_init(&ui.m);
	findings_counter_init(&ui.fcounter);
	bool existed = access(path, F_OK) == 0;
	enum err st =
		store_open(path, STORE_CREATE | STORE_EXCLUSIVE | STORE_DEFER_RACI, &ui.m, &ui.s);
	if (st != ERR_OK) {
		char *msg = store_message(st, path, NULL);
		startup_error("%s", msg);
		free(msg);
		model_free(&ui.m);
		if (ks)
			keyscript_free(ks);
		return 1;
	}
	/* a workshop speaks its own language unless --lang says otherwise */
	if (existed && !opt->lang_given && ui.m.ws.lang != (int)i18n_lang())
		i18n_set_lang((enum lang)ui.m.ws.lang);
	ui_clock_load(&ui);

	stderr_away();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		stderr_back();
		const char *term = getenv("TERM");
		startup_error(_("cannot start the screen: the terminal type “%s” is unknown"),
			  term ? term : "");
		store_close(ui.s);
		model_free(&ui.m);
		if (ks)
			keyscript_free(ks);
		return 1;
	}
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	ui_paste_start();
	set_escdelay(25);
	curs_set(0);
	mouseinterval(0);
	mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
	mask |= BUTTON5_PRESSED;
#endif
	mousemask(mask, NULL);
	ui_theme_init(opt->theme);
	install_signals();
	util_set_fatal_hook(restore_terminal_on_fatal);
	ui_views_open(&ui);
	if (!existed)
		ui_status(&ui, _("New workshop %s: start with the measure's data (Enter)."), path);
	draft_offer(&ui);
	place_restore(&ui);
	if (store_raci_pending(ui.s) && raci_first(&ui))
		ui_load_matrix(&ui); /* the first screen shows the matrix */

	if (!ui.load_error)
		run_loop(&ui, ks);
	int sig = got_signal;
	if (sig)
		keep_form(&ui);
	if (!ui.load_error)
		place_save(&ui);
	ui_clock_stop_all(&ui);

	ui_paste_stop();
	endwin();
	delscreen(scr);
	util_set_fatal_hook(NULL);
	stderr_back();
	ui_views_close(&ui);
	form_free(ui.form);
	free(ui.confirm);
	free(ui.paste);
	free(ui.status);
	findings_free(&ui.f);
	findings_counter_free(&ui.fcounter);
	store_close(ui.s);
	model_free(&ui.m);
	if (ks)
		keyscript_free(ks);
	if (ui.load_error) {
		startup_error("%s", ui.load_error);
		free(ui.load_error);
		return 1;
	}
	/* stopped by a signal: say so with the status a shell expects */
	return sig ? 128 + sig : 0;
}

/* ------------------------------------------------------------ terminal */

#include <term.h>

/* The terminal can run the screen: it is known and can place the cursor
 * (a "dumb" terminal cannot). */
static bool terminal_usable(void)
{
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	return ok;
}
