"""The role rules of a language, compiled once from ``resources/<lang>/boilerplate.toml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vigie.resources import Resources


@dataclass(frozen=True, slots=True)
class RoleRules:
    """Compiled patterns; ``None`` where the language's file has none."""

    starts: re.Pattern[str] | None
    contains: re.Pattern[str] | None
    lines: re.Pattern[str] | None
    max_line_chars: int
    link_headings: re.Pattern[str] | None
    link_title_chars: int
    sidebar_headings: re.Pattern[str] | None
    max_heading_chars: int


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of ``patterns`` (None for an empty list)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@functools.cache
def role_rules(language: str) -> RoleRules:
    """The rules for ``language``; a language without a boilerplate file gets empty rules."""
    data = Resources.for_language(language).get("boilerplate")
    bp, side = data.get("boilerplate", {}), data.get("sidebar", {})
    return RoleRules(
        starts=_compile(bp.get("starts", [])),
        contains=_compile(bp.get("contains", [])),
        lines=_compile(bp.get("lines", [])),
        max_line_chars=int(bp.get("max_line_chars", 100)),
        link_headings=_compile(bp.get("link_headings", [])),
        link_title_chars=int(bp.get("link_title_chars", 160)),
        sidebar_headings=_compile(side.get("headings", [])),
        max_heading_chars=int(side.get("max_heading_chars", 90)),
    )
