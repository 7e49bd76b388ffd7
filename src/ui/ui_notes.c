/* ui_notes.c — the notes of the working group: decisions, action items
 * (with an owner and a due date) and the parking lot. Step 8 lists them
 * under the export, grouped by kind, because they belong in the council
 * paper; F4 opens a new note from the steps that offer it, so a decision
 * can be written down while the group discusses something else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "ui_room.h"
#include "util.h"

struct ui_notes {
	struct list lst;
	int64_t *order; /* note ids: decisions, then action items, then parking lot */
	size_t norder, caporder;
	int64_t sel_id;
};

struct ui_notes *ui_notes_new(void)
{
	return xcalloc(1, sizeof(struct ui_notes));
}

void ui_notes_free(struct ui_notes *n)
{
	if (!n)
		return;
	free(n->order);
	free(n);
}

struct list *ui_notes_list(struct ui *ui)
{
	struct ui_notes *vs = ui->notes;
	return &vs->lst;
}

void ui_notes_sync(struct ui *ui)
{
	struct ui_notes *vs = ui->notes;
	const struct model *m = &ui->m;
	xgrow((void **)&vs->order, &vs->caporder, m->notes.n + 1, sizeof *vs->order);
	vs->norder = 0;
	for (int kind = 0; kind < NOTE_KIND_COUNT; kind++)
		for (size_t i = 0; i < m->notes.n; i++) {
			const struct note *nt = MODEL_AT(m->notes, struct note, i);
			int k = nt->kind >= 0 && nt->kind < NOTE_KIND_COUNT ? nt->kind : 0;
			if (k == kind)
				vs->order[vs->norder++] = nt->id;
		}
	list_set_count(&vs->lst, vs->norder);
	if (vs->sel_id)
		for (size_t i = 0; i < vs->norder; i++)
			if (vs->order[i] == vs->sel_id) {
				list_select(&vs->lst, i);
				break;
			}
}

static const struct note *selected(struct ui *ui)
{
	struct ui_notes *vs = ui->notes;
	if (!vs->lst.n || vs->lst.sel >= vs->norder)
		return NULL;
	return MODEL_FIND(ui->m.notes, struct note, vs->order[vs->lst.sel]);
}

const struct note *ui_notes_at(struct ui *ui, size_t row)
{
	struct ui_notes *vs = ui->notes;
	return row < vs->norder ? MODEL_FIND(ui->m.notes, struct note, vs->order[row]) : NULL;
}

bool ui_notes_select(struct ui *ui, int64_t id)
{
	struct ui_notes *vs = ui->notes;
	ui_notes_sync(ui);
	for (size_t i = 0; i < vs->norder; i++)
		if (vs->order[i] == id) {
			vs->sel_id = id;
			list_select(&vs->lst, i);
			return true;
		}
	return false;
}

/* ------------------------------------------------------------ drawing */

static const struct list_col cols[] = {
	{N_("Kind"), 12, 0},
	{N_("Agreement, action item or question"), -4, 12},
	{N_("Owner"), -2, 8},
	{N_("Due"), 10, 0},
};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct ui_notes *vs = ui->notes;
	const struct note *nt = row < vs->norder ? MODEL_FIND(ui->m.notes, struct note, vs->order[row]) : NULL;
	if (!nt)
		return;
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], vocab_label(VOCAB_NOTE_KIND, nt->kind), base | A_BOLD, 0);
	char *first = ui_first_line(nt->text);
	ui_text(y, cx[1], cw[1], *first ? first : _("(no text)"), base, 0);
	free(first);
	const struct stakeholder *o = nt->owner ? model_stakeholder(&ui->m, nt->owner) : NULL;
	if (o)
		ui_text(y, cx[2], cw[2], o->name, base, 0);
	else if (nt->kind == NOTE_ACTION)
		ui_text(y, cx[2], cw[2], _("– nobody –"), sel ? base : ui_style(ST_WARN), 0);
	char d[32];
	i18n_date(nt->due, i18n_lang(), d);
	ui_text(y, cx[3], cw[3], d, base, 0);
}

