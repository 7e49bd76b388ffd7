/* store_edit.c — committed edits: groups, saves and deletes, each one
 * transaction and one undo step. */
#include "config.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_internal.h"
#include "util.h"

/* ------------------------------------------------------------ edits */

static enum store_status trim_history(struct store *s)
{
	char sql[200];
	snprintf(sql, sizeof sql,
		 "DELETE FROM undo_step WHERE kind='undo' AND id <= "
		 "(SELECT id FROM undo_step WHERE kind='undo' ORDER BY id DESC LIMIT 1 OFFSET %d)",
		 STORE_UNDO_MAX);
	return store_exec(s, sql) == SQLITE_OK ? STORE_OK : store_fail(s, 0);
}

enum store_status store_begin(struct store *s, const char *label, const char *item)
{
	if (!s->writable)
		return STORE_E_READONLY;
	if (s->depth++ > 0)
		return s->failed ? STORE_E_IO : STORE_OK;
	s->failed = false;
	s->reload = false;
	enum store_status te = store_ensure_triggers(s);
	if (te != STORE_OK) {
		s->depth = 0;
		return te;
	}
	if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		s->depth = 0;
		return store_fail(s, 0);
	}
	sqlite3_stmt *st;
	if (store_exec(s, "DELETE FROM undo_step WHERE kind='redo'") != SQLITE_OK ||
	    !(st = store_prep(s, "INSERT INTO undo_step(kind,label,item) VALUES('undo',?,?)")))
		goto bad;
	bind_text(st, 1, label);
	char *short_item = xstrndup(item ? item : "", utf8_prefix(item ? item : "", 80));
	bind_text(st, 2, short_item);
	free(short_item);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto bad;
	return STORE_OK;
bad:;
	enum store_status e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth = 0;
	return e;
}

enum store_status store_commit(struct store *s, struct model *m)
{
	if (s->depth <= 0)
		return STORE_OK;
	if (--s->depth > 0)
		return s->failed ? STORE_E_IO : STORE_OK;
	if (s->failed) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->failed = false;
		if (m)
			store_load(s, m);
		return STORE_E_IO;
	}
	/* a step that changed nothing is not worth an undo */
	if (store_exec(s, "DELETE FROM undo_step WHERE id=(SELECT max(id) FROM undo_step) AND "
		    "NOT EXISTS(SELECT 1 FROM undo_log WHERE step=(SELECT max(id) FROM undo_step))") !=
	    SQLITE_OK)
		goto bad;
	if (trim_history(s) != STORE_OK)
		goto bad;
	if (store_exec(s, "COMMIT") != SQLITE_OK)
		goto bad;
	if (s->reload && m) {
		s->reload = false;
		return store_load(s, m);
	}
	return STORE_OK;
bad:;
	enum store_status e = store_fail(s, 0);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (m)
		store_load(s, m);
	return e;
}

void store_rollback(struct store *s, struct model *m)
{
	if (s->depth > 0) {
		s->depth = 0;
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	s->failed = false;
	if (m)
		store_load(s, m);
}

/* Runs a prepared statement of an edit; marks the group failed on error. */
static enum store_status step_edit(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return STORE_OK;
	}
	enum store_status e = store_fail(s, rc);
	sqlite3_reset(st);
	s->failed = true;
	return e;
}

/* Closes an edit group opened by the save functions. If the edit failed
 * the whole group is rolled back and the model reloaded. */
static enum store_status end_edit(struct store *s, struct model *m, enum store_status e)
{
	if (e != STORE_OK) {
		s->failed = true;
		if (s->depth == 1) {
			char keep[sizeof s->detail];
			memcpy(keep, s->detail, sizeof keep);
			store_rollback(s, m);
			memcpy(s->detail, keep, sizeof keep);
		} else {
			s->depth--;
		}
		return e;
	}
	return store_commit(s, m);
}

