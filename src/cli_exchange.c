/* cli_exchange.c — placeholder until export and import land (issue 3). */
#include "config.h"
#include "cli.h"
#include "i18n.h"

int cli_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("'%s' is not available in this build yet"), "export");
	return 1;
}

int cli_import(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error(_("'%s' is not available in this build yet"), "import");
	return 1;
}
