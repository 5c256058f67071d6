"""Event arguments from the parse: subjects, objects, obliques, passives, nominal events,
coordination, support verbs, and the place of an event."""

from __future__ import annotations

import pytest

import vigie.extract.events_actors as events_actors
from events_helpers import make_analysis
from vigie.extract.events_actors import Actors, name_key
from vigie.extract.events_arguments import ArgumentFinder
from vigie.extract.events_triggers import find_triggers, lexicon

pytestmark = pytest.mark.slow

DEMONYMS = {"ukrainienne": "UKR", "russe": "RUS", "russes": "RUS", "syrien": "SYR"}


@pytest.fixture(autouse=True)
def demonyms(monkeypatch):
    """A few demonyms, independent of the knowledge base."""
    monkeypatch.setattr(events_actors, "demonym_country", lambda w, lang: DEMONYMS.get(w.lower()))


def args_of(text: str, trigger: str, **entities):
    analysis = make_analysis(text, entities.pop("ents", {}), entities.pop("places", {}))
    lex = lexicon("fr")
    a = lex.arguments
    finder = ArgumentFinder(Actors(analysis, a["pronouns"], a["relatives"], a["genitive_case"]), lex)
    hit = next(h for h in find_triggers(analysis.doc, "fr") if h.head.text == trigger)
    found = finder.find(hit)
    return ([p.code for p in found.actors], [p.code for p in found.recipients],
            found.place.text if found.place else None)


def test_subject_and_object() -> None:
    text = "La Turquie a bombardé la Syrie."
    assert args_of(text, "bombardé", ents={"Turquie": "TUR", "Syrie": "SYR"})[:2] == (["TUR"], ["SYR"])


def test_passive_agent_is_the_actor() -> None:
    text = "La Syrie a été attaquée par la Turquie."
    assert args_of(text, "attaquée", ents={"Turquie": "TUR", "Syrie": "SYR"})[:2] == (["TUR"], ["SYR"])


def test_oblique_recipient_and_theme_object() -> None:
    text = "L'Iran a fourni des drones à la Russie."
    assert args_of(text, "fourni", ents={"Iran": "IRN", "Russie": "RUS"})[:2] == (["IRN"], ["RUS"])


def test_coordinated_subjects() -> None:
    text = "Le Japon et la Corée du Sud ont rencontré la Chine."
    actors, recipients, _ = args_of(text, "rencontré",
                                    ents={"Japon": "JPN", "Corée du Sud": "KOR", "Chine": "CHN"})
    assert sorted(actors) == ["JPN", "KOR"] and recipients == ["CHN"]


def test_nominal_event_with_demonym() -> None:
    text = "Une contre-offensive ukrainienne a repoussé les troupes russes."
    assert args_of(text, "contre-offensive") [:2] == (["UKR"], ["RUS"])


def test_nominal_event_with_genitive_actor_and_participle_recipient() -> None:
    text = "Il a dénoncé les sanctions de l'Union européenne imposées à la Biélorussie."
    ents = {"Union européenne": "EUR", "Biélorussie": "BLR"}
    assert args_of(text, "sanctions", ents=ents)[:2] == (["EUR"], ["BLR"])


def test_genitive_of_an_attack_noun_is_the_target() -> None:
    text = "L'invasion de l'Ukraine par la Russie a commencé."
    ents = {"Ukraine": "UKR", "Russie": "RUS"}
    assert args_of(text, "invasion", ents=ents)[:2] == (["RUS"], ["UKR"])


def test_support_verb_gives_the_actor() -> None:
    text = "Le Kenya a déclenché une offensive contre les Shebab."
    ents = {"Kenya": "KEN", "Shebab": "IMG"}
    assert args_of(text, "offensive", ents=ents)[:2] == (["KEN"], ["IMG"])


def test_subject_inherited_in_coordination() -> None:
    text = "Le Brésil a rencontré l'Argentine et a signé un accord."
    ents = {"Brésil": "BRA", "Argentine": "ARG"}
    assert args_of(text, "signé", ents=ents)[0] == ["BRA"]


