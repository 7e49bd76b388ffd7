/* store_validate.c — every value the program relies on, checked as the
 * workshop is opened: ranges, choice words, dates, text lengths and
 * references, row by row, whatever the file's schema claims (a file can
 * carry rows that break its CHECK constraints, and a read-only connection
 * does not see that). The first bad value is reported with its table, row
 * and column. */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_internal.h"
#include "util.h"
#include "vocab.h"

enum rule_kind {
	R_ID,	/* INTEGER >= 1 */
	R_TEXT, /* TEXT, at most TEXT_MAX_CHARS characters */
	R_DATE, /* NULL or an ISO date */
	R_INT,	/* INTEGER in lo..hi (or NULL when null_ok) */
	R_REAL, /* a number in lo..hi (or NULL when null_ok); above lo when open */
	R_WORD, /* one of the stored words of a vocabulary */
	R_ROLE, /* R, A, C or I */
	R_REF,	/* an id (or NULL when null_ok) */
	R_EXPR, /* a condition of the row that must hold */
};

struct rule {
	const char *table;
	const char *column;
	enum rule_kind kind;
	double lo, hi;
	bool null_ok;
	bool open_lo;
	enum vocab_kind vocab;
	const char *expr;
};

#define ID(t) {t, "id", R_ID, 0, 0, false, false, 0, NULL}
#define TEXT(t, c) {t, c, R_TEXT, 0, 0, false, false, 0, NULL}
#define DATE(t, c) {t, c, R_DATE, 0, 0, true, false, 0, NULL}
#define INT(t, c, lo, hi, n) {t, c, R_INT, lo, hi, n, false, 0, NULL}
#define REAL(t, c, lo, hi, n, o) {t, c, R_REAL, lo, hi, n, o, 0, NULL}
#define WORD(t, c, k) {t, c, R_WORD, 0, 0, false, false, k, NULL}
#define REF(t, c, n) {t, c, R_REF, 0, 0, n, false, 0, NULL}

#define NUMBER_MAX 1e15

