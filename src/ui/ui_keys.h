/* ui_keys.h — the actions of the screen (from actions.def), the keys that
 * trigger them, key names, and key scripts (--keys FILE). */
#ifndef STETIG_UI_KEYS_H
#define STETIG_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* A key is a character (its code point) or a curses key code marked with
 * UI_KEYCODE, so that KEY_UP never collides with a character. */
#define UI_KEYCODE 0x01000000
#define KC(k) ((k) | UI_KEYCODE)
#ifndef CTRL
#define CTRL(c) ((c) & 0x1f)
#endif

enum ui_context { CTX_MAIN, CTX_FORM, CTX_CONFIRM };

enum ui_action {
	ACT_NONE = -1,
#define ACTION(name, ctx, k1, k2, k3, shown, bar, help) ACT_##name,
#include "actions.def"
#undef ACTION
	ACT_COUNT
};

struct ui_action_info {
	enum ui_context ctx;
	int keys[3];
	const char *shown; /* msgid or NULL */
	const char *bar;   /* msgid or NULL */
	const char *help;  /* msgid or NULL */
};

extern const struct ui_action_info ui_actions[ACT_COUNT];
/* The actions of every step (GLOBAL in actions.def), ACT_NONE at the end. */
extern const enum ui_action ui_global_actions[];

/* The action of key in a context, or ACT_NONE; *arg gets the argument of
 * its binding (the step number of a digit, else 0). */
enum ui_action ui_key_action(enum ui_context ctx, int key, int *arg);
/* The next action after `after` (in table order) that key also triggers in
 * ctx, or ACT_NONE. */
enum ui_action ui_key_action_next(enum ui_context ctx, int key, enum ui_action after, int *arg);
/* The keys of an action as the help screen shows them ("n, Ins"). */
void ui_action_keys(enum ui_action a, char *buf, size_t n);
/* The first key of an action as the function-key bar shows it ("F1", "n"). */
void ui_action_key1(enum ui_action a, char *buf, size_t n);
/* A key's display name ("Enter", "F5", "Ctrl-R", "n"), in the session
 * language where keyboards differ. */
void ui_key_name(int key, char *buf, size_t n);

/* A key script: what --keys FILE plays instead of the keyboard. */
enum script_kind { SCRIPT_KEY, SCRIPT_CLICK, SCRIPT_WAIT, SCRIPT_PASTE };
struct script_event {
	enum script_kind kind;
	int key;  /* SCRIPT_KEY */
	int x, y; /* SCRIPT_CLICK: column and line, 0-based; SCRIPT_WAIT: x ms */
	wchar_t *text; /* SCRIPT_PASTE: the pasted text (malloc'd) */
	size_t len;
};
struct keyscript {
	struct script_event *v;
	size_t n, cap, pos;
};

/* Reads a key script (format in ui_keys.c). On failure returns false and
 * *err holds a message naming the line (free it). */
bool keyscript_load(const char *path, struct keyscript *ks, char **err);
void keyscript_free(struct keyscript *ks);

#endif
