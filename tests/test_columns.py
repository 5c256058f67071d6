"""Word-list lookups on per-Doc columns select exactly the tokens a spaCy Matcher would."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from vigie.nlp import load_model
from vigie.nlp.columns import columns

TEXT = ("Le ministre a démenti jeudi les accusations. Les ministres démentent, ce que "
        "le porte-parole conteste. Une ministre dément avoir vendu des armes au voisin.")
WORDS = ["ministre", "démentir", "dément", "conteste", "armes", "inconnu"]


@pytest.fixture(scope="module")
def doc():
    return load_model("fr")(TEXT)


def _matcher_positions(doc, patterns) -> list[int]:
    matcher = Matcher(doc.vocab)
    matcher.add("X", patterns)
    return sorted({start for _, start, _ in matcher(doc)})


@pytest.mark.parametrize("criteria, patterns", [
    ({"lemma": WORDS}, [[{"LEMMA": {"IN": WORDS}}]]),
    ({"lower": WORDS}, [[{"LOWER": {"IN": WORDS}}]]),
    ({"lemma": WORDS, "lower": WORDS}, [[{"LEMMA": {"IN": WORDS}}], [{"LOWER": {"IN": WORDS}}]]),
    ({"lemma": WORDS, "pos": ["NOUN"]}, [[{"LEMMA": {"IN": WORDS}, "POS": "NOUN"}]]),
    ({"lower": WORDS, "not_pos": ["VERB"]}, [[{"LOWER": {"IN": WORDS}, "POS": {"NOT_IN": ["VERB"]}}]]),
    ({"pos": ["VERB", "AUX"]}, [[{"POS": {"IN": ["VERB", "AUX"]}}]]),
])
def test_same_tokens_as_the_matcher(doc, criteria, patterns):
    expected = _matcher_positions(doc, patterns)
    assert expected, "the sentence must exercise the criterion"
    assert columns(doc).positions(**criteria) == expected


def test_empty_word_list_and_empty_doc(doc):
    assert columns(doc).positions(lemma=[]) == []
    empty = load_model("fr")("")
    assert columns(empty).positions(lemma=WORDS, pos=["NOUN"]) == []


def test_computed_once_per_doc(doc):
    assert columns(doc) is columns(doc)
