/* ui_stakeholders.c — step 3: the stakeholders as a table and, on g, as the
 * power/interest grid the group fills in together on the projector.
 *
 * The grid has 5 × 5 score cells: influence upwards, interest to the right.
 * Scores from 4 on count as high (as in the findings), so the quadrant lines
 * run between 3 and 4: manage closely (high/high), keep satisfied (high
 * influence), keep informed (high interest), monitor. The arrows move the
 * selected stakeholder and save the new scores at once, one undo step per
 * move. Table and grid share the selection. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_room.h"
#include "util.h"

#define HIGH 4 /* influence and interest from this score on are high */

struct stakeholders_state {
	struct list lst;
	bool grid_mode;
	int64_t sel_id;
	size_t key_persons;
	int64_t no_message; /* first high-influence stakeholder without message or channel */

	/* stakeholder indices ordered by grid cell (influence, interest), then by
	 * their order in the table; cell_start[c]..cell_start[c+1] for cell c */
	size_t *by_cell;
	size_t cap_by_cell;
	size_t cell_start[26];

	/* where the grid was drawn, for the mouse */
	struct {
		bool valid;
		int row_y[6], col_x[6]; /* score 1..5 */
		int ch, cw;
	} geo;

	bool wide_cols; /* the table shows the strategy column */
	char hint_buf[512];
};

static void done(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	free(vs->by_cell);
}

static int cell_of(int influence, int interest)
{
	int inf = influence < 1 ? 1 : influence > 5 ? 5 : influence;
	int in = interest < 1 ? 1 : interest > 5 ? 5 : interest;
	return (inf - 1) * 5 + (in - 1);
}

const char *ui_quadrant(int influence, int interest)
{
	if (influence >= HIGH)
		return interest >= HIGH ? _("Manage closely") : _("Keep satisfied");
	return interest >= HIGH ? _("Keep informed") : _("Monitor");
}

static void sync(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct model *m = &ui->m;
	size_t n = m->stakeholders.n;
	list_set_count(&vs->lst, n);
	if (vs->sel_id) {
		long i = table_index(&m->stakeholders, vs->sel_id);
		if (i >= 0)
			list_select(&vs->lst, (size_t)i);
	}
	vs->key_persons = 0;
	vs->no_message = 0;
	size_t count[25] = {0};
	for (size_t i = 0; i < n; i++) {
		const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
		if (s->key_person)
			vs->key_persons++;
		if (!vs->no_message && s->influence >= HIGH && (str_empty(s->message) || str_empty(s->channel)))
			vs->no_message = s->id;
		count[cell_of(s->influence, s->interest)]++;
	}
	vs->cell_start[0] = 0;
	for (int c = 0; c < 25; c++)
		vs->cell_start[c + 1] = vs->cell_start[c] + count[c];
	xgrow((void **)&vs->by_cell, &vs->cap_by_cell, n + 1, sizeof *vs->by_cell);
	size_t fill[25];
	memcpy(fill, vs->cell_start, sizeof fill);
	for (size_t i = 0; i < n; i++) {
		const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
		vs->by_cell[fill[cell_of(s->influence, s->interest)]++] = i;
	}
}

static const struct stakeholder *selected(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	if (!vs->lst.n || vs->lst.sel >= ui->m.stakeholders.n)
		return NULL;
	return MODEL_AT(ui->m.stakeholders, struct stakeholder, vs->lst.sel);
}

static void remember(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct stakeholder *s = selected(ui);
	vs->sel_id = s ? s->id : 0;
}

static const char *name_of(const struct stakeholder *s)
{
	return *s->name ? s->name : _("(no name)");
}

static const char *hint(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	char *buf = vs->hint_buf;
	const struct model *m = &ui->m;
	if (m->stakeholders.n == 0)
		return _("No stakeholders yet: press n and type the first name (an office, a "
			 "partner, a person).");
	const struct stakeholder *s = selected(ui);
	if (vs->grid_mode && s) {
		snprintf(buf, sizeof vs->hint_buf,
			 _("Arrows move “%s” (up: more influence, right: more interest); PgUp/PgDn "
			   "picks another."),
			 name_of(s));
		return buf;
	}
	if (vs->key_persons == 0)
		return _("Who carries the measure on? Mark the key persons: select, Enter, key "
			 "person yes.");
	if (vs->no_message) {
		const struct stakeholder *x = model_stakeholder(m, vs->no_message);
		snprintf(buf, sizeof vs->hint_buf, _("Agree a core message and a channel for “%s” (Enter)."),
			 x ? name_of(x) : "");
		return buf;
	}
	return _("Press g for the power/interest grid and place everyone; then 4 "
		 "Responsibilities.");
}

