"""Who an event is aimed at, and when a trigger word is no event: targets of nominal events
(complements, demonyms, places), agentless passives, reflexive idioms, visits, summons, and
figurative attacks or own-forces orders. Sentences are invented."""

from __future__ import annotations

import pytest

from events_helpers import make_analysis
from vigie.extract.events import extract_events

pytestmark = pytest.mark.slow


def coded(text: str, entities: dict | None = None, places: dict | None = None) -> list[tuple]:
    """(type, actor codes, recipient codes, location name) of the events of ``text``."""
    analysis = make_analysis(text, entities or {}, places)
    extract_events(analysis)
    return [(e.type, sorted({a.country for a in e.actors if a.country}),
             sorted({r.country for r in e.recipients if r.country}),
             e.location.name if e.location else None) for e in analysis.events]


def types(text: str, entities: dict | None = None, places: dict | None = None) -> list[str]:
    return [t for t, *_ in coded(text, entities, places)]


# ------------------------------------------------------------------ nominal targets


def test_border_closure_targets_the_neighbour_after_avec() -> None:
    text = "Le Tchad a décrété la fermeture de sa frontière avec le Niger."
    assert ("COERCE", ["TCD"], ["NER"], None) in coded(text, {"Tchad": "TCD", "Niger": "NER"})


def test_asset_freeze_targets_the_owner() -> None:
    text = "Le Canada a décidé un gel des avoirs de la banque centrale du Laos."
    found = coded(text, {"Canada": "CAN", "banque centrale du Laos": ("LAO", "ORGANIZATION")})
    assert ("SANCTION", ["CAN"], ["LAO"], None) in found


def test_arrested_people_named_by_their_nationality() -> None:
    text = "La police suisse a procédé à l'interpellation de deux Marocains."
    assert ("COERCE", ["CHE"], ["MAR"]) in [t[:3] for t in coded(text)]


def test_agentless_passive_arrest_keeps_its_subject() -> None:
    text = "Trois journalistes suédois ont été arrêtés mardi."
    assert ("COERCE", [], ["SWE"]) in [t[:3] for t in coded(text)]


def test_relative_clause_arrest_is_background() -> None:
    text = "Le militant suédois, qu'on avait arrêté puis relâché, témoigne."
    assert "COERCE" not in types(text)


def test_strikes_on_a_city_target_its_country() -> None:
    text = "La Jordanie a mené de nouvelles frappes sur Tripoli."
    found = coded(text, {"Jordanie": "JOR"}, {"Tripoli": "LBY"})
    assert ("ASSAULT", ["JOR"], ["LBY"], "Tripoli") in found


def test_troops_moved_closer_to_a_territory() -> None:
    text = "Le Pérou a décidé de déplacer ses troupes tout près de la frontière bolivienne."
    assert ("MOBILIZE", ["PER"], ["BOL"]) in [t[:3] for t in coded(text, {"Pérou": "PER"})]


def test_possessive_event_noun_takes_the_clause_subject() -> None:
    text = "La Bolivie poursuit son invasion du Paraguay."
    found = coded(text, {"Bolivie": "BOL", "Paraguay": "PRY"})
    assert ("ASSAULT", ["BOL"], ["PRY"], None) in found


def test_capture_of_a_town_but_not_of_a_stance() -> None:
    ents = {"Malawi": "MWI"}
    assert ("ASSAULT", [], ["ZMB"]) in [t[:3] for t in coded("Les rebelles ont annoncé la prise de Lusaka.",
                                                              ents, {"Lusaka": "ZMB"})]
    assert "ASSAULT" not in types("La prise de position du Malawi a surpris.", ents)


# ------------------------------------------------------------------ verbal targets


def test_reflexive_idiom_is_not_a_passive() -> None:
    text = "Le Chili s'en est pris au gouvernement argentin."
    assert ("ACCUSE", ["CHL"], ["ARG"]) in [t[:3] for t in coded(text, {"Chili": "CHL"})]


