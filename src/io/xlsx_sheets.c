/* xlsx_sheets.c — the step sheets of the council workbook and its charts:
 * strategy goals, goals, indicators, stakeholders, tasks, the RACI matrix,
 * costs, cost shares, costs per year and partner, the milestones and
 * council decisions by date, the check list, findings,
 * notes, and a sheet with the power/interest grid and the indicator chart.
 * Row numbers ("No.") are the ids of the CSV bundle. */
#include "config.h"
#include "xlsx_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "i18n.h"
#include "roadmap.h"
#include "templates.h"
#include "util.h"

#define HEADS(...) ((const char *const[]){__VA_ARGS__})
#define NHEADS(...) (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define TABLE(t, ...) xt_init(t, NHEADS(__VA_ARGS__), HEADS(__VA_ARGS__))

/* Where the charts find their data. */
struct chart_src {
	char *sheet;
	size_t rows;
};

static const char *name_of(const struct model *m, int64_t stakeholder)
{
	const struct stakeholder *s = model_stakeholder(m, stakeholder);
	return s ? s->name : "";
}

/* For every row of `to`, how many rows of `from` refer to it (the int64_t
 * at byte offset `off` of each entity), or the sum of the double at
 * `val_off` when val_off >= 0. One pass, so sheets stay linear in size. */
static double *tally(const struct table *from, size_t off, long val_off, const struct table *to)
{
	double *v = xcalloc(to->n ? to->n : 1, sizeof *v);
	for (size_t i = 0; i < from->n; i++) {
		const char *e = table_at(from, i);
		int64_t ref;
		memcpy(&ref, e + off, sizeof ref);
		long k = ref > 0 ? table_index(to, ref) : -1;
		if (k < 0)
			continue;
		double add = 1;
		if (val_off >= 0)
			memcpy(&add, e + val_off, sizeof add);
		v[k] += add;
	}
	return v;
}

static lxw_worksheet *emit(struct xl *x, struct xtable *t, const char *sheet, size_t freeze_cols)
{
	lxw_worksheet *ws = NULL;
	if (x->err == LXW_NO_ERROR)
		ws = xt_emit(x, t, sheet, freeze_cols);
	xt_free(t);
	return ws;
}

/* ------------------------------------------------------------ entity sheets */

/* A column of an entity's sheet computed from the entity, not one of its
 * fields: it stands before field `before` (the number of fields: after the
 * last). fill gets the entity, its row (0-based) and ctx. */
struct xextra {
	int before;
	const char *head; /* msgid */
	void (*fill)(struct xl *x, const void *e, size_t row, const void *ctx, struct xcell *c);
	const void *ctx;
};

static lxw_format *field_format(const struct xl *x, const struct entity_field *f)
{
	return f->fmt == FF_MONEY ? x->fmt.money : NULL;
}

/* A measured value (an indicator's baseline, target, latest value): money
 * as money, otherwise its thousands grouped as xl_measure writes it. */
static lxw_format *value_format(const struct xl *x, const struct entity_field *f, double v)
{
	lxw_format *money = field_format(x, f);
	return money ? money : xl_measure_format(x, v);
}

/* A percentage (60 for 60 %) as the fraction a spreadsheet calculates with
 * (0.6), shown as "60%", or "33.3%" when it has a decimal. */
static void xc_percent(const struct xl *x, struct xcell *c, double pct)
{
	xc_num(c, pct / 100, pct == (double)(long long)pct ? x->fmt.frac : x->fmt.pct);
}

/* One field of an entity as its cell. */
static void field_cell(struct xl *x, const struct entity_field *f, const void *e,
		       struct xcell *c)
{
	const void *p = field_at_c(e, f);
	switch (f->type) {
	case FT_TEXT:
	case FT_TIME: xc_text(c, *(char *const *)p); break;
	case FT_DATETEXT:
	case FT_DATE: xc_date(c, *(char *const *)p); break;
	case FT_WORD: xc_text(c, vocab_label((enum vocab_kind)f->arg, *(const int *)p)); break;
	case FT_FLAG: xc_text(c, vocab_label(VOCAB_YESNO, *(const bool *)p ? YN_YES : YN_NO)); break;
	case FT_INT: {
		int v = *(const int *)p;
		if (field_optional(f) && !v)
			break;
		if (f->fmt == FF_FACTOR)
			xc_text(c, xl_factor_name(v));
		else
			xc_num(c, v, field_format(x, f));
		break;
	}
	case FT_REF:
		xc_text(c, model_entity_name(x->m, (enum entity)f->arg, *(const int64_t *)p));
		break;
	case FT_NUM:
		if (f->fmt == FF_PCT)
			xc_percent(x, c, *(const double *)p);
		else
			xc_num(c, *(const double *)p, value_format(x, f, *(const double *)p));
		break;
	case FT_OPTNUM: {
		const struct optnum *n = p;
		xc_optnum(c, *n, value_format(x, f, n->v));
		break;
	}
	}
}

/* The sheet of an entity: the row number ("No.") when the entity has one
 * in the CSV bundle, every field, and the computed columns ex (in the order
 * of their places); rows in bundle order. src (may be NULL) learns the
 * sheet's name and rows, for the charts. */
static lxw_worksheet *entity_sheet_in(struct xl *x, enum entity kind, const struct xextra *ex,
				      size_t nex, struct chart_src *src, const size_t *order);

static lxw_worksheet *entity_sheet(struct xl *x, enum entity kind, const struct xextra *ex,
				   size_t nex, struct chart_src *src)
{
	return entity_sheet_in(x, kind, ex, nex, src, NULL);
}

/* The table of an entity's sheet (as entity_sheet writes it) in t, with
 * the rows in `order` (indices into the entity's table, all of them; NULL:
 * bundle order). "No." and the computed columns' row stay the bundle row,
 * so the numbers match the CSV bundle's ids. */
