"""Cheap tests telling which rules cannot match in a stretch of text, so they are not run.

Each compiled pattern is read once to find what any of its matches must contain: a
conjunction of clauses, each a set of literal strings ("atoms") one of which must occur
("janvier" or "fevr" or ... for a month, a digit for a day number). A rule is tried in a
window only when the window satisfies every clause of the rule. The analysis only claims
what the pattern guarantees (anything it does not understand adds no clause), so skipping
a rule never loses a match: the result is the same as running every rule everywhere.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

DIGIT = r"\d"        # the atom "some ASCII digit"
_UNKNOWN = "\x00"    # in a literal string: any text (possibly none) the analysis cannot spell
_CAP = 256           # largest set of literal strings tracked through a pattern
_HAS_DIGIT = re.compile("[0-9]")
_QUANT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_ZERO_WIDTH_ESCAPES = set("AbBGKZ")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_CLASS_ESCAPES = set("dDsSwWhHNXpPR")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# escapes and character classes (whose brackets do not group), then parentheses
_PARENS = re.compile(r"\\.|\[\^?\]?(?:\\.|\[:\w+:\]|[^\]\\])*\]|[()]")
_NAMED = re.compile(r"\(\?P?<(?![=!])[A-Za-z_]\w*>")

Clause = frozenset[str]


class _Unsupported(Exception):
    """A construct the analysis does not read: the pattern then gets no requirement."""


@dataclass(frozen=True)
class _Node:
    """What a piece of pattern matches: its literal strings when few and known (``lang``),
    and clauses every match of it satisfies (``cnf``)."""

    lang: frozenset[str] | None
    cnf: tuple[Clause, ...] = ()


_EMPTY = _Node(frozenset({""}))
_ANY = _Node(frozenset({_UNKNOWN}))


def _pieces(text: str) -> list[str]:
    return [p for p in text.split(_UNKNOWN) if p]


def _score(atom: str) -> int:
    """How selective an atom is: longer is rarer; a digit is about as common as a letter."""
    return 1 if atom == DIGIT else len(atom)


def _atom(piece: str) -> str:
    return DIGIT if piece.isascii() and piece.isdigit() else piece


def _minimal(atoms: set[str]) -> Clause:
    """Drop atoms implied by a shorter one of the clause ("janvier" when "janv" is there)."""
    digits = DIGIT in atoms
    kept: list[str] = []
    for a in sorted(atoms, key=lambda x: (len(x), x)):
        if a == DIGIT or not ((digits and _HAS_DIGIT.search(a))
                              or any(b in a for b in kept if b != DIGIT)):
            kept.append(a)
    return frozenset(kept)


@functools.lru_cache(maxsize=4096)
def _clauses_of(lang: frozenset[str]) -> tuple[Clause, ...]:
    """Clauses a finite set of literal strings guarantees: a piece all of them contain,
    and the best piece of each."""
    pieces = [_pieces(s) for s in lang]
    if not all(pieces):
        return ()
    shared = set.intersection(*(set(p) for p in pieces))
    best = {max((_atom(p) for p in ps), key=_score) for ps in pieces}
    return (*(frozenset({_atom(p)}) for p in sorted(shared)), _minimal(best))


def _strength(clause: Clause) -> tuple[int, int]:
    """Which clause filters best: its weakest atom the longest, then the fewest atoms."""
    return (min(_score(a) for a in clause), -len(clause))


def _prune(clauses: Iterable[Clause], keep: int = 6) -> tuple[Clause, ...]:
    """The strongest few distinct clauses, none implied by another; a clause with a common
    atom filters nothing."""
    useful = {c for c in clauses if c and not any(_common(a) for a in c)}
    kept: list[Clause] = []
    for clause in sorted(useful, key=lambda c: (_strength(c), sorted(c)), reverse=True):
        if not any(_implies(k, clause) for k in kept):
            kept.append(clause)
    return tuple(kept[:keep])


def _common(atom: str) -> bool:
    """A letter or a space alone: found in nearly every window, it filters nothing."""
    return len(atom) == 1 and (atom.isalpha() or atom.isspace())


def _implies(a: Clause, b: Clause) -> bool:
    """Whether a window satisfying clause ``a`` always satisfies ``b``."""
    return all(any(_contains(x, y) for y in b) for x in a)


def _contains(x: str, y: str) -> bool:
    """Whether a window holding atom ``x`` always holds atom ``y``."""
    if y == DIGIT:
        return x == DIGIT or bool(_HAS_DIGIT.search(x))
    return x != DIGIT and y in x


@functools.lru_cache(maxsize=4096)
def _all_clauses(node: _Node) -> tuple[Clause, ...]:
    own = _clauses_of(node.lang) if node.lang is not None else ()
    return _prune([*node.cnf, *own])


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    return frozenset(x + y for x in a for y in b)


def _sequence(items: list[_Node]) -> _Node:
    """Concatenation: literal strings multiply while few; every item's clauses hold."""
    cnf: list[Clause] = []
    run: frozenset[str] | None = frozenset({""})
    whole = True
    for item in items:
        cnf.extend(_all_clauses(item))
        if item.lang is not None and run is not None and len(run) * len(item.lang) <= _CAP:
            run = _product(run, item.lang)
            continue
        whole = False
        if run is not None:
            cnf.extend(_clauses_of(run))
        run = item.lang
    if run is not None:
        cnf.extend(_clauses_of(run))
    return _Node(run if whole else None, _prune(cnf))


