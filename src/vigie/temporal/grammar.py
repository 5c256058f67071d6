"""Compile the temporal grammar of a language (``resources/<lang>/times.toml``) once.

A grammar is a set of lexicons (word classes with meanings), raw macros and rules. Each rule
is a regular expression over the folded text whose named groups are read by a resolver of
:mod:`vigie.temporal.resolve`. See the header of ``resources/fr/times.toml`` for the format.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import regex

from vigie.resources import Resources
from vigie.temporal.fold import fold, fold_pattern
from vigie.temporal.prefilter import Prefilter

# {name}, {name:alias} (captured) and {=name} (not captured). In patterns, " " is a run of
# horizontal whitespace and " ?" an optional one.
_MACRO = regex.compile(r"\{(=?)([A-Za-z_]\w*)(?::([A-Za-z_]\w*))?\}")
_SPACE = r"[^\S\n]+"
# Word boundaries. Kept to one simple lookaround each: the regex module then skips quickly
# over impossible positions (an alternation here made matching several times slower).
_LEFT = r"(?<![[:alnum:]])"
_RIGHT = r"(?![[:alnum:]])"
_FLAGS = regex.V0  # the text is folded to lowercase: no IGNORECASE (much faster)


@dataclass(frozen=True)
class Rule:
    """One compiled rule: its pattern and the resolver that normalises its matches."""

    id: str
    resolve: str
    type: str
    regex: Any
    lexicon_of: dict[str, str]  # group name -> lexicon it was built from
    value: str | None = None    # a fixed value, for rules that name one


@dataclass
class Grammar:
    """The compiled grammar of one language."""

    language: str
    lexicons: dict[str, dict[str, Any]]
    rules: list[Rule]
    excludes: list[Any]
    numbers: dict[str, Any]
    triggers: Any = None          # stdlib regex of the words every rule contains
    window: tuple[int, int] = (60, 30)
    future_cues: list[Any] = field(default_factory=list)
    past_cues: list[Any] = field(default_factory=list)
    future_lemmas: frozenset[str] = frozenset()
    prospective: frozenset[str] = frozenset()   # participles that look ahead after "être"
    before: list[tuple[Any, str]] = field(default_factory=list)  # preposition -> direction
    year_frame: Any = None   # prepositions making a year the frame of its sentence
    range_start: Any = None  # words before the first date of a range ("du")
    range_link: Any = None   # words between its two dates ("au")
    # which rules, then which excludes, may match in a stretch of text
    screen: Prefilter = field(default_factory=lambda: Prefilter([]))

    def lookup(self, lexicon: str, form: str | None) -> Any:
        """The meaning of ``form`` (folded, spaces normalised) in ``lexicon``, or None."""
        if form is None:
            return None
        return self.lexicons.get(lexicon, {}).get(" ".join(form.split()))


def _trie_regex(node: dict[str, dict], ends: str = "") -> str:
    """A regex for the words of a character trie; a shared prefix is matched once, so a
    wrong first character fails at once instead of after trying every form."""
    branches = []
    for char, child in sorted(node.items()):
        if char == "":
            continue
        piece = _SPACE if char == " " else regex.escape(char)
        branches.append(piece + _trie_regex(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _alternation(forms: list[str]) -> str:
    """A regex matching any of the forms (the longest possible), spaces matching any
    horizontal whitespace."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


class _Expander:
    """Expands macros in patterns, remembering which group came from which lexicon."""

    def __init__(self, lexicons: dict[str, dict[str, Any]], macros: dict[str, str]) -> None:
        self.lexicons = lexicons
        self.macros = macros
        self.lexicon_of: dict[str, str] = {}

    def expand(self, pattern: str, depth: int = 0) -> str:
        if depth > 5:
            raise ValueError(f"macro nesting too deep in {pattern!r}")
        return _MACRO.sub(lambda m: self._one(m, depth), pattern)

    def _one(self, m: regex.Match, depth: int) -> str:
        bare, name, alias = m.group(1), m.group(2), m.group(3)
        if name in self.lexicons:
            alt = _alternation(list(self.lexicons[name]))
            if bare:
                return f"(?:{alt})"
            group = alias or name
            self.lexicon_of[group] = name
            return f"(?P<{group}>{alt})"
        if name in self.macros:
            return f"(?:{self.expand(self.macros[name], depth + 1)})"
        raise KeyError(f"unknown macro {{{name}}}")


