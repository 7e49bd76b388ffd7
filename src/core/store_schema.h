/* store_schema.h — the workshop file's schema as forward migrations.
 * Private to store.c. migrations[v] takes a file from version v to v+1.
 * A file of version v must hold exactly the schema objects migrations
 * 0 … v-1 create, with the same SQL text (store.c compares them with an
 * in-memory database built from these migrations). */
#ifndef STETIG_STORE_SCHEMA_H
#define STETIG_STORE_SCHEMA_H

/* The value slots of an undo entry as format 3 made them; format 13 adds
 * v24 … v27 (UNDO_SLOTS in store_internal.h). */
#define UNDO_SLOTS_SQL                                                          \
	", v0 ANY, v1 ANY, v2 ANY, v3 ANY, v4 ANY, v5 ANY, v6 ANY, v7 ANY, v8 ANY," \
	" v9 ANY, v10 ANY, v11 ANY, v12 ANY, v13 ANY, v14 ANY, v15 ANY, v16 ANY,"   \
	" v17 ANY, v18 ANY, v19 ANY, v20 ANY, v21 ANY, v22 ANY, v23 ANY"

#define TXT(col) col " TEXT NOT NULL DEFAULT '' CHECK(length(" col ") <= 32767)"
#define DATE(col) col " TEXT CHECK(" col " IS NULL OR date(" col ", '+0 days') IS " col ")"

