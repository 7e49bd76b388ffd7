/* ui_raci.c — step 4: who is responsible (R), accountable (A), consulted
 * (C) and informed (I) for each task, in three views (v switches):
 *
 *   pilot              the matrix of the pilot tasks
 *   regular operation  the matrix of the tasks after the funding
 *   handover           per task category: who holds A and R in the pilot and
 *                      who in regular operation; open handovers marked
 *
 * The matrix is a grid with the stakeholders' short names as its frozen
 * header row and the tasks as its frozen first column. Only the visible
 * cells are drawn, each found by binary search in its task's sorted row of
 * cells, and the rule markers come from the per-task role counts, so a
 * keystroke costs about the same for 5 × 5 and for 300 × 500. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "figures.h"
#include "grid.h"
#include "i18n.h"
#include "ui_internal.h"
#include "util.h"

enum rview { RV_PILOT, RV_REGULAR, RV_HANDOVER, RV_COUNT };

/* Which stakeholders the grid shows as columns (f): after the temporary
 * posts, f goes through the groups that have stakeholders, one at a time
 * (RF_GROUP with raci_state.group). */
enum rfilter { RF_ALL, RF_ROLE, RF_KEY, RF_TEMP, RF_GROUP, RF_COUNT };


/* ------------------------------------------------------------ the handover data */

enum { HO_NO_REGULAR = 1, HO_NO_A = 2, HO_TEMP = 4, HO_NO_R = 8 };

struct idset {
	int64_t *v;
	size_t n, cap;
};

struct ho_row {
	int cat;
	unsigned ntasks[TPHASE_COUNT];
	struct idset holders[TPHASE_COUNT][2]; /* [phase][0: A, 1: R] */
	unsigned open;			       /* HO_* flags */
};

struct raci_state {
	enum rview view;
	struct grid grids[2];	/* pilot, regular */
	enum rfilter filter;
	int group;		/* RF_GROUP: the group shown (enum group) */
	bool wide;		/* w: wide columns, names on two lines */
	bool by_votes;		/* o: the tasks by votes, most first */
	bool by_actor;		/* t: per stakeholder, their tasks (the matrix turned) */
	struct list actor_list; /* its rows: the columns of the current grid */
	size_t *cols[2];	/* stakeholder indices shown as the grid's columns */
	size_t ncols[2], capcols[2];
	size_t *rows[2];	/* task indices per phase, in table order */
	size_t nrows[2], caprows[2];
	size_t broken[2];	/* tasks breaking a rule, per phase */
	int64_t keep_task[2], keep_sh[2]; /* the cursor across changes */

	struct ho_row ho[CAT_COUNT]; /* by category */
	int shown[CAT_COUNT];	     /* the categories listed, in order */
	size_t nho;
	unsigned long ho_rev;
	bool ho_valid;
	struct list ho_list;
	int ho_keep_cat;

	/* whether the row headers of each grid were last drawn with room for
	 * the rule markers (that width changes every row) */
	bool marks_shown[2];

	/* the legend's "A: name · R: names" of the task under the cursor, kept
	 * until the cursor leaves the task or the model changes */
	struct {
		char *text;
		int64_t task;
		unsigned long revision;
		int width;
	} holders;

	char hint_buf[512];
};

static void init(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	vs->view = RV_PILOT;
	grid_init(&vs->grids[0]);
	grid_init(&vs->grids[1]);
	list_init(&vs->ho_list);
	list_init(&vs->actor_list);
	vs->ho_keep_cat = -1;
}

static void done(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	for (int p = 0; p < 2; p++) {
		free(vs->rows[p]);
		free(vs->cols[p]);
	}
	free(vs->holders.text);
	for (int c = 0; c < CAT_COUNT; c++)
		for (int p = 0; p < TPHASE_COUNT; p++)
			for (int r = 0; r < 2; r++)
				free(vs->ho[c].holders[p][r].v);
}

static bool task_broken(const struct task *t)
{
	return figures_task_rules(t) != 0;
}

/* Whether stakeholder s is a column of grid p under filter f. */
static bool sh_shown(const struct stakeholder *s, enum rfilter f, int group, int p)
{
	switch (f) {
	case RF_GROUP: return s->group == group;
	case RF_ROLE: {
		unsigned n = 0;
		for (int r = 0; r < RACI_COUNT; r++)
			if (r != RACI_NONE)
				n += s->roles[p][r];
		return n > 0;
	}
	case RF_KEY: return s->key_person;
	case RF_TEMP: return s->temporary;
	default: return true;
	}
}

/* The stakeholder in column col of grid p, or NULL. */
static const struct stakeholder *sh_at(struct ui *ui, int p, long col)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (col < 0 || (size_t)col >= vs->ncols[p])
		return NULL;
	return MODEL_AT(ui->m.stakeholders, struct stakeholder, vs->cols[p][col]);
}

/* The column of grid p that shows stakeholder id, or -1. */
static long col_of(struct ui *ui, int p, int64_t id)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	long i = table_index(&ui->m.stakeholders, id);
	for (size_t c = 0; i >= 0 && c < vs->ncols[p]; c++)
		if (vs->cols[p][c] == (size_t)i)
			return (long)c;
	return -1;
}

/* Puts the cursor back on the task and stakeholder it was on. */
static void restore(struct ui *ui, int p)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct model *m = &ui->m;
	struct grid *g = &vs->grids[p];
	if (vs->keep_task[p])
		for (size_t r = 0; r < vs->nrows[p]; r++)
			if (MODEL_AT(m->tasks, struct task, vs->rows[p][r])->id == vs->keep_task[p]) {
				g->row = r;
				break;
			}
	if (vs->keep_sh[p]) {
		long c = col_of(ui, p, vs->keep_sh[p]);
		if (c >= 0 && g->col != GRID_HEAD)
			g->col = c;
	}
}

static const struct model *order_m; /* read by cmp_task_votes while sync sorts */

/* Most dots first; equal dots keep the table order. */
static int cmp_task_votes(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int vi = MODEL_AT(order_m->tasks, struct task, i)->votes;
	int vj = MODEL_AT(order_m->tasks, struct task, j)->votes;
	if (vi != vj)
		return vj - vi;
	return i < j ? -1 : i > j;
}

static void sync(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct model *m = &ui->m;
	for (int p = 0; p < 2; p++) {
		vs->nrows[p] = 0;
		vs->broken[p] = 0;
		xgrow((void **)&vs->rows[p], &vs->caprows[p], m->tasks.n + 1, sizeof *vs->rows[p]);
	}
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		int p = t->phase == TPHASE_REGULAR ? 1 : 0;
		vs->rows[p][vs->nrows[p]++] = i;
		if (task_broken(t))
			vs->broken[p]++;
	}
	if (vs->by_votes) {
		order_m = m;
		for (int p = 0; p < 2; p++)
			qsort(vs->rows[p], vs->nrows[p], sizeof *vs->rows[p], cmp_task_votes);
		order_m = NULL;
	}
	for (int p = 0; p < 2; p++) {
		xgrow((void **)&vs->cols[p], &vs->capcols[p], m->stakeholders.n + 1,
		      sizeof *vs->cols[p]);
		vs->ncols[p] = 0;
		for (size_t i = 0; i < m->stakeholders.n; i++)
			if (sh_shown(MODEL_AT(m->stakeholders, struct stakeholder, i), vs->filter,
				     vs->group, p))
				vs->cols[p][vs->ncols[p]++] = i;
		grid_set_size(&vs->grids[p], vs->nrows[p], vs->ncols[p]);
		restore(ui, p);
	}
}

/* Remembers the task and stakeholder under the cursor of view p. */
static void remember(struct ui *ui, int p)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct model *m = &ui->m;
	struct grid *g = &vs->grids[p];
	vs->keep_task[p] = g->row < vs->nrows[p] ? MODEL_AT(m->tasks, struct task, vs->rows[p][g->row])->id : 0;
	const struct stakeholder *s = sh_at(ui, p, g->col);
	if (s)
		vs->keep_sh[p] = s->id;
}

