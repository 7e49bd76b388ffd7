/* test_util.c — the one UTF-8 decoder and display width, the neutralising
 * of control and bidirectional characters, locale-independent case
 * folding, the fatal hook, the staged bundle folder, the streamed CSV
 * reader and the workbook's sheet limits. */
#include "config.h"

#include <CUnit/CUnit.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csv_table.h"
#include "errors.h"
#include "findings.h"
#include "i18n.h"
#include "lineedit.h"
#include "model.h"
#include "testutil.h"
#include "util.h"
#include "vocab.h"
#include "xlsx_export.h"

/* ------------------------------------------------------------ decoder */

static void test_decode(void)
{
	uint32_t cp;
	CU_ASSERT_EQUAL(utf8_decode("A", 1, &cp), 1);
	CU_ASSERT_EQUAL(cp, 'A');
	CU_ASSERT_EQUAL(utf8_decode("ä", 2, &cp), 2);
	CU_ASSERT_EQUAL(cp, 0xE4);
	CU_ASSERT_EQUAL(utf8_decode("€", 3, &cp), 3);
	CU_ASSERT_EQUAL(cp, 0x20AC);
	CU_ASSERT_EQUAL(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	CU_ASSERT_EQUAL(cp, 0x1F600);
	/* each bad byte: one U+FFFD, one byte */
	static const char *const bad[] = {
		"\xFF",		/* never a lead byte */
		"\x80",		/* a stray continuation */
		"\xC0\x80",	/* overlong NUL */
		"\xE0\x80\x80", /* overlong */
		"\xED\xA0\x80", /* a surrogate */
		"\xF4\x90\x80\x80", /* past U+10FFFF */
		"\xE2\x82",	/* cut off */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		CU_ASSERT_EQUAL(utf8_decode(bad[i], strlen(bad[i]), &cp), 1);
		CU_ASSERT_EQUAL(cp, UTF8_REPLACEMENT);
	}
	/* the length limit: a lead byte at the end does not read past it */
	CU_ASSERT_EQUAL(utf8_decode("\xC3\xA4", 1, &cp), 1);
	CU_ASSERT_EQUAL(cp, UTF8_REPLACEMENT);
	/* the walkers count as the decoder does */
	CU_ASSERT_EQUAL(utf8_chars("Größe"), 5);
	CU_ASSERT_EQUAL(utf8_chars("a\xE2\x82z"), 4); /* two bad bytes, two characters */
	CU_ASSERT_EQUAL(utf8_prefix("Größe", 3), 4);
	CU_ASSERT_TRUE(utf8_valid("\xEF\xBF\xBD", 3, NULL)); /* U+FFFD itself is fine */
	size_t off = 0;
	CU_ASSERT_FALSE(utf8_valid("ab\xFF", 3, &off));
	CU_ASSERT_EQUAL(off, 2);
	/* the editor's decoder is the same one */
	wchar_t w[8];
	CU_ASSERT_EQUAL(lineedit_decode("a\xFF\xC3\xA4", 4, w), 3);
	CU_ASSERT_EQUAL(w[1], (wchar_t)UTF8_REPLACEMENT);
	CU_ASSERT_EQUAL(w[2], L'ä');
}

static void test_width(void)
{
	CU_ASSERT_EQUAL(utf8_width("Größe €"), 7);
	CU_ASSERT_EQUAL(utf8_width("日本"), 4);
	CU_ASSERT_EQUAL(utf8_width("e\xCC\x81"), 1); /* a combining mark adds nothing */
	CU_ASSERT_EQUAL(utf8_width("\xFF\xFE"), 2);  /* two U+FFFD */
	CU_ASSERT_EQUAL(utf8_width(NULL), 0);
	/* a bidirectional control is drawn as U+FFFD: one visible column,
	 * never a zero-width character that reorders the line */
	CU_ASSERT_EQUAL(uchar_display(0x202E), UTF8_REPLACEMENT);
	CU_ASSERT_EQUAL(uchar_width(0x202E), 1);
	CU_ASSERT_EQUAL(uchar_display(0x2066), UTF8_REPLACEMENT);
	CU_ASSERT_EQUAL(uchar_display(0x1B), UTF8_REPLACEMENT);
	CU_ASSERT_EQUAL(uchar_display(0x9B), UTF8_REPLACEMENT);
	CU_ASSERT_EQUAL(uchar_display('\t'), ' ');
	CU_ASSERT_EQUAL(uchar_display(0x200E), 0x200E); /* a plain mark stays */
	CU_ASSERT_EQUAL(utf8_width("a\xE2\x80\xAE" "b"), 3);
	/* the editor and the screen measure the same way */
	CU_ASSERT_EQUAL(lineedit_text_width("a\xE2\x80\xAE" "b"), 3);
	CU_ASSERT_EQUAL(lineedit_char_width(0x202E), 1);
	CU_ASSERT_EQUAL(lineedit_display_char(0x202E), (wchar_t)UTF8_REPLACEMENT);
}

/* ------------------------------------------------------------ neutralising */

static void test_neutral(void)
{
	const char *evil = "A\x1B[2J\x07" "B\xC2\x9B" "C\xE2\x80\xAE" "txt\xE2\x81\xA6" "D\tE\nF\xFF";
	CU_ASSERT_TRUE(text_needs_neutral(evil, TEXT_KEEP_LINES));
	char *file = text_neutral(evil, TEXT_KEEP_LINES, TEXT_MAX_CHARS);
	CU_ASSERT_STRING_EQUAL(file, "A\xEF\xBF\xBD[2J\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C\xEF\xBF\xBD"
				     "txt\xEF\xBF\xBD" "D\tE\nF\xEF\xBF\xBD");
	CU_ASSERT_TRUE(utf8_valid(file, strlen(file), NULL));
	CU_ASSERT_FALSE(text_needs_neutral(file, TEXT_KEEP_LINES));
	free(file);
	char *term = str_printable(evil);
	CU_ASSERT_PTR_NULL(strchr(term, '\t'));
	CU_ASSERT_PTR_NULL(strchr(term, '\n'));
	CU_ASSERT_PTR_NULL(strchr(term, 0x1B));
	CU_ASSERT_PTR_NULL(strstr(term, "\xE2\x80\xAE"));
	free(term);
	/* every bidirectional control of both ranges */
	for (uint32_t c = 0x2000; c < 0x2100; c++) {
		char s[5] = {0};
		utf8_encode(c, s);
		bool want = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
		CU_ASSERT_EQUAL(text_needs_neutral(s, TEXT_KEEP_LINES), want);
		CU_ASSERT_EQUAL(uchar_is_bidi_control(c), want);
	}
	/* ordinary text is left alone, and cut to a length in characters */
	CU_ASSERT_FALSE(text_needs_neutral("Größe – „gut“ €", 0));
	char *cut = text_neutral("äöüß", 0, 2);
	CU_ASSERT_STRING_EQUAL(cut, "äö");
	free(cut);
	char *empty = text_neutral(NULL, 0, 10);
	CU_ASSERT_STRING_EQUAL(empty, "");
	free(empty);
}

/* ------------------------------------------------------------ case */

static void test_fold(void)
{
	CU_ASSERT_TRUE(ascii_equal_fold("ENGLISH", "english"));
	CU_ASSERT_FALSE(ascii_equal_fold("english", "englis"));
	CU_ASSERT_TRUE(text_equal_fold("ÜBERGANG", "übergang"));
	CU_ASSERT_TRUE(text_equal_fold("Jährlich", "JÄHRLICH"));
	CU_ASSERT_FALSE(text_equal_fold("ıntermunicipal", "intermunicipal"));
	/* under a Turkish locale tolower('I') is not 'i'; the lookup does not
	 * care */
	if (setlocale(LC_ALL, "tr_TR.UTF-8")) {
		CU_ASSERT_EQUAL(vocab_lookup(VOCAB_GROUP, "INTERMUNICIPAL"), GROUP_INTERMUNICIPAL);
		CU_ASSERT_EQUAL(vocab_lookup(VOCAB_CATEGORY, "Maintenance"), CAT_MAINTENANCE);
		CU_ASSERT_EQUAL(vocab_lookup(VOCAB_ATTITUDE, "CRITICAL"), ATT_CRITICAL);
		CU_ASSERT_EQUAL(vocab_lookup(VOCAB_PHASE, "ÜBERGANG"), PHASE_TRANSITION);
		test_init_locale();
	} else {
		fprintf(stderr, "\n  note: no tr_TR.UTF-8 locale; the Turkish lookup is not tested\n");
	}
	CU_ASSERT_EQUAL(vocab_lookup(VOCAB_YESNO, "JA"), YN_YES);
	/* folding into a buffer: whole characters only */
	char low[8];
	bool all;
	CU_ASSERT_EQUAL(text_fold_lower("ÄRGER", strlen("ÄRGER"), low, sizeof low, &all), 6);
	CU_ASSERT_STRING_EQUAL(low, "ärger");
	CU_ASSERT_TRUE(all);
	CU_ASSERT_EQUAL(text_fold_lower("ABCDEFÜ", 8, low, sizeof low, &all), 6);
	CU_ASSERT_STRING_EQUAL(low, "abcdef");
	CU_ASSERT_FALSE(all);
	CU_ASSERT_EQUAL(text_fold_lower("ẞ\xff", strlen("ẞ\xff"), low, sizeof low, NULL), 5);
	CU_ASSERT_STRING_EQUAL(low, "ß\xef\xbf\xbd");
	CU_ASSERT_EQUAL(text_fold_lower("XY", 1, low, 1, &all), 0);
	CU_ASSERT_STRING_EQUAL(low, "");
	CU_ASSERT_FALSE(all);
}

/* ------------------------------------------------------------ fatal hook */

static int hook_calls;
static void count_hook(void)
{
	hook_calls++;
}

#if !defined(__SANITIZE_ADDRESS__)
static int hook_fd = -1;
static void pipe_hook(void)
{
	if (write(hook_fd, "H", 1) != 1)
		_exit(3);
}
#endif

static void test_fatal_hook(void)
{
	hook_calls = 0;
	util_set_fatal_hook(count_hook);
	util_fatal_cleanup();
	util_fatal_cleanup(); /* runs once */
	CU_ASSERT_EQUAL(hook_calls, 1);
#if defined(__SANITIZE_ADDRESS__)
	fprintf(stderr, "\n  note: ASan reports huge allocations itself; out of memory not run\n");
#else
	/* out of memory in a child: the hook runs before the report */
	int fds[2];
	CU_ASSERT_FATAL(pipe(fds) == 0);
	pid_t pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		hook_fd = fds[1];
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDERR_FILENO);
		util_set_fatal_hook(pipe_hook);
		volatile size_t huge = SIZE_MAX / 2;
		void *p = xmalloc(huge);
		free(p);
		_exit(0); /* not reached: xmalloc never returns NULL */
	}
	close(fds[1]);
	char c = 0;
	ssize_t n = read(fds[0], &c, 1);
	close(fds[0]);
	int st = 0;
	waitpid(pid, &st, 0);
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_EQUAL(c, 'H');
	CU_ASSERT_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