/* ------------------------------------------------------------ the table */

static const struct list_col cols_narrow[] = {
	{N_("Name"), -3, 10},	  {N_("Organisation"), -2, 6}, {N_("Group"), 14, 0},
	{N_("Infl."), 5, 0},	  {N_("Int."), 4, 0},	       {N_("Attitude"), 10, 0},
	{N_("Key"), 4, 0},	  {N_("Temp."), 5, 0},
};
static const struct list_col cols_wide[] = {
	{N_("Name"), -3, 10},	  {N_("Organisation"), -2, 6}, {N_("Group"), 17, 0},
	{N_("Infl."), 5, 0},	  {N_("Int."), 4, 0},	       {N_("Attitude"), 12, 0},
	{N_("Key"), 4, 0},	  {N_("Temp."), 5, 0},	       {N_("Strategy"), 16, 0},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct stakeholder *s = MODEL_AT(ui->m.stakeholders, struct stakeholder, row);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], name_of(s), base | (s->key_person ? A_BOLD : 0), 0);
	ui_text(y, cx[1], cw[1], s->organisation, base, 0);
	ui_text(y, cx[2], cw[2], vocab_label(VOCAB_GROUP, s->group), base, 0);
	ui_textf(y, cx[3], cw[3], base, UI_TEXT_RIGHT, "%d", s->influence);
	ui_textf(y, cx[4], cw[4], base, UI_TEXT_RIGHT, "%d", s->interest);
	ui_text(y, cx[5], cw[5], vocab_label(VOCAB_ATTITUDE, s->attitude),
		s->attitude == ATT_CRITICAL && !sel ? ui_style(ST_WARN) : base, 0);
	if (s->key_person)
		ui_text(y, cx[6], cw[6], UI_MARK_KEY, base | A_BOLD, UI_TEXT_CENTER);
	if (s->temporary)
		ui_text(y, cx[7], cw[7], UI_MARK_TEMP, base | A_BOLD, UI_TEXT_CENTER);
	if (vs->wide_cols)
		ui_text(y, cx[8], cw[8], ui_quadrant(s->influence, s->interest), base, 0);
}

/* Two lines about the selected stakeholder: the communication plan. */
static void draw_detail(struct ui *ui, int y, int x, int w)
{
	const struct stakeholder *s = selected(ui);
	if (!s)
		return;
	char line[1024];
	snprintf(line, sizeof line, "%s: %s · %s %d, %s %d → %s", name_of(s),
		 vocab_label(VOCAB_GROUP, s->group), _("influence"), s->influence, _("interest"),
		 s->interest, ui_quadrant(s->influence, s->interest));
	ui_text(y, x, w, line, ui_style(ST_TITLE), 0);
	if (str_empty(s->message) && str_empty(s->channel) && str_empty(s->cadence)) {
		ui_text(y + 1, x, w,
			_("No communication plan yet: Enter adds core message, channel and cadence."),
			s->influence >= HIGH ? ui_style(ST_WARN) : ui_style(ST_DIM), 0);
		return;
	}
	char *message = ui_first_line(s->message);
	snprintf(line, sizeof line, "%s: %s · %s: %s · %s: %s", _("Message"),
		 *message ? message : "–", _("Channel"), *s->channel ? s->channel : "–",
		 _("Cadence"), *s->cadence ? s->cadence : "–");
	free(message);
	ui_text(y + 1, x, w, line, ui_style(ST_NORMAL), 0);
}

static void draw_table(struct ui *ui, struct ui_rect r)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	struct ui_rect lr = r;
	lr.h -= 3;
	vs->wide_cols = r.w >= 110;
	list_draw(&vs->lst, lr, vs->wide_cols ? cols_wide : cols_narrow, vs->wide_cols ? 9 : 8, draw_row, ui,
		  _("No stakeholders yet. Press n to add one: the offices, partners, politicians "
		    "and groups who decide on the measure or are affected by it."));
	if (vs->lst.n)
		draw_detail(ui, r.y + r.h - 2, r.x, r.w);
}

/* ------------------------------------------------------------ the grid */