def test_object_control_gives_the_actor_of_the_complement() -> None:
    text = "La marine accuse les miliciens d'avoir attaqué des dépôts."
    assert args_of(text, "attaqué", ents={"miliciens": "LBY"})[0] == ["LBY"]


def test_place_of_the_event() -> None:
    text = "La police a arrêté trois militants à Lyon."
    found = args_of(text, "arrêté", ents={"police": ("FRA", "ORGANIZATION")}, places={"Lyon": "FRA"})
    assert found == (["FRA"], ["FRA"], "Lyon")  # an arrest stays at home


def test_city_after_a_is_a_place_not_a_recipient() -> None:
    text = "Le Premier ministre a rencontré le président à Berlin."
    _, recipients, place = args_of(text, "rencontré", places={"Berlin": "DEU"})
    assert recipients == [] and place == "Berlin"


def test_support_verb_gives_the_recipient_of_a_theme_noun() -> None:
    text = "Le Qatar a envoyé lundi au Soudan de l'aide humanitaire."
    assert args_of(text, "aide", ents={"Qatar": "QAT", "Soudan": "SDN"})[:2] == (["QAT"], ["SDN"])


def test_recalled_ambassador_names_the_recipient() -> None:
    text = "Le Chili rappelle son ambassadeur en Bolivie."
    assert args_of(text, "rappelle", ents={"Chili": "CHL", "Bolivie": "BOL"})[:2] == (["CHL"], ["BOL"])


def test_name_inside_a_longer_description_is_itself() -> None:
    text = "Le Chili rappelle son ambassadeur en Bolivie."
    analysis = make_analysis(text, {"Bolivie": "BOL"})
    start = text.index("son ambassadeur")
    analysis.entities.add("son ambassadeur en Bolivie", start, start + 26, "PERSON", country="CHL")
    lex = lexicon("fr")
    a = lex.arguments
    actors = Actors(analysis, a["pronouns"], a["relatives"], a["genitive_case"])
    bolivie = next(t for t in analysis.doc if t.text == "Bolivie")
    assert actors.resolve(bolivie).code == "BOL"


def test_plural_possessive_takes_the_clause_subjects() -> None:
    text = "Le Japon et la Chine ont abordé la pêche pendant leur rencontre."
    actors, recipients, _ = args_of(text, "rencontre", ents={"Japon": "JPN", "Chine": "CHN"})
    assert sorted(actors) == ["CHN", "JPN"] and sorted(recipients) == ["CHN", "JPN"]


def test_name_missed_by_the_recogniser_is_found_by_its_spelling() -> None:
    text = "Le parti a condamné les violences commises par Ahmed Benali. Ahmed Benali a répondu."
    analysis = make_analysis(text)
    start = text.rindex("Ahmed Benali")
    analysis.entities.add("Ahmed Benali", start, start + 12, "PERSON", country="MAR")
    lex = lexicon("fr")
    a = lex.arguments
    actors = Actors(analysis, a["pronouns"], a["relatives"], a["genitive_case"])
    first = next(t for t in analysis.doc if t.text == "Ahmed")
    assert actors.resolve(first).code == "MAR"
    assert name_key("N'diaye  El Amrani") == name_key("N’Diaye El Amrani")


def test_place_hung_on_the_governing_verb_after_an_event_noun() -> None:
    text = "L'arme avait servi pendant l'assassinat du juge chilien en 1998, à Lisbonne."
    _, _, place = args_of(text, "assassinat", places={"Lisbonne": "PRT"})
    assert place == "Lisbonne"


def test_subject_of_faire_l_objet_undergoes_the_event() -> None:
    text = "Le siège du parti turc a fait l'objet de perquisitions."
    actors, recipients, _ = args_of(text, "perquisitions", ents={"parti turc": "TUR"})
    assert actors == [] and recipients == ["TUR"]
