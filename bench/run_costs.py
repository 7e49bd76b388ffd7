#!/usr/bin/python3
"""run_costs.py — the costs step's keys in instructions (callgrind), bench/README 2e.

Each figure is the difference of a key script and the same script without the
measured keys, divided by their number; every script plays on a fresh copy of
the workshop that was opened and closed once before (a remembered clean close),
screen 120x35 written to a file (stetig --keys).

  Down in the costs list     5, then 20 x Down (the cost list scrolls)
  Down in the years table    the same in the per-year table (End, 25 x Down first)
  Down in the goals list     1, then 20 x Down: the figure to compare with
  switch to the costs step   1, then 5: the first visit computes the figures
  switch 5/1 again           5 and 1 five times: nothing changed in between
  switch after a RACI edit   5, 4, Space (a cell), then 5: what the cell
                             changed the costs step does not read

usage: run_costs.py --stetig src/stetig WORKSHOP [WORKSHOP ...]
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

ENV = dict(os.environ, TERM="xterm-256color", LINES="35", COLUMNS="120", LANG="C.UTF-8",
           LC_ALL="", LANGUAGE="", TZ="Europe/Berlin", NO_COLOR="")
ENV.pop("TMUX", None)
ENV.pop("STETIG_CHECK_ALWAYS", None)


def play(stetig, workshop, keys, work):
    copy = os.path.join(work, "play.stetig")
    shutil.copyfile(workshop, copy)
    env = dict(ENV, XDG_DATA_HOME=os.path.join(work, "xdg"))
    q = os.path.join(work, "q.keys")
    with open(q, "w") as f:
        f.write("q\n")
    subprocess.run([stetig, "--keys", q, copy], env=env, check=True,
                   stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    script = os.path.join(work, "play.keys")
    with open(script, "w") as f:
        f.write("\n".join(keys + ["q"]) + "\n")
    log = os.path.join(work, "cg.log")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        "--log-file=" + log, stetig, "--keys", script, copy],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL)
    if p.returncode:
        sys.exit("failed: %s (see %s)" % (" ".join(keys), log))
    os.remove(copy)
    return int(re.search(r"Collected : (\d+)", open(log).read()).group(1))


def per_key(stetig, ws, work, before, keys):
    a = play(stetig, ws, before, work)
    b = play(stetig, ws, before + keys, work)
    return (b - a) / len(keys) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stetig", required=True)
    ap.add_argument("workshops", nargs="+")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="stetig-costs-")
    print("%-44s" % "M instructions per key" + "".join("%12s" % os.path.basename(w)
                                                      for w in a.workshops))
    rows = [
        ("Down in the costs list (20 keys)", ["5"], ["Down"] * 20),
        ("Down in the years table (10 keys)", ["5", "End"] + ["Down"] * 25, ["Down"] * 10),
        ("Down in the goals list (20 keys)", ["1"], ["Down"] * 20),
        ("switch to the costs step (first, 1 key)", ["1"], ["5"]),
        ("switch 5/1 again (10 keys)", ["1", "5", "1"], ["5", "1"] * 5),
        ("switch to costs after a RACI edit (1 key)", ["5", "4", "Space"], ["5"]),
    ]
    for label, before, keys in rows:
        vals = [per_key(a.stetig, w, work, before, keys) for w in a.workshops]
        print("%-44s" % label + "".join("%12.2f" % v for v in vals), flush=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
