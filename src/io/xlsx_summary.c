/* xlsx_summary.c — the workbook's first sheet: a one-page summary in the
 * shape of an attachment to a council submission. It names the measure and
 * its state, shows readiness per factor and field, who is accountable for
 * each kind of task in the pilot and in regular operation, the indicators
 * as traffic lights, the most important findings and the working group's
 * agreements, and links to every other sheet. Long lists are cut (and say
 * so); the page prints on one A4 page at 100 % in 9 pt text (a workshop
 * whose texts are too long for it is fitted to the page instead).
 *
 * Reads the model and the findings; never changes them. */
#include "config.h"
#include "xlsx_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "roadmap.h"
#include "templates.h"
#include "util.h"

/* Columns: A labels (wide), B–F values. */
#define SUM_COLS 6
#define SUM_LABEL_W 22.0
#define SUM_VALUE_W 12.5
/* Lists on the summary stop after this many rows (the sheets have them all). */
#define SUM_INDICATORS XL_SUMMARY_INDICATORS
#define SUM_FINDINGS XL_SUMMARY_FINDINGS
#define SUM_AGREEMENTS 3
#define SUM_VOTES 3

/* The money columns of the summary: the costs-per-year rows they show
 * (promised and asked together). */
static const struct {
	const char *head; /* msgid */
	int yr, yr2;	  /* YR_* and a second row added to it, or -1 */
} money_cols[SUM_COLS - 1] = {
	{N_("Grant"), YR_GRANT, -1},
	{N_("Own share"), YR_OWN, -1},
	{N_("Partners, budgeted"), YR_COVERED, -1},
	{N_("Promised or asked"), YR_PROMISED, YR_ASKED},
	{N_("Not covered"), YR_UNCOVERED, -1},
};

/* The printable height of the page in points: A4 portrait (842 pt) less
 * the margins set below (0.4" each) and a little for rounding. */
#define SUM_PAGE_PT (842.0 - 2 * 0.4 * 72)

/* Characters of merged columns from..to (as xl_wrapped_lines counts: in
 * units of 11 pt text; the summary's smaller text fits more). */
static size_t span_chars(lxw_col_t from, lxw_col_t to)
{
	double w = 0;
	for (lxw_col_t c = from; c <= to; c++)
		w += c == 0 ? SUM_LABEL_W : SUM_VALUE_W;
	return (size_t)(w * 11.0 / XL_SUMMARY_PT) - 1;
}

/* Sets the height of row r (once per row) and counts it towards the
 * page's height (x->sum_extra: points above the default row). */
static void set_height(struct xl *x, lxw_worksheet *ws, lxw_row_t r, double pt)
{
	xl_note(x, worksheet_set_row(ws, r, pt, NULL), "set_row");
	x->sum_extra += pt - XL_SUMMARY_LINE_PT;
}

/* The characters that surely fit one printed line over columns from..to
 * (xl_wrapped_lines counts with the same measure). */
static size_t line_chars(lxw_col_t from, lxw_col_t to)
{
	return (size_t)((double)span_chars(from, to) * XL_TEXT_PER_WIDTH);
}

/* Text merged over columns from..to of row r, wrapped, the row as high as
 * the text needs (rows only grow). */
static void merged_text(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t from,
			lxw_col_t to, const char *text, lxw_format *f, int *lines)
{
	char *v = xl_clean(text ? text : "", TEXT_MAX_CHARS);
	if (from == to)
		xl_text(x, ws, r, from, v, f);
	else
		xl_note(x, worksheet_merge_range(ws, r, from, r, to, v, f), "merge_range");
	/* a wide merged span (five columns and more) also holds the padding
	 * between its columns, about one character per column boundary; on
	 * narrow spans the estimate stays as conservative as everywhere */
	size_t w = span_chars(from, to) + (to - from >= 4 ? (size_t)(to - from) : 0);
	int l = xl_wrapped_lines(v, w);
	if (l > *lines)
		*lines = l;
	free(v);
}

