"""Run the pipeline over a stream of inputs, in this process or in N worker processes.

Each worker loads the models once; inputs are read lazily in the main process and sent in
chunks, with a bounded number of chunks in flight, so memory does not grow with the number
of articles; results come back in input order.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any

import orjson

from vigie.article import Article


@dataclass(slots=True)
class Result:
    """What the runner reports for one input: a serialised document or an error."""

    name: str
    origin: str
    data: bytes | None = None  # the vigie/1 document as JSON
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.data is not None

    def document(self) -> dict[str, Any]:
        return orjson.loads(self.data or b"{}")


def _serialise(doc: Any) -> bytes:
    return orjson.dumps(doc.to_dict(), option=orjson.OPT_INDENT_2)


_PIPELINE = None


def _init_worker(options: dict[str, Any]) -> None:
    global _PIPELINE
    from vigie.pipeline import Pipeline

    _PIPELINE = Pipeline(**options)


def _analyse_chunk(articles: list[Article]) -> list[Result]:
    assert _PIPELINE is not None
    out = []
    for o in _PIPELINE.analyze(articles):
        data = _serialise(o.document) if o.document is not None else None
        out.append(Result(o.article.name, o.article.origin, data, o.error))
    return out


def run(articles: Iterable[Article], *, jobs: int = 1, batch_size: int = 16,
        **options: Any) -> Iterator[Result]:
    """Analyse ``articles`` and yield a :class:`Result` each, in input order."""
    options = {"batch_size": batch_size, **options}
    if jobs <= 1:
        _init_worker(options)
        it = iter(articles)
        while chunk := list(islice(it, batch_size)):
            yield from _analyse_chunk(chunk)
        return
    jobs = min(jobs, os.cpu_count() or jobs)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        window: deque[Future[list[Result]]] = deque()
        it = iter(articles)
        # chunks small enough to keep every worker busy, large enough for nlp.pipe batching
        size = max(1, min(batch_size, 8))
        while chunk := list(islice(it, size)):
            window.append(pool.submit(_analyse_chunk, chunk))
            if len(window) >= 2 * jobs:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
