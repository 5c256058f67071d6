"""The working state an article goes through while the extractors run.

An :class:`Analysis` holds the prepared text, the spaCy ``Doc`` and the growing results.
Extractors are small functions ``(Analysis) -> None`` that each fill in one part of it, in
the order of :mod:`vigie.registry`; :meth:`Analysis.document` then freezes the result as a
``vigie/1`` :class:`~vigie.schema.Document`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vigie.schema import Claim, Document, Event, Meta, Paragraph, Statement, Stats, Time, document_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from vigie.extract.entities import EntityIndex
    from vigie.resources import Resources


@dataclass
class Analysis:
    text: str
    meta: Meta
    paragraphs: list[Paragraph]
    doc: Doc
    resources: Resources
    entities: EntityIndex = field(init=False)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Free slot for extractors to pass intermediate results to later ones.
    scratch: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from vigie.extract.entities import EntityIndex

        self.entities = EntityIndex(self)

    @property
    def language(self) -> str:
        return self.meta.language

    @property
    def published(self) -> dt.date | None:
        """The publication date, the anchor of relative time expressions."""
        if not self.meta.published:
            return None
        try:
            return dt.date.fromisoformat(self.meta.published[:10])
        except ValueError:
            return None

    def role_at(self, offset: int) -> str:
        """The role of the paragraph holding this character offset."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.role
        return "body"

    def document(self, seconds: float, pipeline: str) -> Document:
        entities = self.entities.finalised()
        # Extractors that keep Entity objects fill in entity ids now that they exist.
        for hook in self.scratch.get("finalise", ()):
            hook()
        return Document(
            id=document_id(self.text),
            meta=self.meta,
            text=self.text,
            paragraphs=self.paragraphs,
            entities=entities,
            statements=self.statements,
            events=self.events,
            times=self.times,
            claims=self.claims,
            stats=Stats(tokens=len(self.doc), seconds=round(seconds, 4), pipeline=pipeline),
        )
