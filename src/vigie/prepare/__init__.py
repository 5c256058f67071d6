"""Prepare: from an article's raw text to the analysed text, paragraphs with roles, dateline
and language."""

from vigie.prepare.prepared import Prepared, prepare

__all__ = ["Prepared", "prepare"]
