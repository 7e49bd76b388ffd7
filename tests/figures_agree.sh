#!/bin/sh
# The money per budget year agrees wherever it is shown: the step 5 screen
# (a screen dump), `stetig check`, the council workbook (read back with
# openpyxl; its totals are live =SUM() formulas, recalculated by LibreOffice
# where it is installed, see tests/xlsx_check.py) and the CSV bundle show
# the same numbers for a workshop with the edge cases — a funding end in
# mid-year, a funding rate of 80 %, one-off costs before, in and after the
# funding end and one without a year, a yearly cost across the funding end,
# shares of every commitment status. Each is also held against the hand
# calculation written in tests/test_figures.c (test_money_rows). Then the
# demo and every template: check, workbook and (for the demo) the screen
# name the same uncovered money per year.
UI_COLS=150
UI_LINES=50
. "$top_srcdir/tests/ui_lib.sh"

py=${PYTHON3:-}
if [ -z "$py" ] || ! "$py" -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP: python3 with openpyxl is needed to read the workbook back"
    exit 77
fi
# the share warnings look 12 months ahead of this day
STETIG_TODAY=2027-03-01
export STETIG_TODAY

f="$T/edges.stetig"
"$STETIG" new "$f" --lang en --title "Water-level sensors" >/dev/null 2>&1 || fail "new"
"$SQLITE3" "$f" >/dev/null <<'SQL' || fail "building the workshop"
UPDATE workshop SET funding_end = '2027-06-30', funding_rate = 80;
INSERT INTO stakeholder(id, name, grp) VALUES
    (1, 'Stadtwerke', 'municipal_company'), (2, 'Kämmerei', 'administration'),
    (3, 'Nachbargemeinde', 'intermunicipal'), (4, 'Bürgerverein', 'citizens');
INSERT INTO cost(id, name, kind, amount, start_year, end_year) VALUES
    (1, 'Hosting', 'yearly', 12000, 2026, NULL),
    (2, 'Licence', 'yearly', 2400, 2028, 2029),
    (3, 'Sensors', 'oneoff', 90000, 2025, NULL),
    (4, 'New sensors', 'oneoff', 10000, 2029, NULL),
    (5, 'Mapping drive', 'oneoff', 5000, NULL, NULL),
    (6, 'Pilot support', 'yearly', 6000, 2025, 2027),
    (7, 'Servicing', 'oneoff', 8000, 2027, NULL);
INSERT INTO cost_share(cost, stakeholder, percent, status, budget_line) VALUES
    (1, 1, 40, 'adopted', 'Produkt 55.10.01'), (1, 2, 20, 'promised', ''),
    (2, 1, 50, 'draft', ''), (2, 2, 50, 'asked', ''),
    (4, 2, 30, 'asked', ''), (4, 3, 30, 'promised', '');
SQL

# ---------------------------------------------------------------- check
expect_status 1 "$STETIG" check "$f" --lang en --format tsv
cp "$T/out" "$T/check.tsv"

# ---------------------------------------------------------------- workbook and CSV
expect_status 0 "$STETIG" export "$f" --xlsx "$T/edges.xlsx" --csv "$T/edges-csv" --lang en
expect_status 0 "$py" "$top_srcdir/tests/xlsx_check.py" "$T/edges.xlsx" en --formulas-only
cat "$T/out"

# ---------------------------------------------------------------- screen
ui_start --lang en "$f"
wait_for "Water-level sensors"
keys 5
wait_for "! Uncovered"
wait_for "No year"
screen > "$T/screen.txt"
# the hint names the year with the most money uncovered
expect_screen "€8,800 is not covered in 2029"
keys F10
wait_exit

# ---------------------------------------------------------------- agreement
cat > "$T/agree.py" <<'PY'
import csv
import re
import sys

import openpyxl

screen_file, xlsx_file, check_file, csv_dir = sys.argv[1:5]
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