/* Draws one name of a cell: markers first, the selected one reversed. */
static void draw_name(const struct stakeholder *s, bool sel, int y, int x, int w)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s%s%s%s", sel ? "▸" : "", s->key_person ? UI_MARK_KEY : "",
		 s->temporary ? UI_MARK_TEMP : "", name_of(s));
	ui_text(y, x, w, buf, sel ? ui_style(ST_SEL) : ui_style(ST_NORMAL) | (s->key_person ? A_BOLD : 0),
		sel ? UI_TEXT_PAD : 0);
}

/* The names in one score cell, stacked; what does not fit becomes "+N". */
static void draw_cell(struct ui *ui, int c, int y, int x, int w, int lines)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct model *m = &ui->m;
	size_t k = vs->cell_start[c + 1] - vs->cell_start[c];
	if (k == 0 || w < 2)
		return;
	const struct stakeholder *sel = selected(ui);
	/* the selected one first when it is here, so it is always visible */
	size_t shown_sel = SIZE_MAX;
	for (size_t i = 0; sel && i < k; i++)
		if (vs->by_cell[vs->cell_start[c] + i] == vs->lst.sel)
			shown_sel = i;
	if (lines == 1 && k > 1) {
		/* one line only: one name (the selected one if it is here) and the count */
		char more[32];
		snprintf(more, sizeof more, " +%zu", k - 1);
		int mw = ui_width(more);
		const struct stakeholder *first =
			shown_sel != SIZE_MAX ? sel
					      : MODEL_AT(m->stakeholders, struct stakeholder, vs->by_cell[vs->cell_start[c]]);
		draw_name(first, shown_sel != SIZE_MAX, y, x, w - mw);
		ui_text(y, x + w - mw, mw, more, ui_style(ST_HEADER), 0);
		return;
	}
	size_t room = (size_t)lines;
	size_t names = k <= room ? k : room - 1;
	int line = 0;
	if (shown_sel != SIZE_MAX && names > 0) {
		draw_name(sel, true, y + line++, x, w);
		names--;
	}
	for (size_t i = 0; i < k && names > 0; i++) {
		if (i == shown_sel)
			continue;
		draw_name(MODEL_AT(m->stakeholders, struct stakeholder, vs->by_cell[vs->cell_start[c] + i]),
			  false, y + line++, x, w);
		names--;
	}
	if (k > room) {
		size_t rest = k - (size_t)line;
		char more[64];
		snprintf(more, sizeof more, ngettext("+%zu more", "+%zu more", rest), rest);
		ui_text(y + line, x, w, more, ui_style(ST_HEADER), 0);
	}
}

/* Counts the stakeholders of a quadrant. */
static size_t quadrant_count(struct ui *ui, bool high_inf, bool high_int)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	size_t n = 0;
	for (int inf = 1; inf <= 5; inf++)
		for (int in = 1; in <= 5; in++)
			if ((inf >= HIGH) == high_inf && (in >= HIGH) == high_int) {
				int c = cell_of(inf, in);
				n += vs->cell_start[c + 1] - vs->cell_start[c];
			}
	return n;
}

/* A horizontal border line with the two quadrant labels in it. */
static void draw_border(int y, int x0, int xm, int x1, chtype left, chtype mid, chtype right,
			const char *l1, size_t n1, const char *l2, size_t n2)
{
	attr_t a = ui_style(ST_NORMAL);
	mvhline(y, x0 + 1, ACS_HLINE | a, x1 - x0 - 1);
	mvaddch(y, x0, left | a);
	mvaddch(y, xm, mid | a);
	mvaddch(y, x1, right | a);
	if (l1)
		ui_textf(y, x0 + 2, xm - x0 - 3, ui_style(ST_HEADER), 0, " %s (%zu) ", l1, n1);
	if (l2)
		ui_textf(y, xm + 2, x1 - xm - 3, ui_style(ST_HEADER), 0, " %s (%zu) ", l2, n2);
}

