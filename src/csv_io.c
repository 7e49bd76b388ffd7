/* csv_io.c — placeholder until the CSV bundle lands (issue 3). */
#include "config.h"
#include "csv_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

void bundle_src_dir(struct bundle_src *src, const char *dir)
{
	memset(src, 0, sizeof *src);
	src->base = xstrdup(dir);
	src->label = xstrdup(dir);
}

void bundle_src_embedded(struct bundle_src *src, const char *prefix)
{
	bundle_src_dir(src, prefix);
}

void bundle_src_free(struct bundle_src *src)
{
	free(src->base);
	free(src->label);
	memset(src, 0, sizeof *src);
}

char *bundle_error_text(const struct bundle_error *e)
{
	return xstrdup(e->msg);
}

bool bundle_import(struct store *s, struct model *m, const struct bundle_src *src,
		   struct bundle_error *err)
{
	(void)s;
	(void)m;
	(void)src;
	memset(err, 0, sizeof *err);
	snprintf(err->msg, sizeof err->msg, "%s", _("importing is not available in this build yet"));
	return false;
}
