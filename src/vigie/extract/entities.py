"""Entities: mentions clustered into referents, linked to the knowledge base.

:class:`EntityIndex` is the API other extractors use to find or create the entity a piece
of text refers to (``at``, ``resolve``, ``nearest``, ``actor_ref``). The ``entities``
extractor fills it with :mod:`vigie.kb.linking`: knowledge-base names, NER mentions,
capitals used as metonyms, and descriptions with their coreference.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vigie.registry import extractor
from vigie.schema import ActorRef, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from vigie.analysis import Analysis
    from vigie.kb.store import Actor, Place

NER_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION",
             "GPE": "LOCATION", "NORP": "GROUP"}


@dataclass(slots=True)
class EntityInfo:
    """What the linker knows about an entity beyond the ``vigie/1`` fields."""

    heads: set[str] = field(default_factory=set)      # head nouns of its descriptions
    qualifiers: set[str] = field(default_factory=set)  # other content words of them
    actor: Actor | None = None                        # knowledge-base entry
    places: list[Place] = field(default_factory=list)  # geocoding candidates, best first
    continent: str | None = None
    named: bool = False  # created from a proper name (not only from descriptions)
    plural: bool = False  # described by plural nouns ("des responsables")
    continental: bool = False  # described by a continent's adjective ("l’expert européen")


class EntityIndex:
    """The entities of one analysis, with lookups by offset."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._info: dict[int, EntityInfo] = {}
        self._starts: list[int] = []                     # mention starts, sorted
        self._mentions: list[tuple[int, int, Entity]] = []  # parallel to _starts
        self.dateline: Entity | None = None

    # --- building -----------------------------------------------------------------------
    def add(self, text: str, start: int, end: int, type_: str, *, key: str | None = None,
            **attrs: object) -> Entity:
        """Add a mention; it joins the entity with the same ``key`` (default: its text)."""
        key = key or text.casefold()
        entity = self._by_key.get(key)
        if entity is None:
            entity = Entity(id="", type=type_, name=text)  # type: ignore[arg-type]
            self.entities.append(entity)
            self._by_key[key] = entity
        self.fill(entity, **attrs)
        self.mention(entity, text, start, end)
        return entity

    def fill(self, entity: Entity, **attrs: object) -> None:
        """Set the attributes of ``entity`` that are still empty."""
        for name, value in attrs.items():
            if value is not None and getattr(entity, name, None) in (None, False):
                setattr(entity, name, value)

    def mention(self, entity: Entity, text: str, start: int, end: int) -> None:
        """Add a mention to an existing entity (no duplicate spans)."""
        if any(m.start == start and m.end == end for m in entity.mentions):
            return
        entity.mentions.append(Mention(text, start, end))
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._mentions.insert(i, (start, end, entity))

    def merge(self, into: Entity, other: Entity) -> None:
        """Fold ``other`` into ``into``: its mentions and keys now lead to ``into``."""
        if into is other:
            return
        for m in other.mentions:
            self.mention(into, m.text, m.start, m.end)
        other.mentions.clear()
        self._mentions = [(s, e, into if ent is other else ent) for s, e, ent in self._mentions]
        for key, ent in list(self._by_key.items()):
            if ent is other:
                self._by_key[key] = into
        self.entities = [e for e in self.entities if e is not other]
        self.fill(into, description=other.description, country=other.country, sector=other.sector)

    def get(self, key: str) -> Entity | None:
        """The entity registered under ``key``, if any."""
        return self._by_key.get(key)

    def register(self, key: str, entity: Entity) -> None:
        """Make ``key`` lead to ``entity`` too (a name variant)."""
        self._by_key.setdefault(key, entity)

    def info(self, entity: Entity) -> EntityInfo:
        """The linker's notes on ``entity``."""
        found = self._info.get(id(entity))
        if found is None:
            found = self._info[id(entity)] = EntityInfo()
        return found

    # --- lookups ------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._starts) and self._starts[i] < end:
            s, e, entity = self._mentions[i]
            if e <= end:
                out.append((s, e, entity))
            i += 1
        return out

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention inside ``[start, end)``; the longest such mention wins."""
        best, best_len = None, 0
        for s, e, entity in self.mentions_in(start, end):
            if e - s > best_len:
                best, best_len = entity, e - s
        return best

    def covering(self, start: int, end: int) -> Entity | None:
        """The entity whose smallest mention contains ``[start, end)``."""
        best, best_len = None, None
        i = bisect.bisect_right(self._starts, start)
        # Mentions are short: look back over the few that start before ``start``.
        for s, e, entity in reversed(self._mentions[max(0, i - 64):i]):
            if s <= start and end <= e and (best_len is None or e - s < best_len):
                best, best_len = entity, e - s
        return best

    def nearest(self, before: int, predicate: Callable[[Entity], bool] | None = None) -> Entity | None:
        """The entity with the last mention starting before ``before`` that satisfies ``predicate``."""
        i = bisect.bisect_left(self._starts, before)
        for _, _, entity in reversed(self._mentions[:i]):
            if predicate is None or predicate(entity):
                return entity
        return None

    def resolve(self, span: Span) -> Entity | None:
        """The entity a noun phrase refers to, creating one for an unseen description.

        An exact mention wins; then the entity whose mention holds the phrase's head
        ("la porte-parole du ministère canadien" -> the person it describes);
        a pronoun gives None; any other noun phrase is read as a description (country,
        sector, anaphora to an earlier referent: "le responsable").
        """
        start, end = span.start_char, span.end_char
        for s, e, entity in self.mentions_in(start, end):
            if s == start and e == end:
                return entity
        root = span.root
        found = self.covering(root.idx, root.idx + len(root.text))
        if found is not None:
            return found
        if root.pos_ == "PRON" and len(span) > 1:
            # "Un des juristes d’Oxfam, Jane Doe": the person named in the phrase
            named = [e for _, _, e in self.mentions_in(start, end) if e.type == "PERSON"]
            if named:
                return named[-1]
        if root.pos_ == "PRON" or not any(t.pos_ in ("NOUN", "PROPN") for t in span):
            return None
        from vigie.kb.linking import Linker

        return Linker.for_analysis(self.analysis).resolve_phrase(span)

    def actor_ref(self, entity: Entity | None, text: str) -> ActorRef:
        """An ``ActorRef`` to ``entity`` as named by ``text``."""
        if entity is None:
            return ActorRef(entity=None, text=text)
        return ActorRef(entity=entity.id or None, text=text, country=entity.country,
                        sector=entity.sector)

    # --- output -------------------------------------------------------------------------
    def finalised(self) -> list[Entity]:
        """Entities in order of first mention, numbered e1, e2, ...; fills the dateline place."""
        self.entities = [e for e in self.entities if e.mentions]
        self.entities.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
        for i, e in enumerate(self.entities, 1):
            e.id = f"e{i}"
            e.mentions.sort(key=lambda m: m.start)
        dateline = self.analysis.meta.dateline
        if dateline is not None and self.dateline is not None and self.dateline.id:
            dateline.place = self.dateline.id
        return self.entities


@extractor("entities")
def extract_entities(analysis: Analysis) -> None:
    """Knowledge-base names, NER mentions and descriptions, linked and clustered."""
    from vigie.kb.linking import Linker

    Linker.for_analysis(analysis).run()
