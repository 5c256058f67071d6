"""Derived data kept beside a spaCy Doc for as long as the Doc lives.

Extractors share what they compute once per Doc (attribute columns, candidate masks, place
matches). It is not kept in ``Doc.user_data``: that is serialised with the Doc
(``Doc.to_bytes``, ``DocBin``), and numpy arrays or our objects would make it fail.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

_CACHES: weakref.WeakKeyDictionary[Doc, dict[Any, Any]] = weakref.WeakKeyDictionary()


def doc_cache(doc: Doc) -> dict[Any, Any]:
    """The cache of ``doc``: a dict that is dropped with the Doc."""
    cache = _CACHES.get(doc)
    if cache is None:
        cache = _CACHES[doc] = {}
    return cache


def cached(doc: Doc, key: Hashable, make: Callable[[], T]) -> T:
    """``make()`` computed once per Doc and kept under ``key`` in its cache."""
    cache = doc_cache(doc)
    if key not in cache:
        cache[key] = make()
    return cache[key]
