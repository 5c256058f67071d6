"""Places: geocode the toponyms the ``entities`` extractor found, offline.

Candidates come from the knowledge base (GeoNames cities, countries, continents, curated
regions; best first by kind and population). A city is moved to a less populous namesake
only when the namesake lies in a country the article is about, the first candidate does
not, and the first candidate is not a major city ("Saint-Denis" in an article about La
Réunion; but "Vienne" stays Vienna). Also: street and site names ("rue Broca",
"mosquée Sidi Yahia") and unknown toponyms after a locative word ("à Vyšehrad"), located at
the city named in the same sentence (else the article's main city or country), and the
dateline place.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span

from vigie.kb.lexicon import lexicon
from vigie.kb.linking import Linker
from vigie.kb.matchers import place_matches
from vigie.kb.normalise import make_key
from vigie.kb.store import Place
from vigie.registry import extractor
from vigie.schema import Entity, Geo

if TYPE_CHECKING:
    from vigie.analysis import Analysis
    from vigie.extract.entities import EntityIndex


# A city this large keeps its name whatever the article is about ("Vienne" is Vienna,
# "London" is London even in an article about the United States).
MAJOR_CITY = 500_000


def choose(candidates: list[Place], focus: set[str]) -> Place:
    """The candidate to keep, given the countries the article is about."""
    top = candidates[0]
    if top.feature != "city" or top.country in focus or top.population >= MAJOR_CITY:
        return top
    for other in candidates[1:]:
        if other.feature == "city" and other.country in focus:
            return other
    return top


def geo_of(place: Place) -> Geo:
    return Geo(lat=place.lat, lon=place.lon, country=place.country, geonames=place.geonames,
               feature=place.feature)  # type: ignore[arg-type]


def focus_countries(index: EntityIndex) -> set[str]:
    """Countries the article is about: named countries and unambiguous places."""
    focus = set()
    for e in index.entities:
        info = index.info(e)
        if e.type == "COUNTRY" and e.country:
            focus.add(e.country)
        elif len(info.places) == 1 and info.places[0].country:
            focus.add(info.places[0].country)
    return focus


def geocode(index: EntityIndex) -> None:
    """Give every entity with place candidates its ``geo`` (and its country if missing)."""
    focus = focus_countries(index)
    for e in index.entities:
        candidates = index.info(e).places
        if candidates and e.geo is None:
            best = choose(candidates, focus)
            e.geo = geo_of(best)
            if e.type == "LOCATION":
                e.country = best.country


def link_dateline(analysis: Analysis, linker: Linker) -> None:
    """Find or create the entity of the dateline place and remember it for ``finalised``."""
    dl = analysis.meta.dateline
    if dl is None or dl.start is None or dl.end is None:
        return
    index = analysis.entities
    entity = index.covering(dl.start, dl.end)
    if entity is None or entity.type not in ("LOCATION", "COUNTRY"):
        span = analysis.doc.char_span(dl.start, dl.end, alignment_mode="expand")
        entity = linker._place(span) if span is not None else None
    if entity is not None and entity.type in ("LOCATION", "COUNTRY"):
        index.dateline = entity


def locate_sites(analysis: Analysis) -> None:
    """Toponyms not in the knowledge base, when the text shows them as places (a site noun
    in their name, "mosquée Sidi Yahia", or a locative word before them, "à Vyšehrad"):
    located at the city of their sentence, else the article's main place (approximate
    coordinates, no GeoNames id, no feature)."""
    index, lex = analysis.entities, lexicon(analysis.language)
    for e in list(index.entities):
        if e.type != "LOCATION" or e.geo is not None or index.info(e).places:
            continue
        first = e.mentions[0]
        words = first.text.split()
        if not words or (make_key(words[0]) not in lex.street_nouns and not _after_locative(analysis, first.start)):
            continue
        span = analysis.doc.char_span(first.start, first.end, alignment_mode="expand")
        where = (_city_near(index, span) if span is not None else None) or _main_place(index)
        if where is not None and where.geo is not None:
            e.geo = Geo(lat=where.geo.lat, lon=where.geo.lon, country=where.geo.country)
            e.country = e.country or where.geo.country


def _after_locative(analysis: Analysis, start: int) -> bool:
    lex = lexicon(analysis.language)
    before = analysis.text[max(0, start - 12):start].split()
    return bool(before) and make_key(before[-1]) in lex.locative


def link_streets(analysis: Analysis, linker: Linker) -> None:
    """Street and site names, located at the city of their sentence."""
    doc, index = analysis.doc, analysis.entities
    matches = [Span(doc, s, e) for label, s, e in place_matches(doc, analysis.language) if label == "STREET"]
    for span in _longest(matches):
        name = span[-1]
        named = index.covering(name.idx, name.idx + len(name.text))
        if named is not None and named.type != "LOCATION":
            continue  # "la place de Macron": a person, not a square
        where = _city_near(index, span) or _main_place(index)
        geo = None
        if where is not None and where.geo is not None:
            geo = Geo(lat=where.geo.lat, lon=where.geo.lon, country=where.geo.country)
        entity = index.add(span.text, span.start_char, span.end_char, "LOCATION",
                           key=f"street:{make_key(span.text)}",
                           country=geo.country if geo else None)
        if entity.geo is None:
            entity.geo = geo


def _longest(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not out or span.start >= out[-1].end:
            out.append(span)
    return out


def _city_near(index: EntityIndex, span: Span) -> Entity | None:
    sent = span.sent
    for _, _, e in index.mentions_in(sent.start_char, sent.end_char):
        if e.geo is not None and e.geo.feature == "city":
            return e
    return None


def _main_place(index: EntityIndex) -> Entity | None:
    """The most mentioned city of the article, else its most mentioned country."""
    for feature in ("city", "country"):
        counts = Counter({id(e): len(e.mentions) for e in index.entities
                          if e.geo is not None and e.geo.feature == feature})
        if counts:
            best = counts.most_common(1)[0][0]
            return next(e for e in index.entities if id(e) == best)
    return None


@extractor("places", after=("entities",))
def extract_places(analysis: Analysis) -> None:
    """Geocode toponyms, locate street names, link the dateline."""
    linker = Linker.for_analysis(analysis)
    link_dateline(analysis, linker)
    geocode(analysis.entities)
    link_streets(analysis, linker)
    locate_sites(analysis)
