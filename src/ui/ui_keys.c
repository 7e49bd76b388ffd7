/* ui_keys.c — the action table, key names and key scripts.
 *
 * Key script format (--keys FILE), one event per line; blank lines and lines
 * starting with '#' are skipped:
 *
 *   n               a line of one character types that character (ä, q, 7 …)
 *   text:Bürger     types every character after "text:" (spaces included)
 *   paste:eins\nzwei pastes the text after "paste:" as a terminal with
 *                   bracketed paste does; \n is a line break, \t a tab,
 *                   \\ a backslash
 *   Enter Tab S-Tab Esc Space Backspace Del Ins Home End PgUp PgDn
 *   Up Down Left Right F1 … F12
 *                   the named key
 *   C-r             Ctrl with a letter (C-a … C-z)
 *   click:X,Y       a left click at column X, line Y (0-based)
 *   wait:MS         pause MS milliseconds (a running clock ticks meanwhile)
 *   Resize          a resize event (the size itself cannot be scripted)
 *
 * The program plays the events in order, draws after each one as usual and
 * quits after the last one (the exit status is 0 unless something failed). */
#include "config.h"
#include "ui_keys.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lineedit.h"
#include "util.h"

const enum ui_action ui_global_actions[] = {
#define GLOBAL(name) ACT_##name,
#include "actions.def"
#undef GLOBAL
	ACT_NONE};

const struct ui_action_info ui_actions[ACT_COUNT] = {
#define ACTION(name, ctx, k1, k2, k3, shown, bar, help) {ctx, {k1, k2, k3}, shown, bar, help},
#include "actions.def"
#undef ACTION
};

/* the keys beyond an action's three, with their argument */
static const struct {
	enum ui_action a;
	int key, arg;
} binds[] = {
#define BIND(name, key, arg) {ACT_##name, key, arg},
#include "actions.def"
#undef BIND
};

enum ui_action ui_key_action_next(enum ui_context ctx, int key, enum ui_action after, int *arg)
{
	if (arg)
		*arg = 0;
	if (key == 0)
		return ACT_NONE;
	for (int a = (int)after + 1; a < ACT_COUNT; a++) {
		if (ui_actions[a].ctx != ctx)
			continue;
		for (int k = 0; k < 3; k++)
			if (ui_actions[a].keys[k] == key)
				return (enum ui_action)a;
		for (size_t i = 0; i < sizeof binds / sizeof *binds; i++)
			if (binds[i].a == (enum ui_action)a && binds[i].key == key) {
				if (arg)
					*arg = binds[i].arg;
				return (enum ui_action)a;
			}
	}
	/* in a form the function keys and Ctrl-L keep their meaning */
	if (after == ACT_NONE && ctx == CTX_FORM &&
	    ((key >= KC(KEY_F(1)) && key <= KC(KEY_F(12))) || key == CTRL('l')))
		return ui_key_action(CTX_MAIN, key, arg);
	return ACT_NONE;
}

enum ui_action ui_key_action(enum ui_context ctx, int key, int *arg)
{
	return ui_key_action_next(ctx, key, ACT_NONE, arg);
}

static const struct {
	const char *name; /* script name */
	int key;
	const char *shown; /* display name (msgid), NULL: the script name */
} key_names[] = {
	{"Enter", '\n', N_("Enter")},
	{"Enter", '\r', N_("Enter")},
	{"Enter", KC(KEY_ENTER), N_("Enter")},
	{"Tab", '\t', NULL},
	{"S-Tab", KC(KEY_BTAB), N_("Shift-Tab")},
	{"Esc", 27, NULL},
	{"Space", ' ', N_("Space")},
	{"Backspace", KC(KEY_BACKSPACE), N_("Backspace")},
	{"BS", KC(KEY_BACKSPACE), NULL},
	{"Del", KC(KEY_DC), N_("Del")},
	{"Delete", KC(KEY_DC), NULL},
	{"Ins", KC(KEY_IC), N_("Ins")},
	{"Insert", KC(KEY_IC), NULL},
	{"Home", KC(KEY_HOME), N_("Home")},
	{"End", KC(KEY_END), N_("End")},
	{"PgUp", KC(KEY_PPAGE), N_("PgUp")},
	{"PgDn", KC(KEY_NPAGE), N_("PgDn")},
	{"Up", KC(KEY_UP), "↑"},
	{"Down", KC(KEY_DOWN), "↓"},
	{"Left", KC(KEY_LEFT), "←"},
	{"Right", KC(KEY_RIGHT), "→"},
	{"Resize", KC(KEY_RESIZE), NULL},
};

void ui_key_name(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
		if (key_names[i].key == key) {
			const char *s = key_names[i].shown;
			/* arrows are not msgids */
			if (s && (unsigned char)s[0] >= 0x80)
				snprintf(buf, n, "%s", s);
			else
				snprintf(buf, n, "%s", s ? _(s) : key_names[i].name);
			return;
		}
	if (key >= KC(KEY_F(1)) && key <= KC(KEY_F(63))) {
		snprintf(buf, n, "F%d", key - KC(KEY_F(0)));
		return;
	}
	if (key > 0 && key < 27) {
		/* TRANSLATORS: Ctrl with a letter; German keyboards say Strg */
		snprintf(buf, n, _("Ctrl-%c"), 'A' + key - 1);
		return;
	}
	if (key & UI_KEYCODE) {
		snprintf(buf, n, "#%d", key & ~UI_KEYCODE);
		return;
	}
	/* a character: encode it */
	wchar_t w[2] = {(wchar_t)key, 0};
	struct lineedit le;
	lineedit_init(&le, 2);
	lineedit_insert(&le, w[0]);
	char *s = lineedit_get(&le);
	snprintf(buf, n, "%s", s);
	free(s);
	lineedit_free(&le);
}

