"""The events extractor: candidates from triggers and statements, kept, merged, numbered,
with entity ids filled once they exist."""

from __future__ import annotations

import pytest

from events_helpers import make_analysis
from vigie.extract.events import extract_events
from vigie.registry import ordered
from vigie.schema import ActorRef, Cue, Paragraph, Span, Speaker, Statement

pytestmark = pytest.mark.slow


def run(text: str, entities: dict, places: dict | None = None, statements=(), paragraphs=None):
    analysis = make_analysis(text, entities, places)
    if paragraphs:
        analysis.paragraphs = paragraphs
    analysis.statements = list(statements)
    extract_events(analysis)
    doc = analysis.document(0.0, "test")
    return analysis, doc


def test_registered_after_its_inputs() -> None:
    names = [r.name for r in ordered()]
    assert "events" in names
    for dep in ("entities", "statements", "times"):
        if dep in names:
            assert names.index(dep) < names.index("events")


def test_events_are_numbered_and_linked_to_entities() -> None:
    text = "La Turquie a bombardé la Syrie. Le Japon a rencontré la Chine."
    _, doc = run(text, {"Turquie": "TUR", "Syrie": "SYR", "Japon": "JPN", "Chine": "CHN"})
    assert [(e.id, e.type) for e in doc.events] == [("v1", "ASSAULT"), ("v2", "CONSULT")]
    v1 = doc.events[0]
    assert doc.entity(v1.actors[0].entity).name == "Turquie"
    assert doc.entity(v1.recipients[0].entity).name == "Syrie"
    assert v1.evidence.text == "La Turquie a bombardé la Syrie."
    assert v1.trigger.text == "bombardé" and v1.cameo and v1.modality == "actual"


def test_no_event_without_a_coded_participant() -> None:
    _, doc = run("Le voisin a attaqué le facteur.", {})
    assert doc.events == []


def test_verbal_event_needs_a_recipient() -> None:
    _, doc = run("La Turquie a critiqué la décision.", {"Turquie": "TUR"})
    assert doc.events == []


def test_repeated_event_is_merged() -> None:
    text = "La Turquie a bombardé la Syrie. Puis la Turquie a encore bombardé la Syrie."
    _, doc = run(text, {"Turquie": "TUR", "Syrie": "SYR"})
    assert len(doc.events) == 1 and len(doc.events[0].other_evidence) == 1


def test_boilerplate_is_skipped() -> None:
    text = "La Turquie a bombardé la Syrie."
    _, doc = run(text, {"Turquie": "TUR", "Syrie": "SYR"},
                 paragraphs=[Paragraph(0, len(text), "boilerplate")])
    assert doc.events == []


def test_location_from_the_place_attached() -> None:
    text = "La police française a arrêté trois militants à Lyon."
    _, doc = run(text, {"police française": ("FRA", "ORGANIZATION")}, places={"Lyon": "FRA"})
    (ev,) = doc.events
    assert ev.type == "COERCE" and ev.location.name == "Lyon" and ev.location.country == "FRA"
    assert doc.entity(ev.location.entity).name == "Lyon"


def test_statement_with_addressee_makes_a_verbal_event() -> None:
    text = "Le ministre a accusé la Syrie de mentir."
    cue_start = text.index("a accusé")
    st = Statement(id="s1", kind="indirect", content=Span("de mentir", 27, 36),
                   speaker=Speaker("Le ministre", 0, 11, country="TUR"),
                   cue=Cue("a accusé", "accuser", cue_start, cue_start + 8), act="ACCUSE",
                   addressees=[ActorRef(entity=None, text="la Syrie", country="SYR")])
    _, doc = run(text, {"Syrie": "SYR"}, statements=[st])
    (ev,) = doc.events
    assert (ev.type, ev.attributed_to) == ("ACCUSE", "s1")
    assert [a.country for a in ev.actors] == ["TUR"] and [r.country for r in ev.recipients] == ["SYR"]


def test_event_inside_a_denial_is_claimed() -> None:
    text = "Le pays dément : la Russie a livré des armes à la Syrie."
    content_start = text.index("la Russie")
    st = Statement(id="s1", kind="indirect", content=Span(text[content_start:], content_start, len(text)),
                   speaker=None, cue=None, act="DENY")
    _, doc = run(text, {"Russie": "RUS", "Syrie": "SYR"}, statements=[st])
    (ev,) = doc.events
    assert (ev.type, ev.modality, ev.attributed_to) == ("COOPERATE", "claimed", "s1")


def test_first_person_in_a_quote_is_the_speaker() -> None:
    text = "« Nous avons bombardé la Syrie », a déclaré le ministre turc."
    st = Statement(id="s1", kind="direct", content=Span(text[2:27], 2, 27),
                   speaker=Speaker("le ministre turc", text.index("le ministre"), len(text) - 1,
                                   country="TUR"),
                   cue=Cue("a déclaré", "déclarer", 31, 40), act="ASSERT")
    _, doc = run(text, {"Syrie": "SYR"}, statements=[st])
    (ev,) = doc.events
    assert ev.type == "ASSAULT" and [a.country for a in ev.actors] == ["TUR"]
    assert ev.attributed_to == "s1"


def test_denial_without_addressee_rejects_the_claim_source() -> None:
    text = "Ankara a réagi aux informations des services grecs en les jugeant fausses."
    cue = text.index("jugeant")
    st = Statement(id="s1", kind="mixed", content=Span("fausses", text.index("fausses"), len(text) - 1),
                   speaker=Speaker("Ankara", 0, 6, country="TUR"),
                   cue=Cue("jugeant", "juger", cue, cue + 7), act="DENY")
    _, doc = run(text, {"Ankara": "TUR", "services grecs": "GRC"}, statements=[st])
    assert [(e.type, e.actors[0].country, e.recipients[0].country) for e in doc.events] == [("REJECT", "TUR", "GRC")]


