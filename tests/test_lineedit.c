/* test_lineedit.c — the one-line editor of the forms: wide characters,
 * combining marks, horizontal scrolling, limits. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "testutil.h"
#include "util.h"

/* The editor's text as UTF-8, compared with want. */
static int text_is(const struct lineedit *le, const char *want)
{
	char *got = lineedit_get(le);
	int same = !strcmp(got, want);
	if (!same)
		fprintf(stderr, "\n  text '%s', want '%s'\n", got, want);
	free(got);
	return same;
}

static void type(struct lineedit *le, const wchar_t *s)
{
	for (; *s; s++)
		lineedit_insert(le, *s);
}

static void test_umlauts(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	type(&le, L"Größe");
	CU_ASSERT_TRUE(text_is(&le, "Größe"));
	CU_ASSERT_EQUAL(le.len, 5);
	CU_ASSERT_EQUAL(lineedit_width(&le), 5);
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 5);
	/* move left over e and ß, insert in the middle */
	CU_ASSERT_TRUE(lineedit_left(&le));
	CU_ASSERT_TRUE(lineedit_left(&le));
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 3);
	lineedit_insert(&le, L'ä');
	CU_ASSERT_TRUE(text_is(&le, "Gröäße"));
	/* Backspace removes the ä again, Delete the ß */
	CU_ASSERT_TRUE(lineedit_backspace(&le));
	CU_ASSERT_TRUE(text_is(&le, "Größe"));
	CU_ASSERT_TRUE(lineedit_delete(&le));
	CU_ASSERT_TRUE(text_is(&le, "Gröe"));
	/* Home/End and the edges */
	CU_ASSERT_TRUE(lineedit_home(&le));
	CU_ASSERT_FALSE(lineedit_home(&le));
	CU_ASSERT_FALSE(lineedit_left(&le));
	CU_ASSERT_FALSE(lineedit_backspace(&le));
	CU_ASSERT_EQUAL(le.cur, 0);
	lineedit_insert(&le, L'Ü');
	CU_ASSERT_TRUE(text_is(&le, "ÜGröe"));
	CU_ASSERT_TRUE(lineedit_end(&le));
	CU_ASSERT_FALSE(lineedit_end(&le));
	CU_ASSERT_FALSE(lineedit_right(&le));
	CU_ASSERT_FALSE(lineedit_delete(&le));
	lineedit_insert(&le, L'€');
	CU_ASSERT_TRUE(text_is(&le, "ÜGröe€"));
	lineedit_free(&le);
}

static void test_set_get(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	lineedit_set(&le, "Bürgerdialog stärken");
	CU_ASSERT_EQUAL(le.len, 20);
	CU_ASSERT_EQUAL(le.cur, 20);
	CU_ASSERT_TRUE(text_is(&le, "Bürgerdialog stärken"));
	lineedit_set(&le, NULL);
	CU_ASSERT_EQUAL(le.len, 0);
	CU_ASSERT_TRUE(text_is(&le, ""));
	/* invalid bytes: one U+FFFD each, the rest kept */
	lineedit_set(&le, "Gr\xf6\xdf" "e");
	CU_ASSERT_EQUAL(le.len, 5);
	CU_ASSERT_EQUAL(le.text[2], 0xFFFD);
	CU_ASSERT_EQUAL(le.text[3], 0xFFFD);
	CU_ASSERT_TRUE(text_is(&le, "Gr\xef\xbf\xbd\xef\xbf\xbd" "e"));
	lineedit_set(&le, "a\xe2\x82");	/* cut off */
	CU_ASSERT_EQUAL(le.len, 3);
	lineedit_set(&le, "\xed\xa0\x80"); /* surrogate */
	CU_ASSERT_EQUAL(le.text[0], 0xFFFD);
	lineedit_set(&le, "\xf0\x9f\x91\x8d!"); /* 👍 */
	CU_ASSERT_EQUAL(le.len, 2);
	CU_ASSERT_EQUAL(le.text[0], 0x1F44D);
	CU_ASSERT_TRUE(text_is(&le, "\xf0\x9f\x91\x8d!"));
	lineedit_free(&le);
	CU_ASSERT_EQUAL(lineedit_text_width("Größe €"), 7);
	CU_ASSERT_EQUAL(lineedit_text_width("日本語"), 6);
	CU_ASSERT_EQUAL(lineedit_text_width("e\xcc\x81"), 1);
	CU_ASSERT_EQUAL(lineedit_text_width("\xff"), 1);
	CU_ASSERT_EQUAL(lineedit_text_width(NULL), 0);
}

