"""Parse lookups without spaCy ``Token`` objects: children listed once per Doc, character
offsets to token indices.

Finding an event's arguments, its modality and its actors walks the same few clauses many
times, and spaCy builds a new ``Token`` object for every child at every visit. The lists
are kept in the Doc's cache (:mod:`vigie.nlp.cache`), like every other per-Doc lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, LENGTH, SPACY

from vigie.nlp.cache import cached

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "vigie.events.children"


def children(tok: Token) -> list[Token]:
    """``list(tok.children)``, kept for the Doc."""
    cache = cached(tok.doc, _KEY, dict)
    found = cache.get(tok.i)
    if found is None:
        found = cache[tok.i] = list(tok.children)
    return found


_OFFSETS = "vigie.token_offsets"


class Offsets:
    """Character offsets to token indices for one Doc, by binary search on the token
    offsets, without the Token objects ``Doc.char_span`` builds."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array([IDX, LENGTH, SPACY]).astype(np.int64) if len(doc) else np.zeros((0, 3), dtype=np.int64)
        self.starts: list[int] = table[:, 0].tolist()
        self.ends: list[int] = (table[:, 0] + table[:, 1]).tolist()
        # the length of the text: the end of the last token and its trailing space (not
        # len(doc.text), which builds the text from a Token per word)
        self.size = int(table[-1].sum()) if len(doc) else 0

    def tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens ``doc.char_span(start, end, alignment_mode="expand")`` covers, as the
        indices (first, stop), or None; for ``start < end``."""
        first, last = self._token_at(start), self._token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.ends[first]:  # the trailing space of a token is not part of it
            first += 1
        return first, last + 1

    def _token_at(self, char: int) -> int:
        """The token holding character ``char`` with its trailing space (tokens tile the
        text), or -1."""
        return bisect_right(self.starts, char) - 1 if 0 <= char < self.size else -1


def offsets(doc: Doc) -> Offsets:
    """The :class:`Offsets` of ``doc``, kept in its cache."""
    return cached(doc, _OFFSETS, lambda: Offsets(doc))


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """``offsets(doc).tokens(start, end)``."""
    return offsets(doc).tokens(start, end)
