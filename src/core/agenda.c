/* agenda.c — the agenda's rows and its times of day (agenda.h). */
#include "config.h"
#include "agenda.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool agenda_time_parse(const char *s, int *minute)
{
	if (!s)
		return false;
	int h = 0, digits = 0;
	while (*s >= '0' && *s <= '9' && digits < 3) {
		h = h * 10 + (*s++ - '0');
		digits++;
	}
	if (digits < 1 || digits > 2 || *s++ != ':')
		return false;
	if (!(s[0] >= '0' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9' && !s[2]))
		return false;
	if (h > 23)
		return false;
	*minute = h * 60 + (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

void agenda_time_format(long minute, char *buf, size_t n)
{
	long m = minute % AGENDA_DAY_MINUTES;
	if (m < 0)
		m += AGENDA_DAY_MINUTES;
	snprintf(buf, n, "%02ld:%02ld", m / 60, m % 60);
}

int agenda_start_minute(const struct workshop *w)
{
	int m;
	return agenda_time_parse(w->start_time, &m) ? m : -1;
}

void agenda_clock(int start_minute, long seconds, bool round_up, char *buf, size_t n)
{
	if (seconds < 0)
		seconds = 0;
	long min = seconds / 60 + (round_up && seconds % 60 ? 1 : 0);
	agenda_time_format((long)start_minute + min, buf, n);
}

/* Blocks in agenda order: by the step they stand before, then position. */
static int block_cmp(const void *a, const void *b)
{
	const struct agenda_block *x = *(const struct agenda_block *const *)a;
	const struct agenda_block *y = *(const struct agenda_block *const *)b;
	if (x->before_step != y->before_step)
		return x->before_step < y->before_step ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* a + b, stopping at the limits of long (clocks may hold large values) */
static long add_sat(long a, long b)
{
	if (b > 0 && a > LONG_MAX - b)
		return LONG_MAX;
	return a + b;
}

void agenda_build(const struct model *m, const long used[STEP_COUNT], struct agenda *a)
{
	memset(a, 0, sizeof *a);
	size_t nb = m->blocks.n;
	const struct agenda_block **bl = xcalloc(nb + 1, sizeof *bl);
	for (size_t i = 0; i < nb; i++)
		bl[i] = MODEL_AT(m->blocks, struct agenda_block, i);
	qsort(bl, nb, sizeof *bl, block_cmp);
	a->v = xcalloc(nb + STEP_COUNT + 1, sizeof *a->v);
	size_t b = 0;
	long plan = 0, exp = 0;
	for (int s = 0; s <= STEP_COUNT; s++) {
		for (; b < nb && (bl[b]->before_step <= s || s == STEP_COUNT); b++) {
			struct agenda_row *r = &a->v[a->n++];
			r->block = true;
			r->step = bl[b]->before_step < STEP_COUNT ? bl[b]->before_step : STEP_COUNT;
			r->id = bl[b]->id;
			r->minutes = bl[b]->minutes < 0 ? 0 : bl[b]->minutes;
		}
		if (s == STEP_COUNT)
			break;
		struct agenda_row *r = &a->v[a->n++];
		r->step = s;
		r->minutes = m->agenda[s] < 0 ? 0 : m->agenda[s];
		r->used = used && used[s] > 0 ? used[s] : 0;
	}
	for (size_t i = 0; i < a->n; i++) {
		struct agenda_row *r = &a->v[i];
		long planned = (long)r->minutes * 60;
		r->start = plan;
		r->exp_start = exp;
		plan = add_sat(plan, planned);
		/* a step takes its plan, or longer when it ran over */
		exp = add_sat(exp, r->used > planned ? r->used : planned);
		r->end = plan;
		r->exp_end = exp;
	}
	a->planned = plan;
	a->expected = exp;
	free(bl);
}

void agenda_free(struct agenda *a)
{
	free(a->v);
	memset(a, 0, sizeof *a);
}

/* The gap between positions of blocks placed one after the other. */
#define POSITION_STEP 100

void agenda_place(const struct agenda *a, const struct model *m, size_t at, int64_t self,
		  int *before_step, int *position)
{
	/* the neighbours: the row before `at` and the row at `at`, skipping self */
	const struct agenda_row *prev = NULL, *next = NULL;
	for (size_t i = at; i-- > 0;)
		if (!(a->v[i].block && a->v[i].id == self)) {
			prev = &a->v[i];
			break;
		}
	for (size_t i = at; i < a->n; i++)
		if (!(a->v[i].block && a->v[i].id == self)) {
			next = &a->v[i];
			break;
		}
	*before_step = next ? next->step : STEP_COUNT;
	long lo = 0, hi;
	if (prev && prev->block && prev->step == *before_step) {
		const struct agenda_block *p = MODEL_FIND(m->blocks, struct agenda_block, prev->id);
		lo = p ? p->position : 0;
	}
	if (next && next->block) {
		const struct agenda_block *q = MODEL_FIND(m->blocks, struct agenda_block, next->id);
		hi = q ? q->position : lo + 2 * POSITION_STEP;
	} else {
		hi = lo + 2 * POSITION_STEP;
	}
	long pos = lo + (hi - lo) / 2;
	if (pos > 999999)
		pos = 999999;
	*position = (int)pos;
}
