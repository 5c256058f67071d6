"""Claims: propositions and the side each source takes on them (assert / deny / question).

Units are read from statements (their content, with the speaker's side from the speech act
and negation), from report nouns (:mod:`claims_reports`) and from claimed or negated events;
events inside a unit give it structure; deny verbs add their own (:mod:`claims_echo`).
:mod:`claims_group` groups units about the same proposition; each group worth listing
(contested, alleged, explicitly denied, asserted by several or reporting an event) becomes
a :class:`~vigie.schema.Claim`, most contested first. Holders keep their ``Entity`` objects
until entity ids exist: the ActorRefs are built by a hook run after ``finalised()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.extract.claims_echo import denial_units
from vigie.extract.claims_group import group_units
from vigie.extract.claims_reports import report_units, speaker_holder
from vigie.extract.claims_units import Side, TextIndex, Unit
from vigie.registry import extractor
from vigie.schema import Claim, ClaimSpan, Stance

if TYPE_CHECKING:
    from vigie.analysis import Analysis
    from vigie.schema import Event, Statement

# Speech acts that state no proposition about the world (a demand, a threat, a pledge).
NON_PROPOSITIONAL = frozenset({"DEMAND", "WARN", "PROMISE", "SUPPORT", "REJECT"})
ALLEGING_ACTS = frozenset({"ACCUSE"})
OPEN_MODALITIES = frozenset({"claimed", "negated"})
MAX_TEXT = 300
MAX_EVENT_TOKENS = 40
MIN_STEMS = 2  # "faux", "la Corée du Nord" alone state nothing
OFF_ARTICLE = frozenset({"sidebar", "boilerplate"})


@extractor("claims", after=("entities", "statements", "events"))
def extract_claims(analysis: Analysis) -> None:
    """Fill ``analysis.claims``."""
    index = TextIndex(analysis)
    reports = report_units(index, analysis.statements)
    units = statement_units(index, analysis.statements, reports) + reports
    units += event_units(index, analysis.events, units, analysis.statements)
    units += denial_units(index, units, analysis.statements)
    for unit in units:
        index.features(unit, unit.sides[0].holder if unit.sides else None)
    _short_denials_refer_back(units)
    units = [u for u in units if u.anaphoric or (len(u.stems) >= MIN_STEMS and u.predicates)]
    # the outlet's boxed context and boilerplate take no side in the article's disputes
    units = [u for u in units if analysis.role_at(u.start) not in OFF_ARTICLE]
    groups = [g for g in group_units(units) if worth_listing(g)]
    groups.sort(key=contest_rank)
    pending = [(build_claim(f"c{i}", g, analysis.text), g) for i, g in enumerate(groups, 1)]
    analysis.claims = [c for c, _ in pending]
    _on_finalise(analysis, lambda: _fill_stances(pending))


def statement_units(index: TextIndex, statements: list[Statement], reports: list[Unit]) -> list[Unit]:
    """A unit per sentence of each statement stating a proposition, except the sentences
    already read as reports.

    A statement that reports a proposition and dismisses it ("On lui prête des
    insultes envers ses voisins. Ces allégations sont risibles") denies its other sentences: they are
    what "ces allégations" refers to, so that anaphoric report is resolved here.
    """
    units = []
    for st in statements:
        if st.act in NON_PROPOSITIONAL or st.speaker is None:
            continue
        lo, hi = st.content.start, st.content.end
        inside = [u for u in reports if u.sides and (lo <= u.start < hi or lo < u.end <= hi)]
        dismissal = next((u for u in inside if u.anaphoric and _speaker_side(u, st.id)), None)
        holder = speaker_holder(index, st)
        # each sentence of a long quote is a proposition of its own
        for piece, (start, end) in enumerate(index.sentences(lo, hi)):
            # a sentence read as a report is left to it, but one that only mentions a report
            # another source dismisses ("..., un bilan contesté par Israël") still states
            if any(u.start < end and start < u.end for u in inside
                   if not u.anaphoric or u is dismissal):
                continue
            stance = _statement_stance(index, st, start, end)
            if dismissal is not None:
                stance = _speaker_side(dismissal, st.id).stance  # type: ignore[union-attr]
            units.append(Unit(start=start, end=end, origin="statement", piece=piece,
                              sides=[Side(holder, stance, st.id)],
                              alleged=st.act in ALLEGING_ACTS or index.conditional(start, end),
                              denial=st.act in ("DENY", "QUESTION") or dismissal is not None
                              or index.called_false(start, end)))
        if dismissal is not None and any(u.sides[0].statement == st.id for u in units):
            reports.remove(dismissal)
    return units


def _short_denials_refer_back(units: list[Unit]) -> None:
    """"Moscou a nié toute implication": a denial too short to state a proposition denies
    the claim before it, unless its statement already took a side through a report."""
    through_reports = {s.statement for u in units if u.origin == "report" for s in u.sides}
    for u in units:
        if u.origin in ("statement", "denial") and u.denial and u.piece == 0 and \
                (len(u.stems) < MIN_STEMS or not u.predicates) and \
                u.sides[0].statement not in through_reports:
            u.anaphoric = True


def _speaker_side(unit: Unit, statement: str) -> Side | None:
    return next((s for s in unit.sides if s.statement == statement), None)


def _statement_stance(index: TextIndex, st: Statement, start: int, end: int) -> str:
    if st.act == "DENY" or index.negated(start, end) or index.called_false(start, end):
        return "deny"
    return "question" if st.act == "QUESTION" else "assert"


def event_units(index: TextIndex, events: list[Event], units: list[Unit],
                statements: list[Statement]) -> list[Unit]:
    """Give units the structure of the events they hold; claimed or negated events left
    outside any unit become units of their own."""
    speakers = {st.id: st for st in statements if st.speaker is not None}
    new: list[Unit] = []
    for ev in events:
        holding = [u for u in units if u.start <= ev.trigger.start < u.end]
        for u in holding:
            _add_event(u, ev)
        if holding or ev.modality not in OPEN_MODALITIES:
            continue
        unit = _event_unit(index, ev)
        if unit is None:
            continue
        st = speakers.get(ev.attributed_to or "")
        if st is not None:
            stance = "deny" if ev.modality == "negated" else "assert"
            unit.sides.append(Side(speaker_holder(index, st), stance, st.id))
        new.append(unit)
    return new


def _event_unit(index: TextIndex, ev: Event) -> Unit | None:
    """The clause of an event's trigger, as a unit."""
    span = index.span(ev.trigger.start, ev.trigger.end)
    if span is None:
        return None
    head = span.root if span.root.pos_ in ("VERB", "NOUN") else span.root.head
    toks = [t for t in head.subtree if t.sent == head.sent][:MAX_EVENT_TOKENS]
    unit = Unit(start=toks[0].idx, end=toks[-1].idx + len(toks[-1]), origin="event",
                alleged=ev.modality == "claimed")
    _add_event(unit, ev)
    return unit


def _add_event(unit: Unit, ev: Event) -> None:
    unit.event_types.add(ev.type)
    codes = {f"c:{a.country}" for a in (*ev.actors, *ev.recipients) if a.country}
    unit.participants = unit.participants | frozenset(codes)


def worth_listing(group: list[Unit]) -> bool:
    """A group is a claim when contested, alleged, explicitly denied, asserted by several or
    reporting an event.

    A lone opinion, or negative sentences nobody contradicts ("the doctors do not comment"),
    are not listed: a negation is a denial only of something someone asserts.
    """
    if len(group) == 1 and group[0].piece > 0:
        return False  # the rest of a quote whose first sentence is listed on its own
    asserting = {s.holder.key() for u in group for s in u.sides if s.stance == "assert"}
    other = [s for u in group for s in u.sides if s.stance != "assert"]
    if not asserting and not other:
        return False
    explicit = any(u.denial for u in group if any(s.stance != "assert" for s in u.sides))
    # an unresolved "il" may be one of the named holders: it does not make a second one
    known = {s.holder.key() for u in group for s in u.sides
             if s.stance == "assert" and s.holder.resolved}
    # a reported event ("le maire a giflé un manifestant") is a proposition about the
    # world even when only one source states it
    return (bool(asserting) and bool(other)) or explicit or len(known) > 1 or \
        any((u.alleged or u.event_types) for u in group if u.sides)


def contest_rank(group: list[Unit]) -> tuple:
    """Sort key: both sides taken first, then more stances, more holders, earlier."""
    by_stance: dict[str, set[str]] = {}
    for u in group:
        for s in u.sides:
            by_stance.setdefault(s.stance, set()).add(s.holder.key())
    contested = min(len(by_stance.get("assert", ())), len(by_stance.get("deny", ())) +
                    len(by_stance.get("question", ())))
    holders = len(set().union(*by_stance.values())) if by_stance else 0
    return (-contested, -len(by_stance), -holders, min(u.start for u in group))


def build_claim(cid: str, group: list[Unit], text: str) -> Claim:
    """The claim of a group: spans of its units and a representative wording."""
    spans = sorted({(u.start, u.end) for u in group if not u.anaphoric} or
                   {(u.start, u.end) for u in group})
    best = _representative(group)
    return Claim(id=cid, text=" ".join(text[best.start:best.end].split())[:MAX_TEXT],
                 spans=[ClaimSpan(a, b) for a, b in spans])


def _representative(group: list[Unit]) -> Unit:
    """The first reported proposition ("les informations selon lesquelles P"), else the first
    alleged one, else the first wording: news states its main claim early."""
    stated = [u for u in group if not u.anaphoric] or group
    reports = [u for u in stated if u.origin == "report"]
    alleged = [u for u in stated if u.alleged]
    return min(reports or alleged or stated, key=lambda u: u.start)


def _fill_stances(pending: list[tuple[Claim, list[Unit]]]) -> None:
    """Once entity ids exist: one stance per holder and side, in text order."""
    for claim, group in pending:
        seen: set[tuple[str, str]] = set()
        for unit in sorted(group, key=lambda u: u.start):
            for side in unit.sides:
                ref = side.holder.actor_ref()
                # one holder may come as two entities with the same words
                keys = {(side.holder.key(), side.stance),
                        (f"{' '.join(ref.text.casefold().split())}|{ref.country}", side.stance)}
                if ref.entity:
                    keys.add((ref.entity, side.stance))
                if not keys & seen:
                    claim.stances.append(Stance(ref, side.stance, side.statement))
                seen |= keys


def _on_finalise(analysis: Analysis, hook) -> None:
    analysis.scratch.setdefault("finalise", []).append(hook)