static void row_height(struct xl *x, lxw_worksheet *ws, lxw_row_t r, int lines)
{
	if (lines > 1)
		set_height(x, ws, r, XL_SUMMARY_LINE_PT * lines + 2);
}

/* Two label/value pairs side by side: A label, B–C value, D label, E–F
 * value. A value that is an ISO date (is_date) is written as a date. */
static void pair_row(struct xl *x, lxw_worksheet *ws, lxw_row_t *r, const char *l1,
		     const char *v1, bool d1, const char *l2, const char *v2, bool d2)
{
	int lines = 1;
	const char *lab[2] = {l1, l2};
	const char *val[2] = {v1, v2};
	bool date[2] = {d1, d2};
	for (int k = 0; k < 2; k++) {
		lxw_col_t c = (lxw_col_t)(k * 3);
		xl_text(x, ws, *r, c, lab[k], x->fmt.label);
		if (date[k]) {
			xl_note(x, worksheet_merge_range(ws, *r, c + 1, *r, c + 2, "", x->fmt.date),
				"merge_range");
			if (!xl_date(x, ws, *r, c + 1, val[k]))
				xl_text(x, ws, *r, c + 1, "–", x->fmt.text);
		} else {
			merged_text(x, ws, *r, c + 1, c + 2, *val[k] ? val[k] : "–", x->fmt.wrap,
				    &lines);
		}
	}
	row_height(x, ws, *r, lines);
	(*r)++;
}

/* The roadmap in two rows: the operator model with its operator and the
 * agreement's status, and the next council decision. */
static void roadmap_row(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct model *m = x->m;
	const struct workshop *w = &m->ws;
	struct buf op, nd;
	buf_init(&op);
	buf_init(&nd);
	buf_adds(&op, vocab_label(VOCAB_OPMODEL, w->op_model));
	const char *actor = w->op_actor ? model_entity_name(m, ENT_STAKEHOLDER, w->op_actor) : "";
	if (actor && *actor)
		buf_printf(&op, ": %s", actor);
	buf_printf(&op, " (%s)", vocab_label(VOCAB_AGREEMENT, w->agreement));
	const struct decision *d = roadmap_next_decision(m, roadmap_today());
	if (d) {
		if (*d->planned) {
			char when[32];
			i18n_date(d->planned, x->lang, when);
			buf_printf(&nd, "%s, ", when);
		}
		buf_printf(&nd, "%s (%s): %s", vocab_label(VOCAB_BODY, d->body),
			   vocab_label(VOCAB_DEC_STATUS, d->status),
			   *d->subject ? d->subject : _("(no subject)"));
		if (d->example)
			buf_printf(&nd, " – %s", _("example from the template"));
	} else {
		buf_adds(&nd, _("– none planned –"));
	}
	/* each over the whole width: a label in A, the text across B–F */
	const char *lab[2] = {_("Operator model"), _("Next council decision")};
	const char *val[2] = {op.data ? op.data : "", nd.data ? nd.data : ""};
	for (int k = 0; k < 2; k++) {
		int lines = 1;
		xl_text(x, ws, *r, 0, lab[k], x->fmt.label);
		merged_text(x, ws, *r, 1, SUM_COLS - 1, val[k], x->fmt.wrap, &lines);
		row_height(x, ws, *r, lines);
		(*r)++;
	}
	buf_free(&op);
	buf_free(&nd);
}

/* A note over the whole width, wrapped, its row as high as it needs. */
static void note_row(struct xl *x, lxw_worksheet *ws, lxw_row_t *r, const char *text)
{
	int lines = 1;
	merged_text(x, ws, *r, 0, SUM_COLS - 1, text, x->fmt.note_wrap, &lines);
	row_height(x, ws, *r, lines);
	(*r)++;
}

/* A section heading: a taller row instead of an empty one above it. */
static void subtitle(struct xl *x, lxw_worksheet *ws, lxw_row_t *r, const char *text)
{
	xl_note(x, worksheet_merge_range(ws, *r, 0, *r, SUM_COLS - 1, text, x->fmt.subtitle),
		"merge_range");
	set_height(x, ws, *r, XL_SUMMARY_LINE_PT + 1);
	(*r)++;
}

