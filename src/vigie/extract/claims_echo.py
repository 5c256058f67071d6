"""Echo denials: "X accuse Y d'avoir fait Z, ce que Y dément".

The relative "ce que" takes the clause before it as the object of the denial, so the subject
of the deny verb denies the unit read in that clause. The words (antecedent, relative, deny
verbs and the inflected forms a tagger may misread) come from ``claims.toml``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.matcher import Matcher

from vigie.extract.claims_units import ClaimWords, Side, TextIndex, Unit

if TYPE_CHECKING:
    from spacy.tokens import Span
    from spacy.vocab import Vocab

SUBJECT_POS = ["PROPN", "NOUN", "DET", "ADJ", "PRON"]


@functools.cache
def _matcher(vocab: Vocab, words: ClaimWords) -> Matcher:
    head = [{"LOWER": {"IN": sorted(words.echo_antecedents)}},
            {"LOWER": {"IN": sorted(words.echo_relatives)}}]
    subject = {"POS": {"IN": SUBJECT_POS}, "IS_PUNCT": False, "OP": "{1,5}"}
    deny = [{"LEMMA": {"IN": sorted(words.deny_verbs)}}, {"LOWER": {"IN": sorted(words.deny_forms)}}]
    matcher = Matcher(vocab)
    for verb in deny:
        matcher.add("ECHO_SV", [[*head, subject, verb]])  # ce que Téhéran dément
        matcher.add("ECHO_VS", [[*head, verb, subject]])  # ce que dément Téhéran
    return matcher


def echo_denials(index: TextIndex, units: list[Unit]) -> None:
    """Add the denier's side to the unit read just before each "ce que X dément"."""
    doc = index.doc
    seen: set[int] = set()
    for _, start, end in sorted(_matcher(doc.vocab, index.words)(doc), key=lambda m: (m[1], -m[2])):
        if start in seen:
            continue  # keep the longest match of each "ce que"
        seen.add(start)
        target = _unit_before(units, doc[start].idx)
        holder = _holder(index, doc[start + 2:end])
        if target is not None and holder is not None:
            target.sides.append(Side(holder, "deny", None))
            target.denial = True


def _unit_before(units: list[Unit], offset: int) -> Unit | None:
    """The unit holding the offset, else the last one ending just before it."""
    holding = [u for u in units if u.start < offset <= u.end and not u.anaphoric]
    if holding:
        return min(holding, key=lambda u: u.end - u.start)
    before = [u for u in units if u.end <= offset and offset - u.end <= 3 and not u.anaphoric]
    return max(before, key=lambda u: u.end) if before else None


def _holder(index: TextIndex, span: Span):
    named = [t for t in span if t.i in index.entity_of]
    nouns = [t for t in span if t.pos_ in ("PROPN", "NOUN")]
    token = (named or nouns or [None])[0]
    return index.holder_at(token) if token is not None else None
