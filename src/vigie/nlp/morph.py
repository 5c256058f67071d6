"""Morphological features of a token, parsed once per distinct analysis.

``Token.morph.get(name)`` builds a ``MorphAnalysis`` and parses its string at every call
(about 1.8 µs, more than any other token attribute); extractors ask it thousands of times
per article. A Doc has few distinct analyses, so they are parsed once and kept.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FIELD_SEP, VALUE_SEP = "|", ","  # spaCy's "Number=Sing|Person=1,3" (FEATS of Universal Dependencies)


@functools.lru_cache(maxsize=16384)
def _features(analysis: str) -> dict[str, tuple[str, ...]]:
    fields = (f.split("=", 1) for f in analysis.split(FIELD_SEP) if "=" in f)
    return {name: tuple(values.split(VALUE_SEP)) for name, values in fields}


def feature(token: Token, name: str) -> tuple[str, ...]:
    """The values of the morphological feature ``name`` of ``token`` (``()`` when absent):
    ``token.morph.get(name)`` as a tuple."""
    return _features(str(token.morph)).get(name, ())
