"""Geocoding: toponyms, exonyms, regions, streets, the dateline, places versus metonyms."""

from __future__ import annotations

import pytest

from kb_helpers import analyse, entity_of
from vigie.extract.places import choose
from vigie.kb.store import Place

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def war():
    return analyse(
        "KIEV – Les combats se poursuivent dans la région de Kharkiv et à Louhansk, "
        "dans l’est de l’Ukraine. Moscou a démenti. Des observateurs à Moscou et à Pékin "
        "suivent la situation en Crimée.")


def test_cities_with_exonyms(war) -> None:
    for name in ("Kharkiv", "Louhansk"):
        e = entity_of(war, name)
        assert e.geo is not None and e.geo.country == "UKR" and e.geo.feature == "city", name
        assert e.geo.geonames


def test_countries_and_regions(war) -> None:
    ukraine = entity_of(war, "Ukraine")
    assert (ukraine.type, ukraine.geo.feature, ukraine.geo.country) == ("COUNTRY", "country", "UKR")
    crimea = entity_of(war, "Crimée")
    assert (crimea.geo.feature, crimea.geo.country) == ("region", "UKR")


def test_capital_is_a_place_only_when_used_as_one(war) -> None:
    actor = entity_of(war, "Moscou")
    assert actor.geo is None and (actor.country, actor.sector) == ("RUS", "GOV")
    place = entity_of(war, "Moscou", nth=1)
    assert place is not actor and place.geo is not None and place.geo.country == "RUS"
    beijing = entity_of(war, "Pékin")
    assert beijing.geo is not None and beijing.geo.country == "CHN"


def test_dateline_place(war) -> None:
    dateline = war.meta.dateline
    assert dateline is not None
    doc = war.document(0.0, "test")
    place = doc.entity(doc.meta.dateline.place)
    assert place is not None and place.geo.country == "UKR"


def test_street_is_located_in_its_city() -> None:
    a = analyse("La manifestation est partie de la rue des Lilas, à Lyon, vers midi.")
    street = entity_of(a, "rue des Lilas")
    assert street.geo is not None and street.geo.country == "FRA"
    lyon = entity_of(a, "Lyon")
    assert (street.geo.lat, street.geo.lon) == (lyon.geo.lat, lyon.geo.lon)


def test_macro_region_without_country() -> None:
    a = analyse("Proche-Orient : la tension monte.")
    region = entity_of(a, "Proche-Orient")
    assert region is not None and region.geo is not None and region.geo.country is None


def _city(name: str, country: str, population: int) -> Place:
    return Place(1, name, country, 0.0, 0.0, population, "city")


def test_namesake_in_the_article_countries_wins() -> None:
    big, small = _city("Tripoli", "LBY", 300_000), _city("Tripoli", "LBN", 30_000)
    assert choose([big, small], {"LBN"}) is small
    assert choose([big, small], {"LBN", "LBY"}) is big
    assert choose([big, small], set()) is big


def test_a_major_city_keeps_its_name() -> None:
    vienna, vienne = _city("Vienna", "AUT", 1_700_000), _city("Vienne", "FRA", 30_000)
    assert choose([vienna, vienne], {"FRA"}) is vienna


def test_sites_and_unknown_toponyms_after_a_locative_word() -> None:
    a = analyse("Les fidèles se sont réunis devant la mosquée Sidi Yahia, à Tombouctou. "
                "Puis ils sont allés à Kalabougou.")
    mosque = entity_of(a, "mosquée Sidi Yahia")
    assert mosque.geo is not None and mosque.geo.country == "MLI"


def test_a_longer_place_name_than_the_ner_span() -> None:
    a = analyse("Les migrants arrivent par l’Europe du Sud et la Corne de l’Afrique.")
    south = entity_of(a, "Europe du Sud")
    assert south.geo is not None and south.geo.feature == "region"


def test_near_a_capital_is_a_place() -> None:
    a = analyse("L’attentat a été déjoué près de Paris, selon la police.")
    paris = entity_of(a, "Paris")
    assert paris.geo is not None and paris.geo.country == "FRA"


def test_capitals_as_ends_of_a_route_or_a_front_line() -> None:
    a = analyse("Les combats font rage entre Bagdad et Mossoul. Le car relie de Madrid à Lisbonne "
                "en dix heures. Le chantier de la ligne Lyon-Turin avance.")
    for name in ("Bagdad", "Mossoul", "Madrid", "Lisbonne", "Lyon", "Turin"):
        e = entity_of(a, name)
        assert e is not None and e.type == "LOCATION" and e.geo is not None, name


def test_capitals_between_parties_stay_actors() -> None:
    a = analyse("Les négociations entre Ankara et Athènes reprennent. Berlin a salué l’annonce. "
                "L’avertissement de Rome à Madrid est clair. L’axe Moscou-Pékin se renforce.")
    for name, code in (("Ankara", "TUR"), ("Athènes", "GRC"), ("Berlin", "DEU"), ("Rome", "ITA"),
                       ("Moscou", "RUS"), ("Pékin", "CHN")):
        e = entity_of(a, name)
        assert (e.type, e.country, e.sector, e.geo) == ("ORGANIZATION", code, "GOV", None), name


def test_a_capitalised_word_of_a_unit_name_is_no_toponym() -> None:
    a = analyse("Le 5e régiment blindé de la Garde aurait perdu la moitié de ses chars.")
    assert not [e for e in a.entities.entities if e.type == "LOCATION"]


def test_a_hyphenated_country_stays_one_place() -> None:
    a = analyse("Les élections en Bosnie-Herzégovine approchent. Le train Vienne-Budapest est annulé.")
    bih = entity_of(a, "Bosnie-Herzégovine")
    assert bih is not None and bih.country == "BIH"
    assert entity_of(a, "Budapest").geo.country == "HUN"


def test_acronyms_and_names_after_an_article_are_no_small_towns() -> None:
    a = analyse("Les combattants du FLN ont défilé. Les critères varient entre les pays de l’Union.")
    assert not [e for e in a.entities.entities if e.type == "LOCATION"]


def test_the_first_word_of_a_body_is_the_body_not_a_town() -> None:
    a = analyse("L’Union européenne hésite. Les dirigeants de l’Union se réunissent jeudi.")
    assert entity_of(a, "Union", nth=1) is entity_of(a, "L’Union européenne")
