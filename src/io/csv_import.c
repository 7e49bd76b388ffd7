/* csv_import.c — reading a CSV bundle and merging it into a workshop.
 *
 * Everything is read and checked first (headers, column counts, choice
 * words, numbers, dates, ranges, references between files, duplicates);
 * only a bundle without a single problem is merged, in one transaction that
 * is one undo step. The first problem found is reported with its file, line
 * and column. The merge itself (update by id, match by name, dry run,
 * replace) is in csv_merge.c. */
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

#include "agenda.h"
#include "csv_bundle.h"
#include "csv_import.h"
#include "csv_table.h"
#include "i18n.h"
#include "templates.h"
#include "util.h"

/* ------------------------------------------------------------ helpers */

/* s shortened for a message: at most 40 characters, line breaks shown as
 * spaces. out: 200 bytes. */
const char *import_shorten(const char *s, char out[200])
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

const char *import_col_name(const struct pfile *pf, size_t col)
{
	const struct bundle_spec *sp = &bundle_specs[pf->which];
	/* raci.csv: the task's columns, then the stakeholders' headers */
	size_t own = pf->which == BF_RACI && pf->raci_first ? pf->raci_first : sp->n;
	if (col < own && col < sp->n)
		return pf->lang == LANG_DE ? sp->cols[col].de : sp->cols[col].en;
	if (pf->which == BF_RACI && pf->present && pf->t.n && col < pf->t.rows[0].n)
		return pf->t.rows[0].cells[col];
	return NULL;
}

