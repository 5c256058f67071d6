"""Events: who did what to whom, coded in PLOVER (GUIDELINES.md section 2).

Two sources of candidates, merged into one event per real event:
- triggers (:mod:`events_triggers`) with arguments from the parse (:mod:`events_arguments`),
  a modality (:mod:`events_modality`), the date of their clause and the place attached;
- statements whose speech act is a PLOVER interaction with an addressee (:mod:`events_verbal`).

Events keep :class:`~vigie.schema.Entity` objects until entity ids exist; a hook in
``analysis.scratch["finalise"]`` fills the ids of their actors, recipients and locations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.extract.events_actors import Actors, Participant, to_location, to_ref
from vigie.extract.events_arguments import ArgumentFinder, Arguments
from vigie.extract.events_merge import Candidate, merge
from vigie.extract.events_modality import UNREALISED, modality_of
from vigie.extract.events_triggers import SYMMETRIC_TYPES, Hit, find_triggers, lexicon
from vigie.extract.events_verbal import evidence_sentence, from_statement, speaker_participant
from vigie.registry import extractor
from vigie.schema import ActorRef, DateRef, Event, Location, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vigie.analysis import Analysis
    from vigie.schema import Entity, Statement

try:  # the times extractor may be absent from a trimmed-down install
    from vigie.extract.times import date_ref_for
except ImportError:  # pragma: no cover
    date_ref_for = None

CLAUSE_DEPS = ("nsubj", "nsubj:pass", "obj", "obl:arg")
NAMED_TYPES = ("ORGANIZATION", "PERSON", "GROUP")


@extractor("events", after=("entities", "places", "times", "statements"))
def extract_events(analysis: Analysis) -> None:
    """Fill ``analysis.events`` with PLOVER events, numbered v1, v2, ... in text order."""
    lex = lexicon(analysis.language)
    a = lex.arguments
    actors = Actors(analysis, a.get("pronouns", frozenset()), a.get("relatives", frozenset()),
                    a.get("genitive_case", frozenset()), a.get("between_case", frozenset()))
    actors.speaker_at = lambda offset: _speaker_at(analysis, offset)
    finder = ArgumentFinder(actors, lex)
    hits = find_triggers(analysis.doc, analysis.language)
    # a cue that is a material trigger ("a condamné X à huit ans de prison") is that event
    material = [h.head.idx for h in hits if not h.group.verbal]
    candidates: list[Candidate] = []
    owned_cues: list[tuple[int, int]] = []
    late: set[int] = set()  # headline candidates: they repeat the body
    for st in analysis.statements:
        if st.cue is not None and any(st.cue.start <= i < st.cue.end for i in material):
            continue
        cand = from_statement(analysis, st, finder)
        if cand is not None:
            if analysis.role_at(cand.event.trigger.start) == "title":
                late.add(len(candidates))
            candidates.append(cand)
            if st.cue is not None:
                owned_cues.append((st.cue.start, st.cue.end))
    for hit in hits:
        start = hit.head.idx
        role = analysis.role_at(start)
        if role == "boilerplate":
            continue
        if hit.group.verbal and any(s <= start < e for s, e in owned_cues):
            continue  # the statement already made this event, with its speaker and addressees
        for cand in _from_trigger(analysis, hit, finder):
            if role == "title":  # a headline repeats the body: the body's sentence is evidence
                late.add(len(candidates))
            candidates.append(cand)
    analysis.events = _finish(analysis, merge(candidates, frozenset(late)))


# ---------------------------------------------------------------------- candidates





def _keep(hit: Hit, args: Arguments) -> bool:
    """Precision first: an event needs coded participants, verbal ones on both sides."""
    coded_actor = any(p.code for p in args.actors)
    coded_recipient = any(p.code for p in args.recipients)
    if hit.group.verbal:
        return coded_actor and coded_recipient
    if hit.group.strong or _agentless_passive(hit):
        return coded_actor or coded_recipient
    return coded_actor


def _agentless_passive(hit: Hit) -> bool:
    """"deux journalistes ont été arrêtés": a material event whose agent is not said still
    happened to its coded subject."""
    v = hit.head
    # a relative or participial clause ("l'otage qu'on avait capturé") recalls, not reports
    return hit.kind == "verb" and not v.dep_.startswith("acl") and \
        any(c.dep_ == "aux:pass" for c in v.children) and not any(c.dep_ == "obl:agent" for c in v.children)


def _clause(hit: Hit, args: Arguments) -> Token | None:
    """The verb (or copular noun) carrying the tense and polarity of a noun trigger."""
    if hit.kind == "verb":
        return None
    if args.support is not None:
        return args.support
    n = hit.head
    verbal_head = n.head.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in n.head.children)
    return n.head if n.dep_ in CLAUSE_DEPS and n.head.i != n.i and verbal_head else None


def _statement_at(analysis: Analysis, offset: int) -> Statement | None:
    for st in analysis.statements:
        if st.content.start <= offset < st.content.end:
            return st
    return None


def _speaker_at(analysis: Analysis, offset: int) -> Participant | None:
    """The speaker of the statement whose content holds ``offset`` ("nous" in a quote)."""
    st = _statement_at(analysis, offset)
    return speaker_participant(analysis, st) if st is not None else None


def _date(analysis: Analysis, start: int, end: int, statement: Statement | None = None) -> DateRef | None:
    """The date of the clause; inside a quotation, only a date the quotation itself gives
    (the date of the saying is not the date of what is said)."""
    if date_ref_for is None or not analysis.times:
        return None
    ref = date_ref_for(analysis, start, end)
    if ref is None:
        return None
    if statement is not None:
        content = statement.content
        if analysis.text.find(ref.text, content.start, content.end) < 0:
            return None
    return None if _is_bound(analysis, ref, start) else ref


def _is_bound(analysis: Analysis, ref: DateRef, near: int) -> bool:
    """"depuis 1945": a time expression that bounds a period is not the event's date."""
    bounds = lexicon(analysis.language).date_bounds
    sentence = evidence_sentence(analysis, near, near + 1)
    at = analysis.text.find(ref.text, sentence.start, sentence.end)
    if at < 0 or not bounds:
        return False
    before = analysis.text[sentence.start:at].split()
    if not before:
        return False
    word = before[-1].lower()
    elided = (b for b in bounds if b.endswith(("'", "’")))  # "jusqu'en"
    return word in bounds or any(word.startswith(b) for b in elided)


