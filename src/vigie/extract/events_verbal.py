"""Verbal events from statements: an accusation, demand, warning, promise, praise, refusal or
concession aimed at someone is a PLOVER event of the speaker towards that addressee
(GUIDELINES.md section 2). A denial is a REJECT of the source of the denied claim.

:func:`from_statement` builds the merge candidate: speaker and addressees as participants,
the modality of the cue verb, and the statement's date (else an earlier dated statement of
the same speaker in the paragraph, else the publication day for a cue in the present).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from vigie.extract.events_actors import Participant, to_location, to_ref
from vigie.extract.events_merge import Candidate
from vigie.extract.events_modality import UNREALISED, cues, modality_of
from vigie.extract.events_tree import children, token_range
from vigie.nlp.morph import feature
from vigie.schema import ActorRef, DateRef, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vigie.analysis import Analysis
    from vigie.extract.events_arguments import ArgumentFinder
    from vigie.schema import Statement

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


def _addressee(analysis: Analysis, ref: ActorRef, near: int, finder: ArgumentFinder | None
               ) -> Participant | None:
    """The addressee as a participant; an uncoded one is resolved like an event's argument
    ("les paramilitaires" recalling the coded body named earlier)."""
    p = addressee_participant(analysis, ref, near)
    if (p is not None and p.code) or finder is None or not ref.text:
        return p
    sentence = evidence_sentence(analysis, near, near + 1)
    at = analysis.text.find(ref.text, sentence.start, sentence.end)
    span = analysis.doc.char_span(at, at + len(ref.text), alignment_mode="expand") if at >= 0 else None
    found = finder.actors.resolve(span.root) if span is not None and len(span) else None
    return found if found is not None and found.code else p


def evidence_sentence(analysis: Analysis, start: int, end: int) -> Span:
    """The sentence around ``[start, end)``."""
    found = token_range(analysis.doc, start, max(end, start + 1))
    if found is None or found[0] == found[1]:
        return Span(analysis.text[start:end], start, end)
    sent = analysis.doc[found[0]].sent
    # the Doc's text, not the sentence's: ``Span.text`` builds a Token per word
    text = analysis.text[sent.start_char:sent.end_char].rstrip()
    return Span(text, sent.start_char, sent.start_char + len(text))


def _event_agents(analysis: Analysis, ref: ActorRef, near: int, finder: ArgumentFinder | None) -> list[Participant]:
    """"a condamné l'attaque de X contre Y": an addressee that names an event is aimed at
    the event's agents (X), not at whoever the phrase ends with."""
    if finder is None or not ref.text:
        return []
    sentence = evidence_sentence(analysis, near, near + 1)
    at = analysis.text.find(ref.text, sentence.start, sentence.end)
    span = analysis.doc.char_span(at, at + len(ref.text), alignment_mode="expand") if at >= 0 else None
    return finder.event_agents(span.root) if span is not None and len(span) else []


def statement_event(analysis: Analysis, st: Statement, finder: ArgumentFinder | None = None
                    ) -> tuple[Event, Participant, list[Participant]] | None:
    """The verbal event a statement makes, or None when its act or recipient do not qualify."""
    coding = ACT_EVENTS.get(st.act)
    if coding is None or not st.addressees:
        return None
    actor = speaker_participant(analysis, st)
    near = st.cue.start if st.cue is not None else st.content.start
    recipients = []
    for a in st.addressees:
        agents = _event_agents(analysis, a, near, finder)
        recipients += agents or [p for p in [_addressee(analysis, a, near, finder)] if p]
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


def _denied_sources(analysis: Analysis, st: Statement, finder: ArgumentFinder) -> list[ActorRef]:
    """For a denial or refusal with no addressee, the source of the claim it answers: "a
    répliqué aux notes des services grecs en les jugeant fausses"."""
    cue = cue_token(analysis, st)
    if cue is None:
        return []
    claim_nouns = cues(analysis.language).claimed_nouns
    for verb in (cue, cue.head):
        for c in children(verb):
            if c.dep_ in ("obj", "obl:arg", "obl", "obl:mod") and c.lemma_.lower() in claim_nouns:
                sources = [p for p in finder.source_of(c) if p.code]
                if sources:
                    return [ActorRef(entity=None, text=p.text, country=p.code) for p in sources]
    return []


ACCUSER_WINDOW = 1500  # characters back to the accusation a denial answers


def _answers_a_claim(analysis: Analysis, st: Statement) -> bool:
    """A denial, or a refusal whose object is a claim ("rejette ces allégations")."""
    if st.act == "DENY":
        return True
    nouns = cues(analysis.language).claimed_nouns
    lo, hi = min(st.content.start, st.cue.start if st.cue else st.content.start), st.content.end
    span = analysis.doc.char_span(lo, hi, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in nouns for t in span)


def _earlier_accusers(analysis: Analysis, st: Statement) -> list[ActorRef]:
    """"X accuse Y de ... « Nous démentons ces accusations », a répondu Y": the denial
    answers the latest accusation aimed at the speaker's country a little earlier."""
    speaker = speaker_participant(analysis, st)
    if speaker is None or not speaker.code or not _answers_a_claim(analysis, st):
        return []
    for other in reversed(analysis.statements):
        if other.content.start >= st.content.start or other.act != "ACCUSE":
            continue
        if st.content.start - other.content.end > ACCUSER_WINDOW:
            break
        accuser = speaker_participant(analysis, other)
        if accuser is None or not accuser.code or accuser.code == speaker.code:
            continue
        if any(a.country == speaker.code for a in other.addressees):
            return [ActorRef(entity=None, text=accuser.text, country=accuser.code, sector=accuser.sector)]
    return []


