/* ui_export.c — step 8: writing the council workbook and the CSV bundle,
 * clearing the undo history before the file is shared, and the notes
 * (decisions, action items, parking lot) that go into the council paper.
 *
 * Two parts: the export settings (a list of rows, Enter or Space acts on
 * the selected one) and the notes list below (ui_notes.c). Up/Down at the
 * edge of one part go on into the other; e exports from anywhere. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_io.h"
#include "i18n.h"
#include "ui_internal.h"
#include "util.h"
#include "xlsx_export.h"

enum part { PART_EXPORT, PART_NOTES };
enum { ROW_CSV, ROW_XLSX, ROW_LANG, ROW_RUN, ROW_HISTORY, ROW_COUNT };

struct export_state {
	enum part part;
	struct list le;
	char *csv_dir, *xlsx_path; /* NULL: the default beside the workshop file */
	bool want_csv, want_xlsx;
	int export_lang;	   /* -1: the session language */
	/* what the last export did, drawn in the current language */
	struct {
		bool done, csv, xlsx;	   /* an export ran; which parts it wrote */
		char *csv_path, *xlsx_path;
		char *csv_err, *xlsx_err; /* NULL: written */
		size_t files;
		long long csv_bytes, xlsx_bytes;
	} res;
	char hint_buf[512];
};

static void init(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	vs->part = PART_EXPORT;
	vs->want_csv = vs->want_xlsx = true;
	vs->export_lang = -1;
	list_init(&vs->le);
	list_set_count(&vs->le, ROW_COUNT);
	list_select(&vs->le, ROW_RUN);
}

/* The workshop path without its .stetig extension. */
static char *stem(const struct ui *ui)
{
	const char *p = ui->path;
	size_t n = strlen(p);
	if (n > 7 && !strcmp(p + n - 7, ".stetig"))
		n -= 7;
	return xstrndup(p, n);
}

static char *default_csv(const struct ui *ui)
{
	char *s = stem(ui);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s-csv", s);
	free(s);
	return buf_steal(&b);
}

static char *default_xlsx(const struct ui *ui)
{
	char *s = stem(ui);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s.xlsx", s);
	free(s);
	return buf_steal(&b);
}

static char *cur_csv(const struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	return vs->csv_dir ? xstrdup(vs->csv_dir) : default_csv(ui);
}

static char *cur_xlsx(const struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	return vs->xlsx_path ? xstrdup(vs->xlsx_path) : default_xlsx(ui);
}

static enum lang cur_lang(const struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	return vs->export_lang < 0 ? i18n_lang() : (enum lang)vs->export_lang;
}

static void sync(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	ui_notes_sync(ui);
	if (vs->part == PART_NOTES && ui->m.notes.n == 0)
		vs->part = PART_EXPORT;
}

static const char *hint(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	if (vs->res.done && !vs->res.csv_err && !vs->res.xlsx_err)
		return _("Written. Add the working group's agreements and action items below "
			 "(n).");
	if (ui->m.notes.n == 0 && vs->part == PART_NOTES)
		return _("Press n to write down the first agreement or action item.");
	return _("Enter on “Write the files now” (or e) writes them beside the workshop file.");
}

/* ------------------------------------------------------------ export */

/* "12 KB" or "812 bytes". */
static void size_text(long long bytes, char *out, size_t n)
{
	if (bytes < 1024)
		snprintf(out, n, ngettext("%lld byte", "%lld bytes", (unsigned long)bytes), bytes);
	else if (bytes < 1024 * 1024)
		snprintf(out, n, "%lld KB", (bytes + 512) / 1024);
	else {
		char num[64];
		i18n_number((double)((bytes * 10 + 512 * 1024) / (1024 * 1024)) / 10, i18n_lang(), num);
		num[20] = '\0';
		snprintf(out, n, "%.20s MB", num);
	}
}

static void clear_result(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	free(vs->res.csv_path);
	free(vs->res.xlsx_path);
	free(vs->res.csv_err);
	free(vs->res.xlsx_err);
	memset(&vs->res, 0, sizeof vs->res);
}

static void done(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	clear_result(ui);
	free(vs->csv_dir);
	free(vs->xlsx_path);
}

