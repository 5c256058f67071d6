"""What a description says about its referent: "un haut responsable de la marine
iranienne" is an indefinite (anonymous) person, country IRN, sector MIL.

:func:`phrase` cuts the noun phrase around a head noun from the dependency parse;
:func:`describe` reads it: determiner, head kind, country (demonym, then the first
entity named inside), sector (a domain word, a multi-word title, the head, an
organisation inside), continent adjective. It is language-independent: the words come
from :mod:`vigie.kb.lexicon`, the names from the knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from vigie.kb.lexicon import Lexicon
from vigie.kb.normalise import make_key
from vigie.kb.store import KnowledgeBase
from vigie.nlp.morph import feature
from vigie.schema import Entity

# Dependents of the head that end the description: relative clauses, appositions
# (handled separately), coordinated phrases, clauses, punctuation.
_CUT_AT_HEAD = {"acl:relcl", "appos", "punct", "parataxis", "conj", "cc", "advcl", "ccomp",
                "dep", "nsubj", "obj", "cop", "aux", "aux:tense", "aux:pass", "mark", "case",
                "obl", "obl:mod", "obl:arg", "advmod"}
_CUT_BELOW = {"acl:relcl", "punct", "parataxis", "advcl", "ccomp", "appos", "conj", "cc", "cop",
              "aux", "aux:tense", "aux:pass", "nsubj", "obj", "mark"}
MAX_TOKENS = 20


@dataclass(slots=True)
class Description:
    """The reading of a description around ``head``."""

    span: Span
    head: Token
    head_key: str
    kind: str | None          # "title" | "institution" | "country" (anaphor) | "document" | None
    determiner: str | None    # "definite" | "indefinite" | "possessive" | None
    country: str | None = None
    sector: str | None = None
    continent: str | None = None
    plural: bool = False
    demonym: bool = False     # the country comes from an adjective ("russe"), not a name inside
    continental: bool = False  # a person described by a continent's adjective ("européen")

    @property
    def text(self) -> str:
        """The description without its determiner: "haut responsable de la marine iranienne"."""
        tokens = self.span
        if self.determiner and len(tokens) > 1 and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        return tokens.text


def phrase(head: Token, lex: Lexicon) -> Span:
    """The noun phrase headed by ``head``: its dependents minus clauses, appositions and
    prepositional phrases other than those of ``lex.phrase_preps`` ("de la défense", "à Séoul")."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CUT_AT_HEAD and _allowed_pp(c, lex)
             and (c.dep_ != "acl" or _participle(c))]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CUT_BELOW)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    while start < head.i and doc[start].pos_ not in ("DET", "ADJ", "NUM", "NOUN", "PROPN"):
        start += 1  # "dont un diplomate": the phrase starts at its determiner
    # Never run across punctuation to the right of the head, nor beyond MAX_TOKENS.
    for t in head.doc[head.i + 1:end]:
        if t.is_punct or t.is_space or t.i - start >= MAX_TOKENS:
            end = t.i
            break
    return head.doc[start:end]


def _participle(tok: Token) -> bool:
    """A participial modifier ("transmis par le PS"), not an infinitive clause ("d’avoir rejoint")."""
    return "Part" in feature(tok, "VerbForm") and not any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "mark", "case") for c in tok.children)


def _allowed_pp(tok: Token, lex: Lexicon) -> bool:
    cases = [c for c in tok.children if c.dep_ == "case"]
    return not cases or make_key(cases[0].text) in lex.phrase_preps


