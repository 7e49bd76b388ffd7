/* main.c — the command line: dispatch to a command or the full-screen UI. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "store.h"
#include "templates.h"
#include "ui.h"
#include "util.h"

static void print_help(void)
{
	printf(_("Usage: %s [FILE]\n"
		 "  or:  %s COMMAND FILE [OPTION]...\n"
		 "Plan how a Smart-City measure moves from its funded pilot into regular\n"
		 "operation: SMART goals, indicators, stakeholders, responsibilities, costs,\n"
		 "and the gaps that make such measures fail.\n"
		 "\n"),
	       PACKAGE, PACKAGE);
	printf(_("Commands:\n"
		 "  (none) [FILE]        open FILE on the workshop screen (created if missing);\n"
		 "                       without FILE the last workshop or a new one\n"
		 "  new FILE             create a workshop  [--template NAME] [--title T]\n"
		 "                       [--municipality M]\n"
		 "  export FILE          write exports  [--xlsx OUT.xlsx] [--csv DIR]\n"
		 "                       [--delimiter ';'|',']\n"
		 "  import FILE --csv DIR  merge a CSV bundle (as written by export) into FILE:\n"
		 "                       update, never duplicate  [--dry-run|--replace]\n"
		 "  check FILE           print the findings; exit 1 if there is a gap or a\n"
		 "                       warning (hints do not count), 2 on error\n"
		 "                       [--format text|tsv]\n"
		 "  templates            list the measure templates\n"
		 "\n"));
	printf(_("Options:\n"
		 "      --lang de|en     language of messages and exports (every command)\n"
		 "      --demo           open a demo workshop that shows every step\n"
		 "      --theme projector|plain  colours of the screen (NO_COLOR is respected)\n"
		 "      --keys FILE      play the keys in FILE instead of the keyboard (tests)\n"
		 "  -h, --help           show this help and exit\n"
		 "  -V, --version        show the version and exit\n"
		 "\n"
		 "Workshops are SQLite files; every change is saved at once. No network, no\n"
		 "accounts: everything stays in local files. See stetig(1) and stetig(5).\n"));
}

/* $XDG_DATA_HOME/stetig, created when missing; NULL if that fails. */
static char *data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct buf b;
	buf_init(&b);
	if (xdg && *xdg == '/')
		buf_printf(&b, "%s/stetig", xdg);
	else if (home && *home)
		buf_printf(&b, "%s/.local/share/stetig", home);
	else
		return NULL;
	/* create each level */
	for (char *p = b.data + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(b.data, 0755);
		*p = '/';
	}
	if (mkdir(b.data, 0700) != 0 && errno != EEXIST) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* The workshop to open when no FILE is given: the last one, or a new one. */
static char *default_workshop(const char *dir)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/last", dir);
	char *last = NULL;
	size_t len;
	if (file_read_all(b.data, 4096, &last, &len) == 0) {
		str_trim(last);
		struct stat st;
		if (*last && stat(last, &st) == 0) {
			buf_free(&b);
			return last;
		}
	}
	free(last);
	buf_free(&b);
	struct date d;
	date_today(&d);
	for (int i = 1; i < 1000; i++) {
		buf_init(&b);
		char iso[11];
		date_iso(&d, iso);
		if (i == 1)
			buf_printf(&b, "%s/workshop-%s.stetig", dir, iso);
		else
			buf_printf(&b, "%s/workshop-%s-%d.stetig", dir, iso, i);
		if (access(b.data, F_OK) != 0)
			return buf_steal(&b);
		buf_free(&b);
	}
	return NULL;
}

/* Remembers path as the last workshop opened without a FILE argument. */
static void remember(const char *dir, const char *path)
{
	char *abs = realpath(path, NULL);
	if (!abs)
		return;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/last", dir);
	struct buf content;
	buf_init(&content);
	buf_printf(&content, "%s\n", abs);
	file_write_atomic(b.data, content.data, content.len);
	buf_free(&content);
	buf_free(&b);
	free(abs);
}

