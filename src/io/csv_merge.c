/* csv_merge.c — merging a checked CSV bundle into a workshop:
 * rows of this workshop update their items by id, rows of another workshop
 * update the item of the same name, new rows are added, and an empty
 * workshop takes the bundle's ids. The merge is planned first (plan_*:
 * per row what it adds or updates, and which columns change) and then
 * carried out (apply_*), so a dry run and the import report the same. */
#include "config.h"
#include "csv_import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "templates.h"
#include "util.h"

/* ------------------------------------------------------------ plan */

struct merge {
	struct store *s;
	struct model *m;    /* the workshop (the plan: as it will be before the rows) */
	struct import *imp;
	struct bundle_summary *sum;
	bool own;	    /* the bundle is this workshop's: rows by id */
	bool fresh;	    /* the workshop is empty: rows keep their ids */
	const char *uid;    /* the bundle's identity ("" when none) */
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

/* The id a bundle row of file pf has (will have) in the workshop: 0 when
 * id is 0 or the row is added without a known id yet. */
static int64_t ref_id(const struct pfile *pf, long id)
{
	if (id <= 0 || !pf->newid)
		return 0;
	long r = import_find_row(pf, id);
	return r < 0 ? 0 : pf->newid[r];
}

/* Sets field f of e from its checked cell. */
static void take_field(const struct merge *g, const struct entity_field *f, void *e,
		       const struct pcell *c)
{
	void *p = field_at(e, f);
	switch (f->type) {
	case FT_TEXT:
	case FT_DATETEXT:
	case FT_TIME: str_set(p, c->s); break;
	case FT_DATE: str_set(p, c->set ? c->s : ""); break;
	case FT_WORD: *(int *)p = choice(c, *(int *)p); break;
	case FT_FLAG: *(bool *)p = choice(c, YN_NO) == YN_YES; break;
	case FT_INT: *(int *)p = (int)c->i; break;
	case FT_REF: *(int64_t *)p = ref_id(&g->imp->f[bundle_file_of[f->arg]], c->i); break;
	case FT_NUM: *(double *)p = c->set ? c->d : 0; break;
	case FT_OPTNUM: *(struct optnum *)p = optnum_of(c); break;
	}
}

/* The workshop's identity is never taken from a bundle, except by an empty
 * workshop (which becomes a copy). */
static bool is_uid(enum entity kind, size_t k)
{
	return kind == ENT_WORKSHOP && k == WORKSHOP_F_uid;
}

/* The entity of row r of kind's file: its fields from the cells, on top of
 * base (the item it updates; the workshop: its current values; NULL: the
 * start values), so that a column an older bundle lacks keeps the item's
 * value; id 0. */
static void row_entity(const struct merge *g, enum entity kind, size_t r, const void *base,
		       union entity_any *e)
{
	const struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	const struct entity_desc *d = &entity_descs[kind];
	if (kind == ENT_WORKSHOP)
		workshop_copy(&e->workshop, &g->m->ws);
	else if (base)
		entity_copy(kind, e, base);
	else
		entity_init(kind, e);
	for (size_t k = 0; k < d->n; k++) {
		size_t col = bundle_col_of(kind, (int)k);
		if (!is_uid(kind, k) && col < pf->ncols)
			take_field(g, &d->fields[k], e, &pf->rows[r].c[col]);
	}
	if (d->has_id)
		*(int64_t *)e = 0;
}

static bool field_equal(const struct entity_field *f, const void *a, const void *b)
{
	const void *x = field_at_c(a, f), *y = field_at_c(b, f);
	switch (f->type) {
	case FT_TEXT:
	case FT_DATETEXT:
	case FT_TIME:
	case FT_DATE: return !strcmp(*(char *const *)x, *(char *const *)y);
	case FT_WORD:
	case FT_INT: return *(const int *)x == *(const int *)y;
	case FT_FLAG: return *(const bool *)x == *(const bool *)y;
	case FT_REF: return *(const int64_t *)x == *(const int64_t *)y;
	case FT_NUM: return *(const double *)x == *(const double *)y;
	case FT_OPTNUM: {
		const struct optnum *u = x, *v = y;
		return u->set == v->set && (!u->set || u->v == v->v);
	}
	}
	return false;
}

/* The fields of row r that differ from the existing item old. A reference
 * to a row that is yet to be added always differs. */
static uint64_t changed_fields(const struct merge *g, enum entity kind, size_t r,
			       const union entity_any *e, const void *old)
{
	const struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	const struct entity_desc *d = &entity_descs[kind];
	uint64_t bits = 0;
	for (size_t k = 0; k < d->n && k < 64; k++) {
		const struct entity_field *f = &d->fields[k];
		if (is_uid(kind, k) || bundle_col_of(kind, (int)k) >= pf->ncols)
			continue; /* never taken from a bundle, or not in this one */
		const struct pcell *c = &pf->rows[r].c[bundle_col_of(kind, (int)k)];
		bool pending = f->type == FT_REF && c->set && *(const int64_t *)field_at_c(e, f) == 0;
		if (pending || !field_equal(f, e, old))
			bits |= (uint64_t)1 << k;
	}
	return bits;
}

/* An existing item of kind with the same key fields as e (cost shares,
 * check items), or NULL. */
static const void *find_by_key(const struct merge *g, enum entity kind, const void *e)
{
	const struct entity_desc *d = &entity_descs[kind];
	struct table *t = model_table(g->m, kind);
	for (size_t i = 0; i < t->n; i++) {
		const void *o = table_at(t, i);
		bool same = true;
		for (size_t k = 0; k < d->n && same; k++)
			if (d->fields[k].empty == FE_KEY)
				same = field_equal(&d->fields[k], e, o);
		if (same)
			return o;
	}
	return NULL;
}

static bool has_key(enum entity kind)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t k = 0; k < d->n; k++)
		if (d->fields[k].empty == FE_KEY)
			return true;
	return false;
}

