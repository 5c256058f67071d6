"""Speakers: the noun phrase that says something, and the entity it refers to.

Finds the subject of a cue (preverbal, inverted, clitic ``-t-il``, passive agent, the
subject of the verb a participle or infinitive depends on, the antecedent of ``qui``), cuts
it to a clean mention, and resolves it: pronouns to the last compatible speaker or subject
(gender and number), definite descriptions ("le responsable") to the earlier mention whose
words they repeat, everything else through ``analysis.entities.resolve``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from vigie.nlp.columns import columns
from vigie.nlp.morph import feature
from vigie.speech.cues import linear_aux, low

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vigie.analysis import Analysis
    from vigie.schema import Entity
    from vigie.speech.lexicon import Lexicon
    from vigie.speech.quotes import QuoteIndex

NP_KEEP = {"det", "amod", "nmod", "appos", "flat", "flat:name", "flat:foreign", "fixed",
           "compound", "case", "nummod", "conj", "cc", "punct", "advmod", "dep"}
CLAUSAL = {"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp"}
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
CONTENT_WORD_POS = {"NOUN", "PROPN", "ADJ"}
SALIENT_REACH = 800  # characters back in which a speaker or subject beats any other mention


@dataclass(slots=True)
class Mention:
    """A speaker as found: its words in the sentence and the entity they refer to."""

    span: Span
    entity: Entity | None
    pronoun: bool = False


@dataclass(slots=True)
class Candidate:
    """An earlier noun phrase a pronoun or description may refer back to."""

    start: int
    entity: Entity | None
    text: str
    words: frozenset[str]
    heads: frozenset[str]
    gender: str | None
    number: str | None
    speaker: bool
    salient: bool = True  # a speaker or a subject, preferred over other mentions
    main: bool = False  # the subject of a sentence's main verb, or a speaker
    sentence: int = -1  # start of its sentence


def _morph(token: Token, key: str) -> str | None:
    values = feature(token, key)
    return values[0] if values else None


def noun_phrase(head: Token, lex: Lexicon, *, inverted: bool = False) -> Span:
    """The mention a speaker head stands for: determiners, adjectives, complements and
    apposed names, without relative or participial clauses; an inverted subject also stops
    at the adverbial phrases that follow it ("un responsable *dans les médias*")."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if low(child.left_edge) in lex.inclusive and child.i > head.i and \
                    not any(t.pos_ in ("VERB", "AUX") for t in child.subtree):
                keep.update(t.i for t in child.subtree)  # "les ONG, dont X": X is named too
                continue
            if not _np_child(child):
                continue
            if tok.i == head.i and inverted and child.dep_ == "nmod" and child.i > head.i:
                case = next((c for c in child.children if c.dep_ == "case"), None)
                if case is not None and low(case) in lex.speaker_stop:
                    continue
            if child.dep_ == "acl":  # a glued participle comes with its complements
                keep.update(t.i for t in child.subtree)
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    # a left dependent cut off by a comma is no part of the mention ("Sur Twitter, X a dit")
    lo = hi = head.i
    while lo - 1 in keep and doc[lo - 1].text != ",":
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    lo, hi = _split_subject(head, lo, hi, lex)
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "case", "fixed", "mark")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ in ("cc", "case")
                       or doc[hi].pos_ in ("ADP", "ADV", "CCONJ", "SCONJ")):
        hi -= 1
    span = doc[lo: hi + 1]
    if span.text.count("(") > span.text.count(")") and hi + 1 < len(doc) and doc[hi + 1].text == ")":
        span = doc[lo: hi + 2]
    return span


def _main_verb(verb: Token) -> bool:
    """The root of its sentence, or a verb coordinated with it."""
    return verb.head.i == verb.i or (verb.dep_ == "conj" and verb.head.head.i == verb.head.i)


