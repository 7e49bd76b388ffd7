/* form.c — forms of one-line and multi-line fields with inline
 * validation. */
#include "config.h"
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "ui_keys.h"
#include "util.h"

struct form *form_new(const char *title, const char *item)
{
	struct form *fm = xcalloc(1, sizeof *fm);
	fm->title = title;
	fm->item = item && *item ? xstrdup(item) : NULL;
	fm->cur_y = fm->cur_x = -1;
	return fm;
}

void form_free(struct form *fm)
{
	if (!fm)
		return;
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		lineedit_free(&f->le);
		for (size_t k = 0; k < f->nopts; k++)
			free(f->opts[k].label);
		free(f->opts);
		free(f->error);
		free(f->orig);
	}
	free(fm->f);
	free(fm->field_y);
	free(fm->item);
	free(fm);
}

static struct form_field *add(struct form *fm, enum form_kind kind, const char *label)
{
	xgrow((void **)&fm->f, &fm->cap, fm->n + 1, sizeof *fm->f);
	struct form_field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->label = label;
	lineedit_init(&f->le, 0);
	free(fm->field_y);
	fm->field_y = xcalloc(fm->n, sizeof *fm->field_y);
	return f;
}

int form_add_text(struct form *fm, const char *label, const char *value, bool required)
{
	struct form_field *f = add(fm, FORM_TEXT, label);
	f->required = required;
	lineedit_set(&f->le, value);
	return (int)fm->n - 1;
}

int form_add_longtext(struct form *fm, const char *label, const char *value, bool required)
{
	int i = form_add_text(fm, label, NULL, required);
	fm->f[i].le.multiline = true;
	lineedit_set(&fm->f[i].le, value);
	return i;
}

int form_add_date(struct form *fm, const char *label, const char *iso, bool lenient)
{
	struct form_field *f = add(fm, FORM_DATE, label);
	f->lenient = lenient;
	char shown[32];
	i18n_date(iso ? iso : "", i18n_lang(), shown);
	lineedit_set(&f->le, shown);
	return (int)fm->n - 1;
}

int form_add_number(struct form *fm, const char *label, struct optnum v)
{
	struct form_field *f = add(fm, FORM_NUMBER, label);
	char shown[64] = "";
	if (v.set)
		i18n_number(v.v, i18n_lang(), shown);
	lineedit_set(&f->le, shown);
	return (int)fm->n - 1;
}

int form_add_int(struct form *fm, const char *label, long v, long lo, long hi)
{
	struct form_field *f = add(fm, FORM_INT, label);
	f->lo = lo;
	f->hi = hi;
	char shown[32];
	snprintf(shown, sizeof shown, "%ld", v);
	lineedit_set(&f->le, shown);
	return (int)fm->n - 1;
}

int form_add_choice(struct form *fm, const char *label, enum vocab_kind k, int value)
{
	struct form_field *f = add(fm, FORM_CHOICE, label);
	f->vocab = k;
	f->value = value >= 0 && value < vocab_count(k) ? value : 0;
	return (int)fm->n - 1;
}

int form_add_choice_unset(struct form *fm, const char *label, enum vocab_kind k)
{
	int i = form_add_choice(fm, label, k, 0);
	fm->f[i].value = -1;
	fm->f[i].required = true;
	return i;
}

int form_add_scale(struct form *fm, const char *label, long v, long lo, long hi)
{
	int i = form_add_ref(fm, label, NULL);
	for (long k = lo; k <= hi; k++) {
		char num[24];
		snprintf(num, sizeof num, "%ld", k);
		form_ref_option(fm, i, k, num);
	}
	form_ref_set(fm, i, v);
	return i;
}

int form_add_ref(struct form *fm, const char *label, const char *none_label)
{
	struct form_field *f = add(fm, FORM_REF, label);
	if (none_label) {
		/* the msgid is kept and translated when drawn */
		form_ref_option(fm, (int)fm->n - 1, 0, none_label);
		f->has_none = true;
	}
	return (int)fm->n - 1;
}

void form_ref_option(struct form *fm, int field, int64_t id, const char *label)
{
	struct form_field *f = &fm->f[field];
	xgrow((void **)&f->opts, &f->capopts, f->nopts + 1, sizeof *f->opts);
	f->opts[f->nopts++] = (struct form_option){id, xstrdup(label ? label : "")};
}

