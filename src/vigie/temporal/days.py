"""Resolvers for days and times of day: calendar dates, weekdays, "hier", "le lendemain",
"ce soir", clock times and feasts."""

from __future__ import annotations

import datetime as dt

from vigie.temporal import calendar as cal
from vigie.temporal.resolve import (
    REF_BY_SIGN,
    Context,
    Match,
    Resolved,
    day_value,
    part_suffix,
    resolver,
    sign,
    to_int,
    written_year,
)


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
    month = m.lex("m1") or m.lex("month") or to_int(m.text("monthnum"))
    if not month:
        return None
    day = to_int(m.text("day")) if m.text("day") else m.lex("ordinal")
    if day is not None and day < 1:
        return None
    year = written_year(m, ctx)
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
        return Resolved("TIME", f"{prefix}-{month:02d}-{day:02d}{part_suffix(m)}")
    if year is not None and cal.valid_date(year, month, day) is None:
        return None
    end = None
    if m.text("day2"):
        end_month = m.lex("month") or month
        end = f"{prefix}-{end_month:02d}-{to_int(m.text('day2')):02d}"
    return Resolved("DATE", f"{prefix}-{month:02d}-{day:02d}", end)


@resolver("weekday")
def weekday(m: Match, ctx: Context) -> Resolved | None:
    """"jeudi", "mardi soir", "jeudi prochain", "ce dimanche", "la nuit de lundi à mardi"."""
    wd = m.lex("weekday")
    if wd is None:
        return None
    if ctx.published is None:
        return day_value(None, m, f"XXXX-WXX-{wd}")
    shift = m.lex("shift")
    if m.text("same") and ctx.anchor:
        day = cal.weekday_near(ctx.anchor, wd, cal.NEAREST)
    elif m.text("this") is not None:
        day = cal.weekday_shifted(ctx.published, wd, 0)
    elif shift:
        day = cal.weekday_shifted(ctx.published, wd, shift)
    else:
        day = cal.weekday_near(ctx.published, wd, ctx.mode())
    return day_value(day, m, "")


@resolver("relday")
def relday(m: Match, ctx: Context) -> Resolved | None:
    """"hier", "aujourd'hui", "demain matin", "hier à 10 h"."""
    offset = m.lex("rel")
    if offset is None:
        return None
    if ctx.published is None:
        return Resolved("DATE", REF_BY_SIGN[sign(offset)])
    return day_value(ctx.published + dt.timedelta(days=offset), m, "")


@resolver("anaphor")
def anaphor(m: Match, ctx: Context) -> Resolved | None:
    """"le lendemain", "la veille au soir", "le même jour": from the last day mentioned."""
    offset = m.lex("anaphor")
    base = ctx.anchor or ctx.published
    if offset is None or base is None:
        return None
    return day_value(base + dt.timedelta(days=offset), m, "")


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
    return day_value(base, m, "")


@resolver("clock")
def clock(m: Match, ctx: Context) -> Resolved | None:
    """"20 h", "21 h 45", "vers midi": on the day last mentioned, else the publication day."""
    suffix = part_suffix(m)
    if not suffix:
        return None
    base = ctx.anchor or ctx.published
    return Resolved("TIME", (base.isoformat() if base else "XXXX-XX-XX") + suffix)


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
    year = to_int(m.text("year"))
    if year is None and ctx.published is None:
        return Resolved("DATE", "XXXX-" + rule) if not rule.startswith("E") else None
    if year is None:
        ref = ctx.published
        days = [d for d in (_holiday_date(rule, ref.year + k) for k in (-1, 0, 1)) if d]
        mode = cal.NEAREST if m.text("this") else ctx.mode()   # "cette fête de Pentecôte"
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
