/* test_agenda.c — the agenda's arithmetic (src/agenda.c): times of day
 * typed and shown (invalid ones refused, midnight crossed), the rows in
 * their order with blocks before, between and after the steps, planned and
 * expected times when a step ran over, and where a moved block goes. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "model.h"
#include "testutil.h"
#include "util.h"

static void test_time_parse(void)
{
	int m = -1;
	CU_ASSERT_TRUE(agenda_time_parse("09:30", &m));
	CU_ASSERT_EQUAL(m, 570);
	CU_ASSERT_TRUE(agenda_time_parse("9:05", &m));
	CU_ASSERT_EQUAL(m, 545);
	CU_ASSERT_TRUE(agenda_time_parse("00:00", &m));
	CU_ASSERT_EQUAL(m, 0);
	CU_ASSERT_TRUE(agenda_time_parse("23:59", &m));
	CU_ASSERT_EQUAL(m, 1439);
	/* not a time of day: refused, the value untouched */
	m = 7;
	static const char *const bad[] = {"24:00", "9:60", "9", "", "9:5", "009:00", "9:005",
					  "-1:00", "09.30", "9:30 ", " 9:30", "ab:cd", "12:3x",
					  "99:99", ":30"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		bool ok = agenda_time_parse(bad[i], &m);
		if (ok)
			fprintf(stderr, "\n  '%s' taken for a time of day\n", bad[i]);
		CU_ASSERT_FALSE(ok);
	}
	CU_ASSERT_FALSE(agenda_time_parse(NULL, &m));
	CU_ASSERT_EQUAL(m, 7);
}

static void test_time_format(void)
{
	char b[16];
	agenda_time_format(570, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "09:30");
	agenda_time_format(0, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "00:00");
	/* past midnight the clock goes on from 00:00 */
	agenda_time_format(1439 + 11, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "00:10");
	agenda_time_format(3 * AGENDA_DAY_MINUTES + 61, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "01:01");
	agenda_time_format(-10, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "23:50");
	/* seconds after a start: whole minutes, a part rounded up on request */
	agenda_clock(23 * 60 + 30, 45 * 60, false, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "00:15");
	agenda_clock(600, 61, false, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "10:01");
	agenda_clock(600, 61, true, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "10:02");
	agenda_clock(600, -5, true, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "10:00");
}

static void test_start_minute(void)
{
	struct workshop w;
	workshop_init(&w);
	CU_ASSERT_EQUAL(agenda_start_minute(&w), -1);
	str_set(&w.start_time, "13:15");
	CU_ASSERT_EQUAL(agenda_start_minute(&w), 795);
	str_set(&w.start_time, "late afternoon");
	CU_ASSERT_EQUAL(agenda_start_minute(&w), -1);
	workshop_free(&w);
}

static void put_block(struct model *m, int64_t id, int kind, int minutes, int before, int pos)
{
	struct agenda_block b;
	block_init(&b);
	b.id = id;
	b.kind = kind;
	b.minutes = minutes;
	b.before_step = before;
	b.position = pos;
	model_put_block(m, &b);
	block_free(&b);
}

/* 10 minutes per step; a welcome before step 0, a break before step 5
 * (two blocks there, ordered by position, not by id), a wrap-up at the end */
static void build_model(struct model *m)
{
	model_init(m);
	for (int s = 0; s < STEP_COUNT; s++)
		m->agenda[s] = 10;
	put_block(m, 1, BLOCK_WRAPUP, 15, STEP_COUNT, 100);
	put_block(m, 2, BLOCK_BREAK, 30, 5, 200);
	put_block(m, 3, BLOCK_WELCOME, 5, 0, 100);
	put_block(m, 4, BLOCK_OTHER, 20, 5, 100);
}

