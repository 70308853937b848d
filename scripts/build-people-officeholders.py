#!/usr/bin/env python3
"""Builds the bulk office-holder people file of dyad's actor lexicon from Wikidata-derived lists.

    python3 scripts/build-people-officeholders.py SRC [SRC ...] [--out FILE]

SRC: a checkout (work tree, or a bare git directory: files are read with `git show HEAD:path`) of one
     of the per-country repositories of the `every-politician-scrapers` GitHub organisation (for example
     `every-politician-scrapers/chile-ministers`). Each holds `meta.json` (the jurisdiction's name) and
     `html/holders21.csv`: the holders of the country's executive positions (head of state and of
     government, ministers, deputy ministers, ...) with their terms, as recorded in Wikidata (CC0 1.0).
     A directory whose `meta.json` names no country dyad knows, or that has no holders file, is skipped
     and reported.

Writes `data/lexicon/people/520-officeholders.tsv` (people schema plus the `surname` column; see
docs/lexicon.md). Only facts are carried over: the person's name, the position's name, the country,
the term dates. Nothing is downloaded: the sources are given as paths.

Rules (why):
* names follow the legislator script's rules (two words or more, no digits, commas or brackets) and
  are written in Latin script (a Wikidata label left in Cyrillic or Greek is not how English news
  writes the name);
* a name found in more than one country (here or in the legislator files) is dropped: it cannot be
  resolved without context;
* a name of a hand-curated person is attached to that id when the country matches (adds the dated
  office), and dropped otherwise; a term that overlaps one of the curated person's dated roles is
  left out (the curated dates were checked by hand; Wikidata often leaves a finished term open); a name of a bulk legislator of the same country gets the same id
  (the files merge: a former member of parliament who became a minister has both roles);
* office holders are matched by full name only (`surname` = no), as legislators are; the title of the
  person's English Wikipedia article (without a bracketed qualifier) is an alias when it differs from
  the Wikidata label and is nobody else's name or alias;
* a term still open in the source stays open (`end` empty): the lists are kept up to date by their
  maintainers, and the holder was in office when the snapshot was taken;
* the sectors of a role follow from the position's name (`sectors_of`): defence and military posts
  add MIL, police posts COP, intelligence posts SPY, courts JUD, parliaments' presiding officers LEG;
  everything else in these lists is an executive office (GOV).
"""

import argparse
import csv
import importlib.util
import io
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("legislators", os.path.join(HERE, "build-people-legislators.py"))
leg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(leg)

LEX = leg.LEX
OUT = os.path.join(LEX, "people", "520-officeholders.tsv")

# Jurisdiction names of the sources that differ from dyad's country names and aliases.
JURISDICTION_FIXES = {
    "the federated states of micronesia": "FSM",
    "the marshall islands": "MHL",
    "the bahamas": "BHS",
    "the gambia": "GMB",
    "paraguary": "PRY",
    "cabo verde": "CPV",
    "eswatini": "SWZ",
    "são tomé and príncipe": "STP",
    "timor-leste": "TLS",
    "people's republic of china": "CHN",
    "kingdom of the netherlands": "NLD",
    "kingdom of denmark": "DNK",
}


