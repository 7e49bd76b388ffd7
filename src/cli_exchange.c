/* cli_exchange.c — the commands `export` (CSV bundle and council workbook)
 * and `import` (merge a CSV bundle into a workshop). */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_io.h"
#include "findings.h"
#include "i18n.h"
#include "util.h"
#include "xlsx_export.h"

int cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{"xlsx", required_argument, NULL, 'x'},
		{"csv", required_argument, NULL, 'c'},
		{"lang", required_argument, NULL, 'l'},
		{"delimiter", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *xlsx = NULL, *csv = NULL;
	char delim = 0;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'x':
			xlsx = optarg;
			break;
		case 'c':
			csv = optarg;
			break;
		case 'd':
			if (strcmp(optarg, ";") && strcmp(optarg, ","))
				return cli_usage_error(_("unknown delimiter '%s' (use ';' or ',')"),
						       optarg);
			delim = optarg[0];
			break;
		case 'h':
			printf(_("Usage: %s export FILE [--xlsx OUT.xlsx] [--csv DIR] [--lang de|en] "
				 "[--delimiter ';'|',']\n"
				 "Write the council workbook (--xlsx) and/or the CSV bundle (--csv) of "
				 "a workshop.\n"
				 "The CSV bundle is described in stetig(5); German bundles use ';' and "
				 "decimal commas.\n"),
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
	int usage = cli_file_operand(argc, argv, _("'export' needs the name of the workshop file"),
				     &path);
	if (usage)
		return usage;
	if (!xlsx && !csv)
		return cli_usage_error(_("say what to write: --xlsx OUT.xlsx, --csv DIR, or both"));
	struct model m;
	model_init(&m);
	struct store *s = cli_open(path, STORE_READONLY, &m);
	if (!s) {
		model_free(&m);
		return 1;
	}
	/* the files speak the workshop's language unless --lang says otherwise;
	 * the messages here stay in the session's */
	enum lang lang = cli_lang_given() ? i18n_lang() : (enum lang)m.ws.lang;
	/* the exports need only the model: let SQLite's cache go now */
	store_close(s);
	struct findings f;
	findings_compute(&m, &f);
	int rc = 0;
	if (csv) {
		struct bundle_error err;
		if (bundle_export(&m, &f, csv, lang, delim, &err)) {
			for (size_t i = 0; bundle_files[i]; i++) {
				struct buf b;
				buf_init(&b);
				buf_printf(&b, "%s/%s", csv, bundle_files[i]);
				printf(_("Wrote %s\n"), b.data);
				buf_free(&b);
			}
		} else {
			char *text = bundle_error_text(&err);
			cli_error("%s", text);
			free(text);
			rc = 1;
		}
	}
	if (xlsx && rc == 0) {
		char err[1024];
		/* the workbook is the last file written: the workshop can go early */
		if (xlsx_export_release(&m, &f, xlsx, lang, err, sizeof err)) {
			printf(_("Wrote %s\n"), xlsx);
		} else {
			cli_error("%s", err);
			rc = 1;
		}
	}
	findings_free(&f);
	model_free(&m);
	return rc;
}

int cli_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{"csv", required_argument, NULL, 'c'},
		{"lang", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *csv = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			csv = optarg;
			break;
		case 'h':
			printf(_("Usage: %s import FILE --csv DIR\n"
				 "Merge a CSV bundle (as written by 'stetig export --csv') into a "
				 "workshop.\n"
				 "Everything is checked first; on any problem nothing is changed. "
				 "See stetig(5).\n"),
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
	int usage = cli_file_operand(argc, argv, _("'import' needs the name of the workshop file"),
				     &path);
	if (usage)
		return usage;
	if (!csv)
		return cli_usage_error(_("say which bundle to import: --csv DIR"));

	struct model m;
	model_init(&m);
	struct store *s = cli_open(path, STORE_EXCLUSIVE, &m);
	if (!s) {
		model_free(&m);
		return 1;
	}
	struct bundle_src src;
	bundle_src_dir(&src, csv);
	struct bundle_summary sum;
	struct bundle_error err;
	int rc = 0;
	if (bundle_import_summary(s, &m, &src, &sum, &err)) {
		char *text = bundle_summary_text(&sum);
		printf(_("Imported %s into %s. %s\n"), csv, path, text);
		free(text);
	} else {
		char *text = bundle_error_text(&err);
		cli_error(_("nothing was imported from %s: %s"), csv, text);
		free(text);
		rc = 1;
	}
	bundle_src_free(&src);
	store_close(s);
	model_free(&m);
	return rc;
}
