/* test_entities.c — every field of every entity (entities.def) survives
 * every exchange path: saved to the workshop file and loaded again, exported
 * as a CSV bundle and imported into a new workshop, and shown in the
 * council workbook. The test walks the descriptions, so a field added to
 * entities.def is tested without a line here; a path that forgets it fails.
 * The CSV headers are checked against the descriptions too. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_io.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "testutil.h"
#include "util.h"
#include "xlsx_export.h"
#include "xlsx_internal.h"

/* The kinds in the order their references need (check items exist). */
static const enum entity add_order[] = {ENT_SGOAL,	 ENT_GOAL, ENT_STAKEHOLDER, ENT_INDICATOR,
					ENT_TASK,	 ENT_COST, ENT_SHARE,	    ENT_NOTE,
					ENT_DECISION, ENT_MILESTONE, ENT_BLOCK};

/* A distinctive value for every field that is no part of a key; copy 0 or
 * 1 tells the two entities of a kind apart. References point at the other
 * entity's position of their kind (1 - copy). */
static void fill(const struct model *m, enum entity kind, void *e, int copy)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t k = 0; k < d->n; k++) {
		const struct entity_field *f = &d->fields[k];
		void *p = field_at(e, f);
		char text[200];
		if (f->empty == FE_KEY && f->type != FT_REF)
			continue;
		switch (f->type) {
		case FT_TEXT:
			/* the second one looks like a formula (neutralised in the CSV) */
			snprintf(text, sizeof text, "%s%s.%s %d ✓ Wert", copy ? "=" : "", d->prefix,
				 f->name, copy);
			str_set(p, text);
			break;
		case FT_DATETEXT:
			snprintf(text, sizeof text, copy ? "end of %d" : "%d-03-17",
				 2031 + (int)kind);
			str_set(p, text);
			break;
		case FT_TIME:
			str_set(p, copy ? "23:59" : "07:05");
			break;
		case FT_DATE:
			snprintf(text, sizeof text, "%d-%02d-%02d", 2030 + (int)kind,
				 1 + (int)k % 12, 10 + copy);
			str_set(p, text);
			break;
		case FT_WORD:
			*(int *)p = vocab_count((enum vocab_kind)f->arg) - 1 - copy;
			break;
		case FT_FLAG: *(bool *)p = !copy; break;
		case FT_INT:
			*(int *)p = (int)(f->hi - f->lo > 200 ? f->lo + 130 + (long)k : f->hi) - copy;
			break;
		case FT_REF: {
			const struct table *t = model_table(m, (enum entity)f->arg);
			CU_ASSERT_FATAL(t->n >= 2);
			*(int64_t *)p = *(const int64_t *)table_at(t, (size_t)(1 - copy));
			break;
		}
		case FT_NUM: *(double *)p = 37.25 + copy; break;
		case FT_OPTNUM:
			*(struct optnum *)p = (struct optnum){12.5 + (double)k + copy, true};
			break;
		}
	}
}

/* A workshop with two entities of every kind (one check item changed),
 * every field set. */
static struct store *build(const char *path, struct model *m)
{
	struct store *s = NULL;
	CU_ASSERT_FATAL(store_create(path, LANG_EN, NULL, NULL, m, &s) == ERR_OK);
	union entity_any e;
	for (size_t i = 0; i < sizeof add_order / sizeof *add_order; i++)
		for (int copy = 0; copy < 2; copy++) {
			entity_init(add_order[i], &e);
			fill(m, add_order[i], &e, copy);
			CU_ASSERT_EQUAL(store_save_entity(s, m, add_order[i], &e), ERR_OK);
			entity_free(add_order[i], &e);
		}
	/* the workshop after the stakeholders: it names its operator */
	workshop_copy(&e.workshop, &m->ws);
	fill(m, ENT_WORKSHOP, &e, 0);
	CU_ASSERT_EQUAL(store_save_entity(s, m, ENT_WORKSHOP, &e), ERR_OK);
	workshop_free(&e.workshop);
	CU_ASSERT_FATAL(m->checks.n > 0);
	check_copy(&e.check, MODEL_AT(m->checks, struct check_item, m->checks.n - 1));
	fill(m, ENT_CHECK, &e, 0);
	CU_ASSERT_EQUAL(store_save_check(s, m, &e.check), ERR_OK);
	check_free(&e.check);
	return s;
}

