"""Speaker spans the parser cuts badly (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tests.test_statements import one

pytestmark = pytest.mark.slow


def test_an_absolute_participial_clause_object_is_never_the_speaker(analyze) -> None:
    text = ("Le Chili n'ayant pas ratifiée la convention de la CPI, l'ONG a demandée au Conseil de l'Europe "
            "d'adopter une résolution.")
    assert one(analyze, text, "résolution")["speaker"]["text"] == "l'ONG"


def test_an_absolute_participial_clause_is_no_part_of_the_speaker(analyze) -> None:
    text = ("La Bolivie n'ayant pas signé la convention de la CPI, l'organisation Human Rights First "
            "a demandé une saisine de la Cour suprême.")
    st = one(analyze, text, "saisine")
    assert st["speaker"]["text"].startswith("l'organisation")
    assert "convention" not in st["speaker"]["text"]


def test_a_subject_with_apposed_names_is_one_speaker(analyze) -> None:
    text = ("Les deux responsables, le ministre Paul Brun, et le secrétaire d'État Karl Berg, "
            "ont affirmé que la frontière resterait ouverte.")
    assert one(analyze, text, "frontière")["speaker"]["text"] == (
        "Les deux responsables, le ministre Paul Brun, et le secrétaire d'État Karl Berg")


def test_a_dont_phrase_stays_in_the_speaker(analyze) -> None:
    text = "Les associations d'aide aux migrants, dont Terre Solidaire, ont dénoncé la répression."
    assert one(analyze, text, "répression")["speaker"]["text"].endswith("dont Terre Solidaire")


def test_a_fronted_day_is_no_part_of_the_speaker(analyze) -> None:
    st = one(analyze, "Mardi, le ministre Paul Brun a affirmé que la frontière resterait ouverte.", "frontière")
    assert st["speaker"]["text"] == "le ministre Paul Brun"
