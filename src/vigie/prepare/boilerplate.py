"""Boilerplate: page furniture around the article (calls to the reader, credits, navigation).

A paragraph is boilerplate as a whole when it is a short furniture line (byline, timestamp,
"Partager") or when all its sentences are calls to the reader. When only its first or last
sentences are, they are cut into their own boilerplate span and the rest stays in the
article: "... a-t-il conclu. Retrouvez tous nos directs sur notre site." gives two spans.
"""

from __future__ import annotations

from vigie.prepare.rules import RoleRules
from vigie.prepare.sentences import inside_quote, sentence_spans

SHORT_SENTENCE = 40  # an unmatched sentence this short between two calls is part of them


def furniture_line(para: str, rules: RoleRules) -> bool:
    """True when the whole paragraph is a short furniture line (byline, credit, widget)."""
    return (rules.lines is not None and len(para) <= rules.max_line_chars
            and rules.lines.fullmatch(para.rstrip()) is not None)


def is_call(para: str, start: int, end: int, rules: RoleRules) -> bool:
    """True when the sentence ``para[start:end]`` addresses the reader (and is not quoted)."""
    if inside_quote(para, start):
        return False
    sentence = para[start:end]
    if rules.starts is not None and rules.starts.match(sentence):
        return True
    if rules.contains is not None:
        for m in rules.contains.finditer(sentence):
            if not inside_quote(para, start + m.start()):
                return True
    return False


def boilerplate_cuts(para: str, rules: RoleRules) -> tuple[int, int]:
    """``(head, tail)``: ``para[:head]`` and ``para[tail:]`` are boilerplate, the rest is not.

    ``(0, 0)`` means the whole paragraph is boilerplate; ``(0, len(para))`` means none of it.
    """
    if furniture_line(para, rules):
        return 0, 0
    spans = sentence_spans(para)
    calls = _absorb_short([is_call(para, s, e, rules) for s, e in spans], spans, para)
    head = 0
    while head < len(spans) and calls[head]:
        head += 1
    if head == len(spans):
        return 0, 0
    tail = len(spans)
    while tail > head and calls[tail - 1]:
        tail -= 1
    return spans[head][0] if head else 0, spans[tail][0] if tail < len(spans) else len(para)


def _absorb_short(calls: list[bool], spans: list[tuple[int, int]], para: str) -> list[bool]:
    """A short sentence between two calls belongs to them ("Es-tu sur X ?" between two)."""
    out = list(calls)
    for i in range(1, len(calls) - 1):
        s, e = spans[i]
        if not calls[i] and calls[i - 1] and calls[i + 1] and len(para[s:e].strip()) <= SHORT_SENTENCE:
            out[i] = True
    return out