static void test_rows(void)
{
	struct model m;
	build_model(&m);
	long used[STEP_COUNT] = {0};
	struct agenda a;
	agenda_build(&m, used, &a);
	CU_ASSERT_EQUAL_FATAL(a.n, STEP_COUNT + 4);
	/* welcome, steps 0-4, other, break, steps 5-9, wrap-up */
	CU_ASSERT_TRUE(a.v[0].block && a.v[0].id == 3);
	CU_ASSERT_TRUE(!a.v[1].block && a.v[1].step == 0);
	CU_ASSERT_TRUE(!a.v[5].block && a.v[5].step == 4);
	CU_ASSERT_TRUE(a.v[6].block && a.v[6].id == 4);
	CU_ASSERT_TRUE(a.v[7].block && a.v[7].id == 2);
	CU_ASSERT_TRUE(!a.v[8].block && a.v[8].step == 5);
	CU_ASSERT_TRUE(a.v[13].block && a.v[13].id == 1);
	/* planned: welcome 0-5 min, step 0 5-15, …, step 4 45-55, the blocks
	 * 55-75 and 75-105, step 5 105-115, …, step 9 145-155, wrap-up 155-170 */
	CU_ASSERT_EQUAL(a.v[1].start, 5 * 60);
	CU_ASSERT_EQUAL(a.v[7].start, 75 * 60);
	CU_ASSERT_EQUAL(a.v[7].end, 105 * 60);
	CU_ASSERT_EQUAL(a.v[12].end, 155 * 60);
	CU_ASSERT_EQUAL(a.planned, 170 * 60);
	CU_ASSERT_EQUAL(a.expected, a.planned);
	/* a session that starts 22:00 ends after midnight */
	char b[16];
	agenda_clock(22 * 60, a.planned, false, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "00:50");
	agenda_free(&a);

	/* step 1 ran 25 minutes and 30 seconds of its 10: everything after it
	 * is expected 16 minutes later (the half minute rounds up) */
	used[1] = 25 * 60 + 30;
	used[2] = 3 * 60; /* under its plan: the plan counts */
	agenda_build(&m, used, &a);
	CU_ASSERT_EQUAL(a.v[2].used, used[1]);
	CU_ASSERT_EQUAL(a.v[2].end, 25 * 60);
	CU_ASSERT_EQUAL(a.v[2].exp_end, 5 * 60 + 10 * 60 + used[1]);
	CU_ASSERT_EQUAL(a.v[3].exp_end - a.v[3].end, used[1] - 10 * 60);
	CU_ASSERT_EQUAL(a.expected - a.planned, 15 * 60 + 30);
	agenda_clock(9 * 60, a.expected, true, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "12:06");
	agenda_clock(9 * 60, a.planned, false, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "11:50");
	agenda_free(&a);
	model_free(&m);
}

static void test_no_blocks(void)
{
	struct model m;
	model_init(&m);
	struct agenda a;
	agenda_build(&m, NULL, &a);
	CU_ASSERT_EQUAL(a.n, STEP_COUNT);
	CU_ASSERT_EQUAL(a.planned, 0);
	agenda_free(&a);
	model_free(&m);
}

static void test_place(void)
{
	struct model m;
	build_model(&m);
	struct agenda a;
	agenda_build(&m, NULL, &a);
	int before, pos;
	/* a new block before step 0's row (after the welcome) */
	agenda_place(&a, &m, 1, 0, &before, &pos);
	CU_ASSERT_EQUAL(before, 0);
	CU_ASSERT_TRUE(pos > 100);
	/* before the first of the two blocks of step 5: in front of it */
	agenda_place(&a, &m, 6, 0, &before, &pos);
	CU_ASSERT_EQUAL(before, 5);
	CU_ASSERT_TRUE(pos < 100);
	/* between the two */
	agenda_place(&a, &m, 7, 0, &before, &pos);
	CU_ASSERT_EQUAL(before, 5);
	CU_ASSERT_TRUE(pos > 100 && pos < 200);
	/* at the end of the session */
	agenda_place(&a, &m, a.n, 0, &before, &pos);
	CU_ASSERT_EQUAL(before, STEP_COUNT);
	CU_ASSERT_TRUE(pos > 100);
	/* the break (row 7) one row up, past the other block: before it */
	agenda_place(&a, &m, 6, 2, &before, &pos);
	CU_ASSERT_EQUAL(before, 5);
	CU_ASSERT_TRUE(pos < 100);
	/* the break one row down, past step 5: before step 6 */
	agenda_place(&a, &m, 9, 2, &before, &pos);
	CU_ASSERT_EQUAL(before, 6);
	/* the welcome one row down: after step 0, before step 1 */
	agenda_place(&a, &m, 2, 3, &before, &pos);
	CU_ASSERT_EQUAL(before, 1);
	agenda_free(&a);
	model_free(&m);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("agenda", NULL, NULL);
	ADD_TEST(s, test_time_parse);
	ADD_TEST(s, test_time_format);
	ADD_TEST(s, test_start_minute);
	ADD_TEST(s, test_rows);
	ADD_TEST(s, test_no_blocks);
	ADD_TEST(s, test_place);
	return test_run();
}