static void idset_add(struct idset *s, int64_t id)
{
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = id;
}

/* Builds the handover rows (only when that view is drawn after a change). */
static void handover_build(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct model *m = &ui->m;
	if (vs->ho_valid && vs->ho_rev == m->revision)
		return;
	for (int c = 0; c < CAT_COUNT; c++) {
		for (int p = 0; p < TPHASE_COUNT; p++) {
			vs->ho[c].ntasks[p] = 0;
			vs->ho[c].holders[p][0].n = vs->ho[c].holders[p][1].n = 0;
		}
		vs->ho[c].cat = c;
		vs->ho[c].open = 0;
	}
	/* distinct holders: a stamp per stakeholder and (category, phase, role) */
	size_t nsh = m->stakeholders.n;
	unsigned *stamp = xcalloc(nsh + 1, sizeof *stamp);
	unsigned gen = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		for (int p = 0; p < TPHASE_COUNT; p++)
			for (int role = 0; role < 2; role++) {
				gen++;
				enum raci want = role ? RACI_R : RACI_A;
				for (size_t i = 0; i < m->tasks.n; i++) {
					const struct task *t = MODEL_AT(m->tasks, struct task, i);
					if (t->category != c || (t->phase == TPHASE_REGULAR) != (p == 1))
						continue;
					if (role == 0)
						vs->ho[c].ntasks[p]++;
					if (p == 1 && role == 0) {
						unsigned rules = figures_task_rules(t);
						if (rules & (FIGURES_TASK_NO_A | FIGURES_TASK_MULTI_A))
							vs->ho[c].open |= HO_NO_A;
						if (rules & FIGURES_TASK_NO_R)
							vs->ho[c].open |= HO_NO_R;
						if (rules & FIGURES_TASK_TEMP_AR)
							vs->ho[c].open |= HO_TEMP;
					}
					for (size_t k = 0; k < t->cells.n; k++) {
						if (t->cells.v[k].role != want)
							continue;
						long si = table_index(&m->stakeholders, t->cells.v[k].other);
						if (si < 0 || stamp[si] == gen)
							continue;
						stamp[si] = gen;
						idset_add(&vs->ho[c].holders[p][role], t->cells.v[k].other);
					}
				}
			}
	free(stamp);
	vs->nho = 0;
	for (int c = 0; c < CAT_COUNT; c++) {
		struct ho_row *h = &vs->ho[c];
		if (figures_category_gap(h->ntasks, c) != FIGURES_CAT_OK)
			h->open |= HO_NO_REGULAR;
		if (h->ntasks[0] || h->ntasks[1] || figures_category_required(c))
			vs->shown[vs->nho++] = c;
	}
	list_set_count(&vs->ho_list, vs->nho);
	if (vs->ho_keep_cat >= 0)
		for (size_t i = 0; i < vs->nho; i++)
			if (vs->shown[i] == vs->ho_keep_cat)
				list_select(&vs->ho_list, i);
	vs->ho_rev = m->revision;
	vs->ho_valid = true;
}

/* How far the handover of a category is: the one place that decides
 * whether the row says "settled" (every regular-operation task of the
 * category has exactly one A and an R, none of them with a post that ends
 * with the funding). A later rule (the operator agreement signed: "agreed on
 * paper") belongs here too. */
enum ho_state { HO_STATE_OPEN, HO_STATE_SETTLED };

static enum ho_state handover_state(const struct ho_row *h)
{
	return h->open ? HO_STATE_OPEN : HO_STATE_SETTLED;
}

static size_t handover_open_count(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	size_t n = 0;
	for (size_t i = 0; i < vs->nho; i++)
		if (handover_state(&vs->ho[vs->shown[i]]) == HO_STATE_OPEN)
			n++;
	return n;
}

/* ------------------------------------------------------------ helpers */

static const struct task *cur_task(struct ui *ui, int p)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	struct grid *g = &vs->grids[p];
	if (g->row >= vs->nrows[p])
		return NULL;
	return MODEL_AT(ui->m.tasks, struct task, vs->rows[p][g->row]);
}

static const struct stakeholder *cur_sh(struct ui *ui, int p)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	return sh_at(ui, p, vs->grids[p].col);
}

static const char *raci_word(enum raci r)
{
	switch (r) {
	case RACI_R:
		return _("responsible");
	case RACI_A:
		return _("accountable");
	case RACI_C:
		return _("consulted");
	case RACI_I:
		return _("informed");
	default:
		return _("no role");
	}
}

static enum ui_style raci_style(enum raci r)
{
	switch (r) {
	case RACI_R:
		return ST_RACI_R;
	case RACI_A:
		return ST_RACI_A;
	case RACI_C:
		return ST_RACI_C;
	case RACI_I:
		return ST_RACI_I;
	default:
		return ST_NORMAL;
	}
}

/* A short name for a column header of at most w columns: the name itself
 * when it fits, else the first letters of its first two significant words
 * ("Stadtwerke Musterstadt" → "StMu"), else its beginning. */
static void short_name(const char *name, int w, char *out, size_t n)
{
	if (ui_width(name) <= w) {
		snprintf(out, n, "%s", name);
		return;
	}
	size_t len = strlen(name);
	wchar_t stackbuf[256];
	wchar_t *ws = len < 256 ? stackbuf : xmalloc((len + 1) * sizeof *ws);
	size_t k = lineedit_decode(name, len, ws);
	/* word starts: letters or digits after a blank, '-' or '(' */
	size_t starts[8];
	int nstarts = 0;
	for (size_t i = 0; i < k && nstarts < 8; i++) {
		bool start = i == 0 || ws[i - 1] == L' ' || ws[i - 1] == L'-' || ws[i - 1] == L'(';
		/* small words ("für", "of", "and") are skipped unless they are all there is */
		if (start && iswalnum((wint_t)ws[i]) && (iswupper((wint_t)ws[i]) || iswdigit((wint_t)ws[i]) || i == 0))
			starts[nstarts++] = i;
	}
	wchar_t res[16];
	size_t nr = 0;
	if (nstarts >= 2 && w >= 2) {
		int per = w / 2;
		for (int s = 0; s < 2; s++)
			for (int j = 0; j < per && starts[s] + (size_t)j < k && nr < 15; j++) {
				wchar_t c = ws[starts[s] + (size_t)j];
				if (c == L' ' || c == L'-' || lineedit_char_width(c) != 1)
					break;
				res[nr++] = c;
			}
	} else {
		for (size_t i = 0; i < k && nr < (size_t)w && nr < 15; i++) {
			if (lineedit_char_width(ws[i]) != 1)
				break;
			res[nr++] = ws[i];
		}
	}
	res[nr] = 0;
	if (ws != stackbuf)
		free(ws);
	/* back to UTF-8 */
	struct lineedit le;
	lineedit_init(&le, 16);
	for (size_t i = 0; i < nr; i++)
		lineedit_insert(&le, res[i]);
	char *s = lineedit_get(&le);
	snprintf(out, n, "%s", *s ? s : "?");
	free(s);
	lineedit_free(&le);
}

/* The rule markers of a task: "!" and a letter per broken rule. */
static void task_marker(const struct task *t, char out[8])
{
	int n = 0;
	unsigned rules = figures_task_rules(t);
	if (rules)
		out[n++] = '!';
	if (rules & (FIGURES_TASK_NO_A | FIGURES_TASK_MULTI_A))
		out[n++] = 'A';
	if (rules & FIGURES_TASK_NO_R)
		out[n++] = 'R';
	if (rules & FIGURES_TASK_TEMP_AR)
		out[n++] = 'T';
	out[n] = '\0';
}

/* The broken rules of a task in words. */
static void task_problems(const struct task *t, struct buf *b)
{
	unsigned rules = figures_task_rules(t);
	if (rules & FIGURES_TASK_NO_A)
		buf_printf(b, "%s", _("no A"));
	else if (rules & FIGURES_TASK_MULTI_A)
		buf_printf(b, _("%u × A (only one allowed)"), t->roles[RACI_A]);
	if (rules & FIGURES_TASK_NO_R)
		buf_printf(b, "%s%s", b->len ? " · " : "", _("no R"));
	if (rules & FIGURES_TASK_TEMP_AR)
		buf_printf(b, "%s%s", b->len ? " · " : "",
			   _("A or R with a temporary stakeholder whose post ends with the funding"));
}

