"""Claim units: one proposition found in one place, with the sides sources take on it.

A unit is what the claims extractor groups: the content of a statement, the proposition of a
report ("les informations selon lesquelles P"), or a reported event. Each carries what the
grouping compares (content lemmas, a mean word vector, participants, event types) and the
sides (holder, stance, statement) found where it was read. This module holds the data types
and the language-independent helpers to read a span of the parsed text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from vigie.schema import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from vigie.analysis import Analysis
    from vigie.resources import Resources
    from vigie.schema import Entity, Speaker

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
PREDICATE_POS = frozenset({"NOUN", "VERB"})
STEM = 6  # lemmas sharing their first STEM letters count as one word (empoisonner/-ement)
MAX_HOLDER_TOKENS = 8
CLAUSE_POS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


@dataclass(frozen=True)
class ClaimWords:
    """The language data of ``resources/<lang>/claims.toml`` as sets of lemmas."""

    report_nouns: frozenset[str]
    genitive_report_nouns: frozenset[str]
    dismissive_nouns: frozenset[str]
    falsity_adjectives: frozenset[str]
    falsity_nouns: frozenset[str]
    deny_verbs: frozenset[str]
    deny_forms: frozenset[str]
    deny_object_verbs: frozenset[str]
    alleging_verbs: frozenset[str]
    echo_antecedents: frozenset[str]
    echo_relatives: frozenset[str]
    confirm_verbs: frozenset[str]
    doubt_verbs: frozenset[str]
    doubt_nouns: frozenset[str]
    spread_verbs: frozenset[str]
    content_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    report_relative_verbs: frozenset[str]
    complement_conjunctions: frozenset[str]
    genitive_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    negations: frozenset[str]
    light_words: frozenset[str]


@functools.cache
def _words_for(resources: Resources) -> ClaimWords:
    data = resources.get("claims")
    names = ClaimWords.__dataclass_fields__
    return ClaimWords(**{n: frozenset(w.casefold() for w in data.get(n, [])) for n in names})


def claim_words(analysis: Analysis) -> ClaimWords:
    """The claim words of the analysis language, read once per language."""
    return _words_for(analysis.resources)


@dataclass(eq=False)
class Holder:
    """Who takes a side: an entity when resolved (its id is known only at the end)."""

    text: str
    entity: Entity | None = None
    country: str | None = None
    sector: str | None = None
    speaker: Speaker | None = None  # the statement's speaker, completed by its extractor

    def key(self) -> str:
        """Identity of the holder for merging sides: the entity, else its country or words."""
        if self.entity is not None:
            return f"e{id(self.entity)}"
        return f"c:{self.country}" if self.country else f"t:{self.text.casefold()}"

    @property
    def resolved(self) -> bool:
        """Whether the holder is known beyond its words (an unresolved "il" may be anyone)."""
        return self.entity is not None or self.country is not None

    def codes(self) -> set[str]:
        """The country codes of the holder (its own, its entity's)."""
        found = {self.country} if self.country else set()
        if self.entity is not None and self.entity.country:
            found.add(self.entity.country)
        return found

    def actor_ref(self) -> ActorRef:
        """The ``vigie/1`` ActorRef; call once entity ids are assigned."""
        e, sp = self.entity, self.speaker
        entity = (e.id or None) if e else None
        country = self.country or (e.country if e else None)
        sector = self.sector or (e.sector if e else None)
        if sp is not None:  # read now: the statements extractor may have completed it
            entity = entity or sp.entity
            country = country or sp.country
            sector = sector or sp.sector
        return ActorRef(entity=entity, text=self.text, country=country, sector=sector)


@dataclass(eq=False)
class Side:
    """One source's side on a unit, with the statement it was read in."""

    holder: Holder
    stance: str  # assert | deny | question
    statement: str | None = None


@dataclass(eq=False)
class Unit:
    """One proposition read at one place of the text."""

    start: int
    end: int
    origin: str  # statement | report | event
    sides: list[Side] = field(default_factory=list)
    alleged: bool = False  # conditional mood, claimed event, report of a source
    anaphoric: bool = False  # "ces allégations": refers to an earlier proposition
    denial: bool = False  # an explicit denial or doubt (a verb, "faux"), not a mere negation
    source: Holder | None = None  # for anaphoric reports: whose reports they are
    stems: frozenset[str] = frozenset()
    predicates: int = 0  # content verbs and nouns: a proposition needs one
    piece: int = 0  # which sentence of its statement
    vector: np.ndarray | None = None
    participants: frozenset[str] = frozenset()
    event_types: set[str] = field(default_factory=set)


class TextIndex:
    """Lookups on the parsed text: the entity a token belongs to, tokens of a char span."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.words = claim_words(analysis)
        self.entity_of: dict[int, Entity] = {}
        self.mention_of: dict[int, tuple[int, int]] = {}
        mentions = [(m, e) for e in analysis.entities.entities for m in e.mentions]
        # longer mentions last, so a token maps to the widest mention holding it
        for m, e in sorted(mentions, key=lambda me: me[0].end - me[0].start):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.entity_of[t.i] = e
                    self.mention_of[t.i] = (m.start, m.end)

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering the character offsets."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def holder_at(self, token: Token) -> Holder:
        """The holder named by the noun phrase headed by ``token``."""
        lo, hi = noun_phrase(token)
        inside = [t.i for t in self.doc[lo:hi + 1] if t.i in self.entity_of]
        if token.i in self.entity_of or inside:
            i = token.i if token.i in self.entity_of else inside[0]
            start, end = self.mention_of[i]
            return Holder(text=self.analysis.text[start:end], entity=self.entity_of[i])
        return Holder(text=self.doc[lo:hi + 1].text)

    def features(self, unit: Unit, speaker: Holder | None = None) -> None:
        """Fill the unit's stems, vector and participants from its span of text."""
        span = self.span(unit.start, unit.end)
        if span is None:
            return
        light = self.words.light_words
        # names of entities are compared as participants, not as words
        content = [t for t in span if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha
                   and t.lemma_.casefold() not in light
                   and not (t.pos_ == "PROPN" and t.i in self.entity_of)]
        unit.stems = frozenset(stem(t.lemma_) for t in content)
        unit.predicates = sum(t.pos_ in PREDICATE_POS for t in content)
        vectors = [t.vector for t in content if t.has_vector]
        unit.vector = np.mean(vectors, axis=0) if vectors else None
        found = {participant_key(self.entity_of[t.i]) for t in span if t.i in self.entity_of}
        if speaker is not None and any("1" in t.morph.get("Person") for t in span
                                       if t.pos_ == "PRON"):
            # "nous n'avons jamais exporté": the speaker is a participant
            found |= {f"c:{c}" for c in speaker.codes()}
            if speaker.entity is not None:
                found.add(participant_key(speaker.entity))
        unit.participants = frozenset(found | unit.participants)

    def sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        """The span cut after each sentence end, also inside quotes (which the parser keeps
        whole), as character offsets."""
        span = self.span(start, end)
        if span is None:
            return [(start, end)]
        out, first = [], None
        for t in span:
            if first is None and not (t.is_space or t.is_punct):
                first = t
            if first is not None and (t.is_sent_end or t.text in SENTENCE_ENDS or t.i == span.end - 1):
                out.append((max(start, first.idx), min(end, t.idx + len(t))))
                first = None
        return out or [(start, end)]

    def conditional(self, start: int, end: int) -> bool:
        """Whether an auxiliary of the span is in the conditional: "aurait fourni", "serait
        mort" report an allegation, while a plain conditional verb ("il saisirait") is often
        the future of indirect speech."""
        span = self.span(start, end)
        return span is not None and any(t.pos_ == "AUX" and "Cnd" in t.morph.get("Mood")
                                        for t in span)

    def called_false(self, start: int, end: int) -> bool:
        """Whether the span says "this is false": its main word is a falsity word ("C'est
        faux", "c'est un mensonge")."""
        span = self.span(start, end)
        words = self.words
        return span is not None and span.root.lemma_.casefold() in (
            words.falsity_adjectives | words.falsity_nouns)

    def negated(self, start: int, end: int) -> bool:
        """Whether the main verb of the span is negated ("nous n'avons jamais exporté")."""
        span = self.span(start, end)
        if span is None:
            return False
        root = span.root
        heads = {root.i} | {t.i for t in root.children if t.dep_.startswith("conj")}
        negs = self.words.negations
        return any(t.lemma_.casefold() in negs and t.head.i in heads for t in span)


def noun_phrase(token: Token) -> tuple[int, int]:
    """First and last token of the noun phrase headed by ``token``, without its clauses."""
    lo = token.i
    for t in reversed(token.doc[max(token.left_edge.i, token.i - MAX_HOLDER_TOKENS):token.i]):
        if t.is_punct or t.pos_ in CLAUSE_POS or t.dep_ == "cc":
            break
        lo = t.i
    hi = token.i
    for t in token.doc[token.i + 1:min(token.right_edge.i, token.i + MAX_HOLDER_TOKENS) + 1]:
        if t.is_punct or t.pos_ in CLAUSE_POS or t.dep_.startswith("acl") or (
                t.pos_ == "ADP" and t.i + 1 < len(t.doc) and t.nbor().pos_ == "PRON"):
            break
        hi = t.i
    return lo, hi


def participant_key(entity: Entity) -> str:
    """Participants compare by country when known (la RPDC = la Corée du Nord)."""
    return f"c:{entity.country}" if entity.country else f"e{id(entity)}"


def stem(lemma: str) -> str:
    """A crude language-independent stem: the lemma's first letters, lower case."""
    lemma = lemma.casefold()
    return lemma[:STEM] if len(lemma) > STEM else lemma