void form_ref_set(struct form *fm, int field, int64_t id)
{
	struct form_field *f = &fm->f[field];
	for (size_t k = 0; k < f->nopts; k++)
		if (f->opts[k].id == id) {
			f->value = (int)k;
			return;
		}
	f->value = 0;
}

void form_set_note(struct form *fm, int field, const char *note)
{
	fm->f[field].note = note;
}

void form_focus(struct form *fm, int field)
{
	if (field >= 0 && (size_t)field < fm->n) {
		fm->focus = (size_t)field;
		fm->search[0] = '\0';
		lineedit_end(&fm->f[field].le);
	}
}

static void set_msg(struct form_field *f, const char *msg, bool warning)
{
	free(f->error);
	f->error = msg ? xstrdup(msg) : NULL;
	f->warning = warning;
}

void form_set_error(struct form *fm, int field, const char *msg)
{
	set_msg(&fm->f[field], msg, false);
	form_focus(fm, field);
}

/* The label of option i of a choice or reference field (translated). */
static const char *option_label(const struct form_field *f, size_t i)
{
	if (f->value < 0 && i == (size_t)f->value)
		return _("– not chosen: Space or a first letter –");
	if (f->kind == FORM_CHOICE)
		return vocab_label(f->vocab, (int)i);
	if (i == 0 && f->has_none)
		return _(f->opts[0].label);
	return f->opts[i].label;
}

static size_t option_count(const struct form_field *f)
{
	return f->kind == FORM_CHOICE ? (size_t)vocab_count(f->vocab) : f->nopts;
}

/* Checks one field and sets or clears its message; true when it may be
 * saved (warnings allowed). */
static bool check_field(struct form_field *f)
{
	char *t = lineedit_get(&f->le);
	str_trim(t);
	bool ok = true;
	char msg[400];
	switch (f->kind) {
	case FORM_TEXT:
		if (f->required && !*t) {
			set_msg(f, _("This field is needed."), false);
			ok = false;
		} else {
			set_msg(f, NULL, false);
		}
		break;
	case FORM_DATE: {
		struct date d;
		if (!*t || date_parse(t, &d))
			set_msg(f, NULL, false);
		else if (f->lenient)
			set_msg(f,
				_("Not a date, kept as text. Type DD.MM.YYYY or YYYY-MM-DD to "
				  "make it one."),
				true);
		else {
			set_msg(f, _("Not a date: type DD.MM.YYYY or YYYY-MM-DD."), false);
			ok = false;
		}
		break;
	}
	case FORM_NUMBER: {
		/* typed as the session language shows numbers; never guessed */
		enum err e = *t ? num_parse_lang(t, i18n_lang(), NULL) : ERR_OK;
		if (e == ERR_OK) {
			set_msg(f, NULL, false);
		} else {
			i18n_number_refusal(e, i18n_lang(), msg, sizeof msg);
			set_msg(f, msg, false);
			ok = false;
		}
		break;
	}
	case FORM_INT: {
		double v = 0;
		enum err e = num_parse_lang(t, i18n_lang(), &v);
		if (e != ERR_OK && e != ERR_NUM_EMPTY) {
			i18n_number_refusal(e, i18n_lang(), msg, sizeof msg);
			set_msg(f, msg, false);
			ok = false;
		} else if (e == ERR_OK && v == (double)(long)v && v >= (double)f->lo &&
			   v <= (double)f->hi) {
			set_msg(f, NULL, false);
		} else {
			snprintf(msg, sizeof msg, _("Type a whole number from %ld to %ld."), f->lo, f->hi);
			set_msg(f, msg, false);
			ok = false;
		}
		break;
	}
	case FORM_CHOICE:
		if (f->value < 0) {
			set_msg(f, _("Choose one: Space, or type its first letter."), false);
			ok = false;
		} else {
			set_msg(f, NULL, false);
		}
		break;
	case FORM_REF:
		if (f->nopts == 0) {
			set_msg(f, _("There is nothing to choose from yet."), false);
			ok = false;
		} else {
			set_msg(f, NULL, false);
		}
		break;
	}
	free(t);
	return ok;
}

