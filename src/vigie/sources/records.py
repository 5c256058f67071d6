"""Articles from decoded content: a text file, a web page, a JSON record."""

from __future__ import annotations

from typing import Any

from vigie.article import Article
from vigie.errors import InputError
from vigie.sources.html import html_to_article
from vigie.sources.metadata import metadata, record_id, safe_name


def text_article(text: str, name: str, origin: str, side: dict[str, Any]) -> Article:
    """A plain-text article: its first non-blank line is the title, and stays in the text."""
    meta = metadata(side)
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    meta.setdefault("title", title)
    return Article(name=_name(side, name), text=text, origin=origin, **meta)


def html_article(html: str, name: str, origin: str, side: dict[str, Any]) -> Article:
    """A web page converted to an article; sidecar metadata wins over the page's own."""
    article = Article(name=_name(side, name), html=html, origin=origin, **metadata(side))
    return html_to_article(html, article)


def record_article(record: Any, default_name: str, origin: str) -> Article:
    """An article from one JSON record (``{"id", "text" | "html", "title", ...}``).

    Raise :class:`InputError` when it is not an object, has no text or html, or a field has
    the wrong type. A record with ``html`` and no ``text`` is converted here.
    """
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, not {type(record).__name__}")
    text, html = _content(record, "text"), _content(record, "html")
    if text is None and html is None:
        raise InputError("record has no 'text' or 'html'")
    meta = metadata(record)
    name = safe_name(record_id(record) or "") or default_name
    if text is not None:
        return Article(name=name, text=text, origin=origin, **meta)
    return html_to_article(html or "", Article(name=name, html=html, origin=origin, **meta))


def _content(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{key!r} must be a string, not {type(value).__name__}")
    return value if value.strip() else None


def _name(side: dict[str, Any], default: str) -> str:
    return safe_name(record_id(side) or "") or default
