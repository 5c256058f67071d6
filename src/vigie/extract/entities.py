"""Entities: mentions clustered into referents (first version: spaCy NER only).

:class:`EntityIndex` is the API other extractors use to find or create the entity a piece
of text refers to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.registry import extractor
from vigie.schema import ActorRef, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from vigie.analysis import Analysis

NER_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION",
             "GPE": "LOCATION", "NORP": "GROUP"}


class EntityIndex:
    """The entities of one analysis, with lookups by offset."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}

    def add(self, text: str, start: int, end: int, type_: str, *, key: str | None = None,
            **attrs: object) -> Entity:
        """Add a mention; it joins the entity with the same ``key`` (default: its text)."""
        key = key or text.casefold()
        entity = self._by_key.get(key)
        if entity is None:
            entity = Entity(id="", type=type_, name=text)  # type: ignore[arg-type]
            self.entities.append(entity)
            self._by_key[key] = entity
        for name, value in attrs.items():
            if value is not None and getattr(entity, name, None) in (None, False):
                setattr(entity, name, value)
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(Mention(text, start, end))
        return entity

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention inside ``[start, end)``; the longest such mention wins."""
        best, best_len = None, 0
        for e in self.entities:
            for m in e.mentions:
                if start <= m.start and m.end <= end and m.end - m.start > best_len:
                    best, best_len = e, m.end - m.start
        return best

    def resolve(self, span: Span) -> Entity | None:
        """The entity a noun phrase refers to, creating one for an unseen description."""
        found = self.at(span.start_char, span.end_char)
        if found is not None:
            return found
        if not any(t.pos_ in ("NOUN", "PROPN") for t in span):
            return None
        return self.add(span.text, span.start_char, span.end_char, "PERSON",
                        description=span.text)

    def actor_ref(self, entity: Entity | None, text: str) -> ActorRef:
        if entity is None:
            return ActorRef(entity=None, text=text)
        return ActorRef(entity=entity.id or None, text=text, country=entity.country,
                        sector=entity.sector)

    def finalised(self) -> list[Entity]:
        """Entities in order of first mention, numbered e1, e2, ..."""
        self.entities.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
        for i, e in enumerate(self.entities, 1):
            e.id = f"e{i}"
            e.mentions.sort(key=lambda m: m.start)
        return self.entities


@extractor("entities")
def extract_entities(analysis: Analysis) -> None:
    """spaCy NER mentions, one entity per distinct name."""
    for ent in analysis.doc.ents:
        type_ = NER_TYPES.get(ent.label_)
        if type_ is not None:
            analysis.entities.add(ent.text, ent.start_char, ent.end_char, type_)
