"""Reports of a proposition: "les informations des services américains selon lesquelles P".

A report noun (``report_nouns`` of ``claims.toml``) names what a source put forward. Around it
the syntax tells three things: the proposition (a "selon lesquelles" or "que" clause, or a
bare "de" complement: "une rumeur de trafic d'armes"), the source who asserts it (a "de"
complement naming an actor, a demonym, or whoever spreads it) and the side of whoever speaks
of it: "a démenti les informations" denies, "les qualifiant de faux" denies, "une rumeur"
dismisses, "a confirmé les informations" asserts. Without a proposition the report is
anaphoric ("ces allégations sont risibles") and is later tied to an earlier claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vigie.extract.claims_units import Holder, Side, TextIndex, Unit
from vigie.kb.store import load_kb
from vigie.nlp.columns import columns

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vigie.schema import Statement

CLAUSE_WINDOW = 20  # tokens between a report noun and its "selon lesquelles"
GOVERNOR_WINDOW = 4  # tokens between a verb and the report noun it governs
GOVERNOR_DEPTH = 3  # nouns between a verb and the report noun it governs
STOP_PUNCT = frozenset({",", ";", ":", "(", ")", "."})
SUBJECTS = ("nsubj", "nsubj:pass")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def report_units(index: TextIndex, statements: list[Statement]) -> list[Unit]:
    """A unit for every report noun that carries a proposition or a side."""
    doc, words = index.doc, index.words
    units = []
    for start in columns(doc).positions(lemma=words.report_nouns, pos=("NOUN",)):
        noun = doc[start]
        if index.analysis.role_at(noun.idx) == "boilerplate":
            continue
        unit = read_report(index, noun, statements)
        if unit is not None:
            units.append(unit)
    return units


def read_report(index: TextIndex, noun: Token, statements: list[Statement]) -> Unit | None:
    """The unit a report noun carries, or None for a mere mention of a report."""
    words = index.words
    clause = proposition(index, noun)
    source = report_source(index, noun, clause[2] if clause else None)
    side = speaker_side(index, noun, statements)
    if clause is None and side is None:
        return None
    if clause is not None:
        start, end, _ = clause
    else:
        start, end = _phrase(noun)
    unit = Unit(start=start, end=end, origin="report", alleged=clause is not None,
                anaphoric=clause is None, source=source)
    if source is not None:
        unit.sides.append(Side(source, "assert", None))
    if side is not None:
        if source is None or side.holder.key() != source.key():
            unit.sides.append(side)
        unit.denial = side.stance != "assert"
    if noun.lemma_.casefold() in words.dismissive_nouns:
        unit.alleged = True
    return unit


def proposition(index: TextIndex, noun: Token) -> tuple[int, int, int] | None:
    """Character offsets of the proposition a report noun introduces, if any, and the
    index of the token that opens it."""
    words, sent = index.words, noun.sent
    limit = min(sent.end, noun.i + CLAUSE_WINDOW)
    for tok in noun.doc[noun.i + 1:limit]:
        nxt = tok.nbor() if tok.i + 1 < sent.end else None
        if (tok.lower_ in words.content_prepositions and nxt is not None
                and nxt.lemma_.casefold() in words.relative_pronouns):
            return (*clause_span(nxt.i + 1, nxt.head, sent.end), tok.i)
        if tok.i <= noun.i + 2 and tok.pos_ == "SCONJ" and \
                tok.lemma_.casefold() in words.complement_conjunctions:
            return (*clause_span(tok.i + 1, tok.head, sent.end), tok.i)
        if tok.is_punct and tok.text in STOP_PUNCT:
            break
    for child in noun.children:
        if child.dep_.startswith("acl") and child.i > noun.i and \
                child.lemma_.casefold() in words.report_relative_verbs and \
                any("Rel" in c.morph.get("PronType") for c in child.children):
            return (*clause_span(child.i + 1, child, sent.end), child.i)  # qui accuse X de P
    if noun.lemma_.casefold() not in words.genitive_report_nouns:
        return None
    for child in noun.children:
        if child.dep_.startswith("nmod") and child.pos_ == "NOUN" and child.i > noun.i \
                and _bare_genitive(index, child):
            return (*clause_span(child.i, noun, sent.end), child.i)
    return None


def _bare_genitive(index: TextIndex, noun: Token) -> bool:
    """A complement "de N" without article: an event ("de trafic"), not an actor ("des services")."""
    cases = [c for c in noun.children if c.dep_ == "case"]
    has_det = any(c.dep_ == "det" for c in noun.children)
    return bool(cases) and not has_det and all(
        c.lemma_.casefold() in index.words.genitive_prepositions
        and "Art" not in c.morph.get("PronType") for c in cases)


def clause_span(first: int, head: Token, sent_end: int) -> tuple[int, int]:
    """From token ``first`` to the end of ``head``'s subtree, cut at the next clause break."""
    doc = head.doc
    last = min(max(head.right_edge.i, first), sent_end - 1)
    for tok in doc[max(first, head.i) + 1:last + 1]:
        if tok.is_punct and tok.text in STOP_PUNCT:
            last = tok.i - 1
            break
    return doc[first].idx, doc[last].idx + len(doc[last])


