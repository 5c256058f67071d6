"""Helpers for the event tests: parse a sentence once and give it hand-made entities."""

from __future__ import annotations

import functools
import re

from vigie.analysis import Analysis
from vigie.nlp import load_model
from vigie.resources import Resources
from vigie.schema import Geo, Meta, Paragraph


@functools.cache
def parsed(text: str):
    return load_model("fr")(text)


def make_analysis(text: str, entities: dict[str, str | tuple[str, str]] | None = None,
                  places: dict[str, str] | None = None, published: str = "2022-09-22") -> Analysis:
    """An analysis of ``text`` whose entities are the given names -> country codes (a tuple
    gives (code, type)); ``places`` are names -> country codes of cities with coordinates."""
    doc = parsed(text)
    analysis = Analysis(text, Meta(language="fr", published=published),
                        [Paragraph(0, len(text), "body")], doc, Resources.for_language("fr"))
    for name, spec in (entities or {}).items():
        code, type_ = spec if isinstance(spec, tuple) else (spec, "COUNTRY")
        for m in re.finditer(re.escape(name), text):
            analysis.entities.add(name, m.start(), m.end(), type_, country=code)
    for name, code in (places or {}).items():
        start = text.index(name)
        analysis.entities.add(name, start, start + len(name), "LOCATION", country=code,
                              geo=Geo(lat=1.0, lon=2.0, country=code, feature="city"))
    return analysis


def token(analysis: Analysis, word: str):
    """The first token of the analysis whose text is ``word``."""
    return next(t for t in analysis.doc if t.text == word)
