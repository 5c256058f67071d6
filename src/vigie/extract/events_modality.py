"""Event modality: actual, claimed, future, hypothetical or negated.

Cues come from ``resources/<lang>/modality.toml`` (negators, governing verbs, modifiers) and
from spaCy's morphology (``Mood=Cnd``, ``Tense=Fut``): "n'a jamais exporté" is negated,
"aurait fourni" claimed, "sera organisé" future, "serait une violation" hypothetical.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vigie.extract.events_tree import children
from vigie.nlp.morph import feature
from vigie.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Token

ANCESTOR_LIMIT = 4
# Not a modality of the schema: the event is only asked for, ordered or threatened.
UNREALISED = "unrealised"
COMPLEMENT_DEPS = ("xcomp", "ccomp", "acl", "nmod", "obj", "obl:arg", "csubj", "nsubj")


@dataclass(frozen=True, slots=True)
class ModalityCues:
    negators: frozenset[str]
    noun_negators: frozenset[str]
    claimed_governors: frozenset[str]
    denial_governors: frozenset[str]
    claimed_modifiers: frozenset[str]
    claimed_nouns: frozenset[str]
    claimed_case: frozenset[str]
    claimed_forms: frozenset[str]
    future_governors: frozenset[str]
    future_modifiers: frozenset[str]
    hypothetical_governors: frozenset[str]
    condition_marks: frozenset[str]
    copulas: frozenset[str]
    unrealised_governors: frozenset[str]
    foiled: frozenset[str]
    conditional_endings: frozenset[str]


@functools.cache
def cues(language: str) -> ModalityCues:
    """The modality cues of ``language``, read once."""
    data = Resources.for_language(language).get("modality")
    return ModalityCues(**{name: frozenset(data.get(name, ())) for name in ModalityCues.__slots__})


def _morph(tok: Token, key: str) -> str:
    values = feature(tok, key)
    return values[0] if values else ""


def _auxiliaries(v: Token) -> list[Token]:
    return [c for c in children(v) if c.dep_.startswith("aux") or c.dep_ == "cop"]


def negated(v: Token, c: ModalityCues) -> bool:
    """A verb with a negator ("n'a jamais", "ne ... pas") or a noun with "aucun" / "sans"."""
    for child in children(v):
        lemma = child.lemma_.lower()
        if child.dep_.startswith("advmod") and lemma in c.negators:
            return True
        if v.pos_ == "NOUN" and child.dep_ in ("det", "amod", "case") and lemma in c.noun_negators:
            return True
    return False


def _is_conditional(v: Token, endings: frozenset[str]) -> bool:
    if _morph(v, "Mood") == "Cnd":
        return True
    # the tagger often reads a conditional as an imperfect ("préparerait")
    return _morph(v, "Tense") == "Imp" and _morph(v, "VerbForm") == "Fin" and v.lower_.endswith(tuple(endings))


def _conditional(v: Token, endings: frozenset[str] = frozenset()) -> str:
    """"past" for "aurait fourni", "present" for "fournirait" / "serait", else ""."""
    if _is_conditional(v, endings):
        return "present"
    for aux in _auxiliaries(v):
        if _is_conditional(aux, endings):
            return "past" if _morph(v, "VerbForm") == "Part" and aux.dep_ != "cop" else "present"
    return ""


def _future(v: Token) -> bool:
    return _morph(v, "Tense") == "Fut" or any(_morph(a, "Tense") == "Fut" for a in _auxiliaries(v))


def _governors(tok: Token) -> list[Token]:
    """The clauses and nouns an event is the complement of, nearest first: "démentir" for
    "avoir vendu" in "dément avoir vendu". Adverbial and coordinated clauses are not
    complements, so the walk stops there."""
    out, cur = [], tok
    for _ in range(ANCESTOR_LIMIT):
        if cur.head.i == cur.i or not cur.dep_.startswith(COMPLEMENT_DEPS):
            break
        cur = cur.head
        out.append(cur)
    return out


def _misread_governor(v: Token, c: ModalityCues) -> bool:
    """"dément avoir vendu": a claim verb the parser did not attach, just before the event's
    auxiliary or infinitive marker."""
    first = min([v.i, *(a.i for a in children(v) if a.dep_.startswith(("aux", "mark")) and a.i < v.i)])
    return any(t.lower_ in c.claimed_forms for t in v.doc[max(v.sent.start, first - 2):first])


def _foiled(carriers: list[Token], c: ModalityCues) -> bool:
    """"l'attentat déjoué", "ont empêché l'attaque": stopped before it happened."""
    for t in carriers:
        if any(m.dep_ in ("acl", "amod") and m.lemma_.lower() in c.foiled for m in children(t)):
            return True
    return any(g.lemma_.lower() in c.foiled for g in [*carriers[1:], *_governors(carriers[-1])[:2]])


def _reported(tok: Token, c: ModalityCues) -> bool:
    """A clause introduced as someone's claim: "les informations selon lesquelles ..."."""
    return any(ch.pos_ == "PRON" and any(g.dep_ == "case" and g.lemma_.lower() in c.claimed_case
                                         for g in children(ch)) for ch in children(tok))


