/* ui_chrome.c — the frame around a step: the title bar with the timebox
 * clock, the step tabs with their gap badges, the "what to do next" line,
 * the status line and the function-key bar.
 *
 *   line 0        measure · municipality                     clock
 *   line 1        0 Workshop  1 Goals 2  2 Indicators …        (tabs)
 *   line 2        → what to do next
 *   lines 3..L-3  the step (content area)
 *   line L-2      status: messages, errors, questions
 *   line L-1      F1 Help  n New  Enter Edit …  F10 Quit */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_room.h"
#include "ui_vote.h"
#include "util.h"

/* ------------------------------------------------------------ title bar */

void ui_chrome_draw_top(struct ui *ui)
{
	long now = ui_now();
	/* a timebox has just ended: one frame in reverse video, in every
	 * theme (reverse of reverse is plain again) */
	attr_t flip = 0;
	if (ui->flash_until && now < ui->flash_until)
		flip = A_REVERSE;
	else
		ui->flash_until = 0;
	ui_fill(0, 0, COLS, ui_style(ST_TOP) ^ flip);
	char clock[64];
	enum ui_style cs = ui_clock_text(ui, now, clock, sizeof clock);
	int cw = ui_width(clock) + 2;
	ui_text(0, COLS - cw, cw, clock, ui_style(cs) ^ flip, UI_TEXT_PAD | UI_TEXT_CENTER);
	if (ui->voting) {
		/* the room sees that + and - vote now, in words, not colour alone */
		char given[96], vote[128];
		ui_votes_text(ui, given, sizeof given);
		snprintf(vote, sizeof vote, _("● Dot vote: %s"), given);
		int vw = ui_width(vote) + 2;
		cw += vw + 1;
		ui_text(0, COLS - cw, vw, vote, (ui_style(ST_TAB_CUR) | A_BOLD) ^ flip,
			UI_TEXT_PAD | UI_TEXT_CENTER);
	}
	const struct workshop *w = &ui->m.ws;
	const char *title = *w->title ? w->title : _("(measure without a title)");
	int avail = COLS - cw - 2;
	int used = ui_text(0, 1, avail, title, ui_style(ST_TOP_TITLE) ^ flip, 0);
	if (*w->municipality && used + 4 < avail)
		ui_textf(0, 1 + used, avail - used, ui_style(ST_TOP) ^ flip, 0, " · %s",
			 w->municipality);
}

/* ------------------------------------------------------------ tabs */

/* Draws the tabs: the current one padded in reverse, the others "N name"
 * one blank apart. A step's open gaps are a bracketed badge glued to its
 * name ("2 Goals[3]"), so a count never reads as the next step's number,
 * with or without colour. When the tabs do not fit, every other step's
 * name is cut to the same width (one rule on every screen and at every
 * width); the current step's name is always whole. */
static void draw_tabs(struct ui *ui)
{
	char badge[STEP_COUNT][16];
	int name_w[STEP_COUNT], badge_w[STEP_COUNT];
	int cur = (int)ui->step;
	for (int s = 0; s < STEP_COUNT; s++) {
		unsigned gaps = ui_findings_count(ui, s == STEP_FINDINGS ? STEP_COUNT : s, SEV_GAP);
		badge[s][0] = '\0';
		if (gaps)
			snprintf(badge[s], sizeof badge[s], "[%u]", gaps);
		badge_w[s] = ui_width(badge[s]);
		name_w[s] = ui_width(vocab_label(VOCAB_STEP, s));
	}
	int fixed = 2; /* the pads of the current tab */
	for (int s = 0; s < STEP_COUNT; s++)
		fixed += 2 + badge_w[s] + (s ? 1 : 0); /* digit, blank, badge, gap */
	int limit = ui_tab_name_limit(name_w, STEP_COUNT, cur, COLS - fixed - name_w[cur]);
	int x = 0;
	for (int s = 0; s < STEP_COUNT && x < COLS; s++) {
		bool is_cur = s == cur;
		attr_t a = ui_style(is_cur ? ST_TAB_CUR : ST_TAB);
		int pad = is_cur ? 1 : 0;
		int nw = is_cur || name_w[s] < limit ? name_w[s] : limit;
		int w = 2 * pad + 2 + nw + badge_w[s];
		if (x + w > COLS)
			w = COLS - x;
		ui->tab_x0[s] = x;
		ui->tab_x1[s] = x + w;
		if (is_cur)
			ui_fill(1, x, w, a);
		ui_textf(1, x + pad, 1, a | A_BOLD, 0, "%d", s);
		if (nw > 0)
			ui_text(1, x + pad + 2, nw, vocab_label(VOCAB_STEP, s), a, 0);
		if (badge_w[s])
			ui_text(1, x + pad + 2 + nw, badge_w[s], badge[s], ui_style(ST_BADGE), 0);
		x += w + 1;
	}
}

