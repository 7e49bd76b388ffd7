#!/usr/bin/python3
"""run_keys.py — the keystroke benchmark of bench/README.

Counts instructions (valgrind --tool=callgrind, stable on a noisy machine)
of the real program playing key scripts (stetig --keys FILE) on a small
workshop (the demo template) and on the large one (gen_large.py), with the
screen at 120x35 written to a file. Each figure is the difference between a
script and the same script without the keys being measured, divided by
their number, so start-up and quitting cancel out:
  (a) navigation: moving through the RACI grid and switching steps;
  (b) edits: a RACI cell cycled with Space, a goal's title changed through
      its form (Enter, a letter, Enter) — each committed to the file and the
      findings brought up to date;
  start-up: opening the workshop to the first drawn screen and quitting,
      against the floor bench/startup_floor (setlocale + initscr + endwin).

  scrolling: a move that scrolls the grid by one row (Down below the last
      shown row) and by one column (Right past the last shown column), each
      the mean over 20 such moves after the moves that reach the edge.

usage: run_keys.py --stetig src/stetig --startup-floor bench/startup_floor
                   [--workdir DIR] [--json FILE] [--factors small,1,4]
                   [--only nav] [--compare NAME=PATH]

--factors: the workshops, "small" (the demo) and gen_large.py --factor F
(1 = 500 stakeholders x 300 tasks); the default "small,1" is the small and
large workshop of bench/README section 2. --only nav measures the RACI
navigation, the scrolling moves and the goal edit only (no cell edits, no
start-up). --compare NAME=PATH measures another build too, on the same
workshops (a before/after table).
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
ENV = dict(os.environ, TERM="xterm-256color", LINES="35", COLUMNS="120", LANG="C.UTF-8",
           LC_ALL="", LANGUAGE="", TZ="Europe/Berlin", NO_COLOR="")
ENV.pop("TMUX", None)

# at 120x35 the grid shows 26 rows and 12 columns: the first moves reach the
# edge, the next SCROLLS each scroll by one
EDGE_ROWS, EDGE_COLS, SCROLLS = 30, 15, 20
NAV_MOVES = (["Right"] * 20 + ["Down"] * 20 + ["PgDn"] * 3 + ["End", "Home"]
             + ["Left"] * 10 + ["Up"] * 10 + ["PgUp"])
STEP_SWITCHES = ["Tab"] * 9 + ["4"]  # all nine steps, back to the RACI grid


def callgrind(cmd, work, tag, env=None):
    log = os.path.join(work, "cg-%s.log" % tag)
    out = os.path.join(work, "screen-%s.out" % tag)
    with open(out, "wb") as so:
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                            "--log-file=" + log] + cmd, stdout=so, stderr=subprocess.DEVNULL,
                           stdin=subprocess.DEVNULL, env=env or ENV)
    if p.returncode != 0:
        sys.exit("failed (%d): %s (see %s)" % (p.returncode, " ".join(cmd), log))
    m = re.search(r"Collected : (\d+)", open(log).read())
    return int(m.group(1))


def play(stetig, workshop, keys, work, tag, checked=False):
    """Instructions for opening a fresh copy of workshop and playing keys, then q.
    The copy is opened and closed once before (not measured), as a facilitator
    reopens the file of the last session: the open skips the whole-file check
    (store_set_trust_file); checked=True measures the first open instead."""
    copy = os.path.join(work, "play.stetig")
    shutil.copyfile(workshop, copy)
    script = os.path.join(work, "keys-%s.txt" % tag)
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(keys + ["q"]) + "\n")
    env = dict(ENV, XDG_DATA_HOME=os.path.join(work, "xdg"))
    env.pop("STETIG_CHECK_ALWAYS", None)
    if checked:
        env["STETIG_CHECK_ALWAYS"] = "1"
    else:
        quit_only = os.path.join(work, "keys-quit.txt")
        with open(quit_only, "w") as f:
            f.write("q\n")
        subprocess.run([stetig, "--keys", quit_only, copy], env=env, check=True,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    n = callgrind([stetig, "--keys", script, copy], work, tag, env)
    os.remove(copy)
    return n


def measure(stetig, workshop, work, name, only_nav=False, scroll=True):
    r = {}
    go_raci = ["4"]
    base = play(stetig, workshop, go_raci, work, name + "-raci")
    nav = play(stetig, workshop, go_raci + NAV_MOVES, work, name + "-nav")
    r["nav_per_key"] = (nav - base) / len(NAV_MOVES)
    if scroll:
        for kind, key, edge in (("down", "Down", EDGE_ROWS), ("right", "Right", EDGE_COLS)):
            a = play(stetig, workshop, go_raci + [key] * edge, work, name + "-edge-" + kind)
            b = play(stetig, workshop, go_raci + [key] * (edge + SCROLLS), work,
                     name + "-scroll-" + kind)
            r["scroll_" + kind] = (b - a) / SCROLLS
        r["scroll"] = (r["scroll_down"] + r["scroll_right"]) / 2
    # goal edits: open the form, type a letter, save; next goal
    G = 10
    gbase = play(stetig, workshop, ["1"] + ["Down"] * G, work, name + "-goal-base")
    gedit = play(stetig, workshop, ["1"] + ["Enter", "x", "Enter", "Down"] * G, work,
                 name + "-goal-edits")
    r["goal_edit"] = (gedit - gbase) / G
    if only_nav:
        return r
    sw = play(stetig, workshop, go_raci + STEP_SWITCHES, work, name + "-steps")
    r["step_per_key"] = (sw - base) / len(STEP_SWITCHES)
    keys = NAV_MOVES + STEP_SWITCHES
    r["move_per_key"] = (nav - base + sw - base) / len(keys)
    # RACI edits: Space cycles the cell (one committed edit each)
    E = 20
    moves = play(stetig, workshop, go_raci + ["Right"] * E, work, name + "-raci-moves")
    edits = play(stetig, workshop, go_raci + [" ", "Right"] * E, work, name + "-raci-edits")
    r["raci_edit"] = (edits - moves) / E
    gcancel = play(stetig, workshop, ["1"] + ["Enter", "x", "Esc", "Down"] * G, work,
                   name + "-goal-cancel")
    r["goal_save_only"] = (gedit - gcancel) / G
    # start-up: open, first screen, quit
    r["startup"] = play(stetig, workshop, [], work, name + "-startup")
    r["startup_checked"] = play(stetig, workshop, [], work, name + "-startup-checked",
                                checked=True)
    return r


def workshops(stetig, work, factors):
    """The workshop files, by name: "small" (the demo) and "Fx" per factor."""
    run = lambda cmd: subprocess.run(cmd, check=True, env=ENV, stdout=subprocess.DEVNULL)
    out = []
    for f in factors:
        if f == "small":
            path = os.path.join(work, "small.stetig")
            if os.path.exists(path):
                os.remove(path)
            run([stetig, "new", path, "--template", "demo", "--lang", "de"])
            out.append(("small", path))
            continue
        name = "%gx" % float(f)
        path = os.path.join(work, "large-%s.stetig" % name)
        bundle = os.path.join(work, "bundle-%s" % name)
        if os.path.exists(path):
            os.remove(path)
        shutil.rmtree(bundle, ignore_errors=True)
        subprocess.run([PY, os.path.join(HERE, "gen_large.py"), bundle, "--factor", str(f)],
                       check=True)
        run([stetig, "new", path, "--lang", "de"])
        run([stetig, "import", path, "--csv", bundle])
        out.append((name, path))
    return out


ROWS = [
    ("move in the RACI grid, per key", "nav_per_key", "< 1 M"),
    ("  a move that scrolls one row (Down)", "scroll_down", None),
    ("  a move that scrolls one column (Right)", "scroll_right", None),
    ("  a scrolling move (mean of both)", "scroll", "< 2 M"),
    ("switch steps, per key", "step_per_key", None),
    ("(a) moves and step switches, per key", "move_per_key", "large < 1 M, ratio <= 1.2"),
    ("(b) RACI cell edit (Space), per edit", "raci_edit", "large < 5 M"),
    ("(b) goal edit (Enter, letter, Enter), per edit", "goal_edit", "< 5 M"),
    ("    of which saving (vs. Esc)", "goal_save_only", None),
    ("start-up to the first screen and quit", "startup", "small <= 3x floor; large < 60 M"),
    ("    first open (whole-file check)", "startup_checked", None),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stetig", required=True)
    ap.add_argument("--startup-floor", required=True)
    ap.add_argument("--workdir")
    ap.add_argument("--json")
    ap.add_argument("--factors", default="small,1")
    ap.add_argument("--only", choices=["nav"])
    ap.add_argument("--compare", action="append", default=[], metavar="NAME=PATH")
    a = ap.parse_args()
    builds = [(n, os.path.abspath(p)) for n, p in (c.split("=", 1) for c in a.compare)]
    builds.append(("this", os.path.abspath(a.stetig)))
    sfloor = os.path.abspath(a.startup_floor)
    if not shutil.which("valgrind"):
        sys.exit("needs valgrind (./bootstrap --bench)")
    work = a.workdir or tempfile.mkdtemp(prefix="stetig-keys-")
    os.makedirs(work, exist_ok=True)
    only_nav = a.only == "nav"
    # the workshops are made by the first build: the same files for every build
    files = workshops(builds[0][1], work, [f.strip() for f in a.factors.split(",")])

    floor = callgrind([sfloor], work, "startup-floor")
    t0 = time.perf_counter()
    res = {"startup_floor": floor, "builds": {}}
    for bname, binary in builds:
        res["builds"][bname] = {
            w: measure(binary, path, work, "%s-%s" % (bname, w), only_nav=only_nav,
                       scroll=w != "small")
            for w, path in files}
    M = 1e6
    cols = [(b, w) for b, _ in builds for w, _ in files]
    print()
    print("Keystroke benchmark (M instructions, callgrind; screen 120x35)")
    head = " | ".join(w if len(builds) == 1 else "%s %s" % (b, w) for b, w in cols)
    print("| figure | %s | target |" % head)
    print("|---|%s---|" % ("---:|" * len(cols)))
    for label, key, target in ROWS:
        vals = [res["builds"][b][w].get(key) for b, w in cols]
        if all(v is None for v in vals):
            continue
        print("| %s | %s | %s |" % (label, " | ".join("-" if v is None else "%.2f" % (v / M)
                                                     for v in vals), target or ""))
    print("| start-up floor (setlocale + initscr + endwin) | %.2f | | |" % (floor / M))
    this = res["builds"]["this"]
    if "small" in this and "1x" in this and not only_nav:
        S, L = this["small"], this["1x"]
        checks = [
            ("(a) under 1 M instructions per key on the large workshop",
             L["move_per_key"] < 1e6),
            ("(a) large/small at most 1.2", L["move_per_key"] <= 1.2 * S["move_per_key"]),
            ("(b) RACI edit under 5 M on the large workshop", L["raci_edit"] < 5e6),
            ("(b) goal edit under 5 M on the large workshop", L["goal_edit"] < 5e6),
            ("start-up of the small workshop within 3x the floor", S["startup"] <= 3 * floor),
            ("start-up of the large workshop under 60 M", L["startup"] < 60e6),
        ]
        for desc, good in checks:
            print("%s: %s" % ("met   " if good else "MISSED", desc))
        res["checks"] = {d: g for d, g in checks}
    for w in this:
        if w == "small":
            continue
        r = this[w]
        for desc, good in (("RACI navigation under 1 M per key", r["nav_per_key"] < 1e6),
                           ("a scrolling move under 2 M", r["scroll"] < 2e6),
                           ("goal edit under 5 M", r["goal_edit"] < 5e6)):
            print("%s: %s at %s" % ("met   " if good else "MISSED", desc, w))
    path = a.json or os.path.join(work, "keys.json")
    with open(path, "w") as f:
        json.dump(res, f, indent=1)
    print("details: %s (%.0f s)" % (path, time.perf_counter() - t0))


if __name__ == "__main__":
    main()