bool form_validate(struct form *fm)
{
	long first_bad = -1;
	for (size_t i = 0; i < fm->n; i++)
		if (!check_field(&fm->f[i]) && first_bad < 0)
			first_bad = (long)i;
	if (first_bad >= 0) {
		form_focus(fm, (int)first_bad);
		return false;
	}
	return true;
}

/* Type-ahead: does option label start with the letters in pre? */
static bool starts_with(const char *label, const wchar_t *pre, size_t npre)
{
	size_t n = strlen(label);
	wchar_t stackbuf[128];
	wchar_t *w = n < 128 ? stackbuf : xmalloc((n + 1) * sizeof *w);
	size_t k = lineedit_decode(label, n, w);
	bool ok = k >= npre;
	for (size_t i = 0; ok && i < npre; i++)
		ok = uchar_fold((uint32_t)w[i]) == uchar_fold((uint32_t)pre[i]);
	if (w != stackbuf)
		free(w);
	return ok;
}

static long find_option(const struct form_field *f, const wchar_t *pre, size_t npre, size_t from)
{
	size_t n = option_count(f);
	if (n == 0)
		return -1;
	for (size_t k = 0; k < n; k++) {
		size_t i = (from + k) % n;
		if (starts_with(option_label(f, i), pre, npre))
			return (long)i;
	}
	return -1;
}

/* A letter typed into a choice field: jump to the option starting with the
 * letters typed so far, or with this letter alone after the current one. */
static bool type_ahead(struct form *fm, struct form_field *f, wchar_t c)
{
	wchar_t pre[64];
	size_t npre = lineedit_decode(fm->search, strlen(fm->search), pre);
	if (npre >= 60)
		npre = 0;
	pre[npre++] = c;
	size_t cur = f->value < 0 ? 0 : (size_t)f->value;
	long i = npre > 1 ? find_option(f, pre, npre, cur) : -1;
	if (i < 0) {
		/* a first letter: the next option with it (again: the one after) */
		i = find_option(f, &c, 1, f->value < 0 ? 0 : cur + 1);
		npre = 1;
		pre[0] = c;
	}
	if (i < 0 && c >= L'1' && c <= L'9') {
		/* a digit no option starts with: the option of that number */
		size_t k = (size_t)(c - L'1') + (f->kind == FORM_REF && f->has_none ? 1 : 0);
		if (k < option_count(f))
			i = (long)k;
		npre = 0;
	}
	if (i < 0) {
		fm->search[0] = '\0';
		return false;
	}
	f->value = (int)i;
	/* keep the letters for the next key */
	struct lineedit tmp;
	lineedit_init(&tmp, 60);
	for (size_t k = 0; k < npre; k++)
		lineedit_insert(&tmp, pre[k]);
	char *s = lineedit_get(&tmp);
	snprintf(fm->search, sizeof fm->search, "%s", s);
	free(s);
	lineedit_free(&tmp);
	return true;
}

static enum form_result choice_key(struct form *fm, struct form_field *f, int key)
{
	size_t n = option_count(f);
	if (n == 0)
		return FORM_IGNORED;
	if (key == ' ' || key == KC(KEY_RIGHT)) {
		f->value = f->value < 0 ? 0 : (int)(((size_t)f->value + 1) % n);
		fm->search[0] = '\0';
		return FORM_CHANGED;
	}
	if (key == KC(KEY_LEFT)) {
		f->value = f->value < 0 ? (int)n - 1 : (int)(((size_t)f->value + n - 1) % n);
		fm->search[0] = '\0';
		return FORM_CHANGED;
	}
	if (key == KC(KEY_HOME) || key == KC(KEY_END)) {
		f->value = key == KC(KEY_HOME) ? 0 : (int)n - 1;
		fm->search[0] = '\0';
		return FORM_CHANGED;
	}
	if (key == KC(KEY_BACKSPACE) || key == 127 || key == 8) {
		fm->search[0] = '\0';
		return FORM_CHANGED;
	}
	if (!(key & UI_KEYCODE) && key > ' ' && wcwidth((wchar_t)key) > 0)
		return type_ahead(fm, f, (wchar_t)key) ? FORM_CHANGED : FORM_IGNORED;
	return FORM_IGNORED;
}

