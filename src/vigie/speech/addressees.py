"""Addressees: who an accusation, warning, demand, praise, refusal or denial is aimed at.

The object of the deciding verb ("a accusé *le Danemark*", "appelle *les autorités* à"),
the "à X" of a demand ("a demandé *au Conseil* de"), and for a denial the source of the
denied claim ("dément les rumeurs *de la presse locale*").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.speech.cues import low
from vigie.speech.speakers import noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vigie.analysis import Analysis
    from vigie.schema import Entity
    from vigie.speech.lexicon import Lexicon

ADDRESSED = {"ACCUSE", "WARN", "DEMAND", "SUPPORT", "REJECT", "DENY"}
NOMINAL = ("NOUN", "PROPN")


def _heads(verb: Token, act: str, lex: Lexicon) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ == "obj" and c.pos_ in NOMINAL]
    if act == "DENY":
        out = []
        for obj in objs:
            if obj.lemma_.lower() in lex.claim_nouns:
                out += [c for c in obj.children if c.dep_ == "nmod" and c.pos_ in NOMINAL and
                        any(low(k) in lex.genitive_marks for k in c.children if k.dep_ == "case")]
        return out
    if act == "DEMAND" and not objs:
        return [c for c in verb.children if c.dep_ in ("iobj", "obl:arg", "obl") and c.pos_ in NOMINAL
                and any(low(k) in lex.dative_marks for k in c.children if k.dep_ == "case")]
    return objs


def addressees(analysis: Analysis, verb: Token | None, act: str, lex: Lexicon,
               skip: Span | None = None) -> list[tuple[str, Entity | None]]:
    """(text, entity) of each addressee of ``verb`` performing ``act``."""
    if verb is None or act not in ADDRESSED:
        return []
    out: list[tuple[str, Entity | None]] = []
    for head in _heads(verb, act, lex):
        span = noun_phrase(head, lex)
        if skip is not None and skip.start_char < span.end_char and span.start_char < skip.end_char:
            continue
        entity = analysis.entities.at(span.start_char, span.end_char)
        if entity is None and (head.pos_ == "PROPN" or head.lemma_.lower() in lex.source_nouns):
            entity = analysis.entities.resolve(span)
        if entity is None:
            continue
        out.append((span.text, entity))
    return out