/* ------------------------------------------------------------ hint */

static void draw_hint(struct ui *ui)
{
	const char *hint;
	if (ui->help)
		hint = _("Reading the help: Esc or F1 goes back.");
	else if (ui->form)
		hint = _("Type into the fields; Enter saves, Esc cancels, Tab goes to the next "
			 "field.");
	else if (ui->lot_open)
		hint = _("Parking lot: n adds, Enter edits, d deletes, ↑ ↓ choose; the digits go "
			 "to a step; F4 or Esc closes it.");
	else {
		const struct ui_view *v = ui_views[ui->step];
		hint = v->hint ? v->hint(ui) : "";
	}
	ui_fill(2, 0, COLS, ui_style(ST_HINT));
	ui_textf(2, 0, COLS, ui_style(ST_HINT), 0, " → %s", hint);
}

/* ------------------------------------------------------------ status */

/* The parking lot while nobody speaks in the status line: how many
 * agreements, action items and parked questions there are and the latest
 * agreement or question, so the group sees them from every step without a
 * row of its own (F4 adds one; step 8 lists them all). */
static void draw_lot(struct ui *ui, int y, int avail)
{
	const struct model *m = &ui->m;
	if (!ui->lot_valid || ui->lot_rev != m->revision) {
		memset(ui->lot_count, 0, sizeof ui->lot_count);
		ui->lot_latest = 0;
		for (size_t i = 0; i < m->notes.n; i++) {
			const struct note *n = MODEL_AT(m->notes, struct note, i);
			if (n->kind >= 0 && n->kind < NOTE_KIND_COUNT)
				ui->lot_count[n->kind]++;
			if (n->kind != NOTE_ACTION && !str_empty(n->text))
				ui->lot_latest = n->id;
		}
		ui->lot_rev = m->revision;
		ui->lot_valid = true;
	}
	if (avail < 20)
		return;
	const unsigned *c = ui->lot_count;
	if (!c[NOTE_DECISION] && !c[NOTE_ACTION] && !c[NOTE_PARKING]) {
		ui_textf(y, 0, avail, ui_style(ST_STATUS), 0, " %s",
			 _("F4 Note: an agreement, an action item or a question for the parking lot"));
		return;
	}
	char head[160];
	snprintf(head, sizeof head, _("F4 Notes: %u agreed · %u to do · %u parked"),
		 c[NOTE_DECISION], c[NOTE_ACTION], c[NOTE_PARKING]);
	int used = ui_textf(y, 0, avail, ui_style(ST_STATUS) | A_BOLD, 0, " %s", head);
	const struct note *latest = MODEL_FIND(m->notes, struct note, ui->lot_latest);
	if (latest && used + 8 < avail) {
		char *first = ui_first_line(latest->text);
		ui_textf(y, used, avail - used, ui_style(ST_STATUS), 0, " — %s%s",
			 latest->kind == NOTE_PARKING ? "? " : "✓ ", first);
		free(first);
	}
}