#endif
}

/* ------------------------------------------------------------ staged folder */

static const char *const names[] = {"a.csv", "b.csv", NULL};

static size_t entries(const char *dir, const char *containing)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	struct dirent *de;
	while (d && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
		    (!containing || strstr(de->d_name, containing)))
			n++;
	if (d)
		closedir(d);
	return n;
}

static void test_stage(void)
{
	char target[512];
	snprintf(target, sizeof target, "%s/stage", test_dir());
	struct dir_stage st;
	/* a new folder */
	CU_ASSERT_EQUAL_FATAL(stage_begin(&st, target, names), 0);
	CU_ASSERT_EQUAL(stage_write(&st, "a.csv", "new-a", 5), 0);
	CU_ASSERT_EQUAL(stage_write(&st, "b.csv", "new-b", 5), 0);
	CU_ASSERT_NOT_EQUAL(access(target, F_OK), 0); /* nothing visible yet */
	CU_ASSERT_EQUAL(stage_commit(&st), 0);
	char path[600];
	snprintf(path, sizeof path, "%s/a.csv", target);
	size_t len;
	char *got = test_slurp(path, &len);
	CU_ASSERT_TRUE(got && len == 5 && !memcmp(got, "new-a", 5));
	free(got);
	/* replaced as a whole: b.csv of the old folder does not survive */
	CU_ASSERT_EQUAL_FATAL(stage_begin(&st, target, names), 0);
	CU_ASSERT_EQUAL(stage_write(&st, "a.csv", "second", 6), 0);
	CU_ASSERT_EQUAL(stage_commit(&st), 0);
	CU_ASSERT_EQUAL(entries(target, NULL), 1);
	got = test_slurp(path, &len);
	CU_ASSERT_TRUE(got && len == 6 && !memcmp(got, "second", 6));
	free(got);
	/* an aborted one leaves the target and no temporary folder */
	CU_ASSERT_EQUAL_FATAL(stage_begin(&st, target, names), 0);
	CU_ASSERT_EQUAL(stage_write(&st, "a.csv", "third", 5), 0);
	stage_abort(&st);
	got = test_slurp(path, &len);
	CU_ASSERT_TRUE(got && len == 6 && !memcmp(got, "second", 6));
	free(got);
	CU_ASSERT_EQUAL(entries(test_dir(), "tmp-"), 0);
	/* a name twice is refused (O_EXCL), links and strangers too */
	CU_ASSERT_EQUAL_FATAL(stage_begin(&st, target, names), 0);
	CU_ASSERT_EQUAL(stage_write(&st, "a.csv", "x", 1), 0);
	CU_ASSERT_NOT_EQUAL(stage_write(&st, "a.csv", "y", 1), 0);
	stage_abort(&st);
	char link[600];
	snprintf(link, sizeof link, "%s/stage-link", test_dir());
	CU_ASSERT_EQUAL(symlink(target, link), 0);
	CU_ASSERT_EQUAL(stage_begin(&st, link, names), ELOOP);
	snprintf(path, sizeof path, "%s/c.txt", target);
	test_write(path, "mine", 4);
	CU_ASSERT_EQUAL(stage_begin(&st, target, names), ENOTEMPTY);
	CU_ASSERT_STRING_EQUAL(st.stranger, "c.txt");
	CU_ASSERT_EQUAL(entries(target, NULL), 2);
	CU_ASSERT_EQUAL(stage_begin(&st, path, names), ENOTDIR);
	CU_ASSERT_EQUAL(entries(test_dir(), "tmp-"), 0);
}