/* Reports a problem in cell col (0-based) of row. */
#define CELL_FAIL(imp, pf, row, col, ...)                                                   \
	bundle_fail((imp)->err, (pf)->which, (row)->line, (col) + 1, import_col_name(pf, col),    \
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
char *import_trimmed(const char *s)
{
	char *c = xstrdup(s);
	return str_trim(c);
}

static bool blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The German screen labels of every choice (read once, switching the
 * message language for a moment). */
static void de_labels_fill(struct import *imp)
{
	if (imp->de_labels_ready)
		return;
	imp->de_labels_ready = true;
	enum lang was = i18n_lang();
	i18n_set_lang(LANG_DE);
	for (int k = 0; k < VOCAB_COUNT; k++)
		for (int v = 0; v < vocab_count((enum vocab_kind)k) && v < 16; v++)
			imp->de_labels[k][v] = xstrdup(vocab_label((enum vocab_kind)k, v));
	i18n_set_lang(was);
}

/* Looks a choice up: the CSV word in either language (German words may
 * start with a capital umlaut, "Übergang"), or the label the screen and the
 * workbook show ("Kommunales Unternehmen", "Municipal company"), in either
 * language and any case. */
static int choice_lookup(struct import *imp, enum vocab_kind k, const char *s)
{
	char *w = import_trimmed(s);
	int v = vocab_lookup(k, w);
	for (int i = 0; v < 0 && i < vocab_count(k); i++)
		if (text_equal_fold(w, vocab_word(k, i, LANG_DE)) ||
		    text_equal_fold(w, vocab_label_id(k, i)))
			v = i;
	if (v < 0 && *w) {
		de_labels_fill(imp);
		for (int i = 0; v < 0 && i < vocab_count(k) && i < 16; i++)
			if (imp->de_labels[k][i] && text_equal_fold(w, imp->de_labels[k][i]))
				v = i;
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
long import_find_row(const struct pfile *pf, long id)
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

/* Text shaped like a date as a spreadsheet writes one: digits separated
 * by '.', '/' or '-' (30.09.2027, 9/30/27, 30-09-2027), three parts. */
static bool looks_like_date(const char *s)
{
	int parts = 1, digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
		} else if ((*p == '.' || *p == '/' || *p == '-') && digits) {
			parts++;
			digits = 0;
		} else {
			return false;
		}
	}
	return parts == 3 && digits;
}

/* A date cell: YYYY-MM-DD, or DD.MM.YYYY as German spreadsheets save dates
 * (D.M.YYYY too), either also with the time midnight that a spreadsheet
 * adds to a date cell (" 00:00", " 00:00:00"); *cell is replaced by the
 * YYYY-MM-DD form. */
static bool take_date(char **cell)
{
	struct date d;
	char day[32];
	size_t n = strlen(*cell);
	static const char *const midnight[] = {" 00:00:00", " 00:00"};
	snprintf(day, sizeof day, "%s", *cell);
	for (size_t i = 0; i < 2 && n < sizeof day; i++) {
		size_t m = strlen(midnight[i]);
		if (n > m && !strcmp(day + n - m, midnight[i])) {
			day[n - m] = '\0';
			break;
		}
	}
	if (n >= sizeof day || !date_parse(day, &d))
		return false;
	char iso[11];
	date_iso(&d, iso);
	if (strcmp(iso, *cell)) {
		free(*cell);
		*cell = xstrdup(iso);
	}
	return true;
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
			CELL_FAIL(imp, pf, row, col, ERR_BUNDLE_VALUE_NEEDED_CHOICE,
				  word_list((enum vocab_kind)bc->arg, pf->lang, words));
		else
			CELL_FAIL(imp, pf, row, col, ERR_BUNDLE_VALUE_NEEDED);
		return false;
	}
	pc->set = true;
	switch (bc->type) {
	case COL_ID:
	case COL_REF:
		if (!int_parse(raw, 1, LONG_MAX, &pc->i)) {
			CELL_FAIL(imp, pf, row, col,
				  ERR_BUNDLE_NOT_ID,
				  import_shorten(raw, sh));
			return false;
		}
		return true;
	case COL_CHOICE:
		pc->w = choice_lookup(imp, (enum vocab_kind)bc->arg, raw);
		if (pc->w < 0) {
			CELL_FAIL(imp, pf, row, col, ERR_BUNDLE_NOT_CHOICE,
				  import_shorten(raw, sh),
				  word_list((enum vocab_kind)bc->arg, pf->lang, words));
			return false;
		}
		return true;
	case COL_INT:
		if (!int_parse(raw, bc->lo, bc->hi, &pc->i)) {
			CELL_FAIL(imp, pf, row, col,
				  ERR_BUNDLE_INT_RANGE,
				  import_shorten(raw, sh), bc->lo, bc->hi);
			return false;
		}
		return true;
	case COL_NUM: {
		bool ambiguous;
		if (!parse_number(pf, raw, &pc->d, &ambiguous)) {
			if (ambiguous)
				CELL_FAIL(imp, pf, row, col,
					  ERR_BUNDLE_NUM_AMBIGUOUS,
					  import_shorten(raw, sh), pf->lang == LANG_DE ? "1500 / 12,5" : "1500 / 12.5");
			else
				CELL_FAIL(imp, pf, row, col,
					  ERR_BUNDLE_NOT_NUMBER,
					  import_shorten(raw, sh), pf->lang == LANG_DE ? "12,5" : "12.5");
			return false;
		}
		if (fabs(pc->d) >= BUNDLE_NUM_MAX) {
			CELL_FAIL(imp, pf, row, col, ERR_BUNDLE_TOO_LARGE, import_shorten(raw, sh));
			return false;
		}
		if (bc->hi > bc->lo && !(pc->d >= (double)bc->lo && pc->d <= (double)bc->hi)) {
			CELL_FAIL(imp, pf, row, col,
				  ERR_BUNDLE_NUM_RANGE,
				  import_shorten(raw, sh), bc->lo, bc->hi);
			return false;
		}
		return true;
	}
	case COL_DATE: {
		if (!take_date(&row->cells[col])) {
			CELL_FAIL(imp, pf, row, col,
				  ERR_BUNDLE_NOT_DATE,
				  import_shorten(raw, sh));
			return false;
		}
		pc->s = row->cells[col];
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
	char *t = import_trimmed(cell);
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

/* raci.csv: "task", optionally "task_name", then a column per
 * stakeholder headed by its id, "id: name" or its name alone. */
static bool check_header_raci(struct import *imp, struct pfile *pf)
{
	const struct bundle_spec *sp = &bundle_specs[BF_RACI];
	const struct csv_row *h = &pf->t.rows[0];
	size_t width = used_width(h);
	char sh[200];
	const struct bundle_col *task = &sp->cols[0], *name = &sp->cols[1];
	bool task_en = header_matches(h->cells[0], task->en);
	if (!task_en && !header_matches(h->cells[0], task->de)) {
		bundle_fail(imp->err, pf->which, h->line, 1, NULL,
			    ERR_BUNDLE_HEADER_BOTH,
			    import_shorten(h->cells[0], sh), task->en, task->de);
		return false;
	}
	pf->lang = task_en ? LANG_EN : LANG_DE;
	pf->raci_first = 1;
	if (width > 1 && (header_matches(h->cells[1], name->en) ||
			  header_matches(h->cells[1], name->de)))
		pf->raci_first = 2;
	pf->ncols = width < pf->raci_first ? pf->raci_first : width;
	pf->raci_cols = xcalloc(pf->ncols, sizeof *pf->raci_cols);
	pf->raci_rows = xcalloc(pf->ncols, sizeof *pf->raci_rows);
	for (size_t k = pf->raci_first; k < width; k++) {
		char *t = import_trimmed(h->cells[k]);
		size_t digits = strspn(t, "0123456789");
		long id = 0;
		bool ok = true;
		if (digits) {
			char c = t[digits];
			t[digits] = '\0';
			ok = (c == '\0' || c == ':') && int_parse(t, 1, LONG_MAX, &id);
		} else {
			ok = *t != '\0';
		}
		free(t);
		if (!ok) {
			bundle_fail(imp->err, pf->which, h->line, k + 1, NULL,
				    ERR_BUNDLE_HEADER_STAKEHOLDER,
				    import_shorten(h->cells[k], sh));
			return false;
		}
		pf->raci_cols[k] = id;
	}
	return true;
}

static bool check_header(struct import *imp, struct pfile *pf)
{
	if (pf->which == BF_RACI)
		return check_header_raci(imp, pf);
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
				    ERR_BUNDLE_COLUMN_MISSING,
				    de > en ? bc->de : bc->en, b.data);
			buf_free(&b);
			return false;
		}
		bool is_en = header_matches(h->cells[i], bc->en);
		const char *old = bundle_col_de_old(bc);
		bool is_de = header_matches(h->cells[i], bc->de) ||
			     (old && header_matches(h->cells[i], old));
		if (!is_en && !is_de) {
			if (i == 0 && width == 1 && sp->n > 1)
				bundle_fail(imp->err, pf->which, h->line, 1, NULL,
					    ERR_BUNDLE_HEADER_SINGLE,
					    import_shorten(h->cells[0], sh),
					    pf->lang == LANG_DE ? sp->cols[0].de : sp->cols[0].en,
					    pf->lang == LANG_DE ? sp->cols[1].de : sp->cols[1].en);
			else if (!strcmp(bc->en, bc->de))
				bundle_fail(imp->err, pf->which, h->line, i + 1, NULL,
					    ERR_BUNDLE_HEADER,
					    import_shorten(h->cells[i], sh), bc->en);
			else
				bundle_fail(imp->err, pf->which, h->line, i + 1, NULL,
					    ERR_BUNDLE_HEADER_BOTH,
					    import_shorten(h->cells[i], sh), bc->en, bc->de);
			return false;
		}
		if (is_en && !is_de)
			en++;
		if (is_de && !is_en)
			de++;
	}
	pf->lang = de > en ? LANG_DE : LANG_EN;
	pf->ncols = width < sp->n && sp->cols[width].late ? width : sp->n;
	if (width > sp->n) {
		bundle_fail(imp->err, pf->which, h->line, sp->n + 1, NULL,
			    ERR_BUNDLE_COLUMN_EXTRA,
			    import_shorten(h->cells[sp->n], sh), sp->n);
		return false;
	}
	return true;
}

