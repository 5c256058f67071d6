"""The input record: one article as read from a file, a JSONL line or stdin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Article:
    """An article before analysis.

    ``text`` is the article text (for ``.txt`` input the first line is the title and is kept in
    the text); ``html`` is set instead when the source is a web page not yet converted.
    ``name`` is what outputs are named after: the record ``id``, else the file stem.
    ``origin`` says where it came from, for error messages ("a.jsonl:3").
    """

    name: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str = ""
