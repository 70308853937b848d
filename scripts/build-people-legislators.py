#!/usr/bin/env python3
"""Builds the bulk legislator people files of dyad's actor lexicon from public, CC0 datasets.

    python3 scripts/build-people-legislators.py --everypolitician SRC_EP --congress SRC_US [--out DIR]

SRC_EP: a checkout (work tree, or a bare git directory: files are read with `git show HEAD:path`) of
        everypolitician/everypolitician-data (CC0 1.0): `countries.json` + the per-term CSVs.
SRC_US: a checkout (work tree or bare git directory) of unitedstates/congress-legislators (CC0 1.0):
        `legislators-current.yaml`, `executive.yaml`.

Writes `data/lexicon/people/500-everypolitician.tsv` and `510-us-congress.tsv` (people schema plus the
`surname` column: "no" = matched by full name only; see docs/lexicon.md). Only facts are carried over
(names, country, chamber, party, dates). Nothing is downloaded: the sources are given as paths.

Rules (why):
* a person needs a name of at least two words, without digits, commas or brackets: one-word names and
  garbled rows would match ordinary words;
* a name found in more than one country is dropped (it cannot be resolved without context);
* a name already in the hand-curated people files (another id) is attached to that id when the country
  matches (adds a dated LEG role), and dropped otherwise;
* legislators are matched by full name only (`surname` = no): a bare surname of one of 50,000 legislators
  would turn every "Smith" or "Khan" into a member of some parliament;
* a membership with no end date in the snapshot ends at the snapshot date, written with a "+"
  ("2015-11-30+": still held then, nothing known later): the lexicon presumes such a role held for four
  years more (OPEN_END_YEARS in dyad-lexicon's model.rs), then ended; an open end would make a 2015
  member a member forever, a plain end a former member the day after the snapshot.
"""

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")
HEADER = "id\tname\taliases\tcountry\tsectors\trole\tstart\tend\tsurname"


class Repo:
    """Reads files of a work tree or of a bare git directory (HEAD)."""

    def __init__(self, path):
        self.path = path
        self.bare = not os.path.exists(os.path.join(path, "README.md")) and (
            os.path.exists(os.path.join(path, "HEAD"))
        )

    def read(self, rel):
        if not self.bare:
            p = os.path.join(self.path, rel)
            if not os.path.exists(p):
                return None
            with open(p, encoding="utf-8") as f:
                return f.read()
        r = subprocess.run(
            ["git", "--git-dir", self.path, "show", "HEAD:" + rel],
            capture_output=True,
        )
        if r.returncode != 0:
            return None
        return r.stdout.decode("utf-8", "replace")

    def commit(self):
        gd = self.path if self.bare else os.path.join(self.path, ".git")
        r = subprocess.run(
            ["git", "--git-dir", gd, "log", "-1", "--format=%H %cs"], capture_output=True
        )
        return r.stdout.decode().strip() or "unknown"


