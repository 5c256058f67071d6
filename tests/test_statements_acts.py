"""Acts read from the reported words when the cue verb is neutral (sentences written here)."""

from __future__ import annotations

import pytest
from tests.test_statements import one

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("sentence", "key", "act"), [
    ("« Une provocation dangereuse, orchestrée et dirigée par Minsk », a déclaré le ministre Jaak Tamm.",
     "provocation", "ACCUSE"),
    ("« Cette attitude honteuse est indigne d'un voisin », a estimé la porte-parole Irène Vasseur.",
     "attitude", "ACCUSE"),
    ("« C'est un mensonge pur et simple », a martelé le président Ramon Ortiz.", "mensonge", "ACCUSE"),
    ("« Il s'agit d'une ingérence dans nos affaires », a ajouté le ministre Ramon Ortiz.", "ingérence", "ACCUSE"),
    ("Le ministre Ramon Ortiz a déclaré que c'était un exemple de chantage.", "chantage", "ACCUSE"),
    ("« Cette aide n'est qu'un prétexte », a estimé la ministre Ana Ruiz.", "prétexte", "ACCUSE"),
    ("« Oslo doit savoir qu'aucune attaque ne sera tolérée », a déclaré le chancelier Otto Brenner.",
     "Oslo", "WARN"),
    ("« Nous ne resterons pas les bras croisés », a déclaré le Premier ministre Karel Novak.", "bras", "WARN"),
    ("« Il y aura des conséquences », a affirmé la ministre Sophie Lenoir.", "conséquences", "WARN"),
    ("« Le gouvernement doit démissionner », a déclaré le député Marc Duval.", "démissionner", "DEMAND"),
    ("« Il faut que Quito libère les prisonniers », a estimé le diplomate Jean Morel.", "libère", "DEMAND"),
])
def test_neutral_cue_takes_the_act_of_the_words(analyze, sentence: str, key: str, act: str) -> None:
    assert one(analyze, sentence, key)["act"] == act


@pytest.mark.parametrize(("sentence", "key"), [
    ("« Les accusations de fraude ont été examinées par la commission », a déclaré le juge Pierre Fabre.",
     "fraude"),
    ("« Le rapport évoque une ingérence présumée », a déclaré le ministre Luc Ferrand.", "rapport"),
    ("« Ce n'est pas une provocation », a déclaré le ministre Luc Ferrand.", "provocation"),
    ("« Nous devons travailler ensemble », a déclaré la ministre Claire Dubois.", "travailler"),
    ("« Le président doit se rendre à Lima jeudi », a déclaré le porte-parole Paul Garnier.", "Lima"),
    ("« La flotte doit désormais contourner le détroit », a expliqué l'amiral Paul Garnier.", "flotte"),
])
def test_words_that_only_mention_blame_or_duty_stay_neutral(analyze, sentence: str, key: str) -> None:
    assert one(analyze, sentence, key)["act"] == "ASSERT"


def test_a_noun_of_accusation_sets_the_act_of_its_relative_cue(analyze) -> None:
    st = one(analyze, "L'opposant Victor Lenz a pris la parole à Gand, répétant les accusations de son "
                      "parti selon lesquelles le scrutin aurait été truqué.", "scrutin")
    assert st["act"] == "ACCUSE"
    assert "accusations" not in (st["speaker"] or {}).get("text", "")


def test_a_blame_word_in_a_relative_clause_of_hearsay_stays_neutral(analyze) -> None:
    st = one(analyze, "Des élections, qui seraient illégales selon Berne, devraient avoir lieu en mai, "
                      "a indiqué le ministre Luc Ferrand.", "élections")
    assert st["act"] == "ASSERT"


# --- dates: from the time expression of the cue, never from the reported words -----------
def test_a_date_inside_the_reported_words_is_not_the_statement_date(analyze) -> None:
    st = one(analyze, "« La réunion prévue le 23 avril est reportée », a déclaré le ministre Paul Brun.", "réunion")
    assert st.get("date") is None
    st = one(analyze, "Le ministre Paul Brun a déclaré que la digue était fermée depuis 1998.", "digue")
    assert st.get("date") is None


def test_the_time_expression_of_the_cue_dates_the_statement(analyze) -> None:
    st = one(analyze, "Le ministre Paul Brun a déclaré mardi que la réunion prévue le 23 avril serait reportée.",
             "réunion")
    assert st["date"]["value"] == "2022-09-20"
    assert st["what"].endswith("serait reportée")  # the parser's split predicate is kept


def test_a_pluperfect_weekday_points_back(analyze) -> None:
    st = one(analyze, "Vendredi, le ministre Paul Brun avait déjà dénoncé la fermeture de la digue.", "digue")
    assert st["date"]["value"] == "2022-09-16"


def test_a_blame_noun_pinned_on_a_party_as_subject_accuses(analyze) -> None:
    st = one(analyze, "« Une provocation orchestrée par Ankara est prévue lundi », a déclaré la porte-parole "
                      "Irène Vasseur.", "provocation")
    assert st["act"] == "ACCUSE"