static void entity_table(struct xl *x, enum entity kind, const struct xextra *ex, size_t nex,
			 const size_t *order, struct xtable *t)
{
	const struct entity_desc *d = &entity_descs[kind];
	xt_init(t, (d->csv_id ? 1 : 0) + d->n + nex, NULL);
	size_t col = 0, e = 0;
	if (d->csv_id)
		xt_head(t, col++, _("No."));
	for (size_t k = 0; k <= d->n; k++) {
		for (; e < nex && ex[e].before == (int)k; e++)
			xt_head(t, col++, _(ex[e].head));
		if (k < d->n)
			xt_head(t, col++, _(d->fields[k].head));
	}
	size_t n;
	const void **rows = model_rows(x->m, kind, &n);
	xt_reserve(t, n);
	for (size_t j = 0; j < n; j++) {
		size_t i = order ? order[j] : j;
		struct xcell *c = xt_row(t);
		col = 0;
		e = 0;
		if (d->csv_id)
			xc_num(&c[col++], (double)i + 1, NULL);
		for (size_t k = 0; k <= d->n; k++) {
			for (; e < nex && ex[e].before == (int)k; e++)
				ex[e].fill(x, rows[i], i, ex[e].ctx, &c[col++]);
			if (k < d->n)
				field_cell(x, &d->fields[k], rows[i], &c[col++]);
		}
	}
	free(rows);
}

/* entity_sheet with the rows in `order` (entity_table). */
static lxw_worksheet *entity_sheet_in(struct xl *x, enum entity kind, const struct xextra *ex,
				      size_t nex, struct chart_src *src, const size_t *order)
{
	struct xtable t;
	entity_table(x, kind, ex, nex, order, &t);
	if (src)
		src->rows = t.nrows;
	lxw_worksheet *ws = emit(x, &t, _(entity_descs[kind].sheet),
				 (size_t)entity_descs[kind].freeze);
	if (src)
		src->sheet = xstrdup(xl_last_sheet_name(x));
	return ws;
}

/* The column of field k on the sheet of entity kind with the computed
 * columns ex (as entity_sheet places them). */
static lxw_col_t entity_sheet_col(enum entity kind, const struct xextra *ex, size_t nex, size_t k)
{
	size_t col = entity_descs[kind].csv_id ? 1 : 0;
	for (size_t e = 0; e < nex; e++)
		if (ex[e].before <= (int)k)
			col++;
	return (lxw_col_t)(col + k);
}

/* A count per row (ctx: the counts). */
static void fill_count(struct xl *x, const void *e, size_t row, const void *ctx, struct xcell *c)
{
	xc_num(c, ((const double *)ctx)[row], NULL);
}

/* The sheet of an entity with a last column that counts the entities of
 * kind `from` referring to each row (by the int64_t at offset off). */
static void sheet_counted(struct xl *x, enum entity kind, enum entity from, size_t off,
			  const char *head)
{
	const struct model *m = x->m;
	double *count = tally(model_table(m, from), off, -1, model_table(m, kind));
	const struct xextra ex[] = {{(int)entity_descs[kind].n, head, fill_count, count}};
	entity_sheet(x, kind, ex, 1, NULL);
	free(count);
}

/* Names of the stakeholders holding role r on the task at index task, one
 * per line: the first XL_HOLDERS_MAX, then how many more (the RACI matrix
 * has them all). */
static char *holders(const struct xl *x, size_t task, enum raci r)
{
	const struct model *m = x->m;
	struct buf b;
	buf_init(&b);
	size_t n = 0;
	for (size_t k = x->raci.at[task]; k < x->raci.at[task + 1]; k++) {
		uint32_t cell = x->raci.cell[k];
		if (XL_RACI_ROLE(cell) != r)
			continue;
		if (n++ >= XL_HOLDERS_MAX)
			continue;
		if (b.len)
			buf_addc(&b, '\n');
		buf_adds(&b, MODEL_AT(m->stakeholders, struct stakeholder, XL_RACI_COL(cell))->name);
	}
	if (n > XL_HOLDERS_MAX) {
		buf_addc(&b, '\n');
		buf_printf(&b, _("(+%zu more: see the RACI matrix)"), n - XL_HOLDERS_MAX);
	}
	if (!b.data)
		buf_adds(&b, "");
	return buf_steal(&b);
}

/* The holders of a role (ctx: the enum raci). */
static void fill_holders(struct xl *x, const void *e, size_t row, const void *ctx,
			 struct xcell *c)
{
	(void)row;
	long task = table_index(&x->m->tasks, ((const struct task *)e)->id);
	xc_text_own(c, task < 0 ? xstrdup("") : holders(x, (size_t)task, *(const enum raci *)ctx));
}

static void sheet_tasks(struct xl *x)
{
	static const enum raci order[] = {RACI_A, RACI_R, RACI_C, RACI_I};
	const struct xextra ex[] = {
		{TASK_F_COUNT, N_("Accountable (A)"), fill_holders, &order[0]},
		{TASK_F_COUNT, N_("Responsible (R)"), fill_holders, &order[1]},
		{TASK_F_COUNT, N_("Consulted (C)"), fill_holders, &order[2]},
		{TASK_F_COUNT, N_("Informed (I)"), fill_holders, &order[3]},
	};
	entity_sheet(x, ENT_TASK, ex, sizeof ex / sizeof *ex, NULL);
}

/* The matrix: a row per task, a column per stakeholder, R/A/C/I cells
 * restricted by a list validation and coloured by conditional formats.
 * Written row by row from each task's cells (x->raci; no dense copy of the
 * matrix); the first three columns are fitted as in the other sheets. */