/* An item of kind with e's name that no earlier row claimed, or NULL. A
 * nameless row of a kind without an id column (a note without text) takes
 * an item that equals it in every field. */
static const void *find_by_name(const struct merge *g, enum entity kind, const void *e,
				const bool *claimed, char *const *names)
{
	const struct entity_desc *d = &entity_descs[kind];
	if (d->named < 0 || !d->has_id)
		return NULL;
	char *want = import_trimmed(*(char *const *)field_at_c(e, &d->fields[d->named]));
	if (!*want && d->csv_id) {
		free(want);
		return NULL;
	}
	const void *hit = NULL;
	struct table *t = model_table(g->m, kind);
	for (size_t i = 0; i < t->n && !hit; i++) {
		const void *o = table_at(t, i);
		if (claimed[i])
			continue;
		if (*want) {
			if (text_equal_fold(want, names[i]))
				hit = o;
		} else {
			bool same = true;
			for (size_t k = 0; k < d->n && same; k++)
				same = field_equal(&d->fields[k], e, o);
			if (same)
				hit = o;
		}
	}
	free(want);
	return hit;
}

/* A line of the summary's details for kind. */
static void detail(struct bundle_summary *sum, enum entity kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void detail(struct bundle_summary *sum, enum entity kind, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b);
	if (sum->details[kind])
		buf_adds(&b, sum->details[kind]);
	free(sum->details[kind]);
	va_list ap;
	va_start(ap, fmt);
	char *line = NULL;
	if (vasprintf(&line, fmt, ap) < 0)
		line = NULL;
	va_end(ap);
	if (line) {
		char *safe = str_printable(line);
		buf_printf(&b, "%s\n", safe);
		free(safe);
		free(line);
	}
	sum->details[kind] = buf_steal(&b);
}

/* The name, in the bundle, of the kind row that reference field f of row r
 * of pf points at ("" when none). */
static const char *bundle_name(const struct merge *g, enum entity kind, const struct pfile *pf,
			       size_t r, int f)
{
	const struct pfile *tf = &g->imp->f[bundle_file_of[kind]];
	long row = import_find_row(tf, pf->rows[r].c[bundle_col_of(ENT_SHARE, f)].i);
	int named = entity_descs[kind].named;
	return row < 0 || named < 0 ? "" : tf->rows[row].c[bundle_col_of(kind, named)].s;
}

