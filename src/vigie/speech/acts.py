"""Speech acts: the cue's act, corrected by negation and by what the content itself does.

Order of evidence:
1. the content's own performative verb — « nous démentons », « j'appelle ... à » — said in
   the present by the speaker (first person, or the speaker's name as subject) decides;
2. the cue's act from the resource, turned by negation ("n'a pas démenti");
3. for a neutral cue, what the content does: a first-person denial of a past action
   (« nous n'avons jamais vendu »), a claim called false ("une rumeur grotesque",
   "en la jugeant infondée"), a threat, a demand or an accusation the words make by
   themselves (:mod:`vigie.speech.content_acts`), or one's own or a passive future action
   ("une plainte va être déposée").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.nlp.morph import feature
from vigie.speech.content_acts import accuses, demands, warns
from vigie.speech.cues import low, verb_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from vigie.speech.content import Draft
    from vigie.speech.lexicon import Lexicon

NEUTRAL = "ASSERT"


def content_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


def _first_person(tok: Token | None, lex: Lexicon) -> bool:
    return tok is not None and (low(tok) in lex.first_person or "1" in feature(tok, "Person"))


def _clitic_first_person(verb: Token, lex: Lexicon) -> bool:
    """A first-person subject just before the verb group ("nous mettons", "je veux")."""
    return any(low(tok) in lex.first_person for tok in verb.doc[max(verb.i - 4, verb.sent.start):verb.i])


def _mistagged_present(tok: Token, lex: Lexicon) -> bool:
    """A "participle" without auxiliary whose ending is no participle's: a present tense."""
    if "Part" not in feature(tok, "VerbForm") or any(c.dep_.startswith("aux") for c in tok.children):
        return False
    return not low(tok).endswith(tuple(lex.participle_endings))


def performative(tokens: list[Token], lex: Lexicon) -> tuple[str, Token] | None:
    """The first non-neutral speech verb the content performs in the present."""
    for tok in tokens:
        if tok.pos_ not in ("VERB", "AUX") or not lex.is_cue_lemma(tok.lemma_, tok.text):
            continue
        match = verb_cue(tok, lex)
        if match is None or match.act == NEUTRAL or match.negated or match.passive:
            continue
        present = ("Pres" in feature(tok, "Tense") and "Fin" in feature(tok, "VerbForm")) or \
            _mistagged_present(tok, lex)
        infinitive = "Inf" in feature(tok, "VerbForm") and tok.head.pos_ in ("VERB", "AUX") and \
            tok.head.lemma_.lower() in lex.subject_control and _first_person(_subject(tok.head), lex)
        if not (present or infinitive):
            continue
        subj = _subject(tok)
        if infinitive or _first_person(subj, lex) or _clitic_first_person(tok, lex) or \
                (subj is not None and subj.pos_ in ("NOUN", "PROPN")):
            if match.entry is not None and match.entry.needs:
                window = {low(t) for t in tok.doc[tok.i + 1: min(tok.i + 10, tok.sent.end)]}
                if not window & lex.forms_of(match.entry.needs):
                    continue
            return match.act, tok
    return None


def denies_own_past(tokens: list[Token], lex: Lexicon) -> bool:
    """« Nous n'avons jamais vendu ... »: a first-person negated past action."""
    for tok in tokens:
        if tok.pos_ != "VERB" or ("Part" not in feature(tok, "VerbForm") and "Inf" not in feature(tok, "VerbForm")):
            continue
        group = tok.doc[max(tok.i - 4, tok.sent.start): tok.i]
        words = {low(t) for t in group}
        if not (words & lex.negation_particles and words & (lex.negation_words - lex.negation_particles)):
            continue
        if not any(t.lemma_ in lex.auxiliaries and t.pos_ == "AUX" for t in group):
            continue
        if _first_person(_subject(tok), lex) or words & lex.first_person:
            return True
    return False


def calls_false(tokens: list[Token], cue_lemma: str, lex: Lexicon) -> bool:
    """A claim called false: a false-word with a claim noun, or after a qualifying cue."""
    words = {low(t) for t in tokens}
    if not words & lex.false_words:
        return False
    if cue_lemma in lex.qualifying_cues:
        return True
    return any(t.lemma_.lower() in lex.claim_nouns for t in tokens)


def announces(tokens: list[Token], lex: Lexicon) -> bool:
    """One's own future action, or a passive future one: "une plainte va être déposée"."""
    for k, tok in enumerate(tokens[:-1]):
        if tok.lemma_.lower() not in lex.future_auxiliaries or tok.pos_ not in ("AUX", "VERB"):
            continue
        if "Pres" not in feature(tok, "Tense"):
            continue
        nxt = tokens[k + 1: k + 4]
        passive = len(nxt) >= 2 and nxt[0].lemma_ == lex.passive_auxiliary and "Part" in feature(nxt[1], "VerbForm")
        if passive or _first_person(_subject(tok), lex) or _clitic_first_person(tok, lex):
            return True
    return False


def _content_act(text: str, tokens: list[Token], lex: Lexicon) -> str | None:
    """WARN, DEMAND or ACCUSE when the words themselves threaten, oblige or blame."""
    if warns(text, lex):
        return "WARN"
    if demands(text, tokens, lex):
        return "DEMAND"
    if accuses(tokens, lex):
        return "ACCUSE"
    return None


def classify_act(draft: Draft, lex: Lexicon) -> tuple[str, Token | None, float]:
    """The act of a draft, the verb that decided it (for addressees), and a confidence."""
    doc = draft.sentence.doc
    tokens = content_tokens(doc, draft.start, draft.end)
    found = performative(tokens, lex)
    if found is not None:
        return found[0], found[1], 0.8
    cue = draft.cue
    act = cue.act if cue is not None else NEUTRAL
    confidence = draft.confidence
    if cue is not None and cue.negated:
        return lex.negated_acts.get(act, NEUTRAL), cue.token, 0.5
    if act != NEUTRAL:
        return act, cue.token if cue is not None else None, confidence
    lemma = cue.entry.lemma if cue is not None and cue.entry is not None else ""
    if denies_own_past(tokens, lex) or calls_false(tokens, lemma, lex):
        return "DENY", None, 0.6
    # the words from their tokens: Doc.text would rebuild the whole document's text
    found_act = _content_act("".join(t.text_with_ws for t in tokens), tokens, lex)
    if found_act is not None:
        return found_act, None, 0.5
    if announces(tokens, lex):
        return "ANNOUNCE", None, 0.5
    return NEUTRAL, None, confidence
