"""Dates of statements and events: the temporal expression governing a clause, as a DateRef."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from vigie.schema import DateRef, Time

if TYPE_CHECKING:
    from vigie.analysis import Analysis

_DAY = regex.compile(r"^(\d{4}-\d{2}-\d{2})")
_WEEK = regex.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = regex.compile(r"^(\d{4}-\d{2})$")
_YEAR = regex.compile(r"^(\d{4})$")
_PART = regex.compile(r"^(\d{4})-(Q|H)(\d)$")
_SEASON = regex.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = regex.compile(r"^(\d{3})X$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month(year: int, month: int) -> str:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def to_date_ref(time: Time, text: str | None = None) -> DateRef | None:
    """The DateRef of a DATE/TIME value with a calendar position; None for durations, sets,
    PRESENT_REF and values with unknown parts."""
    value, label = time.value, text or time.text
    if time.type not in ("DATE", "TIME") or "X" in value[:4]:
        return None
    if m := _DAY.match(value):
        if time.end_value:
            return DateRef(label, m.group(1), time.end_value, "range")
        return DateRef(label, m.group(1), None, "day")
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        first = monday + dt.timedelta(days=5 if m.group(3) else 0)
        return DateRef(label, first.isoformat(), (monday + dt.timedelta(days=6)).isoformat(),
                       "week")
    if (m := _MONTH.match(value) or _YEAR.match(value)) and time.end_value:
        return DateRef(label, m.group(1), time.end_value, "range")   # "de janvier à mars"
    if m := _MONTH.match(value):
        return DateRef(label, m.group(1), None, "month")
    if m := _YEAR.match(value):
        return DateRef(label, m.group(1), None, "year")
    if m := _PART.match(value):
        size = 3 if m.group(2) == "Q" else 6
        first = (int(m.group(3)) - 1) * size + 1
        year = int(m.group(1))
        return DateRef(label, _month(year, first), _month(year, first + size - 1), "range")
    if m := _SEASON.match(value):
        lo, hi = _SEASON_MONTHS[m.group(2)]
        year = int(m.group(1))
        return DateRef(label, _month(year, lo), _month(year, hi), "range")
    if m := _DECADE.match(value):
        return DateRef(label, m.group(1) + "0", m.group(1) + "9", "range")
    return None


def _sentence_bounds(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    doc = analysis.doc
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand") if doc else None
    if span is None or len(span) == 0:
        return start, end
    return span[0].sent.start_char, span[-1].sent.end_char


def _main_verbs(analysis: Analysis, start: int, end: int) -> set[int]:
    """Token indices of the verbs a date should hang on: the roots of the sentences around
    the span, and the verbs inside the span when it is only part of its sentence."""
    doc = analysis.doc
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None:
        return set()
    first, last = span[0].sent, span[-1].sent
    mains = {first.root.i, last.root.i}
    if span.start > first.start or span.end < last.end:
        mains |= {t.i for t in span if t.pos_ in ("VERB", "AUX")}
    return mains


def _governor(analysis: Analysis, time: Time) -> int | None:
    span = analysis.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            return tok.i
        if tok.head.i == tok.i:  # the root (Token objects are new at each access: no `is`)
            return tok.i
        tok = tok.head
    return None


def _range_text(analysis: Analysis, time: Time) -> str:
    """"du 23 au 27 septembre" for the first day of a range, else the expression."""
    if not time.end_value:
        return time.text
    for other in analysis.times:
        if other.start > time.end and other.value == time.end_value:
            return analysis.text[time.start:other.end]
    return time.text


def date_ref_for(analysis: Analysis, start: int, end: int,
                 exclude: Sequence[tuple[int, int]] = ()) -> DateRef | None:
    """The date of the clause spanning ``[start, end)`` of ``analysis.text``.

    The candidates are the DATE/TIME expressions with a calendar value in the same sentence,
    except those overlapping a span of ``exclude`` (dates of reported words, not of the
    utterance);
    one governed by the main verb or inside the span wins, then the nearest to the span.
    None when the sentence has none (the caller decides about falling back).
    """
    lo, hi = _sentence_bounds(analysis, start, end)
    candidates = [t for t in analysis.times
                  if t.start < hi and t.end > lo and to_date_ref(t) is not None
                  and not any(t.start < e_end and t.end > e_start for e_start, e_end in exclude)]
    if not candidates:
        return None
    mains = _main_verbs(analysis, start, end) if analysis.doc is not None else set()

    def rank(t: Time) -> tuple[int, int, int]:
        inside = start <= t.start and t.end <= end
        attached = bool(mains) and _governor(analysis, t) in mains
        gap = 0 if t.start < end and t.end > start else min(abs(t.start - end),
                                                              abs(start - t.end))
        return (0 if attached else 1, 0 if inside else 1, gap)

    best = min(candidates, key=rank)
    for t in candidates:   # the end of a range stands for the whole range
        if t.end_value == best.value and t.start < best.start:
            best = t
            break
    return to_date_ref(best, _range_text(analysis, best))
