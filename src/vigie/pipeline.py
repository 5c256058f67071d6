"""``analyze``: the pure core. Articles in, ``vigie/1`` documents out, no I/O.

Stages: prepare (text, paragraphs, roles, language) -> parse (spaCy ``nlp.pipe`` in batches,
per language) -> extractors (in registry order) -> document. A failing article yields an
:class:`Outcome` with its error and never stops the others.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from vigie import __version__
from vigie.analysis import Analysis
from vigie.article import Article
from vigie.errors import VigieError
from vigie.nlp import load_model, model_label
from vigie.prepare import Prepared, prepare
from vigie.registry import Registered, ordered
from vigie.resources import Resources
from vigie.schema import Document


@dataclass(slots=True)
class Outcome:
    """The result for one article: a document, or the reason it failed."""

    article: Article
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None


@dataclass
class Timings:
    """Seconds spent per stage, summed over all articles, for benchmarks."""

    stages: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] += seconds


class Pipeline:
    """Analyses articles with models loaded once; reuse one instance for many articles."""

    def __init__(self, *, language: str | None = None, extractors: list[str] | None = None,
                 batch_size: int = 16) -> None:
        self.language = language
        self.extractors: list[Registered] = ordered(extractors)
        self.batch_size = batch_size
        self.timings = Timings()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Yield one :class:`Outcome` per article, in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def analyze_one(self, article: Article) -> Document:
        """Analyse one article; raise :class:`VigieError` if it fails."""
        (outcome,) = list(self._batch([article]))
        if outcome.document is None:
            raise VigieError(outcome.error or "analysis failed")
        return outcome.document

    def _batch(self, articles: list[Article]) -> Iterator[Outcome]:
        outcomes = [Outcome(a) for a in articles]
        prepared: dict[int, Prepared] = {}
        by_lang: dict[str, list[int]] = defaultdict(list)
        for i, article in enumerate(articles):
            t0 = time.perf_counter()
            try:
                p = prepare(article, self.language)
                load_model(p.meta.language)  # raises UnsupportedLanguage / ModelNotInstalled
            except VigieError as err:
                outcomes[i].error = str(err)
                continue
            finally:
                self.timings.add("prepare", time.perf_counter() - t0)
            prepared[i] = p
            by_lang[p.meta.language].append(i)
        for lang, idx in by_lang.items():
            nlp = load_model(lang)
            label = f"vigie {__version__} / {model_label(lang)}"
            idx = [i for i in idx if self._fits(nlp, prepared[i], outcomes[i])]
            t0 = time.perf_counter()
            docs = self._parse(nlp, [prepared[i].text for i in idx])
            parse_each = (time.perf_counter() - t0) / max(len(idx), 1)
            self.timings.add("parse", time.perf_counter() - t0)
            for i, doc in zip(idx, docs, strict=True):
                if isinstance(doc, Exception):
                    outcomes[i].error = f"parsing failed: {doc.__class__.__name__}: {doc}"
                    continue
                outcomes[i].document, outcomes[i].error = self._extract(
                    prepared[i], doc, label, parse_each)
        yield from outcomes

    @staticmethod
    def _fits(nlp: Language, p: Prepared, outcome: Outcome) -> bool:
        """Texts over the model's length limit are refused: the parser needs about 1 GB of
        memory per 100,000 characters."""
        if len(p.text) <= nlp.max_length:
            return True
        outcome.error = (f"text too long to analyse ({len(p.text):,} characters > {nlp.max_length:,}); "
                         "split the article")
        return False

    def _parse(self, nlp: Language, texts: list[str]) -> list[Doc | Exception]:
        """Parse in one batch; if the batch fails, parse one by one so that one bad text
        loses only itself."""
        try:
            return list(nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:
            out: list[Doc | Exception] = []
            for text in texts:
                try:
                    out.append(nlp(text))
                except Exception as err:
                    out.append(err)
            return out

    def _extract(self, p: Prepared, doc: Doc, label: str,
                 parse_seconds: float) -> tuple[Document | None, str | None]:
        t_start = time.perf_counter()
        try:
            analysis = self.run_extractors(p, doc)
        except VigieError as err:
            return None, str(err)
        except Exception as err:  # an extractor bug must not stop the batch
            return None, f"internal error in extraction: {err.__class__.__name__}: {err}"
        seconds = parse_seconds + time.perf_counter() - t_start
        return analysis.document(seconds, label), None

    def run_extractors(self, p: Prepared, doc: Doc) -> Analysis:
        """The working state of one prepared and parsed article after every extractor."""
        analysis = Analysis(p.text, p.meta, p.paragraphs, doc, Resources.for_language(p.meta.language))
        for ex in self.extractors:
            t0 = time.perf_counter()
            ex.func(analysis)
            self.timings.add(ex.name, time.perf_counter() - t0)
        return analysis

    def analysis_of(self, article: Article) -> Analysis:
        """The working state of one article after the extractors (spaCy ``Doc`` included),
        for tools and tests that need more than the ``vigie/1`` document; raises on failure."""
        p = prepare(article, self.language)
        return self.run_extractors(p, load_model(p.meta.language)(p.text))


def analyze(articles: Iterable[Article], *, language: str | None = None) -> Iterator[Outcome]:
    """Analyse articles with a fresh :class:`Pipeline`; see :meth:`Pipeline.analyze`."""
    return Pipeline(language=language).analyze(articles)
