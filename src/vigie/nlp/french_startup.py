"""Load spaCy's French pipeline without paying ~2 s to compile one regex.

Why: ``spacy.lang.fr.tokenizer_exceptions`` ends with ``TOKEN_MATCH = re.compile(...)`` over a
1.45 MB pattern: ~270 alternatives ``(?:^PREFIX[hyphen][a-z...][...]*$)``, each repeating the
same huge Unicode character classes.  Python's pure-Python regex parser takes ~2 s on it at
import, more than half of Vigie's start-up.  The model's tokenizer serializes the same string
and ``Tokenizer.from_bytes`` compiles it again (free today only thanks to ``re``'s cache).

How, without changing a single token:

1. While ``spacy.lang.fr`` is imported and the model loaded, ``re.compile`` returns a
   :class:`LazyPattern` for huge patterns: it keeps the original text as ``.pattern`` (what
   spaCy serializes) and compiles only when first used.
2. The alternatives are regrouped by their shared tail: ``^(?:p1|p2|...)TAIL`` instead of
   ``(?:^p1TAIL)|(?:^p2TAIL)|...``.  Each big class then appears a handful of times instead of
   ~270, and the pattern compiles in milliseconds.  The lazy patterns whose text is spaCy's
   original compile this factored form instead.

Equivalence: union distributes over concatenation, ``p1 T | p2 T = (p1|p2) T``, for regexes
without back-references, so the factored pattern accepts exactly the strings the original
accepts; the flags (``(?iu)``) are the same and spaCy only tests whether ``.match`` succeeds.
The factoring is correct only if each ``p`` is a self-contained regex (no top-level ``|``, no
dangling escape, bracket or leading quantifier, no back-reference), which :func:`_is_plain`
checks.  The guard: the original text is rebuilt from the module's own lists, the lists must be
exactly the blocks mirrored below, and it must equal both the module's ``TOKEN_MATCH`` pattern
and (by exact lookup) the string the model serializes.  Anything else -- another spaCy version,
another model, another language -- goes through spaCy's normal path, so tokenization can never
change silently.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType
from typing import Any

from spacy.language import Language

#: Patterns at least this long are compiled lazily while French is loaded.  spaCy's French
#: ``TOKEN_MATCH`` is 1.45 MB; the affix patterns compiled during loading are a few KB.
HUGE_PATTERN = 100_000

_EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"
_REAL_COMPILE = re.compile
_PATCH_LOCK = threading.Lock()


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` but compiles on first use.

    ``pattern`` is always the original text, so a tokenizer holding ``LazyPattern(...).match``
    serializes exactly as spaCy's would.  What gets compiled is ``source``: the original, or a
    proven equivalent (see the module docstring).
    """

    def __init__(self, pattern: str, flags: int = 0, source: str | None = None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._source = pattern if source is None else source
        self._regex: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        """The text that is (or will be) compiled."""
        return self._source

    def prefer(self, source: str) -> None:
        """Compile ``source`` (an equivalent of ``pattern``) instead, if not compiled yet."""
        if self._regex is None:
            self._source = source

    def compiled(self) -> re.Pattern[str]:
        """The compiled regex (compiled now if this is the first use)."""
        if self._regex is None:
            self._regex = _REAL_COMPILE(self._source, self._flags)
        return self._regex

    def match(self, string: str, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        """``re.Pattern.match``."""
        return self.compiled().match(string, *args, **kwargs)

    def search(self, string: str, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        return self.compiled().search(string, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Private names are never delegated: unpickling looks them up before __init__ ran.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if self._regex is not None else "not compiled yet"
        return f"<LazyPattern of {len(self.pattern)} chars, {state}>"


@contextlib.contextmanager
def lazy_huge_compiles(equivalents: Mapping[str, str]) -> Iterator[None]:
    """Within the block, ``re.compile`` of a huge str pattern returns a :class:`LazyPattern`.

    A pattern found in ``equivalents`` (compiled without extra flags) compiles the mapped
    equivalent; the mapping may be filled while the block runs.  Everything else goes to the
    real ``re.compile``.  The lock keeps concurrent loads from restoring each other's hook.
    """

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= HUGE_PATTERN:
            return LazyPattern(pattern, flags, None if flags else equivalents.get(pattern))
        return _REAL_COMPILE(pattern, flags)

    with _PATCH_LOCK:
        previous = re.compile
        re.compile = compile_
        try:
            yield
        finally:
            re.compile = previous


def load_french(name: str, exclude: Iterable[str] = ()) -> Language:
    """``spacy.load(name, exclude=exclude)`` for a French package, minus the regex compile time.

    The result tokenizes exactly like spaCy's (see the module docstring for the guard).
    """
    import spacy

    equivalents: dict[str, str] = {}
    with lazy_huge_compiles(equivalents):
        module = importlib.import_module(_EXCEPTIONS_MODULE)
        patterns = token_match_patterns(module)
        if patterns is not None:
            original, factored = patterns
            equivalents[original] = factored
            # The module's own TOKEN_MATCH (lazy if imported just now) is used while spaCy
            # builds the default tokenizer, before the model's tokenizer replaces it.
            default = getattr(module.TOKEN_MATCH, "__self__", None)
            if isinstance(default, LazyPattern) and default.pattern == original:
                default.prefer(factored)
        return spacy.load(name, exclude=list(exclude))


def token_match_patterns(module: ModuleType) -> tuple[str, str] | None:
    """(spaCy's French token-match pattern, its factored equivalent), or None if unproven."""
    try:
        alternatives = list(module._regular_exp)
        original = "(?iu)" + "|".join(f"(?:{alternative})" for alternative in alternatives)
        if module.TOKEN_MATCH.__self__.pattern != original:
            return None
        groups = _factored_groups(module, alternatives)
    except (AttributeError, TypeError):
        return None
    if groups is None:
        return None
    return original, "(?iu)" + "|".join(f"(?:^{head}(?:{'|'.join(bodies)}){tail})" for head, bodies, tail in groups)


def _factored_groups(module: ModuleType, alternatives: list[str]) -> list[tuple[str, list[str], str]] | None:
    """``(head, bodies, tail)`` triples whose ``^head(?:b1|b2|...)tail`` union is ``alternatives``.

    The three generated blocks mirror spacy/lang/fr/tokenizer_exceptions.py (3.x) character for
    character; they are compared with the module's list, so a change there yields None.
    """
    hyphen, elision, lower, alpha = module.HYPHENS, module.ELISION, module.ALPHA_LOWER, module.ALPHA
    generated = [
        ("", list(module._hyphen_prefix), f"[{hyphen}][{lower}][{hyphen}{lower}{elision}]*$"),
        ("", list(module._elision_prefix), f"[{elision}][{lower}][{hyphen}{lower}{elision}]*$"),
        (f"[{alpha}]+[{hyphen}]", list(module._hyphen_combination), f"[{hyphen}](?:l[{elision}])?[{alpha}]+$"),
    ]
    expanded = [f"^{head}{body}{tail}" for head, bodies, tail in generated for body in bodies]
    listed = alternatives[len(alternatives) - len(expanded) :]
    if not expanded or listed != expanded:
        return None
    # The hand-written block before them: "^word[-]word[a-z]+$" or "...[a-z]*$".
    fixed = _split_tails(alternatives[: len(alternatives) - len(expanded)], [f"[{lower}]+$", f"[{lower}]*$"])
    if fixed is None:
        return None
    groups = fixed + [group for group in generated if group[1]]
    if not all(_is_plain(body) for _, bodies, _ in groups for body in bodies):
        return None
    return groups


def _split_tails(alternatives: list[str], tails: list[str]) -> list[tuple[str, list[str], str]] | None:
    """Group ``^body<tail>`` alternatives by tail (in ``tails`` order); None if one has no known tail."""
    bodies: dict[str, list[str]] = {tail: [] for tail in tails}
    for alternative in alternatives:
        tail = next((t for t in tails if alternative.startswith("^") and alternative.endswith(t)), None)
        if tail is None or len(alternative) == len(tail) + 1:
            return None
        bodies[tail].append(alternative[1 : -len(tail)])
    return [("", found, tail) for tail, found in bodies.items() if found]


def _is_plain(body: str) -> bool:
    """Whether ``body`` is a self-contained regex that can be regrouped without changing meaning.

    Rejected: ``|`` outside parentheses (``^a|b$`` is not ``^(?:a|b)$``), unbalanced
    parentheses or brackets, a dangling backslash, a leading quantifier (it would apply to
    what precedes the body), and back-references or conditionals (group numbers change).
    """
    if not body or body[0] in "*+?{" or "(?P=" in body or "(?(" in body:
        return False
    depth, i, in_class = 0, 0, False
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body) or (not in_class and body[i + 1].isdigit()):
                return False
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if body[i + 1 : i + 2] == "]" else 3 if body[i + 1 : i + 3] == "^]" else 1
            continue  # a "]" right after "[" or "[^" is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
        elif char == "|" and depth == 0:
            return False
        i += 1
    return depth == 0 and not in_class