/* The result of the last export in words (session language); free it. */
static char *result_text(struct ui *ui, bool *error)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	struct buf out;
	buf_init(&out);
	*error = false;
	char sz[64];
	if (vs->res.csv) {
		if (vs->res.csv_err) {
			buf_printf(&out, _("CSV bundle not written: %s"), vs->res.csv_err);
			*error = true;
		} else {
			size_text(vs->res.csv_bytes, sz, sizeof sz);
			buf_printf(&out, ngettext("CSV bundle: %zu file in %s/ (%s).",
						  "CSV bundle: %zu files in %s/ (%s).", vs->res.files),
				   vs->res.files, vs->res.csv_path, sz);
		}
	}
	if (vs->res.xlsx) {
		if (out.len)
			buf_adds(&out, "\n");
		if (vs->res.xlsx_err) {
			buf_printf(&out, _("Workbook not written: %s"), vs->res.xlsx_err);
			*error = true;
		} else {
			size_text(vs->res.xlsx_bytes, sz, sizeof sz);
			buf_printf(&out, _("Workbook: %s (%s)."), vs->res.xlsx_path, sz);
		}
	}
	return buf_steal(&out);
}

static void run_export(struct ui *ui)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	if (!vs->want_csv && !vs->want_xlsx) {
		ui_error(ui, "%s", _("Nothing to write: tick the CSV bundle or the workbook (Space)."));
		return;
	}
	clear_result(ui);
	enum lang lang = cur_lang(ui), session = i18n_lang();
	/* the findings and the sheet names speak the export's language */
	if (lang != session)
		i18n_set_lang(lang);
	struct findings f;
	findings_compute(&ui->m, &f);
	vs->res.csv = vs->want_csv;
	vs->res.xlsx = vs->want_xlsx;
	vs->res.csv_path = cur_csv(ui);
	vs->res.xlsx_path = cur_xlsx(ui);
	if (vs->want_csv) {
		struct bundle_error err;
		if (!bundle_export(&ui->m, &f, vs->res.csv_path, lang, 0, &err))
			vs->res.csv_err = bundle_error_text(&err);
	}
	char xerr[1024] = "";
	if (vs->want_xlsx &&
	    xlsx_export(&ui->m, &f, vs->res.xlsx_path, lang, xerr, sizeof xerr) != ERR_OK)
		vs->res.xlsx_err = xstrdup(*xerr ? xerr : "?");
	findings_free(&f);
	if (lang != session)
		i18n_set_lang(session);
	if (vs->want_csv && !vs->res.csv_err)
		for (size_t i = 0; bundle_files[i]; i++) {
			struct buf p;
			buf_init(&p);
			buf_printf(&p, "%s/%s", vs->res.csv_path, bundle_files[i]);
			struct stat st;
			if (stat(p.data, &st) == 0) {
				vs->res.csv_bytes += st.st_size;
				vs->res.files++;
			}
			buf_free(&p);
		}
	struct stat st;
	if (vs->want_xlsx && !vs->res.xlsx_err && stat(vs->res.xlsx_path, &st) == 0)
		vs->res.xlsx_bytes = st.st_size;
	vs->res.done = true;
	if (!vs->res.csv_err && !vs->res.xlsx_err)
		ui_status(ui, "%s", _("Export written."));
	else
		ui_error(ui, "%s", _("The export failed; the reason is shown above."));
}

/* ------------------------------------------------------------ history */

static void clear_yes(struct ui *ui, int64_t id)
{
	(void)id;
	if (ui_store_ok(ui, store_clear_history(ui->s)))
		ui_status(ui, "%s", _("The undo history is cleared: the file holds only the current "
				      "state now."));
}

static void clear_history(struct ui *ui)
{
	int n = store_undo_depth(ui->s) + store_redo_depth(ui->s);
	if (n == 0) {
		ui_status(ui, "%s", _("The undo history is empty already; the file can be shared."));
		return;
	}
	char q[512];
	snprintf(q, sizeof q,
		 ngettext("Clear the undo history (%d step)? Deleted and overwritten text is wiped "
			  "from the file, and u can no longer undo what was done so far.",
			  "Clear the undo history (%d steps)? Deleted and overwritten text is wiped "
			  "from the file, and u can no longer undo what was done so far.",
			  n),
		 n);
	ui_confirm(ui, q, clear_yes, 0);
}

/* ------------------------------------------------------------ path forms */

static bool save_path(struct ui *ui, struct form *fm, int64_t which)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	char *p = form_text(fm, 0);
	char **dst = which == ROW_CSV ? &vs->csv_dir : &vs->xlsx_path;
	free(*dst);
	*dst = p;
	if (which == ROW_CSV)
		vs->want_csv = true;
	else
		vs->want_xlsx = true;
	ui_status(ui, "%s", _("Path set; Enter on “Write the files now” writes."));
	return true;
}

