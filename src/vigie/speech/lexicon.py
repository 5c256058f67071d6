"""The language knowledge of reported speech, read once per language from ``cues.toml``.

Everything word-specific the statement extractor needs (cue verbs and their acts,
prepositional cues, pronouns, source nouns, negation, evaluation words) comes from here,
so the algorithm itself stays language-independent.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vigie.nlp.morph import feature
from vigie.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One cue of the resource: a verb lemma with its reflexive clitic and fixed words."""

    phrase: str
    lemma: str
    act: str
    reflexive: bool = False
    tail: tuple[str, ...] = ()
    np: bool | str = "quoted"
    needs: str | None = None
    passive: bool = True
    not_objects: frozenset[str] = frozenset()
    addressee: bool = True


@dataclass(frozen=True, slots=True)
class Preposition:
    """A prepositional cue ("selon X"): its words, act and how strict its source must be."""

    words: tuple[str, ...]
    act: str
    strict: bool = False
    initial: bool = False


@dataclass(frozen=True, slots=True)
class ContentActs:
    """What reported words do by themselves: threat and obligation phrases, deontic modals,
    blame nouns and adjectives (``[content_acts]`` of the resource)."""

    warn: re.Pattern[str] | None = None
    demand: re.Pattern[str] | None = None
    deontic: frozenset[str] = frozenset()
    impersonal_deontic: frozenset[str] = frozenset()
    scheduled: frozenset[str] = frozenset()
    circumstantial: frozenset[str] = frozenset()
    accuse_nouns: frozenset[str] = frozenset()
    accuse_adjectives: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()


def phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """One regex for word patterns: "*" is any word, "mot*" any word starting with "mot"."""
    alternatives = []
    for phrase in phrases:
        parts = []
        for word in phrase.lower().replace("’", "'").split():
            if word == "*":
                parts.append(r"\S+")
            elif word.endswith("*"):
                parts.append(re.escape(word[:-1]) + r"\S*")
            else:
                parts.append(re.escape(word))
        alternatives.append(r"\s+".join(parts))
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _content_acts(spec: dict[str, Any]) -> ContentActs:
    return ContentActs(
        warn=phrase_pattern(spec.get("warn_phrases", [])),
        demand=phrase_pattern(spec.get("demand_phrases", [])),
        deontic=_words(spec.get("deontic_verbs")),
        impersonal_deontic=_words(spec.get("impersonal_deontic")),
        scheduled=_words(spec.get("scheduled")),
        circumstantial=_words(spec.get("circumstantial")),
        accuse_nouns=_words(spec.get("accuse_nouns")),
        accuse_adjectives=_words(spec.get("accuse_adjectives")),
        copulas=_words(spec.get("copulas")),
        kind_nouns=_words(spec.get("kind_nouns")),
        hedges=_words(spec.get("hedges")))