static void sheet_raci(struct xl *x)
{
	const struct model *m = x->m;
	size_t nt = m->tasks.n, ns = m->stakeholders.n;
	if (x->err != LXW_NO_ERROR)
		return;
	lxw_worksheet *ws = xl_sheet(x, _("RACI matrix"));
	if (!ws)
		return;
	const char *heads[3] = {_("No."), _("Task"), _("Phase")};
	size_t widest[3] = {0, 0, 0};
	bool nl;
	for (size_t i = 0; i < nt; i++) {
		const struct task *e = MODEL_AT(m->tasks, struct task, i);
		size_t w[3] = {xl_number_width((double)i + 1), xl_text_width(e->name, &nl),
			       xl_text_width(vocab_label(VOCAB_TPHASE, e->phase), &nl)};
		for (int c = 0; c < 3; c++)
			if (w[c] > widest[c])
				widest[c] = w[c];
	}
	bool wrap[3];
	double width[3];
	for (int c = 0; c < 3; c++) {
		double w = width[c] = xl_column_width(heads[c], widest[c], &wrap[c]);
		xl_note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL),
			"set_column");
		xl_text(x, ws, 0, (lxw_col_t)c, heads[c], x->fmt.header);
	}
	/* narrow columns under turned names */
	size_t longest = 0;
	for (size_t k = 0; k < ns; k++) {
		const char *name = MODEL_AT(m->stakeholders, struct stakeholder, k)->name;
		size_t w = utf8_chars(name);
		if (w > longest)
			longest = w;
		xl_text(x, ws, 0, (lxw_col_t)(3 + k), name, x->fmt.header_rot);
	}
	if (ns) {
		xl_note(x, worksheet_set_column(ws, 3, (lxw_col_t)(2 + ns), 5, NULL), "set_column");
		/* a turned bold character takes about 5 pt of the row */
		double h = 5.2 * (double)(longest > 40 ? 40 : longest) + 14;
		xl_note(x, worksheet_set_row(ws, 0, h < 30 ? 30 : h, NULL), "set_row");
	}
	for (size_t i = 0; i < nt && x->err == LXW_NO_ERROR; i++) {
		const struct task *e = MODEL_AT(m->tasks, struct task, i);
		lxw_row_t row = (lxw_row_t)(i + 1);
		xl_num(x, ws, row, 0, (double)i + 1, x->fmt.num);
		xl_text_width(e->name, &nl);
		xl_text(x, ws, row, 1, e->name, wrap[1] || nl ? x->fmt.wrap : x->fmt.text);
		int lines = wrap[1] || nl ? xl_wrapped_lines(e->name, (size_t)width[1] - 1) : 1;
		if (lines > 1)
			xl_note(x, worksheet_set_row(ws, row, xl_row_height(lines), NULL), "set_row");
		const char *phase = vocab_label(VOCAB_TPHASE, e->phase);
		xl_text_width(phase, &nl);
		xl_text(x, ws, row, 2, phase, wrap[2] || nl ? x->fmt.wrap : x->fmt.text);
		for (size_t k = x->raci.at[i]; k < x->raci.at[i + 1]; k++) {
			uint32_t cell = x->raci.cell[k];
			char letter[2] = {raci_letter(XL_RACI_ROLE(cell)), '\0'};
			xl_text(x, ws, row, (lxw_col_t)(3 + XL_RACI_COL(cell)), letter,
				x->fmt.raci[0]);
		}
	}
	worksheet_freeze_panes(ws, 1, 3);
	xl_note(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nt, (lxw_col_t)(2 + ns)),
		"autofilter");
	xl_print_setup(x, ws, true, true);
	xl_note(x, worksheet_print_area(ws, 0, 0, (lxw_row_t)nt + 2, (lxw_col_t)(2 + ns)),
		"print_area");
	if (nt && ns) {
		lxw_row_t r2 = (lxw_row_t)nt;
		lxw_col_t c2 = (lxw_col_t)(2 + ns);
		char *list[] = {"R", "A", "C", "I", NULL};
		lxw_data_validation dv = {
			.validate = LXW_VALIDATION_TYPE_LIST,
			.value_list = list,
			.ignore_blank = LXW_VALIDATION_ON,
			.error_title = _("RACI"),
			.error_message = _("Enter R, A, C or I, or leave the cell empty."),
		};
		xl_note(x, worksheet_data_validation_range(ws, 1, 3, r2, c2, &dv), "data_validation");
		static const char *const letters[RACI_COUNT] = {"", "\"R\"", "\"A\"", "\"C\"",
								"\"I\""};
		for (int k = 1; k < RACI_COUNT; k++) {
			lxw_conditional_format cf = {
				.type = LXW_CONDITIONAL_TYPE_CELL,
				.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
				.value_string = (char *)letters[k],
				.format = x->fmt.raci[k],
			};
			xl_note(x, worksheet_conditional_format_range(ws, 1, 3, r2, c2, &cf),
				"conditional_format");
		}
	}
	xl_text(x, ws, (lxw_row_t)nt + 2, 1,
		_("R responsible (does the work) · A accountable (exactly one per task) · "
		  "C consulted · I informed"),
		x->fmt.note);
}

/* ------------------------------------------------------------ costs */

/* The figures of a cost (ctx: which, enum cost_column), from figures.c;
 * row is the cost's index in the model, as in figures->costs. */
enum cost_column { CC_SHARED, CC_OPEN, CC_TOTAL, CC_UNCOVERED };
static void fill_cost(struct xl *x, const void *e, size_t row, const void *ctx,
		      struct xcell *c)
{
	(void)e;
	const struct figures *f = x->fig;
	if (row >= f->ncosts)
		return;
	const struct figures_cost *fc = &f->costs[row];
	switch (*(const enum cost_column *)ctx) {
	case CC_SHARED: xc_percent(x, c, fc->shared); break;
	case CC_OPEN: xc_percent(x, c, fc->open_pct); break;
	case CC_TOTAL: xc_num(c, fc->sum.total, x->fmt.money); break;
	case CC_UNCOVERED: xc_num(c, fc->sum.uncovered, x->fmt.money); break;
	}
}

/* The cost items as entities.def describes them, then what the partners
 * share of each (percent), what it costs over the years of the
 * costs-per-year table and how much of that nobody carries, and a total
 * row: live =SUM()s of the two money columns over the item rows (cached:
 * the totals of figures.c, which the costs-per-year sheet shows too). The
 * amounts themselves get no total: yearly and one-off amounts do not add
 * up to anything a council could use. */
static void sheet_costs(struct xl *x)
{
	static const enum cost_column cols[] = {CC_SHARED, CC_OPEN, CC_TOTAL, CC_UNCOVERED};
	const struct xextra ex[] = {
		{COST_F_COUNT, N_("Shared by partners"), fill_cost, &cols[0]},
		{COST_F_COUNT, N_("Not covered"), fill_cost, &cols[1]},
		{COST_F_COUNT, N_("Costs over all years"), fill_cost, &cols[2]},
		{COST_F_COUNT, N_("Not covered over all years"), fill_cost, &cols[3]},
	};
	size_t nex = sizeof ex / sizeof *ex;
	struct xtable t;
	entity_table(x, ENT_COST, ex, nex, NULL, &t);
	size_t n = t.nrows;
	if (n) {
		const struct figures *f = x->fig;
		/* the columns of CC_TOTAL and CC_UNCOVERED, after the fields */
		size_t total = t.ncols - nex + 2, name = entity_sheet_col(ENT_COST, ex, nex,
									   COST_F_name);
		struct xcell *c = xt_row(&t);
		xc_text(&c[name], _("Total"));
		c[name].fmt = x->fmt.bold;
		xc_sum(&c[total], 0, total, n - 1, total, f->sum.total, x->fmt.money_total);
		xc_sum(&c[total + 1], 0, total + 1, n - 1, total + 1, f->sum.uncovered,
		       x->fmt.money_total);
		t.nfoot = 1;
	}
	emit(x, &t, _(entity_descs[ENT_COST].sheet), (size_t)entity_descs[ENT_COST].freeze);
}