static const struct rule rules[] = {
	INT("workshop", "id", 1, 1, false),
	TEXT("workshop", "title"), TEXT("workshop", "municipality"), TEXT("workshop", "field"),
	DATE("workshop", "funding_end"), WORD("workshop", "phase", VOCAB_PHASE),
	TEXT("workshop", "facilitator"), TEXT("workshop", "participants"),
	WORD("workshop", "language", VOCAB_LANG),
	REAL("workshop", "funding_rate", 0, 100, true, false),
	INT("workshop", "first_budget_year", 1900, 9999, true),
	WORD("workshop", "operator_model", VOCAB_OPMODEL), REF("workshop", "operator", true),
	WORD("workshop", "agreement", VOCAB_AGREEMENT), DATE("workshop", "agreement_date"),
	TEXT("workshop", "agreement_ref"), TEXT("workshop", "operator_note"),
	INT("workshop", "vote_voters", 1, 999, true), INT("workshop", "vote_dots", 1, 99, true),
	TEXT("workshop", "start_time"), INT("workshop", "bell", 0, 1, false),
	/* HH:MM as far as the functions the file may call can tell (the agenda
	 * ignores a start it cannot read) */
	{"workshop", "start_time", R_EXPR, 0, 0, false, false, 0,
	 "start_time = '' OR (length(start_time) = 5 AND start_time BETWEEN '00:00' AND '23:59')"},

	ID("agenda_block"), WORD("agenda_block", "kind", VOCAB_BLOCK),
	TEXT("agenda_block", "title"), INT("agenda_block", "minutes", 0, 999, false),
	INT("agenda_block", "before_step", 0, STEP_COUNT, false),
	INT("agenda_block", "position", 0, 999999, false),

	INT("agenda", "step", 0, STEP_COUNT - 1, false), INT("agenda", "minutes", 0, 999, false),
	INT("clock", "step", 0, STEP_COUNT - 1, false),
	INT("clock", "elapsed", 0, (double)STORE_CLOCK_ELAPSED_MAX, false),
	INT("clock", "started", 0, (double)STORE_CLOCK_STARTED_MAX, false),
	INT("place", "id", 1, 1, false), INT("place", "step", 0, STEP_COUNT - 1, false),
	TEXT("place", "kind"), INT("place", "item", 0, 9.0e18, false),
	INT("place", "raci_view", 0, 2, false),

	ID("strategy_goal"), TEXT("strategy_goal", "title"),

	ID("goal"), TEXT("goal", "title"), TEXT("goal", "specific"), TEXT("goal", "measurable"),
	TEXT("goal", "achievable"), TEXT("goal", "relevant"), TEXT("goal", "time_bound"),
	REF("goal", "strategy_goal", true), WORD("goal", "status", VOCAB_GSTATUS),
	INT("goal", "votes", 1, 999, true),

	ID("stakeholder"), TEXT("stakeholder", "name"), TEXT("stakeholder", "organisation"),
	WORD("stakeholder", "grp", VOCAB_GROUP), INT("stakeholder", "influence", 1, 5, false),
	INT("stakeholder", "interest", 1, 5, false),
	WORD("stakeholder", "attitude", VOCAB_ATTITUDE),
	INT("stakeholder", "key_person", 0, 1, false), INT("stakeholder", "temporary", 0, 1, false),
	TEXT("stakeholder", "message"), TEXT("stakeholder", "channel"),
	TEXT("stakeholder", "cadence"),

	ID("indicator"), REF("indicator", "goal", false), TEXT("indicator", "name"),
	TEXT("indicator", "unit"), WORD("indicator", "direction", VOCAB_DIRECTION),
	REAL("indicator", "baseline", -NUMBER_MAX, NUMBER_MAX, true, false),
	DATE("indicator", "baseline_date"),
	REAL("indicator", "target", -NUMBER_MAX, NUMBER_MAX, true, false),
	DATE("indicator", "target_date"),
	REAL("indicator", "latest", -NUMBER_MAX, NUMBER_MAX, true, false),
	DATE("indicator", "latest_date"), TEXT("indicator", "source"),
	TEXT("indicator", "method"), TEXT("indicator", "frequency"),
	REF("indicator", "owner", true),

	ID("task"), TEXT("task", "name"), WORD("task", "category", VOCAB_CATEGORY),
	WORD("task", "phase", VOCAB_TPHASE), INT("task", "votes", 1, 999, true),

	ID("raci"), REF("raci", "task", false), REF("raci", "stakeholder", false),
	{"raci", "role", R_ROLE, 0, 0, false, false, 0, NULL},

	ID("cost"), TEXT("cost", "name"), WORD("cost", "kind", VOCAB_COST_KIND),
	REAL("cost", "amount", 0, NUMBER_MAX, false, false),
	INT("cost", "start_year", 1900, 9999, true), INT("cost", "end_year", 1900, 9999, true),
	{"cost", "end_year", R_EXPR, 0, 0, false, false, 0,
	 "start_year IS NULL OR end_year IS NULL OR end_year >= start_year"},

	ID("cost_share"), REF("cost_share", "cost", false), REF("cost_share", "stakeholder", false),
	REAL("cost_share", "percent", 0, 100, false, true),
	WORD("cost_share", "status", VOCAB_SHARE_STATUS), TEXT("cost_share", "budget_line"),

	ID("check_item"), INT("check_item", "factor", 1, 6, false),
	WORD("check_item", "field", VOCAB_FIELD), INT("check_item", "item", 1, 99, false),
	WORD("check_item", "status", VOCAB_CHECK_STATUS), TEXT("check_item", "note"),
	INT("check_item", "votes", 1, 999, true),

	ID("finding_vote"), TEXT("finding_vote", "rule"),
	INT("finding_vote", "item", 0, 9e15, false), INT("finding_vote", "votes", 1, 999, false),

	ID("note"), WORD("note", "kind", VOCAB_NOTE_KIND), TEXT("note", "text"),
	REF("note", "owner", true), DATE("note", "due"),

	ID("decision"), WORD("decision", "body", VOCAB_BODY), TEXT("decision", "subject"),
	DATE("decision", "planned"), WORD("decision", "status", VOCAB_DEC_STATUS),
	TEXT("decision", "document"),

	ID("milestone"), TEXT("milestone", "title"), WORD("milestone", "kind", VOCAB_MS_KIND),
	DATE("milestone", "due"), REF("milestone", "owner", true),
	WORD("milestone", "status", VOCAB_MS_STATUS), REF("milestone", "decision", true),
};

#define N_RULES (sizeof rules / sizeof *rules)