/* ------------------------------------------------------------ hint */

static const char *hint(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	char *buf = vs->hint_buf;
	const struct model *m = &ui->m;
	if (m->stakeholders.n == 0)
		return _("Responsibilities need stakeholders: add them in step 3 first (press 3).");
	if (vs->view == RV_HANDOVER) {
		handover_build(ui);
		size_t open = handover_open_count(ui);
		if (!open)
			return _("Every category is handed over to permanent stakeholders. Next: 5 Costs.");
		snprintf(buf, sizeof vs->hint_buf,
			 ngettext("%zu handover is open (!): select it and press n to add the "
				  "regular-operation task.",
				  "%zu handovers are open (!): select one and press n to add the "
				  "regular-operation task.",
				  open),
			 open);
		return buf;
	}
	int p = vs->view == RV_REGULAR ? 1 : 0;
	if (m->tasks.n == 0)
		return _("No tasks yet: press n and add the first task (name, category, phase).");
	if (vs->nrows[p] == 0)
		return p ? _("No regular-operation tasks yet: press n. Who runs the measure after "
			     "the funding?")
			 : _("No pilot tasks here: press n to add one, or v for the other views.");
	if (vs->broken[p]) {
		snprintf(buf, sizeof vs->hint_buf,
			 ngettext("%zu task breaks a rule (! in front): give it exactly one A and "
				  "at least one R.",
				  "%zu tasks break a rule (! in front): give each exactly one A and at "
				  "least one R.",
				  vs->broken[p]),
			 vs->broken[p]);
		return buf;
	}
	return p ? _("Every regular-operation task has one A and an R. Press v for the handover "
		     "view.")
		 : _("Every pilot task has one A and an R. Press v for regular operation.");
}

/* ------------------------------------------------------------ drawing the matrix */

struct draw_ctx {
	struct ui *ui;
	int p;
};

static void draw_corner(void *ctx, int y, int x, int w)
{
	struct draw_ctx *d = ctx;
	struct raci_state *vs = ui_view_state(d->ui, STEP_RACI);
	char s[128];
	snprintf(s, sizeof s, "%s %zu/%zu", _("Task"), vs->grids[d->p].row + 1, vs->nrows[d->p]);
	ui_text(y, x, w, s, ui_style(ST_HEADER), UI_TEXT_PAD);
}

/* A name on two lines of at most w characters each: broken after a word
 * that fits, else after w characters; the second line is cut with "…". */
static void two_lines(const char *name, int w, char *l1, char *l2, size_t n)
{
	size_t cut = utf8_prefix(name, (size_t)w);
	size_t brk = cut;
	bool hyphen = false;
	if (name[cut] && name[cut] != ' ') {
		/* the last blank or hyphen within the first line; else the word
		 * is cut with a hyphen ("Oberbürge-" / "rmeisterin") */
		bool found = false;
		for (size_t i = cut; i > 0 && !found; i--)
			if (name[i - 1] == ' ' || name[i - 1] == '-') {
				brk = i;
				found = true;
			}
		if (!found && w > 2) {
			brk = utf8_prefix(name, (size_t)w - 1);
			hyphen = true;
		}
	}
	snprintf(l1, n, "%.*s%s", (int)brk, name, hyphen ? "-" : "");
	const char *rest = name + brk;
	while (*rest == ' ')
		rest++;
	size_t cut2 = utf8_prefix(rest, (size_t)w);
	if (rest[cut2] && w > 1) {
		/* cut after the last whole word that leaves room for "…" */
		size_t c = utf8_prefix(rest, (size_t)w - 1), k = c;
		while (k > 0 && rest[k] != ' ')
			k--;
		snprintf(l2, n, "%.*s…", (int)(k > 0 ? k : c), rest);
	} else {
		snprintf(l2, n, "%s", rest);
	}
	/* no blank at the end of the first line */
	size_t k = strlen(l1);
	while (k && l1[k - 1] == ' ')
		l1[--k] = '\0';
}

static void draw_col_head(void *ctx, size_t col, int y, int x, int w, bool cur)
{
	struct draw_ctx *d = ctx;
	struct raci_state *vs = ui_view_state(d->ui, STEP_RACI);
	const struct stakeholder *s = sh_at(d->ui, d->p, (long)col);
	if (!s)
		return;
	if (vs->wide) {
		char l1[256], l2[256];
		two_lines(*s->name ? s->name : "?", w - 1, l1, l2, sizeof l1);
		attr_t a = ui_style(cur ? ST_SEL : ST_HEADER);
		for (int l = 0; l < 2; l++) {
			ui_fill(y + l, x, w, ui_style(ST_HEADER));
			ui_text(y + l, x, w - 1, l ? l2 : l1, a, cur ? UI_TEXT_PAD : 0);
		}
		return;
	}
	char sn[64];
	short_name(*s->name ? s->name : "?", w - 1, sn, sizeof sn);
	attr_t a = ui_style(cur ? ST_SEL : ST_HEADER);
	ui_fill(y, x, w, ui_style(ST_HEADER));
	ui_text(y, x, w - 1, sn, a, cur ? UI_TEXT_PAD : 0);
}

static void draw_row_head(void *ctx, size_t row, int y, int x, int w, bool cur_row, bool on)
{
	struct draw_ctx *d = ctx;
	struct raci_state *vs = ui_view_state(d->ui, STEP_RACI);
	const struct task *t = MODEL_AT(d->ui->m.tasks, struct task, vs->rows[d->p][row]);
	attr_t base = ui_style(on ? ST_SEL : ST_NORMAL) | (cur_row ? A_BOLD : 0);
	ui_fill(y, x, w, base);
	/* room for the markers only when some row of the view needs them */
	int mw = vs->broken[d->p] ? 5 : 0;
	char mk[8];
	task_marker(t, mk);
	if (*mk)
		ui_text(y, x, 4, mk, on ? base : ui_style(ST_ALERT), 0);
	/* the task's category, shortened, in a column of its own */
	int cw = w - mw >= 15 ? 5 : 0;
	/* the task's dots from a vote, right of its name */
	char dots[16] = "";
	if (t->votes)
		snprintf(dots, sizeof dots, "●%d", t->votes);
	int vw = *dots ? ui_width(dots) + 1 : 0;
	ui_text(y, x + mw, w - mw - 1 - cw - vw, *t->name ? t->name : _("(no name)"), base, 0);
	if (vw)
		ui_text(y, x + w - 1 - cw - vw, vw - 1, dots, base, 0);
	if (cw) {
		const char *cat = vocab_label(VOCAB_CATEGORY, t->category);
		char *shortcat = xstrndup(cat, utf8_prefix(cat, 4));
		ui_text(y, x + w - 1 - cw, cw - 1, shortcat, base, 0);
		free(shortcat);
	}
	if (cur_row && !on)
		ui_text(y, x + w - 1, 1, "▸", base, 0);
}

static void draw_cell(void *ctx, size_t row, size_t col, int y, int x, int w, bool cur_row,
		      bool cur_col, bool on)
{
	struct draw_ctx *d = ctx;
	struct raci_state *vs = ui_view_state(d->ui, STEP_RACI);
	const struct model *m = &d->ui->m;
	int64_t tid = MODEL_AT(m->tasks, struct task, vs->rows[d->p][row])->id;
	const struct stakeholder *sh = sh_at(d->ui, d->p, (long)col);
	if (!sh)
		return;
	int64_t sid = sh->id;
	enum raci r = model_raci_get(m, tid, sid);
	int iw = w - 1; /* one blank between columns */
	char s[16];
	if (on) {
		snprintf(s, sizeof s, "[%c]", r ? raci_letter(r) : ' ');
		ui_text(y, x, iw, s, ui_style(ST_SEL), UI_TEXT_PAD | UI_TEXT_CENTER);
		return;
	}
	if (r) {
		snprintf(s, sizeof s, "%c", raci_letter(r));
		ui_text(y, x, iw, s, ui_style(raci_style(r)), UI_TEXT_PAD | UI_TEXT_CENTER);
	} else {
		ui_text(y, x, iw, "·", (cur_row || cur_col) ? ui_style(ST_NORMAL) : ui_style(ST_DIM),
			UI_TEXT_CENTER);
	}
}