/* How a row is named in the details: its name; a check item by its
 * recommendation, a cost share by its cost and partner; else its line. */
static void row_label(const struct merge *g, const struct pfile *pf, enum entity kind, size_t r,
		      const void *e, char out[200])
{
	const struct entity_desc *d = &entity_descs[kind];
	const char *name = d->named >= 0 ? *(char *const *)field_at_c(e, &d->fields[d->named]) : "";
	char sh[200], sh2[200];
	const struct catalogue_item *ci;
	if (*name) {
		/* TRANSLATORS: an item named in the import's report, in the
		   language's quotation marks */
		snprintf(out, 200, _("“%s”"), import_shorten(name, sh));
	} else if (kind == ENT_CHECK &&
		   (ci = catalogue_find(i18n_lang(), ((const struct check_item *)e)->factor,
					((const struct check_item *)e)->field,
					((const struct check_item *)e)->item))) {
		snprintf(out, 200, _("%d.%d “%s”"), ci->factor, ci->item,
			 import_shorten(ci->title, sh));
	} else if (kind == ENT_SHARE && *bundle_name(g, ENT_COST, pf, r, SHARE_F_cost) &&
		   *bundle_name(g, ENT_STAKEHOLDER, pf, r, SHARE_F_stakeholder)) {
		snprintf(out, 200, _("“%s” / “%s”"),
			 import_shorten(bundle_name(g, ENT_COST, pf, r, SHARE_F_cost), sh),
			 import_shorten(bundle_name(g, ENT_STAKEHOLDER, pf, r, SHARE_F_stakeholder),
					sh2));
	} else {
		snprintf(out, 200, _("line %zu"), pf->rows[r].row->line);
	}
}

/* The columns of bits, by their header in the file. out: 512 bytes. */
static const char *changed_names(const struct pfile *pf, enum entity kind, uint64_t bits,
				 char out[512])
{
	const struct entity_desc *d = &entity_descs[kind];
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = 0; k < d->n && k < 64; k++) {
		if (!(bits & ((uint64_t)1 << k)))
			continue;
		const char *name = import_col_name(pf, bundle_col_of(kind, (int)k));
		int n = snprintf(out + len, 512 - len, "%s%s", len ? ", " : "", name ? name : "");
		if (n < 0 || (size_t)n >= 512 - len)
			break;
		len += (size_t)n;
	}
	return out;
}

/* Items named per kind in the summary (the rest are counted). */
#define DETAIL_MAX 50

/* Decides what happens to every row of kind's file, in the order of the
 * references, so that a reference compares with the id it will have. */