/* ------------------------------------------------------------ streamed CSV */

/* The same table from a buffer and from a file read in 64 KiB pieces. */
static void same_table(const char *data, size_t len, int flags)
{
	const char *path = test_path("stream.csv");
	test_write(path, data, len);
	struct csv_table a, b;
	struct csv_error ea, eb;
	bool oka = csv_table_parse(data, len, flags, &a, &ea);
	int fd = open(path, O_RDONLY);
	CU_ASSERT_FATAL(fd >= 0);
	bool okb = csv_table_parse_fd(fd, (size_t)1 << 30, flags, &b, &eb);
	close(fd);
	CU_ASSERT_EQUAL(oka, okb);
	CU_ASSERT_EQUAL(a.n, b.n);
	CU_ASSERT_EQUAL(a.delim, b.delim);
	CU_ASSERT_EQUAL(a.had_bom, b.had_bom);
	for (size_t r = 0; r < a.n && r < b.n; r++) {
		CU_ASSERT_EQUAL(a.rows[r].line, b.rows[r].line);
		CU_ASSERT_EQUAL_FATAL(a.rows[r].n, b.rows[r].n);
		for (size_t c = 0; c < a.rows[r].n; c++)
			CU_ASSERT_STRING_EQUAL(a.rows[r].cells[c], b.rows[r].cells[c]);
	}
	if (!oka && !okb) {
		CU_ASSERT_EQUAL(ea.line, eb.line);
		CU_ASSERT_STRING_EQUAL(ea.msg, eb.msg);
	}
	csv_table_free(&a);
	csv_table_free(&b);
}