static void heat_cell(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	if (v < 0) {
		xl_text(x, ws, r, c, "–", x->fmt.heat_na);
		return;
	}
	int band = v < FINDINGS_READINESS_LOW ? 0 : v < FINDINGS_READINESS_HIGH ? 1 : 2;
	xl_num(x, ws, r, c, v, x->fmt.heat[band]);
}

/* A reference to column col of money row yr on the costs-per-year sheet
 * ('Kosten je Jahr'!$C$2) appended to b. */
static void years_ref(const struct xl *x, int yr, size_t col, struct buf *b)
{
	char cell[16];
	xl_cell_name(x->years.row + (lxw_row_t)yr, (lxw_col_t)col, cell);
	xl_sheet_ref(b, x->years.sheet);
	buf_addc(b, '!');
	buf_adds(b, cell);
}

/* Money per budget year: one row per year of the costs-per-year sheet (and
 * its "no year" column), each cell a live formula referring to that sheet,
 * the totals a live sum; the figures computed by figures.c are the cached
 * results, so a reader without recalculation sees the same numbers. */
static void money(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct figures *f = x->fig;
	/* amounts a template filled in and the group has not saved as its own
	 * are examples: the heading says so, the costs sheet says which */
	size_t examples = 0;
	for (size_t i = 0; i < x->m->costs.n; i++)
		examples += MODEL_AT(x->m->costs, struct cost, i)->example;
	subtitle(x, ws, r,
		 examples ? _("Money per budget year (with example amounts from the template)")
			  : _("Money per budget year"));
	if (!x->years.sheet) {
		merged_text(x, ws, *r, 0, SUM_COLS - 1, _("No costs have been entered."), x->fmt.note,
			    &(int){1});
		(*r)++;
		return;
	}
	xl_text(x, ws, *r, 0, _("Budget year"), x->fmt.header);
	int head_lines = 1;
	for (int c = 0; c < SUM_COLS - 1; c++) {
		const char *h = _(money_cols[c].head);
		xl_text(x, ws, *r, (lxw_col_t)(1 + c), h, x->fmt.header);
		int l = xl_wrapped_lines(h, span_chars((lxw_col_t)(1 + c), (lxw_col_t)(1 + c)));
		if (l > head_lines)
			head_lines = l;
	}
	row_height(x, ws, *r, head_lines);
	(*r)++;
	lxw_row_t first = *r;
	/* the years before the funding-end year are one row (the sheet has
	 * them one by one): the council asks about the years to come */
	size_t early = 0;
	if (f->has_funding_end && f->funding_end_year > f->first)
		early = (size_t)(f->funding_end_year - f->first);
	if (early > x->years.ny)
		early = x->years.ny;
	if (early < 2)
		early = 0;
	size_t n = x->years.ny + (x->years.undated ? 1 : 0);
	for (size_t k = early ? early - 1 : 0; k < n; k++, (*r)++) {
		bool undated = k == x->years.ny;
		size_t k0 = early && k == early - 1 ? 0 : k; /* the row's first column */
		if (undated) {
			xl_text(x, ws, *r, 0, _("No year"), x->fmt.text);
		} else if (k0 < k) {
			char span[32];
			snprintf(span, sizeof span, "%d–%d", f->first + (int)k0, f->first + (int)k);
			xl_text(x, ws, *r, 0, span, x->fmt.text);
		} else {
			xl_num(x, ws, *r, 0, f->first + (int)k, x->fmt.year);
		}
		for (int c = 0; c < SUM_COLS - 1; c++) {
			struct buf b;
			buf_init(&b);
			buf_addc(&b, '=');
			double v = 0;
			for (size_t j = k0; j <= k; j++) {
				const struct figures_row *row = undated ? &f->undated : &f->years[j];
				for (int part = 0; part < 2; part++) {
					int yr = part ? money_cols[c].yr2 : money_cols[c].yr;
					if (yr < 0)
						continue;
					if (b.len > 1)
						buf_addc(&b, '+');
					years_ref(x, yr, 1 + j, &b);
					v += xl_year_money(row, yr);
				}
			}
			xl_note(x,
				worksheet_write_formula_num(ws, *r, (lxw_col_t)(1 + c), b.data,
							    money_cols[c].yr == YR_UNCOVERED && v > 0.005
								    ? x->fmt.money_alert
								    : x->fmt.money,
							    v),
				"write_formula_num");
			buf_free(&b);
		}
	}
	xl_text(x, ws, *r, 0, _("Total"), x->fmt.bold);
	for (int c = 0; c < SUM_COLS - 1; c++) {
		char a[16], z[16], formula[48];
		xl_cell_name(first, (lxw_col_t)(1 + c), a);
		xl_cell_name(*r - 1, (lxw_col_t)(1 + c), z);
		snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, z);
		double v = xl_year_money(&f->sum, money_cols[c].yr);
		if (money_cols[c].yr2 >= 0)
			v += xl_year_money(&f->sum, money_cols[c].yr2);
		xl_note(x, worksheet_write_formula_num(ws, *r, (lxw_col_t)(1 + c), formula,
						       x->fmt.money_total, v),
			"write_formula_num");
	}
	(*r)++;
}

