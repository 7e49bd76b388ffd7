/* ui_check.c — step 6: the 39 recommendations of the study as a check list,
 * grouped by factor (1–5, then the wind-down, the alternative path) and field (values,
 * resources, actors, structures), and above it the readiness heat map:
 * per factor and field the share of items done (partly counts half, not
 * relevant is left out), in colour and always with the percentage. Space
 * cycles the status of the selected item, Enter edits its note; the
 * catalogue's guidance for the item is shown under the list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "templates.h"
#include "ui_internal.h"
#include "ui_vote.h"
#include "ui_room.h"
#include "util.h"

/* A row: a factor's header or a check item (index into m->checks). */
struct crow {
	bool header;
	int factor;
	size_t idx;
};

struct check_state {
	struct list lst;
	struct crow *rows;
	size_t nrows, caprows;
	struct {
		int factor, field, item;
	} keep; /* the item to keep selected */
	size_t assessed; /* items discussed (figures_check_discussed) */
	struct readiness ready_now;
	bool by_votes; /* o: the items by votes, most first, without the factor lines */
	bool dots;     /* the Dots column is drawn (a vote runs or an item has dots) */
	char hint_buf[512];
};

static void done(struct ui *ui)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	free(vs->rows);
}

static const struct model *sort_model; /* what cmp_checks reads, set only while sync sorts */

static int cmp_checks(const void *a, const void *b)
{
	const struct check_item *x = MODEL_AT(sort_model->checks, struct check_item, *(const size_t *)a);
	const struct check_item *y = MODEL_AT(sort_model->checks, struct check_item, *(const size_t *)b);
	if (x->factor != y->factor)
		return x->factor - y->factor;
	if (x->field != y->field)
		return x->field - y->field;
	return x->item - y->item;
}

static int cmp_checks_votes(const void *a, const void *b)
{
	const struct check_item *x = MODEL_AT(sort_model->checks, struct check_item, *(const size_t *)a);
	const struct check_item *y = MODEL_AT(sort_model->checks, struct check_item, *(const size_t *)b);
	if (x->votes != y->votes)
		return y->votes - x->votes;
	return cmp_checks(a, b);
}

static void sync(struct ui *ui)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	const struct model *m = &ui->m;
	size_t n = m->checks.n;
	size_t *idx = xmalloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_model = m;
	qsort(idx, n, sizeof *idx, vs->by_votes ? cmp_checks_votes : cmp_checks);
	xgrow((void **)&vs->rows, &vs->caprows, n + FACTOR_COUNT + 1, sizeof *vs->rows);
	vs->nrows = 0;
	vs->assessed = 0;
	int last_factor = 0;
	for (size_t k = 0; k < n; k++) {
		const struct check_item *c = MODEL_AT(m->checks, struct check_item, idx[k]);
		if (c->factor != last_factor && !vs->by_votes) {
			vs->rows[vs->nrows++] = (struct crow){true, c->factor, 0};
			last_factor = c->factor;
		}
		vs->rows[vs->nrows++] = (struct crow){false, c->factor, idx[k]};
		if (figures_check_discussed(c))
			vs->assessed++;
	}
	free(idx);
	list_set_count(&vs->lst, vs->nrows);
	figures_readiness(m, &vs->ready_now);
	if (vs->keep.factor) {
		for (size_t r = 0; r < vs->nrows; r++) {
			if (vs->rows[r].header) {
				if (!vs->keep.item && vs->rows[r].factor == vs->keep.factor) {
					list_select(&vs->lst, r);
					break;
				}
				continue;
			}
			const struct check_item *c = MODEL_AT(m->checks, struct check_item, vs->rows[r].idx);
			if (c->factor == vs->keep.factor && c->field == vs->keep.field && c->item == vs->keep.item) {
				list_select(&vs->lst, r);
				break;
			}
		}
	} else if (vs->nrows > 1 && vs->lst.sel == 0) {
		list_select(&vs->lst, 1); /* the first item, not its header */
	}
}

static const struct crow *selected(struct ui *ui)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	return vs->lst.n && vs->lst.sel < vs->nrows ? &vs->rows[vs->lst.sel] : NULL;
}

static const struct check_item *selected_item(struct ui *ui)
{
	const struct crow *r = selected(ui);
	if (!r || r->header || r->idx >= ui->m.checks.n)
		return NULL;
	return MODEL_AT(ui->m.checks, struct check_item, r->idx);
}

static void remember(struct ui *ui)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	const struct crow *r = selected(ui);
	const struct check_item *c = selected_item(ui);
	if (c) {
		vs->keep.factor = c->factor;
		vs->keep.field = c->field;
		vs->keep.item = c->item;
	} else if (r) {
		vs->keep.factor = r->factor;
		vs->keep.field = 0;
		vs->keep.item = 0;
	}
}

