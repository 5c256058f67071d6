"""Fast ``Token.sent`` and ``Span.sent``, from sentence bounds indexed once per Doc.

spaCy finds the sentence of a token by checking the Doc's annotation and walking to the
sentence's ends, about 3 µs a call; extractors ask it hundreds of times per article. The
``vigie_sentence_index`` component, last in the pipeline (after the parser has fixed the
boundaries), indexes the sentence starts and installs spaCy's documented user hooks, which
return the same spans as spaCy's own code: the sentence from the start at or before the
(first) token, the Doc's first token always starting one, to the next start after it.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from vigie.nlp.cache import cached

_KEY = "vigie.sentence_starts"


def _starts(doc: Doc) -> list[int]:
    return cached(doc, _KEY, lambda: _index(doc))


def _index(doc: Doc) -> list[int]:
    flags = doc.to_array([SENT_START]).astype("int64") if len(doc) else numpy.zeros(0, dtype="int64")
    return sorted({0, *numpy.flatnonzero(flags == 1).tolist()})


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``."""
    starts = _starts(doc)
    k = bisect.bisect_right(starts, i)
    return Span(doc, starts[k - 1], starts[k] if k < len(starts) else len(doc))


def token_sentence(token: Token) -> Span:
    """``token.sent``."""
    return _sentence(token.doc, token.i)


def span_sentence(span: Span) -> Span:
    """``span.sent``: the sentence of its first token (spaCy's choice for a span that
    crosses a boundary)."""
    return _sentence(span.doc, span.start)


@Language.component("vigie_sentence_index")
def index_sentences(doc: Doc) -> Doc:
    """Install the fast ``sent`` hooks (bounds are read on first use)."""
    doc.user_token_hooks["sent"] = token_sentence
    doc.user_span_hooks["sent"] = span_sentence
    return doc
