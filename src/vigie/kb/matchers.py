"""spaCy matchers built once per language from the knowledge base and the lexicon.

- :func:`actor_matcher`: a PhraseMatcher over every name of a country, organisation or
  leader (and leaders' surnames), case-sensitive (``ORTH``) so that acronyms such as ``EAU``
  or names such as ``Renaissance`` do not fire on common words; each name is added as
  written, accent-less, with a capital first letter and with both apostrophe shapes.
- :func:`head_positions`: the head nouns of descriptions (titles, institutions).
- :func:`place_matcher`: place names after a locative word (``à Kherson``) and street names
  (``rue Broca``), for toponyms the NER missed.
"""

from __future__ import annotations

import functools

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from vigie.kb.lexicon import lexicon
from vigie.kb.store import load_kb
from vigie.nlp import load_model
from vigie.nlp.columns import columns


def _variants(name: str) -> set[str]:
    words = name.split(" ")
    forms = {name, name[:1].upper() + name[1:],
             " ".join(w[:1].upper() + w[1:] if len(w) > 3 else w for w in words)}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


@functools.cache
def actor_matcher(language: str) -> PhraseMatcher:
    """Matches knowledge-base actor names in a Doc of ``language`` (label ``KB``)."""
    nlp = load_model(language)
    names = sorted({v for s in load_kb().surfaces(language) for v in _variants(s)})
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("KB", list(nlp.tokenizer.pipe(names)))
    return matcher


@functools.cache
def _head_words(language: str) -> frozenset[str]:
    return frozenset(lexicon(language).head_words)


def head_positions(doc: Doc, language: str) -> list[int]:
    """The nouns of ``doc`` that head a description (titles and institutions), by lemma or
    lower form."""
    words = _head_words(language)
    return columns(doc).positions(lemma=words, lower=words, pos=("NOUN", "PROPN"))


@functools.cache
def place_matcher(language: str) -> Matcher:
    """``LOC``: capitalised names after a locative word; ``STREET``: street and site names;
    ``PROPN``: runs of proper nouns (toponyms the NER may have missed)."""
    nlp = load_model(language)
    lex = lexicon(language)
    matcher = Matcher(nlp.vocab)
    name = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
    matcher.add("LOC", [[{"LOWER": {"IN": list(lex.locative_words)}}, name | {"OP": "+"}]])
    link = {"LOWER": {"IN": sorted(lex.street_links)}, "OP": "*"}
    matcher.add("STREET", [[{"LOWER": {"IN": list(lex.street_words)}}, link, name | {"OP": "+"}]])
    matcher.add("PROPN", [[{"POS": "PROPN", "IS_ALPHA": True, "OP": "+"}],
                          [{"IS_TITLE": True}, {"ORTH": "-"}, {"IS_TITLE": True}]], greedy="LONGEST")
    return matcher


def place_matches(doc: Doc, language: str) -> list[tuple[int, int, int]]:
    """The matches of :func:`place_matcher` on ``doc``, computed once per Doc: linking and
    geocoding both read them, and the greedy patterns are the costliest matcher here."""
    cached = doc.user_data.get("vigie.place_matches")
    if cached is None:
        cached = doc.user_data["vigie.place_matches"] = list(place_matcher(language)(doc))
    return cached