static void test_stream(void)
{
	/* a file larger than one piece, with a CRLF and a quoted line break
	 * split across the 64 KiB boundary, comments and a BOM */
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "\xEF\xBB\xBF# a comment\n# another;one\nname;note\r\n");
	size_t row = 0;
	while (b.len < 65536 - 40)
		buf_printf(&b, "row %zu;\"text, with; separators\"\r\n", ++row);
	while (b.len < 65535)
		buf_adds(&b, "x");
	buf_adds(&b, "\r\n\"two\nlines\";\"end\"\rlast;row\n");
	same_table(b.data, b.len, CSV_TABLE_COMMENTS);
	/* shift the boundary through the tail */
	for (int k = 1; k < 8; k++) {
		struct buf c;
		buf_init(&c);
		buf_add(&c, b.data, b.len - 30);
		for (int i = 0; i < k; i++)
			buf_addc(&c, 'y');
		buf_add(&c, b.data + b.len - 30, 30);
		same_table(c.data, c.len, CSV_TABLE_COMMENTS);
		buf_free(&c);
	}
	buf_free(&b);
	/* errors name the same line either way */
	same_table("a,b\n1,\"x\"y\n", 12, 0);
	same_table("a,b\n1,\"open\n", 12, 0);
	same_table("", 0, 0);
	/* UTF-16 is refused with a hint */
	struct csv_table t;
	struct csv_error e;
	const char *path = test_path("utf16.csv");
	test_write(path, "\xFF\xFEn\0a\0", 6);
	int fd = open(path, O_RDONLY);
	CU_ASSERT_FALSE(csv_table_parse_fd(fd, 1000, 0, &t, &e));
	close(fd);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "UTF-16"));
	/* more than max bytes */
	path = test_path("five.csv");
	test_write(path, "a,b\n1", 5);
	fd = open(path, O_RDONLY);
	CU_ASSERT_FALSE(csv_table_parse_fd(fd, 4, 0, &t, &e));
	close(fd);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.msg, "too large"));
}

/* ------------------------------------------------------------ sheet limits */

