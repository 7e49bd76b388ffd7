/* test_faults.c — faults a workshop file must survive (issue 6):
 *  - a writer killed with SIGKILL at random moments of a scripted editing
 *    session (STETIG_FAULT_TRIALS trials, 60 by default), and with SIGTERM
 *    and SIGHUP: the file passes integrity_check and holds every edit the
 *    writer saw committed, and a multi-statement edit is all or nothing; a
 *    read-only open before the editor recovers the journal refuses and
 *    changes neither the file nor the journal;
 *  - the file truncated at many offsets and with flipped bytes at many
 *    random positions (seeded): refused with a message or opened, never a
 *    crash, and never changed when refused or opened read-only;
 *  - the same file with a side file beside it that SQLite would read (a
 *    -wal, a -journal of random bytes, one with a journal header, one
 *    whose copy of page 1 is flipped): refused with the file and the side
 *    file byte-identical, or opened;
 *  - a second exclusive open while a writer holds the file says "in use",
 *    and a read-only open still works.
 * The random moments and positions come from STETIG_FAULT_SEED (printed). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "csv_io.h"
#include "findings.h"
#include "model.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static unsigned seed;
static int trials = 60;

/* xorshift32: the same sequence for the same seed on every machine */
static unsigned rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

/* ------------------------------------------------------------ the writer */

/* The scripted session: edit k (k = 1, 2, …) is
 *   k % 3 == 1: a new goal titled "goal k";
 *   k % 3 == 2: the workshop title becomes "title k";
 *   k % 3 == 0: a new stakeholder "actor k" and, in the same transaction,
 *               an R for it on the task (both or neither may survive). */
static int64_t the_task;

static enum err edit(struct store *s, struct model *m, int k)
{
	char text[64];
	if (k % 3 == 1) {
		struct goal g;
		goal_init(&g);
		snprintf(text, sizeof text, "goal %d", k);
		str_set(&g.title, text);
		enum err st = store_save_goal(s, m, &g);
		goal_free(&g);
		return st;
	}
	if (k % 3 == 2) {
		struct workshop w;
		workshop_copy(&w, &m->ws);
		snprintf(text, sizeof text, "title %d", k);
		str_set(&w.title, text);
		enum err st = store_save_workshop(s, m, &w);
		workshop_free(&w);
		return st;
	}
	struct stakeholder a;
	stakeholder_init(&a);
	snprintf(text, sizeof text, "actor %d", k);
	str_set(&a.name, text);
	enum err st = store_begin(s, "Add stakeholder", text);
	if (st == ERR_OK)
		st = store_save_stakeholder(s, m, &a);
	if (st == ERR_OK)
		st = store_set_raci(s, m, the_task, a.id, RACI_R);
	if (st == ERR_OK)
		st = store_commit(s, m);
	else
		store_rollback(s, m);
	stakeholder_free(&a);
	return st;
}

/* The child: opens the file, says "ready" (0), then edits and reports the
 * number of every edit that came back committed, until it is killed. */
static _Noreturn void writer(const char *path, int fd)
{
	/* the default actions, even under nohup or a shell that ignores them */
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	struct model m;
	model_init(&m);
	struct store *s;
	if (store_open(path, STORE_EXCLUSIVE, &m, &s) != ERR_OK)
		_exit(3);
	int k = 0;
	if (write(fd, &k, sizeof k) != sizeof k)
		_exit(4);
	for (k = 1; k < 100000; k++) {
		if (edit(s, &m, k) != ERR_OK)
			_exit(5);
		if (write(fd, &k, sizeof k) != sizeof k)
			_exit(4);
	}
	_exit(0);
}

/* A new workshop with one task; closed again. */
static void make_workshop(const char *path)
{
	unlink(path);
	struct model m;
	model_init(&m);
	struct store *s;
	CU_ASSERT_FATAL(store_create(path, LANG_EN, NULL, NULL, &m, &s) == ERR_OK);
	struct task t;
	task_init(&t);
	str_set(&t.name, "Operation");
	CU_ASSERT_FATAL(store_save_task(s, &m, &t) == ERR_OK);
	the_task = t.id;
	task_free(&t);
	store_close(s);
	model_free(&m);
}

static bool has_goal(const struct model *m, const char *title)
{
	for (size_t i = 0; i < m->goals.n; i++)
		if (!strcmp(MODEL_AT(m->goals, struct goal, i)->title, title))
			return true;
	return false;
}

static const struct stakeholder *find_actor(const struct model *m, const char *name)
{
	for (size_t i = 0; i < m->stakeholders.n; i++) {
		const struct stakeholder *a = MODEL_AT(m->stakeholders, struct stakeholder, i);
		if (!strcmp(a->name, name))
			return a;
	}
	return NULL;
}

