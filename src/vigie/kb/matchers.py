"""spaCy matchers built once per language from the knowledge base and the lexicon.

- :func:`actor_matcher`: a PhraseMatcher over every name of a country, organisation or
  leader (and leaders' surnames), case-sensitive (``ORTH``) so that acronyms such as ``EAU``
  or names such as ``Renaissance`` do not fire on common words; each name is added as
  written, accent-less, with a capital first letter and with both apostrophe shapes.
- :func:`head_positions`: the head nouns of descriptions (titles, institutions).
- :func:`place_matches`: place names after a locative word (``à Kherson``) and street names
  (``rue Broca``), for toponyms the NER missed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import numpy as np
from spacy.attrs import IS_ALPHA, IS_TITLE
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from vigie.kb.lexicon import lexicon
from vigie.kb.store import load_kb
from vigie.nlp import load_model
from vigie.nlp.cache import cached
from vigie.nlp.columns import Columns, columns


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


PLACE_NAME_POS = ("PROPN", "NOUN", "ADJ")


@functools.cache
def _place_words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon(language)
    return frozenset(lex.locative_words), frozenset(lex.street_words), frozenset(lex.street_links)


def place_matches(doc: Doc, language: str) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` token ranges, computed once per Doc (linking and geocoding
    both read them):

    - ``LOC``: a locative word and a run of capitalised names after it ("à Kherson"), one
      match per length of the run;
    - ``STREET``: a street word, any linking words, then capitalised names ("rue de la Paix");
    - ``PROPN``: the longest non-overlapping runs of proper nouns, or ``Title-Title``
      (toponyms the NER may have missed).

    These are the matches a spaCy ``Matcher`` with the equivalent patterns returns (the
    tests check it), read from per-Doc columns instead: the Matcher's word-list predicates
    made it the costliest pass of the knowledge-base linking."""
    return cached(doc, ("vigie.place_matches", language), lambda: _place_matches(doc, language))


def _place_matches(doc: Doc, language: str) -> list[tuple[str, int, int]]:
    cols = columns(doc)
    locative, streets, links = _place_words(language)
    flags = doc.to_array([IS_TITLE, IS_ALPHA]).astype(bool) if len(doc) else np.zeros((0, 2), dtype=bool)
    title, alpha = flags[:, 0], flags[:, 1]
    name = (title & cols.where(pos=PLACE_NAME_POS)).tolist()
    link = cols.where(lower=links).tolist()
    found: dict[tuple[str, int, int], None] = {}  # ordered set: one match per range
    for i in cols.positions(lower=locative):
        for end in _runs_from(name, i + 1):
            found["LOC", i, end] = None
    for i in cols.positions(lower=streets):
        k = i + 1
        while True:  # any number of linking words, then the names
            for end in _runs_from(name, k):
                found["STREET", i, end] = None
            if k >= len(link) or not link[k]:
                break
            k += 1
    for start, end in _longest(_proper_runs(doc, cols, title, alpha)):
        found["PROPN", start, end] = None
    return list(found)


def _runs_from(mask: list[bool], start: int) -> Iterator[int]:
    """The ends of every non-empty run of ``mask`` starting at ``start``."""
    end = start
    while end < len(mask) and mask[end]:
        end += 1
        yield end


def _proper_runs(doc: Doc, cols: Columns, title: np.ndarray, alpha: np.ndarray) -> list[tuple[int, int]]:
    """Every run of alphabetic proper nouns (each sub-run: the pattern is ``+``) and every
    ``Title-Title``."""
    propn = alpha & cols.where(pos=("PROPN",))
    flags = propn.tolist()
    pairs = [(start, end) for start in np.flatnonzero(propn).tolist() for end in _runs_from(flags, start)]
    pairs += [(i - 1, i + 2) for i in cols.positions(lower=("-",))
              if 0 < i < len(doc) - 1 and title[i - 1] and title[i + 1]]
    return pairs


def _longest(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest first, then earliest, skipping any range that overlaps one already taken."""
    taken: set[int] = set()
    kept = []
    for start, end in sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True):
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return kept
