"""Verbal events from statements: an accusation, demand, warning, promise, praise, refusal or
concession aimed at someone is a PLOVER event of the speaker towards that addressee
(GUIDELINES.md section 2). A denial is a REJECT of the source of the denied claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.extract.events_actors import Participant
from vigie.schema import Event, Span

if TYPE_CHECKING:
    from vigie.analysis import Analysis
    from vigie.schema import ActorRef, Statement

# Speech act -> PLOVER type, mode, CAMEO code (the guidelines' mapping; language-independent).
ACT_EVENTS: dict[str, tuple[str, str | None, str]] = {
    "ACCUSE": ("ACCUSE", "disapprove", "111"),
    "DEMAND": ("REQUEST", None, "100"),
    "WARN": ("THREATEN", None, "130"),
    "PROMISE": ("AGREE", None, "030"),
    "SUPPORT": ("SUPPORT", None, "051"),
    "REJECT": ("REJECT", None, "120"),
    "CONCEDE": ("CONCEDE", None, "055"),
    "DENY": ("REJECT", None, "120"),
}


def speaker_participant(analysis: Analysis, st: Statement) -> Participant | None:
    """The speaker as a participant: the entity the statements extractor resolved (kept in
    ``scratch["statement_speakers"]`` until ids exist), else the entity at the mention."""
    sp = st.speaker
    if sp is None:
        return None
    entity = analysis.scratch.get("statement_speakers", {}).get(st.id)
    if entity is None:
        entity = analysis.entities.at(sp.start, sp.end)
    p = Participant(sp.text, entity, sp.country, sp.sector)
    return p if p.code or entity is not None else None


def addressee_participant(analysis: Analysis, ref: ActorRef, near: int) -> Participant | None:
    """An addressee as a participant: the entity of its words in the sentence at ``near``
    (the statements extractor keeps addressee entities to itself until ids exist)."""
    entity = None
    sentence = evidence_sentence(analysis, near, near + 1)
    at = analysis.text.find(ref.text, sentence.start, sentence.end) if ref.text else -1
    if at >= 0:
        entity = analysis.entities.at(at, at + len(ref.text))
    p = Participant(ref.text, entity, ref.country, ref.sector)
    return p if p.code or entity is not None else None


def evidence_sentence(analysis: Analysis, start: int, end: int) -> Span:
    """The sentence around ``[start, end)``."""
    span = analysis.doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return Span(analysis.text[start:end], start, end)
    sent = span[0].sent
    text = sent.text.rstrip()
    return Span(text, sent.start_char, sent.start_char + len(text))


def statement_event(analysis: Analysis, st: Statement) -> tuple[Event, Participant, list[Participant]] | None:
    """The verbal event a statement makes, or None when its act or recipient do not qualify."""
    coding = ACT_EVENTS.get(st.act)
    if coding is None or not st.addressees:
        return None
    actor = speaker_participant(analysis, st)
    near = st.cue.start if st.cue is not None else st.content.start
    recipients = [p for p in (addressee_participant(analysis, a, near) for a in st.addressees) if p]
    if actor is None or not actor.code or not recipients:
        return None
    recipients = [p for p in recipients if p.key != actor.key] or recipients
    type_, mode, cameo = coding
    anchor = st.cue or st.content
    trigger = Span(anchor.text, anchor.start, anchor.end)
    event = Event(id="", type=type_, trigger=trigger,
                  evidence=evidence_sentence(analysis, anchor.start, anchor.end),
                  mode=mode, cameo=cameo, modality="actual", attributed_to=st.id,
                  date=st.date, confidence=round(min(0.9, 0.5 + st.confidence / 2), 3))
    return event, actor, recipients
