"""Sidebars: a box of context that belongs to the outlet's series, not to the article.

Shape (language-independent): a short heading line, then paragraphs led by a short label and
a colon ("Le bilan : ...", "Key dates: ...") or by a bullet. Two ways to recognise one:

- the heading is a known box title of the language ("ce qu'il faut savoir", "repères"; from
  ``boilerplate.toml``), followed by at least one labelled or bulleted paragraph;
- any heading followed by at least two paragraphs with *distinct* labels that run to the end
  of the article, where only page furniture (boilerplate) follows them: the box sits in the
  outlet's zone at the foot of the page. Distinct labels keep interviews ("Question : ... /
  Réponse : ...") in the body, and the furniture condition keeps an article's own closing
  section ("Les réactions", then "Le maire : ...") in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vigie.prepare.rules import RoleRules

_LABEL = re.compile(r"([^\W\d_][^:.!?«»\"“”]{0,40}?)\s?:\s+\S")
_BULLET = re.compile(r"(?:[-–—•*►▪▸✓]|\d{1,2}[.)])\s*\S")
_END_PUNCT = ".!?…;,"
MAX_LABEL_WORDS = 5
MAX_HEADING_WORDS = 14
MIN_STRUCTURAL_ITEMS = 2


@dataclass(slots=True)
class Unit:
    """One paragraph as the sidebar finder sees it: its text and whether it is boilerplate."""

    text: str
    boilerplate: bool


def label_of(text: str) -> str | None:
    """The label of a labelled paragraph ("Le bilan" in "Le bilan : 12 morts"), or None."""
    m = _LABEL.match(text)
    if not m or len(m.group(1).split()) > MAX_LABEL_WORDS or len(text) < m.end() + 10:
        return None
    return m.group(1).strip().casefold()


def is_heading(text: str, rules: RoleRules) -> bool:
    """A short line without sentence-final punctuation."""
    text = text.strip()
    return (0 < len(text) <= rules.max_heading_chars and text[-1] not in _END_PUNCT
            and len(text.split()) <= MAX_HEADING_WORDS)


def find_sidebars(units: list[Unit], rules: RoleRules) -> set[int]:
    """Indices of the units that belong to a sidebar (heading and items)."""
    marked: set[int] = set()
    last = max((k for k, u in enumerate(units) if not u.boilerplate), default=-1)
    i = 0
    while i < len(units):
        block = _block_at(units, i, last, rules)
        if block:
            marked.update(block)
            i = max(block) + 1
        else:
            i += 1
    return marked


def _block_at(units: list[Unit], i: int, last: int, rules: RoleRules) -> list[int]:
    """The sidebar starting with heading ``i`` (``last``: index of the last non-boilerplate
    unit, for "runs to the end of the article"), or ``[]``."""
    head = units[i]
    if head.boilerplate or not is_heading(head.text, rules):
        return []
    known = rules.sidebar_headings is not None and rules.sidebar_headings.search(head.text.strip())
    items, labels = [], []
    for j in range(i + 1, len(units)):
        unit = units[j]
        label = None if unit.boilerplate else label_of(unit.text)
        if label is None and not (known and not unit.boilerplate and _BULLET.match(unit.text)):
            break
        items.append(j)
        labels.append(label)
    if known and items:
        return [i, *items]
    at_end = bool(items) and items[-1] >= last
    furniture_after = bool(items) and items[-1] + 1 < len(units)
    if len(items) >= MIN_STRUCTURAL_ITEMS and at_end and furniture_after and len(set(labels)) == len(labels):
        return [i, *items]
    return []
