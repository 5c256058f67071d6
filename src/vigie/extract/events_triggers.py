"""Event triggers: the words that name an event, found with one spaCy ``Matcher`` per language.

The trigger lexicon (``resources/<lang>/triggers.toml``) maps verb and noun lemma phrases to a
PLOVER type, mode, contexts and CAMEO code. It is compiled once per language and vocabulary;
:func:`find_triggers` then returns at most one :class:`Hit` per head token.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id

from vigie.extract.events_tree import children
from vigie.nlp.columns import columns
from vigie.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                          "THREATEN"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
NOUN_TAGS = ("NOUN", "PROPN", "X")


@dataclass(frozen=True, slots=True)
class TriggerGroup:
    """One family of triggers sharing a PLOVER coding."""

    type: str
    mode: str | None = None
    cameo: str | None = None
    context: tuple[str, ...] = ()
    genitive: str = "actor"
    object_role: str = "recipient"
    strong: bool = False
    located_actor: str | None = None  # sector of the people of the event's place ("CVL")
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()  # figurative modifiers ("offensive diplomatique")
    needs_sentence: frozenset[str] = frozenset()  # context words of the literal reading
    needs_place: bool = False  # the complement must be a place ("la prise de la ville")
    place_recipient: bool = False  # the place's country is the recipient when none is named
    object_in: frozenset[str] = frozenset()  # the direct object must be one of these nouns
    from_case: bool = False  # a "de" oblique names the addressee ("exiger des explications de X")
    passive_subject: bool = False  # only in the passive, whose subject is the actor ("X est attendu à Y")
    weight: float = 0.6

    @property
    def verbal(self) -> bool:
        return self.type in VERBAL_TYPES


@dataclass(frozen=True, slots=True)
class Phrase:
    group: int
    kind: str  # "verb" | "noun"
    head: str  # the lemma of the head word
    forms: frozenset[str]  # lower-case inflected forms of the head
    after: tuple[str, ...]  # lemmas of the content words after the head, in order
    reflexive: bool  # "se retirer": a reflexive clitic precedes the head
    participles: frozenset[str] = frozenset()  # past participles of a verb head
    specific: bool = False  # its group needs context words

    @property
    def size(self) -> int:
        return 1 + len(self.after) + self.reflexive

    def rank(self, noun_tag: bool) -> tuple[bool, bool, int, int]:
        """Which reading of a head wins: specific (with needs) beats generic, the reading
        that fits the part of speech ("rencontre" noun or verb) beats the other, longer
        beats shorter, earlier beats later."""
        return (self.specific, (self.kind == "noun") == noun_tag, self.size, -self.group)


@dataclass(slots=True)
class Hit:
    """A trigger found in a document: its head token, its matched tokens and its coding."""

    head: Token
    start: int
    end: int
    group: TriggerGroup
    kind: str
    size: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lexicon:
    """The compiled triggers of one language."""

    groups: list[TriggerGroup]
    by_head: dict[str, list[Phrase]]  # head lemma or inflected form -> phrases
    matching: dict[str, Any]
    support_verbs: frozenset[str]
    undergo_verbs: frozenset[str]
    plural_possessives: frozenset[str]
    quantity_nouns: frozenset[str]
    not_participants: frozenset[str]
    arguments: dict[str, frozenset[str]]
    date_bounds: frozenset[str]

    @functools.cached_property
    def heads(self) -> frozenset[str]:
        """Every head word, looked up as a lemma or a lower form."""
        return frozenset(self.by_head)

    def readings(self, lemma: str, lower: str, pos: str) -> list[Phrase]:
        """The phrases a head word may start, best first (see :meth:`Phrase.rank`; a
        stable sort, equal ranks keep their order), without those its part of speech rules
        out; kept per lemma, form and part of speech."""
        key = (lemma, lower, pos)
        found = self._readings.get(key)
        if found is None:
            noun_tag = pos in ("NOUN", "PROPN")
            ranked = sorted(self.by_head.get(lemma, []) + self.by_head.get(lower, []),
                            key=lambda phrase: phrase.rank(noun_tag), reverse=True)
            found = self._readings[key] = [p for p in ranked if _fits(p, lemma, lower, pos)]
        return found

    @functools.cached_property
    def _readings(self) -> dict[tuple[str, str, str], list[Phrase]]:
        return {}

    @functools.cached_property
    def gaps(self) -> tuple[frozenset[int], int, frozenset[int]]:
        """What may come between the words of a phrase: the parts of speech (ids) and how
        many words; the reflexive clitics (string ids)."""
        m = self.matching
        return (frozenset(IDS[p] for p in m.get("gap_pos", [])), int(m.get("max_gap", 3)),
                frozenset(get_string_id(w) for w in m.get("reflexive", [])))


def _fits(phrase: Phrase, lemma: str, lower: str, pos: str) -> bool:
    """Whether a head word with this part of speech can be the phrase's head."""
    if phrase.kind == "noun" and pos not in NOUN_TAGS:
        return False  # "situation critique": an adjective, not an event noun
    # an adjective is a verb only as a participle ("gelé", not "critique")
    return not (phrase.kind == "verb" and pos == "ADJ" and lemma != phrase.head and lower not in phrase.participles)


