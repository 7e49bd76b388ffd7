/* csv_export.c — writing a workshop as a CSV bundle (man/stetig.5).
 *
 * Every cell goes through libcsv's writer (always quoted, inner quotes
 * doubled); records end with CRLF; files start with a UTF-8 BOM. Ids are
 * renumbered 1..n per table in model order, so exporting, importing into a
 * new workshop and exporting again gives the same bytes. */
#include "config.h"
#include "csv_io.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_bundle.h"
#include "i18n.h"
#include "util.h"

struct writer {
	struct buf b;
	char delim;
	enum lang lang;
	bool row_started;
};

static void w_cell(struct writer *w, const char *s, size_t len)
{
	if (w->row_started)
		buf_addc(&w->b, w->delim);
	w->row_started = true;
	size_t need = 2 * len + 2;
	xgrow((void **)&w->b.data, &w->b.cap, w->b.len + need + 1, 1);
	size_t n = csv_write2(w->b.data + w->b.len, need, s, len, '"');
	w->b.len += n < need ? n : need;
	w->b.data[w->b.len] = '\0';
}

/* Every cell: invalid bytes, control characters other than TAB and line
 * breaks, and bidirectional controls are written as U+FFFD, so that no
 * text can steer the program that shows the file, and import (which
 * refuses control characters) reads back what was written. */
static void w_str(struct writer *w, const char *s)
{
	s = s ? s : "";
	if (text_needs_neutral(s, TEXT_KEEP_LINES)) {
		/* one more character: the ' of a formula-neutralised text */
		char *t = text_neutral(s, TEXT_KEEP_LINES, TEXT_MAX_CHARS + 1);
		w_cell(w, t, strlen(t));
		free(t);
		return;
	}
	w_cell(w, s, strlen(s));
}

/* A free-text cell, neutralised against formula injection. */
static void w_text(struct writer *w, const char *s)
{
	char *clean = NULL;
	if (text_needs_neutral(s, TEXT_KEEP_LINES))
		s = clean = text_neutral(s, TEXT_KEEP_LINES, TEXT_MAX_CHARS);
	if (csv_needs_neutralising(s)) {
		char *n = csv_neutralise(s);
		w_str(w, n);
		free(n);
	} else {
		w_str(w, s);
	}
	free(clean);
}

static void w_long(struct writer *w, long v)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%ld", v);
	w_str(w, tmp);
}

/* A bundle id; 0 writes an empty cell. */
static void w_ref(struct writer *w, long v)
{
	if (v > 0)
		w_long(w, v);
	else
		w_str(w, "");
}

static void w_num(struct writer *w, double v)
{
	char tmp[64];
	num_format(v, w->lang == LANG_DE, tmp);
	w_str(w, tmp);
}

static void w_optnum(struct writer *w, struct optnum n)
{
	if (n.set)
		w_num(w, n.v);
	else
		w_str(w, "");
}

static void w_word(struct writer *w, enum vocab_kind k, int v)
{
	w_str(w, vocab_word(k, v, w->lang));
}

static void w_end(struct writer *w)
{
	buf_adds(&w->b, "\r\n");
	w->row_started = false;
}

static void w_header(struct writer *w, enum bundle_file f)
{
	const struct bundle_spec *sp = &bundle_specs[f];
	for (size_t i = 0; i < sp->n; i++)
		w_str(w, w->lang == LANG_DE ? sp->cols[i].de : sp->cols[i].en);
	if (f != BF_RACI)
		w_end(w);
}

/* The bundle id of a model id: its position in the table, 1-based; 0 for
 * none. */
static long bid(const struct table *t, int64_t id)
{
	if (id <= 0)
		return 0;
	long i = table_index(t, id);
	return i < 0 ? 0 : i + 1;
}

/* ------------------------------------------------------------ the files */

static void put_workshop(struct writer *w, const struct model *m)
{
	const struct workshop *ws = &m->ws;
	w_text(w, ws->title);
	w_text(w, ws->municipality);
	w_text(w, ws->field);
	w_str(w, ws->funding_end);
	w_word(w, VOCAB_PHASE, ws->phase);
	w_text(w, ws->facilitator);
	w_text(w, ws->participants);
	w_word(w, VOCAB_LANG, ws->lang);
	w_end(w);
}

static void put_sgoals(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->sgoals.n; i++) {
		const struct strategy_goal *e = MODEL_AT(m->sgoals, struct strategy_goal, i);
		w_long(w, (long)i + 1);
		w_text(w, e->title);
		w_end(w);
	}
}