def country_names():
    """Folded country names and aliases of countries.tsv and country-extras.tsv -> code."""
    names = {}
    with open(os.path.join(LEX, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            for n in cols[3:]:
                if n.strip():
                    names.setdefault(leg.fold(n.strip()), cols[0])
    with open(os.path.join(LEX, "country-extras.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            for n in [cols[1]] + cols[2].split(";"):
                if n.strip():
                    names[leg.fold(n.strip())] = cols[0]
    return names


def country_of(jurisdiction, names):
    j = leg.fold(jurisdiction.strip())
    if j in JURISDICTION_FIXES:
        return JURISDICTION_FIXES[j]
    if j in names:
        return names[j]
    if j.startswith("the ") and j[4:] in names:
        return names[j[4:]]
    return None


def legislatures():
    """Folded single-word names of parliaments in seats.tsv whose sector is LEG ("Riigikogu", "Knesset")."""
    out = set()
    with open(os.path.join(LEX, "seats.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("phrase\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2 and cols[2].split("+")[0] == "LEG" and " " not in cols[0].strip():
                out.add(leg.fold(cols[0].strip()))
    return out


LEGISLATURES = {"parliament", "assembly", "senate", "congress", "chamber", "house"} | legislatures()


def curated_spans():
    """Dated roles of the hand-curated people files: id -> [(start, end)] ("" = open)."""
    out = defaultdict(list)
    d = os.path.join(LEX, "people")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".tsv") or fn.startswith("5"):
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("id\t") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 8:
                    out[cols[0]].append((cols[6].strip(), cols[7].strip()))
    return out


def overlaps(a, b):
    """Whether two (start, end) spans overlap; "" is open (dates compare as text, widened)."""
    a0, a1 = a[0] or "0000", (a[1] or "9999") + "-99"
    b0, b1 = b[0] or "0000", (b[1] or "9999") + "-99"
    return a0 <= b1 and b0 <= a1


def words(label):
    return set(re.split(r"[^a-z]+", leg.fold(label)))


def sectors_of(position):
    """Sector codes of a position, primary first, from the words of its name."""
    w = words(position)
    if "first" in w and w & {"lady", "gentleman"}:
        return "ELI"  # a head of state's spouse holds no office
    low = " " + " ".join(re.split(r"[^a-z]+", leg.fold(position))) + " "
    if w & {"judge", "justice"} and ("court" in w or " chief justice " in low) or "court" in w and "president" in w:
        return "JUD"
    if (" speaker " in low or "chairman of the" in low or "president of the" in low) and w & LEGISLATURES:
        return "LEG"
    executive = bool(w & {"minister", "secretary", "ministry", "cabinet", "commissioner"})
    extra = []
    if w & {"defence", "defense", "military", "army", "navy", "armed", "war"} or " chief of staff " in low and "general" in w:
        extra.append("MIL")
    if "police" in w:
        extra.append("COP")
    if "intelligence" in w or " security service " in low:
        extra.append("SPY")
    if not executive and extra and extra[0] in ("MIL", "COP", "SPY") and not w & {"president", "prime"}:
        return "+".join(extra)
    return "+".join(["GOV"] + extra)


def holders(repo, iso3):
    text = repo.read("html/holders21.csv")
    if not text:
        return []
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        name = leg.clean_name(r.get("person", "") or "")
        position = " ".join((r.get("position") or "").split())
        if not name or not position or any(ch in position for ch in "\t;"):
            continue
        if any(c.isalpha() and ord(c) >= 0x250 for c in name):
            continue  # a label not in Latin script: English news writes a transliteration
        start, end = leg.good_date(r.get("start")), leg.good_date(r.get("end"))
        if not start and not end:
            continue  # an undated office would hold for ever
        # The English Wikipedia title, without its "(politician)" qualifier, is often the name
        # English news uses ("Rodrigo Cerda" for the label "Rodrigo Cerda Norambuena").
        title = leg.clean_name(re.sub(r"\s*\([^)]*\)\s*$", "", r.get("enwiki") or ""))
        aliases = [title] if title and leg.fold(title) != leg.fold(name) else []
        if any(c.isalpha() and ord(c) >= 0x250 for a in aliases for c in a):
            aliases = []
        rows.append((name, iso3, position, start, end, aliases))
    return rows


def bulk_people():
    """The bulk legislator files: folded name -> (id, name, country), and id -> name."""
    out, ids = {}, {}
    d = os.path.join(LEX, "people")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".tsv") or not fn.startswith("5") or fn == os.path.basename(OUT):
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("id\t") or not line.strip():
                    continue
                cols = line.split("\t")
                out.setdefault(leg.fold(cols[1]), (cols[0], cols[1], cols[3]))
                ids.setdefault(cols[0], cols[1])
    return out, ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    names = country_names()
    curated = leg.curated_people()
    spans_of = curated_spans()
    bulk, bulk_ids = bulk_people()
    rows, used, skipped = [], [], []
    for src in sorted(args.sources):
        repo = leg.Repo(src)
        label = os.path.basename(os.path.dirname(src.rstrip("/"))) if src.rstrip("/").endswith("repo") else src
        try:
            meta = json.loads(repo.read("meta.json") or "{}")
        except json.JSONDecodeError:
            meta = {}
        iso3 = country_of(meta.get("jurisdiction", {}).get("name", ""), names)
        got = holders(repo, iso3) if iso3 else []
        if not got:
            skipped.append(label.replace("every-politician-scrapers+", ""))
            continue
        rows.extend(got)
        used.append((label.replace("every-politician-scrapers+", ""), iso3, repo.commit()))
    people, ambiguous = leg.merge(rows, with_aliases=True)
    # An alias that is another person's name or alias (here, curated or bulk) would be ambiguous.
    owners = defaultdict(set)
    for key, p in people.items():
        owners[key].add(key)
        for a in p["aliases"]:
            owners[leg.fold(a)].add(key)
    for key, p in people.items():
        p["aliases"] = [
            a for a in p["aliases"]
            if len(owners[leg.fold(a)]) == 1 and leg.fold(a) not in curated and leg.fold(a) not in bulk
        ]
    stats = defaultdict(int)
    lines = []
    for key in sorted(people):
        p = people[key]
        hit = curated.get(key)
        other = bulk.get(key)
        if hit:
            pid, name, countries = hit
            if p["country"] not in countries:
                stats["dropped_curated_other_country"] += 1
                continue
            short = ""
            stats["attached_to_curated"] += 1
        elif other:
            if other[2] != p["country"]:
                stats["dropped_legislator_other_country"] += 1
                continue
            pid, name, short = other[0], other[1], "no"
            stats["merged_with_legislator"] += 1
        else:
            pid, name, short = leg.slug(p["name"]) + "-" + p["country"].lower(), p["name"], "no"
        alias_list = list(p["aliases"])
        if pid in bulk_ids and bulk_ids[pid] != name:
            # Same slug, another spelling ("Chung Ui Hwa" / "Chung Ui-hwa"): the legislator file's
            # name stays the name (one name per id), this spelling becomes an alias.
            alias_list.insert(0, name)
            name = bulk_ids[pid]
            stats["spelling_added_to_legislator"] += 1
        alias_list = [a for a in alias_list if leg.fold(a) != leg.fold(name)]
        stats["aliases"] += len(alias_list)
        aliases = ";".join(alias_list)
        for role, start, end in leg.spans(p["roles"]):
            if hit and any(overlaps((start, end), c) for c in spans_of.get(pid, [])):
                stats["overlapping_curated_role_dropped"] += 1
                continue  # the curated file knows this period better (dates checked by hand)
            lines.append("\t".join([pid, name, aliases, p["country"], sectors_of(role), role, start, end, short]))
            stats["rows"] += 1
        stats["people"] += 1
    snapshots = sorted({c.split(" ")[-1] for _, _, c in used})
    header = [
        "People batch 520: executive office holders (heads of state and government, ministers, deputy ministers,",
        "  other national offices) of %d countries and territories, with position and term dates." % len({u[1] for u in used}),
        "GENERATED by scripts/build-people-officeholders.py; do not edit by hand (corrections: people/900-manual.tsv).",
        "SOURCE: Wikidata (licence CC0 1.0) position holders, as listed in html/holders21.csv of the",
        "  every-politician-scrapers/<country> repositories on GitHub (snapshots %s to %s; %d repositories:"
        % (snapshots[0] if snapshots else "?", snapshots[-1] if snapshots else "?", len(used)),
        "  " + ", ".join(u[0] for u in used) + ").",
        "  Facts only: names, position, country, dates. A term open in the source stays open.",
        "  %d names found in more than one country were dropped." % ambiguous,
        "surname = no: matched by full name only, never by a bare surname.",
    ]
    with open(args.out, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        f.write(leg.HEADER + "\n")
        for l in lines:
            f.write(l + "\n")
    print("officeholders:", dict(stats), "ambiguous:", ambiguous, "skipped:", ", ".join(skipped), file=sys.stderr)


if __name__ == "__main__":
    main()
