"""Quotation spans in every style, and the cue lexicon (no model needed)."""

from __future__ import annotations

import pytest

from vigie.speech.content import classify
from vigie.speech.lexicon import lexicon
from vigie.speech.quotes import QuoteIndex, quotes_in


def inner(text: str) -> list[str]:
    return [text[q.inner_start:q.inner_end] for q in quotes_in(text, 0, len(text)) if q.depth == 0]


@pytest.mark.parametrize(("text", "expected"), [
    ("Il a dit « tout va bien » hier.", ["tout va bien"]),
    ("Il a dit «tout va bien» hier.", ["tout va bien"]),
    ("Elle a écrit “rien ne change” ce matin.", ["rien ne change"]),
    ('Ils ont crié "assez" devant la mairie.', ["assez"]),
    ("Le texte dit ‹ jamais › en gras.", ["jamais"]),
    ("Er sagte „nein“ laut.", ["nein"]),
    ("He said ‘no way’ to them.", ["no way"]),
])
def test_every_quotation_style(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_french_apostrophe_is_not_a_closing_mark() -> None:
    text = "Il a répété ‘l’État d’abord’ aujourd’hui."
    assert inner(text) == ["l’État d’abord"]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "« Nous disons : \"ça suffit\" », a-t-elle lancé."
    quotes = quotes_in(text, 0, len(text))
    assert [q.depth for q in quotes] == [0, 1]
    assert inner(text) == ['Nous disons : "ça suffit"']


def test_stray_closing_mark_is_ignored() -> None:
    text = "“partir vite”. .” Suite."
    assert inner(text) == ["partir vite"]


def test_unclosed_quote_at_paragraph_start_runs_to_its_end() -> None:
    text = "« Premier paragraphe d'une longue citation\n\n« Suite et fin », dit-il."
    first = quotes_in(text, 0, text.index("\n\n"))
    assert len(first) == 1 and not first[0].closed
    assert text[first[0].inner_start:first[0].inner_end] == "Premier paragraphe d'une longue citation"


def test_unclosed_quote_inside_a_paragraph_is_dropped() -> None:
    text = "Il a parlé d'un « projet ambitieux sans fin."
    assert inner(text) == []


def test_kind_of_a_content() -> None:
    text = "« Tout ira bien » et la suite « promise » ici"
    index = QuoteIndex(text, [(0, len(text))])
    assert classify(text, 0, text.index(" et"), index)[0] == "direct"
    assert classify(text, 0, len(text), index)[0] == "mixed"
    assert classify(text, text.index("la suite"), text.index(" «", 20), index)[0] == "indirect"


@pytest.mark.parametrize(("phrase", "act"), [
    ("démentir", "DENY"), ("nier", "DENY"), ("accuser", "ACCUSE"), ("condamner", "ACCUSE"),
    ("mettre en garde", "WARN"), ("avertir", "WARN"), ("exhorter", "DEMAND"), ("promettre", "PROMISE"),
    ("saluer", "SUPPORT"), ("rejeter", "REJECT"), ("regretter", "CONCEDE"), ("annoncer", "ANNOUNCE"),
    ("s'interroger", "QUESTION"), ("déclarer", "ASSERT"),
])
def test_resource_acts(phrase: str, act: str) -> None:
    lex = lexicon("fr")
    words = phrase.replace("s'", "").split()
    entries = lex.cue_entries(words[0])
    assert any(e.act == act and e.phrase == phrase for e in entries)


@pytest.mark.parametrize(("form", "lemma"), [
    ("indique", "indiquer"), ("dément", "démentir"), ("avertissons", "avertir"), ("reconnaît", "reconnaître"),
])
def test_unlemmatised_forms_are_recognised(form: str, lemma: str) -> None:
    assert lexicon("fr").cue_lemma(form, form) == lemma


def test_unknown_language_has_no_cues() -> None:
    assert not lexicon("xx").verbs