static void draw_grid(struct ui *ui, struct ui_rect r)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	vs->geo.valid = false;
	const struct stakeholder *sel = selected(ui);
	char title[512];
	snprintf(title, sizeof title, "%s · ↑ %s · → %s · %s %s · %s %s", _("Power/interest grid"),
		 _("influence"), _("interest"), UI_MARK_KEY, _("key person"), UI_MARK_TEMP,
		 _("temporary (post ends with the funding)"));
	ui_text(r.y, r.x, r.w, title, ui_style(ST_TITLE), 0);
	int la = 2; /* the influence digits */
	int ch = (r.h - 8) / 5;
	if (ch < 1)
		ch = 1;
	if (ch > 6)
		ch = 6;
	int cw = (r.w - la - 3) / 5;
	if (cw > 30)
		cw = 30;
	if (cw < 3)
		return;
	int gx = r.x + la;
	int gy = r.y + 1;
	int xm = gx + 1 + 3 * cw, x1 = xm + 1 + 2 * cw;
	int ym = gy + 1 + 2 * ch, y1 = ym + 1 + 3 * ch;
	for (int in = 1; in <= 5; in++)
		vs->geo.col_x[in] = in <= 3 ? gx + 1 + (in - 1) * cw : xm + 1 + (in - 4) * cw;
	for (int inf = 1; inf <= 5; inf++)
		vs->geo.row_y[inf] = inf >= HIGH ? gy + 1 + (5 - inf) * ch : ym + 1 + (3 - inf) * ch;
	vs->geo.ch = ch;
	vs->geo.cw = cw;
	vs->geo.valid = true;
	draw_border(gy, gx, xm, x1, ACS_ULCORNER, ACS_TTEE, ACS_URCORNER, _("Keep satisfied"),
		    quadrant_count(ui, true, false), _("Manage closely"), quadrant_count(ui, true, true));
	draw_border(ym, gx, xm, x1, ACS_LTEE, ACS_PLUS, ACS_RTEE, _("Monitor"),
		    quadrant_count(ui, false, false), _("Keep informed"), quadrant_count(ui, false, true));
	draw_border(y1, gx, xm, x1, ACS_LLCORNER, ACS_BTEE, ACS_LRCORNER, NULL, 0, NULL, 0);
	attr_t a = ui_style(ST_NORMAL);
	for (int inf = 1; inf <= 5; inf++) {
		int y = vs->geo.row_y[inf];
		mvvline(y, gx, ACS_VLINE | a, ch);
		mvvline(y, xm, ACS_VLINE | a, ch);
		mvvline(y, x1, ACS_VLINE | a, ch);
		bool here = sel && sel->influence == inf;
		ui_textf(y, r.x, la, here ? ui_style(ST_TITLE) : ui_style(ST_DIM), 0, "%d", inf);
		for (int in = 1; in <= 5; in++)
			draw_cell(ui, cell_of(inf, in), y, vs->geo.col_x[in], cw - 1, ch);
	}
	/* the interest scores under the cells */
	for (int in = 1; in <= 5; in++) {
		bool here = sel && sel->interest == in;
		ui_textf(y1 + 1, vs->geo.col_x[in], cw - 1, here ? ui_style(ST_TITLE) : ui_style(ST_DIM),
			 UI_TEXT_CENTER, "%d", in);
	}
	if (x1 + 2 < r.x + r.w)
		ui_text(y1 + 1, x1 - 1, r.x + r.w - x1 + 1, "→", ui_style(ST_DIM), 0);
	/* below: the selected stakeholder, who else shares the cell, the keys */
	int dy = y1 + 2;
	int last = r.y + r.h - 1;
	if (dy > last)
		return;
	if (dy < last)
		ui_text(last, r.x, r.w,
			_("PgUp/PgDn: previous/next stakeholder · Space: next in the same cell · "
			  "Enter: edit · g: the table"),
			ui_style(ST_DIM), 0);
	if (!sel) {
		ui_text(dy, r.x, r.w, _("No stakeholders yet: press n to add the first one."),
			ui_style(ST_NORMAL), 0);
		return;
	}
	char line[1024];
	snprintf(line, sizeof line, "▸ %s%s%s · %s %d, %s %d → %s", name_of(sel),
		 sel->key_person ? " " UI_MARK_KEY : "", sel->temporary ? " " UI_MARK_TEMP : "",
		 _("influence"), sel->influence, _("interest"), sel->interest,
		 ui_quadrant(sel->influence, sel->interest));
	ui_text(dy, r.x, r.w, line, ui_style(ST_TITLE), 0);
	int c = cell_of(sel->influence, sel->interest);
	size_t k = vs->cell_start[c + 1] - vs->cell_start[c];
	if (k < 2 || dy + 1 >= last)
		return;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s ", _("In this cell:"));
	for (size_t i = 0; i < k; i++) {
		const struct stakeholder *s =
			MODEL_AT(ui->m.stakeholders, struct stakeholder, vs->by_cell[vs->cell_start[c] + i]);
		buf_printf(&b, "%s%s%s%s", i ? ", " : "", s->key_person ? UI_MARK_KEY : "",
			   s->temporary ? UI_MARK_TEMP : "", name_of(s));
	}
	ui_text_wrapped((struct ui_rect){dy + 1, r.x, last - dy - 1, r.w}, 0, b.data,
			ui_style(ST_NORMAL));
	buf_free(&b);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	if (vs->grid_mode)
		draw_grid(ui, r);
	else
		draw_table(ui, r);
}

