/* store.h — the workshop file: one SQLite database per workshop.
 *
 * Every file is untrusted input. Opening validates before it writes
 * anything: a file that is not SQLite, a database of another application, a
 * file from a newer stetig, a damaged file, one with schema objects or side
 * files stetig did not make, one with a value out of range, or one that
 * another stetig holds open is refused and left byte-identical (with its
 * side files). Only opening for editing rolls back a journal a crash left,
 * and only one that belongs to the file. No SQL text from a file is ever
 * executed: the undo history stores data and is applied through stetig's
 * own statements.
 * Every committed edit is one transaction and one undo step; the undo history
 * lives in the file (capped at STORE_UNDO_MAX steps) and survives a restart.
 *
 * The save functions write the file first and then update the model, so the
 * model never shows an edit that is not in the file. */
#ifndef STETIG_STORE_H
#define STETIG_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "errors.h"
#include "model.h"

#define STORE_APPLICATION_ID 0x53746574 /* "Stet" */
#define STORE_SCHEMA_VERSION 13
#define STORE_UNDO_MAX 1000
/* Timebox clocks: up to a century of elapsed seconds, start times up to the
 * end of the year 9999. */
#define STORE_CLOCK_ELAPSED_MAX 3155760000L
#define STORE_CLOCK_STARTED_MAX 253402300799L

/* Store functions return ERR_OK or one of the ERR_STORE_* codes of
 * errors.def (the file does not exist, exists already, cannot be opened, is
 * not a database, is another program's, is newer, damaged, in use,
 * read-only, the disk is full, a value is refused, busy, nothing to undo,
 * unsafe (see store_detail), an interrupted edit waits in its journal (only
 * opening it for editing recovers it), any other failure (see
 * store_detail)). store_message() says it in words. */

/* How to open. */
enum {
	STORE_CREATE = 1 << 0,	  /* create the file when it is missing */
	STORE_EXCLUSIVE = 1 << 1, /* take the "in use" lock; needed for editing */
	STORE_READONLY = 1 << 2,  /* read only, no lock (export, check) */
	/* the model gets everything but the RACI matrix, which
	 * store_load_raci reads (the screen paints before it) */
	STORE_DEFER_RACI = 1 << 3,
};

struct store;

/* Called on a brand-new file before it appears under its name (the workshop
 * row and check items exist already). Returning non-zero abandons the file. */
typedef int (*store_populate_fn)(struct store *s, struct model *m, void *user);

/* Opens path (see the flags). On success *out holds the store and m the
 * workshop. On failure the file is untouched and *out is NULL. */
enum err store_open(const char *path, int flags, struct model *m, struct store **out);
/* Creates a new workshop at path, which must not exist: the schema, the
 * language, the check catalogue, then populate (may be NULL); the file only
 * appears under path when all of that succeeded. Then opens it like
 * store_open(path, STORE_EXCLUSIVE). */
enum err store_create(const char *path, enum lang lang, store_populate_fn populate,
			       void *user, struct model *m, struct store **out);
/* Where stetig remembers the workshop files it closed cleanly after
 * editing (one line per file: device, inode, size, modification and
 * status-change times, SQLite's change counter and page count; no names).
 * An editing open of a file whose identity matches its line skips the
 * whole-file integrity check and the value check: the file is byte for
 * byte what stetig left after a session that began with a checked file.
 * Any other writer, a crash after a write, a copy or a download changes
 * the identity, and the file is checked. Nothing in the file vouches for
 * itself. NULL (the default): every editing open checks. */
void store_set_trust_file(const char *path);
/* Closes the file and releases the lock. NULL is fine. */
void store_close(struct store *s);

/* A message for st in the session language, naming path. Free it. */
char *store_message(enum err st, const char *path, const struct store *s);
/* SQLite's own message for the last failure, or "". */
const char *store_detail(const struct store *s);
/* The file's path. */
const char *store_path(const struct store *s);

/* Re-reads the whole workshop into m. */
enum err store_load(struct store *s, struct model *m);
/* After an open with STORE_DEFER_RACI: reads the RACI matrix into m (a
 * no-op when it is there). Until then m has no cells, and nothing may
 * edit it. */
enum err store_load_raci(struct store *s, struct model *m);
bool store_raci_pending(const struct store *s);

/* Like store_begin, for a change of many rows (an import): the undo step
 * keeps a snapshot of every data table instead of one entry per changed
 * row, so undo restores the previous state in one pass. */
enum err store_begin_bulk(struct store *s, const char *label, const char *item);
/* Inside a bulk change: about `rows` rows will be written. Sizes SQLite's
 * page cache for the file as it will be (a cache smaller than the indexes
 * being filled spills dirty pages and makes the import superlinear). */
