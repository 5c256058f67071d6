"""Denials and allegations read from a verb rather than from a statement or a report noun.

- Echo denials: "X accuse Y d'avoir fait Z, ce que Y dément". The relative "ce que" takes
  the clause before it as the object of the denial, so the subject of the deny verb denies
  the unit read in that clause.
- Object denials: "tout en niant toute livraison de carburant", "dément la prise de l'aéroport": the
  object of the deny verb is the denied proposition.
- Allegations no statement covers: "le parquet soupçonne X d'avoir financé ...": the
  complement is alleged, asserted by the subject (or the agent of a passive).

The words (antecedent, relative, deny verbs and the inflected forms a tagger may misread)
come from ``claims.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from vigie.extract.claims_reports import SUBJECTS, clause_span, speaker_holder, statement_of
from vigie.extract.claims_units import ClaimWords, Holder, Side, TextIndex, Unit
from vigie.nlp.columns import columns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from vigie.schema import Statement

SUBJECT_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON"})
MAX_SUBJECT = 5  # words of the subject of an echo denial
NEXT_NOUN = 3  # words between a misread deny word and its object or subject
OBJECTS = ("obj", "xcomp", "ccomp")


def _cues(doc: Doc, words: ClaimWords) -> list[tuple[str, int]]:
    """("echo" | "allegation" | "deny", token index) of every cue, in document order."""
    # Cheap word-list lookups; the subject of an echo is found by looking a few tokens ahead.
    cols = columns(doc)
    echo = cols.where(lower=words.echo_antecedents)[:-1] & cols.where(lower=words.echo_relatives)[1:]
    cues = [("echo", i) for i in np.flatnonzero(echo).tolist()]
    cues += [("allegation", i) for i in cols.positions(lemma=words.alleging_verbs, pos=("VERB",))]
    deny = cols.where(lemma=words.deny_object_verbs, pos=("VERB",)) | \
        cols.where(lower=words.deny_forms, not_pos=("VERB",))
    cues += [("deny", i) for i in np.flatnonzero(deny).tolist()]
    return sorted(cues, key=lambda cue: cue[1])


def denial_units(index: TextIndex, units: list[Unit], statements: list[Statement]) -> list[Unit]:
    """Add echo denials to the units they answer; return new units for object denials."""
    doc = index.doc
    new: list[Unit] = []
    for kind, start in _cues(doc, index.words):
        if kind == "allegation":
            unit = _allegation(index, doc[start], units, statements)
            if unit is not None:
                new.append(unit)
            continue
        if kind == "deny":
            unit = _object_denial(index, doc[start], units, statements)
            if unit is not None:
                new.append(unit)
            continue
        subject = _echo_subject(index, doc[start + 2:min(start + 2 + MAX_SUBJECT + 1, doc[start].sent.end)])
        target = _unit_before(units + new, doc[start].idx)
        holder = _holder(index, subject) if subject is not None else None
        if target is not None and holder is not None:
            target.sides.append(Side(holder, "deny", None))
            target.denial = True
    return new


def _echo_subject(index: TextIndex, after: Span) -> Span | None:
    """In the words after "ce que", the subject of a deny verb: "Téhéran dément" or
    "dément Téhéran"; None when no deny verb follows."""
    words = index.words

    def denies(t: Token) -> bool:
        return t.lemma_.casefold() in words.deny_verbs or t.lower_ in words.deny_forms

    for k, tok in enumerate(after):
        if denies(tok):
            before = after[:k]
            if k and all(t.pos_ in SUBJECT_POS for t in before):
                return before  # ce que Téhéran dément
            if k == 0:
                rest = [t for t in after[1:]]
                n = next((i for i, t in enumerate(rest) if t.pos_ not in SUBJECT_POS), len(rest))
                return after[1:1 + n] if n else None  # ce que dément Téhéran
            return None
        if tok.pos_ not in SUBJECT_POS:
            return None
    return None


def _object_denial(index: TextIndex, verb: Token, units: list[Unit],
                   statements: list[Statement]) -> Unit | None:
    """"nie toute vente d'armes": a unit for the object, denied by the verb's subject."""
    if any(c.lemma_.casefold() in index.words.negations for c in verb.children):
        return None  # "n'a pas démenti la prise de l'aéroport" denies nothing
    obj = next((c for c in verb.children if c.dep_ in OBJECTS and c.pos_ in ("NOUN", "VERB")), None)
    obj = obj or _next_noun(verb)
    if obj is None or obj.lemma_.casefold() in index.words.report_nouns:
        return None
    start, end = clause_span(max(obj.left_edge.i, verb.i + 1), obj, obj.sent.end)
    if any(u.start <= start < u.end and any(s.stance == "deny" for s in u.sides) for u in units):
        return None  # already read as a denial (a DENY statement, a report)
    st = statement_of(verb, statements)
    if st is not None and st.speaker is not None:
        side = Side(speaker_holder(index, st), "deny", st.id)
    else:
        subject = _subject(verb)
        if subject is None:
            return None
        side = Side(index.holder_at(subject), "deny", None)
    return Unit(start=start, end=end, origin="denial", sides=[side], denial=True)


