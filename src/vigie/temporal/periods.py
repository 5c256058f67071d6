"""Resolvers for periods: weeks, months, quarters, seasons, years, decades, centuries,
durations, sets and deictic references ("maintenant", "l'avenir")."""

from __future__ import annotations

import datetime as dt

from vigie.temporal import calendar as cal
from vigie.temporal.numbers import fmt, parse_number
from vigie.temporal.resolve import (
    REF_BY_SIGN,
    Context,
    Match,
    Resolved,
    part_suffix,
    resolver,
    sign,
    to_int,
    written_year,
)


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
    year = to_int(m.text("year"))
    if year is not None and unit == "Y":
        return Resolved("DATE", f"{year:04d}")
    shift = m.lex("shift") or 0
    if ctx.published is None:
        return Resolved("DATE", REF_BY_SIGN[sign(shift)])
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
    year = to_int(m.text("year"))
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
        return Resolved("DATE", REF_BY_SIGN[sign])
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
        return Resolved("SET", f"XXXX-WXX-{wd}" + part_suffix(m))
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
    year = to_int(m.text("year"))
    if year is None:
        if ctx.published is None:
            return Resolved("DATE", f"XXXX-{code}")
        year = _season_year(ctx.published, code, m.lex("shift") or 0)
    return Resolved("DATE", f"{year:04d}-{code}")


@resolver("decade")
def decade(m: Match, ctx: Context) -> Resolved | None:
    """"les années 60" (196X), "les années 1990" (199X), "les années soixante-dix" (197X)."""
    text = (m.text("decade") or "").lstrip("'")
    number = (to_int(text) if text[:1].isdigit()
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
    value = written_year(m, ctx)
    return Resolved("DATE", f"{value:04d}") if value is not None else None


@resolver("school")
def school(m: Match, ctx: Context) -> Resolved | None:
    """"la rentrée (scolaire) 2023": September of that year, else of the coming one."""
    year = to_int(m.text("year"))
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