static void plan_entities(struct merge *g, enum entity kind)
{
	struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	const struct entity_desc *d = &entity_descs[kind];
	struct table *t = kind == ENT_WORKSHOP ? NULL : model_table(g->m, kind);
	bool *claimed = xcalloc(t && t->n ? t->n : 1, sizeof *claimed);
	/* the names of the items, trimmed once */
	char **names = xcalloc(t && t->n ? t->n : 1, sizeof *names);
	for (size_t i = 0; t && d->named >= 0 && i < t->n; i++)
		names[i] = import_trimmed(
			*(char *const *)field_at_c(table_at(t, i), &d->fields[d->named]));
	size_t hit = 0, shown = 0;
	char label[200], cols[512];
	for (size_t r = 0; r < pf->n; r++) {
		struct plan *pl = &pf->plan[r];
		union entity_any e;
		row_entity(g, kind, r, NULL, &e);
		long bid = d->csv_id ? pf->rows[r].c[BUNDLE_ID_COL].i : 0;
		const void *old = NULL;
		pl->act = ACT_ADD;
		if (kind == ENT_WORKSHOP) {
			old = &g->m->ws;
			pl->act = ACT_UPDATE;
		} else if (has_key(kind)) {
			old = find_by_key(g, kind, &e);
			pl->act = old ? ACT_UPDATE : ACT_ADD;
		} else if (g->fresh) {
			pl->keep = bid > 0;
			pf->newid[r] = bid;
		} else if (g->own && bid > 0 && (old = table_find(t, bid))) {
			pl->act = ACT_UPDATE;
		} else if ((!g->own || !d->csv_id) && d->named >= 0 &&
			   (old = find_by_name(g, kind, &e, claimed, names))) {
			/* rows without an id column (notes) are known by their name */
			pl->act = g->own ? ACT_UPDATE : ACT_MATCH;
		}
		if (old && t) {
			long i = table_index(t, *(const int64_t *)old);
			if (i >= 0 && !claimed[i]) {
				claimed[i] = true;
				hit++;
			}
		}
		if (old) {
			if (kind != ENT_WORKSHOP) {
				/* on top of the item: what the bundle lacks stays */
				entity_free(kind, &e);
				row_entity(g, kind, r, old, &e);
			}
			pl->target = d->has_id ? *(const int64_t *)old : 0;
			pl->changed = changed_fields(g, kind, r, &e, old);
			if (d->has_id)
				pf->newid[r] = pl->target;
			if (!pl->changed && pl->act == ACT_UPDATE)
				pl->act = ACT_SAME;
		}
		row_label(g, pf, kind, r, old && kind != ENT_WORKSHOP ? old : (const void *)&e, label);
		if (kind == ENT_WORKSHOP) {
			g->sum->workshop = pl->changed != 0;
			if (pl->changed)
				detail(g->sum, kind, _("changed: %s"),
				       changed_names(pf, kind, pl->changed, cols));
		} else {
			static const enum bundle_how how[] = {
				[ACT_ADD] = BUNDLE_ADDED, [ACT_UPDATE] = BUNDLE_UPDATED,
				[ACT_MATCH] = BUNDLE_MATCHED, [ACT_SAME] = BUNDLE_UNCHANGED};
			g->sum->n[kind][how[pl->act]]++;
			bool named = pl->act != ACT_SAME && ++shown <= DETAIL_MAX;
			if (named && pl->act == ACT_ADD)
				detail(g->sum, kind, _("  added: %s"), label);
			else if (named && pl->act == ACT_UPDATE)
				detail(g->sum, kind, _("  updated: %s (%s)"), label,
				       changed_names(pf, kind, pl->changed, cols));
			else if (named && pl->changed)
				detail(g->sum, kind, _("  matched by name: %s (%s)"), label,
				       changed_names(pf, kind, pl->changed, cols));
			else if (named)
				detail(g->sum, kind, _("  matched by name: %s (no change)"), label);
		}
		entity_free(kind, &e);
	}
	if (shown > DETAIL_MAX)
		detail(g->sum, kind, _("  … and %zu more"), shown - DETAIL_MAX);
	if (t)
		g->sum->n[kind][BUNDLE_LEFT] = t->n - hit;
	for (size_t i = 0; t && i < t->n; i++)
		free(names[i]);
	free(names);
	free(claimed);
}

/* The workshop id of row r's task and of column k's stakeholder (0: to be
 * added). */
static int64_t raci_task(const struct merge *g, size_t r)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	return g->imp->f[BF_TASKS].newid[pf->task_rows[r]];
}

static int64_t raci_stakeholder(const struct merge *g, size_t k)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	return g->imp->f[BF_STAKEHOLDERS].newid[pf->raci_rows[k]];
}

/* Every cell of the matrix sets its task's role of its stakeholder; an
 * empty cell clears it. */
static void plan_raci(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	for (size_t r = 0; r < pf->n; r++) {
		int64_t task = raci_task(g, r);
		for (size_t k = pf->raci_first; k < pf->ncols; k++) {
			const struct pcell *c = &pf->rows[r].c[k];
			int64_t sh = raci_stakeholder(g, k);
			enum raci want = c->set ? (enum raci)c->w : RACI_NONE;
			enum raci have = task && sh ? model_raci_get(g->m, task, sh) : RACI_NONE;
			int how = want == have		? RACI_SAME
				  : have == RACI_NONE ? RACI_SET
				  : want == RACI_NONE ? RACI_CLEARED
						      : RACI_CHANGED;
			if (want != RACI_NONE || have != RACI_NONE)
				g->sum->raci[how]++;
		}
	}
}

