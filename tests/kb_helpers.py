"""Helpers for the knowledge-base tests: analyse a text with only the entity and place
extractors (so these tests do not depend on the other extractors)."""

from __future__ import annotations

import functools

from vigie.analysis import Analysis
from vigie.article import Article
from vigie.pipeline import Pipeline


@functools.cache
def _pipeline() -> Pipeline:
    return Pipeline(extractors=["entities", "places"])


def analyse(text: str, published: str = "2022-09-22", title: str | None = None) -> Analysis:
    """The :class:`Analysis` of ``text`` after the entities and places extractors."""
    analysis = _pipeline().analysis_of(Article(name="t", text=text, title=title, published=published,
                                               language="fr"))
    analysis.document(0.0, "test")  # assigns entity ids and runs the finalise hooks
    return analysis


def entity_of(analysis: Analysis, text: str, nth: int = 0):
    """The entity of the ``nth`` occurrence of ``text`` (resolved like a speaker phrase)."""
    start = -1
    for _ in range(nth + 1):
        start = analysis.text.index(text, start + 1)
    span = analysis.doc.char_span(start, start + len(text), alignment_mode="expand")
    return analysis.entities.resolve(span)
