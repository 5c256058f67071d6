"""Length-preserving text folding: lowercase, no accents, plain apostrophes and hyphens.

The grammar matches the folded text, so "Été", "ete" and "été" are one form and offsets in
the folded text are offsets in the original.
"""

from __future__ import annotations

import functools
import unicodedata

_SAME_AS = {
    "'": "'\u2019\u2018\u02bc\u00b4`",
    "-": "\u2010\u2011\u2012\u2013",
    " ": "\u00a0\u202f\u2009\u2007\u200a",
}


@functools.cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if base != char and len(base) == 1:
            table[code] = base
    for plain, variants in _SAME_AS.items():
        for char in variants:
            table[ord(char)] = plain
    return table


@functools.cache
def _lookup() -> str:
    """The table as a string indexed by code point: ``str.translate`` reads it much faster
    than a dict; a code point past its end is left as it is, like one missing from a dict."""
    table = _table()
    return "".join(table.get(code, chr(code)) for code in range(max(table) + 1))


def fold(text: str) -> str:
    """``text`` lowercased and without accents, with exactly the same length."""
    return text.translate(_lookup())


def fold_pattern(pattern: str) -> str:
    """Fold only the non-ASCII characters of a regular expression (``\\W`` must stay)."""
    table = _table()
    return "".join(table.get(ord(c), c) if ord(c) > 0x7F else c for c in pattern)