static void test_cjk(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	type(&le, L"a日本b");
	CU_ASSERT_EQUAL(lineedit_width(&le), 6);
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 6);
	lineedit_left(&le);
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 5);
	lineedit_left(&le);
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 3);
	CU_ASSERT_TRUE(lineedit_backspace(&le));
	CU_ASSERT_TRUE(text_is(&le, "a本b"));
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 1);
	lineedit_free(&le);
}

static void test_combining(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	/* "ae" + COMBINING ACUTE + "b": the cursor never stops inside é */
	type(&le, L"ae\x0301" L"b");
	CU_ASSERT_EQUAL(le.len, 4);
	CU_ASSERT_EQUAL(lineedit_width(&le), 3);
	lineedit_left(&le);
	CU_ASSERT_EQUAL(le.cur, 3);
	lineedit_left(&le);
	CU_ASSERT_EQUAL(le.cur, 1); /* before e, not between e and its mark */
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 1);
	lineedit_right(&le);
	CU_ASSERT_EQUAL(le.cur, 3);
	/* Backspace takes e with its mark */
	CU_ASSERT_TRUE(lineedit_backspace(&le));
	CU_ASSERT_TRUE(text_is(&le, "ab"));
	/* Delete takes the base with its marks */
	lineedit_set(&le, "xo\xcc\x88\xcc\x81y");
	lineedit_home(&le);
	lineedit_right(&le);
	CU_ASSERT_TRUE(lineedit_delete(&le));
	CU_ASSERT_TRUE(text_is(&le, "xy"));
	/* a mark typed after a letter stays with it (dead-key input) */
	lineedit_set(&le, "u");
	lineedit_insert(&le, 0x0308);
	CU_ASSERT_EQUAL(le.cur, 2);
	CU_ASSERT_TRUE(text_is(&le, "u\xcc\x88"));
	/* a base typed before existing marks takes them over */
	lineedit_set(&le, "\xcc\x88z");
	lineedit_home(&le);
	lineedit_insert(&le, L'o');
	CU_ASSERT_EQUAL(le.cur, 2);
	CU_ASSERT_TRUE(text_is(&le, "o\xcc\x88z"));
	lineedit_free(&le);
}

static void test_rejects(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'\t'), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'\n'), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(lineedit_insert(&le, 0x7F), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(lineedit_insert(&le, 0x1B), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(lineedit_insert(&le, 0x85), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(lineedit_insert(&le, 0), LINEEDIT_REJECTED);
	CU_ASSERT_EQUAL(le.len, 0);
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'ß'), LINEEDIT_OK);
	/* control characters already in a text are drawn, not lost */
	lineedit_set(&le, "a\nb");
	CU_ASSERT_EQUAL(le.len, 3);
	CU_ASSERT_EQUAL(lineedit_width(&le), 3);
	CU_ASSERT_EQUAL(lineedit_display_char(L'\n'), L' ');
	CU_ASSERT_EQUAL(lineedit_display_char(0x07), 0xFFFD);
	CU_ASSERT_EQUAL(lineedit_display_char(L'ä'), L'ä');
	CU_ASSERT_TRUE(text_is(&le, "a\nb"));
	lineedit_free(&le);
}

static void test_max(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	CU_ASSERT_EQUAL(le.max, TEXT_MAX_CHARS);
	for (int i = 0; i < TEXT_MAX_CHARS; i++)
		CU_ASSERT_EQUAL_FATAL(lineedit_insert(&le, i % 2 ? L'ä' : L'x'), LINEEDIT_OK);
	CU_ASSERT_EQUAL(le.len, 32767);
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'y'), LINEEDIT_FULL);
	CU_ASSERT_EQUAL(le.len, 32767);
	char *s = lineedit_get(&le);
	CU_ASSERT_EQUAL(utf8_chars(s), 32767);
	free(s);
	/* set cuts longer text */
	char *big = xmalloc(40001);
	memset(big, 'z', 40000);
	big[40000] = '\0';
	lineedit_set(&le, big);
	CU_ASSERT_EQUAL(le.len, 32767);
	free(big);
	lineedit_free(&le);
	lineedit_init(&le, 3);
	type(&le, L"abcd");
	CU_ASSERT_TRUE(text_is(&le, "abc"));
	lineedit_free(&le);
}

