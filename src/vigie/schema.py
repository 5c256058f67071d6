"""The ``vigie/1`` analysis document as typed classes.

These classes are the one contract between the core and everything around it (CLI, store,
exports, web, scorer). Field names follow ``docs/OUTPUT.md``; ``to_dict`` produces exactly
that JSON, ``from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "vigie/1"

Role = Literal["title", "body", "sidebar", "boilerplate"]
EntityType = Literal["PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "GROUP"]
StatementKind = Literal["direct", "indirect", "mixed"]
Act = Literal[
    "ASSERT", "ANNOUNCE", "DENY", "ACCUSE", "WARN", "DEMAND",
    "PROMISE", "SUPPORT", "REJECT", "CONCEDE", "QUESTION",
]
ACTS: tuple[str, ...] = Act.__args__  # type: ignore[attr-defined]
Modality = Literal["actual", "claimed", "future", "hypothetical", "negated"]
Granularity = Literal["day", "week", "month", "year", "range"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
StanceKind = Literal["assert", "deny", "question"]


_PLAIN = frozenset({str, int, float, bool, type(None)})  # JSON values as they are


@functools.cache
def _public_fields(cls: type) -> tuple[str, ...] | None:
    """The serialised field names of a dataclass, in order (None for other classes): read
    once per class, as ``dataclasses.fields`` is slow to call for every object."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal"))


def _clean(value: Any) -> Any:
    """Recursively turn dataclasses into plain JSON values, keeping ``None`` as null.

    Plain values are tested inline rather than by a recursive call: most values are."""
    names = _public_fields(type(value))
    if names is not None:
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if type(v) in _PLAIN else _clean(v)
        return out
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _PLAIN else _clean(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _PLAIN else _clean(v) for k, v in value.items()}
    return value


def internal(default: Any = None, **kw: Any) -> Any:
    """A field kept in memory for the extractors but never serialised."""
    return field(default=default, metadata={"internal": True}, **kw)


@dataclass(slots=True)
class Span:
    """A piece of the document text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    role: Role = "body"


@dataclass(slots=True)
class Dateline:
    text: str
    place: str | None = None  # entity id of the place
    start: int | None = internal()
    end: int | None = internal()


@dataclass(slots=True)
class Meta:
    title: str | None = None
    published: str | None = None
    language: str = "fr"
    source: str | None = None
    url: str | None = None
    dateline: Dateline | None = None


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Geo:
    lat: float
    lon: float
    country: str | None = None
    geonames: int | None = None
    feature: Literal["city", "region", "country"] | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    description: str | None = None
    country: str | None = None
    sector: str | None = None
    kb: dict[str, str] | None = None
    geo: Geo | None = None
    mentions: list[Mention] = field(default_factory=list)
    anonymous: bool = False


@dataclass(slots=True)
class ActorRef:
    entity: str | None
    text: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class DateRef:
    text: str
    value: str
    end: str | None = None
    granularity: Granularity = "day"


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    entity: str | None = None
    name: str | None = None
    description: str | None = None
    country: str | None = None
    sector: str | None = None
    anonymous: bool = False


@dataclass(slots=True)
class Cue:
    text: str
    lemma: str
    start: int
    end: int


@dataclass(slots=True)
class Statement:
    id: str
    kind: StatementKind
    content: Span
    speaker: Speaker | None
    cue: Cue | None
    act: Act = "ASSERT"
    addressees: list[ActorRef] = field(default_factory=list)
    date: DateRef | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Location:
    name: str
    entity: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    evidence: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    modality: Modality = "actual"
    attributed_to: str | None = None
    date: DateRef | None = None
    location: Location | None = None
    confidence: float = 0.5
    # Further sentences reporting the same event (merged repeats); `evidence` is the first.
    other_evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Time:
    text: str
    start: int
    end: int
    type: TimeType
    value: str
    # For ranges ("du 23 au 27 septembre") the last day; not part of vigie/1 TIMEX3 but
    # carried into DateRef.end.
    end_value: str | None = None


@dataclass(slots=True)
class ClaimSpan:
    start: int
    end: int


@dataclass(slots=True)
class Stance:
    holder: ActorRef
    stance: StanceKind
    statement: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    spans: list[ClaimSpan] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)


@dataclass(slots=True)
class Stats:
    tokens: int = 0
    seconds: float = 0.0
    pipeline: str = ""


@dataclass(slots=True)
class Document:
    """One analysed article: the ``vigie/1`` document."""

    id: str
    meta: Meta
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON values, ``schema`` first."""
        return {"schema": SCHEMA, **_clean(self)}

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


def document_id(text: str) -> str:
    """A stable id: the SHA-256 of the NFC-normalised text with whitespace collapsed."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()
