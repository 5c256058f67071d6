"""Input paths: which files a path stands for, what kind each is, and reading them safely."""

from __future__ import annotations

import os
from pathlib import Path

from vigie.errors import InputError
from vigie.sources.metadata import is_sidecar

TEXT, HTML, JSONL, JSON = "text", "html", "jsonl", "json"
SUFFIXES: dict[str, str] = {
    ".txt": TEXT, ".text": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".json": JSON,
}
# Kinds taken when walking a directory. Plain .json is left out: an output folder of
# vigie/1 documents (or sidecars) must not be read back as input by accident.
DIRECTORY_KINDS = frozenset({TEXT, HTML, JSONL})
MISSING = "no such file or directory"
MB = 1_000_000  # decimal megabytes, as --max-size counts them


def kind_of(path: Path) -> str:
    """The reader for ``path``: by extension, text for anything unknown."""
    return SUFFIXES.get(path.suffix.lower(), TEXT)


def too_large(size: int, max_bytes: int) -> str:
    """The one-line reason for a file over the size limit."""
    return f"file too large ({size / MB:.1f} MB > {max_bytes / MB:.1f} MB limit; use --max-size)"


def walk(root: Path) -> list[Path]:
    """The article files under ``root``, recursively, sorted by path (folder by folder, as
    ``find | sort`` would list them), so that runs are reproducible.

    Hidden files and folders and ``*.meta.json`` sidecars are skipped; symbolic links to
    folders are not followed (no loops).
    """
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if name.startswith(".") or is_sidecar(path):
                continue
            if path.suffix.lower() in SUFFIXES and kind_of(path) in DIRECTORY_KINDS:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def check_size(path: Path, max_bytes: int) -> None:
    """Raise :class:`InputError` when ``path`` is missing, unreadable or over ``max_bytes``."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(MISSING) from None
    except OSError as err:
        raise InputError(err.strerror.lower() if err.strerror else str(err)) from None
    if size > max_bytes:
        raise InputError(too_large(size, max_bytes))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` after :func:`check_size`; never more than ``max_bytes``."""
    check_size(path, max_bytes)
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as err:
        raise InputError(err.strerror.lower() if err.strerror else str(err)) from None
    if len(data) > max_bytes:  # grew since stat, or a special file
        raise InputError(too_large(len(data), max_bytes))
    return data
