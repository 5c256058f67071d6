"""Who a token of the parse refers to: an entity of the analysis, a country named by a demonym
adjective, or the antecedent of a pronoun.

:class:`Actors` is built once per analysis: a token -> entity table from the entity mentions
(linear in their size), then each lookup is a few dictionary reads and a short walk of the
dependency tree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.parts_of_speech import IDS
from spacy.tokens import Span

from vigie.extract.events_tree import children, offsets
from vigie.nlp.columns import columns
from vigie.nlp.morph import feature
from vigie.schema import ActorRef, Location

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from vigie.analysis import Analysis
    from vigie.schema import Entity

ACTOR_TYPES = ("COUNTRY", "ORGANIZATION", "PERSON", "GROUP")
BODY_TYPES = ("ORGANIZATION", "GROUP")  # bodies a later common noun may recall
_COMMON_WORDS = frozenset({IDS["NOUN"], IDS["ADJ"]})  # words of a body's name a common noun may repeat
_NOT_NAMES = frozenset({IDS["DET"], IDS["PRON"]})  # first words of a description


@dataclass(slots=True)
class Participant:
    """An actor or recipient before entity ids exist: the entity object, or a bare code."""

    text: str
    entity: Entity | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def code(self) -> str | None:
        return self.country or (self.entity.country if self.entity else None)

    @property
    def key(self) -> object:
        """Identity for merging: the entity itself, else the country code."""
        return id(self.entity) if self.entity is not None else self.code

    def is_place(self) -> bool:
        """A city or region (a location, not an actor, after "à" or "dans")."""
        e = self.entity
        return bool(e and e.geo and e.geo.feature != "country" and e.type not in ACTOR_TYPES)


@functools.cache
def _knowledge_base() -> object | None:
    """The knowledge base, or None when its data is not built (demonyms then stay unknown)."""
    try:
        from vigie.kb import load_kb

        return load_kb()
    except (ImportError, OSError, ValueError):
        return None


def demonym_country(word: str, language: str) -> str | None:
    """The actor code a demonym adjective names ("ukrainienne" -> "UKR"), if known."""
    kb = _knowledge_base()
    return kb.demonym(word, language) if kb is not None else None  # type: ignore[attr-defined]


def name_key(text: str) -> str:
    """A name for lookups: case, apostrophe shapes and spaces ignored ("M'jid" = "M’Jid")."""
    return "".join(text.replace("’", "'").casefold().split())


class Actors:
    """Resolve tokens to participants for one analysis."""

    def __init__(self, analysis: Analysis, pronouns: frozenset[str], relatives: frozenset[str],
                 genitive_case: frozenset[str], between_case: frozenset[str] = frozenset()) -> None:
        self.analysis = analysis
        self.language = analysis.language
        self.pronouns = pronouns
        self.relatives = relatives
        self.genitive_case = genitive_case
        self.between_case = between_case
        # offset -> the speaker of the quotation holding it, for "nous" / "je" in quotes
        self.speaker_at: Callable[[int], Participant | None] = lambda offset: None
        self.by_token: dict[int, tuple[Entity, str]] = {}
        self.by_root: dict[int, tuple[Entity, str]] = {}  # the head token of a mention
        self.by_name: dict[str, tuple[Entity, str]] = {}  # proper names, for names inside longer mentions
        # lower-case word of a coded body's name -> its mentions (offset order): "les
        # paramilitaires" after "les forces paramilitaires soudanaises"
        self.by_word: dict[str, list[tuple[int, Entity, str]]] = {}
        doc = analysis.doc
        # parts of speech and lower forms by index: no Token object per word of a mention
        cols = columns(doc)
        pos, lower, strings = cols.pos.tolist(), cols.lower.tolist(), doc.vocab.strings
        tokens_of = offsets(doc).tokens
        by_token = self.by_token
        for entity in analysis.entities.entities:
            body = bool(entity.country) and entity.type in BODY_TYPES
            for m in entity.mentions:
                found = tokens_of(m.start, m.end) if m.start < m.end else None
                if found is None:
                    continue
                first, stop = found
                text = m.text
                ref = (entity, text)
                if body:
                    for i in range(first, stop):
                        if pos[i] in _COMMON_WORDS:
                            self.by_word.setdefault(strings[lower[i]], []).append((m.start, entity, text))
                # a one-word mention is its own root
                root = first if stop - first == 1 else Span(doc, first, stop).root.i
                self.by_root.setdefault(root, ref)
                if text[:1].isupper() and pos[first] not in _NOT_NAMES:  # a name, not a description
                    self.by_name.setdefault(name_key(text), ref)
                size = len(text)
                for i in range(first, stop):
                    # the longest mention over a token wins ("ministère chilien des Mines")
                    old = by_token.get(i)
                    if old is None or len(old[1]) < size:
                        by_token[i] = ref
        for mentions in self.by_word.values():
            mentions.sort(key=lambda x: x[0])

    # ------------------------------------------------------------------ lookups
    def _mention(self, tok: Token) -> tuple[Entity, str] | None:
        """The mention ``tok`` heads; a proper name inside a longer mention of something
        else ("Pérou" in "son consul au Pérou") is looked up by its own name."""
        found = self.by_root.get(tok.i)
        if found is not None:
            return found
        cover = self.by_token.get(tok.i)
        if tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ == "NOUN"):
            # the name as written here, also when the recogniser missed this occurrence
            words = [t for t in tok.subtree if not (t.i < tok.i and t.dep_ in ("case", "det", "punct"))]
            whole = tok.doc[words[0].i:words[-1].i + 1].text
            name = " ".join(t.text for t in tok.subtree if t.pos_ == "PROPN" or t.dep_.startswith("flat"))
            for key in (whole, name, tok.text):
                own = self.by_name.get(name_key(key))
                if own is not None:
                    return own
            if cover is not None and name_key(cover[1]) not in self.by_name:
                return None  # a name inside a description of something else
        return cover

    def resolve(self, tok: Token, depth: int = 0, shallow: bool = False) -> Participant | None:
        """The participant a noun phrase head refers to, or None; ``shallow`` does not look
        into its genitive complements."""
        found = self._mention(tok)
        if found is not None:
            if found[0].country is None and depth < 3:
                # an uncoded description may name its members: "les deux responsables —
                # le ministre italien ..."
                inner = self._inside(tok, depth)
                if inner is not None and inner.code and inner.entity is not found[0]:
                    return inner
            return Participant(found[1], found[0])
        lower = tok.lower_
        if tok.pos_ == "PRON":
            if feature(tok, "Person") == ("1",):
                return self.speaker_at(tok.idx)
            if lower in self.relatives and tok.head.dep_ == "acl:relcl":
                return self.resolve(tok.head.head, depth + 1) if depth < 3 else None
            if lower in self.pronouns:
                return self.antecedent(tok)
            return None
        if tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            # "deux Iraniens", "des journalistes suédois": people named by their nationality
            code = demonym_country(lower, self.language)
            if code:
                return Participant(tok.text, country=code)
            if tok.pos_ == "ADJ":
                return None
        if depth >= 3:
            return None
        return self._inside(tok, depth, shallow) or self._definite_recall(tok)

    def _definite_recall(self, tok: Token) -> Participant | None:
        """A definite common noun that repeats a word of a coded body named earlier refers
        back to it ("les forces paramilitaires ... les paramilitaires"; "l'armée soudanaise
        ... l'armée"): the latest such body before it."""
        # the article may be fused with the preposition ("aux milices", "du régime")
        if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "case") and feature(c, "Definite") == ("Def",)
                                          for c in children(tok)):
            return None
        found = None
        for start, entity, text in self.by_word.get(tok.lower_, ()):
            if start >= tok.idx:
                break
            found = (entity, text)
        return Participant(tok.text, found[0]) if found is not None else None

    def _inside(self, tok: Token, depth: int, shallow: bool = False) -> Participant | None:
        """Look inside a noun phrase: apposition, genitive complement, demonym adjective. A
        city or region inside it is a setting ("le camp de Soba"), not the referent."""
        kids = children(tok)
        for c in kids:
            if c.dep_ in ("appos", "flat:name", "flat:foreign", "nmod:appos"):
                found = self.resolve(c, depth + 1)
                if found and not found.is_place():
                    return found
        for c in kids:
            if c.dep_ == "amod":
                code = demonym_country(c.lower_, self.language)
                if code:
                    return Participant(f"{tok.text} {c.text}", country=code)
        if shallow:
            return None
        for c in kids:
            if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in self.genitive_case
                                        for g in children(c)):
                found = self.resolve(c, depth + 1)
                if found and not found.is_place():
                    return found
        return None

    def demonym(self, adj: Token) -> Participant | None:
        """The country a demonym adjective names, as a participant ("ukrainienne")."""
        code = demonym_country(adj.lower_, self.language)
        return Participant(adj.text, country=code) if code else None

    def antecedent(self, pron: Token) -> Participant | None:
        """The referent of a third-person pronoun: the entity index's coreference when it has
        one, else the subject of a governing clause, else the previous sentence's subject."""
        verb = pron.head
        for anc in list(verb.ancestors)[:4]:
            for c in children(anc):
                if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ != "PRON" and c.i != pron.i:
                    found = self.resolve(c, 3)
                    if found:
                        return found
        sent = pron.sent
        if sent.start == 0:
            return None
        prev = self.analysis.doc[sent.start - 1].sent
        for c in children(prev.root):
            if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ != "PRON":
                return self.resolve(c, 3)
        return None

    def with_conjuncts(self, tok: Token, shallow: bool = False) -> list[Participant]:
        """The participants of ``tok`` and of the phrases coordinated with it; for a group
        defined by its members ("une coalition entre X, Y et Z"), the members."""
        out: list[Participant] = []
        for t in [tok, *(c for c in children(tok) if c.dep_ == "conj")]:
            p = self.resolve(t, shallow=shallow)
            if p is None and not shallow:
                members = [c for c in children(t) if c.dep_ == "nmod" and
                           any(g.dep_ == "case" and g.lower_ in self.between_case for g in children(c))]
                for m in members[:1]:
                    out.extend(q for q in self.with_conjuncts(m) if all(q.key != r.key for r in out))
                continue
            if p is not None and all(p.key != q.key for q in out):
                out.append(p)
        return out


def to_ref(p: Participant) -> ActorRef:
    """The participant as an ActorRef; the entity id is filled once ids exist."""
    e = p.entity
    return ActorRef(entity=None, text=p.text, country=p.country or (e.country if e else None),
                    sector=p.sector or (e.sector if e else None))


def to_location(place: Participant | None) -> Location | None:
    """The place of an event as a Location, when it is a known place with coordinates."""
    if place is None or place.entity is None or place.entity.geo is None:
        return None
    e, geo = place.entity, place.entity.geo
    return Location(name=e.name or place.text, country=geo.country or e.country, lat=geo.lat,
                    lon=geo.lon)
