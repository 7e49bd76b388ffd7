/* vocab.h — the choice words of the domain: enums, their words in the CSV
 * bundle (English and German, a file-format contract, not translated through
 * gettext) and their screen labels (through gettext). */
#ifndef STETIG_VOCAB_H
#define STETIG_VOCAB_H

#include <stdbool.h>

enum lang { LANG_EN, LANG_DE, LANG_COUNT };

enum ws_phase { PHASE_PILOT, PHASE_TRANSITION, PHASE_REGULAR, PHASE_WINDDOWN, PHASE_COUNT };
enum task_phase { TPHASE_PILOT, TPHASE_REGULAR, TPHASE_COUNT };
enum goal_status { GSTAT_DRAFT, GSTAT_AGREED, GSTAT_ACHIEVED, GSTAT_DROPPED, GSTAT_COUNT };
enum direction { DIR_HIGHER, DIR_LOWER, DIR_COUNT };
enum group {
	GROUP_ADMIN,
	GROUP_POLITICS,
	GROUP_MUNICIPAL_CO,
	GROUP_EXTERNAL,
	GROUP_CITIZENS,
	GROUP_INTERMUNICIPAL,
	GROUP_COUNT
};
enum attitude { ATT_SUPPORTIVE, ATT_NEUTRAL, ATT_CRITICAL, ATT_COUNT };
enum yesno { YN_NO, YN_YES, YN_COUNT };
enum cost_kind { COST_ONEOFF, COST_YEARLY, COST_KIND_COUNT };
enum check_status { CHECK_OPEN, CHECK_PARTLY, CHECK_DONE, CHECK_NA, CHECK_STATUS_COUNT };
enum note_kind { NOTE_DECISION, NOTE_ACTION, NOTE_PARKING, NOTE_KIND_COUNT };
/* How firmly a partner's share of a cost is committed: asked, promised, in
 * the draft budget, in the adopted budget ("covered" means the last two). */
enum share_status { SHARE_ASKED, SHARE_PROMISED, SHARE_DRAFT, SHARE_ADOPTED, SHARE_STATUS_COUNT };
enum category {
	CAT_OPERATION,
	CAT_MAINTENANCE,
	CAT_DEVELOPMENT,
	CAT_HOSTING,
	CAT_DATA,
	CAT_COMMUNICATION,
	CAT_FUNDING,
	CAT_TRAINING,
	CAT_IMPACT,
	CAT_COUNT
};
/* The roadmap (step 6): who operates the measure in regular
 * operation, the agreement with the operator, milestones and the decisions
 * of council and committees. OPMODEL_OPEN: not decided yet. */
enum op_model {
	OPMODEL_OPEN,
	OPMODEL_DEPARTMENT,
	OPMODEL_DIGITAL_UNIT,
	OPMODEL_ENTERPRISE,
	OPMODEL_COMPANY,
	OPMODEL_PUBLIC_BODY,
	OPMODEL_INTERMUNICIPAL,
	OPMODEL_PROVIDER,
	OPMODEL_ASSOCIATION,
	OPMODEL_COUNT
};
enum agreement { AGREE_NONE, AGREE_DRAFT, AGREE_SIGNED, AGREE_COUNT };
/* The status of the workshop's results as a document for the council. */
enum doc_status { DOC_DRAFT, DOC_FINAL, DOC_STATUS_COUNT };
/* An agenda block that is no step: welcome, break, wrap-up or a free one. */
enum block_kind { BLOCK_WELCOME, BLOCK_BREAK, BLOCK_WRAPUP, BLOCK_OTHER, BLOCK_KIND_COUNT };
enum ms_kind {
	MS_AGREEMENT,
	MS_BUDGET,
	MS_COUNCIL,
	MS_STAFFING,
	MS_PROCUREMENT,
	MS_HANDOVER,
	MS_IMPACT,
	MS_EXIT,
	MS_OTHER,
	MS_KIND_COUNT
};
enum ms_status { MS_OPEN, MS_DONE, MS_DROPPED, MS_STATUS_COUNT };
enum body { BODY_COUNCIL, BODY_COMMITTEE, BODY_DISTRICT, BODY_BOARD, BODY_OTHER, BODY_COUNT };
enum dec_status {
	DEC_PLANNED,
	DEC_SUBMITTED,
	DEC_ADOPTED,
	DEC_REJECTED,
	DEC_POSTPONED,
	DEC_STATUS_COUNT
};
enum check_field { FIELD_VALUES, FIELD_RESOURCES, FIELD_ACTORS, FIELD_STRUCTURES, FIELD_COUNT };
enum severity { SEV_GAP, SEV_WARNING, SEV_HINT, SEV_COUNT };
/* RACI roles; RACI_NONE is the empty cell. */
enum raci { RACI_NONE, RACI_R, RACI_A, RACI_C, RACI_I, RACI_COUNT };

