"""One event per real event: repeats of the same interaction are merged, evidence kept.

Two candidates are the same event when they have the same PLOVER type, the same participants
(the same entities, or the same country codes when one side is known only by a demonym) and
compatible dates (equal, one more precise than the other, or unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

GENERIC_TYPES = ("COUNTRY", "LOCATION")

if TYPE_CHECKING:
    from vigie.extract.events_actors import Participant
    from vigie.schema import Entity, Event, Span


@dataclass(slots=True)
class Candidate:
    """An event before merging, with the participants it was built from."""

    event: Event
    actors: list[Participant]
    recipients: list[Participant]
    place: Entity | None = None
    evidence: list[Span] = field(default_factory=list)
    statement_cue: Span | None = None  # set when the event is a statement's own act

    def keys(self) -> tuple[frozenset, frozenset]:
        return (frozenset(p.key for p in self.actors), frozenset(p.key for p in self.recipients))

    def codes(self) -> tuple[frozenset, frozenset]:
        return (frozenset(p.code for p in self.actors if p.code),
                frozenset(p.code for p in self.recipients if p.code))

    def generic(self) -> bool:
        """The actors are states or unnamed people, not distinct named bodies: a country
        (or a demonym) stands for its officials, so "la Bolivie a condamné ..." and
        "un responsable nord-coréen a accusé ..." may be one event."""
        return all(p.entity is None or p.entity.type in GENERIC_TYPES or p.entity.anonymous
                   for p in self.actors)


def dates_compatible(a: Event, b: Event) -> bool:
    """Unknown dates match anything; known ones must agree up to the coarser precision."""
    if a.date is None or b.date is None:
        return True
    x, y = a.date.value, b.date.value
    return x.startswith(y) or y.startswith(x)


def same_event(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates report the same interaction."""
    if a.event.type != b.event.type or not dates_compatible(a.event, b.event):
        return False
    if a.statement_cue is not None and b.statement_cue is not None and \
            a.event.attributed_to != b.event.attributed_to:
        return False  # two utterances are two verbal acts ("a déclaré ... a également accusé")
    if a.keys() == b.keys():
        return True
    if a.keys()[0] and a.keys()[0] == b.keys()[0] and overlapping(a, b):
        return True  # the same actor towards the same country (or someone unnamed): told twice
    # a country stands for its officials; a partial mention ("l'agression américaine") for
    # the whole coalition
    return (a.generic() or b.generic()) and overlapping(a, b) and any(a.codes()) and any(b.codes())


def overlapping(a: Candidate, b: Candidate) -> bool:
    """Participants that may be the same: codes shared on each side where both have some."""
    (aa, ar), (ba, br) = a.codes(), b.codes()
    return bool(aa & ba or not (aa and ba)) and bool(ar & br or not (ar and br)) and \
        bool((aa | ar) & (ba | br))


def _absorb(keep: Candidate, other: Candidate) -> None:
    """Fill what ``keep`` lacks from ``other`` and remember ``other``'s evidence."""
    ev, ov = keep.event, other.event
    if ov.evidence.text != ev.evidence.text and all(ov.evidence.start != s.start for s in keep.evidence):
        keep.evidence.append(ov.evidence)
    keep.evidence.extend(s for s in other.evidence if all(s.start != k.start for k in keep.evidence))
    if not keep.recipients and other.recipients:  # mentions complete each other
        keep.recipients, ev.recipients = other.recipients, ov.recipients
    if not keep.actors and other.actors:
        keep.actors, ev.actors = other.actors, ov.actors
    ev.attributed_to = ev.attributed_to or ov.attributed_to
    ev.date = ev.date or ov.date
    if ev.location is None and ov.location is not None:
        ev.location, keep.place = ov.location, other.place
    ev.mode = ev.mode or ov.mode
    ev.cameo = ev.cameo or ov.cameo
    ev.context = ev.context or ov.context
    ev.confidence = round(min(1.0, max(ev.confidence, ov.confidence) + 0.05), 3)


def merge(candidates: list[Candidate], late: frozenset[int] = frozenset()) -> list[Candidate]:
    """Merge repeats, keeping the first mention of each event in text order, a statement's
    event before a trigger's (it names the speaker and cites the words); candidates whose
    index is in ``late`` (e.g. from the title) only complete events found elsewhere."""
    order = sorted(range(len(candidates)),
                   key=lambda i: (i in late, candidates[i].statement_cue is None,
                                  candidates[i].event.trigger.start))
    kept: dict[str, list[Candidate]] = {}
    for i in order:
        cand = candidates[i]
        same_type = kept.setdefault(cand.event.type, [])
        target = next((k for k in same_type if same_event(k, cand)), None)
        if target is None and i in late:  # a headline summarises: overlapping codes suffice
            target = next((k for k in same_type if overlapping(k, cand)), None)
        if target is None:
            same_type.append(cand)
        else:
            _absorb(target, cand)
    return sorted((c for group in kept.values() for c in group), key=lambda c: c.event.trigger.start)