/* What a partner's share of a cost amounts to. */
static void fill_share_amount(struct xl *x, const void *e, size_t row, const void *ctx,
			      struct xcell *c)
{
	const struct cost_share *sh = e;
	const struct cost *cost = model_cost(x->m, sh->cost);
	xc_num(c, cost ? figures_share_amount(cost, sh) : 0, x->fmt.money);
}

static void sheet_shares(struct xl *x)
{
	const struct xextra ex[] = {
		{SHARE_F_COUNT, N_("Amount of the share"), fill_share_amount, NULL}};
	entity_sheet(x, ENT_SHARE, ex, 1, NULL);
}

/* One row of the years sheet: a label, a figure per year, the "no year"
 * column when there is one, and the row's total as a live =SUM() of the
 * cells to its left (sum: its value as figures.c computed it). */
static void year_row(struct xl *x, struct xtable *t, const char *label, bool bold,
		     const double *v, size_t stride, size_t ny, bool undated, double sum)
{
	size_t r = t->nrows;
	struct xcell *c = xt_row(t);
	xc_text(&c[0], label);
	if (bold)
		c[0].fmt = x->fmt.bold;
	for (size_t k = 0; k < ny; k++)
		xc_num(&c[1 + k], v[k * stride], x->fmt.money);
	if (undated)
		xc_num(&c[1 + ny], v[ny * stride], x->fmt.money);
	xc_sum(&c[1 + ny + undated], r, 1, r, ny + undated, sum, x->fmt.money);
}

/* The rows of the money block are YR_* (xlsx_internal.h), in the order of
 * the sheet; their sum is every cost (figures.h: total = grant + own +
 * covered + promised + asked + uncovered). */

double xl_year_money(const struct figures_row *r, int yr)
{
	switch (yr) {
	case YR_GRANT: return r->grant;
	case YR_OWN: return r->own;
	case YR_COVERED: return r->covered;
	case YR_PROMISED: return r->promised;
	case YR_ASKED: return r->asked;
	default: return r->uncovered;
	}
}

static void year_values(const struct figures_row *r, double o[YR_COUNT])
{
	for (int k = 0; k < YR_COUNT; k++)
		o[k] = xl_year_money(r, k);
}

/* Costs per budget year (figures.h): the grant and the own share in the
 * funded period, the partner money after it by commitment, what nobody
 * carries, and all costs as a live sum of those rows; then what each
 * partner carries after the funding end. */
static void sheet_years(struct xl *x)
{
	const struct model *m = x->m;
	const struct figures *f = x->fig;
	size_t ny = m->costs.n ? f->nyears : 0;
	bool undated = ny && f->undated.total != 0;
	struct xtable t;
	xt_init(&t, 2 + ny + undated, NULL);
	xt_head(&t, 0, _("Budget year"));
	for (size_t k = 0; k < ny; k++) {
		char year[16];
		snprintf(year, sizeof year, "%d", f->first + (int)k);
		xt_head(&t, 1 + k, year);
	}
	if (undated)
		xt_head(&t, 1 + ny, _("No year"));
	xt_head(&t, 1 + ny + undated, _("Total"));
	size_t money_top = 0; /* the table row of the first money row */
	if (ny) {
		/* the rows of figures: the years and the "no year" column side by side */
		size_t nrow = ny + 1;
		double *v = xcalloc(nrow * YR_COUNT, sizeof *v);
		for (size_t k = 0; k < nrow; k++)
			year_values(k < ny ? &f->years[k] : &f->undated, &v[k * YR_COUNT]);
		double sum[YR_COUNT];
		year_values(&f->sum, sum);
		const char *const labels[YR_COUNT] = {
			_("Grant"),
			_("Own share during the funding"),
			_("Partners: adopted or draft budget"),
			_("Partners: promised"),
			_("Partners: asked"),
			_("Not covered"),
		};
		size_t top = t.nrows;
		money_top = top;
		for (int k = 0; k < YR_COUNT; k++)
			year_row(x, &t, labels[k], k == YR_UNCOVERED, &v[k], YR_COUNT, ny, undated,
				 sum[k]);
		free(v);
		/* all costs: a live sum of the rows above, in every column */
		size_t r = t.nrows;
		struct xcell *c = xt_row(&t);
		xc_text(&c[0], _("All costs"));
		c[0].fmt = x->fmt.bold;
		for (size_t k = 0; k <= ny + undated; k++) {
			double total = k < ny ? f->years[k].total
				       : k == ny && undated ? f->undated.total
							    : f->sum.total;
			xc_sum(&c[1 + k], top, 1 + k, r - 1, 1 + k, total, x->fmt.money);
		}
		for (size_t p = 0; p < f->npartners; p++)
			year_row(x, &t, name_of(m, f->partners[p]), false,
				 &f->partner_years[p * (f->nyears + 1)], 1, ny, undated,
				 f->partner_sum[p]);
	}
	size_t nrows = t.nrows;
	lxw_worksheet *ws = x->err == LXW_NO_ERROR ? xt_emit(x, &t, _("Costs per year"), 1) : NULL;
	if (ws && ny) {
		x->years.sheet = xl_last_sheet_name(x);
		x->years.row = (lxw_row_t)money_top + 1; /* under the header row */
		x->years.ny = ny;
		x->years.undated = undated;
	}
	if (ws && ny) {
		char note[512];
		lxw_row_t r = (lxw_row_t)nrows + 2;
		if (f->has_funding_end && f->last == f->funding_end_year + FIGURES_AFTER_YEARS)
			snprintf(note, sizeof note,
				 _("Yearly costs without an end year are shown until %d (five years "
				   "after the funding ends)."),
				 f->last);
		else
			snprintf(note, sizeof note,
				 _("Yearly costs without an end year are shown until %d."), f->last);
		xl_text(x, ws, r++, 0, note, x->fmt.note);
		xl_text(x, ws, r++, 0,
			_("Covered means adopted or in the draft budget; promised and asked money is "
			  "shown apart. Partner rows: what each partner carries after the funding "
			  "end."),
			x->fmt.note);
		if (f->first_budget_year) {
			snprintf(note, sizeof note, _("First budget year after the funding: %d."),
				 f->first_budget_year);
			xl_text(x, ws, r++, 0, note, x->fmt.note);
		}
		if (!f->has_rate)
			xl_text(x, ws, r++, 0,
				_("No funding rate is set: the funded period counts as own share "
				  "until it is entered."),
				x->fmt.note);
		if (!f->has_funding_end) {
			xl_text(x, ws, r++, 0,
				_("No funding end is set: no year counts as funded until it is "
				  "entered."),
				x->fmt.note);
		} else if (f->funded_months < 12) {
			char end[32];
			i18n_date(m->ws.funding_end, x->lang, end);
			snprintf(note, sizeof note,
				 _("The funding ends on %s: %d of the 12 months of %d count in the "
				   "funded period."),
				 end, f->funded_months, f->funding_end_year);
			xl_text(x, ws, r++, 0, note, x->fmt.note);
		}
		if (undated)
			xl_text(x, ws, r++, 0,
				_("No year: one-off costs without a year; they count as after the "
				  "funding end until their year is entered."),
				x->fmt.note);
	}
	xt_free(&t);
}