def _alternation(branches: list[_Node]) -> _Node:
    """One of the branches: (A1 and A2) or (B1 and B2) holds (A1 or B1) and (A1 or B2)..."""
    if len(branches) == 1:
        return branches[0]
    langs = [b.lang for b in branches]
    union = None
    if all(lang is not None for lang in langs):
        union = frozenset().union(*langs)  # type: ignore[arg-type]
    options = [_all_clauses(b) for b in branches]
    if not all(options):
        return _Node(union if union is not None and len(union) <= _CAP else None)
    if math.prod(len(o) for o in options) > 32:
        options = [o[:1] for o in options]
    cnf = [_minimal(set().union(*combo)) for combo in itertools.product(*options)]
    if union is not None:
        cnf.extend(_clauses_of(union))
    return _Node(union if union is not None and len(union) <= _CAP else None, _prune(cnf))


def _repeat(node: _Node, low: int, high: int | None) -> _Node:
    if (low, high) == (1, 1):
        return node
    if low == 0:
        if high == 1 and node.lang is not None:
            return _Node(node.lang | {""})
        return _EMPTY if high == 0 else _ANY
    lang = None if node.lang is None else frozenset(s + _UNKNOWN for s in node.lang)
    return _Node(lang, node.cnf)


class _Parser:
    """Recursive descent over the subset of `regex` syntax the grammar compiles to."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.closing = self._pairs()

    def parse(self) -> _Node:
        node = self._alternation()
        if self.i != len(self.p):
            raise _Unsupported(f"unbalanced ')' at {self.i}")
        return node

    def _pairs(self) -> dict[int, int]:
        """Where each group opened at an offset closes."""
        pairs, stack = {}, []
        for m in _PARENS.finditer(self.p):
            if m.group() == "(":
                stack.append(m.start())
            elif m.group() == ")":
                if not stack:
                    raise _Unsupported(f"unbalanced ')' at {m.start()}")
                pairs[stack.pop()] = m.start()
        return pairs

    def _peek(self, text: str) -> bool:
        return self.p.startswith(text, self.i)

    def _alternation(self) -> _Node:
        branches = [self._sequence()]
        while self._peek("|"):
            self.i += 1
            branches.append(self._sequence())
        return _alternation(branches)

    def _sequence(self) -> _Node:
        items = []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            items.append(self._quantified(self._item()))
        return _sequence(items)

    def _quantified(self, node: _Node) -> _Node:
        if self.i >= len(self.p):
            return node
        c = self.p[self.i]
        if c in "?*+":
            self.i += 1
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[c]
        elif (m := _QUANT.match(self.p, self.i)) and (m.group(1) or m.group(2)):
            self.i = m.end()
            low = int(m.group(1) or 0)
            upper = m.group(2)
            high = low if upper is None else int(upper) if upper else None
        else:
            return node
        if self.i < len(self.p) and self.p[self.i] in "?+":  # lazy, possessive: same strings
            self.i += 1
        return _repeat(node, low, high)

    def _item(self) -> _Node:
        c = self.p[self.i]
        if c == "(":
            return self._group()
        if c == "[":
            return self._class()
        if c == "\\":
            return self._escape()
        self.i += 1
        if c in "^$":
            return _EMPTY
        if c == ".":
            return _ANY
        return _Node(frozenset({c}))

    def _group(self) -> _Node:
        """A group, read once for all the patterns using it (lexicons recur in many rules)."""
        if self.i not in self.closing:
            raise _Unsupported(f"unclosed group at {self.i}")
        end = self.closing[self.i] + 1
        text, self.i = self.p[self.i:end], end
        if named := _NAMED.match(text):  # the name does not change what the group matches
            text = "(?:" + text[named.end():]
        return _group_node(text)

    def group(self) -> _Node:
        """The group the whole pattern is."""
        look = next((op for op in _LOOKAROUNDS if self._peek(op)), None)
        if look:
            self.i += len(look)
            inner = self._alternation()
            self._close()
            if look == "(?=":  # reads text after the start, never past the window's end
                return _Node(frozenset({_UNKNOWN}), _all_clauses(inner))
            return _EMPTY  # a lookbehind may read before the window: it proves nothing
        if self._peek("(?:") or self._peek("(?>"):
            self.i += 3
        elif self._peek("(?"):
            raise _Unsupported(f"group {self.p[self.i:self.i + 4]!r}")
        else:
            self.i += 1
        node = self._alternation()
        self._close()
        if self.i != len(self.p):
            raise _Unsupported("text after the group")
        return node

    def _close(self) -> None:
        if not self._peek(")"):
            raise _Unsupported("missing ')'")
        self.i += 1

    def _escape(self) -> _Node:
        c = self.p[self.i + 1:self.i + 2]
        self.i += 2
        if not c:
            raise _Unsupported("trailing backslash")
        if c in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if c in _CHAR_ESCAPES:
            return _Node(frozenset({_CHAR_ESCAPES[c]}))
        if c in _CLASS_ESCAPES and c not in "pPN":
            return _ANY
        if c.isalnum():
            raise _Unsupported(f"escape \\{c}")
        return _Node(frozenset({c}))

    def _class(self) -> _Node:
        """A character class: its characters when few and plain, else any character."""
        end = self._class_end()
        body, self.i = self.p[self.i + 1:end], end + 1
        if body.startswith("^") or "[:" in body or "\\" in body:
            return _ANY
        chars: set[str] = set()
        k = 0
        while k < len(body):
            if k + 2 < len(body) and body[k + 1] == "-":
                chars.update(chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1))
                k += 3
            else:
                chars.add(body[k])
                k += 1
        return _Node(frozenset(chars)) if len(chars) <= 12 else _ANY

    def _class_end(self) -> int:
        k = self.i + 1
        if self.p.startswith("^", k):
            k += 1
        if self.p.startswith("]", k):
            k += 1
        while k < len(self.p):
            if self.p[k] == "\\":
                k += 2
            elif self.p.startswith("[:", k):
                close = self.p.find(":]", k + 2)
                if close < 0:
                    raise _Unsupported("unclosed POSIX class")
                k = close + 2
            elif self.p[k] == "[":
                raise _Unsupported("nested set")
            elif self.p[k] == "]":
                return k
            else:
                k += 1
        raise _Unsupported("unclosed class")


@functools.lru_cache(maxsize=4096)
def _group_node(text: str) -> _Node:
    return _Parser(text).group()


def requirements(pattern: str) -> tuple[Clause, ...]:
    """Clauses every match of ``pattern`` satisfies: each is a set of atoms (literal
    strings, or :data:`DIGIT`) of which the matched text contains at least one.

    Lookarounds add nothing; an unsupported construct gives no clause at all."""
    try:
        root = _Parser(pattern).parse()
    except _Unsupported:
        return ()
    return _all_clauses(root)


def _trie(words: list[str]) -> str:
    """A greedy regex alternation of ``words`` sharing prefixes, followed by "|" (or
    nothing when there are no words)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) + "|" if words else ""