static bool text_ok(struct store *s, const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *t = texts[i] ? texts[i] : "";
		size_t len = strlen(t);
		if (!utf8_valid(t, len, NULL)) {
			snprintf(s->detail, sizeof s->detail, "%s", _("text is not valid UTF-8"));
			return false;
		}
		if (utf8_chars(t) > TEXT_MAX_CHARS) {
			snprintf(s->detail, sizeof s->detail,
				 _("a text is longer than %d characters"), TEXT_MAX_CHARS);
			return false;
		}
	}
	return true;
}

#define CHECK_TEXTS(...)                                                         \
	do {                                                                     \
		const char *texts_[] = {__VA_ARGS__};                            \
		if (!text_ok(s, texts_, sizeof texts_ / sizeof *texts_))         \
			return STORE_E_INVALID;                                  \
	} while (0)

static enum store_status saved_id(struct store *s, int64_t *id)
{
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(s->db);
	if (sqlite3_changes(s->db) == 0) {
		snprintf(s->detail, sizeof s->detail, "%s", _("the item no longer exists"));
		return STORE_E_INVALID;
	}
	return STORE_OK;
}

enum store_status store_save_workshop(struct store *s, struct model *m, const struct workshop *w)
{
	CHECK_TEXTS(w->title, w->municipality, w->field, w->facilitator, w->participants);
	enum store_status e = store_begin(s, N_("Edit workshop"), w->title);
	if (e != STORE_OK)
		return e;
	sqlite3_stmt *st = store_prep(s, "UPDATE workshop SET title=?,municipality=?,field=?,"
				   "funding_end=?,phase=?,facilitator=?,participants=?,language=? "
				   "WHERE id=1");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, w->title);
	bind_text(st, 2, w->municipality);
	bind_text(st, 3, w->field);
	bind_opt_text(st, 4, w->funding_end);
	bind_word(st, 5, VOCAB_PHASE, w->phase);
	bind_text(st, 6, w->facilitator);
	bind_text(st, 7, w->participants);
	bind_word(st, 8, VOCAB_LANG, w->lang);
	e = step_edit(s, st);
	if (e == STORE_OK && sqlite3_changes(s->db) != 1) {
		snprintf(s->detail, sizeof s->detail, "%s", _("the workshop row is missing"));
		e = STORE_E_INVALID;
	}
	if (e == STORE_OK)
		model_set_workshop(m, w);
	return end_edit(s, m, e);
}