/* true when the model holds every edit of 1..done, nothing after done + 1,
 * and each edit whole (reports what is wrong on stderr). */
static bool check_edits(const struct model *m, int done)
{
	bool good = true;
	char text[64];
	int last_title = 0; /* the last committed title edit */
	for (int k = 1; k <= done + 1; k++) {
		bool present = true;
		if (k % 3 == 1) {
			snprintf(text, sizeof text, "goal %d", k);
			present = has_goal(m, text);
		} else if (k % 3 == 2) {
			if (k <= done)
				last_title = k;
			continue; /* checked below */
		} else {
			snprintf(text, sizeof text, "actor %d", k);
			const struct stakeholder *a = find_actor(m, text);
			present = a != NULL;
			/* the stakeholder and its RACI cell: both or neither */
			if (a && model_raci_get(m, the_task, a->id) != RACI_R) {
				fprintf(stderr, "%s survived without its RACI cell\n", text);
				good = false;
			}
		}
		if (k <= done && !present) {
			fprintf(stderr, "committed edit %d (%s) is missing\n", k, text);
			good = false;
		}
	}
	/* the title: the last committed one, or the one in flight */
	int in_flight = (done + 1) % 3 == 2 ? done + 1 : 0;
	char want[64], next[64];
	snprintf(want, sizeof want, "title %d", last_title);
	snprintf(next, sizeof next, "title %d", in_flight);
	if (!((last_title && !strcmp(m->ws.title, want)) ||
	      (in_flight && !strcmp(m->ws.title, next)) ||
	      (!last_title && strncmp(m->ws.title, "title ", 6)))) {
		fprintf(stderr, "title is '%s' after %d committed edits\n", m->ws.title, done);
		good = false;
	}
	/* nothing beyond the edit in flight */
	for (size_t i = 0; i < m->goals.n; i++) {
		int k = atoi(MODEL_AT(m->goals, struct goal, i)->title + 5);
		if (k > done + 1) {
			fprintf(stderr, "goal %d appeared after %d committed edits\n", k, done);
			good = false;
		}
	}
	return good;
}

/* A journal left beside the file must not be hot (SQLite leaves a journal
 * whose header was never completed; that one is harmless). */
static bool journal_cold(const char *path)
{
	char journal[600];
	snprintf(journal, sizeof journal, "%s-journal", path);
	static const unsigned char magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
	size_t n;
	char *data = test_slurp(journal, &n);
	bool cold = !data || n < 8 || memcmp(data, magic, 8) != 0;
	free(data);
	return cold;
}

/* After the writer died having reported edits 1..done: a read-only open
 * (export, check) sees them all, although nobody has recovered the file
 * yet; an editing open recovers it, and it passes integrity_check and
 * holds them all. */
static bool verify(const char *path, int done, int *open_ro_failed)
{
	struct model m;
	model_init(&m);
	struct store *s;
	bool good = true;

	/* a reader never rolls a journal back: it either reads a file with
	 * no hot journal or refuses with "open it in stetig", changing
	 * neither the file nor the journal */
	char journal[600];
	snprintf(journal, sizeof journal, "%s-journal", path);
	size_t flen = 0, jlen = 0;
	char *file_before = test_slurp(path, &flen);
	char *journal_before = test_slurp(journal, &jlen);
	enum err st = store_open(path, STORE_READONLY, &m, &s);
	if (st == ERR_OK) {
		good = check_edits(&m, done);
		store_close(s);
	} else {
		(*open_ro_failed)++;
		CU_ASSERT_EQUAL(st, ERR_STORE_RECOVER);
		char *msg = store_message(st, path, NULL);
		CU_ASSERT(msg && strstr(msg, "Open it in stetig"));
		if (getenv("STETIG_FAULT_VERBOSE"))
			fprintf(stderr, "read-only open after the kill: %s\n", msg);
		free(msg);
		size_t a = 0, b = 0;
		char *file_now = test_slurp(path, &a);
		char *journal_now = test_slurp(journal, &b);
		CU_ASSERT(file_now && a == flen && !memcmp(file_now, file_before, flen));
		CU_ASSERT(journal_now && journal_before && b == jlen &&
			  !memcmp(journal_now, journal_before, jlen));
		free(file_now);
		free(journal_now);
	}
	free(file_before);
	free(journal_before);
	model_clear(&m);

	st = store_open(path, STORE_EXCLUSIVE, &m, &s);
	CU_ASSERT_EQUAL(st, ERR_OK);
	if (st != ERR_OK) {
		char *msg = store_message(st, path, NULL);
		fprintf(stderr, "reopen after the kill: %s\n", msg);
		free(msg);
		model_free(&m);
		return false;
	}
	CU_ASSERT(store_integrity_ok(s));
	good = check_edits(&m, done) && good;
	store_close(s);
	model_free(&m);
	CU_ASSERT(journal_cold(path));
	CU_ASSERT(good);
	return good;
}