def test_passive_accusation_agent_and_subject() -> None:
    text = "Le Laos a été accusé par le Vietnam d'avoir fermé ses ports."
    assert ("ACCUSE", ["VNM"], ["LAO"]) in [t[:3] for t in coded(text, {"Laos": "LAO", "Vietnam": "VNM"})]


def test_call_for_a_resignation_targets_who_should_resign() -> None:
    text = "Le Ghana appelle à la démission du gouvernement togolais."
    assert ("REQUEST", ["GHA"], ["TGO"]) in [t[:3] for t in coded(text, {"Ghana": "GHA"})]


def test_order_to_own_forces_is_no_request() -> None:
    text = "Le Népal a commandé aux forces armées népalaises de se tenir prêtes."
    assert "REQUEST" not in types(text, {"Népal": "NPL"})


# ------------------------------------------------------------------ meetings and diplomacy


def test_visit_to_a_foreign_city() -> None:
    text = "Le président chilien se rendra lundi à Lima."
    found = coded(text, {"président chilien": ("CHL", "PERSON")}, {"Lima": "PER"})
    assert ("CONSULT", ["CHL"], ["PER"], "Lima") in found


def test_travellers_named_by_nationality_make_no_visit() -> None:
    assert "CONSULT" not in types("Des migrants tunisiens sont arrivés à Lima.", places={"Lima": "PER"})


def test_receiving_a_counterpart() -> None:
    text = "Le président égyptien a reçu son homologue tunisien."
    assert ("CONSULT", ["EGY"], ["TUN"]) in [t[:3] for t in coded(text)]


def test_summoning_an_envoy_is_a_reprimand_of_his_country() -> None:
    text = "Le Brésil a convoqué l'ambassadeur argentin."
    assert ("ACCUSE", ["BRA"], ["ARG"]) in [t[:3] for t in coded(text, {"Brésil": "BRA"})]


def test_extradition_is_judicial_cooperation() -> None:
    text = "Le Portugal a extradé vers l'Espagne un homme recherché."
    assert ("COOPERATE", ["PRT"], ["ESP"]) in [t[:3] for t in coded(text, {"Portugal": "PRT", "Espagne": "ESP"})]


def test_torture_noun_needs_no_weapon() -> None:
    text = "Le rapport décrit des actes de torture commis par la police égyptienne."
    assert "ASSAULT" in types(text)


# ------------------------------------------------------------------ figurative readings


@pytest.mark.parametrize("text", [
    "Le Japon a déclenché une offensive diplomatique contre les intérêts chinois.",
    "Le Japon a déclenché une offensive contre les intérêts chinois en Afrique.",
    "Le ministre a répondu aux attaques frontales du Japon.",
])
def test_figurative_attacks_are_no_assault(text: str) -> None:
    assert "ASSAULT" not in types(text, {"Japon": "JPN"})


def test_offensive_between_armed_actors_is_an_assault() -> None:
    text = "Le Japon a déclenché une offensive contre le Front du Nord."
    found = coded(text, {"Japon": "JPN", "Front du Nord": ("IMG", "GROUP")})
    assert ("ASSAULT", ["JPN"], ["IMG"], None) in found


def test_police_operation_is_coercion() -> None:
    text = "Une opération de la police autrichienne a visé un entrepôt à Linz."
    assert "COERCE" in types(text, places={"Linz": "AUT"})


def test_object_inside_the_phrase_names_the_target_place() -> None:
    text = "Le Malawi a pris le contrôle de la ville de Lusaka."
    found = coded(text, {"Malawi": "MWI"}, {"Lusaka": "ZMB"})
    assert ("COERCE", ["MWI"], ["ZMB"]) in [t[:3] for t in found]


def test_purpose_noun_takes_the_subject_of_its_verb() -> None:
    text = "Le ministre chilien est attendu jeudi à Lima pour des entretiens avec son homologue péruvien."
    assert ("CONSULT", ["CHL"], ["PER"]) in [t[:3] for t in coded(text)]