static void readiness(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct readiness *rd = &x->fig->readiness;
	char head[160];
	if (rd->overall >= 0)
		snprintf(head, sizeof head,
			 _("Readiness per factor and field: %d%% overall (factors 1–5)"),
			 (int)(rd->overall * 100 + 0.5));
	else
		snprintf(head, sizeof head, "%s", _("Readiness per factor and field"));
	subtitle(x, ws, r, head);
	xl_text(x, ws, *r, 0, _("Factor"), x->fmt.header);
	for (int d = 0; d < FIELD_COUNT; d++)
		xl_text(x, ws, *r, (lxw_col_t)(1 + d), vocab_label(VOCAB_FIELD, d), x->fmt.header);
	xl_text(x, ws, *r, 5, _("Factor overall"), x->fmt.header);
	(*r)++;
	for (int f = 0; f < FACTOR_COUNT; f++, (*r)++) {
		xl_text(x, ws, *r, 0, xl_factor_short(f + 1), x->fmt.wrap);
		row_height(x, ws, *r, xl_wrapped_lines(xl_factor_short(f + 1), span_chars(0, 0)));
		for (int d = 0; d < FIELD_COUNT; d++)
			heat_cell(x, ws, *r, (lxw_col_t)(1 + d), rd->cell[f][d]);
		heat_cell(x, ws, *r, 5, rd->factor[f]);
	}
	struct buf note;
	buf_init(&note);
	buf_adds(&note, _("Share of check items done; – : none applies."));
	if (rd->undiscussed_all) {
		buf_addc(&note, ' ');
		buf_printf(&note,
			   ngettext("%u of the %u recommendations of factors 1–5 has not been "
				    "discussed yet (open, without a note).",
				    "%u of the %u recommendations of factors 1–5 have not been "
				    "discussed yet (open, without a note).",
				    rd->undiscussed_all),
			   rd->undiscussed_all, rd->applicable_all);
	}
	note_row(x, ws, r, note.data);
	buf_free(&note);
}

/* The names of the actors holding A on tasks of category cat in phase ph,
 * each once, comma-separated ("" when none), as many as fit one printed
 * line of `chars` characters, then "+N" for the rest (the task sheet and
 * the RACI matrix name them all): the summary keeps to one page. */