static const struct grid_fns fns = {draw_corner, draw_col_head, draw_row_head, draw_cell};

/* The line of views at the top: the current one bracketed and reversed. */
static void draw_views(struct ui *ui, int y, int x, int w)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	static const char *const names[RV_COUNT] = {N_("Pilot"), N_("Regular operation"),
						    N_("Handover")};
	int used = ui_textf(y, x, w, ui_style(ST_NORMAL), 0, "%s ", _("View (v):"));
	for (int v = 0; v < RV_COUNT && used < w; v++) {
		char s[128];
		snprintf(s, sizeof s, v == (int)vs->view ? "[%s]" : " %s ", _(names[v]));
		used += ui_text(y, x + used, w - used, s,
				v == (int)vs->view ? ui_style(ST_TAB_CUR) : ui_style(ST_TAB), 0);
		used += ui_text(y, x + used, w - used, " ", ui_style(ST_NORMAL), 0);
	}
	if (vs->view == RV_HANDOVER || used + 12 >= w)
		return;
	/* the filter, in words, with how many columns it leaves */
	static const char *const filters[RF_COUNT] = {N_("all"), N_("with a role"),
						      N_("★ key persons"), N_("⧗ temporary posts"),
						      NULL};
	int p = vs->view == RV_REGULAR ? 1 : 0;
	char f[160];
	if (vs->filter == RF_ALL)
		snprintf(f, sizeof f, " %s %s", _("Filter (f):"), _(filters[vs->filter]));
	else if (vs->filter == RF_GROUP)
		/* the group's name alone: the line is full at 80 columns, and the
		 * status line names it a group when f chooses it */
		snprintf(f, sizeof f, " f: %s %zu/%zu", vocab_label(VOCAB_GROUP, vs->group),
			 vs->ncols[p], ui->m.stakeholders.n);
	else
		snprintf(f, sizeof f, " f: %s %zu/%zu", _(filters[vs->filter]), vs->ncols[p],
			 ui->m.stakeholders.n);
	ui_text(y, x + used, w - used, f,
		vs->filter == RF_ALL ? ui_style(ST_NORMAL) : ui_style(ST_TAB_CUR), 0);
}

/* The grid's area and column widths in the content area r. */
static struct ui_rect matrix_layout(struct ui_rect r, bool wide, int *head_w, int *cell_w)
{
	/* the task's name and, in 5 more columns, its category */
	*head_w = r.w * 3 / 10 + 5;
	if (*head_w < 25)
		*head_w = 25;
	if (*head_w > 45)
		*head_w = 45;
	*cell_w = wide ? (r.w >= 110 ? 12 : 11) : r.w >= 110 ? 6 : 5;
	return (struct ui_rect){r.y + 1, r.x, r.h - 3, r.w};
}

/* "A: name · R: name, name" of a task, into b; stops once b holds limit
 * bytes (more than a line of limit / 4 columns shows). */
static void task_holders(struct ui *ui, const struct task *t, struct buf *b, size_t limit)
{
	static const enum raci order[] = {RACI_A, RACI_R};
	for (int k = 0; k < 2 && b->len < limit; k++) {
		bool first = true;
		for (size_t i = 0; i < t->cells.n && b->len < limit; i++) {
			if (t->cells.v[i].role != order[k])
				continue;
			const struct stakeholder *sh = model_stakeholder(&ui->m, t->cells.v[i].other);
			if (!sh)
				continue;
			if (first)
				buf_printf(b, "%s%c: ", b->len ? " · " : "", raci_letter(order[k]));
			buf_printf(b, "%s%s%s", first ? "" : ", ", sh->temporary ? UI_MARK_TEMP : "",
				   *sh->name ? sh->name : "?");
			first = false;
		}
	}
}

/* The legend under the grid: the full name under the cursor, the row's
 * problems. */
static void draw_legend(struct ui *ui, struct ui_rect r, int p)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	int y = r.y + r.h - 2;
	const struct task *t = cur_task(ui, p);
	const struct stakeholder *s = cur_sh(ui, p);
	char line[1024];
	if (t && s) {
		enum raci role = model_raci_get(&ui->m, t->id, s->id);
		/* the role first, the organisation last: what is cut matters least */
		snprintf(line, sizeof line, "%s %s · %ld/%zu ▸ %s%s%s (%s%s%s)",
			 role ? (char[]){raci_letter(role), 0} : "–", raci_word(role), vs->grids[p].col + 1,
			 vs->ncols[p], s->name, s->key_person ? " " UI_MARK_KEY : "",
			 s->temporary ? " " UI_MARK_TEMP : "", vocab_label(VOCAB_GROUP, s->group),
			 *s->organisation ? ", " : "", s->organisation);
	} else if (t) {
		snprintf(line, sizeof line, "▸ %s (%s, %s)", t->name,
			 vocab_label(VOCAB_CATEGORY, t->category), vocab_label(VOCAB_TPHASE, t->phase));
	} else {
		line[0] = '\0';
	}
	ui_text(y, r.x, r.w, line, ui_style(ST_TITLE), 0);
	struct buf b;
	buf_init(&b);
	if (t)
		task_problems(t, &b);
	if (b.len) {
		char *probs = buf_steal(&b);
		ui_textf(y + 1, r.x, r.w, ui_style(ST_ALERT), 0, "! %s", probs);
		free(probs);
	} else if (t && !s) {
		ui_text(y + 1, r.x, r.w, _("Enter edits the task, d deletes it, → goes to the cells"),
			ui_style(ST_DIM), 0);
	} else if (t && (t->roles[RACI_A] || t->roles[RACI_R]) &&
		   (vs->grids[p].hidden_left || vs->grids[p].hidden_right)) {
		/* not every column fits: who answers for the row, by name,
		 * wherever the grid is scrolled */
		if (!vs->holders.text || vs->holders.task != t->id ||
		    vs->holders.revision != ui->m.revision || vs->holders.width != r.w) {
			/* a UTF-8 character is at most 4 bytes: what is cut
			 * beyond 4 bytes a column cannot be shown */
			task_holders(ui, t, &b, 4 * ((size_t)r.w + 1));
			free(vs->holders.text);
			vs->holders.text = buf_steal(&b);
			vs->holders.task = t->id;
			vs->holders.revision = ui->m.revision;
			vs->holders.width = r.w;
		}
		ui_text(y + 1, r.x, r.w, vs->holders.text, ui_style(ST_NORMAL), 0);
	} else {
		ui_text(y + 1, r.x, r.w,
			_("R responsible · A accountable (one per task) · C consulted · I informed · "
			  "Space cycles, r a c i set, - empties"),
			ui_style(ST_DIM), 0);
	}
	buf_free(&b);
}

static void draw_matrix(struct ui *ui, struct ui_rect r)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	int p = vs->view == RV_REGULAR ? 1 : 0;
	struct grid *g = &vs->grids[p];
	draw_views(ui, r.y, r.x, r.w);
	int head_w, cell_w;
	struct ui_rect gr = matrix_layout(r, vs->wide, &head_w, &cell_w);
	if (vs->nrows[p] == 0 || vs->ncols[p] == 0) {
		const char *msg =
			ui->m.stakeholders.n == 0
				? _("The matrix needs stakeholders as its columns: add them in step 3.")
			: vs->ncols[p] == 0
				? _("No stakeholder passes the filter: f shows the next filter, up to all.")
			: p ? _("No regular-operation tasks yet. Press n to add what has to be done once "
				"the funding ends: operation, maintenance, hosting, funding, …")
			    : _("No pilot tasks yet. Press n to add the first task of the pilot.");
		ui_text_wrapped((struct ui_rect){gr.y + 1, gr.x + 2, gr.h - 1, gr.w - 4}, 0, msg,
				ui_style(ST_NORMAL));
		grid_invalidate(g);
		return;
	}
	struct draw_ctx d = {ui, p};
	g->head_h = vs->wide ? 2 : 1;
	g->own_lines = true; /* the grid's lines hold nothing else */
	vs->marks_shown[p] = vs->broken[p] != 0;
	grid_draw(g, gr, head_w, cell_w, &fns, &d);
	draw_legend(ui, r, p);
}