/* The shares of a cost the workshop has already, after the import (those
 * of the bundle and those it leaves alone), add up to at most 100 %. */
static bool plan_check_shares(const struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_SHARES];
	const struct pfile *cf = &g->imp->f[BF_COSTS], *sf = &g->imp->f[BF_STAKEHOLDERS];
	const size_t cc = bundle_col_of(ENT_SHARE, SHARE_F_cost),
		     sc = bundle_col_of(ENT_SHARE, SHARE_F_stakeholder),
		     pc = bundle_col_of(ENT_SHARE, SHARE_F_percent);
	int64_t *cost = xcalloc(pf->n ? pf->n : 1, sizeof *cost);
	int64_t *sh = xcalloc(pf->n ? pf->n : 1, sizeof *sh);
	for (size_t r = 0; r < pf->n; r++) {
		cost[r] = ref_id(cf, pf->rows[r].c[cc].i);
		sh[r] = ref_id(sf, pf->rows[r].c[sc].i);
	}
	bool ok = true;
	for (size_t r = 0; r < pf->n && ok; r++) {
		bool seen = !cost[r]; /* a new cost has only the bundle's shares */
		for (size_t q = 0; q < r && !seen; q++)
			seen = cost[q] == cost[r];
		if (seen)
			continue;
		double sum = 0;
		size_t last = r;
		for (size_t q = r; q < pf->n; q++)
			if (cost[q] == cost[r]) {
				sum += pf->rows[q].c[pc].d;
				last = q;
			}
		for (size_t i = 0; i < g->m->shares.n; i++) {
			const struct cost_share *o = MODEL_AT(g->m->shares, struct cost_share, i);
			bool named = false;
			for (size_t q = r; q < pf->n && !named && o->cost == cost[r]; q++)
				named = cost[q] == cost[r] && sh[q] == o->stakeholder;
			if (o->cost == cost[r] && !named)
				sum += o->percent;
		}
		if (sum > 100 + 1e-9) {
			char num[64];
			num_format(sum, pf->lang == LANG_DE, num);
			bundle_fail(g->imp->err, BF_SHARES, pf->rows[last].row->line, pc + 1,
				    import_col_name(pf, pc),
				    ERR_BUNDLE_SHARES_OVER_MERGED,
				    pf->rows[last].c[cc].i, num);
			ok = false;
		}
	}
	free(cost);
	free(sh);
	return ok;
}

/* The entity kinds in the order of their references (a kind after every
 * kind it refers to; the workshop, which names its operator, after the
 * stakeholders), the workshop (ENT_WORKSHOP = ENT_COUNT) among them. */
static size_t merge_order(int order[ENT_COUNT + 1])
{
	bool done[ENT_COUNT + 1] = {false};
	size_t n = 0;
	while (n < ENT_COUNT + 1) {
		size_t before = n;
		for (int k = 0; k <= ENT_COUNT; k++) {
			if (done[k])
				continue;
			const struct entity_desc *d = &entity_descs[k];
			bool ready = true;
			for (size_t f = 0; f < d->n && ready; f++)
				if (d->fields[f].type == FT_REF && d->fields[f].arg != k)
					ready = done[d->fields[f].arg];
			if (ready) {
				done[k] = true;
				order[n++] = k;
			}
		}
		if (n == before)
			break; /* a cycle: entities.def never makes one */
	}
	return n;
}

/* ------------------------------------------------------------ apply */

