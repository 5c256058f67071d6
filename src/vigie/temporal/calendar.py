"""Calendar arithmetic for normalising temporal expressions (no language knowledge here)."""

from __future__ import annotations

import datetime as dt

# How a relative expression is resolved against the reference date.
PAST, FUTURE, NEAREST = "past", "future", "nearest"


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def weekday_near(ref: dt.date, weekday: int, mode: str) -> dt.date:
    """The ``weekday`` (1 = Monday) on or before ``ref`` (past), on or after it (future), or
    the closer of the two (nearest)."""
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if mode == PAST or (mode == NEAREST and back <= ahead):
        return ref - dt.timedelta(days=back)
    return ref + dt.timedelta(days=ahead)


def weekday_shifted(ref: dt.date, weekday: int, shift: int) -> dt.date:
    """``weekday`` strictly before ``ref`` (shift < 0), strictly after (> 0), or in the same
    ISO week (0: "ce mardi")."""
    if shift < 0:
        return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7 or 7)
    if shift > 0:
        return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7 or 7)
    return ref + dt.timedelta(days=weekday - ref.isoweekday())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day_year(ref: dt.date, month: int, day: int | None, mode: str,
                   strict: bool = False) -> int:
    """The year of a day-month (or month) given without one: the occurrence before the
    reference (past), after it (future), or the closer one (nearest). ``strict`` leaves
    out the reference month itself ("mars dernier" said in March is last year's)."""
    candidates = [ref.year - 1, ref.year, ref.year + 1]

    def key(year: int) -> tuple[int, int]:
        return (year, month) if day is None else (year, month * 100 + day)

    here = key(ref.year)
    now = (ref.year, ref.month) if day is None else (ref.year, ref.month * 100 + ref.day)
    if mode == PAST:
        return ref.year if here < now or (here == now and not strict) else ref.year - 1
    if mode == FUTURE:
        return ref.year if here > now or (here == now and not strict) else ref.year + 1
    # nearest: the candidate whose first day is closest to the reference
    def distance(year: int) -> int:
        first = valid_date(year, month, day or 1) or dt.date(year, month, 28)
        return abs((first - ref).days)

    return min(candidates, key=distance)


def year_of_weekday(ref: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year, next to the reference, in which ``day``/``month`` falls on ``weekday``
    ("mardi 3 juillet"); None when no close year fits."""
    fits = [y for y in (ref.year, ref.year - 1, ref.year + 1)
            if (d := valid_date(y, month, day)) and d.isoweekday() == weekday]
    return min(fits, key=lambda y: abs(y - ref.year)) if fits else None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def two_digit_year(yy: int, ref: dt.date) -> int:
    """A two-digit year read in the century that puts it at most 10 years ahead of ``ref``."""
    century = ref.year // 100 * 100
    year = century + yy
    return year - 100 if year > ref.year + 10 else year


def parse_iso(value: str) -> dt.date | None:
    """The date of a TIMEX3 day value ("2022-09-22", "2022-09-22TEV"), or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 and value[4] == "-" else None
    except ValueError:
        return None