/* After a move or a changed cell: the grid repaints the cells that differ,
 * the legend is written again. */
static bool redraw(struct ui *ui, struct ui_rect r)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (vs->view == RV_HANDOVER || vs->by_actor)
		return false;
	int p = vs->view == RV_REGULAR ? 1 : 0;
	if (vs->nrows[p] == 0 || vs->ncols[p] == 0)
		return false;
	struct grid *g = &vs->grids[p];
	if ((vs->broken[p] != 0) != vs->marks_shown[p])
		grid_invalidate(g);
	vs->marks_shown[p] = vs->broken[p] != 0;
	int head_w, cell_w;
	struct ui_rect gr = matrix_layout(r, vs->wide, &head_w, &cell_w);
	struct draw_ctx d = {ui, p};
	grid_redraw(g, gr, head_w, cell_w, &fns, &d);
	int y = r.y + r.h - 2;
	ui_fill(y, r.x, r.w, A_NORMAL);
	ui_fill(y + 1, r.x, r.w, A_NORMAL);
	draw_legend(ui, r, p);
	return true;
}

/* ------------------------------------------------------------ drawing the handover */

/* The names of a set of holders, temporary ones marked. */
static void holders_text(struct ui *ui, const struct idset *s, struct buf *b)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct stakeholder *sh = model_stakeholder(&ui->m, s->v[i]);
		if (!sh)
			continue;
		buf_printf(b, "%s%s%s", b->len ? ", " : "", sh->temporary ? UI_MARK_TEMP : "",
			   *sh->name ? sh->name : "?");
	}
}

static const struct list_col ho_cols[] = {
	{N_("Category"), 15, 0},     {N_("Pilot: A"), -1, 6},	 {N_("Pilot: R"), -1, 6},
	{N_("Regular: A"), -1, 6}, {N_("Regular: R"), -1, 6}, {N_("Handover"), 10, 0},
};

static void draw_holders(struct ui *ui, const struct ho_row *h, int p, int role, int y, int x,
			 int w, attr_t base, bool sel)
{
	struct buf b;
	buf_init(&b);
	holders_text(ui, &h->holders[p][role], &b);
	if (b.len)
		ui_text(y, x, w, b.data, base, 0);
	else if (h->ntasks[p] == 0)
		ui_text(y, x, w, _("– no task –"), p == 1 && h->open && !sel ? ui_style(ST_ALERT) : base, 0);
	else
		ui_text(y, x, w, "–", p == 1 && !sel ? ui_style(ST_ALERT) : base, 0);
	buf_free(&b);
}

static void draw_ho_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct ho_row *h = &vs->ho[vs->shown[row]];
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_text(y, cx[0], cw[0], vocab_label(VOCAB_CATEGORY, h->cat), base | A_BOLD, 0);
	draw_holders(ui, h, 0, 0, y, cx[1], cw[1], base, sel);
	draw_holders(ui, h, 0, 1, y, cx[2], cw[2], base, sel);
	draw_holders(ui, h, 1, 0, y, cx[3], cw[3], base, sel);
	draw_holders(ui, h, 1, 1, y, cx[4], cw[4], base, sel);
	if (handover_state(h) == HO_STATE_OPEN)
		ui_textf(y, cx[5], cw[5], sel ? base : ui_style(ST_ALERT), 0, "! %s", _("open"));
	else if (ui->m.ws.agreement == AGREE_SIGNED)
		ui_textf(y, cx[5], cw[5], sel ? base : ui_style(ST_LIT), 0, "✓ %s",
			 _("on paper"));
	else /* the roles alone, no signed operator agreement (step 6) */
		ui_textf(y, cx[5], cw[5], sel ? base : ui_style(ST_WARN), 0, "~ %s",
			 _("verbal"));
}

/* "A: names; R: names" of one phase, into b. */
static void phase_holders(struct ui *ui, const struct ho_row *h, int p, struct buf *b)
{
	for (int role = 0; role < 2; role++) {
		struct buf names;
		buf_init(&names);
		holders_text(ui, &h->holders[p][role], &names);
		buf_printf(b, "%s%c: %s", role ? "; " : "", role ? 'R' : 'A', names.len ? names.data : "–");
		buf_free(&names);
	}
}

static void draw_handover(struct ui *ui, struct ui_rect r)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	handover_build(ui);
	draw_views(ui, r.y, r.x, r.w);
	int detail = 6;
	struct ui_rect lr = {r.y + 2, r.x, r.h - 2 - detail, r.w};
	ui_text(r.y + 1, r.x, r.w,
		_("Who answers for each kind of task in the pilot, and who once the funding ends "
		  "(⧗ = post ends with the funding):"),
		ui_style(ST_DIM), 0);
	vs->ho_list.passive = false;
	list_draw(&vs->ho_list, lr, ho_cols, 6, draw_ho_row, ui, NULL);
	if (!vs->ho_list.n || vs->ho_list.sel >= vs->nho)
		return;
	const struct ho_row *h = &vs->ho[vs->shown[vs->ho_list.sel]];
	int y = r.y + r.h - detail + 1;
	struct buf b;
	buf_init(&b);
	/* the selected category in full: counts, holders per phase, what is open */
	buf_printf(&b, "%s: ", vocab_label(VOCAB_CATEGORY, h->cat));
	buf_printf(&b, ngettext("%u pilot task, ", "%u pilot tasks, ", h->ntasks[0]), h->ntasks[0]);
	buf_printf(&b, ngettext("%u regular-operation task.", "%u regular-operation tasks.",
				h->ntasks[1]),
		   h->ntasks[1]);
	ui_text(y, r.x, r.w, b.data, ui_style(ST_TITLE), 0);
	for (int p = 0; p < 2; p++) {
		buf_free(&b);
		buf_init(&b);
		buf_printf(&b, "%s → ", vocab_label(VOCAB_TPHASE, p ? TPHASE_REGULAR : TPHASE_PILOT));
		phase_holders(ui, h, p, &b);
		ui_text(y + 1 + p, r.x, r.w, b.data, ui_style(ST_NORMAL), 0);
	}
	buf_free(&b);
	/* what is open, one message a line (the last line takes the rest) */
	const char *msg[5];
	int nmsg = 0;
	if (h->open & HO_NO_REGULAR)
		msg[nmsg++] = _("No regular-operation task: who does this after the funding? n adds one.");
	if (h->open & HO_NO_A)
		msg[nmsg++] = _("A regular-operation task has nobody accountable (A).");
	if (h->open & HO_NO_R)
		msg[nmsg++] = _("A regular-operation task has nobody responsible (R).");
	if (h->open & HO_TEMP)
		msg[nmsg++] = _("A or R in regular operation lies with a temporary stakeholder whose "
				"post ends with the funding.");
	if (handover_state(h) == HO_STATE_SETTLED && ui->m.ws.agreement == AGREE_SIGNED)
		msg[nmsg++] = _("Settled and agreed on paper: regular operation has an "
				"accountable, permanent owner and the operator agreement is "
				"signed. Enter shows the tasks.");
	else if (handover_state(h) == HO_STATE_SETTLED)
		msg[nmsg++] = _("The roles are set, but no operator agreement is signed yet "
				"(step 6): agreed in the workshop, not on paper.");
	int lines = detail - 4;
	for (int i = 0; i < nmsg && i < lines; i++) {
		buf_init(&b);
		for (int k = i; k < (i == lines - 1 ? nmsg : i + 1); k++)
			buf_printf(&b, "%s%s", k > i ? " " : "", msg[k]);
		ui_text(y + 3 + i, r.x, r.w, b.data, h->open ? ui_style(ST_WARN) : ui_style(ST_NORMAL), 0);
		buf_free(&b);
	}
}