/* Runs n trials of: start the writer, let it edit for a random time up to
 * max_us, send sig, verify. */
static void kill_trials(int sig, int n, unsigned max_us)
{
	const char *path = test_path("killed.stetig");
	int total_edits = 0, ro_failed = 0, bad = 0, early = 0;
	for (int t = 0; t < n; t++) {
		make_workshop(path);
		int fds[2];
		CU_ASSERT_FATAL(pipe(fds) == 0);
		fflush(NULL);
		pid_t pid = fork();
		CU_ASSERT_FATAL(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			writer(path, fds[1]);
		}
		close(fds[1]);
		int k = -1;
		CU_ASSERT_FATAL(read(fds[0], &k, sizeof k) == sizeof k && k == 0);
		struct timespec ts = {0, (long)(rnd() % max_us) * 1000};
		nanosleep(&ts, NULL);
		kill(pid, sig);
		int status = 0;
		/* a writer that does not die within 10 s is a failure, not a hang */
		for (int w = 0; w < 1000 && waitpid(pid, &status, WNOHANG) == 0; w++) {
			struct timespec tick = {0, 10000000};
			nanosleep(&tick, NULL);
			if (w == 999) {
				fprintf(stderr, "the writer survived %s\n", strsignal(sig));
				kill(pid, SIGKILL);
				waitpid(pid, &status, 0);
			}
		}
		if (!WIFSIGNALED(status) || WTERMSIG(status) != sig) {
			early++; /* exited by itself: only a failed edit does that */
			fprintf(stderr, "writer exited with status %d\n", status);
		}
		int done = 0;
		while (read(fds[0], &k, sizeof k) == sizeof k)
			done = k;
		close(fds[0]);
		total_edits += done;
		if (!verify(path, done, &ro_failed))
			bad++;
	}
	printf("\n  %s: %d trials, %d committed edits in all, %d read-only opens "
	       "refused untouched until the screen recovers, %d bad, %d writers died early\n",
	       strsignal(sig), n, total_edits, ro_failed, bad, early);
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(early, 0);
}

static void test_sigkill(void)
{
	kill_trials(SIGKILL, trials, 40000);
}

static void test_sigterm(void)
{
	kill_trials(SIGTERM, trials / 6 + 1, 20000);
}

static void test_sighup(void)
{
	kill_trials(SIGHUP, trials / 6 + 1, 20000);
}

/* ------------------------------------------------------------ damaged files */

/* A workshop with the demo template's content, as bytes. */
static char *demo_bytes(size_t *len)
{
	const char *path = test_path("demo.stetig");
	unlink(path);
	struct model m;
	model_init(&m);
	struct store *s;
	CU_ASSERT_FATAL(store_create(path, LANG_DE, NULL, NULL, &m, &s) == ERR_OK);
	struct bundle_src src;
	bundle_src_embedded(&src, "de/demo/");
	struct bundle_error err;
	CU_ASSERT_FATAL(bundle_import(s, &m, &src, &err));
	bundle_src_free(&src);
	store_close(s);
	model_free(&m);
	char *data = test_slurp(path, len);
	CU_ASSERT_FATAL(data != NULL);
	return data;
}

struct outcome {
	int refused, opened;
};

/* Opens a damaged copy (data[0..len)) read-only and for editing. A refusal
 * must come with a message and leave the bytes as they were; a read-only
 * open never changes them; whatever opens must load, compute its findings
 * and export. */
