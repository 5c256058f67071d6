"""Exports derived from ``vigie/1`` documents: JSON Lines, flat tables, PLOVER records."""

from vigie.export.tables import TABLES, event_rows, statement_rows, write_table

__all__ = ["TABLES", "event_rows", "statement_rows", "write_table"]