static enum err apply_row(struct merge *g, enum entity kind, size_t r)
{
	struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	const struct entity_desc *d = &entity_descs[kind];
	struct plan *pl = &pf->plan[r];
	if (pl->act == ACT_SAME || ((pl->act == ACT_MATCH || pl->act == ACT_UPDATE) && !pl->changed &&
				    !(kind == ENT_WORKSHOP && g->fresh && *g->uid)))
		return ERR_OK;
	/* an update goes on top of the item it updates */
	const void *base = NULL;
	union entity_any e;
	if (pl->act != ACT_ADD && kind != ENT_WORKSHOP) {
		if (has_key(kind)) {
			row_entity(g, kind, r, NULL, &e);
			base = find_by_key(g, kind, &e);
			entity_free(kind, &e);
		} else {
			base = table_find(model_table(g->m, kind), pl->target);
		}
	}
	row_entity(g, kind, r, base, &e);
	if (kind == ENT_WORKSHOP && g->fresh && *g->uid)
		str_set(&e.workshop.uid, g->uid);
	if (d->has_id)
		*(int64_t *)&e = pl->act == ACT_ADD ? (pl->keep ? pf->newid[r] : 0) : pl->target;
	enum err st = pl->keep ? store_insert_entity(g->s, g->m, kind, &e)
					: store_save_entity(g->s, g->m, kind, &e);
	if (st == ERR_OK && d->has_id)
		pf->newid[r] = *(int64_t *)&e;
	entity_free(kind, &e);
	return st;
}

/* Whether row r goes in the first pass: a row that keeps its id (an id
 * made for a row without one never takes an id the bundle still needs); a
 * cost share that shrinks or stays (so that the shares of a cost never add
 * up to more than 100 % on the way, when one shrinks and another grows). */
static bool first_pass(const struct merge *g, enum entity kind, size_t r)
{
	const struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	if (kind != ENT_SHARE)
		return pf->plan[r].keep;
	if (pf->plan[r].act == ACT_ADD)
		return false;
	union entity_any e;
	row_entity(g, kind, r, NULL, &e);
	const struct cost_share *old = find_by_key(g, kind, &e);
	bool shrinks = old && e.share.percent <= old->percent;
	entity_free(kind, &e);
	return shrinks;
}

static enum err apply_entities(struct merge *g, enum entity kind)
{
	struct pfile *pf = &g->imp->f[bundle_file_of[kind]];
	bool *first = xcalloc(pf->n ? pf->n : 1, sizeof *first);
	for (size_t r = 0; r < pf->n; r++)
		first[r] = first_pass(g, kind, r);
	enum err st = ERR_OK;
	for (int pass = 0; pass < 2 && st == ERR_OK; pass++)
		for (size_t r = 0; r < pf->n && st == ERR_OK; r++)
			if (first[r] == (pass == 0))
				st = apply_row(g, kind, r);
	free(first);
	return st;
}

static enum err apply_raci(struct merge *g)
{
	const struct pfile *pf = &g->imp->f[BF_RACI];
	for (size_t r = 0; r < pf->n; r++) {
		int64_t task = raci_task(g, r);
		for (size_t k = pf->raci_first; k < pf->ncols; k++) {
			const struct pcell *c = &pf->rows[r].c[k];
			int64_t sh = raci_stakeholder(g, k);
			enum raci want = c->set ? (enum raci)c->w : RACI_NONE;
			if (!task || !sh || model_raci_get(g->m, task, sh) == want)
				continue;
			enum err st = store_set_raci(g->s, g->m, task, sh, want);
			if (st != ERR_OK)
				return st;
		}
	}
	return ERR_OK;
}

/* Whether the plan changes anything at all (an import that does not is
 * no undo step and leaves the file as it was). */
static bool merge_changes(const struct merge *g, const struct bundle_summary *sum)
{
	if (sum->replace || sum->workshop || (g->fresh && *g->uid && !g->own))
		return true;
	if (sum->raci[RACI_SET] || sum->raci[RACI_CHANGED] || sum->raci[RACI_CLEARED])
		return true;
	for (int f = 0; f < BF_COUNT; f++)
		for (size_t r = 0; bundle_specs[f].entity >= 0 && r < g->imp->f[f].n; r++) {
			const struct plan *pl = &g->imp->f[f].plan[r];
			if (pl->act == ACT_ADD || (pl->act != ACT_SAME && pl->changed))
				return true;
		}
	return false;
}

