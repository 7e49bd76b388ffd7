/* test_ui_views.c — the step views' private state, in process: curses on
 * the null device (newterm, no terminal needed), the views drawn into
 * stdscr and read back cell by cell.
 *
 * A view's state belongs to one session and can be reset: moving the
 * selection, switching a part or a mode changes what a view draws; after
 * ui_view_reset it draws exactly what a fresh view draws; and a second
 * session on the same workshop never sees the first one's state. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "testutil.h"
#include "ui_internal.h"

#define T_LINES 30
#define T_COLS 100

static SCREEN *scr;
static FILE *devnull;
static const char *file_a, *file_b;

/* A demo workshop (every step has content), made by the program itself. */
static bool make_workshop(const char *path)
{
	const char *prog = getenv("STETIG");
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "'%s' new '%s' --template demo --lang en >/dev/null 2>&1",
		 prog && *prog ? prog : "./src/stetig", path);
	return system(cmd) == 0;
}

static bool session_open(struct ui *ui, const char *path)
{
	memset(ui, 0, sizeof *ui);
	ui->path = path;
	model_init(&ui->m);
	if (store_open(path, STORE_EXCLUSIVE, &ui->m, &ui->s) != ERR_OK) {
		model_free(&ui->m);
		return false;
	}
	ui_views_open(ui);
	return true;
}

static void session_close(struct ui *ui)
{
	ui_views_close(ui);
	form_free(ui->form);
	free(ui->confirm);
	free(ui->status);
	findings_free(&ui->f);
	store_close(ui->s);
	model_free(&ui->m);
}

/* One cell of the screen: character and look (a selection is often only
 * a look). */
struct cell {
	wchar_t c;
	attr_t a;
	short pair;
};

/* What step s shows in ui: its content area, cell by cell, and its hint. */
struct shot {
	struct cell cells[T_LINES][T_COLS];
	char hint[512];
};

static struct shot *screen_of(struct ui *ui, enum step s)
{
	ui_goto(ui, s);
	erase();
	struct ui_rect r = {2, 0, T_LINES - 4, T_COLS};
	ui->content = r;
	ui_views[s]->draw(ui, r);
	struct shot *out = calloc(1, sizeof *out);
	for (int y = 0; y < T_LINES; y++)
		for (int x = 0; x < T_COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a = 0;
			short pair = 0;
			if (mvin_wch(y, x, &cc) == OK && getcchar(&cc, wch, &a, &pair, NULL) == OK) {
				out->cells[y][x].c = wch[0];
				out->cells[y][x].a = a & (A_ATTRIBUTES & ~A_COLOR);
				out->cells[y][x].pair = pair;
			}
		}
	const char *hint = ui_views[s]->hint ? ui_views[s]->hint(ui) : "";
	snprintf(out->hint, sizeof out->hint, "%s", hint);
	return out;
}

static bool same(const struct shot *x, const struct shot *y)
{
	return memcmp(x, y, sizeof *x) == 0;
}

/* Keys that change a view's state but never the workshop: selection to
 * the end, into the next part, the years scrolled, the grid or the next
 * RACI view. */
static void move_around(struct ui *ui, enum step s)
{
	static const enum ui_action acts[] = {ACT_DOWN, ACT_DOWN, ACT_END, ACT_DOWN, ACT_DOWN,
					      ACT_RIGHT, ACT_RIGHT, ACT_VIEW, ACT_GRID};
	for (size_t i = 0; i < sizeof acts / sizeof *acts; i++)
		ui_views[s]->key(ui, acts[i], 0);
}

static void test_reset(void)
{
	struct ui ui;
	CU_ASSERT_FATAL(session_open(&ui, file_a));
	for (int s = 0; s < STEP_COUNT; s++) {
		struct shot *fresh = screen_of(&ui, s);
		unsigned long rev = ui.m.revision;
		move_around(&ui, s);
		CU_ASSERT_EQUAL(ui.m.revision, rev); /* the keys left the workshop alone */
		struct shot *moved = screen_of(&ui, s);
		if (same(fresh, moved))
			fprintf(stderr, "step %d: the keys changed nothing on the screen\n", s);
		CU_ASSERT(!same(fresh, moved));
		ui_view_reset(&ui, s);
		struct shot *reset = screen_of(&ui, s);
		if (!same(fresh, reset))
			fprintf(stderr, "step %d: a reset view differs from a fresh one\n", s);
		CU_ASSERT(same(fresh, reset));
		free(fresh);
		free(moved);
		free(reset);
	}
	session_close(&ui);
}

