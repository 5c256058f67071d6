"""Normalised lookup keys: the one function every knowledge-base index is keyed by.

A key is the name casefolded, without accents, with apostrophes unified, hyphens and
whitespace collapsed to one space, and a leading article ("la Corée du Nord", "l’Élysée")
removed, so that "États-Unis", "Etats-Unis" and "les États Unis" share the key "etats unis".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")


def strip_accents(text: str) -> str:
    """``text`` without combining marks (é -> e, ç -> c); other characters unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@functools.lru_cache(maxsize=65536)
def _base(text: str) -> str:
    text = strip_accents(text.translate(_APOSTROPHES)).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def make_key(text: str, articles: Iterable[str] = ()) -> str:
    """The lookup key of ``text``; ``articles`` (e.g. ``le la les l'``) are stripped in front."""
    if not articles:
        return _base(text)
    if isinstance(articles, tuple):  # the lexicon's: the key is kept
        return _key_without_article(text, articles)
    return _strip_article(_base(text), articles)


@functools.lru_cache(maxsize=65536)
def _key_without_article(text: str, articles: tuple[str, ...]) -> str:
    return _strip_article(_base(text), articles)


def _strip_article(key: str, articles: Iterable[str]) -> str:
    for article in articles:
        art = _base(article)
        if art.endswith("'"):
            if key.startswith(art) and len(key) > len(art):
                return key[len(art):].lstrip()
        elif key.startswith(art + " ") and len(key) > len(art) + 1:
            return key[len(art) + 1:]
    return key
