#!/usr/bin/python3
"""run_export.py — the export benchmark of bench/README.

Generates the large workshop (gen_large.py), imports it, exports its CSV
bundle (the input of the peers and the floor), then times, in the same run,
alternating, --runs times each:
  stetig    stetig export FILE --xlsx          (load, findings, formats, charts)
  floor     bench/floor: the bundle's cells straight through libxlsxwriter
  xlsxwriter  bench/peer_xlsxwriter.py: the same cells with Python's XlsxWriter
  openpyxl  bench/peer_openpyxl.py: the same cells with openpyxl
  stetig-csv  stetig export FILE --csv
Reports medians, ratios against the floor, peak RSS (/usr/bin/time -v) and
the cell counts, and checks the targets of issue 6. --compare NAME=PATH adds
another stetig (an older build, say) to the same rounds: it imports the
bundle into a workshop of its own and exports it like stetig; the table
then also gives its median against stetig's.

usage: run_export.py --stetig src/stetig --floor bench/floor [--runs 7]
                     [--factor F] [--compare NAME=PATH]... [--workdir DIR]
                     [--json FILE] [--no-count]
"""
import argparse, datetime, json, os, platform, re, shutil, statistics, subprocess, sys
import tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from peer_common import tables  # noqa: E402

PY = "/usr/bin/python3"  # Debian's, which has XlsxWriter and openpyxl
TARGETS = [  # (description, test on the medians)
    ("stetig within 1.25x of the floor", lambda r: r["stetig"]["t"] <= 1.25 * r["floor"]["t"]),
    ("stetig >= 2.5x faster than XlsxWriter", lambda r: r["xlsxwriter"]["t"] >= 2.5 * r["stetig"]["t"]),
    ("stetig >= 6x faster than openpyxl", lambda r: r["openpyxl"]["t"] >= 6 * r["stetig"]["t"]),
    ("stetig peak RSS <= 2/3 of XlsxWriter's", lambda r: r["stetig"]["rss"] <= r["xlsxwriter"]["rss"] * 2 / 3),
]


def run_timed(cmd, tfile):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS KiB)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr.decode()))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tfile).read())
    return wall, int(m.group(1))


def machine():
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for mod in ("xlsxwriter", "openpyxl"):
        out = subprocess.run([PY, "-c", "import %s; print(%s.__version__)" % (mod, mod)],
                             capture_output=True, text=True)
        versions[mod] = out.stdout.strip() or "missing"
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libxlsxwriter-dev"],
                         capture_output=True, text=True)
    versions["libxlsxwriter"] = out.stdout.strip() or "?"
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "date": datetime.date.today().isoformat(), "versions": versions}