/* Two sessions at once: what one does to its views, the other never sees;
 * a session opened after one closed starts fresh. */
static void test_sessions_apart(void)
{
	struct ui a, b;
	CU_ASSERT_FATAL(session_open(&a, file_a));
	CU_ASSERT_FATAL(session_open(&b, file_b));
	struct shot *fresh_a[STEP_COUNT], *fresh_b[STEP_COUNT];
	for (int s = 0; s < STEP_COUNT; s++) {
		fresh_a[s] = screen_of(&a, s);
		fresh_b[s] = screen_of(&b, s);
	}
	for (int s = 0; s < STEP_COUNT; s++)
		move_around(&a, s);
	for (int s = 0; s < STEP_COUNT; s++) {
		struct shot *other = screen_of(&b, s);
		CU_ASSERT(same(fresh_b[s], other));
		free(other);
		struct shot *moved = screen_of(&a, s);
		CU_ASSERT(!same(fresh_a[s], moved));
		free(moved);
	}
	session_close(&a);
	CU_ASSERT_FATAL(session_open(&a, file_a));
	for (int s = 0; s < STEP_COUNT; s++) {
		struct shot *again = screen_of(&a, s);
		CU_ASSERT(same(fresh_a[s], again));
		free(again);
		free(fresh_a[s]);
		free(fresh_b[s]);
	}
	session_close(&a);
	session_close(&b);
}

/* A language switch redraws every view in the other language; switching
 * back and resetting gives the fresh English screen again. */
static void test_language_and_reset(void)
{
	struct ui ui;
	CU_ASSERT_FATAL(session_open(&ui, file_a));
	struct shot *fresh = screen_of(&ui, STEP_COSTS);
	move_around(&ui, STEP_COSTS);
	ui_switch_language(&ui);
	struct shot *de = screen_of(&ui, STEP_COSTS);
	CU_ASSERT(!same(fresh, de));
	ui_switch_language(&ui);
	ui_view_reset(&ui, STEP_COSTS);
	struct shot *en = screen_of(&ui, STEP_COSTS);
	CU_ASSERT(same(fresh, en));
	free(fresh);
	free(de);
	free(en);
	session_close(&ui);
}

/* ------------------------------------------------------------ forms */

/* Types s into the focused field of fm, after emptying it. */
static void retype(struct form *fm, int field, const char *s)
{
	form_focus(fm, field);
	for (int i = 0; i < 80; i++)
		form_key(fm, KC(KEY_BACKSPACE));
	wchar_t w[128];
	size_t n = lineedit_decode(s, strlen(s), w);
	for (size_t i = 0; i < n; i++)
		form_key(fm, (int)w[i]);
}

/* A line of the screen as text. */
static void screen_line(int y, char *out, size_t n)
{
	size_t k = 0;
	for (int x = 0; x < T_COLS && k + 4 < n; x++) {
		cchar_t cc;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t a;
		short pair;
		if (mvin_wch(y, x, &cc) == OK && getcchar(&cc, wch, &a, &pair, NULL) == OK) {
			char mb[8];
			size_t m = utf8_encode((uint32_t)wch[0], mb);
			memcpy(out + k, mb, m);
			k += m;
		}
	}
	out[k] = '\0';
}

/* Number fields take numbers as the session language writes them, show
 * them that way, and refuse the rest with a message under the field that
 * says how to type one (wrapped over lines, not cut). Whole numbers
 * (years, minutes) follow the same rules. */