/* Appends the condition under which rule r's column is NOT acceptable. */
static void add_bad(struct buf *b, const struct rule *r)
{
	const char *c = r->column;
	buf_adds(b, "NOT(");
	if (r->null_ok)
		buf_printf(b, "%s IS NULL OR ", c);
	switch (r->kind) {
	case R_ID:
	case R_REF:
		buf_printf(b, "(typeof(%s)='integer' AND %s>=1)", c, c);
		break;
	case R_TEXT:
		buf_printf(b, "(typeof(%s)='text' AND length(%s)<=%d)", c, c, TEXT_MAX_CHARS);
		break;
	case R_DATE:
		buf_printf(b, "(typeof(%s)='text' AND length(%s)=10 AND date(%s,'+0 days') IS %s)",
			   c, c, c, c);
		break;
	case R_INT:
		buf_printf(b, "(typeof(%s)='integer' AND %s BETWEEN %.0f AND %.0f)", c, c, r->lo,
			   r->hi);
		break;
	case R_REAL:
		buf_printf(b, "(typeof(%s) IN ('real','integer') AND %s %s %.17g AND %s <= %.17g)", c,
			   c, r->open_lo ? ">" : ">=", r->lo, c, r->hi);
		break;
	case R_WORD:
		buf_printf(b, "(typeof(%s)='text' AND %s IN (", c, c);
		for (int i = 0; i < vocab_count(r->vocab); i++) {
			char *q = sqlite3_mprintf("%Q", vocab_word(r->vocab, i, LANG_EN));
			buf_printf(b, "%s%s", i ? "," : "", q ? q : "NULL");
			sqlite3_free(q);
		}
		buf_adds(b, "))");
		break;
	case R_ROLE:
		buf_printf(b, "(typeof(%s)='text' AND %s IN ('R','A','C','I'))", c, c);
		break;
	case R_EXPR:
		buf_printf(b, "(%s)", r->expr);
		break;
	}
	buf_adds(b, ")");
}

/* Checks the rules [first, end) of one table. */
static enum err check_table(struct store *s, size_t first, size_t end)
{
	struct buf conds, sql;
	buf_init(&conds);
	buf_init(&sql);
	buf_adds(&sql, "SELECT rowid, CASE");
	for (size_t i = first; i < end; i++) {
		struct buf one;
		buf_init(&one);
		add_bad(&one, &rules[i]);
		buf_printf(&sql, " WHEN %s THEN %zu", one.data, i);
		buf_printf(&conds, "%s%s", i > first ? " OR " : "", one.data);
		buf_free(&one);
	}
	buf_printf(&sql, " END FROM %s WHERE %s LIMIT 1", rules[first].table, conds.data);
	buf_free(&conds);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		enum err e = store_fail(s, rc);
		return e == ERR_STORE_IO ? ERR_STORE_DAMAGED : e;
	}
	enum err e = ERR_OK;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		size_t r = (size_t)sqlite3_column_int64(st, 1);
		snprintf(s->detail, sizeof s->detail,
			 _("table %s, row %lld, column %s: a value stetig does not accept"),
			 rules[first].table, (long long)sqlite3_column_int64(st, 0),
			 r < N_RULES ? rules[r].column : "?");
		e = ERR_STORE_DAMAGED;
	} else if (rc != SQLITE_DONE) {
		e = store_fail(s, rc);
		if (e == ERR_STORE_IO || e == ERR_STORE_NOT_SQLITE)
			e = ERR_STORE_DAMAGED;
	}
	sqlite3_finalize(st);
	return e;
}

/* Every reference points at a row that exists. */
static enum err check_references(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc);
	enum err e = ERR_OK;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		const unsigned char *p = sqlite3_column_text(st, 2);
		char *ts = str_printable(t ? (const char *)t : "?");
		char *ps = str_printable(p ? (const char *)p : "?");
		snprintf(s->detail, sizeof s->detail,
			 _("table %s, row %lld: refers to a missing row of table %s"), ts,
			 (long long)sqlite3_column_int64(st, 1), ps);
		free(ts);
		free(ps);
		e = ERR_STORE_DAMAGED;
	} else if (rc != SQLITE_DONE) {
		e = store_fail(s, rc);
		if (e == ERR_STORE_IO || e == ERR_STORE_NOT_SQLITE)
			e = ERR_STORE_DAMAGED;
	}
	sqlite3_finalize(st);
	return e;
}

enum err store_validate(struct store *s)
{
	size_t first = 0;
	while (first < N_RULES) {
		size_t end = first + 1;
		while (end < N_RULES && !strcmp(rules[end].table, rules[first].table))
			end++;
		enum err e = check_table(s, first, end);
		if (e != ERR_OK)
			return e;
		first = end;
	}
	return check_references(s);
}
