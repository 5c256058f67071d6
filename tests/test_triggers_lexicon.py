"""The French trigger lexicon (resources/fr/triggers.toml): entries that widen recall, and the
context options that keep their literal reading only (a military sentence, a place, a
person captured, a crowd)."""

from __future__ import annotations

import pytest

from events_helpers import parsed
from vigie.extract.events_triggers import find_triggers

pytestmark = pytest.mark.slow


def coded(sentence: str) -> list[tuple[str, str | None]]:
    """(type, mode) of the trigger hits of ``sentence``."""
    return [(h.group.type, h.group.mode) for h in find_triggers(parsed(sentence), "fr")]


def events(analyze, text: str) -> list[tuple[str, list[str | None], list[str | None], str]]:
    """(type, actor countries, recipient countries, trigger text) of the analysed events."""
    return [(e.type, [a.country for a in e.actors], [r.country for r in e.recipients], e.trigger.text)
            for e in analyze(text).events]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Des miliciens ont décapité trois villageois.", ("ASSAULT", "targeted")),
    ("Les deux armées se sont affrontées toute la nuit près de la frontière.", ("ASSAULT", None)),
    ("Une ONG dénonce la disparition forcée de dizaines d'opposants.", ("ASSAULT", "abduct")),
    ("Le pays a redéployé des troupes au nord.", ("MOBILIZE", "troops")),
    ("La police a placé en détention deux militants.", ("COERCE", "arrest")),
    ("Les autorités ont coupé internet dans la province.", ("COERCE", "censor")),
    ("Le ministre s'est concerté avec son homologue.", ("CONSULT", None)),
    ("Le royaume a proposé sa médiation aux deux voisins.", ("AGREE", None)),
    ("Le gouvernement a fait marche arrière face aux syndicats.", ("CONCEDE", None)),
    ("Le chef de l'État a lancé un appel au calme.", ("REQUEST", None)),
    ("Le ministre s'est insurgé contre ces propos.", ("ACCUSE", "disapprove")),
    ("Le juge a décidé de traduire en justice trois officiers.", ("ACCUSE", "investigate")),
    ("Le président a écarté l'hypothèse d'un accord.", ("REJECT", None)),
    ("La junte a été accusée de chantage.", ("THREATEN", None)),
    ("Le sénateur a rendu hommage à son homologue.", ("SUPPORT", None)),
    ("Le pays a promis un soutien militaire à son allié.", ("AID", None)),
])
def test_new_entries_are_found(sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in coded(sentence)


def test_capture_of_a_town_is_an_occupation_of_a_person_an_arrest() -> None:
    assert ("ASSAULT", "occupy") in coded("Les insurgés ont annoncé la capture de la ville.")
    assert ("COERCE", "arrest") in coded("Les insurgés ont annoncé la capture de deux soldats.")


def test_a_crowd_protests_a_government_accuses() -> None:
    assert ("PROTEST", "demo") in coded("Des milliers d'étudiants ont protesté dans les rues.")
    assert ("ACCUSE", "disapprove") in coded("Le gouvernement a protesté auprès de son voisin.")


def test_rejecting_needs_a_proposal_or_a_charge() -> None:
    assert "REJECT" in [t for t, _ in coded("Le ministre a balayé ces accusations.")]
    assert "REJECT" not in [t for t, _ in coded("Le ministre a décliné son identité.")]
    assert "REJECT" not in [t for t, _ in coded("Le club a écarté un joueur de l'équipe.")]


@pytest.mark.parametrize("text", [
    "La réforme des retraites a été adoptée par le Parlement français.",
    "La Bourse de Paris s'est repliée de 2 % face à Londres.",
    "Le gouvernement français a déployé des efforts considérables pour la réforme.",
    "Les électeurs français sont mobilisés par les élections régionales.",
    "Les dirigeants sochaliens ont été frappés par l'agressivité des joueurs allemands.",
    "Le chômage a encore progressé, frappant les jeunes Français.",
])
def test_figurative_readings_make_no_event(analyze, text: str) -> None:
    assert not [e for e in events(analyze, text) if e[0] in ("RETREAT", "MOBILIZE", "ASSAULT")]


def test_literal_readings_still_make_events(analyze) -> None:
    found = events(analyze, "La Turquie a déployé des troupes à la frontière syrienne.")
    assert ("MOBILIZE", ["TUR"]) in [(t, a) for t, a, _, _ in found]
    found = events(analyze, "L'armée nigériane a affronté les rebelles près de Maiduguri.")
    assert "ASSAULT" in [t for t, _, _, _ in found]


def test_a_stay_abroad_is_a_visit(analyze) -> None:
    found = events(analyze, "Le ministre chinois a passé deux jours à Berlin.")
    assert ("CONSULT", ["CHN"], ["DEU"]) in [(t, a, r) for t, a, r, _ in found]


def test_banning_is_repression_only_for_media_gatherings_or_people() -> None:
    assert ("COERCE", "censor") in coded("Le gouvernement a interdit la manifestation de samedi.")
    assert ("COERCE", "censor") in coded("Le régime a interdit trois journaux d'opposition.")
    assert ("COERCE", "censor") not in coded("Le canton a interdit ce pesticide dès l'an prochain.")
    assert ("COERCE", "censor") not in coded("Le condamné doit encore purger sa peine.")


def test_executing_a_contract_or_winding_up_a_firm_is_no_killing() -> None:
    assert ("ASSAULT", "targeted") in coded("Le régime a procédé à l'exécution de deux opposants.")
    assert ("ASSAULT", "targeted") not in coded("Le ministère a confirmé l'exécution du contrat.")
    assert ("ASSAULT", "targeted") not in coded("Le tribunal a prononcé la liquidation judiciaire de l'usine.")
    assert ("ASSAULT", "targeted") not in coded("Les agents ont abattu un arbre centenaire.")


def test_the_party_rassemblement_national_is_no_gathering() -> None:
    assert ("PROTEST", "demo") in coded("Un rassemblement de soutien a eu lieu devant la mairie.")
    assert ("PROTEST", "demo") not in coded("Le Rassemblement national a critiqué le projet.")


def test_banning_a_party_and_lifting_restrictions() -> None:
    assert ("COERCE", "censor") in coded("La junte a dissous les partis politiques.")
    assert "RETREAT" in [t for t, _ in coded("Pékin a levé les restrictions imposées aux entreprises.")]


def test_suspending_a_broadcaster_and_arrest_warrants() -> None:
    assert ("COERCE", "censor") in coded("Le gouvernement a suspendu la diffusion de la radio.")
    assert ("ACCUSE", "investigate") in coded("La cour a émis un mandat d'arrêt contre l'ancien président.")


def test_manoeuvres_are_military_only_with_the_military() -> None:
    assert ("MOBILIZE", "troops") in coded("Des manœuvres de la marine ont eu lieu près des côtes.")
    assert not coded("Des manœuvres dilatoires ont retardé le vote.")


def test_an_arms_delivery_names_a_weapon(analyze) -> None:
    found = events(analyze, "La France a livré des canons à la Roumanie.")
    assert ("COOPERATE", ["FRA"], ["ROU"]) in [(t, a, r) for t, a, r, _ in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le royaume a octroyé l'asile à un opposant en exil.", ("AID", "asylum")),
    ("Les deux services ont échangé des renseignements sur la menace.", ("COOPERATE", None)),
    ("Le gouvernement a levé son veto à l'adhésion du pays voisin.", ("RETREAT", None)),
    ("Les autorités ont fermé le point de passage pendant trois jours.", ("COERCE", "restrict")),
    ("Les deux voisins ont rétabli leurs relations diplomatiques.", ("AGREE", None)),
])
def test_more_material_and_diplomatic_entries(sentence: str, expected: tuple[str, str | None]) -> None:
    assert expected in coded(sentence)