/* The number of items in m (not the check items, which are never removed). */
static size_t model_items(const struct model *m)
{
	size_t n = 0;
	for (int k = 0; k < ENT_COUNT; k++)
		if (k != ENT_CHECK)
			n += model_table(m, (enum entity)k)->n;
	return n;
}

/* A model like m with its content removed: what --replace starts from. */
static void model_emptied(const struct model *m, struct model *out)
{
	model_init(out);
	model_set_workshop(out, &m->ws);
	for (size_t i = 0; i < m->checks.n; i++) {
		struct check_item c;
		check_copy(&c, MODEL_AT(m->checks, struct check_item, i));
		c.status = CHECK_OPEN;
		str_set(&c.note, "");
		model_put_check(out, &c);
		check_free(&c);
	}
}

bool import_merge(struct store *s, struct model *m, struct import *imp,
		  const struct bundle_options *opt, struct bundle_summary *sum,
		  struct bundle_error *err)
{
	struct model base;
	bool replace = opt->replace;
	if (replace)
		model_emptied(m, &base);
	struct merge g = {s, replace ? &base : m, imp, sum, false, false, ""};
	const struct pfile *wf = &imp->f[BF_WORKSHOP];
	if (wf->present && wf->n == 1)
		g.uid = wf->rows[0].c[bundle_col_of(ENT_WORKSHOP, WORKSHOP_F_uid)].s;
	char *uid = import_trimmed(g.uid);
	g.uid = uid;
	g.own = *uid && !strcmp(uid, m->ws.uid);
	g.fresh = model_items(g.m) == 0;
	sum->own = g.own;
	sum->copy = g.fresh;
	sum->replace = replace;
	sum->dry_run = opt->dry_run;
	if (replace)
		sum->removed = model_items(m);

	int order[ENT_COUNT + 1];
	size_t n = merge_order(order);
	for (size_t i = 0; i < n; i++)
		plan_entities(&g, (enum entity)order[i]);
	if (imp->f[BF_RACI].present)
		plan_raci(&g);
	bool ok = plan_check_shares(&g);
	if (replace)
		model_free(&base);
	g.m = m;
	sum->changes = merge_changes(&g, sum);
	if (ok && !opt->dry_run && sum->changes) {
		/* ids that only get known while adding */
		for (int f = 0; f < BF_COUNT; f++)
			for (size_t r = 0; bundle_specs[f].entity >= 0 && r < imp->f[f].n; r++)
				if (imp->f[f].plan[r].act == ACT_ADD && !imp->f[f].plan[r].keep)
					imp->f[f].newid[r] = 0;
		enum err st =
			store_begin_bulk(s, N_("Import CSV bundle"), imp->src->label);
		if (st == ERR_OK) {
			/* every row and every RACI cell the import may write */
			size_t rows = 0;
			for (int f = 0; f < BF_COUNT; f++)
				rows += imp->f[f].n;
			rows += imp->f[BF_RACI].n * imp->f[BF_RACI].ncols;
			store_bulk_expect(s, rows);
		}
		if (st == ERR_OK && replace)
			st = store_clear_content(s, m);
		for (size_t i = 0; i < n && st == ERR_OK; i++)
			st = apply_entities(&g, (enum entity)order[i]);
		if (st == ERR_OK && imp->f[BF_RACI].present)
			st = apply_raci(&g);
		if (st == ERR_OK)
			st = store_commit(s, m);
		if (st != ERR_OK) {
			char *msg = store_message(st, store_path(s), s);
			bundle_fail(err, BF_COUNT, 0, 0, NULL, ERR_BUNDLE_UNDONE, msg);
			free(msg);
			store_rollback(s, m);
			ok = false;
		}
	}
	free(uid);
	return ok;
}

void bundle_summary_free(struct bundle_summary *sum)
{
	for (int k = 0; k <= ENT_COUNT; k++)
		free(sum->details[k]);
	memset(sum, 0, sizeof *sum);
}