static void test_sheet_limit(void)
{
	struct model m;
	model_init(&m);
	struct strategy_goal g = {0, (char *)""};
	for (int64_t i = 1; i <= 1048576; i++) {
		g.id = i;
		model_put_sgoal(&m, &g);
	}
	struct findings f;
	findings_compute(&m, &f);
	char err[1024];
	CU_ASSERT_EQUAL(xlsx_fits(&m, &f, err, sizeof err), ERR_XLSX_ROWS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "1048576 rows"));
	const char *out = test_path("big.xlsx");
	CU_ASSERT_EQUAL(xlsx_export(&m, &f, out, LANG_EN, err, sizeof err), ERR_XLSX_ROWS);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "Strategy goals"));
	CU_ASSERT_NOT_EQUAL(access(out, F_OK), 0);
	CU_ASSERT_EQUAL(entries(test_dir(), "tmp-"), 0);
	/* one row fewer fits */
	model_clear(&m);
	for (int64_t i = 1; i <= 1048575; i++) {
		g.id = i;
		model_put_sgoal(&m, &g);
	}
	CU_ASSERT_EQUAL(xlsx_fits(&m, &f, err, sizeof err), ERR_OK);
	findings_free(&f);
	model_free(&m);
}

/* ------------------------------------------------------------ numbers */

/* text parses in lang to want */
static void num_ok(const char *text, enum lang lang, double want)
{
	double v = -12345.678;
	enum err e = num_parse_lang(text, lang, &v);
	if (e != ERR_OK || v != want)
		fprintf(stderr, "\n  '%s' (%s): error %d, %.17g; want %.17g\n", text,
			lang == LANG_DE ? "de" : "en", (int)e, v, want);
	CU_ASSERT_EQUAL(e, ERR_OK);
	CU_ASSERT_EQUAL(v, want);
}

/* text is refused in lang for the reason want, and *out stays as it was */
static void num_bad(const char *text, enum lang lang, enum err want)
{
	double v = 4711;
	enum err e = num_parse_lang(text, lang, &v);
	if (e != want)
		fprintf(stderr, "\n  '%s' (%s): error %d, want %d\n", text,
			lang == LANG_DE ? "de" : "en", (int)e, (int)want);
	CU_ASSERT_EQUAL(e, want);
	CU_ASSERT_EQUAL(v, 4711);
}

static void test_num_german(void)
{
	const enum lang de = LANG_DE;
	num_ok("18.500", de, 18500);
	num_ok("18.500,50", de, 18500.5);
	num_ok("1.234.567", de, 1234567);
	num_ok("1.234", de, 1234);
	num_ok("12,5", de, 12.5);
	num_ok(",5", de, 0.5);
	num_ok("0,5", de, 0.5);
	num_ok("18500", de, 18500);
	num_ok("18500,5", de, 18500.5);
	num_ok("007", de, 7);
	num_ok("0", de, 0);
	num_ok("999.999.999.999.999", de, 999999999999999.0);
	num_ok("123.456,789", de, 123456.789);
	/* space-like thousands marks */
	num_ok("18 500", de, 18500);
	num_ok("18\xC2\xA0" "500,25", de, 18500.25);     /* no-break space */
	num_ok("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567", de, 1234567); /* narrow */
	num_ok("1\xE2\x80\x89" "234", de, 1234);          /* thin space */
	/* the ambiguous cases are refused, never guessed */
	num_bad("18.50", de, ERR_NUM_GROUP);
	num_bad("1.5", de, ERR_NUM_GROUP);
	num_bad("1.23", de, ERR_NUM_GROUP);
	num_bad("1.2345", de, ERR_NUM_GROUP);
	num_bad("0.500", de, ERR_NUM_GROUP);
	num_bad("00.500", de, ERR_NUM_GROUP);
	num_bad("1234.567", de, ERR_NUM_GROUP);
	num_bad(".500", de, ERR_NUM_GROUP);
	num_bad("18.", de, ERR_NUM_GROUP);
	num_bad("1..000", de, ERR_NUM_GROUP);
	num_bad("1.000 000", de, ERR_NUM_GROUP); /* two kinds of mark */
	num_bad("1 000.000", de, ERR_NUM_GROUP);
	num_bad("18.50,5", de, ERR_NUM_GROUP);
	num_bad("18.,5", de, ERR_NUM_GROUP);
	/* English numbers in a German session */
	num_bad("18,500.50", de, ERR_NUM_ORDER);
	num_bad("18.500,5.0", de, ERR_NUM_ORDER);
	num_bad("1,5 000", de, ERR_NUM_ORDER);
	num_bad("1,500 5", de, ERR_NUM_ORDER);
	num_bad("1,2,3", de, ERR_NUM_DECIMAL);
	num_bad("18,500,5", de, ERR_NUM_DECIMAL);
	num_bad("18,", de, ERR_NUM_DECIMAL);
}