def iso_tables():
    a2 = {}
    with open(os.path.join(LEX, "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1:
                a2[cols[1]] = cols[0]
    a2["XK"] = "XKX"
    return a2


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def curated_people():
    """Names and aliases of the hand-curated people files: folded name -> (id, name, countries)."""
    out = {}
    d = os.path.join(LEX, "people")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".tsv") or fn.startswith("5"):
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            header = None
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                pid, name, aliases, country = cols[0], cols[1], cols[2], cols[3]
                for n in [name] + [a for a in aliases.split(";") if a.strip()]:
                    e = out.setdefault(fold(n.strip()), (pid, name, set()))
                    if e[0] == pid:
                        e[2].add(country)
    return out


WORD_OK = re.compile(r"^[^\W\d_][\w'’.\-]*$", re.UNICODE)


HONORIFICS = {"dr", "dr.", "hon", "hon.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir", "dame",
              "rev", "rev.", "eng.", "ing.", "lic.", "dra.", "sen.", "rep."}


def clean_name(raw):
    words = raw.replace("\u00a0", " ").split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    name = " ".join(words)
    if not name or any(ch in name for ch in ",()[]/0123456789\"") or "@" in name:
        return None
    words = name.split(" ")
    if len(words) < 2:
        return None
    fixed = []
    for w in words:
        if not WORD_OK.match(w):
            return None
        # Some parliaments list surnames in capitals ("MUST Aadu"): title-case them.
        if len(w) > 2 and w.upper() == w and any(c.isalpha() for c in w):
            w = "-".join(p[:1] + p[1:].lower() for p in w.split("-"))
        fixed.append(w)
    # A name needs a capitalised first and last word ("de", "bin" may sit inside).
    if not fixed[0][:1].isupper() or not fixed[-1][:1].isupper():
        return None
    return " ".join(fixed)


def everypolitician(repo, a2, snapshot_day):
    countries = json.loads(repo.read("countries.json"))
    rows = []  # (name, iso3, role, start, end)
    skipped_codes = set()
    for c in countries:
        code = c.get("code", "")
        iso3 = a2.get(code)
        if iso3 is None and code.startswith("GB-"):
            iso3 = "GBR"  # devolved UK legislatures
        if iso3 is None:
            skipped_codes.add(code)
            continue
        for leg in c.get("legislatures", []):
            lname = leg.get("name", "").strip()
            for period in leg.get("legislative_periods", []):
                text = repo.read(period.get("csv", ""))
                if not text:
                    continue
                p_start = period.get("start_date", "") or ""
                p_end = period.get("end_date", "") or ""
                for r in csv.DictReader(io.StringIO(text)):
                    name = clean_name(r.get("name", ""))
                    if not name:
                        continue
                    start = (r.get("start_date") or p_start or "").strip()
                    end = (r.get("end_date") or p_end or "").strip() or (
                        snapshot_day + "+" if snapshot_day else ""
                    )
                    if start and end and end < start:
                        continue
                    party = (r.get("group") or "").strip()
                    role = f"Member of the {lname}"
                    if party and party.lower() not in ("unknown", "independent", "ind"):
                        role += f" ({party})"
                    rows.append((name, iso3, role, start, end))
    return rows, skipped_codes


def congress(repo):
    import yaml  # PyYAML: only this source needs it

    rows = []
    cur = yaml.safe_load(repo.read("legislators-current.yaml") or "[]")
    for p in cur:
        n = p.get("name", {})
        full = n.get("official_full") or " ".join(x for x in [n.get("first"), n.get("last")] if x)
        name = clean_name(full)
        if not name:
            continue
        aliases = []
        nick = n.get("nickname")
        if nick and n.get("last"):
            a = clean_name(f"{nick} {n['last']}")
            if a and a != name:
                aliases.append(a)
        short = clean_name(" ".join(x for x in [n.get("first"), n.get("last")] if x))
        if short and short != name and short not in aliases:
            aliases.append(short)
        for t in p.get("terms", []):
            chamber = "Senate" if t.get("type") == "sen" else "House of Representatives"
            role = f"Member of the US {chamber} ({t.get('party', '')}, {t.get('state', '')})"
            rows.append((name, "USA", role, t.get("start", ""), t.get("end", ""), aliases))
    return rows


def write(path, source_lines, people, curated, stats):
    """people: folded name -> dict(name, country, roles[list], aliases)."""
    lines = []
    used_ids = set()
    for key in sorted(people):
        p = people[key]
        hit = curated.get(key)
        if hit:
            pid, cname, ccountries = hit
            if p["country"] not in ccountries:
                stats["dropped_curated_other_country"] += 1
                continue
            pid, name, aliases, short = pid, cname, "", ""
            stats["attached_to_curated"] += 1
        else:
            pid = slug(p["name"]) + "-" + p["country"].lower()
            name, aliases, short = p["name"], ";".join(p["aliases"]), "no"
            if any(fold(a) in curated for a in p["aliases"]):
                stats["dropped_alias_clash"] += 1
                continue
        if pid in used_ids and not hit:
            continue
        used_ids.add(pid)
        for role, start, end in spans(p["roles"]):
            lines.append("\t".join([pid, name, aliases, p["country"], "LEG", role, start, end, short]))
            stats["rows"] += 1
        stats["people"] += 1
    with open(path, "w", encoding="utf-8") as f:
        for s in source_lines:
            f.write("# " + s + "\n")
        f.write(HEADER + "\n")
        for l in lines:
            f.write(l + "\n")


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?\+?$")


def good_date(d):
    """A date the lexicon accepts (YYYY, YYYY-MM, YYYY-MM-DD), else empty: the source has a few typos."""
    d = (d or "").strip()
    return d if DATE.match(d) else ""


def spans(roles):
    """Joins consecutive terms of the same role (re-elections) into one dated span: smaller files, same facts."""
    out = []
    for role, start, end in sorted(set(roles), key=lambda r: (r[0], r[1], r[2])):
        if out and out[-1][0] == role:
            prev_end = out[-1][2]
            if prev_end == "" or (start and int(start[:4]) - int(prev_end[:4]) <= 1):
                if prev_end != "" and (end == "" or end > prev_end):
                    out[-1] = (role, out[-1][1], end)
                continue
        out.append((role, start, end))
    out.sort(key=lambda r: (r[1], r[0]))
    return out


def merge(rows, with_aliases=False):
    people = {}
    countries = defaultdict(set)
    for r in rows:
        name, iso3, role, start, end = r[:5]
        start, end = good_date(str(start)), good_date(str(end))
        if start and end and end < start:
            continue
        key = fold(name)
        countries[key].add(iso3)
        p = people.setdefault(key, {"name": name, "country": iso3, "roles": [], "aliases": []})
        p["roles"].append((role, start, end))
        if with_aliases:
            for a in r[5]:
                if a not in p["aliases"]:
                    p["aliases"].append(a)
    ambiguous = {k for k, v in countries.items() if len(v) > 1}
    for k in ambiguous:
        people.pop(k, None)
    return people, len(ambiguous)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--everypolitician", required=True)
    ap.add_argument("--congress", required=True)
    ap.add_argument("--out", default=os.path.join(LEX, "people"))
    args = ap.parse_args()
    a2 = iso_tables()
    curated = curated_people()

    ep = Repo(args.everypolitician)
    snapshot_day = ep.commit().split(" ")[-1]
    rows, skipped = everypolitician(ep, a2, snapshot_day if DATE.match(snapshot_day) else "")
    people, amb = merge(rows)
    stats = defaultdict(int)
    write(
        os.path.join(args.out, "500-everypolitician.tsv"),
        [
            "People batch 500: national (and UK devolved) legislators, with chamber, party group and term dates.",
            "GENERATED by scripts/build-people-legislators.py; do not edit by hand (corrections: people/900-manual.tsv).",
            f"SOURCE: EveryPolitician data (everypolitician/everypolitician-data, snapshot {ep.commit()}),",
            "  licence CC0 1.0 (public domain dedication). Facts only: names, country, chamber, party group, dates.",
            "  A membership still open when the snapshot was taken ends at the snapshot date with a '+' (still held then;",
            "  nothing known later: the lexicon presumes it held for four years more).",
            f"  {amb} names found in more than one country were dropped; legislatures without an ISO country: {', '.join(sorted(skipped))}.",
            "surname = no: matched by full name (and aliases) only, never by a bare surname.",
        ],
        people,
        curated,
        stats,
    )
    print("everypolitician:", dict(stats), "ambiguous names dropped:", amb, file=sys.stderr)

    us = Repo(args.congress)
    people, amb = merge(congress(us), with_aliases=True)
    stats = defaultdict(int)
    write(
        os.path.join(args.out, "510-us-congress.tsv"),
        [
            "People batch 510: members of the current US Congress with all their terms.",
            "GENERATED by scripts/build-people-legislators.py; do not edit by hand (corrections: people/900-manual.tsv).",
            f"SOURCE: unitedstates/congress-legislators (legislators-current.yaml, snapshot {us.commit()}),",
            "  licence CC0 1.0 (public domain dedication). Facts only: names, chamber, party, state, dates.",
            "surname = no: matched by full name (and aliases) only, never by a bare surname.",
        ],
        people,
        curated,
        stats,
    )
    print("congress:", dict(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
