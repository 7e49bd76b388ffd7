/* vocab.c — choice words and labels. */
#include "config.h"
#include "vocab.h"

#include <stddef.h>

#include "i18n.h"
#include "util.h"

struct vocab {
	int count;
	const char *const *en;    /* CSV words, English; also the stored form */
	const char *const *de;    /* CSV words, German */
	const char *const *label; /* screen labels (msgids) */
	const char *const *old;   /* earlier German CSV words, still read (same positions as de, NULL for none) */
};

#define WORDS(...) ((const char *const[]){__VA_ARGS__})

static const struct vocab vocabs[VOCAB_COUNT] = {
	[VOCAB_PHASE] = {PHASE_COUNT, WORDS("pilot", "transition", "regular", "winddown"),
			 WORDS("pilot", "übergang", "regelbetrieb", "abwicklung"),
			 WORDS(N_("Pilot"), N_("Transition"), N_("Regular operation"),
			       N_("Wind-down"))},
	[VOCAB_TPHASE] = {TPHASE_COUNT, WORDS("pilot", "regular"), WORDS("pilot", "regelbetrieb"),
			  WORDS(N_("Pilot"), N_("Regular operation"))},
	[VOCAB_GSTATUS] = {GSTAT_COUNT, WORDS("draft", "agreed", "achieved", "dropped"),
			   WORDS("entwurf", "vereinbart", "erreicht", "verworfen"),
			   WORDS(N_("Draft"), N_("Agreed"), N_("Achieved"), N_("Dropped"))},
	[VOCAB_DIRECTION] = {DIR_COUNT, WORDS("higher", "lower"), WORDS("höher", "niedriger"),
			     WORDS(N_("Higher is better"), N_("Lower is better"))},
	[VOCAB_GROUP] = {GROUP_COUNT,
			 WORDS("administration", "politics", "municipal_company", "external",
			       "citizens", "intermunicipal"),
			 WORDS("verwaltung", "politik", "kommunales_unternehmen", "extern",
			       "bürgerschaft", "interkommunal"),
			 WORDS(N_("Administration"), N_("Politics"), N_("Municipal company"),
			       N_("External partner"), N_("Citizens"), N_("Inter-municipal"))},
	[VOCAB_ATTITUDE] = {ATT_COUNT, WORDS("supportive", "neutral", "critical"),
			    WORDS("unterstützend", "neutral", "kritisch"),
			    WORDS(N_("Supportive"), N_("Neutral"), N_("Critical"))},
	[VOCAB_YESNO] = {YN_COUNT, WORDS("no", "yes"), WORDS("nein", "ja"),
			 WORDS(N_("no"), N_("yes"))},
	[VOCAB_COST_KIND] = {COST_KIND_COUNT, WORDS("oneoff", "yearly"),
			     WORDS("einmalig", "jährlich"),
			     WORDS(N_("One-off"), N_("Yearly"))},
	[VOCAB_CHECK_STATUS] = {CHECK_STATUS_COUNT, WORDS("open", "partly", "done", "na"),
				WORDS("offen", "teilweise", "erledigt", "entfällt"),
				WORDS(N_("open"), N_("partly"), N_("done"),
				      N_("not relevant"))},
	[VOCAB_NOTE_KIND] = {NOTE_KIND_COUNT, WORDS("decision", "action", "parking"),
			     WORDS("vereinbarung", "arbeitsauftrag", "themenspeicher"),
			     WORDS(N_("Agreement"), N_("Action item"), N_("Parked question")),
			     WORDS("beschluss", "aufgabe", NULL)},
	[VOCAB_CATEGORY] = {CAT_COUNT,
			    WORDS("operation", "maintenance", "development", "hosting", "data",
				  "communication", "funding", "training", "impact"),
			    WORDS("betrieb", "wartung", "weiterentwicklung", "hosting",
				  "datenpflege", "kommunikation", "finanzierung", "schulung",
				  "wirkungserfassung"),
			    WORDS(N_("Operation"), N_("Maintenance"), N_("Development"),
				  N_("Hosting"), N_("Data care"), N_("Communication"),
				  N_("Funding"), N_("Training"), N_("Impact capture")),
			    WORDS(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "wirkungsmessung")},
	[VOCAB_FIELD] = {FIELD_COUNT, WORDS("values", "resources", "actors", "structures"),
			 WORDS("werte", "ressourcen", "akteure", "strukturen"),
			 WORDS(N_("Values"), N_("Resources"), N_("Actors"), N_("Structures"))},
	[VOCAB_SEVERITY] = {SEV_COUNT, WORDS("gap", "warning", "hint"),
			    WORDS("lücke", "warnung", "hinweis"),
			    WORDS(N_("Gap"), N_("Warning"), N_("Hint"))},
	[VOCAB_STEP] = {STEP_COUNT,
			WORDS("workshop", "goals", "indicators", "stakeholders", "raci", "costs",
			      "roadmap", "check", "findings", "export"),
			WORDS("workshop", "ziele", "indikatoren", "akteure", "verantwortung",
			      "kosten", "fahrplan", "prüfung", "befunde", "export"),
			WORDS(N_("Workshop"), N_("Goals"), N_("Indicators"), N_("Stakeholders"),
			      N_("Responsibilities"), N_("Costs"), N_("Roadmap"), N_("Check"),
			      N_("Findings"), N_("Export"))},
	[VOCAB_LANG] = {LANG_COUNT, WORDS("en", "de"), WORDS("en", "de"),
			WORDS(N_("English"), N_("German"))},
	[VOCAB_OPMODEL] = {OPMODEL_COUNT,
			   WORDS("open", "department", "digital_unit", "municipal_enterprise",
				 "municipal_company", "public_body", "intermunicipal", "provider",
				 "association"),
			   WORDS("offen", "fachamt", "digitaleinheit", "eigenbetrieb",
				 "kommunale_gesellschaft", "aör_zweckverband", "interkommunal",
				 "dienstleister", "verein"),
			   WORDS(N_("Not decided"), N_("The department itself"),
				 N_("Permanent Smart-City or digital unit"),
				 N_("Municipal enterprise (Eigenbetrieb)"),
				 N_("Municipal company (e.g. Stadtwerke)"),
				 N_("AöR or special-purpose association"),
				 N_("Inter-municipal cooperation"), N_("Contracted provider"),
				 N_("Association or civil-society body"))},
	[VOCAB_AGREEMENT] = {AGREE_COUNT, WORDS("none", "draft", "signed"),
			     WORDS("keine", "entwurf", "unterzeichnet"),
			     WORDS(N_("No agreement"), N_("Draft agreement"),
				   N_("Signed agreement"))},
	[VOCAB_MS_KIND] = {MS_KIND_COUNT,
			   WORDS("agreement", "budget", "council", "staffing", "procurement",
				 "handover", "impact", "exit", "other"),
			   WORDS("vereinbarung", "haushaltsanmeldung", "ratsbeschluss", "personal",
				 "vergabe", "übergabe", "wirkungsbericht", "ausstieg", "sonstiges"),
			   WORDS(N_("Operator agreement"), N_("Budget request"),
				 N_("Council decision"), N_("Staffing"), N_("Procurement"),
				 N_("Handover"), N_("Impact report"), N_("Exit"), N_("Other"))},
	[VOCAB_MS_STATUS] = {MS_STATUS_COUNT, WORDS("open", "done", "dropped"),
			     WORDS("offen", "erledigt", "verworfen"),
			     WORDS(N_("open"), N_("done"), N_("dropped"))},
	[VOCAB_BODY] = {BODY_COUNT,
			WORDS("council", "committee", "district_council", "board", "other"),
			WORDS("rat", "ausschuss", "kreistag", "verwaltungsrat", "sonstiges"),
			WORDS(N_("Council"), N_("Committee"), N_("District council"),
			      N_("Administrative board"), N_("Other body"))},
	[VOCAB_DEC_STATUS] = {DEC_STATUS_COUNT,
			      WORDS("planned", "submitted", "adopted", "rejected", "postponed"),
			      WORDS("geplant", "eingebracht", "beschlossen", "abgelehnt", "vertagt"),
			      WORDS(N_("planned"), N_("submitted"), N_("adopted"), N_("rejected"),
				    N_("postponed"))},
	[VOCAB_SHARE_STATUS] = {SHARE_STATUS_COUNT, WORDS("asked", "promised", "draft", "adopted"),
				WORDS("angefragt", "zugesagt", "entwurf", "beschlossen"),
				WORDS(N_("Asked"), N_("Promised"), N_("Draft budget"),
				      N_("Adopted"))},
	[VOCAB_DOC_STATUS] = {DOC_STATUS_COUNT, WORDS("draft", "final"), WORDS("entwurf", "endfassung"),
			      WORDS(N_("Draft"), N_("Final"))},
	[VOCAB_BLOCK] = {BLOCK_KIND_COUNT, WORDS("welcome", "break", "wrapup", "other"),
			 WORDS("begrüßung", "pause", "abschluss", "sonstiges"),
			 WORDS(N_("Welcome"), N_("Break"), N_("Wrap-up"), N_("Other block"))},
};

