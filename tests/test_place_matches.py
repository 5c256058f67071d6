"""``place_matches`` returns what a spaCy Matcher with the equivalent patterns returns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from vigie.kb.lexicon import lexicon
from vigie.kb.matchers import place_matches
from vigie.nlp import load_model

SENTENCES = [
    "Les combats ont repris à Saint-Denis-de-la-Réunion et près de Bakhmout, dans le Donbass.",
    "Le rassemblement a eu lieu rue de la Paix, puis place du Général-de-Gaulle à Paris.",
    "Il vit avenue Victor Hugo depuis que Jean-Pierre Martin a quitté New York pour Los Angeles.",
    "À Kiev, Moscou et Washington, la Maison-Blanche et le Kremlin se taisent.",
    "Des tirs en Mer Noire, au large d'Odessa, selon l'Agence France-Presse.",
    "",
]


def _reference(doc, language: str) -> set[tuple[str, int, int]]:
    lex = lexicon(language)
    matcher = Matcher(doc.vocab)
    name = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
    matcher.add("LOC", [[{"LOWER": {"IN": list(lex.locative_words)}}, name | {"OP": "+"}]])
    link = {"LOWER": {"IN": sorted(lex.street_links)}, "OP": "*"}
    matcher.add("STREET", [[{"LOWER": {"IN": list(lex.street_words)}}, link, name | {"OP": "+"}]])
    matcher.add("PROPN", [[{"POS": "PROPN", "IS_ALPHA": True, "OP": "+"}],
                          [{"IS_TITLE": True}, {"ORTH": "-"}, {"IS_TITLE": True}]], greedy="LONGEST")
    return {(doc.vocab.strings[m], s, e) for m, s, e in matcher(doc)}


def _check(doc) -> None:
    got = place_matches(doc, "fr")
    assert len(got) == len(set(got)), "one match per range"
    assert set(got) == _reference(doc, "fr")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_the_matcher(text):
    _check(load_model("fr")(text))


def test_same_matches_on_the_corpus(shared):
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "fr").glob("*.txt"))]
    for doc in load_model("fr").pipe(texts):
        _check(doc)