/* Every field of a and b is the same (references: the same position). */
static void same(const char *path, enum entity kind, const struct model *ma, const void *a,
		 const struct model *mb, const void *b)
{
	const struct entity_desc *d = &entity_descs[kind];
	for (size_t k = 0; k < d->n; k++) {
		const struct entity_field *f = &d->fields[k];
		const void *pa = field_at_c(a, f), *pb = field_at_c(b, f);
		bool ok;
		switch (f->type) {
		case FT_TEXT:
		case FT_DATETEXT:
		case FT_TIME:
		case FT_DATE: ok = !strcmp(*(char *const *)pa, *(char *const *)pb); break;
		case FT_WORD:
		case FT_INT: ok = *(const int *)pa == *(const int *)pb; break;
		case FT_FLAG: ok = *(const bool *)pa == *(const bool *)pb; break;
		case FT_REF: {
			enum entity t = (enum entity)f->arg;
			ok = table_index(model_table(ma, t), *(const int64_t *)pa) ==
			     table_index(model_table(mb, t), *(const int64_t *)pb);
			break;
		}
		case FT_NUM: ok = *(const double *)pa == *(const double *)pb; break;
		case FT_OPTNUM: {
			const struct optnum *x = pa, *y = pb;
			ok = x->set == y->set && x->v == y->v;
			break;
		}
		default: ok = false;
		}
		if (!ok)
			fprintf(stderr, "\n  %s: %s.%s did not survive\n", path, d->prefix, f->name);
		CU_ASSERT_TRUE(ok);
	}
}

/* Every entity of every kind of a is in b with the same fields. */
static void same_models(const char *path, const struct model *a, const struct model *b)
{
	for (int kind = 0; kind <= ENT_WORKSHOP; kind++) {
		size_t na, nb;
		const void **ra = model_rows(a, (enum entity)kind, &na);
		const void **rb = model_rows(b, (enum entity)kind, &nb);
		CU_ASSERT_EQUAL(na, nb);
		for (size_t i = 0; i < na && i < nb; i++)
			same(path, (enum entity)kind, a, ra[i], b, rb[i]);
		free(ra);
		free(rb);
	}
}

static void test_store_round_trip(void)
{
	const char *path = test_path("fields.stetig");
	struct model m, back;
	model_init(&m);
	model_init(&back);
	store_close(build(path, &m));
	struct store *s = NULL;
	CU_ASSERT_FATAL(store_open(path, 0, &back, &s) == ERR_OK);
	same_models("store", &m, &back);
	store_close(s);
	model_free(&back);
	model_free(&m);
}

static void test_csv_round_trip(void)
{
	struct model m, back;
	model_init(&m);
	model_init(&back);
	store_close(build(test_path("csv-from.stetig"), &m));
	for (int lang = LANG_EN; lang <= LANG_DE; lang++) {
		const char *dir = test_path(lang == LANG_DE ? "bundle-de" : "bundle-en");
		struct bundle_error err;
		CU_ASSERT_FATAL(bundle_export(&m, NULL, dir, (enum lang)lang, 0, &err));
		const char *to = test_path(lang == LANG_DE ? "csv-to-de.stetig" : "csv-to-en.stetig");
		struct store *s = NULL;
		CU_ASSERT_FATAL(store_create(to, LANG_EN, NULL, NULL, &back, &s) == ERR_OK);
		struct bundle_src src;
		bundle_src_dir(&src, dir);
		bool ok = bundle_import(s, &back, &src, &err);
		if (!ok) {
			char *t = bundle_error_text(&err);
			fprintf(stderr, "\n  import: %s\n", t);
			free(t);
		}
		CU_ASSERT_TRUE_FATAL(ok);
		bundle_src_free(&src);
		same_models("csv", &m, &back);
		store_close(s);
	}
	model_free(&back);
	model_free(&m);
}

/* The header line of every entity's file is the description's. */
static void test_csv_headers(void)
{
	struct model m;
	model_init(&m);
	store_close(build(test_path("headers.stetig"), &m));
	for (int lang = LANG_EN; lang <= LANG_DE; lang++) {
		char delim = lang == LANG_DE ? ';' : ',';
		const char *dir = test_path(lang == LANG_DE ? "headers-de" : "headers-en");
		struct bundle_error err;
		CU_ASSERT_FATAL(bundle_export(&m, NULL, dir, (enum lang)lang, delim, &err));
		for (int kind = 0; kind <= ENT_WORKSHOP; kind++) {
			const struct entity_desc *d = &entity_descs[kind];
			struct buf want;
			buf_init(&want);
			buf_adds(&want, "\xEF\xBB\xBF");
			if (d->csv_id)
				buf_printf(&want, "\"id\"%c", delim);
			for (size_t k = 0; k < d->n; k++)
				buf_printf(&want, "\"%s\"%c",
					   lang == LANG_DE ? d->fields[k].de : d->fields[k].en, delim);
			want.data[want.len - 1] = '\r';
			buf_adds(&want, "\n");
			/* the file of a kind: its first line is the header */
			const char *file = NULL;
			for (size_t i = 0; bundle_files[i] && !file; i++) {
				struct buf p;
				buf_init(&p);
				buf_printf(&p, "%s/%s", dir, bundle_files[i]);
				size_t len;
				char *got = test_slurp(p.data, &len);
				if (got && len >= want.len && !memcmp(got, want.data, want.len))
					file = bundle_files[i];
				free(got);
				buf_free(&p);
			}
			if (!file)
				fprintf(stderr, "\n  no file has the header %s", want.data);
			CU_ASSERT_PTR_NOT_NULL(file);
			buf_free(&want);
		}
	}
	model_free(&m);
}

