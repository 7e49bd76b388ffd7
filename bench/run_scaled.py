#!/usr/bin/python3
"""run_scaled.py — the import and opening benchmarks of bench/README (issue 20)
on workshops scaled by gen_large.py --factor (1 = 500 stakeholders x 300
tasks, about 94,000 records; the RACI matrix grows with the factor squared).

  --what import   for each factor: `stetig new` + `stetig import` of the
                  bundle, CPU time (user + sys of the process, median of
                  --runs, runs interleaved with the peer) per record, against
                  the smallest factor and against bench/peer_import.py (a
                  bare Python sqlite3 script loading the same rows into the
                  same schema); --callgrind adds instruction counts for the
                  factors up to 1
  --what open     for each factor: instructions (callgrind) from start to the
                  first screen and quit (`stetig --keys` with q), on the first
                  open (the whole-file check: STETIG_CHECK_ALWAYS=1) and on
                  reopening a file closed cleanly, against the start-up floor
                  (setlocale + initscr + endwin); CPU time of the reopen

usage: run_scaled.py --stetig src/stetig --what import|open
                     [--factors 0.5,1,2,4] [--runs 3] [--workdir DIR]
                     [--startup-floor bench/startup_floor] [--callgrind]
"""
import argparse, csv, os, re, resource, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


def env(work):
    e = dict(os.environ, TERM="xterm-256color", LINES="35", COLUMNS="120", LANG="C.UTF-8",
             LC_ALL="", LANGUAGE="", TZ="Europe/Berlin", NO_COLOR="",
             XDG_DATA_HOME=os.path.join(work, "xdg"))
    e.pop("TMUX", None)
    e.pop("STETIG_CHECK_ALWAYS", None)
    return e


def cpu(cmd, e):
    """CPU seconds (user + sys) of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, env=e, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def callgrind(cmd, e, work):
    log = os.path.join(work, "cg.log")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                    "--log-file=" + log] + cmd, check=True, env=e, stdout=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL)
    return int(re.search(r"Collected : (\d+)", open(log).read()).group(1))


def records(bundle):
    """Rows of every file of the bundle, RACI cells counted one by one."""
    n = 0
    for name in os.listdir(bundle):
        with open(os.path.join(bundle, name), encoding="utf-8-sig", newline="") as f:
            r = csv.reader(f, delimiter=";")
            next(r)
            if name == "raci.csv":
                n += sum(sum(1 for c in row[1:] if c) for row in r)
            else:
                n += sum(1 for _ in r)
    return n


def bundle_for(work, factor):
    b = os.path.join(work, "bundle-%g" % factor)
    if not os.path.isdir(b):
        subprocess.run([PY, os.path.join(HERE, "gen_large.py"), b, "--factor", str(factor)],
                       check=True)
    return b


def median(v):
    v = sorted(v)
    return v[len(v) // 2]


def bench_import(a, work, e):
    print("Import (CPU seconds of the process, median of %d; per record in microseconds)" % a.runs)
    print("| factor | records | stetig s | us/record | vs smallest | peer s | stetig/peer |"
          + (" M instr | instr/record |" if a.callgrind else ""))
    print("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if a.callgrind else ""))
    base = None
    for factor in a.factors:
        b = bundle_for(work, factor)
        n = records(b)
        ts, ps = [], []
        for r in range(a.runs):
            for who in ("stetig", "peer") if r % 2 == 0 else ("peer", "stetig"):
                f = os.path.join(work, "imp.stetig")
                if os.path.exists(f):
                    os.remove(f)
                subprocess.run([a.stetig, "new", f, "--lang", "de"], check=True, env=e,
                               stdout=subprocess.DEVNULL)
                if who == "stetig":
                    ts.append(cpu([a.stetig, "import", f, "--csv", b], e))
                else:
                    ps.append(cpu([PY, os.path.join(HERE, "peer_import.py"), b, f], e))
        t, p = median(ts), median(ps)
        per = t / n * 1e6
        base = base or per
        line = "| %g | %d | %.2f | %.2f | %.2f | %.2f | %.2f |" % (factor, n, t, per, per / base,
                                                               p, t / p)
        if a.callgrind and factor <= 1:
            f = os.path.join(work, "imp.stetig")
            os.remove(f)
            subprocess.run([a.stetig, "new", f, "--lang", "de"], check=True, env=e,
                           stdout=subprocess.DEVNULL)
            i = callgrind([a.stetig, "import", f, "--csv", b], e, work)
            line += " %.0f | %.0f |" % (i / 1e6, i / n)
        elif a.callgrind:
            line += " | |"
        print(line, flush=True)


def bench_open(a, work, e):
    floor = callgrind([os.path.abspath(a.startup_floor)], e, work) if a.startup_floor else 0
    q = os.path.join(work, "q.keys")
    with open(q, "w") as f:
        f.write("q\n")
    print("Opening to the first screen and quitting (callgrind instructions; CPU of the reopen,"
          " median of %d)" % a.runs)
    print("| factor | records | first open (checked) M | reopen M | reopen/floor | reopen CPU s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for factor in a.factors:
        b = bundle_for(work, factor)
        n = records(b)
        f = os.path.join(work, "open-%g.stetig" % factor)
        if os.path.exists(f):
            os.remove(f)
        subprocess.run([a.stetig, "new", f, "--lang", "de"], check=True, env=e,
                       stdout=subprocess.DEVNULL)
        subprocess.run([a.stetig, "import", f, "--csv", b], check=True, env=e,
                       stdout=subprocess.DEVNULL)
        first = callgrind([a.stetig, "--keys", q, f], dict(e, STETIG_CHECK_ALWAYS="1"), work)
        cpu([a.stetig, "--keys", q, f], e)  # a clean close: remembered
        again = callgrind([a.stetig, "--keys", q, f], e, work)
        t = median([cpu([a.stetig, "--keys", q, f], e) for _ in range(a.runs)])
        print("| %g | %d | %.1f | %.1f | %.1f | %.3f |" % (factor, n, first / 1e6, again / 1e6,
                                                          again / floor if floor else 0, t),
              flush=True)
    if floor:
        print("start-up floor (setlocale + initscr + endwin): %.2f M" % (floor / 1e6))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stetig", required=True)
    ap.add_argument("--what", required=True, choices=["import", "open"])
    ap.add_argument("--factors")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir")
    ap.add_argument("--startup-floor")
    ap.add_argument("--callgrind", action="store_true")
    a = ap.parse_args()
    a.stetig = os.path.abspath(a.stetig)
    default = "0.5,1,2,4" if a.what == "import" else "0.25,1,4"
    a.factors = [float(x) for x in (a.factors or default).split(",")]
    if (a.what == "open" or a.callgrind) and not shutil.which("valgrind"):
        sys.exit("needs valgrind (./bootstrap --bench)")
    work = a.workdir or tempfile.mkdtemp(prefix="stetig-scaled-")
    os.makedirs(work, exist_ok=True)
    e = env(work)
    (bench_import if a.what == "import" else bench_open)(a, work, e)


if __name__ == "__main__":
    main()