static void put_goals(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *e = MODEL_AT(m->goals, struct goal, i);
		w_long(w, (long)i + 1);
		w_text(w, e->title);
		w_text(w, e->specific);
		w_text(w, e->measurable);
		w_text(w, e->achievable);
		w_text(w, e->relevant);
		w_text(w, e->time_bound);
		w_ref(w, bid(&m->sgoals, e->strategy_goal));
		w_word(w, VOCAB_GSTATUS, e->status);
		w_end(w);
	}
}

static void put_indicators(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->indicators.n; i++) {
		const struct indicator *e = MODEL_AT(m->indicators, struct indicator, i);
		w_long(w, (long)i + 1);
		w_ref(w, bid(&m->goals, e->goal));
		w_text(w, e->name);
		w_text(w, e->unit);
		w_word(w, VOCAB_DIRECTION, e->direction);
		w_optnum(w, e->baseline);
		w_str(w, e->baseline_date);
		w_optnum(w, e->target);
		w_str(w, e->target_date);
		w_optnum(w, e->latest);
		w_str(w, e->latest_date);
		w_text(w, e->source);
		w_text(w, e->method);
		w_text(w, e->frequency);
		w_ref(w, bid(&m->stakeholders, e->owner));
		w_end(w);
	}
}

static void put_stakeholders(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *e = MODEL_AT(m->stakeholders, struct stakeholder, i);
		w_long(w, (long)i + 1);
		w_text(w, e->name);
		w_text(w, e->organisation);
		w_word(w, VOCAB_GROUP, e->group);
		w_long(w, e->influence);
		w_long(w, e->interest);
		w_word(w, VOCAB_ATTITUDE, e->attitude);
		w_word(w, VOCAB_YESNO, e->key_person ? YN_YES : YN_NO);
		w_word(w, VOCAB_YESNO, e->temporary ? YN_YES : YN_NO);
		w_text(w, e->message);
		w_text(w, e->channel);
		w_text(w, e->cadence);
		w_end(w);
	}
}

static void put_tasks(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *e = MODEL_AT(m->tasks, struct task, i);
		w_long(w, (long)i + 1);
		w_text(w, e->name);
		w_word(w, VOCAB_CATEGORY, e->category);
		w_word(w, VOCAB_TPHASE, e->phase);
		w_end(w);
	}
}

/* The matrix: a row per task, a column per stakeholder. */
static void put_raci(struct writer *w, const struct model *m)
{
	for (size_t k = 0; k < m->stakeholders.n; k++)
		w_long(w, (long)k + 1);
	w_end(w);
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		w_long(w, (long)i + 1);
		for (size_t k = 0; k < m->stakeholders.n; k++) {
			const struct stakeholder *sh =
				MODEL_AT(m->stakeholders, struct stakeholder, k);
			enum raci r = model_raci_get(m, t->id, sh->id);
			char letter[2] = {raci_letter(r), '\0'};
			w_str(w, r == RACI_NONE ? "" : letter);
		}
		w_end(w);
	}
}

static void put_costs(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->costs.n; i++) {
		const struct cost *e = MODEL_AT(m->costs, struct cost, i);
		w_long(w, (long)i + 1);
		w_text(w, e->name);
		w_word(w, VOCAB_COST_KIND, e->kind);
		w_num(w, e->amount);
		w_ref(w, e->start_year);
		w_ref(w, e->end_year);
		w_end(w);
	}
}

struct share_ref {
	long cost, stakeholder;
	size_t index;
};

