"""Light sentence splitting inside one paragraph, and "is this inside a quotation?".

This is not the parser's sentence segmentation (prepare runs before spaCy); it only needs to
find where a call to the reader may start, so a boundary is end punctuation, optional
closing quotes, a space, and a character that is not a lowercase letter.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?…]+[»\"”’)\]]*\s+(?=\S)(?![a-zà-ÿ])")
_PAIRS = (("«", "»"), ("“", "”"))


def sentence_spans(para: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``para``, relative to it; they cover ``para``."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(para):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(para):
        spans.append((start, len(para)))
    return spans


def inside_quote(para: str, pos: int) -> bool:
    """True when position ``pos`` of ``para`` lies inside an open quotation."""
    before = para[:pos]
    if any(before.count(o) > before.count(c) for o, c in _PAIRS):
        return True
    return before.count('"') % 2 == 1