static int pct(double v)
{
	return (int)(v * 100 + 0.5);
}

static const char *hint(struct ui *ui)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	char *buf = vs->hint_buf;
	if (ui->m.checks.n == 0)
		return _("This workshop has no check items.");
	if (vs->assessed == 0)
		return _("Go through the recommendations with the group: Space sets the status, "
			 "Enter adds a note.");
	int worst = -1;
	for (int f = 0; f < FACTOR_COUNT - 1; f++)
		if (vs->ready_now.factor[f] >= 0 && (worst < 0 || vs->ready_now.factor[f] < vs->ready_now.factor[worst]))
			worst = f;
	if (worst >= 0 && vs->ready_now.factor[worst] < 1) {
		snprintf(buf, sizeof vs->hint_buf,
			 _("Least ready: %d %s (%d %%). Agree next steps there; Space sets a status."),
			 worst + 1, vocab_factor_name(worst + 1), pct(vs->ready_now.factor[worst]));
		return buf;
	}
	return _("Every factor has high readiness. Next: 7 Findings, then 8 Export.");
}

/* ------------------------------------------------------------ the heat map */

static enum ui_style heat_style(double v)
{
	if (v < 0)
		return ST_DIM;
	if (v < FINDINGS_READINESS_LOW)
		return ST_ALERT;
	if (v < FINDINGS_READINESS_HIGH)
		return ST_WARN;
	return ST_LIT;
}

/* The level of a cell as a symbol, so that low, middling and high (50 %
 * and 100 %) stay apart without colour (NO_COLOR, the plain theme, a
 * washed-out projector): ○ low, ◐ middling, ● high. */
static const char *heat_mark(double v)
{
	if (v < FINDINGS_READINESS_LOW)
		return "○";
	if (v < FINDINGS_READINESS_HIGH)
		return "◐";
	return "●";
}

/* Draws the heat map into r (FACTOR_COUNT + 1 lines); returns lines used. */
static int draw_heat(struct ui *ui, struct ui_rect r)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	const struct check_item *cur = selected_item(ui);
	int label_w = r.w >= 110 ? 30 : 22;
	int tot_w = 9;
	int cell_w = (r.w - label_w - tot_w) / FIELD_COUNT;
	if (cell_w > 16)
		cell_w = 16;
	if (cell_w < 5)
		return 0;
	int y = r.y;
	char s[128];
	snprintf(s, sizeof s, "%s %d %%", _("Readiness"), pct(vs->ready_now.overall < 0 ? 0 : vs->ready_now.overall));
	ui_fill(y, r.x, label_w + FIELD_COUNT * cell_w + tot_w, ui_style(ST_HEADER));
	ui_text(y, r.x, label_w - 1, s, ui_style(ST_HEADER), 0);
	for (int fl = 0; fl < FIELD_COUNT; fl++)
		ui_text(y, r.x + label_w + fl * cell_w, cell_w - 1, vocab_label(VOCAB_FIELD, fl),
			ui_style(ST_HEADER), UI_TEXT_CENTER);
	ui_text(y, r.x + label_w + FIELD_COUNT * cell_w, tot_w, _("Factor"), ui_style(ST_HEADER),
		UI_TEXT_RIGHT);
	for (int f = 0; f < FACTOR_COUNT && y + 1 + f < r.y + r.h; f++) {
		int ly = y + 1 + f;
		bool here = cur && cur->factor == f + 1;
		ui_textf(ly, r.x, label_w - 1, here ? ui_style(ST_TITLE) : ui_style(ST_NORMAL), 0,
			 "%s%1s %s", here ? "▸" : " ", vocab_factor_number(f + 1),
			 findings_factor_name(f + 1));
		for (int fl = 0; fl < FIELD_COUNT; fl++) {
			double v = vs->ready_now.cell[f][fl];
			bool on = here && cur->field == fl;
			if (v < 0)
				snprintf(s, sizeof s, on ? "[–]" : "–");
			else
				snprintf(s, sizeof s, on ? "[%s %d %%]" : "%s %d %%", heat_mark(v),
					 pct(v));
			attr_t a = ui_style(heat_style(v)) | (on ? A_BOLD | A_UNDERLINE : 0);
			ui_text(ly, r.x + label_w + fl * cell_w, cell_w - 1, s, a,
				UI_TEXT_PAD | UI_TEXT_CENTER);
		}
		double fv = vs->ready_now.factor[f];
		if (fv < 0)
			snprintf(s, sizeof s, "–");
		else
			snprintf(s, sizeof s, "%s %d %%", heat_mark(fv), pct(fv));
		ui_text(ly, r.x + label_w + FIELD_COUNT * cell_w, tot_w, s,
			ui_style(ST_NORMAL) | A_BOLD, UI_TEXT_RIGHT);
	}
	return FACTOR_COUNT + 1;
}