YEARS = list(range(2025, 2033))
COLS = YEARS + ["no year"]
# the hand calculation of tests/test_figures.c (test_money_rows): funding
# until 2027-06-30 (6 of 12 months funded), rate 80 %
WANT = {
    "All costs": [96000, 18000, 26000, 14400, 24400, 12000, 12000, 12000, 5000],
    "Grant": [76800, 14400, 13600, 0, 0, 0, 0, 0, 0],
    "Own share": [19200, 3600, 3400, 0, 0, 0, 0, 0, 0],
    "Covered": [0, 0, 2400, 6000, 6000, 4800, 4800, 4800, 0],
    "Promised": [0, 0, 1200, 2400, 5400, 2400, 2400, 2400, 0],
    "Asked": [0, 0, 0, 1200, 4200, 0, 0, 0, 0],
    "Uncovered": [0, 0, 5400, 4800, 8800, 4800, 4800, 4800, 5000],
    "Stadtwerke": [0, 0, 2400, 6000, 6000, 4800, 4800, 4800, 0],
    "Kämmerei": [0, 0, 1200, 3600, 6600, 2400, 2400, 2400, 0],
    "Nachbargemeinde": [0, 0, 0, 0, 3000, 0, 0, 0, 0],
}
WANT["Promised, asked"] = [a + b for a, b in zip(WANT["Promised"], WANT["Asked"])]
for k in range(len(COLS)):  # the rows add up to all costs
    check(sum(WANT[r][k] for r in ("Grant", "Own share", "Covered", "Promised", "Asked",
                                   "Uncovered")) == WANT["All costs"][k], "hand calc %d" % k)
SHARED = {"Hosting": 60, "Licence": 100, "Sensors": 0, "New sensors": 60,
          "Mapping drive": 0, "Pilot support": 0, "Servicing": 0}
GAP = {"Hosting": 40, "New sensors": 40, "Mapping drive": 100, "Pilot support": 100}


def money(s):
    """A figure on the screen: '€12,000', '·' (nothing), '–' (not after the funding)."""
    s = s.strip()
    if s in ("·", "–", ""):
        return 0.0
    m = re.fullmatch(r"€([\d,]+)(k?)", s)
    if not m:
        raise ValueError("not an amount: %r" % s)
    return float(m.group(1).replace(",", "")) * (1000 if m.group(2) else 1)


# --- the screen: the years table below the costs and shares
screen = open(screen_file, encoding="utf-8").read().splitlines()
head = next((i for i, l in enumerate(screen) if l.lstrip().startswith("Per year")), None)
check(head is not None, "screen: no years table")
seen = {}
if head is not None:
    cols = re.split(r"\s{2,}", screen[head].strip())[1:]
    cols = [c.lstrip("›") for c in cols]
    check(cols == [str(y) for y in YEARS] + ["No year"], "screen: columns %r" % cols)
    for line in screen[head + 1:]:
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) != len(COLS) + 1:
            break
        label = cells[0].replace("! Uncovered", "Uncovered")
        seen[label] = [money(c) for c in cells[1:]]
    # the years wholly inside the funded period show "–" as uncovered
    unc = next((l for l in screen[head + 1:] if "! Uncovered" in l), "")
    check(re.split(r"\s{2,}", unc.strip())[1:3] == ["–", "–"], "screen: funded years %r" % unc)
for label in ("All costs", "Grant", "Own share", "Covered", "Promised, asked", "Uncovered",
              "Stadtwerke", "Kämmerei", "Nachbargemeinde"):
    check(seen.get(label) == WANT[label],
          "screen: %s %r, want %r" % (label, seen.get(label), WANT[label]))
# the cost list: the shared percent and the uncovered mark per cost
for name, pct in SHARED.items():
    line = next((l for l in screen if l.lstrip().startswith(name + " ")), "")
    check(("%d %%" % pct) in line, "screen: %s shared %d %%: %r" % (name, pct, line))
    gap = GAP.get(name)
    check((("! %d %%" % gap) in line) if gap else "!" not in line,
          "screen: %s uncovered mark: %r" % (name, line))

