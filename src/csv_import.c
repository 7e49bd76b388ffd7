/* csv_import.c — reading a CSV bundle and merging it into a workshop.
 *
 * Everything is read and checked first (headers, column counts, choice
 * words, numbers, dates, ranges, references between files, duplicates);
 * only a bundle without a single problem is merged, in one transaction that
 * is one undo step. The first problem found is reported with its file, line
 * and column. */
#include "config.h"
#include "csv_io.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv_bundle.h"
#include "csv_table.h"
#include "i18n.h"
#include "templates.h"
#include "util.h"

/* One checked cell. */
struct pcell {
	const char *s; /* text (neutralising ' taken away) */
	long i;	       /* ID, REF, INT: the number (0 when empty) */
	double d;      /* NUM */
	int w;	       /* CHOICE: the value, -1 when empty */
	bool set;      /* not empty */
};

struct prow {
	const struct csv_row *row;
	struct pcell *c;
};

/* An id of a file, for lookups and duplicate checks. */
struct idref {
	long id;
	size_t row;
};

struct pfile {
	enum bundle_file which;
	bool present;
	struct csv_table t;
	enum lang lang; /* language of the header */
	size_t ncols;	/* columns in use (raci: 1 + stakeholder columns) */
	struct prow *rows;
	size_t n;
	struct idref *ids; /* sorted by id (files with an id column) */
	long *raci_cols;   /* raci.csv: stakeholder id of column k (k >= 1) */
	int64_t *newid;	   /* per row: the id the merge gave it */
};

struct import {
	const struct bundle_src *src;
	struct bundle_error *err;
	struct pfile f[BF_COUNT];
};

/* ------------------------------------------------------------ helpers */

/* s shortened for a message: at most 40 characters, line breaks shown as
 * spaces. out: 200 bytes. */
static const char *shorten(const char *s, char out[200])
{
	size_t n = utf8_prefix(s, 40);
	if (n > 150)
		n = utf8_prefix(s, 20);
	memcpy(out, s, n);
	out[n] = '\0';
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	if (s[n])
		strcat(out, "…");
	return out;
}

static const char *col_name(const struct pfile *pf, size_t col)
{
	const struct bundle_spec *sp = &bundle_specs[pf->which];
	if (col < sp->n)
		return pf->lang == LANG_DE ? sp->cols[col].de : sp->cols[col].en;
	if (pf->which == BF_RACI && pf->present && pf->t.n && col < pf->t.rows[0].n)
		return pf->t.rows[0].cells[col];
	return NULL;
}

/* Reports a problem in cell col (0-based) of row. */
#define CELL_FAIL(imp, pf, row, col, ...)                                                   \
	bundle_fail((imp)->err, (pf)->which, (row)->line, (col) + 1, col_name(pf, col),    \
		    __VA_ARGS__)

/* Words of a choice in a language, joined by ", ". out: 512 bytes. */
static const char *word_list(enum vocab_kind k, enum lang lang, char out[512])
{
	out[0] = '\0';
	size_t len = 0;
	for (int v = 0; v < vocab_count(k); v++) {
		int n = snprintf(out + len, 512 - len, "%s%s", v ? ", " : "", vocab_word(k, v, lang));
		if (n < 0 || (size_t)n >= 512 - len)
			break;
		len += (size_t)n;
	}
	return out;
}

/* Copy of s without surrounding blanks. */
static char *trimmed(const char *s)
{
	char *c = xstrdup(s);
	return str_trim(c);
}

static bool blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* Looks a choice word up in either language; German words may start with a
 * capital umlaut ("Übergang"). */
static int choice_lookup(enum vocab_kind k, const char *s)
{
	char *w = trimmed(s);
	int v = vocab_lookup(k, w);
	if (v < 0) {
		static const char *const caps[][2] = {{"Ä", "ä"}, {"Ö", "ö"}, {"Ü", "ü"}};
		for (size_t i = 0; i < 3; i++)
			if (!strncmp(w, caps[i][0], 2)) {
				memcpy(w, caps[i][1], 2);
				v = vocab_lookup(k, w);
			}
	}
	free(w);
	return v;
}

