/* cli_check.c — `stetig check FILE`: the findings on the terminal, grouped by
 * step and most severe first, then the readiness per factor; or, with
 * --format tsv, one line per finding for scripts. */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_io.h"
#include "findings.h"
#include "i18n.h"
#include "store.h"
#include "util.h"

enum check_format { FORMAT_TEXT, FORMAT_TSV };

/* The severity tags in front of each line of the text output. */
static const char *const severity_tags[SEV_COUNT] = {N_("GAP"), N_("WARNING"), N_("HINT")};

/* Prints s with spaces padded to width display columns. */
static void print_padded(const char *s, size_t width)
{
	fputs(s, stdout);
	for (size_t n = (size_t)utf8_width(s); n < width; n++)
		putchar(' ');
}

/* Prints text from the workshop as one tab-separated field: tabs and line
 * breaks become spaces, nothing in it (control characters, broken UTF-8)
 * reaches the terminal as it is, and a text a spreadsheet would run as a
 * formula is neutralised the way the CSV bundle does it (the file may be
 * opened in a spreadsheet). */
static void print_field(const char *s)
{
	char *flat = xstrdup(s);
	for (char *p = flat; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	char *safe = str_printable(flat);
	if (csv_needs_neutralising(safe)) {
		char *n = csv_neutralise(safe);
		free(safe);
		safe = n;
	}
	fputs(safe, stdout);
	free(safe);
	free(flat);
}

static void print_tsv(const struct findings *f)
{
	enum lang lang = i18n_lang();
	for (size_t i = 0; i < f->n; i++) {
		const struct finding *x = &f->v[i];
		printf("%s\t%s\t", vocab_word(VOCAB_SEVERITY, x->sev, lang),
		       vocab_word(VOCAB_STEP, x->step, lang));
		print_field(x->item);
		putchar('\t');
		print_field(findings_message(x));
		putchar('\n');
	}
}

static void print_readiness(const struct model *m)
{
	struct readiness r;
	figures_readiness(m, &r);
	size_t width = 0;
	for (int f = 1; f <= FACTOR_COUNT; f++) {
		size_t w = (size_t)utf8_width(vocab_factor_name(f));
		if (w > width)
			width = w;
	}
	printf("%s\n", _("Readiness per factor"));
	for (int f = 1; f <= FACTOR_COUNT; f++) {
		printf("  %1s  ", vocab_factor_number(f));
		print_padded(vocab_factor_name(f), width + 2);
		if (r.factor[f - 1] < 0)
			printf("%s\n", "–");
		else {
			printf(_("%d%%"), (int)(r.factor[f - 1] * 100 + 0.5));
			putchar('\n');
		}
	}
}

/* The findings in the order they are printed: by step, and within a step
 * by the dots the group gave them (most first) when there was a dot vote,
 * else as computed (most severe first). */
struct ranked {
	const struct finding *x;
	int votes;
	size_t pos;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *p = a, *q = b;
	if (p->x->step != q->x->step)
		return p->x->step < q->x->step ? -1 : 1;
	if (p->votes != q->votes)
		return p->votes > q->votes ? -1 : 1;
	return p->pos < q->pos ? -1 : p->pos > q->pos;
}

static struct ranked *rank_findings(const struct model *m, const struct findings *f, bool *voted)
{
	struct ranked *r = xcalloc(f->n ? f->n : 1, sizeof *r);
	*voted = false;
	for (size_t i = 0; i < f->n; i++) {
		const struct finding *x = &f->v[i];
		r[i].x = x;
		r[i].pos = i;
		r[i].votes = x->rule ? model_finding_votes(m, x->rule, x->id) : 0;
		if (r[i].votes > 0)
			*voted = true;
	}
	if (*voted)
		qsort(r, f->n, sizeof *r, ranked_cmp);
	return r;
}

static void print_text(const struct model *m, const struct findings *f)
{
	size_t width = 0;
	for (int s = 0; s < SEV_COUNT; s++) {
		size_t w = (size_t)utf8_width(_(severity_tags[s]));
		if (w > width)
			width = w;
	}
	const char *title = str_empty(m->ws.title) ? _("(untitled workshop)") : m->ws.title;
	char *safe_title = str_printable(title);
	printf(_("Findings for %s"), safe_title);
	free(safe_title);
	putchar('\n');
	bool voted;
	struct ranked *order = rank_findings(m, f, &voted);
	if (voted)
		printf("%s\n", _("Ordered by the group's dot vote within each step: most dots first."));
	int step = -1;
	for (size_t i = 0; i < f->n; i++) {
		const struct finding *x = order[i].x;
		if ((int)x->step != step) {
			step = (int)x->step;
			printf("\n%s\n", vocab_label(VOCAB_STEP, step));
		}
		fputs("  ", stdout);
		print_padded(_(severity_tags[x->sev]), width + 2);
		print_field(x->item);
		fputs(": ", stdout);
		print_field(findings_message(x));
		if (order[i].votes > 0)
			printf(ngettext(" (%d dot)", " (%d dots)", (unsigned long)order[i].votes),
			       order[i].votes);
		putchar('\n');
	}
	free(order);
	if (f->n == 0)
		printf("\n%s\n", _("No findings: nothing in the plan is known to be missing."));
	putchar('\n');
	print_readiness(m);
	unsigned gaps = findings_total(f, SEV_GAP), warnings = findings_total(f, SEV_WARNING),
		 hints = findings_total(f, SEV_HINT);
	struct buf g, w, h;
	buf_init(&g);
	buf_init(&w);
	buf_init(&h);
	buf_printf(&g, ngettext("%u gap", "%u gaps", gaps), gaps);
	buf_printf(&w, ngettext("%u warning", "%u warnings", warnings), warnings);
	buf_printf(&h, ngettext("%u hint", "%u hints", hints), hints);
	putchar('\n');
	printf(_("Summary: %s, %s, %s."), g.data, w.data, h.data);
	putchar('\n');
	buf_free(&g);
	buf_free(&w);
	buf_free(&h);
}

int cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum check_format format = FORMAT_TEXT;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "text"))
				format = FORMAT_TEXT;
			else if (!strcmp(optarg, "tsv"))
				format = FORMAT_TSV;
			else
				return cli_usage_error(_("unknown format '%s' (use text or tsv)"), optarg);
			break;
		case 'h':
			printf(_("Usage: %s check FILE [--lang de|en] [--format text|tsv]\n"
				 "Print the gaps that put the measure's regular operation at risk, and the\n"
				 "readiness per factor. Exit status: 0 no gap or warning, 1 gaps or\n"
				 "warnings, 2 error.\n"),
			       PACKAGE);
			return 0;
		default: {
			int rc = cli_shared_option(c, argv);
			if (rc)
				return rc;
			break;
		}
		}
	}
	const char *path;
	int usage = cli_file_operand(argc, argv, _("'check' needs the name of a workshop file"),
				     &path);
	if (usage)
		return usage;

	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum err st = store_open(path, STORE_READONLY, &m, &s);
	if (st != ERR_OK) {
		char *msg = store_message(st, path, NULL);
		cli_error("%s", msg);
		free(msg);
		model_free(&m);
		return 2;
	}
	store_close(s);

	struct findings f;
	findings_compute(&m, &f);
	if (format == FORMAT_TSV)
		print_tsv(&f);
	else
		print_text(&m, &f);
	int rc = findings_total(&f, SEV_GAP) + findings_total(&f, SEV_WARNING) ? 1 : 0;
	findings_free(&f);
	model_free(&m);
	return rc;
}
