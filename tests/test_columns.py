"""Word-list lookups on per-Doc columns select exactly the tokens a spaCy Matcher would; morphological
features read once per analysis equal spaCy's."""

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


def test_morph_feature_is_spacys_get(shared):
    """``feature`` returns what ``Token.morph.get`` returns, on every token of the corpus."""
    from vigie.nlp.morph import feature

    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "fr").glob("*.txt"))[:8]]
    names = ("VerbForm", "Tense", "Mood", "Person", "Number", "Gender", "Definite", "Poss", "PronType", "Absent")
    checked = 0
    for doc in load_model("fr").pipe(texts):
        for tok in doc:
            for name in names:
                assert feature(tok, name) == tuple(tok.morph.get(name)), (tok.text, name)
                checked += 1
    assert checked > 10_000


def test_docs_stay_serialisable_after_extraction(pipeline):
    """What extractors keep per Doc must not end in ``user_data``: ``Doc.to_bytes`` must work."""
    from vigie.article import Article

    analysis = pipeline.analysis_of(Article(name="t", text=TEXT, published="2024-03-01", language="fr"))
    with pytest.warns(UserWarning, match="W109"):  # spaCy: the fast sentence hooks are not saved
        assert analysis.doc.to_bytes()
