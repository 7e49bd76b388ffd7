/* xlsx_export.h — the council workbook through libxlsxwriter. Reads the
 * model, never changes it. */
#ifndef STETIG_XLSX_EXPORT_H
#define STETIG_XLSX_EXPORT_H

#include <stdbool.h>

#include "errors.h"
#include "findings.h"
#include "model.h"
#include "vocab.h"

/* Writes the workbook of m to path in language lang (sheet names, headers,
 * choice words, number and date formats). path must be missing or a
 * regular file (a folder, pipe or device is refused); the workbook is
 * assembled in a private folder beside it and renamed over it, so nothing
 * is ever written through path. Returns ERR_OK, or on failure an
 * ERR_XLSX_* code (errors.def), no file is left and err (size n) holds the
 * code's message with the particulars, localized. */
enum err xlsx_export(const struct model *m, const struct findings *f, const char *path,
		 enum lang lang, char *err, size_t n);

/* The same, but empties m and f (model_clear, findings_free) on the way,
 * which lowers the peak memory of a large export: m's RACI rows go before
 * the first sheet is written (the sheets read a compact copy), the rest of
 * m and f once every cell is written and before the file is assembled. For
 * a caller that needs neither any more. */
enum err xlsx_export_release(struct model *m, struct findings *f, const char *path,
			 enum lang lang, char *err, size_t n);

/* ERR_OK when every sheet of m's workbook fits a sheet's limits (1,048,575
 * data rows, 16,384 columns); otherwise ERR_XLSX_ROWS or ERR_XLSX_COLUMNS
 * and err (size n) says which does not, localized. xlsx_export checks it
 * before it writes anything. */
enum err xlsx_fits(const struct model *m, const struct findings *f, char *err, size_t n);

/* A valid, unique (ignoring case, umlauts folded) sheet name from base: at
 * most 31 characters, none of []:*?/\ and no leading or trailing '. used
 * holds the names so far (n of them). out: 128 bytes. */
void xlsx_sheet_name(const char *base, const char *const *used, size_t n, char out[128]);

#endif