static enum form_result text_key(struct form_field *f, int key)
{
	bool done;
	switch (key) {
	case KC(KEY_LEFT):
		done = lineedit_left(&f->le);
		break;
	case KC(KEY_RIGHT):
		done = lineedit_right(&f->le);
		break;
	case KC(KEY_HOME):
	case CTRL('a'):
		done = lineedit_home(&f->le);
		break;
	case KC(KEY_END):
	case CTRL('e'):
		done = lineedit_end(&f->le);
		break;
	case KC(KEY_BACKSPACE):
	case 127:
	case 8:
		done = lineedit_backspace(&f->le);
		break;
	case KC(KEY_DC):
		done = lineedit_delete(&f->le);
		break;
	default:
		if (key & UI_KEYCODE)
			return FORM_IGNORED;
		done = lineedit_insert(&f->le, (wchar_t)key) == LINEEDIT_OK;
		if (!done)
			beep();
		break;
	}
	if (done && f->error && !f->warning)
		set_msg(f, NULL, false); /* checked again when leaving the field */
	return done ? FORM_CHANGED : FORM_IGNORED;
}

/* Keeps every field's first value, once (form_changed compares). */
static void snapshot(struct form *fm)
{
	if (fm->snapped)
		return;
	for (size_t i = 0; i < fm->n; i++) {
		fm->f[i].orig = lineedit_get(&fm->f[i].le);
		fm->f[i].orig_value = fm->f[i].value;
	}
	fm->snapped = true;
}

bool form_changed(struct form *fm)
{
	if (!fm->snapped)
		return false;
	for (size_t i = 0; i < fm->n; i++) {
		const struct form_field *f = &fm->f[i];
		if (f->kind == FORM_CHOICE || f->kind == FORM_REF) {
			if (f->value != f->orig_value)
				return true;
			continue;
		}
		char *t = lineedit_get(&f->le);
		bool same = !strcmp(t, f->orig ? f->orig : "");
		free(t);
		if (!same)
			return true;
	}
	return false;
}

enum form_result form_paste(struct form *fm, const wchar_t *text, size_t n, bool *cut)
{
	*cut = false;
	if (fm->n == 0)
		return FORM_IGNORED;
	snapshot(fm);
	struct form_field *f = &fm->f[fm->focus];
	if (f->kind == FORM_CHOICE || f->kind == FORM_REF)
		return FORM_IGNORED;
	bool done = false;
	for (size_t i = 0; i < n; i++) {
		wchar_t c = text[i];
		if (c == L'\n' && !f->le.multiline)
			c = L' ';
		else if (c == L'\t')
			c = L' ';
		enum lineedit_result r = lineedit_insert(&f->le, c);
		if (r == LINEEDIT_FULL) {
			*cut = true;
			break;
		}
		if (r == LINEEDIT_OK)
			done = true;
	}
	if (done && f->error && !f->warning)
		set_msg(f, NULL, false);
	return done ? FORM_CHANGED : FORM_IGNORED;
}

enum form_result form_key(struct form *fm, int key)
{
	if (fm->n == 0)
		return FORM_IGNORED;
	snapshot(fm);
	struct form_field *f = &fm->f[fm->focus];
	/* Up and Down move between the lines of a multi-line field first */
	if (f->le.multiline && f->width > 0 && (key == KC(KEY_UP) || key == KC(KEY_DOWN)) &&
	    lineedit_line_move(&f->le, f->width, key == KC(KEY_UP) ? -1 : 1))
		return FORM_CHANGED;
	switch (ui_key_action(CTX_FORM, key, NULL)) {
	case ACT_SAVE:
		return form_validate(fm) ? FORM_SUBMIT : FORM_CHANGED;
	case ACT_CANCEL:
		return FORM_CANCEL;
	case ACT_NEXT_FIELD:
		check_field(f);
		form_focus(fm, (int)((fm->focus + 1) % fm->n));
		return FORM_CHANGED;
	case ACT_PREV_FIELD:
		check_field(f);
		form_focus(fm, (int)((fm->focus + fm->n - 1) % fm->n));
		return FORM_CHANGED;
	default:
		break;
	}
	if (f->kind == FORM_CHOICE || f->kind == FORM_REF)
		return choice_key(fm, f, key);
	return text_key(f, key);
}

bool form_focus_is_choice(const struct form *fm)
{
	return fm->n && (fm->f[fm->focus].kind == FORM_CHOICE || fm->f[fm->focus].kind == FORM_REF);
}

/* ------------------------------------------------------------ values */