static void try_damaged(const char *data, size_t len, struct outcome *o, const char *what)
{
	const char *path = test_path("damaged.stetig");
	char journal[600];
	snprintf(journal, sizeof journal, "%s-journal", path);
	unlink(journal);
	test_write(path, data, len);
	for (int pass = 0; pass < 2; pass++) {
		int flags = pass == 0 ? STORE_READONLY : STORE_EXCLUSIVE;
		struct model m;
		model_init(&m);
		struct store *s = NULL;
		enum err st = store_open(path, flags, &m, &s);
		size_t n;
		char *now;
		if (st != ERR_OK) {
			CU_ASSERT(s == NULL);
			char *msg = store_message(st, path, NULL);
			CU_ASSERT(msg && *msg);
			free(msg);
			now = test_slurp(path, &n);
			bool same = now && n == len && !memcmp(now, data, len);
			if (!same)
				fprintf(stderr, "%s: a refused open changed the file\n", what);
			CU_ASSERT(same);
			CU_ASSERT(access(journal, F_OK) != 0);
			char wal[600];
			snprintf(wal, sizeof wal, "%s-wal", path);
			CU_ASSERT(access(wal, F_OK) != 0);
			free(now);
			o->refused++;
		} else {
			struct findings f;
			findings_compute(&m, &f);
			if (pass == 0) {
				/* damaged text must not break the export either */
				const char *dir = test_path("damaged-csv");
				struct bundle_error err;
				if (bundle_export(&m, &f, dir, LANG_DE, ';', &err)) {
					for (size_t i = 0; bundle_files[i]; i++) {
						char p[700];
						snprintf(p, sizeof p, "%s/%s", dir, bundle_files[i]);
						unlink(p);
					}
				}
				CU_ASSERT(rmdir(dir) == 0 || errno == ENOENT);
			}
			findings_free(&f);
			store_close(s);
			if (pass == 0) {
				now = test_slurp(path, &n);
				bool same = now && n == len && !memcmp(now, data, len);
				if (!same)
					fprintf(stderr, "%s: a read-only open changed the file\n", what);
				CU_ASSERT(same);
				free(now);
			}
			o->opened++;
		}
		model_free(&m);
	}
}

static void test_truncated(void)
{
	size_t len;
	char *data = demo_bytes(&len);
	struct outcome o = {0, 0};
	size_t cuts[] = {0, 1, 15, 16, 17, 99, 100, 101, 512, 1024, 4095, 4096, 4097};
	int n = 0;
	char what[64];
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++, n++) {
		snprintf(what, sizeof what, "cut at %zu", cuts[i]);
		try_damaged(data, cuts[i], &o, what);
	}
	/* every page boundary and a byte on either side, then random cuts */
	for (size_t p = 8192; p < len; p += 4096)
		for (int d = -1; d <= 1; d++, n++) {
			snprintf(what, sizeof what, "cut at %zu", p + d);
			try_damaged(data, p + d, &o, what);
		}
	for (int i = 0; i < 40; i++, n++) {
		size_t cut = rnd() % len;
		snprintf(what, sizeof what, "cut at %zu", cut);
		try_damaged(data, cut, &o, what);
	}
	printf("\n  %d truncated files: %d opens refused, %d accepted\n", n, o.refused, o.opened);
	free(data);
}

static void test_flipped(void)
{
	size_t len;
	char *data = demo_bytes(&len);
	char *copy = xmalloc(len);
	struct outcome o = {0, 0};
	char what[64];
	int n = 300;
	for (int i = 0; i < n; i++) {
		memcpy(copy, data, len);
		/* one byte, or (every fourth trial) three bytes within a page;
		 * half of the single flips hit the header and schema pages */
		size_t at = i % 2 ? rnd() % len : rnd() % (len < 8192 ? len : 8192);
		int bytes = i % 4 == 3 ? 3 : 1;
		for (int b = 0; b < bytes; b++) {
			size_t pos = (at + (size_t)b * (rnd() % 97)) % len;
			copy[pos] ^= (char)(1 + rnd() % 255);
		}
		snprintf(what, sizeof what, "flipped at %zu", at);
		try_damaged(copy, len, &o, what);
	}
	printf("\n  %d files with flipped bytes: %d opens refused, %d accepted\n", n, o.refused,
	       o.opened);
	free(copy);
	free(data);
}

