"""Datelines: the place at the head of the first body paragraph of a wire story.

Shapes recognised (the place is what is kept; ``place`` is filled later by the places
extractor with an entity id):

- an upper-case place, optionally followed by an agency in parentheses and/or a date, then
  a dash: "SEOUL –", "PARIS (AFP) -", "BEYROUTH, 3 juillet (Reuters) —";
- a place in ordinary case only when a known agency follows it: "Washington, 12 mai
  (Reuters) -", "Hong Kong (AFP) –".

Upper-case rubric kickers ("EXCLUSIF -", "VIDÉO -") and unknown agencies are refused; the
word lists come from ``resources/<lang>/dateline.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vigie.resources import Resources
from vigie.schema import Dateline, Paragraph

_UP = "A-ZÀ-ÖØ-Þ"
_DASH = r"\s*[–—-]{1,2}\s+"
_DATE = r"(?:\s*,\s*(?P<date>[^–—()\n,]{1,30}?))?"
_AGENCY = r"(?:\s*\((?P<{}>[^()\n]{{1,40}})\))?"
# "SEOUL", "NEW YORK", "SAINT-DENIS", "N'DJAMENA": at least two upper-case letters
_UPPER_PLACE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'’.\-]*(?: [{_UP}][{_UP}'’.\-]*){{0,3}})\.?"
    + _AGENCY.format("agency") + _DATE + _AGENCY.format("agency2") + _DASH)
# "Washington", "Hong Kong", "Le Caire": capitalised words, then an agency is required
_CASED_PLACE = re.compile(
    rf"(?P<place>[{_UP}][\w'’.\-]+(?: (?:[{_UP}][\w'’.\-]+|de|du|des|la|le|les|el|al)){{0,3}})"
    + _DATE + r"\s*\((?P<agency>[^()\n]{1,40})\)" + _DASH)


@dataclass(frozen=True, slots=True)
class DatelineWords:
    agencies: frozenset[str]
    not_places: frozenset[str]


@functools.cache
def _words(language: str) -> DatelineWords:
    data = Resources.for_language(language).get("dateline").get("dateline", {})
    return DatelineWords(frozenset(a.casefold() for a in data.get("agencies", [])),
                         frozenset(w.casefold() for w in data.get("not_places", [])))


def find_dateline(text: str, paragraphs: list[Paragraph], language: str) -> Dateline | None:
    """The dateline at the head of the first body paragraph, or None."""
    first = next((p for p in paragraphs if p.role == "body"), None)
    if first is None:
        return None
    words = _words(language)
    m = _UPPER_PLACE.match(text, first.start, first.end)
    if m and _upper_ok(m, words):
        return _dateline(m)
    m = _CASED_PLACE.match(text, first.start, first.end)
    if m and m.group("agency").strip().casefold() in words.agencies:
        return _dateline(m)
    return None


def _upper_ok(m: re.Match[str], words: DatelineWords) -> bool:
    place = m.group("place")
    if sum(c.isalpha() for c in place) < 2 or place.casefold() in words.not_places:
        return False
    agencies = [a for a in (m.group("agency"), m.group("agency2")) if a]
    return all(a.strip().casefold() in words.agencies for a in agencies)


def _dateline(m: re.Match[str]) -> Dateline:
    place = m.group("place").rstrip(".-")  # "PONT-A-MOUSSON.-": the period is not the place's
    return Dateline(text=place, start=m.start("place"), end=m.start("place") + len(place))