static int idref_cmp(const void *a, const void *b)
{
	const struct idref *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* The row of file pf with id, or -1. */
static long find_row(const struct pfile *pf, long id)
{
	if (!pf->ids)
		return -1;
	struct idref key = {id, 0};
	size_t lo = 0, hi = pf->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (idref_cmp(&pf->ids[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < pf->n && pf->ids[lo].id == id ? (long)pf->ids[lo].row : -1;
}

/* The merged id of bundle id in file pf (0 when id is 0). */
static int64_t new_id(const struct pfile *pf, long id)
{
	if (id <= 0)
		return 0;
	long r = find_row(pf, id);
	return r < 0 ? 0 : pf->newid[r];
}

/* ------------------------------------------------------------ cells */

/* A number in a bundle: either decimal mark, but a number that looks like a
 * thousands separator in the file's language ("1.000" in a German file) is
 * refused rather than read as 1. */
static bool parse_number(const struct pfile *pf, const char *s, double *out, bool *ambiguous)
{
	*ambiguous = false;
	if (!num_parse(s, out))
		return false;
	char foreign = pf->lang == LANG_DE ? '.' : ',';
	const char *p = strchr(s, foreign);
	if (p && strspn(p + 1, "0123456789") == 3 && !strpbrk(p + 4, "0123456789")) {
		*ambiguous = true;
		return false;
	}
	return true;
}

static bool looks_like_iso_date(const char *s)
{
	static const char pat[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof pat - 1; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
			return false;
	return s[sizeof pat - 1] == '\0';
}

static bool check_cell(struct import *imp, struct pfile *pf, const struct csv_row *row, size_t col,
		       const struct bundle_col *bc, struct pcell *pc)
{
	char *raw = row->cells[col];
	char sh[200], words[512];
	pc->s = raw;
	pc->w = -1;
	if (bc->type == COL_TEXT) {
		pc->s = csv_unneutralise(raw);
		pc->set = *pc->s != '\0';
		return true;
	}
	str_trim(raw); /* " 2027-06-30" in quotes is still a date */
	if (!*raw) {
		if (bc->optional)
			return true;
		if (bc->type == COL_CHOICE)
			CELL_FAIL(imp, pf, row, col, _("a value is needed here; use one of: %s"),
				  word_list((enum vocab_kind)bc->arg, pf->lang, words));
		else
			CELL_FAIL(imp, pf, row, col, "%s", _("a value is needed here"));
		return false;
	}
	pc->set = true;
	switch (bc->type) {
	case COL_ID:
	case COL_REF:
		if (!int_parse(raw, 1, LONG_MAX, &pc->i)) {
			CELL_FAIL(imp, pf, row, col,
				  _("'%s' is not an id; ids are whole numbers from 1 up"),
				  shorten(raw, sh));
			return false;
		}
		return true;
	case COL_CHOICE:
		pc->w = choice_lookup((enum vocab_kind)bc->arg, raw);
		if (pc->w < 0) {
			CELL_FAIL(imp, pf, row, col, _("'%s' is not a valid choice; use one of: %s"),
				  shorten(raw, sh),
				  word_list((enum vocab_kind)bc->arg, pf->lang, words));
			return false;
		}
		return true;
	case COL_INT:
		if (!int_parse(raw, bc->lo, bc->hi, &pc->i)) {
			CELL_FAIL(imp, pf, row, col,
				  _("'%s' is not allowed; write a whole number from %ld to %ld"),
				  shorten(raw, sh), bc->lo, bc->hi);
			return false;
		}
		return true;
	case COL_NUM: {
		bool ambiguous;
		if (!parse_number(pf, raw, &pc->d, &ambiguous)) {
			if (ambiguous)
				CELL_FAIL(imp, pf, row, col,
					  _("'%s' is ambiguous; write numbers without a thousands "
					    "separator (for example %s)"),
					  shorten(raw, sh), pf->lang == LANG_DE ? "1500 / 12,5" : "1500 / 12.5");
			else
				CELL_FAIL(imp, pf, row, col,
					  _("'%s' is not a number (write for example %s)"),
					  shorten(raw, sh), pf->lang == LANG_DE ? "12,5" : "12.5");
			return false;
		}
		if (fabs(pc->d) >= BUNDLE_NUM_MAX) {
			CELL_FAIL(imp, pf, row, col, _("'%s' is too large"), shorten(raw, sh));
			return false;
		}
		if (bc->hi > bc->lo && !(pc->d >= (double)bc->lo && pc->d <= (double)bc->hi)) {
			CELL_FAIL(imp, pf, row, col,
				  _("'%s' is not allowed; write a number from %ld to %ld"),
				  shorten(raw, sh), bc->lo, bc->hi);
			return false;
		}
		return true;
	}
	case COL_DATE: {
		if (!date_parse_iso(raw, NULL)) {
			CELL_FAIL(imp, pf, row, col,
				  _("'%s' is not a valid date; write dates as YYYY-MM-DD, for "
				    "example 2027-06-30"),
				  shorten(raw, sh));
			return false;
		}
		return true;
	}
	case COL_TEXT:
		break;
	}
	return true;
}

/* ------------------------------------------------------------ files */

static bool header_matches(const char *cell, const char *name)
{
	char *t = trimmed(cell);
	bool ok = text_equal_fold(t, name);
	free(t);
	return ok;
}

/* Number of cells of row without the empty ones at its end. */
static size_t used_width(const struct csv_row *row)
{
	size_t n = row->n;
	while (n && blank(row->cells[n - 1]))
		n--;
	return n;
}

static bool check_header(struct import *imp, struct pfile *pf)
{
	const struct bundle_spec *sp = &bundle_specs[pf->which];
	const struct csv_row *h = &pf->t.rows[0];
	size_t width = used_width(h);
	size_t en = 0, de = 0;
	char sh[200];
	for (size_t i = 0; i < sp->n; i++) {
		const struct bundle_col *bc = &sp->cols[i];
		if (i >= width && bc->late) {
			/* an older bundle: it ends before the columns added since */
			bool all_late = true;
			for (size_t k = i; k < sp->n; k++)
				all_late = all_late && sp->cols[k].late;
			if (all_late)
				break;
		}
		if (i >= width) {
			/* name all the columns */
			struct buf b;
			buf_init(&b);
			for (size_t k = 0; k < sp->n; k++)
				buf_printf(&b, "%s%s", k ? ", " : "",
					   de > en ? sp->cols[k].de : sp->cols[k].en);
			bundle_fail(imp->err, pf->which, h->line, i + 1, NULL,
				    _("the column '%s' is missing (the columns are: %s)"),
				    de > en ? bc->de : bc->en, b.data);
			buf_free(&b);
			return false;
		}
		bool is_en = header_matches(h->cells[i], bc->en);
		const char *old = bundle_col_de_old(bc);
		bool is_de = header_matches(h->cells[i], bc->de) ||
			     (old && header_matches(h->cells[i], old));
		if (!is_en && !is_de) {
			if (!strcmp(bc->en, bc->de))
				bundle_fail(imp->err, pf->which, h->line, i + 1, NULL,
					    _("the column is headed '%s'; it should be '%s'"),
					    shorten(h->cells[i], sh), bc->en);
			else
				bundle_fail(imp->err, pf->which, h->line, i + 1, NULL,
					    _("the column is headed '%s'; it should be '%s' "
					      "(English) or '%s' (German)"),
					    shorten(h->cells[i], sh), bc->en, bc->de);
			return false;
		}
		if (is_en && !is_de)
			en++;
		if (is_de && !is_en)
			de++;
	}
	pf->lang = de > en ? LANG_DE : LANG_EN;
	pf->ncols = width < sp->n && sp->cols[width].late ? width : sp->n;
	if (pf->which == BF_RACI) {
		pf->ncols = width;
		pf->raci_cols = xcalloc(width, sizeof *pf->raci_cols);
		for (size_t k = 1; k < width; k++) {
			long id;
			if (!int_parse(h->cells[k], 1, LONG_MAX, &id)) {
				bundle_fail(imp->err, pf->which, h->line, k + 1, NULL,
					    _("the column header '%s' should be the id of a "
					      "stakeholder in stakeholders.csv"),
					    shorten(h->cells[k], sh));
				return false;
			}
			for (size_t j = 1; j < k; j++)
				if (pf->raci_cols[j] == id) {
					bundle_fail(imp->err, pf->which, h->line, k + 1, NULL,
						    _("stakeholder %ld has two columns (also "
						      "column %zu)"),
						    id, j + 1);
					return false;
				}
			pf->raci_cols[k] = id;
		}
	} else if (width > sp->n) {
		bundle_fail(imp->err, pf->which, h->line, sp->n + 1, NULL,
			    _("the column '%s' is not part of this file; it has %zu columns"),
			    shorten(h->cells[sp->n], sh), sp->n);
		return false;
	}
	return true;
}

static bool check_rows(struct import *imp, struct pfile *pf)
{
	const struct bundle_spec *sp = &bundle_specs[pf->which];
	pf->rows = xcalloc(pf->t.n, sizeof *pf->rows);
	for (size_t r = 1; r < pf->t.n; r++) {
		const struct csv_row *row = &pf->t.rows[r];
		size_t width = used_width(row);
		if (width == 0)
			continue; /* an empty line, e.g. ";;;" from a spreadsheet */
		if (row->n < pf->ncols) {
			bundle_fail(imp->err, pf->which, row->line, row->n + 1, NULL,
				    _("the line has %zu cells, but the header has %zu"), row->n,
				    pf->ncols);
			return false;
		}
		if (width > pf->ncols) {
			char sh[200];
			bundle_fail(imp->err, pf->which, row->line, pf->ncols + 1, NULL,
				    _("the cell '%s' is outside the columns of the header"),
				    shorten(row->cells[pf->ncols], sh));
			return false;
		}
		struct prow *pr = &pf->rows[pf->n++];
		pr->row = row;
		size_t ncells = pf->ncols > sp->n ? pf->ncols : sp->n;
		pr->c = xcalloc(ncells, sizeof *pr->c);
		for (size_t c = 0; c < sp->n; c++) {
			if (c >= pf->ncols) {
				/* a column the older bundle lacks: not set */
				pr->c[c].s = "";
				pr->c[c].w = -1;
				continue;
			}
			if (!check_cell(imp, pf, row, c, &sp->cols[c], &pr->c[c]))
				return false;
		}
		if (pf->which == BF_RACI) {
			for (size_t c = 1; c < pf->ncols; c++) {
				char *t = trimmed(row->cells[c]);
				struct pcell *pc = &pr->c[c];
				pc->s = row->cells[c];
				if (*t) {
					pc->w = strlen(t) == 1 ? (int)raci_from_letter(t[0]) : RACI_NONE;
					pc->set = true;
				}
				free(t);
				if (pc->set && pc->w == RACI_NONE) {
					char sh[200];
					CELL_FAIL(imp, pf, row, c,
						  _("'%s' is not a role; write R, A, C or I, or "
						    "leave the cell empty"),
						  shorten(row->cells[c], sh));
					return false;
				}
			}
		}
	}
	return true;
}

/* Sorts the ids of a file and refuses duplicates. col: the id column. */
static bool index_ids(struct import *imp, struct pfile *pf, size_t col)
{
	pf->ids = xcalloc(pf->n ? pf->n : 1, sizeof *pf->ids);
	pf->newid = xcalloc(pf->n ? pf->n : 1, sizeof *pf->newid);
	for (size_t r = 0; r < pf->n; r++)
		pf->ids[r] = (struct idref){pf->rows[r].c[col].i, r};
	qsort(pf->ids, pf->n, sizeof *pf->ids, idref_cmp);
	for (size_t k = 1; k < pf->n; k++) {
		if (pf->ids[k].id != pf->ids[k - 1].id)
			continue;
		const struct prow *first = &pf->rows[pf->ids[k - 1].row];
		const struct prow *dup = &pf->rows[pf->ids[k].row];
		CELL_FAIL(imp, pf, dup->row, col, _("the id %ld is used twice (also on line %zu)"),
			  pf->ids[k].id, first->row->line);
		return false;
	}
	return true;
}

static bool load(struct import *imp, enum bundle_file which)
{
	struct pfile *pf = &imp->f[which];
	pf->which = which;
	struct csv_error ce;
	int e = imp->src->parse(imp->src, bundle_files[which],
				CSV_TABLE_COMMENTS | CSV_TABLE_NEUTRALISED, &pf->t, &ce);
	if (e == ENOENT)
		return true;
	if (e) {
		bundle_fail(imp->err, which, ce.line, ce.column, NULL, "%s", ce.msg);
		return false;
	}
	if (pf->t.n == 0 || used_width(&pf->t.rows[0]) == 0) {
		/* an empty file is a file without rows */
		csv_table_free(&pf->t);
		return true;
	}
	pf->present = true;
	if (!check_header(imp, pf) || !check_rows(imp, pf))
		return false;
	if (bundle_specs[which].cols[BUNDLE_ID_COL].type == COL_ID)
		return index_ids(imp, pf, BUNDLE_ID_COL);
	return true;
}

static void pfile_free(struct pfile *pf)
{
	for (size_t r = 0; r < pf->n; r++)
		free(pf->rows[r].c);
	free(pf->rows);
	free(pf->ids);
	free(pf->raci_cols);
	free(pf->newid);
	csv_table_free(&pf->t);
	memset(pf, 0, sizeof *pf);
}

/* ------------------------------------------------------------ checks between files */

/* Every reference column of every file points at an existing row. */
static bool check_refs(struct import *imp)
{
	for (int f = 0; f < BF_COUNT; f++) {
		struct pfile *pf = &imp->f[f];
		const struct bundle_spec *sp = &bundle_specs[f];
		for (size_t c = 0; c < sp->n; c++) {
			if (sp->cols[c].type != COL_REF)
				continue;
			enum bundle_file tf = bundle_file_of[sp->cols[c].arg];
			const struct pfile *target = &imp->f[tf];
			for (size_t r = 0; r < pf->n; r++) {
				const struct pcell *pc = &pf->rows[r].c[c];
				if (!pc->set || find_row(target, pc->i) >= 0)
					continue;
				CELL_FAIL(imp, pf, pf->rows[r].row, c, _("%s has no row with id %ld"),
					  bundle_files[tf], pc->i);
				return false;
			}
		}
	}
	return true;
}

static bool check_raci(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_RACI];
	if (!pf->present)
		return true;
	const struct csv_row *h = &pf->t.rows[0];
	for (size_t k = 1; k < pf->ncols; k++)
		if (find_row(&imp->f[BF_STAKEHOLDERS], pf->raci_cols[k]) < 0) {
			bundle_fail(imp->err, BF_RACI, h->line, k + 1, NULL,
				    _("stakeholders.csv has no row with id %ld"), pf->raci_cols[k]);
			return false;
		}
	/* one row per task */
	struct idref *v = xcalloc(pf->n ? pf->n : 1, sizeof *v);
	for (size_t r = 0; r < pf->n; r++)
		v[r] = (struct idref){pf->rows[r].c[RACI_TASK_COL].i, r};
	qsort(v, pf->n, sizeof *v, idref_cmp);
	bool ok = true;
	for (size_t k = 1; k < pf->n && ok; k++)
		if (v[k].id == v[k - 1].id) {
			CELL_FAIL(imp, pf, pf->rows[v[k].row].row, RACI_TASK_COL,
				  _("task %ld has two rows (also line %zu)"), v[k].id,
				  pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	free(v);
	return ok;
}

/* Percent in (0, 100]; one share per cost and stakeholder; at most 100 %
 * per cost. */
static bool check_shares(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_SHARES];
	const size_t cost = bundle_col_of(ENT_SHARE, SHARE_F_cost),
		     sh = bundle_col_of(ENT_SHARE, SHARE_F_stakeholder),
		     pct = bundle_col_of(ENT_SHARE, SHARE_F_percent);
	char num[64];
	for (size_t r = 0; r < pf->n; r++) {
		double p = pf->rows[r].c[pct].d;
		if (!(p > 0 && p <= 100)) {
			num_format(p, pf->lang == LANG_DE, num);
			CELL_FAIL(imp, pf, pf->rows[r].row, pct,
				  _("%s %% is not a share; write more than 0 and at most 100"), num);
			return false;
		}
	}
	struct share_order *v = xcalloc(pf->n ? pf->n : 1, sizeof *v);
	for (size_t r = 0; r < pf->n; r++)
		v[r] = (struct share_order){pf->rows[r].c[cost].i, pf->rows[r].c[sh].i, r};
	qsort(v, pf->n, sizeof *v, share_order_cmp);
	bool ok = true;
	for (size_t k = 1; k < pf->n && ok; k++)
		if (v[k].cost == v[k - 1].cost && v[k].stakeholder == v[k - 1].stakeholder) {
			CELL_FAIL(imp, pf, pf->rows[v[k].index].row, sh,
				  _("stakeholder %ld already has a share of cost %ld (line %zu)"),
				  v[k].stakeholder, v[k].cost, pf->rows[v[k - 1].index].row->line);
			ok = false;
		}
	/* sums per cost, reported at the row that goes over 100 % */
	for (size_t k = 0; k < pf->n && ok;) {
		size_t end = k;
		double sum = 0;
		size_t worst = v[k].index;
		while (end < pf->n && v[end].cost == v[k].cost) {
			sum += pf->rows[v[end].index].c[pct].d;
			if (v[end].index > worst)
				worst = v[end].index;
			end++;
		}
		if (sum > 100 + 1e-9) {
			num_format(sum, pf->lang == LANG_DE, num);
			CELL_FAIL(imp, pf, pf->rows[worst].row, pct,
				  _("the shares of cost %ld add up to %s %%; at most 100 %% can be "
				    "shared"),
				  v[k].cost, num);
			ok = false;
		}
		k = end;
	}
	free(v);
	return ok;
}

struct check_key {
	int factor, field, item;
	size_t row;
};

static int check_key_cmp(const void *a, const void *b)
{
	const struct check_key *x = a, *y = b;
	if (x->factor != y->factor)
		return x->factor - y->factor;
	if (x->field != y->field)
		return x->field - y->field;
	if (x->item != y->item)
		return x->item - y->item;
	return x->row < y->row ? -1 : x->row > y->row;
}

static bool check_checks(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_CHECK];
	const size_t item = bundle_col_of(ENT_CHECK, CHECK_F_item);
	struct check_key *v = xcalloc(pf->n ? pf->n : 1, sizeof *v);
	bool ok = true;
	for (size_t r = 0; r < pf->n && ok; r++) {
		const struct pcell *c = pf->rows[r].c;
		v[r] = (struct check_key){(int)c[bundle_col_of(ENT_CHECK, CHECK_F_factor)].i,
					  c[bundle_col_of(ENT_CHECK, CHECK_F_field)].w,
					  (int)c[item].i, r};
		if (!catalogue_find(LANG_EN, v[r].factor, v[r].field, v[r].item) &&
		    !catalogue_find(LANG_DE, v[r].factor, v[r].field, v[r].item)) {
			CELL_FAIL(imp, pf, pf->rows[r].row, item,
				  _("the check catalogue has no item %d in factor %d, field %s"),
				  v[r].item, v[r].factor, vocab_word(VOCAB_FIELD, v[r].field, pf->lang));
			ok = false;
		}
	}
	if (ok)
		qsort(v, pf->n, sizeof *v, check_key_cmp);
	for (size_t k = 1; k < pf->n && ok; k++)
		if (!check_key_cmp(&(struct check_key){v[k].factor, v[k].field, v[k].item, 0},
				   &(struct check_key){v[k - 1].factor, v[k - 1].field,
						       v[k - 1].item, 0})) {
			CELL_FAIL(imp, pf, pf->rows[v[k].row].row, item,
				  _("this check item is listed twice (also on line %zu)"),
				  pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	free(v);
	return ok;
}

/* A free text that looks like a date (YYYY-MM-DD) must be a real day. */
static bool check_date_texts(struct import *imp)
{
	for (int f = 0; f < BF_COUNT; f++) {
		int kind = bundle_specs[f].entity;
		if (kind < 0)
			continue;
		const struct entity_desc *d = &entity_descs[kind];
		struct pfile *pf = &imp->f[f];
		for (size_t k = 0; k < d->n; k++) {
			if (d->fields[k].type != FT_DATETEXT)
				continue;
			size_t col = bundle_col_of((enum entity)kind, (int)k);
			for (size_t r = 0; r < pf->n; r++) {
				const char *t = pf->rows[r].c[col].s;
				if (looks_like_iso_date(t) && !date_parse_iso(t, NULL)) {
					char sh[200];
					CELL_FAIL(imp, pf, pf->rows[r].row, col,
						  _("'%s' is not a valid date; write dates as "
						    "YYYY-MM-DD, for example 2027-06-30"),
						  shorten(t, sh));
					return false;
				}
			}
		}
	}
	return true;
}

/* Ranges that involve more than one cell, and the rules of single files. */
static bool check_rules(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_WORKSHOP];
	if (pf->present && pf->n != 1) {
		size_t line = pf->n ? pf->rows[1].row->line : pf->t.rows[0].line;
		bundle_fail(imp->err, BF_WORKSHOP, line, 0, NULL,
			    _("the file needs exactly one line of values under the header, "
			      "it has %zu"),
			    pf->n);
		return false;
	}
	if (!check_date_texts(imp))
		return false;
	pf = &imp->f[BF_COSTS];
	const size_t amount = bundle_col_of(ENT_COST, COST_F_amount),
		     start = bundle_col_of(ENT_COST, COST_F_start_year),
		     end = bundle_col_of(ENT_COST, COST_F_end_year);
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		if (c[amount].set && c[amount].d < 0) {
			CELL_FAIL(imp, pf, pf->rows[r].row, amount, "%s",
				  _("an amount cannot be negative"));
			return false;
		}
		if (c[start].set && c[end].set && c[end].i < c[start].i) {
			CELL_FAIL(imp, pf, pf->rows[r].row, end,
				  _("the end year %ld is before the start year %ld"), c[end].i,
				  c[start].i);
			return false;
		}
	}
	return check_shares(imp) && check_checks(imp) && check_raci(imp) && check_refs(imp);
}

/* ------------------------------------------------------------ merge */

struct merge {
	struct store *s;
	struct model *m;
	struct import *imp;
	struct bundle_summary *sum;
};

static int choice(const struct pcell *c, int dflt)
{
	return c->w >= 0 ? c->w : dflt;
}

static struct optnum optnum_of(const struct pcell *c)
{
	struct optnum n = {c->set ? c->d : 0, c->set};
	return n;
}

/* Sets field f of e from its checked cell. */
static void take_field(const struct merge *g, const struct entity_field *f, void *e,
		       const struct pcell *c)
{
	void *p = field_at(e, f);
	switch (f->type) {
	case FT_TEXT:
	case FT_DATETEXT: str_set(p, c->s); break;
	case FT_DATE: str_set(p, c->set ? c->s : ""); break;
	case FT_WORD: *(int *)p = choice(c, *(int *)p); break;
	case FT_FLAG: *(bool *)p = choice(c, YN_NO) == YN_YES; break;
	case FT_INT: *(int *)p = (int)c->i; break;
	case FT_REF: *(int64_t *)p = new_id(&g->imp->f[bundle_file_of[f->arg]], c->i); break;
	case FT_NUM: *(double *)p = c->set ? c->d : 0; break;
	case FT_OPTNUM: *(struct optnum *)p = optnum_of(c); break;
	}
}

/* Where the summary counts what was added of a kind. */
static size_t *summary_count(struct bundle_summary *sum, enum entity kind)
{
	size_t *const counts[ENT_COUNT] = {
		[ENT_SGOAL] = &sum->sgoals,	      [ENT_GOAL] = &sum->goals,
		[ENT_INDICATOR] = &sum->indicators, [ENT_STAKEHOLDER] = &sum->stakeholders,
		[ENT_TASK] = &sum->tasks,	      [ENT_COST] = &sum->costs,
		[ENT_SHARE] = &sum->shares,	      [ENT_CHECK] = &sum->checks,
		[ENT_NOTE] = &sum->notes,	      [ENT_DECISION] = &sum->decisions,
		[ENT_MILESTONE] = &sum->milestones,
	};
	return counts[kind];
}

/* Saves every row of an entity's file: a new entity (the workshop: its
 * values replaced) with the row's fields; check items by their key. */
static enum store_status merge_entities(struct merge *g, enum entity kind)
{
	struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		union entity_any e;
		if (kind == ENT_WORKSHOP)
			workshop_copy(&e.workshop, &g->m->ws);
		else
			entity_init(kind, &e);
		for (size_t k = 0; k < d->n; k++) {
			size_t col = bundle_col_of(kind, (int)k);
			if (col >= pf->ncols)
				continue; /* an older bundle without the column */
			take_field(g, &d->fields[k], &e, &c[col]);
		}
		enum store_status st = store_save_entity(g->s, g->m, kind, &e);
		if (pf->newid)
			pf->newid[r] = *(int64_t *)&e;
		entity_free(kind, &e);
		if (kind == ENT_WORKSHOP)
			g->sum->workshop = st == STORE_OK;
		if (st != STORE_OK)
			return st;
		if (kind != ENT_WORKSHOP)
			(*summary_count(g->sum, kind))++;
	}
	return STORE_OK;
}

static enum store_status merge_raci(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	for (size_t r = 0; r < pf->n; r++) {
		int64_t task = new_id(&g->imp->f[BF_TASKS], pf->rows[r].c[RACI_TASK_COL].i);
		for (size_t k = 1; k < pf->ncols; k++) {
			const struct pcell *c = &pf->rows[r].c[k];
			if (!c->set)
				continue;
			int64_t sh = new_id(&g->imp->f[BF_STAKEHOLDERS], pf->raci_cols[k]);
			enum store_status st = store_set_raci(g->s, g->m, task, sh, (enum raci)c->w);
			if (st != STORE_OK)
				return st;
			g->sum->raci++;
		}
	}
	return STORE_OK;
}

static bool merge(struct store *s, struct model *m, struct import *imp,
		  struct bundle_summary *sum, struct bundle_error *err)
{
	struct merge g = {s, m, imp, sum};
	/* in the order of their references (the workshop names its operator,
	 * a stakeholder); the RACI matrix after the tasks */
	static const int order[] = {ENT_SGOAL, ENT_GOAL,  ENT_STAKEHOLDER, ENT_WORKSHOP,
				    ENT_INDICATOR, ENT_TASK, -1, ENT_COST, ENT_SHARE, ENT_CHECK,
				    ENT_NOTE, ENT_DECISION, ENT_MILESTONE};
	enum store_status st = store_begin_bulk(s, N_("Import CSV bundle"), imp->src->label);
	if (st == STORE_OK) {
		/* every row and every RACI cell the import may write */
		size_t rows = 0;
		for (int f = 0; f < BF_COUNT; f++)
			rows += imp->f[f].n;
		rows += imp->f[BF_RACI].n * imp->f[BF_RACI].ncols;
		store_bulk_expect(s, rows);
	}
	for (size_t i = 0; i < sizeof order / sizeof *order && st == STORE_OK; i++)
		st = order[i] < 0 ? merge_raci(&g) : merge_entities(&g, (enum entity)order[i]);
	if (st == STORE_OK)
		st = store_commit(s, m);
	if (st != STORE_OK) {
		char *msg = store_message(st, store_path(s), s);
		bundle_fail(err, BF_COUNT, 0, 0, NULL, _("the import was undone: %s"), msg);
		free(msg);
		store_rollback(s, m);
		memset(sum, 0, sizeof *sum);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------ entry */

bool bundle_import_summary(struct store *s, struct model *m, const struct bundle_src *src,
			   struct bundle_summary *sum, struct bundle_error *err)
{
	struct bundle_summary local;
	if (!sum)
		sum = &local;
	memset(sum, 0, sizeof *sum);
	memset(err, 0, sizeof *err);
	if (src->is_dir) {
		struct stat st;
		if (stat(src->base, &st) != 0 || !S_ISDIR(st.st_mode)) {
			bundle_fail(err, BF_COUNT, 0, 0, NULL, _("%s is not a folder"), src->base);
			return false;
		}
	}
	struct import imp = {.src = src, .err = err};
	bool ok = true;
	bool any = false;
	for (int f = 0; f < BF_COUNT && ok; f++) {
		if (f == BF_FINDINGS)
			continue; /* written, never read */
		ok = load(&imp, (enum bundle_file)f);
		any = any || imp.f[f].present;
	}
	if (ok && !any) {
		bundle_fail(err, BF_COUNT, 0, 0, NULL,
			    _("%s holds none of the files of a CSV bundle (workshop.csv, "
			      "goals.csv, stakeholders.csv, …)"),
			    src->label);
		ok = false;
	}
	if (ok)
		ok = check_rules(&imp);
	if (ok)
		ok = merge(s, m, &imp, sum, err);
	for (int f = 0; f < BF_COUNT; f++)
		pfile_free(&imp.f[f]);
	return ok;
}

bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err)
{
	return bundle_import_summary(s, m, src, NULL, err);
}