def _split_subject(head: Token, lo: int, hi: int, lex: Lexicon) -> tuple[int, int]:
    """A preverbal subject the parser cut in pieces at its commas: "Les deux responsables, |
    le ministre X, et le ministre Y, ont dit" (the first piece hung as a bare noun), "Les
    ONG, | dont Z, ont dit" (Z made a second subject). The mention spans all the pieces;
    a bare noun before is a piece only when it names speakers ("Mardi, le ministre" is not)."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubj:pass") or verb.i <= head.i:
        return lo, hi
    doc = head.doc
    for sib in verb.children:
        if sib.i < lo and sib.dep_ in ("nsubj", "obl:mod", "dislocated") and sib.pos_ == "NOUN" \
                and sib.lemma_.lower() in lex.source_nouns and not any(c.dep_ == "case" for c in sib.children) \
                and sib.right_edge.i + 1 < lo and doc[sib.right_edge.i + 1].text == "," \
                and all(t.is_punct for t in doc[sib.right_edge.i + 1: lo]):
            lo = sib.left_edge.i  # "Les deux responsables, | le ministre X"
        elif hi < sib.i < verb.i and sib.dep_ in ("nsubj", "nsubj:pass") and \
                all(t.is_punct or t.i >= sib.left_edge.i for t in doc[hi + 1: sib.i]):
            hi = sib.right_edge.i  # "Les ONG, | dont Z"
    return lo, hi


def _runs_into_verb(wider: Span, span: Span) -> bool:
    """An entity mention that runs past the noun phrase into the verb group ("Le ministre
    *a de son côté*"): the tagger's name, not the speaker's."""
    return any(t.pos_ in ("AUX", "VERB") for t in wider if t.i >= span.end)


def _np_child(child: Token) -> bool:
    """Whether a dependent belongs to the mention: not a clause, except a participle glued
    to its noun ("ce courrier signé par le maire", not ", rédigé en une nuit")."""
    if child.dep_ == "acl" and "Part" in feature(child, "VerbForm") and "Past" in feature(child, "Tense"):
        return child.i > 0 and child.doc[child.i - 1].text != "," and \
            not any(c.dep_.startswith("aux") or c.dep_ == "mark" for c in child.children)
    return child.dep_ in NP_KEEP and child.dep_ not in CLAUSAL and child.pos_ not in ("VERB", "AUX")


def content_words(span: Span) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in span if t.pos_ in CONTENT_WORD_POS)


def np_gender_number(span: Span, head: Token) -> tuple[str | None, str | None]:
    """Gender and number of a noun phrase; the determiner's gender first, as nouns of roles
    have one form for both ("*la* ministre")."""
    number = _morph(head, "Number")
    if any(t.dep_ == "conj" and t.head.i == head.i for t in span):
        number = "Plur"
    det = next((c for c in head.children if c.dep_ == "det" and _morph(c, "Gender")), None)
    return _morph(det, "Gender") if det is not None else _morph(head, "Gender"), number