# --- the workbook: the costs per year (cached values; xlsx_check.py holds
# them against the cells and LibreOffice) and the costs
wb = openpyxl.load_workbook(xlsx_file, data_only=True)
ws = wb["Costs per year"]
rows = list(ws.iter_rows(values_only=True))
header = [str(c) if c is not None else "" for c in rows[0]]
check(header == ["Budget year"] + [str(y) for y in YEARS] + ["No year", "Total"],
      "workbook: header %r" % header)
LABELS = {"Own share during the funding": "Own share",
          "Partners: adopted or draft budget": "Covered", "Partners: promised": "Promised",
          "Partners: asked": "Asked", "Not covered": "Uncovered"}
book = {}
for r in rows[1:]:
    if r[0] is None or len(r) < len(COLS) + 2:
        continue
    values = list(r[1:len(COLS) + 2])
    if not all(isinstance(v, (int, float)) for v in values):
        continue
    book[LABELS.get(r[0], r[0])] = values
for label, want in WANT.items():
    if label == "Promised, asked":
        continue
    got = book.get(label)
    check(got is not None and all(abs(a - b) < 0.005 for a, b in zip(got, want + [sum(want)])),
          "workbook: %s %r, want %r and the total %r" % (label, got, want, sum(want)))
    # the screen and the workbook agree cell by cell where both show it
    if label in seen and got is not None:
        check(all(abs(a - b) < 0.5 for a, b in zip(seen[label], got)),
              "screen and workbook differ in %s: %r / %r" % (label, seen[label], got))
if "Promised" in book and "Asked" in book and "Promised, asked" in seen:
    both = [a + b for a, b in zip(book["Promised"], book["Asked"])]
    check(all(abs(a - b) < 0.5 for a, b in zip(seen["Promised, asked"], both)),
          "screen and workbook differ in promised and asked")
notes = [r[0] for r in rows if isinstance(r[0], str)]
for note in ("Yearly costs without an end year are shown until 2032 (five years after the "
             "funding ends).",
             "The funding ends on 2027-06-30: 6 of the 12 months of 2027 count in the funded "
             "period.",
             "First budget year after the funding: 2028."):
    check(note in notes, "workbook: no note %r" % note)
check(any(n.startswith("No year: one-off costs without a year") for n in notes),
      "workbook: no note on the column No year")
costs = wb["Costs"]
chead = [c.value for c in costs[1]]
si, oi = chead.index("Shared by partners"), chead.index("Not covered")
for r in list(costs.iter_rows(values_only=True))[1:]:
    if r[1] in SHARED:
        # percentages are fractions with a percent format (0.6 shows 60%)
        check(abs(r[si] * 100 - SHARED[r[1]]) < 1e-9
              and abs(r[oi] * 100 - (100 - SHARED[r[1]])) < 1e-9,
              "workbook: shares of %s %r" % (r[1], r))
# the costs sheet's total row: live sums over the item rows (the formula
# text here; xlsx_check.py --formulas-only above has LibreOffice recalculate
# them), whose values are figures.c's totals as the costs-per-year sheet
# shows them: all costs and what nobody carries, over every year
crows = list(costs.iter_rows(values_only=True))
head = list(crows[0])
totals = [r for r in crows[1:] if r[1] == "Total"]
check(len(totals) == 1 and "Costs over all years" in head and "Not covered over all years" in head,
      "workbook: costs sheet header %r, total rows %r" % (head, totals))
if len(totals) == 1 and "Costs over all years" in head and "Not covered over all years" in head:
    ci, ui = head.index("Costs over all years"), head.index("Not covered over all years")
    items = [r for r in crows[1:] if isinstance(r[0], int)]
    ftext = list(openpyxl.load_workbook(xlsx_file)["Costs"].iter_rows(values_only=True))
    trow = ftext[crows.index(totals[0])]
    for col in (ci, ui):
        letter = openpyxl.utils.get_column_letter(col + 1)
        want = "=SUM(%s2:%s%d)" % (letter, letter, len(items) + 1)
        check(trow[col] == want, "workbook: costs total %r, want %r" % (trow[col], want))
    all_costs, uncovered = book.get("All costs"), book.get("Uncovered")
    check(all_costs is not None and abs(totals[0][ci] - all_costs[-1]) < 0.005
          and abs(sum(r[ci] for r in items) - all_costs[-1]) < 0.005,
          "workbook: costs total %r, costs per year %r" % (totals[0][ci], all_costs))
    check(uncovered is not None and abs(totals[0][ui] - uncovered[-1]) < 0.005
          and abs(sum(r[ui] for r in items) - uncovered[-1]) < 0.005,
          "workbook: not covered total %r, costs per year %r" % (totals[0][ui], uncovered))