static void test_num_english(void)
{
	const enum lang en = LANG_EN;
	num_ok("18,500", en, 18500);
	num_ok("18,500.50", en, 18500.5);
	num_ok("1,234,567", en, 1234567);
	num_ok("1,234", en, 1234);
	num_ok("1.5", en, 1.5);
	num_ok(".5", en, 0.5);
	num_ok("12.5", en, 12.5);
	num_ok("18500", en, 18500);
	num_ok("18 500.75", en, 18500.75);
	num_ok("0.000001", en, 0.000001);
	num_bad("1,5", en, ERR_NUM_GROUP);
	num_bad("18,50", en, ERR_NUM_GROUP);
	num_bad("18,50.0", en, ERR_NUM_GROUP);
	num_bad("12000,50", en, ERR_NUM_GROUP);
	num_bad("0,500", en, ERR_NUM_GROUP);
	num_bad(",500", en, ERR_NUM_GROUP);
	num_bad("1,000 000", en, ERR_NUM_GROUP);
	num_bad("18.500,50", en, ERR_NUM_ORDER);
	num_bad("1.000,000", en, ERR_NUM_ORDER);
	num_bad("1.2.3", en, ERR_NUM_DECIMAL);
	num_bad("18.", en, ERR_NUM_DECIMAL);
}

static void test_num_signs_blanks(void)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		enum lang lang = (enum lang)l;
		num_ok("  42\t", lang, 42);
		num_ok("\xC2\xA0" "42\xC2\xA0", lang, 42);
		num_ok("-42", lang, -42);
		num_ok("+42", lang, 42);
		num_ok("\xE2\x88\x92" "42", lang, -42); /* U+2212 minus */
		num_ok("-0", lang, 0);
		num_bad("", lang, ERR_NUM_EMPTY);
		num_bad("   ", lang, ERR_NUM_EMPTY);
		num_bad(NULL, lang, ERR_NUM_EMPTY);
		num_bad("-", lang, ERR_NUM_JUNK);
		num_bad("--5", lang, ERR_NUM_JUNK);
		num_bad("- 5", lang, ERR_NUM_JUNK);
		num_bad("5 ,5", lang, ERR_NUM_JUNK);
		num_bad("5-", lang, ERR_NUM_JUNK);
		num_bad("abc", lang, ERR_NUM_JUNK);
		num_bad("12a", lang, ERR_NUM_JUNK);
		num_bad("1e5", lang, ERR_NUM_JUNK);
		num_bad("inf", lang, ERR_NUM_JUNK);
		num_bad("nan", lang, ERR_NUM_JUNK);
		num_bad("0x10", lang, ERR_NUM_JUNK);
		num_bad("18500 €", lang, ERR_NUM_JUNK);
		num_bad("€18500", lang, ERR_NUM_JUNK);
		num_bad("50 %", lang, ERR_NUM_JUNK);
		num_bad("5\t5", lang, ERR_NUM_JUNK);
		/* digits of other scripts are not digits here */
		num_bad("\xEF\xBC\x91\xEF\xBC\x92", lang, ERR_NUM_JUNK); /* fullwidth 12 */
		num_bad("\xD9\xA1\xD9\xA2", lang, ERR_NUM_JUNK);         /* Arabic-Indic 12 */
		num_bad("\xDB\xB5", lang, ERR_NUM_JUNK);                 /* Persian 5 */
		num_bad("1\xFF" "2", lang, ERR_NUM_JUNK);                /* invalid UTF-8 */
		/* huge numbers and too many digits */
		num_ok("999999999999999", lang, 999999999999999.0);
		num_bad("1000000000000000", lang, ERR_NUM_RANGE);
		num_bad("99999999999999999999999999999999999999", lang, ERR_NUM_RANGE);
		num_ok("000000000000000000001", lang, 1); /* leading zeros do not count */
		num_bad(lang == LANG_DE ? "0,1234567890123456" : "0.1234567890123456", lang,
			ERR_NUM_RANGE);
		num_ok(lang == LANG_DE ? "0,123456789012345" : "0.123456789012345", lang,
		       0.123456789012345);
	}
}

/* the longest text a field holds: blanks around a number, or nothing
 * but blanks, parse in linear time */
static void test_num_long(void)
{
	size_t n = TEXT_MAX_CHARS;
	char *t = xmalloc(n + 1);
	memset(t, ' ', n);
	t[n] = '\0';
	num_bad(t, LANG_DE, ERR_NUM_EMPTY);
	t[n / 2] = '7';
	num_ok(t, LANG_EN, 7);
	memset(t, '1', n);
	num_bad(t, LANG_DE, ERR_NUM_RANGE);
	free(t);
}

