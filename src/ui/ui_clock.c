/* ui_clock.c — the timebox: one clock per step, kept in the workshop file
 * (store_clock_*) so it survives a restart. One clock runs at a time; the
 * top bar counts it down, the agenda in step 0 shows how overruns shift the
 * steps after it. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include <limits.h>

#include "i18n.h"
#include "ui_internal.h"

long ui_now(void)
{
	return (long)time(NULL);
}

void ui_clock_load(struct ui *ui)
{
	for (int s = 0; s < STEP_COUNT; s++) {
		struct ui_clock *c = &ui->clock[s];
		if (store_clock_get(ui->s, s, &c->elapsed, &c->started) != ERR_OK)
			c->elapsed = c->started = 0;
		/* a timebox that ended before this start is not announced again */
		long planned = (long)ui->m.agenda[s] * 60;
		c->rung = planned > 0 && ui_clock_used(ui, s, ui_now()) >= planned;
	}
}

/* a + b without signed overflow: the sum stops at the limits of long */
static long add_sat(long a, long b)
{
	if (b > 0 && a > LONG_MAX - b)
		return LONG_MAX;
	if (b < 0 && a < LONG_MIN - b)
		return LONG_MIN;
	return a + b;
}

long ui_clock_used(const struct ui *ui, int step, long now)
{
	const struct ui_clock *c = &ui->clock[step];
	long used = c->elapsed < 0 ? 0 : c->elapsed;
	if (c->started > 0 && now > c->started)
		used = add_sat(used, now - c->started);
	return used;
}

int ui_clock_running(const struct ui *ui)
{
	for (int s = 0; s < STEP_COUNT; s++)
		if (ui->clock[s].started)
			return s;
	return -1;
}

/* Stops a step's clock and saves it; false on a store error. */
static bool stop(struct ui *ui, int step, long now)
{
	struct ui_clock *c = &ui->clock[step];
	if (!c->started)
		return true;
	long elapsed = ui_clock_used(ui, step, now);
	if (!ui_store_ok(ui, store_clock_set(ui->s, step, elapsed, 0)))
		return false;
	c->elapsed = elapsed;
	c->started = 0;
	return true;
}

void ui_clock_toggle(struct ui *ui)
{
	long now = ui_now();
	int step = (int)ui->step;
	char name[64], used[16];
	ui_step_name(ui->step, name, sizeof name);
	if (ui->clock[step].started) {
		if (stop(ui, step, now)) {
			ui_clock_format(ui->clock[step].elapsed, used, sizeof used);
			ui_status(ui, _("Clock of %s stopped at %s."), name, used);
		}
		return;
	}
	int other = ui_clock_running(ui);
	if (other >= 0 && !stop(ui, other, now))
		return;
	struct ui_clock *c = &ui->clock[step];
	if (!ui_store_ok(ui, store_clock_set(ui->s, step, c->elapsed, now)))
		return;
	c->started = now;
	if (ui->m.agenda[step] > 0)
		ui_status(ui,
			  ngettext("Clock of %s started: %d minute planned. F5 stops it.",
				   "Clock of %s started: %d minutes planned. F5 stops it.",
				   (unsigned long)ui->m.agenda[step]),
			  name, ui->m.agenda[step]);
	else
		ui_status(ui, _("Clock of %s started (no time planned). F5 stops it."), name);
}

void ui_clock_stop_all(struct ui *ui)
{
	int step = ui_clock_running(ui);
	if (step >= 0)
		stop(ui, step, ui_now());
}

void ui_clock_format(long seconds, char *buf, size_t n)
{
	if (seconds < 0)
		seconds = -seconds;
	if (seconds >= 3600)
		snprintf(buf, n, "%ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		snprintf(buf, n, "%02ld:%02ld", seconds / 60, seconds % 60);
}

enum ui_style ui_clock_text(const struct ui *ui, long now, char *buf, size_t n)
{
	int step = ui_clock_running(ui);
	bool running = step >= 0;
	if (!running)
		step = (int)ui->step;
	long planned = (long)ui->m.agenda[step] * 60;
	long used = ui_clock_used(ui, step, now);
	char t[16];
	if (planned <= 0) {
		ui_clock_format(used, t, sizeof t);
		snprintf(buf, n, running ? _("Step %d: %s used") : _("Step %d: %s used, stopped"), step, t);
		return ST_CLOCK;
	}
	long left = add_sat(planned, -used);
	if (left <= 0 && used > 0) {
		ui_clock_format(-left, t, sizeof t);
		/* TRANSLATORS: the timebox is used up; %s is by how much. In words,
		   not colour alone: a projector may wash the colour out */
		snprintf(buf, n, _("Step %d: time is up +%s"), step, t);
		return ST_CLOCK_OVER;
	}
	ui_clock_format(left, t, sizeof t);
	if (!running) {
		if (used == 0)
			snprintf(buf, n, _("Step %d: %s (F5 starts)"), step, t);
		else
			snprintf(buf, n, _("Step %d: %s left, stopped"), step, t);
		return ST_CLOCK;
	}
	if (left * 5 <= planned) {
		/* the last fifth: amber, and a marker for those who see no colour */
		snprintf(buf, n, _("Step %d: %s left!"), step, t);
		return ST_CLOCK_WARN;
	}
	snprintf(buf, n, _("Step %d: %s left"), step, t);
	return ST_CLOCK;
}

long ui_clock_used_all(const struct ui *ui, long now, long used[STEP_COUNT])
{
	long total = 0;
	for (int s = 0; s < STEP_COUNT; s++) {
		used[s] = ui_clock_used(ui, s, now);
		total = add_sat(total, used[s]);
	}
	return total;
}

bool ui_clock_alert(struct ui *ui, long now)
{
	bool redraw = false;
	for (int s = 0; s < STEP_COUNT; s++) {
		struct ui_clock *c = &ui->clock[s];
		long planned = (long)ui->m.agenda[s] * 60;
		bool ended = planned > 0 && ui_clock_used(ui, s, now) >= planned;
		if (!ended) {
			c->rung = false; /* a new timebox (more minutes) may end again */
			continue;
		}
		if (c->rung)
			continue;
		c->rung = true;
		/* a clock that stands still ended long ago: no alarm for it */
		if (!c->started)
			continue;
		ui->flash_until = now + 1;
		if (ui->m.ws.bell)
			beep();
		char name[64];
		ui_step_name((enum step)s, name, sizeof name);
		ui_status(ui,
			  ngettext("Time is up for %s: %d minute planned. F5 stops the clock.",
				   "Time is up for %s: %d minutes planned. F5 stops the clock.",
				   (unsigned long)ui->m.agenda[s]),
			  name, ui->m.agenda[s]);
		redraw = true;
	}
	return redraw;
}