static void draw_status(struct ui *ui)
{
	int y = LINES - 2;
	/* the file on the right, so everybody knows where the work goes */
	const char *base = strrchr(ui->path, '/');
	base = base ? base + 1 : ui->path;
	int fw = ui_width(base);
	if (fw > COLS / 4)
		fw = COLS / 4;
	int avail = COLS - fw - 2;
	/* a long message or question gets the whole line */
	const char *msg = ui->confirm ? ui->confirm : ui->status;
	if (msg && ui_width(msg) + 10 > avail) {
		avail = COLS;
		fw = 0;
	}
	if (ui->confirm) {
		/* the question may be cut, the answer keys never */
		char yn[64];
		snprintf(yn, sizeof yn, " %s", _("(y/n)"));
		int yw = ui_width(yn);
		int used = ui_textf(y, 0, avail - yw > 0 ? avail - yw : 0, ui_style(ST_WARN), 0,
				    "? %s", ui->confirm);
		ui_text(y, used, avail - used, yn, ui_style(ST_WARN), UI_TEXT_PAD);
	} else if (ui->status) {
		if (ui->status_error)
			ui_textf(y, 0, avail, ui_style(ST_ERROR), UI_TEXT_PAD, "! %s", ui->status);
		else
			ui_textf(y, 0, avail, ui_style(ST_STATUS), 0, " %s", ui->status);
	} else if (!ui->form && !ui->help) {
		draw_lot(ui, y, avail);
	}
	if (fw)
		ui_text(y, COLS - fw - 1, fw, base, ui_style(ST_DIM), UI_TEXT_RIGHT);
}

/* ------------------------------------------------------------ key bar */

static int bar_actions(struct ui *ui, enum ui_action *out)
{
	int n = 0;
	out[n++] = ACT_HELP;
	/* the parking lot panel on every step (a crowded bar lets it give
	 * way after the clock, draw_bar) */
	if (!ui->form && !ui->help)
		out[n++] = ACT_NOTE;
	if (ui->lot_open && !ui->form && !ui->help) {
		/* the panel has the keys: its own actions, not the step's */
		static const enum ui_action lot[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_UNDO};
		for (size_t i = 0; i < sizeof lot / sizeof *lot; i++)
			out[n++] = lot[i];
	} else if (ui->form) {
		out[n++] = ACT_SAVE;
		out[n++] = ACT_CANCEL;
		out[n++] = ACT_NEXT_FIELD;
		if (form_focus_is_choice(ui->form))
			out[n++] = ACT_CHOOSE;
	} else if (!ui->help) {
		const struct ui_view *v = ui_views[ui->step];
		bool undo = false;
		for (const enum ui_action *a = v->bar; a && *a != ACT_NONE && n < 16; a++) {
			out[n++] = *a;
			undo = undo || *a == ACT_UNDO;
		}
		if (!undo)
			out[n++] = ACT_UNDO;
		/* the reading view, where the step has an item selected */
		enum entity kind;
		int64_t id = 0;
		if (!ui->reading && !ui->lot_open && v->current && v->current(ui, &kind, &id) && id)
			out[n++] = ACT_READ;
	}
	out[n++] = ACT_CLOCK;
	out[n++] = ACT_LANG;
	out[n++] = ACT_QUIT;
	return n;
}