def _phrase(noun: Token) -> tuple[int, int]:
    """The noun phrase of an anaphoric report, at most a few tokens either side."""
    doc = noun.doc
    lo = max(noun.left_edge.i, noun.i - 4)
    hi = min(noun.right_edge.i, noun.i + 8)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def report_source(index: TextIndex, noun: Token, opening: int | None) -> Holder | None:
    """Who put the report forward: "des services américains", "américains", its spreader.

    ``opening`` is the token opening the proposition: an actor named between the noun and
    it is the source even when the parse attached it elsewhere.
    """
    candidates = []
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ == "amod" and child.i in index.entity_of:
            return index.holder_at(child)
        if child.dep_ == "amod":  # "les accusations américaines"
            code = load_kb().demonym(child.text, index.analysis.language)
            if code:
                return Holder(text=child.text, country=code)
        if child.dep_ == "obl:agent" or (child.dep_.startswith("nmod") and _genitive(index, child)
                                         and not _bare_genitive(index, child)):
            candidates.append(index.holder_at(child))
    # a complement naming a known actor first: "le rapport des services de Washington"
    named = [h for h in candidates if h.entity is not None]
    if not named and opening is not None:
        between = [t for t in noun.doc[noun.i + 1:opening] if t.i in index.entity_of]
        named = [index.holder_at(between[0])] if between else []
    if named or candidates:
        return (named or candidates)[0]
    return spreader(index, noun)


def _genitive(index: TextIndex, noun: Token) -> bool:
    """Whether a complement is introduced by "de" ("des services", "de Washington")."""
    return any(c.dep_ == "case" and c.lemma_.casefold() in index.words.genitive_prepositions
               for c in noun.children)


def spreader(index: TextIndex, noun: Token) -> Holder | None:
    """The subject of "répandre une rumeur"; "accuser X de répandre" makes X the spreader."""
    verb = noun.head
    if noun.dep_ not in ("obj", "nsubj:pass") or verb.lemma_.casefold() not in index.words.spread_verbs:
        return None
    subject = _child(verb, SUBJECTS)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head
    elif subject is None and verb.dep_ in ("advcl", "xcomp", "ccomp"):
        subject = _child(verb.head, ("obj",)) or _child(verb.head, SUBJECTS)
    if subject is None:
        return None
    while subject.dep_ == "conj" and subject.head.i < subject.i and subject.head.pos_ in NOMINAL:
        subject = subject.head
    return index.holder_at(subject)


def speaker_side(index: TextIndex, noun: Token, statements: list[Statement]) -> Side | None:
    """The side taken by whoever speaks of the report (denies, dismisses, confirms)."""
    stance, verb = _stance(index, noun)
    if stance is None:
        return None
    if verb.head.i == noun.i and verb.i != noun.i:  # "un bilan contesté par Israël"
        agent = _subject(verb, index.words.agent_prepositions)
        return Side(index.holder_at(agent), stance, None) if agent is not None else None
    st = statement_of(noun, statements)
    if st is not None and st.speaker is not None:
        return Side(speaker_holder(index, st), stance, st.id)
    if _only_the_word(index, noun, verb):
        return None  # "la rue bruissait de rumeurs": the narration's word, nobody's denial
    subject = _subject(verb, index.words.agent_prepositions)
    if subject is None or subject.i == noun.i or noun in subject.subtree:
        return None  # "ces allégations sont risibles": the report is its own subject
    return Side(index.holder_at(subject), stance, None)