@dataclass(eq=False)
class Lexicon:
    """The parsed ``cues`` resource of one language."""

    verbs: dict[str, list[CueEntry]] = field(default_factory=dict)
    lemma_aliases: dict[str, str] = field(default_factory=dict)
    negation_words: frozenset[str] = frozenset()
    negation_particles: frozenset[str] = frozenset()
    restrictive: frozenset[str] = frozenset()  # "ne ... que": only, not a negation
    restrictive_with: frozenset[str] = frozenset()  # negation words compatible with it ("plus")
    negated_acts: dict[str, str] = field(default_factory=dict)
    prepositions: list[Preposition] = field(default_factory=list)
    preposition_starts: frozenset[str] = frozenset()  # first words, and "d'après" written as one token
    # first word (or "d'après" written as one token) -> the prepositions it may open
    preposition_index: dict[str, list[Preposition]] = field(default_factory=dict)
    relatives: frozenset[tuple[str, ...]] = frozenset()
    not_sources: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    pronouns: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)

    def name_gender(self, text: str) -> str | None:
        """The gender a title gives a name ("Mme Dupont", "Ms. Haley")."""
        first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
        return self.honorifics.get(first)
    impersonal: frozenset[str] = frozenset()
    dative: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    parentheticals: frozenset[str] = frozenset()
    que: frozenset[str] = frozenset()
    infinitive_marks: frozenset[str] = frozenset()
    agent_marks: frozenset[str] = frozenset()
    genitive_marks: frozenset[str] = frozenset()
    dative_marks: frozenset[str] = frozenset()
    gerund_marks: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    passive_auxiliary: str = ""
    clitics: frozenset[str] = frozenset()
    inclusive: frozenset[str] = frozenset()
    reflexive: frozenset[str] = frozenset()
    contractions: dict[str, frozenset[str]] = field(default_factory=dict)

    def forms_of(self, word: str) -> frozenset[str]:
        """A preposition with its contracted and elided forms ("à" -> à, au, aux)."""
        return frozenset({word, *self.contractions.get(word, ())})
    subordinators: frozenset[str] = frozenset()
    subject_control: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    speaker_stop: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    false_words: frozenset[str] = frozenset()
    qualifying_cues: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()

    content_acts: ContentActs = field(default_factory=lambda: ContentActs())
    noun_acts: dict[str, str] = field(default_factory=dict)

    inflection: tuple[tuple[str, str], ...] = ()
    participle_endings: tuple[str, ...] = ()
    gerund_endings: tuple[str, ...] = ()
    naming_forms: frozenset[str] = frozenset()

    def present_participle(self, tok: Token) -> bool:
        """"condamnant", "niant": by morphology, or by ending when the tagger erred."""
        forms = feature(tok, "VerbForm")
        if "Part" in forms and "Pres" in feature(tok, "Tense"):
            return True
        return "Fin" not in forms and bool(self.gerund_endings) and \
            tok.text.lower().endswith(self.gerund_endings)

    def cue_lemma(self, lemma: str, form: str = "") -> str | None:
        """The cue verb a token is, from its lemma, or from its form when the model left it
        unlemmatised; None when it is no cue."""
        lemma = lemma.lower()
        lemma = self.lemma_aliases.get(lemma, lemma)
        if lemma in self.verbs:
            return lemma
        return self._from_form(form.lower().replace("’", "'")) if form else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Lexicon per language, kept for the process
    def _from_form(self, form: str) -> str | None:
        for suffix, ending in self.inflection:
            if form.endswith(suffix):
                candidate = form[: len(form) - len(suffix)] + ending
                if candidate in self.verbs:
                    return candidate
        return None

    def cue_entries(self, lemma: str, form: str = "") -> list[CueEntry]:
        """Cue entries of the verb ``lemma`` (or of ``form`` when the lemma is wrong)."""
        found = self.cue_lemma(lemma, form)
        return self.verbs[found] if found else []

    def is_cue_lemma(self, lemma: str, form: str = "") -> bool:
        return self.cue_lemma(lemma, form) is not None

    def __hash__(self) -> int:
        return id(self)


def _entry(phrase: str, value: Any, reflexive_words: tuple[str, ...],
           phrase_clitics: frozenset[str] = frozenset()) -> CueEntry:
    spec = value if isinstance(value, dict) else {"act": value}
    words = phrase.replace("’", "'").split()
    reflexive = False
    if words[0] in reflexive_words:
        reflexive, words = True, words[1:]
    elif "'" in words[0] and words[0].split("'")[0] + "'" in {w + "'" for w in reflexive_words} | {"s'"}:
        reflexive, words = True, [words[0].split("'", 1)[1], *words[1:]]
    if reflexive and len(words) > 1 and words[0] in phrase_clitics:  # "s'en prendre"
        words = words[1:]
    lemma, tail = words[0], tuple(words[1:])
    act = spec["act"]
    return CueEntry(phrase=phrase, lemma=lemma, act=act, reflexive=reflexive, tail=tail,
                    np=spec.get("np", "quoted" if act == "ASSERT" else True),
                    needs=spec.get("needs"), passive=spec.get("passive", True),
                    not_objects=frozenset(spec.get("not_objects", ())),
                    addressee=spec.get("addressee", True))


