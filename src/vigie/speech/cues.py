"""Cues of reported speech in a sentence: speech verbs, "selon X", "selon lesquelles".

A cue is found by its lemma in the resource (a dict lookup per verb token), then checked
against its reflexive clitic and fixed words ("mettre en garde"), its required preposition
("appeler à"), negation and voice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from vigie.nlp.cache import cached
from vigie.nlp.columns import Columns, columns
from vigie.nlp.morph import feature
from vigie.speech.lexicon import CueEntry, Lexicon, Preposition

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_TAIL_GAP = 4  # words allowed between a verb and its fixed words ("mettons à nouveau fermement en garde")


MAX_AUX_GAP = 6  # "a *de son côté* regretté", "a *pour sa part* salué"


def linear_aux(verb: Token, auxiliaries: frozenset[str]) -> Token | None:
    """The auxiliary of a participle found by position when the parser missed it."""
    if "Part" not in feature(verb, "VerbForm"):
        return None
    for tok in reversed(verb.doc[max(verb.sent.start, verb.i - MAX_AUX_GAP): verb.i]):
        if tok.lemma_ in auxiliaries and tok.pos_ in ("AUX", "VERB"):
            return tok
        if tok.is_punct or tok.pos_ in ("VERB", "SCONJ", "CCONJ") or tok.text in ("«", "“", '"'):
            return None
    return None


def infinitive(verb: Token) -> bool:
    """An infinitive, unless the tagger called a participle with its auxiliary one
    ("a toutefois pointé" tagged VerbForm=Inf)."""
    return "Inf" in feature(verb, "VerbForm") and not any(c.dep_ == "aux:tense" for c in verb.children)


def finite(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """A conjugated verb: finite itself, with an auxiliary ("a déclaré"), or with an inverted
    clitic subject, which only a conjugated verb takes ("dit-il", tagged a participle)."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    inverted = nxt is not None and nxt.pos_ == "PRON" and nxt.text.startswith("-")
    return "Fin" in feature(verb, "VerbForm") or any(c.dep_.startswith("aux") for c in verb.children) \
        or inverted or linear_aux(verb, auxiliaries) is not None


def low(token: Token) -> str:
    """The token text lower-cased, with the typographic apostrophe made straight."""
    return token.text.lower().replace("’", "'")


@dataclass(slots=True)
class CueMatch:
    """A cue found in the text. ``kind`` is "verb", "prep" (selon X) or "relative"."""

    kind: str
    token: Token
    act: str
    lemma: str
    tokens: list[Token] = field(default_factory=list)
    entry: CueEntry | None = None
    prep: Preposition | None = None
    negated: bool = False
    passive: bool = False
    group_first: int | None = None  # first token of the verb group, clitics included

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.tokens)

    @property
    def first(self) -> int:
        """Index of the first token of the cue group."""
        return min(t.i for t in self.tokens)

    @property
    def last(self) -> int:
        return max(t.i for t in self.tokens)


def _clitic_after(verb: Token, lex: Lexicon) -> bool:
    """An inverted clitic subject follows ("dit-il", "ajoute-t-elle")."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    return nxt is not None and low(nxt).startswith("-") and low(nxt) in lex.pronouns


def _group_before(verb: Token, lex: Lexicon) -> list[Token]:
    """Auxiliaries, clitics and negation right before ``verb`` ("ne s'est pas")."""
    doc, out = verb.doc, []
    i, first = verb.i - 1, verb.sent.start
    while i >= first:
        t = doc[i]
        word = low(t)
        if t.pos_ == "AUX" or word in lex.clitics or word in lex.negation_words or \
                (t.pos_ == "ADV" and i >= verb.i - 2) or word.startswith("-"):
            out.append(t)
            i -= 1
            continue
        break
    return out


def _tail(verb: Token, tail: tuple[str, ...]) -> list[Token] | None:
    """The tokens of the fixed words after ``verb``, or None when they are not there."""
    doc, found = verb.doc, []
    i, gap, end = verb.i + 1, 0, verb.sent.end
    for word in tail:
        while i < end and low(doc[i]) != word and doc[i].lemma_.lower() != word:
            if doc[i].is_punct or doc[i].pos_ in ("VERB", "SCONJ") or gap >= MAX_TAIL_GAP:
                return None
            i, gap = i + 1, gap + 1
        if i >= end:
            return None
        found.append(doc[i])
        i += 1
    return found


def _negated(verb: Token, before: list[Token], lex: Lexicon) -> bool:
    words = {low(t) for t in before}
    after = verb.doc[verb.i + 1: min(verb.i + 3, verb.sent.end)]
    words |= {low(t) for t in after}
    others = lex.negation_words - lex.negation_particles  # "ne ... pas"; a language may need one word
    return bool(words & lex.negation_particles) and (not others or bool(words & others))


def _passive(verb: Token, lex: Lexicon) -> bool:
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    aux = linear_aux(verb, lex.auxiliaries)
    if aux is not None and aux.lemma_ != lex.passive_auxiliary:
        return False  # "a de son côté souligné": the parser hung the participle on "côté"
    has_aux = any(c.dep_.startswith("aux") for c in verb.children)
    return (not has_aux and verb.dep_ in ("acl", "amod") and "Part" in feature(verb, "VerbForm")
            and "Past" in feature(verb, "Tense")
            and (not lex.participle_endings or low(verb).endswith(tuple(lex.participle_endings))))


def verb_cue(verb: Token, lex: Lexicon) -> CueMatch | None:
    """The cue ``verb`` is, if its lemma, clitics and fixed words match an entry."""
    if verb.pos_ not in VERBAL and not (verb.pos_ in VERBAL_ROOTS and verb.dep_ == "ROOT"):
        return None
    entries = lex.cue_entries(verb.lemma_, verb.text)
    if not entries:
        return None
    if low(verb) in lex.naming_forms and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and not any(c.dep_.startswith("aux") for c in verb.children) and not _clitic_after(verb, lex):
        return None  # "Jean Dupont, dit « le Grand »": a nickname; "..., dit-il" is speech
    before = _group_before(verb, lex)
    reflexive = any(low(t) in lex.reflexive for t in before)
    for entry in entries:
        if entry.reflexive and not reflexive:
            continue
        if reflexive and not entry.reflexive:
            continue  # "s'annonce comme" is no announcement
        tail = _tail(verb, entry.tail) if entry.tail else []
        if tail is None:
            continue
        group = [t for t in before if t.pos_ == "AUX" or low(t) in lex.negation_words
                 or low(t) in lex.reflexive]
        aux = linear_aux(verb, lex.auxiliaries)
        if aux is not None and aux not in before:
            before = [*before, *verb.doc[aux.i: verb.i]]
            group.append(aux)
        return CueMatch("verb", verb, entry.act, entry.phrase, sorted([*group, verb, *tail]),
                        entry=entry, negated=_negated(verb, before, lex), passive=_passive(verb, lex),
                        group_first=min([verb.i, *(t.i for t in before)]))
    return None


class _Words:
    """The lowered texts of a sentence's tokens (straight apostrophes), made on demand: only
    the few tokens around a candidate cue are ever read."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self._done: dict[int, str] = {}

    def __getitem__(self, k: int) -> str:
        word = self._done.get(k)
        if word is None:
            word = self._done[k] = low(self.toks[k])
        return word

    def run(self, k: int, n: int) -> list[str]:
        return [self[j] for j in range(k, min(k + n, len(self.toks)))]


