"""Quotation spans: where quoted words start and end, in every quotation style.

A character scanner rather than the tokenizer, because quotation marks are typography:
« » (with or without inner spaces), “ ”, " ", ‹ ›, „ “, ‘ ’. The French apostrophe ’ only
closes a ‘ quote when no letter follows it (``l’État`` is a word, not a closing mark).
Quotes never cross a paragraph; a quote opened at the start of a paragraph and not closed
in it is a paragraph of a multi-paragraph quotation (the opening mark is repeated at each
paragraph) and runs to the paragraph end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

# opening mark -> the marks that may close it
PAIRS: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", "‹": "›", '"': '"', "‘": "’"}
CLOSERS = set("»”“›\"’")
SPACES = " \t\u00a0\u202f\u2009\n"
BEFORE_OPENING = set(SPACES) | set("([{«“‘—–-/:;,'")
# every character that may open or close a quote: the scan jumps from one to the next
_MARKS = re.compile("[" + re.escape("".join(sorted(set(PAIRS) | CLOSERS))) + "]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: marks at ``start`` and ``end - 1``; words in ``[inner_start, inner_end)``."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int = 0
    closed: bool = True


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch.isdigit()


def _opens(text: str, i: int, ch: str, stack: list[tuple[str, int]]) -> bool:
    """Whether ``ch`` at ``i`` opens a quote (the ambiguous marks decided by context)."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "«‹„":
        return True
    if ch == "“":
        return not any(mark == "„" for mark, _ in stack)
    if ch == '"':
        if any(mark == '"' for mark, _ in stack):
            return False
        return prev in BEFORE_OPENING and nxt not in SPACES
    if ch == "‘":
        return prev in BEFORE_OPENING
    return False


def _closes(text: str, i: int, ch: str, stack: list[tuple[str, int]]) -> int | None:
    """The stack index of the quote ``ch`` at ``i`` closes, or None."""
    if ch == "’":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if _is_letter(nxt):
            return None
    for k in range(len(stack) - 1, -1, -1):
        if ch in PAIRS[stack[k][0]]:
            return k
    return None


def _make(text: str, start: int, end: int, depth: int, closed: bool) -> Quote:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    while inner_start < inner_end and text[inner_start] in SPACES:
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in SPACES:
        inner_end -= 1
    return Quote(start, end, inner_start, inner_end, depth, closed)


def quotes_in(text: str, start: int, end: int) -> list[Quote]:
    """Every quote of the paragraph ``text[start:end]``, nested ones included, by start."""
    found: list[Quote] = []
    stack: list[tuple[str, int]] = []
    for mark in _MARKS.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch in CLOSERS and stack:
            k = _closes(text, i, ch, stack)
            if k is not None and not (ch == "“" and _opens(text, i, ch, stack)):
                for depth in range(len(stack) - 1, k - 1, -1):
                    _, at = stack[depth]
                    if depth == k:
                        found.append(_make(text, at, i + 1, depth, True))
                del stack[k:]
                continue
        if ch in PAIRS and _opens(text, i, ch, stack):
            stack.append((ch, i))
    if stack:
        _mark, at = stack[0]
        if not text[start:at].strip(SPACES):
            stop = end
            while stop > at and text[stop - 1] in SPACES:
                stop -= 1
            found.append(_make(text, at, stop, 0, False))
    return sorted(found, key=lambda q: q.start)


class QuoteIndex:
    """The quotes of a document, with lookups by offset."""

    def __init__(self, text: str, paragraphs: Iterable[tuple[int, int]]) -> None:
        self.all: list[Quote] = []
        for p_start, p_end in paragraphs:
            self.all.extend(quotes_in(text, p_start, p_end))
        self.top: list[Quote] = [q for q in self.all if q.depth == 0]
        self._starts = [q.start for q in self.top]

    def around(self, offset: int) -> Quote | None:
        """The top-level quote whose marks enclose ``offset``, if any."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.top[k].start <= offset < self.top[k].end:
            return self.top[k]
        return None

    def within(self, start: int, end: int) -> list[Quote]:
        """Top-level quotes lying entirely inside ``[start, end)``."""
        k = bisect.bisect_left(self._starts, start)
        out = []
        while k < len(self.top) and self.top[k].start < end:
            if self.top[k].end <= end:
                out.append(self.top[k])
            k += 1
        return out

    def closing_at(self, offset: int) -> Quote | None:
        """The top-level quote whose closing mark ends just before ``offset`` (spaces, commas allowed)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        while k >= 0:
            q = self.top[k]
            if q.end <= offset:
                return q
            k -= 1
        return None