def modality_of(head: Token, clause: Token | None, language: str, *, in_denial: bool = False) -> str:
    """The modality of an event whose trigger is ``head``; ``clause`` is the verb (or copular
    noun) that carries its tense and polarity ("frapper" for "frappes" in "a mené des frappes"),
    None when the trigger stands alone. Checked in order: unrealised (asked for, ordered,
    threatened), negated, claimed, future, hypothetical, actual."""
    c = cues(language)
    carriers = [head] + ([clause] if clause is not None and clause.i != head.i else [])
    governors = _governors(carriers[-1])
    if any(_morph(t, "Mood") == "Imp" for t in carriers) or \
            any(g.lemma_.lower() in c.unrealised_governors for g in [*carriers[1:], *governors[:2]]):
        return UNREALISED
    if any(negated(t, c) for t in carriers) or _foiled(carriers, c):
        return "negated"
    if in_denial or _claimed(carriers, governors, c):
        return "claimed"
    if _planned(carriers, c):
        return "future"
    return _conditional_reading(carriers, governors, c)


def _claimed(carriers: list[Token], governors: list[Token], c: ModalityCues) -> bool:
    """Alleged: "la prétendue attaque", "aurait fourni", "selon lesquelles", "accusé d'avoir"."""
    if any(m.dep_ == "amod" and m.lemma_.lower() in c.claimed_modifiers for t in carriers for m in children(t)):
        return True
    if any(_conditional(t, c.conditional_endings) == "past" for t in carriers):
        return True
    if any(_reported(t, c) for t in [*carriers, *governors[:2]]) or _misread_governor(carriers[-1], c):
        return True
    return any((g.pos_ == "VERB" and g.lemma_.lower() in c.claimed_governors) or
               (g.pos_ == "NOUN" and g.lemma_.lower() in c.claimed_nouns) for g in governors)


def _planned(carriers: list[Token], c: ModalityCues) -> bool:
    """Future tense, "va être déposée", "le sommet prévu", "est attendu à"."""
    for t in carriers:
        if _future(t) or any(a.lemma_.lower() in c.future_governors for a in _auxiliaries(t)):
            return True
        if any(m.dep_ in ("amod", "acl") and m.lemma_.lower() in c.future_modifiers for m in children(t)):
            return True
        # the trigger itself in the present passive: "X est attendu à Y"
        if t.lower_ in c.future_modifiers and any(a.dep_ == "aux:pass" and _morph(a, "Tense") == "Pres"
                                                  for a in children(t)):
            return True
    return False


def _conditional_reading(carriers: list[Token], governors: list[Token], c: ModalityCues) -> str:
    """Conditions, modal governors and the conditional mood: hypothetical, future (in the
    past), claimed (hearsay) or, without any of them, actual."""
    top = carriers[-1]
    if any(m.dep_ == "mark" and m.lemma_.lower() in c.condition_marks for m in children(top)):
        return "hypothetical"
    if any(g.lemma_.lower() in c.hypothetical_governors for g in [*carriers[1:], *governors[:2]]):
        return "hypothetical"
    if governors and top.dep_.startswith(("xcomp", "ccomp", "acl")) and \
            governors[0].lemma_.lower() in c.future_governors:
        return "future"
    if any(_conditional(t, c.conditional_endings) == "present" for t in carriers):
        # the conditional of a reported clause is a future in the past ("a dit qu'il saisirait");
        # a lexical verb in a main clause is the journalist's hearsay ("l'armée préparerait
        # une offensive"); a copula ("serait une violation") states a hypothesis
        if top.dep_.startswith("ccomp"):
            return "future"
        if top.pos_ == "VERB" and top.dep_ in ("ROOT", "conj") and _is_conditional(top, c.conditional_endings):
            return "claimed"
        return "hypothetical"
    return "actual"
