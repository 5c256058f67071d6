"""Standard input (``-``): sniffed as JSON Lines, HTML or plain text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from vigie.article import Article
from vigie.errors import InputError
from vigie.sources.decode import EMPTY, bom_encoding, declared_charset, decode_bytes
from vigie.sources.files import HTML, JSONL, TEXT, too_large
from vigie.sources.jsonl import iter_records
from vigie.sources.records import html_article, text_article
from vigie.sources.streams import BUFFER, buffered

STDIN = "<stdin>"
NAME = "stdin"


def sniff(head: bytes) -> str:
    """JSONL when the first non-blank character is ``{``, HTML when it is ``<``, else text."""
    codec = bom_encoding(head) or "utf-8"
    start = head.decode(codec, errors="ignore").lstrip("\ufeff \t\r\n")[:1]
    return JSONL if start == "{" else HTML if start == "<" else TEXT


def read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[str, Article | InputError]]:
    """``(origin, article or error)`` pairs read from ``stream``."""
    reader = buffered(stream)
    kind = sniff(reader.peek(BUFFER))
    if kind == JSONL:
        yield from iter_records(reader, STDIN, NAME, max_bytes)
        return
    try:
        yield STDIN, _whole(reader, kind, max_bytes)
    except InputError as err:
        yield STDIN, InputError("empty input") if str(err) == EMPTY else err


def _whole(reader: io.BufferedReader, kind: str, max_bytes: int) -> Article:
    data = reader.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large(len(data) + _drain(reader), max_bytes))
    if kind == HTML:
        return html_article(decode_bytes(data, declared_charset(data)), NAME, STDIN, {})
    return text_article(decode_bytes(data), NAME, STDIN, {})


def _drain(reader: io.BufferedReader) -> int:
    """Read the rest of the stream in chunks (bounded memory); return its size."""
    size = 0
    while chunk := reader.read(BUFFER):
        size += len(chunk)
    return size
