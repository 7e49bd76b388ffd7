#!/bin/sh
# The costs per budget year agree wherever they are shown: the step 5
# screen (a screen dump), `stetig check` and the council workbook (read back
# with openpyxl) show the same numbers for a workshop with the edge cases —
# a funding end in mid-year, one-off costs before, in and after the funding
# end and one without a year, a yearly cost across the funding end, shares
# summing to 0, 60 and 100 %. Each is also held against a hand calculation
# (the same workshop as tests/test_figures.c).
UI_COLS=150
UI_LINES=50
. "$top_srcdir/tests/ui_lib.sh"

py=${PYTHON3:-}
if [ -z "$py" ] || ! "$py" -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP: python3 with openpyxl is needed to read the workbook back"
    exit 77
fi

f="$T/edges.stetig"
"$STETIG" new "$f" --lang en --title "Water-level sensors" >/dev/null 2>&1 || fail "new"
"$SQLITE3" "$f" >/dev/null <<'EOF' || fail "building the workshop"
UPDATE workshop SET funding_end = '2027-06-30';
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
INSERT INTO cost_share(cost, stakeholder, percent) VALUES
    (1, 1, 60), (2, 1, 50), (2, 2, 50), (4, 2, 30), (4, 3, 30);
EOF

# ---------------------------------------------------------------- check
expect_status 1 "$STETIG" check "$f" --lang en --format tsv
cp "$T/out" "$T/check.tsv"

# ---------------------------------------------------------------- workbook
expect_status 0 "$STETIG" export "$f" --xlsx "$T/edges.xlsx" --lang en

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
cat > "$T/agree.py" <<'EOF'
import re
import sys

import openpyxl

screen_file, xlsx_file, check_file = sys.argv[1:4]
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


YEARS = list(range(2025, 2033))
COLS = YEARS + ["no year"]
# the hand calculation: funding until 2027-06-30 (6 of 12 months funded)
WANT = {
    "All costs": [96000, 18000, 26000, 14400, 24400, 12000, 12000, 12000, 5000],
    "In the funded period": [96000, 18000, 17000, 0, 0, 0, 0, 0, 0],
    "After the funding end": [0, 0, 9000, 14400, 24400, 12000, 12000, 12000, 5000],
    "Covered by partner shares": [0, 7200, 7200, 9600, 15600, 7200, 7200, 7200, 0],
    "Uncovered": [0, 0, 5400, 4800, 8800, 4800, 4800, 4800, 5000],
    "Stadtwerke": [0, 7200, 7200, 8400, 8400, 7200, 7200, 7200, 0],
    "Kämmerei": [0, 0, 0, 1200, 4200, 0, 0, 0, 0],
    "Nachbargemeinde": [0, 0, 0, 0, 3000, 0, 0, 0, 0],
}
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
for label in ("All costs", "Uncovered", "Stadtwerke", "Kämmerei", "Nachbargemeinde"):
    check(seen.get(label) == WANT[label],
          "screen: %s %r, want %r" % (label, seen.get(label), WANT[label]))
# the cost list: the shared percent and the uncovered mark per cost
for name, pct in SHARED.items():
    line = next((l for l in screen if l.lstrip().startswith(name + " ")), "")
    check(("%d %%" % pct) in line, "screen: %s shared %d %%: %r" % (name, pct, line))
    gap = GAP.get(name)
    check((("! %d %%" % gap) in line) if gap else "!" not in line,
          "screen: %s uncovered mark: %r" % (name, line))

# --- the workbook: the costs per year and the costs
wb = openpyxl.load_workbook(xlsx_file)
ws = wb["Costs per year"]
rows = list(ws.iter_rows(values_only=True))
header = [str(c) if c is not None else "" for c in rows[0]]
check(header == ["Partner"] + [str(y) for y in YEARS] + ["No year", "Total"],
      "workbook: header %r" % header)
book = {}
for r in rows[1:]:
    if r[0] is None or len(r) < len(COLS) + 2:
        continue
    values = list(r[1:len(COLS) + 2])
    if not all(isinstance(v, (int, float)) for v in values):
        continue
    label = {"Not covered after the funding end": "Uncovered"}.get(r[0], r[0])
    book[label] = values
for label, want in WANT.items():
    got = book.get(label)
    check(got is not None and all(abs(a - b) < 0.005 for a, b in zip(got, want + [sum(want)])),
          "workbook: %s %r, want %r and the total %r" % (label, got, want, sum(want)))
    # the screen and the workbook agree cell by cell where both show it
    if label in seen and got is not None:
        check(all(abs(a - b) < 0.5 for a, b in zip(seen[label], got)),
              "screen and workbook differ in %s: %r / %r" % (label, seen[label], got))
notes = [r[0] for r in rows if isinstance(r[0], str)]
for note in ("Yearly costs without an end year are shown until 2032 (five years after the "
             "funding ends).",
             "The funding ends on 2027-06-30: 6 of the 12 months of 2027 count in the funded "
             "period."):
    check(note in notes, "workbook: no note %r" % note)
check(any(n.startswith("No year: one-off costs without a year") for n in notes),
      "workbook: no note on the column No year")
costs = wb["Costs"]
for r in list(costs.iter_rows(values_only=True))[1:]:
    if r[1] in SHARED:
        # percentages are fractions with a percent format (0.6 shows 60%)
        check(abs(r[6] * 100 - SHARED[r[1]]) < 1e-9
              and abs(r[7] * 100 - (100 - SHARED[r[1]])) < 1e-9,
              "workbook: shares of %s %r" % (r[1], r))

# --- stetig check: the money the findings name, per year
stated = {c: 0.0 for c in COLS}
named = set()
for line in open(check_file, encoding="utf-8"):
    sev, step, item, msg = line.rstrip("\n").split("\t")
    if step != "costs":
        continue
    amount = lambda s: float(s.replace(",", ""))
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
    failures.append("check: an unexpected cost finding: %s" % line.strip())
check(named == set(GAP.items()), "check: the costs named %r, want %r" % (named, GAP))
got = [stated[c] for c in COLS]
check(got == WANT["Uncovered"], "check: uncovered per year %r, want %r" % (got, WANT["Uncovered"]))
if "Uncovered" in seen:
    check(got == seen["Uncovered"], "check and screen differ: %r / %r" % (got, seen["Uncovered"]))

for f in failures:
    print("FAIL:", f)
print("%d checks, %d failed" % (checks, len(failures)))
sys.exit(1 if failures else 0)
EOF
if "$py" "$T/agree.py" "$T/screen.txt" "$T/edges.xlsx" "$T/check.tsv" > "$T/agree.out" 2>&1; then
    ok
else
    fail "the figures disagree"
    sed 's/^/  | /' "$T/agree.out" >&2
    sed 's/^/  screen | /' "$T/screen.txt" >&2
fi
cat "$T/agree.out"

# ---------------------------------------------------------------- only a cost without a year open
"$SQLITE3" "$f" "PRAGMA foreign_keys=ON; DELETE FROM cost WHERE id IN (1, 4, 6)" || fail "deleting costs"
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