static void path_form(struct ui *ui, int which)
{
	char *cur = which == ROW_CSV ? cur_csv(ui) : cur_xlsx(ui);
	struct form *fm = form_new(which == ROW_CSV ? N_("CSV bundle") : N_("Workbook"), NULL);
	form_add_text(fm, which == ROW_CSV ? N_("Folder") : N_("File"), cur, true);
	form_set_note(fm, 0,
		      which == ROW_CSV ? N_("A folder for the CSV files; it is created if missing.")
				       : N_("The Excel workbook to write, ending in .xlsx."));
	form_focus(fm, 0);
	free(cur);
	ui_form_open(ui, fm, save_path, which);
}

/* ------------------------------------------------------------ drawing */

static const struct list_col cols[] = {{N_("Export"), 30, 0}, {NULL, -1, 10}};

static void draw_row(void *ctx, size_t row, int y, const int *cx, const int *cw, bool sel)
{
	struct ui *ui = ctx;
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	attr_t base = ui_style(sel ? ST_SEL : ST_NORMAL);
	char *v = NULL;
	switch (row) {
	case ROW_CSV:
		ui_textf(y, cx[0], cw[0], base, 0, "%s %s", vs->want_csv ? "[x]" : "[ ]", _("CSV bundle (folder)"));
		v = cur_csv(ui);
		ui_text(y, cx[1], cw[1], v, base, 0);
		break;
	case ROW_XLSX:
		ui_textf(y, cx[0], cw[0], base, 0, "%s %s", vs->want_xlsx ? "[x]" : "[ ]", _("Workbook (Excel)"));
		v = cur_xlsx(ui);
		ui_text(y, cx[1], cw[1], v, base, 0);
		break;
	case ROW_LANG:
		ui_textf(y, cx[0], cw[0], base, 0, "    %s", _("Language of the files"));
		ui_text(y, cx[1], cw[1], vocab_label(VOCAB_LANG, cur_lang(ui)), base | A_BOLD, 0);
		break;
	case ROW_RUN:
		ui_textf(y, cx[0], cw[0], base | A_BOLD, 0, "  ▶ %s", _("Write the files now"));
		ui_text(y, cx[1], cw[1], _("Enter or e; existing files are replaced"), base, 0);
		break;
	default:
		ui_textf(y, cx[0], cw[0], base, 0, "    %s", _("Clear the undo history"));
		ui_text(y, cx[1], cw[1],
			_("before the workshop file goes to others: deleted text is wiped from it"),
			base, 0);
		break;
	}
	free(v);
}

static void draw(struct ui *ui, struct ui_rect r)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	vs->le.passive = vs->part != PART_EXPORT;
	int top_h = ROW_COUNT + 1;
	list_draw(&vs->le, (struct ui_rect){r.y, r.x, top_h, r.w}, cols, 2, draw_row, ui, NULL);
	int y = r.y + top_h;
	int res_h = 2;
	if (vs->res.done) {
		bool error;
		char *text = result_text(ui, &error);
		/* one line per file kind, cut at the edge rather than wrapped */
		char *line = text;
		for (int i = 0; i < res_h && line; i++) {
			char *nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			ui_text(y + i, r.x, r.w, line, error ? ui_style(ST_ERROR) : ui_style(ST_TITLE), 0);
			line = nl ? nl + 1 : NULL;
		}
		free(text);
	} else
		ui_text_wrapped((struct ui_rect){y, r.x, res_h, r.w}, 0,
				_("Space ticks what to write; Enter on a path changes it. The "
				  "workbook is made to be attached to a council submission."),
				ui_style(ST_DIM));
	y += res_h + 1;
	ui_text(y, r.x, r.w, _("Agreements and action items of the working group"), ui_style(ST_TITLE),
		0);
	y++;
	ui_notes_draw(ui, (struct ui_rect){y, r.x, r.y + r.h - y, r.w}, vs->part == PART_NOTES);
}

/* ------------------------------------------------------------ keys */

