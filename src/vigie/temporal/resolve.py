"""Resolvers: from the named groups of a rule's match to a TIMEX3 type and value.

Each resolver reads language-independent group names (day, month, year, weekday, shift,
unit, num, part, ...), looks their words up in the grammar's lexicons and computes the value
against the reference dates held by :class:`Context`. A resolver returns None when the match
cannot be a temporal expression after all (an impossible date, an unknown unit).

This module holds the shared machinery; the resolvers themselves live in
:mod:`vigie.temporal.days` (dates, weekdays, times of day, feasts) and
:mod:`vigie.temporal.periods` (weeks to centuries, durations, sets, deictic references).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vigie.temporal import calendar as cal
from vigie.temporal.grammar import Grammar, Rule
from vigie.temporal.numbers import parse_number


@dataclass(frozen=True)
class Resolved:
    """A normalised expression: TIMEX3 type and value, and the end of a range."""

    type: str
    value: str
    end_value: str | None = None


@dataclass
class Context:
    """What a resolver may know besides its match: reference dates and the verb's tense."""

    published: dt.date | None
    anchor: dt.date | None          # the last day mentioned before, for "le lendemain", "à 18 h"
    mode: Callable[[], str]          # past | future | nearest, from the governing verb (lazy)
    year: int | None = None          # a year written out earlier in the sentence


class Match:
    """A rule's match seen through the grammar: group text and lexicon meanings."""

    def __init__(self, grammar: Grammar, rule: Rule, m: Any) -> None:
        self.grammar, self.rule, self.m = grammar, rule, m

    def text(self, name: str) -> str | None:
        try:
            value = self.m.group(name)
        except (IndexError, KeyError):
            return None
        return " ".join(value.split()) if value else None

    def lex(self, name: str) -> Any:
        return self.grammar.lookup(self.rule.lexicon_of.get(name, name), self.text(name))

    def number(self, name: str = "num") -> float | None:
        return parse_number(self.grammar, self.text(name))

    @property
    def folded(self) -> str:
        return " ".join(self.m.group(0).split())


Resolver = Callable[[Match, Context], Resolved | None]
RESOLVERS: dict[str, Resolver] = {}
REF_BY_SIGN = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register the decorated function as the resolver rules call ``name``."""
    def register(func: Resolver) -> Resolver:
        RESOLVERS[name] = func
        return func

    return register


def sign(value: float) -> int:
    """-1, 0 or 1."""
    return (value > 0) - (value < 0)


def part_suffix(m: Match) -> str:
    """"TEV" for "soir", "T12:00" for "midi", "T21:45" for "21 h 45", or ""."""
    hour = m.text("hour")
    if hour is not None:
        value = int(hour)
        if m.text("pm") and value < 12:
            value += 12   # "8 p.m."
        return f"T{value:02d}:{int(m.text('minute') or 0):02d}"
    part = m.lex("part")
    if part is None:
        return ""
    return f"T{part}"


def day_value(day: dt.date | None, m: Match, fallback: str) -> Resolved:
    """A DATE for the day, or a TIME when the match names a part of the day or an hour."""
    suffix = part_suffix(m)
    value = (day.isoformat() if day else fallback) + suffix
    return Resolved("TIME" if suffix else "DATE", value)


def to_int(text: str | None) -> int | None:
    """The digits of ``text`` as a number ("1er" -> 1), or None."""
    digits = "".join(c for c in text or "" if c.isdigit())
    return int(digits) if digits else None


def written_year(m: Match, ctx: Context) -> int | None:
    """The year written in the match ("1998", "'98", "98"), or None."""
    year = to_int(m.text("year"))
    if year is None and m.text("yy") and ctx.published:
        year = cal.two_digit_year(to_int(m.text("yy")) or 0, ctx.published)
    elif year is None and m.text("yy"):
        year = 1900 + (to_int(m.text("yy")) or 0)
    return year