def _only_the_word(index: TextIndex, noun: Token, verb: Token) -> bool:
    """Whether the only sign of disbelief is the report's own word ("rumeur")."""
    words = index.words
    return noun.lemma_.casefold() in words.dismissive_nouns and \
        verb.lemma_.casefold() not in words.deny_verbs and not _called_false(index, noun)


def _governor(noun: Token) -> Token:
    """The verb a report noun depends on: its head, or the verb just before it when the
    parse hung the noun elsewhere ("démentons avec véhémence ces accusations")."""
    head = noun.head
    for _ in range(GOVERNOR_DEPTH):  # "doute de la véracité de ces informations"
        if head.pos_ == "VERB" and head.i != noun.i:
            return head
        if head.pos_ not in ("NOUN", "PROPN") or head.head.i == head.i:
            break
        head = head.head
    for tok in reversed(noun.doc[max(noun.sent.start, noun.i - GOVERNOR_WINDOW):noun.i]):
        if tok.is_punct:
            break
        if tok.pos_ == "VERB":
            return tok
    return noun.head


def _stance(index: TextIndex, noun: Token) -> tuple[str | None, Token]:
    words = index.words
    for child in noun.children:  # "un bilan contesté par Israël"
        if child.dep_.startswith("acl") and child.i > noun.i and \
                (child.lemma_.casefold() in words.deny_verbs or child.lower_ in words.deny_forms):
            return "deny", child
    verb = _governor(noun)
    lemma = verb.lemma_.casefold()
    if any(c.lemma_.casefold() in words.negations for c in verb.children):
        return None, verb  # "n'a ni confirmé ni démenti", "n'a pas démenti": no side
    if verb.i != noun.i and verb.pos_ == "VERB":
        if lemma in words.deny_verbs or verb.lower_ in words.deny_forms:
            return "deny", verb
        if lemma in words.doubt_verbs or any(c.lemma_.casefold() in words.doubt_nouns
                                             for c in verb.children):
            return "question", verb
    if _called_false(index, noun) or noun.lemma_.casefold() in words.dismissive_nouns:
        return "deny", verb
    if verb.pos_ == "VERB" and lemma in words.confirm_verbs:
        return "assert", verb
    return None, verb


def _called_false(index: TextIndex, noun: Token) -> bool:
    """A falsity word near the noun: "faux" of "les qualifiant de faux", "sont risibles"."""
    words, cols, sent = index.words, index.tokens, noun.sent
    near = {noun.i, noun.head.i}
    for i in range(sent.start, sent.end):
        lemma = cols.folded(i)
        if lemma in words.falsity_adjectives or (lemma in words.falsity_nouns and i != noun.i):
            chain, cur = {i}, noun.doc[i]
            for _ in range(3):
                cur = cur.head
                chain.add(cur.i)
            if chain & near:
                return True
    return False


def statement_of(noun: Token, statements: list[Statement]) -> Statement | None:
    """The statement whose content holds the noun, else one whose cue is in its sentence."""
    pos, sent = noun.idx, noun.sent
    for st in statements:
        if st.content.start <= pos < st.content.end:
            return st
    for st in statements:
        if st.cue is not None and sent.start_char <= st.cue.start < sent.end_char:
            return st
    return None


def speaker_holder(index: TextIndex, st: Statement) -> Holder:
    """The holder of a statement's speaker: its entity when the text names one."""
    sp = st.speaker
    assert sp is not None
    span = index.span(sp.start, sp.end)
    entity = None
    if span is not None:
        entity = next((index.entity_of[t.i] for t in span if t.i in index.entity_of), None)
    if entity is None:
        entity = index.analysis.entities.at(sp.start, sp.end)
    return Holder(text=sp.text.strip(), entity=entity, country=sp.country, sector=sp.sector,
                  speaker=sp)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _subject(verb: Token, agents: frozenset[str]) -> Token | None:
    """The subject of a verb, climbing through participles ("en les qualifiant"); the agent
    of a passive participle ("contesté par Israël")."""
    agent = next((c for c in verb.children if c.dep_ == "obl:agent" or (
        c.dep_.startswith("obl") and any(k.dep_ == "case" and k.lemma_.casefold() in agents
                                         for k in c.children))), None)
    if agent is not None:
        return agent
    cur = verb
    for _ in range(3):
        subject = _child(cur, SUBJECTS)
        if subject is not None:
            return subject
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