def test_headline_only_completes_the_body() -> None:
    text = "La Turquie bombarde la Syrie\n\nLa Turquie a bombardé la Syrie hier soir, selon des témoins."
    title_end = text.index("\n")
    _, doc = run(text, {"Turquie": "TUR", "Syrie": "SYR"},
                 paragraphs=[Paragraph(0, title_end, "title"), Paragraph(title_end + 2, len(text), "body")])
    (ev,) = doc.events
    assert ev.evidence.start > title_end and ev.other_evidence[0].start == 0


def test_a_bound_is_not_the_date_of_the_event(monkeypatch) -> None:
    import vigie.extract.events as events
    from vigie.schema import DateRef

    monkeypatch.setattr(events, "date_ref_for", lambda analysis, start, end: DateRef("1905", "1905", None, "year"))
    text = "La Suède rappelle son ambassadeur en Norvège, une première depuis 1905."
    analysis = make_analysis(text, {"Suède": "SWE", "Norvège": "NOR"})
    analysis.times = [object()]  # any time expression: the stub above answers
    extract_events(analysis)
    assert analysis.events[0].date is None


def test_protest_without_named_actor_is_by_the_people_of_its_place() -> None:
    text = "Des centaines de riverains ont manifesté dimanche à Nantes contre le projet."
    _, doc = run(text, {}, places={"Nantes": "FRA"})
    (ev,) = doc.events
    assert (ev.type, ev.actors[0].country, ev.actors[0].sector) == ("PROTEST", "FRA", "CVL")
    assert ev.location.name == "Nantes"


def test_a_cue_that_is_a_material_trigger_makes_only_that_event() -> None:
    text = "Un tribunal iranien a condamné un journaliste français à huit ans de prison."
    cue = text.index("a condamné")
    st = Statement(id="s1", kind="indirect", content=Span("x", 0, 1),
                   speaker=Speaker("Un tribunal iranien", 0, 19, country="IRN"),
                   cue=Cue("a condamné", "condamner", cue, cue + 10), act="ACCUSE",
                   addressees=[ActorRef(entity=None, text="un journaliste français", country="FRA")])
    _, doc = run(text, {"tribunal iranien": ("IRN", "ORGANIZATION"), "journaliste français": ("FRA", "PERSON")},
                 statements=[st])
    assert [(e.type, e.mode) for e in doc.events] == [("SANCTION", "convict")]


def _quoted(text: str, act: str, cue: str) -> Statement:
    """A direct statement of a Turkish minister: the quote before the cue."""
    q_end = text.index("»") + 1
    c = text.index(cue)
    return Statement(id="s1", kind="direct", content=Span(text[:q_end], 0, q_end),
                     speaker=Speaker("le ministre turc", text.index("le ministre"), len(text) - 1,
                                     country="TUR"),
                     cue=Cue(cue, cue.split()[-1], c, c + len(cue)), act=act)


def test_warning_without_addressee_aims_at_the_one_country_of_its_words() -> None:
    text = "« La Syrie doit savoir que cette provocation aura un prix », a averti le ministre turc."
    _, doc = run(text, {"Syrie": "SYR"}, statements=[_quoted(text, "WARN", "a averti")])
    assert [(e.type, [r.country for r in e.recipients]) for e in doc.events] == [("THREATEN", ["SYR"])]


def test_no_content_target_when_the_words_name_two_countries() -> None:
    text = "« La Syrie et l'Irak doivent cesser ces provocations », a averti le ministre turc."
    _, doc = run(text, {"Syrie": "SYR", "Irak": "IRQ"}, statements=[_quoted(text, "WARN", "a averti")])
    assert doc.events == []


def test_a_denial_gets_no_target_from_the_deed_it_denies() -> None:
    text = "« Nous n'avons jamais vendu de blé à la Syrie », a déclaré le ministre turc."
    _, doc = run(text, {"Syrie": "SYR"}, statements=[_quoted(text, "DENY", "a déclaré")])
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_an_uncoded_addressee_is_resolved_like_an_argument() -> None:
    text = "Les milices tchadiennes ont avancé. Le ministre a écrit aux milices que ces pillages sont honteux."
    cue_start = text.index("a écrit")
    content_start = text.index("que ces")
    st = Statement(id="s1", kind="indirect", content=Span(text[content_start:-1], content_start, len(text) - 1),
                   speaker=Speaker("Le ministre", text.index("Le ministre"), text.index("Le ministre") + 11,
                                   country="NER"),
                   cue=Cue("a écrit", "écrire", cue_start, cue_start + 7), act="ACCUSE",
                   addressees=[ActorRef(entity=None, text="milices")])
    _, doc = run(text, {"milices tchadiennes": ("TCD", "GROUP")}, statements=[st])
    assert ("ACCUSE", ["TCD"]) in [(e.type, [r.country for r in e.recipients]) for e in doc.events]


def test_a_news_agency_in_the_words_is_no_target() -> None:
    text = "« Selon Radio Lima, la Syrie ment », a averti le ministre turc."
    analysis = make_analysis(text, {"Syrie": "SYR"})
    at = text.index("Radio Lima")
    analysis.entities.add("Radio Lima", at, at + 10, "ORGANIZATION", country="PER", sector="MED")
    analysis.statements = [_quoted(text, "WARN", "a averti")]
    extract_events(analysis)
    assert [[r.country for r in e.recipients] for e in analysis.events] == [["SYR"]]
