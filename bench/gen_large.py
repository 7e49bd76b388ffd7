#!/usr/bin/env python3
"""gen_large.py DIR [--lang de|en] [--scale N] — write a large workshop as a
CSV bundle (stetig(5)): 500 stakeholders, 300 tasks with a RACI matrix about
60 % filled in both phases, 200 goals, 2,000 indicators, 100 cost items with
shares; German text with umlauts. Deterministic (fixed seed). --scale divides
every count (--scale 10 gives a small workshop of the same shape); --factor F
multiplies every count instead (0.25, 0.5, 1, 2, 4: the scaled workshops of
the import and opening benchmarks; the RACI matrix grows with F squared)."""
import argparse, csv, os, random

WORDS_DE = ["Bürgerbeteiligung", "Straßenbeleuchtung", "Gewässergüte", "Datenplattform",
            "Überflutungsschutz", "Lärmminderung", "Öffentlichkeitsarbeit", "Fördermittel",
            "Schnittstelle", "Regelbetrieb", "Wartungsvertrag", "Quartiersentwicklung"]
WORDS_EN = ["citizen participation", "street lighting", "water quality", "data platform",
            "flood protection", "noise reduction", "public relations", "funding",
            "interface", "regular operation", "maintenance contract", "neighbourhood"]

V = {
    "de": dict(sep=";", dec=",", yes="ja", no="nein",
               groups=["verwaltung", "politik", "kommunales_unternehmen", "extern", "bürgerschaft", "interkommunal"],
               att=["unterstützend", "neutral", "kritisch"],
               cat=["betrieb", "wartung", "weiterentwicklung", "hosting", "datenpflege", "kommunikation", "finanzierung", "schulung", "wirkungsmessung"],
               tphase=["pilot", "regelbetrieb"], dir=["höher", "niedriger"], kind=["einmalig", "jährlich"],
               gstat=["entwurf", "vereinbart", "erreicht", "verworfen"], note=["beschluss", "aufgabe", "themenspeicher"],
               h=dict(workshop="titel;kommune;handlungsfeld;förderende;phase;moderation;teilnehmende;sprache",
                      strategy_goals="id;titel",
                      goals="id;titel;spezifisch;messbar;erreichbar;relevant;terminiert;strategieziel;status",
                      indicators="id;ziel;name;einheit;richtung;ausgangswert;ausgangsdatum;zielwert;zieldatum;aktueller_wert;aktuelles_datum;datenquelle;methode;häufigkeit;verantwortlich",
                      stakeholders="id;name;organisation;gruppe;einfluss;interesse;haltung;schlüsselperson;befristet;kernbotschaft;kanal;turnus",
                      tasks="id;name;kategorie;phase", raci="aufgabe",
                      costs="id;name;art;betrag;startjahr;endjahr", cost_shares="kosten;akteur;prozent",
                      notes="art;text;verantwortlich;fällig"),
               words=WORDS_DE, phase="übergang", lang="de"),
    "en": dict(sep=",", dec=".", yes="yes", no="no",
               groups=["administration", "politics", "municipal_company", "external", "citizens", "intermunicipal"],
               att=["supportive", "neutral", "critical"],
               cat=["operation", "maintenance", "development", "hosting", "data", "communication", "funding", "training", "impact"],
               tphase=["pilot", "regular"], dir=["higher", "lower"], kind=["oneoff", "yearly"],
               gstat=["draft", "agreed", "achieved", "dropped"], note=["decision", "action", "parking"],
               h=dict(workshop="title,municipality,field,funding_end,phase,facilitator,participants,language",
                      strategy_goals="id,title",
                      goals="id,title,specific,measurable,achievable,relevant,time_bound,strategy_goal,status",
                      indicators="id,goal,name,unit,direction,baseline,baseline_date,target,target_date,latest,latest_date,source,method,frequency,owner",
                      stakeholders="id,name,organisation,group,influence,interest,attitude,key_person,temporary,message,channel,cadence",
                      tasks="id,name,category,phase", raci="task",
                      costs="id,name,kind,amount,start_year,end_year", cost_shares="cost,stakeholder,percent",
                      notes="kind,text,owner,due"),
               words=WORDS_EN, phase="transition", lang="en"),
}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--lang", default="de", choices=["de", "en"])
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--factor", type=float, default=1.0)
    a = ap.parse_args()
    v = V[a.lang]
    rnd = random.Random(20261126)
    os.makedirs(a.dir, exist_ok=True)
    n_sh, n_t, n_g, n_i, n_c, n_sg = (max(2, int(x * a.factor) // a.scale)
                                      for x in (500, 300, 200, 2000, 100, 12))
    W = v["words"]

    def text(k):
        return " ".join(rnd.choice(W) for _ in range(k))

    def num(x):
        s = ("%.2f" % x).rstrip("0").rstrip(".")
        return s.replace(".", v["dec"])

    def write(name, header, rows):
        with open(os.path.join(a.dir, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write("\ufeff")
            w = csv.writer(f, delimiter=v["sep"], quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            w.writerow(header.split(v["sep"]) if isinstance(header, str) else header)
            w.writerows(rows)

    write("workshop", v["h"]["workshop"],
          [["Großstadt-Datenplattform" if a.lang == "de" else "City data platform",
            "Musterstadt", text(2), "2027-06-30", v["phase"], "Jana Beispiel", text(6), v["lang"]]])
    write("strategy_goals", v["h"]["strategy_goals"], [[i, text(3)] for i in range(1, n_sg + 1)])
    write("goals", v["h"]["goals"],
          [[i, text(3), text(8), "%d %s" % (rnd.randint(5, 500), text(2)), text(6), text(5),
            "20%d-12-31" % rnd.randint(27, 30), rnd.randint(1, n_sg), rnd.choice(v["gstat"])]
           for i in range(1, n_g + 1)])
    rows = []
    for i in range(1, n_i + 1):
        has_base = rnd.random() < 0.7
        base = rnd.uniform(0, 1000)
        rows.append([i, rnd.randint(1, n_g), text(3), "%", rnd.choice(v["dir"]),
                     num(base) if has_base else "", "2024-03-31" if has_base else "",
                     num(base * 1.5 + 10), "2028-12-31",
                     num(base * 1.2) if has_base else "", "2026-09-30" if has_base else "",
                     text(2), text(1), "jährlich" if a.lang == "de" else "yearly",
                     rnd.randint(1, n_sh)])
    write("indicators", v["h"]["indicators"], rows)
    write("stakeholders", v["h"]["stakeholders"],
          [[i, "%s %d" % (text(1), i), text(2), rnd.choice(v["groups"]), rnd.randint(1, 5), rnd.randint(1, 5),
            rnd.choice(v["att"]), v["yes"] if i % 50 == 1 else v["no"], v["yes"] if i % 25 == 3 else v["no"],
            text(6), text(1), text(1)] for i in range(1, n_sh + 1)])
    tasks = [[i, text(3), v["cat"][i % len(v["cat"])], v["tphase"][i % 2]] for i in range(1, n_t + 1)]
    write("tasks", v["h"]["tasks"], tasks)
    header = [v["h"]["raci"]] + [str(s) for s in range(1, n_sh + 1)]
    rows = []
    for t in range(1, n_t + 1):
        row = [t]
        a_col = rnd.randint(1, n_sh)
        for s in range(1, n_sh + 1):
            if s == a_col:
                row.append("A")
            elif rnd.random() < 0.6:
                row.append(rnd.choice("RCI"))
            else:
                row.append("")
        rows.append(row)
    write("raci", header, rows)
    write("costs", v["h"]["costs"],
          [[i, text(2), v["kind"][i % 2], num(rnd.uniform(1000, 200000)), 2025, "" if i % 3 else 2030]
           for i in range(1, n_c + 1)])
    rows = []
    for c in range(1, n_c + 1):
        partners = rnd.sample(range(1, n_sh + 1), 3)
        for p, pct in zip(partners, (50, 30, 20 if c % 4 else 10)):
            rows.append([c, p, pct])
    write("cost_shares", v["h"]["cost_shares"], rows)
    write("notes", v["h"]["notes"],
          [[v["note"][i % 3], text(10), rnd.randint(1, n_sh) if i % 3 == 1 else "",
            "2027-01-15" if i % 3 == 1 else ""] for i in range(int(30 * a.factor) // a.scale + 1)])

if __name__ == "__main__":
    main()
