#!/usr/bin/env python3
"""xlsx_check.py — reads a council workbook written by `stetig export --xlsx`
with openpyxl (an independent reader) and checks what a council file needs.

usage: xlsx_check.py FILE LANG [--text T]... [--string T]... [--title T]
                     [--author A] [--company C] [--footer F] [--capped]
Exit status: 0 all checks passed, 1 a check failed, 77 openpyxl is missing.
"""
import argparse
import datetime
import re
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl is not installed")
    sys.exit(77)

STEP_SHEETS = {
    "en": ["Strategy goals", "Goals", "Indicators", "Stakeholders", "Tasks", "RACI matrix",
           "Costs", "Cost shares", "Costs per year", "Check list", "Findings", "Notes"],
    "de": ["Strategieziele", "Ziele", "Indikatoren", "Akteure", "Aufgaben", "RACI-Matrix",
           "Kosten", "Kostenanteile", "Kosten je Jahr", "Prüfliste", "Befunde", "Notizen"],
}
# the roadmap (step 6): sheet, date column, overdue column and its word;
# the summary's labels for the operator model and the next council decision
ROADMAP_SHEETS = {"en": ["Milestones", "Council decisions"],
                  "de": ["Meilensteine", "Ratsbeschlüsse"]}
DUE = {"en": ("Due", "Planned date"), "de": ("Fällig", "Geplanter Termin")}
OVERDUE = {"en": ("Overdue", "overdue"), "de": ("Überfällig", "überfällig")}
MS_STATUS = {"en": ("Status", "open"), "de": ("Status", "offen")}
EXPORT_DATE = {"en": "Date of export", "de": "Stand"}
ROADMAP_LABELS = {"en": ["Operator model", "Next council decision"],
                  "de": ["Betreibermodell", "Nächster Ratsbeschluss"]}
AGREEMENTS = {"en": ["No agreement", "Draft agreement", "Signed agreement"],
              "de": ["Keine Vereinbarung", "Vereinbarung im Entwurf",
                     "Vereinbarung unterzeichnet"]}
CHARTS = {"en": "Charts", "de": "Diagramme"}
SUMMARY = {"en": "Summary", "de": "Zusammenfassung"}
LIGHTS = {"en": {"target reached", "under way", "no progress", "no data yet"},
          "de": {"Ziel erreicht", "auf dem Weg", "kein Fortschritt", "noch keine Daten"}}
PAGE = {"en": "Page &P of &N", "de": "Seite &P von &N"}
DATE_FORMAT = {"en": "yyyy-mm-dd", "de": "dd.mm.yyyy"}
BASELINE = {"en": "Baseline", "de": "Ausgangswert"}
INFLUENCE = {"en": "Influence", "de": "Einfluss"}
CHECK_STATUSES = {"en": ["open", "partly", "done", "not relevant"],
                  "de": ["offen", "teilweise", "erledigt", "entfällt"]}
# the task sheet lists at most HOLDERS_MAX holders of a role, then "(+N more…)";
# the indicator chart shows at most CHART_MAX indicators, with a note
HOLDERS_MAX = 10
MORE = {"en": re.compile(r"^\(\+(\d+) more\b"), "de": re.compile(r"^\(\+(\d+) weitere\b")}
CHART_MAX = 50
CHART_NOTE = {"en": re.compile(r"first (\d+) of the (\d+) indicators"),
              "de": re.compile(r"ersten (\d+) der (\d+) Indikatoren")}

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def column(ws, title):
    for cell in ws[1]:
        if cell.value == title:
            return cell.column
    return None