def count_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    n = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
            for v in row if v is not None)
    wb.close()
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stetig", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--workdir")
    ap.add_argument("--json")
    ap.add_argument("--no-count", action="store_true", help="skip counting the workbook's cells")
    ap.add_argument("--compare", action="append", default=[], metavar="NAME=PATH",
                    help="another stetig build timed in the same rounds")
    ap.add_argument("--factor", type=float, default=1.0,
                    help="scale of the large workshop (gen_large.py --factor; 4: 2,000 x 1,200)")
    ap.add_argument("--no-peers", action="store_true",
                    help="leave out the Python peers (and the targets that compare with them)")
    a = ap.parse_args()
    compare = {}
    for c in a.compare:
        name, _, path = c.partition("=")
        if not name or not path or name in ("stetig", "floor", "xlsxwriter", "openpyxl",
                                            "stetig-csv"):
            sys.exit("--compare wants NAME=PATH with a new name")
        compare[name] = os.path.abspath(path)
    if a.runs < 1:
        sys.exit("--runs must be at least 1")
    stetig, floor = os.path.abspath(a.stetig), os.path.abspath(a.floor)
    for tool in [stetig, floor, "/usr/bin/time", PY] + list(compare.values()):
        if not os.access(tool, os.X_OK):
            sys.exit("missing %s (make bench builds bench/floor; ./bootstrap --bench installs "
                     "time and python3-xlsxwriter)" % tool)
    work = a.workdir or tempfile.mkdtemp(prefix="stetig-bench-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LANGUAGE="")

    # the large workshop
    bundle = os.path.join(work, "large-bundle")
    wsfile = os.path.join(work, "large.stetig")
    shutil.rmtree(bundle, ignore_errors=True)
    if os.path.exists(wsfile):
        os.remove(wsfile)
    subprocess.run([PY, os.path.join(HERE, "gen_large.py"), bundle, "--factor", str(a.factor)],
                   check=True)
    subprocess.run([stetig, "new", wsfile, "--lang", "de"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    t0 = time.perf_counter()
    subprocess.run([stetig, "import", wsfile, "--csv", bundle], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    import_s = time.perf_counter() - t0
    csvdir = os.path.join(work, "export-en")
    shutil.rmtree(csvdir, ignore_errors=True)
    subprocess.run([stetig, "export", wsfile, "--csv", csvdir, "--lang", "en"], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    bundle_cells = sum(1 for _, rows in tables(csvdir) for row in rows for v in row if v != "")
    compare_files = {}
    for name, prog in compare.items():  # each build imports into a file of its own format
        f = os.path.join(work, "large-%s.stetig" % name)
        if os.path.exists(f):
            os.remove(f)
        subprocess.run([prog, "new", f, "--lang", "de"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        subprocess.run([prog, "import", f, "--csv", bundle], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        compare_files[name] = f

    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    cmds = {
        "stetig": [stetig, "export", wsfile, "--xlsx", os.path.join(out, "stetig.xlsx"), "--lang", "en"],
        "floor": [floor, csvdir, os.path.join(out, "floor.xlsx")],
        "xlsxwriter": [PY, os.path.join(HERE, "peer_xlsxwriter.py"), csvdir, os.path.join(out, "xlsxwriter.xlsx")],
        "openpyxl": [PY, os.path.join(HERE, "peer_openpyxl.py"), csvdir, os.path.join(out, "openpyxl.xlsx")],
        "stetig-csv": [stetig, "export", wsfile, "--csv", os.path.join(out, "csv"), "--lang", "en"],
    }
    if a.no_peers:
        del cmds["xlsxwriter"], cmds["openpyxl"]
    for name, prog in compare.items():
        cmds[name] = [prog, "export", compare_files[name], "--xlsx",
                      os.path.join(out, "%s.xlsx" % name), "--lang", "en"]
    names = list(cmds)
    samples = {n: [] for n in names}
    tfile = os.path.join(work, "time.txt")

    def clean(n):
        for f in os.listdir(out):
            p = os.path.join(out, f)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)

    for n in names:  # warm-up: caches, page cache, Python's .pyc files
        clean(n)
        run_timed(cmds[n], tfile)
    for r in range(a.runs):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            clean(n)
            samples[n].append(run_timed(cmds[n], tfile))
        print("round %d/%d done" % (r + 1, a.runs), file=sys.stderr)

    # the outputs of the last round, for the cell counts and sizes
    for n in names:
        clean(n)
        run_timed(cmds[n], tfile)
        if n == "stetig":
            stetig_bytes = os.path.getsize(os.path.join(out, "stetig.xlsx"))
            stetig_cells = None if a.no_count else count_xlsx(os.path.join(out, "stetig.xlsx"))
        if n == "floor":
            floor_bytes = os.path.getsize(os.path.join(out, "floor.xlsx"))

    res = {}
    for n in names:
        ts = [s[0] for s in samples[n]]
        rss = [s[1] for s in samples[n]]
        res[n] = {"t": statistics.median(ts), "t_min": min(ts), "t_max": max(ts),
                  "rss": statistics.median(rss), "runs": len(ts)}
    f = res["floor"]["t"]
    print()
    print("Export benchmark: %d runs each, alternating; medians; workshop factor %g"
          % (a.runs, a.factor))
    print("cells: %d in the CSV bundle (written by floor and peers), %s in stetig's workbook"
          % (bundle_cells, stetig_cells if stetig_cells is not None else "?"))
    print("files: stetig.xlsx %d bytes, floor.xlsx %d bytes; import of the large bundle %.2f s"
          % (stetig_bytes, floor_bytes, import_s))
    print()
    print("| program | median ms | min-max ms | vs floor | peak RSS MiB | RSS vs floor |")
    print("|---|---:|---:|---:|---:|---:|")
    for n in names:
        r = res[n]
        print("| %s | %.0f | %.0f-%.0f | %.2fx | %.1f | %.2fx |" % (
            n, r["t"] * 1000, r["t_min"] * 1000, r["t_max"] * 1000, r["t"] / f,
            r["rss"] / 1024, r["rss"] / res["floor"]["rss"]))
    for n in compare:
        print("stetig against %s: time %.2fx, peak RSS %.2fx" % (
            n, res["stetig"]["t"] / res[n]["t"], res["stetig"]["rss"] / res[n]["rss"]))
    print()
    if a.no_peers:
        print("(no peers: --no-peers)")
    else:
        print("stetig is %.2fx faster than XlsxWriter, %.2fx faster than openpyxl; "
              "its peak RSS is %.2f of XlsxWriter's" % (
                  res["xlsxwriter"]["t"] / res["stetig"]["t"],
                  res["openpyxl"]["t"] / res["stetig"]["t"],
                  res["stetig"]["rss"] / res["xlsxwriter"]["rss"]))
    ok = True
    for desc, test in TARGETS:
        if a.no_peers and ("XlsxWriter" in desc or "openpyxl" in desc):
            continue
        good = test(res)
        ok = ok and good
        print("%s: %s" % ("met   " if good else "MISSED", desc))
    info = {"machine": machine(), "runs": a.runs, "factor": a.factor,
            "bundle_cells": bundle_cells,
            "stetig_cells": stetig_cells, "stetig_bytes": stetig_bytes,
            "floor_bytes": floor_bytes, "import_s": import_s, "results": res,
            "targets_met": ok, "workdir": work}
    m = info["machine"]
    print("machine: %s cores, %s, kernel %s, %s; libxlsxwriter %s, XlsxWriter %s, openpyxl %s"
          % (m["nproc"], m["cpu"], m["kernel"], m["date"], m["versions"]["libxlsxwriter"],
             m["versions"]["xlsxwriter"], m["versions"]["openpyxl"]))
    path = a.json or os.path.join(work, "results.json")
    with open(path, "w") as fh:
        json.dump(info, fh, indent=1)
    print("details: %s" % path)
    if not a.workdir:
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)


if __name__ == "__main__":
    main()
