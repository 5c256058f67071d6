"""Turn an :class:`~vigie.article.Article` into the text Vigie analyses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vigie.article import Article
from vigie.errors import InputError
from vigie.prepare.dateline import find_dateline
from vigie.prepare.language import detect_language
from vigie.prepare.roles import assign_roles
from vigie.schema import Meta, Paragraph

_BLANKS = re.compile(r"[ \t\u00a0\u202f]+")


@dataclass(slots=True)
class Prepared:
    text: str
    paragraphs: list[Paragraph]
    meta: Meta


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no control characters, no trailing spaces on lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    lines = [_BLANKS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def split_paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-empty line (blank lines separate nothing more)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(pos, pos + len(line), "body"))
        pos += len(line) + 1
    return out


def prepare(article: Article, language: str | None = None) -> Prepared:
    """The normalised text with paragraphs, roles, dateline, language and metadata.

    Paragraphs are separated by a blank line in ``text`` so that every offset of the
    ``vigie/1`` document points into it.
    """
    if article.html is not None and article.text is None:
        from vigie.sources.html import html_to_article

        article = html_to_article(article.html, article)
    raw = normalise_text(article.text or "")
    if not raw:
        raise InputError("no text")
    lines = [line for line in raw.split("\n") if line.strip()]
    title = article.title
    if title and lines and normalise_text(title) != lines[0]:
        lines.insert(0, normalise_text(title))
    text = "\n\n".join(lines)
    paragraphs = split_paragraphs(text)
    if title or article.text is not None:
        paragraphs[0].role = "title"
        title = title or text[paragraphs[0].start:paragraphs[0].end]
    lang = language or article.language or detect_language(text)
    meta = Meta(title=title, published=article.published, language=lang,
                source=article.source, url=article.url)
    assign_roles(text, paragraphs, lang)
    meta.dateline = find_dateline(text, paragraphs, lang)
    return Prepared(text, paragraphs, meta)