/* format → parse gives the same value, in both languages */
static void round_trip(double v)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		char out[64];
		num_format_lang(v, (enum lang)l, out);
		double back = -1;
		enum err e = num_parse_lang(out, (enum lang)l, &back);
		if (e != ERR_OK || back != v)
			fprintf(stderr, "\n  %.17g → '%s' → %d %.17g\n", v, out, (int)e, back);
		CU_ASSERT_EQUAL(e, ERR_OK);
		CU_ASSERT_EQUAL(back, v);
	}
}

static void test_num_format(void)
{
	char out[64];
	num_format_lang(18500, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "18.500");
	num_format_lang(18500, LANG_EN, out);
	CU_ASSERT_STRING_EQUAL(out, "18,500");
	num_format_lang(18500.5, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "18.500,5");
	num_format_lang(-1234567.25, LANG_EN, out);
	CU_ASSERT_STRING_EQUAL(out, "-1,234,567.25");
	num_format_lang(-1234567.25, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "-1.234.567,25");
	num_format_lang(999, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "999");
	num_format_lang(12.5, LANG_EN, out);
	CU_ASSERT_STRING_EQUAL(out, "12.5");
	num_format_lang(0.1 + 0.2, LANG_DE, out); /* 15 digits hide the binary tail */
	CU_ASSERT_STRING_EQUAL(out, "0,3");
	num_format_lang(-0.0, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "0");
	num_format_lang(0.00001234, LANG_EN, out);
	CU_ASSERT_STRING_EQUAL(out, "0.00001234");
	num_format_lang(999999999999999.0, LANG_DE, out);
	CU_ASSERT_STRING_EQUAL(out, "999.999.999.999.999");
	num_format_lang(-5e-40, LANG_DE, out); /* below what 30 decimals show */
	CU_ASSERT_STRING_EQUAL(out, "0");

	static const double values[] = {0, 1, -1, 7, 12.5, 999, 1000, -1000, 18500, 18500.5,
					18500.05, 1234567, 0.5, 0.05, 0.001, 0.000001,
					0.00001234, 33.3, 66.7, 100, 123456.789, -98765.4321,
					999999999999999.0, 123456789012345.0, 0.123456789012345,
					1.5e-10, 12345678.9, 100000, 1000000};
	for (size_t i = 0; i < sizeof values / sizeof *values; i++)
		round_trip(values[i]);
	/* every number of up to 15 digits the parser takes comes back: a walk */
	unsigned long long x = 1;
	for (int i = 0; i < 2000; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		long long mant = (long long)((x >> 11) % 1000000000000000ULL);
		int scale = (int)((x >> 3) % 16);
		char txt[64];
		snprintf(txt, sizeof txt, "%lld", mant);
		/* put a decimal point `scale` digits from the right, in C form */
		size_t len = strlen(txt);
		char c[80];
		if ((size_t)scale >= len)
			snprintf(c, sizeof c, "0.%.*s%s", (int)((size_t)scale - len),
				 "0000000000000000", txt);
		else
			snprintf(c, sizeof c, "%.*s.%s", (int)(len - (size_t)scale), txt,
				 txt + len - (size_t)scale);
		double v = strtod(c, NULL);
		if (i % 2)
			v = -v;
		round_trip(v == 0 ? 0 : v);
	}
}

/* ------------------------------------------------------------ errors */

/* The conversions of a printf format as errors.def writes them: s for %s,
 * d for %d and %ld, u for %u and %zu; %% is none. */
static void conversions(const char *fmt, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("0123456789$-+ #'.*hlLqjzt", *p))
			p++;
		char c = *p == 'i' ? 'd' : *p;
		if (k + 1 < n)
			out[k++] = c;
		if (!*p)
			break;
	}
	out[k] = '\0';
}

/* Every code has a name, an English message whose conversions are the ones
 * errors.def names, and a German translation with the same conversions. */
