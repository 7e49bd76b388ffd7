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
	bool ok = !strcasecmp(t, name);
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
		bool is_de = header_matches(h->cells[i], bc->de);
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
	pf->ncols = sp->n;
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
		pr->c = xcalloc(pf->ncols, sizeof *pr->c);
		for (size_t c = 0; c < sp->n; c++)
			if (!check_cell(imp, pf, row, c, &sp->cols[c], &pr->c[c]))
				return false;
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
	char *data = NULL;
	size_t len = 0;
	int e = imp->src->read(imp->src, bundle_files[which], &data, &len);
	if (e == ENOENT)
		return true;
	if (e) {
		bundle_fail(imp->err, which, 0, 0, NULL, _("cannot read the file: %s"),
			    e == EFBIG ? _("the file is too large") : strerror(e));
		return false;
	}
	if (len >= 2 && (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2))) {
		free(data);
		bundle_fail(imp->err, which, 1, 0, NULL, "%s",
			    _("the file is saved as UTF-16; save it as CSV in UTF-8"));
		return false;
	}
	struct csv_error ce;
	bool ok = csv_table_parse(data, len, CSV_TABLE_COMMENTS | CSV_TABLE_NEUTRALISED, &pf->t,
				  &ce);
	free(data);
	if (!ok) {
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
	if (bundle_specs[which].cols[0].type == COL_ID)
		return index_ids(imp, pf, 0);
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
			const struct pfile *target = &imp->f[sp->cols[c].arg];
			for (size_t r = 0; r < pf->n; r++) {
				const struct pcell *pc = &pf->rows[r].c[c];
				if (!pc->set || find_row(target, pc->i) >= 0)
					continue;
				CELL_FAIL(imp, pf, pf->rows[r].row, c, _("%s has no row with id %ld"),
					  bundle_files[sp->cols[c].arg], pc->i);
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
		v[r] = (struct idref){pf->rows[r].c[0].i, r};
	qsort(v, pf->n, sizeof *v, idref_cmp);
	bool ok = true;
	for (size_t k = 1; k < pf->n && ok; k++)
		if (v[k].id == v[k - 1].id) {
			CELL_FAIL(imp, pf, pf->rows[v[k].row].row, 0,
				  _("task %ld has two rows (also line %zu)"), v[k].id,
				  pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	free(v);
	return ok;
}

struct share_key {
	long cost, stakeholder;
	size_t row;
};

static int share_key_cmp(const void *a, const void *b)
{
	const struct share_key *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	if (x->stakeholder != y->stakeholder)
		return x->stakeholder < y->stakeholder ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Percent in (0, 100]; one share per cost and stakeholder; at most 100 %
 * per cost. */
static bool check_shares(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_SHARES];
	char num[64];
	for (size_t r = 0; r < pf->n; r++) {
		double p = pf->rows[r].c[2].d;
		if (!(p > 0 && p <= 100)) {
			num_format(p, pf->lang == LANG_DE, num);
			CELL_FAIL(imp, pf, pf->rows[r].row, 2,
				  _("%s %% is not a share; write more than 0 and at most 100"), num);
			return false;
		}
	}
	struct share_key *v = xcalloc(pf->n ? pf->n : 1, sizeof *v);
	for (size_t r = 0; r < pf->n; r++)
		v[r] = (struct share_key){pf->rows[r].c[0].i, pf->rows[r].c[1].i, r};
	qsort(v, pf->n, sizeof *v, share_key_cmp);
	bool ok = true;
	for (size_t k = 1; k < pf->n && ok; k++)
		if (v[k].cost == v[k - 1].cost && v[k].stakeholder == v[k - 1].stakeholder) {
			CELL_FAIL(imp, pf, pf->rows[v[k].row].row, 1,
				  _("stakeholder %ld already has a share of cost %ld (line %zu)"),
				  v[k].stakeholder, v[k].cost, pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	/* sums per cost, reported at the row that goes over 100 % */
	for (size_t k = 0; k < pf->n && ok;) {
		size_t end = k;
		double sum = 0;
		size_t worst = v[k].row;
		while (end < pf->n && v[end].cost == v[k].cost) {
			sum += pf->rows[v[end].row].c[2].d;
			if (v[end].row > worst)
				worst = v[end].row;
			end++;
		}
		if (sum > 100 + 1e-9) {
			num_format(sum, pf->lang == LANG_DE, num);
			CELL_FAIL(imp, pf, pf->rows[worst].row, 2,
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
	struct check_key *v = xcalloc(pf->n ? pf->n : 1, sizeof *v);
	bool ok = true;
	for (size_t r = 0; r < pf->n && ok; r++) {
		const struct pcell *c = pf->rows[r].c;
		v[r] = (struct check_key){(int)c[0].i, c[1].w, (int)c[2].i, r};
		if (!catalogue_find(LANG_EN, v[r].factor, v[r].field, v[r].item) &&
		    !catalogue_find(LANG_DE, v[r].factor, v[r].field, v[r].item)) {
			CELL_FAIL(imp, pf, pf->rows[r].row, 2,
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
			CELL_FAIL(imp, pf, pf->rows[v[k].row].row, 2,
				  _("this check item is listed twice (also on line %zu)"),
				  pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	free(v);
	return ok;
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
	pf = &imp->f[BF_GOALS];
	for (size_t r = 0; r < pf->n; r++) {
		const char *tb = pf->rows[r].c[6].s;
		if (looks_like_iso_date(tb) && !date_parse_iso(tb, NULL)) {
			char sh[200];
			CELL_FAIL(imp, pf, pf->rows[r].row, 6,
				  _("'%s' is not a valid date; write dates as YYYY-MM-DD, for "
				    "example 2027-06-30"),
				  shorten(tb, sh));
			return false;
		}
	}
	pf = &imp->f[BF_COSTS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		if (c[3].set && c[3].d < 0) {
			CELL_FAIL(imp, pf, pf->rows[r].row, 3, "%s",
				  _("an amount cannot be negative"));
			return false;
		}
		if (c[4].set && c[5].set && c[5].i < c[4].i) {
			CELL_FAIL(imp, pf, pf->rows[r].row, 5,
				  _("the end year %ld is before the start year %ld"), c[5].i, c[4].i);
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

static enum store_status merge_workshop(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_WORKSHOP];
	if (!pf->present)
		return STORE_OK;
	const struct pcell *c = pf->rows[0].c;
	struct workshop w;
	workshop_copy(&w, &g->m->ws);
	str_set(&w.title, c[0].s);
	str_set(&w.municipality, c[1].s);
	str_set(&w.field, c[2].s);
	str_set(&w.funding_end, c[3].set ? c[3].s : "");
	w.phase = choice(&c[4], w.phase);
	str_set(&w.facilitator, c[5].s);
	str_set(&w.participants, c[6].s);
	w.lang = choice(&c[7], w.lang);
	enum store_status st = store_save_workshop(g->s, g->m, &w);
	workshop_free(&w);
	g->sum->workshop = st == STORE_OK;
	return st;
}

static enum store_status merge_sgoals(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_SGOALS];
	for (size_t r = 0; r < pf->n; r++) {
		struct strategy_goal e = {0, xstrdup(pf->rows[r].c[1].s)};
		enum store_status st = store_save_sgoal(g->s, g->m, &e);
		pf->newid[r] = e.id;
		free(e.title);
		if (st != STORE_OK)
			return st;
		g->sum->sgoals++;
	}
	return STORE_OK;
}

static enum store_status merge_goals(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_GOALS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct goal e;
		goal_init(&e);
		str_set(&e.title, c[1].s);
		str_set(&e.specific, c[2].s);
		str_set(&e.measurable, c[3].s);
		str_set(&e.achievable, c[4].s);
		str_set(&e.relevant, c[5].s);
		str_set(&e.time_bound, c[6].s);
		e.strategy_goal = new_id(&g->imp->f[BF_SGOALS], c[7].i);
		e.status = choice(&c[8], e.status);
		enum store_status st = store_save_goal(g->s, g->m, &e);
		pf->newid[r] = e.id;
		goal_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->goals++;
	}
	return STORE_OK;
}

static enum store_status merge_stakeholders(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_STAKEHOLDERS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct stakeholder e;
		stakeholder_init(&e);
		str_set(&e.name, c[1].s);
		str_set(&e.organisation, c[2].s);
		e.group = choice(&c[3], e.group);
		e.influence = (int)c[4].i;
		e.interest = (int)c[5].i;
		e.attitude = choice(&c[6], e.attitude);
		e.key_person = choice(&c[7], YN_NO) == YN_YES;
		e.temporary = choice(&c[8], YN_NO) == YN_YES;
		str_set(&e.message, c[9].s);
		str_set(&e.channel, c[10].s);
		str_set(&e.cadence, c[11].s);
		enum store_status st = store_save_stakeholder(g->s, g->m, &e);
		pf->newid[r] = e.id;
		stakeholder_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->stakeholders++;
	}
	return STORE_OK;
}

static struct optnum optnum_of(const struct pcell *c)
{
	struct optnum n = {c->set ? c->d : 0, c->set};
	return n;
}

static enum store_status merge_indicators(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_INDICATORS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct indicator e;
		indicator_init(&e);
		e.goal = new_id(&g->imp->f[BF_GOALS], c[1].i);
		str_set(&e.name, c[2].s);
		str_set(&e.unit, c[3].s);
		e.direction = choice(&c[4], e.direction);
		e.baseline = optnum_of(&c[5]);
		str_set(&e.baseline_date, c[6].set ? c[6].s : "");
		e.target = optnum_of(&c[7]);
		str_set(&e.target_date, c[8].set ? c[8].s : "");
		e.latest = optnum_of(&c[9]);
		str_set(&e.latest_date, c[10].set ? c[10].s : "");
		str_set(&e.source, c[11].s);
		str_set(&e.method, c[12].s);
		str_set(&e.frequency, c[13].s);
		e.owner = new_id(&g->imp->f[BF_STAKEHOLDERS], c[14].i);
		enum store_status st = store_save_indicator(g->s, g->m, &e);
		pf->newid[r] = e.id;
		indicator_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->indicators++;
	}
	return STORE_OK;
}

static enum store_status merge_tasks(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_TASKS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct task e;
		task_init(&e);
		str_set(&e.name, c[1].s);
		e.category = choice(&c[2], e.category);
		e.phase = choice(&c[3], e.phase);
		enum store_status st = store_save_task(g->s, g->m, &e);
		pf->newid[r] = e.id;
		task_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->tasks++;
	}
	return STORE_OK;
}

static enum store_status merge_raci(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	for (size_t r = 0; r < pf->n; r++) {
		int64_t task = new_id(&g->imp->f[BF_TASKS], pf->rows[r].c[0].i);
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

static enum store_status merge_costs(struct merge *g)
{
	struct pfile *pf = &g->imp->f[BF_COSTS];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct cost e;
		cost_init(&e);
		str_set(&e.name, c[1].s);
		e.kind = choice(&c[2], e.kind);
		e.amount = c[3].set ? c[3].d : 0;
		e.start_year = c[4].set ? (int)c[4].i : 0;
		e.end_year = c[5].set ? (int)c[5].i : 0;
		enum store_status st = store_save_cost(g->s, g->m, &e);
		pf->newid[r] = e.id;
		cost_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->costs++;
	}
	return STORE_OK;
}

static enum store_status merge_shares(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_SHARES];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct cost_share e = {0, new_id(&g->imp->f[BF_COSTS], c[0].i),
				       new_id(&g->imp->f[BF_STAKEHOLDERS], c[1].i), c[2].d};
		enum store_status st = store_save_share(g->s, g->m, &e);
		if (st != STORE_OK)
			return st;
		g->sum->shares++;
	}
	return STORE_OK;
}

static enum store_status merge_checks(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_CHECK];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct check_item e = {0, (int)c[0].i, c[1].w, (int)c[2].i, c[3].w, NULL};
		const struct check_item *old = model_check(g->m, e.factor, e.field, e.item);
		e.id = old ? old->id : 0;
		e.note = xstrdup(c[4].s);
		enum store_status st = store_save_check(g->s, g->m, &e);
		free(e.note);
		if (st != STORE_OK)
			return st;
		g->sum->checks++;
	}
	return STORE_OK;
}

static enum store_status merge_notes(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_NOTES];
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		struct note e;
		note_init(&e);
		e.kind = choice(&c[0], e.kind);
		str_set(&e.text, c[1].s);
		e.owner = new_id(&g->imp->f[BF_STAKEHOLDERS], c[2].i);
		str_set(&e.due, c[3].set ? c[3].s : "");
		enum store_status st = store_save_note(g->s, g->m, &e);
		note_free(&e);
		if (st != STORE_OK)
			return st;
		g->sum->notes++;
	}
	return STORE_OK;
}

static bool merge(struct store *s, struct model *m, struct import *imp,
		  struct bundle_summary *sum, struct bundle_error *err)
{
	struct merge g = {s, m, imp, sum};
	enum store_status (*const steps[])(struct merge *) = {
		merge_workshop, merge_sgoals, merge_goals, merge_stakeholders, merge_indicators,
		merge_tasks,	merge_raci,   merge_costs, merge_shares,       merge_checks,
		merge_notes,
	};
	enum store_status st = store_begin_bulk(s, N_("Import CSV bundle"), imp->src->label);
	for (size_t i = 0; i < sizeof steps / sizeof *steps && st == STORE_OK; i++)
		st = steps[i](&g);
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