# ------------------------------------------------------------------ whole pipeline


@pytest.fixture(scope="module")
def pipeline():
    from vigie.pipeline import Pipeline

    return Pipeline()


def pipeline_events(pipeline, text: str) -> list[tuple]:
    from vigie.article import Article

    doc = pipeline.analyze_one(Article(name="t", text="Titre\n\n" + text, published="2024-03-14",
                                       language="fr"))
    return [(e.type, sorted({a.country for a in e.actors if a.country}),
             sorted({r.country for r in e.recipients if r.country})) for e in doc.events]


def test_denial_answers_the_earlier_accuser(pipeline) -> None:
    text = ("Le gouvernement malien a accusé lundi la Guinée d'avoir armé des rebelles. « Nous "
            "démentons catégoriquement ces accusations », a répondu le ministre guinéen de la Défense.")
    assert ("REJECT", ["GIN"], ["MLI"]) in pipeline_events(pipeline, text)


def test_rejected_allegations_answer_the_earlier_accuser(pipeline) -> None:
    text = "Le Kenya accuse l'Ouganda d'avoir violé sa frontière. Kampala a rejeté ces allégations."
    assert ("REJECT", ["UGA"], ["KEN"]) in pipeline_events(pipeline, text)


def test_owner_after_a_place_in_an_asset_freeze() -> None:
    text = "Le Canada a décidé un gel des avoirs en Suisse de la banque centrale du Laos."
    found = coded(text, {"Canada": "CAN", "Suisse": "CHE", "banque centrale du Laos": ("LAO", "ORGANIZATION")})
    assert ("SANCTION", ["CAN"], ["LAO"]) in [t[:3] for t in found]


def test_topic_of_a_summit_is_neither_recipient_nor_place() -> None:
    text = "Le Ghana et le Togo ont tenu un sommet sur le Mali."
    found = coded(text, {"Ghana": "GHA", "Togo": "TGO", "Mali": "MLI"})
    assert all("MLI" not in recipients and place != "Mali" for _, _, recipients, place in found)


def test_expected_visit_is_passive_only() -> None:
    places = {"Lima": "PER"}
    text = "Le ministre iranien est attendu vendredi à Lima."
    assert ("CONSULT", ["IRN"], ["PER"], "Lima") in coded(text, {"ministre iranien": ("IRN", "PERSON")}, places)
    assert "CONSULT" not in types("La Chine attend une réponse claire à Lima.", {"Chine": "CHN"}, places)


def test_statement_event_takes_the_place_of_its_cue(pipeline) -> None:
    from vigie.article import Article

    text = "S'exprimant jeudi à Genève, le ministre russe a accusé l'Ukraine de saboter les pourparlers."
    doc = pipeline.analyze_one(Article(name="t", text="Titre\n\n" + text, published="2024-03-14", language="fr"))
    (ev,) = [e for e in doc.events if e.type == "ACCUSE"]
    assert ev.location is not None and ev.location.name == "Genève"


@pytest.mark.parametrize(("text", "expected"), [
    ("Ottawa a imposé de nouvelles sanctions à la Birmanie.", ("SANCTION", ["CAN"], ["MMR"])),
    ("Le Chili s'est entretenu au téléphone avec le Pérou.", ("CONSULT", ["CHL"], ["PER"])),
    ("Le Yémen a saisi un pétrolier grec en mer Rouge.", ("COERCE", ["YEM"], ["GRC"])),
])
def test_targets_of_words_inside_a_phrase(text: str, expected: tuple) -> None:
    ents = {"Ottawa": "CAN", "Birmanie": "MMR", "Chili": "CHL", "Pérou": "PER", "Yémen": "YEM"}
    assert expected in [t[:3] for t in coded(text, ents)]


def test_demand_made_of_someone() -> None:
    text = "Le Brésil a exigé des explications de l'ambassadeur américain."
    assert ("REQUEST", ["BRA"], ["USA"]) in [t[:3] for t in coded(text, {"Brésil": "BRA"})]


