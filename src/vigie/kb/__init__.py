"""Vigie's offline knowledge base of actors and places (data in ``kb/data``, built by
``scripts/build_kb.py``; see docs/kb.md)."""

from vigie.kb.normalise import make_key, strip_accents
from vigie.kb.store import Actor, KnowledgeBase, Place, load_kb

__all__ = ["Actor", "KnowledgeBase", "Place", "load_kb", "make_key", "strip_accents"]
