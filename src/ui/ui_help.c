/* ui_help.c — F1: the help for the current step (or the open form): a few
 * sentences of guidance and the keys, from the action table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

/* One line of the help text after wrapping. */
struct hline {
	char *text;
	enum ui_style st;
	int indent;
};

struct hlines {
	struct hline *v;
	size_t n, cap;
};

static void add_line(struct hlines *h, const char *s, size_t len, enum ui_style st, int indent)
{
	xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof *h->v);
	h->v[h->n++] = (struct hline){xstrndup(s, len), st, indent};
}

/* Adds s wrapped to width (indent columns in). */
static void add_wrapped(struct hlines *h, const char *s, int width, enum ui_style st, int indent)
{
	if (!*s) {
		add_line(h, "", 0, st, 0);
		return;
	}
	while (*s) {
		size_t next;
		size_t len = ui_wrap(s, width - indent, &next);
		add_line(h, s, len, st, indent);
		s += next;
		if (!next)
			break;
	}
}

static void add_key(struct hlines *h, enum ui_action a, int width, int keyw)
{
	const struct ui_action_info *ai = &ui_actions[a];
	if (!ai->help)
		return;
	char keys[64];
	ui_action_keys(a, keys, sizeof keys);
	/* the keys, padded to the column, then the wrapped description */
	struct buf b;
	buf_init(&b);
	buf_adds(&b, keys);
	for (int w = ui_width(keys); w < keyw; w++)
		buf_addc(&b, ' ');
	const char *desc = _(ai->help);
	if (ui_width(keys) >= keyw) {
		/* keys wider than their column: the description on lines of its own */
		add_line(h, b.data, b.len, ST_NORMAL, 0);
		buf_free(&b);
		add_wrapped(h, desc, width, ST_NORMAL, keyw);
		return;
	}
	size_t next;
	size_t len = ui_wrap(desc, width - keyw, &next);
	buf_add(&b, desc, len);
	add_line(h, b.data, b.len, ST_NORMAL, 0);
	buf_free(&b);
	if (desc[next])
		add_wrapped(h, desc + next, width, ST_NORMAL, keyw);
}

static void build(struct ui *ui, int width, struct hlines *h)
{
	const struct ui_view *v = ui_views[ui->step];
	char name[64], title[160];
	ui_step_name(ui->step, name, sizeof name);
	if (ui->form)
		snprintf(title, sizeof title, _("Help: filling in a form (%s)"), name);
	else
		snprintf(title, sizeof title, _("Help: %s"), name);
	add_wrapped(h, title, width, ST_TITLE, 0);
	add_line(h, "", 0, ST_NORMAL, 0);
	if (ui->form) {
		add_wrapped(h,
			    _("Each line is one field. Type to change it; dates may be typed as "
			      "DD.MM.YYYY or YYYY-MM-DD, numbers with a decimal comma or point. "
			      "Fields marked * are needed. A message under a field says what is "
			      "wrong with it. Enter saves the whole item as one change that u can "
			      "undo later; Esc drops the form."),
			    width, ST_NORMAL, 0);
	} else if (v->help) {
		/* paragraphs are separated by blank lines in the msgid */
		const char *p = _(v->help);
		while (*p) {
			const char *end = strstr(p, "\n\n");
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char *para = xstrndup(p, len);
			add_wrapped(h, para, width, ST_NORMAL, 0);
			free(para);
			if (!end)
				break;
			add_line(h, "", 0, ST_NORMAL, 0);
			p = end + 2;
		}
	}
	add_line(h, "", 0, ST_NORMAL, 0);
	add_wrapped(h, _("Keys"), width, ST_HEADER, 0);
	enum ui_action acts[64];
	int n = 0;
	if (ui->form) {
		static const enum ui_action form_keys[] = {ACT_SAVE,	   ACT_CANCEL, ACT_NEXT_FIELD,
							   ACT_PREV_FIELD, ACT_TYPE,   ACT_CHOOSE,
							   ACT_HELP,	   ACT_CLOCK,  ACT_LANG,
							   ACT_QUIT};
		for (size_t i = 0; i < sizeof form_keys / sizeof *form_keys; i++)
			acts[n++] = form_keys[i];
	} else {
		for (const enum ui_action *a = v->bar; a && *a != ACT_NONE && n < 20; a++)
			acts[n++] = *a;
		for (const enum ui_action *a = v->more; a && *a != ACT_NONE && n < 26; a++)
			acts[n++] = *a;
		acts[n++] = ACT_UP;
		/* then every key of the whole screen, from the action table */
		for (const enum ui_action *g = ui_global_actions; *g != ACT_NONE && n < 64; g++) {
			bool dup = false;
			for (int k = 0; k < n; k++)
				dup = dup || acts[k] == *g;
			if (!dup)
				acts[n++] = *g;
		}
	}
	int keyw = 0;
	for (int i = 0; i < n; i++) {
		char keys[64];
		ui_action_keys(acts[i], keys, sizeof keys);
		if (ui_width(keys) + 2 > keyw)
			keyw = ui_width(keys) + 2;
	}
	if (keyw > width / 3)
		keyw = width / 3;
	for (int i = 0; i < n; i++)
		add_key(h, acts[i], width, keyw);
	add_line(h, "", 0, ST_NORMAL, 0);
	add_wrapped(h,
		    _("Every change is saved in the workshop file the moment it is made; "
		      "nothing is sent anywhere. The guidance follows the BBSR study by Hohmann, "
		      "Kayser and Abt (2025): Von der innovativen Idee in den Regelbetrieb."),
		    width, ST_DIM, 0);
}

