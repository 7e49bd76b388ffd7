"""peer_common.py — what the two peer scripts share: which files of a CSV
bundle they read, in which order, and which cells count as numbers. The
floor (bench/floor.c) applies the same rules, so all three write the same
cells."""
import csv, os, re

FILES = ["workshop", "strategy_goals", "goals", "indicators", "stakeholders", "tasks",
         "raci", "costs", "cost_shares", "check", "notes", "findings"]
NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def tables(bundle, delimiter=","):
    """Yields (sheet name, rows) for every file of the bundle that exists."""
    for name in FILES:
        path = os.path.join(bundle, name + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8-sig", newline="") as f:
            yield name, list(csv.reader(f, delimiter=delimiter))
