/* xlsx_internal.h — private to xlsx_export.c and xlsx_sheets.c: the state
 * of one workbook being written, checked writes and the table writer. */
#ifndef STETIG_XLSX_INTERNAL_H
#define STETIG_XLSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "findings.h"
#include "model.h"
#include "util.h"
#include "vocab.h"

#define XL_MAX_SHEETS 32
/* Rows below the header row a sheet can hold, and columns of a sheet. */
#define XL_DATA_ROWS_MAX 1048575L
#define XL_COLS_MAX 16384
/* Rows the costs-per-year sheet adds to one row per cost item (totals,
 * coverage and the like), counted generously. */
#define XL_SUMMARY_ROWS 32
#define XL_WIDTH_MAX 60 /* widest column, in characters; longer text wraps */
#define XL_WIDTH_MIN 10 /* fit_columns narrows no column below this */
#define XL_FLOOR_MAX 16 /* a longer word may be broken */
/* Column-width characters that fit the printable width of an A4 landscape
 * page (margins 0.5") at the smallest scale allowed: 11 pt text printed at
 * no less than 9 pt. At 100 % about 135 characters fit (measured with LibreOffice and Carlito). */
#define XL_PAGE_CHARS 165.0
#define XL_LINE_PT 15.0 /* height of one line of 11 pt text */
/* Characters of ordinary text per unit of column width (a unit is the
 * width of a digit; measured on wrapped German and English text in
 * Calibri/Carlito 11 pt: about 1.3; kept lower so rows are never short). */
#define XL_TEXT_PER_WIDTH 1.15
/* Characters of the footer left part (municipality and measure). */
#define XL_FOOTER_LEFT 60
/* The task sheet names at most this many holders of a role per task (the
 * RACI matrix has them all). */
#define XL_HOLDERS_MAX 10
/* The indicator chart shows at most this many indicators (the first ones;
 * the indicator sheet has them all): a bar chart of thousands is unreadable
 * and makes the file slow to write and to open. */
#define XL_CHART_INDICATORS_MAX 50
/* The summary sheet lists at most this many indicators (the first ones). */
#define XL_SUMMARY_INDICATORS 3
/* The summary sheet lists at most this many findings (gaps first). */
#define XL_SUMMARY_FINDINGS 2

/* Traffic lights of the indicators on the summary sheet. */
enum { XL_LIGHT_GREEN, XL_LIGHT_AMBER, XL_LIGHT_RED, XL_LIGHT_NONE, XL_LIGHT_COUNT };

/* The summary sheet's text size in points (the other sheets: 11), and the
 * height of one of its lines: the page holds the summary at 100 %. */
#define XL_SUMMARY_PT 9.0
#define XL_SUMMARY_LINE_PT 11.25

/* Every format of the workbook, made once. */
struct xl_formats {
	lxw_format *title, *subtitle, *label, *header, *header_rot;
	lxw_format *text, *wrap, *date, *num, *money, *pct, *frac;
	lxw_format *heat[3], *heat_na, *bold, *note;
	lxw_format *raci[RACI_COUNT]; /* [0]: centred cell, others: conditional */
	lxw_format *sev[SEV_COUNT];
	lxw_format *status[CHECK_STATUS_COUNT]; /* check statuses (conditional: fill only) */
	lxw_format *light[XL_LIGHT_COUNT]; /* indicator traffic lights */
	lxw_format *link;		    /* a link to another sheet */
	lxw_format *year;		    /* a budget year: a whole number, left */
	lxw_format *measure[2];		    /* an indicator value: [0] whole, [1] with decimals;
					     * thousands grouped (15,000 / 15.000) */
	lxw_format *note_wrap;		    /* a note over merged cells, wrapped */
	lxw_format *money_alert;	    /* money nobody carries: bold on red */
	lxw_format *money_total;	    /* a money total: bold, a line above */
};

/* The workbook's RACI cells, task by task in the model's order and in each
 * task's row order: task i's cells are cell[at[i]] .. cell[at[i + 1] - 1],
 * each XL_RACI_CELL(stakeholder index, role). Four bytes a cell, built once
 * (xl_raci_build), so that a caller that lets the workshop go can free the
 * model's own rows before the sheets are written. */
