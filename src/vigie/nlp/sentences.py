"""Sentence boundary fixes applied before the parser.

Three rules the statistical parser gets wrong in news text:
- a paragraph break always ends a sentence (headlines have no final full stop);
- otherwise a sentence starts only after final punctuation (never at a name or an incise);
- a sentence never starts inside a quotation, so a quoted passage of several sentences stays
  with its cue ("« A. B », a-t-il dit").
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# ‘ ’ are left out: ’ is also the French apostrophe.
OPENING = {"«", "“", "„", "‹"}
CLOSING = {"»", "”", "›"}
FINAL = set(".!?…")
AFTER_FINAL = CLOSING | {'"', ")", "]"}
MAX_QUOTE_TOKENS = 150  # an unbalanced mark must not swallow the rest of the article


def _may_start(texts: list[str], i: int) -> bool:
    """A sentence starts only after final punctuation, possibly closed by a quote or bracket
    ("... en panne. » Suite"); the parser otherwise cuts at names and incises."""
    prev = texts[i - 1]
    if prev[-1] in FINAL:
        return True
    return prev in AFTER_FINAL and i >= 2 and texts[i - 2][-1] in FINAL


def sentence_starts(texts: list[str], breaks: list[bool]) -> list[int]:
    """Per token: 1 starts a sentence, -1 cannot, 0 lets the parser decide.

    ``breaks[i]`` is true when a line break precedes token ``i``.
    """
    out = [0] * len(texts)
    depth = 0
    straight_open = False
    opened_at = 0
    for i, text in enumerate(texts):
        if i and breaks[i]:
            out[i] = 1
            depth, straight_open = 0, False
        elif i:
            inside = depth > 0 or straight_open
            if inside and i - opened_at > MAX_QUOTE_TOKENS:
                depth, straight_open, inside = 0, False, False
            # never inside a quote (its closing mark included), never without final
            # punctuation before
            if inside or not _may_start(texts, i):
                out[i] = -1
            elif text in OPENING:
                out[i] = 1  # « A. » « B » : a quote after a full stop opens a sentence
        # an opening mark at a paragraph start opens a quote too
        if text in OPENING:
            if depth == 0 and not straight_open:
                opened_at = i
            depth += 1
        elif text in CLOSING and depth:
            depth -= 1
            # the closing mark belongs to the quote; what follows may be a new sentence
        elif text == '"':
            straight_open = not straight_open
            if straight_open:
                opened_at = i
    return out


@Language.component("vigie_sentences")
def fix_sentences(doc: Doc) -> Doc:
    """Preset sentence starts in one array write: setting ``Token.is_sent_start`` one token
    at a time rescans the document each time (quadratic)."""
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings  # token texts without building a Token object per word
    texts = [strings[orth] for orth in doc.to_array([ORTH]).tolist()]
    # a token's trailing whitespace is one space at most: line breaks are tokens of their own
    breaks = [False] + ["\n" in texts[i - 1] for i in range(1, len(texts))]
    starts = numpy.asarray(sentence_starts(texts, breaks), dtype="int64").astype("uint64")
    doc.from_array([SENT_START], starts)
    return doc
