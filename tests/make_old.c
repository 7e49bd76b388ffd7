/* make_old — for the tests: creates a workshop file of an older format.
 *
 *   tests/make_old PATH VERSION
 *
 * runs the schema migrations only up to VERSION (store_create_version), so
 * a test of an old file needs no hand-written undoing of every later
 * migration. The file holds the workshop row (English, no title) and
 * nothing else; PATH must not exist. Exit status 0, or 1 with the store's
 * message on stderr. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "store.h"

int main(int argc, char **argv)
{
	i18n_init("en");
	if (argc != 3) {
		fprintf(stderr, "usage: %s PATH VERSION\n", argv[0]);
		return 2;
	}
	char *end;
	errno = 0;
	long v = strtol(argv[2], &end, 10);
	if (errno || end == argv[2] || *end || v < 1 || v > STORE_SCHEMA_VERSION) {
		fprintf(stderr, "%s: VERSION must be 1 to %d\n", argv[0], STORE_SCHEMA_VERSION);
		return 2;
	}
	enum err e = store_create_version(argv[1], (int)v);
	if (e != ERR_OK) {
		char *msg = store_message(e, argv[1], NULL);
		fprintf(stderr, "%s: %s\n", argv[0], msg);
		free(msg);
		return 1;
	}
	return 0;
}