# Entity types that can be the target of an accusation or demand (not a mere setting), and
# sectors that are only sources when named in the words ("selon l'agence X").
TARGET_TYPES = ("COUNTRY", "ORGANIZATION", "PERSON", "GROUP")
SOURCE_SECTORS = ("MED",)


def _side_subject(analysis: Analysis, start: int, end: int) -> bool:
    """The subject of an adverbial or coordinate clause is an actor of its own ("..., tandis
    que Y a appelé à ..."), not the one the words are aimed at."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root, verb = span.root, span.root.head
    if not root.dep_.startswith("nsubj"):
        return False
    # a parser may hang "tandis que ..." on a noun: a marked clause that is not the reported
    # one (ccomp) is a side clause wherever it hangs
    marked = any(c.dep_ == "mark" for c in children(verb)) and not verb.dep_.startswith("ccomp")
    return verb.dep_ in ("advcl", "conj") or marked


def _content_target(analysis: Analysis, st: Statement) -> list[ActorRef]:
    """With no addressee, the one coded actor the content names besides the speaker's
    country: "X a accusé : « Y ment »" is aimed at Y. Two or more candidate countries are
    ambiguous (who did what to whom inside the content), so nothing is guessed then. A
    denial or refusal names the deed it denies ("nous n'avons jamais vendu d'armes à Y"), not
    whom it answers, so it gets no such target."""
    if st.act not in ACT_EVENTS or st.act in ("DENY", "REJECT"):
        return []
    speaker = speaker_participant(analysis, st)
    if speaker is None or not speaker.code:
        return []
    # another speaker inside the content is a second utterance, not the target: "X ont
    # réclamé une trêve, tandis que Y a appelé à ..."
    speakers = [o.speaker for o in analysis.statements if o is not st and o.speaker is not None]
    found: dict[str, ActorRef] = {}
    for s, e, entity in analysis.entities.mentions_in(st.content.start, st.content.end):
        if any(sp.start < e and s < sp.end for sp in speakers) or _side_subject(analysis, s, e):
            continue
        code = entity.country
        if entity.type in TARGET_TYPES and entity.sector not in SOURCE_SECTORS and code and \
                code != speaker.code and entity is not speaker.entity:
            found.setdefault(code, ActorRef(entity=None, text=analysis.text[s:e], country=code,
                                            sector=entity.sector))
    return list(found.values()) if len(found) == 1 else []


def from_statement(analysis: Analysis, st: Statement, finder: ArgumentFinder) -> Candidate | None:
    """The verbal event of a statement as a merge candidate, with its modality and date."""
    if st.act not in ACT_EVENTS:
        return None  # no interaction: the speaker only says something
    addressees = st.addressees
    if st.act in ("DENY", "REJECT") and not addressees:
        addressees = _denied_sources(analysis, st, finder) or _earlier_accusers(analysis, st)
    if not addressees:
        addressees = _content_target(analysis, st)
    if not addressees:
        return None  # an interaction with nobody coded on the other side
    if addressees is not st.addressees:
        st = replace(st, addressees=addressees)
    made = statement_event(analysis, st, finder)
    if made is None:
        return None
    event, actor, recipients = made
    cue = cue_token(analysis, st)
    place = None
    if cue is not None:
        modality = modality_of(cue, None, analysis.language)
        if modality == UNREALISED:
            return None
        event.modality = modality  # type: ignore[assignment]
        # "a déclaré à Genève", "s'exprimant à Genève, X a accusé ..."
        anchors = [cue, *(c for c in children(cue) if c.dep_.startswith("advcl"))]
        place = next((p for p in (finder.place(a, None, verbal=True) for a in anchors) if p), None)
        event.location = to_location(place)
    if event.date is None:
        event.date = _earlier_date(analysis, st, actor) or _present_date(analysis, cue)
    event.actors = [to_ref(actor)]
    event.recipients = [to_ref(p) for p in recipients]
    return Candidate(event, [actor], recipients, statement_cue=event.trigger,
                     place=place.entity if event.location is not None and place is not None else None)


def cue_token(analysis: Analysis, st: Statement) -> Token | None:
    """The verb of a statement's cue ("a accusé" -> "accusé"), if it has one."""
    if st.cue is None:
        return None
    span = analysis.doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    verbs = [t for t in span or () if t.pos_ == "VERB"]
    return verbs[-1] if verbs else None


def _present_date(analysis: Analysis, cue: Token | None) -> DateRef | None:
    """A statement in the simple present ("indique le communiqué") is made on the day of
    publication."""
    published = analysis.published
    if cue is None or published is None or feature(cue, "Tense") != ("Pres",) or \
            feature(cue, "VerbForm") != ("Fin",):
        return None
    return DateRef(text=cue.text, value=published.isoformat(), granularity="day")


def _earlier_date(analysis: Analysis, st: Statement, actor: Participant) -> DateRef | None:
    """The date of an earlier statement of the same speaker in the same paragraph: "a déclaré
    lundi un porte-parole ... Le porte-parole a dénoncé ..." are one utterance of that day."""
    para = next((p for p in analysis.paragraphs if p.start <= st.content.start < p.end), None)
    if para is None or actor.entity is None:
        return None
    for other in reversed(analysis.statements):
        if other is st or other.date is None or not (para.start <= other.content.start < st.content.start):
            continue
        speaker = speaker_participant(analysis, other)
        if speaker is not None and speaker.entity is actor.entity:
            return other.date
    return None