static void test_scroll(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	size_t start, n;
	int pad;
	/* 15 characters in a 10-column field: the end is visible */
	lineedit_set(&le, "Bürgerbeteiligu");
	lineedit_scroll(&le, 10);
	CU_ASSERT_EQUAL(le.scroll, 6); /* cursor after the end in the last column */
	n = lineedit_visible(&le, 10, &start, &pad);
	CU_ASSERT_EQUAL(start, 6);
	CU_ASSERT_EQUAL(n, 9);
	CU_ASSERT_EQUAL(pad, 0);
	/* Home scrolls back */
	lineedit_home(&le);
	lineedit_scroll(&le, 10);
	CU_ASSERT_EQUAL(le.scroll, 0);
	n = lineedit_visible(&le, 10, &start, &pad);
	CU_ASSERT_EQUAL(start, 0);
	CU_ASSERT_EQUAL(n, 10);
	/* moving right past the edge scrolls one column at a time */
	for (int i = 0; i < 10; i++)
		lineedit_right(&le);
	lineedit_scroll(&le, 10);
	CU_ASSERT_EQUAL(le.scroll, 1);
	/* deleting text at the end pulls the view back: no blank tail */
	lineedit_end(&le);
	lineedit_scroll(&le, 10);
	for (int i = 0; i < 8; i++)
		lineedit_backspace(&le);
	lineedit_scroll(&le, 10);
	CU_ASSERT_EQUAL(le.scroll, 0);

	/* wide characters at both edges */
	lineedit_set(&le, "日本語のテキスト"); /* 8 chars, 16 columns */
	lineedit_scroll(&le, 10);
	CU_ASSERT_EQUAL(le.scroll, 7);
	n = lineedit_visible(&le, 10, &start, &pad);
	CU_ASSERT_EQUAL(pad, 1); /* の is cut by the left edge */
	CU_ASSERT_EQUAL(start, 4);
	CU_ASSERT_EQUAL(n, 4);
	lineedit_home(&le);
	lineedit_scroll(&le, 9);
	n = lineedit_visible(&le, 9, &start, &pad);
	CU_ASSERT_EQUAL(start, 0);
	CU_ASSERT_EQUAL(pad, 0);
	CU_ASSERT_EQUAL(n, 4); /* the fifth would need columns 9-10 */
	/* the cursor on a wide character makes room for both its columns */
	for (int i = 0; i < 4; i++)
		lineedit_right(&le);
	lineedit_scroll(&le, 9);
	CU_ASSERT_EQUAL(lineedit_cursor_col(&le), 8);
	CU_ASSERT_EQUAL(le.scroll, 1);
	lineedit_free(&le);
}

/* Multi-line text wraps at word boundaries, breaks at line breaks, and
 * Up/Down keep the column. */
static void test_wrap(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	/* a one-line editor takes no line break, a multi-line one does */
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'\n'), LINEEDIT_REJECTED);
	le.multiline = true;
	lineedit_set(&le, "eins zwei drei\nvier");
	size_t *st;
	size_t n = lineedit_wrap(&le, 10, &st);
	/* "eins zwei " | "drei" (line break) | "vier" */
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(st[1], 10);
	CU_ASSERT_EQUAL(st[2], 15);
	size_t from;
	CU_ASSERT_EQUAL(lineedit_line(&le, st, n, 1, &from), 4); /* "drei" without the break */
	CU_ASSERT_EQUAL(from, 10);
	/* the cursor at the end is on the last line, column 4 */
	size_t line;
	int col;
	lineedit_cursor_line(&le, st, n, &line, &col);
	CU_ASSERT_EQUAL(line, 2);
	CU_ASSERT_EQUAL(col, 4);
	free(st);
	/* up: the same column of "drei" (its end); up again: "eins" */
	CU_ASSERT_TRUE(lineedit_line_move(&le, 10, -1));
	CU_ASSERT_EQUAL(le.cur, 14);
	CU_ASSERT_TRUE(lineedit_line_move(&le, 10, -1));
	CU_ASSERT_EQUAL(le.cur, 4);
	CU_ASSERT_FALSE(lineedit_line_move(&le, 10, -1));
	CU_ASSERT_TRUE(lineedit_line_move(&le, 10, 1));
	CU_ASSERT_EQUAL(le.cur, 14);
	CU_ASSERT_TRUE(lineedit_line_move(&le, 10, 1));
	CU_ASSERT_FALSE(lineedit_line_move(&le, 10, 1));
	/* a word longer than the line is cut; umlauts count one column */
	CU_ASSERT_EQUAL(lineedit_insert(&le, L'\n'), LINEEDIT_OK);
	lineedit_set(&le, "Überlänge");
	n = lineedit_wrap(&le, 4, &st);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(st[1], 4);
	free(st);
	/* empty text is one line */
	lineedit_set(&le, "");
	n = lineedit_wrap(&le, 4, &st);
	CU_ASSERT_EQUAL(n, 1);
	free(st);
	lineedit_free(&le);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("lineedit", NULL, NULL);
	ADD_TEST(s, test_umlauts);
	ADD_TEST(s, test_set_get);
	ADD_TEST(s, test_cjk);
	ADD_TEST(s, test_combining);
	ADD_TEST(s, test_rejects);
	ADD_TEST(s, test_max);
	ADD_TEST(s, test_scroll);
	ADD_TEST(s, test_wrap);
	return test_run();
}
