"""Per-Doc columns of token attributes, for word-list lookups without per-token Python.

A spaCy ``Matcher`` pattern such as ``{"LEMMA": {"IN": words}}`` calls a Python predicate
and builds a ``Token`` object for every token of the Doc, on every pass; with five such passes
per article this cost as much as some extractors. Here the attributes are read once per Doc
into numpy arrays (``Doc.to_array``, no Token objects) and a word list becomes an array of
string hashes, so that "the tokens whose lemma or lower form is in this list" is one
vectorised binary search. The result is the same as the Matcher's: spaCy compares the same hashes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from vigie.nlp.cache import cached

_KEY = "vigie.columns"
Words = Iterable[str] | None
_ATTRS = (LOWER, LEMMA, POS, DEP)


@functools.cache
def word_hashes(words: frozenset[str]) -> np.ndarray:
    """The sorted string hashes of ``words``, as spaCy stores them in ``Doc`` arrays."""
    return np.sort(np.fromiter((get_string_id(w) for w in words), dtype=np.uint64, count=len(words)))


def _member(column: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """``np.isin(column, sorted_values)`` by binary search: the word lists are long and
    fixed, so sorting them once beats ``isin``, which sorts them at every call."""
    if not len(sorted_values):
        return np.zeros(len(column), dtype=bool)
    at = np.searchsorted(sorted_values, column)
    at[at == len(sorted_values)] = 0
    return sorted_values[at] == column


@functools.cache
def pos_ids(tags: frozenset[str]) -> np.ndarray:
    """The ids of universal part-of-speech ``tags`` ("NOUN", "VERB"…)."""
    return np.array(sorted(IDS[t] for t in tags), dtype=np.uint64)


class Columns:
    """The LOWER, LEMMA, POS and DEP columns of one Doc."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array(list(_ATTRS)) if len(doc) else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
        self.lower, self.lemma, self.pos, self.dep = (np.ascontiguousarray(table[:, k]) for k in range(len(_ATTRS)))
        self._masks: dict[tuple, np.ndarray] = {}

    def where(
        self,
        *,
        lower: Words = None,
        lemma: Words = None,
        pos: Words = None,
        not_pos: Words = None,
        dep: Words = None,
    ) -> np.ndarray:
        """A boolean mask: tokens whose lower form is in ``lower`` or whose lemma is in
        ``lemma`` (either list may be omitted), whose part of speech is in ``pos`` and not in
        ``not_pos``, and whose dependency label is in ``dep``. Word lists are compared as
        written, like the Matcher's ``IN``. Masks asked with tuples or frozensets are kept: a
        caller may ask once per sentence."""
        key = (lower, lemma, pos, not_pos, dep)
        try:
            mask = self._masks.get(key)
        except TypeError:  # lists: not kept
            key, mask = None, None
        if mask is None:
            mask = self._mask(lower, lemma, pos, not_pos, dep)
            mask.flags.writeable = False  # shared by every caller
            if key is not None:
                self._masks[key] = mask
        return mask

    def _mask(self, lower: Words, lemma: Words, pos: Words, not_pos: Words, dep: Words) -> np.ndarray:
        words = self._words(lower, self.lower) | self._words(lemma, self.lemma) \
            if lower is not None or lemma is not None else np.ones(len(self.pos), dtype=bool)
        if pos is not None:
            words &= _member(self.pos, pos_ids(frozenset(pos)))
        if not_pos is not None:
            words &= ~_member(self.pos, pos_ids(frozenset(not_pos)))
        if dep is not None:
            words &= _member(self.dep, word_hashes(frozenset(dep)))
        return words

    def _words(self, words: Words, column: np.ndarray) -> np.ndarray:
        if words is None:
            return np.zeros(len(column), dtype=bool)
        return _member(column, word_hashes(words if isinstance(words, frozenset) else frozenset(words)))

    def positions(self, **criteria: Words) -> list[int]:
        """The indices of the tokens that :meth:`where` selects, in document order."""
        return np.flatnonzero(self.where(**criteria)).tolist()


def columns(doc: Doc) -> Columns:
    """The :class:`Columns` of ``doc``, computed on first use and kept with the Doc."""
    return cached(doc, _KEY, lambda: Columns(doc))