YEARS_SHEET = {"en": "Costs per year", "de": "Kosten je Jahr"}
COSTS_SHEET = {"en": "Costs", "de": "Kosten"}
SUM_RE = re.compile(r"^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def recalculated(path):
    """The workbook's values as LibreOffice computes them (headless), or None
    where LibreOffice is not installed."""
    import os
    import shutil
    import subprocess
    import tempfile
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        return None
    out = tempfile.mkdtemp(prefix="xlsx-recalc-")
    src = os.path.join(out, "in.xlsx")
    shutil.copy(path, src)
    conv = os.path.join(out, "conv")
    os.mkdir(conv)
    try:
        subprocess.run([office, "-env:UserInstallation=file://" + os.path.join(out, "profile"),
                        "--headless", "--convert-to", "xlsx", "--outdir", conv, src],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
                       check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    got = os.path.join(conv, "in.xlsx")
    if not os.path.exists(got):
        return None
    return openpyxl.load_workbook(got, data_only=True)


REF_RE = re.compile(r"'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)")


def check_formulas(path, wb, lang):
    """The only formulas are live totals and references to the money rows:
    on the costs sheet, the costs-per-year sheet and the summary, =SUM() over a range of the
    same row or column, whose cached value (what stetig computed) is the sum
    of the cells it names; on the summary also references to cells of the
    costs-per-year sheet ('Sheet'!C2 or a sum of them), whose cached value is
    what they refer to. LibreOffice, recalculating, computes the same."""
    cached = openpyxl.load_workbook(path, data_only=True)
    summary = SUMMARY[lang]
    sums, refs = [], []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                text = str(c.value)
                m = SUM_RE.match(text)
                if m and ws.title in (YEARS_SHEET[lang], COSTS_SHEET[lang], summary):
                    sums.append((ws.title, c, m))
                    continue
                parts = text[1:].split("+") if text.startswith("=") else []
                targets = [REF_RE.fullmatch(p) for p in parts]
                ok = (ws.title == summary and parts and all(targets)
                      and all(t.group(1).replace("''", "'") == YEARS_SHEET[lang]
                              for t in targets))
                check(ok, "a formula %r in %s!%s" % (c.value, ws.title, c.coordinate))
                if ok:
                    refs.append((ws.title, c, [(col_index(t.group(2)), int(t.group(3)))
                                               for t in targets]))
    if YEARS_SHEET[lang] not in wb.sheetnames:
        return
    ws = wb[YEARS_SHEET[lang]]
    has_costs = ws.max_column > 2
    check(not has_costs or any(t == YEARS_SHEET[lang] for t, _, _ in sums),
          "no live totals on the costs-per-year sheet")
    check(not has_costs or refs, "the summary does not refer to the money per year")
    for title, c, m in sums:
        vs = cached[title]
        c1, r1, c2, r2 = col_index(m.group(1)), int(m.group(2)), col_index(m.group(3)), \
            int(m.group(4))
        check(c1 == c2 or r1 == r2, "%s: %s is not one row or column" % (c.coordinate, c.value))
        # a total sums cells above it or to its left, never itself
        check((c1 == c2 == c.column and r2 < c.row) or (r1 == r2 == c.row and c2 < c.column),
              "%s: %s is not over the cells above or left of it" % (c.coordinate, c.value))
        parts = [vs.cell(row=r, column=k).value for r in range(r1, r2 + 1)
                 for k in range(c1, c2 + 1)]
        check(all(isinstance(v, (int, float)) for v in parts),
              "%s: %s over cells that are not numbers: %r" % (c.coordinate, c.value, parts))
        value = vs.cell(row=c.row, column=c.column).value
        check(isinstance(value, (int, float)), "%s: no cached value" % c.coordinate)
        if isinstance(value, (int, float)) and all(isinstance(v, (int, float)) for v in parts):
            check(abs(value - sum(parts)) < 0.005,
                  "%s: cached %r, the cells sum to %r" % (c.coordinate, value, sum(parts)))
    ys = cached[YEARS_SHEET[lang]]
    for title, c, targets in refs:
        value = cached[title].cell(row=c.row, column=c.column).value
        parts = [ys.cell(row=r, column=k).value for k, r in targets]
        check(isinstance(value, (int, float)) and all(isinstance(v, (int, float)) for v in parts)
              and abs(value - sum(parts)) < 0.005,
              "%s!%s: cached %r, %s holds %r" % (title, c.coordinate, value, c.value, parts))
    if not sums and not refs:
        return
    again = recalculated(path)
    if again is None:
        print("note: LibreOffice is not installed; formulas checked against the cells only")
        return
    for title, c, _ in sums + refs:
        want = cached[title].cell(row=c.row, column=c.column).value
        got = again[title].cell(row=c.row, column=c.column).value
        check(isinstance(got, (int, float)) and isinstance(want, (int, float))
              and abs(got - want) < 0.005,
              "%s!%s: LibreOffice computes %r, stetig cached %r" % (title, c.coordinate, got,
                                                                   want))
    print("formulas: %d live totals and %d references, recalculated by LibreOffice"
          % (len(sums), len(refs)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("lang", choices=["en", "de"])
    ap.add_argument("--text", action="append", default=[],
                    help="a cell must hold exactly this text")
    ap.add_argument("--string", action="append", default=[],
                    help="a cell must hold this text as a string (not a formula)")
    ap.add_argument("--title")
    ap.add_argument("--author")
    ap.add_argument("--company")
    ap.add_argument("--footer", help="text the footer must contain (& doubled)")
    ap.add_argument("--formulas-only", action="store_true",
                    help="check only the live totals (a workbook of costs alone)")
    ap.add_argument("--capped", action="store_true",
                    help="the workshop is large enough that the holder lists and the "
                    "indicator chart must be capped")
    a = ap.parse_args()
    lang = a.lang

    wb = openpyxl.load_workbook(a.file)  # fails on a broken file
    names = wb.sheetnames
    if a.formulas_only:
        check_formulas(a.file, wb, lang)
        for f in failures:
            print("FAIL:", f)
        print("%s: %d checks, %d failed" % (a.file, checks, len(failures)))
        return 1 if failures else 0
    for name in STEP_SHEETS[lang] + ROADMAP_SHEETS[lang] + [CHARTS[lang]]:
        check(name in names, "sheet %r missing (have %r)" % (name, names))
    check(len(names) == len(set(n.lower() for n in names)), "sheet names not unique")
    for n in names:
        check(0 < len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n)
              and not n.startswith("'") and not n.endswith("'"), "bad sheet name %r" % n)

    for name in STEP_SHEETS[lang] + ROADMAP_SHEETS[lang]:
        if name not in names:
            continue
        ws = wb[name]
        where = "sheet %r: " % name
        check(ws.freeze_panes is not None and ws.freeze_panes.endswith("2")
              and re.match(r"^[A-Z]+2$", ws.freeze_panes), where + "header not frozen")
        check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"),
              where + "no autofilter")
        ps = ws.page_setup
        check(ps.orientation == "landscape", where + "not landscape")
        check(str(ps.paperSize) == "9", where + "not A4 (%r)" % ps.paperSize)
        check(ws.sheet_properties.pageSetUpPr is not None
              and ws.sheet_properties.pageSetUpPr.fitToPage, where + "not fit to page")
        check(ps.fitToWidth in (None, 1, "1"), where + "not one page wide")
        check(ps.fitToHeight in (0, "0"), where + "page count in height limited")
        check(ws.print_title_rows == "$1:$1", where + "header row not repeated (%r)"
              % ws.print_title_rows)
        footer = ws.oddFooter
        text = "".join(p.text or "" for p in (footer.left, footer.center, footer.right))
        check(PAGE[lang] in (footer.right.text or ""), where + "footer lacks %r: %r"
              % (PAGE[lang], text))
        if a.footer:
            check(a.footer in text, where + "footer lacks %r: %r" % (a.footer, text))
        check(all(c.font.b for c in ws[1] if c.value is not None), where + "header not bold")
        for key, dim in ws.column_dimensions.items():
            if dim.width:
                check(dim.width <= 61, where + "column %s too wide (%s)" % (key, dim.width))

    # the RACI matrix: list validation and a colour per letter
    raci = wb[STEP_SHEETS[lang][5]] if STEP_SHEETS[lang][5] in names else None
    if raci is not None and raci.max_row > 1 and raci.max_column > 3:
        dvs = raci.data_validations.dataValidation
        check(any(dv.type == "list" and dv.formula1 == '"R,A,C,I"' and "D2" in str(dv.sqref)
                  for dv in dvs), "RACI validation missing")
        rules = [r for cf in raci.conditional_formatting for r in cf.rules]
        formulas = sorted(f for r in rules for f in (r.formula or []))
        check(formulas == ['"A"', '"C"', '"I"', '"R"'], "RACI colours: %r" % formulas)
        letters = set(c.value for row in raci.iter_rows(min_row=2, min_col=4) for c in row
                      if c.value is not None)
        check(letters <= {"R", "A", "C", "I"}, "RACI cells %r" % letters)

    # the check list: the status column takes only the statuses (a list)
    # and each status has its colour
    chk = wb[STEP_SHEETS[lang][9]] if STEP_SHEETS[lang][9] in names else None
    if chk is not None and chk.max_row > 1:
        col = column(chk, "Status")
        want = '"%s"' % ",".join(CHECK_STATUSES[lang])
        letter = openpyxl.utils.get_column_letter(col) if col else "?"
        dvs = chk.data_validations.dataValidation
        check(any(dv.type == "list" and dv.formula1 == want
                  and str(dv.sqref) == "%s2:%s%d" % (letter, letter, chk.max_row)
                  for dv in dvs), "check list validation: %r"
              % [(dv.formula1, str(dv.sqref)) for dv in dvs])
        rules = [r for cf in chk.conditional_formatting for r in cf.rules]
        check(sorted(f for r in rules for f in (r.formula or []))
              == sorted('"%s"' % w for w in CHECK_STATUSES[lang]),
              "check list colours: %r" % [r.formula for r in rules])
        check(all(r.dxf is not None and r.dxf.fill is not None for r in rules),
              "a check list status without a fill")
        used = {row[col - 1].value for row in chk.iter_rows(min_row=2)} if col else set()
        check(used <= set(CHECK_STATUSES[lang]), "check list statuses %r" % used)

    # percentages are fractions with a percent format: 0.6 shows 60%, never
    # 60 with a "%" suffix
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and "%" in (c.number_format or ""):
                    check(c.number_format in ("0%", "0.0%") and -10 <= c.value <= 10,
                          "%s!%s: percent %r as %r" % (ws.title, c.coordinate, c.value,
                                                       c.number_format))

    # the task sheet: A, R, C, I holders per task, at most HOLDERS_MAX names and
    # "(+N more…)", adding up to the letters of the same row of the matrix
    tasks = wb[STEP_SHEETS[lang][4]] if STEP_SHEETS[lang][4] in names else None
    capped = 0
    if tasks is not None and raci is not None:
        raci_rows = list(raci.iter_rows(min_row=2, max_row=raci.max_row, values_only=True))
        # the holders are the last four columns (after the fields of the task)
        hold0 = tasks.max_column - 4
        for i, row in enumerate(tasks.iter_rows(min_row=2, values_only=True)):
            if row[0] is None:
                continue
            letters = [v for v in raci_rows[i][3:]] if i < len(raci_rows) else []
            for k, letter in enumerate("ARCI"):
                text = row[hold0 + k] or ""
                lines = text.split("\n") if text else []
                more = 0
                if lines and MORE[lang].match(lines[-1]):
                    more = int(MORE[lang].match(lines[-1]).group(1))
                    lines = lines[:-1]
                    capped += 1
                    check(len(lines) == HOLDERS_MAX, "task %s %s: %d names before the rest"
                          % (row[0], letter, len(lines)))
                check(len(lines) <= HOLDERS_MAX, "task %s %s: %d names" % (row[0], letter,
                                                                          len(lines)))
                check(len(lines) + more == letters.count(letter),
                      "task %s %s: %d + %d holders, the matrix has %d" % (
                          row[0], letter, len(lines), more, letters.count(letter)))
    if a.capped:
        check(capped > 0, "no holder list was capped")

    # numbers are numbers, dates are dates in the session's format
    ind = wb[STEP_SHEETS[lang][2]] if STEP_SHEETS[lang][2] in names else None
    if ind is not None:
        # printed tables have their grid lines (a number beside a date
        # would read as one)
        check(ind.print_options.gridLines, "the indicators print without grid lines")
        col = column(ind, BASELINE[lang])
        check(col is not None, "no baseline column")
        for row in ind.iter_rows(min_row=2):
            c = row[col - 1] if col else None
            if c is not None and c.value is not None:
                check(isinstance(c.value, (int, float)) and c.data_type == "n",
                      "baseline %r stored as %s" % (c.value, c.data_type))
                # thousands grouped, decimals only where the value has them
                want = "#,##0" if float(c.value).is_integer() else "#,##0.0##"
                check(c.number_format == want, "baseline %r with format %r, not %r"
                      % (c.value, c.number_format, want))
            d = row[col] if col else None
            if d is not None and d.value is not None:
                check(isinstance(d.value, datetime.datetime)
                      and d.number_format == DATE_FORMAT[lang],
                      "date %r with format %r" % (d.value, d.number_format))
    sh = wb[STEP_SHEETS[lang][3]] if STEP_SHEETS[lang][3] in names else None
    if sh is not None:
        col = column(sh, INFLUENCE[lang])
        check(col is not None, "no influence column")
        for row in sh.iter_rows(min_row=2):
            v = row[col - 1].value if col else None
            check(isinstance(v, (int, float)) and 1 <= v <= 5, "influence %r" % (v,))

    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    values = set(c.value for c in cells)
    for t in a.text:
        check(t in values, "no cell holds %r" % t)
    for t in a.string:
        found = [c for c in cells if c.value == t]
        check(found and all(c.data_type == "s" for c in found),
              "%r not stored as text: %r" % (t, [c.data_type for c in found]))
    check_formulas(a.file, wb, lang)

    # the archive: charts, properties, locale-independent numbers
    z = zipfile.ZipFile(a.file)
    charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
    check(len(charts) >= 2, "charts missing: %r" % charts)
    xml = {n: z.read(n).decode("utf-8") for n in charts}
    scatter = [x for x in xml.values() if "<c:scatterChart>" in x]
    check(len(scatter) == 1, "no scatter chart")
    if scatter:
        check('<c:crossesAt val="3"/>' in scatter[0], "quadrants do not cross at 3")
        # names as labels: one series per stakeholder labelled with its
        # name, or (large maps) labels taken from the name cells
        check(('<c:showSerName val="1"/>' in scatter[0] and "<c:strRef>" in scatter[0])
              or ("<c:dLbl>" in scatter[0] and "<c:strRef>" in scatter[0]),
              "no names as point labels")
    bars = [x for x in xml.values() if "<c:barChart>" in x]
    check(len(bars) == 1, "no indicator bar chart")
    n_ind = ind.max_row - 1 if ind is not None else 0
    for x in bars:
        refs = re.findall(r"<c:cat>.*?<c:f>[^<]*!\$[A-Z]+\$(\d+):\$[A-Z]+\$(\d+)</c:f>", x,
                          re.S)
        check(refs and len(set(refs)) == 1, "indicator chart ranges %r" % refs)
        shown = max((int(hi) - int(lo) + 1 for lo, hi in refs), default=0)
        check(shown == min(n_ind, CHART_MAX), "the chart shows %d of %d indicators"
              % (shown, n_ind))
    notes = [m for c in wb[CHARTS[lang]].iter_rows(values_only=True) for v in c
             if isinstance(v, str) for m in [CHART_NOTE[lang].search(v)] if m] \
        if CHARTS[lang] in names else []
    if n_ind > CHART_MAX:
        check(len(notes) == 1 and notes[0].groups() == (str(CHART_MAX), str(n_ind)),
              "no note on the capped chart: %r" % [m.group(0) for m in notes])
    else:
        check(not notes, "a note on a chart that is complete")
    if a.capped:
        check(n_ind > CHART_MAX, "the indicator chart is not capped (%d)" % n_ind)
    # column ranges of a sheet must not overlap (Excel repairs such a file)
    for n in z.namelist():
        if re.match(r"xl/worksheets/sheet\d+\.xml$", n):
            spans = sorted((int(lo), int(hi)) for lo, hi in re.findall(
                r'<col min="(\d+)" max="(\d+)"', z.read(n).decode("utf-8")))
            check(all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1)),
                  "%s: overlapping column ranges" % n)
    for n in z.namelist():
        if n.endswith(".xml"):
            body = z.read(n).decode("utf-8")
            check(not re.search(r"<v>-?\d+,\d", body), "%s: number with a comma" % n)
            check(not re.search(r'(width|left|right|top|bottom|val)="-?\d+,\d', body),
                  "%s: attribute with a decimal comma" % n)
    # the summary: first, one page, links to every other sheet, indicators
    # as traffic lights in words (not colour alone)
    check(names and names[0] == SUMMARY[lang], "the summary is not first: %r" % names[:1])
    if names and names[0] == SUMMARY[lang]:
        sm = wb[names[0]]
        ps = sm.page_setup
        check(ps.orientation == "portrait" and str(ps.paperSize) == "9",
              "summary not A4 portrait")
        # at 100 % (xlsx_render.sh prints the demo's and counts its pages);
        # only a workshop whose texts are too long for a page is fitted to one
        fitted = (sm.sheet_properties.pageSetUpPr is not None
                  and sm.sheet_properties.pageSetUpPr.fitToPage)
        check(ps.scale in (None, 100, "100") if not fitted
              else ps.fitToHeight in (None, 1, "1") and ps.fitToWidth in (None, 1, "1"),
              "summary neither at 100 %% nor set to one page (scale %r)" % ps.scale)
        links = {c.hyperlink.location.split("!")[0].strip("'").replace("''", "'")
                 for row in sm.iter_rows() for c in row
                 if c.hyperlink is not None and c.hyperlink.location}
        check(set(names[1:]) <= links, "summary lacks links to %r"
              % sorted(set(names[1:]) - links))
        words = {c.value for row in sm.iter_rows() for c in row if isinstance(c.value, str)}
        n_ind = wb[STEP_SHEETS[lang][2]].max_row - 1 if STEP_SHEETS[lang][2] in names else 0
        if n_ind > 0:
            check(words & LIGHTS[lang], "no traffic lights on the summary")
            # an indicator's latest value and target (columns C, D of a row
            # with a traffic light) group their thousands, decimals only
            # where the value has them
            for row in sm.iter_rows():
                if not any(isinstance(c.value, str) and c.value in LIGHTS[lang] for c in row):
                    continue
                for c in row[2:4]:
                    if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                        want = "#,##0" if float(c.value).is_integer() else "#,##0.0##"
                        check(c.number_format == want, "summary indicator %s%d: %r with "
                              "format %r, not %r" % (c.column_letter, c.row, c.value,
                                                     c.number_format, want))
    # the roadmap: dates are real dates in date order (undated last), and
    # "overdue" stands exactly on the open milestones and the planned
    # decisions dated before the export date; the summary names the
    # operator model, the agreement and the next council decision
    sm = wb[SUMMARY[lang]] if SUMMARY[lang] in names else None
    today = None
    labels = set()
    if sm is not None:
        for row in sm.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    labels.add(c.value)
                if c.value == EXPORT_DATE[lang]:
                    v = sm.cell(row=c.row, column=c.column + 1).value
                    today = v.date() if isinstance(v, datetime.datetime) else None
        for lab in ROADMAP_LABELS[lang]:
            check(lab in labels, "summary lacks %r" % lab)
        # the operator model's cell names the agreement's status
        check(any("(%s)" % w in v for v in labels for w in AGREEMENTS[lang]),
              "summary names no agreement status")
    for k, name in enumerate(ROADMAP_SHEETS[lang]):
        if name not in names:
            continue
        ws = wb[name]
        where = "sheet %r: " % name
        due_col, over_col = column(ws, DUE[lang][k]), column(ws, OVERDUE[lang][0])
        st_col = column(ws, MS_STATUS[lang][0])
        check(due_col is not None and over_col is not None, where + "no date or overdue column")
        if due_col is None or over_col is None or st_col is None:
            continue
        dates = []
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(row=r, column=due_col)
            v = cell.value
            check(v is None or isinstance(v, datetime.datetime),
                  where + "row %d: the date %r is no date" % (r, v))
            if isinstance(v, datetime.datetime):
                check(cell.number_format == DATE_FORMAT[lang],
                      where + "row %d: date format %r" % (r, cell.number_format))
            dates.append(v.date() if isinstance(v, datetime.datetime) else None)
            mark = ws.cell(row=r, column=over_col).value
            status = ws.cell(row=r, column=st_col).value
            want = (today is not None and dates[-1] is not None and dates[-1] < today
                    and status == (MS_STATUS[lang][1] if k == 0 else
                                   ("planned" if lang == "en" else "geplant")))
            check((mark == OVERDUE[lang][1]) == want,
                  where + "row %d: overdue mark %r for %r, %r (export date %r)"
                  % (r, mark, dates[-1], status, today))
        dated = [d for d in dates if d is not None]
        check(dated == sorted(dated), where + "not in date order")
        check(all(d is None for d in dates[len(dated):]), where + "undated rows not last")

    props = wb.properties
    if a.title:
        check(props.title == a.title, "title %r" % props.title)
    if a.author:
        check(props.creator == a.author, "author %r" % props.creator)
    if a.company:
        app = z.read("docProps/app.xml").decode("utf-8")
        company = a.company.replace("&", "&amp;")
        check("<Company>%s</Company>" % company in app, "company not %r" % a.company)

    for f in failures:
        print("FAIL:", f)
    print("%s: %d checks, %d failed" % (a.file, checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