# --- the CSV bundle: the rate and every share's commitment
def read_csv(name):
    with open("%s/%s" % (csv_dir, name), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


ws_row = read_csv("workshop.csv")[0]
check(ws_row.get("funding_rate") == "80" and ws_row.get("first_budget_year") == "",
      "csv: workshop %r" % ws_row)
statuses = sorted((r["cost"], r["stakeholder"], r["percent"], r["status"], r["budget_line"])
                  for r in read_csv("cost_shares.csv"))
check(statuses == sorted([("1", "1", "40", "adopted", "Produkt 55.10.01"),
                          ("1", "2", "20", "promised", ""), ("2", "1", "50", "draft", ""),
                          ("2", "2", "50", "asked", ""), ("4", "2", "30", "asked", ""),
                          ("4", "3", "30", "promised", "")]), "csv: shares %r" % statuses)

# --- stetig check: the money the findings name, per year
stated = {c: 0.0 for c in COLS}
year_finding = []


def years_of(text):
    """The years of "2026, 2028–2030"."""
    out = []
    for part in text.split(", "):
        a, _, b = part.partition("–")
        out += list(range(int(a), int(b or a) + 1))
    return out


named = set()
warned = set()


def amount(s):
    return float(s.replace(",", ""))


for line in open(check_file, encoding="utf-8"):
    sev, step, item, msg = line.rstrip("\n").split("\t")
    if step != "costs":
        continue
    m = re.search(r"After the funding ends on 2027-06-30, (\d+)% of this yearly cost are not "
                  r"covered by partner shares \(€([\d,]+) in the rest of (\d{4})"
                  r"(?:, then €([\d,]+) a year)?\)", msg)
    if m:
        stated[int(m.group(3))] += amount(m.group(2))
        if m.group(4):  # goes on to the end of the table
            for y in range(int(m.group(3)) + 1, YEARS[-1] + 1):
                stated[y] += amount(m.group(4))
        named.add((item, int(m.group(1))))
        continue
    m = re.search(r"This one-off cost falls in (\d{4}), after the funding end, and (\d+)% of "
                  r"it \(€([\d,]+)\)", msg)
    if m:
        stated[int(m.group(1))] += amount(m.group(3))
        named.add((item, int(m.group(2))))
        continue
    m = re.search(r"This one-off cost has no year, and (\d+)% of it \(€([\d,]+)\)", msg)
    if m:
        stated["no year"] += amount(m.group(2))
        named.add((item, int(m.group(1))))
        continue
    m = re.search(r"^In the budget years? ([\d, –]+), €([\d,]+) of the €([\d,]+) due after "
                  r"the funding end are carried by nobody", msg)
    if m:
        # one finding names the years and sums their money
        check(sev == "gap" and item == m.group(1) and not year_finding,
              "check: year finding %r" % line)
        year_finding.append((years_of(m.group(1)), amount(m.group(2)), amount(m.group(3))))
        continue
    m = re.search(r"^(.+) has (only been asked for|promised) its share \(€([\d,]+) in (\d{4})\)",
                  msg)
    if m:
        check(sev == "warning", "check: share warning %r" % line)
        warned.add((item, m.group(1), m.group(2), amount(m.group(3)), int(m.group(4))))
        continue
    failures.append("check: an unexpected cost finding: %s" % line.strip())
check(named == set(GAP.items()), "check: the costs named %r, want %r" % (named, GAP))
got = [stated[c] for c in COLS]
check(got == WANT["Uncovered"], "check: uncovered per cost %r, want %r" % (got, WANT["Uncovered"]))
# the years finding: exactly the budget years with money nobody carries,
# their sum, and all that falls due in them after the funding end
gap_years = [y for k, y in enumerate(YEARS) if WANT["Uncovered"][k] > 0]
check(len(year_finding) == 1, "check: %d findings on the uncovered years" % len(year_finding))
if year_finding:
    named_years, total, after = year_finding[0]
    check(named_years == gap_years, "check: years %r, want %r" % (named_years, gap_years))
    want = sum(WANT["Uncovered"][YEARS.index(y)] for y in gap_years)
    check(abs(total - want) < 0.005, "check: uncovered in those years %r, want %r" % (total, want))
    want = sum(WANT[r][YEARS.index(y)] for y in gap_years
               for r in ("Covered", "Promised", "Asked", "Uncovered"))
    check(abs(after - want) < 0.005, "check: after the funding end %r, want %r" % (after, want))
got = [stated[c] for c in COLS]
if "Uncovered" in seen:
    check(got == seen["Uncovered"], "check and screen differ: %r / %r" % (got, seen["Uncovered"]))
# on 2027-03-01 the budget years 2027 and 2028 start within 12 months
check(warned == {("Hosting", "Kämmerei", "promised", 1200, 2027),
                 ("Licence", "Kämmerei", "only been asked for", 1200, 2028)},
      "check: share warnings %r" % warned)

for f in failures:
    print("FAIL:", f)
print("%d checks, %d failed" % (checks, len(failures)))
sys.exit(1 if failures else 0)
PY
if "$py" "$T/agree.py" "$T/screen.txt" "$T/edges.xlsx" "$T/check.tsv" "$T/edges-csv" \
        > "$T/agree.out" 2>&1; then
    ok
else
    fail "the figures disagree"
    sed 's/^/  | /' "$T/agree.out" >&2
    sed 's/^/  screen | /' "$T/screen.txt" >&2
fi
cat "$T/agree.out"

# ---------------------------------------------------------------- the demo and every template
# the uncovered money per year: the findings of `stetig check`, the row of
# the workbook (whose money rows add up to all costs), and for two of them
# the row on the screen
cat > "$T/tmpl.py" <<'PY'
import re
import sys

import openpyxl

name, xlsx_file, check_file = sys.argv[1:4]
screen_file = sys.argv[4] if len(sys.argv) > 4 else None
bad = []
wb = openpyxl.load_workbook(xlsx_file, data_only=True)
rows = list(wb["Costs per year"].iter_rows(values_only=True))
years = [str(c) for c in rows[0][1:] if c not in (None, "No year", "Total")]
book = {}
for r in rows[1:]:
    if isinstance(r[0], str) and len(r) > len(years):
        book[r[0]] = list(r[1:len(years) + 1])
unc = book.get("Not covered") or [0] * len(years)
named = {}
named_total = 0
no_end = False
for line in open(check_file, encoding="utf-8"):
    sev, step, item, msg = line.rstrip("\n").split("\t")
    m = re.search(r"^In the budget years? ([\d, –]+), €([\d,]+) of the", msg)
    if m:
        # one finding: the years nobody fully pays for, and their sum
        named_total = float(m.group(2).replace(",", ""))
        for part in m.group(1).split(", "):
            a, _, b = part.partition("–")
            for y in range(int(a), int(b or a) + 1):
                named[str(y)] = None
    if msg.startswith("The funding end date is missing"):
        no_end = sev == "gap"
notes = [r[0] for r in rows if isinstance(r[0], str)]
if no_end:
    # nothing can be judged after an end nobody entered: check says so as a
    # gap and names no year; the workbook says so under the table
    if named:
        bad.append("%s: years named without a funding end: %r" % (name, named))
    if not any(n.startswith("No funding end is set") for n in notes):
        bad.append("%s: the workbook does not say that the funding end is missing" % name)
else:
    for y, v in zip(years, unc):
        if (round(v) > 0) != (y in named):
            bad.append("%s %s: workbook %r, check names the year: %r" % (name, y, v, y in named))
    if named and round(sum(v for y, v in zip(years, unc) if y in named)) != round(named_total):
        bad.append("%s: check sums %r, the workbook %r" % (name, named_total, unc))
for y in named:
    if y not in years:
        bad.append("%s: check names %s, not in the workbook" % (name, y))
if "All costs" in book:
    parts = [book.get(k) for k in ("Grant", "Own share during the funding",
                                   "Partners: adopted or draft budget", "Partners: promised",
                                   "Partners: asked", "Not covered")]
    if any(p is None for p in parts):
        bad.append("%s: a money row is missing: %r" % (name, sorted(book)))
    else:
        for k, y in enumerate(years):
            if abs(sum(p[k] for p in parts) - book["All costs"][k]) > 0.005:
                bad.append("%s %s: the rows do not add up" % (name, y))
if screen_file:
    screen = open(screen_file, encoding="utf-8").read().splitlines()
    head = next(i for i, l in enumerate(screen) if l.lstrip().startswith("Per year"))
    cols = [c.lstrip("›") for c in re.split(r"\s{2,}", screen[head].strip())[1:]]
    line = next(l for l in screen[head:] if "! Uncovered" in l)
    cells = re.split(r"\s{2,}", line.strip())[1:]
    shown = 0
    for y, c in zip(cols, cells):
        v = 0 if c in ("–", "·") else float(c.lstrip("€").replace(",", "").rstrip("k")) * (
            1000 if c.endswith("k") else 1)
        if y in years:
            shown += 1
            if round(v) != round(unc[years.index(y)]):
                bad.append("%s %s: screen %r, workbook %r" % (name, y, c, unc[years.index(y)]))
    if shown < 5:
        bad.append("%s: the screen shows only %d years" % (name, shown))
for b in bad:
    print("FAIL:", b)
print("%s: %d years, %d named by check%s" % (name, len(years), len(named),
                                            " (no funding end)" if no_end else ""))
sys.exit(1 if bad else 0)
PY
for tmpl in $("$STETIG" templates | awk '{print $1}') demo; do
    w="$T/t-$tmpl.stetig"
    expect_status 0 "$STETIG" new "$w" --template "$tmpl" --lang en
    "$STETIG" check "$w" --lang en --format tsv > "$T/t-$tmpl.tsv"
    expect_status 0 "$STETIG" export "$w" --xlsx "$T/t-$tmpl.xlsx" --lang en
    extra=
    # the screen too: the demo, and a template without a funding end
    if [ "$tmpl" = demo ] || [ "$tmpl" = urban-data-platform ]; then
        ui_start --lang en "$w"
        wait_for "F10 Quit"
        keys 5
        wait_for "! Uncovered"
        screen > "$T/t-$tmpl.screen"
        keys F10
        wait_exit
        extra="$T/t-$tmpl.screen"
    fi
    if "$py" "$T/tmpl.py" "$tmpl" "$T/t-$tmpl.xlsx" "$T/t-$tmpl.tsv" $extra > "$T/tmpl.out" 2>&1
    then ok; else fail "$tmpl: the figures disagree"; sed 's/^/  | /' "$T/tmpl.out" >&2; fi
    cat "$T/tmpl.out"
done

# ---------------------------------------------------------------- only a cost without a year open
"$SQLITE3" "$f" "PRAGMA foreign_keys=ON; DELETE FROM cost WHERE id IN (1, 4, 6); \
    UPDATE cost_share SET status = 'adopted'" || fail "deleting costs"
expect_status 1 "$STETIG" check "$f" --lang en --format tsv
TAB=$(printf '\t')
[ "$(grep -c "${TAB}costs${TAB}" "$T/out")" = 1 ] && ok || fail "one cost finding"
expect_grep "warning${TAB}costs${TAB}Mapping drive${TAB}This one-off cost has no year, and 100% of it (€5,000)" "$T/out"
ui_start --lang en "$f"
wait_for "Water-level sensors"
keys 5
wait_for "€5,000 of one-off costs without a year is not covered"
keys F10
wait_exit
finish
