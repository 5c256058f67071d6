"""Datelines: the place at the head of the first body paragraph ("SEOUL –")."""

from __future__ import annotations

import re

from vigie.schema import Dateline, Paragraph

_DATELINE = re.compile(r"([A-ZÀ-Ý][A-ZÀ-Ý'’\- ]{1,40}?)(?: \([^)]{1,40}\))?\s*[–—-]\s+")


def find_dateline(text: str, paragraphs: list[Paragraph], language: str) -> Dateline | None:
    for p in paragraphs:
        if p.role == "title":
            continue
        m = _DATELINE.match(text, p.start, p.end)
        if m:
            return Dateline(text=m.group(1).strip(), start=m.start(1), end=m.start(1) + len(m.group(1).strip()))
        return None
    return None
