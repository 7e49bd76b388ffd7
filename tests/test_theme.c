/* test_theme.c — the projector theme's contrast: every text colour pair of
 * the table the screen uses reaches the WCAG ratio of 7:1 (AAA) under the
 * reference palette; and the step tabs' one shortening rule. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>

#include "testutil.h"
#include "theme.h"

static void test_palette_and_formula(void)
{
	unsigned char rgb[3];
	theme_rgb(THEME_DARK_RED, rgb);
	CU_ASSERT(rgb[0] == 135 && rgb[1] == 0 && rgb[2] == 0);
	theme_rgb(THEME_BLUE, rgb);
	CU_ASSERT(rgb[0] == 0 && rgb[1] == 0 && rgb[2] == 238);
	theme_rgb(244, rgb); /* grey ramp */
	CU_ASSERT(rgb[0] == 128 && rgb[1] == 128 && rgb[2] == 128);
	theme_rgb(231, rgb); /* cube corner */
	CU_ASSERT(rgb[0] == 255 && rgb[1] == 255 && rgb[2] == 255);
	/* WCAG's fixed points: black on bright white 21:1, a colour on itself 1:1 */
	CU_ASSERT_DOUBLE_EQUAL(theme_contrast(0, 15), 21.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(theme_contrast(15, 0), 21.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(theme_contrast(THEME_CYAN, THEME_CYAN), 1.0, 1e-9);
	/* mid grey #808080 has luminance 0.2158 (WCAG worked value) */
	CU_ASSERT_DOUBLE_EQUAL(theme_luminance(244), 0.2158605, 1e-6);
	/* the check would catch the old badge: white on ANSI red is ~4.6:1 */
	CU_ASSERT(theme_contrast(THEME_WHITE, THEME_RED) < 7.0);
}

static void test_projector_contrast(void)
{
	int checked = 0;
	for (int i = 0; i < ST_COUNT; i++) {
		const struct theme_pair *p = &theme_projector[i];
		if (p->fg == p->bg)
			continue; /* no colour of its own: the terminal's default */
		double r = theme_contrast(p->fg, p->bg);
		if (r < 7.0)
			printf("\nstyle %d: colour %d on %d has contrast %.2f:1 < 7:1\n", i, p->fg,
			       p->bg, r);
		CU_ASSERT(r >= 7.0);
		CU_ASSERT(theme_pair_colours(p) <= 256);
		checked++;
	}
	/* the signalling styles all have colour pairs, and they were checked */
	CU_ASSERT(checked >= 20);
	CU_ASSERT(theme_projector[ST_BADGE].fg != theme_projector[ST_BADGE].bg);
	CU_ASSERT(theme_projector[ST_ALERT].fg != theme_projector[ST_ALERT].bg);
	CU_ASSERT(theme_projector[ST_RACI_I].fg != theme_projector[ST_RACI_I].bg);
}

static void test_tab_limit(void)
{
	/* ten names; the current one (3) is not counted and never cut */
	int w[10] = {8, 5, 10, 12, 17, 5, 7, 6, 9, 6};
	int sum_others = 0;
	for (int i = 0; i < 10; i++)
		if (i != 3)
			sum_others += w[i];
	/* room for all: nothing is cut, the limit is the widest other name */
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, sum_others), 17);
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 1000), 17);
	/* one column short: the widest name gives one column */
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, sum_others - 1), 16);
	/* nine others cut to 3 need 27 columns, to 4 need 36 */
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 27), 3);
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 35), 3);
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 36), 4);
	/* the current step's own width does not matter */
	w[3] = 40;
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 36), 4);
	/* no room: nothing but the digits */
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, 5), 0);
	CU_ASSERT_EQUAL(ui_tab_name_limit(w, 10, 3, -4), 0);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("contrast", NULL, NULL);
	ADD_TEST(s, test_palette_and_formula);
	ADD_TEST(s, test_projector_contrast);
	s = CU_add_suite("tabs", NULL, NULL);
	ADD_TEST(s, test_tab_limit);
	return test_run();
}