void ui_notes_draw(struct ui *ui, struct ui_rect r, bool focus)
{
	struct ui_notes *vs = ui->notes;
	vs->lst.passive = !focus;
	list_draw(&vs->lst, r, cols, 4, draw_row, ui,
		  _("No notes yet. Press n (or F4 from any step) to write down an agreement, "
		    "an action item with owner and due date, or a question for later."));
}

/* ------------------------------------------------------------ the form */

enum { NF_TEXT, NF_KIND, NF_OWNER, NF_DUE };

static bool save_note(struct ui *ui, struct form *fm, int64_t id)
{
	struct ui_notes *vs = ui->notes;
	struct note nt;
	const struct note *old = id ? MODEL_FIND(ui->m.notes, struct note, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This note no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		note_copy(&nt, old);
	else
		note_init(&nt);
	str_take(&nt.text, form_text(fm, NF_TEXT));
	nt.kind = form_choice(fm, NF_KIND);
	nt.owner = form_ref(fm, NF_OWNER);
	free(nt.due);
	nt.due = form_date(fm, NF_DUE);
	bool ok = ui_store_ok(ui, store_save_note(ui->s, &ui->m, &nt));
	if (ok) {
		vs->sel_id = nt.id;
		if (ui->step == STEP_EXPORT || ui->lot_open)
			ui_status(ui, "%s", id ? _("Note saved.") : _("Note added."));
		else
			ui_status(ui, "%s", _("Note added; F4 shows the parking lot."));
	}
	note_free(&nt);
	return ok;
}

void ui_note_form(struct ui *ui, int64_t id)
{
	const struct model *m = &ui->m;
	const struct note *nt = id ? MODEL_FIND(m->notes, struct note, id) : NULL;
	struct note empty;
	note_init(&empty);
	if (!nt)
		nt = &empty;
	struct form *fm = form_new(id ? N_("Edit note") : N_("New note"), NULL);
	form_add_longtext(fm, N_("Note"), nt->text, true);
	form_set_note(fm, NF_TEXT, N_("What was decided, what has to be done, or what is parked."));
	form_add_choice(fm, N_("Kind"), VOCAB_NOTE_KIND, nt->kind);
	form_set_note(fm, NF_KIND, N_("Agreement, action item or parked question; Space picks."));
	form_add_ref(fm, N_("Owner"), N_("– nobody –"));
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *s = MODEL_AT(m->stakeholders, struct stakeholder, i);
		form_ref_option(fm, NF_OWNER, s->id, s->name);
	}
	form_ref_set(fm, NF_OWNER, nt->owner);
	form_set_note(fm, NF_OWNER, N_("Who sees to it (action items); Space picks."));
	form_add_date(fm, N_("Due"), nt->due, false);
	form_set_note(fm, NF_DUE, N_("By when, e.g. 30.06.2026."));
	form_focus(fm, NF_TEXT);
	note_free(&empty);
	ui_form_open(ui, fm, save_note, id);
}

/* ------------------------------------------------------------ delete */

static void delete_yes(struct ui *ui, int64_t id)
{
	if (ui_store_ok(ui, store_delete(ui->s, &ui->m, ENT_NOTE, id)))
		ui_status(ui, "%s", _("Note deleted (u undoes it)."));
}

static void note_delete(struct ui *ui, const struct note *nt)
{
	char q[800];
	size_t cut = utf8_prefix(nt->text, 40);
	char *text = xstrndup(nt->text, cut);
	snprintf(q, sizeof q, _("Delete the note “%s%s”?"), text, nt->text[cut] ? "…" : "");
	free(text);
	ui_confirm(ui, q, delete_yes, nt->id);
}

/* ------------------------------------------------------------ keys */

int ui_notes_key(struct ui *ui, enum ui_action a)
{
	struct ui_notes *vs = ui->notes;
	if (list_move(&vs->lst, a)) {
		const struct note *nt = selected(ui);
		vs->sel_id = nt ? nt->id : 0;
		return UI_REDRAW | UI_HANDLED;
	}
	const struct note *nt = selected(ui);
	switch (a) {
	case ACT_NEW:
		ui_note_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		ui_note_form(ui, nt ? nt->id : 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (!nt)
			return UI_UNHANDLED;
		note_delete(ui, nt);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

int64_t ui_notes_current(struct ui *ui)
{
	const struct note *nt = selected(ui);
	return nt ? nt->id : 0;
}
