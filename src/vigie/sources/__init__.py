"""Readers: articles from files, folders, JSON Lines and stdin.

:func:`iter_articles` never raises for a bad input: each input that cannot be read yields a
:class:`ReadError` with a one-line reason, and reading goes on with the next one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vigie.article import Article
from vigie.errors import InputError
from vigie.sources import files
from vigie.sources.decode import declared_charset, decode_bytes
from vigie.sources.jsonl import iter_records
from vigie.sources.metadata import read_sidecar
from vigie.sources.records import html_article, record_article, text_article
from vigie.sources.stdin import STDIN, read_stdin

DEFAULT_MAX_BYTES = 20 * files.MB

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Article", "ReadError", "iter_articles"]


@dataclass(slots=True, frozen=True)
class ReadError:
    """An input that gave no article: where (``path``, ``file.jsonl:3``, ``<stdin>``) and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | ReadError


def iter_articles(inputs: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles from ``inputs`` (files, folders, ``-`` for stdin), in order.

    Folders are walked recursively in sorted order. Article names are unique within one
    call: a repeated name gets ``-2``, ``-3``... so that outputs never overwrite each other.
    """
    seen: dict[str, int] = {}
    for spec in inputs:
        for item in _items(spec, max_bytes, stdin):
            if isinstance(item, Article):
                item.name = _unique(item.name, seen)
            yield item


def _items(spec: str, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Item]:
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _wrap(read_stdin(stream, max_bytes))
        return
    path = Path(spec)
    if path.is_dir():
        found = False
        for file in files.walk(path):
            found = True
            yield from _read_file(file, max_bytes)
        if not found:
            yield ReadError(spec, "no .txt, .html or .jsonl files in directory")
        return
    yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    kind = files.kind_of(path)
    try:
        if kind == files.JSONL:
            files.check_size(path, sys.maxsize)  # missing / unreadable; the limit is per record
            with path.open("rb") as f:
                yield from _wrap(iter_records(f, origin, path.stem, max_bytes))
            return
        data = files.read_bytes(path, max_bytes)
        side, side_error = _sidecar(path)
        if side_error:
            yield side_error
        if kind == files.HTML:
            text = decode_bytes(data, declared_charset(data))
            yield html_article(text, path.stem, origin, side)
        elif kind == files.JSON:
            yield from _json_file(decode_bytes(data), path, origin)
        else:
            yield text_article(decode_bytes(data), path.stem, origin, side)
    except InputError as err:
        yield ReadError(origin, str(err))
    except OSError as err:
        yield ReadError(origin, (err.strerror or str(err)).lower())


def _json_file(text: str, path: Path, origin: str) -> Iterator[Item]:
    """A ``.json`` file given explicitly: one record, or a list of records."""
    import json

    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"invalid JSON: {err.msg} (line {err.lineno})") from None
    if not isinstance(value, list):
        yield record_article(value, path.stem, origin)
        return
    for i, record in enumerate(value, 1):
        where = f"{origin}[{i}]"
        try:
            yield record_article(record, f"{path.stem}-{i}", where)
        except InputError as err:
            yield ReadError(where, str(err))


def _sidecar(path: Path) -> tuple[dict, ReadError | None]:
    """The sidecar's metadata; a malformed sidecar is reported and ignored, not fatal."""
    try:
        return read_sidecar(path), None
    except InputError as err:
        return {}, ReadError(str(path), str(err))


def _wrap(pairs: Iterator[tuple[str, Article | InputError]]) -> Iterator[Item]:
    for origin, value in pairs:
        yield ReadError(origin, str(value)) if isinstance(value, InputError) else value


def _unique(name: str, seen: dict[str, int]) -> str:
    count = seen.get(name, 0) + 1
    seen[name] = count
    if count == 1:
        return name
    candidate = f"{name}-{count}"
    while candidate in seen:
        count += 1
        candidate = f"{name}-{count}"
    seen[name] = count
    seen[candidate] = 1
    return candidate
