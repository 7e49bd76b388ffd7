#!/usr/bin/python3
"""run_edits.py — what one edit through a form costs (bench/README 2e).

For the goals (step 1), indicators (step 2) and stakeholders (step 3):
callgrind instruction counts of the real program playing
    N, (Enter, x, Enter, Down) x G, q      the edits
    N, (Down) x G, q                        the moves alone
(the indicators: N, Down first, past the first goal's heading, and G at
most 3 there, so that every edit is one of an indicator of that goal)
on a fresh copy of a workshop reopened after a clean close (as in
run_keys.py); (edits - moves) / G is one edit: the form, the save (SQLite),
the tab badges (findings_counter_update) and the frames drawn. With
--split, the inclusive instructions of those parts come from the two
callgrind profiles (callgrind_annotate), per edit: the save, the form's
box drawn over the view after each key in the form, the frames drawn
(after the save; with the tab badges), and the terminal output that the
box and the frames send.

usage: run_edits.py --stetig src/stetig [--factors small,1,4] [--edits G]
                    [--compare NAME=PATH] [--split] [--workdir DIR] [--reuse]

--reuse: keep the workshops and the profiles already in --workdir (the
generated workshops are the same on every run; a profile is redone only
when its file is missing).
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_keys  # noqa: E402  (the workshops and the environment)

# the kind, its step's key, the keys that reach the first item: the
# indicators list starts with its first goal's heading (Enter there edits
# the goal), and a goal of the generated workshops has 10 indicators
STEPS = [("goal", "1", []), ("indicator", "2", ["Down"]), ("stakeholder", "3", [])]
# and a RACI cell: 4, (Space, Right) x 20 against 4, Right x 20
RACI_EDITS = 20
# inclusive cost centres reported by --split
# ("save": store_save_goal, store_save_indicator, store_save_stakeholder)
# (the frames and the form's box each include their terminal output; the
# frames include the badges)
PARTS = [("save (store_save_<kind>)", "store_save_"),
         ("form's box per key (draw_form_over)", "draw_form_over"),
         ("frames (draw_all)", "draw_all"),
         ("  of which badges (findings_counter_update)", "findings_counter_update"),
         ("terminal output in both (doupdate)", "doupdate")]


REUSE = False


def profile(stetig, workshop, keys, work, tag, kind):
    """(total instructions, {function: inclusive}) of playing keys, then q."""
    out = os.path.join(work, "cg-%s.out" % tag)
    if not (REUSE and os.path.exists(out) and os.path.getsize(out) > 0):
        run_profile(stetig, workshop, keys, work, tag, out)
    return annotate(out, kind)


def run_profile(stetig, workshop, keys, work, tag, out):
    copy = os.path.join(work, "play.stetig")
    shutil.copyfile(workshop, copy)
    env = dict(run_keys.ENV, XDG_DATA_HOME=os.path.join(work, "xdg"))
    env.pop("STETIG_CHECK_ALWAYS", None)
    quit_only = os.path.join(work, "keys-quit.txt")
    with open(quit_only, "w") as f:
        f.write("q\n")
    subprocess.run([stetig, "--keys", quit_only, copy], env=env, check=True,
                   stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    script = os.path.join(work, "keys-%s.txt" % tag)
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(keys + ["q"]) + "\n")
    with open(os.path.join(work, "screen-%s.out" % tag), "wb") as so:
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=no",
                        "--callgrind-out-file=" + out, stetig, "--keys", script, copy],
                       stdout=so, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                       env=env, check=True)
    os.remove(copy)


def annotate(out, kind):
    ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                         capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"^\s*([\d,]+).*PROGRAM TOTALS", ann, re.M).group(1)
                .replace(",", ""))
    incl = {}
    save = "store_set_raci" if kind == "raci" else "store_save_" + kind
    m = re.search(r"=> \S*:%s \((\d+)x\)" % save, ann)
    incl["saves"] = int(m.group(1)) if m else 0
    for _, fn in PARTS:
        name = save if fn == "store_save_" else fn
        m = re.search(r"^\s*([\d,]+) \([^)]*\)\s+\S*:%s\b" % re.escape(name), ann, re.M)
        incl[fn] = int(m.group(1).replace(",", "")) if m else 0
    return total, incl


def measure(stetig, workshop, work, name, G):
    r = {}
    for kind, key, lead in STEPS:
        g = min(G, 3) if lead else G
        base, bi = profile(stetig, workshop, [key] + lead + ["Down"] * g, work,
                           name + "-" + kind + "-base", kind)
        edit, ei = profile(stetig, workshop, [key] + lead + ["Enter", "x", "Enter", "Down"] * g,
                           work, name + "-" + kind + "-edits", kind)
        if ei["saves"] != g:
            print("warning: %s %s: %d saves of %d edits" % (name, kind, ei["saves"], g),
                  file=sys.stderr)
        r[kind] = (edit - base) / g
        for _, fn in PARTS:
            r[kind + ":" + fn] = (ei[fn] - bi[fn]) / g
    g = RACI_EDITS
    base, bi = profile(stetig, workshop, ["4"] + ["Right"] * g, work, name + "-raci-base", "raci")
    edit, ei = profile(stetig, workshop, ["4"] + [" ", "Right"] * g, work, name + "-raci-edits",
                       "raci")
    r["raci"] = (edit - base) / g
    for _, fn in PARTS:
        r["raci:" + fn] = (ei[fn] - bi[fn]) / g
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stetig", required=True)
    ap.add_argument("--factors", default="small,1,4")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--compare", action="append", default=[])
    ap.add_argument("--split", action="store_true")
    ap.add_argument("--workdir")
    ap.add_argument("--reuse", action="store_true")
    a = ap.parse_args()
    global REUSE
    REUSE = a.reuse
    work = a.workdir or tempfile.mkdtemp(prefix="stetig-edits-")
    os.makedirs(work, exist_ok=True)
    builds = [("after", os.path.abspath(a.stetig))]
    for c in a.compare:
        n, p = c.split("=", 1)
        builds.insert(0, (n, os.path.abspath(p)))
    if a.reuse:
        files = [(f, os.path.join(work, "small.stetig")) if f == "small" else
                 ("%gx" % float(f), os.path.join(work, "large-%gx.stetig" % float(f)))
                 for f in a.factors.split(",")]
    else:
        files = run_keys.workshops(builds[-1][1], work, a.factors.split(","))
    res = {}
    for bname, exe in builds:
        for wname, path in files:
            res[(bname, wname)] = measure(exe, path, work, "%s-%s" % (bname, wname), a.edits)
    print("M instructions per edit (Enter, a letter, Enter; against Down)")
    print("%-46s" % "edit" + "".join("%12s" % ("%s %s" % (b, w)) for b, _ in builds
                                     for w, _ in files))
    for kind in [k for k, _, _ in STEPS] + ["raci"]:
        print("%-46s" % kind + "".join("%12.2f" % (res[(b, w)][kind] / 1e6) for b, _ in builds
                                       for w, _ in files))
        if a.split:
            for label, fn in PARTS:
                print("%-46s" % ("  " + label) + "".join(
                    "%12.2f" % (res[(b, w)][kind + ":" + fn] / 1e6) for b, _ in builds
                    for w, _ in files))


if __name__ == "__main__":
    main()
