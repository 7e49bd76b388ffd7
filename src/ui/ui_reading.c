/* ui_reading.c — the reading view: the selected item whole, for the room.
 *
 * F3 on a step with a list shows its selected item on the whole content
 * area: its name as a heading, then each part with its label, wrapped at
 * word boundaries, a blank line between the parts, and the findings that
 * name the item beneath. The arrows go to the previous or next item of the
 * step's list without leaving the view; an edit key opens the item's form. */
#include "config.h"
#include "ui_room.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "i18n.h"
#include "templates.h"
#include "util.h"

struct part {
	const char *label; /* translated, or NULL: no label line */
	char *text;
};

struct page {
	char *title;
	struct part *v;
	size_t n, cap;
};

static void add(struct page *pg, const char *label, const char *text)
{
	if (!text || !*text)
		text = "–";
	xgrow((void **)&pg->v, &pg->cap, pg->n + 1, sizeof *pg->v);
	pg->v[pg->n++] = (struct part){label, xstrdup(text)};
}

static void addf(struct page *pg, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void addf(struct page *pg, const char *label, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_adds(&b, tmp);
	char *s = buf_steal(&b);
	add(pg, label, s);
	free(s);
}

static void page_free(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		free(pg->v[i].text);
	free(pg->v);
	free(pg->title);
	memset(pg, 0, sizeof *pg);
}

static void number(struct optnum v, char *s)
{
	if (v.set)
		i18n_number(v.v, i18n_lang(), s);
	else
		snprintf(s, 64, "–");
}

static const char *name_of(const struct model *m, enum entity kind, int64_t id)
{
	const char *s = id ? model_entity_name(m, kind, id) : "";
	return *s ? s : "–";
}

/* The parts of an item; false when it does not exist (any more). */
static bool build(struct ui *ui, enum entity kind, int64_t id, struct page *pg)
{
	const struct model *m = &ui->m;
	memset(pg, 0, sizeof *pg);
	char a[64], b[64], c[64];
	switch (kind) {
	case ENT_GOAL: {
		const struct goal *g = model_goal(m, id);
		if (!g)
			return false;
		pg->title = xstrdup(*g->title ? g->title : _("(no title)"));
		if (g->votes)
			addf(pg, _("Votes"), "● %d", g->votes);
		add(pg, _("Specific"), g->specific);
		add(pg, _("Measurable"), g->measurable);
		add(pg, _("Achievable"), g->achievable);
		add(pg, _("Relevant"), g->relevant);
		add(pg, _("Strategy goal"), name_of(m, ENT_SGOAL, g->strategy_goal));
		char d[32];
		i18n_date(g->time_bound, i18n_lang(), d);
		add(pg, _("Time-bound"), *d ? d : g->time_bound);
		add(pg, _("Status"), vocab_label(VOCAB_GSTATUS, g->status));
		return true;
	}
	case ENT_INDICATOR: {
		const struct indicator *in = model_indicator(m, id);
		if (!in)
			return false;
		pg->title = xstrdup(*in->name ? in->name : _("(no name)"));
		add(pg, _("Goal"), name_of(m, ENT_GOAL, in->goal));
		number(in->baseline, a);
		number(in->latest, b);
		number(in->target, c);
		addf(pg, _("Baseline → latest → target"), "%s %s → %s → %s %s",
		     in->direction == DIR_LOWER ? "↓" : "↑", a, b, c, in->unit);
		add(pg, _("Data source"), in->source);
		add(pg, _("Method"), in->method);
		add(pg, _("Frequency"), in->frequency);
		add(pg, _("Owner"), name_of(m, ENT_STAKEHOLDER, in->owner));
		return true;
	}
	case ENT_STAKEHOLDER: {
		const struct stakeholder *s = model_stakeholder(m, id);
		if (!s)
			return false;
		pg->title = xstrdup(*s->name ? s->name : _("(no name)"));
		add(pg, _("Organisation"), s->organisation);
		addf(pg, _("Group"), "%s · %s", vocab_label(VOCAB_GROUP, s->group),
		     vocab_label(VOCAB_ATTITUDE, s->attitude));
		addf(pg, _("Influence"), "%d · %s %d · %s", s->influence, _("Interest"), s->interest,
		     ui_quadrant(s->influence, s->interest));
		add(pg, _("Core message"), s->message);
		add(pg, _("Channel"), s->channel);
		add(pg, _("Cadence"), s->cadence);
		return true;
	}
	case ENT_TASK: {
		const struct task *t = model_task(m, id);
		if (!t)
			return false;
		pg->title = xstrdup(*t->name ? t->name : _("(no name)"));
		addf(pg, _("Category"), "%s · %s", vocab_label(VOCAB_CATEGORY, t->category),
		     vocab_label(VOCAB_TPHASE, t->phase));
		if (t->votes)
			addf(pg, _("Votes"), "● %d", t->votes);
		struct buf r;
		buf_init(&r);
		for (size_t i = 0; i < t->cells.n; i++)
			buf_printf(&r, "%s%c %s", r.len ? "\n" : "", raci_letter(t->cells.v[i].role),
				   name_of(m, ENT_STAKEHOLDER, t->cells.v[i].other));
		char *roles = buf_steal(&r);
		add(pg, _("Responsibilities"), roles);
		free(roles);
		return true;
	}
	case ENT_COST: {
		const struct cost *co = model_cost(m, id);
		if (!co)
			return false;
		pg->title = xstrdup(*co->name ? co->name : _("(no name)"));
		/* as the costs list shows it: "18.500,50 €", "€18,500.50" */
		figures_money(co->amount, true, i18n_lang(), a, sizeof a);
		addf(pg, _("Kind"), "%s · %s", vocab_label(VOCAB_COST_KIND, co->kind), a);
		struct buf r;
		buf_init(&r);
		for (size_t i = 0; i < m->shares.n; i++) {
			const struct cost_share *s = MODEL_AT(m->shares, struct cost_share, i);
			if (s->cost != co->id)
				continue;
			i18n_number(s->percent, i18n_lang(), b);
			buf_printf(&r, "%s%s %%  %s", r.len ? "\n" : "", b,
				   name_of(m, ENT_STAKEHOLDER, s->stakeholder));
		}
		char *sh = buf_steal(&r);
		add(pg, _("Shares"), sh);
		free(sh);
		return true;
	}
	case ENT_SGOAL: {
		const struct strategy_goal *sg = model_sgoal(m, id);
		if (!sg)
			return false;
		pg->title = xstrdup(*sg->title ? sg->title : _("(no title)"));
		struct buf r;
		buf_init(&r);
		for (size_t i = 0; i < m->goals.n; i++) {
			const struct goal *g = MODEL_AT(m->goals, struct goal, i);
			if (g->strategy_goal == id)
				buf_printf(&r, "%s%s", r.len ? "\n" : "", name_of(m, ENT_GOAL, g->id));
		}
		char *goals = buf_steal(&r);
		add(pg, _("Goals"), goals);
		free(goals);
		return true;
	}
	case ENT_CHECK: {
		long i = table_index(&m->checks, id);
		if (i < 0)
			return false;
		const struct check_item *ch = MODEL_AT(m->checks, struct check_item, (size_t)i);
		const struct catalogue_item *ci =
			catalogue_find(i18n_lang(), ch->factor, ch->field, ch->item);
		pg->title = xstrdup(ci ? ci->title : "?");
		add(pg, NULL, ci ? ci->guidance : "");
		if (ch->votes)
			addf(pg, _("Votes"), "● %d", ch->votes);
		add(pg, _("Status"), vocab_label(VOCAB_CHECK_STATUS, ch->status));
		add(pg, _("Note"), ch->note);
		return true;
	}
	case ENT_NOTE: {
		long i = table_index(&m->notes, id);
		if (i < 0)
			return false;
		const struct note *nt = MODEL_AT(m->notes, struct note, (size_t)i);
		pg->title = xstrdup(vocab_label(VOCAB_NOTE_KIND, nt->kind));
		add(pg, NULL, nt->text);
		add(pg, _("Owner"), name_of(m, ENT_STAKEHOLDER, nt->owner));
		return true;
	}
	default:
		return false;
	}
}

/* The selected item of the current step. */
static bool current(struct ui *ui, enum entity *kind, int64_t *id)
{
	const struct ui_view *v = ui_views[ui->step];
	return v->current && v->current(ui, kind, id) && *id;
}

void ui_reading_open(struct ui *ui)
{
	enum entity kind;
	int64_t id;
	struct page pg;
	if (!current(ui, &kind, &id) || !build(ui, kind, id, &pg)) {
		ui_status(ui, "%s", _("Nothing selected to read here: select an item in a list."));
		return;
	}
	page_free(&pg);
	ui->reading = true;
	ui->reading_top = 0;
}

void ui_reading_draw(struct ui *ui, struct ui_rect r)
{
	enum entity kind;
	int64_t id;
	struct page pg;
	if (!current(ui, &kind, &id) || !build(ui, kind, id, &pg)) {
		ui->reading = false;
		ui_views[ui->step]->draw(ui, r);
		return;
	}
	/* the heading stays; the rest scrolls */
	ui_text(r.y, r.x, r.w, pg.title, ui_style(ST_TITLE) | A_BOLD, UI_TEXT_PAD);
	struct ui_rect body = {r.y + 2, r.x + 2, r.h - 2, r.w - 4};
	int line = 0; /* line of the whole page */
	attr_t text = ui_style(ST_NORMAL) | A_BOLD;
	for (size_t i = 0; i < pg.n; i++) {
		if (pg.v[i].label) {
			int y = body.y + line - ui->reading_top;
			if (y >= body.y && y < body.y + body.h)
				ui_text(y, body.x, body.w, pg.v[i].label, ui_style(ST_HEADER), 0);
			line++;
		}
		/* the text: skip what lies above the top */
		int skip = ui->reading_top > line ? ui->reading_top - line : 0;
		int y = body.y + line - ui->reading_top + skip;
		int h = body.y + body.h - y;
		struct ui_rect tr = {y, body.x + 2, h > 0 ? h : 0, body.w - 2};
		line += ui_text_wrapped(tr, skip, pg.v[i].text, text);
		line++; /* a blank line between the parts */
	}
	/* the findings that name the item */
	const struct findings *f = ui_findings(ui);
	bool head = false;
	for (size_t i = 0; i < f->n; i++) {
		const struct finding *x = &f->v[i];
		if (x->kind != kind || x->id != id)
			continue;
		if (!head) {
			int y = body.y + line - ui->reading_top;
			if (y >= body.y && y < body.y + body.h)
				ui_text(y, body.x, body.w, _("Findings"), ui_style(ST_HEADER), 0);
			line++;
			head = true;
		}
		char *msg = xstrdup(findings_message(x));
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%s %s", x->sev == SEV_GAP ? "!" : x->sev == SEV_WARNING ? "?" : "·",
			   msg);
		char *s = buf_steal(&b);
		int skip = ui->reading_top > line ? ui->reading_top - line : 0;
		int y = body.y + line - ui->reading_top + skip;
		int h = body.y + body.h - y;
		line += ui_text_wrapped((struct ui_rect){y, body.x + 2, h > 0 ? h : 0, body.w - 2},
					skip, s, ui_style(x->sev == SEV_GAP ? ST_ALERT : ST_NORMAL));
		free(s);
		free(msg);
	}
	ui->reading_lines = line;
	if (ui->reading_top > 0)
		ui_text(body.y, r.x + r.w - 1, 1, "↑", ui_style(ST_TITLE), 0);
	if (line - ui->reading_top > body.h)
		ui_text(body.y + body.h - 1, r.x + r.w - 1, 1, "↓", ui_style(ST_TITLE), 0);
	page_free(&pg);
}