static bool check_rows(struct import *imp, struct pfile *pf)
{
	const struct bundle_spec *sp = &bundle_specs[pf->which];
	/* the cells of the file's own columns (raci.csv: the task's) */
	size_t own = pf->which == BF_RACI ? pf->raci_first : pf->ncols;
	size_t room = pf->ncols > sp->n ? pf->ncols : sp->n;
	pf->rows = xcalloc(pf->t.n, sizeof *pf->rows);
	for (size_t r = 1; r < pf->t.n; r++) {
		const struct csv_row *row = &pf->t.rows[r];
		size_t width = used_width(row);
		if (width == 0)
			continue; /* an empty line, e.g. ";;;" from a spreadsheet */
		/* raci.csv: cells missing at the end of a line are empty */
		if (row->n < pf->ncols && pf->which != BF_RACI) {
			bundle_fail(imp->err, pf->which, row->line, row->n + 1, NULL,
				    ERR_BUNDLE_CELLS, row->n,
				    pf->ncols);
			return false;
		}
		if (width > pf->ncols) {
			char sh[200];
			bundle_fail(imp->err, pf->which, row->line, pf->ncols + 1, NULL,
				    ERR_BUNDLE_CELL_OUTSIDE,
				    import_shorten(row->cells[pf->ncols], sh));
			return false;
		}
		struct prow *pr = &pf->rows[pf->n++];
		pr->row = row;
		pr->c = xcalloc(room, sizeof *pr->c);
		for (size_t c = 0; c < room; c++) {
			pr->c[c].s = "";
			pr->c[c].w = -1;
		}
		for (size_t c = 0; c < own && c < row->n; c++)
			if (!check_cell(imp, pf, row, c, &sp->cols[c], &pr->c[c]))
				return false;
		if (pf->which == BF_RACI) {
			for (size_t c = own; c < pf->ncols && c < row->n; c++) {
				char *t = import_trimmed(row->cells[c]);
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
						  ERR_BUNDLE_NOT_ROLE,
						  import_shorten(row->cells[c], sh));
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
	for (size_t r = 0; r < pf->n; r++)
		pf->ids[r] = (struct idref){pf->rows[r].c[col].i, r};
	qsort(pf->ids, pf->n, sizeof *pf->ids, idref_cmp);
	for (size_t k = 1; k < pf->n; k++) {
		if (pf->ids[k].id != pf->ids[k - 1].id || pf->ids[k].id == 0)
			continue;
		const struct prow *first = &pf->rows[pf->ids[k - 1].row];
		const struct prow *dup = &pf->rows[pf->ids[k].row];
		CELL_FAIL(imp, pf, dup->row, col, ERR_BUNDLE_ID_TWICE,
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
		bundle_fail_csv(imp->err, which, &ce);
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
	pf->newid = xcalloc(pf->n ? pf->n : 1, sizeof *pf->newid);
	pf->plan = xcalloc(pf->n ? pf->n : 1, sizeof *pf->plan);
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
	free(pf->raci_rows);
	free(pf->task_rows);
	free(pf->newid);
	free(pf->plan);
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
				if (!pc->set || import_find_row(target, pc->i) >= 0)
					continue;
				CELL_FAIL(imp, pf, pf->rows[r].row, c, ERR_BUNDLE_NO_ROW_ID,
					  bundle_files[tf], pc->i);
				return false;
			}
		}
	}
	return true;
}

/* The row of file pf (an entity's file) whose name is name, -1 when none,
 * -2 when more than one. */
static long find_named_row(const struct pfile *pf, const char *name)
{
	int kind = bundle_specs[pf->which].entity;
	if (kind < 0 || entity_descs[kind].named < 0 || !*name)
		return -1;
	size_t col = bundle_col_of((enum entity)kind, entity_descs[kind].named);
	long found = -1;
	for (size_t r = 0; r < pf->n; r++) {
		char *t = import_trimmed(pf->rows[r].c[col].s);
		bool eq = text_equal_fold(t, name);
		free(t);
		if (eq) {
			if (found >= 0)
				return -2;
			found = (long)r;
		}
	}
	return found;
}

/* Every column names a stakeholder of stakeholders.csv (by id, or by a
 * name that only one has), every row a task of tasks.csv (by id, or by its
 * name when the id is empty), each only once. */
static bool check_raci(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_RACI];
	if (!pf->present)
		return true;
	const struct pfile *shf = &imp->f[BF_STAKEHOLDERS], *tf = &imp->f[BF_TASKS];
	const struct csv_row *h = &pf->t.rows[0];
	char sh[200];
	for (size_t k = pf->raci_first; k < pf->ncols; k++) {
		long row;
		if (pf->raci_cols[k]) {
			row = import_find_row(shf, pf->raci_cols[k]);
			if (row < 0) {
				bundle_fail(imp->err, BF_RACI, h->line, k + 1, NULL,
					    ERR_BUNDLE_NO_STAKEHOLDER_ID,
					    pf->raci_cols[k]);
				return false;
			}
		} else {
			char *t = import_trimmed(h->cells[k]);
			row = find_named_row(shf, t);
			free(t);
			if (row < 0) {
				bundle_fail(imp->err, BF_RACI, h->line, k + 1, NULL,
					    row == -1 ? ERR_BUNDLE_NO_STAKEHOLDER_NAMED
						      : ERR_BUNDLE_STAKEHOLDER_TWICE_NAMED,
					    import_shorten(h->cells[k], sh));
				return false;
			}
		}
		for (size_t j = pf->raci_first; j < k; j++)
			if (pf->raci_rows[j] == row) {
				bundle_fail(imp->err, pf->which, h->line, k + 1, NULL,
					    ERR_BUNDLE_STAKEHOLDER_TWO_COLUMNS,
					    import_shorten(h->cells[k], sh), j + 1);
				return false;
			}
		pf->raci_rows[k] = row;
	}
	pf->task_rows = xcalloc(pf->n ? pf->n : 1, sizeof *pf->task_rows);
	/* per tasks.csv row, the raci.csv row that names it */
	long *seen = xcalloc(tf->n ? tf->n : 1, sizeof *seen);
	for (size_t t = 0; t < tf->n; t++)
		seen[t] = -1;
	bool ok = true;
	for (size_t r = 0; r < pf->n && ok; r++) {
		const struct pcell *id = &pf->rows[r].c[RACI_TASK_COL];
		long row;
		if (id->set) {
			row = import_find_row(tf, id->i);
			if (row < 0) {
				CELL_FAIL(imp, pf, pf->rows[r].row, RACI_TASK_COL,
					  ERR_BUNDLE_NO_ROW_ID, bundle_files[BF_TASKS], id->i);
				ok = false;
				break;
			}
		} else {
			const char *name = pf->raci_first > 1 ? pf->rows[r].c[1].s : "";
			char *t = import_trimmed(name);
			row = find_named_row(tf, t);
			free(t);
			if (row < 0) {
				CELL_FAIL(imp, pf, pf->rows[r].row, RACI_TASK_COL,
					  row == -2 ? ERR_BUNDLE_TASK_TWICE_NAMED
					  : *name  ? ERR_BUNDLE_NO_TASK_NAMED
						   : ERR_BUNDLE_TASK_NEEDED);
				ok = false;
				break;
			}
		}
		if (seen[row] >= 0) {
			CELL_FAIL(imp, pf, pf->rows[r].row, RACI_TASK_COL,
				  ERR_BUNDLE_TASK_TWO_ROWS,
				  pf->rows[seen[row]].row->line);
			ok = false;
		}
		seen[row] = (long)r;
		pf->task_rows[r] = row;
	}
	free(seen);
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
				  ERR_BUNDLE_NOT_SHARE, num);
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
				  ERR_BUNDLE_SHARE_TWICE,
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
				  ERR_BUNDLE_SHARES_OVER,
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
				  ERR_BUNDLE_NO_CHECK_ITEM,
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
				  ERR_BUNDLE_CHECK_TWICE,
				  pf->rows[v[k - 1].row].row->line);
			ok = false;
		}
	free(v);
	return ok;
}