static void draw_bar(struct ui *ui)
{
	int y = LINES - 1;
	enum ui_action acts[24];
	int n = bar_actions(ui, acts);
	char keys[24][32];
	const char *labels[24];
	int plain = 0;
	for (int i = 0; i < n; i++) {
		ui_action_key1(acts[i], keys[i], sizeof keys[i]);
		labels[i] = _(ui_actions[acts[i]].bar);
		plain += ui_width(keys[i]) + ui_width(labels[i]) + 1;
	}
	/* too narrow for all (German at 80 columns): entries give way until
	 * the rest fits with " label " or at least " label" — a key keeps its
	 * blank ("F1Help" reads as one word). First the clock (the title bar
	 * shows it, a click there starts it), then the parking lot (the status
	 * line names F4 when it has no message), the language, then the
	 * step's own actions from the right (its first ones are its main
	 * ones); the reading view last. Help, undo and quit stay. */
	static const enum ui_action give_way[] = {ACT_CLOCK, ACT_NOTE, ACT_LANG};
	size_t g = 0;
	while (plain - 1 + n > COLS && n > 1) {
		int drop = -1;
		for (; g < sizeof give_way / sizeof *give_way && drop < 0; g++)
			for (int i = 0; i < n; i++)
				if (acts[i] == give_way[g]) {
					drop = i;
					break;
				}
		for (int i = n - 1; i >= 0 && drop < 0; i--)
			if (acts[i] != ACT_HELP && acts[i] != ACT_UNDO && acts[i] != ACT_QUIT &&
			    acts[i] != ACT_READ)
				drop = i;
		for (int i = 0; i < n && drop < 0; i++)
			if (acts[i] == ACT_READ)
				drop = i;
		if (drop < 0)
			break;
		plain -= ui_width(keys[drop]) + ui_width(labels[drop]) + 1;
		for (int k = drop; k + 1 < n; k++) {
			acts[k] = acts[k + 1];
			labels[k] = labels[k + 1];
			memcpy(keys[k], keys[k + 1], sizeof keys[k]);
		}
		n--;
	}
	int pad = plain - 1 + 2 * n > COLS ? 1 : 2;
	ui_fill(y, 0, COLS, ui_style(ST_NORMAL));
	int x = 0;
	ui->nbar = 0;
	int last_w = ui_width(keys[n - 1]) + ui_width(labels[n - 1]) + pad;
	for (int i = 0; i < n; i++) {
		int kw = ui_width(keys[i]);
		int lw = ui_width(labels[i]) + pad;
		/* keep room for Quit at the end */
		if (i < n - 1 && x + kw + lw + 1 + last_w > COLS)
			continue;
		ui_text(y, x, kw, keys[i], ui_style(ST_BAR_KEY), 0);
		ui_textf(y, x + kw, lw, ui_style(ST_BAR_LABEL), 0, pad == 2 ? " %s " : " %s",
			 labels[i]);
		if (ui->nbar < (int)(sizeof ui->bar / sizeof *ui->bar)) {
			ui->bar[ui->nbar].x0 = x;
			ui->bar[ui->nbar].x1 = x + kw + lw;
			ui->bar[ui->nbar].a = acts[i];
			ui->nbar++;
		}
		x += kw + lw + 1;
	}
}

/* ------------------------------------------------------------ frame */

struct ui_rect ui_chrome_draw(struct ui *ui)
{
	for (int s = 0; s < STEP_COUNT; s++)
		ui->tab_x0[s] = ui->tab_x1[s] = -1;
	ui_chrome_draw_top(ui);
	draw_tabs(ui);
	draw_hint(ui);
	draw_status(ui);
	draw_bar(ui);
	return (struct ui_rect){3, 1, LINES - 5, COLS - 2};
}

int ui_chrome_click(struct ui *ui, int y, int x, enum ui_action *act, int *arg)
{
	*arg = 0;
	if (y == 1) {
		for (int s = 0; s < STEP_COUNT; s++)
			if (x >= ui->tab_x0[s] && x < ui->tab_x1[s]) {
				*act = ACT_STEP;
				*arg = s;
				return UI_HANDLED;
			}
		return UI_UNHANDLED;
	}
	if (y == LINES - 1) {
		for (int i = 0; i < ui->nbar; i++)
			if (x >= ui->bar[i].x0 && x < ui->bar[i].x1) {
				*act = ui->bar[i].a;
				return UI_HANDLED;
			}
		return UI_UNHANDLED;
	}
	if (y == 0 && x >= COLS - 24) {
		/* the clock */
		*act = ACT_CLOCK;
		return UI_HANDLED;
	}
	return UI_UNHANDLED;
}

void ui_draw_too_small(void)
{
	char need[128];
	snprintf(need, sizeof need, _("(need %d×%d, have %d×%d)"), UI_MIN_COLS, UI_MIN_LINES, COLS,
		 LINES);
	const char *msgs[] = {_("Window too small"), need, _("Make it larger or the font smaller.")};
	int y = LINES / 2 - 2;
	if (y < 0)
		y = 0;
	for (int i = 0; i < 3 && y < LINES; i++) {
		const char *p = msgs[i];
		while (*p && y < LINES) {
			size_t next;
			size_t len = ui_wrap(p, COLS, &next);
			char *line = xstrndup(p, len);
			ui_text(y++, 0, COLS, line, i == 0 ? ui_style(ST_TITLE) : A_NORMAL,
				UI_TEXT_CENTER);
			free(line);
			p += next;
			if (!next)
				break;
		}
	}
}