static void test_err_table(void)
{
	CU_ASSERT_STRING_EQUAL(err_text(ERR_OK), "");
	CU_ASSERT_PTR_NULL(err_msgid(ERR_OK));
	CU_ASSERT_STRING_EQUAL(err_text(ERR_COUNT), "");
	CU_ASSERT_TRUE(ERR_COUNT > 80);
	for (int e = ERR_OK + 1; e < ERR_COUNT; e++) {
		const char *name = err_name((enum err)e), *id = err_msgid((enum err)e);
		const char *args = err_args((enum err)e);
		CU_ASSERT_FATAL(id && args && *name && *name != '?');
		CU_ASSERT_TRUE(*id != '\0');
		char conv[16];
		conversions(id, conv, sizeof conv);
		if (strcmp(conv, args))
			fprintf(stderr, "\n  %s: conversions \"%s\", args \"%s\"\n", name, conv,
				args);
		CU_ASSERT_STRING_EQUAL(conv, args);
		i18n_set_lang(LANG_EN);
		CU_ASSERT_STRING_EQUAL(err_text((enum err)e), id);
		i18n_set_lang(LANG_DE);
		const char *de = err_text((enum err)e);
		if (!strcmp(de, id))
			fprintf(stderr, "\n  %s: no German translation\n", name);
		CU_ASSERT_STRING_NOT_EQUAL(de, id);
		conversions(de, conv, sizeof conv);
		CU_ASSERT_STRING_EQUAL(conv, args);
		i18n_set_lang(LANG_EN);
	}
	/* names are unique: two codes with one name would be one code */
	for (int a = ERR_OK + 1; a < ERR_COUNT; a++)
		for (int b = a + 1; b < ERR_COUNT; b++)
			CU_ASSERT_STRING_NOT_EQUAL(err_name((enum err)a), err_name((enum err)b));
}

static void test_err_format(void)
{
	char out[256];
	i18n_set_lang(LANG_EN);
	err_format(out, sizeof out, ERR_CSV_TOO_LONG, 32767);
	CU_ASSERT_STRING_EQUAL(out, "the cell is longer than 32767 characters");
	err_format(out, sizeof out, ERR_BUNDLE_CELLS, (size_t)3, (size_t)5);
	CU_ASSERT_STRING_EQUAL(out, "the line has 3 cells, but the header has 5");
	err_format(out, sizeof out, ERR_STORE_NEWER, "a.stetig", 99, 10);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "(file format 99; this version reads up to 10)"));
	i18n_set_lang(LANG_DE);
	err_format(out, sizeof out, ERR_STORE_NOT_FOUND, "ä.stetig");
	CU_ASSERT_STRING_EQUAL(out, "„ä.stetig“ gibt es nicht.");
	/* cut short, never inside a character: "„ä" is 3 + 2 bytes */
	for (size_t n = 1; n <= 6; n++) {
		err_format(out, n, ERR_STORE_NOT_FOUND, "ä.stetig");
		CU_ASSERT_TRUE(utf8_valid(out, strlen(out), NULL));
		CU_ASSERT_TRUE(strlen(out) < n);
	}
	err_format(out, 6, ERR_STORE_NOT_FOUND, "ä.stetig");
	CU_ASSERT_STRING_EQUAL(out, "„ä");
	err_format(out, 5, ERR_STORE_NOT_FOUND, "ä.stetig");
	CU_ASSERT_STRING_EQUAL(out, "„");
	/* reasons for errno values, in the session language */
	CU_ASSERT_STRING_EQUAL(err_errno_text(ENOSPC), "der Datenträger ist voll");
	i18n_set_lang(LANG_EN);
	CU_ASSERT_EQUAL(err_errno(EDQUOT), ERR_SYS_DISK_FULL);
	CU_ASSERT_EQUAL(err_errno(EISDIR), ERR_SYS_IS_FOLDER);
	CU_ASSERT_EQUAL(err_errno(EINVAL), ERR_OK);
	CU_ASSERT_STRING_EQUAL(err_errno_text(EROFS), "the disk is read-only");
	CU_ASSERT_STRING_EQUAL(err_errno_text(EINVAL), strerror(EINVAL));
}

int main(void)
{
	test_init_locale();
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	CU_pSuite s = CU_add_suite("text", NULL, NULL);
	ADD_TEST(s, test_decode);
	ADD_TEST(s, test_width);
	ADD_TEST(s, test_neutral);
	ADD_TEST(s, test_fold);
	s = CU_add_suite("numbers", NULL, NULL);
	ADD_TEST(s, test_num_german);
	ADD_TEST(s, test_num_english);
	ADD_TEST(s, test_num_signs_blanks);
	ADD_TEST(s, test_num_long);
	ADD_TEST(s, test_num_format);
	s = CU_add_suite("fatal", NULL, NULL);
	ADD_TEST(s, test_fatal_hook);
	s = CU_add_suite("files", NULL, NULL);
	ADD_TEST(s, test_stage);
	ADD_TEST(s, test_stream);
	ADD_TEST(s, test_sheet_limit);
	s = CU_add_suite("errors", NULL, NULL);
	ADD_TEST(s, test_err_table);
	ADD_TEST(s, test_err_format);
	return test_run();
}