def _inflect(lemma: str, endings: dict[str, list[str]]) -> frozenset[str]:
    """Regular inflected forms of a verb lemma (its own form included)."""
    forms = {lemma}
    for ending, suffixes in endings.items():
        if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
            stem = lemma[: -len(ending)]
            forms.update(stem + s for s in suffixes)
    return frozenset(forms)


def _noun_forms(lemma: str) -> frozenset[str]:
    return frozenset({lemma, lemma + "s", lemma + "x"})


def _compile_phrase(group: int, kind: str, words: list[str], function_words: set[str],
                    endings: dict[str, list[str]], participles: dict[str, list[str]],
                    specific: bool = False) -> Phrase:
    """A phrase as its head word, its following content words and its reflexive flag."""
    reflexive = bool(words) and words[0] == "se"
    content = [w for w in words[reflexive:] if w not in function_words]
    head, after = content[0], tuple(content[1:])
    forms = _inflect(head, endings) if kind == "verb" else _noun_forms(head)
    parts = _inflect(head, participles) - {head} if kind == "verb" else frozenset()
    return Phrase(group, kind, head, forms, after, reflexive, parts, specific)


def _words(phrase: str) -> list[str]:
    """Split a phrase, separating elided articles and clitics ("s'en" -> "se", "en")."""
    out = []
    for w in phrase.replace("’", "'").split():
        while "'" in w[:-1]:
            first, _, w = w.partition("'")
            out.append("se" if first == "s" else first + "'")
        out.append(w)
    return out


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The compiled trigger lexicon of ``language`` (empty when it has no triggers file)."""
    data = Resources.for_language(language).get("triggers")
    matching = data.get("matching", {})
    function_words = set(matching.get("function_words", []))
    endings = data.get("inflection", {})
    groups: list[TriggerGroup] = []
    by_head: dict[str, list[Phrase]] = {}
    for g in data.get("group", []):
        groups.append(TriggerGroup(
            type=g["type"], mode=g.get("mode"), cameo=g.get("cameo"),
            context=tuple(g.get("context", ())), genitive=g.get("genitive", "actor"),
            object_role=g.get("object", "recipient"), strong=bool(g.get("strong", False)),
            located_actor=g.get("located_actor"),
            needs=frozenset(g.get("needs", ())), unless=frozenset(g.get("unless", ())),
            not_with=frozenset(g.get("not_with", ())),
            needs_sentence=frozenset(g.get("needs_sentence", ())),
            needs_place=bool(g.get("needs_place", False)),
            place_recipient=bool(g.get("place_recipient", False)),
            object_in=frozenset(g.get("object_in", ())),
            passive_subject=bool(g.get("passive_subject", False)),
            from_case=bool(g.get("from_case", False)),
            weight=float(g.get("weight", 0.6))))
        for kind, key in (("verb", "verbs"), ("noun", "nouns")):
            for text in g.get(key, []):
                phrase = _compile_phrase(len(groups) - 1, kind, _words(text), function_words, endings,
                                         data.get("participles", {}), bool(groups[-1].needs))
                for word in phrase.forms | {phrase.head}:
                    by_head.setdefault(word, []).append(phrase)
    support = data.get("support", {})
    args = {k: frozenset(v) for k, v in data.get("arguments", {}).items()}
    return Lexicon(groups, by_head, matching, frozenset(support.get("verbs", [])),
                   frozenset(support.get("undergo", [])), frozenset(support.get("plural_possessives", [])),
                   frozenset(support.get("quantity_nouns", [])),
                   frozenset(support.get("not_participants", [])), args,
                   frozenset(data.get("dates", {}).get("bounds", [])))


class _Words:
    """Per-Doc columns for phrase matching: lower forms, lower-case lemmas and parts of
    speech read by index, without a spaCy ``Token`` per word looked at."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        cols = columns(doc)
        self.doc = doc
        self.lower: list[int] = cols.lower.tolist()
        self.lemma: list[int] = cols.lemma.tolist()
        self.pos: list[int] = cols.pos.tolist()
        self.gap_pos, self.max_gap, self.reflexive = lex.gaps

    def lemma_lower(self, i: int) -> str:
        """``doc[i].lemma_.lower()``."""
        h = self.lemma[i]
        found = _LOWERED.get(h)
        if found is None:
            found = _LOWERED[h] = self.doc.vocab.strings[h].lower()
        return found


_LOWERED: dict[int, str] = {}  # lemma hash -> its lower-case string (string hashes are global)


