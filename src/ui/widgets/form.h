/* form.h — a form of fields: one-line and multi-line text, dates, numbers,
 * choices, scales and references to other items, with validation messages
 * under the fields.
 *
 * Keys (the contract, see actions.def): typing edits the focused field
 * (Left/Right, Home/End, Backspace, Delete); Tab/Shift-Tab or Down/Up move
 * between fields; Enter checks all fields and submits; Esc cancels. A
 * multi-line field wraps its text at word boundaries; Up/Down move between
 * its lines first, and pasted line breaks stay. Choice, scale and reference
 * fields cycle with Space (Left/Right go back and forth), jump to the option
 * that starts with the letters typed, take a digit as the option's number
 * (a scale: its value) and never take free text. Dates take
 * DD.MM.YYYY or YYYY-MM-DD and are shown the session language's way;
 * numbers are typed and shown as the session language writes them
 * (num_parse_lang: 18.500,50 or 18,500.50), and a number that does not fit
 * is refused with the reason and an example. */
#ifndef STETIG_FORM_H
#define STETIG_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "lineedit.h"
#include "model.h"
#include "ui_draw.h"
#include "vocab.h"

enum form_kind { FORM_TEXT, FORM_DATE, FORM_NUMBER, FORM_INT, FORM_CHOICE, FORM_REF };

struct form_option {
	int64_t id;
	char *label;
};

struct form_field {
	enum form_kind kind;
	const char *label; /* msgid */
	const char *note;  /* msgid shown beside the focused field, or NULL */
	bool required;
	bool lenient;	   /* a date field that keeps free text (with a warning) */
	struct lineedit le; /* text, date, number, int (le.multiline: long text) */
	long lo, hi;	   /* int */
	enum vocab_kind vocab; /* choice */
	int value;	   /* choice: the value (-1: none chosen yet); ref: index into opts */
	struct form_option *opts; /* ref; opts[0] is "none" when has_none */
	size_t nopts, capopts;
	bool has_none;	   /* ref: opts[0].label is a msgid */
	char *error;	   /* the message under the field (translated), or NULL */
	bool warning;	   /* the message does not stop saving */
	char *orig;	   /* the text when the form was first used */
	int orig_value;	   /* the choice when the form was first used */
	int rows;	   /* multi-line: lines drawn at the last draw */
	int width;	   /* columns of the field at the last draw */
};

struct form {
	const char *title; /* msgid */
	char *item;	   /* what is edited, shown after the title */
	struct form_field *f;
	size_t n, cap;
	size_t focus;
	int top;	   /* first line shown when the form is taller than its area */
	char search[64];   /* letters typed into a choice or reference field */
	int cur_y, cur_x;  /* where the terminal cursor goes (-1: hidden) */
	struct ui_rect area; /* where the form was drawn last */
	int *field_y;	   /* screen line of each field at the last draw (-1: hidden) */
	bool snapped;	   /* the fields' first values are kept (form_changed) */
};

enum form_result { FORM_IGNORED, FORM_CHANGED, FORM_SUBMIT, FORM_CANCEL };

/* A form titled title (msgid) for the item named item (may be NULL). */
struct form *form_new(const char *title, const char *item);
void form_free(struct form *fm);

/* Adding fields returns the field's index. */
int form_add_text(struct form *fm, const char *label, const char *value, bool required);
/* A multi-line text field for long text (line breaks kept). */
int form_add_longtext(struct form *fm, const char *label, const char *value, bool required);
/* iso: "" or YYYY-MM-DD (free text when lenient). */
int form_add_date(struct form *fm, const char *label, const char *iso, bool lenient);
int form_add_number(struct form *fm, const char *label, struct optnum v);
int form_add_int(struct form *fm, const char *label, long v, long lo, long hi);
int form_add_choice(struct form *fm, const char *label, enum vocab_kind k, int value);
/* A choice field with nothing chosen; the form cannot be saved until one
 * is (form_choice is -1 before). */
int form_add_choice_unset(struct form *fm, const char *label, enum vocab_kind k);
/* A whole number from lo to hi chosen like a choice (Space, a digit);
 * read it with form_int. */
int form_add_scale(struct form *fm, const char *label, long v, long lo, long hi);
/* A reference field; none_label (msgid) adds a first "none" option with id
 * 0 (NULL: an option must be chosen). Add the options, then set the value. */
int form_add_ref(struct form *fm, const char *label, const char *none_label);
void form_ref_option(struct form *fm, int field, int64_t id, const char *label);
void form_ref_set(struct form *fm, int field, int64_t id);
void form_set_note(struct form *fm, int field, const char *note);
void form_focus(struct form *fm, int field);

/* Handles a key; FORM_SUBMIT only when every field is valid. */
enum form_result form_key(struct form *fm, int key);
/* Puts pasted text (n characters) into the focused field: line breaks stay
 * in a multi-line field and become spaces elsewhere, tabs become spaces,
 * other control characters are dropped. FORM_IGNORED when the field takes
 * no text (a choice); *cut tells whether the field was full before the end. */
enum form_result form_paste(struct form *fm, const wchar_t *text, size_t n, bool *cut);
/* Whether any field differs from its value when the form was first used. */
bool form_changed(struct form *fm);
/* Checks every field, sets the messages and focuses the first bad field;
 * true when the form can be saved. */
bool form_validate(struct form *fm);
/* Shows msg (translated) under a field and focuses it. */
void form_set_error(struct form *fm, int field, const char *msg);

/* Values (call after form_validate succeeded). Texts are trimmed and
 * malloc'd; a date is "" or YYYY-MM-DD (or the free text when lenient). */
char *form_text(const struct form *fm, int field);
char *form_date(const struct form *fm, int field);
struct optnum form_number(const struct form *fm, int field);
long form_int(const struct form *fm, int field);
int form_choice(const struct form *fm, int field);
int64_t form_ref(const struct form *fm, int field);

/* Draws the form into r and remembers where the cursor belongs. */
void form_draw(struct form *fm, struct ui_rect r);
/* The lines form_draw needs at width w to show every field whole (with its
 * messages, and the focused field's note). */
int form_height(struct form *fm, int w);
/* A click at (y, x): focuses the field there. true when it hit one. */
bool form_click(struct form *fm, int y, int x);
/* true when the focused field is a choice or a reference. */
bool form_focus_is_choice(const struct form *fm);

#endif
