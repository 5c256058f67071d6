"""Group claim units that state the same proposition.

Two wordings of one proposition ("aurait livré des drones au Mali" / "nous n'avons
jamais vendu de drones au Mali") share words (stems of lemmas), meaning (word
vectors) and participants (the same countries or entities) and often an event type. The
similarity blends the four; units join, in text order, the most similar group above a
threshold. Anaphoric reports ("ces allégations") join the group of the claim they point to.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from vigie.extract.claims_units import Unit

THRESHOLD = 0.42
WEAK_THRESHOLD = 0.55
WEIGHTS = {"words": 0.45, "vector": 0.30, "participants": 0.20, "event": 0.10}
VECTOR_FLOOR, VECTOR_SPAN = 0.45, 0.40  # cosine below the floor says nothing
SHARED_ENOUGH = 4.0  # summed weight of shared stems that makes two units word-identical
SHARED_PARTICIPANTS = 1.5  # the same for participants


@dataclass(frozen=True)
class Weights:
    """Rarity of stems and participants over the units of one article."""

    stems: dict[str, float]
    participants: dict[str, float]


def article_weights(units: list[Unit]) -> Weights:
    """Inverse document frequencies over the units of one article; a participant in every
    unit weighs nothing."""
    n = len(units)
    stems = Counter(s for u in units for s in u.stems)
    people = Counter(p for u in units for p in u.participants)
    return Weights({s: math.log(1 + n / d) for s, d in stems.items()},
                   {p: math.log(n / d) for p, d in people.items()})


@dataclass(frozen=True)
class _Traits:
    """What :func:`similarity` reads of a unit beyond its fields, computed once per unit
    (a unit is compared with every member of every group before it)."""

    sides: frozenset[tuple[str, str]]  # (statement, stance) of the sides read in a statement
    statements: frozenset[str]  # the statements of those sides
    norm: np.floating | None  # the norm of the unit's vector

    @classmethod
    def of(cls, unit: Unit) -> _Traits:
        norm = np.linalg.norm(unit.vector) if unit.vector is not None else None
        sides = frozenset((s.statement, s.stance) for s in unit.sides if s.statement)
        return cls(sides, frozenset(st for st, _ in sides), norm)


def similarity(a: Unit, b: Unit, weights: Weights | None = None) -> float:
    """How likely two units state the same proposition, in [0, 1].

    ``weights`` tells how rare each stem and participant is in the article: a few shared
    rare words make two long quotes about one fact similar, while a participant found
    everywhere (France, in a French political story) tells nothing.
    """
    return _similarity(a, b, _Traits.of(a), _Traits.of(b), weights)


def _similarity(a: Unit, b: Unit, ta: _Traits, tb: _Traits, weights: Weights | None) -> float:
    if not ta.statements.isdisjoint(tb.statements) and _opposed_in_one_statement(ta.sides, tb.sides):
        return 0.0
    common = a.stems & b.stems
    words = _word_overlap(a.stems, b.stems, len(common))
    if weights is not None:
        stems = weights.stems
        shared = sum(stems.get(s, 0.0) for s in common) if common else 0
        words = max(words, min(shared / SHARED_ENOUGH, 1.0))
        people = a.participants & b.participants
        if people:
            rarity = weights.participants
            people = min(sum(rarity.get(p, 0.0) for p in people) / SHARED_PARTICIPANTS, 1.0)
        else:
            people = 0.0
    else:
        people = _jaccard(a.participants, b.participants)
    score = WEIGHTS["words"] * words
    score += WEIGHTS["vector"] * _vector_score(a.vector, b.vector, ta.norm, tb.norm)
    score += WEIGHTS["participants"] * people
    score += WEIGHTS["event"] * bool(a.event_types & b.event_types)
    return min(score, 1.0)


def _opposed_in_one_statement(sides_a: frozenset[tuple[str, str]], sides_b: frozenset[tuple[str, str]]) -> bool:
    """One speaker does not assert and deny one proposition in one statement: "l'armée dit
    que son aviation frappe et dément la prise de l'aéroport" holds two propositions."""
    return any(st == st2 and k != k2 for st, k in sides_a for st2, k2 in sides_b)


def _word_overlap(a: frozenset[str], b: frozenset[str], shared: int) -> float:
    """The mean of the overlap coefficient and the Dice coefficient of two stem sets that
    have ``shared`` stems in common."""
    if not a or not b:
        return 0.0
    return (shared / min(len(a), len(b)) + 2 * shared / (len(a) + len(b))) / 2


def _vector_score(a: np.ndarray | None, b: np.ndarray | None, norm_a: np.floating | None,
                  norm_b: np.floating | None) -> float:
    if a is None or b is None:
        return 0.0
    norm = float(norm_a * norm_b)
    if norm == 0.0:
        return 0.0
    cosine = float(np.dot(a, b)) / norm
    return min(max((cosine - VECTOR_FLOOR) / VECTOR_SPAN, 0.0), 1.0)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_units(units: list[Unit], threshold: float = THRESHOLD) -> list[list[Unit]]:
    """Groups of units about one proposition; anaphoric units join their antecedent's group."""
    groups: list[list[Unit]] = []
    anaphora: list[Unit] = []
    weights = article_weights([u for u in units if not u.anaphoric])
    traits = {id(u): _Traits.of(u) for u in units if not u.anaphoric}
    for unit in sorted(units, key=lambda u: (u.start, u.end)):
        if unit.anaphoric:
            anaphora.append(unit)
            continue
        # a mere negative sentence denies only a close paraphrase of what others assert
        best, best_score = None, max(threshold, WEAK_THRESHOLD) if weak_denial(unit) else threshold
        mine = traits[id(unit)]
        for group in groups:
            scores = [_similarity(unit, other, mine, traits[id(other)], weights) for other in group]
            # between single and average linkage: close to one member, not far from the rest
            score = (max(scores) + sum(scores) / len(scores)) / 2
            if score >= best_score:
                best, best_score = group, score
        if best is None:
            groups.append([unit])
        else:
            best.append(unit)
    for unit in anaphora:
        target = antecedent(unit, groups)
        if target is not None:
            target.append(unit)
    return groups


def weak_denial(unit: Unit) -> bool:
    """A unit denied only by a negation ("n'ont aucun droit"), not by a deny verb or word."""
    return not unit.denial and bool(unit.sides) and all(s.stance == "deny" for s in unit.sides)


def antecedent(unit: Unit, groups: list[list[Unit]]) -> list[Unit] | None:
    """The group an anaphoric report points to.

    The first claim its source asserts ("les rapports des services américains" points to
    what the Americans asserted), else the nearest alleged claim stated before it, else the
    nearest claim.
    """
    if unit.source is not None:
        key, codes = unit.source.key(), unit.source.codes()
        for group in sorted(groups, key=lambda g: min(u.start for u in g)):
            if any(_asserted_by(u, key, codes) for u in group):
                return group
    before = [(any(u.alleged for u in g), max(u.start for u in g if u.start < unit.start), g)
              for g in groups if any(u.start < unit.start for u in g)]
    # "ces accusations" names what someone alleged: the nearest alleged claim, else the nearest
    return max(before, key=lambda x: (x[0], x[1]))[2] if before else None


def _asserted_by(unit: Unit, key: str, codes: set[str]) -> bool:
    return any(s.stance == "assert" and (s.holder.key() == key or s.holder.codes() & codes)
               for s in unit.sides)