def _spaces(pattern: str) -> str:
    """Outside character classes, " ?" becomes optional whitespace and " " a run of it."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        if c == " " and not depth:
            optional = pattern[i + 1:i + 2] == "?"
            out.append(r"[^\S\n]*" if optional else _SPACE)
            i += 2 if optional else 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _finish(pattern: str) -> str:
    """Spaces become whitespace runs; the whole is kept to word boundaries (a pattern that
    starts with its own lookbehind sets its left boundary itself)."""
    pattern = _spaces(fold_pattern(pattern))
    left = "" if pattern.startswith("(?<") else _LEFT
    return f"{left}(?:{pattern}){_RIGHT}"


def _compile(expander: _Expander, pattern: str) -> Any:
    expander.lexicon_of = {}
    return regex.compile(_finish(expander.expand(pattern)), _FLAGS)


def _triggers(spec: dict[str, Any], lexicons: dict[str, dict[str, Any]]) -> Any:
    forms = sorted({form for name in spec.get("lexicons", []) for form in lexicons[name]})
    words = rf"(?<!\w)(?:{_alternation(forms)})(?!\w)"
    return re.compile("|".join([words, *spec.get("patterns", [])]))


def _before(table: dict[str, str]) -> list[tuple[Any, str]]:
    """Per direction, a pattern matching one of its prepositions just before an expression."""
    by_mode: dict[str, list[str]] = {}
    for form, mode in table.items():
        by_mode.setdefault(mode, []).append(" ".join(fold(form).split()))
    return [(regex.compile(rf"(?<![[:alnum:]])(?:{_alternation(forms)})[^\S\n]+$", _FLAGS),
             mode) for mode, forms in by_mode.items()]


def _ending(forms: list[str]) -> Any:
    """A pattern for one of ``forms`` just before an expression (searched up to its start)."""
    return _before({f: "" for f in forms})[0][0] if forms else None


def _joining(forms: list[str]) -> Any:
    """A pattern for exactly one of ``forms`` between two expressions."""
    if not forms:
        return None
    folded = [" ".join(fold(f).split()) for f in forms]
    return regex.compile(rf"[^\S\n]*(?:{_alternation(folded)})[^\S\n]*", _FLAGS)


@functools.cache
def grammar_for(language: str) -> Grammar | None:
    """The compiled grammar of ``language``; None when it has no ``times.toml``."""
    data = Resources.for_language(language).get("times")
    if not data:
        return None
    lexicons = {
        name: {" ".join(fold(str(k)).split()): v for k, v in table.items()}
        for name, table in data.get("lexicon", {}).items()
    }
    expander = _Expander(lexicons, dict(data.get("macros", {})))
    rules = []
    for spec in data.get("rule", []):
        compiled = _compile(expander, spec["pattern"])
        rules.append(Rule(spec["id"], spec["resolve"], spec.get("type", "DATE"), compiled,
                          dict(expander.lexicon_of), spec.get("value")))
    excludes = [_compile(expander, spec["pattern"]) for spec in data.get("exclude", [])]
    tense = data.get("tense", {})
    triggers = data.get("triggers", {})
    return Grammar(
        language=language,
        lexicons=lexicons,
        rules=rules,
        excludes=excludes,
        numbers=dict(data.get("numbers", {})),
        triggers=_triggers(triggers, lexicons) if triggers else None,
        window=(int(triggers.get("before", 60)), int(triggers.get("after", 30))),
        future_cues=[regex.compile(fold_pattern(p), _FLAGS) for p in tense.get("future", [])],
        past_cues=[regex.compile(fold_pattern(p), _FLAGS) for p in tense.get("past", [])],
        future_lemmas=frozenset(tense.get("future_lemmas", [])),
        prospective=frozenset(tense.get("prospective_participles", [])),
        before=_before(tense.get("before", {})),
        year_frame=_ending(data.get("frames", {}).get("year", [])),
        range_start=_ending(data.get("ranges", {}).get("start", [])),
        range_link=_joining(data.get("ranges", {}).get("link", [])),
        screen=Prefilter([*(rule.regex for rule in rules), *excludes]),
    )