def test_attack_on_a_country_is_literal() -> None:
    text = "Le Japon a fermement réagi à l'attaque du Laos contre le Vietnam."
    found = coded(text, {"Japon": "JPN", "Laos": "LAO", "Vietnam": "VNM"})
    assert ("ASSAULT", ["LAO"], ["VNM"]) in [t[:3] for t in found]


def test_airspace_closure_targets_the_banned_planes() -> None:
    text = "Le Ghana a annoncé la fermeture de son espace aérien aux avions nigérians."
    assert ("COERCE", ["GHA"], ["NGA"]) in [t[:3] for t in coded(text, {"Ghana": "GHA"})]


def test_condemning_an_attack_is_aimed_at_the_attacker(pipeline) -> None:
    text = "Le Japon a condamné l'attaque du Laos contre le Vietnam."
    found = pipeline_events(pipeline, text)
    assert ("ACCUSE", ["JPN"], ["LAO"]) in found and ("ASSAULT", ["LAO"], ["VNM"]) in found


def test_attack_on_a_policy_is_an_accusation() -> None:
    text = "Le Laos a lancé une attaque contre la politique du Vietnam."
    found = [t[:3] for t in coded(text, {"Laos": "LAO", "Vietnam": "VNM"})]
    assert ("ACCUSE", ["LAO"], ["VNM"]) in found and not any(t[0] == "ASSAULT" for t in found)


def test_subject_hit_by_sanctions_is_their_recipient() -> None:
    text = "La banque laotienne a été visée par des sanctions japonaises."
    assert ("SANCTION", ["JPN"], ["LAO"]) in [t[:3] for t in coded(text)]


def test_holding_people_is_detention_holding_things_is_not() -> None:
    entities = {"Chine": "CHN", "Canada": "CAN"}
    assert "COERCE" in types("La Chine détient deux journalistes du Canada.", entities)
    assert "COERCE" not in types("La Chine détient le record de production.", entities)
    assert "COERCE" not in types("La Chine détient des parts dans une banque du Canada.", entities)


def test_a_definite_noun_recalls_the_coded_body_named_earlier() -> None:
    text = ("Les milices tchadiennes ont quitté la ville. Le gouvernement du Niger "
            "a accusé les milices d'avoir tiré sur un poste.")
    found = coded(text, {"milices tchadiennes": ("TCD", "GROUP"), "gouvernement du Niger": ("NER", "ORGANIZATION")})
    assert ("ACCUSE", ["NER"], ["TCD"], None) in found


def test_no_recall_of_a_body_named_only_later() -> None:
    text = ("Le gouvernement du Niger a accusé les milices d'avoir tiré sur un poste. "
            "Les milices tchadiennes ont démenti.")
    found = coded(text, {"milices tchadiennes": ("TCD", "GROUP"), "gouvernement du Niger": ("NER", "ORGANIZATION")})
    assert not [f for f in found if f[0] == "ACCUSE" and f[2] == ["TCD"]]


def test_killing_uncoded_people_in_a_place_aims_at_its_country() -> None:
    found = coded("Des hommes armés ont tué mardi trois villageois dans le village de Tessit.", {},
                  {"Tessit": "MLI"})
    assert [(t, r) for t, _, r, _ in found] == [("ASSAULT", ["MLI"])]


def test_an_arrest_of_unnamed_people_stays_inside_the_actor_country() -> None:
    found = coded("La police péruvienne a interpellé dix militants.", {"police péruvienne": ("PER", "ORGANIZATION")})
    assert ("COERCE", ["PER"], ["PER"], None) in found


def test_a_state_attack_on_unnamed_targets_gets_no_domestic_recipient() -> None:
    found = coded("La Bolivie a bombardé des positions fortifiées.", {"Bolivie": "BOL"})
    assert ("ASSAULT", ["BOL"], [], None) in found