/* ------------------------------------------------------------ per actor (t) */

static const struct list_col actor_cols[] = {
	{N_("Stakeholder"), -2, 12}, {"A", 3, 0}, {"R", 3, 0}, {"C", 3, 0}, {"I", 3, 0},
	{N_("Tasks and roles"), -3, 12},
};

/* "A task, R task, …" of stakeholder s in phase p (all phases: p < 0). */
static void actor_tasks(struct ui *ui, const struct stakeholder *s, int p, const char *sep,
			struct buf *b)
{
	static const enum raci order[] = {RACI_A, RACI_R, RACI_C, RACI_I};
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; i < s->cells.n; i++) {
			if (s->cells.v[i].role != order[k])
				continue;
			const struct task *t = model_task(&ui->m, s->cells.v[i].other);
			if (!t || (p >= 0 && (t->phase == TPHASE_REGULAR) != (p == 1)))
				continue;
			buf_printf(b, "%s%c %s", b->len ? sep : "", raci_letter(order[k]),
				   *t->name ? t->name : _("(no name)"));
		}
}

static void draw_actor_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct draw_ctx *d = ctx;
	const struct stakeholder *s = sh_at(d->ui, d->p, (long)row);
	if (!s)
		return;
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	ui_textf(y, cx[0], cw[0], base | A_BOLD, 0, "%s%s%s", s->name,
		 s->key_person ? " " UI_MARK_KEY : "", s->temporary ? " " UI_MARK_TEMP : "");
	static const enum raci order[] = {RACI_A, RACI_R, RACI_C, RACI_I};
	for (int k = 0; k < 4; k++) {
		unsigned n = s->roles[d->p][order[k]];
		if (n)
			ui_textf(y, cx[1 + k], cw[1 + k], base, UI_TEXT_RIGHT, "%u", n);
		else
			ui_text(y, cx[1 + k], cw[1 + k], "·", base, UI_TEXT_RIGHT);
	}
	struct buf b;
	buf_init(&b);
	actor_tasks(d->ui, s, d->p, ", ", &b);
	ui_text(y, cx[5], cw[5], b.len ? b.data : _("– no role –"), base, 0);
	buf_free(&b);
}

static void draw_actors(struct ui *ui, struct ui_rect r)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	int p = vs->view == RV_REGULAR ? 1 : 0;
	draw_views(ui, r.y, r.x, r.w);
	int detail = 4;
	list_set_count(&vs->actor_list, vs->ncols[p]);
	if (vs->grids[p].col >= 0)
		list_select(&vs->actor_list, (size_t)vs->grids[p].col);
	struct draw_ctx d = {ui, p};
	struct ui_rect lr = {r.y + 1, r.x, r.h - 1 - detail, r.w};
	list_draw(&vs->actor_list, lr, actor_cols, 6, draw_actor_row, &d,
		  _("No stakeholder passes the filter: f shows the next filter, up to all."));
	const struct stakeholder *s = sh_at(ui, p, (long)vs->actor_list.sel);
	if (!s)
		return;
	int y = r.y + r.h - detail;
	ui_textf(y, r.x, r.w, ui_style(ST_TITLE), 0, "▸ %s (%s%s%s) · %s", s->name,
		 vocab_label(VOCAB_GROUP, s->group), *s->organisation ? ", " : "", s->organisation,
		 vocab_label(VOCAB_TPHASE, p ? TPHASE_REGULAR : TPHASE_PILOT));
	struct buf b;
	buf_init(&b);
	actor_tasks(ui, s, p, " · ", &b);
	ui_text_wrapped((struct ui_rect){y + 1, r.x, detail - 1, r.w}, 0,
			b.len ? b.data : _("No role in this phase."), ui_style(ST_NORMAL));
	buf_free(&b);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (vs->view == RV_HANDOVER)
		draw_handover(ui, r);
	else if (vs->by_actor)
		draw_actors(ui, r);
	else
		draw_matrix(ui, r);
}

/* ------------------------------------------------------------ the task form */

enum { TF_NAME, TF_CATEGORY, TF_PHASE };

static bool save_task(struct ui *ui, struct form *fm, int64_t id)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	struct task t;
	const struct task *old = id ? model_task(&ui->m, id) : NULL;
	if (id && !old) {
		ui_error(ui, "%s", _("This task no longer exists (undone meanwhile?)."));
		return true;
	}
	if (old)
		task_copy(&t, old);
	else
		task_init(&t);
	str_take(&t.name, form_text(fm, TF_NAME));
	t.category = form_choice(fm, TF_CATEGORY);
	t.phase = form_choice(fm, TF_PHASE);
	bool ok = ui_store_ok(ui, store_save_task(ui->s, &ui->m, &t));
	if (ok) {
		int p = t.phase == TPHASE_REGULAR ? 1 : 0;
		vs->keep_task[p] = t.id;
		/* a new task (also from the handover view) is shown where its roles
		 * are set: its phase's grid, the cursor on its first cell */
		if (!id || vs->view != RV_HANDOVER)
			vs->view = p ? RV_REGULAR : RV_PILOT;
		if (!id && vs->grids[p].col == GRID_HEAD && ui->m.stakeholders.n)
			vs->grids[p].col = 0;
		ui_status(ui, id ? _("Task “%s” saved.") : _("Task “%s” added: now set its roles."),
			  t.name);
	}
	task_free(&t);
	return ok;
}

static void task_form(struct ui *ui, int64_t id, int category, int phase)
{
	const struct task *t = id ? model_task(&ui->m, id) : NULL;
	struct form *fm = form_new(id ? N_("Edit task") : N_("New task"), t ? t->name : NULL);
	form_add_text(fm, N_("Task"), t ? t->name : "", true);
	form_set_note(fm, TF_NAME, N_("What has to be done, e.g. “run the sensor network”."));
	/* category -1: a new task whose category the group has to choose */
	if (!t && category < 0)
		form_add_choice_unset(fm, N_("Category"), VOCAB_CATEGORY);
	else
		form_add_choice(fm, N_("Category"), VOCAB_CATEGORY, t ? t->category : category);
	form_set_note(fm, TF_CATEGORY, N_("Operation, maintenance, hosting, funding, …; Space picks."));
	form_add_choice(fm, N_("Phase"), VOCAB_TPHASE, t ? t->phase : phase);
	form_set_note(fm, TF_PHASE, N_("Pilot, or regular operation after the funding ends."));
	form_focus(fm, !t && category < 0 ? TF_CATEGORY : TF_NAME);
	ui_form_open(ui, fm, save_task, id);
}

static void delete_yes(struct ui *ui, int64_t id)
{
	ui_delete_entity(ui, ENT_TASK, id, _("Task “%s” deleted (u undoes it)."));
}

static void task_delete(struct ui *ui, const struct task *t)
{
	char q[800];
	if (t->cells.n)
		snprintf(q, sizeof q,
			 ngettext("Delete task “%s” and its %zu RACI cell?",
				  "Delete task “%s” and its %zu RACI cells?", t->cells.n),
			 t->name, t->cells.n);
	else
		snprintf(q, sizeof q, _("Delete task “%s”?"), t->name);
	ui_confirm(ui, q, delete_yes, t->id);
}

/* ------------------------------------------------------------ copying the pilot */

/* A regular-operation task of the same name and category exists. */
static bool has_regular_twin(const struct model *m, const struct task *t)
{
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *o = MODEL_AT(m->tasks, struct task, i);
		if (o->phase == TPHASE_REGULAR && o->category == t->category && !strcmp(o->name, t->name))
			return true;
	}
	return false;
}

/* The pilot tasks that regular operation does not have yet; free it. */
static int64_t *pilot_to_copy(const struct model *m, size_t *n)
{
	int64_t *ids = xcalloc(m->tasks.n + 1, sizeof *ids);
	*n = 0;
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		if (t->phase == TPHASE_PILOT && !has_regular_twin(m, t))
			ids[(*n)++] = t->id;
	}
	return ids;
}