char *form_text(const struct form *fm, int field)
{
	char *t = lineedit_get(&fm->f[field].le);
	str_trim(t);
	return t;
}

char *form_date(const struct form *fm, int field)
{
	char *t = form_text(fm, field);
	struct date d;
	if (*t && date_parse(t, &d)) {
		char iso[11];
		date_iso(&d, iso);
		free(t);
		return xstrdup(iso);
	}
	if (!fm->f[field].lenient)
		t[0] = '\0';
	return t;
}

struct optnum form_number(const struct form *fm, int field)
{
	char *t = form_text(fm, field);
	struct optnum n = {0, false};
	if (*t && num_parse_lang(t, i18n_lang(), &n.v) == ERR_OK)
		n.set = true;
	free(t);
	return n;
}

long form_int(const struct form *fm, int field)
{
	if (fm->f[field].kind == FORM_REF)
		return form_ref(fm, field);
	char *t = form_text(fm, field);
	double d = 0;
	long v = fm->f[field].lo;
	if (num_parse_lang(t, i18n_lang(), &d) == ERR_OK && d == (double)(long)d &&
	    d >= (double)fm->f[field].lo && d <= (double)fm->f[field].hi)
		v = (long)d;
	free(t);
	return v;
}

int form_choice(const struct form *fm, int field)
{
	return fm->f[field].value;
}

int64_t form_ref(const struct form *fm, int field)
{
	const struct form_field *f = &fm->f[field];
	return f->nopts && f->value >= 0 ? f->opts[f->value].id : 0;
}

/* ------------------------------------------------------------ drawing */

static int label_width(const struct form *fm, int avail)
{
	int w = 0;
	for (size_t i = 0; i < fm->n; i++) {
		int lw = ui_width(_(fm->f[i].label)) + (fm->f[i].required ? 2 : 0);
		if (lw > w)
			w = lw;
	}
	w += 1;
	if (w > avail / 3)
		w = avail / 3;
	return w;
}

static void draw_text_field(struct form *fm, struct form_field *f, bool focus, int y, int x, int w)
{
	attr_t a = ui_style(focus ? ST_FIELD_FOCUS : ST_FIELD);
	ui_fill(y, x, w, a);
	if (focus)
		lineedit_scroll(&f->le, w);
	else if (f->le.scroll > 0 && lineedit_width(&f->le) < w)
		f->le.scroll = 0;
	size_t start;
	int pad;
	size_t n = lineedit_visible(&f->le, w, &start, &pad);
	wchar_t *buf = xmalloc((n + 1) * sizeof *buf);
	for (size_t i = 0; i < n; i++)
		buf[i] = lineedit_display_char(f->le.text[start + i]);
	attr_set(a, PAIR_NUMBER(a), NULL);
	if (n)
		mvaddnwstr(y, x + pad, buf, (int)n);
	attr_set(A_NORMAL, 0, NULL);
	free(buf);
	/* more text beyond the edges */
	if (f->le.scroll > 0)
		ui_text(y, x, 1, "◂", a | A_BOLD, 0);
	if (lineedit_width(&f->le) - f->le.scroll > w && !(focus && f->le.cur == f->le.len))
		ui_text(y, x + w - 1, 1, "▸", a | A_BOLD, 0);
	if (focus) {
		fm->cur_y = y;
		fm->cur_x = x + lineedit_cursor_col(&f->le) - f->le.scroll;
	}
}

/* The most lines a multi-line field shows, focused and not. */
#define FORM_ROWS_FOCUS 8
#define FORM_ROWS 3

static int multiline_rows(const struct form_field *f, bool focus, int w)
{
	size_t *st;
	size_t n = lineedit_wrap(&f->le, w, &st);
	free(st);
	int max = focus ? FORM_ROWS_FOCUS : FORM_ROWS;
	return n > (size_t)max ? max : (int)n;
}

