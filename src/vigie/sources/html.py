"""Web pages to articles: the main text and metadata of an HTML page (trafilatura).

Conversion happens at read time so that a page with no article is reported as a read error
before any analysis; :func:`html_to_article` is also what ``prepare`` calls for JSONL records
that carry ``html``.
"""

from __future__ import annotations

import dataclasses
import re

from vigie.article import Article
from vigie.errors import InputError

NO_ARTICLE = "no article text found in HTML"
MIN_WORDS = 10  # fewer words than this besides the title: a menu or an error page, not an article
_WORD = re.compile(r"\w+")
# List items holding a linked heading are teaser cards ("related", "latest news"), never
# the article's own lists; trafilatura keeps some of them, so they are pruned before.
_PRUNE = ["//li[.//h2//a or .//h3//a or .//h4//a or .//a//h2 or .//a//h3 or .//a//h4]"]
_TITLE_SEPARATORS = " -|–—:·•"


def html_to_article(html: str, article: Article) -> Article:
    """``article`` with ``text`` extracted from ``html`` and metadata filled where missing.

    Fields already set on ``article`` (from a sidecar or a JSONL record) win over what the
    page says. Raise :class:`InputError` when the page holds no article text.
    """
    found = _extract(html)
    if found is None or not _has_article(found.text or "", found.title):
        raise InputError(NO_ARTICLE)
    published = article.published or found.date or _find_date(html)
    source = article.source or found.sitename or None
    title = strip_site_name(article.title or found.title, source) or None
    return dataclasses.replace(
        article, text=found.text, html=None, title=title,
        published=published, url=article.url or found.url or None, source=source,
        language=article.language or found.language or None,
    )


def _extract(html: str):  # -> trafilatura.settings.Document | None
    """trafilatura's main text and metadata; precision first (it drops teaser lists and
    "read also" links), recall when precision finds nothing (very short pages)."""
    import trafilatura

    for favour in ({"favor_precision": True}, {"favor_recall": True}):
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=True, prune_xpath=_PRUNE, **favour)
        if found is not None and (found.text or "").strip():
            return found
    return None


def strip_site_name(title: str | None, site: str | None) -> str | None:
    """``title`` without a trailing " - Site name" / " | Site name" naming the outlet."""
    if not title or not site:
        return title
    head = title.removesuffix(site).rstrip()
    if head != title.rstrip() and head and head[-1] in _TITLE_SEPARATORS and head.rstrip(_TITLE_SEPARATORS):
        return head.rstrip(_TITLE_SEPARATORS)
    return title


def _has_article(text: str, title: str | None) -> bool:
    lines = [line for line in text.splitlines() if line.strip() and line.strip() != (title or "").strip()]
    return sum(len(_WORD.findall(line)) for line in lines) >= MIN_WORDS


def _find_date(html: str) -> str | None:
    """The publication date found by htmldate in the markup, or None."""
    from htmldate import find_date
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, fromstring

    try:  # a tree, never a string that htmldate could take for a URL to fetch
        tree = fromstring(html.encode("utf-8"), parser=HTMLParser(encoding="utf-8"))
    except (ParserError, ValueError):
        return None
    return find_date(tree, original_date=True, extensive_search=True)