/* Copies one pilot task and its cells into regular operation. */
static enum err copy_task(struct ui *ui, int64_t id)
{
	const struct task *t = model_task(&ui->m, id);
	if (!t)
		return ERR_OK;
	struct task c;
	task_init(&c);
	str_set(&c.name, t->name);
	c.category = t->category;
	c.phase = TPHASE_REGULAR;
	/* the cells first: saving changes the task table */
	size_t ncells = t->cells.n;
	struct raci_ref *cells = xmalloc((ncells + 1) * sizeof *cells);
	memcpy(cells, t->cells.v, ncells * sizeof *cells);
	enum err st = store_save_task(ui->s, &ui->m, &c);
	for (size_t k = 0; k < ncells && st == ERR_OK; k++)
		st = store_set_raci(ui->s, &ui->m, c.id, cells[k].other, (enum raci)cells[k].role);
	free(cells);
	task_free(&c);
	return st;
}

static void copy_pilot_yes(struct ui *ui, int64_t unused)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	(void)unused;
	size_t n;
	int64_t *ids = pilot_to_copy(&ui->m, &n);
	enum err st = n ? store_begin(ui->s, N_("Copy pilot tasks"), "") : ERR_OK;
	if (n && st == ERR_OK) {
		for (size_t i = 0; i < n && st == ERR_OK; i++)
			st = copy_task(ui, ids[i]);
		if (st == ERR_OK)
			st = store_commit(ui->s, &ui->m);
		else
			store_rollback(ui->s, &ui->m);
	}
	free(ids);
	if (ui_store_ok(ui, st)) {
		vs->view = RV_REGULAR;
		ui_status(ui,
			  ngettext("%zu pilot task copied into regular operation with its roles: "
				   "now decide who keeps them (⧗ posts end with the funding; u undoes).",
				   "%zu pilot tasks copied into regular operation with their roles: "
				   "now decide who keeps them (⧗ posts end with the funding; u undoes).",
				   n),
			  n);
	}
}

static void copy_pilot(struct ui *ui)
{
	size_t n;
	free(pilot_to_copy(&ui->m, &n));
	if (!n) {
		ui_status(ui, "%s", _("Every pilot task is in regular operation already (same name and "
				      "category)."));
		return;
	}
	char q[256];
	snprintf(q, sizeof q,
		 ngettext("Copy %zu pilot task with its roles into regular operation?",
			  "Copy %zu pilot tasks with their roles into regular operation?", n),
		 n);
	ui_confirm(ui, q, copy_pilot_yes, 0);
}

/* ------------------------------------------------------------ keys */

static void set_role(struct ui *ui, int p, enum raci role)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct task *t = cur_task(ui, p);
	const struct stakeholder *s = cur_sh(ui, p);
	if (!t)
		return;
	if (!s) {
		ui_status(ui, "%s", _("Move right into a stakeholder's column to set a role; Enter "
				      "edits the task."));
		return;
	}
	int64_t tid = t->id, sid = s->id;
	if (model_raci_get(&ui->m, tid, sid) == role)
		return;
	if (ui_store_ok(ui, store_set_raci(ui->s, &ui->m, tid, sid, role))) {
		grid_touch_row(&vs->grids[p], vs->grids[p].row);
		t = model_task(&ui->m, tid);
		s = model_stakeholder(&ui->m, sid);
		if (role)
			ui_status(ui, _("%s → %s: %c (%s)."), t ? t->name : "", s ? s->name : "",
				  raci_letter(role), raci_word(role));
		else
			ui_status(ui, _("%s → %s: no role."), t ? t->name : "", s ? s->name : "");
	}
}

static enum raci next_role(enum raci r)
{
	switch (r) {
	case RACI_NONE:
		return RACI_R;
	case RACI_R:
		return RACI_A;
	case RACI_A:
		return RACI_C;
	case RACI_C:
		return RACI_I;
	default:
		return RACI_NONE;
	}
}

static void next_view(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	vs->view = (enum rview)((vs->view + 1) % RV_COUNT);
}

static int handover_key(struct ui *ui, enum ui_action a)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (list_move(&vs->ho_list, a)) {
		if (vs->ho_list.sel < vs->nho)
			vs->ho_keep_cat = vs->shown[vs->ho_list.sel];
		return UI_REDRAW | UI_HANDLED;
	}
	const struct ho_row *h = vs->ho_list.n && vs->ho_list.sel < vs->nho ? &vs->ho[vs->shown[vs->ho_list.sel]] : NULL;
	switch (a) {
	case ACT_NEW:
		task_form(ui, 0, h ? (int)h->cat : -1, TPHASE_REGULAR);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT: {
		if (!h)
			return UI_UNHANDLED;
		/* the category's tasks: regular operation if there are any */
		int p = h->ntasks[1] ? 1 : h->ntasks[0] ? 0 : -1;
		if (p < 0) {
			task_form(ui, 0, h->cat, TPHASE_REGULAR);
			return UI_REDRAW | UI_HANDLED;
		}
		for (size_t r = 0; r < vs->nrows[p]; r++)
			if (MODEL_AT(ui->m.tasks, struct task, vs->rows[p][r])->category == h->cat) {
				grid_select(&vs->grids[p], r, vs->grids[p].col);
				remember(ui, p);
				break;
			}
		vs->view = p ? RV_REGULAR : RV_PILOT;
		return UI_REDRAW | UI_HANDLED;
	}
	default:
		return UI_UNHANDLED;
	}
}

/* The next filter of the f cycle: all, with a role, key persons,
 * temporary posts, then each group that has a stakeholder, then all. */
