/* agenda.h — the agenda of a session: the steps' timeboxes and
 * the blocks that are no step (welcome, break, wrap-up, a free block) in
 * their order, with the planned start and end of every row and the end
 * to expect once steps have run over. Arithmetic on the model only: no
 * curses and no clock of its own (the caller passes the seconds used). */
#ifndef STETIG_AGENDA_H
#define STETIG_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Minutes of a day. */
#define AGENDA_DAY_MINUTES (24 * 60)

/* Reads a time of day "H:MM" or "HH:MM" (00:00 … 23:59) into minutes after
 * midnight; false for anything else ("24:00", "9:60", "9", "", "9:5"). */
bool agenda_time_parse(const char *s, int *minute);
/* Writes minutes after midnight as "HH:MM", counted on past midnight
 * (1450 is "00:10"; negative values count back into the day before). */
void agenda_time_format(long minute, char *buf, size_t n);
/* The session's start in minutes after midnight, or -1 when the workshop
 * has none (or a text that is no time of day). */
int agenda_start_minute(const struct workshop *w);
/* The time of day `seconds` after a session that starts at start_minute,
 * as "HH:MM"; a part of a minute counts as a whole one when round_up. */
void agenda_clock(int start_minute, long seconds, bool round_up, char *buf, size_t n);

/* One row of the agenda: a step or a block. */
struct agenda_row {
	bool block;
	int step;      /* the step; for a block the step it stands before */
	int64_t id;    /* a block's id, else 0 */
	int minutes;   /* planned */
	long used;     /* seconds the step's clock has run (0 for blocks) */
	long start, end;	  /* planned, in seconds after the session's start */
	long exp_start, exp_end; /* expected: a step takes its plan or longer */
};

struct agenda {
	struct agenda_row *v;
	size_t n;
	long planned;  /* the planned length of the session, seconds */
	long expected; /* the expected length, seconds */
};

/* The rows in order: for each step, the blocks before it (by position),
 * then the step; after the last step the blocks placed at the end. used
 * holds the seconds each step's clock has run. */
void agenda_build(const struct model *m, const long used[STEP_COUNT], struct agenda *a);
void agenda_free(struct agenda *a);

/* Where a block goes to stand just before row `at` of a (a->n: at the end
 * of the session), leaving out the block `self` (0: none): the step it
 * stands before and a position between its new neighbours. */
void agenda_place(const struct agenda *a, const struct model *m, size_t at, int64_t self,
		  int *before_step, int *position);

#endif
