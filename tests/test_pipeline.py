"""The pure core: one failing article never stops the others."""

from __future__ import annotations

import pytest

from vigie import registry
from vigie.article import Article
from vigie.nlp import load_model
from vigie.pipeline import Pipeline

TEXT = "Un titre\n\nLe maire de la ville a déclaré lundi que les travaux commenceraient en mai."


def test_a_text_over_the_model_limit_fails_alone(monkeypatch: pytest.MonkeyPatch):
    nlp = load_model("fr")
    monkeypatch.setattr(nlp, "max_length", 200)
    arts = [Article("long", text=TEXT + " Encore une phrase." * 20, language="fr"),
            Article("short", text=TEXT, language="fr")]
    out = list(Pipeline(extractors=["entities"]).analyze(arts))
    assert [o.ok for o in out] == [False, True]
    assert "too long" in (out[0].error or "")


def test_an_extractor_bug_is_reported_for_its_article_only(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))

    @registry.extractor("boom")
    def boom(analysis) -> None:
        if "explose" in analysis.text:
            raise RuntimeError("kaboom")

    arts = [Article("a", text=TEXT + " Tout explose.", language="fr"), Article("b", text=TEXT, language="fr")]
    out = list(Pipeline(extractors=["entities", "boom"]).analyze(arts))
    assert [o.ok for o in out] == [False, True]
    assert "internal error in extraction: RuntimeError: kaboom" in (out[0].error or "")


def test_unsupported_and_empty_articles(pipeline: Pipeline):
    out = list(pipeline.analyze([Article("de", text="Der Minister hat am Montag gesagt, dass alles gut ist.",
                                          language="de"),
                                 Article("empty", text="  \n ", language="fr"),
                                 Article("ok", text=TEXT, published="2024-03-05")]))
    assert "unsupported language 'de'" in (out[0].error or "")
    assert out[1].error and not out[1].ok
    doc = out[2].document
    assert doc is not None and doc.meta.language == "fr" and doc.stats.tokens > 10
    assert doc.paragraphs[0].role == "title"
    assert doc.stats.pipeline.startswith("vigie ")
