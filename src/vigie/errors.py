"""Errors with messages meant for the user: one line, naming the cause."""

from __future__ import annotations


class VigieError(Exception):
    """Base class: every error Vigie reports to a user without a traceback."""


class InputError(VigieError):
    """An input cannot be read or holds no article (empty, binary, too large, malformed)."""


class UnsupportedLanguage(VigieError):
    """The article's language has no installed model or resources."""

    def __init__(self, language: str, supported: list[str]) -> None:
        super().__init__(
            f"unsupported language {language!r} (supported: {', '.join(supported)}; "
            "use --language to force one)"
        )
        self.language = language


class ModelNotInstalled(VigieError):
    """A spaCy model for a supported language is not installed."""
