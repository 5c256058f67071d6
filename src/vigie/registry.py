"""The extractor registry: extractors declare themselves instead of an if-chain.

An extractor is a function ``(Analysis) -> None``. It is registered with a name and the
names of extractors that must run before it; :func:`ordered` returns them in a valid order.

    @extractor("times")
    def extract_times(analysis): ...

    @extractor("statements", after=("entities", "times"))
    def extract_statements(analysis): ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vigie.analysis import Analysis

Extractor = Callable[["Analysis"], None]


@dataclass(frozen=True)
class Registered:
    name: str
    func: Extractor
    after: tuple[str, ...]


_REGISTRY: dict[str, Registered] = {}


def extractor(name: str, after: tuple[str, ...] = ()) -> Callable[[Extractor], Extractor]:
    """Register ``func`` as the extractor called ``name``, to run after ``after``."""

    def decorate(func: Extractor) -> Extractor:
        _REGISTRY[name] = Registered(name, func, tuple(after))
        return func

    return decorate


def ordered(names: list[str] | None = None) -> list[Registered]:
    """Registered extractors (or the named subset) sorted so dependencies run first."""
    import vigie.extract  # noqa: F401  (importing registers the built-in extractors)

    wanted = set(names or _REGISTRY)
    unknown = wanted - set(_REGISTRY)
    if unknown:
        raise KeyError(f"unknown extractor(s): {', '.join(sorted(unknown))}")
    done: list[Registered] = []
    seen: set[str] = set()

    def visit(name: str, stack: tuple[str, ...] = ()) -> None:
        if name in seen or name not in wanted:
            return
        if name in stack:
            raise ValueError(f"extractor cycle: {' -> '.join((*stack, name))}")
        for dep in _REGISTRY[name].after:
            visit(dep, (*stack, name))
        seen.add(name)
        done.append(_REGISTRY[name])

    for name in _REGISTRY:
        visit(name)
    return done
