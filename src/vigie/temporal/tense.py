"""The tense governing a temporal expression: past, future, present, or unknown.

"a déclaré jeudi" points back, "se réunira jeudi" ahead. With a spaCy ``Doc`` the verb that
governs the expression is read from the parse (morphology, auxiliaries, "aller" + infinitive);
without one, the nearest tense cue of the grammar in the same sentence decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.temporal.calendar import FUTURE, NEAREST, PAST

PRESENT = "present"

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from vigie.temporal.grammar import Grammar

_VERBAL = {"VERB", "AUX"}
_MAX_CLIMB = 6
_CUE_REACH = 160   # characters around an expression searched for tense cues


def _verb_of(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ == "nmod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None   # "la venue d'Auxerre samedi": the day of a noun, not of a verb
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in _VERBAL and tok.i not in range(span.start, span.end):
            return tok
        if tok.head.i == tok.i:  # the root (Token objects are new at each access: no `is`)
            break
        tok = tok.head
    return tok if tok.pos_ in _VERBAL else None


def _has(tok: Token, feature: str, value: str) -> bool:
    return value in tok.morph.get(feature)


def _classify(verb: Token, grammar: Grammar, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    participle = _has(verb, "VerbForm", "Part")
    for aux in auxes:
        if _has(aux, "Tense", "Fut") or aux.lemma_ in grammar.future_lemmas:
            return FUTURE
    if participle:
        if verb.lemma_ in grammar.prospective and all(a.lemma_ != "avoir" for a in auxes):
            return FUTURE          # "la réunion est prévue mardi" (not "a fixé mardi ...")
        # "a déclaré", "s'est éteinte", "aurait fourni"; a bare participle is an adjective
        return PAST if auxes else None
    if _has(verb, "Tense", "Fut") or _has(verb, "Mood", "Cnd"):
        return FUTURE
    if _has(verb, "Tense", "Past") or _has(verb, "Tense", "Imp"):
        return PAST
    if _has(verb, "VerbForm", "Inf"):
        head = verb.head
        if head.i == verb.i or head.pos_ not in _VERBAL or depth > 1:
            return None
        if head.lemma_ in grammar.future_lemmas:
            return FUTURE
        return _classify(head, grammar, depth + 1)   # "peuvent rêver du podium dimanche"
    if _has(verb, "Tense", "Pres"):
        return PRESENT
    return None


def _cue_tense(grammar: Grammar, folded: str, start: int, end: int,
               bounds: tuple[int, int]) -> str | None:
    # the verb is close by; a bounded window also keeps run-on "sentences" linear
    lo, hi = max(bounds[0], start - _CUE_REACH), min(bounds[1], end + _CUE_REACH)
    best: tuple[int, str] | None = None
    for tense, cues in ((FUTURE, grammar.future_cues), (PAST, grammar.past_cues)):
        for cue in cues:
            for m in cue.finditer(folded, lo, hi):
                if start <= m.start() < end:
                    continue
                gap = start - m.end() if m.end() <= start else m.start() - end
                if best is None or gap < best[0]:
                    best = (gap, tense)
    return best[1] if best else None


def tense_at(grammar: Grammar, folded: str, start: int, end: int,
             bounds: tuple[int, int], doc: Doc | None = None) -> str | None:
    """The tense of the verb governing ``folded[start:end]``: past, future, present or None."""
    if doc is not None:
        verb = _verb_of(doc, start, end)
        if verb is not None:
            return _classify(verb, grammar)
        return None
    return _cue_tense(grammar, folded, start, end, bounds)


def direction(tense: str | None) -> str:
    """How an underspecified date is resolved for this tense. News report past events in the
    passé composé; the present mostly announces scheduled ones ("le ministre se rend mardi
    à Berlin"), so it looks ahead. Without a verb, the nearest date wins."""
    return {PAST: PAST, FUTURE: FUTURE, PRESENT: FUTURE}.get(tense or "", NEAREST)