static int share_cmp(const void *a, const void *b)
{
	const struct share_ref *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	if (x->stakeholder != y->stakeholder)
		return x->stakeholder < y->stakeholder ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Shares by cost, then stakeholder (bundle order). */
static void put_shares(struct writer *w, const struct model *m)
{
	size_t n = 0;
	struct share_ref *v = xcalloc(m->shares.n ? m->shares.n : 1, sizeof *v);
	for (size_t i = 0; i < m->shares.n; i++) {
		const struct cost_share *e = MODEL_AT(m->shares, struct cost_share, i);
		long c = bid(&m->costs, e->cost), s = bid(&m->stakeholders, e->stakeholder);
		if (!c || !s)
			continue;
		v[n++] = (struct share_ref){c, s, i};
	}
	qsort(v, n, sizeof *v, share_cmp);
	for (size_t i = 0; i < n; i++) {
		const struct cost_share *e = MODEL_AT(m->shares, struct cost_share, v[i].index);
		w_long(w, v[i].cost);
		w_long(w, v[i].stakeholder);
		w_num(w, e->percent);
		w_end(w);
	}
	free(v);
}

/* All check items, by factor, field and item. */
static void put_check(struct writer *w, const struct model *m)
{
	const struct check_item **v = xcalloc(m->checks.n ? m->checks.n : 1, sizeof *v);
	for (size_t i = 0; i < m->checks.n; i++)
		v[i] = MODEL_AT(m->checks, struct check_item, i);
	qsort(v, m->checks.n, sizeof *v, check_item_ptr_cmp);
	for (size_t i = 0; i < m->checks.n; i++) {
		w_long(w, v[i]->factor);
		w_word(w, VOCAB_FIELD, v[i]->field);
		w_long(w, v[i]->item);
		w_word(w, VOCAB_CHECK_STATUS, v[i]->status);
		w_text(w, v[i]->note);
		w_end(w);
	}
	free(v);
}

static void put_notes(struct writer *w, const struct model *m)
{
	for (size_t i = 0; i < m->notes.n; i++) {
		const struct note *e = MODEL_AT(m->notes, struct note, i);
		w_word(w, VOCAB_NOTE_KIND, e->kind);
		w_text(w, e->text);
		w_ref(w, bid(&m->stakeholders, e->owner));
		w_str(w, e->due);
		w_end(w);
	}
}

static void put_findings(struct writer *w, const struct findings *f)
{
	for (size_t i = 0; f && i < f->n; i++) {
		const struct finding *e = &f->v[i];
		w_word(w, VOCAB_SEVERITY, e->sev);
		w_word(w, VOCAB_STEP, e->step);
		w_text(w, e->item);
		w_text(w, findings_message(e));
		w_end(w);
	}
}

/* ------------------------------------------------------------ files */

/* The message for a bundle folder that cannot be written; stranger names
 * what is in the way after ENOTEMPTY. */
static void fail_dir(struct bundle_error *err, enum bundle_file file, const char *dir, int e,
		     const char *stranger)
{
	if (e == ENOTEMPTY) {
		char *name = str_printable(stranger);
		bundle_fail(err, file, 0, 0, NULL,
			    _("cannot write the bundle to %s: the folder holds \"%s\", which is not "
			      "part of a CSV bundle; choose a new or empty folder"),
			    dir, name);
		free(name);
		return;
	}
	const char *why = e == ELOOP	 ? _("it is a symbolic link; give the folder itself")
			  : e == ENOTDIR ? _("it is not a folder")
					 : bundle_errno_text(e);
	bundle_fail(err, file, 0, 0, NULL, _("cannot write the bundle to %s: %s"), dir, why);
}

bool bundle_export(const struct model *m, const struct findings *f, const char *dir,
		   enum lang lang, char delim, struct bundle_error *err)
{
	memset(err, 0, sizeof *err);
	if (delim != ',' && delim != ';')
		delim = lang == LANG_DE ? ';' : ',';
	/* the files go into a fresh folder beside dir, which then replaces
	 * dir as a whole */
	struct dir_stage st;
	int e = stage_begin(&st, dir, bundle_files);
	if (e) {
		fail_dir(err, BF_COUNT, dir, e, st.stranger);
		return false;
	}
	bool ok = true;
	for (int i = 0; i < BF_COUNT && ok; i++) {
		struct writer w = {.delim = delim, .lang = lang};
		buf_init(&w.b);
		buf_adds(&w.b, "\xEF\xBB\xBF");
		w_header(&w, (enum bundle_file)i);
		switch ((enum bundle_file)i) {
		case BF_WORKSHOP: put_workshop(&w, m); break;
		case BF_SGOALS: put_sgoals(&w, m); break;
		case BF_GOALS: put_goals(&w, m); break;
		case BF_INDICATORS: put_indicators(&w, m); break;
		case BF_STAKEHOLDERS: put_stakeholders(&w, m); break;
		case BF_TASKS: put_tasks(&w, m); break;
		case BF_RACI: put_raci(&w, m); break;
		case BF_COSTS: put_costs(&w, m); break;
		case BF_SHARES: put_shares(&w, m); break;
		case BF_CHECK: put_check(&w, m); break;
		case BF_NOTES: put_notes(&w, m); break;
		case BF_FINDINGS: put_findings(&w, f); break;
		case BF_COUNT: break;
		}
		e = stage_write(&st, bundle_files[i], w.b.data, w.b.len);
		buf_free(&w.b);
		if (e) {
			fail_dir(err, (enum bundle_file)i, dir, e, st.stranger);
			ok = false;
		}
	}
	if (!ok) {
		stage_abort(&st);
		return false;
	}
	/* all files are complete: the folder takes the target's place */
	e = stage_commit(&st);
	if (e) {
		fail_dir(err, BF_COUNT, dir, e, st.stranger);
		return false;
	}
	return true;
}