static int export_key(struct ui *ui, enum ui_action a)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	switch (a) {
	case ACT_CYCLE:
		if (vs->le.sel == ROW_CSV)
			vs->want_csv = !vs->want_csv;
		else if (vs->le.sel == ROW_XLSX)
			vs->want_xlsx = !vs->want_xlsx;
		else if (vs->le.sel == ROW_LANG)
			vs->export_lang = cur_lang(ui) == LANG_DE ? LANG_EN : LANG_DE;
		else if (vs->le.sel == ROW_RUN)
			run_export(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_EDIT:
		if (vs->le.sel == ROW_CSV || vs->le.sel == ROW_XLSX)
			path_form(ui, (int)vs->le.sel);
		else if (vs->le.sel == ROW_LANG)
			vs->export_lang = cur_lang(ui) == LANG_DE ? LANG_EN : LANG_DE;
		else if (vs->le.sel == ROW_RUN)
			run_export(ui);
		else
			clear_history(ui);
		return UI_REDRAW | UI_HANDLED;
	case ACT_NEW:
		vs->part = PART_NOTES;
		ui_note_form(ui, 0);
		return UI_REDRAW | UI_HANDLED;
	case ACT_DELETE:
		ui_status(ui, "%s", _("Only notes can be deleted here: go down to the notes."));
		return UI_REDRAW | UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int key(struct ui *ui, enum ui_action a, int k)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	(void)k;
	struct list *notes = ui_notes_list(ui);
	if (a == ACT_EXPORT) {
		run_export(ui);
		return UI_REDRAW | UI_HANDLED;
	}
	if (vs->part == PART_EXPORT) {
		if (a == ACT_DOWN && vs->le.sel + 1 >= vs->le.n && notes->n) {
			vs->part = PART_NOTES;
			list_select(notes, 0);
			return UI_REDRAW | UI_HANDLED;
		}
		if (list_move(&vs->le, a))
			return UI_REDRAW | UI_HANDLED;
		return export_key(ui, a);
	}
	if (a == ACT_UP && notes->sel == 0) {
		vs->part = PART_EXPORT;
		list_select(&vs->le, ROW_COUNT - 1);
		return UI_REDRAW | UI_HANDLED;
	}
	return ui_notes_key(ui, a);
}

static int click(struct ui *ui, int y, int x)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	(void)x;
	struct list *lists[2] = {&vs->le, ui_notes_list(ui)};
	const enum part parts[2] = {PART_EXPORT, PART_NOTES};
	for (int p = 0; p < 2; p++) {
		if (list_hit(lists[p], y) < 0)
			continue;
		bool active = vs->part == parts[p];
		vs->part = parts[p];
		return ui_list_click(ui, lists[p], y, active, ACT_EDIT, NULL);
	}
	return UI_UNHANDLED;
}

static bool select_item(struct ui *ui, enum entity kind, int64_t id)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	if (kind == ENT_NOTE && ui_notes_select(ui, id)) {
		vs->part = PART_NOTES;
		return true;
	}
	return kind == ENT_WORKSHOP;
}

static const enum ui_action bar[] = {ACT_EXPORT, ACT_NEW, ACT_EDIT, ACT_DELETE, ACT_NONE};
static const enum ui_action more[] = {ACT_CYCLE, ACT_NOTE, ACT_NONE};

/* The selected item, for the reading view. */
static bool current_item(struct ui *ui, enum entity *kind, int64_t *id)
{
	struct export_state *vs = ui_view_state(ui, STEP_EXPORT);
	if (vs->part != PART_NOTES)
		return false;
	*kind = ENT_NOTE;
	*id = ui_notes_current(ui);
	return *id != 0;
}

const struct ui_view ui_view_export = {
	.step = STEP_EXPORT,
	.private_size = sizeof(struct export_state),
	.init = init,
	.done = done,
	.hint = hint,
	.help = N_("The export writes what the group worked out in two forms: an Excel "
		   "workbook made to be attached to a council submission (a cover sheet with "
		   "the readiness and the group's agreements, one sheet per step, ready to "
		   "print), and "
		   "a bundle of CSV files that other tools and stetig import can read. By "
		   "default both go beside the workshop file; Enter on a path changes it, Space "
		   "ticks what to write, and the language of the files can differ from the "
		   "screen's. Enter on “Write the files now”, or e anywhere in this step, "
		   "writes them and shows the paths and sizes, or what went wrong.\n\n"
		   "The workshop file keeps an undo history, and with it text that was deleted "
		   "or overwritten. Before the file itself goes to someone else, clear the "
		   "history: the file then holds only the current state.\n\n"
		   "Below, write down the agreements, the action items (with an owner and a due "
		   "date) and the questions parked for later: they appear on the workbook's cover "
		   "sheet. n adds a note here, F4 on steps 3 to 6 as well."),
	.bar = bar,
	.more = more,
	.sync = sync,
	.draw = draw,
	.key = key,
	.click = click,
	.select = select_item,
	.current = current_item,
};