/* ------------------------------------------------------------ the form */

enum {
	SF_NAME,
	SF_ORG,
	SF_GROUP,
	SF_INFLUENCE,
	SF_INTEREST,
	SF_ATTITUDE,
	SF_KEY,
	SF_TEMP,
	SF_MESSAGE,
	SF_CHANNEL,
	SF_CADENCE
};

static bool save_stakeholder(struct ui *ui, struct form *fm, int64_t id)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	struct stakeholder s;
	const struct stakeholder *old = id ? model_stakeholder(&ui->m, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This stakeholder no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		stakeholder_copy(&s, old);
	else
		stakeholder_init(&s);
	str_take(&s.name, form_text(fm, SF_NAME));
	str_take(&s.organisation, form_text(fm, SF_ORG));
	s.group = form_choice(fm, SF_GROUP);
	s.influence = (int)form_int(fm, SF_INFLUENCE);
	s.interest = (int)form_int(fm, SF_INTEREST);
	s.attitude = form_choice(fm, SF_ATTITUDE);
	s.key_person = form_choice(fm, SF_KEY) == YN_YES;
	s.temporary = form_choice(fm, SF_TEMP) == YN_YES;
	str_take(&s.message, form_text(fm, SF_MESSAGE));
	str_take(&s.channel, form_text(fm, SF_CHANNEL));
	str_take(&s.cadence, form_text(fm, SF_CADENCE));
	bool ok = ui_store_ok(ui, store_save_stakeholder(ui->s, &ui->m, &s));
	if (ok) {
		vs->sel_id = s.id;
		ui_status(ui, id ? _("Stakeholder “%s” saved.") : _("Stakeholder “%s” added."), s.name);
	}
	stakeholder_free(&s);
	return ok;
}

static void stakeholder_form(struct ui *ui, int64_t id)
{
	const struct stakeholder *s = id ? model_stakeholder(&ui->m, id) : NULL;
	struct stakeholder empty;
	stakeholder_init(&empty);
	if (!s)
		s = &empty;
	struct form *fm = form_new(id ? N_("Edit stakeholder") : N_("New stakeholder"),
				   id ? s->name : NULL);
	form_add_text(fm, N_("Name"), s->name, true);
	form_set_note(fm, SF_NAME, N_("A person, an office or an organisation, as the group calls it."));
	form_add_text(fm, N_("Organisation"), s->organisation, false);
	form_add_choice(fm, N_("Group"), VOCAB_GROUP, s->group);
	form_add_scale(fm, N_("Influence"), s->influence, 1, 5);
	form_set_note(fm, SF_INFLUENCE, N_("1 low to 5 high: how much can they decide or block?"));
	form_add_scale(fm, N_("Interest"), s->interest, 1, 5);
	form_set_note(fm, SF_INTEREST, N_("1 low to 5 high: how much does the measure concern them?"));
	form_add_choice(fm, N_("Attitude"), VOCAB_ATTITUDE, s->attitude);
	form_add_choice(fm, N_("Key person"), VOCAB_YESNO, s->key_person ? YN_YES : YN_NO);
	form_set_note(fm, SF_KEY, N_("Someone who carries the measure on, with a network to the deciders."));
	form_add_choice(fm, N_("Temporary"), VOCAB_YESNO, s->temporary ? YN_YES : YN_NO);
	form_set_note(fm, SF_TEMP, N_("Yes when the post ends with the funding (e.g. the Smart City team)."));
	form_add_longtext(fm, N_("Core message"), s->message, false);
	form_set_note(fm, SF_MESSAGE, N_("What this stakeholder should hear about the measure's benefit."));
	form_add_text(fm, N_("Channel"), s->channel, false);
	form_set_note(fm, SF_CHANNEL, N_("How they are reached: committee, newsletter, meeting, …"));
	form_add_text(fm, N_("Cadence"), s->cadence, false);
	form_set_note(fm, SF_CADENCE, N_("How often, e.g. quarterly or at each milestone."));
	form_focus(fm, SF_NAME);
	stakeholder_free(&empty);
	ui_form_open(ui, fm, save_stakeholder, id);
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_STAKEHOLDER, id, _("Stakeholder “%s” deleted (u undoes it)."));
}