/* ------------------------------------------------------------ check, findings, notes */

/* The recommendation of the catalogue a check item answers. */
static void fill_recommendation(struct xl *x, const void *e, size_t row, const void *ctx,
				struct xcell *c)
{
	const struct check_item *v = e;
	const struct catalogue_item *ci = catalogue_find(x->lang, v->factor, v->field, v->item);
	xc_text(c, ci ? ci->title : "");
}

/* The check list: the status column takes only the statuses (a list in
 * the sheet's language, like the RACI cells) and is coloured by them, red
 * open to green done, grey not relevant. */
static void sheet_check(struct xl *x)
{
	const struct xextra ex[] = {
		{CHECK_F_status, N_("Recommendation"), fill_recommendation, NULL}};
	lxw_worksheet *ws = entity_sheet(x, ENT_CHECK, ex, 1, NULL);
	size_t n = x->m->checks.n;
	if (!ws || n == 0)
		return;
	lxw_col_t col = entity_sheet_col(ENT_CHECK, ex, 1, CHECK_F_status);
	char *list[CHECK_STATUS_COUNT + 1];
	char quoted[CHECK_STATUS_COUNT][80];
	for (int k = 0; k < CHECK_STATUS_COUNT; k++) {
		list[k] = (char *)vocab_label(VOCAB_CHECK_STATUS, k);
		snprintf(quoted[k], sizeof quoted[k], "\"%s\"", list[k]);
	}
	list[CHECK_STATUS_COUNT] = NULL;
	lxw_data_validation dv = {
		.validate = LXW_VALIDATION_TYPE_LIST,
		.value_list = list,
		.ignore_blank = LXW_VALIDATION_OFF,
		.error_title = _("Status"),
		.error_message = _("Choose one of the statuses in the list."),
	};
	xl_note(x, worksheet_data_validation_range(ws, 1, col, (lxw_row_t)n, col, &dv),
		"data_validation");
	for (int k = 0; k < CHECK_STATUS_COUNT; k++) {
		lxw_conditional_format cf = {
			.type = LXW_CONDITIONAL_TYPE_CELL,
			.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
			.value_string = quoted[k],
			.format = x->fmt.status[k],
		};
		xl_note(x, worksheet_conditional_format_range(ws, 1, col, (lxw_row_t)n, col, &cf),
			"conditional_format");
	}
}

static void sheet_findings(struct xl *x)
{
	struct xtable t;
	/* the dots of a dot vote, as a last column once there are any */
	bool votes = x->m->nfvotes > 0;
	if (votes)
		TABLE(&t, _("Severity"), _("Step"), _("Item"), _("Finding"), _("Votes"));
	else
		TABLE(&t, _("Severity"), _("Step"), _("Item"), _("Finding"));
	if (x->f)
		xt_reserve(&t, x->f->n);
	for (size_t i = 0; x->f && i < x->f->n; i++) {
		const struct finding *e = &x->f->v[i];
		struct xcell *c = xt_row(&t);
		int dots = votes ? model_finding_votes(x->m, e->rule, e->id) : 0;
		if (dots)
			xc_num(&c[4], dots, NULL);
		xc_text(&c[0], vocab_label(VOCAB_SEVERITY, e->sev));
		if (e->sev >= 0 && e->sev < SEV_COUNT)
			c[0].fmt = x->fmt.sev[e->sev];
		xc_text(&c[1], vocab_label(VOCAB_STEP, e->step));
		xc_text(&c[2], e->item);
		xc_text(&c[3], findings_message(e));
	}
	emit(x, &t, _("Findings"), 0);
}

/* ------------------------------------------------------------ roadmap */

/* "overdue" in the colour of a gap for an open milestone or a planned
 * decision whose date has passed (ctx: today in days), else empty. */
static void fill_ms_overdue(struct xl *x, const void *e, size_t row, const void *ctx,
			    struct xcell *c)
{
	(void)row;
	if (roadmap_milestone_overdue(e, *(const long *)ctx)) {
		xc_text(c, _("overdue"));
		c->fmt = x->fmt.sev[SEV_GAP];
	}
}

static void fill_dec_overdue(struct xl *x, const void *e, size_t row, const void *ctx,
			     struct xcell *c)
{
	(void)row;
	if (roadmap_decision_overdue(e, *(const long *)ctx)) {
		xc_text(c, _("overdue"));
		c->fmt = x->fmt.sev[SEV_GAP];
	}
}

/* The milestones and the council decisions by date (undated last), the
 * dates as real dates, the overdue ones marked in a last column. */