/* What a cell normaliser made of a trimmed cell text. */
enum cell_norm { CELL_KEEP, CELL_REPLACE, CELL_BAD };

/* Walks every non-empty cell of the fields of type in the bundle: norm gets
 * the trimmed text (which it may replace); CELL_REPLACE stores it in the
 * cell, CELL_BAD refuses the cell with code (its one argument the text). */
static bool normalise_cells(struct import *imp, enum field_type type,
			    enum cell_norm (*norm)(char **t), enum err code)
{
	for (int f = 0; f < BF_COUNT; f++) {
		int kind = bundle_specs[f].entity;
		if (kind < 0)
			continue;
		const struct entity_desc *d = &entity_descs[kind];
		struct pfile *pf = &imp->f[f];
		for (size_t k = 0; k < d->n; k++) {
			if (d->fields[k].type != type)
				continue;
			size_t col = bundle_col_of((enum entity)kind, (int)k);
			for (size_t r = 0; r < pf->n; r++) {
				struct pcell *pc = &pf->rows[r].c[col];
				if (col >= pf->rows[r].row->n || !pc->s || !*pc->s)
					continue;
				char *t = import_trimmed(pc->s);
				switch (norm(&t)) {
				case CELL_KEEP:
					free(t);
					break;
				case CELL_REPLACE: {
					char **cell = &pf->rows[r].row->cells[col];
					free(*cell);
					pc->s = *cell = t;
					break;
				}
				case CELL_BAD: {
					char sh[200];
					CELL_FAIL(imp, pf, pf->rows[r].row, col, code,
						  import_shorten(t, sh));
					free(t);
					return false;
				}
				}
			}
		}
	}
	return true;
}