def _phrase_span(head: Token, phrase: Phrase, words: _Words) -> tuple[int, int] | None:
    """The token span of ``phrase`` around ``head``, or None when its other words are absent."""
    n, max_gap = len(words.lower), words.max_gap
    start, end = head.i, head.i + 1
    if not phrase.reflexive and not phrase.after:
        return start, end  # a single word
    if phrase.reflexive:
        lower = words.lower
        found = next((i for i in range(max(head.i - max_gap - 1, 0), head.i) if lower[i] in words.reflexive), None)
        if found is None and not any(c.dep_.startswith("expl") for c in children(head)):
            return None
        start = found if found is not None else start
    for word in phrase.after:
        i, skipped, word_id = end, 0, get_string_id(word)
        while i < n and words.lower[i] != word_id and words.lemma_lower(i) != word:
            if words.pos[i] not in words.gap_pos or skipped >= max_gap:
                return None
            i, skipped = i + 1, skipped + 1
        if i >= n:
            return None
        end = i + 1
    return start, end


def _around(head: Token, words: _Words) -> set[str]:
    """The lemmas around a head that :func:`_needs_met` looks for."""
    lemma = words.lemma_lower
    lemmas: set[str] = set()
    # dependents two levels down, and siblings (the parser often attaches a manner
    # complement to the head's governor: "attaque avec virulence")
    for child in [*children(head), *children(head.head)]:
        lemmas.add(lemma(child.i))
        grandchildren = children(child)
        lemmas.update(lemma(g.i) for g in grandchildren)
        # the mark of a clause hung on the object ("appelé les rebelles *à* déposer")
        lemmas.update(lemma(m.i) for g in grandchildren if g.dep_.startswith("acl")
                      for m in children(g) if m.dep_ == "mark")
    return lemmas


def _needs_met(start: int, end: int, needs: frozenset[str], around: set[str], words: _Words) -> bool:
    """One of ``needs`` among the phrase's lemmas or the lemmas ``around`` its head."""
    return bool(around & needs) or any(words.lemma_lower(i) in needs for i in range(start, end))


def _figurative(head: Token, group: TriggerGroup) -> bool:
    """A figurative modifier: "une offensive diplomatique", "des attaques frontales"."""
    return bool(group.not_with) and any(c.lemma_.lower() in group.not_with or
                                        c.lower_ in group.not_with for c in children(head))


def _out_of_context(head: Token, group: TriggerGroup, sentence_lemmas: dict[int, frozenset[str]]) -> bool:
    """An often figurative noun in a sentence with no military or violent word
    (``sentence_lemmas`` caches the lemmas per sentence); armed participants can still make
    it literal (see ``ArgumentFinder.find``)."""
    if not group.needs_sentence:
        return False
    sent = head.sent
    lemmas = sentence_lemmas.get(sent.start)
    if lemmas is None:
        lemmas = frozenset(t.lemma_.lower() for t in sent if t.i != head.i)
        sentence_lemmas[sent.start] = lemmas
    return not (lemmas & group.needs_sentence)


def _ruled_out(head: Token, group: TriggerGroup, lex: Lexicon) -> bool:
    """A dependent that excludes this reading ("arrêter de", "arrêter la destruction")."""
    if not group.unless:
        return False
    for c in children(head):
        if c.dep_ in group.unless:
            return True
        if "event-object" in group.unless and c.dep_ == "obj" and \
                any(p.kind == "noun" for p in lex.by_head.get(c.lemma_, ())):
            return True
    return False


def find_triggers(doc: Doc, language: str) -> list[Hit]:
    """Trigger hits in ``doc``: one per head token, the most specific phrase winning."""
    lex = lexicon(language)
    if not lex.by_head:
        return []
    best: dict[int, Hit] = {}
    sentence_lemmas: dict[int, frozenset[str]] = {}
    words = _Words(doc, lex)
    for i in columns(doc).positions(lemma=lex.heads, lower=lex.heads):
        head = doc[i]
        around: set[str] | None = None  # computed for the first reading with needs
        # the best reading whose words and context are there wins
        for phrase in lex.readings(head.lemma_, head.lower_, head.pos_):
            span = _phrase_span(head, phrase, words)
            if span is None:
                continue
            group = lex.groups[phrase.group]
            if group.needs and around is None:
                around = _around(head, words)
            if (group.needs and not _needs_met(span[0], span[1], group.needs, around or set(), words)) \
                    or _ruled_out(head, group, lex) or _figurative(head, group):
                continue
            hit = Hit(head, span[0], span[1], group, phrase.kind, phrase.size)
            if _out_of_context(head, group, sentence_lemmas):
                hit.extra["needs_armed"] = True
            best[head.i] = hit
            break
    hits = list(best.values())
    # a head inside a longer phrase of another hit belongs to that phrase ("gel des avoirs")
    covered = {i for h in hits if h.size > 1 for i in range(h.start, h.end) if i != h.head.i}
    return sorted((h for h in hits if h.head.i not in covered), key=lambda h: h.head.i)