static const char *const migrations[] = {
	/* 0 → 1: the entities, the check catalogue and the undo history */
	"CREATE TABLE workshop("
	"  id INTEGER PRIMARY KEY CHECK(id = 1),"
	"  " TXT("title") ", " TXT("municipality") ", " TXT("field") ","
	"  " DATE("funding_end") ","
	"  phase TEXT NOT NULL DEFAULT 'pilot'"
	"    CHECK(phase IN ('pilot','transition','regular','winddown')),"
	"  " TXT("facilitator") ", " TXT("participants") ","
	"  language TEXT NOT NULL DEFAULT 'en' CHECK(language IN ('de','en'))"
	") STRICT;"
	"INSERT INTO workshop(id) VALUES(1);"
	"CREATE TABLE strategy_goal("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT, " TXT("title")
	") STRICT;"
	"CREATE TABLE goal("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  " TXT("title") ", " TXT("specific") ", " TXT("measurable") ","
	"  " TXT("achievable") ", " TXT("relevant") ", " TXT("time_bound") ","
	"  strategy_goal INTEGER REFERENCES strategy_goal(id) ON DELETE SET NULL,"
	"  status TEXT NOT NULL DEFAULT 'draft'"
	"    CHECK(status IN ('draft','agreed','achieved','dropped'))"
	") STRICT;"
	"CREATE TABLE stakeholder("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  " TXT("name") ", " TXT("organisation") ","
	"  grp TEXT NOT NULL DEFAULT 'administration' CHECK(grp IN ('administration',"
	"    'politics','municipal_company','external','citizens','intermunicipal')),"
	"  influence INTEGER NOT NULL DEFAULT 3 CHECK(influence BETWEEN 1 AND 5),"
	"  interest INTEGER NOT NULL DEFAULT 3 CHECK(interest BETWEEN 1 AND 5),"
	"  attitude TEXT NOT NULL DEFAULT 'neutral'"
	"    CHECK(attitude IN ('supportive','neutral','critical')),"
	"  key_person INTEGER NOT NULL DEFAULT 0 CHECK(key_person IN (0,1)),"
	"  temporary INTEGER NOT NULL DEFAULT 0 CHECK(temporary IN (0,1)),"
	"  " TXT("message") ", " TXT("channel") ", " TXT("cadence")
	") STRICT;"
	"CREATE TABLE indicator("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  goal INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  " TXT("name") ", " TXT("unit") ","
	"  direction TEXT NOT NULL DEFAULT 'higher' CHECK(direction IN ('higher','lower')),"
	"  baseline REAL, " DATE("baseline_date") ","
	"  target REAL, " DATE("target_date") ","
	"  latest REAL, " DATE("latest_date") ","
	"  " TXT("source") ", " TXT("method") ", " TXT("frequency") ","
	"  owner INTEGER REFERENCES stakeholder(id) ON DELETE SET NULL"
	") STRICT;"
	"CREATE INDEX indicator_goal ON indicator(goal);"
	"CREATE INDEX indicator_owner ON indicator(owner);"
	"CREATE TABLE task("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT, " TXT("name") ","
	"  category TEXT NOT NULL DEFAULT 'operation' CHECK(category IN ('operation',"
	"    'maintenance','development','hosting','data','communication','funding',"
	"    'training','impact')),"
	"  phase TEXT NOT NULL DEFAULT 'pilot' CHECK(phase IN ('pilot','regular'))"
	") STRICT;"
	"CREATE TABLE raci("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	"  stakeholder INTEGER NOT NULL REFERENCES stakeholder(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL CHECK(role IN ('R','A','C','I')),"
	"  UNIQUE(task, stakeholder)"
	") STRICT;"
	"CREATE INDEX raci_stakeholder ON raci(stakeholder);"
	"CREATE TABLE cost("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT, " TXT("name") ","
	"  kind TEXT NOT NULL DEFAULT 'yearly' CHECK(kind IN ('oneoff','yearly')),"
	"  amount REAL NOT NULL DEFAULT 0 CHECK(amount >= 0),"
	"  start_year INTEGER CHECK(start_year IS NULL OR start_year BETWEEN 1900 AND 9999),"
	"  end_year INTEGER CHECK(end_year IS NULL OR (end_year BETWEEN 1900 AND 9999"
	"    AND (start_year IS NULL OR end_year >= start_year)))"
	") STRICT;"
	"CREATE TABLE cost_share("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  cost INTEGER NOT NULL REFERENCES cost(id) ON DELETE CASCADE,"
	"  stakeholder INTEGER NOT NULL REFERENCES stakeholder(id) ON DELETE CASCADE,"
	"  percent REAL NOT NULL CHECK(percent > 0 AND percent <= 100),"
	"  UNIQUE(cost, stakeholder)"
	") STRICT;"
	"CREATE INDEX cost_share_stakeholder ON cost_share(stakeholder);"
	"CREATE TABLE check_item("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  factor INTEGER NOT NULL CHECK(factor BETWEEN 1 AND 6),"
	"  field TEXT NOT NULL CHECK(field IN ('values','resources','actors','structures')),"
	"  item INTEGER NOT NULL CHECK(item BETWEEN 1 AND 99),"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','partly','done','na')),"
	"  " TXT("note") ","
	"  UNIQUE(factor, field, item)"
	") STRICT;"
	"CREATE TABLE note("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  kind TEXT NOT NULL DEFAULT 'decision' CHECK(kind IN ('decision','action','parking')),"
	"  " TXT("text") ","
	"  owner INTEGER REFERENCES stakeholder(id) ON DELETE SET NULL,"
	"  " DATE("due")
	") STRICT;"
	"CREATE TABLE undo_step("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK(kind IN ('undo','redo')),"
	"  label TEXT NOT NULL, item TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE TABLE undo_log("
	"  seq INTEGER PRIMARY KEY,"
	"  step INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,"
	"  sql TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX undo_log_step ON undo_log(step);",

	/* 1 → 2: the agenda (timebox minutes per step) and the timebox clocks */
	"CREATE TABLE agenda("
	"  step INTEGER PRIMARY KEY CHECK(step BETWEEN 0 AND 8),"
	"  minutes INTEGER NOT NULL CHECK(minutes BETWEEN 0 AND 999)"
	") STRICT;"
	"INSERT INTO agenda VALUES(0,15),(1,30),(2,30),(3,25),(4,40),(5,25),(6,20),(7,15),(8,10);"
	"CREATE TABLE clock("
	"  step INTEGER PRIMARY KEY CHECK(step BETWEEN 0 AND 8),"
	"  elapsed INTEGER NOT NULL DEFAULT 0 CHECK(elapsed >= 0),"
	"  started INTEGER NOT NULL DEFAULT 0"
	") STRICT;",

	/* 2 → 3: the undo history holds data, not SQL. Each entry names a
	 * table, an operation and a row id and carries the row's values in
	 * column order (v0, v1, …); undo applies it through stetig's own
	 * prepared statements. The old SQL-text history cannot be converted
	 * safely and is dropped: a migrated file starts without history. */
	"DROP TABLE undo_log;"
	"DELETE FROM undo_step;"
	"CREATE TABLE undo_log("
	"  seq INTEGER PRIMARY KEY,"
	"  step INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,"
	"  tbl TEXT NOT NULL, op TEXT NOT NULL CHECK(op IN ('i','u','d','s')),"
	"  rid INTEGER NOT NULL"
	UNDO_SLOTS_SQL
	") STRICT;"
	"CREATE INDEX undo_log_step ON undo_log(step);",

	/* 3 → 4 (money the council can trust): the workshop's
	 * funding rate (percent of eligible costs the grant pays) and first
	 * budget year after the funding, both optional; each cost share's
	 * commitment status and budget line. Existing shares become
	 * 'promised': they were a partner's stated share, and nothing in the
	 * file says the money is in a draft or adopted budget, so they are not
	 * counted as covered, yet they are not left out as if nobody had
	 * offered them. */
	"ALTER TABLE workshop ADD COLUMN funding_rate REAL"
	"  CHECK(funding_rate IS NULL OR (funding_rate >= 0 AND funding_rate <= 100));"
	"ALTER TABLE workshop ADD COLUMN first_budget_year INTEGER"
	"  CHECK(first_budget_year IS NULL OR first_budget_year BETWEEN 1900 AND 9999);"
	"ALTER TABLE cost_share ADD COLUMN status TEXT NOT NULL DEFAULT 'promised'"
	"  CHECK(status IN ('asked','promised','draft','adopted'));"
	"ALTER TABLE cost_share ADD COLUMN " TXT("budget_line") ";",

	/* 4 → 5 (dot voting): the dots the group gave a goal, a
	 * task or a check item; NULL is none. */
	"ALTER TABLE goal ADD COLUMN votes INTEGER"
	"  CHECK(votes IS NULL OR votes BETWEEN 1 AND 999);"
	"ALTER TABLE task ADD COLUMN votes INTEGER"
	"  CHECK(votes IS NULL OR votes BETWEEN 1 AND 999);"
	"ALTER TABLE check_item ADD COLUMN votes INTEGER"
	"  CHECK(votes IS NULL OR votes BETWEEN 1 AND 999);"
	/* and the dots of a finding, named by its rule and the item's id (a
	 * finding is computed, not stored) */
	"CREATE TABLE finding_vote("
	"  id INTEGER PRIMARY KEY,"
	"  rule TEXT NOT NULL CHECK(length(rule) BETWEEN 1 AND 100),"
	"  item INTEGER NOT NULL CHECK(item >= 0),"
	"  votes INTEGER NOT NULL CHECK(votes BETWEEN 1 AND 999),"
	"  UNIQUE(rule, item)"
	") STRICT;",
	/* 5 → 6 (speed): the RACI role checked by comparisons. A
	 * list of more than two constants in a CHECK's IN makes SQLite build
	 * an ephemeral b-tree of the list for every row written: about
	 * 45,000 instructions a cell, most of an import. The table is rebuilt
	 * with the same columns, ids, index and sequence. */
	"CREATE TEMP TABLE raci_old AS SELECT id, task, stakeholder, role FROM raci;"
	"CREATE TEMP TABLE raci_old_seq AS SELECT seq FROM sqlite_sequence WHERE name='raci';"
	"DROP TABLE raci;"
	"CREATE TABLE raci("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  task INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
	"  stakeholder INTEGER NOT NULL REFERENCES stakeholder(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL CHECK(role = 'R' OR role = 'A' OR role = 'C' OR role = 'I'),"
	"  UNIQUE(task, stakeholder)"
	") STRICT;"
	"CREATE INDEX raci_stakeholder ON raci(stakeholder);"
	"INSERT INTO raci(id, task, stakeholder, role)"
	"  SELECT id, task, stakeholder, role FROM temp.raci_old ORDER BY id;"
	"DELETE FROM sqlite_sequence WHERE name='raci';"
	"INSERT INTO sqlite_sequence(name, seq) SELECT 'raci', seq FROM temp.raci_old_seq;"
	"DROP TABLE temp.raci_old; DROP TABLE temp.raci_old_seq;",

	/* 6 → 7 (where the group left off): the step, the selected
	 * item (its table and id) and the RACI view the screen shows on the
	 * next start. Written by the screen only, outside the undo history. */
	"CREATE TABLE place("
	"  id INTEGER PRIMARY KEY CHECK(id = 1),"
	"  step INTEGER NOT NULL DEFAULT 0 CHECK(step BETWEEN 0 AND 99),"
	"  kind TEXT NOT NULL DEFAULT '' CHECK(length(kind) <= 40),"
	"  item INTEGER NOT NULL DEFAULT 0 CHECK(item >= 0),"
	"  raci_view INTEGER NOT NULL DEFAULT 0 CHECK(raci_view BETWEEN 0 AND 2)"
	") STRICT;"
	"INSERT INTO place(id) VALUES(1);",

	/* 7 → 8 (the roadmap): step 6 "Roadmap" comes between the
	 * costs and the check, so the agenda and the clocks take ten steps and
	 * the old steps 6-8 (check, findings, export) move to 7-9; the roadmap
	 * gets 20 minutes. The operator model of regular operation joins the
	 * workshop row; council decisions and milestones are new tables. No
	 * table but the place where the group left off stores a step number
	 * (findings and their votes name a rule, not a step). */
	"CREATE TEMP TABLE agenda_v3 AS SELECT step, minutes FROM main.agenda;"
	"DROP TABLE main.agenda;"
	"CREATE TABLE main.agenda("
	"  step INTEGER PRIMARY KEY CHECK(step BETWEEN 0 AND 9),"
	"  minutes INTEGER NOT NULL CHECK(minutes BETWEEN 0 AND 999)"
	") STRICT;"
	"INSERT INTO main.agenda SELECT CASE WHEN step >= 6 THEN step + 1 ELSE step END,"
	"  minutes FROM temp.agenda_v3;"
	"INSERT OR IGNORE INTO main.agenda VALUES(6,20);"
	"DROP TABLE temp.agenda_v3;"
	"CREATE TEMP TABLE clock_v3 AS SELECT step, elapsed, started FROM main.clock;"
	"DROP TABLE main.clock;"
	"CREATE TABLE main.clock("
	"  step INTEGER PRIMARY KEY CHECK(step BETWEEN 0 AND 9),"
	"  elapsed INTEGER NOT NULL DEFAULT 0 CHECK(elapsed >= 0),"
	"  started INTEGER NOT NULL DEFAULT 0"
	") STRICT;"
	"INSERT INTO main.clock SELECT CASE WHEN step >= 6 THEN step + 1 ELSE step END,"
	"  elapsed, started FROM temp.clock_v3;"
	"DROP TABLE temp.clock_v3;"
	"UPDATE place SET step = step + 1 WHERE step >= 6;"
	"ALTER TABLE workshop ADD COLUMN operator_model TEXT NOT NULL DEFAULT 'open'"
	"  CHECK(operator_model IN ('open','department','digital_unit','municipal_enterprise',"
	"  'municipal_company','public_body','intermunicipal','provider','association'));"
	"ALTER TABLE workshop ADD COLUMN operator INTEGER"
	"  REFERENCES stakeholder(id) ON DELETE SET NULL;"
	"ALTER TABLE workshop ADD COLUMN agreement TEXT NOT NULL DEFAULT 'none'"
	"  CHECK(agreement IN ('none','draft','signed'));"
	"ALTER TABLE workshop ADD COLUMN " DATE("agreement_date") ";"
	"ALTER TABLE workshop ADD COLUMN " TXT("agreement_ref") ";"
	"ALTER TABLE workshop ADD COLUMN " TXT("operator_note") ";"
	"CREATE TABLE decision("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  body TEXT NOT NULL DEFAULT 'council' CHECK(body IN ('council','committee',"
	"    'district_council','board','other')),"
	"  " TXT("subject") ", " DATE("planned") ","
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','submitted',"
	"    'adopted','rejected','postponed')),"
	"  " TXT("document")
	") STRICT;"
	"CREATE TABLE milestone("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT, " TXT("title") ","
	"  kind TEXT NOT NULL DEFAULT 'agreement' CHECK(kind IN ('agreement','budget','council',"
	"    'staffing','procurement','handover','impact','exit','other')),"
	"  " DATE("due") ","
	"  owner INTEGER REFERENCES stakeholder(id) ON DELETE SET NULL,"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','done','dropped')),"
	"  decision INTEGER REFERENCES decision(id) ON DELETE SET NULL"
	") STRICT;"
	"CREATE INDEX milestone_owner ON milestone(owner);"
	"CREATE INDEX milestone_decision ON milestone(decision);",

	/* 8 → 9 (the administrator's round trip): the workshop's
	 * identity, a random id that every CSV bundle carries, so that
	 * importing a bundle of this workshop updates its rows by id. */
	"ALTER TABLE workshop ADD COLUMN " TXT("uid") ";"
	"UPDATE workshop SET uid = lower(hex(randomblob(8)));",

	/* 9 → 10 (the council workbook): the results as a document
	 * for the council: its status (draft or final), the decision the
	 * council is asked to take, and the office responsible for it. */
	"ALTER TABLE workshop ADD COLUMN doc_status TEXT NOT NULL DEFAULT 'draft'"
	"  CHECK(doc_status IN ('draft','final'));"
	"ALTER TABLE workshop ADD COLUMN " TXT("council_request") ";"
	"ALTER TABLE workshop ADD COLUMN " TXT("office") ";",

	/* 10 → 11 (dot voting): how many people vote and how many
	 * dots each of them has, asked when a vote starts (F7), so the screen
	 * can show the dots given against all there are; NULL: not asked yet. */
	"ALTER TABLE workshop ADD COLUMN vote_voters INTEGER"
	"  CHECK(vote_voters IS NULL OR vote_voters BETWEEN 1 AND 999);"
	"ALTER TABLE workshop ADD COLUMN vote_dots INTEGER"
	"  CHECK(vote_dots IS NULL OR vote_dots BETWEEN 1 AND 99);",

	/* 11 → 12 (template examples): a cost item or a
	 * council decision that a measure template filled in as an example,
	 * until the group saves it as its own; the summary marks it. */
	"ALTER TABLE cost ADD COLUMN example INTEGER NOT NULL DEFAULT 0"
	"  CHECK(example IN (0,1));"
	"ALTER TABLE decision ADD COLUMN example INTEGER NOT NULL DEFAULT 0"
	"  CHECK(example IN (0,1));",

	/* 12 → 13 (a real agenda): the session's start time
	 * (HH:MM, '' when not set; the screen, the store and the import
	 * refuse anything else, entities.def type TIME), whether the bell rings when a timebox
	 * ends, and the agenda blocks that are no step (welcome, break,
	 * wrap-up, a free block) with their minutes and their place: before
	 * step before_step (10: after the last), in the order of position. */
	"ALTER TABLE workshop ADD COLUMN " TXT("start_time") ";"
	"ALTER TABLE workshop ADD COLUMN bell INTEGER NOT NULL DEFAULT 1 CHECK(bell IN (0,1));"
	"CREATE TABLE agenda_block("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  kind TEXT NOT NULL DEFAULT 'welcome'"
	"    CHECK(kind IN ('welcome','break','wrapup','other')),"
	"  " TXT("title") ","
	"  minutes INTEGER NOT NULL DEFAULT 15 CHECK(minutes BETWEEN 0 AND 999),"
	"  before_step INTEGER NOT NULL DEFAULT 0 CHECK(before_step BETWEEN 0 AND 10),"
	"  position INTEGER NOT NULL DEFAULT 0 CHECK(position BETWEEN 0 AND 999999)"
	") STRICT;"
	/* the workshop row has 25 columns now: more value slots for undo
	 * (UNDO_SLOTS in store_internal.h) */
	"ALTER TABLE undo_log ADD COLUMN v24 ANY;"
	"ALTER TABLE undo_log ADD COLUMN v25 ANY;"
	"ALTER TABLE undo_log ADD COLUMN v26 ANY;"
	"ALTER TABLE undo_log ADD COLUMN v27 ANY;",
};

/* The tables whose changes are recorded for undo, in dependency order. */
static const char *const undo_tables[] = {
	"workshop", "strategy_goal", "goal", "stakeholder", "indicator", "task",
	"raci", "cost", "cost_share", "check_item", "note", "decision", "milestone", "agenda",
	"finding_vote", "agenda_block",
};

#undef TXT
#undef DATE
#undef UNDO_SLOTS_SQL

#endif