/* The catalogue's groups: the study's five factors (1-5) and, stored as 6,
 * the wind-down, the alternative path that is not a factor. */
#define FACTOR_COUNT 6
#define FACTOR_WINDDOWN 6

/* The workflow steps of the screen, also used by findings. */
enum step {
	STEP_WORKSHOP,
	STEP_GOALS,
	STEP_INDICATORS,
	STEP_STAKEHOLDERS,
	STEP_RACI,
	STEP_COSTS,
	STEP_ROADMAP,
	STEP_CHECK,
	STEP_FINDINGS,
	STEP_EXPORT,
	STEP_COUNT
};

/* A set of choice words. */
enum vocab_kind {
	VOCAB_PHASE,
	VOCAB_TPHASE,
	VOCAB_GSTATUS,
	VOCAB_DIRECTION,
	VOCAB_GROUP,
	VOCAB_ATTITUDE,
	VOCAB_YESNO,
	VOCAB_COST_KIND,
	VOCAB_CHECK_STATUS,
	VOCAB_NOTE_KIND,
	VOCAB_CATEGORY,
	VOCAB_FIELD,
	VOCAB_SEVERITY,
	VOCAB_STEP,
	VOCAB_LANG,
	VOCAB_OPMODEL,
	VOCAB_AGREEMENT,
	VOCAB_MS_KIND,
	VOCAB_MS_STATUS,
	VOCAB_BODY,
	VOCAB_DEC_STATUS,
	VOCAB_SHARE_STATUS,
	VOCAB_DOC_STATUS,
	VOCAB_BLOCK,
	VOCAB_COUNT
};

/* Number of values of a kind. */
int vocab_count(enum vocab_kind k);
/* The CSV word of value v in language lang ("regular", "regelbetrieb"). The
 * English word is also what the workshop file stores. */
const char *vocab_word(enum vocab_kind k, int v, enum lang lang);
/* Looks a CSV word up in either language (case-insensitive for ASCII);
 * returns the value or -1. */
int vocab_lookup(enum vocab_kind k, const char *word);
/* Looks a word up in one language only; -1 if unknown. */
int vocab_lookup_lang(enum vocab_kind k, const char *word, enum lang lang);
/* The screen label of value v, translated for the current language. */
const char *vocab_label(enum vocab_kind k, int v);
/* The untranslated (msgid) label. */
const char *vocab_label_id(enum vocab_kind k, int v);

/* A factor's name as the study gives it (full) and the short form its
 * conclusion uses (for narrow columns), translated; "" outside 1-6. */
const char *vocab_factor_name(int factor);
const char *vocab_factor_short(int factor);
/* The number shown before a factor's name: "1"-"5", "" for the wind-down. */
const char *vocab_factor_number(int factor);

/* RACI letters: "R", "A", "C", "I" (same in both languages). */
char raci_letter(enum raci r);
/* 'R'/'r' → RACI_R …; anything else RACI_NONE. */
enum raci raci_from_letter(int c);

#endif