/* ------------------------------------------------------------ the list */

static const char *status_mark(const struct check_item *c)
{
	if (!figures_check_discussed(c))
		return "[?]";
	switch (c->status) {
	case CHECK_PARTLY:
		return "[~]";
	case CHECK_DONE:
		return "[x]";
	case CHECK_NA:
		return "[-]";
	default:
		return "[ ]";
	}
}

static const struct list_col cols[] = {
	{N_("Status"), 17, 0},
	{N_("Field"), 11, 0},
	{N_("Recommendation"), -1, 12},
	{N_("Note"), 4, 0},
	{N_("Dots"), 4, 0},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	const struct crow *r = &vs->rows[row];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	if (r->header) {
		double v = vs->ready_now.factor[r->factor - 1];
		char p[32];
		if (v < 0)
			snprintf(p, sizeof p, "–");
		else
			snprintf(p, sizeof p, "%d %%", pct(v));
		const char *num = vocab_factor_number(r->factor);
		unsigned und = vs->ready_now.undiscussed_factor[r->factor - 1];
		char d[64] = "";
		if (und)
			snprintf(d, sizeof d, _(" · %u not discussed"), und);
		int last = vs->dots ? 4 : 3;
		ui_textf(y, cx[0], cx[last] + cw[last] - cx[0], base | A_BOLD, 0, "%s%s%s · %s %s%s",
			 num, *num ? " " : "", vocab_factor_name(r->factor), _("readiness"), p, d);
		return;
	}
	const struct check_item *c = MODEL_AT(ui->m.checks, struct check_item, r->idx);
	attr_t sa = base;
	if (!sel)
		sa = c->status == CHECK_DONE	   ? ui_style(ST_LIT)
		     : c->status == CHECK_PARTLY ? ui_style(ST_WARN)
		     : c->status == CHECK_NA	   ? ui_style(ST_DIM)
						   : base;
	/* an open item without a note has not been discussed yet */
	bool discussed = figures_check_discussed(c);
	if (!discussed && !sel)
		sa = ui_style(ST_DIM);
	ui_textf(y, cx[0], cw[0], sa, 0, "%s %s", status_mark(c),
		 discussed ? vocab_label(VOCAB_CHECK_STATUS, c->status) : _("not discussed"));
	ui_text(y, cx[1], cw[1], vocab_label(VOCAB_FIELD, c->field), base, 0);
	const struct catalogue_item *ci = catalogue_find(i18n_lang(), c->factor, c->field, c->item);
	ui_text(y, cx[2], cw[2], ci ? ci->title : "?", base, 0);
	if (!str_empty(c->note))
		ui_text(y, cx[3], cw[3], "✎", base | A_BOLD, UI_TEXT_CENTER);
	if (vs->dots && c->votes)
		ui_textf(y, cx[4], cw[4], base, UI_TEXT_RIGHT, "●%d", c->votes);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	int detail = r.h >= 28 ? 5 : 3;
	int used = draw_heat(ui, (struct ui_rect){r.y, r.x, FACTOR_COUNT + 1, r.w});
	struct ui_rect lr = {r.y + used + 1, r.x, r.h - used - 1 - detail, r.w};
	vs->dots = ui->voting || ui_votes_total(ui) > 0;
	list_draw(&vs->lst, lr, cols, vs->dots ? 5 : 4, draw_row, ui, _("This workshop has no check items."));
	const struct check_item *c = selected_item(ui);
	int dy = r.y + r.h - detail;
	if (!c) {
		const struct crow *sr = selected(ui);
		if (sr)
			ui_text_wrapped((struct ui_rect){dy, r.x, detail, r.w}, 0,
					_("Select a recommendation: its guidance shows here. Space sets "
					  "its status, Enter adds a note."),
					ui_style(ST_DIM));
		return;
	}
	const struct catalogue_item *ci = catalogue_find(i18n_lang(), c->factor, c->field, c->item);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s: %s", ci ? ci->title : "?", ci ? ci->guidance : "");
	int gl = detail - 1;
	ui_text_wrapped((struct ui_rect){dy, r.x, gl, r.w}, 0, b.data, ui_style(ST_NORMAL));
	buf_free(&b);
	if (!str_empty(c->note))
	{
		char *first = ui_first_line(c->note);
		ui_textf(dy + gl, r.x, r.w, ui_style(ST_TITLE), 0, "✎ %s", first);
		free(first);
	}
	else
		ui_text(dy + gl, r.x, r.w, _("No note yet: Enter adds one (who does what by when)."),
			ui_style(ST_DIM), 0);
}

/* ------------------------------------------------------------ editing */

