"""Sentence boundary fixes applied before the parser.

Three rules the statistical parser gets wrong in news text:
- a paragraph break always ends a sentence (headlines have no final full stop);
- otherwise a sentence starts only after final punctuation (never at a name or an incise);
- a sentence never starts inside a quotation, so a quoted passage of several sentences stays
  with its cue ("« A. B », a-t-il dit").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# ‘ ’ are left out: ’ is also the French apostrophe.
OPENING = {"«", "“", "„", "‹"}
CLOSING = {"»", "”", "›"}
FINAL = set(".!?…")
MAX_QUOTE_TOKENS = 150  # an unbalanced mark must not swallow the rest of the article


def _may_start(doc: Doc, i: int) -> bool:
    """A sentence starts only after final punctuation, possibly closed by a quote or bracket
    ("... en panne. » Suite"); the parser otherwise cuts at names and incises."""
    prev = doc[i - 1]
    if prev.text[-1] in FINAL:
        return True
    return prev.text in CLOSING | {'"', ")", "]"} and i >= 2 and doc[i - 2].text[-1] in FINAL


@Language.component("vigie_sentences")
def fix_sentences(doc: Doc) -> Doc:
    depth = 0
    straight_open = False
    opened_at = 0
    for i, tok in enumerate(doc):
        prev = doc[i - 1] if i else None
        if prev is not None and ("\n" in prev.whitespace_ + prev.text or (prev.is_space and "\n" in prev.text)):
            tok.is_sent_start = True
            depth, straight_open = 0, False
        elif prev is not None:
            inside = depth > 0 or straight_open
            if inside and i - opened_at > MAX_QUOTE_TOKENS:
                depth, straight_open, inside = 0, False, False
            # never inside a quote (its closing mark included), never without final
            # punctuation before
            if inside or not _may_start(doc, i):
                tok.is_sent_start = False
            elif tok.text in OPENING and _may_start(doc, i):
                tok.is_sent_start = True  # « A. » « B » : a quote after a full stop opens a sentence
        # an opening mark at a paragraph start opens a quote too
        text = tok.text
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
    return doc
