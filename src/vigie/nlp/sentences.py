"""Sentence boundary fixes applied before the parser.

Two rules the statistical parser gets wrong in news text:
- a paragraph break always ends a sentence (headlines have no final full stop);
- a sentence never starts inside a quotation, so a quoted passage of several sentences stays
  with its cue ("« A. B », a-t-il dit").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# ‘ ’ are left out: ’ is also the French apostrophe.
OPENING = {"«", "“", "„", "‹"}
CLOSING = {"»", "”", "›"}
MAX_QUOTE_TOKENS = 150  # an unbalanced mark must not swallow the rest of the article


@Language.component("vigie_sentences")
def fix_sentences(doc: Doc) -> Doc:
    depth = 0
    straight_open = False
    opened_at = 0
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ + prev.text or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            depth, straight_open = 0, False
            continue
        inside = depth > 0 or straight_open
        if inside and i - opened_at > MAX_QUOTE_TOKENS:
            depth, straight_open, inside = 0, False, False
        if inside and tok.text not in CLOSING and tok.text != '"':
            tok.is_sent_start = False
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