static void stakeholder_delete(struct ui *ui, const struct stakeholder *s)
{
	const struct model *m = &ui->m;
	size_t shares = 0, owned = 0;
	for (size_t i = 0; i < m->shares.n; i++)
		if (MODEL_AT(m->shares, struct cost_share, i)->stakeholder == s->id)
			shares++;
	for (size_t i = 0; i < m->indicators.n; i++)
		if (MODEL_AT(m->indicators, struct indicator, i)->owner == s->id)
			owned++;
	size_t cells = s->cells.n;
	struct buf q;
	buf_init(&q);
	buf_printf(&q, _("Delete stakeholder “%s”?"), s->name);
	if (cells || shares) {
		char parts[256] = "";
		if (cells)
			snprintf(parts, sizeof parts, ngettext("%zu RACI cell", "%zu RACI cells", cells), cells);
		if (shares) {
			size_t l = strlen(parts);
			snprintf(parts + l, sizeof parts - l, "%s", l ? ", " : "");
			l = strlen(parts);
			snprintf(parts + l, sizeof parts - l,
				 ngettext("%zu cost share", "%zu cost shares", shares), shares);
		}
		buf_adds(&q, " ");
		buf_printf(&q, _("This also deletes: %s."), parts);
	}
	if (owned) {
		buf_adds(&q, " ");
		buf_printf(&q, ngettext("%zu indicator loses its owner.", "%zu indicators lose their owner.",
					owned),
			   owned);
	}
	ui_confirm(ui, q.data, delete_yes, s->id);
	buf_free(&q);
}

/* ------------------------------------------------------------ moving in the grid */

/* Moves the selected stakeholder by one score; saved at once. */
static void grid_shift(struct ui *ui, int d_inf, int d_int)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct stakeholder *old = selected(ui);
	if (!old) {
		ui_status(ui, "%s", _("No stakeholder to move: press n to add one."));
		return;
	}
	int inf = old->influence + d_inf, in = old->interest + d_int;
	if (inf < 1 || inf > 5 || in < 1 || in > 5) {
		ui_status(ui, "%s", _("That is the edge of the grid: scores go from 1 to 5."));
		return;
	}
	struct stakeholder s;
	stakeholder_copy(&s, old);
	s.influence = inf;
	s.interest = in;
	if (ui_store_ok(ui, store_save_stakeholder(ui->s, &ui->m, &s))) {
		vs->sel_id = s.id;
		ui_status(ui, _("“%s”: influence %d, interest %d → %s."), name_of(&s), inf, in,
			  ui_quadrant(inf, in));
	}
	stakeholder_free(&s);
}

/* Selects the next stakeholder in the selected one's cell. */
static void next_in_cell(struct ui *ui)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	const struct stakeholder *s = selected(ui);
	if (!s)
		return;
	int c = cell_of(s->influence, s->interest);
	size_t k = vs->cell_start[c + 1] - vs->cell_start[c];
	if (k < 2) {
		ui_status(ui, "%s", _("Nobody else in this cell; PgUp/PgDn picks another stakeholder."));
		return;
	}
	for (size_t i = 0; i < k; i++)
		if (vs->by_cell[vs->cell_start[c] + i] == vs->lst.sel) {
			list_select(&vs->lst, vs->by_cell[vs->cell_start[c] + (i + 1) % k]);
			break;
		}
	remember(ui);
}

