"""Merging repeats: one event per real event, evidence of every mention kept."""

from __future__ import annotations

from vigie.extract.events_actors import Participant
from vigie.extract.events_merge import Candidate, merge
from vigie.schema import DateRef, Entity, Event, Span

FRANCE = Entity(id="", type="COUNTRY", name="France", country="FRA")
PARTY_A = Entity(id="", type="ORGANIZATION", name="Parti A", country="FRA")
PARTY_B = Entity(id="", type="ORGANIZATION", name="Parti B", country="FRA")
SPAIN = Entity(id="", type="COUNTRY", name="Espagne", country="ESP")


def cand(type_: str, actor: Entity | str, recipient: Entity, at: int, date: str | None = None) -> Candidate:
    a = Participant(actor, country=actor) if isinstance(actor, str) else Participant(actor.name, actor)
    ev = Event(id="", type=type_, trigger=Span("x", at, at + 1), evidence=Span(f"phrase {at}", at, at + 9),
               date=DateRef(date, date) if date else None)
    return Candidate(ev, [a], [Participant(recipient.name, recipient)])


def test_repeats_merge_and_keep_evidence() -> None:
    out = merge([cand("ACCUSE", FRANCE, SPAIN, 10), cand("ACCUSE", FRANCE, SPAIN, 50)])
    assert len(out) == 1
    assert [s.start for s in out[0].evidence] == [50]


def test_different_types_or_dates_stay_apart() -> None:
    assert len(merge([cand("ACCUSE", FRANCE, SPAIN, 1), cand("REJECT", FRANCE, SPAIN, 5)])) == 2
    assert len(merge([cand("ASSAULT", FRANCE, SPAIN, 1, "2022-01-02"),
                      cand("ASSAULT", FRANCE, SPAIN, 5, "2022-03-04")])) == 2
    assert len(merge([cand("ASSAULT", FRANCE, SPAIN, 1, "2022"),
                      cand("ASSAULT", FRANCE, SPAIN, 5, "2022-03-04")])) == 1


def test_distinct_named_actors_of_one_country_stay_apart() -> None:
    assert len(merge([cand("ACCUSE", PARTY_A, SPAIN, 1), cand("ACCUSE", PARTY_B, SPAIN, 5)])) == 2


def test_a_demonym_merges_with_the_country() -> None:
    assert len(merge([cand("ASSAULT", "FRA", SPAIN, 1), cand("ASSAULT", FRANCE, SPAIN, 5)])) == 1


def test_late_candidates_only_complete_others() -> None:
    title, body = cand("SANCTION", FRANCE, SPAIN, 0), cand("SANCTION", FRANCE, SPAIN, 80)
    out = merge([title, body], late=frozenset({0}))
    assert out == [body] and [s.start for s in body.evidence] == [0]


def test_partial_mentions_complete_each_other() -> None:
    """"l'agression commise par un député (FRA)" and "le député a frappé X (FRA)"."""
    actor_only = cand("ASSAULT", PARTY_A, FRANCE, 1)
    actor_only.recipients, actor_only.event.recipients = [], []
    recipient_only = cand("ASSAULT", PARTY_A, FRANCE, 9)
    recipient_only.actors, recipient_only.event.actors = [], []
    (out,) = merge([actor_only, recipient_only])
    assert out.actors and out.recipients


def test_halves_without_a_shared_code_stay_apart() -> None:
    actor_only = cand("ASSAULT", FRANCE, SPAIN, 1)
    actor_only.recipients, actor_only.event.recipients = [], []
    recipient_only = cand("ASSAULT", FRANCE, SPAIN, 9)
    recipient_only.actors, recipient_only.event.actors = [], []
    assert len(merge([actor_only, recipient_only])) == 2


def test_same_actor_towards_the_same_country_is_one_event() -> None:
    other_spanish = Entity(id="", type="PERSON", name="un ministre espagnol", country="ESP")
    assert len(merge([cand("ACCUSE", PARTY_A, SPAIN, 1), cand("ACCUSE", PARTY_A, other_spanish, 5)])) == 1


def _said(at: int, statement: str | None) -> Candidate:
    c = cand("ACCUSE", FRANCE, SPAIN, at)
    c.event.attributed_to = statement
    c.statement_cue = Span("a accusé", at, at + 8) if statement else None
    return c


def test_two_utterances_are_two_verbal_events() -> None:
    assert len(merge([_said(10, "s1"), _said(50, "s2")])) == 2


def test_a_trigger_repeating_an_utterance_merges_with_it() -> None:
    assert len(merge([_said(10, "s1"), _said(50, None)])) == 1