static int run_ui(int argc, char **argv)
{
	static const struct option opts[] = {
		{"lang", required_argument, NULL, 'l'},
		{"demo", no_argument, NULL, 'd'},
		{"theme", required_argument, NULL, 't'},
		{"keys", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct ui_options uo = {UI_THEME_PROJECTOR, NULL, false};
	bool demo = false;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (!cli_set_lang(optarg))
				return cli_usage_error(_("unknown language '%s' (use de or en)"), optarg);
			uo.lang_given = true;
			break;
		case 'd':
			demo = true;
			break;
		case 't':
			if (!strcmp(optarg, "projector"))
				uo.theme = UI_THEME_PROJECTOR;
			else if (!strcmp(optarg, "plain"))
				uo.theme = UI_THEME_PLAIN;
			else
				return cli_usage_error(_("unknown theme '%s' (use projector or plain)"),
						       optarg);
			break;
		case 'k':
			uo.keys_file = optarg;
			break;
		case 'h':
			print_help();
			return 0;
		case 'V':
			printf("%s %s\n", PACKAGE, VERSION);
			return 0;
		default: {
			int rc = cli_shared_option(c, argv);
			if (rc)
				return rc;
			break;
		}
		}
	}
	if (optind + 1 < argc)
		return cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	const char *file = optind < argc ? argv[optind] : NULL;
	if (demo && file)
		return cli_usage_error(_("--demo opens its own workshop; leave out FILE"));
	char *owned = NULL;
	char *dir = NULL;
	if (!file) {
		dir = data_dir();
		if (!dir) {
			cli_error(_("cannot find a folder for workshops; set HOME or XDG_DATA_HOME, "
				    "or name a FILE"));
			return 1;
		}
		if (demo) {
			struct buf b;
			buf_init(&b);
			buf_printf(&b, "%s/demo-%s.stetig", dir, i18n_lang() == LANG_DE ? "de" : "en");
			owned = buf_steal(&b);
			if (access(owned, F_OK) != 0 &&
			    !cli_create_workshop(owned, "demo", i18n_lang(), NULL, NULL)) {
				free(owned);
				free(dir);
				return 1;
			}
		} else {
			owned = default_workshop(dir);
			if (!owned) {
				cli_error(_("cannot choose a name for a new workshop in %s"), dir);
				free(dir);
				return 1;
			}
		}
		file = owned;
	}
	int rc = ui_run(file, &uo);
	if (dir && !demo && rc == 0)
		remember(dir, file);
	free(owned);
	free(dir);
	return rc;
}

int main(int argc, char **argv)
{
	const char *lang = NULL;
	/* --lang may come anywhere; apply it before any message is printed */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[i + 1];
		else if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
	}
	if (!i18n_init(lang))
		i18n_init(NULL); /* the option parser reports the bad value */

	static const struct {
		const char *name;
		int (*run)(int, char **);
	} commands[] = {
		{"new", cli_new},     {"export", cli_export},	    {"import", cli_import},
		{"check", cli_check}, {"templates", cli_templates},
	};
	/* the screen and import open workshops for editing: they may skip
	 * the whole-file check of a file this user closed cleanly (store.h) */
	bool editing = true;
	for (size_t i = 0; argc > 1 && i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			editing = !strcmp(argv[1], "import");
	char *trust_dir = editing && !getenv("STETIG_CHECK_ALWAYS") ? data_dir() : NULL;
	if (trust_dir) {
		struct buf tb;
		buf_init(&tb);
		buf_printf(&tb, "%s/checked", trust_dir);
		store_set_trust_file(tb.data);
		buf_free(&tb);
		free(trust_dir);
	}
	int rc = -1;
	if (argc > 1) {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (!strcmp(argv[1], commands[i].name)) {
				rc = commands[i].run(argc - 1, argv + 1);
				break;
			}
	}
	if (rc < 0)
		rc = run_ui(argc, argv);
	catalogue_release();
	store_set_trust_file(NULL);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		return rc ? rc : 1;
	}
	return rc;
}