static int grid_key(struct ui *ui, enum ui_action a)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	switch (a) {
	case ACT_UP:
		grid_shift(ui, 1, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DOWN:
		grid_shift(ui, -1, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_RIGHT:
		grid_shift(ui, 0, 1);
		return UI_REDRAW | UI_HANDLED;
	case ACT_LEFT:
		grid_shift(ui, 0, -1);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PGUP:
		if (vs->lst.n)
			list_select(&vs->lst, vs->lst.sel ? vs->lst.sel - 1 : vs->lst.n - 1);
		remember(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_PGDN:
		if (vs->lst.n)
			list_select(&vs->lst, (vs->lst.sel + 1) % vs->lst.n);
		remember(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_HOME:
	case ACT_END:
		list_move(&vs->lst, a);
		remember(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_CYCLE:
		next_in_cell(ui);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

/* ------------------------------------------------------------ keys */

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	(void)k;
	if (vs->grid_mode) {
		int r = grid_key(ui, a);
		if (r)
			return r;
	} else if (list_move(&vs->lst, a)) {
		remember(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	const struct stakeholder *s = selected(ui);
	switch (a) {
	case ACT_GRID:
	case ACT_VIEW:
		vs->grid_mode = !vs->grid_mode;
		ui_status(ui, "%s",
			  vs->grid_mode ? _("Power/interest grid: the arrows move the selected stakeholder; g "
					"goes back to the table.")
				    : _("The table of stakeholders; g shows the grid."));
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEW:
		stakeholder_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		stakeholder_form(ui, s ? s->id : 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (!s)
			return UI_UNHANDLED;
		stakeholder_delete(ui, s);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

/* A click in the grid: on people, selects them in turn; on an empty cell,
 * places the selected stakeholder there. */
static int grid_click(struct ui *ui, int y, int x)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	if (!vs->geo.valid)
		return UI_UNHANDLED;
	int inf = 0, in = 0;
	for (int v = 1; v <= 5; v++) {
		if (y >= vs->geo.row_y[v] && y < vs->geo.row_y[v] + vs->geo.ch)
			inf = v;
		if (x >= vs->geo.col_x[v] && x < vs->geo.col_x[v] + vs->geo.cw - 1)
			in = v;
	}
	if (!inf || !in)
		return UI_UNHANDLED;
	int c = cell_of(inf, in);
	size_t k = vs->cell_start[c + 1] - vs->cell_start[c];
	const struct stakeholder *s = selected(ui);
	if (k == 0) {
		if (s)
			grid_shift(ui, inf - s->influence, in - s->interest);
		return UI_REDRAW | UI_HANDLED;
	}
	if (s && cell_of(s->influence, s->interest) == c)
		next_in_cell(ui);
	else {
		list_select(&vs->lst, vs->by_cell[vs->cell_start[c]]);
		remember(ui);
	}
	return UI_REDRAW | UI_HANDLED;
}

static int click(struct ui *ui, int y, int x)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	if (vs->grid_mode)
		return grid_click(ui, y, x);
	return ui_list_click(ui, &vs->lst, y, true, ACT_EDIT, remember);
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct stakeholders_state *vs = ui_view_state(ui, STEP_STAKEHOLDERS);
	if (kind == ENT_WORKSHOP)
		return true;
	if (kind != ENT_STAKEHOLDER)
		return false;
	long i = table_index(&ui->m.stakeholders, id);
	if (i < 0)
		return false;
	vs->sel_id = id;
	list_select(&vs->lst, (size_t)i);
	return true;
}

static const enum ui_action bar[] = {ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_GRID, ACT_NONE};
static const enum ui_action more[] = {ACT_NOTE, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct stakeholder *s = selected(ui);
	*kind = ENT_STAKEHOLDER;
	*id = s ? s->id : 0;
	return s != NULL;
}

const struct ui_view ui_view_stakeholders = {
	.step = STEP_STAKEHOLDERS,
	.private_size = sizeof(struct stakeholders_state),
	.done = done,
	.hint = hint,
	.help = N_("List everyone the measure depends on or affects: offices, council groups, "
		   "municipal companies, external partners, citizens, neighbouring "
		   "municipalities. Rate how much each can decide (influence) and how much the "
		   "measure concerns them (interest), from 1 to 5.\n\n"
		   "g shows the power/interest grid. The arrows move the selected stakeholder "
		   "and save the new scores at once; PgUp/PgDn pick the previous or next "
		   "stakeholder, Space the next one in the same cell, a click places the "
		   "selected one in an empty cell. Those with high influence and interest are "
		   "managed closely; high influence alone: keep them satisfied; high interest "
		   "alone: keep them informed; the rest: monitor.\n\n"
		   "Mark key persons (★): people with commitment and a network who carry the "
		   "measure on. Mark as temporary (⧗) whoever's post ends with the funding; "
		   "they should not hold the responsibility for regular operation. For "
		   "everyone with high influence agree a core message, a channel and a cadence: "
		   "that is the communication plan."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