/* The text of every sheet and the shared strings of a workbook. */
static char *workbook_xml(const char *path)
{
	/* Python reads zip files everywhere the exchange tests run */
	const char *py = getenv("PYTHON3");
	struct buf cmd;
	buf_init(&cmd);
	buf_printf(&cmd,
		   "'%s' -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
		   "sys.stdout.buffer.write(b\"\".join(z.read(n) for n in z.namelist() "
		   "if n == \"xl/sharedStrings.xml\" or n.startswith(\"xl/worksheets/sheet\")))' '%s'",
		   py && *py ? py : "python3", path);
	FILE *p = popen(cmd.data, "r");
	buf_free(&cmd);
	if (!p)
		return NULL;
	struct buf out;
	buf_init(&out);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&out, chunk, n);
	pclose(p);
	buf_adds(&out, "");
	return buf_steal(&out);
}

/* Days from 1899-12-30 (the workbook's dates) to y-m-d. */
static long serial_day(int y, int mo, int d)
{
	y -= mo <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 + 25569;
}

static void expect_in(const char *xml, const char *what, const char *entity, const char *field)
{
	bool found = strstr(xml, what) != NULL;
	if (!found)
		fprintf(stderr, "\n  workbook: %s.%s: '%s' missing\n", entity, field, what);
	CU_ASSERT_TRUE(found);
}

/* Every field of every entity with a sheet has its heading and its value
 * in the workbook. */
static void test_workbook(void)
{
	struct model m;
	model_init(&m);
	store_close(build(test_path("book.stetig"), &m));
	const char *path = test_path("book.xlsx");
	char msg[512];
	CU_ASSERT_EQUAL_FATAL(xlsx_export(&m, NULL, path, LANG_EN, msg, sizeof msg), ERR_OK);
	char *xml = workbook_xml(path);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<sst"));
	for (int kind = 0; kind < ENT_COUNT; kind++) {
		const struct entity_desc *d = &entity_descs[kind];
		if (!d->sheet)
			continue; /* no sheet of its own (the agenda's blocks) */
		size_t n;
		const void **rows = model_rows(&m, (enum entity)kind, &n);
		for (size_t k = 0; k < d->n; k++) {
			const struct entity_field *f = &d->fields[k];
			char want[256];
			snprintf(want, sizeof want, ">%s<", _(f->head));
			expect_in(xml, want, d->prefix, f->name);
			for (size_t i = 0; i < n; i++) {
				const void *p = field_at_c(rows[i], f);
				int y, mo, day;
				switch (f->type) {
				case FT_TEXT:
				case FT_DATETEXT:
				case FT_TIME:
				case FT_DATE:
					if (sscanf(*(char *const *)p, "%d-%d-%d", &y, &mo, &day) == 3)
						snprintf(want, sizeof want, "<v>%ld</v>",
							 serial_day(y, mo, day));
					else
						snprintf(want, sizeof want, ">%s<", *(char *const *)p);
					break;
				case FT_WORD:
					snprintf(want, sizeof want, ">%s<",
						 vocab_label((enum vocab_kind)f->arg, *(const int *)p));
					break;
				case FT_FLAG:
					snprintf(want, sizeof want, ">%s<",
						 vocab_label(VOCAB_YESNO, *(const bool *)p ? YN_YES : YN_NO));
					break;
				case FT_INT:
					if (f->fmt == FF_FACTOR)
						snprintf(want, sizeof want, ">%s<",
							 xl_factor_name(*(const int *)p));
					else
						snprintf(want, sizeof want, "<v>%d</v>", *(const int *)p);
					break;
				case FT_REF:
					snprintf(want, sizeof want, ">%s<",
						 model_entity_name(&m, (enum entity)f->arg,
								   *(const int64_t *)p));
					break;
				case FT_NUM:
					snprintf(want, sizeof want, "<v>%g</v>", *(const double *)p);
					break;
				case FT_OPTNUM:
					snprintf(want, sizeof want, "<v>%g</v>",
						 ((const struct optnum *)p)->v);
					break;
				}
				expect_in(xml, want, d->prefix, f->name);
			}
		}
		free(rows);
	}
	free(xml);
	model_free(&m);
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("entities", NULL, NULL);
	ADD_TEST(s, test_store_round_trip);
	ADD_TEST(s, test_csv_round_trip);
	ADD_TEST(s, test_csv_headers);
	ADD_TEST(s, test_workbook);
	return test_run();
}