static void free_lines(struct hlines *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].text);
	free(h->v);
}

void ui_help_draw(struct ui *ui, struct ui_rect r)
{
	struct hlines h = {0};
	int width = r.w - 2 > 100 ? 100 : r.w - 2;
	build(ui, width, &h);
	/* when the text scrolls, its last line is the scroll marker's */
	int rows = (int)h.n > r.h ? r.h - 1 : r.h;
	int max_top = (int)h.n > rows ? (int)h.n - rows : 0;
	if (ui->help_top > max_top)
		ui->help_top = max_top;
	if (ui->help_top < 0)
		ui->help_top = 0;
	for (int i = 0; i < rows; i++) {
		size_t k = (size_t)(ui->help_top + i);
		if (k >= h.n)
			break;
		ui_text(r.y + i, r.x + 1 + h.v[k].indent, width - h.v[k].indent, h.v[k].text,
			ui_style(h.v[k].st), 0);
	}
	if (max_top > 0) {
		char more[64];
		snprintf(more, sizeof more, _("↑↓ PgUp PgDn Home End scroll (%d%%)"),
			 max_top ? ui->help_top * 100 / max_top : 100);
		ui_text(r.y + r.h - 1, r.x + r.w - ui_width(more), ui_width(more), more,
			ui_style(ST_HEADER), 0);
	}
	free_lines(&h);
}

int ui_help_key(struct ui *ui, enum ui_action a, int key)
{
	/* in a form's help, PgUp, PgDn, Home and End scroll as well */
	if (a == ACT_NONE)
		a = ui_key_action(CTX_MAIN, key, NULL);
	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		ui->help_top--;
		return UI_REDRAW;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		ui->help_top++;
		return UI_REDRAW;
	case ACT_PGUP:
		ui->help_top -= ui->content.h - 1;
		return UI_REDRAW;
	case ACT_PGDN:
		ui->help_top += ui->content.h - 1;
		return UI_REDRAW;
	case ACT_HOME:
		ui->help_top = 0;
		return UI_REDRAW;
	case ACT_END:
		ui->help_top = 1 << 20; /* the drawing stops it at the last page */
		return UI_REDRAW;
	case ACT_LANG:
	case ACT_CLOCK:
		if (a == ACT_LANG) {
			/* switching the language keeps the help open */
			ui_switch_language(ui);
		} else {
			ui_clock_toggle(ui);
		}
		return UI_REDRAW;
	case ACT_QUIT:
		if (!ui->form && key != 'q') {
			ui->quit = true;
			return UI_HANDLED;
		}
		break;
	default:
		break;
	}
	(void)key;
	ui->help = false;
	return UI_REDRAW;
}
