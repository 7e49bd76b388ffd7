/* ui.c — placeholder until the full-screen UI lands (issue 7). */
#include "config.h"
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "i18n.h"

int ui_run(const char *path, const struct ui_options *opt)
{
	(void)opt;
	struct model m;
	model_init(&m);
	struct store *s = cli_open(path, STORE_CREATE | STORE_EXCLUSIVE, &m);
	model_free(&m);
	if (!s)
		return 1;
	store_close(s);
	printf(_("The workshop screen is not part of this build yet. The workshop is %s\n"), path);
	return 0;
}
