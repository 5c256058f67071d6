"""A self-contained HTML report of one ``vigie/1`` document: highlighted text, tables, a
timeline of dated statements and events, and a graph of who did what to whom.

Everything taken from the article goes through Jinja2's autoescaping; the page loads nothing
from the network (inline CSS, inline SVG, no script).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from vigie.export.tables import entity_names

MAX_NODES = 24  # a graph with more actors is unreadable; the busiest ones are kept


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    x: float
    y: float


def _env() -> Environment:
    return Environment(loader=PackageLoader("vigie.export", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def highlighted(doc: dict[str, Any], start: int, end: int) -> Markup:
    """``text[start:end]`` escaped, with statement contents and event triggers marked."""
    marks: list[tuple[int, int, str]] = []
    for st in doc.get("statements") or []:
        c = st.get("content") or {}
        if c.get("end") and start <= c["start"] < end:
            marks.append((c["start"], min(c["end"], end), f"st act-{st.get('act', '').lower()}"))
    for ev in doc.get("events") or []:
        t = ev.get("trigger") or {}
        if t.get("end") and start <= t["start"] < end:
            marks.append((t["start"], min(t["end"], end), "ev"))
    # events inside statements nest; overlapping statements are drawn one after the other
    marks.sort(key=lambda m: (m[0], -m[1]))
    text, out, pos, open_ends = doc["text"], [], start, []
    for a, b, cls in marks:
        while open_ends and open_ends[-1] <= a:
            close = open_ends.pop()
            out.append(escape(text[pos:close]) + Markup("</mark>"))
            pos = close
        if a < pos or (open_ends and b > open_ends[-1]):
            continue  # crosses an open mark: skip rather than produce broken nesting
        out.append(escape(text[pos:a]) + Markup(f'<mark class="{cls}">'))
        pos = a
        open_ends.append(b)
    while open_ends:
        close = open_ends.pop()
        out.append(escape(text[pos:close]) + Markup("</mark>"))
        pos = close
    out.append(escape(text[pos:end]))
    return Markup("").join(out)


def timeline(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Dated statements and events, oldest first."""
    names = entity_names(doc)
    items = []
    for st in doc.get("statements") or []:
        if st.get("date"):
            items.append({"date": st["date"]["value"], "kind": "said", "label": st.get("act"),
                          "who": _speaker(names, st.get("speaker")),
                          "text": (st.get("content") or {}).get("text", "")})
    for ev in doc.get("events") or []:
        if ev.get("date"):
            items.append({"date": ev["date"]["value"], "kind": "did", "label": ev.get("type"),
                          "who": ", ".join(_actor(names, a) for a in ev.get("actors") or []),
                          "text": (ev.get("evidence") or {}).get("text", "")})
    return sorted(items, key=lambda i: i["date"])


def _actor(names: dict[str, str], ref: dict[str, Any] | None) -> str:
    if not ref:
        return ""
    return names.get(ref.get("entity") or "") or ref.get("text") or ref.get("country") or "?"


def _speaker(names: dict[str, str], sp: dict[str, Any] | None) -> str:
    if not sp:
        return "—"
    return names.get(sp.get("entity") or "") or sp.get("name") or sp.get("text") or "—"


def _key(ref: dict[str, Any]) -> str:
    return ref.get("country") or ref.get("entity") or ref.get("text") or "?"


def graph(doc: dict[str, Any], size: int = 420) -> dict[str, Any]:
    """Actors on a circle and one arrow per actor → recipient pair, labelled with the event
    types, as coordinates for the SVG template."""
    names = entity_names(doc)
    pairs: dict[tuple[str, str], Counter[str]] = {}
    labels: dict[str, str] = {}
    for ev in doc.get("events") or []:
        for a in ev.get("actors") or []:
            for r in ev.get("recipients") or []:
                ka, kr = _key(a), _key(r)
                if ka != kr:
                    pairs.setdefault((ka, kr), Counter())[ev.get("type") or ""] += 1
                    labels.setdefault(ka, a.get("country") or _actor(names, a))
                    labels.setdefault(kr, r.get("country") or _actor(names, r))
    degree: Counter[str] = Counter()
    for (a, b), types in pairs.items():
        degree[a] += sum(types.values())
        degree[b] += sum(types.values())
    keep = [k for k, _ in degree.most_common(MAX_NODES)]
    c, radius, n = size / 2, size / 2 - 50, max(len(keep), 1)
    nodes = {k: Node(k, labels[k][:24], c + radius * math.cos(2 * math.pi * i / n - math.pi / 2),
                     c + radius * math.sin(2 * math.pi * i / n - math.pi / 2)) for i, k in enumerate(keep)}
    return {"size": size, "nodes": list(nodes.values()),
            "edges": [_edge(nodes[a], nodes[b], types) for (a, b), types in pairs.items()
                      if a in nodes and b in nodes]}


def _edge(na: Node, nb: Node, types: Counter[str]) -> dict[str, Any]:
    """An arrow from ``na`` to ``nb``, stopped short of the circles and shifted sideways so
    that the arrows of a pair in both directions do not overlap."""
    dx, dy = nb.x - na.x, nb.y - na.y
    d = math.hypot(dx, dy) or 1.0
    ox, oy = -dy / d * 6, dx / d * 6
    label = ", ".join(t + (f" ×{k}" if k > 1 else "") for t, k in types.most_common())
    return {"x1": na.x + dx * 22 / d + ox, "y1": na.y + dy * 22 / d + oy,
            "x2": nb.x - dx * 24 / d + ox, "y2": nb.y - dy * 24 / d + oy,
            "label": label, "lx": (na.x + nb.x) / 2 + 3 * ox, "ly": (na.y + nb.y) / 2 + 3 * oy}


def render_html(doc: dict[str, Any]) -> str:
    """The report page for one document."""
    names = entity_names(doc)
    paragraphs = [{"role": p.get("role", "body"), "html": highlighted(doc, p["start"], p["end"])}
                  for p in doc.get("paragraphs") or []]
    return _env().get_template("report.html.j2").render(
        doc=doc, meta=doc.get("meta") or {}, paragraphs=paragraphs, timeline=timeline(doc),
        graph=graph(doc), speaker=lambda sp: _speaker(names, sp), actor=lambda r: _actor(names, r))
