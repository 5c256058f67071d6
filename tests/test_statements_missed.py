"""Reported speech the parser makes hard to see (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tests.test_statements import one, statements

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("incise", ["dit-il", "a-t-il ajouté", "ajoute-t-il"])
def test_an_unquoted_clause_with_a_clitic_incise_is_reported(analyze, incise: str) -> None:
    text = f"Le maire Paul Vernet a visité le chantier. Les travaux seront terminés avant l'été, {incise}."
    st = one(analyze, text, "travaux")
    assert st["what"] == "Les travaux seront terminés avant l'été"
    assert "Vernet" in st["who"]
    assert st.get("date") is None  # "l'été" dates the works, not what he said


@pytest.mark.parametrize("adverb", ["toutefois", "pour sa part", "de son côté", "en outre", "également",
                                    "aussi", "encore", "déjà"])
def test_adverbs_between_auxiliary_and_participle(analyze, adverb: str) -> None:
    st = one(analyze, f"Le préfet Marc Olivier a {adverb} souligné que les digues resteraient fermées.", "digues")
    assert st["what"] == "les digues resteraient fermées"
    assert st["speaker"]["text"].endswith("Marc Olivier")


def test_a_participle_tagged_infinitive_is_still_a_cue(analyze) -> None:
    st = one(analyze, "La ministre Anne Roux a toutefois pointé que les retards étaient graves.", "retards")
    assert st["speaker"]["text"] == "La ministre Anne Roux"


def test_a_long_relative_clause_subject(analyze) -> None:
    text = ("La députée Claire Morin, qui a présidé la commission d'enquête pendant deux ans et rédigé "
            "son rapport, a pour sa part affirmé que les contrôles étaient insuffisants.")
    st = one(analyze, text, "contrôles")
    assert "Morin" in st["who"] and "commission" not in st["speaker"]["text"]


def test_a_nickname_after_a_comma_is_no_speech(analyze) -> None:
    assert not statements(analyze, "Le chef rebelle Jean Kaboré, dit « le Lion », a quitté la ville.")