class Prefilter:
    """For a list of patterns, which of them can match in a given stretch of text.

    Clauses are numbered; a pattern needs the bits of its clauses, a string found in the
    text gives the bits of the clauses it satisfies: two integers then answer per pattern."""

    def __init__(self, patterns: Sequence[Any]) -> None:
        self.needs = [requirements(p.pattern) for p in patterns]
        clauses = sorted({c for need in self.needs for c in need}, key=sorted)
        bit = {c: 1 << k for k, c in enumerate(clauses)}
        self.masks = [sum(bit[c] for c in need) for need in self.needs]
        atoms = sorted({a for c in clauses for a in c} - {DIGIT})
        # Every atom starting at a position, through the longest one found there (the trie
        # is greedy); the shorter ones are its prefixes.
        self._scan = re.compile(f"(?=({_trie(atoms)}[0-9]))")
        self._gives = {}
        known = set(atoms)
        for s in [*atoms, *"0123456789"]:
            held = {s[:k] for k in range(1, len(s) + 1) if s[:k] in known}
            if s[0] in "0123456789":
                held.add(DIGIT)
            self._gives[s] = sum(bit[c] for c in clauses if c & held)

    def satisfied(self, text: str, lo: int, hi: int) -> int:
        """The bits of the clauses ``text[lo:hi]`` satisfies."""
        bits = 0
        for s in set(self._scan.findall(text, lo, hi)):
            bits |= self._gives[s]
        return bits

    def possible(self, text: str, lo: int, hi: int) -> list[int]:
        """Indices of the patterns that may match inside ``text[lo:hi]``."""
        bits = self.satisfied(text, lo, hi)
        return [k for k, mask in enumerate(self.masks) if mask & bits == mask]