static void sheet_roadmap(struct xl *x)
{
	long today = roadmap_today();
	size_t n;
	size_t *order = roadmap_milestone_order(x->m, &n);
	const struct xextra ms[] = {{MILESTONE_F_COUNT, N_("Overdue"), fill_ms_overdue, &today}};
	entity_sheet_in(x, ENT_MILESTONE, ms, 1, NULL, order);
	free(order);
	order = roadmap_decision_order(x->m, &n);
	const struct xextra dec[] = {{DECISION_F_COUNT, N_("Overdue"), fill_dec_overdue, &today}};
	entity_sheet_in(x, ENT_DECISION, dec, 1, NULL, order);
	free(order);
}

/* ------------------------------------------------------------ charts */

static lxw_chart *new_chart(struct xl *x, uint8_t type)
{
	lxw_chart *c = workbook_add_chart(x->wb, type);
	if (!c)
		xl_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "add_chart");
	return c;
}

static lxw_chart_series *new_series(struct xl *x, lxw_chart *c)
{
	lxw_chart_series *s = chart_add_series(c, NULL, NULL);
	if (!s)
		xl_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "add_series");
	return s;
}

/* The strategy of a quadrant of the power/interest grid (scores 1–5, high
 * from 3 up — the screen's grid uses the same split). */
static const char *quadrant(int influence, int interest)
{
	if (influence >= 3)
		return interest >= 3 ? _("Manage closely") : _("Keep satisfied");
	return interest >= 3 ? _("Keep informed") : _("Monitor");
}

/* Where the grid's points and quadrant labels are, on the chart sheet:
 * columns right of the print area, headed so a reader sees what they are. */
enum { GD_X = 20, GD_Y, GD_LABEL };

/* The power/interest grid: interest across, influence up, both 0–6 with
 * the scale numbers at the bottom and left edges; the axis lines cross at
 * 3 and so draw the quadrant borders, and each quadrant carries its
 * strategy. Every occupied score cell is ONE point labelled with the
 * numbers of the stakeholders in it (their No. on the stakeholder sheet and
 * in the table under the chart), so labels never overprint, however many
 * stakeholders share a cell. Returns the chart; *data_rows: rows of point
 * data written at GD_X…GD_LABEL from row 1. */
static lxw_chart *chart_grid(struct xl *x, lxw_worksheet *ws, const char *sheet)
{
	const struct model *m = x->m;
	lxw_chart *c = new_chart(x, LXW_CHART_SCATTER);
	if (!c)
		return NULL;
	xl_text(x, ws, 0, GD_X, _("Interest"), x->fmt.header);
	xl_text(x, ws, 0, GD_Y, _("Influence"), x->fmt.header);
	xl_text(x, ws, 0, GD_LABEL, _("No."), x->fmt.header);
	lxw_row_t r = 1;
	/* the four quadrant captions, as points without a marker */
	static const double qx[4] = {1.5, 4.5, 1.5, 4.5}, qy[4] = {5.6, 5.6, 0.4, 0.4};
	for (int q = 0; q < 4; q++, r++) {
		const char *name = quadrant(qy[q] > 3 ? 5 : 1, qx[q] > 3 ? 5 : 1);
		xl_num(x, ws, r, GD_X, qx[q], NULL);
		xl_num(x, ws, r, GD_Y, qy[q], NULL);
		xl_text(x, ws, r, GD_LABEL, name, NULL);
		lxw_chart_series *s = new_series(x, c);
		if (!s)
			return NULL;
		chart_series_set_categories(s, sheet, r, GD_X, r, GD_X);
		chart_series_set_values(s, sheet, r, GD_Y, r, GD_Y);
		chart_series_set_name_range(s, sheet, r, GD_LABEL);
		chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
		chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_CENTER);
		chart_series_set_labels_options(s, LXW_TRUE, LXW_FALSE, LXW_FALSE);
		lxw_chart_font f = {.bold = LXW_TRUE, .italic = LXW_TRUE, .color = 0x595959};
		chart_series_set_labels_font(s, &f);
	}
	/* one point per occupied score cell */
	lxw_chart_fill fill = {.color = 0x4472C4};
	lxw_chart_line line = {.color = 0x2F5597};
	for (int infl = 5; infl >= 1; infl--) {
		for (int intr = 1; intr <= 5; intr++) {
			struct buf b;
			buf_init(&b);
			for (size_t i = 0; i < m->stakeholders.n; i++) {
				const struct stakeholder *e =
					MODEL_AT(m->stakeholders, struct stakeholder, i);
				if (e->influence == infl && e->interest == intr)
					buf_printf(&b, "%s%zu", b.len ? ", " : "", i + 1);
			}
			if (!b.len) {
				buf_free(&b);
				continue;
			}
			xl_num(x, ws, r, GD_X, intr, NULL);
			xl_num(x, ws, r, GD_Y, infl, NULL);
			xl_text(x, ws, r, GD_LABEL, b.data, NULL);
			buf_free(&b);
			lxw_chart_series *s = new_series(x, c);
			if (!s)
				return NULL;
			chart_series_set_categories(s, sheet, r, GD_X, r, GD_X);
			chart_series_set_values(s, sheet, r, GD_Y, r, GD_Y);
			chart_series_set_name_range(s, sheet, r, GD_LABEL);
			chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(s, 8);
			chart_series_set_marker_fill(s, &fill);
			chart_series_set_marker_line(s, &line);
			/* the position first: libxlsxwriter 1.1.4 turns the value on
			 * when it is set, and the options then show the name only */
			chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_RIGHT);
			chart_series_set_labels_options(s, LXW_TRUE, LXW_FALSE, LXW_FALSE);
			r++;
		}
	}
	lxw_chart_axis *axes[2] = {c->x_axis, c->y_axis};
	const char *names[2] = {_("Interest (1 low – 5 high)"), _("Influence (1 low – 5 high)")};
	for (int i = 0; i < 2; i++) {
		chart_axis_set_name(axes[i], names[i]);
		chart_axis_set_min(axes[i], 0);
		chart_axis_set_max(axes[i], 6);
		chart_axis_set_major_unit(axes[i], 1);
		chart_axis_set_crossing(axes[i], 3);
		/* the scale stays at the edge while the axis line is the border */
		chart_axis_set_label_position(axes[i], LXW_CHART_AXIS_LABEL_POSITION_LOW);
		chart_axis_major_gridlines_set_visible(axes[i], LXW_FALSE);
	}
	chart_title_set_name(c, _("Power/interest grid"));
	chart_legend_set_position(c, LXW_CHART_LEGEND_NONE);
	return c;
}

