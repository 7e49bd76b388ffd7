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

/* The text of a bundle error as it may reach the terminal: it can quote
 * a cell, and no cell may steer the terminal (str_printable). */
static char *printable_error(const struct bundle_error *err)
{
	char *text = bundle_error_text(err);
	char *safe = str_printable(text);
	free(text);
	return safe;
}

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
	char fit[1024];
	if (xlsx && xlsx_fits(&m, &f, fit, sizeof fit) != ERR_OK) {
		/* refused before anything is written */
		cli_error("%s", fit);
		findings_free(&f);
		model_free(&m);
		return 1;
	}
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
			char *text = printable_error(&err);
			cli_error("%s", text);
			free(text);
			rc = 1;
		}
	}
	if (xlsx && rc == 0) {
		char err[1024];
		/* the workbook is the last file written: the workshop can go early */
		if (xlsx_export_release(&m, &f, xlsx, lang, err, sizeof err) == ERR_OK) {
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
		{"dry-run", no_argument, NULL, 'n'},
		{"replace", no_argument, NULL, 'r'},
		{"lang", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct bundle_options bo = {false, false};
	const char *csv = NULL;
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			csv = optarg;
			break;
		case 'n':
			bo.dry_run = true;
			break;
		case 'r':
			bo.replace = true;
			break;
		case 'h':
			printf(_("Usage: %s import FILE --csv DIR [--dry-run|--replace]\n"
				 "Merge a CSV bundle (as written by 'stetig export --csv') into a "
				 "workshop: rows of this workshop are updated by id, new rows are "
				 "added, a row of another workshop whose name matches an item "
				 "updates it; nothing is doubled.\n"
				 "  --dry-run  check and show what would change; write nothing\n"
				 "  --replace  replace the workshop's content with the bundle's\n"
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
	if (bo.dry_run && bo.replace)
		return cli_usage_error(_("--dry-run and --replace cannot be combined; try "
					 "--replace alone after a dry run"));

	struct model m;
	model_init(&m);
	/* a dry run only reads: the file is never opened for writing */
	struct store *s = cli_open(path, bo.dry_run ? STORE_READONLY : STORE_EXCLUSIVE, &m);
	if (!s) {
		model_free(&m);
		return 1;
	}
	struct bundle_src src;
	bundle_src_dir(&src, csv);
	struct bundle_summary sum;
	struct bundle_error err;
	int rc = 0;
	if (bundle_import_summary(s, &m, &src, &bo, &sum, &err)) {
		char *text = bundle_summary_text(&sum);
		char *dir = str_printable(csv), *file = str_printable(path);
		if (bo.dry_run)
			printf(_("Dry run, nothing was written: importing %s into %s would do "
				 "this:\n%s"),
			       dir, file, text);
		else
			printf(_("Imported %s into %s:\n%s"), dir, file, text);
		free(dir);
		free(file);
		free(text);
		bundle_summary_free(&sum);
	} else {
		char *text = printable_error(&err);
		cli_error(_("nothing was imported from %s: %s"), csv, text);
		free(text);
		rc = 1;
	}
	bundle_src_free(&src);
	store_close(s);
	model_free(&m);
	return rc;
}
