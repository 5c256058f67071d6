"""Find and normalise the temporal expressions of a text.

Each compiled rule runs over the windows of the folded text around trigger words, skipping
the windows where :mod:`vigie.temporal.prefilter` proves it cannot match; overlaps are
resolved in favour of the longest match, then each expression is normalised in text order
so that anaphoric ones ("le lendemain", "à 18 h") can use the last day mentioned before them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any

import regex

from vigie.schema import Time
from vigie.temporal import calendar as cal
from vigie.temporal import days, periods  # noqa: F401  (importing registers the resolvers)
from vigie.temporal.fold import fold
from vigie.temporal.grammar import Grammar, Rule, grammar_for
from vigie.temporal.prefilter import Prefilter
from vigie.temporal.resolve import RESOLVERS, Context, Match
from vigie.temporal.tense import direction, tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SENTENCE_END = regex.compile(r"[.!?]+(?=\s)|\n")

Candidate = tuple[int, int, int, Rule, Any]  # start, end, rule order, rule, match
# How far (in characters) a day mentioned stays the reference of "à 18 h", "le lendemain":
# a few paragraphs of the same story, not a date of history far above.
_ANCHOR_REACH = 1200


def _windows(grammar: Grammar, folded: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words: the only places a rule can match."""
    if grammar.triggers is None:
        return [(0, len(folded))]
    before, after = grammar.window
    spans: list[list[int]] = []
    for m in grammar.triggers.finditer(folded):
        lo, hi = max(0, m.start() - before), m.end() + after
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    out = []
    for lo, hi in spans:
        # never cut a word at the end: a truncated word would pass the word boundary
        while hi < len(folded) and folded[hi].isalnum():
            hi += 1
        out.append((lo, min(hi, len(folded))))
    return out


Runs = list[list[tuple[int, int]]]  # per pattern, the windows to run it in


def _runs(screen: Prefilter, folded: str, windows: list[tuple[int, int]]) -> Runs:
    """For each pattern screened by ``screen``, the windows where it may match: running
    it only there finds the same matches as running it in every window, much faster."""
    runs: Runs = [[] for _ in screen.masks]
    for lo, hi in windows:
        for k in screen.possible(folded, lo, hi):
            runs[k].append((lo, hi))
    return runs


def _candidates(grammar: Grammar, folded: str, runs: Runs) -> list[Candidate]:
    found = []
    for order, (rule, where) in enumerate(zip(grammar.rules, runs, strict=True)):
        for lo, hi in where:
            for m in rule.regex.finditer(folded, lo, hi):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), order, rule, m))
    return found


def _excluded(grammar: Grammar, folded: str, runs: Runs) -> list[tuple[int, int]]:
    spans = []
    for pattern, where in zip(grammar.excludes, runs, strict=True):
        for lo, hi in where:
            spans.extend(m.span("x") for m in pattern.finditer(folded, lo, hi))
    return spans


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _inside(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= a[0] and a[1] <= e for s, e in spans)


def _select(cands: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then the earlier rule. A candidate inside
    an excluded span goes; a longer one ("fiscal 2022" around "2022 results") stays."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        span = (cand[0], cand[1])
        if _inside(span, blocked) or _overlaps(span, taken):
            continue
        kept.append(cand)
        taken.append(span)
    return sorted(kept, key=lambda c: c[0])


class _Bounds:
    """Sentence boundaries of a text (punctuation and line breaks), found once."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def sentence(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, offset)
        return (self.ends[i - 1] if i else 0, self.ends[i] if i < len(self.ends) else self.size)


def _mode(grammar: Grammar, folded: str, cand: Candidate, bounds: _Bounds,
          doc: Doc | None) -> Any:
    def compute() -> str:
        start, end = cand[0], cand[1]
        for pattern, mode in grammar.before:
            if pattern.search(folded, max(0, start - 24), start):
                return mode
        return direction(tense_at(grammar, folded, start, end, bounds.sentence(start), doc))

    return compute


def _frames_year(grammar: Grammar, match: Match, folded: str, start: int) -> bool:
    """A year written out as the frame of what follows ("En 1997, ... en janvier"): a bare
    year value introduced by one of the grammar's frame prepositions."""
    written = match.text("year") or match.text("yy")
    if grammar.year_frame is None or not written or match.text("month"):
        return False
    return bool(grammar.year_frame.search(folded, max(0, start - 12), start))


def _link_ranges(grammar: Grammar, folded: str, times: list[Time]) -> None:
    """"du 28 février au 3 mars": the first date of a range gets the second as its end."""
    if grammar.range_start is None or grammar.range_link is None:
        return
    for first, second in itertools.pairwise(times):
        if (first.end_value or first.type != "DATE" or second.type != "DATE"
                or not first.value[:4].isdigit() or len(first.value) != len(second.value)
                or second.value <= first.value):
            continue
        if (grammar.range_link.fullmatch(folded, first.end, second.start)
                and grammar.range_start.search(folded, max(0, first.start - 12), first.start)):
            first.end_value = second.value


def find_times(text: str, published: dt.date | None, language: str = "fr",
               doc: Doc | None = None) -> list[Time]:
    """Every temporal expression of ``text`` as TIMEX3-like :class:`Time` items in text order.

    Relative expressions are resolved against ``published``; ``doc`` (a spaCy Doc of the same
    text) lets the tense of the governing verb decide between a past and a coming weekday.
    """
    grammar = grammar_for(language)
    if grammar is None or not text:
        return []
    folded = fold(text)
    runs = _runs(grammar.screen, folded, _windows(grammar, folded))
    split = len(grammar.rules)  # the screen holds the rules, then the excludes
    chosen = _select(_candidates(grammar, folded, runs[:split]),
                     _excluded(grammar, folded, runs[split:]))
    bounds = _Bounds(text)
    times: list[Time] = []
    anchor: tuple[int, dt.date] | None = None   # (offset, the last day mentioned)
    year: tuple[int, int] | None = None     # (sentence start, last year written out in it)
    for cand in chosen:
        start, end, _, rule, m = cand
        sentence = bounds.sentence(start)[0]
        recent = anchor[1] if anchor and start - anchor[0] <= _ANCHOR_REACH else None
        ctx = Context(published, recent, _mode(grammar, folded, cand, bounds, doc),
                      year[1] if year and year[0] == sentence else None)
        match = Match(grammar, rule, m)
        resolved = RESOLVERS[rule.resolve](match, ctx)
        if resolved is None:
            continue
        times.append(Time(text[start:end], start, end, resolved.type, resolved.value,
                          resolved.end_value))
        day = cal.parse_iso(resolved.value)
        anchor = (end, day) if day else anchor
        if _frames_year(grammar, match, folded, start):
            year = (sentence, int(resolved.value[:4]))
    _link_ranges(grammar, folded, times)
    return times