int vocab_count(enum vocab_kind k)
{
	return vocabs[k].count;
}

const char *vocab_word(enum vocab_kind k, int v, enum lang lang)
{
	if (v < 0 || v >= vocabs[k].count)
		return "";
	return lang == LANG_DE ? vocabs[k].de[v] : vocabs[k].en[v];
}

int vocab_lookup_lang(enum vocab_kind k, const char *word, enum lang lang)
{
	if (!word)
		return -1;
	const char *const *w = lang == LANG_DE ? vocabs[k].de : vocabs[k].en;
	for (int i = 0; i < vocabs[k].count; i++)
		if (text_equal_fold(w[i], word))
			return i;
	/* an earlier German word stands for the value at the same position */
	if (lang == LANG_DE && vocabs[k].old)
		for (int i = 0; i < vocabs[k].count; i++)
			if (vocabs[k].old[i] && text_equal_fold(vocabs[k].old[i], word))
				return i;
	return -1;
}

int vocab_lookup(enum vocab_kind k, const char *word)
{
	int v = vocab_lookup_lang(k, word, LANG_EN);
	return v >= 0 ? v : vocab_lookup_lang(k, word, LANG_DE);
}

const char *vocab_label_id(enum vocab_kind k, int v)
{
	if (v < 0 || v >= vocabs[k].count)
		return "";
	return vocabs[k].label[v];
}

