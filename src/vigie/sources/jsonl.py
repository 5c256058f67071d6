"""JSON Lines input: one article record a line, streamed, each bad line its own error.

A JSONL file is a container of many articles, so the size limit applies to each line (one
record), not to the file: a 500 MB export of 50 000 articles is read in constant memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from vigie.article import Article
from vigie.errors import InputError
from vigie.sources.decode import bom_encoding
from vigie.sources.files import too_large
from vigie.sources.records import record_article
from vigie.sources.streams import buffered

_CHUNK = 1 << 16

Line = tuple[int, "str | InputError"]


def iter_records(stream: BinaryIO, origin: str, stem: str,
                 max_bytes: int) -> Iterator[tuple[str, Article | InputError]]:
    """``(origin:line, article or error)`` for each non-blank line of a JSONL stream."""
    for lineno, line in _lines(stream, max_bytes):
        where = f"{origin}:{lineno}"
        if isinstance(line, InputError):
            yield where, line
            continue
        if not line.strip():
            continue
        try:
            yield where, record_article(_parse(line.rstrip("\r\n")), f"{stem}-{lineno}", where)
        except InputError as err:
            yield where, err


def _parse(line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"invalid JSON: {err.msg} (column {err.colno})") from None


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[Line]:
    """Numbered decoded lines; an over-long or undecodable line is an :class:`InputError`."""
    reader = stream if isinstance(stream, io.BufferedReader) else buffered(stream)
    codec = bom_encoding(reader.peek(4)[:4])
    if codec and codec != "utf-8-sig":  # UTF-16/32: let Python split the decoded stream
        yield from _wide_lines(reader, codec, max_bytes)
        return
    for lineno, raw in enumerate(_raw_lines(reader, max_bytes), 1):
        yield lineno, raw if isinstance(raw, InputError) else _decode(raw, first=lineno == 1)


def _wide_lines(reader: io.BufferedReader, codec: str, max_bytes: int) -> Iterator[Line]:
    text = io.TextIOWrapper(reader, encoding=codec, errors="replace", newline=None)
    try:
        for lineno, line in enumerate(iter(lambda: text.readline(max_bytes + 1), ""), 1):
            yield lineno, line if len(line) <= max_bytes else InputError(too_large(len(line), max_bytes))
    finally:
        text.detach()  # the caller owns the stream


def _raw_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | InputError]:
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_line(stream)
            yield InputError(too_large(size, max_bytes))
        else:
            yield line


def _skip_line(stream: BinaryIO) -> int:
    """Consume the rest of an over-long line; return how many bytes it had."""
    skipped = 0
    while rest := stream.readline(_CHUNK):
        skipped += len(rest)
        if rest.endswith(b"\n"):
            break
    return skipped


def _decode(raw: bytes, *, first: bool) -> str | InputError:
    """JSON is UTF-8; a line that is not is read as cp1252 (Windows exports) when possible."""
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return InputError("line is not UTF-8 text")

