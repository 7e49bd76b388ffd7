#!/usr/bin/python3
"""make_corpus.py STETIG [OUT_DIR] — (re)writes the seed corpora of the fuzz
targets (tests/fuzz/corpus_bundle, corpus_store, corpus_csv) from the
templates, the large-workshop generator at a small scale, hand-made broken
bundles and real workshop files (whole, truncated, tampered). STETIG is a
built src/stetig. The corpora are committed; rerun this only when the bundle
format or the file format changes. Keep them small (a few hundred KB)."""
import os, shutil, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
ORDER = ["workshop.csv", "strategy_goals.csv", "goals.csv", "indicators.csv",
         "stakeholders.csv", "tasks.csv", "raci.csv", "costs.csv", "cost_shares.csv",
         "check.csv", "notes.csv"]


def framed(files):
    """files: list of (name, bytes) → one fuzz input for fuzz_bundle."""
    out = b""
    for name, data in files:
        out += b"=@" + name.encode() + b"\n" + data
        if data and not data.endswith(b"\n"):
            out += b"\n"
    return out


def read_bundle(d):
    return [(n, open(os.path.join(d, n), "rb").read()) for n in ORDER
            if os.path.exists(os.path.join(d, n))]


def put(dirname, name, data):
    with open(os.path.join(dirname, name), "wb") as f:
        f.write(data)


def replace(files, name, old, new):
    assert any(n == name and old in d for n, d in files), (name, old)
    return [(n, d.replace(old, new, 1) if n == name else d) for n, d in files]


def bundle_seeds(out, tmp):
    for lang in ("en", "de"):
        for t in ("demo", "digital-twin"):
            put(out, "tmpl-%s-%s" % (lang, t), framed(read_bundle(os.path.join(TOP, "templates", lang, t))))
        g = os.path.join(tmp, "gen-" + lang)
        subprocess.run([sys.executable, os.path.join(TOP, "bench", "gen_large.py"), g,
                        "--lang", lang, "--scale", "100"], check=True)
        put(out, "gen-%s-scale100" % lang, framed(read_bundle(g)))
    en = read_bundle(os.path.join(TOP, "templates", "en", "demo"))
    de = read_bundle(os.path.join(TOP, "templates", "de", "demo"))
    one = lambda files, name: [(n, d) for n, d in files if n == name]
    # single files, valid
    for name in ("workshop.csv", "goals.csv", "stakeholders.csv", "raci.csv", "check.csv"):
        put(out, "only-" + name, framed(one(en, name)))
    # broken ones: each should be refused with file, line and column
    broken = {
        "bad-header": replace(en, "goals.csv", b"title", b"titel_x"),
        "bad-choice": replace(en, "stakeholders.csv", b",administration,", b",adminstration,"),
        "bad-ref": replace(en, "indicators.csv", b"\n1,1,", b"\n1,99,"),
        "bad-date": replace(en, "workshop.csv", b"2027-06-30", b"30.06.2027"),
        "bad-utf8": replace(en, "goals.csv", b"e", b"\xc3\x28"),
        "bad-quote": replace(en, "tasks.csv", b",", b',"', ),
        "mixed-lang": [(n, d) for n, d in en if n != "goals.csv"] + one(de, "goals.csv"),
        "unreadable": [("!goals.csv", b"")] + en,
        "share-over-100": replace(en, "cost_shares.csv", b"3,6,50", b"3,6,60"),
    }
    for k, files in broken.items():
        put(out, k, framed(files))
    put(out, "empty", b"")
    put(out, "header-only", framed([("goals.csv", b"id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,status\r\n")]))
    put(out, "formula", framed([("notes.csv", b"kind,text,owner,due\r\ndecision,\"'=HYPERLINK(\"\"x\"\")\",,\r\naction,'+1,,2026-01-31\r\n")]))
    put(out, "long-cell", framed([("notes.csv", b"kind,text,owner,due\r\nparking," + b"a" * 32768 + b",,\r\n")]))


def store_seeds(out, stetig, tmp):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="", LC_ALL="")
    def new(name, *args):
        p = os.path.join(tmp, name)
        subprocess.run([stetig, "new", p] + list(args), check=True, env=env, stdout=subprocess.DEVNULL)
        return p
    empty = new("empty.stetig", "--lang", "en")
    demo = new("demo.stetig", "--template", "demo", "--lang", "de")
    for p in (empty, demo):
        con = sqlite3.connect(p)
        con.execute("VACUUM")
        con.close()
    data = open(empty, "rb").read()
    put(out, "empty.stetig", data)
    put(out, "demo.stetig", open(demo, "rb").read())
    for cut in (0, 16, 100, 4096, len(data) // 2):
        put(out, "empty-cut-%d" % cut, data[:cut])
    # another program's database, a newer file, a text file
    other = os.path.join(tmp, "other.db")
    con = sqlite3.connect(other)
    con.execute("create table t(a)")
    con.execute("insert into t values('x')")
    con.commit()
    con.close()
    put(out, "foreign.db", open(other, "rb").read())
    # (files from a newer stetig and flipped bytes: tests/test_faults.c)
    put(out, "text", b"title,municipality\r\nnot a workshop,Musterstadt\r\n")


def csv_seeds(out):
    n = 0
    for lang in ("en", "de"):
        for name in ("goals.csv", "stakeholders.csv", "raci.csv", "check.csv"):
            p = os.path.join(TOP, "templates", lang, "demo", name)
            put(out, "%s-%s" % (lang, name), b"\x02" + open(p, "rb").read())
    extra = {
        "bom-semicolon": b"\x00\xef\xbb\xbfa;b\r\n1;\"x;y\"\r\n",
        "comments": b"\x01# note\n# more\na,b\n1,2\n",
        "quote-newline": b"\x00a,b\n\"line\nbreak\",\"say \"\"hi\"\"\"\n",
        "unterminated": b"\x00a,b\n\"open,2\n",
        "stray-quote": b"\x00a,b\nx\"y,2\n",
        "bad-utf8": b"\x00a,b\n\xff\xfe,2\n",
        "neutralised": b"\x02a\n'=1+1\n'+x\n",
        "no-newline": b"\x00a,b\n1,2",
        "blank-lines": b"\x00a,b\n\n\n1,2\n\n",
        "nul": b"\x00a,b\n1\x002,3\n",
    }
    for k, v in extra.items():
        put(out, k, v)


def main():
    stetig = os.path.abspath(sys.argv[1])
    base = sys.argv[2] if len(sys.argv) > 2 else HERE
    tmp = tempfile.mkdtemp()
    try:
        for name, fn in (("corpus_bundle", lambda d: bundle_seeds(d, tmp)),
                         ("corpus_store", lambda d: store_seeds(d, stetig, tmp)),
                         ("corpus_csv", csv_seeds)):
            d = os.path.join(base, name)
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            fn(d)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
