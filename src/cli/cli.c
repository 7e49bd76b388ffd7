/* cli.c — the commands `new` and `templates`, and what all commands share. */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_io.h"
#include "csv_table.h"
#include "i18n.h"
#include "templates.h"
#include "util.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", PACKAGE);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return 2;
}

/* Whether --lang was given on this command line. */
static bool lang_given;

bool cli_set_lang(const char *arg)
{
	int l = i18n_parse_lang(arg);
	if (l < 0)
		return false;
	i18n_set_lang((enum lang)l);
	lang_given = true;
	return true;
}

bool cli_lang_given(void)
{
	return lang_given;
}

int cli_shared_option(int c, char **argv)
{
	switch (c) {
	case 'l':
		if (!cli_set_lang(optarg))
			return cli_usage_error(_("unknown language '%s' (use de or en)"), optarg);
		return 0;
	case ':':
		return cli_usage_error(_("option '%s' needs a value"), argv[optind - 1]);
	default:
		return cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
	}
}

int cli_file_operand(int argc, char **argv, const char *missing, const char **path)
{
	if (optind >= argc)
		return cli_usage_error("%s", missing);
	if (optind + 1 < argc)
		return cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	*path = argv[optind];
	return 0;
}

struct store *cli_open(const char *path, int flags, struct model *m)
{
	struct store *s = NULL;
	enum err st = store_open(path, flags, m, &s);
	if (st != ERR_OK) {
		char *msg = store_message(st, path, NULL);
		cli_error("%s", msg);
		free(msg);
		return NULL;
	}
	return s;
}

/* ------------------------------------------------------------ templates */

size_t cli_templates_list(enum lang lang, struct template_info **out)
{
	*out = NULL;
	const struct embedded_file *f = templates_file(lang == LANG_DE ? "de/index.csv"
								       : "en/index.csv");
	if (!f)
		return 0;
	struct csv_table t;
	struct csv_error err;
	if (!csv_table_parse(f->data, f->len, CSV_TABLE_COMMENTS, &t, &err))
		return 0;
	size_t n = 0;
	struct template_info *v = xcalloc(t.n ? t.n : 1, sizeof *v);
	for (size_t r = 1; r < t.n; r++) {
		if (t.rows[r].n < 3)
			continue;
		v[n].name = xstrdup(t.rows[r].cells[0]);
		v[n].title = xstrdup(t.rows[r].cells[1]);
		v[n].description = xstrdup(t.rows[r].cells[2]);
		n++;
	}
	csv_table_free(&t);
	*out = v;
	return n;
}

void cli_templates_free(struct template_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].title);
		free(v[i].description);
	}
	free(v);
}

static bool template_exists(const char *name, enum lang lang)
{
	if (!name || !*name || strchr(name, '/') || strchr(name, '.'))
		return false;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s/workshop.csv", lang == LANG_DE ? "de" : "en", name);
	bool ok = templates_file(b.data) != NULL;
	buf_free(&b);
	return ok;
}

int cli_templates(int argc, char **argv)
{
	static const struct option opts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf(_("Usage: %s templates [--lang de|en]\n"
				 "List the measure templates for 'stetig new --template NAME'.\n"),
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
	if (optind < argc)
		return cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	struct template_info *v;
	size_t n = cli_templates_list(i18n_lang(), &v);
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i].name) > w)
			w = strlen(v[i].name);
	for (size_t i = 0; i < n; i++)
		printf("%-*s  %s — %s\n", (int)w, v[i].name, v[i].title, v[i].description);
	cli_templates_free(v, n);
	return 0;
}

/* ------------------------------------------------------------ new */

struct create_ctx {
	const char *tmpl;
	enum lang lang;
	const char *title, *municipality;
	bool failed;
};

static int populate(struct store *s, struct model *m, void *user)
{
	struct create_ctx *ctx = user;
	if (ctx->tmpl) {
		struct bundle_src src;
		struct buf prefix;
		buf_init(&prefix);
		buf_printf(&prefix, "%s/%s/", ctx->lang == LANG_DE ? "de" : "en", ctx->tmpl);
		bundle_src_embedded(&src, prefix.data);
		buf_free(&prefix);
		struct bundle_error err;
		bool ok = bundle_import(s, m, &src, &err);
		bundle_src_free(&src);
		if (!ok) {
			char *text = bundle_error_text(&err);
			cli_error(_("the template '%s' is broken: %s"), ctx->tmpl, text);
			free(text);
			ctx->failed = true;
			return 1;
		}
	}
	struct workshop w;
	workshop_copy(&w, &m->ws);
	w.lang = ctx->lang;
	if (ctx->title)
		str_set(&w.title, ctx->title);
	if (ctx->municipality)
		str_set(&w.municipality, ctx->municipality);
	enum err st = store_save_workshop(s, m, &w);
	workshop_free(&w);
	if (st != ERR_OK) {
		char *msg = store_message(st, store_path(s), s);
		cli_error("%s", msg);
		free(msg);
		ctx->failed = true;
		return 1;
	}
	return 0;
}

bool cli_create_workshop(const char *path, const char *tmpl, enum lang lang, const char *title,
			 const char *municipality)
{
	struct create_ctx ctx = {tmpl, lang, title, municipality, false};
	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum err st = store_create(path, lang, populate, &ctx, &m, &s);
	if (st != ERR_OK && !ctx.failed) {
		char *msg = store_message(st, path, NULL);
		cli_error("%s", msg);
		free(msg);
	}
	store_close(s);
	model_free(&m);
	return st == ERR_OK;
}

int cli_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{"template", required_argument, NULL, 't'},
		{"title", required_argument, NULL, 'T'},
		{"municipality", required_argument, NULL, 'm'},
		{"lang", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *tmpl = NULL, *title = NULL, *municipality = NULL;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			tmpl = optarg;
			break;
		case 'T':
			title = optarg;
			break;
		case 'm':
			municipality = optarg;
			break;
		case 'h':
			printf(_("Usage: %s new FILE [--template NAME] [--title T] [--municipality M] "
				 "[--lang de|en]\n"
				 "Create a new workshop file, empty or from a measure template.\n"),
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
	int usage = cli_file_operand(argc, argv, _("'new' needs the name of the file to create"),
				     &path);
	if (usage)
		return usage;
	enum lang lang = i18n_lang();
	if (tmpl && !template_exists(tmpl, lang)) {
		cli_error(_("unknown template '%s'; 'stetig templates' lists them"), tmpl);
		return 1;
	}
	const char *texts[] = {title, municipality};
	for (size_t i = 0; i < 2; i++) {
		if (texts[i] && (!utf8_valid(texts[i], strlen(texts[i]), NULL) ||
				 utf8_chars(texts[i]) > TEXT_MAX_CHARS)) {
			cli_error(_("the text '%s' is not valid UTF-8 or too long"),
				  i ? "--municipality" : "--title");
			return 1;
		}
	}
	if (!cli_create_workshop(path, tmpl, lang, title, municipality))
		return 1;
	printf(_("Created %s\n"), path);
	return 0;
}