struct xl_raci {
	uint32_t *cell;
	size_t *at; /* one more than there are tasks */
};
#define XL_RACI_CELL(col, role) ((uint32_t)(col) << 3 | (uint32_t)(role))
#define XL_RACI_COL(cell) ((size_t)((cell) >> 3))
#define XL_RACI_ROLE(cell) ((enum raci)((cell)&7u))

struct xl {
	lxw_workbook *wb;
	const struct model *m;
	const struct findings *f; /* may be NULL */
	const struct figures *fig; /* the model's figures (figures.h) */
	struct xl_raci raci;	  /* the model's RACI cells */
	/* m itself when the export may empty it as it goes (a workshop that
	 * goes afterwards: xlsx_export_release), else NULL */
	struct model *own;
	struct findings *own_f; /* f, when it may go as well, else NULL */
	size_t indicators; /* m's indicators, counted before own lets any go */
	enum lang lang;
	struct xl_formats fmt;
	struct xl_formats sum_fmt; /* the same at XL_SUMMARY_PT, for the summary */
	double sum_extra; /* the summary's rows: points above the default height */
	lxw_error err;	  /* the first error */
	char what[64];	  /* the call that failed */
	char reason[128]; /* a file-system reason, if known */
	lxw_worksheet *summary; /* the first sheet, written last */
	/* Where the costs-per-year sheet put its money rows (sheet NULL: it
	 * has none), so that the summary refers to them by formula: the row
	 * (0-based) of its first money row, YR_* after it in that order, and
	 * the column of budget year first + k is 1 + k, then the "no year"
	 * column when undated, then the total. */
	struct {
		const char *sheet;
		lxw_row_t row;
		size_t ny;
		bool undated;
	} years;
	char *names[XL_MAX_SHEETS];
	size_t nnames;
	char footer[1024];
	char today[32];	    /* the export date as the session writes it */
	char today_iso[11]; /* and as YYYY-MM-DD */
	char **keep; /* strings libxlsxwriter may read until workbook_close */
	size_t nkeep, capkeep;
};

/* text as libxlsxwriter may write it: valid UTF-8 (broken bytes become
 * U+FFFD), at most max_chars characters, "_xHHHH_" escaped; free it. */
char *xl_clean(const char *s, size_t max_chars);
/* The same text without a copy when s needs no change (the usual case):
 * s itself, or a cleaned copy that is also left in *copy (free it). */
const char *xl_clean_ref(const char *s, size_t max_chars, char **copy);
/* Leaves only the A cells in x->raci (what the summary needs after the task
 * and RACI sheets), which frees most of it. */
void xl_raci_keep_accountable(struct xl *x);
/* Records the first error. */
void xl_note(struct xl *x, lxw_error e, const char *what);
/* The money rows of the costs-per-year sheet, in this order (x->years). */
enum { YR_GRANT, YR_OWN, YR_COVERED, YR_PROMISED, YR_ASKED, YR_UNCOVERED, YR_COUNT };
/* The figure of money row yr (YR_*) in a row of the per-year table. */
double xl_year_money(const struct figures_row *r, int yr);

/* "A1"-style name of the sheet cell at row r, column c (0-based). */
void xl_cell_name(lxw_row_t r, lxw_col_t c, char out[16]);
/* Appends sheet's name as a formula or link names a sheet: in ' quotes,
 * an inner ' doubled (Excel's rule; always quoting is valid for any name). */
void xl_sheet_ref(struct buf *b, const char *sheet);

/* Checked writes. */
void xl_text(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
	     lxw_format *f);
void xl_num(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f);
/* An indicator's value with its thousands grouped, decimals only where it
 * has them (a format "#,##0.###" would print 15000 as "15,000."). */
void xl_measure(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v);
lxw_format *xl_measure_format(const struct xl *x, double v);
/* Writes an ISO date as a date; false (nothing written) if it is none. */
bool xl_date(struct xl *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *iso);
/* A new sheet named from base (made valid and unique); NULL on error. */
lxw_worksheet *xl_sheet(struct xl *x, const char *base);
const char *xl_last_sheet_name(const struct xl *x);
/* A4, fit to one page wide, margins, header and footer. */
void xl_print_setup(struct xl *x, lxw_worksheet *ws, bool landscape, bool repeat_header);
/* The same without fitting: the sheet prints at its scale (100 %). */
void xl_print_page(struct xl *x, lxw_worksheet *ws, bool landscape, bool repeat_header);
/* Keeps s (malloc'd) until the workbook is closed; returns s. */
char *xl_keep(struct xl *x, char *s);
/* The translated name of factor 1..6 with its number ("1 ..."; the wind-down
 * has none): the study's full name, or its short form for narrow columns. */