def _split(words: str) -> tuple[str, ...]:
    """Words as the tokenizer cuts them: "d'après lequel" -> ("d'", "après", "lequel")."""
    return tuple(w for w in re.split(r"(?<=')|\s+", words.replace("’", "'")) if w)


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower().replace("’", "'") for v in values or ())


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The :class:`Lexicon` of ``language`` (empty when it has no ``cues.toml``)."""
    data = Resources.for_language(language).get("cues")
    lex = Lexicon()
    grammar = data.get("grammar", {})
    lex.que = _words(grammar.get("complementisers"))
    lex.infinitive_marks = _words(grammar.get("infinitive_marks"))
    lex.agent_marks = _words(grammar.get("agent_marks"))
    lex.genitive_marks = _words(grammar.get("genitive_marks"))
    lex.dative_marks = _words(grammar.get("dative_marks"))
    lex.gerund_marks = _words(grammar.get("gerund_marks"))
    lex.auxiliaries = _words(grammar.get("auxiliaries"))
    lex.passive_auxiliary = grammar.get("passive_auxiliary", "")
    lex.clitics = _words(grammar.get("clitics"))
    lex.inclusive = _words(grammar.get("inclusive"))
    lex.reflexive = _words(grammar.get("reflexive"))
    lex.contractions = {k: _words(v) for k, v in grammar.get("contractions", {}).items()}
    reflexive_words = tuple(w for w in lex.reflexive if not w.endswith("'"))
    for phrase, value in data.get("verbs", {}).items():
        entry = _entry(phrase, value, reflexive_words, _words(grammar.get("phrase_clitics")))
        lex.verbs.setdefault(entry.lemma, []).append(entry)
    for entries in lex.verbs.values():  # longest phrases first: "mettre en garde" before "mettre"
        entries.sort(key=lambda e: (-len(e.tail), not e.reflexive))
    lex.lemma_aliases = {k.lower(): v for k, v in data.get("lemma_aliases", {}).items()}
    neg = data.get("negation", {})
    lex.negation_words = _words(neg.get("words"))
    lex.negation_particles = _words(neg.get("particles"))
    lex.restrictive = _words(neg.get("restrictive"))
    lex.restrictive_with = _words(neg.get("restrictive_with"))
    lex.negated_acts = dict(neg.get("acts", {}))
    for words, spec in data.get("prepositions", {}).items():
        lex.prepositions.append(Preposition(_split(words), spec["act"],
                                            spec.get("strict", False), spec.get("initial", False)))
    for prep in lex.prepositions:
        lex.preposition_index.setdefault(prep.words[0], []).append(prep)
        if prep.words[0].endswith("'") and len(prep.words) > 1:
            lex.preposition_index.setdefault("".join(prep.words[:2]), []).append(prep)
    lex.preposition_starts = frozenset(lex.preposition_index)
    lex.relatives = frozenset(_split(w) for w in data.get("relatives", {}).get("words", []))
    lex.not_sources = _words(data.get("not_sources", {}).get("nouns"))
    lex.source_nouns = _words(data.get("sources", {}).get("nouns"))
    lex.honorifics = {k.lower(): v for k, v in data.get("honorifics", {}).items()}
    pron = data.get("pronouns", {})
    for word, spec in pron.items():
        if isinstance(spec, dict):
            lex.pronouns[word.replace("’", "'")] = (spec.get("gender"), spec.get("number"))
    lex.impersonal = _words(pron.get("impersonal"))
    lex.dative = _words(pron.get("dative"))
    lex.relative_pronouns = _words(pron.get("relative"))
    lex.first_person = _words(pron.get("first_person"))
    lex.complementisers = _words(data.get("complementisers", {}).get("words"))
    lex.parentheticals = _words(data.get("complementisers", {}).get("parenthetical"))
    lex.subordinators = _words(data.get("complementisers", {}).get("before_que"))
    heads = data.get("infinitive_heads", {})
    lex.subject_control = _words(heads.get("subject"))
    lex.object_control = _words(heads.get("object"))
    lex.speaker_stop = _words(data.get("speaker_stop", {}).get("words"))
    ev = data.get("evaluation", {})
    lex.claim_nouns = _words(ev.get("claim_nouns"))
    lex.false_words = _words(ev.get("false_adjectives"))
    lex.qualifying_cues = _words(ev.get("qualifying_cues"))
    lex.content_acts = _content_acts(data.get("content_acts", {}))
    lex.noun_acts = {k.lower(): v for k, v in data.get("noun_acts", {}).items()}
    lex.future_auxiliaries = _words(data.get("future", {}).get("auxiliaries"))
    lex.naming_forms = _words(data.get("inflection", {}).get("naming_forms"))
    lex.gerund_endings = tuple(data.get("inflection", {}).get("present_participle_endings", []))
    lex.participle_endings = tuple(data.get("inflection", {}).get("participle_endings", []))
    lex.inflection = tuple((a, b) for a, b in data.get("inflection", {}).get("suffixes", []))
    return lex
