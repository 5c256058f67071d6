"""Resolvers: from the named groups of a rule's match to a TIMEX3 type and value.

Each resolver reads language-independent group names (day, month, year, weekday, shift,
unit, num, part, ...), looks their words up in the grammar's lexicons and computes the value
against the reference dates held by :class:`Context`. A resolver returns None when the match
cannot be a temporal expression after all (an impossible date, an unknown unit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vigie.temporal import calendar as cal
from vigie.temporal.grammar import Grammar, Rule
from vigie.temporal.numbers import fmt, parse_number


@dataclass(frozen=True)
class Resolved:
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
_REF_BY_SIGN = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def register(func: Resolver) -> Resolver:
        RESOLVERS[name] = func
        return func

    return register


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _part_suffix(m: Match) -> str:
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


def _day_value(day: dt.date | None, m: Match, fallback: str) -> Resolved:
    suffix = _part_suffix(m)
    value = (day.isoformat() if day else fallback) + suffix
    return Resolved("TIME" if suffix else "DATE", value)


def _int(text: str | None) -> int | None:
    digits = "".join(c for c in text or "" if c.isdigit())
    return int(digits) if digits else None


def _year(m: Match, ctx: Context) -> int | None:
    year = _int(m.text("year"))
    if year is None and m.text("yy") and ctx.published:
        year = cal.two_digit_year(_int(m.text("yy")) or 0, ctx.published)
    elif year is None and m.text("yy"):
        year = 1900 + (_int(m.text("yy")) or 0)
    return year


def _mode_for(m: Match, ctx: Context, month_only: bool) -> str:
    shift = m.lex("shift")
    if shift is not None and shift != 0:
        return cal.PAST if shift < 0 else cal.FUTURE
    mode = ctx.mode()
    if month_only and mode == cal.NEAREST:
        return "same"
    return mode


@resolver("calendar")
def calendar(m: Match, ctx: Context) -> Resolved | None:
    """Dates with a month: "le 21 septembre", "mai 1988", "septembre dernier", "22/09/2022"."""
    month = m.lex("m1") or m.lex("month") or _int(m.text("monthnum"))
    if not month:
        return None
    day = _int(m.text("day")) if m.text("day") else m.lex("ordinal")
    if day is not None and day < 1:
        return None
    year = _year(m, ctx)
    if year is None and not m.text("shift"):
        year = ctx.year   # "En 1997, il est nommé en janvier puis limogé en octobre"
    ref = ctx.published
    if year is None and ref is None:
        prefix = "XXXX"
    else:
        if year is None and day is not None and m.lex("weekday"):
            year = cal.year_of_weekday(ref, month, day, m.lex("weekday"))
        if year is None:
            mode = _mode_for(m, ctx, day is None)
            strict = day is None and bool(m.lex("shift"))   # "mars dernier" said in March
            year = (ref.year if mode == "same"
                    else cal.month_day_year(ref, month, day, mode, strict))
        prefix = f"{year:04d}"
    if day is None:
        return Resolved("DATE", f"{prefix}-{month:02d}")
    if m.text("part"):
        return Resolved("TIME", f"{prefix}-{month:02d}-{day:02d}{_part_suffix(m)}")
    if year is not None and cal.valid_date(year, month, day) is None:
        return None
    end = None
    if m.text("day2"):
        end_month = m.lex("month") or month
        end = f"{prefix}-{end_month:02d}-{_int(m.text('day2')):02d}"
    return Resolved("DATE", f"{prefix}-{month:02d}-{day:02d}", end)


@resolver("weekday")
def weekday(m: Match, ctx: Context) -> Resolved | None:
    """"jeudi", "mardi soir", "jeudi prochain", "ce dimanche", "la nuit de lundi à mardi"."""
    wd = m.lex("weekday")
    if wd is None:
        return None
    if ctx.published is None:
        return _day_value(None, m, f"XXXX-WXX-{wd}")
    shift = m.lex("shift")
    if m.text("same") and ctx.anchor:
        day = cal.weekday_near(ctx.anchor, wd, cal.NEAREST)
    elif m.text("this") is not None:
        day = cal.weekday_shifted(ctx.published, wd, 0)
    elif shift:
        day = cal.weekday_shifted(ctx.published, wd, shift)
    else:
        day = cal.weekday_near(ctx.published, wd, ctx.mode())
    return _day_value(day, m, "")


@resolver("relday")
def relday(m: Match, ctx: Context) -> Resolved | None:
    """"hier", "aujourd'hui", "demain matin", "hier à 10 h"."""
    offset = m.lex("rel")
    if offset is None:
        return None
    if ctx.published is None:
        return Resolved("DATE", _REF_BY_SIGN[_sign(offset)])
    return _day_value(ctx.published + dt.timedelta(days=offset), m, "")


@resolver("anaphor")
def anaphor(m: Match, ctx: Context) -> Resolved | None:
    """"le lendemain", "la veille au soir", "le même jour": from the last day mentioned."""
    offset = m.lex("anaphor")
    base = ctx.anchor or ctx.published
    if offset is None or base is None:
        return None
    return _day_value(base + dt.timedelta(days=offset), m, "")


@resolver("part")
def part(m: Match, ctx: Context) -> Resolved | None:
    """"ce soir" (today), "la nuit", "le matin même" (the day last mentioned)."""
    # "ce soir" is today's; "ce matin-là", "cette journée", "la nuit" the day being told
    shift = m.lex("shift")
    deictic = ((m.text("this") is not None and m.lex("part") != "DT" and not m.text("there"))
               or shift is not None)
    base = ctx.published if deictic else (ctx.anchor or ctx.published)
    if base is not None and shift:
        base += dt.timedelta(days=shift)   # "la nuit dernière"
    if base is None:
        return Resolved("TIME", "PRESENT_REF") if deictic else None
    return _day_value(base, m, "")


def _unit_value(unit: str, ref: dt.date, shift: int, anchor: dt.date | None) -> str | None:
    year = ref.year
    if unit == "Y":
        return f"{year + shift:04d}"
    if unit == "M":
        y, mo = cal.add_months(year, ref.month, shift)
        return f"{y:04d}-{mo:02d}"
    if unit == "W":
        return cal.iso_week(ref + dt.timedelta(weeks=shift))
    if unit == "WE":
        return cal.iso_week(ref + dt.timedelta(weeks=shift)) + "-WE"
    if unit == "D":
        return ((anchor or ref) + dt.timedelta(days=shift)).isoformat()
    if unit in ("Q", "H"):
        size = 3 if unit == "Q" else 6
        index = year * (12 // size) + (ref.month - 1) // size + shift
        return f"{index // (12 // size):04d}-{unit}{index % (12 // size) + 1}"
    if unit == "DE":
        return f"{year // 10 + shift:03d}X"
    if unit == "CE":
        return f"{year // 100 + shift:02d}"
    return None


@resolver("relunit")
def relunit(m: Match, ctx: Context) -> Resolved | None:
    """"cette année", "l'an dernier", "la semaine prochaine", "ce mois-ci", "la fin de l'année"."""
    unit = m.lex("calunit")
    if unit is None:
        return None
    year = _int(m.text("year"))
    if year is not None and unit == "Y":
        return Resolved("DATE", f"{year:04d}")
    shift = m.lex("shift") or 0
    if ctx.published is None:
        return Resolved("DATE", _REF_BY_SIGN[_sign(shift)])
    anchor = ctx.anchor if m.text("shift") else ctx.published
    ref = ctx.published
    if unit == "WE" and shift == 0 and ref.isoweekday() < 6 and ctx.mode() == cal.PAST:
        ref -= dt.timedelta(weeks=1)   # "ce week-end" in a report on Tuesday: the last one
    value = _unit_value(unit, ref, shift, anchor)
    return Resolved("DATE", value) if value else None


@resolver("ordinal_unit")
def ordinal_unit(m: Match, ctx: Context) -> Resolved | None:
    """"le premier trimestre 2022", "au second semestre"."""
    ordinal = m.lex("ordinal")
    unit = m.lex("calunit")
    if unit not in ("Q", "H"):
        return None
    count = 4 if unit == "Q" else 2
    if ordinal is None or ordinal > count:
        return None
    index = count if ordinal < 0 else ordinal
    year = _int(m.text("year"))
    if year is None:
        if ctx.published is None:
            return Resolved("DATE", f"XXXX-{unit}{index}")
        year = ctx.published.year + (m.lex("shift") or 0)
    return Resolved("DATE", f"{year:04d}-{unit}{index}")


def _quantity(m: Match) -> float | None:
    """The number of units: digits, words, "une dizaine de", or "X" when vague."""
    if m.text("vague"):
        return None
    if m.text("roundnum"):
        return float(m.lex("roundnum"))
    return m.number()


def _unit_of(m: Match) -> tuple[int, str] | None:
    unit = m.grammar.lookup("unit", m.text("unit"))
    return (int(unit[0]), str(unit[1])) if unit else None


_SMALLER = {"Y": (12, "M"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}


def _duration(amount: float | None, unit: tuple[int, str]) -> str:
    count, letter = unit
    if amount is None:
        return f"PTX{letter[1]}" if letter.startswith("T") else f"PX{letter}"
    total = amount * count
    if total != int(total) and letter in _SMALLER:
        factor, letter = _SMALLER[letter]
        total *= factor
    return f"PT{fmt(total)}{letter[1]}" if letter.startswith("T") else f"P{fmt(total)}{letter}"


def _fraction(m: Match, group: str) -> float:
    """A fraction word of the match ("demi-", "et demie"), 0 when there is none."""
    return float(m.grammar.lookup("fraction", m.text(group)) or 0.0)


@resolver("duration")
def duration(m: Match, ctx: Context) -> Resolved | None:
    """"deux ans", "environ une heure", "30,4 secondes", "ces derniers jours", "un demi-siècle"."""
    unit = _unit_of(m)
    if unit is None:
        return None
    if m.text("fraction"):
        return Resolved("DURATION", _duration(_fraction(m, "fraction"), unit))
    amount = _quantity(m)
    if amount is None and m.text("one"):
        amount = 1.0   # "la dernière décennie"
    if amount is None and not m.text("vague") and not m.text("lastshift"):
        return None
    if amount is not None:
        amount += _fraction(m, "fraction2")
    return Resolved("DURATION", _duration(amount, unit))


@resolver("period")
def period(m: Match, ctx: Context) -> Resolved | None:
    """Nouns naming a fixed period: "quinquennat"."""
    value = m.lex("period")
    return Resolved("DURATION", _duration(1, (int(value[0]), str(value[1])))) if value else None


def _moved(ref: dt.date, amount: float, unit: tuple[int, str], sign: int) -> str:
    count, letter = unit
    steps = int(amount * count) * sign
    if letter == "Y":
        return f"{ref.year + steps:04d}"
    if letter == "M":
        y, mo = cal.add_months(ref.year, ref.month, steps)
        return f"{y:04d}-{mo:02d}"
    days = steps * 7 if letter == "W" else steps if letter == "D" else 0
    if letter == "TH":
        days = int(steps / 24)   # "il y a 48 heures": the day, the hour being unknown
    return (ref + dt.timedelta(days=days)).isoformat()


def _moved_by(m: Match, ctx: Context, sign: int) -> Resolved | None:
    unit = _unit_of(m)
    if unit is None:
        return None
    amount = _quantity(m)
    if amount is None or ctx.published is None:
        return Resolved("DATE", _REF_BY_SIGN[sign])
    return Resolved("DATE", _moved(ctx.published, amount, unit, sign))


@resolver("ago")
def ago(m: Match, ctx: Context) -> Resolved | None:
    """"il y a deux jours"."""
    return _moved_by(m, ctx, -1)


@resolver("ahead")
def ahead(m: Match, ctx: Context) -> Resolved | None:
    """"dans deux semaines", "d'ici trois ans"."""
    return _moved_by(m, ctx, 1)


@resolver("set")
def set_(m: Match, ctx: Context) -> Resolved | None:
    """"chaque lundi", "tous les jeudis", "chaque année", "tous les deux ans"."""
    wd = m.lex("weekdays") or m.lex("weekday")
    if wd:
        return Resolved("SET", f"XXXX-WXX-{wd}" + _part_suffix(m))
    unit = _unit_of(m)
    if unit is None:
        return None
    return Resolved("SET", _duration(m.number() or 1.0, unit))


@resolver("setadj")
def setadj(m: Match, ctx: Context) -> Resolved | None:
    """"annuel" (P1Y), "quotidienne" (P1D), "nocturne" (TNI)."""
    value = m.lex("setadj")
    if not value:
        return None
    return Resolved("SET" if value.startswith("P") else "TIME", value)


@resolver("clock")
def clock(m: Match, ctx: Context) -> Resolved | None:
    """"20 h", "21 h 45", "vers midi": on the day last mentioned, else the publication day."""
    suffix = _part_suffix(m)
    if not suffix:
        return None
    base = ctx.anchor or ctx.published
    return Resolved("TIME", (base.isoformat() if base else "XXXX-XX-XX") + suffix)


def _season_year(ref: dt.date, code: str, shift: int) -> int:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if shift < 0:
        return ref.year if start < ref.month else ref.year - 1
    if shift > 0:
        return ref.year if start > ref.month else ref.year + 1
    return ref.year


@resolver("season")
def season(m: Match, ctx: Context) -> Resolved | None:
    """"l'été", "cet hiver", "l'automne dernier", "printemps 2023"."""
    code = m.lex("season")
    if code is None:
        return None
    year = _int(m.text("year"))
    if year is None:
        if ctx.published is None:
            return Resolved("DATE", f"XXXX-{code}")
        year = _season_year(ctx.published, code, m.lex("shift") or 0)
    return Resolved("DATE", f"{year:04d}-{code}")


def _holiday_date(rule: str, year: int) -> dt.date | None:
    if rule.startswith("E"):
        return cal.easter(year) + dt.timedelta(days=int(rule[1:]))
    month, day = (int(x) for x in rule.split("-"))
    return cal.valid_date(year, month, day)


@resolver("holiday")
def holiday(m: Match, ctx: Context) -> Resolved | None:
    """"Noël", "la Pentecôte", "le 14-Juillet": fixed or Easter-based feasts."""
    rule = m.lex("holiday")
    if rule is None:
        return None
    year = _int(m.text("year"))
    if year is None and ctx.published is None:
        return Resolved("DATE", "XXXX-" + rule) if not rule.startswith("E") else None
    if year is None:
        ref = ctx.published
        days = [d for d in (_holiday_date(rule, ref.year + k) for k in (-1, 0, 1)) if d]
        mode = ctx.mode()
        if mode == cal.PAST:
            days = [d for d in days if d <= ref] or days
            day = max(days)
        elif mode == cal.FUTURE:
            days = [d for d in days if d >= ref] or days
            day = min(days)
        else:
            day = min(days, key=lambda d: abs((d - ref).days))
    else:
        day = _holiday_date(rule, year)
    return Resolved("DATE", day.isoformat()) if day else None


@resolver("decade")
def decade(m: Match, ctx: Context) -> Resolved | None:
    """"les années 60" (196X), "les années 1990" (199X), "les années soixante-dix" (197X)."""
    text = (m.text("decade") or "").lstrip("'")
    number = (_int(text) if text[:1].isdigit()
              else m.grammar.lookup("decadeword", text) or parse_number(m.grammar, text))
    if number is None:
        return None
    year = int(number)
    if year < 100:
        year += 1900 if year >= 20 else 2000
    return Resolved("DATE", f"{year // 10:03d}X")


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN.get(c)
        if value is None:
            return None
        after = _ROMAN.get(text[i + 1], 0) if i + 1 < len(text) else 0
        total += -value if value < after else value
    return total


@resolver("century")
def century(m: Match, ctx: Context) -> Resolved | None:
    """"le XIXe siècle" -> "18"."""
    number = m.lex("ordinal") or _roman(m.text("roman") or "")
    if not number or number < 1 or number > 30:
        return None
    return Resolved("DATE", f"{number - 1:02d}")


@resolver("year")
def year(m: Match, ctx: Context) -> Resolved | None:
    """"1998", "l'année 2001", "fin 2021", "en 97"."""
    value = _year(m, ctx)
    return Resolved("DATE", f"{value:04d}") if value is not None else None


@resolver("school")
def school(m: Match, ctx: Context) -> Resolved | None:
    """"la rentrée (scolaire) 2023": September of that year, else of the coming one."""
    year = _int(m.text("year"))
    if year is None and ctx.published is None:
        return Resolved("DATE", "XXXX-09")
    if year is None:
        mode = ctx.mode()
        year = ctx.published.year
        if mode == cal.PAST and ctx.published.month < 9:
            year -= 1
        elif mode == cal.FUTURE and ctx.published.month > 9:
            year += 1
    return Resolved("DATE", f"{year:04d}-09")


@resolver("ref_value")
def ref_value(m: Match, ctx: Context) -> Resolved | None:
    """The fixed value and type the rule names ("le prochain sommet": FUTURE_REF)."""
    return Resolved(m.rule.type, m.rule.value) if m.rule.value else None


@resolver("ref")
def ref(m: Match, ctx: Context) -> Resolved | None:
    """"maintenant" (PRESENT_REF), "l'avenir" (FUTURE_REF), "auparavant" (PAST_REF)."""
    value = m.lex("ref")
    return Resolved("TIME", value) if value else None
