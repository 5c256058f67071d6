"""Paragraph roles: title, body, sidebar, boilerplate.

Order: boilerplate first (whole furniture paragraphs, calls to the reader cut off the head or
tail of a paragraph, link lists after a "Lire aussi" heading), then sidebars among what is
left. The title paragraph is never changed. A paragraph may come out as up to three spans
(boilerplate head, body, boilerplate tail); spans stay in text order, never overlap, and
cover every non-blank character of the paragraph.
"""

from __future__ import annotations

from vigie.prepare.boilerplate import boilerplate_cuts
from vigie.prepare.rules import RoleRules, role_rules
from vigie.prepare.sidebar import Unit, find_sidebars
from vigie.schema import Paragraph

_NONE, _HEADING, _TITLE = "none", "heading", "title"


def assign_roles(text: str, paragraphs: list[Paragraph], language: str) -> None:
    """Set ``role`` on each paragraph in place; may split boilerplate off a paragraph."""
    rules = role_rules(language)
    out: list[Paragraph] = []
    cores: list[Paragraph | None] = []  # per non-title paragraph: its body span, if any
    units: list[Unit] = []
    links = _NONE
    for p in paragraphs:
        if p.role == "title":
            out.append(p)
            continue
        para = text[p.start:p.end]
        spans = _split(para, p.start, rules)
        links = _link_state(para, links, spans, rules)
        if links != _NONE or not _has_words(para):
            spans = [Paragraph(p.start, p.end, "boilerplate")]
        core = next((s for s in spans if s.role == "body"), None)
        out.extend(spans)
        cores.append(core)
        units.append(Unit(text[core.start:core.end] if core else para, core is None))
    for i in find_sidebars(units, rules):
        core = cores[i]
        if core is not None:
            core.role = "sidebar"
    paragraphs[:] = out


def _split(para: str, offset: int, rules: RoleRules) -> list[Paragraph]:
    """The spans of one paragraph: boilerplate head, body, boilerplate tail (when present)."""
    start, end = boilerplate_cuts(para, rules)
    if start >= end or not para[start:end].strip():
        return [Paragraph(offset, offset + len(para), "boilerplate")]
    body_start = start + len(para[start:end]) - len(para[start:end].lstrip())
    body_end = start + len(para[start:end].rstrip())
    spans = []
    if start > 0:
        spans.append(Paragraph(offset, offset + len(para[:start].rstrip()), "boilerplate"))
    spans.append(Paragraph(offset + body_start, offset + body_end, "body"))
    if end < len(para):
        spans.append(Paragraph(offset + end, offset + len(para), "boilerplate"))
    return spans


def _link_state(para: str, state: str, spans: list[Paragraph], rules: RoleRules) -> str:
    """Where ``para`` stands in a link list: the "Lire aussi" heading, a bare link title just
    after it, or neither. A list whose items carry their own marker (">> title") is
    handled item by item, so the bare-title state ends at the first boilerplate item.
    """
    stripped = para.strip()
    if rules.link_headings is not None and rules.link_headings.fullmatch(stripped):
        return _HEADING
    self_marked = all(s.role == "boilerplate" for s in spans)
    if state != _NONE and not self_marked and len(stripped) <= rules.link_title_chars \
            and stripped[-1:] not in ".…":
        return _TITLE
    return _NONE


def _has_words(para: str) -> bool:
    """False for a line of bullets or separators only ("-", "* * *")."""
    return any(c.isalnum() for c in para)
