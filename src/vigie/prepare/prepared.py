"""Turn an :class:`~vigie.article.Article` into the text Vigie analyses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vigie.article import Article
from vigie.errors import InputError
from vigie.prepare.dateline import find_dateline
from vigie.prepare.language import detect_language, normalise_language
from vigie.prepare.roles import assign_roles
from vigie.schema import Meta, Paragraph

_BLANKS = re.compile(r"[ \t\u00a0\u202f\u2007\u2009]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")
_NOT_WORD = re.compile(r"\W+")
TITLE_MAX_CHARS = 250      # an untitled article's first line longer than this is not a title
_SENTENCE_END = ".;,"      # ... nor one that ends like a sentence of the lede


@dataclass(slots=True)
class Prepared:
    """What the parser and extractors receive: the text, its paragraphs, the metadata."""

    text: str
    paragraphs: list[Paragraph]
    meta: Meta


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no control characters, no trailing spaces on lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text.replace("\u2028", "\n").replace("\u2029", "\n"))
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


def same_title(a: str, b: str) -> bool:
    """Titles equal up to case, spacing and punctuation ("Le titre" / "Le titre :")."""
    return _NOT_WORD.sub(" ", a).strip().casefold() == _NOT_WORD.sub(" ", b).strip().casefold()


def looks_like_title(line: str, more_lines: bool) -> bool:
    """Whether an untitled article's first line reads as a headline rather than a lede."""
    return more_lines and len(line) <= TITLE_MAX_CHARS and line[-1:] not in _SENTENCE_END


def prepare(article: Article, language: str | None = None) -> Prepared:
    """The normalised text with paragraphs, roles, dateline, language and metadata.

    Paragraphs are separated by a blank line in ``text`` so that every offset of the
    ``vigie/1`` document points into it. The title is the first paragraph: ``article.title``
    (inserted when the text does not start with it), else the text's first line when it
    reads as a headline. ``language`` (e.g. from ``--language``) wins over the article's
    own, which wins over detection; an unsupported result is reported when its model is
    loaded (:class:`~vigie.errors.UnsupportedLanguage`).
    """
    if article.html is not None and article.text is None:
        from vigie.sources.html import html_to_article

        article = html_to_article(article.html, article)
    lines = [line for line in normalise_text(article.text or "").split("\n") if line]
    if not lines:
        raise InputError("no text")
    title = normalise_text(article.title or "") or None
    if title and not same_title(title, lines[0]):
        lines.insert(0, title)
    has_title = bool(title) or looks_like_title(lines[0], len(lines) > 1)
    text = "\n\n".join(lines)
    paragraphs = split_paragraphs(text)
    if has_title:
        paragraphs[0].role = "title"
        title = text[paragraphs[0].start:paragraphs[0].end]
    lang = normalise_language(language) or normalise_language(article.language) or detect_language(text)
    meta = Meta(title=title, published=article.published, language=lang,
                source=article.source, url=article.url)
    assign_roles(text, paragraphs, lang)
    meta.dateline = find_dateline(text, paragraphs, lang)
    return Prepared(text, paragraphs, meta)
