"""The per-language words the linker needs, read once from ``resources/<lang>/actors.toml``
and ``places.toml``: titles and institution nouns with their PLOVER sectors, domain words,
determiners, country anaphors, continent adjectives and the words around place names."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from vigie.kb.normalise import make_key
from vigie.resources import Resources


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables keyed by normalised keys (see :func:`vigie.kb.normalise.make_key`)."""

    articles: tuple[str, ...] = ()
    titles: dict[str, str] = field(default_factory=dict)        # person nouns -> sector
    institutions: dict[str, str] = field(default_factory=dict)  # institution nouns -> sector
    domains: dict[str, str] = field(default_factory=dict)       # domain words -> sector
    indefinite: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    contracted_definite: frozenset[str] = frozenset()  # "du président": de + le
    country_anaphors: frozenset[str] = frozenset()
    new_referent: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    possessive: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    distinct_heads: frozenset[str] = frozenset()
    institution_codes: dict[str, str] = field(default_factory=dict)
    bridging_heads: frozenset[str] = frozenset()
    partitive: frozenset[str] = frozenset()
    phrase_preps: frozenset[str] = frozenset()
    continents: dict[str, str] = field(default_factory=dict)
    continental_codes: frozenset[str] = frozenset()  # demonym codes of a continent ("européen")
    body_codes: frozenset[str] = frozenset()  # codes of bodies that are no state (NGO, UNO, ...)
    state_sectors: frozenset[str] = frozenset()  # sectors of the organs of a state (GOV, MIL, ...)
    topic_heads: frozenset[str] = frozenset()  # "spécialiste de X": X is a topic
    generic_titles: frozenset[str] = frozenset()  # titles any office holder may be called
    leader_titles: frozenset[str] = frozenset()  # titles of heads of state and government
    relation_nouns: frozenset[str] = frozenset()  # "négociations entre X et Y": X, Y are actors
    affiliation_links: frozenset[str] = frozenset()  # "X de <organisation>"
    complement_links: frozenset[str] = frozenset()  # "<body> de <country>"
    between: frozenset[str] = frozenset()  # "entre X et Y"
    route_from: frozenset[str] = frozenset()  # "de X à Y": the word before X
    route_to: frozenset[str] = frozenset()  # ... and the word before Y
    unit_nouns: frozenset[str] = frozenset()  # "brigade … de la Garde": a unit's name
    locative: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    street_nouns: frozenset[str] = frozenset()
    street_links: tuple[str, ...] = ()  # as written: "de", "d’", "d'", ...
    # Title and institution nouns as written (lower case), for word-list lookups.
    head_words: tuple[str, ...] = ()
    street_words: tuple[str, ...] = ()
    locative_words: tuple[str, ...] = ()

    def head_sector(self, key: str) -> tuple[str | None, str | None]:
        """``(kind, sector)`` of a head noun: kind is "title", "institution" or None."""
        if key in self.titles:
            return "title", self.titles[key] or None
        if key in self.institutions:
            return "institution", self.institutions[key] or None
        return None, None

    @functools.cached_property
    def multiword_heads(self) -> dict[str, list[tuple[int, str, str]]]:
        """Multi-word titles and institutions with a sector, by first word: ``(rank, key,
        sector)``, ranked titles first, in table order (the order ties are broken in)."""
        index: dict[str, list[tuple[int, str, str]]] = {}
        keys = [(k, v) for table in (self.titles, self.institutions) for k, v in table.items()]
        for rank, (key, sector) in enumerate(keys):
            if " " in key and sector:
                index.setdefault(key.split(" ", 1)[0], []).append((rank, key, sector))
        return index


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(make_key(w) for w in words)


def _table(words: dict[str, str]) -> dict[str, str]:
    return {make_key(k): v for k, v in words.items()}


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (empty tables when its resource files are missing)."""
    res = Resources.for_language(language)
    actors, places = res.get("actors"), res.get("places")
    return Lexicon(
        articles=tuple(actors.get("articles", ())),
        titles=_table(actors.get("titles", {})),
        institutions=_table(actors.get("institutions", {})),
        domains=_table(actors.get("domains", {})),
        indefinite=_keys(actors.get("indefinite", [])),
        definite=_keys(actors.get("definite", [])),
        contracted_definite=_keys(actors.get("contracted_definite", [])),
        country_anaphors=_keys(actors.get("country_anaphors", [])),
        new_referent=_keys(actors.get("new_referent", [])),
        documents=_keys(actors.get("documents", [])),
        possessive=_keys(actors.get("possessive", [])),
        honorifics=_keys(actors.get("honorifics", [])),
        distinct_heads=_keys(actors.get("distinct_heads", [])),
        institution_codes=_table(actors.get("institution_codes", {})),
        bridging_heads=_keys(actors.get("bridging_heads", [])),
        partitive=_keys(actors.get("partitive", [])),
        phrase_preps=_keys(actors.get("phrase_preps", [])),
        continents=_table(actors.get("continents", {})),
        continental_codes=frozenset(actors.get("continental_codes", ())),
        body_codes=frozenset(actors.get("body_codes", ())),
        state_sectors=frozenset(actors.get("state_sectors", ())),
        topic_heads=_keys(actors.get("topic_heads", [])),
        generic_titles=_keys(actors.get("generic_titles", [])),
        leader_titles=_keys(actors.get("leader_titles", [])),
        relation_nouns=_keys(places.get("relation_nouns", [])),
        affiliation_links=_keys(actors.get("affiliation_links", [])),
        complement_links=_keys(actors.get("complement_links", [])),
        unit_nouns=_keys(places.get("unit_nouns", [])),
        between=_keys(places.get("between", [])),
        route_from=_keys(places.get("route_from", [])),
        route_to=_keys(places.get("route_to", [])),
        locative=_keys(places.get("locative", [])),
        place_nouns=_keys(places.get("place_nouns", [])),
        street_nouns=_keys(places.get("street_nouns", [])),
        street_links=tuple(places.get("street_links", ())),
        head_words=tuple(w for w in (*actors.get("titles", {}), *actors.get("institutions", {}),
                                     *actors.get("country_anaphors", ()), *actors.get("documents", ()))
                         if " " not in w),
        street_words=tuple(places.get("street_nouns", ())),
        locative_words=tuple(places.get("locative", ())),
    )
