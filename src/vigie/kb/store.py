"""The knowledge base loaded from ``kb/data``: actors (countries, organisations, leaders,
capitals) and places (GeoNames cities, countries, continents, curated regions).

Everything is loaded once per process (:func:`load_kb`); every lookup is a dict access on a
normalised key (:func:`vigie.kb.normalise.make_key`), never a scan.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any

import orjson

from vigie.kb.normalise import make_key


@dataclass(frozen=True, slots=True)
class Place:
    """A GeoNames (or curated) place."""

    geonames: int | None
    name: str
    country: str | None
    lat: float
    lon: float
    population: int
    feature: str  # "city" | "region" | "country"


@dataclass(frozen=True, slots=True)
class Actor:
    """A knowledge-base actor: country, organisation, leader or capital used as a metonym."""

    index: int
    type: str  # COUNTRY | ORGANIZATION | PERSON | CAPITAL
    country: str | None
    sector: str | None
    names: dict[str, str]
    wikidata: str | None = None
    continent: str | None = None
    terms: tuple[tuple[str | None, ...], ...] = ()  # (from, to, sector, country or None)
    geo: int | None = None  # row of the place table, for countries
    generic: bool = False   # a name other countries use too ("Parti socialiste")

    def name(self, language: str) -> str:
        return self.names.get(language) or next(iter(self.names.values()), "")

    def term_on(self, day: dt.date | None) -> tuple[str | None, ...] | None:
        """A leader's term covering ``day`` (the last term when the day is unknown)."""
        if not self.terms:
            return None
        if day is None:
            return self.terms[-1]
        iso = day.isoformat()
        for term in self.terms:
            start, end = term[0], term[1]
            if (start is None or start <= iso) and (end is None or iso < end):
                return term
        return None

    def sector_on(self, day: dt.date | None) -> str | None:
        """The PLOVER sector on ``day``: a leader's sector in the term covering it."""
        if not self.terms:
            return self.sector
        term = self.term_on(day)
        return term[2] if term else None

    def country_on(self, day: dt.date | None) -> str | None:
        """The actor code on ``day``: a leader's office may be in another country or body."""
        term = self.term_on(day)
        return (term[3] if term and len(term) > 3 and term[3] else None) or self.country

    def active_on(self, day: dt.date | None) -> bool:
        """True when a leader holds an office on ``day`` (always True for other actors)."""
        return not self.terms or day is None or self.sector_on(day) is not None


def _read(name: str) -> dict[str, Any]:
    path = importlib_resources.files("vigie.kb").joinpath("data", name)
    return orjson.loads(gzip.decompress(path.read_bytes()))


class KnowledgeBase:
    """Lookups over the shipped knowledge base."""

    def __init__(self, actors: dict[str, Any], places: dict[str, Any]) -> None:
        self._entries = actors["entries"]
        self._names: dict[str, dict[str, list[int]]] = actors["names"]
        self._surfaces: dict[str, dict[str, int]] = actors["surfaces"]
        self._surnames: dict[str, list[int]] = actors["surnames"]
        self._demonyms: dict[str, dict[str, str]] = actors["demonyms"]
        self._columns: list[list[Any]] = places["columns"]
        self._index: dict[str, int | list[int]] = places["index"]
        self._actors: dict[int, Actor] = {}
        self._countries = {e["country"]: i for i, e in enumerate(self._entries) if e["type"] == "COUNTRY"}

    # --- actors -------------------------------------------------------------------------
    def actor(self, index: int) -> Actor:
        """The actor entry number ``index`` (built on first use, then cached)."""
        found = self._actors.get(index)
        if found is None:
            e = self._entries[index]
            found = Actor(index, e["type"], e.get("country"), e.get("sector"), e.get("name", {}),
                          e.get("wikidata"), e.get("continent"),
                          tuple(tuple(t) for t in e.get("terms", ())), e.get("geo"),
                          bool(e.get("generic")))
            self._actors[index] = found
        return found

    def actors(self, key: str, language: str) -> list[Actor]:
        """Actors named ``key`` (a normalised key) in ``language``."""
        return [self.actor(i) for i in self._names.get(language, {}).get(key, ())]

    def by_surname(self, key: str) -> list[Actor]:
        """Leaders known by the surname ``key`` alone ("poutine", "kim")."""
        return [self.actor(i) for i in self._surnames.get(key, ())]

    def country(self, code: str | None) -> Actor | None:
        """The country entry of an ISO alpha-3 code."""
        index = self._countries.get(code or "")
        return None if index is None else self.actor(index)

    def surfaces(self, language: str) -> dict[str, int]:
        """Names as written (and accent-less) -> entry index, for a phrase matcher."""
        return self._surfaces.get(language, {})

    def demonym(self, word: str, language: str) -> str | None:
        """The actor code of a demonym in any form ("nord-coréennes" -> "PRK")."""
        return self._demonyms.get(language, {}).get(make_key(word))

    # --- places -------------------------------------------------------------------------
    def place(self, row: int) -> Place:
        """The place in row ``row`` of the place table."""
        return Place(*(col[row] for col in self._columns))

    def places(self, key: str) -> list[Place]:
        """Places named ``key`` (normalised), best candidates first."""
        found = self._index.get(key)
        if found is None:
            return []
        return [self.place(found)] if isinstance(found, int) else [self.place(i) for i in found]


@functools.cache
def load_kb() -> KnowledgeBase:
    """The knowledge base, loaded once per process."""
    return KnowledgeBase(_read("actors.json.gz"), _read("places.json.gz"))