static char *accountable(const struct xl *x, int cat, int ph, size_t chars)
{
	const struct model *m = x->m;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t *seen = NULL; /* stakeholder indices */
	size_t nseen = 0, cap = 0;
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->category != cat || t->phase != ph)
			continue;
		for (size_t k = x->raci.at[i]; k < x->raci.at[i + 1]; k++) {
			uint32_t cell = x->raci.cell[k];
			if (XL_RACI_ROLE(cell) != RACI_A)
				continue;
			size_t col = XL_RACI_COL(cell);
			bool dup = false;
			for (size_t j = 0; j < nseen && !dup; j++)
				dup = seen[j] == col;
			if (dup)
				continue;
			xgrow((void **)&seen, &cap, nseen + 1, sizeof *seen);
			seen[nseen++] = col;
		}
	}
	size_t shown = 0;
	for (size_t j = 0; j < nseen; j++) {
		const char *name = MODEL_AT(m->stakeholders, struct stakeholder, seen[j])->name;
		/* room for ", name" and a later " +N" */
		size_t need = (b.len ? 2 : 0) + (size_t)utf8_width(name) + (j + 1 < nseen ? 4 : 0);
		if (shown && (size_t)utf8_width(b.data) + need > chars)
			break;
		buf_printf(&b, "%s%s", b.len ? ", " : "", name);
		shown++;
	}
	if (shown < nseen)
		buf_printf(&b, " +%zu", nseen - shown);
	free(seen);
	return buf_steal(&b);
}

static void handover(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct figures *fig = x->fig;
	subtitle(x, ws, r, _("Who is accountable (A), per kind of task"));
	xl_text(x, ws, *r, 0, _("Task category"), x->fmt.header);
	xl_note(x, worksheet_merge_range(ws, *r, 1, *r, 2, _("In the pilot"), x->fmt.header),
		"merge_range");
	xl_note(x, worksheet_merge_range(ws, *r, 3, *r, 5, _("In regular operation"),
					 x->fmt.header),
		"merge_range");
	(*r)++;
	size_t shown = 0;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!fig->tasks[TPHASE_PILOT][c] && !fig->tasks[TPHASE_REGULAR][c])
			continue;
		char *pilot = accountable(x, c, TPHASE_PILOT, line_chars(1, 2));
		char *regular = accountable(x, c, TPHASE_REGULAR, line_chars(3, 5));
		int lines = 1;
		xl_text(x, ws, *r, 0, vocab_label(VOCAB_CATEGORY, c), x->fmt.text);
		merged_text(x, ws, *r, 1, 2, *pilot ? pilot : "–", x->fmt.wrap, &lines);
		merged_text(x, ws, *r, 3, 5, *regular ? regular : _("– nobody yet –"), x->fmt.wrap,
			    &lines);
		row_height(x, ws, *r, lines);
		free(pilot);
		free(regular);
		(*r)++;
		shown++;
	}
	if (!shown) {
		xl_text(x, ws, *r, 0, _("No tasks recorded yet."), x->fmt.note);
		(*r)++;
	}
}

/* Each indicator as a traffic light: target reached (green), under way
 * (amber), no progress (red), no data yet (grey) — in words too. */
static void indicators(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct model *m = x->m;
	size_t n = x->indicators < SUM_INDICATORS ? x->indicators : SUM_INDICATORS;
	if (x->indicators > n) {
		/* how many the page shows, in the heading (the sheet has them all) */
		char head[200];
		snprintf(head, sizeof head,
			 _("Indicators: latest value against baseline and target (%zu of %zu)"), n,
			 x->indicators);
		subtitle(x, ws, r, head);
	} else {
		subtitle(x, ws, r, _("Indicators: latest value against baseline and target"));
	}
	xl_note(x, worksheet_merge_range(ws, *r, 0, *r, 1, _("Indicator"), x->fmt.header),
		"merge_range");
	const char *heads[4] = {_("Latest value"), _("Target"), _("Progress"), _("Status")};
	for (int k = 0; k < 4; k++)
		xl_text(x, ws, *r, (lxw_col_t)(2 + k), heads[k], x->fmt.header);
	(*r)++;
	for (size_t i = 0; i < n; i++, (*r)++) {
		const struct indicator *e = MODEL_AT(m->indicators, struct indicator, i);
		int lines = 1;
		merged_text(x, ws, *r, 0, 1, e->name, x->fmt.wrap, &lines);
		row_height(x, ws, *r, lines);
		if (e->latest.set)
			xl_measure(x, ws, *r, 2, e->latest.v);
		if (e->target.set)
			xl_measure(x, ws, *r, 3, e->target.v);
		double p;
		int light;
		const char *status;
		if (!xl_indicator_progress(e, &p)) {
			light = XL_LIGHT_NONE;
			status = _("no data yet");
		} else {
			xl_num(x, ws, *r, 4, p, x->fmt.frac);
			light = p >= 1 ? XL_LIGHT_GREEN : p > 0 ? XL_LIGHT_AMBER : XL_LIGHT_RED;
			status = p >= 1 ? _("target reached") : p > 0 ? _("under way")
								       : _("no progress");
		}
		xl_text(x, ws, *r, 5, status, x->fmt.light[light]);
	}
	if (!n) {
		xl_text(x, ws, *r, 0, _("No indicators recorded yet."), x->fmt.note);
		(*r)++;
	}
}

