"""Pronoun speakers: which earlier referent "il" / "elle" stands for (sentences written here)."""

from __future__ import annotations

import pytest
from tests.test_statements import one

pytestmark = pytest.mark.slow


def test_a_person_beats_a_thing_named_in_his_own_introduction(analyze) -> None:
    text = ("L'ambassadeur Marc Olivier, qui a critiqué le régime de Minsk lors d'une conférence, est arrivé "
            "à Genève. « Nous attendons des gestes concrets », a-t-il dit.")
    assert one(analyze, text, "gestes")["speaker"]["name"] == "Marc Olivier"


def test_a_person_named_inside_the_previous_quote_is_no_antecedent(analyze) -> None:
    text = ("Le ministre Paul Brun a reçu la presse. Il a évoqué le cas du juge Henri Lebrun, « un homme "
            "intègre ». « Nous respectons la justice », a-t-il ajouté.")
    assert one(analyze, text, "respectons")["speaker"]["name"] == "Paul Brun"


def test_a_person_named_after_a_body_speaks_for_it(analyze) -> None:
    text = ("Le Portugal, allié fidèle du gouvernement de Lima, a répondu par le biais de son ministre, "
            "Rui Costa. « Nos avertissements ont été ignorés », a-t-il estimé.")
    assert one(analyze, text, "avertissements")["speaker"]["name"] == "Rui Costa"


def test_a_body_subject_of_the_sentence_before_stays_the_antecedent(analyze) -> None:
    text = ("Le ministre Paul Brun a présenté le budget. Le cabinet sortant s'est fixé un objectif. "
            "Il a déclaré que la dette baisserait.")
    assert "cabinet" in one(analyze, text, "dette")["who"]


def test_the_determiner_gives_a_role_noun_its_gender(analyze) -> None:
    text = "La ministre Anne Roux a rencontré le président Karl Berg. Elle a estimé que la réunion était utile."
    assert one(analyze, text, "réunion")["speaker"]["name"] == "Anne Roux"


def test_a_pronoun_speaker_is_never_named_in_the_words_it_reports(analyze) -> None:
    text = ("Le sénateur Karl Berg a critiqué le projet. Le président Paul Brun a proposé une réforme. "
            "Il avait déjà dénoncé cette idée du président Paul Brun.")
    assert one(analyze, text, "cette idée")["speaker"]["name"] == "Karl Berg"