def describe(span: Span, head: Token, lex: Lexicon, kb: KnowledgeBase, language: str,
             inner: Callable[[int, int], list[Entity]]) -> Description:
    """Read ``span`` (headed by ``head``); ``inner(start, end)`` lists the entities named in it."""
    head_key = make_key(head.lemma_ or head.text)
    kind, sector = lex.head_sector(head_key)
    if kind is None:
        kind, sector = lex.head_sector(make_key(head.text))
    if kind is None and head_key in lex.country_anaphors:
        kind = "country"
    if kind is None and head_key in lex.documents:
        kind = "document"
    d = Description(span, head, head_key, kind, _determiner(span, lex), plural=_plural(span, head))
    d.country = _demonym(span, head, kb, language)
    if d.country in lex.continental_codes and kind == "title" and not d.plural:
        # "l’expert européen" is a European, not an official of the EU ("les dirigeants
        # européens" may stand for the Union)
        d.country, d.continental = None, True
    d.demonym = d.country is not None
    if d.country is None and head_key in lex.institution_codes:
        d.country = lex.institution_codes[head_key]  # "l’ONG": an NGO
    topics = _topic_ranges(span, lex)
    # A country after a topic noun is a topic; an organisation there is still an employer
    # ("expert de l’ONU").
    entities = [e for e in inner(span.start_char, span.end_char) if e.country
                and not (e.type in ("COUNTRY", "LOCATION")
                         and any(s <= m.start < t for s, t in topics for m in e.mentions))]
    if d.country is None and entities:
        d.country = entities[0].country
        if entities[0].country in lex.body_codes and kind == "title":
            sector = entities[0].sector  # "responsable de l’ONG": no government title
    d.sector = _domain(span, head, lex) or _multiword(span, lex) or sector
    if d.sector is None:  # "le porte-parole du Kremlin": the institution's sector
        d.sector = next((e.sector for e in entities if e.sector and e.type == "ORGANIZATION"), None)
    d.continent = next((lex.continents[k] for t in span if (k := make_key(t.text)) in lex.continents
                        and t.i != head.i), None) or None
    return d


def _plural(span: Span, head: Token) -> bool:
    """A plural head, unless its determiner is singular ("l’ONG": invariable nouns are
    often tagged plural)."""
    if "Plur" not in feature(head, "Number"):
        return False
    first = span[0]
    return not (first.pos_ == "DET" and first.i < head.i and "Sing" in feature(first, "Number"))


def _topic_ranges(span: Span, lex: Lexicon) -> list[tuple[int, int]]:
    """Character ranges of the complements of topic nouns: in "spécialiste de la Syrie"
    Syria is what the person knows about, not whom they work for. Read from the surface
    (a preposition after the noun, up to punctuation or a coordination): the parser often
    attaches such complements to the wrong noun."""
    ranges = []
    doc = span.doc
    for tok in span:
        if tok.i + 1 >= span.end or doc[tok.i + 1].pos_ != "ADP":
            continue
        if make_key(tok.lemma_) in lex.topic_heads or make_key(tok.text) in lex.topic_heads:
            end = next((t.i for t in doc[tok.i + 1:span.end] if t.is_punct or t.pos_ == "CCONJ"),
                       span.end)
            ranges.append((doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return ranges


def _determiner(span: Span, lex: Lexicon) -> str | None:
    first = span[0]
    if first.pos_ not in ("DET", "NUM"):
        # "l'idée du président": the article is fused with the preposition before the phrase
        before = span.doc[span.start - 1] if span.start else None
        fused = before is not None and before.pos_ == "ADP" and make_key(before.text) in lex.contracted_definite
        return "definite" if fused else None
    key = make_key(first.lemma_)
    if key not in lex.indefinite and key not in lex.definite:
        key = make_key(first.text)
    if key in lex.indefinite or first.pos_ == "NUM":
        return "indefinite"
    if key in lex.definite:
        return "definite"
    return "possessive" if "Yes" in feature(first, "Poss") or key in lex.possessive else None


def _demonym(span: Span, head: Token, kb: KnowledgeBase, language: str) -> str | None:
    for tok in span:
        if tok.i != head.i and tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            code = kb.demonym(tok.text, language)
            if code:
                return code
    return None


def _domain(span: Span, head: Token, lex: Lexicon) -> str | None:
    for tok in span:
        if tok.i == head.i or any(c.dep_ == "nmod" for c in tok.children):
            continue  # "la défense" is military; "la défense des droits humains" is not
        sector = lex.domains.get(make_key(tok.lemma_)) or lex.domains.get(make_key(tok.text))
        if sector:
            return sector
    return None


def _multiword(span: Span, lex: Lexicon) -> str | None:
    """The sector of the longest multi-word title or institution inside the phrase."""
    texts = (" " + make_key(" ".join(t.lemma_ for t in span)) + " ", " " + make_key(span.text) + " ")
    index = lex.multiword_heads
    # a key inside the phrase starts at one of its words: only those keys are tried
    candidates = sorted({c for t in texts for w in set(t.split()) for c in index.get(w, ())})
    best: tuple[int, str | None] = (0, None)
    for _, key, sector in candidates:
        if len(key) > best[0] and any(f" {key} " in t for t in texts):
            best = (len(key), sector)
    return best[1]
