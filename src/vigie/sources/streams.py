"""Buffered binary streams over any readable object (stdin, a test's BytesIO, a pipe)."""

from __future__ import annotations

import io
from typing import BinaryIO

BUFFER = 1 << 16


class _Raw(io.RawIOBase):
    """A raw stream over any object with ``read``; closing it leaves that object open."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def buffered(stream: BinaryIO) -> io.BufferedReader:
    """``stream`` with ``peek`` and ``readline(limit)``, without taking ownership of it."""
    return io.BufferedReader(_Raw(stream), BUFFER)