/* The first gaps, then warnings, up to SUM_FINDINGS. */
static void top_findings(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	char head[256];
	unsigned n[SEV_COUNT] = {0};
	if (x->f)
		for (int s = 0; s < SEV_COUNT; s++)
			n[s] = findings_total(x->f, (enum severity)s);
	snprintf(head, sizeof head, _("Findings (gaps: %u, warnings: %u, hints: %u)"), n[SEV_GAP],
		 n[SEV_WARNING], n[SEV_HINT]);
	subtitle(x, ws, r, head);
	size_t shown = 0;
	for (int s = SEV_GAP; s <= SEV_WARNING && x->f; s++) {
		for (size_t i = 0; i < x->f->n && shown < SUM_FINDINGS; i++) {
			const struct finding *f = &x->f->v[i];
			if ((int)f->sev != s)
				continue;
			int lines = 1;
			xl_text(x, ws, *r, 0, vocab_label(VOCAB_SEVERITY, s), x->fmt.sev[s]);
			struct buf b;
			buf_init(&b);
			if (f->item && *f->item)
				buf_printf(&b, "%s: ", f->item);
			buf_adds(&b, findings_message(f));
			merged_text(x, ws, *r, 1, SUM_COLS - 1, b.data, x->fmt.wrap, &lines);
			buf_free(&b);
			row_height(x, ws, *r, lines);
			(*r)++;
			shown++;
		}
	}
	if (!shown) {
		xl_text(x, ws, *r, 0, _("No gaps and no warnings."), x->fmt.note);
		(*r)++;
	}
}

/* An item the group gave dots to. */
struct voted {
	enum entity kind;
	const char *name;
	int votes;
	size_t order; /* goals, then tasks, then check items, each in id order */
};

static int voted_cmp(const void *a, const void *b)
{
	const struct voted *p = a, *q = b;
	if (p->votes != q->votes)
		return q->votes - p->votes;
	return p->order < q->order ? -1 : p->order > q->order;
}

/* The items with the most dots of a dot vote, up to SUM_VOTES;
 * nothing when nobody voted. */
