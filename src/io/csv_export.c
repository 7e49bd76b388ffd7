/* csv_export.c — writing a workshop as a CSV bundle (man/stetig.5).
 *
 * Every cell goes through libcsv's writer (always quoted, inner quotes
 * doubled); records end with CRLF; files start with a UTF-8 BOM. The id
 * columns and the references carry the entities' own ids (stable, never
 * reused) and workshop.csv the workshop's identity, so that importing the
 * bundle into its workshop again updates rows instead of adding twins; an
 * import into an empty workshop keeps the ids, so exporting, importing into
 * a new workshop and exporting again gives the same bytes. */
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

/* The bundle id of a model id: the id itself while the entity exists; 0
 * (an empty cell) for none. */
static long bid(const struct table *t, int64_t id)
{
	if (id <= 0 || table_index(t, id) < 0)
		return 0;
	return (long)id;
}

/* ------------------------------------------------------------ the files */

/* One field of an entity as its cell. */
static void put_field(struct writer *w, const struct model *m, const struct entity_field *f,
		      const void *e)
{
	const void *p = field_at_c(e, f);
	switch (f->type) {
	case FT_TEXT:
	case FT_DATETEXT: w_text(w, *(char *const *)p); break;
	case FT_DATE:
	case FT_TIME: w_str(w, *(char *const *)p); break;
	case FT_WORD: w_word(w, (enum vocab_kind)f->arg, *(const int *)p); break;
	case FT_FLAG: w_word(w, VOCAB_YESNO, *(const bool *)p ? YN_YES : YN_NO); break;
	case FT_INT:
		if (field_optional(f))
			w_ref(w, *(const int *)p);
		else
			w_long(w, *(const int *)p);
		break;
	case FT_REF:
		w_ref(w, bid(model_table(m, (enum entity)f->arg), *(const int64_t *)p));
		break;
	case FT_NUM: w_num(w, *(const double *)p); break;
	case FT_OPTNUM: w_optnum(w, *(const struct optnum *)p); break;
	}
}

/* The rows of an entity's file: its bundle id (the row number) when it
 * has one, then its fields. */
static void put_entities(struct writer *w, const struct model *m, enum entity kind)
{
	const struct entity_desc *d = &entity_descs[kind];
	size_t n;
	const void **rows = model_rows(m, kind, &n);
	for (size_t i = 0; i < n; i++) {
		if (d->csv_id)
			w_long(w, (long)*(const int64_t *)rows[i]);
		for (size_t k = 0; k < d->n; k++)
			put_field(w, m, &d->fields[k], rows[i]);
		w_end(w);
	}
	free(rows);
}

/* The matrix: a row per task (its id and name), a column per stakeholder
 * headed "id: name", so that a person reads names and the import still
 * resolves renamed and equally named stakeholders by id. */
static void put_raci(struct writer *w, const struct model *m)
{
	for (size_t k = 0; k < m->stakeholders.n; k++) {
		const struct stakeholder *sh = MODEL_AT(m->stakeholders, struct stakeholder, k);
		char *name = *sh->name ? text_neutral(sh->name, 0, 200) : xstrdup("");
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%lld", (long long)sh->id);
		if (*name)
			buf_printf(&b, ": %s", name);
		w_str(w, b.data);
		buf_free(&b);
		free(name);
	}
	w_end(w);
	for (size_t i = 0; i < m->tasks.n; i++) {
		const struct task *t = MODEL_AT(m->tasks, struct task, i);
		w_long(w, (long)t->id);
		w_text(w, t->name);
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
		bundle_fail(err, file, 0, 0, NULL, ERR_BUNDLE_WRITE_FOREIGN, dir, name);
		free(name);
		return;
	}
	const char *why = e == ELOOP	 ? err_text(ERR_SYS_SYMLINK)
			  : e == ENOTDIR ? err_text(ERR_SYS_NOT_A_FOLDER)
					 : err_errno_text(e);
	bundle_fail(err, file, 0, 0, NULL, ERR_BUNDLE_WRITE, dir, why);
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
		if (bundle_specs[i].entity >= 0)
			put_entities(&w, m, (enum entity)bundle_specs[i].entity);
		else if (i == BF_RACI)
			put_raci(&w, m);
		else
			put_findings(&w, f);
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
