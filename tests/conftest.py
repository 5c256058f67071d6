"""Shared fixtures: one spaCy model and one pipeline per test session, the shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vigie.evaluation import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; skipped when absent, except in CI where it must be present."""
    path = shared_dir()
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing in CI: {path}")
        pytest.skip(f"shared data not found at {path} (set VIGIE_SHARED)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from vigie.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """``analyze(text, published="2022-09-22", language="fr")`` -> Document."""
    from vigie.article import Article

    def run(text: str, published: str | None = "2022-09-22", language: str = "fr"):
        return pipeline.analyze_one(Article(name="t", text=text, published=published, language=language))

    return run
