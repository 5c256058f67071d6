"""Temporal expressions: one test per family, with sentences written for the tests.

The reference date is Thursday 16 March 2023.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vigie.extract.times import date_ref_for, find_times, to_date_ref
from vigie.schema import Time

PUB = dt.date(2023, 3, 16)  # a Thursday


def times(text: str, published: dt.date | None = PUB, doc=None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published, "fr", doc=doc)]


def one(text: str, published: dt.date | None = PUB, doc=None) -> tuple[str, str, str]:
    found = times(text, published, doc)
    assert len(found) == 1, found
    return found[0]


# --- days named from the publication date ------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("La ministre est rentrée hier.", ("hier", "DATE", "2023-03-15")),
    ("Le texte sera voté demain.", ("demain", "DATE", "2023-03-17")),
    ("Aujourd'hui, la grève continue.", ("Aujourd'hui", "DATE", "2023-03-16")),
    ("Il est arrivé avant-hier.", ("avant-hier", "DATE", "2023-03-14")),
    ("Le maire a parlé hier soir.", ("hier soir", "TIME", "2023-03-15TEV")),
    ("Les pompiers sont intervenus hier en fin d'après-midi.",
     ("hier en fin d'après-midi", "TIME", "2023-03-15TAF")),
    ("La séance a repris hier à 10 h.", ("hier à 10 h", "TIME", "2023-03-15T10:00")),
    ("Le président s'exprimera ce soir.", ("ce soir", "TIME", "2023-03-16TEV")),
])
def test_relative_days(text, expected):
    assert one(text) == expected


# --- weekdays, by tense and modifiers ------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Le porte-parole a déclaré jeudi que rien n'était décidé.", "2023-03-16"),
    ("Le porte-parole a déclaré mardi que rien n'était décidé.", "2023-03-14"),
    ("Les négociateurs se retrouveront mardi à Genève.", "2023-03-21"),
    ("La délégation doit arriver lundi.", "2023-03-20"),
    ("Le vote aura lieu jeudi prochain.", "2023-03-23"),
    ("Le conseil s'est réuni lundi dernier.", "2023-03-13"),
    ("Le sommet de mardi pourrait tout changer.", "2023-03-21"),
    ("Il est malade depuis mardi.", "2023-03-14"),
])
def test_weekdays_without_parse(text, value):
    assert one(text)[2] == value


def test_date_with_part_of_day_and_last_night():
    assert one("Le drame s'est produit le 3 mai 2022 au soir.")[1:] == ("TIME", "2022-05-03TEV")
    assert one("Des explosions ont retenti la nuit dernière.")[1:] == ("TIME", "2023-03-15TNI")


def test_weekday_with_part_of_day():
    assert one("Des tirs ont été entendus mardi soir.") == ("mardi soir", "TIME", "2023-03-14TEV")


def test_night_between_two_days():
    assert one("Les combats ont repris dans la nuit de lundi à mardi.")[1:] == (
        "TIME", "2023-03-13TNI")


# --- calendar dates ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Le traité a été signé le 21 septembre 1998.", ("le 21 septembre 1998", "DATE", "1998-09-21")),
    ("Le sommet se tiendra le 2 avril.", ("le 2 avril", "DATE", "2023-04-02")),
    ("L'usine a fermé le 21 décembre.", ("le 21 décembre", "DATE", "2022-12-21")),
    ("Il a été élu le 6 mai dernier.", ("le 6 mai dernier", "DATE", "2022-05-06")),
    ("Les travaux reprendront le 1er septembre prochain.",
     ("le 1er septembre prochain", "DATE", "2023-09-01")),
    ("Rendez-vous le samedi 25 mars.", ("le samedi 25 mars", "DATE", "2023-03-25")),
    ("La loi date de mai 1988.", ("mai 1988", "DATE", "1988-05")),
    ("Le chantier s'achèvera début octobre.", ("début octobre", "DATE", "2023-10")),
    ("Le décret est paru le 03/02/2021.", ("le 03/02/2021", "DATE", "2021-02-03")),
    ("La réunion se tiendra le 20/03.", ("le 20/03", "DATE", "2023-03-20")),
])
def test_calendar_dates(text, expected):
    assert one(text) == expected


def test_range_gives_both_ends():
    found = find_times("Les manœuvres auront lieu du 23 au 27 mars.", PUB)
    assert [(t.text, t.value, t.end_value) for t in found] == [
        ("23", "2023-03-23", "2023-03-27"), ("27 mars", "2023-03-27", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le salon a fermé du 28 février au 3 mars.",
     [("28 février", "2023-02-28", "2023-03-03"), ("3 mars", "2023-03-03", None)]),
    ("Les soldes ont duré de janvier à mars.",
     [("janvier", "2023-01", "2023-03"), ("mars", "2023-03", None)]),
    ("La population a crû entre 2010 et 2015.",
     [("2010", "2010", "2015"), ("2015", "2015", None)]),
    ("Le festival aura lieu vendredi 17 et samedi 18 mars.",
     [("vendredi 17", "2023-03-17", "2023-03-18"), ("samedi 18 mars", "2023-03-18", None)]),
])
def test_ranges_link_their_ends(text, expected):
    assert [(t.text, t.value, t.end_value) for t in find_times(text, PUB)] == expected


def test_month_with_last_or_next_leaves_out_the_current_month():
    assert one("La loi a été votée en mars dernier.")[2] == "2022-03"
    assert one("Elle entrera en vigueur en mars prochain.")[2] == "2024-03"


def test_month_takes_the_year_of_its_sentence():
    found = times("En 2019, il a été nommé en janvier puis limogé en octobre.")
    assert [v for _, _, v in found] == ["2019", "2019-01", "2019-10"]


# --- periods relative to the publication date -----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Plus tôt ce mois-ci, le ministre a démissionné.",
     ("Plus tôt ce mois-ci", "DATE", "2023-03")),
    ("Les prix ont augmenté cette année.", ("cette année", "DATE", "2023")),
    ("Le chômage a baissé l'an dernier.", ("l'an dernier", "DATE", "2022")),
    ("L'accord sera signé la semaine prochaine.", ("la semaine prochaine", "DATE", "2023-W12")),
    ("Le rapport sera publié à la fin de l'année.", ("la fin de l'année", "DATE", "2023")),
    ("Les résultats du premier trimestre 2023 sont bons.",
     ("premier trimestre 2023", "DATE", "2023-Q1")),
    ("Le gouvernement a reculé il y a deux jours.", ("il y a deux jours", "DATE", "2023-03-14")),
    ("La décision tombera dans trois mois.", ("dans trois mois", "DATE", "2023-06")),
])
def test_relative_periods(text, expected):
    assert one(text) == expected


# --- durations -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Le pays veut doubler sa production en cinq ans.", ("cinq ans", "DURATION", "P5Y")),
    ("Les grévistes occupent le site depuis trois semaines.",
     ("trois semaines", "DURATION", "P3W")),
    ("La réunion a duré environ une heure.", ("environ une heure", "DURATION", "PT1H")),
    ("Le pilote a gagné avec 12,5 secondes d'avance.", ("12,5 secondes", "DURATION", "PT12.5S")),
    ("Un conflit vieux d'un demi-siècle.", ("un demi-siècle", "DURATION", "P50Y")),
    ("L'attente a duré une heure et demie.", ("une heure et demie", "DURATION", "PT90M")),
    ("Il a passé vingt-cinq ans en exil.", ("vingt-cinq ans", "DURATION", "P25Y")),
    ("Ces derniers jours, la tension est montée.", ("Ces derniers jours", "DURATION", "PXD")),
    ("Les prix ont grimpé au cours des trois derniers mois.",
     ("trois derniers mois", "DURATION", "P3M")),
    ("Le pays a changé au cours de la dernière décennie.",
     ("la dernière décennie", "DURATION", "P10Y")),
    ("Des pluies sont attendues dans les semaines à venir.",
     ("les semaines à venir", "DURATION", "PXW")),
    ("Il faudra trois quarts d'heure.", ("trois quarts d'heure", "DURATION", "PT45M")),
    ("Cela fait plusieurs années que le projet traîne.",
     ("plusieurs années", "DURATION", "PXY")),
    ("Le chantier a pris une dizaine de jours.", ("une dizaine de jours", "DURATION", "P10D")),
])
def test_durations(text, expected):
    assert one(text) == expected


# --- sets ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Le marché se tient chaque lundi.", ("chaque lundi", "SET", "XXXX-WXX-1")),
    ("Les permanences ont lieu tous les jeudis.", ("tous les jeudis", "SET", "XXXX-WXX-4")),
    ("Le festival revient chaque année.", ("chaque année", "SET", "P1Y")),
    ("Les élections ont lieu tous les cinq ans.", ("tous les cinq ans", "SET", "P5Y")),
    ("Il gagne 2000 euros par mois.", ("mois", "SET", "P1M")),
])
def test_sets(text, expected):
    assert one(text) == expected


# --- clock times ---------------------------------------------------------------------------

def test_clock_time_takes_the_day_last_mentioned():
    found = times("Le concert aura lieu samedi 25 mars. Ouverture des portes à 20 h 30.")
    assert found[-1] == ("20 h 30", "TIME", "2023-03-25T20:30")


@pytest.mark.parametrize(("text", "expected"), [
    ("Rendez-vous à 14h.", ("14h", "TIME", "2023-03-16T14:00")),
    ("Coup d'envoi à 20h30.", ("20h30", "TIME", "2023-03-16T20:30")),
    ("Les secours sont arrivés vers 21 h 45.", ("vers 21 h 45", "TIME", "2023-03-16T21:45")),
    ("La cérémonie débutera à midi.", ("midi", "TIME", "2023-03-16T12:00")),
    ("Le verdict est attendu à 16 heures.", ("16 heures", "TIME", "2023-03-16T16:00")),
    ("Les négociations ont duré 16 heures.", ("16 heures", "DURATION", "PT16H")),
])
def test_clock_forms(text, expected):
    assert one(text) == expected


def test_a_date_far_above_does_not_anchor_a_clock_time():
    text = "Le traité date du 5 juillet 1962. " + "Le texte reste discuté. " * 60 + (
        "La séance reprendra à 15 h.")
    assert times(text)[-1] == ("15 h", "TIME", "2023-03-16T15:00")


def test_clock_time_alone_is_on_the_publication_day():
    assert one("La séance reprendra à 15 h.") == ("15 h", "TIME", "2023-03-16T15:00")


# --- longer periods, feasts, school and fiscal years ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("La ville a beaucoup changé depuis les années 60.", ("les années 60", "DATE", "196X")),
    ("Au début des années 1990, le mur était tombé.",
     ("début des années 1990", "DATE", "199X")),
    ("Un château bâti au XVIIe siècle.", ("XVIIe siècle", "DATE", "16")),
    ("Il est mort à la fin du XIXe siècle.", ("la fin du XIXe siècle", "DATE", "18")),
    ("La trêve de Noël 2022 a été rompue.", ("Noël 2022", "DATE", "2022-12-25")),
    ("Le lundi de Pentecôte 2023 sera travaillé.",
     ("Le lundi de Pentecôte 2023", "DATE", "2023-05-29")),
    ("Les effectifs seront connus à la rentrée 2023.", ("la rentrée 2023", "DATE", "2023-09")),
    ("Les comptes de l'exercice 2022 sont publiés.", ("l'exercice 2022", "DATE", "2022")),
    ("Le lac gèle chaque hiver, mais l'été dernier fut sec.",
     ("l'été dernier", "DATE", "2022-SU")),
])
def test_long_periods_feasts_terms(text, expected):
    assert expected in times(text)


@pytest.mark.parametrize(("text", "value"), [
    ("Pour l'instant, rien n'est décidé.", "PRESENT_REF"),
    ("Le parti se tourne vers l'avenir.", "FUTURE_REF"),
    ("Il avait auparavant dirigé la police.", "PAST_REF"),
])
def test_deictic_references(text, value):
    assert one(text)[2] == value


# --- things that are not temporal expressions ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Jean Dupont, 54 ans, a été arrêté.",
    "Un homme âgé de 32 ans a été blessé.",
    "Une fillette de 6 ans a été retrouvée.",
    "Le suspect a été interpellé.",          # "été" the participle, not the season
    "Les quotidiens nationaux en parlent.",
    "La résolution 2231 du Conseil de sécurité.",
    "Le village compte 1850 habitants.",
    "Le service est ouvert 24 heures sur 24.",
    "Une seconde vague est redoutée.",
    "La ministre est rentrée à Paris.",       # "rentrée" the participle, not school
])
def test_not_temporal(text):
    assert times(text) == []


def test_year_in_context():
    assert times("Le parc a ouvert en 1998 et fermé en 2004.") == [
        ("1998", "DATE", "1998"), ("2004", "DATE", "2004")]


def test_offsets_point_into_the_text():
    text = "Le 14 juillet, à 22 h, un feu d’artifice. Hier, rien."
    for t in find_times(text, PUB):
        assert text[t.start:t.end] == t.text


def test_without_publication_date_values_stay_underspecified():
    assert times("Il est venu mardi et repartira demain.", None) == [
        ("mardi", "DATE", "XXXX-WXX-2"), ("demain", "DATE", "FUTURE_REF")]


# --- date references for statements and events ---------------------------------------------

def test_to_date_ref_granularities():
    def ref(value, type_="DATE", end=None):
        r = to_date_ref(Time("x", 0, 1, type_, value, end))
        return r and (r.value, r.end, r.granularity)

    assert ref("2023-03-14") == ("2023-03-14", None, "day")
    assert ref("2023-03-14TEV", "TIME") == ("2023-03-14", None, "day")
    assert ref("2023-03") == ("2023-03", None, "month")
    assert ref("2023") == ("2023", None, "year")
    assert ref("2023-W11") == ("2023-03-13", "2023-03-19", "week")
    assert ref("2023-03-23", end="2023-03-27") == ("2023-03-23", "2023-03-27", "range")
    assert ref("2023-01", end="2023-03") == ("2023-01", "2023-03", "range")
    assert ref("P5Y", "DURATION") is None
    assert ref("PRESENT_REF", "TIME") is None


@pytest.fixture(scope="module")
def nlp():
    from vigie.nlp import load_model

    try:
        return load_model("fr")
    except Exception as exc:  # the model is an optional install here
        pytest.skip(f"French spaCy model unavailable: {exc}")


def _analysis(nlp, text: str, published: dt.date = PUB):
    from vigie.analysis import Analysis
    from vigie.resources import Resources
    from vigie.schema import Meta, Paragraph

    analysis = Analysis(text=text, meta=Meta(published=published.isoformat()),
                        paragraphs=[Paragraph(0, len(text))], doc=nlp(text),
                        resources=Resources.for_language("fr"))
    analysis.times = find_times(text, published, "fr", doc=analysis.doc)
    return analysis


@pytest.mark.parametrize(("text", "value"), [
    ("La ministre a annoncé mardi sa démission.", "2023-03-14"),
    ("La ministre annoncera mardi sa démission.", "2023-03-21"),
    ("La réunion est prévue lundi.", "2023-03-20"),
    ("Le chanteur s'est éteint dimanche à Paris.", "2023-03-12"),
])
def test_weekday_tense_from_parse(nlp, text, value):
    found = find_times(text, PUB, "fr", doc=nlp(text))
    assert [t.value for t in found] == [value]


def test_date_ref_for_statement(nlp):
    text = "Le porte-parole a déclaré mardi que les essais reprendraient en 2024."
    analysis = _analysis(nlp, text)
    cue = text.index("a déclaré")
    ref = date_ref_for(analysis, cue, cue + len("a déclaré"))
    assert (ref.text, ref.value, ref.granularity) == ("mardi", "2023-03-14", "day")


def test_date_ref_for_month_and_range(nlp):
    text = "Plus tôt ce mois-ci, le ministre a affirmé que tout allait bien."
    analysis = _analysis(nlp, text)
    cue = text.index("a affirmé")
    ref = date_ref_for(analysis, cue, cue + 9)
    assert (ref.value, ref.granularity) == ("2023-03", "month")

    text = "Les exercices devraient avoir lieu du 23 au 27 mars."
    analysis = _analysis(nlp, text)
    ref = date_ref_for(analysis, 0, len(text))
    assert (ref.text, ref.value, ref.end, ref.granularity) == (
        "23 au 27 mars", "2023-03-23", "2023-03-27", "range")


def test_date_ref_for_prefers_the_start_of_a_range(nlp):
    text = "Selon Moscou, les votes devraient avoir lieu du 23 au 27 mars dans quatre régions."
    analysis = _analysis(nlp, text)
    start = text.index("les votes")
    for end in (len(text), text.index(" dans")):
        ref = date_ref_for(analysis, start, end)
        assert (ref.value, ref.end, ref.granularity) == ("2023-03-23", "2023-03-27", "range")


def test_date_ref_for_none_without_expression(nlp):
    text = "Le porte-parole a démenti ces informations."
    assert date_ref_for(_analysis(nlp, text), 0, len(text)) is None


# --- French TimeBank (external benchmark) ---------------------------------------------------

def test_timebank_offsets_are_valid(shared: Path):
    import json

    timebank = shared / "eval" / "external" / "fr-timebank" / "fr-timebank-1.1.jsonl"
    for line in timebank.read_text("utf-8").splitlines()[:20]:
        record = json.loads(line)
        for t in find_times(record["text"], dt.date.fromisoformat(record["published"])):
            assert record["text"][t.start:t.end] == t.text


# --- English (same engine, resources/en/times.toml) -----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The spokesman said on Tuesday that talks had failed.", ("Tuesday", "DATE", "2023-03-14")),
    ("The talks will resume next Tuesday.", ("next Tuesday", "DATE", "2023-03-21")),
    ("Earlier this month, the minister resigned.", ("Earlier this month", "DATE", "2023-03")),
    ("Prices rose last year.", ("last year", "DATE", "2022")),
    ("Two days ago, the border closed.", ("Two days ago", "DATE", "2023-03-14")),
    ("Protesters have gathered every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("The meeting starts at 8 p.m. local time.", ("8 p.m. local time", "TIME", "2023-03-16T20:00")),
    ("He was elected on May 5, 2022.", ("May 5, 2022", "DATE", "2022-05-05")),
    ("The war began in March.", ("March", "DATE", "2023-03")),
    ("It lasted about an hour.", ("about an hour", "DURATION", "PT1H")),
    ("Cities grew in the 1990s.", ("the 1990s", "DATE", "199X")),
    ("Results for fiscal 2022 are out.", ("fiscal 2022", "DATE", "2022")),
])
def test_english(text, expected):
    found = [(t.text, t.type, t.value) for t in find_times(text, PUB, "en")]
    assert found == [expected]


def test_english_range_and_ages():
    found = find_times("The drills will take place September 23-27.", PUB, "en")
    assert [(t.text, t.value, t.end_value) for t in found] == [
        ("September 23", "2023-09-23", "2023-09-27")]
    assert find_times("A 54-year-old man may come.", PUB, "en") == []
    assert find_times("The Arab Spring led to a second round of talks.", PUB, "en") == []
    assert [t.text for t in find_times("It was a big week for the year's budget.", PUB, "en")] == []
    assert [t.value for t in find_times("It was the first time in more than a decade.",
                                        PUB, "en")] == ["P10Y"]


# --- speed machinery: folding and the rule prefilter must not change any result --------------

def test_fold_maps_every_character_like_its_table():
    from vigie.temporal.fold import _table, fold

    table = _table()
    chars = "".join(chr(c) for c in range(0x3000))  # past the last folded code point
    assert fold(chars) == "".join(table.get(ord(c), c) for c in chars)
    assert fold("Été À l’heure\u00a0—\U0001F600") == "ete a l'heure —\U0001F600"


def _finished(pattern: str) -> str:
    from vigie.temporal.grammar import _finish

    return _finish(pattern)


@pytest.mark.parametrize(("pattern", "expected"), [
    ("(?:le )?(?:janvier|fevrier)", [{"janvier", "fevrier"}]),
    ("il y a [0-9]+ jours", [{"il"}, {"jours"}, {r"\d"}]),  # one letter filters nothing
    ("(?:le )?matin", [{"matin"}]),
    ("(?:hier )?soir", [{"soir"}]),
    ("x(?=[0-9]{4})", [{r"\d"}]),     # a lookahead reads inside the window
    ("(?<=depuis )[0-9]{2}", [{r"\d"}]),  # a lookbehind may read before it
    ("(?:tous|chaque) (?:jours?|mois)", [{"tous", "chaque"}, {"jour", "mois"}]),
    ("demain?", [{"demai"}]),
    ("(?:en )?(?:mai)?", []),
    (r"\p{L}+ an", []),   # a construct the analysis does not read: no requirement
])
def test_prefilter_requirements(pattern, expected):
    from vigie.temporal.prefilter import requirements

    assert sorted(map(set, requirements(_finished(pattern))), key=sorted) == \
        sorted(expected, key=sorted)


def _random_texts(language: str, count: int, seed: int) -> list[str]:
    """Texts mixing every word of the grammar with numbers, punctuation and small words, so
    that many rules match, in odd places too."""
    import random

    from vigie.temporal.grammar import grammar_for

    grammar = grammar_for(language)
    vocabulary = sorted({form for lex in grammar.lexicons.values() for form in lex})
    vocabulary += ["1", "7", "12", "31", "1998", "2023", "20h", "14 h 30", "16:50", "03/12",
                   "12/03/2022", "2022-2023", "1er", "xixe", "le", "la", "les", "de", "du",
                   "d'", "l'", "en", "il y a", "dans", "et", "au", "à", "par", "the", "of",
                   "on", "in", "a", "an", ",", ".", "-", "(", ")", "'", ":", "\n"]
    rng = random.Random(seed)
    glue = [" "] * 12 + ["", "-", "'", "  ", ", ", "\t", "/"]
    return ["".join(rng.choice(vocabulary) + rng.choice(glue) for _ in range(rng.randint(3, 25)))
            for _ in range(count)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_prefilter_never_skips_a_pattern_that_matches(language):
    import random

    from vigie.temporal.fold import fold
    from vigie.temporal.grammar import grammar_for

    grammar = grammar_for(language)
    patterns = [*(rule.regex for rule in grammar.rules), *grammar.excludes]
    rng = random.Random(7)
    for text in _random_texts(language, 300, seed=11):
        folded = fold(text)
        # windows starting after each space (what precedes them lies outside) or anywhere
        starts = [i + 1 for i, c in enumerate(folded) if c == " "] + [0]
        cuts = [(lo, rng.randint(lo, len(folded))) for lo in starts]
        for window in [*((lo, len(folded)) for lo in starts), *cuts]:
            possible = set(grammar.screen.possible(folded, *window))
            for k, pattern in enumerate(patterns):
                if k not in possible:
                    assert pattern.search(folded, *window) is None, (pattern.pattern, text)


@pytest.mark.parametrize("text", [
    "Le 12 mars 2022, soit il y a un an, la ministre a annoncé pour mardi prochain, vers "
    "20 h 30, une réforme attendue depuis les années 1990 et prévue pour le second semestre.",
    "Hier soir, l'homme de 54 ans a été libéré ; le lendemain, tous les lundis et chaque année "
    "à Noël, ils y retournent pour deux semaines et demie. Du 3 au 5 juin, puis fin 2024.",
])
def test_screened_rules_find_the_same_candidates_as_all_rules(text):
    from vigie.temporal import finder
    from vigie.temporal.fold import fold
    from vigie.temporal.grammar import grammar_for

    grammar = grammar_for("fr")
    folded = fold(text)
    windows = finder._windows(grammar, folded)
    every = [list(windows) for _ in grammar.rules]
    screened = finder._runs(grammar.screen, folded, windows)[:len(grammar.rules)]
    spans = [(c[0], c[1], c[2]) for c in finder._candidates(grammar, folded, screened)]
    assert spans == [(c[0], c[1], c[2]) for c in finder._candidates(grammar, folded, every)]
    assert len(spans) >= 8
    assert sum(map(len, screened)) < sum(map(len, every))  # and some runs were skipped


@pytest.mark.parametrize("language", ["fr", "en"])
def test_screen_changes_nothing_on_the_corpus(shared: Path, language):
    """On every corpus article, the screened rules and exclusions find exactly what every
    rule run in every window finds."""
    from vigie.temporal import finder
    from vigie.temporal.fold import fold
    from vigie.temporal.grammar import grammar_for

    grammar = grammar_for(language)
    split = len(grammar.rules)
    articles = sorted((shared / "corpus" / language).glob("*.txt"))
    assert articles
    for path in articles:
        folded = fold(path.read_text("utf-8"))
        windows = finder._windows(grammar, folded)
        screened = finder._runs(grammar.screen, folded, windows)
        every = [list(windows) for _ in screened]
        assert [c[:3] for c in finder._candidates(grammar, folded, screened[:split])] == \
            [c[:3] for c in finder._candidates(grammar, folded, every[:split])], path.name
        assert sorted(finder._excluded(grammar, folded, screened[split:])) == \
            sorted(finder._excluded(grammar, folded, every[split:])), path.name
