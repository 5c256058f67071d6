"""Article metadata from a mapping: a JSONL record or a ``X.meta.json`` sidecar.

Both hold the same optional keys (``docs/OUTPUT.md`` "Input records"); a few synonyms used
by common corpora are accepted too (``date`` for ``published``, ``publisher`` for
``source``, ``lang`` for ``language``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from vigie.errors import InputError

# Article field -> keys that may hold it, preferred first.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "published": ("published", "date"),
    "url": ("url",),
    "source": ("source", "publisher"),
    "language": ("language", "lang"),
}
_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_NAME = 120


def metadata(record: dict[str, Any]) -> dict[str, str]:
    """The Article fields found in ``record``; raise :class:`InputError` on a wrong type."""
    out: dict[str, str] = {}
    for field, keys in FIELDS.items():
        for key in keys:
            value = record.get(key)
            if value is None or value == "":
                continue
            if not isinstance(value, str):
                raise InputError(f"{key!r} must be a string, not {type(value).__name__}")
            out[field] = value.strip()
            break
    return out


def record_id(record: dict[str, Any]) -> str | None:
    """The record's ``id`` as a string (numbers are accepted), or None."""
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"'id' must be a string or a number, not {type(value).__name__}")
    return str(value)


def safe_name(name: str) -> str:
    """``name`` made safe as a file stem: no path separators, no leading dot, bounded length."""
    return _UNSAFE.sub("_", name).lstrip("._")[:_MAX_NAME]


def sidecar_path(path: Path) -> Path:
    """``X.meta.json`` beside ``X.txt`` / ``X.html``."""
    return path.with_name(f"{path.stem}.meta.json")


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def read_sidecar(path: Path) -> dict[str, Any]:
    """The JSON object of a sidecar (``{}`` when there is none); InputError when malformed."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        value = json.loads(side.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"invalid sidecar {side.name}: {err}") from None
    if not isinstance(value, dict):
        raise InputError(f"invalid sidecar {side.name}: not a JSON object")
    return value