def _prep_at(toks: list[Token], words: _Words, k: int, prep: Preposition) -> list[Token] | None:
    """The tokens of ``prep`` starting at position ``k`` of a sentence, or None."""
    want = prep.words
    if len(want) == 1:
        return [toks[k]] if words[k] == want[0] else None
    # "d'après" may be one token or two ("d'" + "après")
    if want[0].endswith("'") and words[k] == want[0] + want[1]:
        return [toks[k]]
    if words.run(k, len(want)) != list(want):
        return None
    return toks[k: k + len(want)]


VERBAL = ("VERB", "AUX")
VERBAL_ROOTS = ("NOUN", "ADJ")  # verbal only as the root of the sentence


def _apostrophe_forms(word: str) -> set[str]:
    """``word`` with each straight apostrophe written straight or typographic."""
    forms = {""}
    for ch in word:
        forms = {f + c for f in forms for c in ((ch, "’") if ch == "'" else (ch,))}
    return forms


@functools.cache
def _preposition_forms(lex: Lexicon) -> frozenset[str]:
    return frozenset(f for w in lex.preposition_index for f in _apostrophe_forms(w))


def _candidates(doc: Doc, lex: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    """Per Doc: which tokens are verbal (may be cue verbs) and which may start a
    prepositional cue; every other token is skipped without touching it."""
    return cached(doc, ("vigie.cue_candidates", id(lex)), lambda: _masks(columns(doc), lex))


def _masks(cols: Columns, lex: Lexicon) -> tuple[np.ndarray, np.ndarray]:
    verbal = cols.where(pos=VERBAL) | cols.where(pos=VERBAL_ROOTS, dep=("ROOT",))
    return verbal, cols.where(lower=_preposition_forms(lex))


def find_cues(sent: Span, lex: Lexicon, toks: list[Token] | None = None) -> list[CueMatch]:
    """Every verb, prepositional and relative cue of ``sent``, in text order (``toks``: its
    tokens, when the caller has them already)."""
    out: list[CueMatch] = []
    toks = toks if toks is not None else list(sent)
    words = _Words(toks)
    index = lex.preposition_index
    verbal, starts = (mask[sent.start: sent.end] for mask in _candidates(sent.doc, lex))
    for k in np.flatnonzero(verbal | starts).tolist():
        tok = toks[k]
        if verbal[k] and lex.is_cue_lemma(tok.lemma_, tok.text):
            match = verb_cue(tok, lex)
            if match:
                out.append(match)
            continue
        for prep in index.get(words[k], ()) if starts[k] else ():
            found = _prep_at(toks, words, k, prep)
            if not found:
                continue
            n = k + len(found)
            if n < len(toks) and (*prep.words, words[n]) in lex.relatives:
                out.append(CueMatch("relative", tok, prep.act, " ".join(prep.words), [*found, toks[n]],
                                    prep=prep))
            else:
                out.append(CueMatch("prep", tok, prep.act, " ".join(prep.words), found, prep=prep))
            break
    return out