const char *xl_factor_name(int factor);
const char *xl_factor_short(int factor);

/* A table for a step sheet: a header row and rows of cells. */
/* XC_SUM: a live =SUM() over cells of the same table (rows r1..r2 and
 * columns c1..c2 of its data, 0-based), with the computed value v as the
 * cached result. The formula is made from numbers only, never from text. */
enum xcell_kind { XC_EMPTY, XC_TEXT, XC_NUM, XC_DATE, XC_SUM };
struct xcell {
	enum xcell_kind k;
	bool own; /* s was allocated for the cell */
	bool nl;  /* s has a line break (set by xt_emit) */
	const char *s; /* XC_TEXT, XC_DATE */
	double v;
	lxw_format *fmt; /* NULL: the column's default */
	/* XC_SUM: the range (a sheet has at most 2^20 rows and 2^14 columns) */
	lxw_row_t r1, r2;
	lxw_col_t c1, c2;
};
struct xtable {
	size_t ncols, nrows, cap;
	char **heads;
	double *width;
	struct xcell *cells; /* nrows × ncols */
	size_t nfoot; /* the last nfoot rows are totals: outside the autofilter */
};
/* heads: ncols header texts, or NULL (set them with xt_head). */
void xt_init(struct xtable *t, size_t ncols, const char *const *heads);
/* Sets header c (copied). */
void xt_head(struct xtable *t, size_t c, const char *head);
/* Appends an empty row; returns its first cell. */
struct xcell *xt_row(struct xtable *t);
/* Makes room for rows more rows at once (no growing by doubling): for a
 * table whose size is known before it is filled. */
void xt_reserve(struct xtable *t, size_t rows);
/* A text cell. s is not copied: it must live until the table is freed
 * (model strings, translations, findings do). */
void xc_text(struct xcell *c, const char *s);
/* A text cell that takes s (malloc'd) and frees it with the table. */
void xc_text_own(struct xcell *c, char *s);
void xc_num(struct xcell *c, double v, lxw_format *f);
/* A =SUM() of the table's data cells rows r1..r2, columns c1..c2, whose
 * value (computed by figures.c) is v. */
void xc_sum(struct xcell *c, size_t r1, size_t c1, size_t r2, size_t c2, double v, lxw_format *f);
void xc_optnum(struct xcell *c, struct optnum n, lxw_format *f);
/* A date cell; text that is not a date stays text; "" stays empty. iso is
 * not copied (as xc_text). */
void xc_date(struct xcell *c, const char *iso);
void xt_free(struct xtable *t);
/* The width of a column with header head whose widest cell needs widest
 * characters (as xt_emit fits them); *wrap: too wide, its text wraps. */
double xl_column_width(const char *head, size_t widest, bool *wrap);
/* Characters a number needs as a cell. */
size_t xl_number_width(double v);
/* Display width of text: its longest line, in characters; *nl: it has a
 * line break. */
size_t xl_text_width(const char *s, bool *nl);
/* Lines text takes in a wrapping cell `chars` characters wide. */
int xl_wrapped_lines(const char *s, size_t chars);
/* Height in points of a row with `lines` lines of text (at most 409). */
double xl_row_height(int lines);
/* Writes the table to a new sheet: bold frozen header (and freeze_cols
 * columns), autofilter, fitted widths, wrapped long text, print setup. */
lxw_worksheet *xt_emit(struct xl *x, struct xtable *t, const char *sheet, size_t freeze_cols);

/* How far an indicator's latest value has come from its baseline (0) to its
 * target (1), whichever direction is better; false when it cannot be said
 * (no baseline, latest value or target, or target equal to baseline). */
bool xl_indicator_progress(const struct indicator *e, double *frac);
/* Fills the summary sheet x->summary (xlsx_summary.c): after every other
 * sheet exists, so that it can link to them. */
void xl_write_summary(struct xl *x);

/* The step sheets and charts (xlsx_sheets.c). */
void xl_write_sheets(struct xl *x);
/* The names the step sheets ask for, translated; returns how many. */
size_t xl_step_sheet_names(const char **out, size_t max);

#endif
