"""Temporal expressions: a grammar engine driven by ``resources/<lang>/times.toml``.

:func:`vigie.temporal.finder.find_times` finds every temporal expression of a text and
normalises it as a TimeML TIMEX3 value against the publication date;
:func:`vigie.temporal.dateref.date_ref_for` gives the date governing a clause.
"""

from vigie.temporal.dateref import date_ref_for, to_date_ref
from vigie.temporal.finder import find_times

__all__ = ["date_ref_for", "find_times", "to_date_ref"]