int ui_reading_key(struct ui *ui, enum ui_action a, int key)
{
	(void)key;
	const struct ui_view *v = ui_views[ui->step];
	switch (a) {
	case ACT_UP:
	case ACT_LEFT:
	case ACT_DOWN:
	case ACT_RIGHT: {
		/* the previous or next item; the view stays open */
		enum entity kind0, kind;
		int64_t id0 = 0, id = 0;
		current(ui, &kind0, &id0);
		bool up = a == ACT_UP || a == ACT_LEFT;
		/* skip rows that are not items (a goal heading among indicators) */
		for (int tries = 0; tries < 4 && v->key; tries++) {
			v->key(ui, up ? ACT_UP : ACT_DOWN, 0);
			if (current(ui, &kind, &id) && (kind != kind0 || id != id0))
				break;
		}
		if (!current(ui, &kind, &id) || (kind == kind0 && id == id0))
			ui_status(ui, "%s", up ? _("This is the first item.") : _("This is the last item."));
		ui->reading_top = 0;
		return UI_REDRAW | UI_HANDLED;
	}
	case ACT_PGUP:
		ui->reading_top -= ui->content.h / 2;
		if (ui->reading_top < 0)
			ui->reading_top = 0;
		return UI_REDRAW | UI_HANDLED;
	case ACT_PGDN:
		if (ui->reading_top + ui->content.h - 2 < ui->reading_lines)
			ui->reading_top += ui->content.h / 2;
		return UI_REDRAW | UI_HANDLED;
	case ACT_HOME:
		ui->reading_top = 0;
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		/* the item's form, from the step's own Enter */
		ui->reading = false;
		return v->key ? v->key(ui, ACT_EDIT, '\n') | UI_REDRAW : UI_REDRAW;
	case ACT_READ:
		ui->reading = false;
		return UI_REDRAW | UI_HANDLED;
	case ACT_HELP:
	case ACT_CLOCK:
	case ACT_LANG:
	case ACT_QUIT:
	case ACT_UNDO:
	case ACT_REDO:
	case ACT_NOTE:
	case ACT_STEP:
	case ACT_NEXT_STEP:
	case ACT_PREV_STEP:
		return UI_UNHANDLED;
	default:
		if (key == 27) {
			ui->reading = false;
			return UI_REDRAW | UI_HANDLED;
		}
		ui_status(ui, "%s", _("Reading: ↑ ↓ next item, Enter edits, Esc or F3 closes."));
		return UI_REDRAW | UI_HANDLED;
	}
}

char *ui_first_line(const char *s)
{
	s = s ? s : "";
	const char *nl = strchr(s, '\n');
	if (!nl)
		return xstrdup(s);
	/* blank lines after the first do not count as more */
	const char *rest = nl;
	while (*rest == '\n' || *rest == ' ' || *rest == '\r' || *rest == '\t')
		rest++;
	struct buf b;
	buf_init(&b);
	buf_add(&b, s, (size_t)(nl - s));
	if (*rest)
		buf_adds(&b, " ↵…");
	return buf_steal(&b);
}
