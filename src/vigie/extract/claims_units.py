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
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, ORTH, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span

from vigie.extract.events_tree import offsets
from vigie.nlp.columns import columns
from vigie.nlp.morph import feature
from vigie.schema import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from vigie.analysis import Analysis
    from vigie.resources import Resources
    from vigie.schema import Entity, Speaker

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
PREDICATE_POS = frozenset({"NOUN", "VERB"})
STEM = 6  # lemmas sharing their first STEM letters count as one word (empoisonner/-ement)
MAX_HOLDER_TOKENS = 8
CLAUSE_POS = frozenset({"VERB", "AUX", "SCONJ", "PRON"})
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
_PREDICATE_IDS = frozenset(POS_IDS[p] for p in PREDICATE_POS)
_COLUMNS = (IS_STOP, IS_ALPHA, IS_SPACE, IS_PUNCT, SENT_START, ORTH)
_FOLDED: dict[int, str] = {}  # lemma hash -> the case-folded lemma (string hashes are global)


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
    """Lookups on the parsed text: the entity a token belongs to, tokens of a char span.

    Units overlap and many are read (content, stance, sentences), so the token attributes
    they need are read once per Doc into columns (see :class:`_Tokens`) instead of through
    a spaCy ``Token`` object per token and per unit.
    """

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.words = claim_words(analysis)
        self.entity_of: dict[int, Entity] = {}
        self.mention_of: dict[int, tuple[int, int]] = {}
        self._spans: dict[tuple[int, int], Span | None] = {}
        self._offsets = offsets(self.doc)
        mentions = [(m, e) for e in analysis.entities.entities for m in e.mentions]
        # longer mentions last, so a token maps to the widest mention holding it
        for m, e in sorted(mentions, key=lambda me: me[0].end - me[0].start):
            found = self._offsets.tokens(m.start, m.end) if m.start < m.end else None
            if found is not None:
                for i in range(*found):
                    self.entity_of[i] = e
                    self.mention_of[i] = (m.start, m.end)

    @functools.cached_property
    def tokens(self) -> _Tokens:
        """The token columns of the Doc, read on first use."""
        return _Tokens(self.doc, self.words, self.entity_of)

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering the character offsets (kept: each unit's span is read several
        times)."""
        key = (start, end)
        if key not in self._spans:
            if start < end:
                found = self._offsets.tokens(start, end)
                self._spans[key] = Span(self.doc, *found) if found is not None else None
            else:
                self._spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self._spans[key]

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
        cols = self.tokens
        lo, hi = span.start, span.end
        # names of entities are compared as participants, not as words
        content = cols.content(lo, hi)
        unit.stems = frozenset(stem(cols.folded(i)) for i in content)
        pos = cols.pos
        unit.predicates = sum(int(pos[i]) in _PREDICATE_IDS for i in content)
        unit.vector = cols.mean_vector(content)
        entity_of = self.entity_of
        found = {participant_key(entity_of[i]) for i in range(lo, hi) if i in entity_of}
        if speaker is not None and any(cols.has_morph(i, "Person", "1") for i in cols.pronouns(lo, hi)):
            # "nous n'avons jamais exporté": the speaker is a participant
            found |= {f"c:{c}" for c in speaker.codes()}
            if speaker.entity is not None:
                found.add(participant_key(speaker.entity))
        unit.participants = frozenset(found | unit.participants)

    def sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        """The span cut after each sentence end, also inside quotes (which the parser keeps
        whole), as character offsets."""
        span = self.span(start, end)
        if span is None or not len(span):  # nothing but spaces between two tokens
            return [(start, end)]
        lo, hi, cols = span.start, span.end, self.tokens
        blank, ends = cols.blank[lo:hi].tolist(), cols.ends_sentence[lo:hi].tolist()
        ends[-1] = True
        out, first = [], None
        for k, (is_blank, is_end) in enumerate(zip(blank, ends, strict=True)):
            if first is None and not is_blank:
                first = k
            if first is not None and is_end:
                a, b = self.doc[lo + first], self.doc[lo + k]
                out.append((max(start, a.idx), min(end, b.idx + len(b))))
                first = None
        return out or [(start, end)]

    def conditional(self, start: int, end: int) -> bool:
        """Whether an auxiliary of the span is in the conditional: "aurait fourni", "serait
        mort" report an allegation, while a plain conditional verb ("il saisirait") is often
        the future of indirect speech."""
        span = self.span(start, end)
        cols = self.tokens
        return span is not None and any(cols.has_morph(i, "Mood", "Cnd")
                                        for i in cols.auxiliaries(span.start, span.end))

    def called_false(self, start: int, end: int) -> bool:
        """Whether the span says "this is false": its main word is a falsity word ("C'est
        faux", "c'est un mensonge")."""
        span = self.span(start, end)
        words = self.words
        if span is None:
            return False
        lemma = span.root.lemma_.casefold()
        return lemma in words.falsity_adjectives or lemma in words.falsity_nouns

    def negated(self, start: int, end: int) -> bool:
        """Whether the main verb of the span is negated ("nous n'avons jamais exporté")."""
        span = self.span(start, end)
        if span is None:
            return False
        root = span.root
        conjuncts = [t for t in root.children if t.dep_.startswith("conj")]
        # the words of the span whose head is the root or a conjunct: their children, and
        # the root itself when it heads its sentence
        lo, hi = span.start, span.end
        words = [t.i for h in (root, *conjuncts) for t in h.children if lo <= t.i < hi]
        words += [h.i for h in (root, *conjuncts) if h.head.i == h.i and lo <= h.i < hi]
        folded, negs = self.tokens.folded, self.words.negations
        return any(folded(i) in negs for i in words)


class _Tokens:
    """Columns of the token attributes the claims read, for one Doc: numpy masks select a
    span's tokens without a ``Token`` object each; lemmas are case-folded once per distinct
    lemma, word vectors read from spaCy's table in one selection."""

    def __init__(self, doc: Doc, words: ClaimWords, entity_of: dict[int, Entity]) -> None:
        self.doc = doc
        self.words = words
        cols = columns(doc)
        n = len(doc)
        table = doc.to_array(list(_COLUMNS)) if n else np.zeros((0, len(_COLUMNS)), dtype=np.uint64)
        stop, alpha, space, punct, sent_start, orth = table.T
        vectors = doc.vocab.vectors
        # a plain table of word vectors keyed by the word's form (spaCy's default): then
        # ``Token.vector`` is the row of its form and ``Token.has_vector`` whether it has one
        plain = str(vectors.mode) == "default" and vectors.attr == ORTH and vectors.size > 0 and \
            not {"vector", "has_vector"} & doc.user_token_hooks.keys()
        self._orth: list[int] = orth.tolist()
        self._key2row: dict[int, int] | None = vectors.key2row if plain else None
        self._table = vectors.data
        self.pos = cols.pos
        self._lemmas: list[int] = cols.lemma.tolist()
        self._strings = doc.vocab.strings
        self.blank = (space != 0) | (punct != 0)
        # a token ends a sentence when the next one starts a sentence (the last token always
        # does) or when it is a sentence-final mark (inside quotes, which the parser keeps whole)
        self.ends_sentence = np.append(sent_start[1:].astype(np.int64) > 0, True) | \
            cols.where(lower=SENTENCE_ENDS)
        entity = np.zeros(n, dtype=bool)
        entity[list(entity_of)] = True
        self._content = cols.where(pos=CONTENT_POS) & (stop == 0) & (alpha != 0) & \
            ~((self.pos == POS_IDS["PROPN"]) & entity)
        self._pron = self.pos == POS_IDS["PRON"]
        self._aux = self.pos == POS_IDS["AUX"]

    def folded(self, i: int) -> str:
        """The case-folded lemma of token ``i``."""
        h = self._lemmas[i]
        folded = _FOLDED.get(h)
        if folded is None:
            folded = _FOLDED[h] = self._strings[h].casefold()
        return folded

    def content(self, lo: int, hi: int) -> list[int]:
        """The content words of tokens ``lo``..``hi``: no stop word, light word or entity name."""
        light, folded = self.words.light_words, self.folded
        return [i for i in (np.flatnonzero(self._content[lo:hi]) + lo).tolist() if folded(i) not in light]

    def pronouns(self, lo: int, hi: int) -> list[int]:
        return (np.flatnonzero(self._pron[lo:hi]) + lo).tolist()

    def auxiliaries(self, lo: int, hi: int) -> list[int]:
        return (np.flatnonzero(self._aux[lo:hi]) + lo).tolist()

    def mean_vector(self, tokens: list[int]) -> np.ndarray | None:
        """The mean word vector of ``tokens`` (of those that have one), None when none has."""
        if self._key2row is not None:  # one numpy selection instead of a Token per word
            rows = [r for r in map(self._key2row.get, map(self._orth.__getitem__, tokens)) if r is not None]
            return np.mean(self._table[rows], axis=0) if rows else None
        words = [self.doc[i] for i in tokens]
        vectors = [t.vector for t in words if t.has_vector]
        return np.mean(vectors, axis=0) if vectors else None

    def has_morph(self, i: int, name: str, value: str) -> bool:
        """Whether token ``i``'s morphological feature ``name`` has the ``value``."""
        return value in feature(self.doc[i], name)


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