static void next_filter(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	int from = 0;
	if (vs->filter == RF_GROUP)
		from = vs->group + 1;
	else if (vs->filter != RF_TEMP) {
		vs->filter = (enum rfilter)(vs->filter + 1);
		return;
	}
	for (int g = from; g < GROUP_COUNT; g++)
		for (size_t i = 0; i < ui->m.stakeholders.n; i++)
			if (MODEL_AT(ui->m.stakeholders, struct stakeholder, i)->group == g) {
				vs->filter = RF_GROUP;
				vs->group = g;
				return;
			}
	vs->filter = RF_ALL;
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (a == ACT_VIEW) {
		next_view(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_FILTER && vs->view != RV_HANDOVER) {
		int p = vs->view == RV_REGULAR ? 1 : 0;
		remember(ui, p);
		next_filter(ui);
		sync(ui);
		grid_invalidate(&vs->grids[0]);
		grid_invalidate(&vs->grids[1]);
		if (vs->filter == RF_GROUP)
			ui_status(ui,
				  ngettext("Group %s: %zu stakeholder shown of %zu; f shows the next group.",
					   "Group %s: %zu stakeholders shown of %zu; f shows the next group.",
					   vs->ncols[p]),
				  vocab_label(VOCAB_GROUP, vs->group), vs->ncols[p], ui->m.stakeholders.n);
		else
			ui_status(ui,
				  ngettext("%zu stakeholder shown of %zu.", "%zu stakeholders shown of %zu.",
					   vs->ncols[p]),
				  vs->ncols[p], ui->m.stakeholders.n);
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_WIDE && vs->view != RV_HANDOVER) {
		vs->wide = !vs->wide;
		grid_invalidate(&vs->grids[0]);
		grid_invalidate(&vs->grids[1]);
		ui_status(ui, "%s", vs->wide ? _("Wide columns: the names on two lines (w: narrow).")
					     : _("Narrow columns: more stakeholders at once (w: wide)."));
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_BY_ACTOR && vs->view != RV_HANDOVER) {
		vs->by_actor = !vs->by_actor;
		int p = vs->view == RV_REGULAR ? 1 : 0;
		if (vs->by_actor && vs->grids[p].col == GRID_HEAD && vs->ncols[p])
			vs->grids[p].col = 0;
		grid_invalidate(&vs->grids[p]);
		ui_status(ui, "%s", vs->by_actor ? _("Per stakeholder: their tasks and roles (t: the matrix).")
						 : _("The matrix: tasks by stakeholders (t: per stakeholder)."));
		return UI_REDRAW | UI_HANDLED;
	}
	if (vs->by_actor && vs->view != RV_HANDOVER) {
		int p = vs->view == RV_REGULAR ? 1 : 0;
		struct grid *g = &vs->grids[p];
		list_set_count(&vs->actor_list, vs->ncols[p]);
		if (g->col >= 0)
			list_select(&vs->actor_list, (size_t)g->col);
		if (list_move(&vs->actor_list, a)) {
			g->col = vs->ncols[p] ? (long)vs->actor_list.sel : GRID_HEAD;
			remember(ui, p);
			return UI_REDRAW | UI_HANDLED;
		}
		if (a == ACT_EDIT) {
			/* back to the matrix, in this stakeholder's column */
			vs->by_actor = false;
			grid_invalidate(g);
			return UI_REDRAW | UI_HANDLED;
		}
		if (a == ACT_CYCLE || a == ACT_ROLE || a == ACT_CLEAR || a == ACT_DELETE) {
			ui_status(ui, "%s", _("Roles are set in the matrix: Enter or t goes back to it."));
			return UI_REDRAW | UI_HANDLED;
		}
	}
	if (a == ACT_SORT && vs->view != RV_HANDOVER) {
		int p = vs->view == RV_REGULAR ? 1 : 0;
		remember(ui, p);
		vs->by_votes = !vs->by_votes;
		sync(ui);
		grid_invalidate(&vs->grids[0]);
		grid_invalidate(&vs->grids[1]);
		ui_status(ui, "%s", vs->by_votes ? _("Tasks ordered by votes, most first (o: usual order).")
						 : _("Tasks in the usual order (o: by votes)."));
		return UI_REDRAW | UI_HANDLED;
	}
	if (a == ACT_COPY_PILOT) {
		copy_pilot(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	if (vs->view == RV_HANDOVER)
		return handover_key(ui, a);
	int p = vs->view == RV_REGULAR ? 1 : 0;
	struct grid *g = &vs->grids[p];
	if (grid_move(g, a)) {
		remember(ui, p);
		return UI_PARTIAL | UI_HANDLED;
	}
	const struct task *t = cur_task(ui, p);
	switch (a) {
	case ACT_CYCLE: {
		const struct stakeholder *s = cur_sh(ui, p);
		if (t)
			set_role(ui, p, s ? next_role(model_raci_get(&ui->m, t->id, s->id)) : RACI_NONE);
		return UI_PARTIAL | UI_HANDLED;
	}
	case ACT_ROLE:
		set_role(ui, p, raci_from_letter(k));
		return UI_PARTIAL | UI_HANDLED;
	case ACT_CLEAR:
		set_role(ui, p, RACI_NONE);
		return UI_PARTIAL | UI_HANDLED;
	case ACT_NEW:
		task_form(ui, 0, -1, p ? TPHASE_REGULAR : TPHASE_PILOT);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (t)
			task_form(ui, t->id, 0, 0);
		else
			task_form(ui, 0, -1, p ? TPHASE_REGULAR : TPHASE_PILOT);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		if (!t)
			return UI_UNHANDLED;
		task_delete(ui, t);
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static void handover_clicked(struct ui *ui)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	vs->ho_keep_cat = vs->shown[vs->ho_list.sel];
}

static int click(struct ui *ui, int y, int x)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (vs->view == RV_HANDOVER)
		return ui_list_click(ui, &vs->ho_list, y, true, ACT_EDIT, handover_clicked);
	int p = vs->view == RV_REGULAR ? 1 : 0;
	if (vs->by_actor) {
		long row = list_hit(&vs->actor_list, y);
		if (row < 0)
			return UI_UNHANDLED;
		vs->grids[p].col = row;
		remember(ui, p);
		return UI_REDRAW | UI_HANDLED;
	}
	size_t row;
	long col;
	if (!grid_hit(&vs->grids[p], y, x, &row, &col))
		return UI_UNHANDLED;
	bool same = row == vs->grids[p].row && col == vs->grids[p].col;
	grid_select(&vs->grids[p], row, col);
	remember(ui, p);
	if (same)
		return key(ui, col == GRID_HEAD ? ACT_EDIT : ACT_CYCLE, 0);
	return UI_REDRAW | UI_HANDLED;
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	const struct model *m = &ui->m;
	sync(ui);
	if (kind == ENT_WORKSHOP) {
		vs->view = RV_HANDOVER;
		return true;
	}
	if (kind == ENT_TASK) {
		const struct task *t = model_task(m, id);
		if (!t)
			return false;
		int p = t->phase == TPHASE_REGULAR ? 1 : 0;
		for (size_t r = 0; r < vs->nrows[p]; r++)
			if (MODEL_AT(m->tasks, struct task, vs->rows[p][r])->id == id) {
				grid_select(&vs->grids[p], r, GRID_HEAD);
				remember(ui, p);
				vs->view = p ? RV_REGULAR : RV_PILOT;
				return true;
			}
		return false;
	}
	if (kind == ENT_STAKEHOLDER) {
		int p = vs->nrows[1] ? 1 : 0;
		long c = col_of(ui, p, id);
		if (c < 0 && vs->filter != RF_ALL) {
			vs->filter = RF_ALL; /* the finding's stakeholder is always found */
			sync(ui);
			c = col_of(ui, p, id);
		}
		if (c < 0)
			return false;
		grid_select(&vs->grids[p], vs->grids[p].row, c);
		remember(ui, p);
		vs->view = p ? RV_REGULAR : RV_PILOT;
		return true;
	}
	return false;
}

int ui_raci_view(struct ui *ui)
{
	const struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	return (int)vs->view;
}

void ui_raci_set_view(struct ui *ui, int view)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (view >= 0 && view < RV_COUNT)
		vs->view = (enum rview)view;
}

static const enum ui_action bar[] = {ACT_CYCLE, ACT_VIEW, ACT_FILTER, ACT_NEW, ACT_NONE};
static const enum ui_action more[] = {ACT_ROLE, ACT_CLEAR, ACT_EDIT, ACT_DELETE, ACT_NOTE,
				     ACT_BY_ACTOR, ACT_COPY_PILOT, ACT_WIDE, ACT_VOTE, ACT_VOTE_ADD,
				     ACT_SORT, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	struct raci_state *vs = ui_view_state(ui, STEP_RACI);
	if (vs->view == RV_HANDOVER)
		return false;
	const struct task *t = cur_task(ui, vs->view == RV_REGULAR ? 1 : 0);
	*kind = ENT_TASK;
	*id = t ? t->id : 0;
	return t != NULL;
}

const struct ui_view ui_view_raci = {
	.step = STEP_RACI,
	.private_size = sizeof(struct raci_state),
	.init = init,
	.done = done,
	.hint = hint,
	.help = N_("The responsibility matrix says for every task who does the work (R, "
		   "responsible), who answers for the result (A, accountable: exactly one per "
		   "task), who is asked beforehand (C, consulted) and who is told afterwards (I, "
		   "informed). Space cycles a cell through R, A, C, I and empty; the letters r, "
		   "a, c and i set it directly, Backspace or - empties it. Home and End go to the "
		   "first and last stakeholder, pressed again to the first and last task. Enter "
		   "edits the task of the row, d deletes it (with its cells). A ! in front of a "
		   "task marks a broken rule: A for no or several A, R for no R, T for a "
		   "temporary stakeholder holding A or R in regular operation.\n\n"
		   "In many measures responsibility is agreed for the pilot only, often with a "
		   "project team whose posts end with the funding. So plan both phases: v "
		   "switches between the pilot tasks, the regular-operation tasks and the "
		   "handover view. The handover view shows per kind of task who holds A and R "
		   "in the pilot and who in regular operation; a handover is open when regular "
		   "operation has no task for it, nobody accountable, or a temporary "
		   "stakeholder in charge. Settle it early: an office that takes over needs "
		   "time to plan staff and budget, and written agreements help."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.redraw = redraw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
