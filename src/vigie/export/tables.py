"""Flat tables of events and statements (GDELT-like), as CSV, JSON Lines or Parquet.

The functions take documents as plain ``vigie/1`` dicts, so they work the same on documents
fresh from the pipeline and on JSON files read back from disk.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

Row = dict[str, Any]

EVENT_COLUMNS = [
    "doc_id", "date", "type", "mode", "cameo", "actor_country", "actor_sector", "actor_name",
    "recipient_country", "recipient_sector", "recipient_name", "modality", "location", "lat",
    "lon", "evidence", "url",
]
STATEMENT_COLUMNS = ["doc_id", "speaker", "speaker_country", "act", "kind", "content", "date", "url"]


def entity_names(doc: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e.get("name") or "" for e in doc.get("entities") or []}


def _first(refs: list[dict[str, Any]], key: str, names: dict[str, str]) -> str | None:
    """``key`` of the first actor reference (all of them joined with ``;`` for names)."""
    if not refs:
        return None
    if key == "name":
        return "; ".join(names.get(r.get("entity") or "", "") or r.get("text") or "" for r in refs)
    values = [r.get(key) for r in refs if r.get(key)]
    return ";".join(dict.fromkeys(values)) or None


def event_rows(docs: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """One row per event, with the columns of ``EVENT_COLUMNS``."""
    for doc in docs:
        names = entity_names(doc)
        meta = doc.get("meta") or {}
        for ev in doc.get("events") or []:
            loc = ev.get("location") or {}
            yield {
                "doc_id": doc.get("id"),
                "date": (ev.get("date") or {}).get("value"),
                "type": ev.get("type"),
                "mode": ev.get("mode"),
                "cameo": ev.get("cameo"),
                "actor_country": _first(ev.get("actors") or [], "country", names),
                "actor_sector": _first(ev.get("actors") or [], "sector", names),
                "actor_name": _first(ev.get("actors") or [], "name", names),
                "recipient_country": _first(ev.get("recipients") or [], "country", names),
                "recipient_sector": _first(ev.get("recipients") or [], "sector", names),
                "recipient_name": _first(ev.get("recipients") or [], "name", names),
                "modality": ev.get("modality"),
                "location": loc.get("name"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "evidence": (ev.get("evidence") or {}).get("text"),
                "url": meta.get("url"),
            }


def statement_rows(docs: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """One row per statement, with the columns of ``STATEMENT_COLUMNS``."""
    for doc in docs:
        names = entity_names(doc)
        meta = doc.get("meta") or {}
        for st in doc.get("statements") or []:
            sp = st.get("speaker") or {}
            yield {
                "doc_id": doc.get("id"),
                "speaker": names.get(sp.get("entity") or "") or sp.get("name") or sp.get("text"),
                "speaker_country": sp.get("country"),
                "act": st.get("act"),
                "kind": st.get("kind"),
                "content": (st.get("content") or {}).get("text"),
                "date": (st.get("date") or {}).get("value"),
                "url": meta.get("url"),
            }


def plover_rows(docs: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """PLOVER-style event records (field names of the POLECAT/PLOVER JSON records)."""
    for doc in docs:
        names = entity_names(doc)
        meta = doc.get("meta") or {}
        for ev in doc.get("events") or []:
            actor = (ev.get("actors") or [{}])[0]
            recip = (ev.get("recipients") or [{}])[0]
            loc = ev.get("location") or {}
            yield {
                "id": f"{doc.get('id')}#{ev.get('id')}",
                "date": (ev.get("date") or {}).get("value") or meta.get("published"),
                "event": ev.get("type"),
                "mode": ev.get("mode") or "",
                "contexts": ev.get("context") or [],
                "actor": names.get(actor.get("entity") or "") or actor.get("text"),
                "actor_country": actor.get("country"),
                "actor_sector": actor.get("sector"),
                "recipient": names.get(recip.get("entity") or "") or recip.get("text"),
                "recipient_country": recip.get("country"),
                "recipient_sector": recip.get("sector"),
                "location": {"name": loc.get("name"), "country": loc.get("country"),
                             "lat": loc.get("lat"), "lon": loc.get("lon")} if loc else None,
                "modality": ev.get("modality"),
                "text": (ev.get("evidence") or {}).get("text"),
                "language": meta.get("language"),
                "url": meta.get("url"),
            }


TABLES: dict[str, tuple[Callable[[Iterable[dict[str, Any]]], Iterator[Row]], list[str] | None]] = {
    "events": (event_rows, EVENT_COLUMNS),
    "statements": (statement_rows, STATEMENT_COLUMNS),
    "plover": (plover_rows, None),
}


def write_table(table: str, docs: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``table`` rows of ``docs`` to ``path`` (``.csv``, ``.jsonl`` or ``.parquet``).

    Returns the number of rows written.
    """
    rows_fn, columns = TABLES[table]
    rows = rows_fn(docs)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if columns is None:
            raise ValueError(f"the {table} table has nested fields: write it as .jsonl")
        return _write_csv(rows, columns, path)
    if suffix in (".jsonl", ".json"):
        n = 0
        with path.open("w", encoding="utf-8") as out:
            for n, row in enumerate(rows, 1):  # noqa: B007
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return n
    if suffix == ".parquet":
        return _write_parquet(list(rows), columns, path)
    raise ValueError(f"unknown table format {suffix!r}: use .csv, .jsonl or .parquet")


def _write_csv(rows: Iterable[Row], columns: list[str], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for n, row in enumerate(rows, 1):  # noqa: B007
            writer.writerow(row)
    return n


def _write_parquet(rows: list[Row], columns: list[str] | None, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if columns is None:
        raise ValueError("the plover table has nested fields: write it as .jsonl")
    table = pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in columns})
    pq.write_table(table, path)
    return len(rows)
