"""Entity linking and in-document coreference (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kb_helpers import analyse, entity_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def defence():
    return analyse(
        "Un haut responsable de la défense nord-coréen a démenti mardi toute livraison d’armes. "
        "Le responsable a accusé Washington de mentir. "
        "Le président russe Vladimir Poutine a salué ces propos, a rapporté l’agence TASS. "
        "Poutine a ajouté que le ministère russe de la Défense n’avait rien acheté. "
        "Selon les services de renseignement américains, le régime de Kim Jong Un a pourtant livré "
        "des obus. Kim n’a pas réagi. La Russie et la Corée du Nord démentent. "
        "La nation asiatique reste isolée.")


def test_anonymous_source_and_its_definite_mention(defence) -> None:
    first = entity_of(defence, "Un haut responsable de la défense nord-coréen")
    assert first is not None and first.anonymous
    assert (first.country, first.sector) == ("PRK", "MIL")
    assert entity_of(defence, "Le responsable") is first


def test_metonymic_capital_is_a_government(defence) -> None:
    washington = entity_of(defence, "Washington")
    assert (washington.type, washington.country, washington.sector) == ("ORGANIZATION", "USA", "GOV")
    assert washington.geo is None


def test_leader_names_titles_and_dates(defence) -> None:
    putin = entity_of(defence, "Vladimir Poutine")
    assert (putin.country, putin.sector, putin.kb) == ("RUS", "GOV", {"wikidata": "Q7747"})
    assert entity_of(defence, "Poutine", nth=1) is putin
    assert entity_of(defence, "Le président russe") is putin
    assert putin.description == "président russe"


def test_composite_institutions(defence) -> None:
    ministry = entity_of(defence, "le ministère russe de la Défense")
    assert (ministry.country, ministry.sector) == ("RUS", "MIL")
    spies = entity_of(defence, "les services de renseignement américains")
    assert (spies.country, spies.sector) == ("USA", "SPY")
    regime = entity_of(defence, "le régime de Kim Jong Un")
    assert (regime.country, regime.sector) == ("PRK", "GOV")


def test_surname_joins_full_name(defence) -> None:
    kim = entity_of(defence, "Kim Jong Un")
    assert entity_of(defence, "Kim n’a", nth=0) is kim
    assert kim.country == "PRK"


def test_country_anaphor_picks_the_country_of_its_continent(defence) -> None:
    nation = entity_of(defence, "La nation asiatique")
    assert nation is not None and nation.type == "COUNTRY" and nation.country == "PRK"


def test_resolve_reads_unseen_descriptions() -> None:
    a = analyse("Des diplomates à Tokyo et à Pékin ont salué l’accord. "
                "Les agences de presse chinoises ont relayé la nouvelle.")
    diplomats = entity_of(a, "Des diplomates à Tokyo et à Pékin")
    assert diplomats.country == "JPN" and diplomats.anonymous
    press = entity_of(a, "Les agences de presse chinoises")
    assert (press.country, press.sector) == ("CHN", "MED")


def test_apposition_after_a_name() -> None:
    a = analyse("Selon Jeanne Martin, porte-parole du Quai d’Orsay, la réunion aura lieu.")
    person = entity_of(a, "Jeanne Martin")
    assert (person.country, person.sector) == ("FRA", "GOV")
    assert person.description == "porte-parole du Quai d’Orsay"


def test_another_witness_is_a_new_referent() -> None:
    a = analyse("Un témoin a vu la scène. Un autre témoin a entendu des cris.")
    assert entity_of(a, "Un témoin") is not entity_of(a, "Un autre témoin")


def test_documents_speak_for_their_author() -> None:
    a = analyse("Un rapport publié par Amnesty International dénonce des arrestations. "
                "Le rapport cite des témoins.")
    amnesty = entity_of(a, "Un rapport publié par Amnesty International")
    assert amnesty.country == "NGO"
    assert entity_of(a, "Le rapport") is amnesty


def test_actor_ref_carries_codes(defence) -> None:
    putin = entity_of(defence, "Vladimir Poutine")
    ref = defence.entities.actor_ref(putin, "Poutine")
    assert (ref.country, ref.sector) == ("RUS", "GOV")


def test_possessive_belongs_to_the_subject() -> None:
    a = analyse("La Russie a réagi par la voix de son ambassadeur aux États-Unis, Anatoli Antonov.")
    assert entity_of(a, "Anatoli Antonov").country == "RUS"


def test_variant_spelling_of_a_first_name_joins() -> None:
    a = analyse("Mohamed Ould Salem est arrivé. Plus tard, Mohammed Ould Salem a parlé. "
                "Marine Salem n’a rien dit.")
    first = entity_of(a, "Mohamed Ould Salem")
    assert entity_of(a, "Mohammed Ould Salem") is first
    assert entity_of(a, "Marine Salem") is not first


def test_unplaced_state_bodies_belong_to_the_main_country() -> None:
    a = analyse("Le Portugal prépare une réforme. À Lisbonne, le gouvernement portugais consulte. "
                "Le Portugal attend. Le ministre de l’Intérieur a précisé que la police sera "
                "renforcée. La Suède observe.")
    assert entity_of(a, "Le ministre de l’Intérieur").country == "PRT"
    assert entity_of(a, "la police").country == "PRT"


def test_two_anonymous_sources_stay_two() -> None:
    a = analyse("Une source diplomatique a confirmé l’accord. Plus tard, une source proche du "
                "dossier a nuancé.")
    assert entity_of(a, "Une source diplomatique") is not entity_of(a, "une source proche du dossier")


def test_a_longer_body_is_not_the_known_one() -> None:
    a = analyse("Le Conseil de sécurité nationale américain s’est réuni à Washington.")
    council = entity_of(a, "Conseil de sécurité nationale")
    assert council is None or council.country != "UNO"


def test_bridging_and_partitive() -> None:
    a = analyse("Human Rights Watch dénonce la torture. L’ONG affirme que les centres sont pleins. "
                "« C’est grave », a dit un des chercheurs de HRW, Ole Solvang.")
    hrw = entity_of(a, "Human Rights Watch")
    assert entity_of(a, "L’ONG") is hrw and hrw.country == "NGO"
    assert entity_of(a, "Ole Solvang").country == "NGO"