static void draw_multiline_field(struct form *fm, struct form_field *f, bool focus, int y, int x,
				 int w, int rows)
{
	attr_t a = ui_style(focus ? ST_FIELD_FOCUS : ST_FIELD);
	size_t *st;
	size_t n = lineedit_wrap(&f->le, w, &st);
	size_t crow;
	int ccol;
	lineedit_cursor_line(&f->le, st, n, &crow, &ccol);
	/* le.scroll is the first line shown */
	if (!focus)
		f->le.scroll = 0;
	else if ((int)crow < f->le.scroll)
		f->le.scroll = (int)crow;
	else if ((int)crow >= f->le.scroll + rows)
		f->le.scroll = (int)crow - rows + 1;
	if (f->le.scroll > 0 && (size_t)f->le.scroll + (size_t)rows > n)
		f->le.scroll = n > (size_t)rows ? (int)(n - (size_t)rows) : 0;
	wchar_t *buf = xmalloc(((size_t)w + 1) * sizeof *buf);
	for (int r = 0; r < rows; r++) {
		ui_fill(y + r, x, w, a);
		size_t line = (size_t)f->le.scroll + (size_t)r;
		if (line >= n)
			continue;
		size_t from;
		size_t cnt = lineedit_line(&f->le, st, n, line, &from);
		size_t k = 0;
		int used = 0;
		while (k < cnt && k < (size_t)w) {
			int cw = lineedit_char_width(f->le.text[from + k]);
			if (used + cw > w)
				break;
			buf[k] = lineedit_display_char(f->le.text[from + k]);
			used += cw;
			k++;
		}
		attr_set(a, PAIR_NUMBER(a), NULL);
		if (k)
			mvaddnwstr(y + r, x, buf, (int)k);
		attr_set(A_NORMAL, 0, NULL);
	}
	free(buf);
	/* more lines above or below */
	if (f->le.scroll > 0)
		ui_text(y, x + w - 1, 1, "▴", a | A_BOLD, 0);
	if ((size_t)f->le.scroll + (size_t)rows < n)
		ui_text(y + rows - 1, x + w - 1, 1, "▾", a | A_BOLD, 0);
	if (focus) {
		fm->cur_y = y + (int)crow - f->le.scroll;
		fm->cur_x = x + (ccol < w ? ccol : w - 1);
	}
	free(st);
}

static void draw_choice_field(struct form_field *f, bool focus, int y, int x, int w)
{
	attr_t a = ui_style(focus ? ST_FIELD_FOCUS : ST_FIELD);
	ui_fill(y, x, w, a);
	size_t n = option_count(f);
	const char *label = n ? option_label(f, f->value < 0 ? (size_t)-1 : (size_t)f->value) : "";
	/* no value chosen yet: not bold, but not dim either (a projector
	 * washes dim text out, and the group must see that a choice is due) */
	if (f->value < 0)
		a = a & ~A_BOLD;
	char pos[64] = "";
	if (focus && n > 1 && f->value >= 0)
		snprintf(pos, sizeof pos, " %d/%zu ", f->value + 1, n);
	int pw = ui_width(pos);
	ui_text(y, x, w - pw, label, a | (focus ? A_BOLD : 0), 0);
	if (pw)
		ui_text(y, x + w - pw, pw, pos, a, 0);
}

/* The most lines a field's message takes (a refused number says why and
 * how to type one). */
#define FORM_MSG_LINES 3

/* Lines of the field's message wrapped to fw columns (0: none). */
static int message_lines(const struct form_field *f, int fw)
{
	if (!f->error)
		return 0;
	char msg[512];
	snprintf(msg, sizeof msg, "! %s", f->error);
	int lines = 0;
	const char *p = msg;
	while (*p && lines < FORM_MSG_LINES) {
		size_t next;
		ui_wrap(p, fw, &next);
		lines++;
		if (!next)
			break;
		p += next;
	}
	return lines ? lines : 1;
}

/* Lines the field takes (its rows, and its message); fw is the field's
 * width. */
static int field_lines(const struct form_field *f, bool focus, int fw)
{
	int rows = f->le.multiline ? multiline_rows(f, focus, fw) : 1;
	return rows + message_lines(f, fw);
}

int form_height(struct form *fm, int w)
{
	int lw = label_width(fm, w);
	int fw = w - lw - 1;
	int lines = 1; /* the title */
	for (size_t i = 0; i < fm->n; i++)
		lines += field_lines(&fm->f[i], i == fm->focus, fw);
	if (fm->n && fm->f[fm->focus].note)
		lines += 2; /* a blank line, the note */
	return lines;
}

