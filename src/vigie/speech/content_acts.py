"""What reported words do by themselves when the cue verb is neutral.

"X a déclaré : « P »" says nothing of the act; P may still threaten (« ne restera pas
impuni »), demand (« X doit se retirer », « il faut que ... ») or accuse (« une
provocation », « cette attitude honteuse »). Each test looks for a construction where
the words are *aimed* at something — predicated, addressed, demonstrative — so that content
merely mentioning an accusation ("le rapport évoque une ingérence présumée") stays neutral.
All words come from ``[content_acts]`` of the resource.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.nlp.morph import feature
from vigie.speech.cues import low

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vigie.speech.lexicon import Lexicon

SUBJECT_DEPS = ("nsubj", "nsubj:pass")


def _normalised(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def warns(text: str, lex: Lexicon) -> bool:
    """A threat or warning phrase: « ne restera pas impuni », « il y aura des conséquences »."""
    pattern = lex.content_acts.warn
    return pattern is not None and pattern.search(_normalised(text)) is not None


def _negated(tok: Token, lex: Lexicon) -> bool:
    """A negation particle among the dependents, unless it only restricts ("n'est qu'un")."""
    words = {low(c) for c in tok.children}
    if not words & lex.negation_particles:
        return False
    others = words & lex.negation_words - lex.negation_particles - lex.restrictive_with
    return not (words & lex.restrictive) or bool(others)


def _other_party(subj: Token | None, lex: Lexicon) -> bool:
    """A subject that is someone else than the speaker: a name, a noun of a speaker (body,
    role), a personal pronoun of the second or third person."""
    if subj is None or low(subj) in lex.first_person:
        return False
    if subj.pos_ in ("NOUN", "PROPN"):
        return subj.pos_ == "PROPN" or subj.lemma_.lower() in lex.source_nouns or \
            any(t.pos_ == "PROPN" for t in subj.subtree)
    return low(subj) in lex.pronouns or "2" in feature(subj, "Person")


def _obliged(tok: Token, lex: Lexicon) -> bool:
    """« X doit se retirer »: devoir, present or future indicative, another party as subject,
    an infinitive that is no schedule (« doit se rendre à »)."""
    ca = lex.content_acts
    if tok.lemma_.lower() not in ca.deontic or "Cnd" in feature(tok, "Mood"):
        return False
    if not set(feature(tok, "Tense")) & {"Pres", "Fut"}:
        return False
    inf = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and "Inf" in feature(c, "VerbForm")), None)
    holder = tok
    if inf is None and tok.dep_.startswith("aux") and "Inf" in feature(tok.head, "VerbForm"):
        inf, holder = tok.head, tok.head
    if inf is None or inf.lemma_.lower() in ca.scheduled:
        return False
    if any(low(c) in ca.circumstantial for c in (*tok.children, *inf.children) if c.dep_ == "advmod"):
        return False  # "doit désormais contourner": forced by circumstances
    subj = next((c for c in (*holder.children, *tok.children) if c.dep_ in SUBJECT_DEPS), None)
    return _other_party(subj, lex)


def _needed(tok: Token, lex: Lexicon) -> bool:
    """« Il faut arrêter ... »: an impersonal necessity with a verb, not a thing."""
    if tok.lemma_.lower() not in lex.content_acts.impersonal_deontic:
        return False
    return any(c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp", "csubj") for c in tok.children)


def demands(text: str, tokens: list[Token], lex: Lexicon) -> bool:
    """An obligation put on another party: « il faut que », « X doit ... »."""
    pattern = lex.content_acts.demand
    if pattern is not None and pattern.search(_normalised(text)):
        return True
    return any(_obliged(t, lex) or _needed(t, lex) for t in tokens if t.pos_ in ("VERB", "AUX"))


def _heads_content(tok: Token, inside: set[int]) -> bool:
    """The word the content hangs on: a verbless quote's head, or the sentence root."""
    return tok.head.i not in inside or tok.head.i == tok.i


def _asserted_copula(tok: Token) -> bool:
    """« ... est inacceptable »; not in a relative clause or the conditional of hearsay
    (« des référendums, qui seraient illégaux, ... »), which only report a charge."""
    cop = next((c for c in tok.children if c.dep_ == "cop"), None)
    return cop is not None and tok.dep_ != "acl:relcl" and "Cnd" not in feature(cop, "Mood")


def _predicated(tok: Token, inside: set[int], lex: Lexicon) -> bool:
    """« c'est une provocation », « il s'agit d'une ingérence », « ... est inacceptable », or
    the head of a verbless quote (« Une provocation dangereuse »)."""
    if _heads_content(tok, inside) or _asserted_copula(tok):
        return True
    return tok.head.lemma_.lower() in lex.content_acts.copulas and tok.head.i in inside


def _aimed_noun(noun: Token, inside: set[int], lex: Lexicon) -> bool:
    """A noun phrase pointing at a referent: demonstrative or possessive, or predicated."""
    pointed = any("Dem" in feature(c, "PronType") or "Yes" in feature(c, "Poss")
                  for c in noun.children if c.dep_ == "det")
    return pointed or _predicated(noun, inside, lex)


def _blamed_subject(noun: Token, inside: set[int]) -> bool:
    """« Une provocation dirigée par X est prévue », « Cette ingérence doit cesser »: the
    subject of the reported clause, pinned on a party (an agent "par X") or pointed at."""
    if noun.dep_ not in SUBJECT_DEPS or not _heads_content(noun.head, inside):
        return False
    pointed = any("Dem" in feature(c, "PronType") or "Yes" in feature(c, "Poss")
                  for c in noun.children if c.dep_ == "det")
    return pointed or any(t.dep_ == "obl:agent" for t in noun.subtree)


def accuses(tokens: list[Token], lex: Lexicon) -> bool:
    """Blame aimed at something: a blame noun predicated and not hedged, or a blame
    adjective predicative or on an aimed noun phrase; never under negation."""
    ca = lex.content_acts
    inside = {t.i for t in tokens}
    for tok in tokens:
        word = low(tok)
        if tok.pos_ == "NOUN" and word in ca.accuse_nouns:
            hedged = any(low(c) in ca.hedges for c in tok.children)
            negated = _negated(tok, lex) or (tok.head.i in inside and _negated(tok.head, lex))
            of_kind = tok.dep_ == "nmod" and tok.head.lemma_.lower() in ca.kind_nouns and \
                tok.head.i in inside and _predicated(tok.head, inside, lex)  # "un exemple d'ingérence"
            aimed = _predicated(tok, inside, lex) or of_kind or _blamed_subject(tok, inside)
            if aimed and not hedged and not negated:
                return True
        elif tok.pos_ in ("ADJ", "VERB") and word in ca.accuse_adjectives and not _negated(tok, lex):
            if _asserted_copula(tok):
                return True
            if tok.dep_ == "amod" and tok.head.i in inside and not _negated(tok.head, lex) \
                    and _aimed_noun(tok.head, inside, lex):
                return True
    return False