/* ------------------------------------------------------------ side files */

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void test_side_files(void)
{
	size_t len;
	char *data = demo_bytes(&len);
	const char *path = test_path("side.stetig");
	char wal[600], journal[600];
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(journal, sizeof journal, "%s-journal", path);
	int n = 120, refused = 0, identical = 0, opened = 0;
	size_t jlen = 512 + 4 + 4096 + 4;
	unsigned char *side = xmalloc(jlen);
	for (int i = 0; i < n; i++) {
		unlink(wal);
		unlink(journal);
		test_write(path, data, len);
		const char *which = i % 4 == 0 ? wal : journal;
		for (size_t k = 0; k < jlen; k++)
			side[k] = (unsigned char)rnd();
		if (i % 4 >= 2) {
			/* a journal header (page size 4096, one record) */
			memcpy(side, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
			put32(side + 8, 1);
			put32(side + 16, (uint32_t)(len / 4096));
			put32(side + 20, 512);
			put32(side + 24, 4096);
			put32(side + 512, 1);
		}
		if (i % 4 == 3) {
			/* the file's own page 1 with a few bytes flipped */
			memcpy(side + 516, data, 4096);
			for (int b = 0; b < 3; b++)
				side[516 + rnd() % 4096] ^= (unsigned char)(1 + rnd() % 255);
		}
		test_write(which, side, jlen);
		for (int pass = 0; pass < 2; pass++) {
			struct model m;
			model_init(&m);
			struct store *s = NULL;
			enum err st =
				store_open(path, pass ? STORE_EXCLUSIVE : STORE_READONLY, &m, &s);
			if (st != ERR_OK) {
				CU_ASSERT(s == NULL);
				refused++;
				size_t a, b;
				char *now = test_slurp(path, &a);
				char *now_side = test_slurp(which, &b);
				bool same = now && a == len && !memcmp(now, data, len) && now_side &&
					    b == jlen && !memcmp(now_side, side, jlen);
				if (same)
					identical++;
				else
					fprintf(stderr, "side file trial %d: a refusal changed a file\n", i);
				CU_ASSERT(same);
				free(now);
				free(now_side);
			} else {
				opened++;
				store_close(s);
			}
			model_free(&m);
		}
	}
	unlink(wal);
	unlink(journal);
	printf("\n  %d files with side files: %d opens refused (%d byte-identical), %d accepted\n", n,
	       refused, identical, opened);
	CU_ASSERT(refused > 0);
	free(side);
	free(data);
}

/* ------------------------------------------------------------ in use */

static void test_in_use(void)
{
	const char *path = test_path("busy.stetig");
	make_workshop(path);
	size_t len;
	char *before = test_slurp(path, &len);
	int up[2], down[2];
	CU_ASSERT_FATAL(pipe(up) == 0 && pipe(down) == 0);
	fflush(NULL);
	pid_t pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		close(up[0]);
		close(down[1]);
		struct model m;
		model_init(&m);
		struct store *s;
		char c = store_open(path, STORE_EXCLUSIVE, &m, &s) == ERR_OK ? 'y' : 'n';
		if (write(up[1], &c, 1) != 1 || read(down[0], &c, 1) != 1)
			_exit(4);
		store_close(s);
		model_free(&m);
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	char c = 0;
	CU_ASSERT_FATAL(read(up[0], &c, 1) == 1 && c == 'y');

	struct model m;
	model_init(&m);
	struct store *s = NULL;
	enum err st = store_open(path, STORE_EXCLUSIVE, &m, &s);
	CU_ASSERT_EQUAL(st, ERR_STORE_IN_USE);
	CU_ASSERT(s == NULL);
	char *msg = store_message(st, path, NULL);
	CU_ASSERT(msg && strstr(msg, "in use") != NULL);
	free(msg);
	/* the file is untouched, and export and check still read it */
	size_t n;
	char *now = test_slurp(path, &n);
	CU_ASSERT(now && n == len && !memcmp(now, before, len));
	free(now);
	model_clear(&m);
	CU_ASSERT_EQUAL(store_open(path, STORE_READONLY, &m, &s), ERR_OK);
	store_close(s);
	model_clear(&m);

	/* once the first one has closed it, it opens */
	CU_ASSERT(write(down[1], "x", 1) == 1);
	int status;
	waitpid(pid, &status, 0);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT_EQUAL(store_open(path, STORE_EXCLUSIVE, &m, &s), ERR_OK);
	store_close(s);
	model_free(&m);
	close(up[0]);
	close(down[1]);
	free(before);
}

int main(void)
{
	test_init_locale();
	const char *e = getenv("STETIG_FAULT_SEED");
	seed = e && *e ? (unsigned)strtoul(e, NULL, 10) : 20261126u;
	if (!seed)
		seed = 1;
	e = getenv("STETIG_FAULT_TRIALS");
	if (e && atoi(e) > 0)
		trials = atoi(e);
	printf("fault tests: seed %u (STETIG_FAULT_SEED), %d SIGKILL trials "
	       "(STETIG_FAULT_TRIALS)\n",
	       seed, trials);
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite kill_suite = CU_add_suite("writer killed", NULL, NULL);
	ADD_TEST(kill_suite, test_sigkill);
	ADD_TEST(kill_suite, test_sigterm);
	ADD_TEST(kill_suite, test_sighup);
	CU_pSuite damage = CU_add_suite("damaged files", NULL, NULL);
	ADD_TEST(damage, test_truncated);
	ADD_TEST(damage, test_flipped);
	ADD_TEST(damage, test_side_files);
	CU_pSuite busy = CU_add_suite("in use", NULL, NULL);
	ADD_TEST(busy, test_in_use);
	return test_run();
}
