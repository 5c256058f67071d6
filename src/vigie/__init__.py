"""Vigie: who said what, who did what to whom, where and when, in news articles."""

__version__ = "0.1.0"

from vigie.article import Article
from vigie.schema import Document

__all__ = ["Article", "Document", "Pipeline", "__version__", "analyze"]


def __getattr__(name: str):  # lazy: importing vigie must not load spaCy
    if name in ("analyze", "Pipeline"):
        from vigie import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
