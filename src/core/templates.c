/* templates.c — embedded data: the check catalogue and measure templates. */
#include "config.h"
#include "templates.h"

#include <stdlib.h>
#include <string.h>

#include "csv_table.h"
#include "util.h"

const struct embedded_file *templates_file(const char *name)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

static struct catalogue catalogues[LANG_COUNT];
static bool loaded[LANG_COUNT];

static void catalogue_free(struct catalogue *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].title);
		free(c->v[i].guidance);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* Parses "<lang>/check.csv": factor, field, item, title, guidance. */
static bool catalogue_parse(enum lang lang, struct catalogue *c)
{
	const struct embedded_file *f = templates_file(lang == LANG_DE ? "de/check.csv"
								       : "en/check.csv");
	if (!f)
		return false;
	struct csv_table t;
	struct csv_error err;
	if (!csv_table_parse(f->data, f->len, CSV_TABLE_COMMENTS, &t, &err))
		return false;
	bool ok = t.n > 1;
	c->v = xcalloc(t.n, sizeof *c->v);
	for (size_t r = 1; r < t.n && ok; r++) {
		const struct csv_row *row = &t.rows[r];
		long factor, item;
		int field = row->n == 5 ? vocab_lookup(VOCAB_FIELD, row->cells[1]) : -1;
		if (field < 0 || !int_parse(row->cells[0], 1, FACTOR_COUNT, &factor) ||
		    !int_parse(row->cells[2], 1, 99, &item)) {
			ok = false;
			break;
		}
		struct catalogue_item *it = &c->v[c->n++];
		it->factor = (int)factor;
		it->field = field;
		it->item = (int)item;
		it->title = xstrdup(row->cells[3]);
		it->guidance = xstrdup(row->cells[4]);
	}
	csv_table_free(&t);
	if (!ok)
		catalogue_free(c);
	return ok;
}

const struct catalogue *catalogue_get(enum lang lang)
{
	if (lang < 0 || lang >= LANG_COUNT)
		return NULL;
	if (!loaded[lang]) {
		loaded[lang] = true;
		catalogue_parse(lang, &catalogues[lang]);
	}
	return catalogues[lang].n ? &catalogues[lang] : NULL;
}

const struct catalogue_item *catalogue_find(enum lang lang, int factor, int field, int item)
{
	const struct catalogue *c = catalogue_get(lang);
	if (!c)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].factor == factor && c->v[i].field == field && c->v[i].item == item)
			return &c->v[i];
	return NULL;
}

void catalogue_release(void)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		catalogue_free(&catalogues[l]);
		loaded[l] = false;
	}
}
