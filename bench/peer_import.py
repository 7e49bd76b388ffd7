#!/usr/bin/python3
"""peer_import.py BUNDLE FILE — the import peer of bench/README (issue 20):
what a bare Python sqlite3 script does to load the same rows into a
workshop file (made empty by `stetig new`): read the CSV bundle with the csv
module and insert every row in one transaction with a large page cache,
foreign keys on, into the same tables with the same constraints and
indexes. No checks of the values beyond the schema's, no undo snapshot, no
model: a floor for stetig's import, not a replacement."""
import csv, os, sqlite3, sys


def rows(bundle, name):
    path = os.path.join(bundle, name + ".csv")
    if not os.path.exists(path):
        return None, []
    with open(path, encoding="utf-8-sig", newline="") as f:
        sample = f.readline()
        f.seek(0)
        delim = ";" if sample.count(";") > sample.count(",") else ","
        r = csv.reader(f, delimiter=delim)
        header = next(r)
        return header, list(r)


def num(s):
    return float(s.replace(",", ".")) if s else None


def main():
    bundle, path = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA cache_size=-1048576")
    db.execute("PRAGMA temp_store=MEMORY")
    db.execute("BEGIN")
    sid, tid, gid = {}, {}, {}
    _, sg = rows(bundle, "strategy_goals")
    for r in sg:
        db.execute("INSERT INTO strategy_goal(title) VALUES(?)", (r[1],))
    _, goals = rows(bundle, "goals")
    for r in goals:
        cur = db.execute("INSERT INTO goal(title,specific,measurable,achievable,relevant,"
                         "time_bound) VALUES(?,?,?,?,?,?)", r[1:7])
        gid[r[0]] = cur.lastrowid
    _, sh = rows(bundle, "stakeholders")
    for r in sh:
        cur = db.execute("INSERT INTO stakeholder(name,organisation,influence,interest,message,"
                         "channel,cadence) VALUES(?,?,?,?,?,?,?)",
                         (r[1], r[2], int(r[4]), int(r[5]), r[9], r[10], r[11]))
        sid[r[0]] = cur.lastrowid
    _, ind = rows(bundle, "indicators")
    db.executemany("INSERT INTO indicator(goal,name,unit,baseline,target,source,method,"
                   "frequency,owner) VALUES(?,?,?,?,?,?,?,?,?)",
                   [(gid[r[1]], r[2], r[3], num(r[5]), num(r[7]), r[11], r[12], r[13],
                     sid.get(r[14])) for r in ind])
    _, tasks = rows(bundle, "tasks")
    for r in tasks:
        cur = db.execute("INSERT INTO task(name) VALUES(?)", (r[1],))
        tid[r[0]] = cur.lastrowid
    header, raci = rows(bundle, "raci")
    cols = [sid[h] for h in header[1:]]
    db.executemany("INSERT INTO raci(task,stakeholder,role) VALUES(?,?,?)",
                   ((tid[r[0]], cols[k], c) for r in raci for k, c in enumerate(r[1:]) if c))
    _, costs = rows(bundle, "costs")
    cid = {}
    for r in costs:
        cur = db.execute("INSERT INTO cost(name,amount) VALUES(?,?)", (r[1], num(r[3])))
        cid[r[0]] = cur.lastrowid
    _, shares = rows(bundle, "cost_shares")
    db.executemany("INSERT INTO cost_share(cost,stakeholder,percent) VALUES(?,?,?)",
                   [(cid[r[0]], sid[r[1]], num(r[2])) for r in shares])
    _, notes = rows(bundle, "notes")
    db.executemany("INSERT INTO note(text) VALUES(?)", [(r[1],) for r in notes])
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