/* A free text that looks like a date must be a real day, stored as the
 * screen stores it: YYYY-MM-DD. */
static enum cell_norm norm_date_text(char **t)
{
	if (!looks_like_iso_date(*t) && !looks_like_date(*t))
		return CELL_KEEP;
	return take_date(t) ? CELL_REPLACE : CELL_BAD;
}

/* A time of day (HH:MM) is one, stored as the screen stores it ("9:30"
 * becomes "09:30"). */
static enum cell_norm norm_time(char **t)
{
	int minute;
	if (!**t)
		return CELL_KEEP;
	if (!agenda_time_parse(*t, &minute))
		return CELL_BAD;
	free(*t);
	*t = xmalloc(8);
	agenda_time_format(minute, *t, 8);
	return CELL_REPLACE;
}

/* Ranges that involve more than one cell, and the rules of single files. */
static bool check_rules(struct import *imp)
{
	struct pfile *pf = &imp->f[BF_WORKSHOP];
	if (pf->present && pf->n != 1) {
		size_t line = pf->n ? pf->rows[1].row->line : pf->t.rows[0].line;
		bundle_fail(imp->err, BF_WORKSHOP, line, 0, NULL,
			    ERR_BUNDLE_WORKSHOP_LINES,
			    pf->n);
		return false;
	}
	if (!normalise_cells(imp, FT_DATETEXT, norm_date_text, ERR_BUNDLE_NOT_DATE) ||
	    !normalise_cells(imp, FT_TIME, norm_time, ERR_BUNDLE_NOT_TIME))
		return false;
	pf = &imp->f[BF_COSTS];
	const size_t amount = bundle_col_of(ENT_COST, COST_F_amount),
		     start = bundle_col_of(ENT_COST, COST_F_start_year),
		     end = bundle_col_of(ENT_COST, COST_F_end_year);
	for (size_t r = 0; r < pf->n; r++) {
		const struct pcell *c = pf->rows[r].c;
		if (c[amount].set && c[amount].d < 0) {
			CELL_FAIL(imp, pf, pf->rows[r].row, amount,
				  ERR_BUNDLE_NEGATIVE);
			return false;
		}
		if (c[start].set && c[end].set && c[end].i < c[start].i) {
			CELL_FAIL(imp, pf, pf->rows[r].row, end,
				  ERR_BUNDLE_END_BEFORE_START, c[end].i,
				  c[start].i);
			return false;
		}
	}
	return check_shares(imp) && check_checks(imp) && check_raci(imp) && check_refs(imp);
}

