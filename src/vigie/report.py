"""The readable report of ``vigie extract``: Rich tables and highlighted evidence.

Article text is untrusted: it is always wrapped in :class:`rich.text.Text`, never parsed as
Rich markup, so "[bold]" in an article prints as it is.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from vigie.export.tables import entity_names

ROLE_STYLE = {"title": "bold", "body": "", "sidebar": "cyan", "boilerplate": "dim strike"}
ACT_STYLE = {"DENY": "red", "ACCUSE": "magenta", "WARN": "yellow", "DEMAND": "yellow",
             "REJECT": "red", "SUPPORT": "green", "PROMISE": "green", "CONCEDE": "blue"}
MAX_CELL = 160


def _clip(s: str | None, n: int = MAX_CELL) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _actor(ref: dict[str, Any] | None, names: dict[str, str]) -> str:
    if not ref:
        return ""
    name = names.get(ref.get("entity") or "") or ref.get("text") or ""
    code = "/".join(x for x in (ref.get("country"), ref.get("sector")) if x)
    return f"{_clip(name, 40)} ({code})" if code else _clip(name, 40)


def statements_table(doc: dict[str, Any], names: dict[str, str]) -> Table:
    t = Table(title="Statements: who said what", expand=True, show_lines=False)
    for col, kw in (("#", {"width": 4}), ("speaker", {"ratio": 2}), ("act", {"width": 9}),
                    ("kind", {"width": 8}), ("date", {"width": 10}), ("content", {"ratio": 6})):
        t.add_column(col, **kw)
    for st in doc.get("statements") or []:
        sp = st.get("speaker") or {}
        who = names.get(sp.get("entity") or "") or sp.get("name") or sp.get("text") or "—"
        code = "/".join(x for x in (sp.get("country"), sp.get("sector")) if x)
        act = st.get("act") or ""
        t.add_row(st.get("id"), Text(_clip(who, 50) + (f" ({code})" if code else "")),
                  Text(act, style=ACT_STYLE.get(act, "")), st.get("kind"),
                  (st.get("date") or {}).get("value") or "",
                  Text(_clip((st.get("content") or {}).get("text"))))
    return t


def events_table(doc: dict[str, Any], names: dict[str, str]) -> Table:
    t = Table(title="Events: who did what to whom (PLOVER)", expand=True)
    for col in ("#", "type", "actor", "recipient", "modality", "date", "where", "evidence"):
        t.add_column(col, ratio=4 if col == "evidence" else None)
    for ev in doc.get("events") or []:
        t.add_row(ev.get("id"), Text(f"{ev.get('type')}" + (f" ({ev['mode']})" if ev.get("mode") else "")),
                  Text(", ".join(_actor(a, names) for a in ev.get("actors") or [])),
                  Text(", ".join(_actor(a, names) for a in ev.get("recipients") or [])),
                  ev.get("modality") or "", (ev.get("date") or {}).get("value") or "",
                  Text(_clip((ev.get("location") or {}).get("name"), 30)),
                  Text(_clip((ev.get("trigger") or {}).get("text"), 40) + " — "
                       + _clip((ev.get("evidence") or {}).get("text"), 120)))
    return t


def entities_table(doc: dict[str, Any]) -> Table:
    t = Table(title="Entities", expand=True)
    for col in ("#", "name", "type", "country", "sector", "mentions", "place"):
        t.add_column(col)
    for e in doc.get("entities") or []:
        geo = e.get("geo") or {}
        where = f"{geo['lat']:.2f}, {geo['lon']:.2f}" if geo else ""
        name = e.get("name") or ""
        if e.get("description") and e.get("description") != name:
            name += f" — {e['description']}"
        t.add_row(e.get("id"), Text(_clip(name, 70)), e.get("type"), e.get("country") or "",
                  e.get("sector") or "", str(len(e.get("mentions") or [])), where)
    return t


def claims_panel(doc: dict[str, Any], names: dict[str, str]) -> Panel | None:
    claims = doc.get("claims") or []
    if not claims:
        return None
    parts: list[Text] = []
    for c in claims:
        line = Text(f"{c.get('id')}  ", style="bold")
        line.append(Text(_clip(c.get("text"), 200)))
        parts.append(line)
        for s in c.get("stances") or []:
            style = {"assert": "green", "deny": "red", "question": "yellow"}.get(s.get("stance"), "")
            side = Text(f"    {s.get('stance', ''):8s} ", style=style)
            side.append(Text(_actor(s.get("holder"), names)))
            if s.get("statement"):
                side.append(Text(f"  [{s['statement']}]", style="dim"))
            parts.append(side)
    return Panel(Group(*parts), title="Contested claims", border_style="red")


def _marks(doc: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Character ranges to highlight: statement contents by act, speakers, event triggers."""
    marks = []
    for st in doc.get("statements") or []:
        c = st.get("content") or {}
        if c.get("end"):
            marks.append((c["start"], c["end"], ACT_STYLE.get(st.get("act") or "", "") or "italic"))
        sp = st.get("speaker") or {}
        if sp.get("end"):
            marks.append((sp["start"], sp["end"], "bold"))
    for ev in doc.get("events") or []:
        tr = ev.get("trigger") or {}
        if tr.get("end"):
            marks.append((tr["start"], tr["end"], "underline"))
    return marks


def paragraphs_view(doc: dict[str, Any]) -> Text:
    """The article, each paragraph styled by its role, statements and triggers highlighted."""
    out = Text()
    marks = _marks(doc)
    for p in doc.get("paragraphs") or []:
        role, a, b = p.get("role", "body"), p["start"], p["end"]
        if role != "body":
            out.append(f"[{role}] ", style="dim")
        if role == "boilerplate":
            out.append(_clip(doc["text"][a:b], 120), style=ROLE_STYLE[role])
        else:
            chunk = Text(doc["text"][a:b], style=ROLE_STYLE.get(role, ""))
            for start, end, style in marks:
                if style and a <= start < b:
                    chunk.stylize(style, start - a, min(end, b) - a)
            out.append(chunk)
        out.append("\n")
    return out


def render(doc: dict[str, Any], console: Console) -> None:
    """Print the readable report of one ``vigie/1`` document."""
    meta = doc.get("meta") or {}
    names = entity_names(doc)
    head = Text(meta.get("title") or "(untitled)", style="bold")
    info = [f"language {meta.get('language')}", f"published {meta.get('published') or '?'}"]
    if meta.get("dateline"):
        info.append(f"dateline {meta['dateline'].get('text')}")
    if meta.get("source") or meta.get("url"):
        info.append(str(meta.get("source") or meta.get("url")))
    stats = doc.get("stats") or {}
    info.append(f"{stats.get('tokens', 0)} tokens in {stats.get('seconds', 0):.2f}s")
    console.print(Panel(Group(head, Text(" · ".join(info), style="dim")), border_style="blue"))
    console.print(paragraphs_view(doc))
    for table in (statements_table(doc, names), events_table(doc, names)):
        if table.row_count:
            console.print(table)
    panel = claims_panel(doc, names)
    if panel is not None:
        console.print(panel)
    if doc.get("times"):
        t = Table(title="Times", expand=False)
        for col in ("text", "type", "value"):
            t.add_column(col)
        for tm in doc["times"]:
            t.add_row(Text(_clip(tm.get("text"), 40)), tm.get("type"), tm.get("value"))
        console.print(t)
    if doc.get("entities"):
        console.print(entities_table(doc))