void store_bulk_expect(struct store *s, size_t rows);

/* Groups the following saves into one transaction and one undo step. Nested
 * calls are counted; only the outermost commit writes. label is an
 * untranslated message id, item the name of what is edited. */
enum err store_begin(struct store *s, const char *label, const char *item);
/* Commits the outermost group; reloads m when the group deleted something. */
enum err store_commit(struct store *s, struct model *m);
/* Abandons the group; reloads m so it matches the file again. */
void store_rollback(struct store *s, struct model *m);

/* Saving: an id of 0 inserts and sets the new id; otherwise it updates.
 * store_save_entity saves an entity of any kind (ENT_WORKSHOP: the
 * workshop); the others are it by name. */
enum err store_save_entity(struct store *s, struct model *m, enum entity kind, void *e);
/* Inserts e (not the workshop, no kind with a unique key) under its own id,
 * which must be free: an import into an empty table keeps the bundle's ids. */
enum err store_insert_entity(struct store *s, struct model *m, enum entity kind, void *e);
/* Empties the workshop of its content (every entity, every RACI cell; the
 * check items back to open without a note), keeping the workshop's own
 * values; for an import that replaces the content, inside its group. */
enum err store_clear_content(struct store *s, struct model *m);
enum err store_save_workshop(struct store *s, struct model *m, const struct workshop *w);
enum err store_save_sgoal(struct store *s, struct model *m, struct strategy_goal *e);
enum err store_save_goal(struct store *s, struct model *m, struct goal *e);
enum err store_save_indicator(struct store *s, struct model *m, struct indicator *e);
enum err store_save_stakeholder(struct store *s, struct model *m, struct stakeholder *e);
enum err store_save_task(struct store *s, struct model *m, struct task *e);
enum err store_save_cost(struct store *s, struct model *m, struct cost *e);
/* A share of 0 percent removes the partner from the cost. */
enum err store_save_share(struct store *s, struct model *m, struct cost_share *e);
/* Check items are matched by factor, field and item when id is 0. */
enum err store_save_check(struct store *s, struct model *m, struct check_item *e);
enum err store_save_note(struct store *s, struct model *m, struct note *e);
enum err store_save_decision(struct store *s, struct model *m, struct decision *e);
enum err store_save_milestone(struct store *s, struct model *m, struct milestone *e);
enum err store_save_block(struct store *s, struct model *m, struct agenda_block *e);
enum err store_set_raci(struct store *s, struct model *m, int64_t task,
				 int64_t stakeholder, enum raci role);
enum err store_set_agenda(struct store *s, struct model *m, int step, int minutes);
/* The dots of the finding of rule on item (0 removes them); name is the
 * finding's item for the undo label. */
enum err store_set_finding_votes(struct store *s, struct model *m, const char *rule,
					 int64_t item, int votes, const char *name);
/* Deletes an entity and what depends on it (a goal's indicators, a
 * stakeholder's RACI cells and shares, …), then reloads m. */
enum err store_delete(struct store *s, struct model *m, enum entity kind, int64_t id);

/* Undo and redo the last step; reload m. label/item (may be NULL) receive
 * the step's label (msgid) and item; free them. */
enum err store_undo(struct store *s, struct model *m, char **label, char **item);
enum err store_redo(struct store *s, struct model *m, char **label, char **item);
/* Number of steps that can be undone / redone. */
int store_undo_depth(struct store *s);
int store_redo_depth(struct store *s);
/* Drops the whole history and wipes it from the file (VACUUM), so deleted
 * text does not travel with a shared file. */
enum err store_clear_history(struct store *s);

/* The timebox clock of a step: elapsed seconds and the start time (0 when
 * stopped). Not part of the undo history. */
enum err store_clock_get(struct store *s, int step, long *elapsed, long *started);
enum err store_clock_set(struct store *s, int step, long elapsed, long started);

/* Where the screen was left: the step, the selected item (kind ENT_COUNT
 * and id 0: none) and the RACI view (0 pilot, 1 regular operation, 2
 * handover). Not part of the undo history; only the screen writes it. */
struct store_place {
	int step;
	enum entity kind;
	int64_t item;
	int raci_view;
};
/* Reads the place (step 0, no item, view 0 when none is stored). */
enum err store_place_get(struct store *s, struct store_place *p);
/* Stores the place; ERR_STORE_BUSY inside an edit (store_begin). */
enum err store_place_set(struct store *s, const struct store_place *p);

/* Runs PRAGMA integrity_check; true when "ok". */
bool store_integrity_ok(struct store *s);

/* For tests: creates path at an older schema version (no data but the
 * workshop row). */
enum err store_create_version(const char *path, int version);

#endif
