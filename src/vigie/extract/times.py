"""Times: every temporal expression of the article, normalised against its publication date.

The grammar engine lives in :mod:`vigie.temporal`; this module registers the extractor and
re-exports the API other extractors use: :func:`find_times` and :func:`date_ref_for`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.registry import extractor
from vigie.temporal import date_ref_for, find_times, to_date_ref

if TYPE_CHECKING:
    from vigie.analysis import Analysis

__all__ = ["date_ref_for", "extract_times", "find_times", "to_date_ref"]


@extractor("times")
def extract_times(analysis: Analysis) -> None:
    """Fill ``analysis.times`` (sorted by offset, offsets into ``analysis.text``)."""
    analysis.times = find_times(analysis.text, analysis.published, analysis.language,
                                doc=analysis.doc)