/* The table under the grid: every stakeholder by number, with its scores
 * and the strategy of its quadrant. Returns the row after it. */
static lxw_row_t grid_table(struct xl *x, lxw_worksheet *ws, lxw_row_t top)
{
	const struct model *m = x->m;
	const char *heads[] = {_("No."), _("Name"), _("Influence"), _("Interest"), _("Strategy")};
	for (int k = 0; k < 5; k++)
		xl_text(x, ws, top, (lxw_col_t)k, heads[k], x->fmt.header);
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *e = MODEL_AT(m->stakeholders, struct stakeholder, i);
		lxw_row_t r = top + 1 + (lxw_row_t)i;
		xl_num(x, ws, r, 0, (double)i + 1, NULL);
		xl_text(x, ws, r, 1, e->name, x->fmt.wrap);
		xl_num(x, ws, r, 2, e->influence, NULL);
		xl_num(x, ws, r, 3, e->interest, NULL);
		xl_text(x, ws, r, 4, quadrant(e->influence, e->interest), x->fmt.wrap);
		int lines = xl_wrapped_lines(e->name, 44);
		if (lines > 1)
			xl_note(x, worksheet_set_row(ws, r, xl_row_height(lines), NULL), "set_row");
	}
	return top + 1 + (lxw_row_t)m->stakeholders.n;
}

/* The indicators the chart shows: all, or the first XL_CHART_INDICATORS_MAX. */
static size_t chart_indicator_rows(const struct chart_src *in)
{
	return in->rows > XL_CHART_INDICATORS_MAX ? XL_CHART_INDICATORS_MAX : in->rows;
}

bool xl_indicator_progress(const struct indicator *e, double *frac)
{
	if (!e->baseline.set || !e->target.set || !e->latest.set ||
	    e->target.v == e->baseline.v)
		return false;
	*frac = (e->latest.v - e->baseline.v) / (e->target.v - e->baseline.v);
	return true;
}

/* Columns of the progress table on the chart sheet. */
enum { PG_NAME = 1, PG_UNIT, PG_BASELINE, PG_LATEST, PG_TARGET, PG_PROGRESS, PG_GOAL };

/* The table the indicator chart reads, at row `top` of the chart sheet:
 * the indicator's own values, and its progress as a share of the way from
 * baseline to target, which makes indicators of different units comparable
 * in one chart. *lo, *hi: the smallest and largest progress shown (0 and 1
 * at least). */
static void progress_table(struct xl *x, lxw_worksheet *ws, lxw_row_t top, size_t shown,
			   double *lo, double *hi)
{
	const struct model *m = x->m;
	static const char *const heads[] = {N_("Indicator"), N_("Unit"), N_("Baseline"),
					    N_("Latest value"), N_("Target"), N_("Progress in %"),
					    N_("Target (100 %)")};
	*lo = 0;
	*hi = 1;
	for (int k = 0; k < 7; k++)
		xl_text(x, ws, top, (lxw_col_t)(PG_NAME + k), _(heads[k]), x->fmt.header);
	for (size_t i = 0; i < shown && i < m->indicators.n; i++) {
		const struct indicator *e = MODEL_AT(m->indicators, struct indicator, i);
		lxw_row_t r = top + 1 + (lxw_row_t)i;
		xl_text(x, ws, r, PG_NAME, e->name, x->fmt.wrap);
		xl_text(x, ws, r, PG_UNIT, e->unit, x->fmt.wrap);
		if (e->baseline.set)
			xl_measure(x, ws, r, PG_BASELINE, e->baseline.v);
		if (e->latest.set)
			xl_measure(x, ws, r, PG_LATEST, e->latest.v);
		if (e->target.set)
			xl_measure(x, ws, r, PG_TARGET, e->target.v);
		double p;
		if (xl_indicator_progress(e, &p)) {
			p = round(p * 100) / 100;
			xl_num(x, ws, r, PG_PROGRESS, p, x->fmt.frac);
			if (p < *lo)
				*lo = p;
			if (p > *hi)
				*hi = p;
		}
		xl_num(x, ws, r, PG_GOAL, 1, x->fmt.frac);
		int lines = xl_wrapped_lines(e->name, 44);
		int ul = xl_wrapped_lines(e->unit, 13);
		if (ul > lines)
			lines = ul;
		if (lines > 1)
			xl_note(x, worksheet_set_row(ws, r, xl_row_height(lines), NULL), "set_row");
	}
}

/* Progress of every indicator (up to the cap) as a bar growing from 0 %
 * (the baseline) to the right, drawn over a grey bar of 100 % (the
 * target), with its value at the end; the first indicator on top. */
static lxw_chart *chart_indicators(struct xl *x, const char *sheet, lxw_row_t top,
				   size_t shown, double lo, double hi)
{
	lxw_chart *c = new_chart(x, LXW_CHART_BAR);
	if (!c)
		return NULL;
	lxw_row_t first = top + 1, last = top + (lxw_row_t)shown;
	/* the target first: a later series is drawn over an earlier one */
	static const lxw_col_t cols[2] = {PG_GOAL, PG_PROGRESS};
	static const lxw_color_t colours[2] = {0xD9D9D9, 0x2E75B6};
	for (int i = 0; i < 2; i++) {
		lxw_chart_series *s = new_series(x, c);
		if (!s)
			return NULL;
		chart_series_set_categories(s, sheet, first, PG_NAME, last, PG_NAME);
		chart_series_set_values(s, sheet, first, cols[i], last, cols[i]);
		chart_series_set_name_range(s, sheet, top, cols[i]);
		lxw_chart_fill fill = {.color = colours[i]};
		chart_series_set_fill(s, &fill);
		if (cols[i] == PG_PROGRESS) {
			chart_series_set_labels(s);
			chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
			chart_series_set_labels_num_format(s, "0%");
		}
	}
	chart_set_series_overlap(c, 100);
	chart_set_series_gap(c, 60);
	/* in a bar chart x_axis is the value axis (across), y_axis the
	 * categories (down): the categories run top-down, the value axis stays
	 * at the bottom and grows from 0 to the right */
	chart_axis_set_reverse(c->y_axis);
	chart_axis_set_crossing_max(c->y_axis);
	chart_axis_set_min(c->x_axis, floor(lo * 10) / 10);
	chart_axis_set_max(c->x_axis, ceil(hi * 10) / 10 + 0.1);
	chart_axis_set_major_unit(c->x_axis, hi - lo > 2 ? 0.5 : 0.25);
	chart_axis_set_num_format(c->x_axis, "0%");
	chart_axis_set_name(c->x_axis, _("Progress from the baseline (0 %) to the target (100 %)"));
	chart_title_set_name(c, _("Indicators: how far from baseline to target"));
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	return c;
}

