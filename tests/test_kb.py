"""The knowledge base: normalised keys, lookups, leaders by date, load time."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from vigie.kb import load_kb, make_key

ARTICLES = ("le", "la", "les", "l'")


@pytest.mark.parametrize(("text", "key"), [
    ("États-Unis", "etats unis"),
    ("les Etats Unis", "etats unis"),
    ("l’Élysée", "elysee"),
    ("la Corée du Nord", "coree du nord"),
    ("Quai d’Orsay", "quai d'orsay"),
    ("U.S.", "u s"),
])
def test_keys_are_normalised(text: str, key: str) -> None:
    assert make_key(text, ARTICLES) == key


def test_articles_alone_are_kept() -> None:
    assert make_key("La", ARTICLES) == "la"


def _actor(name: str, language: str = "fr"):
    found = load_kb().actors(make_key(name, ARTICLES), language)
    assert found, name
    return found[0]


@pytest.mark.parametrize(("name", "country", "sector"), [
    ("Etats-Unis", "USA", None),
    ("RPDC", "PRK", None),
    ("Birmanie", "MMR", None),
    ("Palestine", "PSE", None),
    ("la Maison-Blanche", "USA", "GOV"),
    ("le Kremlin", "RUS", "GOV"),
    ("l’Élysée", "FRA", "GOV"),
    ("le Quai d’Orsay", "FRA", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("ONU", "UNO", None),
    ("Nations unies", "UNO", None),
    ("AIEA", "UNO", None),
    ("UE", "EUR", None),
    ("OTAN", "IGO", "MIL"),
    ("HRW", "NGO", None),
    ("Amnesty", "NGO", None),
    ("département d’État", "USA", "GOV"),
])
def test_actors(name: str, country: str, sector: str | None) -> None:
    actor = _actor(name)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(("name", "country"), [("Washington", "USA"), ("Moscou", "RUS"),
                                                ("Pyongyang", "PRK"), ("Pékin", "CHN")])
def test_capitals_are_metonyms_for_governments(name: str, country: str) -> None:
    capitals = [a for a in load_kb().actors(make_key(name), "fr") if a.type == "CAPITAL"]
    assert capitals and capitals[0].country == country and capitals[0].sector == "GOV"


@pytest.mark.parametrize(("word", "code"), [
    ("nord-coréen", "PRK"), ("nord-coréenne", "PRK"), ("nord-coréens", "PRK"),
    ("nord-coréennes", "PRK"), ("américaines", "USA"), ("Russes", "RUS"), ("française", "FRA"),
    ("turque", "TUR"), ("britanniques", "GBR"),
])
def test_demonyms_in_all_forms(word: str, code: str) -> None:
    assert load_kb().demonym(word, "fr") == code


def test_leaders_have_sectors_by_date() -> None:
    kb = load_kb()
    (putin,) = kb.by_surname("poutine")
    assert putin.country == "RUS"
    assert putin.sector_on(dt.date(2022, 9, 22)) == "GOV"
    assert putin.sector_on(dt.date(1995, 1, 1)) is None
    kims = kb.by_surname("kim")
    in_office = [k for k in kims if k.sector_on(dt.date(2022, 9, 22))]
    assert [k.name("fr") for k in in_office] == ["Kim Jong Un"]


@pytest.mark.parametrize(("name", "country", "feature"), [
    ("Louhansk", "UKR", "city"), ("Séoul", "KOR", "city"), ("SEOUL", "KOR", "city"),
    ("Moscou", "RUS", "city"), ("Pékin", "CHN", "city"), ("Kharkiv", "UKR", "city"),
    ("Londres", "GBR", "city"), ("Suisse", "CHE", "country"), ("Ukraine", "UKR", "country"),
    ("Crimée", "UKR", "region"), ("Cisjordanie", "PSE", "region"), ("Afrique", None, "region"),
])
def test_places(name: str, country: str | None, feature: str) -> None:
    places = load_kb().places(make_key(name, ARTICLES))
    assert places, name
    assert (places[0].country, places[0].feature) == (country, feature)
    assert -90 <= places[0].lat <= 90 and -180 <= places[0].lon <= 180


def test_places_are_ranked_by_population() -> None:
    (first, *others) = load_kb().places("tripoli")
    assert first.country == "LBY" and any(p.country == "LBN" for p in others)


def test_lookup_is_an_index_access() -> None:
    kb = load_kb()
    t0 = time.perf_counter()
    for _ in range(10_000):
        kb.places("seoul")
        kb.actors("coree du nord", "fr")
    assert (time.perf_counter() - t0) / 20_000 < 50e-6


def test_shipped_data_is_small() -> None:
    from importlib import resources

    data = resources.files("vigie.kb").joinpath("data")
    total = sum(f.stat().st_size for f in data.iterdir() if f.name.endswith(".gz"))  # type: ignore[attr-defined]
    assert total < 15_000_000


def test_a_term_may_be_held_for_another_country() -> None:
    (leyen,) = load_kb().by_surname(make_key("von der Leyen"))
    assert leyen.country_on(dt.date(2018, 4, 14)) == "DEU"
    assert leyen.sector_on(dt.date(2018, 4, 14)) == "MIL"
    assert leyen.country_on(dt.date(2022, 1, 1)) == "EUR"


def test_capital_comes_before_a_region_of_the_same_name() -> None:
    first = load_kb().places("washington")[0]
    assert (first.feature, first.country) == ("city", "USA")
