"""Every text we have is analysed without an internal error: an extractor bug loses the
whole article, so the corpus and the French TimeBank texts (108 short news texts with odd
layouts) are run end to end."""

from __future__ import annotations

import json

from vigie.article import Article
from vigie.sources import iter_articles


def _internal_errors(pipeline, articles) -> list[str]:
    return [f"{o.article.name}: {o.error}" for o in pipeline.analyze(articles)
            if o.error and o.error.startswith("internal error")]


def test_corpus_articles(shared, pipeline):
    articles = [a for a in iter_articles([str(shared / "corpus")]) if isinstance(a, Article)]
    assert len(articles) > 30
    assert _internal_errors(pipeline, articles) == []


def test_french_timebank_texts(shared, pipeline):
    path = shared / "eval" / "external" / "fr-timebank" / "fr-timebank-1.1.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(name=r["id"], text=r["text"], published=r["published"][:10], language="fr")
                for r in records]
    assert _internal_errors(pipeline, articles) == []
