"""Language detection with py3langid (offline, bundled model)."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    import py3langid

    lang, _score = py3langid.classify(text[:5000])
    return lang