/* ------------------------------------------------------------ entry */

bool bundle_import_summary(struct store *s, struct model *m, const struct bundle_src *src,
			   const struct bundle_options *opt, struct bundle_summary *sum,
			   struct bundle_error *err)
{
	static const struct bundle_options plain = {false, false};
	struct bundle_summary local;
	if (!opt)
		opt = &plain;
	if (!sum)
		sum = &local;
	memset(sum, 0, sizeof *sum);
	memset(err, 0, sizeof *err);
	if (src->is_dir) {
		struct stat st;
		if (stat(src->base, &st) != 0 || !S_ISDIR(st.st_mode)) {
			bundle_fail(err, BF_COUNT, 0, 0, NULL, ERR_BUNDLE_NOT_FOLDER, src->base);
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
			    ERR_BUNDLE_NO_FILES,
			    src->label);
		ok = false;
	}
	if (ok)
		ok = check_rules(&imp);
	if (ok)
		ok = import_merge(s, m, &imp, opt, sum, err);
	if (!ok)
		bundle_summary_free(sum);
	for (int f = 0; f < BF_COUNT; f++)
		pfile_free(&imp.f[f]);
	for (int k = 0; k < VOCAB_COUNT; k++)
		for (int v = 0; v < 16; v++)
			free(imp.de_labels[k][v]);
	if (sum == &local)
		bundle_summary_free(sum);
	return ok;
}

bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err)
{
	return bundle_import_summary(s, m, src, NULL, NULL, err);
}
