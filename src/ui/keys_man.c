/* keys_man.c — writes the key section of stetig(1) from actions.def, in the
 * language given (run at build time against the build's catalogue), so the
 * manual names the same keys and says the same as the help screen.
 *
 *   keys-man LANG            roff for the manual page, on stdout
 *   keys-man LANG --lines    the help line of every listed action, one a
 *                            line, as the page shows them (for the tests) */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_keys.h"

/* The contexts in the order of the page, each with its lead-in (msgid). */
static const struct {
	enum ui_context ctx;
	const char *intro;
} contexts[] = {
	{CTX_MAIN, N_("On the workshop screen:")},
	{CTX_FORM, N_("In a form:")},
	{CTX_CONFIRM, N_("When the status line asks a question:")},
};

/* Writes s for roff: a backslash doubled, a leading dot or quote guarded;
 * minus signs as \- where keys are named (minus), hyphens elsewhere. */
static void roff(const char *s, bool minus)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-' && minus)
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int main(int argc, char **argv)
{
	if (argc < 2 || !i18n_init(argv[1])) {
		fprintf(stderr, "usage: keys-man de|en [--lines]\n");
		return 2;
	}
	bool lines = argc > 2 && !strcmp(argv[2], "--lines");
	for (size_t c = 0; c < sizeof contexts / sizeof *contexts; c++) {
		if (!lines) {
			fputs(c ? ".PP\n" : "", stdout);
			roff(_(contexts[c].intro), false);
			putchar('\n');
		}
		for (int a = 0; a < ACT_COUNT; a++) {
			const struct ui_action_info *ai = &ui_actions[a];
			if (ai->ctx != contexts[c].ctx || !ai->help)
				continue;
			if (lines) {
				printf("%s\n", _(ai->help));
				continue;
			}
			char keys[128];
			ui_action_keys((enum ui_action)a, keys, sizeof keys);
			fputs(".TP\n.B \"", stdout);
			roff(keys, true);
			fputs("\"\n", stdout);
			roff(_(ai->help), false);
			fputs(".\n", stdout);
		}
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