static void top_votes(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct model *m = x->m;
	size_t nf = x->f ? x->f->n : 0;
	size_t cap = m->goals.n + m->tasks.n + m->checks.n + nf, n = 0;
	if (!cap || !model_votes_total(m))
		return;
	struct voted *v = xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < m->goals.n; i++) {
		const struct goal *g = MODEL_AT(m->goals, struct goal, i);
		if (g->votes)
			v[n] = (struct voted){ENT_GOAL, g->title, g->votes, n}, n++;
	}
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->votes)
			v[n] = (struct voted){ENT_TASK, t->name, t->votes, n}, n++;
	}
	for (size_t i = 0; i < m->checks.n; i++) {
		const struct check_item *c = MODEL_AT(m->checks, struct check_item, i);
		if (!c->votes)
			continue;
		const struct catalogue_item *ci = catalogue_find(x->lang, c->factor, c->field, c->item);
		v[n] = (struct voted){ENT_CHECK, ci ? ci->title : "", c->votes, n};
		n++;
	}
	/* findings: their dots are kept by rule and item */
	char **names = xcalloc(nf + 1, sizeof *names);
	for (size_t i = 0; i < nf && m->nfvotes; i++) {
		const struct finding *f = &x->f->v[i];
		int dots = model_finding_votes(m, f->rule, f->id);
		if (!dots)
			continue;
		struct buf b;
		buf_init(&b);
		if (f->item && *f->item)
			buf_printf(&b, "%s: ", f->item);
		buf_adds(&b, findings_message(f));
		names[i] = buf_steal(&b);
		v[n] = (struct voted){ENT_COUNT, names[i], dots, n};
		n++;
	}
	qsort(v, n, sizeof *v, voted_cmp);
	if (n > SUM_VOTES) {
		char head[160];
		snprintf(head, sizeof head, _("Top votes of the dot vote (%d of %zu)"), SUM_VOTES, n);
		subtitle(x, ws, r, head);
	} else {
		subtitle(x, ws, r, _("Top votes of the dot vote"));
	}
	for (size_t i = 0; i < n && i < SUM_VOTES; i++) {
		const char *kind = v[i].kind == ENT_GOAL    ? _("Goal")
				   : v[i].kind == ENT_TASK  ? _("Task")
				   : v[i].kind == ENT_CHECK ? _("Check item")
							    : _("Finding");
		xl_text(x, ws, *r, 0, kind, x->fmt.label);
		int lines = 1;
		merged_text(x, ws, *r, 1, SUM_COLS - 2, v[i].name, x->fmt.wrap, &lines);
		xl_num(x, ws, *r, SUM_COLS - 1, v[i].votes, x->fmt.num);
		row_height(x, ws, *r, lines);
		(*r)++;
	}
	for (size_t i = 0; i < nf; i++)
		free(names[i]);
	free(names);
	free(v);
}

static void agreements(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	const struct model *m = x->m;
	size_t total = 0, shown = 0;
	for (size_t i = 0; i < m->notes.n; i++)
		total += MODEL_AT(m->notes, struct note, i)->kind == NOTE_DECISION;
	if (!total)
		return;
	subtitle(x, ws, r, _("Agreements of the working group"));
	for (size_t i = 0; i < m->notes.n && shown < SUM_AGREEMENTS; i++) {
		const struct note *n = MODEL_AT(m->notes, struct note, i);
		if (n->kind != NOTE_DECISION)
			continue;
		char label[64];
		snprintf(label, sizeof label, _("Agreement %zu"), ++shown);
		xl_text(x, ws, *r, 0, label, x->fmt.label);
		int lines = 1;
		merged_text(x, ws, *r, 1, SUM_COLS - 1, n->text, x->fmt.wrap, &lines);
		row_height(x, ws, *r, lines);
		(*r)++;
	}
	if (total > shown) {
		char note[256];
		snprintf(note, sizeof note, _("%zu more on the sheet %s."), total - shown,
			 _("Notes"));
		note_row(x, ws, r, note);
	}
}

/* Links to every other sheet, three to a row. */
static void contents(struct xl *x, lxw_worksheet *ws, lxw_row_t *r)
{
	subtitle(x, ws, r, _("Contents"));
	static const lxw_col_t at[6] = {0, 1, 2, 3, 4, 5};
	size_t k = 0;
	for (size_t i = 1; i < x->nnames; i++, k++) {
		struct buf url;
		buf_init(&url);
		buf_adds(&url, "internal:");
		xl_sheet_ref(&url, x->names[i]);
		buf_adds(&url, "!A1");
		lxw_row_t row = *r + (lxw_row_t)(k / 6);
		xl_note(x,
			worksheet_write_url_opt(ws, row, at[k % 6], url.data, x->fmt.link,
						x->names[i], NULL),
			"write_url");
		buf_free(&url);
	}
	*r += (lxw_row_t)((k + 5) / 6);
}

