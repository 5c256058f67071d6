"""Numbers written in digits or in words ("vingt-cinq", "quatre-vingt-dix", "30,4")."""

from __future__ import annotations

import regex

from vigie.temporal.grammar import Grammar

_SPLIT = regex.compile(r"[\s-]+")


def parse_number(grammar: Grammar, text: str | None) -> float | None:
    """The value of a number in digits or words, or None when it is not one."""
    if not text:
        return None
    text = text.strip()
    if text[0].isdigit():
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None
    words = grammar.lexicons.get("numword", {})
    joiners = set(grammar.numbers.get("joiners", []))
    multipliers = set(grammar.numbers.get("multipliers", []))
    total = current = 0
    seen = False
    for word in _SPLIT.split(text):
        if not word or word in joiners:
            continue
        value = words.get(word)
        if value is None:
            return None
        seen = True
        if value in multipliers and current and value > current:
            current *= value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    return float(total + current) if seen else None


def fmt(value: float) -> str:
    """A number as TIMEX3 writes it: no trailing ".0"."""
    return str(int(value)) if value == int(value) else f"{value:g}"