def _allegation(index: TextIndex, verb: Token, units: list[Unit],
                statements: list[Statement]) -> Unit | None:
    """"X soupçonne Y d'avoir fait Z" read by no statement: Z, alleged, asserted by X."""
    if any(st.cue is not None and st.cue.start <= verb.idx < st.cue.end for st in statements):
        return None  # the statement extractor read it (an ACCUSE statement)
    clause = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "obl:arg")
                   and c.i > verb.i), None)
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    if clause is None and obj is not None:  # the parser may hang "d'avoir fait" on the object
        clause = next((c for c in obj.children if c.dep_.startswith("acl") and c.pos_ == "VERB"
                       and c.i > obj.i), None)
        after = verb.doc[obj.i + 1:min(obj.i + 3, verb.sent.end)]
        if clause is None and any(t.lemma_.casefold() in index.words.genitive_prepositions
                                  for t in after):
            clause = verb  # "soupçonne X de ...": up to the next clause break
    if clause is None:
        return None
    start, end = clause_span(verb.i + 1, clause, verb.sent.end)
    if any(u.start <= start < u.end for u in units):
        return None
    unit = Unit(start=start, end=end, origin="denial", alleged=True)
    subject = _agent_or_subject(index, verb)
    if subject is not None:
        unit.sides.append(Side(index.holder_at(subject), "assert", None))
    return unit


def _agent_or_subject(index: TextIndex, verb: Token) -> Token | None:
    """"soupçonnées par les autorités": the agent of a passive, else the active subject."""
    agents = index.words.agent_prepositions
    for c in verb.children:
        if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and any(
                k.dep_ == "case" and k.lemma_.casefold() in agents for k in c.children)):
            return c
    if any(c.dep_ == "aux:pass" for c in verb.children) or verb.dep_ == "acl":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _next_noun(verb: Token) -> Token | None:
    """The object just after a deny word the parser misread ("dément" as an adjective):
    a noun ("dément la prise de l'aéroport") or an infinitive ("dément avoir frappé")."""
    for tok in verb.doc[verb.i + 1:min(verb.i + 1 + NEXT_NOUN, verb.sent.end)]:
        if tok.pos_ == "NOUN":
            return tok
        if tok.pos_ in ("AUX", "VERB") and "Inf" in tok.morph.get("VerbForm"):
            return tok.head if tok.pos_ == "AUX" and tok.head.i > tok.i else tok
        if tok.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of the verb, or of the verb it hangs on ("tout en niant ..., X a dit"),
    else the name just before a deny word the parser misread ("Moscou dément ...")."""
    for cur in (verb, verb.head):
        subject = next((c for c in cur.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
    if verb.pos_ != "VERB":
        for tok in reversed(verb.doc[max(verb.sent.start, verb.i - NEXT_NOUN):verb.i]):
            if tok.pos_ in ("PROPN", "NOUN"):
                return tok
            if tok.pos_ != "ADJ":
                break
    return None


def _unit_before(units: list[Unit], offset: int) -> Unit | None:
    """The unit holding the offset, else the last one ending just before it."""
    holding = [u for u in units if u.start < offset <= u.end and not u.anaphoric]
    if holding:
        return min(holding, key=lambda u: u.end - u.start)
    before = [u for u in units if u.end <= offset and offset - u.end <= 3 and not u.anaphoric]
    return max(before, key=lambda u: u.end) if before else None


def _holder(index: TextIndex, span: Span) -> Holder | None:
    """The entity named in the subject words, else the words themselves."""
    named = [t for t in span if t.i in index.entity_of]
    if named:
        return index.holder_at(named[0])
    return Holder(text=span.text) if any(t.pos_ in ("PROPN", "NOUN") for t in span) else None
