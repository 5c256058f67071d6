"""Trigger families: each PLOVER family is found from French verbs and nouns, multi-word
phrases match across function words, and the specific reading beats the generic one."""

from __future__ import annotations

import pytest

from events_helpers import parsed
from vigie.extract.events_triggers import find_triggers, lexicon

pytestmark = pytest.mark.slow


def coded(sentence: str) -> list[tuple[str, str | None, str]]:
    doc = parsed(sentence)
    return [(h.group.type, h.group.mode, doc[h.start:h.end].text) for h in find_triggers(doc, "fr")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("L'armée a bombardé la ville pendant la nuit.", "ASSAULT"),
    ("Les rebelles ont attaqué un convoi.", "ASSAULT"),
    ("Une contre-offensive a débuté hier.", "ASSAULT"),
    ("Les troupes se sont retirées du village.", "RETREAT"),
    ("Le gouvernement a libéré douze prisonniers.", "RETREAT"),
    ("Le royaume a rappelé son ambassadeur à Quito.", "SANCTION"),
    ("Bruxelles a gelé les avoirs de trois ministres.", "SANCTION"),
    ("Le régime prépare un essai de missile balistique.", "MOBILIZE"),
    ("Moscou a décrété la mobilisation de réservistes.", "MOBILIZE"),
    ("La police a arrêté deux militants.", "COERCE"),
    ("Les enquêteurs ont perquisitionné le siège du parti.", "COERCE"),
    ("Le ministre s'est entretenu avec son homologue.", "CONSULT"),
    ("Les deux chefs ont échangé des messages cordiaux.", "CONSULT"),
    ("Le pays a fourni des armes aux insurgés.", "COOPERATE"),
    ("Des centaines d'étudiants ont manifesté dans la capitale.", "PROTEST"),
    ("Le syndicat convoque une grève générale.", "PROTEST"),
])
def test_trigger_families(sentence: str, expected: str) -> None:
    assert expected in [t for t, _, _ in coded(sentence)]


def test_multiword_phrase_spans_its_words() -> None:
    found = coded("Le gouvernement a ordonné le gel des avoirs de la banque.")
    assert ("SANCTION", None, "gel des avoirs") in found


def test_reflexive_verb_needs_its_clitic() -> None:
    assert [t for t, _, _ in coded("Il a retiré de l'argent.")] == []
    assert "RETREAT" in [t for t, _, _ in coded("Il s'est retiré de la course.")]


def test_needs_picks_the_conviction_reading() -> None:
    assert ("SANCTION", "convict") in [(t, m) for t, m, _ in
                                       coded("Le tribunal l'a condamné à cinq ans de prison.")]
    assert ("ACCUSE", "disapprove") in [(t, m) for t, m, _ in
                                        coded("Le ministre a condamné ces violences.")]


def test_arms_sale_needs_a_weapon() -> None:
    assert [t for t, _, _ in coded("Elle a vendu sa maison.")] == []
    assert "COOPERATE" in [t for t, _, _ in coded("Ils ont vendu des missiles au régime.")]


def test_one_hit_per_head_and_lexicon_cached() -> None:
    doc = parsed("Des frappes aériennes ont visé la ville.")
    hits = find_triggers(doc, "fr")
    assert [(h.group.mode, h.head.text) for h in hits] == [("aerial", "frappes")]
    assert lexicon("fr") is lexicon("fr")


def test_unknown_language_has_no_triggers() -> None:
    assert find_triggers(parsed("Il a attaqué."), "xx") == []


def test_verbal_attack_is_an_accusation() -> None:
    sentence = "Le chef d'État a attaqué avec virulence son rival dans une interview."
    assert ("ACCUSE", "disapprove") in [(t, m) for t, m, _ in coded(sentence)]
    assert [t for t, _, _ in coded("Les rebelles attaquent la caserne.")] == ["ASSAULT"]


def test_stopping_is_not_arresting() -> None:
    assert [t for t, _, _ in coded("Arrêtez la destruction des mausolées.")] == ["ASSAULT"]
    assert "COERCE" in [t for t, _, _ in coded("La police a arrêté deux militants.")]


def test_adjectives_and_singular_figures_are_not_event_nouns() -> None:
    assert [t for t, _, _ in coded("La situation humanitaire reste critique.")] == []
    assert [t for t, _, _ in coded("Le combat politique continue.")] == []
    assert "ASSAULT" in [t for t, _, _ in coded("Les combats ont repris à l'aube.")]


def test_blocking_a_proposal_is_a_rejection() -> None:
    assert ("REJECT", "change") in [(t, m) for t, m, _ in
                                    coded("La Russie a bloqué le projet de résolution du Conseil.")]
    assert "COERCE" in [t for t, _, _ in coded("Les manifestants ont bloqué la route.")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("De violents heurts ont opposé les deux milices près du pont.", ("ASSAULT", None)),
    ("Les insurgés ont tiré des roquettes sur la base.", ("ASSAULT", None)),
    ("Le pays a retiré ses troupes de la zone tampon.", ("RETREAT", "withdraw")),
    ("Le voisin a rouvert sa frontière aux camions.", ("RETREAT", None)),
    ("Le gouvernement a suspendu sa coopération militaire avec la junte.", ("SANCTION", "discontinue")),
    ("L'armée a été placée en état d'alerte maximale.", ("MOBILIZE", "troops")),
    ("La marine conduit des manœuvres navales au large.", ("MOBILIZE", "troops")),
    ("Les autorités détiennent deux journalistes étrangers.", ("COERCE", "arrest")),
    ("La détention du militant a choqué ses proches.", ("COERCE", "arrest")),
    ("Le chef de l'État a exprimé sa solidarité avec le peuple voisin.", ("SUPPORT", None)),
    ("Les deux camps sont parvenus à un accord sur les quotas.", ("AGREE", None)),
    ("Un mouvement de protestation gagne les universités.", ("PROTEST", "demo")),
])
def test_more_trigger_families(sentence: str, expected: tuple) -> None:
    assert expected in [(t, m) for t, m, _ in coded(sentence)]



@pytest.mark.parametrize(("sentence", "expected"), [
    ("La garnison a capitulé après trois semaines de siège.", ("RETREAT", "withdraw")),
    ("Les belligérants ont ouvert un corridor humanitaire vers le port.", ("RETREAT", "access")),
    ("La police a dispersé les manifestants à coups de gaz lacrymogène.", ("COERCE", "restrict")),
    ("Le gouvernement s'oppose fermement au projet de barrage.", ("REJECT", None)),
])
def test_surrender_access_dispersal_opposition(sentence: str, expected: tuple) -> None:
    assert expected in [(t, m) for t, m, _ in coded(sentence)]


def test_scattering_efforts_is_no_repression() -> None:
    assert "COERCE" not in [t for t, _, _ in coded("Le club a dispersé ses efforts.")]


@pytest.mark.parametrize(("sentence", "is_request"), [
    ("L'organisation appelle à un cessez-le-feu immédiat.", True),
    ("Le ministre a appelé les rebelles à déposer les armes.", True),
    ("Le tribun avait appelé sa rivale « la marquise du manoir ».", False),
    ("Le président a appelé son homologue hier soir.", False),
])
def test_calling_is_a_request_only_towards_something(sentence: str, is_request: bool) -> None:
    assert ("REQUEST" in [t for t, _, _ in coded(sentence)]) is is_request