class Speakers:
    """Resolves speaker heads of one document, remembering earlier referents."""

    def __init__(self, analysis: Analysis, lex: Lexicon, quotes: QuoteIndex) -> None:
        self.analysis = analysis
        self.lex = lex
        self.quotes = quotes
        self.candidates: list[Candidate] = []

    # --- which token is the speaker -------------------------------------------------
    def subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``: a nominal or pronominal nsubj, clitic ``-t-il``, or the
        antecedent of a relative ``qui``; None when it has none of its own."""
        aux = linear_aux(verb, self.lex.auxiliaries)
        holders = [verb] if aux is None or aux.head.i == verb.i else [verb, aux]
        for child in (c for h in holders for c in h.children):
            if child.dep_ not in SUBJECT_DEPS:
                continue
            if child.i < verb.i and any(t.text == ":" for t in verb.doc[child.i: verb.i]):
                return self._after_colon(verb)  # "Dernier épisode: le maire a annoncé"
            word = low(child)
            if word in self.lex.dative or word == "-t":
                continue
            if self.quotes.around(child.idx) and not self.quotes.around(verb.idx):
                continue
            if word in self.lex.relative_pronouns and verb.dep_ == "acl:relcl":
                return verb.head
            if any(c.dep_ == "case" for c in child.children):  # "Sur Twitter, X a dit"
                appos = next((c for c in child.children if c.dep_ == "appos"), None)
                if appos is not None:
                    return appos
            return self._past_absolute(verb, aux, child) or child
        for tok in verb.doc[verb.i + 1: min(verb.i + 3, verb.sent.end)]:
            if low(tok) in self.lex.pronouns and low(tok).startswith("-"):
                return tok
        # "a-t-il dit": the clitic sits between the auxiliary and the verb
        for tok in verb.doc[max(verb.i - 3, verb.sent.start): verb.i]:
            if low(tok).startswith("-") and (low(tok) in self.lex.pronouns or low(tok) in self.lex.impersonal):
                return tok
        # the parser hung the subject on a verb dependent before ("X, dit « Y », assurent")
        for child in verb.children:
            if child.i < verb.i and child.pos_ == "VERB" and child.dep_ in ("advcl", "acl", "dep"):
                subj = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
                if subj is not None and not self.quotes.around(subj.idx):
                    return subj
        antecedent = self._after_relative(verb, aux)
        if antecedent is not None:
            return antecedent
        after_comma = self._after_clause(verb, aux)
        if after_comma is not None:
            return after_comma
        if aux is not None and aux.head.i != verb.i:
            return self._before_aux(aux)
        return None

    @staticmethod
    def _after_relative(verb: Token, aux: Token | None) -> Token | None:
        """"X, qui a présidé ..., a affirmé": the parser hung the cue on the relative clause
        before it; after the comma closing that clause the cue's subject is its antecedent."""
        first = aux.i if aux is not None and aux.i < verb.i else verb.i
        rel = verb.head
        if first == verb.sent.start or verb.doc[first - 1].text != "," or rel.i >= verb.i:
            return None
        if verb.dep_ in ("advcl", "conj", "parataxis") and rel.dep_ == "acl:relcl" and \
                rel.head.pos_ in ("NOUN", "PROPN"):
            return rel.head
        return None

    def _past_absolute(self, verb: Token, aux: Token | None, subj: Token) -> Token | None:
        """"Le Chili n'ayant pas signé le traité, l'ONG a demandé": the parser took the
        participle's object for the cue's subject; the subject is what follows the comma
        closing that clause, right before the verb group."""
        clause_before = any(c.dep_ == "advcl" and c.i < subj.i for c in verb.children) or \
            (verb.dep_ in ("advcl", "conj", "parataxis") and verb.head.i < subj.i)
        if subj.i > verb.i or not clause_before:
            return None
        first = aux.i if aux is not None and aux.i < verb.i else verb.i
        comma = next((t.i for t in reversed(verb.doc[subj.i: first]) if t.text == ","), None)
        return self._np_after(comma, first) if comma is not None else None

    def _np_after(self, comma: int, first: int) -> Token | None:
        """The noun phrase between a comma and the verb group starting at ``first``."""
        window = self.analysis.doc[comma + 1: first]
        if any(t.pos_ in ("VERB", "AUX") for t in window):
            return None
        tok = next((t for t in window if t.pos_ in ("NOUN", "PROPN")), None)
        if tok is None or self.quotes.around(tok.idx):
            return None
        while comma < tok.head.i < first and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
            tok = tok.head
        return tok

    def _after_clause(self, verb: Token, aux: Token | None) -> Token | None:
        """"Le Chili n'ayant pas signé le traité, l'ONG a demandé ...": the parser hung the
        cue on the participial clause before it; its subject is the noun phrase between the
        comma closing that clause and the verb group, never the clause's own words."""
        first = aux.i if aux is not None and aux.i < verb.i else verb.i
        head = verb.head
        if verb.dep_ not in ("advcl", "conj", "parataxis") or head.i >= verb.i:
            return None
        doc = verb.doc
        comma = next((t.i for t in reversed(doc[head.i: first]) if t.text == ","), None)
        return self._np_after(comma, first) if comma is not None else None

    def _before_aux(self, aux: Token) -> Token | None:
        """The noun right before an auxiliary the parser cut from its participle ("Le préfet
        X a de son côté souligné", parsed without a subject), climbed to its head noun."""
        if aux.i == aux.sent.start:
            return None
        tok = aux.doc[aux.i - 1]
        if tok.pos_ not in ("NOUN", "PROPN") or self.quotes.around(tok.idx):
            return None
        while tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN") and \
                tok.dep_ in ("flat:name", "flat", "appos") and tok.head.i != tok.i:
            tok = tok.head
        return tok

    @staticmethod
    def _after_colon(verb: Token) -> Token | None:
        doc = verb.doc
        colon = max(t.i for t in doc[verb.sent.start: verb.i] if t.text == ":")
        for tok in doc[colon + 1: verb.i]:
            if tok.pos_ in ("NOUN", "PROPN"):
                while colon < tok.head.i < verb.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
                    tok = tok.head
                return tok
        return None

    def inverted(self, verb: Token, after: int) -> Token | None:
        """The subject placed after a verb in an incise ("a dit lundi une porte-parole")."""
        for child in verb.children:
            if child.i <= after or self.quotes.around(child.idx):
                continue
            if child.dep_ in ("nsubj", "obj", "nsubj:pass", "obl:arg", "appos", "conj") and \
                    child.pos_ in ("NOUN", "PROPN", "PRON", "X"):
                if low(child) in self.lex.dative or any(c.dep_ == "case" for c in child.children):
                    continue  # "a écrit *sur son blog* le syndicat"
                return child
        return self._first_bare_noun(verb, after)

    def _first_bare_noun(self, verb: Token, after: int) -> Token | None:
        """The first noun after the verb outside prepositional phrases, when the parser hung
        the inverted subject elsewhere ("a écrit sur son blog *le syndicat*")."""
        in_pp = False
        for tok in verb.doc[after + 1: verb.sent.end]:
            if tok.is_punct and tok.text not in ("(", ")"):
                return None
            if tok.pos_ == "ADP":
                in_pp = True
            elif tok.pos_ in ("NOUN", "PROPN"):
                if not in_pp and not self.quotes.around(tok.idx):
                    while tok.head.i > after and tok.head.pos_ in ("NOUN", "PROPN") and \
                            tok.dep_ in ("flat:name", "flat"):
                        tok = tok.head
                    return tok
                in_pp = False
            elif tok.pos_ in ("VERB", "SCONJ"):
                return None
        return None

    def agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "obl:agent" or (child.dep_.startswith("obl") and any(
                    low(c) in self.lex.agent_marks for c in child.children if c.dep_ == "case")):
                return child
        return None

    def controller(self, verb: Token) -> Token | None:
        """Who says what an infinitive or participle cue says: the subject (or, after
        "convaincre", the object) of the verb it depends on."""
        head = verb.head
        seen = 0
        while head.i != verb.i and seen < 4:
            seen += 1
            if head.pos_ not in ("VERB", "AUX"):
                return None
            lemma = head.lemma_.lower()
            if "Inf" in feature(verb, "VerbForm") and lemma in self.lex.object_control:
                return next((c for c in head.children if c.dep_ in ("obj", "iobj")), None)
            subj = self.subject(head)
            if subj is not None:
                return subj
            after = self.inverted(head, head.i) if "Fin" in feature(head, "VerbForm") or \
                any(c.dep_.startswith("aux") for c in head.children) else None
            if after is not None and head.i > 0 and head.doc[head.i - 1].text in (",", "»", "”", '"'):
                return after  # an incise verb's inverted subject; a gerund has none
            if head.dep_ not in ("conj", "advcl", "xcomp", "ccomp", "parataxis") or head.head.i == head.i:
                return None
            verb, head = head, head.head
        return None

    # --- what the speaker refers to -------------------------------------------------
    def mention(self, head: Token, *, inverted: bool = False) -> Mention | None:
        """The speaker mention headed by ``head``, resolved to an entity."""
        word = low(head)
        if self.quotes.around(head.idx):  # words inside a quote are the quoted speaker's
            return None
        determined = any(c.dep_ in ("det", "nmod") for c in head.children) or \
            self.entity_over(head.idx, head.idx + len(head.text)) is not None
        if word in self.lex.impersonal or (head.pos_ == "PRON" and word not in self.lex.pronouns
                                           and not determined):
            return None
        if word in self.lex.pronouns:
            span = head.doc[head.i: head.i + 1]
            gender, number = self.lex.pronouns[word]
            return Mention(span, self.antecedent(head.idx, gender, number), pronoun=True)
        span = self._with_names(noun_phrase(head, self.lex, inverted=inverted))
        named, n_start, n_end = self._over(span.start_char, span.end_char)
        if named is not None and n_start <= span.start_char and span.end_char <= n_end:
            wider = span.doc.char_span(n_start, n_end, alignment_mode="expand")
            if wider is not None and _runs_into_verb(wider, span):
                wider = None
            return Mention(wider if wider is not None else span, named)
        entity = self.described(span, head) or self.analysis.entities.resolve(span)
        return Mention(span, entity)

    def _with_names(self, span: Span) -> Span:
        """The mention stretched over a name it cuts ("Ana Lucía | de Souza")."""
        start, end = span.start_char, span.end_char
        for entity in self.analysis.entities.entities:
            for m in entity.mentions:
                if m.start < end and start < m.end and (m.start < start or m.end > end) \
                        and m.end - m.start < 80 and m.text[:1].isupper():
                    start, end = min(start, m.start), max(end, m.end)
        if (start, end) == (span.start_char, span.end_char):
            return span
        wider = span.doc.char_span(start, end, alignment_mode="expand")
        if wider is None or len(wider) >= 40 or _runs_into_verb(wider, span):
            return span
        return wider

    def entity_over(self, start: int, end: int) -> Entity | None:
        """An entity with a mention overlapping ``[start, end)``, or whose name is written
        there again (the model does not tag every occurrence of a name)."""
        return self._over(start, end)[0]

    def _over(self, start: int, end: int) -> tuple[Entity | None, int, int]:
        text = self.analysis.text
        for entity in self.analysis.entities.entities:
            for m in entity.mentions:
                if m.start < end and start < m.end:
                    return entity, m.start, m.end
        for entity in self.analysis.entities.entities:
            if entity.type not in ("PERSON", "ORGANIZATION"):
                continue
            for m in entity.mentions:
                if m.text[:1].isupper() and text[start:start + len(m.text)].lower() == m.text.lower():
                    return entity, start, start + len(m.text)
        return None, start, end

    def described(self, span: Span, head: Token) -> Entity | None:
        """For a definite description without a name ("le responsable"), the entity of the
        latest earlier mention that contains all its words."""
        lemma = head.lemma_.lower()
        if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "PROPN" and lemma not in self.lex.source_nouns) \
                or any(t.pos_ == "PROPN" for t in span if t.i != head.i):
            return None
        first = span[0]
        if "Def" not in feature(first, "Definite") and "Yes" not in feature(first, "Poss") \
                and "Dem" not in feature(first, "PronType"):
            return None
        words = content_words(span)
        for cand in reversed(self.candidates):
            if cand.start < span.start_char and cand.entity is not None and words <= cand.words \
                    and cand.words != words and lemma in cand.heads:
                return cand.entity
        return None

    def antecedent(self, offset: int, gender: str | None, number: str | None,
                   exclude: frozenset[int] = frozenset()) -> Entity | None:
        """The latest earlier speaker or subject compatible in gender and number, in the
        last few sentences; else the latest compatible mention. A singular pronoun prefers
        the latest person within reach over a thing that is no main-clause subject or was
        named before the person: "il" after "X, proche du parti Y, a répondu par le biais
        de son porte-parole Z" is Z; but "Le gouvernement a adopté le texte. Il a déclaré" is
        the government."""
        compatible = [c for c in reversed(self.candidates) if c.start < offset and c.entity is not None
                      and id(c.entity) not in exclude
                      and not (gender and c.gender and gender != c.gender)
                      and not (number and c.number and number != c.number)]
        chosen = self._latest_salient(compatible, offset)
        if chosen is not None and number != "Plur" and chosen.entity.type != "PERSON":
            person = next((c for c in compatible if c.entity.type == "PERSON"
                           and offset - c.start <= SALIENT_REACH), None)
            if person is not None and (not chosen.main or person.start > chosen.start):
                return person.entity  # the latest person, named as subject or not
        return chosen.entity if chosen is not None else None

    @staticmethod
    def _latest_salient(compatible: list[Candidate], offset: int) -> Candidate | None:
        fallback: Candidate | None = None
        for cand in compatible:
            if fallback is not None and cand.sentence != fallback.sentence:
                break  # a plain mention beats subjects of sentences before its own
            if cand.salient and offset - cand.start <= SALIENT_REACH:
                return cand
            fallback = fallback or cand
        return fallback

    def unbound(self, mention: Mention, start: int, end: int) -> Mention:
        """A pronoun speaker is never someone the reported words name ("il a dénoncé l'idée
        du président" is not the president): resolved again without those referents."""
        if not mention.pronoun or mention.entity is None:
            return mention
        named = frozenset(id(e) for _, _, e in self.analysis.entities.mentions_in(start, end))
        if id(mention.entity) not in named:
            return mention
        word = low(mention.span[0])
        gender, number = self.lex.pronouns.get(word, (None, None))
        entity = self.antecedent(mention.span.start_char, gender, number, exclude=named)
        return Mention(mention.span, entity, pronoun=True)

    def remember(self, span: Span, head: Token, entity: Entity | None, *, speaker: bool) -> None:
        """Record a referent for later pronouns and descriptions."""
        if entity is None:
            return
        gender, number = np_gender_number(span, head)
        if head.pos_ == "PROPN" or head.text[:1].isupper():
            # names carry no reliable gender in the model; a title ("Mme", "Ms.") does
            gender = self.lex.name_gender(span.text) or (self._entity_gender(entity) if entity else None)
        if low(head) in self.lex.pronouns:
            gender, number = self.lex.pronouns[low(head)]
        first = next((t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN")), "")
        heads = frozenset({head.lemma_.lower(), first,
                           *(c.lemma_.lower() for c in head.children if c.dep_ == "appos")})
        main = speaker or (head.dep_ in SUBJECT_DEPS and _main_verb(head.head))
        bisect.insort(self.candidates, Candidate(span.start_char, entity, span.text, content_words(span),
                                                 heads, gender, number, speaker,
                                                 sentence=head.sent.start_char, main=main),
                      key=lambda c: c.start)

    def observe(self, sent: Span, toks: list[Token] | None = None) -> None:
        """Remember the subjects of a sentence (outside quotes) as referents (``toks``: its
        tokens, when the caller has them already)."""
        subjects = columns(sent.doc).where(dep=SUBJECT_DEPS, pos=("NOUN", "PROPN"))[sent.start: sent.end]
        for k in np.flatnonzero(subjects).tolist():
            tok = toks[k] if toks is not None else sent[k]
            if self.quotes.around(tok.idx):
                continue
            span = noun_phrase(tok, self.lex)
            entity = self.described(span, tok) or self.analysis.entities.at(span.start_char, span.end_char)
            if entity is None and tok.lemma_.lower() in self.lex.source_nouns:
                entity = self.analysis.entities.resolve(span)  # "cette commission ... si elle estime"
            self.remember(span, tok, entity, speaker=False)  # kept in order by insort

    def demote(self, start: int, end: int) -> None:
        """Referents inside reported words belong to the reported world, not to the
        narration: a pronoun after them means a speaker or subject of the narration."""
        self.candidates = [c for c in self.candidates if c.speaker or not start <= c.start < end]

    def _entity_gender(self, entity: Entity) -> str | None:
        """The gender a title gives any mention of the entity, written in it or just before."""
        text = self.analysis.text
        for m in entity.mentions:
            before = text[max(0, m.start - 12): m.start].split()
            gender = self.lex.name_gender(m.text) or (self.lex.name_gender(before[-1]) if before else None)
            if gender:
                return gender
        return None

    def observe_people(self) -> None:
        """Every mention of a person as a referent (names have no gender: any pronoun fits)."""
        for entity in self.analysis.entities.entities:
            if entity.type != "PERSON":
                continue
            for m in entity.mentions:
                if not m.text[:1].isupper() or self.quotes.around(m.start):
                    continue
                span = self.analysis.doc.char_span(m.start, m.end, alignment_mode="expand")
                sentence = span.sent.start_char if span is not None else -1
                gender = self.lex.name_gender(m.text) or self._entity_gender(entity)
                self.candidates.append(Candidate(m.start, entity, m.text, frozenset(), frozenset(),
                                                 gender, "Sing", False, salient=False, sentence=sentence))
        self.candidates.sort(key=lambda c: c.start)