void ui_action_key1(enum ui_action a, char *buf, size_t n)
{
	const struct ui_action_info *ai = &ui_actions[a];
	if (ai->keys[0])
		ui_key_name(ai->keys[0], buf, n);
	else if (ai->shown)
		snprintf(buf, n, "%s", _(ai->shown));
	else
		snprintf(buf, n, "?");
}

void ui_action_keys(enum ui_action a, char *buf, size_t n)
{
	const struct ui_action_info *ai = &ui_actions[a];
	if (ai->shown) {
		snprintf(buf, n, "%s", _(ai->shown));
		return;
	}
	size_t len = 0;
	buf[0] = '\0';
	char prev[32] = "";
	for (int k = 0; k < 3 && ai->keys[k]; k++) {
		char name[32];
		ui_key_name(ai->keys[k], name, sizeof name);
		if (!strcmp(name, prev))
			continue; /* \n, \r and KEY_ENTER are all "Enter" */
		snprintf(buf + len, n - len, "%s%s", len ? ", " : "", name);
		len = strlen(buf);
		snprintf(prev, sizeof prev, "%s", name);
	}
}

/* ------------------------------------------------------------ scripts */

static void add_event(struct keyscript *ks, enum script_kind kind, int key, int x, int y)
{
	xgrow((void **)&ks->v, &ks->cap, ks->n + 1, sizeof *ks->v);
	ks->v[ks->n++] = (struct script_event){kind, key, x, y, NULL, 0};
}

static void add_paste(struct keyscript *ks, const char *s)
{
	size_t n = strlen(s);
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	size_t k = lineedit_decode(s, n, w), j = 0;
	for (size_t i = 0; i < k; i++) {
		wchar_t c = w[i];
		if (c == L'\\' && i + 1 < k) {
			wchar_t e = w[++i];
			c = e == L'n' ? L'\n' : e == L't' ? L'\t' : e;
		}
		w[j++] = c;
	}
	w[j] = 0;
	add_event(ks, SCRIPT_PASTE, 0, 0, 0);
	ks->v[ks->n - 1].text = w;
	ks->v[ks->n - 1].len = j;
}

static void add_text(struct keyscript *ks, const char *s)
{
	size_t n = strlen(s);
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	size_t k = lineedit_decode(s, n, w);
	for (size_t i = 0; i < k; i++)
		add_event(ks, SCRIPT_KEY, (int)w[i], 0, 0);
	free(w);
}

/* Parses one line; false if it names no key. */
static bool parse_line(struct keyscript *ks, const char *line)
{
	if (!strncmp(line, "text:", 5)) {
		add_text(ks, line + 5);
		return true;
	}
	if (!strncmp(line, "paste:", 6)) {
		add_paste(ks, line + 6);
		return true;
	}
	if (!strncmp(line, "click:", 6)) {
		int x, y;
		char end;
		if (sscanf(line + 6, "%d,%d%c", &x, &y, &end) != 2 || x < 0 || y < 0)
			return false;
		add_event(ks, SCRIPT_CLICK, 0, x, y);
		return true;
	}
	if (!strncmp(line, "wait:", 5)) {
		long ms;
		if (!int_parse(line + 5, 0, 600000, &ms))
			return false;
		add_event(ks, SCRIPT_WAIT, 0, (int)ms, 0);
		return true;
	}
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
		if (!strcmp(line, key_names[i].name)) {
			add_event(ks, SCRIPT_KEY, key_names[i].key, 0, 0);
			return true;
		}
	if (line[0] == 'F' && line[1] >= '1' && line[1] <= '9') {
		long f;
		if (!int_parse(line + 1, 1, 12, &f))
			return false;
		add_event(ks, SCRIPT_KEY, KC(KEY_F((int)f)), 0, 0);
		return true;
	}
	if (line[0] == 'C' && line[1] == '-' && line[2] >= 'a' && line[2] <= 'z' && !line[3]) {
		add_event(ks, SCRIPT_KEY, CTRL(line[2]), 0, 0);
		return true;
	}
	/* a single character */
	size_t n = strlen(line);
	wchar_t w[8];
	if (n > 0 && n <= 4 && lineedit_decode(line, n, w) == 1) {
		add_event(ks, SCRIPT_KEY, (int)w[0], 0, 0);
		return true;
	}
	return false;
}

bool keyscript_load(const char *path, struct keyscript *ks, char **err)
{
	memset(ks, 0, sizeof *ks);
	*err = NULL;
	char *data = NULL;
	size_t len = 0;
	int e = file_read_all(path, (size_t)64 << 20, &data, &len);
	if (e != 0) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, _("cannot read the key script %s: %s"), path, strerror(e));
		*err = buf_steal(&b);
		return false;
	}
	char *p = data;
	for (long lineno = 1; p && *p; lineno++) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		size_t l = strlen(p);
		if (l && p[l - 1] == '\r')
			p[--l] = '\0';
		if (*p && *p != '#' && !parse_line(ks, p)) {
			struct buf b;
			buf_init(&b);
			buf_printf(&b, _("%s, line %ld: unknown key “%s”"), path, lineno, p);
			*err = buf_steal(&b);
			free(data);
			keyscript_free(ks);
			return false;
		}
		p = nl ? nl + 1 : NULL;
	}
	free(data);
	return true;
}

void keyscript_free(struct keyscript *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		free(ks->v[i].text);
	free(ks->v);
	memset(ks, 0, sizeof *ks);
}
