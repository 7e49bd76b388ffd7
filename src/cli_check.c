/* cli_check.c — placeholder until the findings engine lands (issue 4). */
#include "config.h"
#include "cli.h"
#include "i18n.h"

int cli_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("'%s' is not available in this build yet"), "check");
	return 2;
}