enum store_status store_save_sgoal(struct store *s, struct model *m, struct strategy_goal *e)
{
	CHECK_TEXTS(e->title);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit strategy goal") : N_("Add strategy goal"), e->title);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? store_prep(s, "UPDATE strategy_goal SET title=?1 WHERE id=?2")
				 : store_prep(s, "INSERT INTO strategy_goal(title) VALUES(?1)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->title);
	if (e->id)
		sqlite3_bind_int64(st, 2, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_sgoal(m, e);
	return end_edit(s, m, r);
}

/* true for text shaped like YYYY-MM-DD that is no real day (2027-02-30) */
static bool bad_iso_date(const char *t)
{
	if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
			return false;
	return !date_parse_iso(t, NULL);
}

enum store_status store_save_goal(struct store *s, struct model *m, struct goal *e)
{
	CHECK_TEXTS(e->title, e->specific, e->measurable, e->achievable, e->relevant,
		    e->time_bound);
	if (bad_iso_date(e->time_bound)) {
		snprintf(s->detail, sizeof s->detail, _("%s is not a day of the calendar"),
			 e->time_bound);
		return STORE_E_INVALID;
	}
	enum store_status r = store_begin(s, e->id ? N_("Edit goal") : N_("Add goal"), e->title);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? store_prep(s, "UPDATE goal SET title=?1,specific=?2,measurable=?3,achievable=?4,"
				"relevant=?5,time_bound=?6,strategy_goal=?7,status=?8 WHERE id=?9")
		      : store_prep(s, "INSERT INTO goal(title,specific,measurable,achievable,relevant,"
				"time_bound,strategy_goal,status) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->title);
	bind_text(st, 2, e->specific);
	bind_text(st, 3, e->measurable);
	bind_text(st, 4, e->achievable);
	bind_text(st, 5, e->relevant);
	bind_text(st, 6, e->time_bound);
	bind_ref(st, 7, e->strategy_goal);
	bind_word(st, 8, VOCAB_GSTATUS, e->status);
	if (e->id)
		sqlite3_bind_int64(st, 9, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_goal(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_indicator(struct store *s, struct model *m, struct indicator *e)
{
	CHECK_TEXTS(e->name, e->unit, e->source, e->method, e->frequency);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit indicator") : N_("Add indicator"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? store_prep(s, "UPDATE indicator SET goal=?1,name=?2,unit=?3,direction=?4,"
				"baseline=?5,baseline_date=?6,target=?7,target_date=?8,latest=?9,"
				"latest_date=?10,source=?11,method=?12,frequency=?13,owner=?14 "
				"WHERE id=?15")
		      : store_prep(s, "INSERT INTO indicator(goal,name,unit,direction,baseline,"
				"baseline_date,target,target_date,latest,latest_date,source,method,"
				"frequency,owner) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
				"?13,?14)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, e->goal);
	bind_text(st, 2, e->name);
	bind_text(st, 3, e->unit);
	bind_word(st, 4, VOCAB_DIRECTION, e->direction);
	bind_opt_num(st, 5, e->baseline);
	bind_opt_text(st, 6, e->baseline_date);
	bind_opt_num(st, 7, e->target);
	bind_opt_text(st, 8, e->target_date);
	bind_opt_num(st, 9, e->latest);
	bind_opt_text(st, 10, e->latest_date);
	bind_text(st, 11, e->source);
	bind_text(st, 12, e->method);
	bind_text(st, 13, e->frequency);
	bind_ref(st, 14, e->owner);
	if (e->id)
		sqlite3_bind_int64(st, 15, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_indicator(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_stakeholder(struct store *s, struct model *m, struct stakeholder *e)
{
	CHECK_TEXTS(e->name, e->organisation, e->message, e->channel, e->cadence);
	enum store_status r =
		store_begin(s, e->id ? N_("Edit stakeholder") : N_("Add stakeholder"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? store_prep(s, "UPDATE stakeholder SET name=?1,organisation=?2,grp=?3,"
				"influence=?4,interest=?5,attitude=?6,key_person=?7,temporary=?8,"
				"message=?9,channel=?10,cadence=?11 WHERE id=?12")
		      : store_prep(s, "INSERT INTO stakeholder(name,organisation,grp,influence,"
				"interest,attitude,key_person,temporary,message,channel,cadence) "
				"VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_text(st, 2, e->organisation);
	bind_word(st, 3, VOCAB_GROUP, e->group);
	sqlite3_bind_int(st, 4, e->influence);
	sqlite3_bind_int(st, 5, e->interest);
	bind_word(st, 6, VOCAB_ATTITUDE, e->attitude);
	sqlite3_bind_int(st, 7, e->key_person);
	sqlite3_bind_int(st, 8, e->temporary);
	bind_text(st, 9, e->message);
	bind_text(st, 10, e->channel);
	bind_text(st, 11, e->cadence);
	if (e->id)
		sqlite3_bind_int64(st, 12, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_stakeholder(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_task(struct store *s, struct model *m, struct task *e)
{
	CHECK_TEXTS(e->name);
	enum store_status r = store_begin(s, e->id ? N_("Edit task") : N_("Add task"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? store_prep(s, "UPDATE task SET name=?1,category=?2,phase=?3 WHERE id=?4")
				 : store_prep(s, "INSERT INTO task(name,category,phase) VALUES(?1,?2,?3)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_word(st, 2, VOCAB_CATEGORY, e->category);
	bind_word(st, 3, VOCAB_TPHASE, e->phase);
	if (e->id)
		sqlite3_bind_int64(st, 4, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_task(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_cost(struct store *s, struct model *m, struct cost *e)
{
	CHECK_TEXTS(e->name);
	enum store_status r = store_begin(s, e->id ? N_("Edit cost") : N_("Add cost"), e->name);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		e->id ? store_prep(s, "UPDATE cost SET name=?1,kind=?2,amount=?3,start_year=?4,"
				"end_year=?5 WHERE id=?6")
		      : store_prep(s, "INSERT INTO cost(name,kind,amount,start_year,end_year) "
				"VALUES(?1,?2,?3,?4,?5)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_text(st, 1, e->name);
	bind_word(st, 2, VOCAB_COST_KIND, e->kind);
	sqlite3_bind_double(st, 3, e->amount);
	bind_opt_int(st, 4, e->start_year);
	bind_opt_int(st, 5, e->end_year);
	if (e->id)
		sqlite3_bind_int64(st, 6, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_cost(m, e);
	return end_edit(s, m, r);
}

enum store_status store_save_share(struct store *s, struct model *m, struct cost_share *e)
{
	const struct cost *c = model_cost(m, e->cost);
	enum store_status r = store_begin(s, N_("Edit cost share"), c ? c->name : "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st;
	if (e->percent <= 0) {
		st = store_prep(s, "DELETE FROM cost_share WHERE cost=?1 AND stakeholder=?2");
		if (!st)
			return end_edit(s, m, STORE_E_IO);
		sqlite3_bind_int64(st, 1, e->cost);
		sqlite3_bind_int64(st, 2, e->stakeholder);
		r = step_edit(s, st);
		if (r == STORE_OK)
			s->reload = true;
		return end_edit(s, m, r);
	}
	/* the partners of one cost never carry more than all of it */
	st = store_prep(s, "SELECT coalesce(sum(percent),0) FROM cost_share WHERE cost=?1 AND "
		     "stakeholder<>?2");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, e->cost);
	sqlite3_bind_int64(st, 2, e->stakeholder);
	double others = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
	sqlite3_reset(st);
	if (others + e->percent > 100 + 1e-9) {
		char pct[64];
		num_format(100 - others, i18n_lang() == LANG_DE, pct);
		snprintf(s->detail, sizeof s->detail,
			 _("the shares of a cost add up to more than 100 %%; at most %s %% are left"),
			 pct);
		return end_edit(s, m, STORE_E_INVALID);
	}
	st = store_prep(s, "INSERT INTO cost_share(cost,stakeholder,percent) VALUES(?1,?2,?3) "
		     "ON CONFLICT(cost,stakeholder) DO UPDATE SET percent=excluded.percent "
		     "RETURNING id");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, e->cost);
	sqlite3_bind_int64(st, 2, e->stakeholder);
	sqlite3_bind_double(st, 3, e->percent);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		r = store_fail(s, rc);
		sqlite3_reset(st);
		return end_edit(s, m, r);
	}
	sqlite3_reset(st);
	model_put_share(m, e);
	return end_edit(s, m, STORE_OK);
}

enum store_status store_save_check(struct store *s, struct model *m, struct check_item *e)
{
	CHECK_TEXTS(e->note);
	enum store_status r = store_begin(s, N_("Edit check item"), "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st =
		store_prep(s, "INSERT INTO check_item(factor,field,item,status,note) VALUES(?1,?2,?3,?4,?5) "
			"ON CONFLICT(factor,field,item) DO UPDATE SET status=excluded.status,"
			"note=excluded.note RETURNING id");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int(st, 1, e->factor);
	bind_word(st, 2, VOCAB_FIELD, e->field);
	sqlite3_bind_int(st, 3, e->item);
	bind_word(st, 4, VOCAB_CHECK_STATUS, e->status);
	bind_text(st, 5, e->note);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		e->id = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		r = store_fail(s, rc);
		sqlite3_reset(st);
		return end_edit(s, m, r);
	}
	sqlite3_reset(st);
	model_put_check(m, e);
	return end_edit(s, m, STORE_OK);
}

enum store_status store_save_note(struct store *s, struct model *m, struct note *e)
{
	CHECK_TEXTS(e->text);
	enum store_status r = store_begin(s, e->id ? N_("Edit note") : N_("Add note"), e->text);
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = e->id ? store_prep(s, "UPDATE note SET kind=?1,text=?2,owner=?3,due=?4 "
					   "WHERE id=?5")
				 : store_prep(s, "INSERT INTO note(kind,text,owner,due) VALUES(?1,?2,?3,?4)");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	bind_word(st, 1, VOCAB_NOTE_KIND, e->kind);
	bind_text(st, 2, e->text);
	bind_ref(st, 3, e->owner);
	bind_opt_text(st, 4, e->due);
	if (e->id)
		sqlite3_bind_int64(st, 5, e->id);
	r = step_edit(s, st);
	if (r == STORE_OK)
		r = saved_id(s, &e->id);
	if (r == STORE_OK)
		model_put_note(m, e);
	return end_edit(s, m, r);
}

enum store_status store_set_raci(struct store *s, struct model *m, int64_t task,
				 int64_t stakeholder, enum raci role)
{
	const struct task *t = model_task(m, task);
	enum store_status r = store_begin(s, N_("Edit responsibility"), t ? t->name : "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st;
	if (role == RACI_NONE) {
		st = store_prep(s, "DELETE FROM raci WHERE task=?1 AND stakeholder=?2");
	} else {
		st = store_prep(s, "INSERT INTO raci(task,stakeholder,role) VALUES(?1,?2,?3) "
			     "ON CONFLICT(task,stakeholder) DO UPDATE SET role=excluded.role");
	}
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_int64(st, 2, stakeholder);
	if (role != RACI_NONE) {
		char letter[2] = {raci_letter(role), 0};
		sqlite3_bind_text(st, 3, letter, 1, SQLITE_TRANSIENT);
	}
	r = step_edit(s, st);
	if (r == STORE_OK)
		model_raci_set(m, task, stakeholder, role);
	return end_edit(s, m, r);
}

enum store_status store_set_agenda(struct store *s, struct model *m, int step, int minutes)
{
	if (step < 0 || step >= STEP_COUNT)
		return STORE_E_INVALID;
	enum store_status r = store_begin(s, N_("Edit agenda"), "");
	if (r != STORE_OK)
		return r;
	sqlite3_stmt *st = store_prep(s, "INSERT INTO agenda(step,minutes) VALUES(?1,?2) "
				   "ON CONFLICT(step) DO UPDATE SET minutes=excluded.minutes");
	if (!st)
		return end_edit(s, m, STORE_E_IO);
	sqlite3_bind_int(st, 1, step);
	sqlite3_bind_int(st, 2, minutes);
	r = step_edit(s, st);
	if (r == STORE_OK) {
		m->agenda[step] = minutes;
		m->revision++;
	}
	return end_edit(s, m, r);
}

static const char *entity_table(enum entity kind)
{
	static const char *const names[ENT_COUNT] = {
		"strategy_goal", "goal", "indicator", "stakeholder", "task",
		"cost", "cost_share", "check_item", "note",
	};
	return kind >= 0 && kind < ENT_COUNT ? names[kind] : NULL;
}

enum store_status store_delete(struct store *s, struct model *m, enum entity kind, int64_t id)
{
	const char *table = entity_table(kind);
	if (!table)
		return STORE_E_INVALID;
	static const char *const labels[ENT_COUNT] = {
		N_("Delete strategy goal"), N_("Delete goal"), N_("Delete indicator"),
		N_("Delete stakeholder"), N_("Delete task"), N_("Delete cost"),
		N_("Delete cost share"), N_("Delete check item"), N_("Delete note"),
	};
	enum store_status r = store_begin(s, labels[kind], model_entity_name(m, kind, id));
	if (r != STORE_OK)
		return r;
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id=?", table);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return end_edit(s, m, store_fail(s, 0));
	sqlite3_bind_int64(st, 1, id);
	r = step_edit(s, st);
	sqlite3_finalize(st);
	if (r != STORE_OK)
		return end_edit(s, m, r);
	s->reload = true;
	return end_edit(s, m, STORE_OK);
}