static int next_status(int st)
{
	return (st + 1) % CHECK_STATUS_COUNT;
}

static void set_status(struct ui *ui, const struct check_item *old, int status, char *note)
{
	struct check_item c;
	check_copy(&c, old);
	c.status = status;
	if (note) {
		free(c.note);
		c.note = note;
	}
	const struct catalogue_item *ci = catalogue_find(i18n_lang(), c.factor, c.field, c.item);
	if (ui_store_ok(ui, store_save_check(ui->s, &ui->m, &c)))
		ui_status(ui, _("“%s”: %s."), ci ? ci->title : "",
			  vocab_label(VOCAB_CHECK_STATUS, c.status));
	check_free(&c);
}

enum { KF_NOTE, KF_STATUS };

static bool save_check(struct ui *ui, struct form *fm, int64_t id)
{
	const struct check_item *old = MODEL_FIND(ui->m.checks, struct check_item, id);
	if (!old) {
		ui_error(ui, "%s", _("This check item no longer exists (undone meanwhile?)."));
		return true;
	}
	set_status(ui, old, form_choice(fm, KF_STATUS), form_text(fm, KF_NOTE));
	return true;
}

static void check_form(struct ui *ui, const struct check_item *c)
{
	const struct catalogue_item *ci = catalogue_find(i18n_lang(), c->factor, c->field, c->item);
	struct form *fm = form_new(N_("Check item"), ci ? ci->title : NULL);
	form_add_longtext(fm, N_("Note"), c->note, false);
	form_set_note(fm, KF_NOTE, N_("What is in place, what is missing, who does what by when."));
	form_add_choice(fm, N_("Status"), VOCAB_CHECK_STATUS, c->status);
	form_set_note(fm, KF_STATUS, N_("Open, partly, done or not relevant; Space picks."));
	form_focus(fm, KF_NOTE);
	ui_form_open(ui, fm, save_check, c->id);
}

/* ------------------------------------------------------------ keys */

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	(void)k;
	if (list_move(&vs->lst, a)) {
		remember(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	const struct check_item *c = selected_item(ui);
	switch (a) {
	case ACT_CYCLE:
		if (!c) {
			ui_status(ui, "%s", _("Select a recommendation below the factor's line first."));
			return UI_REDRAW | UI_HANDLED;
		}
		set_status(ui, c, next_status(c->status), NULL);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (c)
			check_form(ui, c);
		return UI_REDRAW | UI_HANDLED;
	case ACT_SORT:
		vs->by_votes = !vs->by_votes;
		remember(ui);
		ui->synced_valid[STEP_CHECK] = false;
		ui_status(ui, "%s",
			  vs->by_votes ? _("Check list ordered by votes, most first (o: by factor).")
				       : _("Check list by factor (o: by votes)."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int click(struct ui *ui, int y, int x)
{
	struct check_state *vs = ui_view_state(ui, STEP_CHECK);
	(void)x;
	return ui_list_click(ui, &vs->lst, y, true, ACT_CYCLE, remember);
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	(void)ui;
	(void)id;
	return kind == ENT_WORKSHOP || kind == ENT_CHECK;
}

static const enum ui_action bar[] = {ACT_CYCLE, ACT_EDIT, ACT_VOTE, ACT_NONE};
static const enum ui_action more[] = {ACT_NOTE, ACT_VOTE_ADD, ACT_SORT, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct check_item *c = selected_item(ui);
	*kind = ENT_CHECK;
	*id = c ? c->id : 0;
	return c != NULL;
}

const struct ui_view ui_view_check = {
	.step = STEP_CHECK,
	.private_size = sizeof(struct check_state),
	.done = done,
	.hint = hint,
	.help = N_("The check list holds the study's recommendations for carrying a measure "
		   "into regular operation: five factors (communication, impact capture, "
		   "technical compatibility, responsibility, cost reduction and sharing) and, "
		   "listed last without a number, the wind-down: not a sixth factor but the "
		   "alternative path for a measure that is to end. Each group has "
		   "recommendations on values, resources, actors and structures.\n\n"
		   "Go through them with the group. Space moves the selected item from open to "
		   "partly, done and not relevant; Enter adds a note on who does what by when. "
		   "Under the list the catalogue explains what the recommendation means.\n\n"
		   "The heat map at the top shows the readiness per factor and field: done "
		   "counts fully, partly half, open nothing; not relevant items are left out, "
		   "– means nothing applies. Low readiness is red and marked ○, middling yellow "
		   "◐, high green ●, and every cell shows its percentage.\n\n"
		   "An open item without a note is marked [?] not discussed: the group has not "
		   "talked about it yet. When the group keeps an item open, note what it found; "
		   "the factor's line and the readiness hint count the items not discussed."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