def _split(hit: Hit, args: Arguments) -> list[Arguments]:
    """One verbal event per speaker when coordinated actors are distinct named bodies ("le
    PS et LREM ont condamné ..."); coalitions, material and symmetric events stay whole."""
    named = [p for p in args.actors if p.entity is not None and p.entity.type in NAMED_TYPES]
    reciprocal = {p.key for p in args.recipients} == {p.key for p in args.actors}
    if not hit.group.verbal or hit.group.type in SYMMETRIC_TYPES or reciprocal or len(named) < 2 \
            or len(named) != len(args.actors):
        return [args]
    return [Arguments([p], args.recipients, args.place, args.support) for p in named if p.code]


def _from_trigger(analysis: Analysis, hit: Hit, finder: ArgumentFinder) -> list[Candidate]:
    args = finder.find(hit, keep=_keep)
    if not _keep(hit, args):
        return []
    made = (_candidate(analysis, hit, a) for a in _split(hit, args))
    return [c for c in made if c is not None]


def _in_denial(statement: Statement | None) -> bool:
    """The event is the denied claim: the content of an indirect or mixed denial (a direct
    quote holds more than the denied claim)."""
    return statement is not None and statement.act == "DENY" and statement.kind != "direct"


def _candidate(analysis: Analysis, hit: Hit, args: Arguments) -> Candidate | None:
    doc = analysis.doc
    span = doc[hit.start:hit.end]
    trigger = Span(span.text, span.start_char, span.end_char)
    statement = _statement_at(analysis, trigger.start)
    clause = _clause(hit, args)
    modality = modality_of(hit.head, clause, analysis.language, in_denial=_in_denial(statement))
    if modality == UNREALISED:
        return None
    lo = min(trigger.start, clause.idx if clause is not None else trigger.start)
    hi = max(trigger.end, clause.idx + len(clause) if clause is not None else trigger.end)
    group = hit.group
    confidence = group.weight + 0.1 * any(p.code for p in args.actors) \
        + 0.1 * any(p.code for p in args.recipients) - 0.1 * (modality != "actual")
    event = Event(
        id="", type=group.type, trigger=trigger,
        evidence=evidence_sentence(analysis, trigger.start, trigger.end),
        mode=group.mode, context=list(group.context), cameo=group.cameo,
        actors=[to_ref(p) for p in args.actors], recipients=[to_ref(p) for p in args.recipients],
        modality=modality,  # type: ignore[arg-type]
        attributed_to=statement.id if statement is not None else None,
        date=_date(analysis, lo, hi, statement), location=to_location(args.place),
        confidence=round(max(0.1, min(0.95, confidence)), 3))
    return Candidate(event, args.actors, args.recipients,
                     place=args.place.entity if event.location is not None and args.place else None)


# ---------------------------------------------------------------------- references


def _finish(analysis: Analysis, kept: list[Candidate]) -> list[Event]:
    """Number the events and register the hook that fills entity ids once they exist."""
    links: list[tuple[ActorRef | Location, Entity]] = []
    events = []
    for i, cand in enumerate(kept, 1):
        ev = cand.event
        ev.id = f"v{i}"
        for ref, p in zip(ev.actors, cand.actors, strict=False):
            if p.entity is not None:
                links.append((ref, p.entity))
        for ref, p in zip(ev.recipients, cand.recipients, strict=False):
            if p.entity is not None:
                links.append((ref, p.entity))
        ev.other_evidence = cand.evidence
        events.append(ev)
    places = {id(ev.location): ev.location for ev in events if ev.location is not None}
    place_entities = _place_entities(kept)
    links.extend((loc, place_entities[key]) for key, loc in places.items() if key in place_entities)

    def fill_ids() -> None:
        for ref, entity in links:
            ref.entity = entity.id or None
            if isinstance(ref, ActorRef):
                ref.country = ref.country or entity.country
                ref.sector = ref.sector or entity.sector

    analysis.scratch.setdefault("finalise", []).append(fill_ids)
    return events


def _place_entities(kept: list[Candidate]) -> dict[int, Entity]:
    """Location object id -> the place entity it was made from."""
    out: dict[int, Entity] = {}
    for cand in kept:
        loc = cand.event.location
        if loc is not None and cand.place is not None:
            out[id(loc)] = cand.place
    return out