static void sheet_charts(struct xl *x, const struct chart_src *sh, const struct chart_src *in)
{
	if ((!sh->rows && !in->rows) || !sh->sheet || !in->sheet || x->err != LXW_NO_ERROR)
		return;
	lxw_worksheet *ws = xl_sheet(x, _("Charts"));
	if (!ws)
		return;
	const char *sheet = xl_last_sheet_name(x);
	xl_note(x, worksheet_set_column(ws, 0, 0, 6, NULL), "set_column");
	xl_note(x, worksheet_set_column(ws, PG_NAME, PG_NAME, 45, NULL), "set_column");
	xl_note(x, worksheet_set_column(ws, PG_UNIT, PG_GOAL, 14, NULL), "set_column");
	lxw_row_t row = 1;
	if (sh->rows) {
		lxw_chart *c = chart_grid(x, ws, sheet);
		lxw_chart_options o = {.x_scale = 1.9, .y_scale = 1.55,
				       .object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE};
		if (c)
			xl_note(x, worksheet_insert_chart_opt(ws, row, 1, c, &o), "insert_chart");
		row = grid_table(x, ws, row + 24) + 1;
	}
	if (in->rows) {
		/* the indicators start a page of their own */
		lxw_row_t breaks[2] = {row, 0};
		if (row > 1)
			xl_note(x, worksheet_set_h_pagebreaks(ws, breaks), "pagebreaks");
		size_t shown = chart_indicator_rows(in);
		if (shown < in->rows) {
			/* say so above the chart */
			char note[512];
			snprintf(note, sizeof note,
				 _("The chart shows the first %zu of the %zu indicators; the sheet "
				   "%s lists them all."),
				 shown, in->rows, in->sheet);
			xl_text(x, ws, row, 1, note, x->fmt.note);
		}
		xl_text(x, ws, row + 1, 1,
			_("Progress = (latest value − baseline) ÷ (target − baseline); without a "
			  "baseline or a latest value there is none to show."),
			x->fmt.note);
		/* the chart, then its table below it */
		double height = 1.0 + (double)shown / 8.0;
		if (height > 2.2)
			height = 2.2;
		lxw_row_t table = row + 3 + (lxw_row_t)(height * 15 + 2);
		double lo, hi;
		progress_table(x, ws, table, shown, &lo, &hi);
		lxw_chart *c = chart_indicators(x, sheet, table, shown, lo, hi);
		lxw_chart_options o = {.x_scale = 1.9, .y_scale = height,
				       .object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE};
		if (c)
			xl_note(x, worksheet_insert_chart_opt(ws, row + 3, 1, c, &o),
				"insert_chart");
		row = table + 1 + (lxw_row_t)shown;
	}
	xl_print_setup(x, ws, true, false);
	xl_note(x, worksheet_print_area(ws, 0, 0, row, PG_GOAL), "print_area");
}

size_t xl_step_sheet_names(const char **out, size_t max)
{
	static const char *const names[] = {
		N_("Strategy goals"), N_("Goals"),	   N_("Indicators"),	 N_("Stakeholders"),
		N_("Tasks"),	      N_("RACI matrix"),   N_("Costs"),		 N_("Cost shares"),
		N_("Costs per year"), N_("Check list"),	   N_("Findings"),	 N_("Notes"),
		N_("Charts"),
	};
	size_t n = 0;
	for (; n < sizeof names / sizeof *names && n < max; n++)
		out[n] = _(names[n]);
	return n;
}

/* Whether a goal has dots of a dot vote (the summary lists them). */
static bool goals_voted(const struct model *m)
{
	for (size_t i = 0; i < m->goals.n; i++)
		if (MODEL_AT(m->goals, struct goal, i)->votes)
			return true;
	return false;
}

void xl_write_sheets(struct xl *x)
{
	struct chart_src sh = {NULL, 0}, in = {NULL, 0};
	sheet_counted(x, ENT_SGOAL, ENT_GOAL, offsetof(struct goal, strategy_goal),
		      N_("Linked goals"));
	sheet_counted(x, ENT_GOAL, ENT_INDICATOR, offsetof(struct indicator, goal),
		      N_("Indicators"));
	entity_sheet(x, ENT_INDICATOR, NULL, 0, &in);
	/* later sheets show the first indicators only (charts, summary); the
	 * goals and strategy goals were named for the last time (the summary
	 * lists goals only for the dots of a vote) */
	if (x->own) {
		model_keep_first(x->own, ENT_INDICATOR,
				 XL_CHART_INDICATORS_MAX > XL_SUMMARY_INDICATORS
					 ? XL_CHART_INDICATORS_MAX
					 : XL_SUMMARY_INDICATORS);
		model_keep_first(x->own, ENT_SGOAL, 0);
		if (!goals_voted(x->m))
			model_keep_first(x->own, ENT_GOAL, 0);
	}
	entity_sheet(x, ENT_STAKEHOLDER, NULL, 0, &sh);
	sheet_tasks(x);
	sheet_raci(x);
	xl_raci_keep_accountable(x); /* the rest needs only the A holders */
	sheet_costs(x);
	sheet_shares(x);
	if (x->own) /* no later sheet shows a share (figures.c has summed them) */
		model_keep_first(x->own, ENT_SHARE, 0);
	sheet_years(x);
	/* the roadmap (step 6): milestones and council decisions */
	sheet_roadmap(x);
	sheet_check(x);
	sheet_findings(x);
	/* the summary lists the first findings of each severity, and all of
	 * them only for the dots of a vote */
	if (x->own_f && x->own && !x->own->nfvotes)
		findings_keep_first(x->own_f, XL_SUMMARY_FINDINGS);
	entity_sheet(x, ENT_NOTE, NULL, 0, NULL);
	sheet_charts(x, &sh, &in);
	free(sh.sheet);
	free(in.sheet);
}
