"""The children of parse tokens, listed once while the events extractor runs.

Finding an event's arguments, its modality and its actors walks the same few clauses many
times, and spaCy builds a new ``Token`` object for every child at every visit. The lists
are kept in the Doc's ``user_data`` and dropped by :func:`release` when the extractor is
done (the Tokens refer back to the Doc).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "vigie.events.children"


def children(tok: Token) -> list[Token]:
    """``list(tok.children)``, kept for the Doc."""
    cache = tok.doc.user_data.get(_KEY)
    if cache is None:
        cache = tok.doc.user_data[_KEY] = {}
    found = cache.get(tok.i)
    if found is None:
        found = cache[tok.i] = list(tok.children)
    return found


def release(doc: Doc) -> None:
    """Forget the lists of ``doc``."""
    doc.user_data.pop(_KEY, None)