void xl_write_summary(struct xl *x)
{
	const struct model *m = x->m;
	lxw_worksheet *ws = x->summary;
	/* the summary's own formats, in its smaller text (the sheets are
	 * written: nothing else uses x->fmt until it is put back) */
	struct xl_formats sheets = x->fmt;
	x->fmt = x->sum_fmt;
	x->sum_extra = 0;
	xl_note(x, worksheet_set_column(ws, 0, 0, SUM_LABEL_W, NULL), "set_column");
	xl_note(x, worksheet_set_column(ws, 1, SUM_COLS - 1, SUM_VALUE_W, NULL), "set_column");
	lxw_row_t r = 0;
	int lines = 1;
	merged_text(x, ws, r, 0, SUM_COLS - 1, *m->ws.title ? m->ws.title : _("(untitled measure)"),
		    x->fmt.title, &lines);
	set_height(x, ws, r, (XL_SUMMARY_PT + 8) * (lines > 3 ? 3 : lines));
	r++;
	pair_row(x, ws, &r, _("Municipality"), m->ws.municipality, false, _("Phase"),
		 vocab_label(VOCAB_PHASE, m->ws.phase), false);
	pair_row(x, ws, &r, _("Field of action"), m->ws.field, false, _("Funding ends"),
		 m->ws.funding_end, true);
	pair_row(x, ws, &r, _("Responsible office"), m->ws.office, false, _("Status"),
		 vocab_label(VOCAB_DOC_STATUS, m->ws.doc_status), false);
	pair_row(x, ws, &r, _("Facilitator"), m->ws.facilitator, false, _("Date of export"),
		 x->today_iso, true);
	xl_text(x, ws, r, 0, _("Working group (participants)"), x->fmt.label);
	lines = 1;
	merged_text(x, ws, r, 1, SUM_COLS - 1, *m->ws.participants ? m->ws.participants : "–",
		    x->fmt.wrap, &lines);
	row_height(x, ws, r, lines);
	r++;
	/* what the council is asked to decide, in full */
	xl_text(x, ws, r, 0, _("Council is asked to"), x->fmt.label);
	lines = 1;
	merged_text(x, ws, r, 1, SUM_COLS - 1,
		    *m->ws.council_request ? m->ws.council_request : "–", x->fmt.wrap, &lines);
	row_height(x, ws, r, lines);
	r++;
	roadmap_row(x, ws, &r);

	money(x, ws, &r);
	readiness(x, ws, &r);
	handover(x, ws, &r);
	indicators(x, ws, &r);
	top_findings(x, ws, &r);
	top_votes(x, ws, &r);
	agreements(x, ws, &r);
	contents(x, ws, &r);
	note_row(x, ws, &r,
		 _("Check catalogue after Hohmann, Kayser, Abt (2025), BBSR, Bonn, DOI "
		   "10.58007/95fg-ty59."));
	r--; /* the print area ends with the source */
	xl_print_page(x, ws, false, false);
	/* the header and footer closer to the edge (0.2"), the page's text
	 * 0.4" from it */
	worksheet_set_margins(ws, 0.4, 0.4, 0.4, 0.4);
	lxw_header_footer_options edge = {.margin = 0.2};
	xl_note(x, worksheet_set_footer_opt(ws, x->footer, &edge), "set_footer");
	worksheet_set_default_row(ws, XL_SUMMARY_LINE_PT, LXW_FALSE);
	/* the page header says what the page is (the other sheets: their name) */
	char head[160];
	snprintf(head, sizeof head, "&C%s – %s", _("Summary"),
		 _("Plan for regular operation of a Smart-City measure"));
	xl_note(x, worksheet_set_header_opt(ws, xl_keep(x, xstrdup(head)), &edge), "set_header");
	/* one page at 100 %: the lists above are cut to fit; only when a
	 * workshop's texts are unusually long does the page scale down */
	double height = (double)(r + 1) * XL_SUMMARY_LINE_PT + x->sum_extra;
	if (height > SUM_PAGE_PT)
		worksheet_fit_to_pages(ws, 1, 1);
	else
		worksheet_set_print_scale(ws, 100);
	xl_note(x, worksheet_print_area(ws, 0, 0, r, SUM_COLS - 1), "print_area");
	worksheet_activate(ws);
	x->fmt = sheets;
}