const char *vocab_label(enum vocab_kind k, int v)
{
	const char *id = vocab_label_id(k, v);
	return *id ? _(id) : id;
}

/* The five factors of the study (its section headings 2.3 to 2.7) and, as
 * factor 6 in the data, the wind-down of section 2.8, which the study calls
 * an alternative path, not a further factor. The short names are the ones
 * the study's conclusion uses. */
static const char *const factor_full[FACTOR_COUNT] = {
	N_("Communicating the measure and its goals"),
	N_("Capturing and conveying the impact"),
	N_("Technical integration and compatibility"),
	N_("Binding allocation of responsibility for continued operation"),
	N_("Cost reduction and cost sharing"),
	N_("Ending and winding down a measure (alternative path)"),
};
static const char *const factor_short[FACTOR_COUNT] = {
	N_("Communication"),  N_("Impact capture"), N_("Technical compatibility"),
	N_("Responsibility"), N_("Cost reduction and sharing"), N_("Wind-down"),
};

const char *vocab_factor_name(int factor)
{
	if (factor < 1 || factor > FACTOR_COUNT)
		return "";
	return _(factor_full[factor - 1]);
}

const char *vocab_factor_short(int factor)
{
	if (factor < 1 || factor > FACTOR_COUNT)
		return "";
	return _(factor_short[factor - 1]);
}

const char *vocab_factor_number(int factor)
{
	static const char *const numbers[FACTOR_COUNT] = {"1", "2", "3", "4", "5", ""};
	return factor >= 1 && factor <= FACTOR_COUNT ? numbers[factor - 1] : "";
}

char raci_letter(enum raci r)
{
	static const char letters[RACI_COUNT] = {' ', 'R', 'A', 'C', 'I'};
	return r >= 0 && r < RACI_COUNT ? letters[r] : ' ';
}

enum raci raci_from_letter(int c)
{
	switch (c) {
	case 'R': case 'r': return RACI_R;
	case 'A': case 'a': return RACI_A;
	case 'C': case 'c': return RACI_C;
	case 'I': case 'i': return RACI_I;
	default: return RACI_NONE;
	}
}