static void test_form_numbers(void)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		enum lang lang = (enum lang)l;
		bool de = lang == LANG_DE;
		i18n_set_lang(lang);
		struct form *fm = form_new("Edit cost item", NULL);
		int num = form_add_number(fm, "Amount", (struct optnum){18500.5, true});
		int year = form_add_int(fm, "First year", 2027, 0, 9999);
		char *shown = lineedit_get(&fm->f[num].le);
		CU_ASSERT_STRING_EQUAL(shown, de ? "18.500,5" : "18,500.5");
		free(shown);
		/* what is shown is taken back unchanged */
		CU_ASSERT_TRUE(form_validate(fm));
		CU_ASSERT_EQUAL(form_number(fm, num).v, 18500.5);

		retype(fm, num, de ? "1.234.567,25" : "1,234,567.25");
		retype(fm, year, de ? "2.028" : "2,028");
		CU_ASSERT_TRUE(form_validate(fm));
		CU_ASSERT_EQUAL(form_number(fm, num).v, 1234567.25);
		CU_ASSERT_TRUE(form_number(fm, num).set);
		CU_ASSERT_EQUAL(form_int(fm, year), 2028);

		/* the other language's way is refused, never reinterpreted */
		retype(fm, num, de ? "18.50" : "18,50");
		CU_ASSERT_FALSE(form_validate(fm));
		CU_ASSERT_EQUAL(fm->focus, (size_t)num);
		CU_ASSERT_PTR_NOT_NULL_FATAL(fm->f[num].error);
		CU_ASSERT_PTR_NOT_NULL(strstr(fm->f[num].error, de ? "18.500,50" : "18,500.50"));
		/* the message wraps under the field: the example after the
		 * reason is on the screen, on a line of its own */
		erase();
		form_draw(fm, (struct ui_rect){2, 0, T_LINES - 4, 60});
		int reason_y = -1, example_y = -1;
		for (int y = 3; y < T_LINES; y++) {
			char line[512];
			screen_line(y, line, sizeof line);
			if (reason_y < 0 && strstr(line, "! "))
				reason_y = y;
			if (example_y < 0 && strstr(line, de ? "18.500,50" : "18,500.50"))
				example_y = y;
		}
		CU_ASSERT(reason_y > 0);
		CU_ASSERT(example_y > reason_y);

		retype(fm, num, de ? "18,500.50" : "18.500,50");
		CU_ASSERT_FALSE(form_validate(fm));
		retype(fm, num, "18500 €");
		CU_ASSERT_FALSE(form_validate(fm));
		retype(fm, num, "");
		CU_ASSERT_TRUE(form_validate(fm)); /* empty: no value */
		CU_ASSERT_FALSE(form_number(fm, num).set);
		retype(fm, num, de ? "-0,5" : "-0.5");
		CU_ASSERT_TRUE(form_validate(fm));
		CU_ASSERT_EQUAL(form_number(fm, num).v, -0.5);

		/* a whole number: no decimals, within its range */
		retype(fm, year, de ? "2027,5" : "2027.5");
		CU_ASSERT_FALSE(form_validate(fm));
		CU_ASSERT_EQUAL(fm->focus, (size_t)year);
		retype(fm, year, "12345");
		CU_ASSERT_FALSE(form_validate(fm));
		retype(fm, year, de ? "1.5" : "1,5");
		CU_ASSERT_FALSE(form_validate(fm));
		CU_ASSERT(fm->f[year].error &&
			  strstr(fm->f[year].error, de ? "18.500,50" : "18,500.50"));
		form_free(fm);
	}
	i18n_set_lang(LANG_EN);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	file_a = strdup(test_path("a.stetig"));
	file_b = strdup(test_path("b.stetig"));
	if (!make_workshop(file_a)) {
		fprintf(stderr, "cannot make the demo workshop with the program\n");
		return 1;
	}
	test_copy(file_a, file_b);
	devnull = fopen("/dev/null", "w");
	scr = newterm("xterm-256color", devnull, stdin);
	if (!scr) {
		fprintf(stderr, "SKIP: no terminal description for xterm-256color\n");
		return 77;
	}
	set_term(scr);
	resizeterm(T_LINES, T_COLS);
	ui_theme_init(UI_THEME_PLAIN);

	CU_pSuite s = CU_add_suite("views", NULL, NULL);
	ADD_TEST(s, test_reset);
	ADD_TEST(s, test_sessions_apart);
	ADD_TEST(s, test_language_and_reset);
	ADD_TEST(s, test_form_numbers);
	int rc = test_run();
	endwin();
	delscreen(scr);
	fclose(devnull);
	free((char *)file_a);
	free((char *)file_b);
	return rc;
}