void form_draw(struct form *fm, struct ui_rect r)
{
	fm->area = r;
	fm->cur_y = fm->cur_x = -1;
	for (size_t i = 0; i < fm->n; i++)
		fm->field_y[i] = -1;
	if (r.h < 2 || r.w < 20)
		return;
	/* title */
	char title[512];
	if (fm->item)
		snprintf(title, sizeof title, "%s: %s", _(fm->title), fm->item);
	else
		snprintf(title, sizeof title, "%s", _(fm->title));
	ui_text(r.y, r.x, r.w, title, ui_style(ST_TITLE), UI_TEXT_PAD);
	/* the focused field's note takes the last line */
	const char *note = fm->n ? fm->f[fm->focus].note : NULL;
	int body_y = r.y + 1;
	int body_h = r.h - 1 - (note ? 1 : 0);
	if (body_h < 1) {
		body_h = r.h - 1;
		note = NULL;
	}
	int lw = label_width(fm, r.w);
	int fx = r.x + lw + 1;
	int fw = r.w - lw - 1;
	/* scroll so the focused field (with its message) is visible */
	int line_of_focus = 0;
	for (size_t i = 0; i < fm->focus; i++)
		line_of_focus += field_lines(&fm->f[i], false, fw);
	int need = field_lines(&fm->f[fm->focus], true, fw);
	if (line_of_focus < fm->top)
		fm->top = line_of_focus;
	if (line_of_focus + need > fm->top + body_h)
		fm->top = line_of_focus + need - body_h;
	if (fm->top < 0)
		fm->top = 0;
	int line = 0;
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		bool focus = i == fm->focus;
		int y = body_y + line - fm->top;
		int rows = f->le.multiline ? multiline_rows(f, focus, fw) : 1;
		f->rows = rows;
		f->width = fw;
		/* a multi-line field cut by the bottom shows what fits */
		if (y + rows > body_y + body_h && y < body_y + body_h)
			rows = body_y + body_h - y;
		if (y >= body_y && y < body_y + body_h) {
			fm->field_y[i] = y;
			char lab[256];
			snprintf(lab, sizeof lab, "%s%s", _(f->label), f->required ? " *" : "");
			ui_text(y, r.x, lw, lab, focus ? ui_style(ST_TITLE) : ui_style(ST_NORMAL),
				UI_TEXT_RIGHT);
			if (f->kind == FORM_CHOICE || f->kind == FORM_REF)
				draw_choice_field(f, focus, y, fx, fw);
			else if (f->le.multiline)
				draw_multiline_field(fm, f, focus, y, fx, fw, rows);
			else
				draw_text_field(fm, f, focus, y, fx, fw);
		}
		if (f->error) {
			char msg[512];
			snprintf(msg, sizeof msg, "! %s", f->error);
			const char *p = msg;
			attr_t a = ui_style(f->warning ? ST_WARN : ST_FORM_ERROR);
			for (int k = 0; *p && k < FORM_MSG_LINES; k++) {
				size_t next;
				size_t len = ui_wrap(p, fw, &next);
				int ey = y + f->rows + k;
				if (ey >= body_y && ey < body_y + body_h) {
					char *part = xstrndup(p, len);
					ui_text(ey, fx, fw, part, a, 0);
					free(part);
				}
				if (!next)
					break;
				p += next;
			}
		}
		line += field_lines(f, focus, fw);
	}
	if (note) {
		/* under the last field, or at the bottom when the form scrolls */
		int ny = body_y + line - fm->top + 1;
		if (ny > r.y + r.h - 1)
			ny = r.y + r.h - 1;
		ui_text(ny, fx, fw, _(note), ui_style(ST_DIM), 0);
	}
	if (fm->top > 0)
		ui_text(body_y, r.x, 1, "↑", ui_style(ST_TITLE), 0);
	if (line - fm->top > body_h)
		ui_text(body_y + body_h - 1, r.x, 1, "↓", ui_style(ST_TITLE), 0);
}

bool form_click(struct form *fm, int y, int x)
{
	(void)x;
	for (size_t i = 0; i < fm->n; i++)
		if (fm->field_y[i] >= 0 && y >= fm->field_y[i] &&
		    y < fm->field_y[i] + (fm->f[i].le.multiline ? fm->f[i].rows : 1)) {
			if (fm->focus != i)
				check_field(&fm->f[fm->focus]);
			form_focus(fm, (int)i);
			return true;
		}
	return false;
}
